"""An interview in progress: the one door the plain chat, the app and the command line use.

The session decides what is said and in what order (a step's summary, its header and introduction, the bank's
notes, the question), answers each move with typed utterances, and keeps the engine and the store in step: every
move runs the engine, then writes what changed in one durable commit before the caller shows the next question.
What is said is buffered and written with the user's next move, in order, so the transcript reads as the
conversation did and any front end can reload it.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.bank.model import Bank
from assistant.bank.roles import Role
from assistant.errors import JourneyError
from assistant.i18n import t
from assistant.interview.engine import Interview
from assistant.interview.models import Outcome, Progress, Question, ReviewEntry
from assistant.interview.state import AnswerRecord, InterviewState, make_ref, split_ref
from assistant.interviews import optional_title
from assistant.journeymap.reading import KeptReading, Known, default_reading, reader_fingerprint
from assistant.journeymap.review import KindReview, named_obstacles
from assistant.store import AnswerRow, Commit, InterviewRow, Said, Store, answer_json
from assistant.text import shorten
from assistant.utterances import STORED_KINDS, Utterance, from_row

if TYPE_CHECKING:
    from assistant.journeymap.model import Finding, JourneyMap
    from assistant.survey.model import Respondents

SUMMARY_LINES = 8
LIVE_FINDINGS_LIMIT = 3
RESUME_LINES = 60
_CURSOR_FIELDS = ("repeats", "repeat_serial", "pending_probe", "revisit", "revisit_mode")
_banks_by_hash: dict[str, Bank] = {}


def bank_snapshot(store: Store, bank_hash: str) -> Bank:
    """The exact bank an interview started with, from the database (parsed once per process)."""
    bank = _banks_by_hash.get(bank_hash)
    if bank is None:
        bank = Bank.model_validate_json(store.bank_body(bank_hash))
        _banks_by_hash[bank_hash] = bank
    return bank


def _typed(raw: str | list[str]) -> bool:
    """Whether an answer says anything: some text, or at least one entry or option."""
    return any(part.strip() for part in ([raw] if isinstance(raw, str) else raw))


def cursor_json(state: InterviewState) -> str:
    return json.dumps(state.model_dump(include=set(_CURSOR_FIELDS)), ensure_ascii=False, sort_keys=True)


def default_title(locale: str) -> str:
    return t("interview.default_title", locale, date=date.today().isoformat())


class Turn(BaseModel):
    """What a front end shows before it waits for the user: what is newly said, and what is asked."""

    said: list[Utterance] = Field(default_factory=list)
    question: Question | None = None
    number: int | None = Field(default=None, description="The question's number (None for an add-another prompt).")
    total: int = 0
    review: KindReview | None = Field(default=None, description="Pending: the owner checks the obstacles' kinds.")
    finished: bool = False


class Move(BaseModel):
    """A move's result: the engine's outcome and what the assistant says about it (a refusal, a change)."""

    outcome: Outcome
    said: list[Utterance] = Field(default_factory=list)
    heard: Utterance | None = Field(
        default=None, description="The user's turn as the conversation keeps it; None when nothing was said."
    )

    @property
    def ok(self) -> bool:
        return self.outcome.ok

    @property
    def status(self) -> str:
        return self.outcome.status

    @property
    def message(self) -> str | None:
        return self.outcome.message


@dataclass(slots=True)
class Announcement:
    """What the latest map adds to the conversation: new findings, and findings that no longer hold."""

    said: list[Utterance] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    """Finding ids whose earlier notes are withdrawn."""


class Session:
    def __init__(self, store: Store, row: InterviewRow, interview: Interview) -> None:
        self.store = store
        self.row = row
        self.interview = interview
        self._said: list[Utterance] = []
        self._active: dict[str, bool] = {}
        self._last_step: int | None = None
        self._asked: tuple[str, str, str] | None = None
        """(kind, ref, text) of the last question put to the user: not asked again while it stands."""
        self._summarised: set[int] = set()
        self._reviewed = False
        self._review_open = False
        self._announced: dict[str, str] = {}
        """Live findings said and still standing: finding id → the answer that raised it."""
        self._known: set[str] | None = None
        """Every finding of the last map: what is new is what the next map adds."""
        self._editing: tuple[str, str] | None = None
        self._finished_said = row.status == "completed"
        self._floor = 0.0
        self._readings: Known | None = None
        """What the reader found in the answers, loaded from the store on the first map and kept up to date."""
        self._unkept = Known()
        """Readings made and not yet written to the store (`keep_readings`)."""
        self._readings_lock = threading.Lock()  # the app builds maps in workers, sometimes two at once

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
        session._readings = Known()  # a new interview: nothing of it was read yet
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
                    kinds=json.loads(answer.kinds) if answer.kinds else None,
                )
                for answer in rows
            },
            probed=[make_ref(answer.item_id, answer.instance_key) for answer in rows if answer.probed],
            **{name: cursor[name] for name in _CURSOR_FIELDS if name in cursor},
        )
        session = cls(store, row, Interview(bank, state))
        session._active = {make_ref(answer.item_id, answer.instance_key): answer.active for answer in rows}
        session._recall()
        return session

    def _recall(self) -> None:
        """What the saved conversation already said: the summaries, the kind review, the live findings still
        standing, and the question the user was last asked (if nothing was answered since, it is not asked twice)."""
        for line in self.store.lines_of_kind(self.id, ("summary", "review", "finding")):
            said = from_row(line.kind, line.text, line.ref, line.data, line.seq, line.role)
            if said.kind == "summary" and isinstance(said.data.get("step"), int):
                self._summarised.add(said.data["step"])
            elif said.kind == "review":
                self._reviewed = True
            elif said.kind == "finding" and not said.withdrawn and said.data.get("finding_id"):
                self._announced[str(said.data["finding_id"])] = str(said.data.get("raised_by") or "")
        for line in reversed(self.store.transcript(self.id, last=RESUME_LINES)):
            if line.role == "user":
                break
            said = from_row(line.kind, line.text, line.ref, line.data, line.seq, line.role)
            if said.kind in ("question", "probe", "more") and said.ref is not None:
                self._asked = (said.kind, said.ref, said.text)
                step = said.data.get("step")
                self._last_step = step if isinstance(step, int) else None
                break

    # ----- reading -------------------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def locale(self) -> str:
        return self.interview.locale

    @property
    def bank(self) -> Bank:
        return self.interview.bank

    def question(self) -> Question | None:
        return self.interview.question()

    def progress(self) -> Progress:
        """The interview's progress as the user sees it: never lower after an answer than before it, with the
        skipped questions counted apart. The engine's total is an estimate; when a list comes out longer than
        estimated (fifteen touchpoints where three were expected) the total shown grows with the answers instead
        of the bar jumping back."""
        interview = self.interview
        progress = interview.progress()
        skipped = sum(
            1
            for ref, record in interview.state.answers.items()
            if record.status == "skipped" and interview.is_active(ref)
        )
        progress = progress.model_copy(update={"skipped": skipped})
        if progress.finished or not progress.total:
            return progress
        ratio = progress.done / progress.total
        if ratio >= self._floor:
            self._floor = ratio
            return progress
        shown = max(progress.done, min(progress.total, int(progress.done / self._floor)))
        self._floor = progress.done / shown
        return progress.model_copy(update={"total": shown})

    def snapshot(self) -> Interview:
        """A copy of the interview another thread can read (to build the map off the event loop)."""
        return self.interview.snapshot()

    def review(self) -> list[ReviewEntry]:
        """Every question that applies, numbered in order, answered or not: what `/review` lists."""
        return self.interview.review()

    def answered(self) -> list[ReviewEntry]:
        return [entry for entry in self.interview.review() if entry.status != "unanswered"]

    def entry(self, ref: str) -> ReviewEntry | None:
        return next((entry for entry in self.interview.review() if entry.ref == ref), None)

    def transcript(self, *, last: int, before: int | None = None) -> list[Utterance]:
        """A page of the saved conversation, oldest first."""
        rows = self.store.transcript(self.id, last=last, before=before)
        return [from_row(row.kind, row.text, row.ref, row.data, row.seq, row.role) for row in rows]

    def is_asked(self, question: Question) -> bool:
        """Whether `question` is the one last put to the user and still standing (a resumed conversation ends on
        it): it is shown where it was, not asked a second time."""
        return self._asked == (question.kind, question.ref, question.text)

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

    def map(
        self,
        locale: str | None = None,
        snapshot: Interview | None = None,
        *,
        respondents: Respondents | None = None,
        with_findings: bool = True,
        keep_now: bool = True,
    ) -> JourneyMap:
        """The map of the answers as they stand (or of a `snapshot()` of them, built off the event loop), with what
        the survey's `respondents` said when they are given. Its findings read the answers as the store keeps them
        read, and what they read anew is kept there (unless `keep_now` is false: then by `keep_readings`, once the
        map is shown): the single door the command line's exports, the chat and the app's analysis build a saved
        interview's map through."""
        from assistant.journeymap.build import MapSource, map_of

        reading = self._reading()  # the findings read the answers, and the map itself leaves out those saying nothing
        journey = map_of(
            snapshot or self.interview,
            MapSource.of(self.row),
            locale,
            respondents,
            with_findings=with_findings,
            reading=reading,
        )
        self._keep(reading)
        if keep_now:
            self.keep_readings()
        return journey

    def _reading(self) -> KeptReading:
        """The obstacle reader for one look at the answers (a map, the kind review): what the store keeps of them
        read, loaded in one query the first time, on a connection of the calling thread; then the process's reader.
        Hand it to `_keep` after."""
        with self._readings_lock:
            if self._readings is None:
                self._readings = self._stored_readings()
            known = self._readings
        return KeptReading(known, default_reading())

    def _stored_readings(self) -> Known:
        try:
            with self.store.on_this_thread() as store:
                return Known.stored(store.answer_readings(self.id))
        except JourneyError as error:
            # Only time is lost: every answer is read again.
            logging.getLogger("journey.session").warning("answer readings not loaded: %s", error)
            return Known()

    def _keep(self, reading: KeptReading) -> None:
        """What `reading` read anew, known to the session's next look at once, and to be written to the store by
        `keep_readings`. A file that cannot take them (read-only, busy) keeps none: the next process reads them
        again, and its map is no different."""
        new = reading.new
        if not new:
            return
        with self._readings_lock:
            self._readings = (self._readings or Known()).with_(new)
            self._unkept = self._unkept.with_(new)

    def keep_readings(self) -> None:
        """Write the readings made since the last write, in one transaction. The app does it after showing the map
        its analysis built: the write waits for the answer's own commit, and the live canvas need not wait too."""
        with self._readings_lock:
            new, self._unkept = self._unkept, Known()
        if not new or not self.store.writable:
            return
        try:
            with self.store.on_this_thread() as store:
                store.keep_answer_readings(self.id, reader_fingerprint(), new.encoded())
        except JourneyError as error:
            if error.key != "store.readonly":
                logging.getLogger("journey.session").warning("answer readings not kept: %s", error)

    # ----- the conversation ----------------------------------------------------------------------------

    def _say(self, kind: str, text: str, ref: str | None = None, **data: object) -> Utterance:
        said = Utterance(kind=kind, text=text, ref=ref, data=data)
        self._said.append(said)
        return said

    def heard(self, text: str, ref: str | None = None, *, kind: str = "answer") -> Utterance:
        return self._say(kind, text, ref)

    def say(self, text: str, ref: str | None = None) -> Utterance:
        """Something the assistant tells the user that the bank does not (a greeting, a closing line)."""
        return self._say("say", text, ref)

    def flush(self) -> None:
        """Write buffered transcript lines now (before quitting, or after a summary)."""
        if self._said:
            self.store.say(self.id, [self._line(said) for said in self._said])
            self._said = []

    def _line(self, said: Utterance) -> Said:
        return Said(
            said.role, said.ref, said.text, self.locale, STORED_KINDS.get(said.kind, said.kind), said.data_json()
        )

    def next_turn(self) -> Turn:
        """What to say now and what to ask: the summary of a step just finished, the new step's header and
        introduction, the bank's notes leading to the question, then the question (once: a question still standing
        is not asked again), or the kind review before the list of obstacles, or the closing line."""
        question = self.interview.question()
        progress = self.progress()
        said: list[Utterance] = []
        if question is None:
            if self._last_step is not None:
                said += self._summary(self._last_step)
                self._last_step = None
            if not self._finished_said:
                self._finished_said = True
                said.append(self._say("say", t("conversation.finished", self.locale), finished=True))
            return Turn(said=said, total=progress.total, finished=True)
        number = self.interview.question_number(question.ref) if question.kind != "more" else None
        if self._last_step is not None and question.step_number > self._last_step:
            said += self._summary(self._last_step)
        self._last_step = question.step_number
        review = self._kind_review_due(question)
        if review is not None:
            if not self._review_open:
                self._review_open = True
                said.append(self._say("review", self._review_text(review), question.ref, count=len(review.obstacles)))
            return Turn(said=said, question=question, number=number, total=progress.total, review=review)
        if self.is_asked(question):
            return Turn(said=said, question=question, number=number, total=progress.total)
        if question.step_intro:
            header = t(
                "conversation.step",
                self.locale,
                number=question.step_number,
                count=len(progress.steps),
                title=question.step_title,
            )
            said.append(self._say("step", header, step=question.step_number, count=len(progress.steps)))
            said.append(self._say("intro", question.step_intro, step=question.step_number))
        said += [self._say("note", note, step=question.step_number) for note in question.notes]
        kind = "probe" if question.kind == "probe" else "more" if question.kind == "more" else "question"
        extra: dict[str, object] = {"step": question.step_number, "total": progress.total}
        if number is not None:
            extra["number"] = number
        if kind == "more":
            extra["more"] = True
        said.append(self._say(kind, question.text, question.ref, **extra))
        self._asked = (question.kind, question.ref, question.text)
        return Turn(said=said, question=question, number=number, total=progress.total)

    def _summary(self, step_number: int) -> list[Utterance]:
        if step_number in self._summarised:
            return []
        lines = self.step_summary(step_number)
        if not lines:
            return []
        self._summarised.add(step_number)
        return [self._say("summary", "\n".join(lines), step=step_number)]

    # ----- moves ---------------------------------------------------------------------------------------

    def answer(self, raw: str | list[str], *, ref: str | None = None, said: str | None = None) -> Move:
        """`raw` as typed, or entries / option codes given one by one; `said` is how the transcript shows it."""
        text = said if said is not None else raw if isinstance(raw, str) else "\n".join(raw)
        try:
            outcome = self.interview.answer(raw, ref=ref)
        except JourneyError:
            self.heard(text, ref or self._current_ref())
            raise
        # The engine answers the question it asks, so the outcome names it: asking the engine for the current
        # question first would build the whole question again, a tenth of a save.
        heard = self.heard(text, outcome.ref)
        if outcome.ok or _typed(raw):
            return self._after(outcome).model_copy(update={"heard": heard})
        # Nothing sent and nothing to fall back on: the refusal is said, but an empty turn ("(left empty)") is no
        # part of the conversation.
        self._said = [line for line in self._said if line is not heard]
        return self._after(outcome)

    def skip(self, said: str) -> Move:
        self.heard(said, self._current_ref(), kind="command")
        return self._after(self.interview.skip())

    def back(self, said: str) -> Move:
        self.heard(said, self._current_ref(), kind="command")
        return self._after(self.interview.back())

    def edit(self, ref: str, said: str) -> Question:
        entry = self.entry(ref)
        if entry is None or entry.status == "unanswered":
            raise JourneyError("answer.not_in_interview", ref=ref)
        question = self.interview.edit(ref)
        self.heard(said, ref, kind="command")
        self._editing = (ref, self._shown(entry))
        self._asked = None
        self._commit()
        return question

    def set_locale(self, locale: str, said: str) -> Utterance:
        self.interview.set_locale(locale)
        self.heard(said, kind="command")
        self.store.set_locale(self.id, locale)
        note = self._say("note", t("conversation.language_set", locale))
        self._asked = None
        self._commit()
        return note

    def remove_instance(self, group_id: str, instance_key: str) -> None:
        self.interview.remove_instance(group_id, instance_key)
        self._commit()

    def save_draft(self, text: str | None) -> None:
        self.flush()
        self.store.set_draft(self.id, text)

    def _after(self, outcome: Outcome) -> Move:
        said: list[Utterance] = []
        if outcome.ok:
            if outcome.status != "probe":
                said += self._changed(outcome.ref)
            self._asked = None
            self._commit()
        elif outcome.message:
            said.append(self._say("error", outcome.message, outcome.ref))
        return Move(outcome=outcome, said=said)

    def _changed(self, ref: str) -> list[Utterance]:
        """After an edit is answered: what changed, or that nothing did."""
        if self._editing is None or self._editing[0] != ref:
            return []
        _, before = self._editing
        self._editing = None
        entry = self.entry(ref)
        if entry is None:
            return []
        after = self._shown(entry)
        question = shorten(entry.question, 60)
        if after == before:
            return [self._say("change", t("conversation.unchanged", self.locale, question=question), ref)]
        text = t("conversation.changed", self.locale, question=question, before=before, after=after)
        return [self._say("change", text, ref, before=before, after=after)]

    def _shown(self, entry: ReviewEntry) -> str:
        return entry.display if entry.status == "answered" else t("value.skipped", self.locale)

    def _current_ref(self) -> str | None:
        question = self.interview.question()
        return question.ref if question is not None else None

    # ----- the kind review -----------------------------------------------------------------------------

    def _kind_review_due(self, question: Question) -> KindReview | None:
        """Before the owner lists the journey's obstacles, once: the obstacles named so far and their kinds."""
        if self._reviewed or question.kind != "question":
            return None
        item = self.interview.bank_item(question.item_id)
        if item is None or item.role is not Role.JOURNEY_OBSTACLES or self.interview.state.answers.get(question.ref):
            return None
        review = self.kind_review()
        if not review.obstacles:
            return None
        return review

    def kind_review(self) -> KindReview:
        """Every obstacle named so far, with the kind the reader gave it (or the owner's correction)."""
        reading = self._reading()
        review = named_obstacles(self.interview, self.map(with_findings=False), reading)
        self._keep(reading)
        self.keep_readings()
        return review

    def _review_text(self, review: KindReview) -> str:
        lines = [t("conversation.review", self.locale, count=len(review.obstacles))]
        lines += [
            f"  {o.number}. {shorten(o.clause, 70)} ({shorten(o.where, 30)}) → {o.kind_label}" for o in review.obstacles
        ]
        return "\n".join(lines)

    def correct_kind(self, number: int, kind: str, said: str) -> Utterance:
        """Correct one obstacle's kind; the correction is stored with its answer and always wins over the reader."""
        review = self.kind_review()
        obstacle = next((o for o in review.obstacles if o.number == number), None)
        choice = next((c for c in review.kinds if c.code == kind), None)
        if obstacle is None or choice is None:
            raise JourneyError("conversation.no_such_obstacle", number=number, count=len(review.obstacles))
        self.heard(said, obstacle.ref, kind="command")
        self.interview.set_kind(obstacle.ref, obstacle.clause, choice.code)
        note = self._say(
            "note",
            t("conversation.kind_set", self.locale, text=shorten(obstacle.clause, 60), kind=choice.label),
            obstacle.ref,
        )
        self._commit()
        return note

    def finish_review(self, said: str) -> None:
        """The owner is done checking the kinds: the interview moves on to its question."""
        self.heard(said, kind="command")
        self._reviewed = True
        self._review_open = False
        self._commit()

    # ----- live analysis -------------------------------------------------------------------------------

    def announce(self, journey: JourneyMap, raised_by: str | None = None, *, quiet: bool = False) -> Announcement:
        """What the map of the latest answers adds: each new finding said under the answer that raised it (the
        first few, then how many more), and the earlier notes whose finding no longer holds, withdrawn. The first
        map of a session is the baseline: what it holds was there before; so is a `quiet` map, one that changed for
        a reason other than an answer (respondents imported or removed), whose findings the owner reads on the
        map itself."""
        findings: dict[str, Finding] = {f.id: f for f in journey.obstacles + journey.resource_gaps}
        known, self._known = self._known, set(findings)
        announcement = Announcement()
        gone = [finding_id for finding_id in self._announced if finding_id not in findings]
        if gone:
            for said in self._said:  # notes not written yet are withdrawn where they wait
                if said.kind == "finding" and said.data.get("finding_id") in gone:
                    said.data["withdrawn"] = True
            self.store.withdraw_findings(self.id, gone)
            for finding_id in gone:
                del self._announced[finding_id]
            announcement.withdrawn = gone
        if known is None or quiet:
            return announcement
        fresh = [finding for finding_id, finding in findings.items() if finding_id not in known]
        notes = [
            Utterance(
                kind="finding",
                text=t("conversation.finding", self.locale, message=finding.message),
                ref=raised_by,
                data={"finding_id": finding.id, "severity": finding.severity, "raised_by": raised_by},
            )
            for finding in fresh[:LIVE_FINDINGS_LIMIT]
        ]
        if len(fresh) > LIVE_FINDINGS_LIMIT:
            more = t("conversation.findings_more", self.locale, count=len(fresh) - LIVE_FINDINGS_LIMIT)
            notes.append(Utterance(kind="note", text=more, ref=raised_by))
        for note in notes:
            if note.kind == "finding":
                self._announced[str(note.data["finding_id"])] = raised_by or ""
        # Under the answer that raised them: before what was said since (the next question), if not yet written.
        users = [index for index, said in enumerate(self._said) if said.role == "user"]
        at = users[-1] + 1 if users else 0
        self._said[at:at] = notes
        announcement.said = notes
        return announcement

    # ----- writing -------------------------------------------------------------------------------------

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
            kinds = json.dumps(record.kinds, ensure_ascii=False, sort_keys=True) if record.kinds else None
            upserts.append(
                AnswerRow(
                    item_id, key, record.status, answer_json(record.value), active, ref in probed, "", kinds=kinds
                )
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
        progress = interview.progress()  # the counts as the answers give them; the floor is only for the eye
        self.row = self.store.commit(
            self.id,
            Commit(
                upserts=upserts,
                deletes=deletes,
                active=switched,
                transcript=[self._line(said) for said in self._said],
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
