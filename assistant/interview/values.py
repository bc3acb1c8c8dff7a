"""Answer values as they are stored, and as a person reads them."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.bank.model import Item, ItemType, localize
from assistant.i18n import t

AnswerValue = bool | int | float | str | list[str] | dict[str, str]
"""Text, numbers, booleans; option codes (a list for several); {"code": …} or {"other": …} for open choices."""


_VIETNAMESE_MARKS = str.maketrans(",.", ".,")


def format_number(value: float, locale: str) -> str:
    """12 345,5 in Vietnamese and 12,345.5 in English: the way each reader writes numbers."""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
    if locale == "vi":
        return text.translate(_VIETNAMESE_MARKS)
    return text


def option_labels(item: Item, locale: str, default_locale: str) -> dict[str, str]:
    return {option.code: localize(option.label, locale, default_locale) for option in item.options}


def display_value(item: Item, value: AnswerValue, locale: str, labels: Mapping[str, str]) -> str:
    """One line a person reads: option labels instead of codes, numbers in the reader's style.

    `labels` maps option codes to labels in `locale` (the item's own options, or options drawn from
    another answer)."""
    kind = item.type
    if isinstance(value, bool):
        return t("value.yes" if value else "value.no", locale)
    if kind is ItemType.PERCENT and isinstance(value, int | float):
        return f"{format_number(value, locale)}%"
    if kind is ItemType.SCALE and isinstance(value, int):
        label = labels.get(str(value), "")
        return f"{value} — {label}" if label else str(value)
    if isinstance(value, int | float):
        return format_number(value, locale)
    if isinstance(value, dict):
        return labels.get(value["code"], value["code"]) if "code" in value else value.get("other", "")
    if isinstance(value, list):
        if kind is ItemType.MULTI_CHOICE:
            return ", ".join(labels.get(code, code) for code in value)
        return ", ".join(value)
    if kind is ItemType.SINGLE_CHOICE:
        return labels.get(value, value)
    return value
