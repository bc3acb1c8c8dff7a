"""Text normalisation shared by the loader, the engine and the exporters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Control characters (escape sequences start with one), zero-width and line-separator characters, and the
# bidirectional overrides, embeddings, isolates and marks that can make a line read backwards on a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\u061c\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def clean_text(raw: str, *, multiline: bool) -> str:
    """NFC, no control characters, tidy whitespace: what is checked and stored for any typed text."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\t", " ")
    if not multiline:
        return _SPACES.sub(" ", text.replace("\n", " ")).strip()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def fold(text: str) -> str:
    """A matching key: case, accents and spacing ignored, so 'Khác', 'khac' and ' KHÁC ' all match. The analysis
    folds the same short words (a rule's stage words, option labels) for every touchpoint, so those are kept."""
    return _fold_short(text) if len(text) <= _FOLD_KEPT else _fold(text)


_FOLD_KEPT = 120


@lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def slug(text: str) -> str:
    """A readable, stable key for a free-text entry; entries with no letters or digits get a short hash."""
    value = _NON_SLUG.sub("-", fold(text)).strip("-")[:48].rstrip("-")
    if value:
        return value
    import hashlib  # rarely needed, and not worth its import on every start-up

    return "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def word_count(text: str) -> int:
    return len(text.split())


def shorten(text: str, width: int) -> str:
    """One line of at most `width` characters, cut with an ellipsis: for summaries and pickers."""
    # A printable text's only whitespace is the plain space: with no two together and none at either end it is one
    # line already, found faster than splitting it into words (the map's glance shortens every answer).
    one_line = text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
    flat = text if one_line else " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    # At a word's end where one is near, so a title never ends "…and some nev…".
    space = cut.rfind(" ")
    if space >= width * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:·-–—") + "…"


_SENTENCE_END = ".!?…。"


def join_sentences(first: str, second: str) -> str:
    """Two answers as one text of sentences: the first ended with a full stop if it has none, the second begun with
    a capital ("young couples" + "mostly Vietnamese" → "young couples. Mostly Vietnamese")."""
    first, second = first.rstrip(), second.strip()
    if not first or not second:
        return first or second
    if first[-1] not in _SENTENCE_END:
        first += "."
    return f"{first} {second[:1].upper()}{second[1:]}"
