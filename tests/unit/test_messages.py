"""The message catalogue: every key the code says exists in both languages with the same placeholders, every
key in the catalogue is used, plurals read right, and `t()` never raises."""

from __future__ import annotations

import ast
import logging
import re
import string
from pathlib import Path

import pytest

from assistant.i18n import MESSAGES, Plural, t

ROOT = Path(__file__).resolve().parents[2] / "assistant"
NAMESPACES = sorted({key.split(".", 1)[0] for key in MESSAGES})
KEY_SHAPE = re.compile(rf"^(?:{'|'.join(NAMESPACES)})\.[a-z0-9_.]*[a-z0-9_]$")
PREFIX_SHAPE = re.compile(rf"^(?:{'|'.join(NAMESPACES)})\.(?:[a-z0-9_]+\.)*$")
NOT_MESSAGES = {"bank.body"}  # a location inside an exported file, shaped like a key


def _code_strings() -> tuple[set[str], set[str]]:
    """String constants shaped like message keys, and the prefixes of keys built with f-strings, in the code and
    in the templates."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    for path in ROOT.rglob("*.py"):
        if "i18n" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY_SHAPE.match(node.value):
                keys.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str) and PREFIX_SHAPE.match(head.value):
                    prefixes.add(head.value)
    # The HTML templates call t("key") too, or build a key with ~ ("map.severity." ~ severity).
    for path in ROOT.rglob("templates/*"):
        templates = {sibling.name for sibling in path.parent.iterdir()}  # {% include "map.css" %} is no key
        for quoted in re.findall(r"[\"']([a-z0-9_.]+)[\"']", path.read_text(encoding="utf-8")):
            if quoted in templates:
                continue
            if KEY_SHAPE.match(quoted):
                keys.add(quoted)
            elif PREFIX_SHAPE.match(quoted):
                prefixes.add(quoted)
    return keys, prefixes


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_the_code_uses_exists() -> None:
    keys, _ = _code_strings()
    missing = sorted(keys - set(MESSAGES) - NOT_MESSAGES)
    assert not missing, f"message keys used in the code but missing from the catalogue: {missing}"


def test_every_key_in_the_catalogue_is_used() -> None:
    keys, prefixes = _code_strings()
    unused = sorted(key for key in MESSAGES if key not in keys and not any(key.startswith(p) for p in prefixes))
    assert not unused, f"message keys nothing uses (dead text): {unused}"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_take_the_same_placeholders(key: str) -> None:
    vietnamese, english = MESSAGES[key]
    assert isinstance(vietnamese, str) and vietnamese.strip(), "Vietnamese text missing"
    forms = [english.one, english.other] if isinstance(english, Plural) else [english]
    assert all(form.strip() for form in forms), "English text missing"
    expected = _placeholders(vietnamese)
    assert _placeholders(forms[-1]) == expected, "the English text names other placeholders than the Vietnamese"
    if isinstance(english, Plural):
        assert _placeholders(english.one) <= expected | {english.by}
        assert english.by in expected | _placeholders(english.other), "a plural must be chosen by a given number"


def test_plurals_follow_the_number() -> None:
    assert t("bank.problem_count", "en", count=1) == "Found 1 problem in the question bank."
    assert t("bank.problem_count", "en", count=3) == "Found 3 problems in the question bank."
    assert "its only answer" in t("cli.confirm_delete", "en", title="A", id="abc", done=1)
    assert "its 12 answers" in t("cli.confirm_delete", "en", title="A", id="abc", done=12)
    assert "12 câu trả lời" in t("cli.confirm_delete", "vi", title="A", id="abc", done=12)
    assert "(s)" not in " ".join(
        form for _, english in MESSAGES.values() for form in (english if isinstance(english, Plural) else [english])
    )


def test_a_missing_key_is_a_sentence_and_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="journey"):
        english = t("no.such.key", "en", anything=1)
        vietnamese = t("no.such.key", "vi")
    assert "no.such.key" in english and english.endswith(".")
    assert "no.such.key" in vietnamese and vietnamese != english
    assert any("no.such.key" in record.getMessage() for record in caplog.records)


def test_a_missing_placeholder_stays_visible_instead_of_raising(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="journey"):
        text = t("cli.error", "en")
        partial = t("cli.renamed", "en", id="abc")
    assert text == "Error: {message}"
    assert partial == "Renamed abc to “{title}”."
    assert any("title" in record.getMessage() for record in caplog.records)
