"""Interviews as portable files: a full JSON export that imports into any database, and answers files.

An export carries everything needed to continue elsewhere: the bank snapshot, the answers with their states,
the history of replaced answers and the transcript. The database's own id is not part of it (an import gets a
new one), so export → import → export gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.bank.loader import find_bank
from assistant.bank.model import Bank
from assistant.errors import JourneyError
from assistant.i18n import Locale
from assistant.interview.answers_file import fill_interview
from assistant.journeymap.model import JourneyMap
from assistant.session import Session
from assistant.store import AnswerRow, HistoryRow, InterviewRow, Store, TranscriptRow, answer_json

FORMAT = "journey-interview"
FORMAT_VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExportedBank(_Strict):
    id: str
    version: str
    hash: str
    body: dict[str, Any]


class ExportedAnswer(_Strict):
    item: str
    instance: str
    status: Literal["answered", "skipped"]
    value: Any
    active: bool
    probed: bool
    at: str


class ExportedChange(_Strict):
    item: str
    instance: str
    status: Literal["answered", "skipped"]
    value: Any
    answered_at: str
    replaced_at: str


class ExportedLine(_Strict):
    seq: int
    role: Literal["assistant", "user"]
    ref: str | None
    text: str
    locale: str
    at: str


class ExportedInterview(_Strict):
    format: Literal["journey-interview"]
    format_version: Literal[1]
    title: str
    title_auto: bool
    locale: Locale
    preset: str | None
    status: Literal["in_progress", "completed"]
    created: str
    updated: str
    completed: str | None
    done: int
    total: int
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


def export_json(store: Store, interview_id: str, *, locale: str | None = None) -> str:
    """The whole interview, importable anywhere, with its journey map (in `locale`) for tools that read maps."""
    from assistant.exports import interview_map

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
            )
            for h in store.history(row.id)
        ],
        transcript=[
            ExportedLine(seq=line.seq, role=line.role, ref=line.ref, text=line.text, locale=line.locale, at=line.at)
            for line in store.transcript(row.id)
        ],
        map=interview_map(store, row.id, locale),
    )
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def export_schema() -> str:
    """The JSON Schema of `journey export --format json`: the interview file and the journey map inside it."""
    schema = ExportedInterview.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "journey interview export"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def read_document(path: Path) -> Any:
    """A YAML or JSON file (JSON is YAML), or a sentence saying why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise JourneyError("file.not_found", path=str(path)) from None
    except UnicodeDecodeError:
        raise JourneyError("file.not_utf8", path=str(path)) from None
    except OSError as error:
        raise JourneyError("file.unreadable", path=str(path), reason=error.strerror or str(error)) from None
    try:
        loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(error, "problem", None) or str(error)
        raise JourneyError("file.syntax", path=str(path), line=line, reason=reason) from None


def import_file(store: Store, path: Path, *, title: str | None = None) -> InterviewRow:
    """An exported interview or an answers file, as a new interview; nothing is written unless all of it is valid."""
    document = read_document(path)
    if isinstance(document, dict) and document.get("format") == FORMAT:
        return _import_export(store, document, path)
    if isinstance(document, dict) and "answers" in document and "bank" in document:
        return _import_answers(store, document, path, title)
    raise JourneyError("file.unknown_kind", path=str(path))


def _import_export(store: Store, document: dict[str, Any], path: Path) -> InterviewRow:
    try:
        exported = ExportedInterview.model_validate(document)
    except ValidationError as error:
        raise JourneyError("file.invalid", path=str(path), detail=_first_error(error)) from None
    try:
        bank = Bank.model_validate(exported.bank.body)
    except ValidationError as error:
        raise JourneyError("file.invalid", path=str(path), detail=_first_error(error, "bank.body")) from None
    if bank.content_hash() != exported.bank.hash:
        raise JourneyError("file.bank_hash", path=str(path))
    interview = {
        "title": exported.title,
        "title_auto": int(exported.title_auto),
        "bank_id": exported.bank.id,
        "bank_version": exported.bank.version,
        "bank_hash": exported.bank.hash,
        "locale": exported.locale,
        "preset": exported.preset,
        "status": exported.status,
        "created": exported.created,
        "updated": exported.updated,
        "completed": exported.completed,
        "done": exported.done,
        "total": exported.total,
        "cursor": json.dumps(exported.cursor, ensure_ascii=False, sort_keys=True),
        "draft": exported.draft,
    }
    return store.restore(
        interview=interview,
        bank_body=bank.canonical_json(),
        answers=[
            AnswerRow(a.item, a.instance, a.status, answer_json(a.value), a.active, a.probed, a.at)
            for a in exported.answers
        ],
        history=[
            HistoryRow(h.item, h.instance, h.status, answer_json(h.value), h.answered_at, h.replaced_at)
            for h in exported.history
        ],
        transcript=[TranscriptRow(x.seq, x.role, x.ref, x.text, x.locale, x.at) for x in exported.transcript],
    )


def _import_answers(store: Store, document: dict[str, Any], path: Path, title: str | None) -> InterviewRow:
    try:
        answers_file = AnswersFile.model_validate(document)
    except ValidationError as error:
        raise JourneyError("file.invalid", path=str(path), detail=_first_error(error)) from None
    bank = find_bank(answers_file.bank).bank
    locale = answers_file.locale or bank.default_locale
    interview = fill_interview(bank, answers_file.answers, locale, answers_file.preset)
    return Session.adopt(store, interview, title or answers_file.title).row


def _first_error(error: ValidationError, prefix: str = "") -> str:
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail["loc"])
    where = f"{prefix}.{where}" if prefix and where else prefix or where
    return f"{where}: {detail['msg']}" if where else detail["msg"]
