"""The checks a bank passes beyond its schema: ids, references, conditions, translations, presets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from assistant.bank.contracts import CONTRACTS
from assistant.bank.index import ANSWERABLE_TYPES, BankIndex, Placement
from assistant.bank.model import (
    CHOICE_TYPES,
    NUMERIC_TYPES,
    SHORT_TITLE_MAX,
    TEXT_TYPES,
    Bank,
    Condition,
    DefaultSource,
    Item,
    ItemType,
    Operator,
)
from assistant.bank.problems import BankProblem, Path, format_path
from assistant.bank.roles import Role, Scope
from assistant.bank.survey_checks import check_survey

_LOCALIZED_KEYS = frozenset(
    {
        "text",
        "text_when_missing",
        "help",
        "probe",
        "label",
        "title",
        "short_title",
        "intro",
        "description",
        "add_prompt",
        "heading",
        "thanks",
    }
)
_LENGTH_TYPES = TEXT_TYPES | {ItemType.LIST, ItemType.OPEN_CHOICE}
_RANGE_TYPES = NUMERIC_TYPES | {ItemType.LIST, ItemType.MULTI_CHOICE, ItemType.GROUP}


class _Report:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[BankProblem] = []

    def add(self, path: Path, key: str, **params: Any) -> None:
        self.problems.append(BankProblem(file=self.file, path=path, key=key, params=params))


def check_bank(bank: Bank, file: str) -> list[BankProblem]:
    report = _Report(file)
    index = BankIndex.build(bank)
    if bank.default_locale not in bank.locales:
        report.add(("default_locale",), "bank.default_locale_unlisted", locale=bank.default_locale)
    _check_translations(bank, report)
    _check_short_titles(bank, report)
    _check_unique_ids(bank, index, report)
    for placement in index.placements.values():
        _check_item_shape(placement, report)
        _check_references(placement, index, report)
    _check_cycles(index, report)
    _check_presets(bank, index, report)
    _check_title_item(bank, index, report)
    _check_roles(index, report)
    check_survey(bank, index, report.add)
    return report.problems


def _check_title_item(bank: Bank, index: BankIndex, report: _Report) -> None:
    if bank.title_item is None:
        return
    placement = index.placements.get(bank.title_item)
    if placement is None:
        report.add(("title_item",), "bank.unknown_item", id=bank.title_item)
    elif placement.item.type is not ItemType.TEXT or placement.repeat_chain:
        report.add(("title_item",), "bank.title_item_type", id=bank.title_item)


def _check_translations(bank: Bank, report: _Report) -> None:
    dump = bank.model_dump(mode="json", exclude_none=True)
    for path, text in _localized_texts(dump, ()):
        for locale in bank.locales:
            if not (text.get(locale) or "").strip():
                report.add(path, "bank.missing_translation", locale=locale)
    for path, examples in _examples(dump, ()):
        for locale in bank.locales:
            if not examples.get(locale):
                report.add(path, "bank.missing_translation", locale=locale)


def _check_short_titles(bank: Bank, report: _Report) -> None:
    for number, step in enumerate(bank.steps):
        for locale, text in (step.short_title or {}).items():
            if len(text) > SHORT_TITLE_MAX:
                path = ("steps", number, "short_title", locale)
                report.add(path, "bank.short_title_long", length=len(text), max=SHORT_TITLE_MAX)


def _localized_texts(node: Any, path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _LOCALIZED_KEYS and isinstance(value, dict):
                if value:  # an absent group heading dumps as {}; required texts are checked on their own
                    yield (*path, key), value
            elif key == "touchpoints" and isinstance(value, list):
                for position, text in enumerate(value):
                    yield (*path, key, position), text
            else:
                yield from _localized_texts(value, (*path, key))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from _localized_texts(value, (*path, position))


def _examples(node: Any, path: Path) -> Iterator[tuple[Path, dict[str, list[str]]]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "examples" and isinstance(value, dict):
                yield (*path, key), value
            else:
                yield from _examples(value, (*path, key))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from _examples(value, (*path, position))


def _check_unique_ids(bank: Bank, index: BankIndex, report: _Report) -> None:
    for first, again in index.duplicates:
        report.add((*again.path, "id"), "bank.duplicate_id", id=again.item.id, other=_where(first.path))
    _unique(report, [(("steps", n, "id"), step.id) for n, step in enumerate(bank.steps)])
    _unique(report, [(("presets", n, "code"), preset.code) for n, preset in enumerate(bank.presets)])
    for n, preset in enumerate(bank.presets):
        _unique(report, [(("presets", n, "stages", m, "code"), s.code) for m, s in enumerate(preset.stages)])
    for placement in index.placements.values():
        options = placement.item.options
        _unique(report, [((*placement.path, "options", n, "code"), o.code) for n, o in enumerate(options)])
        points = placement.item.points
        _unique(report, [((*placement.path, "points", n, "value"), p.value) for n, p in enumerate(points)])


def _unique(report: _Report, entries: list[tuple[Path, object]]) -> None:
    seen: dict[object, Path] = {}
    for path, value in entries:
        if value in seen:
            report.add(path, "bank.duplicate_id", id=value, other=_where(seen[value]))
        else:
            seen[value] = path


def check_raw_item_ids(data: dict[str, Any], file: str) -> list[BankProblem]:
    """Duplicate item ids in a bank whose schema failed, so the author sees them in the same run."""
    report = _Report(file)
    entries: list[tuple[Path, object]] = []

    def visit(items: object, path: Path) -> None:
        if not isinstance(items, list):
            return
        for position, item in enumerate(items):
            if isinstance(item, dict):
                if isinstance(item.get("id"), str):
                    entries.append(((*path, position, "id"), item["id"]))
                visit(item.get("items"), (*path, position, "items"))

    steps = data.get("steps")
    for number, step in enumerate(steps if isinstance(steps, list) else []):
        if isinstance(step, dict):
            visit(step.get("items"), ("steps", number, "items"))
    _unique(report, entries)
    return report.problems


def _where(path: Path) -> str:
    return format_path(path)


def _check_item_shape(placement: Placement, report: _Report) -> None:
    item, path = placement.item, placement.path
    kind = item.type
    if kind is not ItemType.GROUP and not item.text:
        report.add((*path, "text"), "bank.missing_field")
    if kind is not ItemType.GROUP:
        for name in ("items", "repeat_for", "repeat", "add_prompt"):
            if getattr(item, name):
                report.add((*path, name), "bank.group_only", field=name)
    elif not item.items:
        report.add(path, "bank.group_empty")
    elif item.repeat and item.repeat_for:
        report.add(path, "bank.repeat_both")
    if kind in {ItemType.SINGLE_CHOICE, ItemType.MULTI_CHOICE} and not item.options and not item.options_from:
        report.add(path, "bank.options_missing", type=kind.value)
    if kind is ItemType.OPEN_CHOICE and not item.options:
        report.add(path, "bank.options_missing", type=kind.value)
    if kind not in CHOICE_TYPES:
        for name in ("options", "options_from"):
            if getattr(item, name):
                report.add((*path, name), "bank.options_unexpected")
    if kind is ItemType.SCALE:
        values = [point.value for point in item.points]
        if len(values) < 2 or values != sorted(set(values)):
            report.add((*path, "points"), "bank.scale_points")
    elif item.points:
        report.add((*path, "points"), "bank.field_not_for_type", field="points", type=kind.value)
    if item.probe and kind not in TEXT_TYPES:
        report.add((*path, "probe"), "bank.field_not_for_type", field="probe", type=kind.value)
    if item.max_length is not None and kind not in _LENGTH_TYPES:
        report.add((*path, "max_length"), "bank.field_not_for_type", field="max_length", type=kind.value)
    for name in ("min", "max"):
        if getattr(item, name) is not None and kind not in _RANGE_TYPES:
            report.add((*path, name), "bank.field_not_for_type", field=name, type=kind.value)
    if item.min is not None and item.max is not None and item.min > item.max:
        report.add(path, "bank.min_above_max", min=f"{item.min:g}", max=f"{item.max:g}")
    if item.required and kind not in ANSWERABLE_TYPES:
        report.add((*path, "required"), "bank.field_not_for_type", field="required", type=kind.value)
    _check_default_source(placement, report)


def _check_suggestions(placement: Placement, index: BankIndex, report: _Report) -> None:
    """Suggestions offer one of the question's own options, from answers given before it."""
    item, path = placement.item, placement.path
    if not item.suggest:
        return
    if item.type is not ItemType.SINGLE_CHOICE:
        report.add((*path, "suggest"), "bank.field_not_for_type", field="suggest", type=item.type.value)
        return
    if item.default_from is not None:
        report.add((*path, "suggest"), "bank.suggest_and_default")
    codes = {option.code for option in item.options}
    for number, suggestion in enumerate(item.suggest):
        where = (*path, "suggest", number)
        if codes and suggestion.value not in codes:
            report.add((*where, "value"), "bank.condition_unknown_option", id=item.id, value=suggestion.value)
        for position, condition in enumerate(suggestion.when):
            target = index.placements.get(condition.item)
            if target is not None and target.order >= placement.order:
                report.add((*where, "when", position, "item"), "bank.reference_not_earlier", id=condition.item)
            else:
                _check_condition(placement, condition, index, report, (*where, "when", position))


def _check_default_source(placement: Placement, report: _Report) -> None:
    item, source = placement.item, placement.item.default_from
    if source is None:
        return
    reason = None
    if source in (DefaultSource.PRESET_STAGES, DefaultSource.PRESET_TOUCHPOINTS) and item.type is not ItemType.LIST:
        reason = "bank.default_source.list"
    elif source is DefaultSource.PRESET_MAP_TYPE and item.type is not ItemType.SINGLE_CHOICE:
        reason = "bank.default_source.choice"
    elif source is DefaultSource.PRESET_TOUCHPOINTS and not _inside_stage_repeat(placement):
        reason = "bank.default_source.stage_scope"
    if reason is not None:
        report.add((*placement.path, "default_from"), reason, source=source.value)


def _inside_stage_repeat(placement: Placement) -> bool:
    # The stage a touchpoint default belongs to is the instance of the group repeated over the stages list.
    return any(group.repeat_for for group in placement.groups)


def _check_references(placement: Placement, index: BankIndex, report: _Report) -> None:
    item, path = placement.item, placement.path
    if item.repeat_for is not None:
        source = _resolve_source(placement, item.repeat_for, index, report, (*path, "repeat_for"))
        if source and source.item.type not in (ItemType.LIST, ItemType.MULTI_CHOICE):
            report.add((*path, "repeat_for"), "bank.repeat_for_type", id=source.item.id, type=source.item.type.value)
    if item.options_from is not None:
        source = index.placements.get(item.options_from)
        if source is None:
            report.add((*path, "options_from"), "bank.unknown_item", id=item.options_from)
        elif source.order >= placement.order:
            report.add((*path, "options_from"), "bank.reference_not_earlier", id=source.item.id)
        elif source.item.type is not ItemType.LIST:
            report.add(
                (*path, "options_from"), "bank.options_from_type", id=source.item.id, type=source.item.type.value
            )
    for number, condition in enumerate(item.enable_when):
        _check_condition(placement, condition, index, report, (*path, "enable_when", number))
    _check_suggestions(placement, index, report)
    _check_pipes(placement, index, report)
    _check_bounds(placement, index, report)


_BOUNDED_TYPES = frozenset({ItemType.INTEGER, ItemType.DECIMAL, ItemType.PERCENT})


def _check_bounds(placement: Placement, index: BankIndex, report: _Report) -> None:
    """A bound by another answer reads an earlier number in scope; a total bounds a number that repeats."""
    item, path = placement.item, placement.path
    for name in ("at_most_answer", "total_at_most"):
        if getattr(item, name) is not None and item.type not in _BOUNDED_TYPES:
            report.add((*path, name), "bank.field_not_for_type", field=name, type=item.type.value)
            return
    if item.at_most_answer is not None:
        source = _resolve_source(placement, item.at_most_answer, index, report, (*path, "at_most_answer"))
        if source is not None and source.item.type not in _BOUNDED_TYPES:
            report.add((*path, "at_most_answer"), "bank.bound_not_number", id=source.item.id)
    if item.total_at_most is not None and not placement.repeat_chain:
        report.add((*path, "total_at_most"), "bank.total_not_repeated")


_PIPE = re.compile(r"\{([^{}]*)\}")
_LABEL_PIPE = re.compile(r"([a-z][a-z0-9_]*)\.label")
_ANSWER_PIPE = re.compile(r"answer:([a-z][a-z0-9_]*)")


def _check_pipes(placement: Placement, index: BankIndex, report: _Report) -> None:
    """Every `{…}` in an item's texts must name an enclosing repeat (its source, or an added group itself)
    or an earlier answer."""
    item = placement.item
    label_sources = {
        group.repeat_for or group.id for group in (*placement.groups, item) if group.repeat_for or group.repeat
    }
    for field in ("text", "help", "probe", "add_prompt"):
        texts: dict[str, str] | None = getattr(item, field)
        for locale, text in (texts or {}).items():
            for match in _PIPE.finditer(text):
                where = (*placement.path, field, locale)
                label, answer = _LABEL_PIPE.fullmatch(match[1]), _ANSWER_PIPE.fullmatch(match[1])
                if label is not None:
                    if label[1] not in label_sources:
                        report.add(where, "bank.pipe_label_scope", pipe=match[0], id=label[1])
                elif answer is not None:
                    source = index.placements.get(answer[1])
                    if source is None:
                        report.add(where, "bank.unknown_item", id=answer[1])
                    elif source.order >= placement.order:
                        report.add(where, "bank.reference_not_earlier", id=answer[1])
                else:
                    report.add(where, "bank.pipe_unknown", pipe=match[0])


def _resolve_source(
    placement: Placement, source_id: str, index: BankIndex, report: _Report, path: Path
) -> Placement | None:
    source = index.placements.get(source_id)
    if source is None:
        report.add(path, "bank.unknown_item", id=source_id)
        return None
    if source.order >= placement.order:
        report.add(path, "bank.reference_not_earlier", id=source_id)
        return None
    if not _in_scope(source, placement):
        report.add(path, "bank.reference_out_of_scope", id=source_id)
        return None
    return source


def _in_scope(target: Placement, referrer: Placement) -> bool:
    """An answer can be read from where its repeating groups enclose the reader too."""
    chain = target.repeat_chain
    return referrer.repeat_chain[: len(chain)] == chain


def _check_condition(placement: Placement, condition: Condition, index: BankIndex, report: _Report, path: Path) -> None:
    target = index.placements.get(condition.item)
    if target is None:
        report.add((*path, "item"), "bank.unknown_item", id=condition.item)
        return
    if placement.item in target.groups:
        report.add((*path, "item"), "bank.condition_inside_group", id=condition.item)
        return
    if not _in_scope(target, placement):
        report.add((*path, "item"), "bank.reference_out_of_scope", id=condition.item)
        return
    kind = target.item.type
    if kind not in ANSWERABLE_TYPES:
        report.add((*path, "item"), "bank.condition_on_unanswerable", id=condition.item, type=kind.value)
        return
    if condition.op is Operator.CONTAINS_THIS and not _draws_for_this(placement, target):
        report.add((*path, "op"), "bank.contains_this_scope", id=condition.item)
        return
    expected = _expected_value(condition, target.item)
    if expected is not None:
        report.add(
            (*path, "value"),
            "bank.condition_value",
            op=condition.op.value,
            id=condition.item,
            type=kind.value,
            expected=expected,
        )
        return
    codes = {option.code for option in target.item.options}
    if (
        kind in CHOICE_TYPES
        and codes
        and not target.item.options_from
        and condition.op in (Operator.EQ, Operator.NE, Operator.CONTAINS)
        and condition.value not in codes
        and kind is not ItemType.OPEN_CHOICE
    ):
        report.add((*path, "value"), "bank.condition_unknown_option", id=condition.item, value=condition.value)


def _draws_for_this(referrer: Placement, target: Placement) -> bool:
    """Whether `contains_this` has a meaning here: the target draws its options from a list, and the referrer sits
    inside a group repeated for that list (the instance whose entry is looked for)."""
    source = target.item.options_from
    return source is not None and any(group.repeat_for == source for group in referrer.groups)


def _expected_value(condition: Condition, target: Item) -> str | None:
    """What the condition's value should be, when it is not; None when it fits."""
    value, op, kind = condition.value, condition.op, target.type
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if op is Operator.CONTAINS_THIS:
        return None if value is None else "no value"
    if op is Operator.EXISTS:
        return None if isinstance(value, bool) else "true / false"
    if op in (Operator.GT, Operator.LT, Operator.GE, Operator.LE):
        return None if is_number and kind in NUMERIC_TYPES else "a number (on a numeric item)"
    if op is Operator.CONTAINS:
        fits = kind in (ItemType.MULTI_CHOICE, ItemType.LIST) or kind in TEXT_TYPES
        return None if isinstance(value, str) and fits else "a string (on a multi_choice, list or text item)"
    if kind is ItemType.BOOLEAN:
        return None if isinstance(value, bool) else "true / false"
    if kind in NUMERIC_TYPES:
        return None if is_number else "a number"
    return None if isinstance(value, str) else "a string"


def _check_cycles(index: BankIndex, report: _Report) -> None:
    edges = {item_id: [c.item for c in p.item.enable_when] for item_id, p in index.placements.items()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    trail: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        trail.append(node)
        for target in edges.get(node, []):
            if state.get(target) == 1:
                cycle = [*trail[trail.index(target) :], target]
                report.add(
                    (*index.placements[node].path, "enable_when"),
                    "bank.condition_cycle",
                    cycle=" → ".join(cycle),
                )
            elif target in edges and state.get(target) is None:
                visit(target)
        trail.pop()
        state[node] = 2

    for node in edges:
        if state.get(node) is None:
            visit(node)


def _check_presets(bank: Bank, index: BankIndex, report: _Report) -> None:
    map_type_item = next(
        (p.item for p in index.placements.values() if p.item.default_from is DefaultSource.PRESET_MAP_TYPE),
        None,
    )
    codes = {option.code for option in map_type_item.options} if map_type_item else set()
    for number, preset in enumerate(bank.presets):
        if preset.map_type is not None and preset.map_type not in codes:
            report.add(("presets", number, "map_type"), "bank.preset_map_type", value=preset.map_type)


def _check_roles(index: BankIndex, report: _Report) -> None:
    """Each role on items of the types it reads, in the scope it is read in, and played once unless it may be
    played by several."""
    by_role: dict[Role, list[Placement]] = {}
    for placement in index.placements.values():
        if placement.item.role is not None:
            by_role.setdefault(placement.item.role, []).append(placement)
    for role, placements in by_role.items():
        contract = CONTRACTS[role]
        if not contract.many:
            for again in placements[1:]:
                report.add((*again.path, "role"), "bank.role_twice", role=role.value, other=_where(placements[0].path))
        for placement in placements:
            item = placement.item
            if item.type not in contract.types:
                types = ", ".join(sorted(kind.value for kind in contract.types))
                report.add(
                    (*placement.path, "role"), "bank.role_type", role=role.value, type=item.type.value, types=types
                )
            elif not _in_role_scope(placement, contract.scope, by_role):
                report.add((*placement.path, "role"), f"bank.role_scope.{contract.scope.value}", role=role.value)


def _in_role_scope(placement: Placement, scope: Scope, by_role: dict[Role, list[Placement]]) -> bool:
    repeats = [group for group in placement.groups if group.repeat or group.repeat_for]

    def repeated_for(role: Role) -> bool:
        sources = {source.item.id for source in by_role.get(role, [])}
        return any(group.repeat_for in sources for group in repeats)

    if scope is Scope.ANY:
        return True
    if scope is Scope.TOP:
        return not repeats
    if scope is Scope.SEGMENT:
        return any(group.repeat for group in repeats)
    if scope is Scope.STAGE:
        return repeated_for(Role.STAGES)
    if scope is Scope.RESOURCE:
        return repeated_for(Role.RESOURCE_KINDS)
    named = {source.item.id for source in by_role.get(Role.TOUCHPOINT_NAME, [])}
    added_one_by_one = any(group.repeat and any(child.id in named for child in group.items) for group in repeats)
    return repeated_for(Role.TOUCHPOINTS) or added_one_by_one
