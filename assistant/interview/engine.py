"""The interview engine: which question comes next, what an answer means, and how the interview moves.

The next question is always derived from the answers: the first enabled, unanswered slot of the plan. To keep
each answer cheap however long the interview gets, the engine caches each slot's enabled / resolved flags and
a position before which nothing is open, and on every change it revisits only the slots that depend on the
changed answer.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from assistant.bank.index import BankIndex
from assistant.bank.model import (
    ANSWER_PIPE,
    TEXT_TYPES,
    Bank,
    Condition,
    DefaultSource,
    Item,
    ItemType,
    LocalizedText,
    Operator,
    localize,
)
from assistant.bank.roles import Role
from assistant.errors import JourneyError
from assistant.i18n import t
from assistant.interview.models import (
    ActiveAnswer,
    Choice,
    Outcome,
    Progress,
    Question,
    ReviewEntry,
    StepProgress,
)
from assistant.interview.parsing import AnswerError, OptionChoice, parse_answer, parse_boolean
from assistant.interview.plan import InstanceLabel, Plan, Slot, SlotKind, build_plan
from assistant.interview.state import AnswerRecord, InterviewState, join_key, key_prefix, make_ref, split_ref
from assistant.interview.values import AnswerValue, display_value, format_number, option_labels
from assistant.text import fold, join_sentences, slug, word_count

_LABEL_PIPE = re.compile(r"\{([a-z][a-z0-9_]*)\.label\}")
_ASKABLE = (SlotKind.QUESTION, SlotKind.MORE)


@dataclass(slots=True)
class Changes:
    answers: set[str] = field(default_factory=set)
    switched: set[str] = field(default_factory=set)
    rebuilt: bool = False


class Interview:
    """One interview over one bank. Not thread-safe; each front door owns its engine."""

    def __init__(self, bank: Bank, state: InterviewState, *, index: BankIndex | None = None) -> None:
        if state.locale not in bank.locales:
            raise JourneyError("bank.unknown_locale", locale=state.locale, known=", ".join(bank.locales))
        self.bank = bank
        self.state = state
        self._index = index or BankIndex.build(bank)
        self._repeat_sources = self._index.repeat_sources()
        self._group_reads: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._question_counts: dict[tuple[object, ...], int] = {}
        self._condition_refs: dict[tuple[str, str], str] = {}
        self._labels: dict[tuple[str, str], dict[str, str]] = {}
        self._labelled_texts: dict[tuple[str, str, tuple[InstanceLabel, ...]], str] = {}
        self._label_texts: dict[tuple[str, InstanceLabel], str] = {}
        self._entries: dict[str, tuple[Slot, AnswerRecord | None, bool, str, ReviewEntry]] = {}
        self._self_contained: dict[str, bool] = {}
        self._repeating_for: dict[str, list[Item]] = {}
        self._vague = {fold(text) for texts in bank.vague_answers.values() for text in texts}
        self._changes = Changes()
        self._rebuild()

    @classmethod
    def start(cls, bank: Bank, locale: str, preset: str | None = None) -> Interview:
        if locale not in bank.locales:
            raise JourneyError("bank.unknown_locale", locale=locale, known=", ".join(bank.locales))
        if preset is not None and bank.preset(preset) is None:
            known = ", ".join(p.code for p in bank.presets)
            raise JourneyError("bank.unknown_preset", preset=preset, known=known)
        state = InterviewState(
            bank_id=bank.id,
            bank_version=bank.version,
            bank_hash=bank.content_hash(),
            locale=locale,
            preset=preset,
        )
        return cls(bank, state)

    # ----- reading -------------------------------------------------------------------------------------

    @property
    def locale(self) -> str:
        return self.state.locale

    @property
    def finished(self) -> bool:
        return self._current_position() is None

    def question(self) -> Question | None:
        """The question to ask now, or None when the interview is complete."""
        position = self._current_position()
        if position is None:
            return None
        slot = self._plan.slots[position]
        question = self._question_at(position)
        if self.state.pending_probe == slot.ref and slot.item.probe:
            return question.model_copy(
                update={
                    "kind": "probe",
                    "text": self._render(slot.item.probe, slot),
                    "notes": [],
                    "step_intro": None,
                    "default": None,
                    "default_display": None,
                }
            )
        return question

    def bank_item(self, item_id: str) -> Item | None:
        placement = self._index.placements.get(item_id)
        return placement.item if placement is not None else None

    def question_number(self, ref: str) -> int | None:
        """The question's number among those that apply, in interview order: the number `/review` shows and
        `/edit N` takes. None for an "add another?" prompt, which is not a question of the review."""
        position = self._plan.position.get(ref)
        slots = self._plan.slots
        if position is None or slots[position].kind is not SlotKind.QUESTION:
            return None
        return sum(1 for p in range(position + 1) if slots[p].kind is SlotKind.QUESTION and self._enabled_at(p))

    def progress(self) -> Progress:
        """Questions answered and questions in all, the latter including an estimate of the questions that
        repeated groups will add once the lists they repeat for are answered (the touchpoints of a stage not
        listed yet), so the total does not leap as the journey unfolds."""
        expected = self._expected_by_step()
        steps = [
            StepProgress(
                step_id=step.id,
                title=self._text(step.title),
                short_title=self._text(step.short_title) or self._text(step.title),
                done=self._step_done[number],
                total=self._step_total[number] + expected[number],
            )
            for number, step in enumerate(self.bank.steps)
        ]
        total = sum(self._step_total) + sum(expected)
        return Progress(done=sum(self._step_done), total=total, finished=self.finished, steps=steps)

    def _expected_by_step(self) -> list[int]:
        """Per step, the questions still to come from repeats whose list is not answered yet, each instance counted
        as it will count once the list is given (see `_likely_enabled`)."""
        expected = [0] * len(self.bank.steps)
        for position in self._source_positions:  # worked out after every answer: the few lists, not every slot
            slot = self._plan.slots[position]
            if self._resolved[position] or not self._enabled_at(position):
                continue
            instances = self._expected_instances(slot.item, self._default(slot))
            for group in self._groups_repeating_for(slot.item.id):
                expected[slot.step] += instances * self._questions_in_new(group, slot.key)
        return expected

    def _questions_in_new(self, group: Item, key: str) -> int:
        """`_questions_in` for a new instance of `group`, remembered by everything it reads: the answers (or
        suggestions) its conditions test outside the group and the instance counts of its nested repeats. Progress
        is worked out after every answer, and walking the groups again each time was half the cost of a save."""
        outside, nested = self._group_inputs(group)
        signature = (
            group.id,
            key,
            tuple(
                repr(self._likely_value(make_ref(item_id, key_prefix(key, self._index.scope_depth(item_id)))))
                for item_id in outside
            ),
            tuple(self._expected_instances(self._index.item(source), None) for source in nested),
        )
        count = self._question_counts.get(signature)
        if count is None:
            count = self._question_counts[signature] = self._questions_in(group, group, key)
        return count

    def _group_inputs(self, group: Item) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The items outside `group` its questions' conditions test, and the lists its nested repeats repeat for."""
        known = self._group_reads.get(group.id)
        if known is not None:
            return known
        outside: list[str] = []
        nested: list[str] = []

        def visit(item: Item) -> None:
            for condition in item.enable_when:
                inside = any(g is group for g in self._index.placements[condition.item].groups)
                if not inside and condition.item not in outside:
                    outside.append(condition.item)
            if item.type is ItemType.GROUP:
                if item is not group and item.repeat_for and item.repeat_for not in nested:
                    nested.append(item.repeat_for)
                for child in item.items:
                    visit(child)

        visit(group)
        known = self._group_reads[group.id] = (tuple(outside), tuple(nested))
        return known

    def _groups_repeating_for(self, item_id: str) -> list[Item]:
        groups = self._repeating_for.get(item_id)
        if groups is None:
            groups = [p.item for p in self._index.placements.values() if p.item.repeat_for == item_id]
            self._repeating_for[item_id] = groups
        return groups

    def _questions_in(self, group: Item, outer: Item, key: str) -> int:
        """The questions one instance of `group` (inside `outer`, the repeat not expanded yet, in scope `key`) will
        ask, its own nested repeats estimated too."""
        if not self._likely_enabled(group, outer, key):
            return 0
        count = 0
        for item in group.items:
            if item.type is ItemType.GROUP:
                nested = self._questions_in(item, outer, key)
                count += nested * (
                    self._expected_instances(self._index.item(item.repeat_for), None)
                    if item.repeat_for
                    else max(1, int(item.min or 1))
                )
            elif item.type is not ItemType.INFO and self._likely_enabled(item, outer, key):
                count += 1
        return count

    def _likely_enabled(self, item: Item, outer: Item, key: str) -> bool:
        """Whether `item` will be asked in a new instance of `outer`, as the engine will judge it when the instance
        appears: its conditions read against the answers given so far, a question not answered yet taken at its
        suggested answer (a quick depth suggested for a long journey leaves out the lanes it asks only where a
        touchpoint hurts), and the questions of the instance itself as not answered yet."""
        if not item.enable_when:
            return True
        results = (self._likely_holds(condition, item, outer, key) for condition in item.enable_when)
        return all(results) if item.enable_behavior == "all" else any(results)

    def _likely_holds(self, condition: Condition, item: Item, outer: Item, key: str) -> bool:
        target = self._index.placements[condition.item]
        if any(group is outer for group in target.groups):
            return self._holds(condition, item, key, None)
        ref = make_ref(condition.item, key_prefix(key, self._index.scope_depth(condition.item)))
        return self._holds(condition, item, key, self._likely_value(ref))

    def _likely_value(self, ref: str) -> AnswerValue | None:
        """The answer to `ref`, or the one suggested while it is not given; None when it is skipped or off."""
        position = self._plan.position.get(ref)
        if position is None or not self._enabled_at(position):
            return None
        record = self.state.answers.get(ref)
        if record is None:
            return self._default(self._plan.slots[position])
        return record.value if record.status == "answered" else None

    def _expected_instances(self, source: Item, default: AnswerValue | None) -> int:
        """How many entries a list not answered yet will likely hold: its suggestion, else the touchpoints the owner
        expects spread over the stages, else the preset's typical count, else its least."""
        if isinstance(default, list) and default:
            return len(default)
        if source.role is Role.TOUCHPOINTS:
            per_stage = self._expected_touchpoints_per_stage()
            if per_stage:
                return per_stage
        preset = self.bank.preset(self.state.preset)
        if source.default_from is DefaultSource.PRESET_STAGES and preset is not None:
            return len(preset.stages)
        if source.default_from is DefaultSource.PRESET_TOUCHPOINTS and preset is not None and preset.stages:
            return max(1, round(sum(len(stage.touchpoints) for stage in preset.stages) / len(preset.stages)))
        return max(1, int(source.min or 1))

    def _expected_touchpoints_per_stage(self) -> int | None:
        counts = self._role_values(Role.EXPECTED_TOUCHPOINTS)
        stages = self._role_values(Role.STAGES)
        expected = counts[0] if counts else None
        if not isinstance(expected, int) or isinstance(expected, bool) or expected <= 0:
            return None
        preset = self.bank.preset(self.state.preset)
        if stages and isinstance(stages[0], list) and stages[0]:
            count = len(stages[0])
        else:
            count = len(preset.stages) if preset is not None else 1
        return max(1, -(-expected // count))

    def _role_values(self, role: Role) -> list[AnswerValue]:
        return [
            value
            for position in self._role_positions.get(role, [])
            if (value := self._active_value(self._plan.slots[position].ref)) is not None
        ]

    def review(self) -> list[ReviewEntry]:
        """Every question that applies under the current answers, in interview order, answered or not."""
        # Built for every map, so for each preview and export of a 2,000-answer interview: each step's title is
        # localised once, and an entry whose question and answer read nothing else is kept until its slot, its
        # record or its status changes (the engine replaces a record, never changes one, so identity is exact).
        step_titles = [(step.id, self._text(step.title)) for step in self.bank.steps]
        answers, locale, kept = self.state.answers, self.locale, self._entries
        entries = []
        for position, slot in enumerate(self._plan.slots):
            if slot.kind is not SlotKind.QUESTION or not self._enabled_at(position):
                continue
            record = answers.get(slot.ref)
            resolved = self._resolved[position]
            known = kept.get(slot.ref)
            if (
                known is not None
                and known[0] is slot
                and known[1] is record
                and known[2] == resolved
                and known[3] == locale
            ):
                entries.append(known[4])
                continue
            status = record.status if record and resolved else "unanswered"
            value = record.value if record and status == "answered" else None
            step_id, step_title = step_titles[slot.step]
            entry = ReviewEntry(
                ref=slot.ref,
                item_id=slot.item.id,
                instance_key=slot.key,
                role=slot.item.role,
                labels=[self._label_text(label) for label in slot.labels],
                step_id=step_id,
                step_title=step_title,
                question=self._render(slot.item.text, slot),
                status=status,
                value=value,
                display=self._display(slot, value) if value is not None else "",
            )
            if self._reads_only_itself(slot.item):
                kept[slot.ref] = (slot, record, resolved, locale, entry)
            entries.append(entry)
        return entries

    def _reads_only_itself(self, item: Item) -> bool:
        """Whether an entry of `item` depends on its own answer alone: no options drawn from another answer, no
        other answer piped into its question."""
        only = self._self_contained.get(item.id)
        if only is None:
            texts = [*(item.text or {}).values(), *(item.text_when_missing or {}).values()]
            only = not item.options_from and not any(ANSWER_PIPE.search(text) for text in texts if text)
            self._self_contained[item.id] = only
        return only

    def active_answers(self) -> list[ActiveAnswer]:
        """The answers that count under the current answers, in interview order."""
        active = []
        for position, slot in enumerate(self._plan.slots):
            record = self.state.answers.get(slot.ref)
            if slot.kind is SlotKind.QUESTION and record is not None and self._enabled_at(position):
                active.append(
                    ActiveAnswer(
                        ref=slot.ref,
                        item_id=slot.item.id,
                        instance_key=slot.key,
                        status=record.status,
                        value=record.value,
                    )
                )
        return active

    def is_active(self, ref: str) -> bool:
        """Whether the question `ref` applies under the current answers (its answer counts)."""
        position = self._plan.position.get(ref)
        return position is not None and self._enabled_at(position)

    def take_changes(self) -> Changes:
        """What changed since the last call, so a store can write only that: answers set or removed,
        questions switched on or off, and whether the whole plan was rebuilt (then every flag may differ)."""
        changes, self._changes = self._changes, Changes()
        return changes

    def snapshot(self) -> Interview:
        """A copy another thread can read while this engine moves on (the app builds its maps off the event
        loop). The answers are copied as `InterviewState.snapshot` copies them and the flags are copied; the plan,
        the bank's look-ups and what the engine remembers are shared, since a rebuild replaces them and never
        changes one in place. A map built from the copy does not lay out and flag the whole interview again. The
        copy is for reading: answering through it would change what it shares."""
        copy = object.__new__(Interview)
        copy.__dict__.update(self.__dict__)
        copy.state = self.state.snapshot()
        copy._enabled = list(self._enabled)
        copy._resolved = list(self._resolved)
        copy._step_total = list(self._step_total)
        copy._step_done = list(self._step_done)
        copy._changes = Changes()
        return copy

    def next_open(self, after: str | None = None) -> Question | None:
        """The first enabled question still unanswered after `after` in interview order (from the start when
        None); unlike `question()` it can pass over questions, which is how an answers file fills gaps."""
        start = 0 if after is None else self._plan.position.get(after, -1) + 1
        slots = self._plan.slots
        for position in range(start, len(slots)):
            if slots[position].kind in _ASKABLE and self._enabled_at(position) and not self._resolved[position]:
                return self._question_at(position)
        return None

    def instance_path(self, ref: str) -> list[tuple[str, int]]:
        """For each repeating group around `ref`, outermost first: the group's id and the 0-based index of the
        instance `ref` sits in (the n-th list entry, the n-th selected option, the n-th added block)."""
        position = self._plan.position.get(ref)
        if position is None:
            raise JourneyError("answer.not_in_interview", ref=ref)
        slot = self._plan.slots[position]
        placement = self._index.placements[slot.item.id]
        groups = [group for group in placement.groups if group.repeat or group.repeat_for]
        if slot.kind is SlotKind.MORE:
            groups = groups[:-1] if groups and groups[-1].id == slot.item.id else groups
        path: list[tuple[str, int]] = []
        segments = slot.key.split("/") if slot.key else []
        for depth, (group, segment) in enumerate(zip(groups, segments, strict=False)):
            scope = "/".join(segments[:depth])
            if group.repeat_for is not None:
                source_ref = make_ref(group.repeat_for, key_prefix(scope, self._index.scope_depth(group.repeat_for)))
                record = self.state.answers.get(source_ref)
                values = record.value if record is not None and isinstance(record.value, list) else []
                keys = (
                    [slug(value) for value in values]
                    if self._index.item(group.repeat_for).type is ItemType.LIST
                    else values
                )
            else:
                keys = self.state.repeats.get(make_ref(group.id, scope), [])
            path.append((group.id, keys.index(segment) if segment in keys else -1))
        return path

    def recheck(self, ref: str, value: AnswerValue) -> AnswerValue:
        """A stored value of the question `ref` run through the parser that checked it when it was typed, as
        an import does with a file it did not write: the value as the interview would have stored it, or an
        AnswerError saying why the question does not take it."""
        position = self._askable_position(ref)
        slot = self._plan.slots[position]
        if slot.kind is SlotKind.MORE:
            if not isinstance(value, bool):
                raise AnswerError("answer.not_boolean")
            return value
        raw: str | list[str]
        if isinstance(value, bool):
            raw = "yes" if value else "no"
        elif isinstance(value, list):
            raw = [str(entry) for entry in value]
        elif isinstance(value, dict):
            raw = str(value.get("code") or value.get("other") or "")
        else:
            raw = str(value)
        parsed = parse_answer(slot.item, raw, self._option_choices(slot))
        if parsed is None:
            raise AnswerError("answer.required")
        return parsed

    def display(self, ref: str) -> str:
        """The answer to `ref` as a person reads it, or an empty string."""
        position = self._plan.position.get(ref)
        record = self.state.answers.get(ref)
        if position is None or record is None or record.value is None:
            return ""
        return self._display(self._plan.slots[position], record.value)

    # ----- changing ------------------------------------------------------------------------------------

    def answer(self, raw: str | list[str], *, ref: str | None = None) -> Outcome:
        """Answer the current question (or the one named by `ref`) with what the user typed."""
        position = self._askable_position(ref) if ref is not None else self._current_position()
        if position is None:
            raise JourneyError("answer.finished")
        slot = self._plan.slots[position]
        if ref is None and self.state.pending_probe == slot.ref:
            return self._answer_probe(slot, raw if isinstance(raw, str) else "\n".join(raw))
        if slot.kind is SlotKind.MORE:
            return self._answer_more(slot, raw if isinstance(raw, str) else "")
        item = slot.item
        try:
            value = parse_answer(item, raw, self._option_choices(slot), frozenset(self._vague))
            if isinstance(value, int | float) and not isinstance(value, bool):
                self._check_against_answers(slot, value)
        except AnswerError as error:
            return Outcome(status="invalid", ref=slot.ref, message=error.message(self.locale))
        record = self.state.answers.get(slot.ref)
        if value is None:
            default = self._default(slot)
            if record is not None and record.status == "answered" and self.state.revisit == slot.ref:
                self._after_revisit(position)
                return Outcome(status="kept", ref=slot.ref)
            if default is not None:
                value = default
            elif item.required:
                return Outcome(status="invalid", ref=slot.ref, message=t("answer.required", self.locale))
            else:
                return self._skip_at(position)
        self._store(slot.ref, AnswerRecord(value=value, kinds=record.kinds if record is not None else None))
        if ref is None and self._should_probe(slot, value):
            self.state.probed.append(slot.ref)
            self.state.pending_probe = slot.ref
            return Outcome(status="probe", ref=slot.ref, message=self._render(item.probe, slot))
        if ref is None:
            self._after_revisit(position)
        return Outcome(status="accepted", ref=slot.ref)

    def skip(self, *, ref: str | None = None) -> Outcome:
        """Skip the current question, or the one named by `ref` (without moving the interview)."""
        position = self._askable_position(ref) if ref is not None else self._current_position()
        if position is None:
            raise JourneyError("answer.finished")
        slot = self._plan.slots[position]
        if ref is None and self.state.pending_probe == slot.ref:
            self.state.pending_probe = None
            self._after_revisit(position)
            return Outcome(status="kept", ref=slot.ref)
        if slot.kind is SlotKind.MORE:
            return self._answer_more(slot, "no")
        if slot.item.required:
            return Outcome(status="invalid", ref=slot.ref, message=t("answer.cannot_skip", self.locale))
        return self._skip_at(position)

    def back(self) -> Outcome:
        """Return to the previous answered question; its answer stays until the user gives a new one."""
        current = self._current_position()
        self.state.pending_probe = None
        end = len(self._plan.slots) if current is None else current
        for position in range(end - 1, -1, -1):
            slot = self._plan.slots[position]
            if slot.kind in _ASKABLE and self._enabled_at(position) and self._resolved[position]:
                self.state.revisit = slot.ref
                self.state.revisit_mode = "back"
                return Outcome(status="accepted", ref=slot.ref)
        message = t("answer.first_question", self.locale)
        return Outcome(status="invalid", ref="" if current is None else self._plan.slots[current].ref, message=message)

    def edit(self, ref: str) -> Question:
        """Make an earlier question the current one; after it is answered the interview carries on."""
        position = self._askable_position(ref)
        self.state.pending_probe = None
        self.state.revisit = self._plan.slots[position].ref
        self.state.revisit_mode = "edit"
        return self._question_at(position)

    def set_kind(self, ref: str, clause: str, kind: str | None) -> None:
        """The owner's correction of the obstacle kind read in one clause of the answer `ref` (None: back to the
        reader's). Stored with the answer, so it survives resume, export and import."""
        record = self.state.answers.get(ref)
        if record is None or record.status != "answered":
            raise JourneyError("answer.not_in_interview", ref=ref)
        kinds = dict(record.kinds or {})
        if kind is None:
            kinds.pop(fold(clause), None)
        else:
            kinds[fold(clause)] = kind
        self.state.answers[ref] = record.model_copy(update={"kinds": kinds or None})
        self._changes.answers.add(ref)

    def remove_instance(self, group_id: str, instance_key: str) -> None:
        """Take one instance of a user-added repeat out of play; its answers are kept, inactive."""
        group = self._index.item(group_id)
        parent, _, segment = instance_key.rpartition("/")
        group_ref = make_ref(group_id, parent)
        instances = self.state.repeats.get(group_ref, [])
        if segment not in instances:
            raise JourneyError("answer.not_in_interview", ref=make_ref(group_id, instance_key))
        if group.min is not None and len(instances) <= group.min:
            raise JourneyError("answer.cannot_remove_instance", min=int(group.min))
        instances.remove(segment)
        self._rebuild()

    def set_locale(self, locale: str) -> None:
        if locale not in self.bank.locales:
            raise JourneyError("bank.unknown_locale", locale=locale, known=", ".join(self.bank.locales))
        self.state.locale = locale

    # ----- the moves behind answer / skip --------------------------------------------------------------

    def _answer_probe(self, slot: Slot, raw: str) -> Outcome:
        self.state.pending_probe = None
        record = self.state.answers.get(slot.ref)
        try:
            reply = parse_answer(slot.item, raw)
        except AnswerError as error:
            self.state.pending_probe = slot.ref
            return Outcome(status="invalid", ref=slot.ref, message=error.message(self.locale))
        position = self._plan.position[slot.ref]
        if not isinstance(reply, str) or record is None or not isinstance(record.value, str):
            self._after_revisit(position)
            return Outcome(status="kept", ref=slot.ref)
        original = record.value
        combined = reply if fold(original) in self._vague else join_sentences(original, reply)
        try:
            value = parse_answer(slot.item, combined)
        except AnswerError as error:
            self.state.pending_probe = slot.ref
            return Outcome(status="invalid", ref=slot.ref, message=error.message(self.locale))
        if value is not None:
            self._store(slot.ref, AnswerRecord(value=value, kinds=record.kinds))
        self._after_revisit(position)
        return Outcome(status="accepted", ref=slot.ref)

    def _answer_more(self, slot: Slot, raw: str) -> Outcome:
        try:
            wants_more = parse_boolean(raw)
        except AnswerError as error:
            return Outcome(status="invalid", ref=slot.ref, message=error.message(self.locale))
        if wants_more:
            serial = self.state.repeat_serial.get(slot.ref, 0) + 1
            self.state.repeat_serial[slot.ref] = serial
            self.state.repeats.setdefault(slot.ref, []).append(str(serial))
            self.state.answers.pop(slot.ref, None)
            self._changes.answers.add(slot.ref)
            self._rebuild()
        else:
            self._store(slot.ref, AnswerRecord(value=False))
        self._after_revisit(self._plan.position.get(slot.ref, 0))
        return Outcome(status="accepted", ref=slot.ref)

    def _skip_at(self, position: int) -> Outcome:
        slot = self._plan.slots[position]
        self._store(slot.ref, AnswerRecord(value=None, status="skipped"))
        self._after_revisit(position)
        return Outcome(status="skipped", ref=slot.ref)

    def _after_revisit(self, position: int) -> None:
        """After a revisited question: back-navigation walks forward again; an edit returns to the front."""
        if self.state.revisit is None:
            return
        if self.state.revisit_mode == "back":
            front = self._first_open()
            for later in range(position + 1, front):
                slot = self._plan.slots[later]
                if slot.kind in _ASKABLE and self._enabled_at(later) and self._resolved[later]:
                    self.state.revisit = slot.ref
                    return
        self.state.revisit = None
        self.state.revisit_mode = None

    def _check_against_answers(self, slot: Slot, value: float) -> None:
        """A number bounded by earlier answers: at most another answer (those who look without buying are at most
        those who look), or a total over every instance of the question (segment shares at most 100 %)."""
        item = slot.item
        if item.at_most_answer is not None:
            ref = make_ref(item.at_most_answer, key_prefix(slot.key, self._index.scope_depth(item.at_most_answer)))
            bound = self._active_value(ref)
            position = self._plan.position.get(ref)
            if (
                isinstance(bound, int | float)
                and not isinstance(bound, bool)
                and value > bound
                and position is not None
            ):
                other = self._plan.slots[position]
                raise AnswerError(
                    "answer.above_answer",
                    value=self._display(slot, value),
                    question=self._render(other.item.text, other),
                    other=self._display(other, bound),
                )
        if item.total_at_most is not None:
            total = value
            for position in self._plan.by_item.get(item.id, []):
                other_value = self._active_value(self._plan.slots[position].ref)
                if self._plan.slots[position].ref != slot.ref and isinstance(other_value, int | float):
                    total += 0 if isinstance(other_value, bool) else other_value
            if total > item.total_at_most:
                raise AnswerError(
                    "answer.total_above",
                    total=self._display(slot, total),
                    most=self._display(slot, item.total_at_most),
                )

    def _should_probe(self, slot: Slot, value: AnswerValue) -> bool:
        item = slot.item
        if not item.probe or item.type not in TEXT_TYPES or not isinstance(value, str):
            return False
        if slot.ref in self.state.probed:
            return False
        return fold(value) in self._vague or word_count(value) < self.bank.probe_min_words

    # ----- flags and the plan --------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self._plan: Plan = build_plan(self._index, self.state)
        count = len(self._plan.slots)
        self._enabled: list[bool | None] = [None] * count
        self._resolved: list[bool] = [False] * count
        self._dependents: dict[str, list[int]] = {}
        for position, slot in enumerate(self._plan.slots):
            for target in self._targets(slot):
                self._dependents.setdefault(target, []).append(position)
        self._step_total = [0] * len(self.bank.steps)
        self._step_done = [0] * len(self.bank.steps)
        for position, slot in enumerate(self._plan.slots):
            enabled = self._enabled_at(position)
            resolved = self._is_resolved(position)
            self._resolved[position] = resolved
            if slot.kind is SlotKind.QUESTION and enabled:
                self._step_total[slot.step] += 1
                self._step_done[slot.step] += resolved
        self._source_positions = [
            position
            for position, slot in enumerate(self._plan.slots)
            if slot.kind is SlotKind.QUESTION and slot.item.id in self._repeat_sources
        ]
        self._role_positions: dict[Role, list[int]] = {}
        for position, slot in enumerate(self._plan.slots):
            if slot.kind is SlotKind.QUESTION and slot.item.role in (Role.EXPECTED_TOUCHPOINTS, Role.STAGES):
                self._role_positions.setdefault(slot.item.role, []).append(position)
        self._front = 0
        self._changes.rebuilt = True

    def _targets(self, slot: Slot) -> Iterable[str]:
        """The answers this slot's flags depend on."""
        yield from slot.sources
        for guarded, scope in slot.guards:
            for condition in guarded.enable_when:
                yield self._condition_ref(condition, scope)
        if slot.item.options_from and slot.kind is SlotKind.QUESTION:
            for position in self._plan.by_item.get(slot.item.options_from, []):
                yield self._plan.slots[position].ref

    def _store(self, ref: str, record: AnswerRecord | None) -> None:
        self._changes.answers.add(ref)
        if record is None:
            self.state.answers.pop(ref, None)
        else:
            self.state.answers[ref] = record
        item_id, _ = split_ref(ref)
        if item_id in self._repeat_sources:
            self._rebuild()
            return
        position = self._plan.position[ref]
        self._refresh_flags(position)
        queue = deque(self._dependents.get(ref, ()))
        while queue:
            dependent = queue.popleft()
            if self._refresh_flags(dependent):
                queue.extend(self._dependents.get(self._plan.slots[dependent].ref, ()))

    def _refresh_flags(self, position: int) -> bool:
        """Recompute one slot's flags and the counters; True when its enabled flag flipped."""
        slot = self._plan.slots[position]
        was_enabled = bool(self._enabled[position])
        was_done = was_enabled and self._resolved[position]
        self._enabled[position] = None
        enabled = self._enabled_at(position)
        resolved = self._is_resolved(position)
        self._resolved[position] = resolved
        if slot.kind is SlotKind.QUESTION:
            self._step_total[slot.step] += enabled - was_enabled
            self._step_done[slot.step] += (enabled and resolved) - was_done
        if enabled and not resolved and slot.kind in _ASKABLE:
            self._front = min(self._front, position)
        if enabled != was_enabled:
            self._changes.switched.add(slot.ref)
        return enabled != was_enabled

    def _enabled_at(self, position: int) -> bool:
        cached = self._enabled[position]
        if cached is not None:
            return cached
        slot = self._plan.slots[position]
        enabled = all(self._source_enabled(ref) for ref in slot.sources) and all(
            self._conditions_hold(item, scope) for item, scope in slot.guards
        )
        self._enabled[position] = enabled
        return enabled

    def _source_enabled(self, ref: str) -> bool:
        position = self._plan.position.get(ref)
        return position is not None and self._enabled_at(position)

    def _conditions_hold(self, item: Item, scope: str) -> bool:
        results = (self._condition_holds(condition, item, scope) for condition in item.enable_when)
        return all(results) if item.enable_behavior == "all" else any(results)

    def _condition_ref(self, condition: Condition, scope: str) -> str:
        # Asked twice per condition and slot at each rebuild (for the dependents, then for the flag); a pure
        # function of its two strings, so worked out once per process of this engine.
        key = (condition.item, scope)
        ref = self._condition_refs.get(key)
        if ref is None:
            ref = self._condition_refs[key] = make_ref(
                condition.item, key_prefix(scope, self._index.scope_depth(condition.item))
            )
        return ref

    def _condition_holds(self, condition: Condition, item: Item, scope: str) -> bool:
        return self._holds(condition, item, scope, self._active_value(self._condition_ref(condition, scope)))

    def _holds(self, condition: Condition, item: Item, scope: str, value: AnswerValue | None) -> bool:
        """One condition of `item` (read in `scope`) against the answer it tests."""
        if (
            condition.op is Operator.EXISTS
            and isinstance(value, str)
            and self._index.item(condition.item).type in TEXT_TYPES
            and fold(value) in self._vague
        ):
            value = None  # "không có", "none" typed as an obstacle names none (an option coded "none" still exists)
        if condition.op is Operator.CONTAINS_THIS:
            entry = self._entry_of_instance(item, condition.item, scope)
            chosen = value if isinstance(value, list) else [value] if isinstance(value, str) else []
            return entry is not None and entry in chosen
        return _test(condition, value)

    def _entry_of_instance(self, item: Item, choice_id: str, scope: str) -> str | None:
        """The option code that the choice `choice_id`, drawn from a list, gives the entry whose repeat instance
        `item` sits in at `scope` (the touchpoint a question is asked about)."""
        source = self._index.item(choice_id).options_from
        if source is None:
            return None
        chain = [g for g in self._index.placements[item.id].groups if g.repeat or g.repeat_for]
        depth = next((n for n, group in enumerate(chain, start=1) if group.repeat_for == source), None)
        segments = scope.split("/") if scope else []
        if depth is None or len(segments) < depth:
            return None
        return join_key(key_prefix(scope, self._index.scope_depth(source)), segments[depth - 1])

    def _active_value(self, ref: str) -> AnswerValue | None:
        """The answer to `ref` if its question is enabled; a disabled question counts as unanswered."""
        position = self._plan.position.get(ref)
        if position is None or not self._enabled_at(position):
            return None
        record = self.state.answers.get(ref)
        return record.value if record is not None and record.status == "answered" else None

    def _is_resolved(self, position: int) -> bool:
        slot = self._plan.slots[position]
        record = self.state.answers.get(slot.ref)
        if record is None or slot.kind not in _ASKABLE:
            return False
        if record.status == "skipped":
            return True
        if slot.kind is SlotKind.MORE:
            return record.value is False
        if slot.item.options_from:
            codes = {choice.code for choice in self._option_choices(slot)}
            chosen = record.value if isinstance(record.value, list) else [record.value]
            return all(code in codes for code in chosen)
        return True

    def _first_open(self) -> int:
        """The first slot still waiting for an answer (len(plan) when none): nothing before `_front` is."""
        position = self._front
        slots, count = self._plan.slots, len(self._plan.slots)
        while position < count and not (
            slots[position].kind in _ASKABLE and self._enabled_at(position) and not self._resolved[position]
        ):
            position += 1
        self._front = position
        return position

    def _current_position(self) -> int | None:
        for ref in (self.state.pending_probe, self.state.revisit):
            if ref is not None:
                position = self._plan.position.get(ref)
                if position is not None and self._enabled_at(position):
                    return position
                self.state.pending_probe = self.state.revisit = self.state.revisit_mode = None
        position = self._first_open()
        return position if position < len(self._plan.slots) else None

    def _askable_position(self, ref: str) -> int:
        position = self._plan.position.get(ref)
        if position is None or not self._enabled_at(position):
            raise JourneyError("answer.not_in_interview", ref=ref)
        return position

    # ----- rendering -----------------------------------------------------------------------------------

    def _text(self, text: LocalizedText | None) -> str:
        return localize(text, self.locale, self.bank.default_locale)

    def _question_at(self, position: int) -> Question:
        slot = self._plan.slots[position]
        item = slot.item
        step = self.bank.steps[slot.step]
        record = self.state.answers.get(slot.ref)
        current = record.value if record is not None and record.status == "answered" else None
        kind: Literal["question", "more"]
        if slot.kind is SlotKind.MORE:
            heading = self._render(item.text, slot)
            text = self._text(item.add_prompt) or t("question.add_another", self.locale, heading=heading)
            kind = "more"
            item_type = ItemType.BOOLEAN
            choices = self._boolean_choices()
        else:
            text = self._render(item.text, slot)
            kind = "question"
            item_type = item.type
            choices = self._choices(slot)
        default = self._default(slot) if slot.kind is SlotKind.QUESTION else None
        default_display = self._display(slot, default) if default is not None else None
        current_display = self._display(slot, current) if current is not None and kind == "question" else None
        intro = self._text(step.intro) if self._step_done[slot.step] == 0 and position == self._first_open() else None
        return Question(
            ref=slot.ref,
            item_id=item.id,
            instance_key=slot.key,
            type=item_type,
            kind=kind,
            step_id=step.id,
            step_number=slot.step + 1,
            step_title=self._text(step.title),
            step_intro=intro,
            notes=self._notes_before(position),
            text=text,
            help=self._text(item.help) or None,
            examples=self._examples(item),
            required=item.required,
            choices=choices,
            min=item.min,
            max=item.max,
            max_length=item.max_length,
            hint=self._hint(slot, item_type, default_display, current_display),
            default=default,
            default_display=default_display,
            current=current,
            current_display=current_display,
        )

    def _examples(self, item: Item) -> list[str]:
        examples = item.examples or {}
        return examples.get(self.state.locale) or examples.get(self.bank.default_locale) or []

    def _notes_before(self, position: int) -> list[str]:
        notes: list[str] = []
        earlier = position - 1
        while earlier >= 0 and self._plan.slots[earlier].kind in (SlotKind.INFO, SlotKind.HEADING):
            slot = self._plan.slots[earlier]
            if self._enabled_at(earlier):
                notes.append(self._render(slot.item.text, slot))
            earlier -= 1
        notes.reverse()
        return notes

    def _hint(self, slot: Slot, item_type: ItemType, default: str | None, current: str | None) -> str:
        item = slot.item
        low, high = item.min, item.max
        if item_type is ItemType.INTEGER and low is not None and high is not None:
            parts = [t("hint.integer_range", self.locale, min=_plain(low), max=_plain(high))]
        elif item_type is ItemType.DECIMAL and low is not None and high is not None:
            parts = [t("hint.decimal_range", self.locale, min=_plain(low), max=_plain(high))]
        elif item_type is ItemType.SCALE:
            values = [point.value for point in item.points]
            parts = [t("hint.scale", self.locale, min=min(values), max=max(values))]
        else:
            parts = [t(f"hint.{item_type.value}", self.locale)]
        if current is not None:
            parts.append(t("hint.keep_current", self.locale, current=current))
        elif default is not None:
            parts.append(t("hint.default", self.locale, default=default))
        elif not item.required and slot.kind is SlotKind.QUESTION:
            parts.append(t("hint.optional", self.locale))
        return " ".join(parts)

    def _render(self, text: LocalizedText | None, slot: Slot) -> str:
        template = self._text(text)
        if "{" not in template:
            return template
        template = self._labelled(template, slot)
        if "{" not in template:
            return template
        missing = text is slot.item.text and slot.item.text_when_missing is not None
        if missing and any(not self._piped_answer(slot, match.group(1)) for match in ANSWER_PIPE.finditer(template)):
            return self._render(slot.item.text_when_missing, slot)
        return ANSWER_PIPE.sub(lambda match: self._piped_answer(slot, match.group(1)), template)

    def _labelled(self, template: str, slot: Slot) -> str:
        """`template` with the names of the instances around `slot` in place of its `{group.label}` pipes; the
        same for every question of an instance, and asked again for each map, so remembered."""
        key = (self.locale, template, slot.labels)
        labelled = self._labelled_texts.get(key)
        if labelled is None:
            labelled = _LABEL_PIPE.sub(lambda match: self._instance_label(slot, match.group(1)), template)
            self._labelled_texts[key] = labelled
        return labelled

    def _instance_label(self, slot: Slot, source: str) -> str:
        for label in reversed(slot.labels):
            if label.source == source:
                return self._label_text(label)
        return ""

    def _label_text(self, label: InstanceLabel) -> str:
        key = (self.locale, label)
        text = self._label_texts.get(key)
        if text is None:
            text = self._label_texts[key] = self._new_label_text(label)
        return text

    def _new_label_text(self, label: InstanceLabel) -> str:
        if label.code is not None:
            options = self._index.item(label.source).options
            option = next((o for o in options if o.code == label.code), None)
            return self._text(option.label) if option else label.code
        if label.number is not None:
            heading = self._text(self._index.item(label.source).text)
            return t("instance.numbered", self.locale, heading=heading, number=label.number)
        return label.text

    def _piped_answer(self, slot: Slot, item_id: str) -> str:
        if item_id not in self._index.placements:
            return ""
        ref = make_ref(item_id, key_prefix(slot.key, self._index.scope_depth(item_id)))
        value = self._active_value(ref)
        position = self._plan.position.get(ref)
        if value is None or position is None:
            return ""
        return self._display(self._plan.slots[position], value)

    def _display(self, slot: Slot, value: AnswerValue) -> str:
        # The option labels only: building every option's Choice to read its label made `review()`, and so each
        # map of a 2,000-answer interview, a third slower. An item's own labels are the same for every instance.
        item = slot.item
        labels: dict[str, str]
        if item.options_from:
            labels = {option.code: option.labels[0] for option in self._drawn_options(slot)}
        elif item.type is ItemType.BOOLEAN:
            labels = {}
        else:
            labels = self._own_labels(item)
        return display_value(item, value, self.locale, labels)

    def _own_labels(self, item: Item) -> dict[str, str]:
        key = (self.locale, item.id)
        labels = self._labels.get(key)
        if labels is None:
            if item.type is ItemType.SCALE:
                labels = {str(point.value): self._text(point.label) for point in item.points}
            else:
                labels = option_labels(item, self.locale, self.bank.default_locale)
            self._labels[key] = labels
        return labels

    def _choices(self, slot: Slot) -> list[Choice]:
        item = slot.item
        if item.type is ItemType.SCALE:
            return [
                Choice(number=point.value, code=str(point.value), label=self._text(point.label))
                for point in item.points
            ]
        if item.type is ItemType.BOOLEAN:
            return self._boolean_choices()
        if item.options_from:
            return [
                Choice(number=option.number, code=option.code, label=option.labels[0])
                for option in self._drawn_options(slot)
            ]
        return [
            Choice(
                number=number,
                code=option.code,
                label=self._text(option.label),
                help=self._text(option.help) or None,
            )
            for number, option in enumerate(item.options, start=1)
        ]

    def _boolean_choices(self) -> list[Choice]:
        return [
            Choice(number=1, code="yes", label=t("value.yes", self.locale)),
            Choice(number=2, code="no", label=t("value.no", self.locale)),
        ]

    def _option_choices(self, slot: Slot) -> list[OptionChoice]:
        item = slot.item
        if item.options_from:
            return self._drawn_options(slot)
        return [
            OptionChoice(
                number=number,
                code=option.code,
                labels=(self._text(option.label), *(text for text in option.label.values() if text)),
            )
            for number, option in enumerate(item.options, start=1)
        ]

    def _drawn_options(self, slot: Slot) -> list[OptionChoice]:
        """Options drawn from the entries of every enabled instance of an earlier list item."""
        source_id = slot.item.options_from
        assert source_id is not None
        options: list[OptionChoice] = []
        for position in self._plan.by_item.get(source_id, []):
            source_slot = self._plan.slots[position]
            value = self._active_value(source_slot.ref)
            if not isinstance(value, list):
                continue
            context = ", ".join(self._label_text(label) for label in source_slot.labels)
            for entry in value:
                label = f"{entry} ({context})" if context else entry
                options.append(
                    OptionChoice(
                        number=len(options) + 1,
                        code=join_key(source_slot.key, slug(entry)),
                        labels=(label, entry),
                    )
                )
        return options

    def _default(self, slot: Slot) -> AnswerValue | None:
        for suggestion in slot.item.suggest:
            if all(self._condition_holds(condition, slot.item, slot.key) for condition in suggestion.when):
                return suggestion.value
        source = slot.item.default_from
        preset = self.bank.preset(self.state.preset)
        if source is None or preset is None:
            return None
        if source is DefaultSource.PRESET_STAGES:
            return [self._text(stage.label) for stage in preset.stages]
        if source is DefaultSource.PRESET_MAP_TYPE:
            return preset.map_type
        stage_entry = next((label.text for label in reversed(slot.labels) if label.text), None)
        if stage_entry is None:
            return None
        for stage in preset.stages:
            if fold(stage_entry) in {fold(text) for text in stage.label.values()}:
                return [self._text(touchpoint) for touchpoint in stage.touchpoints] or None
        return None


def _plain(value: float) -> str:
    return format_number(value, "en").replace(",", "")


def _test(condition: Condition, value: AnswerValue | None) -> bool:
    """One condition against an answer; an unanswered (or disabled) item makes every comparison false."""
    op, expected = condition.op, condition.value
    if op is Operator.EXISTS:
        return (value is not None) == (expected is not False)
    if value is None:
        return False
    if isinstance(value, dict):
        value = value.get("code", value.get("other", ""))
    if op is Operator.CONTAINS:
        if isinstance(value, list):
            return fold(str(expected)) in {fold(entry) for entry in value}
        return isinstance(value, str) and fold(str(expected)) in fold(value)
    if op in (Operator.EQ, Operator.NE):
        equal = _equal(value, expected)
        return equal if op is Operator.EQ else not equal
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(expected, bool) or not isinstance(expected, int | float):
        return False
    if op is Operator.GT:
        return value > expected
    if op is Operator.LT:
        return value < expected
    if op is Operator.GE:
        return value >= expected
    return value <= expected


def _equal(value: AnswerValue, expected: object) -> bool:
    if isinstance(value, bool) or isinstance(expected, bool):
        return value is expected
    if isinstance(value, int | float) and isinstance(expected, int | float):
        return value == expected
    if isinstance(value, str) and isinstance(expected, str):
        return value == expected or fold(value) == fold(expected)
    return False
