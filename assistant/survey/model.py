"""The respondents of an interview's survey, as the store keeps them and the map reads them.

Answers are held by column (one list per question, one entry per respondent, `None` where they gave none) rather
than by respondent: the map counts and averages whole columns, and ten thousand respondents × sixty questions are
six hundred thousand cells. These are plain frozen dataclasses, not pydantic models, for the same reason: the store
builds them from its own rows, already checked when they were imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.survey.readings import Readings

CellValue = bool | int | float | str | list[str] | dict[str, str] | None
"""An answer as the interview stores one: yes/no, a number, a scale point, an option code (a list for several),
{"code": …} or {"other": …} for a choice with the respondent's own words, or text."""


@dataclass(frozen=True, slots=True)
class Batch:
    """One imported file."""

    number: int
    file_name: str
    imported_at: str
    respondents: int
    first: int
    last: int
    skipped_cells: int
    columns: tuple[str, ...]
    ignored: tuple[str, ...]
    personal_kept: bool


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)
class Respondents:
    """Every respondent of an interview, numbered (never named), with their answers by column id. Compared by
    identity: what they say is worked out once per loaded set and remembered beside it."""

    numbers: list[int]
    submitted: list[str | None]
    columns: dict[str, list[CellValue]]
    batches: list[Batch] = field(default_factory=list)
    readings: Readings = field(default_factory=Readings)
    """How the obstacle reader reads their answers: stored beside them once read (`Store.respondents`)."""

    def __len__(self) -> int:
        return len(self.numbers)

    def column(self, column_id: str) -> list[CellValue]:
        """The answers to one question, aligned with `numbers` (all `None` when nobody was asked it)."""
        return self.columns.get(column_id) or [None] * len(self.numbers)


@dataclass(frozen=True, slots=True)
class NewRespondent:
    fingerprint: bytes
    """A hash of the respondent's row, whatever the order of its columns."""
    submitted: str | None
    """The day the response was sent, YYYY-MM-DD."""


@dataclass(frozen=True, slots=True)
class NewBatch:
    """A file's respondents ready to be written, in one transaction."""

    file_name: str
    file_hash: str
    respondents: list[NewRespondent]
    columns: dict[str, list[CellValue]]
    skipped_cells: int
    ignored: list[str]
    personal: dict[str, list[str]] | None = None
    """The columns that look personal (name, email, phone), kept only when the user asked for it."""
