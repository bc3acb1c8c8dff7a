"""The journey map as a canvas: stages across, lanes down, decided once for every front end that draws it.

The HTML page, the Markdown "at a glance" table and the app's canvas all draw this view of the map, so they agree
on which lanes exist (a lane that holds nothing on the whole map is left out), on what a lane deliberately not asked
at a touchpoint looks like (`Entry.text` is None: "not asked", never a blank to fill), on which obstacle cards sit
in which stage, and on the emotion curve: one point per stage (its touchpoints are parallel channels, not steps),
with each touchpoint's score and the stage's range around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.model import Finding, JourneyMap, Moment, Stage, Touchpoint
from assistant.journeymap.rules import Severity

LaneId = Literal[
    "touchpoints",
    "actions",
    "thoughts",
    "emotion",
    "motivation",
    "obstacles",
    "opportunity",
    "people",
    "technology",
    "policies",
    "processes",
]
FRONT_LANES: tuple[LaneId, ...] = (
    "touchpoints",
    "actions",
    "thoughts",
    "emotion",
    "motivation",
    "obstacles",
    "opportunity",
)
BACKSTAGE_LANES: tuple[LaneId, ...] = ("people", "technology", "policies", "processes")
TEXT_LANES: tuple[LaneId, ...] = ("actions", "thoughts", "motivation", "opportunity")
"""The lanes whose content is each touchpoint's own text; `Touchpoint.not_asked` names them by these ids too."""

_LANE_KEYS: dict[LaneId, str] = {
    **{lane: f"map.lane.{lane}" for lane in FRONT_LANES},
    **{lane: f"map.layer.{lane}" for lane in BACKSTAGE_LANES},
}
_UNSAFE_ANCHOR = re.compile(r"[^A-Za-z0-9_-]+")


SHOWN_DECIMALS = 1
"""A mean on the canvas is drawn and written to one decimal, as every finding says it: "3,67" beside "3,7" reads as
two figures."""


@dataclass(frozen=True, slots=True)
class Lane:
    id: LaneId
    label: str
    backstage: bool


@dataclass(frozen=True, slots=True)
class Entry:
    """One touchpoint's content in a text lane; `text` is None where the lane was deliberately not asked."""

    number: int
    touchpoint: str
    text: str | None

    @property
    def not_asked(self) -> bool:
        return self.text is None


@dataclass(frozen=True, slots=True)
class TouchpointHead:
    """A touchpoint as the touchpoints lane shows it; `number` counts within its stage, from 1."""

    number: int
    key: str
    name: str
    channel: str | None
    score: int | None
    emotion_label: str | None
    used_by: int | None
    customers: float | None


@dataclass(frozen=True, slots=True)
class Card:
    """An obstacle theme where it sits in one stage: the touchpoints of that stage that name it."""

    finding_id: str
    anchor: str
    severity: Severity
    severity_label: str
    title: str
    kind_label: str
    at: tuple[tuple[int, str], ...]
    customers: int


@dataclass(frozen=True, slots=True)
class Measure:
    """A touchpoint the customers scored, beside the owner's own score: the curve's points are the owner's, so the
    canvas says each touchpoint's two figures in words; `gap` where they differ by 1.5 points or more."""

    number: int
    touchpoint: str
    owner: int | None
    customers: float
    n: int
    gap: bool

    def words(self, locale: str) -> str:
        owner = "—" if self.owner is None else str(self.owner)
        mean = format_number(round(self.customers, 1), locale)
        said = t("map.canvas.measure", locale, owner=owner, mean=mean, count=self.n)
        return f"⚠ {said}" if self.gap else said


@dataclass(frozen=True, slots=True)
class Point:
    number: int
    touchpoint: str
    score: int
    label: str | None


@dataclass(frozen=True, slots=True)
class Curve:
    """A stage's place on the emotion curve: the owner's mean and range, the customers' where surveyed."""

    mean: float | None
    low: int | None
    high: int | None
    points: tuple[Point, ...]
    customers: float | None
    customers_low: float | None
    customers_high: float | None
    customers_n: int
    moments: tuple[Moment, ...]
    measures: tuple[Measure, ...] = ()
    """Each touchpoint of the stage the customers scored, with the owner's score beside theirs."""


@dataclass(frozen=True, slots=True)
class Column:
    number: int
    key: str
    name: str
    goal: str | None
    touchpoints: tuple[TouchpointHead, ...]
    entries: dict[LaneId, tuple[Entry, ...]]
    cards: tuple[Card, ...]
    curve: Curve
    layers: dict[LaneId, str | None]


@dataclass(frozen=True, slots=True)
class Canvas:
    locale: str
    lanes: tuple[Lane, ...]
    columns: tuple[Column, ...]
    customers: bool
    """Whether any stage has the customers' own scores: their curve is drawn beside the owner's."""

    @property
    def lane_ids(self) -> tuple[LaneId, ...]:
        return tuple(lane.id for lane in self.lanes)

    @property
    def backstage(self) -> bool:
        return any(lane.backstage for lane in self.lanes)

    @property
    def scored(self) -> bool:
        return any(column.curve.mean is not None or column.curve.customers is not None for column in self.columns)


def finding_anchor(finding_id: str) -> str:
    """The HTML id of a finding: its id kept to letters, digits, `-` and `_`, so it is safe in any attribute."""
    return "finding-" + _UNSAFE_ANCHOR.sub("-", finding_id)


def journey_canvas(journey: JourneyMap) -> Canvas:
    locale = journey.locale
    cards = _cards(journey)
    gaps = {gap.touchpoint_key for gap in journey.customers.gaps} if journey.customers is not None else set()
    moments: dict[str, list[Moment]] = {}
    for moment in journey.moments:
        moments.setdefault(moment.stage_key, []).append(moment)
    columns = tuple(
        _column(number, stage, cards.get(stage.key, []), tuple(moments.get(stage.key, ())), gaps)
        for number, stage in enumerate(journey.stages, start=1)
    )
    present: list[Lane] = []
    for lane in FRONT_LANES:
        if _holds(lane, columns):
            present.append(Lane(lane, t(_LANE_KEYS[lane], locale), backstage=False))
    if journey.is_blueprint:
        for lane in BACKSTAGE_LANES:
            if any(column.layers.get(lane) for column in columns):
                present.append(Lane(lane, t(_LANE_KEYS[lane], locale), backstage=True))
    customers = any(column.curve.customers is not None for column in columns)
    return Canvas(locale=locale, lanes=tuple(present), columns=columns, customers=customers)


def _holds(lane: LaneId, columns: tuple[Column, ...]) -> bool:
    if lane == "touchpoints":
        return any(column.touchpoints for column in columns)
    if lane == "emotion":
        return any(column.curve.mean is not None or column.curve.customers is not None for column in columns)
    if lane == "obstacles":
        return any(column.cards for column in columns)
    return any(entry.text for column in columns for entry in column.entries.get(lane, ()))


def _column(number: int, stage: Stage, cards: list[Card], moments: tuple[Moment, ...], gaps: set[str]) -> Column:
    heads = tuple(_head(index, touchpoint) for index, touchpoint in enumerate(stage.touchpoints, start=1))
    entries: dict[LaneId, tuple[Entry, ...]] = {}
    for lane in TEXT_LANES:
        found = []
        for head, touchpoint in zip(heads, stage.touchpoints, strict=True):
            text: str | None = getattr(touchpoint, lane)
            if lane in touchpoint.not_asked:
                found.append(Entry(head.number, head.name, None))
            elif text:
                found.append(Entry(head.number, head.name, text))
        entries[lane] = tuple(found)
    layers: dict[LaneId, str | None] = dict.fromkeys(BACKSTAGE_LANES)
    if stage.blueprint is not None:
        layers = {lane: getattr(stage.blueprint, lane) for lane in BACKSTAGE_LANES}
    return Column(
        number=number,
        key=stage.key,
        name=stage.name,
        goal=stage.goal,
        touchpoints=heads,
        entries=entries,
        cards=tuple(cards),
        curve=_curve(stage, heads, moments, gaps),
        layers=layers,
    )


def _head(number: int, touchpoint: Touchpoint) -> TouchpointHead:
    customers = touchpoint.customer_emotion
    return TouchpointHead(
        number=number,
        key=touchpoint.key,
        name=touchpoint.name,
        channel=touchpoint.channel.label if touchpoint.channel else None,
        score=touchpoint.emotion_score,
        emotion_label=touchpoint.emotion_label,
        used_by=touchpoint.used_by,
        customers=customers.mean if customers is not None else None,
    )


def _curve(stage: Stage, heads: tuple[TouchpointHead, ...], moments: tuple[Moment, ...], gaps: set[str]) -> Curve:
    points = tuple(
        Point(head.number, head.name, head.score, head.emotion_label) for head in heads if head.score is not None
    )
    emotion = stage.emotion
    if emotion is None and points:  # a map built before stages carried their emotion
        scores = [point.score for point in points]
        mean: float | None = round(sum(scores) / len(scores), SHOWN_DECIMALS)
        low: int | None = min(scores)
        high: int | None = max(scores)
    elif emotion is not None:
        mean, low, high = round(emotion.mean, SHOWN_DECIMALS), emotion.min, emotion.max
    else:
        mean = low = high = None
    surveyed = [tp.customer_emotion for tp in stage.touchpoints if tp.customer_emotion is not None]
    answers = sum(found.n for found in surveyed)
    customers = customers_low = customers_high = None
    if surveyed and answers:
        customers = round(sum(found.mean * found.n for found in surveyed) / answers, SHOWN_DECIMALS)
        customers_low = min(found.min for found in surveyed)
        customers_high = max(found.max for found in surveyed)
    measures = tuple(
        Measure(head.number, head.name, head.score, round(found.mean, SHOWN_DECIMALS), found.n, touchpoint.key in gaps)
        for head, touchpoint in zip(heads, stage.touchpoints, strict=True)
        if (found := touchpoint.customer_emotion) is not None and found.n
    )
    return Curve(
        mean=mean,
        low=low,
        high=high,
        points=points,
        customers=customers,
        customers_low=customers_low,
        customers_high=customers_high,
        customers_n=answers,
        moments=moments,
        measures=measures,
    )


def _cards(journey: JourneyMap) -> dict[str, list[Card]]:
    """Each obstacle theme in every stage where it was named at a touchpoint or on the stage itself, in the
    findings' order (most severe first). A finding's `places` say where; a finding without places has one, its
    stage and touchpoint. Places outside the stages (the list of step 5, the persona) have no card."""
    where: dict[str, tuple[str, int, str]] = {}
    stage_keys: dict[str, str] = {}
    for stage in journey.stages:
        stage_keys.setdefault(stage.name, stage.key)
        for number, touchpoint in enumerate(stage.touchpoints, start=1):
            where[touchpoint.key] = (stage.key, number, touchpoint.name)
    cards: dict[str, list[Card]] = {}
    for finding in journey.obstacles:
        by_stage: dict[str, list[tuple[int, str]]] = {}
        for stage_name, stage_key, touchpoint_key in _places(finding):
            key = stage_key if stage_key is not None else stage_keys.get(stage_name or "")
            at: tuple[int, str] | None = None
            if touchpoint_key is not None and touchpoint_key in where:
                key, number, name = where[touchpoint_key]
                at = (number, name)
            if key is None:
                continue
            found = by_stage.setdefault(key, [])
            if at is not None and at not in found:
                found.append(at)
        for key, touchpoints in by_stage.items():
            cards.setdefault(key, []).append(
                Card(
                    finding_id=finding.id,
                    anchor=finding_anchor(finding.id),
                    severity=finding.severity,
                    severity_label=t(f"map.severity.{finding.severity}", journey.locale),
                    title=finding.title or finding.message,
                    kind_label=finding.kind_label,
                    at=tuple(sorted(touchpoints)),
                    customers=finding.customers,
                )
            )
    return cards


def _places(finding: Finding) -> list[tuple[str | None, str | None, str | None]]:
    if finding.places:
        return [(place.stage, place.stage_key, place.touchpoint_key) for place in finding.places]
    return [(finding.stage, finding.stage_key, finding.touchpoint_key)]
