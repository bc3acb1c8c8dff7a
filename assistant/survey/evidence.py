"""What the respondents' answers say about the map, handed to the analysis as typed evidence.

The hand-over is `CustomerEvidence`: per touchpoint, how many respondents used it and how it felt to them (on the
map's 1–5 scale); how many touchpoints each respondent actually used (article 001 §4); and `CustomerMention`s, the
answers that name what almost stopped customers, for the analysis to read with its obstacle reader and merge into
the map's obstacle themes (a theme nine customers and the owner name is one theme; the number of customers who
named it is a severity signal).

Everything here counts whole columns (see `assistant/survey/model.py`), so ten thousand respondents cost a few
milliseconds; a mention is one distinct answer with every respondent who gave it, so a reader reads “phí ship cao”
once however many customers wrote it.
"""

from __future__ import annotations

import statistics
from collections import Counter

from pydantic import BaseModel, ConfigDict, Field

from assistant.bank.model import ItemType
from assistant.journeymap.model import CustomerEmotion
from assistant.survey.design import Survey, SurveyColumn, touchpoint_column
from assistant.survey.model import CellValue, Respondents
from assistant.text import fold


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CustomerMention(_Model):
    """One distinct answer naming what held customers back, with every respondent who gave it (answers compared
    without case or extra spaces, marks kept: giá and gia are different words)."""

    text: str = Field(description="Verbatim, as the first respondent who gave it wrote it.")
    touchpoint_key: str | None = Field(description="Where it happened; None for the journey as a whole.")
    column: str = Field(description="The survey column it answers.")
    respondents: list[int] = Field(description="The numbers of the respondents who gave it.")


class TouchpointVoice(_Model):
    key: str
    asked: int = Field(description="Respondents who said whether they used it.")
    used_by: int
    emotion: CustomerEmotion | None = Field(default=None, description="How it felt, mapped onto 1–5.")


class Reach(_Model):
    """How many of the map's touchpoints each respondent used, among those who said."""

    respondents: int
    mean: float
    median: float


class CustomerEvidence(_Model):
    respondents: int
    touchpoints: dict[str, TouchpointVoice] = Field(default_factory=dict, description="By touchpoint key.")
    reach: Reach | None = None
    mentions: list[CustomerMention] = Field(default_factory=list)


def customer_evidence(survey: Survey, respondents: Respondents) -> CustomerEvidence:
    touchpoints: dict[str, TouchpointVoice] = {}
    used_columns: list[list[CellValue]] = []
    scale = [int(point.code) for point in survey.scale]
    for stage in survey.stages:
        for touchpoint in stage.touchpoints:
            used = respondents.column(touchpoint_column(touchpoint.key, "used"))
            feeling = respondents.column(touchpoint_column(touchpoint.key, "feeling"))
            yes = used.count(True)
            touchpoints[touchpoint.key] = TouchpointVoice(
                key=touchpoint.key,
                asked=yes + used.count(False),
                used_by=yes,
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
    counts = {point: values.count(point) for point in scale}
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
    nothing = {fold(word) for word in survey.nothing}
    found: list[CustomerMention] = []
    for column in survey.columns:
        if not column.obstacles:
            continue
        groups: dict[str, tuple[str, list[int]]] = {}
        values = respondents.columns.get(column.id)
        if values is None:
            continue
        for number, value in zip(respondents.numbers, values, strict=True):
            if not isinstance(value, str):
                continue
            key = " ".join(value.casefold().split())
            group = groups.get(key)
            if group is None:
                if fold(value).strip(" .!") in nothing:
                    continue
                groups[key] = (value, [number])
            else:
                group[1].append(number)
        found += [
            CustomerMention(text=text, touchpoint_key=column.touchpoint_key, column=column.id, respondents=numbers)
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
        counter.update(value.get("code") or fold(value.get("other", "")) for value in values if isinstance(value, dict))
    elif kind in (ItemType.TEXT, ItemType.LONG_TEXT):
        counter.update(fold(value) for value in values if isinstance(value, str))
    else:
        counter.update(str(value) for value in values if value is not None and not isinstance(value, list | dict))
    return +counter
