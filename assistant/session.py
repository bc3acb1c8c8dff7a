"""An interview in progress: the engine and the store kept in step, shared by the plain chat, the TUI and the CLI.

Every move (answer, skip, back, edit) runs the engine, then writes what changed in one durable commit before the
caller shows the next question. What the assistant says is buffered and written with the user's next answer, in
order, so the transcript reads as the conversation did.
"""

from __future__ import annotations

import json
from datetime import date

from assistant.bank.model import Bank
from assistant.i18n import t
from assistant.interview.engine import Interview
from assistant.interview.models import Outcome, Question
from assistant.interview.state import AnswerRecord, InterviewState, make_ref, split_ref
from assistant.interviews import optional_title
from assistant.store import AnswerRow, Commit, InterviewRow, Store, answer_json
from assistant.text import shorten

SUMMARY_LINES = 8
_CURSOR_FIELDS = ("repeats", "repeat_serial", "pending_probe", "revisit", "revisit_mode")
_banks_by_hash: dict[str, Bank] = {}

Line = tuple[str, str | None, str, str]


def bank_snapshot(store: Store, bank_hash: str) -> Bank:
    """The exact bank an interview started with, from the database (parsed once per process)."""
    bank = _banks_by_hash.get(bank_hash)
    if bank is None:
        bank = Bank.model_validate_json(store.bank_body(bank_hash))
        _banks_by_hash[bank_hash] = bank
    return bank


def cursor_json(state: InterviewState) -> str:
    return json.dumps(state.model_dump(include=set(_CURSOR_FIELDS)), ensure_ascii=False, sort_keys=True)


def default_title(locale: str) -> str:
    return t("interview.default_title", locale, date=date.today().isoformat())


class Session:
    def __init__(self, store: Store, row: InterviewRow, interview: Interview) -> None:
        self.store = store
        self.row = row
        self.interview = interview
        self._said: list[Line] = []
        self._active: dict[str, bool] = {}

    # ----- opening -------------------------------------------------------------------------------------

    @classmethod
    def start(
        cls, store: Store, bank: Bank, locale: str, preset: str | None = None, title: str | None = None
    ) -> Session:
        return cls.adopt(store, Interview.start(bank, locale, preset), title)

    @classmethod
    def adopt(cls, store: Store, interview: Interview, title: str | None = None) -> Session:
        """Save an engine built elsewhere (an answers file) as a new interview, with all its answers."""
        state = interview.state
        bank = interview.bank
        chosen = optional_title(title) or ""
        row = store.create(
            bank_id=bank.id,
            bank_version=bank.version,
            bank_hash=state.bank_hash,
            bank_body=bank.canonical_json(),
            locale=state.locale,
            preset=state.preset,
            title=chosen or default_title(state.locale),
            title_auto=not chosen,
            cursor=cursor_json(state),
            total=interview.progress().total,
        )
        _banks_by_hash.setdefault(state.bank_hash, bank)
        session = cls(store, row, interview)
        session._commit()
        return session

    @classmethod
    def resume(cls, store: Store, interview_id: str) -> Session:
        row = store.get(interview_id)
        bank = bank_snapshot(store, row.bank_hash)
        rows = store.answers(row.id)
        cursor = json.loads(row.cursor)
        state = InterviewState(
            bank_id=row.bank_id,
            bank_version=row.bank_version,
            bank_hash=row.bank_hash,
            locale=row.locale,
            preset=row.preset,
            answers={
                make_ref(answer.item_id, answer.instance_key): AnswerRecord(
                    value=json.loads(answer.value),
                    status=answer.status,
                )
                for answer in rows
            },
            probed=[make_ref(answer.item_id, answer.instance_key) for answer in rows if answer.probed],
            **{name: cursor[name] for name in _CURSOR_FIELDS if name in cursor},
        )
        session = cls(store, row, Interview(bank, state))
        session._active = {make_ref(answer.item_id, answer.instance_key): answer.active for answer in rows}
        return session

    # ----- reading -------------------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def locale(self) -> str:
        return self.interview.locale

    def question(self) -> Question | None:
        return self.interview.question()

    def step_summary(self, step_number: int) -> list[str]:
        """What a finished step captured: a count line, then its first answers; nothing while it is open."""
        step = self.interview.progress().steps[step_number - 1]
        if not step.complete:
            return []
        entries = [e for e in self.interview.review() if e.step_id == step.step_id]
        answered = [e for e in entries if e.status == "answered"]
        skipped = sum(e.status == "skipped" for e in entries)
        lines = [t("chat.step_summary", self.locale, title=step.title, answered=len(answered), skipped=skipped)]
        lines.extend(f"  • {shorten(e.question, 50)} → {shorten(e.display, 70)}" for e in answered[:SUMMARY_LINES])
        if len(answered) > SUMMARY_LINES:
            lines.append(t("chat.summary_more", self.locale, count=len(answered) - SUMMARY_LINES))
        return lines

    # ----- the conversation ----------------------------------------------------------------------------

    def say(self, text: str, ref: str | None = None) -> None:
        """Something the assistant told the user; written with the next commit."""
        self._said.append(("assistant", ref, text, self.locale))

    def heard(self, text: str, ref: str | None = None) -> None:
        self._said.append(("user", ref, text, self.locale))

    def flush(self) -> None:
        """Write buffered transcript lines now (before quitting, or after a summary)."""
        if self._said:
            self.store.say(self.id, self._said)
            self._said = []

    # ----- moves ---------------------------------------------------------------------------------------

    def answer(self, raw: str | list[str], *, ref: str | None = None, said: str | None = None) -> Outcome:
        """`raw` as typed, or entries / option codes given one by one; `said` is how the transcript shows it."""
        asked = ref or self._current_ref()
        self.heard(said if said is not None else raw if isinstance(raw, str) else "\n".join(raw), asked)
        outcome = self.interview.answer(raw, ref=ref)
        if outcome.ok:
            self._commit()
        elif outcome.message:
            self.say(outcome.message, outcome.ref)
        return outcome

    def skip(self, said: str) -> Outcome:
        self.heard(said, self._current_ref())
        outcome = self.interview.skip()
        if outcome.ok:
            self._commit()
        elif outcome.message:
            self.say(outcome.message, outcome.ref)
        return outcome

    def back(self, said: str) -> Outcome:
        self.heard(said, self._current_ref())
        outcome = self.interview.back()
        if outcome.ok:
            self._commit()
        elif outcome.message:
            self.say(outcome.message, outcome.ref)
        return outcome

    def edit(self, ref: str, said: str) -> Question:
        self.heard(said, ref)
        question = self.interview.edit(ref)
        self._commit()
        return question

    def set_locale(self, locale: str, said: str) -> None:
        self.interview.set_locale(locale)
        self.heard(said)
        self.store.set_locale(self.id, locale)
        self._commit()

    def remove_instance(self, group_id: str, instance_key: str) -> None:
        self.interview.remove_instance(group_id, instance_key)
        self._commit()

    def save_draft(self, text: str | None) -> None:
        self.flush()
        self.store.set_draft(self.id, text)

    def _current_ref(self) -> str | None:
        question = self.interview.question()
        return question.ref if question is not None else None

    def _commit(self) -> None:
        """Write what the last move changed: only the touched answers and the answers switched on or off."""
        interview = self.interview
        changes = interview.take_changes()
        state = interview.state
        probed = set(state.probed)
        upserts: list[AnswerRow] = []
        deletes: list[tuple[str, str]] = []
        for ref in sorted(changes.answers):
            item_id, key = split_ref(ref)
            record = state.answers.get(ref)
            if record is None:
                deletes.append((item_id, key))
                self._active.pop(ref, None)
                continue
            active = interview.is_active(ref)
            self._active[ref] = active
            upserts.append(
                AnswerRow(item_id, key, record.status, answer_json(record.value), active, ref in probed, answered_at="")
            )
        candidates = state.answers.keys() if changes.rebuilt else changes.switched
        switched: list[tuple[str, str, bool]] = []
        for ref in sorted(candidates):
            if ref in changes.answers or ref not in state.answers:
                continue
            active = interview.is_active(ref)
            if self._active.get(ref) != active:
                self._active[ref] = active
                switched.append((*split_ref(ref), active))
        progress = interview.progress()
        self.row = self.store.commit(
            self.id,
            Commit(
                upserts=upserts,
                deletes=deletes,
                active=switched,
                transcript=self._said,
                cursor=cursor_json(state),
                done=progress.done,
                total=progress.total,
                finished=progress.finished,
                title=self._title_from(changes.answers),
            ),
        )
        self._said = []

    def _title_from(self, changed: set[str]) -> str | None:
        item_id = self.interview.bank.title_item
        if not self.row.title_auto or item_id is None or item_id not in changed:
            return None
        record = self.interview.state.answers.get(item_id)
        if record is None or record.status != "answered" or not isinstance(record.value, str):
            return None
        return record.value
