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

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.bank.model import ItemType
from assistant.errors import JourneyError
from assistant.i18n import t
from assistant.interview.parsing import AnswerError, OptionChoice, match_option, parse_answer, parse_boolean
from assistant.store import Store
from assistant.survey.cells import from_spreadsheet_text
from assistant.survey.design import TOUCHPOINT_KINDS, Survey, SurveyColumn, touchpoint_column
from assistant.survey.model import CellValue, NewBatch, NewRespondent
from assistant.survey.reading import CsvFile, open_responses
from assistant.text import clean_text, fold

PROBLEMS_KEPT = 20
PERSONAL_SAMPLE = 50
PROGRESS_EVERY = 500
Progress = Callable[[int, int, int], None]
"""Called now and then while reading: rows read, bytes read, file size."""

_ID_SUFFIX = re.compile(r"\[([^\[\]]+)\]\s*$")
_SCALE_CELL = re.compile(r"^\s*(\d+)\s*(?:/\s*\d+\s*)?(?:[-–—.:)]\s*(.*))?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().-]{9,18}$")
_TICKS = frozenset({"x", "✓", "✔", "☑", "✅"})
_CHOICE_SEPARATORS = ",;\n"

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
PERSONAL_WORDS = ("email", "e-mail", "phone", "mobile", "dien thoai", "sdt", "so dt", "ho ten", "ho va ten", "zalo")


@dataclass(frozen=True, slots=True)
class ImportOptions:
    strict: bool = False
    keep_personal: bool = False
    mapping: Path | None = None


class _Report(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CellProblem(_Report):
    row: int = Field(description="The spreadsheet row: the header is row 1.")
    column: str = Field(description="The column's header, as written.")
    key: str
    params: dict[str, Any] = Field(default_factory=dict)

    def message(self, locale: str) -> str:
        sentence = t(self.key, locale, **self.params)
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
    problems: list[CellProblem] = Field(default_factory=list, description=f"The first {PROBLEMS_KEPT} bad cells.")
    contradicted: int = Field(default=0, description="Answers about touchpoints the respondent said they did not use.")
    matched: list[MatchedColumn] = Field(default_factory=list)
    ignored: list[str] = Field(default_factory=list, description="Headers matched to no question.")
    form: list[str] = Field(default_factory=list, description="The form tool's own columns: timestamps, ids.")
    personal: list[str] = Field(default_factory=list, description="Columns that look personal.")
    personal_kept: bool = False


class RefusedImportError(JourneyError):
    """A file refused as a whole; `problems` lists its bad cells when that is why."""

    def __init__(self, key: str, problems: Sequence[CellProblem] = (), total: int = 0, **params: Any) -> None:
        self.problems = list(problems)
        self.total = total
        super().__init__(key, **params)

    def message(self, locale: str) -> str:
        lines = [super().message(locale), *(problem.message(locale) for problem in self.problems)]
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
    with open_responses(path) as csv_file:
        records = csv_file.records()
        head = list(islice(records, PERSONAL_SAMPLE))
        plan = _plan(csv_file.header, head, survey, mapping)
        if not plan.columns:
            key = "survey.import.other_interview" if plan.foreign_ids else "survey.import.no_columns"
            raise RefusedImportError(key, path=str(path), id=row.id)
        reader = _Rows(plan, survey, options, store.known_fingerprints(row.id))
        reader.read(chain(head, records), csv_file, progress)
    if reader.read_rows == 0:
        raise RefusedImportError("survey.import.no_rows", path=str(path))
    if options.strict and reader.bad_cells:
        raise RefusedImportError(
            "survey.import.strict", reader.problems, reader.bad_cells, path=str(path), count=reader.bad_cells
        )
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
        problems=reader.problems,
        contradicted=reader.contradicted,
        matched=plan.matched,
        ignored=plan.ignored,
        form=plan.form,
        personal=[header for _, header in plan.personal],
        personal_kept=keep,
    )


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except FileNotFoundError:
        raise JourneyError("file.not_found", path=str(path)) from None
    except IsADirectoryError:
        raise JourneyError("file.is_directory", path=str(path)) from None
    except OSError as error:
        raise JourneyError("file.unreadable", path=str(path), reason=error.strerror or str(error)) from None
    return digest.hexdigest()


# ----- the mapping file ----------------------------------------------------------------------------------------


def read_mapping(path: Path, survey: Survey) -> dict[str, str | None]:
    """A YAML or JSON file `columns: {header: column-id}` (null ignores the column), keyed by the cleaned header."""
    from assistant.portable import read_document

    document = read_document(path)
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


def _plan(header: list[str], head: list[list[str]], survey: Survey, mapping: dict[str, str | None]) -> _Plan:
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
                raise JourneyError("survey.import.twice", column=shown, other=plan.headers[plan.columns[target][0]])
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
            plan.personal.append((index, shown))
        else:
            plan.ignored.append(shown)
    plan.order = sorted(range(len(header)), key=lambda i: plan.headers[i])
    return plan


def _looks_personal(folded_header: str, sample: list[str]) -> bool:
    if folded_header in PERSONAL_HEADERS or any(word in folded_header for word in PERSONAL_WORDS):
        return True
    values = [value.strip() for value in sample if value.strip()]
    if len(values) < 3:
        return False
    contact = sum(1 for value in values if _EMAIL.match(value) or _PHONE.match(value))
    return contact >= 0.6 * len(values)


# ----- reading the rows ----------------------------------------------------------------------------------------


class _Rows:
    """Every record of the file, parsed into columns of answers, with what was skipped and why."""

    def __init__(self, plan: _Plan, survey: Survey, options: ImportOptions, known: dict[str, int]) -> None:
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
        for used, _ in self.touchpoints:
            self.columns.setdefault(used, [])  # a file asking only how it felt still says who used it
        self.read_rows = self.empty_rows = self.already = self.no_consent = 0
        self.bad_cells = self.contradicted = 0
        self.first_batch: int | None = None
        self.problems: list[CellProblem] = []
        self.seen: dict[str, int] = {}

    def read(self, records: Iterator[list[str]], csv_file: CsvFile, progress: Progress | None) -> None:
        width = len(self.plan.headers)
        for index, record in enumerate(records):
            if progress is not None and index % PROGRESS_EVERY == 0:
                progress(index, csv_file.bytes_read(), csv_file.size)
            if len(record) < width:
                record = record + [""] * (width - len(record))
            if not any(cell.strip() for cell in record):
                self.empty_rows += 1
                continue
            self.read_rows += 1
            self.row(record, index + 2)
        if progress is not None:
            progress(csv_file.records_read, csv_file.size, csv_file.size)

    def row(self, record: list[str], row_number: int) -> None:
        fingerprint = self.fingerprint(record)
        if fingerprint in self.known:
            self.already += 1
            self.first_batch = self.first_batch or self.known[fingerprint]
            return
        if self.consent is not None and self.parse("consent", record[self.consent], row_number) is not True:
            self.no_consent += 1
            return
        values: dict[str, CellValue] = {}
        for column_id, indexes in self.targets:
            if len(indexes) == 1:
                values[column_id] = self.parse(column_id, record[indexes[0]], row_number)
            else:
                values[column_id] = self.parse_several(column_id, [record[i] for i in indexes], row_number)
        self.settle_touchpoints(values)
        for column_id, column in self.columns.items():
            column.append(values.get(column_id))
        for index, header in self.plan.personal:
            self.personal[header].append(record[index])
        submitted = record[self.plan.submitted].strip() if self.plan.submitted is not None else ""
        self.respondents.append(NewRespondent(fingerprint, _timestamp(submitted, self.plan.day_first)))

    def fingerprint(self, record: list[str]) -> str:
        """Who answered what, whatever the order of the columns; the nth identical row of one file is the nth
        respondent who answered so, so two people giving the same answers are both counted."""
        text = unicodedata.normalize("NFC", "\x1f".join(record[i].strip() for i in self.plan.order))
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        occurrence = self.seen.get(digest, 0)
        self.seen[digest] = occurrence + 1
        return f"{digest}:{occurrence}" if occurrence else digest

    def parse(self, column_id: str, raw: str, row_number: int) -> CellValue:
        if not raw or raw.isspace():
            return None
        try:
            return self.parsers[column_id](raw)
        except AnswerError as error:
            self.problem(row_number, column_id, error.key, error.params)
            return None

    def parse_several(self, column_id: str, cells: list[str], row_number: int) -> CellValue:
        """A multi-choice spread over one column per option (Typeform's way): every option named, in bank order."""
        chosen: list[str] = []
        for cell in cells:
            value = self.parse(column_id, cell, row_number)
            if isinstance(value, list):
                chosen += [code for code in value if code not in chosen]
        order = {option.code: n for n, option in enumerate(self.parsers[column_id].column.options)}
        return sorted(chosen, key=order.__getitem__) or None

    def problem(self, row_number: int, column_id: str, key: str, params: dict[str, Any]) -> None:
        self.bad_cells += 1
        if len(self.problems) < PROBLEMS_KEPT:
            header = self.plan.headers[self.plan.columns[column_id][0]]
            self.problems.append(CellProblem(row=row_number, column=header, key=key, params=params))

    def settle_touchpoints(self, values: dict[str, CellValue]) -> None:
        """A respondent who rated a touchpoint or said what almost stopped them there used it; one who said they
        did not use it has nothing to say about it (those answers are counted, not kept)."""
        for used, others in self.touchpoints:
            said = [column for column in others if values.get(column) is not None]
            if values.get(used) is None and said:
                values[used] = True
            elif values.get(used) is False and said:
                self.contradicted += len(said)
                for column in said:
                    values[column] = None


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
    """The interview's parser for one column, remembering what it has read: a column of a thousand “4”s and
    “Có”s is parsed once per distinct cell."""

    def __init__(self, column: SurveyColumn, survey: Survey) -> None:
        self.column = column
        self.item = column.as_item()
        self.options = [
            OptionChoice(number=n, code=option.code, labels=option.labels) for n, option in enumerate(column.options, 1)
        ]
        self.agree = {fold(label) for option in column.options for label in option.labels}
        self.text = column.type in (ItemType.TEXT, ItemType.LONG_TEXT)
        self.cache: dict[str, CellValue | AnswerError] = {}
        self.survey = survey
        self.labels = sorted(
            {(fold(label), option.code) for option in self.options for label in option.labels},
            key=lambda pair: (-len(pair[0]), pair[0]),
        )

    def __call__(self, raw: str) -> CellValue:
        if self.text:
            return self.read(raw)
        known = self.cache.get(raw)
        if known is None:
            try:
                known = self.read(raw)
            except AnswerError as error:
                known = error
            self.cache[raw] = known
        if isinstance(known, AnswerError):
            raise known
        return known

    def read(self, raw: str) -> CellValue:
        cell = from_spreadsheet_text(raw)
        kind = self.column.type
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

_DATE = re.compile(
    r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})"  # the day, in either order, or year first
    r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm]|SA|CH|sa|ch)?)?"  # the time, maybe with AM/PM or SA/CH
)


def _timestamp(text: str, day_first: bool) -> str | None:
    """The day and time a response was sent, as `YYYY-MM-DD HH:MM`, from the way the form tools write it
    (“2026/11/03 9:15:02 AM GMT+7”, “03/11/2026 09:15:02”, “11/3/26 9:15:02”, “2026-11-03 02:15:02”); None when the
    text says no date this reads with certainty."""
    match = _DATE.search(text)
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
    hour, minute = int(match[4] or 0), int(match[5] or 0)
    marker = (match[7] or "").lower()
    if marker in ("pm", "ch") and hour < 12:
        hour += 12
    elif marker in ("am", "sa") and hour == 12:
        hour = 0
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60):
        return None
    return f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}"
