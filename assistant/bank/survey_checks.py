"""The checks a bank's survey texts pass: each customer question has a shape the survey can ask and the import can
read back, and pipes only what the survey knows (the business's name, and the touchpoint and stage it is about)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from assistant.bank.index import ANSWERABLE_TYPES, BankIndex, Placement
from assistant.bank.model import (
    CHOICE_TYPES,
    Bank,
    ItemType,
    LocalizedText,
    Option,
    ScalePoint,
    SurveyPrompt,
)
from assistant.bank.problems import Path
from assistant.bank.roles import Role

if TYPE_CHECKING:
    from collections.abc import Callable

SURVEY_TYPES = ANSWERABLE_TYPES - {ItemType.LIST}
_PIPE = re.compile(r"\{([^{}]*)\}")
_BUSINESS = frozenset({"business"})
_TOUCHPOINT = frozenset({"business", "touchpoint", "stage"})
_PERSONA_ROLES: dict[str, Role] = {
    "age": Role.PERSONA_AGE,
    "gender": Role.PERSONA_GENDER,
    "income": Role.PERSONA_INCOME,
    "location": Role.PERSONA_LOCATION,
    "occupation": Role.PERSONA_OCCUPATION,
}


class _Worded(Protocol):
    @property
    def text(self) -> LocalizedText: ...
    @property
    def help(self) -> LocalizedText | None: ...


def check_survey(bank: Bank, index: BankIndex, add: Callable[..., None]) -> None:
    """Report every problem of the bank's survey texts through `add(path, key, **params)`."""
    # A wording may pipe in the owner's answer to a question outside any repeated group: one answer per interview.
    answers = frozenset(f"answer:{item_id}" for item_id, other in index.placements.items() if not other.repeat_chain)
    for placement in index.placements.values():
        if placement.item.survey is not None:
            _check_item_wording(placement, answers, add)
    section = bank.survey
    if section is None:
        return
    where: Path = ("survey",)
    for field in ("title", "intro", "thanks"):
        _check_pipes(getattr(section, field), (*where, field), _BUSINESS, add)
    _check_pipes(section.consent.text, (*where, "consent", "text"), _BUSINESS, add)
    for name in ("used", "feeling", "stopped"):
        prompt: SurveyPrompt = getattr(section.touchpoints, name)
        _check_prompt(prompt, (*where, "touchpoints", name), _TOUCHPOINT, add)
    seen: dict[str, int] = {}
    for number, question in enumerate(section.profile):
        path: Path = (*where, "profile", number)
        if question.id in seen:
            add((*path, "id"), "bank.duplicate_id", id=question.id, other=f"survey.profile[{seen[question.id]}]")
        seen.setdefault(question.id, number)
        _check_shape(question.type, question.options, question.points, path, add)
        _check_prompt(question, path, _BUSINESS, add)
        if question.persona is not None:
            _check_persona_codes(question.persona, question.options, index, path, add)
    for locale in bank.locales:
        if section.nothing and not section.nothing.get(locale):
            add((*where, "nothing"), "bank.missing_translation", locale=locale)


def _check_item_wording(placement: Placement, answers: frozenset[str], add: Callable[..., None]) -> None:
    item, path = placement.item, (*placement.path, "survey")
    wording = item.survey
    assert wording is not None
    if item.type not in ANSWERABLE_TYPES:
        add(path, "survey.check.not_a_question", type=item.type.value)
        return
    if placement.repeat_chain:
        add(path, "survey.check.repeated")
    _check_prompt(wording, path, _BUSINESS | answers, add)
    _check_pipes(wording.text_when_missing, (*path, "text_when_missing"), _BUSINESS, add)
    if wording.type is None:
        if item.type is ItemType.LIST:
            add(path, "survey.check.type", type=item.type.value)
        elif item.options_from:
            add(path, "survey.check.options_from", id=item.options_from)
        for field in ("options", "points"):
            if getattr(wording, field):
                add((*path, field), "survey.check.needs_type", field=field)
        return
    options = wording.options or (item.options if item.type in CHOICE_TYPES and not item.options_from else [])
    points = wording.points or (item.points if item.type is ItemType.SCALE else [])
    _check_shape(wording.type, options, points, path, add, own_options=wording.options, own_points=wording.points)


def _check_shape(
    kind: ItemType,
    options: Sequence[Option],
    points: Sequence[ScalePoint],
    path: Path,
    add: Callable[..., None],
    *,
    own_options: Sequence[Option] | None = None,
    own_points: Sequence[ScalePoint] | None = None,
) -> None:
    given_options = options if own_options is None else own_options
    given_points = points if own_points is None else own_points
    if kind not in SURVEY_TYPES:
        add((*path, "type"), "survey.check.type", type=kind.value)
        return
    if kind in CHOICE_TYPES and not options:
        add(path, "bank.options_missing", type=kind.value)
    if kind not in CHOICE_TYPES and given_options:
        add((*path, "options"), "bank.options_unexpected")
    if kind is ItemType.SCALE:
        values = [point.value for point in points]
        if len(values) < 2 or values != sorted(set(values)):
            add((*path, "points"), "bank.scale_points")
    elif given_points:
        add((*path, "points"), "bank.field_not_for_type", field="points", type=kind.value)
    codes: dict[str, int] = {}
    for number, option in enumerate(given_options):
        if option.code in codes:
            other = f"options[{codes[option.code]}]"
            add((*path, "options", number, "code"), "bank.duplicate_id", id=option.code, other=other)
        codes.setdefault(option.code, number)


def _check_persona_codes(
    persona: str, options: Sequence[Option], index: BankIndex, path: Path, add: Callable[..., None]
) -> None:
    """A profile question that informs a persona choice uses that choice's codes, so the two can be compared."""
    role = _PERSONA_ROLES[persona]
    item = next((p.item for p in index.placements.values() if p.item.role == role), None)
    if item is None or item.type not in CHOICE_TYPES or not options:
        return
    known = {option.code for option in item.options}
    for number, option in enumerate(options):
        if option.code not in known:
            add((*path, "options", number, "code"), "survey.check.persona_code", code=option.code, id=item.id)


def _check_prompt(prompt: _Worded, path: Path, allowed: frozenset[str], add: Callable[..., None]) -> None:
    _check_pipes(prompt.text, (*path, "text"), allowed, add)
    _check_pipes(prompt.help, (*path, "help"), allowed, add)


def _check_pipes(text: LocalizedText | None, path: Path, allowed: Iterable[str], add: Callable[..., None]) -> None:
    names = frozenset(allowed)
    for locale, value in (text or {}).items():
        for match in _PIPE.finditer(value):
            if match[1] not in names:
                known = ", ".join("{" + name + "}" for name in sorted(names))
                add((*path, locale), "survey.check.pipe", pipe=match[0], known=known)
