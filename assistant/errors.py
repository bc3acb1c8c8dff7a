"""Errors a user can cause: each carries a message key so the front door can say it in the user's language."""

from __future__ import annotations

from typing import Any

from assistant.i18n import t


class JourneyError(Exception):
    exit_code = 1
    # Messages that already start with their own location (file:line: …), the way compilers print them.
    located = False

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, locale: str) -> str:
        return t(self.key, locale, **self.params)
