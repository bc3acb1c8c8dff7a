"""An interview's answers as the map reads them: by the role an item plays and the instance it sits in, never by
item id, so any bank that declares roles gives a complete map."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.bank.index import BankIndex
from assistant.bank.model import Item, ItemType, localize
from assistant.bank.roles import Role
from assistant.interview.engine import Interview
from assistant.interview.models import ReviewEntry
from assistant.interview.state import key_prefix, make_ref
from assistant.interview.values import AnswerValue, option_labels
from assistant.journeymap.model import Coded, Evidence, Fact


class RoleAnswers:
    def __init__(self, interview: Interview) -> None:
        self.interview = interview
        self.bank = interview.bank
        self.locale = interview.locale
        self.index = BankIndex.build(self.bank)
        self.entries = interview.review()
        self.numbers = {entry.ref: number for number, entry in enumerate(self.entries, start=1)}
        self.by_ref = {entry.ref: entry for entry in self.entries}
        self._items: dict[Role, list[Item]] = {}
        for placement in self.index.placements.values():
            if placement.item.role is not None:
                self._items.setdefault(placement.item.role, []).append(placement.item)
        self._by_role: dict[Role, list[ReviewEntry]] = {}
        self._by_key: dict[tuple[Role, str], ReviewEntry] = {}
        self._evidence: dict[str, Evidence | None] = {}
        self._point_labels: dict[Role, dict[int, str]] = {}
        self._by_instance: dict[str, list[ReviewEntry]] = {}
        for entry in self.entries:
            self._by_instance.setdefault(entry.instance_key, []).append(entry)
            if entry.role is None:
                continue
            role = Role(entry.role)
            self._by_role.setdefault(role, []).append(entry)
            self._by_key.setdefault((role, entry.instance_key), entry)

    # ----- items -----------------------------------------------------------------------------------------

    def item(self, role: Role) -> Item | None:
        items = self._items.get(role)
        return items[0] if items else None

    def has(self, role: Role) -> bool:
        return role in self._items

    def repeat_depth(self, role: Role, around: Role) -> int | None:
        """How many instance-key segments name the instance of the group repeated for the `around` item that
        encloses the items of `role` (1 for a stage group at the top of its step); None when none encloses them."""
        item, source = self.item(role), self.item(around)
        if item is None or source is None:
            return None
        chain = [group for group in self.index.placements[item.id].groups if group.repeat or group.repeat_for]
        for depth, group in enumerate(chain, start=1):
            if group.repeat_for == source.id:
                return depth
        return None

    def added_depth(self, role: Role, named_by: Role) -> int | None:
        """Like `repeat_depth`, for a group the user repeats that holds the item of `named_by` (touchpoints added
        one by one, each with its name question)."""
        item, name = self.item(role), self.item(named_by)
        if item is None or name is None:
            return None
        chain = [group for group in self.index.placements[item.id].groups if group.repeat or group.repeat_for]
        for depth, group in enumerate(chain, start=1):
            if group.repeat and any(child.id == name.id for child in group.items):
                return depth
        return None

    def touchpoints_settled(self, stage_key: str) -> bool:
        """Whether the user has finished naming the touchpoints of a stage: the list answered (or skipped), or, for
        touchpoints added one by one, "add another?" answered no or the most allowed reached."""
        if self.has(Role.TOUCHPOINTS):
            return self.resolved(Role.TOUCHPOINTS, stage_key)
        name = self.item(Role.TOUCHPOINT_NAME)
        if name is None:
            return False
        group = next(
            (g for g in self.index.placements[name.id].groups if g.repeat and any(c.id == name.id for c in g.items)),
            None,
        )
        if group is None:
            return False
        group_ref = make_ref(group.id, stage_key)
        state = self.interview.state
        record = state.answers.get(group_ref)
        if record is not None and (record.value is False or record.status == "skipped"):
            return True
        return group.max is not None and len(state.repeats.get(group_ref, [])) >= group.max

    # ----- answers -----------------------------------------------------------------------------------------

    def entry(self, role: Role, key: str = "") -> ReviewEntry | None:
        return self._by_key.get((role, key))

    def entries_of(self, role: Role) -> list[ReviewEntry]:
        """Every question of `role` that applies, in interview order."""
        return self._by_role.get(role, [])

    def instance_entries(self, key: str) -> list[ReviewEntry]:
        """Every question that applies in the repeat instance `key` itself (not in instances nested inside it)."""
        return self._by_instance.get(key, [])

    def settled(self, item: Item, key: str) -> bool:
        """Whether the answers in the repeat instance `key` that `item`'s conditions test are all given or skipped,
        so that nothing more said in that instance can switch `item` on."""
        depth = len(self.index.placements[item.id].repeat_chain)
        for condition in item.enable_when:
            target = self.index.placements.get(condition.item)
            if target is None or len(target.repeat_chain) < depth:
                continue  # read outside the instance
            entry = self.by_ref.get(make_ref(condition.item, key))
            if entry is not None and entry.status == "unanswered":
                return False
        return True

    def value(self, role: Role, key: str = "") -> AnswerValue | None:
        entry = self.entry(role, key)
        return entry.value if entry is not None and entry.status == "answered" else None

    def text(self, role: Role, key: str = "") -> str | None:
        return _display(self.entry(role, key))

    def number(self, role: Role, key: str = "") -> float | None:
        value = self.value(role, key)
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None

    def integer(self, role: Role, key: str = "") -> int | None:
        value = self.number(role, key)
        return int(value) if value is not None else None

    def coded(self, role: Role, key: str = "") -> Coded | None:
        value = self.value(role, key)
        display = self.text(role, key)
        if value is None or display is None:
            return None
        if isinstance(value, dict):
            return Coded(code=value.get("code", "other"), label=display)
        return Coded(code=str(value), label=display)

    def codes(self, role: Role, key: str = "") -> list[Coded]:
        value = self.value(role, key)
        item = self.item(role)
        if not isinstance(value, list) or item is None:
            return []
        if item.type is not ItemType.MULTI_CHOICE:
            return [Coded(code=entry, label=entry) for entry in value]
        labels = option_labels(item, self.locale, self.bank.default_locale)
        return [Coded(code=code, label=labels.get(code, code)) for code in value]

    def option_labels(self, role: Role) -> dict[str, str]:
        """Every option of the item of `role`, code → label in the map's language, in the bank's order."""
        item = self.item(role)
        return option_labels(item, self.locale, self.bank.default_locale) if item is not None else {}

    def point_label(self, role: Role, value: int) -> str | None:
        labels = self._point_labels.get(role)
        if labels is None:  # asked once per touchpoint
            item = self.item(role)
            points = item.points if item is not None else []
            labels = {p.value: localize(p.label, self.locale, self.bank.default_locale) for p in points}
            self._point_labels[role] = labels
        return labels.get(value)

    def corrections(self, ref: str) -> dict[str, str] | None:
        """The owner's corrections of the obstacle kinds read in the answer `ref`."""
        record = self.interview.state.answers.get(ref)
        return record.kinds if record is not None else None

    def resolved(self, role: Role, key: str = "") -> bool:
        """Whether the question was answered or deliberately skipped: a rule never fires on an open question."""
        entry = self.entry(role, key)
        return entry is not None and entry.status != "unanswered"

    def ref(self, role: Role, key: str = "") -> str | None:
        entry = self.entry(role, key)
        return entry.ref if entry is not None else None

    def refs(self, *pairs: tuple[Role, str]) -> list[str]:
        return [ref for role, key in pairs if (ref := self.ref(role, key)) is not None]

    def evidence(self, ref: str) -> Evidence | None:
        """The answer `ref` as evidence; one instance per answer (findings cite the same answers many times, and
        nothing changes evidence once made)."""
        try:
            return self._evidence[ref]
        except KeyError:
            pass
        entry = self.by_ref.get(ref)
        found = None
        if entry is not None and entry.status != "unanswered":
            found = Evidence(
                number=self.numbers[ref],
                ref=ref,
                item_id=entry.item_id,
                question=entry.question,
                answer=entry.display if entry.status == "answered" else "",
            )
        self._evidence[ref] = found
        return found

    def facts(self, role: Role) -> Iterator[Fact]:
        for entry in self.entries_of(role):
            text = _display(entry)
            if text:
                item = self.index.placements[entry.item_id].item
                label = localize(item.label, self.locale, self.bank.default_locale) if item.label else None
                yield Fact(item_id=entry.item_id, question=entry.question, answer=text, label=label)


def _display(entry: ReviewEntry | None) -> str | None:
    if entry is None or entry.status != "answered" or entry.value is None:
        return None
    return entry.display or None


def instance_at(key: str, depth: int | None) -> str:
    """The part of an instance key that names the instance `depth` repeats deep ('' when there is none)."""
    return key_prefix(key, depth) if depth else ""
