"""Problems found in a bank file, each located by file, line and path, and told in a sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from assistant.errors import JourneyError
from assistant.i18n import t

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top)"


class BankProblem(BaseModel):
    file: str
    path: Path
    key: str
    params: dict[str, Any] = Field(default_factory=dict)
    line: int | None = None

    def message(self, locale: str) -> str:
        sentence = t(self.key, locale, **self.params)
        where = format_path(self.path)
        if self.line is None:
            return t("bank.location_noline", locale, file=self.file, path=where, message=sentence)
        return t("bank.location", locale, file=self.file, line=self.line, path=where, message=sentence)


class BankError(JourneyError):
    """A bank that cannot be used; `problems` says every reason, in document order."""

    located = True

    def __init__(self, problems: Sequence[BankProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line or 0, format_path(p.path)))
        super().__init__("bank.problem_count", count=len(self.problems))

    def message(self, locale: str) -> str:
        return "\n".join(problem.message(locale) for problem in self.problems)
