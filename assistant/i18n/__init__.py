"""Every user-facing string that is not bank content, in Vietnamese and English, and locale detection.

`t()` never raises: a missing key or a placeholder the caller did not give is logged and replaced by a readable
sentence, because a message about an error must never become a second error.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Literal

from assistant.i18n.catalog import Message, Plural
from assistant.i18n.catalog.answers import MESSAGES as _ANSWERS
from assistant.i18n.catalog.app import MESSAGES as _APP
from assistant.i18n.catalog.bank import MESSAGES as _BANK
from assistant.i18n.catalog.chat import MESSAGES as _CHAT
from assistant.i18n.catalog.commands import MESSAGES as _COMMANDS
from assistant.i18n.catalog.conversation import MESSAGES as _CONVERSATION
from assistant.i18n.catalog.map import MESSAGES as _MAP
from assistant.i18n.catalog.survey import MESSAGES as _SURVEY

# Defined here, not in the bank model, so the command line can speak without importing pydantic.
Locale = Literal["vi", "en"]
SUPPORTED_LOCALES: tuple[Locale, ...] = ("vi", "en")

MESSAGES: dict[str, Message] = {
    **_ANSWERS,
    **_BANK,
    **_COMMANDS,
    **_CHAT,
    **_CONVERSATION,
    **_MAP,
    **_APP,
    **_SURVEY,
}

_MISSING: Message = (
    "Đã xảy ra sự cố ngoài dự kiến (thiếu thông báo «{key}»). Dữ liệu của bạn không bị ảnh hưởng.",
    "Something unexpected happened (the message “{key}” is missing). Your data is not affected.",
)
_log = logging.getLogger("journey.i18n")

__all__ = ["MESSAGES", "SUPPORTED_LOCALES", "Locale", "Plural", "detect_locale", "parse_locale", "t", "tidy"]


class _Lenient(dict[str, Any]):
    """Format parameters where a placeholder nobody gave stays visible as `{name}` instead of raising."""

    def __missing__(self, name: str) -> str:
        _log.warning("message placeholder {%s} not given", name)
        return "{" + name + "}"


def t(key: str, locale: str, /, **params: Any) -> str:
    """The message `key` in `locale` (English when the locale is not Vietnamese), with params filled in."""
    message = MESSAGES.get(key)
    if message is None:
        _log.warning("message key %r is missing", key)
        message, params = _MISSING, {"key": key}
    vietnamese, english = message
    template = vietnamese if locale == "vi" else english
    if isinstance(template, Plural):
        template = template.one if _number(params.get(template.by)) == 1 else template.other
    if not params:
        return template
    try:
        return template.format_map(_Lenient(tidy(template, params)))
    except (ValueError, IndexError, AttributeError, TypeError) as error:
        _log.warning("message %r does not format: %s", key, error)
        return template


_INNER_QUOTES = (("«", "»", str.maketrans("«»", "“”")), ("“", "”", str.maketrans("“”", "‘’")))
"""Each language's quotes (Vietnamese « », English “ ”) and what they become inside a quotation of the same kind."""


def tidy(template: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters fitted to the sentence around them: a quoted answer that ends with a full stop loses it where
    the sentence puts its own right after ("Current answer: 30 orders a month.. Leave…" reads wrong), and a quoted
    text that quotes something itself (a question naming a stage) quotes it with the inner marks, so the sentence
    never reads "Đã sửa «Ở giai đoạn «Tìm hiểu», …»"."""
    fitted = dict(params)
    for name, before_stop, inner in _fittings(template, tuple(params)):
        value = params[name]
        if not isinstance(value, str):
            continue
        if before_stop and value.endswith("."):
            value = value.rstrip(".")
        for marks, table in inner:
            if marks[0] in value or marks[1] in value:
                value = value.translate(table)
        fitted[name] = value
    return fitted


@lru_cache(maxsize=2048)
def _fittings(
    template: str, names: tuple[str, ...]
) -> tuple[tuple[str, bool, tuple[tuple[str, dict[int, int]], ...]], ...]:
    """Where in `template` each parameter that needs fitting stands (`tidy`): the analysis says the same few
    sentences hundreds of times per map, so where each parameter sits is looked up once per sentence."""
    fittings = []
    for name in names:
        placeholder = "{" + name + "}"
        before_stop = placeholder + "." in template
        inner = tuple(
            (opening + closing, table)
            for opening, closing, table in _INNER_QUOTES
            if opening + placeholder + closing in template
        )
        if before_stop or inner:
            fittings.append((name, before_stop, inner))
    return tuple(fittings)


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").replace(".", "").replace("\u00a0", ""))
        except ValueError:
            return None
    return None


def detect_locale(environ: Mapping[str, str] | None = None) -> Locale:
    """The system's language as journey knows it: Vietnamese for a vi_* locale, English otherwise."""
    env = os.environ if environ is None else environ
    for variable in ("JOURNEY_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def parse_locale(value: str) -> Locale | None:
    lowered = value.strip().lower().replace("-", "_")
    return next((loc for loc in SUPPORTED_LOCALES if lowered == loc or lowered.startswith(loc + "_")), None)
