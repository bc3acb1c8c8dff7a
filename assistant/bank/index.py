"""A bank's items laid out for fast look-up: by id, with their enclosing groups, step and document order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.bank.model import Bank, Item, ItemType

ANSWERABLE_TYPES = frozenset(ItemType) - {ItemType.INFO, ItemType.GROUP}


@dataclass(frozen=True, slots=True)
class Placement:
    item: Item
    step: int
    order: int
    path: tuple[str | int, ...]
    groups: tuple[Item, ...]
    """Enclosing groups, outermost first."""
    repeat_chain: tuple[str, ...] = ()
    """The ids of the enclosing repeating groups: the scope an answer of this item lives in. Worked out once, at
    the walk: the engine asks for it several times per question each time it rebuilds its flags."""


@dataclass(slots=True)
class BankIndex:
    bank: Bank
    placements: dict[str, Placement] = field(default_factory=dict)
    duplicates: list[tuple[Placement, Placement]] = field(default_factory=list)

    @classmethod
    def build(cls, bank: Bank) -> BankIndex:
        index = cls(bank)
        for placement in walk(bank):
            first = index.placements.get(placement.item.id)
            if first is None:
                index.placements[placement.item.id] = placement
            else:
                index.duplicates.append((first, placement))
        return index

    def item(self, item_id: str) -> Item:
        return self.placements[item_id].item

    def scope_depth(self, item_id: str) -> int:
        return len(self.placements[item_id].repeat_chain)

    def repeat_sources(self) -> frozenset[str]:
        return frozenset(p.item.repeat_for for p in self.placements.values() if p.item.repeat_for is not None)


def walk(bank: Bank) -> Iterator[Placement]:
    order = 0

    def visit(
        items: list[Item], step: int, path: tuple[str | int, ...], groups: tuple[Item, ...]
    ) -> Iterator[Placement]:
        nonlocal order
        for position, item in enumerate(items):
            item_path = (*path, "items", position)
            chain = tuple(group.id for group in groups if group.repeat or group.repeat_for)
            yield Placement(item, step, order, item_path, groups, chain)
            order += 1
            if item.items:
                yield from visit(item.items, step, item_path, (*groups, item))

    for step_number, step in enumerate(bank.steps):
        yield from visit(step.items, step_number, ("steps", step_number), ())
