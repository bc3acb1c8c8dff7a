"""The plan: the bank's items laid out in interview order, with every repeat expanded for the current answers.

It is rebuilt only when an answer that drives a repeat changes (a list, a multi-choice feeding a group, an
added or removed instance); every other answer updates flags on the existing plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from assistant.bank.index import BankIndex
from assistant.bank.model import Item, ItemType
from assistant.interview.state import AnswerRecord, InterviewState, join_key, key_prefix, make_ref
from assistant.text import slug


class SlotKind(Enum):
    QUESTION = "question"
    MORE = "more"  # "add another?" after the instances of a user-added repeat
    INFO = "info"
    HEADING = "heading"  # the start of a group instance


@dataclass(frozen=True, slots=True)
class InstanceLabel:
    """What names a repeat instance: a list entry, an option code (labelled per locale), or a number."""

    source: str
    text: str = ""
    code: str | None = None
    number: int | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    kind: SlotKind
    item: Item
    key: str
    ref: str
    step: int
    guards: tuple[tuple[Item, str], ...]
    """Items whose conditions must hold (the slot's own and its groups'), each with the scope it is read in."""
    sources: tuple[str, ...]
    """References of the answers that the enclosing repeats expand from; those must be enabled too."""
    labels: tuple[InstanceLabel, ...]


@dataclass(slots=True)
class Plan:
    slots: list[Slot] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)
    by_item: dict[str, list[int]] = field(default_factory=dict)


def build_plan(index: BankIndex, state: InterviewState) -> Plan:
    plan = Plan()
    builder = _Builder(index, state, plan)
    for step_number, step in enumerate(index.bank.steps):
        builder.visit(step.items, "", step_number, (), (), ())
    for position, slot in enumerate(plan.slots):
        if slot.kind in (SlotKind.QUESTION, SlotKind.MORE):
            plan.position[slot.ref] = position
        if slot.kind is SlotKind.QUESTION:
            plan.by_item.setdefault(slot.item.id, []).append(position)
    return plan


class _Builder:
    def __init__(self, index: BankIndex, state: InterviewState, plan: Plan) -> None:
        self.index = index
        self.state = state
        self.slots = plan.slots

    def visit(
        self,
        items: list[Item],
        key: str,
        step: int,
        guards: tuple[tuple[Item, str], ...],
        sources: tuple[str, ...],
        labels: tuple[InstanceLabel, ...],
    ) -> None:
        for item in items:
            own_guards = (*guards, (item, key)) if item.enable_when else guards
            if item.type is not ItemType.GROUP:
                kind = SlotKind.INFO if item.type is ItemType.INFO else SlotKind.QUESTION
                self.slots.append(Slot(kind, item, key, make_ref(item.id, key), step, own_guards, sources, labels))
            elif item.repeat_for is not None:
                source_ref = make_ref(item.repeat_for, key_prefix(key, self.index.scope_depth(item.repeat_for)))
                for segment, label in self._instances_from_answer(item.repeat_for, self.state.answers.get(source_ref)):
                    self._instance(
                        item,
                        join_key(key, segment),
                        step,
                        own_guards,
                        (*sources, source_ref),
                        (*labels, label),
                    )
            elif item.repeat:
                group_ref = make_ref(item.id, key)
                instances = self._user_instances(item, group_ref)
                for number, segment in enumerate(instances, start=1):
                    label = InstanceLabel(item.id, number=number)
                    self._instance(item, join_key(key, segment), step, own_guards, sources, (*labels, label))
                if item.max is None or len(instances) < item.max:
                    self.slots.append(Slot(SlotKind.MORE, item, key, group_ref, step, own_guards, sources, labels))
            else:
                self._instance(item, key, step, own_guards, sources, labels)

    def _instance(
        self,
        group: Item,
        key: str,
        step: int,
        guards: tuple[tuple[Item, str], ...],
        sources: tuple[str, ...],
        labels: tuple[InstanceLabel, ...],
    ) -> None:
        if group.text:
            self.slots.append(Slot(SlotKind.HEADING, group, key, f"{group.id}#{key}", step, guards, sources, labels))
        self.visit(group.items, key, step, guards, sources, labels)

    def _instances_from_answer(self, source_id: str, record: AnswerRecord | None) -> list[tuple[str, InstanceLabel]]:
        if record is None or record.status != "answered" or not isinstance(record.value, list):
            return []
        if self.index.item(source_id).type is ItemType.LIST:
            return [(slug(entry), InstanceLabel(source_id, text=entry)) for entry in record.value]
        return [(code, InstanceLabel(source_id, code=code)) for code in record.value]

    def _user_instances(self, group: Item, group_ref: str) -> list[str]:
        instances = self.state.repeats.get(group_ref)
        if instances is None:
            least = int(group.min or 0)
            instances = [str(number) for number in range(1, least + 1)]
            self.state.repeats[group_ref] = instances
            self.state.repeat_serial[group_ref] = least
        return instances
