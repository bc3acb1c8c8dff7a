"""Interviews as portable files: a full JSON export that imports into any database, and answers files.

An export carries everything needed to continue elsewhere: the bank snapshot, the answers with their states,
the history of replaced answers and the transcript. The database's own id is not part of it (an import gets a
new one), so export → import → export gives the same bytes.

An import trusts nothing it reads: a file may have been edited by hand or by someone else. The bank snapshot
passes the same checks as a bank file; every answer that counts is run through the parser that checked it when it
was typed; dates, counts, the cursor and the conversation's references are checked against the bank. Anything
wrong is one sentence and nothing is written, so no later `list`, `export` or `chat` can trip over it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from assistant.bank.index import BankIndex
from assistant.bank.loader import find_bank, validate_bank_data
from assistant.bank.model import Bank, ItemType
from assistant.documents import read_document
from assistant.errors import JourneyError
from assistant.i18n import Locale
from assistant.interview.answers_file import fill_interview
from assistant.interview.engine import Interview
from assistant.interview.parsing import AnswerError
from assistant.interview.state import AnswerRecord, InterviewState, make_ref, split_ref
from assistant.interview.values import AnswerValue
from assistant.interviews import clean_title, optional_title
from assistant.journeymap.model import JourneyMap
from assistant.store import (
    ASSISTANT_KINDS,
    USER_KINDS,
    AnswerRow,
    HistoryRow,
    InterviewRow,
    Store,
    TranscriptRow,
    answer_json,
    kind_of,
)
from assistant.text import clean_text

FORMAT = "journey-interview"
FORMAT_VERSION = 1
MAX_COUNT = 100_000
"""More questions, answers or lines than any interview reaches: a bound on counts read from a file."""
MAX_DRAFT = 10_000
_CURSOR_FIELDS = ("repeats", "repeat_serial", "pending_probe", "revisit", "revisit_mode")


def _iso_timestamp(value: str) -> str:
    try:
        datetime.fromisoformat(value.removesuffix("Z") + ("+00:00" if value.endswith("Z") else ""))
    except ValueError:
        raise ValueError("not an ISO 8601 date and time") from None
    return value


Timestamp = Annotated[str, Field(max_length=40), AfterValidator(_iso_timestamp)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Identifier = Annotated[str, Field(max_length=400)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExportedBank(_Strict):
    id: Identifier
    version: Identifier
    hash: Identifier
    body: dict[str, Any]


class ExportedAnswer(_Strict):
    item: Identifier
    instance: Identifier
    status: Literal["answered", "skipped"]
    value: Any
    active: bool
    probed: bool
    at: Timestamp
    kinds: Any = Field(default=None, description="The owner's corrections of the obstacle kinds in this answer.")


class ExportedChange(_Strict):
    item: Identifier
    instance: Identifier
    status: Literal["answered", "skipped"]
    value: Any
    answered_at: Timestamp
    replaced_at: Timestamp
    kinds: Any = None


class ExportedLine(_Strict):
    seq: Annotated[int, Field(ge=1, le=10 * MAX_COUNT)]
    role: Literal["assistant", "user"]
    ref: Identifier | None
    text: str
    locale: Locale
    at: Timestamp
    kind: str | None = Field(default=None, description="What the line is; inferred for files written before kinds.")
    data: Any = Field(default=None, description="Structured detail of the line (a finding's rule, …).")


class ExportedInterview(_Strict):
    format: Literal["journey-interview"]
    format_version: Literal[1]
    title: str
    title_auto: bool
    locale: Locale
    preset: Identifier | None
    status: Literal["in_progress", "completed"]
    created: Timestamp
    updated: Timestamp
    completed: Timestamp | None
    done: Count
    total: Count
    cursor: dict[str, Any]
    draft: str | None
    bank: ExportedBank
    answers: list[ExportedAnswer]
    history: list[ExportedChange]
    transcript: list[ExportedLine]
    map: JourneyMap | None = Field(
        default=None, description="The journey map built from the answers; derived, so an import ignores it."
    )


class AnswersFile(_Strict):
    bank: str
    locale: Locale | None = None
    preset: str | None = None
    title: str | None = None
    answers: dict[str, Any]


class _Cursor(_Strict):
    """The engine's position, as a session saves it."""

    repeats: dict[str, list[Identifier]] = Field(default_factory=dict)
    repeat_serial: dict[str, Count] = Field(default_factory=dict)
    pending_probe: str | None = None
    revisit: str | None = None
    revisit_mode: Literal["back", "edit"] | None = None


_VALUE = TypeAdapter(AnswerValue | None)


def _optional_json(value: Any) -> str | None:
    return None if value is None else answer_json(value)


def export_json(store: Store, interview_id: str, journey_map: JourneyMap | None) -> str:
    """The whole interview, importable anywhere, with its journey map for tools that read maps."""
    row = store.get(interview_id)
    document = ExportedInterview(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        title=row.title,
        title_auto=row.title_auto,
        locale=row.locale,
        preset=row.preset,
        status=row.status,
        created=row.created,
        updated=row.updated,
        completed=row.completed,
        done=row.done,
        total=row.total,
        cursor=json.loads(row.cursor),
        draft=row.draft,
        bank=ExportedBank(
            id=row.bank_id,
            version=row.bank_version,
            hash=row.bank_hash,
            body=json.loads(store.bank_body(row.bank_hash)),
        ),
        answers=[
            ExportedAnswer(
                item=a.item_id,
                instance=a.instance_key,
                status=a.status,
                value=json.loads(a.value),
                active=a.active,
                probed=a.probed,
                at=a.answered_at,
                kinds=None if a.kinds is None else json.loads(a.kinds),
            )
            for a in store.answers(row.id)
        ],
        history=[
            ExportedChange(
                item=h.item_id,
                instance=h.instance_key,
                status=h.status,
                value=json.loads(h.value),
                answered_at=h.answered_at,
                replaced_at=h.replaced_at,
                kinds=None if h.kinds is None else json.loads(h.kinds),
            )
            for h in store.history(row.id)
        ],
        transcript=[
            ExportedLine(
                seq=line.seq,
                role=line.role,
                ref=line.ref,
                text=line.text,
                locale=line.locale,
                at=line.at,
                kind=line.kind,
                data=None if line.data is None else json.loads(line.data),
            )
            for line in store.transcript(row.id)
        ],
        map=journey_map,
    )
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def export_schema() -> str:
    """The JSON Schema of `journey export --format json`: the interview file and the journey map inside it."""
    schema = ExportedInterview.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "journey interview export"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


Saving = Callable[[Store], InterviewRow]


def import_file(store: Store, path: Path, *, title: str | None = None) -> InterviewRow:
    """An exported interview or an answers file, as a new interview; nothing is written unless all of it is valid."""
    return checked_import(path, title=title)(store)


def checked_import(path: Path, *, title: str | None = None) -> Saving:
    """An exported interview or an answers file read and checked in full without a database, so that a refused
    file leaves none behind; what it returns saves it as a new interview."""
    chosen = optional_title(title)
    document = read_document(path).data
    if isinstance(document, dict) and document.get("format") == FORMAT:
        return _import_export(document, path, chosen)
    if isinstance(document, dict) and "answers" in document and "bank" in document:
        return _import_answers(document, path, chosen)
    raise JourneyError("file.unknown_kind", path=str(path))


# ----- exports -------------------------------------------------------------------------------------------------


def _import_export(document: dict[str, Any], path: Path, title: str | None) -> Saving:
    where = str(path)
    try:
        exported = ExportedInterview.model_validate(document)
    except ValidationError as error:
        raise JourneyError("file.invalid", path=where, detail=_first_error(error)) from None
    bank = validate_bank_data(exported.bank.body, f"{where} (bank)")
    if bank.content_hash() != exported.bank.hash or (bank.id, bank.version) != (
        exported.bank.id,
        exported.bank.version,
    ):
        raise JourneyError("file.bank_hash", path=where)
    index = BankIndex.build(bank)
    if exported.preset is not None and bank.preset(exported.preset) is None:
        raise JourneyError("file.invalid", path=where, detail=f"preset: {exported.preset}")
    if exported.completed is not None and exported.completed < exported.created:
        raise JourneyError("file.invalid", path=where, detail="completed: before created")
    interview, answers = _checked_answers(bank, index, exported, where)
    progress = interview.progress()  # the counts as the answers give them, not as the file claims
    history = [_checked_change(change, index, where, number) for number, change in enumerate(exported.history)]
    transcript = _checked_transcript(exported.transcript, index, where)
    row = {
        "title": title if title is not None else _checked_title(exported.title, where),
        "title_auto": int(exported.title_auto and title is None),
        "bank_id": exported.bank.id,
        "bank_version": exported.bank.version,
        "bank_hash": exported.bank.hash,
        "locale": exported.locale,
        "preset": exported.preset,
        "status": exported.status,
        "created": exported.created,
        "updated": exported.updated,
        "completed": exported.completed,
        "done": progress.done,
        "total": progress.total,
        "cursor": json.dumps(
            interview.state.model_dump(include=set(_CURSOR_FIELDS)), ensure_ascii=False, sort_keys=True
        ),
        "draft": _checked_draft(exported.draft, where),
    }
    return lambda store: store.restore(
        interview=row, bank_body=bank.canonical_json(), answers=answers, history=history, transcript=transcript
    )


def _checked_title(raw: str, where: str) -> str:
    try:
        return clean_title(raw)
    except JourneyError as error:
        raise JourneyError("file.invalid", path=where, detail=f"title: {error.message('en')}") from None


def _checked_draft(draft: str | None, where: str) -> str | None:
    if draft is None:
        return None
    if len(draft) > MAX_DRAFT:
        raise JourneyError("file.invalid", path=where, detail=f"draft: longer than {MAX_DRAFT:,} characters")
    return clean_text(draft, multiline=True) or None


def _checked_answers(
    bank: Bank, index: BankIndex, exported: ExportedInterview, where: str
) -> tuple[Interview, list[AnswerRow]]:
    """The engine the file describes, with every answer that counts re-parsed; the rows to store, their
    `active` flags as the engine computes them."""
    try:
        cursor = _Cursor.model_validate(exported.cursor)
    except ValidationError as error:
        raise JourneyError("file.invalid", path=where, detail=_first_error(error, "cursor")) from None
    for ref in [*cursor.repeats, *cursor.repeat_serial, cursor.pending_probe, cursor.revisit]:
        if ref is not None and split_ref(ref)[0] not in index.placements:
            raise JourneyError("file.unknown_ref", path=where, where="cursor", ref=ref)
    records: dict[str, AnswerRecord] = {}
    for number, answer in enumerate(exported.answers):
        place = f"answers[{number}]"
        _known_item(answer.item, index, where, place)
        value = _checked_value(answer.value, answer.status, where, place)
        ref = make_ref(answer.item, answer.instance)
        if ref in records:
            raise JourneyError("file.invalid", path=where, detail=f"{place}: {ref} is answered twice")
        records[ref] = AnswerRecord(value=value, status=answer.status)
    state = InterviewState(
        bank_id=bank.id,
        bank_version=bank.version,
        bank_hash=bank.content_hash(),
        locale=exported.locale,
        preset=exported.preset,
        answers=records,
        probed=[make_ref(a.item, a.instance) for a in exported.answers if a.probed],
        **cursor.model_dump(),
    )
    interview = Interview(bank, state)
    for number, answer in enumerate(exported.answers):
        ref = make_ref(answer.item, answer.instance)
        record = records[ref]
        if record.status != "answered" or not interview.is_active(ref) or record.value is None:
            continue
        try:
            parsed = interview.recheck(ref, record.value)
        except AnswerError as error:
            detail = f"answers[{number}] ({ref}): {error.message(exported.locale).rstrip('.')}"
            raise JourneyError("file.invalid", path=where, detail=detail) from None
        if not _same_answer(parsed, record.value, index.item(answer.item).type):
            raise JourneyError("file.answer_mismatch", path=where, where=f"answers[{number}]", ref=ref)
        state.answers[ref] = AnswerRecord(value=parsed)
    interview = Interview(bank, state)  # the flags again, from the values as re-parsed
    rows = [
        AnswerRow(
            answer.item,
            answer.instance,
            answer.status,
            answer_json(state.answers[make_ref(answer.item, answer.instance)].value),
            interview.is_active(make_ref(answer.item, answer.instance)),
            answer.probed,
            answer.at,
            _optional_json(answer.kinds),
        )
        for answer in exported.answers
    ]
    return interview, rows


def _same_answer(parsed: AnswerValue, stored: AnswerValue, item_type: ItemType) -> bool:
    """Whether the parser reads the stored value as itself. Free text may come back cleaned (a control character
    dropped) and is then stored clean; anything else must come back unchanged: `stages: 42` reads as the list
    ["42"], which is not what the file holds."""
    if isinstance(parsed, bool) or isinstance(stored, bool):
        return parsed is stored
    if parsed == stored:
        return True
    free_text = item_type in (ItemType.TEXT, ItemType.LONG_TEXT, ItemType.LIST, ItemType.OPEN_CHOICE)
    if not free_text or type(parsed) is not type(stored):
        return False
    return not isinstance(parsed, dict) or (isinstance(stored, dict) and parsed.keys() == stored.keys())


def _known_item(item_id: str, index: BankIndex, where: str, place: str) -> None:
    placement = index.placements.get(item_id)
    if placement is None or placement.item.type is ItemType.INFO:
        raise JourneyError("file.unknown_ref", path=where, where=place, ref=item_id)


def _checked_value(value: Any, status: str, where: str, place: str) -> AnswerValue | None:
    if status == "skipped":
        if value is not None:
            raise JourneyError("file.invalid", path=where, detail=f"{place}.value: a skipped question has no value")
        return None
    try:
        checked = _VALUE.validate_python(value, strict=True)
    except ValidationError:
        raise JourneyError("file.invalid", path=where, detail=f"{place}.value: not an answer value") from None
    if checked is None:
        raise JourneyError("file.invalid", path=where, detail=f"{place}.value: an answered question has a value")
    return checked


def _checked_change(change: ExportedChange, index: BankIndex, where: str, number: int) -> HistoryRow:
    place = f"history[{number}]"
    _known_item(change.item, index, where, place)
    value = _checked_value(change.value, change.status, where, place)
    return HistoryRow(
        change.item,
        change.instance,
        change.status,
        answer_json(value),
        change.answered_at,
        change.replaced_at,
        _optional_json(change.kinds),
    )


def _checked_transcript(lines: list[ExportedLine], index: BankIndex, where: str) -> list[TranscriptRow]:
    seen: set[int] = set()
    rows: list[TranscriptRow] = []
    for number, line in enumerate(lines):
        place = f"transcript[{number}]"
        if line.seq in seen:
            raise JourneyError("file.invalid", path=where, detail=f"{place}.seq: {line.seq} appears twice")
        seen.add(line.seq)
        if line.ref is not None and split_ref(line.ref)[0] not in index.placements:
            raise JourneyError("file.unknown_ref", path=where, where=place, ref=line.ref)
        kind = line.kind if line.kind is not None else kind_of(line.role, line.ref, line.text)
        if kind not in (USER_KINDS if line.role == "user" else ASSISTANT_KINDS):
            raise JourneyError("file.invalid", path=where, detail=f"{place}.kind: {kind}")
        data = _optional_json(line.data)
        rows.append(TranscriptRow(line.seq, line.role, line.ref, line.text, line.locale, line.at, kind, data))
    return rows


# ----- answers files -------------------------------------------------------------------------------------------


def _import_answers(document: dict[str, Any], path: Path, title: str | None) -> Saving:
    from assistant.session import Session

    try:
        answers_file = AnswersFile.model_validate(document)
    except ValidationError as error:
        raise JourneyError("file.invalid", path=str(path), detail=_first_error(error)) from None
    chosen = title if title is not None else optional_title(answers_file.title)
    bank = find_bank(answers_file.bank).bank
    locale = answers_file.locale or bank.default_locale
    from assistant.journeymap.rules import rules_for

    kinds = [kind.code for kind in rules_for(bank.id).obstacle_kinds]
    interview = fill_interview(bank, answers_file.answers, locale, answers_file.preset, kinds)
    return lambda store: Session.adopt(store, interview, chosen).row


def _first_error(error: ValidationError, prefix: str = "") -> str:
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail["loc"])
    where = f"{prefix}.{where}" if prefix and where else prefix or where
    return f"{where}: {detail['msg']}" if where else detail["msg"]
