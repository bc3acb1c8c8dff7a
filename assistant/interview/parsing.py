"""Turning what a user typed into a typed answer value, or a localized reason why it is not one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from assistant.bank.model import Item, ItemType
from assistant.errors import JourneyError
from assistant.interview.values import AnswerValue
from assistant.text import clean_text, fold, slug

DEFAULT_MAX_LENGTH = {ItemType.TEXT: 500, ItemType.LONG_TEXT: 10_000, ItemType.OPEN_CHOICE: 500}
DEFAULT_ENTRY_LENGTH = 200
DEFAULT_MAX_ENTRIES = 100  # a list drives repeats; a pasted file must not become 100,000 touchpoints
MAX_DIGITS = 15
"""Digits a number may have: every figure a business gives fits, and each survives a float exactly, so the map's
arithmetic never overflows on a pasted 5,000-digit string."""

_YES = frozenset({"yes", "y", "true", "1", "co", "c", "dung", "phai", "vang", "u", "ok"})
_NO = frozenset({"no", "n", "false", "0", "2", "khong", "ko", "k", "sai", "chua"})
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,3}[.)])\s+")
_RANGE = re.compile(r"(\d{1,4})\s*[-–—]\s*(\d{1,4})")


class AnswerError(JourneyError):
    """An answer that does not fit its question; the message says what is expected."""


@dataclass(frozen=True, slots=True)
class OptionChoice:
    """An option as the parser matches it: its number in the list, its code and its labels in every language."""

    number: int
    code: str
    labels: tuple[str, ...]


def parse_answer(
    item: Item, raw: str | list[str], options: Sequence[OptionChoice] = (), vague: frozenset[str] = frozenset()
) -> AnswerValue | None:
    """The answer value for `raw`, None when nothing was typed, or an AnswerError.

    A list stands for entries given one by one (an answers file): list entries, or options for a multi-choice.
    """
    kind = item.type
    if not isinstance(raw, str):
        if kind is ItemType.LIST:
            return _parse_entries(item, raw) if raw else None
        if kind is ItemType.MULTI_CHOICE:
            return _parse_choices(item, raw, options) if raw else None
        raise AnswerError("answer.not_a_list")
    multiline = kind in (ItemType.LONG_TEXT, ItemType.LIST)
    if kind in DEFAULT_MAX_LENGTH:
        limit = item.max_length or DEFAULT_MAX_LENGTH[kind]
        if len(raw) > 2 * limit + 1_000:  # far past the limit: refused before a megabyte paste is cleaned
            raise AnswerError("answer.too_long", length=f"{len(raw):,}", limit=f"{limit:,}")
    text = clean_text(raw, multiline=multiline)
    if not text:
        return None
    if kind in (ItemType.TEXT, ItemType.LONG_TEXT):
        return _checked_length(text, item.max_length or DEFAULT_MAX_LENGTH[kind])
    if kind is ItemType.INTEGER:
        return _bounded(item, _parse_integer(text))
    if kind is ItemType.DECIMAL:
        return _bounded(item, _parse_decimal(text, "answer.not_number"))
    if kind is ItemType.PERCENT:
        value = _parse_decimal(text.translate(_FULLWIDTH).removesuffix("%").strip(), "answer.not_percent", raw=text)
        low = max(0.0, item.min) if item.min is not None else 0.0
        high = min(100.0, item.max) if item.max is not None else 100.0
        if not low <= value <= high:
            raise AnswerError("answer.percent_range", raw=text, min=_number(low), max=_number(high))
        return value
    if kind is ItemType.BOOLEAN:
        return parse_boolean(text)
    if kind is ItemType.SCALE:
        return _parse_scale(item, text)
    if kind is ItemType.LIST:
        return _parse_list(item, text)
    if not options:
        raise AnswerError("answer.no_options")
    if kind is ItemType.SINGLE_CHOICE:
        return _require_option(text, options)
    if kind is ItemType.MULTI_CHOICE:
        return _parse_multi(item, text, options)
    if kind is ItemType.OPEN_CHOICE:
        return _parse_open(item, text, options, vague)
    raise AnswerError("answer.finished")


def _checked_length(text: str, limit: int) -> str:
    if len(text) > limit:
        raise AnswerError("answer.too_long", length=f"{len(text):,}", limit=f"{limit:,}")
    return text


_SIGNED = re.compile(r"([+-]?)([0-9.,]+)")
_GROUPED = re.compile(r"[0-9]{1,3}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*")


_FULLWIDTH = str.maketrans("０１２３４５６７８９，．＋－％", "0123456789,.+-%")


# An owner's estimate is a number all the same: "khoảng 500", "tầm 3,5", "about 40", "~40".
_ABOUT = re.compile(
    r"^\s*(?:khoảng|khoang|tầm|tam|chừng|chung|gần|gan|hơn|hon|trên|tren|about|around|approximately|approx\.?|"
    r"roughly|nearly|almost|over|some|~|≈)\s*(?=[0-9０-９+\-－])",
    re.IGNORECASE,
)


def _split_sign(text: str) -> tuple[int, str] | None:
    text = _ABOUT.sub("", text)
    match = _SIGNED.fullmatch(text.translate(_FULLWIDTH).replace(" ", "").replace("\u00a0", ""))
    if match is None:
        return None
    body = match.group(2)
    if len(body) > 2 * MAX_DIGITS:  # before int() or float() is asked to read thousands of digits
        raise AnswerError("answer.number_too_large", digits=MAX_DIGITS)
    return (-1 if match.group(1) == "-" else 1), body


def _parse_integer(text: str) -> int:
    """12, 1.500, 1,500 and 1 500 are whole numbers; 3,5 is not."""
    signed = _split_sign(text)
    if signed is not None:
        sign, body = signed
        if body.isascii() and body.isdigit():
            return sign * int(body)
        if _GROUPED.fullmatch(body):
            return sign * int(re.sub(r"[.,]", "", body))
    raise AnswerError("answer.not_integer", raw=text)


def _parse_decimal(text: str, error_key: str, raw: str | None = None) -> float | int:
    """Accepts 3,5 and 3.5; with both marks the last one is the decimal mark (1.234,5 and 1,234.5)."""
    signed = _split_sign(text)
    if signed is None or not re.fullmatch(r"[0-9]+(?:[.,][0-9]+)*", signed[1]):
        raise AnswerError(error_key, raw=raw or text)
    sign, body = signed
    marks = set(re.findall(r"[.,]", body))
    if not marks:
        return sign * int(body)
    if len(marks) == 1 and body.count(next(iter(marks))) > 1:
        if not _GROUPED.fullmatch(body):
            raise AnswerError(error_key, raw=raw or text)
        return sign * int(re.sub(r"[.,]", "", body))
    decimal_at = max(body.rfind("."), body.rfind(","))
    whole = body[:decimal_at]
    if not (whole.isdigit() or _GROUPED.fullmatch(whole)):
        raise AnswerError(error_key, raw=raw or text)
    return sign * float(f"{re.sub(r'[.,]', '', whole)}.{body[decimal_at + 1 :]}")


def _bounded(item: Item, value: float) -> float:
    if abs(value) >= 10**MAX_DIGITS:
        raise AnswerError("answer.number_too_large", digits=MAX_DIGITS)
    low, high = item.min, item.max
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            raise AnswerError("answer.out_of_range", value=_number(value), min=_number(low), max=_number(high))
        if low is not None and value < low:
            raise AnswerError("answer.below_min", min=_number(low))
        raise AnswerError("answer.above_max", max=_number(high or 0))
    return value


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_boolean(raw: str) -> bool:
    key = fold(clean_text(raw, multiline=False)).rstrip(".!")
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise AnswerError("answer.not_boolean")


def _parse_scale(item: Item, text: str) -> int:
    values = [point.value for point in item.points]
    key = fold(text).rstrip(".")
    for point in item.points:
        if key == str(point.value) or key in (fold(label) for label in point.label.values()):
            return point.value
    raise AnswerError("answer.not_on_scale", min=min(values), max=max(values))


def _parse_list(item: Item, text: str) -> list[str]:
    return _parse_entries(item, text.split("\n") if "\n" in text else re.split(r"[,;]", text))


def _parse_entries(item: Item, pieces: Sequence[str]) -> list[str]:
    limit = item.max_length or DEFAULT_ENTRY_LENGTH
    entries: list[str] = []
    seen: dict[str, str] = {}
    for piece in pieces:
        entry = clean_text(_BULLET.sub("", piece), multiline=False)
        if not entry:
            continue
        if len(entry) > limit:
            raise AnswerError("answer.entry_too_long", entry=entry[:30], length=len(entry), limit=limit)
        key = slug(entry)
        if key in seen:
            raise AnswerError("answer.duplicate_entry", first=seen[key], second=entry)
        seen[key] = entry
        entries.append(entry)
    if item.min is not None and len(entries) < item.min:
        raise AnswerError("answer.too_few_entries", min=_number(item.min))
    most = DEFAULT_MAX_ENTRIES if item.max is None else item.max
    if len(entries) > most:
        raise AnswerError("answer.too_many_entries", count=len(entries), max=_number(most))
    return entries


_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_ASIDE = re.compile(r"\(([^()]*)\)")


def _option_key(text: str) -> str:
    """A label's matching key: accents, case and spacing ignored, and every dash one hyphen ('25-34' is '25–34')."""
    return _DASHES.sub("-", fold(text)).rstrip(".")


@cache
def _label_names(label: str) -> frozenset[str]:
    """What a label is also called in its own words: its name before an aside ('Quick' of 'Quick (four
    questions…)'), each name of 'Facebook / fanpage', and each example of an aside listing them ('Shopee' of
    'Marketplace (Shopee, Lazada, Tiki…)')."""
    names: set[str] = set()
    head = _ASIDE.sub("", label)
    names.update(part for part in (_option_key(piece) for piece in head.split("/")) if part)
    for aside in _ASIDE.findall(label):
        pieces = [piece.strip(" .…") for piece in re.split(r"[,;]", aside)]
        # A list of examples ("Shopee, Lazada, Tiki…") rather than a remark ("if any, say which").
        listed = len(pieces) >= 3 or aside.rstrip().endswith(("…", "..."))
        if listed and all(len(piece.split()) <= 3 for piece in pieces):
            names.update(_option_key(piece) for piece in pieces if piece)
    return frozenset(names)


def match_option(token: str, options: Sequence[OptionChoice]) -> OptionChoice | None:
    """By number, code or label in any language (accents, case and the kind of dash do not matter), else by a name
    the label gives itself (its words before an aside, the examples it lists) when only one option has it."""
    key = _option_key(token)
    if key.isdigit():
        return next((option for option in options if option.number == int(key)), None)
    matches = [
        option
        for option in options
        if key == option.code.lower() or any(key == _option_key(label) for label in option.labels)
    ]
    if not matches:
        named = [option for option in options if any(key in _label_names(label) for label in option.labels)]
        return named[0] if len(named) == 1 else None
    if len(matches) > 1:
        names = ", ".join(f"{option.number}. {option.labels[0]}" for option in matches)
        raise AnswerError("answer.ambiguous_option", raw=token, matches=names)
    return matches[0] if matches else None


def _require_option(text: str, options: Sequence[OptionChoice]) -> str:
    option = match_option(text, options)
    if option is None:
        raise AnswerError("answer.unknown_option", raw=text)
    return option.code


def _parse_multi(item: Item, text: str, options: Sequence[OptionChoice]) -> list[str]:
    whole = match_option(text, options)
    if whole is not None:
        return _checked_choices(item, [whole.code], options)
    tokens = re.split(r"[,;\n]", text)
    if len(tokens) == 1 and all(part.isdigit() for part in text.split()):
        tokens = text.split()
    return _parse_choices(item, tokens, options)


def number_range(token: str) -> tuple[int, int] | None:
    """The first and last number of a range such as `2-4` (or `4-2`, `2–4`), in order; None for anything else."""
    match = _RANGE.fullmatch(token.strip())
    if match is None:
        return None
    first, last = sorted((int(match.group(1)), int(match.group(2))))
    return first, last


def _parse_choices(item: Item, tokens: Sequence[str], options: Sequence[OptionChoice]) -> list[str]:
    """Each token an option (number, code or label) or a range of option numbers (`2-4`)."""
    chosen: list[str] = []
    for token in (clean_text(str(part), multiline=False) for part in tokens):
        if not token:
            continue
        span = number_range(token) if match_option(token, options) is None else None
        if span is not None:
            codes = [_require_option(str(number), options) for number in range(span[0], span[1] + 1)]
        else:
            codes = [_require_option(token, options)]
        chosen.extend(code for code in codes if code not in chosen)
    return _checked_choices(item, chosen, options)


def _checked_choices(item: Item, chosen: list[str], options: Sequence[OptionChoice]) -> list[str]:
    order = {option.code: option.number for option in options}
    chosen.sort(key=order.__getitem__)
    if item.min is not None and len(chosen) < item.min:
        raise AnswerError("answer.too_few_choices", min=_number(item.min))
    if item.max is not None and len(chosen) > item.max:
        raise AnswerError("answer.too_many_choices", max=_number(item.max))
    return chosen


def _parse_open(
    item: Item, text: str, options: Sequence[OptionChoice], vague: frozenset[str] = frozenset()
) -> dict[str, str]:
    limit = item.max_length or DEFAULT_MAX_LENGTH[ItemType.OPEN_CHOICE]
    if len(text) > max(limit, max((len(label) for o in options for label in o.labels), default=0)):
        # Longer than any option's label and than the limit: refused before any folding, so a pasted megabyte
        # costs nothing (a label longer than the limit still picks its option).
        raise AnswerError("answer.too_long", length=f"{len(text):,}", limit=f"{limit:,}")
    option = match_option(text, options)
    if option is not None:
        return {"code": option.code}
    if fold(text).rstrip(".").isdigit():
        raise AnswerError("answer.unknown_option", raw=text)
    if fold(text).rstrip(".!") in vague:
        # "ko", "không biết" are not an answer of one's own: choose an option, or say what it is.
        raise AnswerError("answer.vague_choice", raw=text)
    return {"other": _checked_length(text, limit)}
