"""The journey map as one self-contained, printable HTML page that opens on the canvas: stages across, lanes down.

The page is built from the map model through Jinja2 templates with autoescaping on, so every answer is escaped
exactly once, where it lands; no answer is ever placed in a link, a tag name or a script (there is no script). The
emotion curve is inline SVG computed here as numbers. No network: the stylesheet is inlined and no font or image is
fetched. Printed, the page is landscape and the canvas is split into groups of stages that fit a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.canvas import Canvas, Column, finding_anchor, journey_canvas
from assistant.journeymap.model import AppendixEntry, Coded, Finding, JourneyMap, QuestionRef, Touchpoint
from assistant.journeymap.voice import (
    answers_text,
    counts_text,
    profile_label,
    progress_text,
    respondents_line,
    touchpoint_text,
)

COLUMN = 220
"""A stage column's narrowest width in CSS pixels: four stages and the lane labels fit a landscape A4."""
LANE = 150
PRINT_GROUP = 4
PAGE = 1040
"""CSS pixels across a landscape A4 inside its margins: a canvas of fewer stages widens its columns to this."""
CURVE_TOP = 14
CURVE_ROW = 20
CURVE_HEIGHT = CURVE_TOP * 2 + CURVE_ROW * 4
POINT_SPREAD = 150
WORDS = (
    "map.severity.high",
    "map.severity.medium",
    "map.severity.low",
    "map.finding.places",
    "map.finding.next_steps",
    "map.finding.needs",
    "map.finding.addressed_by",
    "map.finding.unblocks",
    "map.finding.nice_to_have",
    "map.col.next_step",
    "map.col.evidence",
    "map.canvas.not_asked",
    "map.answer.skipped",
    "map.answer.unanswered",
    "map.not_answered",
)
LABELLED_POINTS = 8
"""Above this many touchpoints in a stage, the points lose their numbers (their titles keep them)."""


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    number: int
    title: str


@dataclass(frozen=True, slots=True)
class CurveCell:
    """One stage's part of the emotion curve, in the pixels of its column."""

    width: int
    height: int
    grid: tuple[float, ...]
    range_box: tuple[float, float, float, float] | None
    owner: tuple[str, ...]
    owner_mean: tuple[float, float] | None
    customers: tuple[str, ...]
    customers_mean: tuple[float, float] | None
    dots: tuple[Dot, ...]
    numbered: bool


def render_html(journey: JourneyMap) -> str:
    canvas = journey_canvas(journey)
    locale = journey.locale

    def say(key: str, **params: object) -> str:
        return t(key, locale, **params)

    columns = canvas.columns
    width = column_width(len(columns))
    groups = [columns[start : start + PRINT_GROUP] for start in range(0, len(columns), PRINT_GROUP)]
    findings = {finding.id: finding for finding in journey.obstacles + journey.resource_gaps}
    # What the templates say once per finding, card or row, looked up rather than called: Jinja's calls cost more
    # than the rest of a 200-touchpoint page.
    words = {key: t(key, locale) for key in WORDS}
    anchors = {identifier: finding_anchor(identifier) for identifier in findings}
    kinds = {kind.code: kind.label for kind in journey.resource_kinds}
    kinds.update((resource.kind.code, resource.kind.label) for resource in journey.resources)
    return _template().render(
        map=journey,
        canvas=canvas,
        groups=groups if len(groups) > 1 else [],
        curves=_curves(canvas, width),
        axis=_axis(),
        findings=findings,
        words=words,
        anchors=anchors,
        resource_labels=lambda codes: ", ".join(kinds.get(code, code) for code in codes),
        notes=[(note.question, note.answer) for note in journey.map_type_notes],
        t=say,
        num=lambda value: format_number(value, locale),
        label=_label,
        labels=_labels,
        day=lambda stamp: stamp[:10],
        where=_where,
        steps=_appendix_steps(journey),
        missing=_missing(journey),
        column_width=width,
        lane_width=LANE,
        progress=progress_text(journey),
        respondents_line=lambda customers: respondents_line(customers, locale),
        answers_text=lambda question: answers_text(question, locale),
        profile=_profile(journey),
        touchpoint_rows=_touchpoint_rows(journey),
    )


def _profile(journey: JourneyMap) -> list[tuple[str, str]]:
    """The respondents' profile, continuing the persona card's fields."""
    customers = journey.customers
    if customers is None:
        return []
    locale = journey.locale
    return [
        (profile_label(profile, locale), counts_text(profile.counts, locale) or "—") for profile in customers.profile
    ]


def _touchpoint_rows(journey: JourneyMap) -> list[tuple[str, Touchpoint, str]]:
    """Each touchpoint customers used or scored, with the owner's score beside what they said."""
    return [
        (stage.name, touchpoint, said)
        for stage in journey.stages
        for touchpoint in stage.touchpoints
        if (said := touchpoint_text(journey.customers, touchpoint, journey.locale))
    ]


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("assistant.journeymap", "templates"),
        # Everything is escaped but the stylesheet, which is included as it is: escaping its quotes would break it.
        autoescape=_escapes,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _escapes(name: str | None) -> bool:
    return name is None or not name.endswith(".css")


def _template() -> Template:
    return _environment().get_template("page.html")


# ----- the emotion curve ------------------------------------------------------------------------------------


def _y(score: float) -> float:
    return round(CURVE_TOP + (5 - score) * CURVE_ROW, 1)


def column_width(stages: int) -> int:
    """Every stage column has this width, so each curve cell meets its neighbours' at the column edge."""
    return max(COLUMN, (PAGE - LANE) // max(1, min(stages, PRINT_GROUP)))


def _curves(canvas: Canvas, width: int) -> dict[int, CurveCell]:
    """Each stage's curve cell: the line comes in from the left edge halfway between the neighbour's mean and this
    one, reaches this stage's mean at the centre and leaves to the right the same way, so the cells side by side
    draw one line from stage to stage. The touchpoints are points spread across the middle, never joined."""
    columns = canvas.columns
    owner = [column.curve.mean for column in columns]
    customers = [column.curve.customers for column in columns]
    return {
        column.number: _curve_cell(column, width, _halves(owner, index, width), _halves(customers, index, width))
        for index, column in enumerate(columns)
    }


def _halves(means: Sequence[float | None], index: int, width: int) -> tuple[str, ...]:
    mean = means[index]
    if mean is None:
        return ()
    centre = width / 2
    parts = []
    before = means[index - 1] if index > 0 else None
    after = means[index + 1] if index + 1 < len(means) else None
    if before is not None:
        parts.append(f"0,{_y((before + mean) / 2)} {centre},{_y(mean)}")
    if after is not None:
        parts.append(f"{centre},{_y(mean)} {width},{_y((mean + after) / 2)}")
    if not parts:
        parts.append(f"{centre - 12},{_y(mean)} {centre + 12},{_y(mean)}")
    return tuple(parts)


def _curve_cell(column: Column, width: int, owner: tuple[str, ...], customers: tuple[str, ...]) -> CurveCell:
    curve = column.curve
    centre = width / 2
    count = len(curve.points)
    step = min(26.0, POINT_SPREAD / max(count - 1, 1))
    dots = tuple(
        Dot(
            x=round(centre + (index - (count - 1) / 2) * step, 1),
            y=_y(point.score),
            number=point.number,
            title=f"{point.number}. {point.touchpoint}: {point.score}" + (f" · {point.label}" if point.label else ""),
        )
        for index, point in enumerate(curve.points)
    )
    range_box = None
    if curve.low is not None and curve.high is not None:
        half = max(18.0, (count - 1) * step / 2 + 10)
        top, bottom = _y(curve.high), _y(curve.low)
        range_box = (round(centre - half, 1), top - 6, round(2 * half, 1), bottom - top + 12)
    return CurveCell(
        width=width,
        height=CURVE_HEIGHT,
        grid=tuple(_y(score) for score in range(1, 6)),
        range_box=range_box,
        owner=owner,
        owner_mean=(centre, _y(curve.mean)) if curve.mean is not None else None,
        customers=customers,
        customers_mean=(centre, _y(curve.customers)) if curve.customers is not None else None,
        dots=dots,
        numbered=count <= LABELLED_POINTS,
    )


def _axis() -> tuple[tuple[int, float], ...]:
    return tuple((score, _y(score)) for score in range(5, 0, -1))


# ----- the sections below the canvas ------------------------------------------------------------------------


def _label(coded: Coded | None) -> str | None:
    return coded.label if coded else None


def _labels(codes: Sequence[Coded]) -> str | None:
    return ", ".join(code.label for code in codes) or None


def _where(finding: Finding) -> str | None:
    return " › ".join(part for part in (finding.stage, finding.touchpoint) if part) or None


@dataclass(frozen=True, slots=True)
class AppendixStep:
    number: int
    title: str
    entries: list[AppendixEntry]


def _appendix_steps(journey: JourneyMap) -> list[AppendixStep]:
    steps: dict[int, AppendixStep] = {}
    for entry in journey.appendix:
        step = steps.get(entry.step_number)
        if step is None:
            step = steps[entry.step_number] = AppendixStep(entry.step_number, entry.step_title, [])
        step.entries.append(entry)
    return list(steps.values())


MISSING_SHOWN = 8


@dataclass(frozen=True, slots=True)
class MissingStep:
    title: str
    count: int
    shown: list[QuestionRef]
    more: int


def _missing(journey: JourneyMap) -> list[MissingStep]:
    by_step: dict[str, list[QuestionRef]] = {}
    for question in journey.missing:
        by_step.setdefault(question.step_title, []).append(question)
    return [
        MissingStep(title, len(questions), questions[:MISSING_SHOWN], max(0, len(questions) - MISSING_SHOWN))
        for title, questions in by_step.items()
    ]
