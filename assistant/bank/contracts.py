"""What each role asks of the items that play it: their types, where they sit, and whether several may."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.bank.model import CHOICE_TYPES, NUMERIC_TYPES, TEXT_TYPES, ItemType
from assistant.bank.roles import Role, Scope

_TEXTS = TEXT_TYPES
_CHOICES = CHOICE_TYPES
_ONE_CHOICE = frozenset({ItemType.SINGLE_CHOICE, ItemType.OPEN_CHOICE})
_NUMBERS = NUMERIC_TYPES - {ItemType.SCALE}
_LISTS = frozenset({ItemType.LIST, ItemType.MULTI_CHOICE})


@dataclass(frozen=True, slots=True)
class Contract:
    types: frozenset[ItemType]
    scope: Scope = Scope.TOP
    many: bool = False
    """Whether several items may play the role (their answers are then read in bank order)."""


_ANY_ANSWER = frozenset(ItemType) - {ItemType.INFO, ItemType.GROUP}

CONTRACTS: dict[Role, Contract] = {
    Role.BUSINESS: Contract(frozenset({ItemType.TEXT})),
    Role.OFFER: Contract(_TEXTS),
    Role.OBJECTIVE: Contract(_ONE_CHOICE),
    Role.WHY: Contract(_TEXTS),
    Role.BUSINESS_GOALS: Contract(_TEXTS),
    Role.AUDIENCE: Contract(_TEXTS),
    Role.DESIRED_EXPERIENCE: Contract(_TEXTS),
    Role.EXPECTED_TOUCHPOINTS: Contract(frozenset({ItemType.INTEGER})),
    Role.DATA_BASIS: Contract(frozenset({ItemType.MULTI_CHOICE})),
    Role.DATA_BASIS_NOTES: Contract(_TEXTS),
    Role.PERSONA_NAME: Contract(frozenset({ItemType.TEXT})),
    Role.PERSONA_SEGMENT: Contract(_TEXTS | _ONE_CHOICE),
    Role.PERSONA_AGE: Contract(_TEXTS | _ONE_CHOICE | {ItemType.INTEGER}),
    Role.PERSONA_GENDER: Contract(_TEXTS | _ONE_CHOICE),
    Role.PERSONA_INCOME: Contract(_TEXTS | _ONE_CHOICE),
    Role.PERSONA_LOCATION: Contract(_TEXTS | _ONE_CHOICE),
    Role.PERSONA_OCCUPATION: Contract(_TEXTS | _ONE_CHOICE),
    Role.PERSONA_GOALS: Contract(_TEXTS),
    Role.PERSONA_PAINS: Contract(_TEXTS),
    Role.PERSONA_MOTIVATIONS: Contract(_TEXTS),
    Role.PERSONA_BEHAVIOUR: Contract(_TEXTS),
    Role.PERSONA_PSYCHOGRAPHICS: Contract(_TEXTS),
    Role.SEGMENT_NAME: Contract(frozenset({ItemType.TEXT}), Scope.SEGMENT),
    Role.SEGMENT_DESCRIPTION: Contract(_TEXTS, Scope.SEGMENT),
    Role.SEGMENT_SHARE: Contract(frozenset({ItemType.PERCENT}), Scope.SEGMENT),
    Role.RESEARCH: Contract(_ANY_ANSWER, many=True),
    Role.STAGES: Contract(_LISTS),
    Role.DEPTH: Contract(_ONE_CHOICE),
    Role.STAGE_GOAL: Contract(_TEXTS, Scope.STAGE),
    Role.TOUCHPOINTS: Contract(frozenset({ItemType.LIST}), Scope.ANY),
    Role.TOUCHPOINT_NAME: Contract(frozenset({ItemType.TEXT}), Scope.TOUCHPOINT),
    Role.TOUCHPOINT_CHANNEL: Contract(_CHOICES - {ItemType.MULTI_CHOICE} | _TEXTS, Scope.TOUCHPOINT),
    Role.TOUCHPOINT_ACTIONS: Contract(_TEXTS, Scope.TOUCHPOINT),
    Role.TOUCHPOINT_THOUGHTS: Contract(_TEXTS, Scope.TOUCHPOINT),
    Role.TOUCHPOINT_EMOTION: Contract(frozenset({ItemType.SCALE}), Scope.TOUCHPOINT),
    Role.TOUCHPOINT_MOTIVATION: Contract(_TEXTS, Scope.TOUCHPOINT),
    Role.TOUCHPOINT_OBSTACLES: Contract(_TEXTS, Scope.TOUCHPOINT),
    Role.TOUCHPOINT_OPPORTUNITY: Contract(_TEXTS, Scope.TOUCHPOINT),
    Role.MAP_TYPE: Contract(frozenset({ItemType.SINGLE_CHOICE})),
    Role.MAP_NOTE: Contract(_TEXTS, many=True),
    Role.BLUEPRINT_PEOPLE: Contract(_TEXTS, Scope.STAGE),
    Role.BLUEPRINT_TECHNOLOGY: Contract(_TEXTS, Scope.STAGE),
    Role.BLUEPRINT_POLICIES: Contract(_TEXTS, Scope.STAGE),
    Role.BLUEPRINT_PROCESSES: Contract(_TEXTS, Scope.STAGE),
    Role.DAILY_VISITORS: Contract(_NUMBERS),
    Role.DAILY_NON_BUYERS: Contract(_NUMBERS),
    Role.BOUNCE_RATE: Contract(frozenset({ItemType.PERCENT})),
    Role.DROP_OFF_TOUCHPOINT: Contract(frozenset({ItemType.SINGLE_CHOICE})),
    Role.DROP_OFF_REASON: Contract(_TEXTS),
    Role.CARE_QUALITY: Contract(_ONE_CHOICE),
    Role.CHANNELS_TRACKED: Contract(frozenset({ItemType.MULTI_CHOICE})),
    Role.JOURNEY_OBSTACLES: Contract(frozenset({ItemType.LIST}) | _TEXTS),
    Role.RESOURCE_KINDS: Contract(frozenset({ItemType.MULTI_CHOICE})),
    Role.RESOURCE_HAVE: Contract(_TEXTS, Scope.RESOURCE),
    Role.RESOURCE_NEED: Contract(_TEXTS, Scope.RESOURCE),
    Role.REVIEW_CADENCE: Contract(_ONE_CHOICE),
    Role.REVIEW_DRIVERS: Contract(frozenset({ItemType.MULTI_CHOICE})),
    Role.REVIEW_DRIVERS_OTHER: Contract(_TEXTS),
    Role.OWNER: Contract(frozenset({ItemType.TEXT})),
    Role.FIRST_CHANGE: Contract(_TEXTS),
}
