"""Text normalisation: `fold` and `slug` outputs are stored in databases (search keys, instance keys), so they are
pinned; `clean_text` drops what could act on a terminal; the terminal sanitizer shows what it neutralises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.terminal import for_terminal
from assistant.text import clean_text, fold, shorten, slug, word_count


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Khác", "khac"),
        ("  KHÁC  ", "khac"),
        ("Đà Lạt", "da lat"),
        ("Cà phê\tsữa   đá", "ca phe sua da"),
        ("Straße", "strasse"),
        ("ﬁle №5", "file no5"),
        ("", ""),
    ],
)
def test_fold_is_pinned(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "slugged"),
    [
        ("Google Maps", "google-maps"),
        ("Trang Facebook (fanpage)", "trang-facebook-fanpage"),
        ("Điểm chạm số 1", "diem-cham-so-1"),
        ("  --Awareness--  ", "awareness"),
        ("a" * 60, "a" * 48),
        ("word " * 12, "word-word-word-word-word-word-word-word-word-wor"),
        ("🚀", "x0a858ab8"),
        ("!!!", "x9a7b006d"),
    ],
)
def test_slug_is_pinned(text: str, slugged: str) -> None:
    assert slug(text) == slugged


def test_clean_text_single_and_multi_line() -> None:
    assert clean_text("  Lotus \t Coffee \r\n  Q4 ", multiline=False) == "Lotus Coffee Q4"
    assert clean_text("a\r\n\r\n\r\n\r\nb  \n c", multiline=True) == "a\n\nb\nc"
    assert clean_text("e\u0301", multiline=False) == "é", "NFC"


@pytest.mark.parametrize(
    "hostile",
    [
        "\x1b]0;title\x07",
        "\x1b[31m",
        "\u202e",
        "\u202a\u202b\u202c\u202d",
        "\u2066\u2067\u2068\u2069",
        "\u200e\u200f",
        "\u061c",
        "\x9b",
        "\x00\x7f",
    ],
)
def test_clean_text_drops_control_escape_and_bidi_characters(hostile: str) -> None:
    cleaned = clean_text(f"Lotus{hostile}Coffee", multiline=False)
    assert cleaned.startswith("Lotus") and cleaned.endswith("Coffee")
    assert not any(ord(character) < 0x20 or 0x7F <= ord(character) <= 0x9F for character in cleaned)
    assert not set(cleaned) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def test_clean_text_keeps_emoji_joiners() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text(family, multiline=False) == family


def test_the_terminal_sanitizer_shows_controls_and_drops_bidi() -> None:
    assert for_terminal("a\x1b]0;x\x07b\x1b[31mc") == "a␛]0;x␇b␛[31mc"
    assert for_terminal("line one\n\tline two") == "line one\n\tline two"
    assert for_terminal("\u202eabc\u202c") == "abc"
    assert for_terminal("\x7f\x85") == "\u2421\ufffd"
    assert for_terminal("Cà phê 🚀") == "Cà phê 🚀"


def test_word_count_and_shorten() -> None:
    assert word_count("  two   words ") == 2
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("abcdefghijk", 5) == "abcd…"
    assert (
        shorten("Customers cannot find the entrance and some never come back", 40)
        == "Customers cannot find the entrance and…"
    )


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_shorten_keeps_the_words_one_space_apart(text: str, width: int) -> None:
    """Whatever whitespace the text has (tabs, line breaks, no-break or ideographic spaces): a text that fits comes
    back as its words one space apart, and a longer one as the start of those, cut."""
    words = " ".join(text.split())
    short = shorten(text, width)
    if len(words) <= width:
        assert short == words
    else:
        assert short.endswith("…") and words.startswith(short[:-1])
