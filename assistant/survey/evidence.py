"""What the respondents' answers say about the map, handed to the analysis as typed evidence.

The hand-over is `CustomerEvidence`: per touchpoint, how many respondents used it and how it felt to them (on the
map's 1–5 scale); how many touchpoints each respondent actually used (article 001 §4); and `CustomerMention`s, the
answers that name what almost stopped customers, for the analysis to read with its obstacle reader and merge into
the map's obstacle themes (a theme nine customers and the owner name is one theme; the number of customers who
named it is a severity signal).

Everything here counts whole columns (see `assistant/survey/model.py`); a mention is one distinct answer with every
respondent who gave it, so a reader reads “phí ship cao” once however many customers wrote it. These are frozen
dataclasses rather than pydantic models: ten thousand respondents give thousands of mentions, and the evidence of a
set of respondents is worked out once (`customer_evidence` remembers it for as long as the set is loaded), since the
map is rebuilt after every answer the owner gives and the respondents do not change meanwhile.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress
from weakref import WeakKeyDictionary

from assistant.bank.model import ItemType
from assistant.journeymap.model import CustomerEmotion
from assistant.survey.design import Survey, SurveyColumn, touchpoint_column
from assistant.survey.model import CellValue, Respondents

NOTHING_SLACK = 4
"""Answers meaning “nothing” are as short as the bank's words for it (give or take spaces and a full stop): longer
ones are not compared with them."""


@dataclass(frozen=True, slots=True)
class CustomerMention:
    """One distinct answer naming what held customers back, with every respondent who gave it (answers compared
    without case or extra spaces, marks kept: giá and gia are different words)."""

    text: str
    """Verbatim, as the first respondent who gave it wrote it."""
    touchpoint_key: str | None
    """Where it happened: the touchpoint's key on the map; None for the journey as a whole."""
    column: str
    """The survey column it answers (tp.<key>.stopped, or a bank question whose answers name obstacles)."""
    respondents: tuple[int, ...]
    """The numbers of the respondents who gave it, in order."""


@dataclass(frozen=True, slots=True)
class TouchpointVoice:
    key: str
    asked: int
    """Respondents who said whether they used it (a rating says so too)."""
    used_by: int
    emotion: CustomerEmotion | None
    """How it felt to those who used it, mapped onto 1–5."""


@dataclass(frozen=True, slots=True)
class Reach:
    """How many of the map's touchpoints each respondent used, among those who said."""

    respondents: int
    mean: float
    median: float


@dataclass(frozen=True, slots=True)
class CustomerEvidence:
    respondents: int
    touchpoints: dict[str, TouchpointVoice] = field(default_factory=dict)
    """By touchpoint key."""
    reach: Reach | None = None
    mentions: list[CustomerMention] = field(default_factory=list)


_remembered: WeakKeyDictionary[Respondents, dict[tuple[object, ...], CustomerEvidence]] = WeakKeyDictionary()


def customer_evidence(survey: Survey, respondents: Respondents) -> CustomerEvidence:
    """What `respondents` said in answer to `survey`, remembered for as long as they are loaded."""
    key = _survey_key(survey)
    known = _remembered.setdefault(respondents, {})
    evidence = known.get(key)
    if evidence is None:
        evidence = known[key] = _evidence(survey, respondents)
    return evidence


def _survey_key(survey: Survey) -> tuple[object, ...]:
    """What the evidence depends on in a survey: its columns, its scale and its words for “nothing”."""
    return (
        tuple((column.id, column.obstacles, column.touchpoint_key) for column in survey.columns),
        tuple(point.code for point in survey.scale),
        survey.nothing,
    )


def _evidence(survey: Survey, respondents: Respondents) -> CustomerEvidence:
    touchpoints: dict[str, TouchpointVoice] = {}
    used_columns: list[list[CellValue]] = []
    scale = [int(point.code) for point in survey.scale]
    for stage in survey.stages:
        for touchpoint in stage.touchpoints:
            used = respondents.column(touchpoint_column(touchpoint.key, "used"))
            feeling = respondents.column(touchpoint_column(touchpoint.key, "feeling"))
            said = Counter(used)  # yes / no / nothing: one pass
            touchpoints[touchpoint.key] = TouchpointVoice(
                key=touchpoint.key,
                asked=said[True] + said[False],
                used_by=said[True],
                emotion=emotion_of(feeling, scale),
            )
            used_columns.append(used)
    return CustomerEvidence(
        respondents=len(respondents),
        touchpoints=touchpoints,
        reach=_reach(used_columns),
        mentions=mentions(survey, respondents),
    )


def emotion_of(values: list[CellValue], scale: list[int]) -> CustomerEmotion | None:
    """The customers' emotion on 1–5 from answers on the bank's scale, counted per point (no answer is skipped)."""
    if not scale:
        return None
    low, high = min(scale), max(scale)
    given_counts = Counter(values)
    counts = {point: given_counts[point] for point in scale}
    n = sum(counts.values())
    if n == 0:
        return None

    def five(point: int) -> float:
        return 3.0 if high == low else 1 + 4 * (point - low) / (high - low)

    given = [point for point, count in counts.items() if count]
    mean = sum(five(point) * count for point, count in counts.items()) / n
    return CustomerEmotion(n=n, mean=round(mean, 2), min=round(five(min(given)), 2), max=round(five(max(given)), 2))


def _reach(used_columns: list[list[CellValue]]) -> Reach | None:
    if not used_columns:
        return None
    counts = [row.count(True) for row in zip(*used_columns, strict=True) if row.count(None) < len(row)]
    if not counts:
        return None
    return Reach(
        respondents=len(counts), mean=round(statistics.fmean(counts), 2), median=float(statistics.median(counts))
    )


def mentions(survey: Survey, respondents: Respondents) -> list[CustomerMention]:
    """Every distinct answer to a question whose answers name obstacles, leaving out answers that say nothing did
    (“không có”, “none”: the bank's list)."""
    nothing = {ascii_fold(word).strip(" .!") for word in survey.nothing}
    longest = max(map(len, survey.nothing), default=0) + NOTHING_SLACK
    found: list[CustomerMention] = []
    for column in survey.columns:
        values = respondents.columns.get(column.id)
        if not column.obstacles or values is None:
            continue
        given: dict[str, list[int]] = {}
        for number, value in compress(zip(respondents.numbers, values, strict=True), values):
            if isinstance(value, str):
                given.setdefault(value, []).append(number)
        groups: dict[str, tuple[str, list[int]]] = {}
        for value, numbers in given.items():
            if len(value) <= longest and ascii_fold(value).strip(" .!") in nothing:
                continue
            key = " ".join(value.casefold().split())
            group = groups.get(key)
            if group is None:
                groups[key] = (value, numbers)
            else:
                group[1].extend(numbers)
        found += [
            CustomerMention(text, column.touchpoint_key, column.id, tuple(sorted(numbers)))
            for text, numbers in groups.values()
        ]
    return found


def counts_of(column: SurveyColumn, values: list[CellValue]) -> Counter[str]:
    """How many respondents gave each answer: option codes (each option of a multi-choice), `yes` / `no`, or a
    text folded so that answers differing only in case, marks or spacing are one."""
    counter: Counter[str] = Counter()
    kind = column.type
    if kind is ItemType.BOOLEAN:
        counter["yes"], counter["no"] = values.count(True), values.count(False)
    elif kind is ItemType.MULTI_CHOICE:
        for value in values:
            if isinstance(value, list):
                counter.update(value)
    elif kind is ItemType.OPEN_CHOICE:
        counter.update(
            value.get("code") or ascii_fold(value.get("other", "")) for value in values if isinstance(value, dict)
        )
    elif kind in (ItemType.TEXT, ItemType.LONG_TEXT):
        for value, count in Counter(value for value in compress(values, values) if isinstance(value, str)).items():
            counter[ascii_fold(value)] += count
    else:
        counter.update(str(value) for value in values if value is not None and not isinstance(value, list | dict))
    return +counter


def ascii_fold(text: str) -> str:
    """`assistant.text.fold` for matching Latin words, at C speed: marks dropped, đ read as d, case and spacing
    ignored; characters with no Latin letter under them (emoji) are dropped rather than kept."""
    bare = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore")
    return " ".join(bare.decode("ascii").casefold().split())
