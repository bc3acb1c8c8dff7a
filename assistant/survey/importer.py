"""Importing a spreadsheet of survey responses into an interview: one row, one respondent.

Columns are matched by the `[column-id]` at the end of their header, else by the exact question text in any of the
bank's languages, else by the mapping file; the form's own columns (timestamp, response id) are recognised, columns
that look personal (name, email, phone) are left out unless asked for, and every other column is listed and ignored.
Cells go through the interview's parsers (1–5 or the scale's labels, yes / no / có / không, options by label); a
cell that does not parse is reported by spreadsheet row and column, and skipped, or refuses the file with `strict`.

Nothing is written until the whole file has been read, and then in one transaction: a refused file leaves the
database as it was. Every row is fingerprinted, so a file imported twice adds nobody, and a later export of the same
form (its earlier rows plus new ones) adds only the new ones.
"""

from __future__ import annotations

import gc
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, compress, islice, repeat
from operator import is_, itemgetter
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.bank.model import ItemType
from assistant.documents import DocumentError
from assistant.errors import JourneyError
from assistant.i18n import t
from assistant.interview.parsing import (
    DEFAULT_MAX_LENGTH,
    AnswerError,
    OptionChoice,
    match_option,
    parse_answer,
    parse_boolean,
)
from assistant.store import FINGERPRINT_BYTES, Store
from assistant.survey.cells import from_spreadsheet_text
from assistant.survey.design import DEFAULT_TEXT_LENGTH, TOUCHPOINT_KINDS, Survey, SurveyColumn, touchpoint_column
from assistant.survey.model import CellValue, NewBatch, NewRespondent
from assistant.survey.reading import BrokenRecord, CsvFile, open_responses
from assistant.text import clean_text, fold

PROBLEMS_KEPT = 20
PERSONAL_SAMPLE = 50
PROGRESS_EVERY = 500
CHUNK_ROWS = 1000
Progress = Callable[[int, int, int], None]
"""Called now and then while reading: rows read, bytes read, file size."""

_ID_SUFFIX = re.compile(r"\[([^\[\]]+)\]\s*$")
_SCALE_CELL = re.compile(r"^\s*(\d+)\s*(?:/\s*\d+\s*)?(?:[-–—.:)]\s*(.*))?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().-]{9,18}$")
_TICKS = frozenset({"x", "✓", "✔", "☑", "✅"})
_CHOICE_SEPARATORS = ",;\n"
_BLANK = "\x1f \t\r\n\u00a0"

# Headers the form tools write for their own use (folded): the time a response was sent, in the order preferred.
SUBMITTED_HEADERS = (
    "completion time",
    "thoi gian hoan thanh",
    "submit date (utc)",
    "submitted at",
    "timestamp",
    "dau thoi gian",
    "last modified time",
    "thoi gian sua doi lan cuoi",
    "start time",
    "thoi gian bat dau",
    "start date (utc)",
)
FORM_HEADERS = frozenset({"id", "#", "network id", "response type", "tags", "ending", "score", "total score", "ma"})
PERSONAL_HEADERS = frozenset(
    {"name", "full name", "your name", "ho ten", "ho va ten", "ten", "ten cua ban", "ten ban", "address", "dia chi"}
)
PERSONAL_HEADER_LENGTH = 40
PERSONAL_WORDS = ("email", "e-mail", "phone", "mobile", "dien thoai", "sdt", "so dt", "ho ten", "ho va ten", "zalo")


@dataclass(frozen=True, slots=True)
class ImportOptions:
    strict: bool = False
    keep_personal: bool = False
    mapping: Path | None = None


class _Report(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CellProblem(_Report):
    """A bad cell, or a broken row (no column) that was skipped whole."""

    row: int = Field(description="The spreadsheet row: the header is row 1.")
    column: str | None = Field(description="The column's header, as written; none for a broken row.")
    key: str
    params: dict[str, Any] = Field(default_factory=dict)

    def message(self, locale: str) -> str:
        sentence = t(self.key, locale, **self.params)
        if self.column is None:
            return t("survey.import.row", locale, row=self.row, message=sentence)
        return t("survey.import.cell", locale, row=self.row, column=self.column, message=sentence)


class MatchedColumn(_Report):
    header: str
    column: str
    by: Literal["id", "text", "mapping"]


class ImportReport(_Report):
    file: str
    batch: int
    imported: int
    first: int
    last: int
    empty_rows: int = 0
    already: int = Field(default=0, description="Rows imported before (an earlier export of the same form).")
    no_consent: int = Field(default=0, description="Rows whose respondent did not tick the consent line.")
    bad_cells: int = 0
    bad_rows: int = Field(default=0, description="Rows that could not be read (quotes that do not match…), skipped.")
    problems: list[CellProblem] = Field(
        default_factory=list, description=f"The first {PROBLEMS_KEPT} bad cells and broken rows."
    )
    contradicted: int = Field(default=0, description="Answers about touchpoints the respondent said they did not use.")
    matched: list[MatchedColumn] = Field(default_factory=list)
    ignored: list[str] = Field(default_factory=list, description="Headers matched to no question.")
    form: list[str] = Field(default_factory=list, description="The form tool's own columns: timestamps, ids.")
    personal: list[str] = Field(default_factory=list, description="Columns that look personal.")
    personal_kept: bool = False


class RefusedImportError(JourneyError):
    """A file refused as a whole; `problems` lists its bad cells when that is why."""

    def __init__(
        self,
        key: str,
        problems: Sequence[CellProblem] = (),
        total: int = 0,
        counted: Sequence[tuple[str, int]] = (),
        **params: Any,
    ) -> None:
        self.problems = list(problems)
        self.total = total
        self.counted = list(counted)
        """Counts said in the user's language as {what}: (message key, count)."""
        super().__init__(key, **params)

    def message(self, locale: str) -> str:
        what = ", ".join(t(key, locale, count=count) for key, count in self.counted)
        first = t(self.key, locale, **self.params, what=what) if self.counted else super().message(locale)
        lines = [first, *(problem.message(locale) for problem in self.problems)]
        if self.total > len(self.problems):
            lines.append(t("survey.import.more_problems", locale, count=self.total - len(self.problems)))
        return "\n".join(lines)


def import_responses(
    store: Store,
    interview_id: str,
    path: Path,
    survey: Survey,
    options: ImportOptions = ImportOptions(),
    progress: Progress | None = None,
) -> ImportReport:
    """Read `path` against `survey` (the interview's survey) and add its respondents to the interview."""
    row = store.get(interview_id)
    mapping = read_mapping(options.mapping, survey) if options.mapping is not None else {}
    file_hash = _file_hash(path)
    earlier = store.batch_of_file(row.id, file_hash)
    if earlier is not None:
        raise RefusedImportError("survey.import.same_file", path=str(path), batch=earlier)
    with open_responses(path) as csv_file, csv_file.problems(), _bulk():
        records = csv_file.records()
        head = list(islice(records, PERSONAL_SAMPLE))
        plan = _plan(csv_file.header, head, survey, mapping, str(path))
        if not plan.columns:
            key = "survey.import.other_interview" if plan.foreign_ids else "survey.import.no_columns"
            raise RefusedImportError(key, path=str(path), id=row.id)
        reader = _Rows(plan, survey, options, store.known_fingerprints(row.id))
        reader.read(chain(head, records), csv_file, progress)
    problems = reader.bad_cells + reader.bad_rows
    if options.strict and problems:
        counted = [("survey.summary.bad_rows", reader.bad_rows), ("survey.summary.bad_cells", reader.bad_cells)]
        raise RefusedImportError(
            "survey.import.strict",
            reader.problems,
            problems,
            counted=[pair for pair in counted if pair[1]],
            path=str(path),
        )
    if reader.read_rows == 0:
        if reader.bad_rows:
            raise RefusedImportError(
                "survey.import.all_broken", reader.problems, reader.bad_rows, path=str(path), count=reader.bad_rows
            )
        raise RefusedImportError("survey.import.no_rows", path=str(path))
    if not reader.respondents:
        if reader.already:
            raise RefusedImportError("survey.import.already", path=str(path), batch=reader.first_batch or 0)
        raise RefusedImportError("survey.import.nobody", path=str(path), no_consent=reader.no_consent)
    keep = options.keep_personal and bool(plan.personal)
    batch = store.add_respondents(
        row.id,
        NewBatch(
            file_name=path.name,
            file_hash=file_hash,
            respondents=reader.respondents,
            columns=reader.columns,
            skipped_cells=reader.bad_cells,
            ignored=plan.ignored,
            personal=reader.personal if keep else None,
        ),
    )
    return ImportReport(
        file=str(path),
        batch=batch.number,
        imported=batch.respondents,
        first=batch.first,
        last=batch.last,
        empty_rows=reader.empty_rows,
        already=reader.already,
        no_consent=reader.no_consent,
        bad_cells=reader.bad_cells,
        bad_rows=reader.bad_rows,
        problems=reader.problems,
        contradicted=reader.contradicted,
        matched=plan.matched,
        ignored=plan.ignored,
        form=plan.form,
        personal=[header for _, header in plan.personal],
        personal_kept=keep,
    )


@contextmanager
def _bulk() -> Iterator[None]:
    """Hundreds of thousands of cells are read and kept: the cyclic garbage collector, which would walk them all
    again and again, waits until the file is read (nothing read here forms a cycle)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except FileNotFoundError:
        raise DocumentError("document.not_found", path=str(path)) from None
    except IsADirectoryError:
        raise DocumentError("document.is_directory", path=str(path)) from None
    except OSError as error:
        raise DocumentError("document.unreadable", path=str(path), reason=error.strerror or str(error)) from None
    return digest.hexdigest()


# ----- the mapping file ----------------------------------------------------------------------------------------


def read_mapping(path: Path, survey: Survey) -> dict[str, str | None]:
    """A YAML or JSON file `columns: {header: column-id}` (null ignores the column), keyed by the cleaned header."""
    from assistant.documents import read_document

    document = read_document(path).data
    columns = document.get("columns") if isinstance(document, dict) else None
    if not isinstance(columns, dict):
        raise JourneyError("survey.mapping.shape", path=str(path))
    known = {column.id for column in survey.columns}
    mapping: dict[str, str | None] = {}
    for header, target in columns.items():
        if target is not None and (not isinstance(target, str) or target not in known):
            raise JourneyError("survey.mapping.unknown", path=str(path), header=str(header), column=str(target))
        mapping[_header_key(str(header))] = target
    return mapping


# ----- matching the header -------------------------------------------------------------------------------------


@dataclass
class _Plan:
    columns: dict[str, list[int]] = field(default_factory=dict)
    """Column id → the indexes of the file's columns holding its answers (several only for a multi-choice)."""
    matched: list[MatchedColumn] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    form: list[str] = field(default_factory=list)
    personal: list[tuple[int, str]] = field(default_factory=list)
    submitted: int | None = None
    day_first: bool = False
    foreign_ids: bool = False
    headers: list[str] = field(default_factory=list)
    order: list[int] = field(default_factory=list)
    """The file's columns in header order, for fingerprints that do not depend on where a column sits."""


def _header_key(header: str) -> str:
    return clean_text(from_spreadsheet_text(header.replace("\ufeff", "")), multiline=False).casefold()


def _column_letter(index: int) -> str:
    """A column as a spreadsheet names it: A … Z, AA, AB …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _plan(
    header: list[str], head: list[list[str]], survey: Survey, mapping: dict[str, str | None], where: str
) -> _Plan:
    plan = _Plan(headers=[clean_text(h.replace("\ufeff", ""), multiline=False) for h in header])
    by_id = {column.id: column for column in survey.columns}
    by_text: dict[str, str | None] = {}
    for column in survey.columns:
        for text in column.texts.values():
            key = _header_key(text)
            by_text[key] = column.id if by_text.get(key, column.id) == column.id else None  # a text two ask: ambiguous
    submitted_rank: int | None = None
    for index, raw in enumerate(header):
        shown = plan.headers[index] or f"#{index + 1}"
        key = _header_key(raw)
        bracket = _ID_SUFFIX.search(raw)
        bare = _header_key(raw[: bracket.start()]) if bracket else key
        target: str | None = None
        by: Literal["id", "text", "mapping"] = "id"
        if key in mapping and mapping[key] is None:
            plan.ignored.append(shown)
            continue
        if bracket and bracket[1].strip() in by_id:
            target = bracket[1].strip()
        elif by_text.get(key) or by_text.get(bare):
            target, by = by_text.get(key) or by_text.get(bare), "text"
        elif key in mapping:
            target, by = mapping[key], "mapping"
        if target is not None:
            if plan.columns.get(target) and by_id[target].type is not ItemType.MULTI_CHOICE:
                earlier = plan.columns[target][0]
                letters = {"first": _column_letter(earlier), "second": _column_letter(index)}
                if _header_key(header[earlier]) == key:  # a mapping, keyed by the header, cannot tell them apart
                    raise JourneyError("survey.import.same_header", path=where, column=shown, **letters)
                raise JourneyError(
                    "survey.import.twice", path=where, column=shown, other=plan.headers[earlier], **letters
                )
            plan.columns.setdefault(target, []).append(index)
            plan.matched.append(MatchedColumn(header=shown, column=target, by=by))
            continue
        if bracket and re.fullmatch(r"(?:tp|q|p)\..+", bracket[1].strip()):
            plan.foreign_ids = True
        folded = fold(bare)
        if folded in SUBMITTED_HEADERS:
            rank = SUBMITTED_HEADERS.index(folded)
            if submitted_rank is None or rank < submitted_rank:
                plan.submitted, submitted_rank = index, rank
                plan.day_first = folded != key.strip()  # a header with Vietnamese marks: dates are day first
            plan.form.append(shown)
        elif folded in FORM_HEADERS:
            plan.form.append(shown)
        elif _looks_personal(folded, [record[index] for record in head if index < len(record)]):
            if any(kept == shown for _, kept in plan.personal):  # each is kept apart, under its own name
                shown = f"{shown} ({_column_letter(index)})"
            plan.personal.append((index, shown))
        else:
            plan.ignored.append(shown)
    plan.order = sorted(range(len(header)), key=lambda i: plan.headers[i])
    return plan


def _looks_personal(folded_header: str, sample: list[str]) -> bool:
    """A column of names, emails or phone numbers: by a short header that names one (a long header mentioning a
    phone number is a question, e.g. a consent line), or by cells that look like contacts."""
    if folded_header in PERSONAL_HEADERS:
        return True
    if len(folded_header) <= PERSONAL_HEADER_LENGTH and any(word in folded_header for word in PERSONAL_WORDS):
        return True
    values = [value.strip() for value in sample if value.strip()]
    if len(values) < 3:
        return False
    contact = sum(1 for value in values if _EMAIL.match(value) or _PHONE.match(value))
    return contact >= 0.6 * len(values)


# ----- reading the rows ----------------------------------------------------------------------------------------


class _Rows:
    """Every record of the file, parsed into columns of answers, with what was skipped and why.

    Records are read once, row by row, only to be fingerprinted and checked for consent; a thousand at a time, their
    cells are then parsed column by column, each distinct cell of a column once (a column of “4”s and “Có”s costs a
    handful of parses), and let go: the answers stay, the raw text does not pile up."""

    def __init__(self, plan: _Plan, survey: Survey, options: ImportOptions, known: dict[bytes, int]) -> None:
        self.plan = plan
        self.options = options
        self.known = known
        by_id = {column.id: column for column in survey.columns}
        self.parsers = {column_id: _Parser(by_id[column_id], survey) for column_id in plan.columns}
        self.consent = plan.columns.get("consent", [None])[0]
        self.targets = [(column_id, indexes) for column_id, indexes in plan.columns.items() if column_id != "consent"]
        self.columns: dict[str, list[CellValue]] = {column_id: [] for column_id, _ in self.targets}
        self.personal: dict[str, list[str]] = {header: [] for _, header in plan.personal}
        self.respondents: list[NewRespondent] = []
        self.touchpoints = _touchpoint_columns(survey, self.columns)
        self.read_rows = self.empty_rows = self.already = self.no_consent = 0
        self.bad_cells = self.bad_rows = self.contradicted = 0
        self.first_batch: int | None = None
        self.problems: list[CellProblem] = []
        self.found: list[tuple[int, int, CellProblem]] = []
        self.seen: dict[bytes, int] = {}
        self.fingerprints: list[bytes] = []
        self.days: list[str | None] = []
        self.read_cells: dict[str, dict[str, CellValue]] = {column_id: {} for column_id in plan.columns}
        self.failed_cells: dict[str, dict[str, AnswerError]] = {column_id: {} for column_id in plan.columns}
        self.day_of: dict[str, str | None] = {}

    def read(self, records: Iterator[list[str]], csv_file: CsvFile, progress: Progress | None) -> None:
        self.select(records, csv_file, progress)
        self.settle_touchpoints()
        self.respondents = list(map(NewRespondent, self.fingerprints, self.days))
        self.found.sort(key=lambda found: found[:2])
        self.problems = [problem for _, _, problem in self.found[:PROBLEMS_KEPT]]

    def select(self, records: Iterator[list[str]], csv_file: CsvFile, progress: Progress | None) -> None:
        """The rows to import: not empty, not imported before, and whose respondent consented.

        Each row is fingerprinted: a hash of its cells taken in the order of their headers (so a form whose
        questions were reordered between two exports still recognises its earlier rows); the nth identical row of a
        file is the nth respondent who answered so, so two people giving the same answers are both counted."""
        width = len(self.plan.headers)
        ordered = itemgetter(*self.plan.order) if width > 1 else (lambda record: (record[0],))
        consent = self.consent
        consented: dict[str, bool] = {}
        known, seen, fingerprints = self.known, self.seen, self.fingerprints
        normalize, sha1, size = unicodedata.normalize, hashlib.sha1, FINGERPRINT_BYTES
        chunk: list[list[str]] = []
        rows: list[int] = []
        for index, record in enumerate(records):
            if progress is not None and index % PROGRESS_EVERY == 0:
                progress(index, csv_file.bytes_read(), csv_file.size)
            if len(record) != width:
                if self.broken(record, index + 2, width):
                    continue
                record = (record + [""] * width)[:width]
            joined = "\x1f".join(ordered(record))
            if not joined.strip(_BLANK):
                self.empty_rows += 1
                continue
            if "\x00" in joined:  # binary data in a text file: the sample read on opening had none
                self.row_problem(index + 2, "survey.row.binary", {})
                continue
            fingerprint = sha1(normalize("NFC", joined).encode()).digest()[:size]
            occurrence = seen.get(fingerprint)
            if occurrence is None:
                seen[fingerprint] = 1
            else:
                seen[fingerprint] = occurrence + 1
                fingerprint = sha1(b"%s\x1e%d" % (fingerprint, occurrence)).digest()[:size]
            if fingerprint in known:
                self.already += 1
                self.first_batch = self.first_batch or known[fingerprint]
                continue
            if consent is not None:
                cell = record[consent]
                agreed = consented.get(cell)
                if agreed is None:
                    agreed = consented[cell] = self.agrees(cell, index + 2)
                if not agreed:
                    self.no_consent += 1
                    continue
            chunk.append(record)
            rows.append(index + 2)
            fingerprints.append(fingerprint)
            if len(chunk) == CHUNK_ROWS:
                self.absorb(chunk, rows)
                chunk, rows = [], []
        if chunk:
            self.absorb(chunk, rows)
        self.read_rows = len(fingerprints) + self.already + self.no_consent
        if progress is not None:
            progress(self.read_rows + self.empty_rows, csv_file.size, csv_file.size)

    def broken(self, record: list[str], row_number: int, width: int) -> bool:
        """Whether a record not of the header's width is broken and skipped: one the csv module could not read, or
        one with more cells than the header has columns (a cell holding the separator, not quoted, shifts every
        answer after it into the wrong question). A short row only lacks its last, empty cells."""
        if isinstance(record, BrokenRecord):
            self.row_problem(row_number, f"survey.row.{record.kind}", {"line": record.line})
            return True
        if any(cell.strip() for cell in record[width:]):
            params = {"cells": len(record), "columns": width}
            self.row_problem(row_number, "survey.row.too_many_cells", params)
            return True
        return False

    def row_problem(self, row_number: int, key: str, params: dict[str, Any]) -> None:
        self.bad_rows += 1
        self.found.append((row_number, -1, CellProblem(row=row_number, column=None, key=key, params=params)))

    def agrees(self, cell: str, row_number: int) -> bool:
        if not cell.strip():
            return False
        try:
            return self.parsers["consent"](cell) is True
        except AnswerError as error:
            self.problem(row_number, "consent", error.key, error.params)
            return False

    def absorb(self, chunk: list[list[str]], rows: list[int]) -> None:
        """A chunk of kept records, parsed into the columns of answers."""
        cells = list(zip(*chunk, strict=True))  # every record has the header's width (see `select`)
        for column_id, indexes in self.targets:
            if len(indexes) == 1:
                self.columns[column_id] += self.parse_cells(column_id, indexes[0], cells[indexes[0]], rows)
            else:
                self.columns[column_id] += self.parse_several(column_id, indexes, cells, rows)
        for index, header in self.plan.personal:
            self.personal[header] += cells[index]
        submitted = self.plan.submitted
        if submitted is None:
            self.days += [None] * len(chunk)
            return
        prefixes = [moment.split(None, 1)[0] if moment.strip() else "" for moment in cells[submitted]]
        day_of = self.day_of
        for prefix in set(prefixes).difference(day_of):
            day_of[prefix] = _day(prefix, self.plan.day_first)
        self.days += map(day_of.__getitem__, prefixes)

    def parse_cells(self, column_id: str, index: int, raw: tuple[str, ...], rows: list[int]) -> list[CellValue]:
        """One column of a chunk: each distinct cell parsed once (for the whole file, but for free text, which
        seldom repeats and is not kept in memory twice)."""
        parser = self.parsers[column_id]
        text = parser.text
        read = {} if text else self.read_cells[column_id]
        failed = self.failed_cells[column_id]
        limit, is_normalized = parser.limit, unicodedata.is_normalized
        for cell in set(raw).difference(read):
            if not cell or cell.isspace():
                read[cell] = None
            elif (
                text  # a text answer already as the interview keeps one (most are): printable, tidy, NFC, not long
                and cell.isprintable()
                and cell[0] not in " '"
                and cell[-1] != " "
                and "  " not in cell
                and len(cell) <= limit
                and is_normalized("NFC", cell)
            ):
                read[cell] = cell
            else:
                try:
                    read[cell] = parser(cell)
                except AnswerError as error:
                    read[cell] = None
                    failed[cell] = error
        if failed:
            for position, cell in enumerate(raw):
                refused = failed.get(cell)
                if refused is not None:
                    self.problem(rows[position], column_id, refused.key, refused.params, index)
        return list(map(read.__getitem__, raw))

    def parse_several(
        self, column_id: str, indexes: list[int], cells: list[tuple[str, ...]], rows: list[int]
    ) -> list[CellValue]:
        """A multi-choice spread over one column per option (Typeform's way): every option named, in bank order."""
        parts = [self.parse_cells(column_id, index, cells[index], rows) for index in indexes]
        order = {option.code: n for n, option in enumerate(self.parsers[column_id].column.options)}
        merged: list[CellValue] = []
        for answers in zip(*parts, strict=True):
            chosen = {code for answer in answers if isinstance(answer, list) for code in answer}
            merged.append(sorted(chosen, key=order.__getitem__) or None)
        return merged

    def problem(
        self, row_number: int, column_id: str, key: str, params: dict[str, Any], index: int | None = None
    ) -> None:
        self.bad_cells += 1
        at = self.plan.columns[column_id][0] if index is None else index
        problem = CellProblem(row=row_number, column=self.plan.headers[at], key=key, params=params)
        self.found.append((row_number, at, problem))

    def settle_touchpoints(self) -> None:
        """A respondent who rated a touchpoint or said what almost stopped them there used it; one who said they
        did not use it has nothing to say about it (those answers are counted, not kept). A file asking only how a
        touchpoint felt still says who used it."""
        count = len(self.fingerprints)
        for used_id, others in self.touchpoints:
            used = list(self.columns.get(used_id) or [None] * count)
            said = [self.columns[column] for column in others]
            for position in compress(range(count), map(is_, used, repeat(None))):
                if any(column[position] is not None for column in said):
                    used[position] = True
            for position in compress(range(count), map(is_, used, repeat(False))):
                for column in said:
                    if column[position] is not None:
                        column[position] = None
                        self.contradicted += 1
            self.columns[used_id] = used


def _touchpoint_columns(survey: Survey, columns: dict[str, list[CellValue]]) -> list[tuple[str, list[str]]]:
    pairs = []
    for stage in survey.stages:
        for touchpoint in stage.touchpoints:
            used = touchpoint_column(touchpoint.key, "used")
            others = [touchpoint_column(touchpoint.key, kind) for kind in TOUCHPOINT_KINDS if kind != "used"]
            present = [column for column in others if column in columns]
            if present:
                pairs.append((used, present))
    return pairs


class _Parser:
    """The interview's parsers for one column's cells (the reader calls it once per distinct cell)."""

    def __init__(self, column: SurveyColumn, survey: Survey) -> None:
        self.column = column
        self.item = column.as_item()
        self.options = [
            OptionChoice(number=n, code=option.code, labels=option.labels) for n, option in enumerate(column.options, 1)
        ]
        self.agree = {fold(label) for option in column.options for label in option.labels}
        self.text = column.type in (ItemType.TEXT, ItemType.LONG_TEXT)
        self.long = column.type is ItemType.LONG_TEXT
        self.limit = column.max_length or DEFAULT_MAX_LENGTH.get(column.type, DEFAULT_TEXT_LENGTH)
        self.survey = survey
        self.labels = sorted(
            {(fold(label), option.code) for option in self.options for label in option.labels},
            key=lambda pair: (-len(pair[0]), pair[0]),
        )

    def __call__(self, raw: str) -> CellValue:
        cell = from_spreadsheet_text(raw)
        kind = self.column.type
        if self.text:
            return self.words(cell)
        if kind is ItemType.BOOLEAN:
            return self.boolean(cell)
        if kind is ItemType.SCALE:
            return self.scale(cell)
        if kind is ItemType.MULTI_CHOICE:
            return self.choices(cell)
        try:
            return parse_answer(self.item, cell, self.options)
        except AnswerError as error:
            if error.key == "answer.unknown_option":
                raise AnswerError("survey.cell.unknown_option", raw=_short(cell), options=self.option_list()) from None
            raise

    def words(self, cell: str) -> str | None:
        """A text answer as the interview keeps one (NFC, no control characters, tidy spaces); a cell already tidy,
        as nearly all are, is taken as it is without being rebuilt."""
        tidy = cell.isprintable() and cell.strip(" ") == cell and "  " not in cell
        text = cell if tidy and unicodedata.is_normalized("NFC", cell) else clean_text(cell, multiline=self.long)
        if not text:
            return None
        if len(text) > self.limit:
            raise AnswerError("answer.too_long", length=f"{len(text):,}", limit=f"{self.limit:,}")
        return text

    def boolean(self, cell: str) -> bool:
        key = fold(cell).rstrip(".!")
        if key in self.agree or key in _TICKS:
            return True
        try:
            return parse_boolean(cell)
        except AnswerError:
            yes, no = (t(f"value.{word}", self.survey.locale) for word in ("yes", "no"))
            raise AnswerError("survey.cell.not_boolean", raw=_short(cell), yes=yes, no=no) from None

    def scale(self, cell: str) -> int:
        """4, “4 — Pleased”, “4/5” or the point's label in any language."""
        values = [int(point.code) for point in self.column.points]
        labels = {fold(label): int(point.code) for point in self.column.points for label in point.labels}
        key = fold(clean_text(cell, multiline=False)).rstrip(".")
        if key in labels:
            return labels[key]
        match = _SCALE_CELL.match(key)
        if match and int(match[1]) in values and (not match[2] or labels.get(match[2].strip()) == int(match[1])):
            return int(match[1])
        low, high = min(values), max(values)
        raise AnswerError("survey.cell.not_on_scale", raw=_short(cell), min=low, max=high)

    def choices(self, cell: str) -> list[str] | None:
        """Several options in one cell, as Google Forms (“A, B”), Microsoft Forms (“A;B;”) and people write them.
        An option whose label holds a comma is read whole: the longest label that fits is tried first."""
        text = fold(clean_text(cell, multiline=True).replace("\n", ";"))
        chosen: list[str] = []
        position = 0
        while position < len(text):
            if text[position] in _CHOICE_SEPARATORS or text[position] == " ":
                position += 1
                continue
            label = next(
                (
                    pair
                    for pair in self.labels
                    if text.startswith(pair[0], position) and _ends(text, position + len(pair[0]))
                ),
                None,
            )
            if label is not None:
                code, position = label[1], position + len(label[0])
            else:
                end = next((i for i in range(position, len(text)) if text[i] in _CHOICE_SEPARATORS), len(text))
                option = match_option(text[position:end].strip(), self.options)
                if option is None:
                    raise AnswerError(
                        "survey.cell.unknown_option", raw=_short(text[position:end]), options=self.option_list()
                    )
                code, position = option.code, end
            if code not in chosen:
                chosen.append(code)
        if not chosen:
            return None
        order = {option.code: option.number for option in self.options}
        return sorted(chosen, key=order.__getitem__)

    def option_list(self) -> str:
        return ", ".join(option.labels[0] for option in self.options)


def _ends(text: str, end: int) -> bool:
    """Whether an option's label read up to `end` is the whole of one choice: the cell or the choice ends there."""
    rest = text[end:].lstrip(" ")
    return not rest or rest[0] in _CHOICE_SEPARATORS


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# ----- when a response was sent --------------------------------------------------------------------------------

_DAY = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})")


def _day(text: str, day_first: bool) -> str | None:
    """The day a response was sent, as `YYYY-MM-DD`, from the way the form tools write it (“2026/11/03 9:15:02
    AM GMT+7”, “03/11/2026 09:15:02”, “11/3/26 9:15:02”, “2026-11-03 02:15:02”): year first, or day and month in
    either order (a number above 12 says which; else the header's language does); None when it is not a date this
    reads with certainty. A file's responses share few days: each is read once."""
    match = _DAY.match(text)
    if match is None:
        return None
    first, second, third = (int(match[n]) for n in (1, 2, 3))
    if len(match[1]) == 4:
        year, month, day = first, second, third
    else:
        year = third + 2000 if third < 100 else third
        if first > 12 or (day_first and second <= 12):
            day, month = first, second
        else:
            month, day = first, second
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
