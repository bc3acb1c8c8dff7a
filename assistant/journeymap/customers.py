"""The map with the customers in it: what a survey's respondents said, set beside what the owner said.

Per touchpoint, how many respondents used it and how it felt to them (flagged where they and the owner differ by
1.5 points or more); article 001 §4 applied as the article means it, to the touchpoints customers actually used;
the survey questions summarised; the respondents' profile for the persona card; and what customers said almost
stopped them, read into obstacle themes and counted, with their own words as evidence.

What customers said almost stopped them is read with the same obstacle reader as the owner's words (each distinct
answer once ever: the store keeps its reading, see `assistant/survey/readings.py`), gathered into voices
(`CustomerVoice`: the answers at one touchpoint that read alike) and handed to the analysis, which folds them into the
same themes: a theme the owner and nine customers name is one finding, and how many customers named it weighs in its
severity.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from itertools import compress
from operator import or_
from weakref import WeakKeyDictionary

from assistant.bank.model import ItemType, localize
from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.mentions import CustomerVoice, Said, Voices, quotable
from assistant.journeymap.model import (
    Coded,
    Count,
    CustomerResearch,
    EmotionGap,
    JourneyMap,
    NumberSummary,
    ProfileAnswers,
    Stage,
    SurveyAnswers,
    Touchpoint,
    TouchpointReach,
    TouchpointUse,
)
from assistant.journeymap.rules import AnalysisRules
from assistant.survey.design import Survey, SurveyColumn
from assistant.survey.evidence import CustomerEvidence, ascii_fold, counts_of, customer_evidence
from assistant.survey.model import CellValue, Respondents
from assistant.text import shorten

GAP_AT_LEAST = 1.5
"""Points between the owner's emotion score and the customers' mean that make a touchpoint worth a second look."""
GAP_MIN_RESPONDENTS = 5
"""Fewer customers than this rating a touchpoint say too little to contradict the owner."""
RARELY_USED_BELOW = 0.10
"""A touchpoint fewer than this share of respondents used is one customers barely reach."""
QUOTES = 3
QUOTE_WIDTH = 200
COMMON_ANSWERS = 5


def customer_voice(
    journey: JourneyMap, survey: Survey, respondents: Respondents, rules: AnalysisRules
) -> tuple[JourneyMap, Voices]:
    """`journey` with the respondents' answers to `survey` in it (each touchpoint's users and how it felt to them,
    the survey summarised), and what they said almost stopped them, read, for the analysis to put into themes."""
    voice = _Customers(journey, survey, respondents, rules)
    return voice.journey(), voice.digest.voices


class _Customers:
    def __init__(
        self,
        journey: JourneyMap,
        survey: Survey,
        respondents: Respondents,
        rules: AnalysisRules,
    ) -> None:
        self.map = journey
        self.survey = survey
        self.respondents = respondents
        self.rules = rules
        self.locale = journey.locale
        self.digest = digest(survey, respondents, rules, journey.locale)
        self.evidence: CustomerEvidence = self.digest.evidence

    def t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def number(self, value: float) -> str:
        return format_number(round(value, 1), self.locale)

    def journey(self) -> JourneyMap:
        stages = [self.stage(stage) for stage in self.map.stages]
        reach = self.reach(stages)
        known = self.digest
        research = CustomerResearch(
            respondents=len(self.respondents),
            files=len(self.respondents.batches),
            first_response=known.first_response,
            last_response=known.last_response,
            questions=[self.owner_said(question) for question in known.questions],
            profile=[self.persona_said(profile) for profile in known.profile],
            reach=reach,
            gaps=self.gaps(stages),
            not_on_map=known.not_on_map,
        )
        return self.map.model_copy(update={"stages": stages, "customers": research})

    # ----- touchpoints -----------------------------------------------------------------------------------------

    def stage(self, stage: Stage) -> Stage:
        touchpoints = [self.touchpoint(tp) for tp in stage.touchpoints]
        return stage.model_copy(update={"touchpoints": touchpoints})

    def touchpoint(self, touchpoint: Touchpoint) -> Touchpoint:
        voice = self.evidence.touchpoints.get(touchpoint.key)
        if voice is None or (voice.asked == 0 and voice.emotion is None):
            return touchpoint
        return touchpoint.model_copy(update={"used_by": voice.used_by, "customer_emotion": voice.emotion})

    def gaps(self, stages: list[Stage]) -> list[EmotionGap]:
        gaps = []
        for stage in stages:
            for tp in stage.touchpoints:
                emotion = tp.customer_emotion
                if tp.emotion_score is None or emotion is None or emotion.n < GAP_MIN_RESPONDENTS:
                    continue
                gap = round(emotion.mean - tp.emotion_score, 2)
                if abs(gap) >= GAP_AT_LEAST:
                    gaps.append(
                        EmotionGap(
                            stage=stage.name,
                            stage_key=stage.key,
                            touchpoint=tp.name,
                            touchpoint_key=tp.key,
                            owner=tp.emotion_score,
                            customers=emotion,
                            gap=gap,
                            message=self.gap_message(tp.emotion_score, emotion.n, emotion.mean),
                        )
                    )
        return gaps

    def gap_message(self, owner: int, count: int, mean: float) -> str:
        return self.t("survey.map.gap", owner=owner, count=count, mean=self.number(mean))

    def reach(self, stages: list[Stage]) -> TouchpointReach | None:
        """Article 001 §4: fewer touchpoints used than expected means the channels do not hold customers; more
        means the path costs them effort. Counted from what customers used, not from what the owner listed."""
        reach = self.evidence.reach
        if reach is None:
            return None
        expected = self.map.goals.expected_touchpoints
        listed = self.map.figures.touchpoints_listed
        verdict = None
        if expected:
            limits = self.rules.touchpoint_count
            verdict = (
                "fewer"
                if reach.mean < expected * limits.fewer_below
                else "more"
                if reach.mean > expected * limits.more_above
                else "as_expected"
            )
        rare, used = [], []
        for stage in stages:
            for tp in stage.touchpoints:
                voice = self.evidence.touchpoints.get(tp.key)
                if voice is None or voice.asked == 0:
                    continue
                share = self.share(voice.used_by, voice.asked)
                used.append(
                    TouchpointUse(
                        stage=stage.name,
                        touchpoint=tp.name,
                        touchpoint_key=tp.key,
                        asked=voice.asked,
                        used_by=voice.used_by,
                        share=share,
                    )
                )
                if voice.asked >= GAP_MIN_RESPONDENTS and voice.used_by < RARELY_USED_BELOW * voice.asked:
                    rare.append(f"{tp.name} ({self.number(share)}%)")
        params = {
            "count": reach.respondents,
            "mean": self.number(reach.mean),
            "median": self.number(reach.median),
            "listed": listed,
            "expected": expected or 0,
        }
        message = self.t(f"survey.map.reach.{verdict or 'unexpected'}", **params)
        return TouchpointReach(
            respondents=reach.respondents,
            mean=reach.mean,
            median=reach.median,
            listed=listed,
            expected=expected,
            verdict=verdict,
            rarely_used=rare,
            used=used,
            message=message,
        )

    # ----- the survey questions --------------------------------------------------------------------------------

    def owner_said(self, question: SurveyAnswers) -> SurveyAnswers:
        owner = next((fact.answer for fact in self.map.research if fact.item_id == question.item_id), None)
        return question.model_copy(update={"owner_answer": owner}) if owner else question

    def persona_said(self, profile: ProfileAnswers) -> ProfileAnswers:
        owner = getattr(self.map.persona, profile.persona, None) if profile.persona else None
        value = owner.label if isinstance(owner, Coded) else owner
        return profile.model_copy(update={"owner_answer": value}) if value else profile

    def share(self, count: int, total: int) -> float:
        return _share(count, total)

    def kind_label(self, code: str) -> str:
        return _kind_label(self.rules, code, self.locale)


# ----- what the respondents say, whatever the owner answers --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Digest:
    evidence: CustomerEvidence
    voices: Voices
    questions: list[SurveyAnswers]
    profile: list[ProfileAnswers]
    not_on_map: int
    first_response: str | None
    last_response: str | None


_digests: WeakKeyDictionary[Respondents, dict[tuple[object, ...], _Digest]] = WeakKeyDictionary()


def digest(survey: Survey, respondents: Respondents, rules: AnalysisRules, locale: str) -> _Digest:
    """Everything the respondents say that does not depend on the owner's answers, worked out once for as long as
    they are loaded: the map is rebuilt after every answer the owner gives, and the respondents stay the same."""
    key = (
        tuple((c.id, c.text, c.obstacles, c.touchpoint_key) for c in survey.columns),
        survey.nothing,
        id(rules),
        locale,
    )
    known = _digests.setdefault(respondents, {})
    found = known.get(key)
    if found is None:
        found = known[key] = _Digester(survey, respondents, rules, locale).digest()
    return found


class _Digester:
    def __init__(self, survey: Survey, respondents: Respondents, rules: AnalysisRules, locale: str) -> None:
        self.survey = survey
        self.respondents = respondents
        self.rules = rules
        self.locale = locale
        self.evidence = customer_evidence(survey, respondents)
        # Read once ever: the store keeps what the reader found in each answer beside the answers.
        self.read = respondents.readings.of((m.text, m.respondents[0]) for m in self.evidence.mentions)
        self.catch_all = rules.obstacle_kinds[-1].code

    def t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def digest(self) -> _Digest:
        submitted = [day for day in self.respondents.submitted if day]
        return _Digest(
            evidence=self.evidence,
            voices=self.voices(),
            questions=[self.question(column) for column in self.survey.section("question") if self.asked(column)],
            profile=[self.profile(column) for column in self.survey.section("profile") if self.asked(column)],
            not_on_map=self.not_on_map(),
            first_response=min(submitted, default=None),
            last_response=max(submitted, default=None),
        )

    def kinds_of(self, text: str) -> set[str]:
        """The obstacle kinds an answer names, as the analysis reads them; what names none is the catch-all."""
        return {read.kind for read in self.read[text]} or {self.catch_all}

    def voices(self) -> Voices:
        """Every answer naming an obstacle, read, gathered by touchpoint and by what deciding on a theme looks at,
        in the order the first of each was said."""
        gathered: dict[tuple[str | None, str, str | None, frozenset[str]], tuple[list[Said], list[int]]] = {}
        order = 0
        for mention in self.evidence.mentions:
            who = reduce(or_, (1 << number for number in mention.respondents), 0)
            for read in self.read[mention.text]:
                key = (mention.touchpoint_key, read.kind, read.subkind, read.terms)
                said, customers = gathered.setdefault(key, ([], [0]))
                said.append(Said(read, len(mention.respondents), order))
                customers[0] |= who
                order += 1
        voices = []
        for key, (said, customers) in gathered.items():
            ranked = tuple(sorted(said, key=lambda one: (-one.respondents, one.order)))
            voices.append(
                CustomerVoice(
                    read=said[0].read,
                    touchpoint_key=key[0],
                    customers=customers[0],
                    said=ranked,
                    quotable=quotable(ranked, lambda said: said.read.text),
                    answers=sum(one.respondents for one in ranked),
                )
            )
        return Voices(tuple(voices))

    def kind_label(self, code: str) -> str:
        return _kind_label(self.rules, code, self.locale)

    def share(self, count: int, total: int) -> float:
        return _share(count, total)

    def asked(self, column: SurveyColumn) -> bool:
        values = self.respondents.columns.get(column.id)
        return values is not None and values.count(None) < len(values)

    def answered(self, values: list[CellValue]) -> int:
        return len(values) - values.count(None)

    def question(self, column: SurveyColumn) -> SurveyAnswers:
        values = self.respondents.column(column.id)
        answered = self.answered(values)
        texts = column.type in (ItemType.TEXT, ItemType.LONG_TEXT)
        themes: list[Count] = []
        if column.obstacles:
            kinds: dict[str, set[int]] = {}
            for mention in self.evidence.mentions:
                if mention.column == column.id:
                    for kind in self.kinds_of(mention.text):
                        kinds.setdefault(kind, set()).update(mention.respondents)
            catch_all = self.catch_all
            themes = sorted(
                (
                    Count(code=kind, label=self.kind_label(kind), count=len(who), share=self.share(len(who), answered))
                    for kind, who in kinds.items()
                ),
                key=lambda count: (count.code == catch_all, -count.count, count.label),
            )
        return SurveyAnswers(
            column=column.id,
            item_id=column.item_id,
            question=column.text,
            answered=answered,
            counts=self.counts(column, values, answered),
            number=self.numbers(column, values),
            themes=themes,
            quotes=quotes(values) if texts else [],
        )

    def profile(self, column: SurveyColumn) -> ProfileAnswers:
        values = self.respondents.column(column.id)
        answered = self.answered(values)
        return ProfileAnswers(
            column=column.id,
            question=column.text,
            persona=column.persona,
            answered=answered,
            counts=self.counts(column, values, answered),
        )

    def counts(self, column: SurveyColumn, values: list[CellValue], answered: int) -> list[Count]:
        """Answers by count. For a text question, the answers several gave alike (the quotes show the rest); for a
        profile question in the respondents' words (where they live), the most given, however few gave them."""
        if column.type in (ItemType.INTEGER, ItemType.DECIMAL, ItemType.PERCENT, ItemType.SCALE):
            return []
        counter = counts_of(column, values)
        if column.type in (ItemType.TEXT, ItemType.LONG_TEXT):
            spelled = _first_spelling(values)
            least = 1 if column.kind == "profile" else 2
            common = [(key, n) for key, n in counter.most_common() if n >= least][:COMMON_ANSWERS]
            return [Count(code=key, label=spelled[key], count=n, share=self.share(n, answered)) for key, n in common]
        labels = {option.code: option.label for option in column.options}
        if column.type is ItemType.BOOLEAN:
            labels = {"yes": self.t("value.yes"), "no": self.t("value.no")}
        order = list(labels)
        ranked = sorted(counter.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))
        return [
            Count(code=code, label=labels.get(code, code), count=n, share=self.share(n, answered)) for code, n in ranked
        ]

    def numbers(self, column: SurveyColumn, values: list[CellValue]) -> NumberSummary | None:
        if column.type not in (ItemType.INTEGER, ItemType.DECIMAL, ItemType.PERCENT, ItemType.SCALE):
            return None
        numbers = [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if not numbers:
            return None
        return NumberSummary(
            n=len(numbers), mean=round(statistics.fmean(numbers), 2), min=min(numbers), max=max(numbers)
        )

    def not_on_map(self) -> int:
        asked = {column.id for column in self.survey.columns}
        return sum(
            1
            for column_id, values in self.respondents.columns.items()
            if column_id not in asked and any(value is not None for value in values)
        )


def _share(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def _kind_label(rules: AnalysisRules, code: str, locale: str) -> str:
    extra = rules.extra_kinds.get(code)
    if extra is not None:
        return localize(extra, locale, "en")
    return next((localize(kind.label, locale, "en") for kind in rules.obstacle_kinds if kind.code == code), code)


def _first_spelling(values: Sequence[CellValue]) -> dict[str, str]:
    spelled: dict[str, str] = {}
    for value in dict.fromkeys(compress(values, values)):
        if isinstance(value, str):
            spelled.setdefault(ascii_fold(value), value)  # the key `counts_of` counts it under
    return spelled


def quotes(values: Sequence[CellValue]) -> list[str]:
    """Up to three answers in the respondents' words: the most often given first, then the most telling."""
    groups: dict[str, tuple[str, int]] = {}
    for value, count in Counter(v for v in compress(values, values) if isinstance(v, str)).items():
        key = " ".join(value.casefold().split())
        first, seen = groups.get(key, (value, 0))
        groups[key] = (first, seen + count)
    return _pick(list(groups.values()))


def _pick(answers: list[tuple[str, int]]) -> list[str]:
    ranked = sorted(answers, key=lambda pair: (-pair[1], -min(len(pair[0].split()), 40), pair[0]))
    return [shorten(text, QUOTE_WIDTH) for text, _ in ranked[:QUOTES]]
