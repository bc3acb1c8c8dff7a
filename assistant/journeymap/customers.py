"""The map with the customers in it: what a survey's respondents said, set beside what the owner said.

Per touchpoint, how many respondents used it and how it felt to them (flagged where they and the owner differ by
1.5 points or more); article 001 §4 applied as the article means it, to the touchpoints customers actually used;
the survey questions summarised; the respondents' profile for the persona card; and what customers said almost
stopped them, read into obstacle themes and counted, with their own words as evidence.

The customers' words are read into the rules' obstacle kinds exactly as the owner's obstacles are (`KeywordReader`
reads as `AnalysisRules.classify` does, each keyword folded once and each distinct answer read once). A customer
theme joins the owner's finding of the same kind (preferring one at a touchpoint the customers named; what the
rules cannot place joins only a finding at its own touchpoint), or becomes a finding of its own; either way it says
how many customers named it, which weighs in its severity, and quotes them. `assistant/survey/evidence.py` defines
the hand-over (`CustomerEvidence`, `CustomerMention`) an obstacle reader of the analysis takes instead.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from weakref import WeakKeyDictionary

from assistant.bank.model import ItemType, localize
from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.model import (
    Coded,
    Count,
    CustomerResearch,
    EmotionGap,
    Evidence,
    Finding,
    JourneyMap,
    NextStep,
    NumberSummary,
    Place,
    ProfileAnswers,
    SeverityReason,
    Stage,
    SurveyAnswers,
    Touchpoint,
    TouchpointReach,
    TouchpointUse,
)
from assistant.journeymap.rules import SEVERITY_ORDER, AnalysisRules, Severity
from assistant.survey.design import Survey, SurveyColumn
from assistant.survey.evidence import CustomerEvidence, CustomerMention, ascii_fold, counts_of, customer_evidence
from assistant.survey.model import CellValue, Respondents
from assistant.text import shorten

GAP_AT_LEAST = 1.5
"""Points between the owner's emotion score and the customers' mean that make a touchpoint worth a second look."""
GAP_MIN_RESPONDENTS = 5
"""Fewer customers than this rating a touchpoint say too little to contradict the owner."""
RARELY_USED_BELOW = 0.10
"""A touchpoint fewer than this share of respondents used is one customers barely reach."""
HIGH_SHARE, MEDIUM_SHARE = 0.25, 0.10
HIGH_AT_LEAST, MEDIUM_AT_LEAST = 3, 2
"""The share of respondents naming an obstacle that makes it high, or at least medium, severity, when at least
that many customers named it (two people of eight are a quarter, and still two people)."""
QUOTES = 3
QUOTE_WIDTH = 200
COMMON_ANSWERS = 5
COUNT_RULES = ("fewer_touchpoints", "more_touchpoints")


def add_customers(
    journey: JourneyMap,
    survey: Survey,
    respondents: Respondents,
    rules: AnalysisRules,
    expected: Sequence[Evidence] = (),
) -> JourneyMap:
    """`journey` (analysed from the owner's answers) with the respondents' answers to `survey` in it; `expected`
    is the evidence of the owner's expected touchpoint count, which the customers' count is judged against."""
    return _Customers(journey, survey, respondents, rules, list(expected)).journey()


class _Customers:
    def __init__(
        self,
        journey: JourneyMap,
        survey: Survey,
        respondents: Respondents,
        rules: AnalysisRules,
        expected: list[Evidence],
    ) -> None:
        self.map = journey
        self.survey = survey
        self.respondents = respondents
        self.rules = rules
        self.expected = expected
        self.locale = journey.locale
        self.digest = digest(survey, respondents, rules, journey.locale)
        self.evidence: CustomerEvidence = self.digest.evidence

    def t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def number(self, value: float) -> str:
        return format_number(round(value, 1), self.locale)

    def journey(self) -> JourneyMap:
        stages = [self.stage(stage) for stage in self.map.stages]
        with_stages = self.map.model_copy(update={"stages": stages})
        reach = self.reach(with_stages)
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
        obstacles = self.obstacles(with_stages, reach)
        return with_stages.model_copy(update={"customers": research, "obstacles": obstacles})

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

    def reach(self, journey: JourneyMap) -> TouchpointReach | None:
        """Article 001 §4: fewer touchpoints used than expected means the channels do not hold customers; more
        means the path costs them effort. Counted from what customers used, not from what the owner listed."""
        reach = self.evidence.reach
        if reach is None:
            return None
        expected = journey.goals.expected_touchpoints
        listed = journey.figures.touchpoints_listed
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
        for stage in journey.stages:
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

    # ----- obstacles -------------------------------------------------------------------------------------------

    def obstacles(self, journey: JourneyMap, reach: TouchpointReach | None) -> list[Finding]:
        findings = list(journey.obstacles)
        for theme in self.digest.themes:
            findings = self.theme(findings, theme, journey)
        # A pain the owner could not explain, where customers said what almost stopped them, is explained: it is
        # one of the themes' places now.
        explained = {place.touchpoint_key for f in findings for place in f.places if place.source == "customers"}
        findings = [f for f in findings if not (f.rule == "unexplained_pain" and f.touchpoint_key in explained)]
        findings = self.touchpoint_count(findings, journey, reach)
        order = {stage.name: number for number, stage in enumerate(journey.stages)}
        findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], order.get(f.stage or "", len(order))))
        return findings

    def theme(self, findings: list[Finding], theme: _Theme, journey: JourneyMap) -> list[Finding]:
        kind, customers = theme.kind, theme.customers
        where = {tp.key: (stage, tp) for stage in journey.stages for tp in stage.touchpoints}
        places = [
            Place(
                source="customers",
                stage=where[key][0].name if key in where else None,
                stage_key=where[key][0].key if key in where else None,
                touchpoint=where[key][1].name if key in where else None,
                touchpoint_key=key if key in where else None,
                text=self.t("survey.map.place", count=count),
            )
            for key, count in theme.places
        ]
        share = customers / len(self.respondents) if len(self.respondents) else 0.0
        reason = SeverityReason(
            signal="customers",
            points=round(10 * share, 1),
            text=self.t(
                "survey.map.reason", count=customers, total=len(self.respondents), share=self.number(100 * share)
            ),
        )
        said = list(theme.quotes)
        severity = _customer_severity(share, customers)
        named = {key for key, _ in theme.places if key is not None}
        owners = [f for f in findings if f.category == "obstacle" and f.kind == kind and f.rule not in COUNT_RULES]
        target = next((f for f in owners if f.touchpoint_key in named), None)
        if target is None and kind != self.rules.obstacle_kinds[-1].code and owners:
            target = owners[0]  # one theme across its places; what the reader cannot place joins only its own place
        if target is not None:
            merged = target.model_copy(
                update={
                    "places": [*target.places, *places],
                    "customers": customers,
                    "quotes": said,
                    "evidence_level": "both",
                    "severity": _higher(target.severity, severity),
                    "severity_reasons": [*target.severity_reasons, reason],
                    "score": round(target.score + reason.points, 1),
                }
            )
            return [merged if f is target else f for f in findings]
        top = next((key for key, _ in theme.places if key in where), None)
        stage, touchpoint = where[top] if top is not None else (None, None)
        label = self.kind_label(kind)
        if touchpoint is None:
            message = self.t("survey.map.theme", count=customers, kind=label)
        elif kind == self.rules.obstacle_kinds[-1].code:
            message = self.t("survey.map.theme_unnamed", count=customers, touchpoint=touchpoint.name)
        else:
            message = self.t("survey.map.theme_at", count=customers, kind=label, touchpoint=touchpoint.name)
        advice = next((k.next_step for k in self.rules.obstacle_kinds if k.code == kind), None)
        finding = Finding(
            id=f"obstacle-{kind}-customers",
            rule="customer_obstacle",
            category="obstacle",
            kind=kind,
            kind_label=label,
            title=message,
            severity=severity,
            score=reason.points,
            severity_reasons=[reason],
            stage=stage.name if stage else None,
            touchpoint=touchpoint.name if touchpoint else None,
            stage_key=stage.key if stage else None,
            touchpoint_key=touchpoint.key if touchpoint else None,
            places=places,
            message=message,
            next_steps=[NextStep(text=localize(advice, self.locale, "en"), source="advice")] if advice else [],
            article=self.t("survey.map.article_obstacles"),
            evidence_level="customers",
            customers=customers,
            quotes=said,
        )
        return [*findings, finding]

    def touchpoint_count(
        self, findings: list[Finding], journey: JourneyMap, reach: TouchpointReach | None
    ) -> list[Finding]:
        """With customers' answers, the touchpoint count is judged on what they used: the owner's listed count gives
        way to it."""
        if reach is None or reach.verdict is None:
            return findings
        replaced = [f for f in findings if f.rule in COUNT_RULES]
        kept = [f for f in findings if f.rule not in COUNT_RULES]
        if reach.verdict == "as_expected":
            return kept
        rule = f"{reach.verdict}_touchpoints"
        kind = self.rules.rule_kinds.get(rule, self.rules.obstacle_kinds[-1].code)
        evidence = replaced[0].evidence if replaced else self.expected
        if reach.verdict == "fewer" and not reach.rarely_used:
            next_step = self.t("survey.map.reach_next.fewer_everywhere")
        else:
            next_step = self.t(f"survey.map.reach_next.{reach.verdict}", rare=", ".join(reach.rarely_used))
        finding = Finding(
            id=f"obstacle-{kind}-reach",
            rule=f"customer_{rule}",
            category="obstacle",
            kind=kind,
            kind_label=self.kind_label(kind),
            title=reach.message,
            severity="medium",
            message=reach.message,
            next_steps=[NextStep(text=next_step, source="advice")],
            article=self.t("survey.map.article_count"),
            evidence=evidence,
            evidence_level="both" if evidence else "customers",
            customers=reach.respondents,
        )
        return [*kept, finding]


# ----- what the respondents say, whatever the owner answers --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Theme:
    """An obstacle kind customers named: how many named it, where (touchpoint key or None, customers there, most
    first) and in which words."""

    kind: str
    customers: int
    places: tuple[tuple[str | None, int], ...]
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Digest:
    evidence: CustomerEvidence
    questions: list[SurveyAnswers]
    profile: list[ProfileAnswers]
    themes: list[_Theme]
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
        self.reader = keyword_reader(rules)

    def t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def digest(self) -> _Digest:
        submitted = [day for day in self.respondents.submitted if day]
        return _Digest(
            evidence=self.evidence,
            questions=[self.question(column) for column in self.survey.section("question") if self.asked(column)],
            profile=[self.profile(column) for column in self.survey.section("profile") if self.asked(column)],
            themes=self.themes(),
            not_on_map=self.not_on_map(),
            first_response=min(submitted, default=None),
            last_response=max(submitted, default=None),
        )

    def kind_of(self, text: str) -> str:
        return self.reader(text)

    def kind_label(self, code: str) -> str:
        return _kind_label(self.rules, code, self.locale)

    def share(self, count: int, total: int) -> float:
        return _share(count, total)

    def themes(self) -> list[_Theme]:
        catch_all = self.rules.obstacle_kinds[-1].code
        by_kind: dict[str, list[CustomerMention]] = {}
        for mention in self.evidence.mentions:
            kind = self.kind_of(mention.text)
            if mention.touchpoint_key is None and kind == catch_all:
                continue  # a suggestion the reader cannot place is not an obstacle
            by_kind.setdefault(kind, []).append(mention)
        themes = []
        for kind, mentions in by_kind.items():
            everyone = {number for mention in mentions for number in mention.respondents}
            where: dict[str | None, set[int]] = {}
            for mention in mentions:
                where.setdefault(mention.touchpoint_key, set()).update(mention.respondents)
            places = sorted(
                ((key, len(who)) for key, who in where.items()),
                key=lambda pair: (-pair[1], pair[0] is None, pair[0] or ""),
            )
            themes.append(_Theme(kind, len(everyone), tuple(places), tuple(quotes_of(mentions))))
        return themes

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
                    kinds.setdefault(self.kind_of(mention.text), set()).update(mention.respondents)
            catch_all = self.rules.obstacle_kinds[-1].code
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


def _customer_severity(share: float, count: int) -> Severity:
    if share >= HIGH_SHARE and count >= HIGH_AT_LEAST:
        return "high"
    if share >= MEDIUM_SHARE and count >= MEDIUM_AT_LEAST:
        return "medium"
    return "low"


def _higher(first: Severity, second: Severity) -> Severity:
    return first if SEVERITY_ORDER[first] <= SEVERITY_ORDER[second] else second


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


def quotes_of(mentions: Sequence[CustomerMention]) -> list[str]:
    return _pick([(mention.text, len(mention.respondents)) for mention in mentions])


def _pick(answers: list[tuple[str, int]]) -> list[str]:
    ranked = sorted(answers, key=lambda pair: (-pair[1], -min(len(pair[0].split()), 40), pair[0]))
    return [shorten(text, QUOTE_WIDTH) for text, _ in ranked[:QUOTES]]


# ----- reading what customers wrote ------------------------------------------------------------------------------

READINGS_KEPT = 200_000
"""Distinct answers whose reading is remembered: the app rebuilds the map after every answer, the texts stay."""


class KeywordReader:
    """The rules' obstacle kinds read from a text, as `AnalysisRules.classify` reads them (the first kind, in the
    rules' order, with a word at a word start, accents and case ignored), with every word folded once, one pattern
    for all kinds (a text is scanned once), and each distinct text read once."""

    def __init__(self, rules: AnalysisRules) -> None:
        self.fallback = rules.obstacle_kinds[-1].code
        self.codes: list[str] = []
        groups = []
        for kind in rules.obstacle_kinds:
            words = {ascii_fold(word) for words in kind.words.values() for word in words} - {""}
            if words:
                self.codes.append(kind.code)
                groups.append("(" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")")
        # A lookahead, so that every word start is tried even where an earlier match would have covered it.
        self.pattern = re.compile(rf"(?<![0-9a-z])(?=(?:{'|'.join(groups)}))") if groups else None
        self.read: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        kind = self.read.get(text)
        if kind is None:
            kind = self.fallback
            if self.pattern is not None:
                found = [match.lastindex for match in self.pattern.finditer(ascii_fold(text)) if match.lastindex]
                if found:
                    kind = self.codes[min(found) - 1]
            if len(self.read) >= READINGS_KEPT:
                self.read.clear()
            self.read[text] = kind
        return kind


_readers: dict[int, tuple[AnalysisRules, KeywordReader]] = {}


def keyword_reader(rules: AnalysisRules) -> KeywordReader:
    """One reader per rules file, kept for the process (the rules are loaded once per bank)."""
    kept = _readers.get(id(rules))
    if kept is None or kept[0] is not rules:
        kept = _readers[id(rules)] = (rules, KeywordReader(rules))
    return kept[1]
