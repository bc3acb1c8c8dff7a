"""Findings a CX consultant would sign: obstacle themes ranked by visible signals, the resources that remove
them, the moments that matter, and where to start.

Every threshold, weight, advice and sentence comes from the rules file; this module decides which rule applies
where. A rule fires on what the user has answered or deliberately skipped, never on a question still open, so a
half-finished interview is not accused of gaps it simply has not reached.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import pairwise
from operator import attrgetter

from assistant.bank.model import LocalizedText, localize
from assistant.bank.roles import BLUEPRINT_LAYERS, Role
from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.answers import RoleAnswers
from assistant.journeymap.mentions import (
    Mention,
    Together,
    Voices,
    collect,
    customer_side,
    drop_off_place,
    places_of,
)
from assistant.journeymap.model import (
    Action,
    Evidence,
    Finding,
    JourneyMap,
    Moment,
    NextStep,
    Place,
    SeverityReason,
    Stage,
    Touchpoint,
    TouchpointReach,
)
from assistant.journeymap.reading import Reading
from assistant.journeymap.rules import SEVERITY_ORDER, AnalysisRules, Severity
from assistant.journeymap.themes import Theme, group
from assistant.text import fold, shorten, slug

LEVEL_SCORE: dict[str, float] = {"high": 4, "medium": 2, "low": 0}
"""The score a finding raised by a threshold rule (not by signals) ranks with."""
TITLE_WIDTH = 90


@dataclass(frozen=True, slots=True)
class Analysis:
    rules: AnalysisRules
    locale: str
    answers: RoleAnswers
    reader: Reading
    customers: Voices = field(default_factory=Voices)
    """What surveyed customers said almost stopped them, put into themes here beside the owner's words."""
    respondents: int = 0
    """How many customers were surveyed (0: the map rests on the owner's view alone)."""


@dataclass(slots=True)
class Found:
    obstacles: list[Finding] = field(default_factory=list)
    resource_gaps: list[Finding] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)
    priorities: list[str] = field(default_factory=list)
    where_to_start: list[Action] = field(default_factory=list)


def analyse(journey: JourneyMap, analysis: Analysis) -> Found:
    finder = _Finder(journey, analysis)
    finder.obstacles()
    finder.resource_gaps()
    finder.moments()
    finder.rank()
    return finder.found


class _Finder:
    def __init__(self, journey: JourneyMap, analysis: Analysis) -> None:
        self.map = journey
        self.rules = analysis.rules
        self.locale = analysis.locale
        self.answers = analysis.answers
        self.resolved = analysis.answers.resolved
        self.reader = analysis.reader
        self.customers = analysis.customers
        self.respondents = analysis.respondents
        self.resource_labels = analysis.answers.option_labels(Role.RESOURCE_KINDS)
        self.stage_order = {stage.key: number for number, stage in enumerate(journey.stages)}
        self.preset = journey.preset.code if journey.preset else None
        # What the business is, for advice that fits it: its preset and what the owner says it sells.
        self.trades = self.rules.trades_of(self.preset, (journey.goals.business, journey.goals.offer))
        self._other_trade_terms = frozenset(
            term for code, trade in self.rules.trades.items() if code not in self.trades for term in trade.terms
        )
        self.found = Found()
        self._ids: set[str] = set()
        self._advice_used: dict[str, int] = {}
        self._themes: dict[str, Theme] = {}
        self._ideas: dict[int, list[tuple[str, str]]] = {}
        self._theme_numbers: dict[int, int] = {}
        self._theme_said: dict[int, _Said] = {}

    # ----- helpers -------------------------------------------------------------------------------------

    @cached_property
    def touchpoints(self) -> dict[str, tuple[Stage, Touchpoint]]:
        return places_of(self.map)

    @cached_property
    def purchase_touchpoints(self) -> frozenset[str]:
        """The touchpoints of the stages where customers decide to buy."""
        return frozenset(
            tp.key
            for stage in self.map.stages
            if self.rules.stage_matches("purchase", stage.name)
            for tp in stage.touchpoints
        )

    @cached_property
    def named(self) -> dict[str | None, tuple[str | None, str | None, str | None]]:
        """Each touchpoint's stage name, stage key and name, by key (None: the journey)."""
        named: dict[str | None, tuple[str | None, str | None, str | None]] = {None: (None, None, None)}
        named.update((key, (stage.name, stage.key, tp.name)) for key, (stage, tp) in self.touchpoints.items())
        return named

    def together(self, theme: Theme) -> Together:
        """What the customers' choruses in the theme come to together."""
        if not self.customers:
            return _NOBODY
        return self.customers.together(tuple(m.chorus for m in theme.mentions if m.chorus is not None))

    def say(self, key: str, **params: object) -> str:
        return self.rules.message(key, self.locale, **params)

    def text(self, text: LocalizedText) -> str:
        return localize(text, self.locale, "en")

    def kind_label(self, code: str) -> str:
        extra = self.rules.extra_kinds.get(code)
        if extra is not None:
            return self.text(extra)
        kind = next((kind for kind in self.rules.obstacle_kinds if kind.code == code), None)
        if kind is not None:
            return self.text(kind.label)
        return self.resource_labels.get(code, code)

    def subkind_label(self, code: str | None) -> str | None:
        label = self.rules.subkind_labels.get(code) if code else None
        return self.text(label) if label else None

    def evidence(self, refs: Iterable[str | None]) -> list[Evidence]:
        found = {e.ref: e for ref in refs if ref and (e := self.answers.evidence(ref)) is not None}
        return sorted(found.values(), key=_NUMBER) if len(found) > 1 else list(found.values())

    def evidence_of(self, ref: str | None) -> list[Evidence]:
        """The evidence of one answer: what `evidence` gives for one ref, without sorting one item."""
        evidence = self.answers.evidence(ref) if ref else None
        return [evidence] if evidence is not None else []

    def new_id(self, category: str, kind: str, where: str) -> str:
        base = f"{'gap' if category == 'resource_gap' else 'obstacle'}-{kind}-{slug(where) if where else 'journey'}"
        candidate, number = base, 2
        while candidate in self._ids:
            candidate, number = f"{base}-{number}", number + 1
        self._ids.add(candidate)
        return candidate

    def number(self, value: float) -> str:
        return format_number(value, self.locale)

    def none(self, text: str | None) -> bool:
        """No answer, or an answer saying there is nothing ("không có", "none")."""
        return not text or self.reader.says_none(text)

    def advice(self, kind: str, subkind: str | None, theme: Theme | None = None) -> str | None:
        """The first wording for this kind that fits the business (and what the theme's own words are about) and
        the sub-kind and has not been said too often in this map yet."""
        advice = self.rules.advice.get(kind) or self.rules.advice["other"]
        trades = self.trades
        if theme is not None and self._other_trade_terms and any(trade not in trades for trade in advice.trades):
            # An obstacle about shipping at a homestay: its own words name the trade its advice is for.
            terms = frozenset().union(*(m.read.terms & self._other_trade_terms for m in theme.owner_mentions))
            trades = (*(trade for trade in self.rules.trades_named(terms) if trade not in trades), *trades)
        for wording in advice.candidates(subkind, self.preset, trades):
            text = self.text(wording)
            if self._advice_used.get(text, 0) < self.rules.advice_repeats_at_most:
                self._advice_used[text] = self._advice_used.get(text, 0) + 1
                return text
        return None

    def rule_finding(
        self,
        rule: str,
        kind: str,
        severity: Severity,
        message: str,
        refs: Iterable[str | None],
        *,
        category: str = "obstacle",
        next_step: str | None = None,
        stage: Stage | None = None,
        touchpoint: Touchpoint | None = None,
        reason: str | None = None,
        title: str | None = None,
        where: str = "",
        customers: int = 0,
    ) -> Finding:
        """A finding raised by one rule on one place (a figure, a stage, a touchpoint), not by several mentions;
        `customers` surveyed customers say so too, or alone where no answer of the owner's is its evidence."""
        advice = next_step if next_step is not None else self.advice(kind, None)
        evidence = self.evidence(refs)
        score = LEVEL_SCORE[severity]
        reasons = [SeverityReason(signal="rule", points=score, text=reason)] if reason else []
        finding = Finding(
            id=self.new_id(category, kind, where or rule),
            rule=rule,
            category=category,
            kind=kind,
            kind_label=self.kind_label(kind),
            title=title or shorten(message, TITLE_WIDTH),
            severity=severity,
            score=score,
            severity_reasons=reasons,
            stage=stage.name if stage else None,
            touchpoint=touchpoint.name if touchpoint else None,
            stage_key=stage.key if stage else None,
            touchpoint_key=touchpoint.key if touchpoint else None,
            message=message,
            next_steps=[NextStep(text=advice, source="advice")] if advice else [],
            article=self.rules.article(rule, self.locale),
            evidence=evidence,
            evidence_level=("both" if evidence else "customers") if customers else "owner",
            customers=customers,
            needs=list(self.rules.resources_for(kind, None)) if category == "obstacle" else [],
        )
        (self.found.obstacles if category == "obstacle" else self.found.resource_gaps).append(finding)
        return finding

    # ----- obstacle themes -----------------------------------------------------------------------------

    def obstacles(self) -> None:
        catch_all = self.rules.obstacle_kinds[-1].code
        # "Booking.com takes 15% commission" is the owner's cost, not the customer's obstacle (unless the owner put
        # it under a kind themselves); what it does to the customer ("so the price on Booking is higher") is. The
        # customers' choruses come read that way already.
        owner_costs = frozenset(self.rules.owner_costs)
        choruses = self.customers.on(frozenset(self.touchpoints), catch_all, owner_costs) if self.customers else []
        mentions = collect(self.map, self.answers, self.reader, choruses)
        customer_side = [
            m if m.corrected or m.read.subkind not in owner_costs else _effect_of(m, owner_costs, catch_all)
            for m in mentions
        ]
        mentions = [m for m in customer_side if m is not None]
        at_least = self.rules.severity.customers_theme_at_least
        themes = [
            theme
            for theme in group(mentions, self.reader, catch_all)
            if theme.owner_mentions or theme.customers >= at_least
        ]
        self._ideas = self.assign_ideas(themes)
        for theme in themes:
            finding = self.theme_finding(theme)
            self._themes[finding.id] = theme
            self.found.obstacles.append(finding)
        self.unexplained_pains()
        self.empty_stages()
        self.touchpoint_count()
        self.unused_touchpoints()
        self.drop_off()
        self.bounce_rate()
        self.no_purchase()
        self.care_quality()

    def theme_finding(self, theme: Theme) -> Finding:
        kind, subkind = theme.kind, theme.subkind
        places = self.places(theme)
        reasons = self.severity_reasons(theme)
        score = sum(reason.points for reason in reasons)
        title = self.reader.without_chatter(theme.title)
        first = theme.mentions[0]
        owner_places = [place for place in places if place.source != "customers"]
        touchpoint_places = [place for place in owner_places if place.touchpoint is not None]
        if not owner_places:
            message = self.customers_message(theme, places)
        elif len(owner_places) > 1:
            names = self.listed([self.place_name(place) for place in owner_places])
            message = self.say("named_obstacle_places", count=len(owner_places), places=names, text=title)
        elif touchpoint_places:
            message = self.say("named_obstacle", touchpoint=touchpoint_places[0].touchpoint, text=title)
        else:
            source = (owner_places[0] if owner_places else places[0]).source
            key = {
                "obstacle_list": "journey_obstacle",
                "drop_off": "drop_off_reason",
                "persona": "persona_pain",
                "customers": "customers_obstacle",
            }.get(source, "journey_obstacle")
            message = self.say(key, text=title, touchpoint=self.map.figures.drop_off_touchpoint or "")
        next_steps = self.owner_ideas(theme)
        advice = self.advice(kind, subkind, theme)
        if advice:
            next_steps.append(NextStep(text=advice, source="advice"))
        refs: list[str | None] = [mention.ref for mention in theme.owner_mentions]
        for mention in theme.owner_mentions:
            if mention.touchpoint is not None:
                refs.append(self.answers.ref(Role.TOUCHPOINT_EMOTION, mention.touchpoint.key))
        refs += [
            self.answers.ref(Role.TOUCHPOINT_OPPORTUNITY, key)
            for key, _ in self._ideas.get(self._theme_numbers[id(theme)], [])
        ]
        owner, customers = bool(theme.owner_mentions), theme.customers
        where = first.touchpoint.key if first.touchpoint is not None else first.source
        stage_place = next((place for place in places if place.stage_key is not None), None)
        return Finding(
            id=self.new_id("obstacle", kind, where),
            rule="named_obstacle" if owner else "customer_obstacle",
            category="obstacle",
            kind=kind,
            kind_label=self.kind_label(kind),
            subkind=subkind,
            subkind_label=self.subkind_label(subkind),
            title=shorten(_sentence_case(title), TITLE_WIDTH),
            severity=self.rules.severity.level(score),
            score=score,
            severity_reasons=reasons,
            stage=stage_place.stage if stage_place else None,
            touchpoint=stage_place.touchpoint if stage_place else None,
            stage_key=stage_place.stage_key if stage_place else None,
            touchpoint_key=stage_place.touchpoint_key if stage_place else None,
            places=places,
            message=message,
            next_steps=next_steps,
            article=self.rules.article("named_obstacle", self.locale),
            evidence=self.evidence(refs),
            evidence_level="both" if owner and customers else "customers" if customers else "owner",
            customers=customers,
            quotes=self.quotes(theme),
            needs=list(self.rules.resources_for(kind, subkind)),
        )

    def quotes(self, theme: Theme) -> list[str]:
        """Up to three of the customers' own words: what most of them said first, then what was said of a place."""
        return list(self.together(theme).quotes)

    def customers_message(self, theme: Theme, places: list[Place]) -> str:
        """What customers alone named: how many, of what, and where most of them met it."""
        count, kind = theme.customers, theme.kind
        label = self.subkind_label(theme.subkind) or self.kind_label(kind)
        touchpoint = next((place.touchpoint for place in places if place.touchpoint), None)
        if touchpoint is None:
            return t("survey.map.theme", self.locale, count=count, kind=label)
        if kind == self.rules.obstacle_kinds[-1].code:
            return t("survey.map.theme_unnamed", self.locale, count=count, touchpoint=touchpoint)
        return t("survey.map.theme_at", self.locale, count=count, kind=label, touchpoint=touchpoint)

    def places(self, theme: Theme) -> list[Place]:
        """One place per answer and touchpoint it was named in; customers' words at one touchpoint are one place."""
        places: dict[tuple[str, str | None, str | None], Place] = {}
        for mention in theme.mentions:
            tp = mention.touchpoint
            stage = mention.stage
            key = (mention.source, mention.ref, tp.key if tp else None)
            if mention.source == "customers" or key in places:
                continue
            places[key] = Place(
                source=mention.source,
                stage=stage.name if stage else None,
                stage_key=stage.key if stage else None,
                touchpoint=tp.name if tp else None,
                touchpoint_key=tp.key if tp else None,
                text=mention.read.text,
                evidence=self.evidence_of(mention.ref),
            )
        together, named = self.together(theme), self.named
        # The owner's places in journey order; the customers' after them, where most of them said it first.
        return [
            *places.values(),
            *_customers_places(together, self.locale, tuple(named[where] for where, _ in together.at)),
        ]

    def place_name(self, place: Place) -> str:
        if place.source == "touchpoint" and place.touchpoint:
            return self.quoted(place.touchpoint)
        return t(f"map.place.{place.source}", self.locale)

    def quoted(self, name: str) -> str:
        return f"«{name}»" if self.locale == "vi" else f"“{name}”"

    def listed(self, names: list[str]) -> str:
        """Names one after another, as many as a sentence can carry: past six, the first five and how many more
        (an obstacle named at a hundred touchpoints is not a sentence of a hundred names)."""
        if len(names) <= NAMES_LISTED:
            return ", ".join(names)
        shown = NAMES_LISTED - 1
        return self.say("names_and_more", names=", ".join(names[:shown]), count=len(names) - shown)

    def severity_reasons(self, theme: Theme) -> list[SeverityReason]:
        weights = self.rules.severity
        owner = theme.owner_mentions
        reasons: list[SeverityReason] = []
        scores = [m.touchpoint.emotion_score for m in owner if m.touchpoint and m.touchpoint.emotion_score]
        if scores and (points := weights.for_emotion(min(scores))):
            reasons.append(
                SeverityReason(signal="emotion", points=points, text=self.say("reason.emotion", score=min(scores)))
            )
        count = len({(m.source, m.touchpoint.key if m.touchpoint else m.ref) for m in owner})
        if (points := weights.for_places(count)) > 0:
            reasons.append(SeverityReason(signal="places", points=points, text=self.say("reason.places", count=count)))
        drop_key = self.map.figures.drop_off_key
        if any(m.source == "drop_off" or (m.touchpoint is not None and m.touchpoint.key == drop_key) for m in owner):
            reasons.append(
                SeverityReason(signal="drop_off", points=weights.drop_off_points, text=self.say("reason.drop_off"))
            )
        objective = self.map.goals.objective
        if objective is not None and objective.code in weights.decision_objectives:
            stages = {m.stage.name for m in owner if m.stage is not None}
            decision = any(self.rules.stage_matches("purchase", name) for name in stages) or any(
                where in self.purchase_touchpoints for where, _ in self.together(theme).at
            )
            if decision:
                reasons.append(
                    SeverityReason(
                        signal="stage",
                        points=weights.decision_stage_points,
                        text=self.say("reason.stage", objective=objective.label),
                    )
                )
        if any(m.source == "persona" for m in owner):
            reasons.append(
                SeverityReason(signal="objective", points=weights.persona_points, text=self.say("reason.persona"))
            )
        if any(m.source == "obstacle_list" for m in owner):
            reasons.append(SeverityReason(signal="rule", points=weights.listed_points, text=self.say("reason.listed")))
        if theme.customers and self.respondents:
            share = theme.customers / self.respondents
            if (points := weights.for_customers(share)) > 0:
                text = self.say("reason.customers", count=theme.customers, respondents=self.respondents)
                reasons.append(SeverityReason(signal="customers", points=points, text=text))
        if not reasons:
            # A low severity says why as well: nothing but one mention, at a touchpoint that does not hurt.
            if scores:
                reasons.append(
                    SeverityReason(signal="places", points=0, text=self.say("reason.quiet", score=min(scores)))
                )
            else:
                reasons.append(SeverityReason(signal="places", points=0, text=self.say("reason.quiet_unscored")))
        return reasons

    def _idea_keys(self, theme: Theme) -> list[str]:
        keys: dict[str, None] = {}  # in order, each once: a theme may be named at a hundred touchpoints
        for mention in theme.owner_mentions:
            tp = mention.touchpoint
            if tp is not None and tp.key not in keys and not self.none(tp.opportunity):
                keys[tp.key] = None
        return list(keys)

    def assign_ideas(self, themes: list[Theme]) -> dict[int, list[tuple[str, str]]]:
        """Which themes each improvement idea is quoted for, and in which words: the owner had one idea per
        touchpoint, and several obstacles may be named there. Each part of the idea ("cook a second pot in the
        afternoon, a combo discount") goes to the obstacles there it is about (`fits`), to no more than the repeats
        a map allows; a part about none of them stays the owner's idea at the touchpoint, claiming to remove none.
        The only obstacle named at a touchpoint takes the whole idea: it is what the owner was answering about."""
        at: dict[str, list[int]] = {}
        for number, theme in enumerate(themes):
            for key in self._idea_keys(theme):
                at.setdefault(key, []).append(number)
        touchpoints = {tp.key: tp for stage in self.map.stages for tp in stage.touchpoints}
        ideas: dict[int, list[tuple[str, str]]] = {}
        for key, numbers in at.items():
            idea = touchpoints[key].opportunity or ""
            if len(numbers) == 1:
                ideas.setdefault(numbers[0], []).append((key, idea))
                continue
            quoted: dict[int, list[str]] = {}
            for part in _parts(idea):
                said = self.said(part)
                scores = {number: self.fits(said, self.theme_said(themes[number])) for number in numbers}
                ranked = sorted((n for n in numbers if scores[n] >= 1), key=lambda n: (-scores[n], n))
                for number in ranked[: self.rules.advice_repeats_at_most]:
                    quoted.setdefault(number, []).append(part)
            for number, parts in quoted.items():
                ideas.setdefault(number, []).append((key, ", ".join(parts)))
        self._theme_numbers = {id(theme): number for number, theme in enumerate(themes)}
        return ideas

    def said(self, text: str) -> _Said:
        """What a part of the owner's words is about, for `fits`: its meaning words and two-syllable words, and the
        kind it reads as when the reader is sure of it."""
        reads = self.reader.read(text) or [self.reader.classify(text)]
        sure = [read for read in reads if read.confidence >= self.rules.need_kind_confidence and read.kind != "other"]
        return _Said(
            terms=frozenset().union(*(read.terms for read in reads)),
            compounds=self.reader.compounds(text),
            kinds=frozenset((read.kind, read.subkind) for read in sure),
        )

    def theme_said(self, theme: Theme) -> _Said:
        """What a theme is about: every mention's meaning words, and the two-syllable words of the owner's (the
        customers' voices come read already, and their terms say what they share)."""
        known = self._theme_said.get(id(theme))
        if known is None:
            compounds = self.reader.compounds
            known = _Said(
                terms=frozenset().union(*(m.read.terms for m in theme.mentions)),
                compounds=frozenset().union(*(compounds(m.read.text) for m in theme.owner_mentions)),
                kinds=frozenset({(theme.kind, theme.subkind)}),
            )
            self._theme_said[id(theme)] = known
        return known

    @staticmethod
    def fits(part: _Said, obstacle: _Said, rarity: dict[str, int] | None = None) -> float:
        """How clearly a part of the owner's words is about an obstacle: each meaning word and two-syllable word they
        share (weighed by how rare it is on the map, when `rarity` counts the obstacles that hold each), and their
        kind when the part reads surely as one, which counts only beside a shared word ("a combo discount" is a
        price, as a shipping fee is, and still not about it) unless the sub-kind is the same too."""
        shared = (part.terms & obstacle.terms) | (part.compounds & obstacle.compounds)
        meaning = sum(1 / math.sqrt(rarity.get(word, 1) if rarity else 1) for word in shared)
        kinds = {kind for kind, _ in obstacle.kinds}
        if any(subkind for _, subkind in part.kinds & obstacle.kinds):
            return meaning + 1
        if meaning and any(kind in kinds for kind, _ in part.kinds):
            return meaning + 0.5
        return meaning

    def owner_ideas(self, theme: Theme) -> list[NextStep]:
        """The owner's own improvement ideas at the theme's touchpoints, in the words that are about it, quoted as
        theirs: the best next step. An idea given in the same words at several touchpoints is one step, naming
        them all."""
        names = {m.touchpoint.key: m.touchpoint.name for m in theme.owner_mentions if m.touchpoint is not None}
        # By the idea's words, case and spacing aside: the idea as first written, and where it was given.
        ideas: dict[str, tuple[str, list[str]]] = {}
        for key, idea in self._ideas.get(self._theme_numbers[id(theme)], []):
            ideas.setdefault(" ".join(idea.casefold().split()), (idea, []))[1].append(names[key])
        steps = []
        for idea, where in ideas.values():
            if len(where) == 1:
                text = self.say("owner_idea", touchpoint=where[0], text=idea)
            else:
                text = self.say(
                    "owner_idea_places", places=self.listed([self.quoted(name) for name in where]), text=idea
                )
            steps.append(NextStep(text=text, source="owner"))
        return steps

    # ----- obstacles raised by one rule ----------------------------------------------------------------------

    def rule_kind(self, rule: str) -> str:
        return self.rules.rule_kinds.get(rule, self.rules.obstacle_kinds[-1].code)

    def unexplained_pains(self) -> None:
        themed = {place.touchpoint_key for finding in self.found.obstacles for place in finding.places}
        for stage in self.map.stages:
            for tp in stage.touchpoints:
                score = tp.emotion_score
                if score is None or score > self.rules.emotion.unexplained_at_most or tp.key in themed:
                    continue
                if not self.resolved(Role.TOUCHPOINT_OBSTACLES, tp.key) or not self.none(tp.obstacles):
                    continue
                self.rule_finding(
                    "unexplained_pain",
                    self.rule_kind("unexplained_pain"),
                    self.rules.severity.level(self.rules.severity.for_emotion(score)),
                    self.say("unexplained_pain", touchpoint=tp.name, score=score),
                    self.answers.refs((Role.TOUCHPOINT_EMOTION, tp.key), (Role.TOUCHPOINT_OBSTACLES, tp.key)),
                    title=self.say("title.unexplained_pain", touchpoint=tp.name),
                    next_step=self.say("unexplained_pain_next", touchpoint=tp.name),
                    stage=stage,
                    touchpoint=tp,
                    reason=self.say("reason.unexplained_pain", score=score),
                    where=tp.key,
                )

    def empty_stages(self) -> None:
        for stage in self.map.stages:
            if not stage.touchpoints and self.answers.touchpoints_settled(stage.key):
                self.rule_finding(
                    "empty_stage",
                    self.rule_kind("empty_stage"),
                    "medium",
                    self.say("empty_stage", stage=stage.name),
                    self.answers.refs((Role.TOUCHPOINTS, stage.key)),
                    title=self.say("title.empty_stage", stage=stage.name),
                    next_step=self.say("empty_stage_next", stage=stage.name),
                    reason=self.say("reason.empty_stage"),
                    stage=stage,
                    where=stage.key,
                )

    def touchpoint_count(self) -> None:
        expected = self.map.figures.touchpoints_expected
        if not expected or not self.map.stages:
            return
        if not all(self.answers.touchpoints_settled(stage.key) for stage in self.map.stages):
            return
        reach = self.map.customers.reach if self.map.customers else None
        if reach is not None and reach.verdict is not None:
            self.touchpoints_customers_use(reach)
            return
        count = self.map.figures.touchpoints_listed
        limits = self.rules.touchpoint_count
        refs = self.answers.refs(
            (Role.EXPECTED_TOUCHPOINTS, ""), *((Role.TOUCHPOINTS, stage.key) for stage in self.map.stages)
        )
        for rule, fires in (
            ("fewer_touchpoints", count < expected * limits.fewer_below),
            ("more_touchpoints", count > expected * limits.more_above),
        ):
            if fires:
                self.rule_finding(
                    rule,
                    self.rule_kind(rule),
                    "medium",
                    self.say(rule, expected=expected, count=count),
                    refs,
                    title=self.say(f"title.{rule}", expected=expected, count=count),
                    next_step=self.say(f"{rule}_next"),
                    reason=self.say(f"reason.{rule}"),
                )

    def touchpoints_customers_use(self, reach: TouchpointReach) -> None:
        """Article 001 §4 as it means it, once customers say: the touchpoints they actually use against those the
        owner expects, not the touchpoints the owner listed."""
        if reach.verdict not in ("fewer", "more"):
            return
        rule = f"{reach.verdict}_touchpoints"
        if reach.verdict == "fewer" and not reach.rarely_used:
            next_step = t("survey.map.reach_next.fewer_everywhere", self.locale)
        else:
            next_step = t(f"survey.map.reach_next.{reach.verdict}", self.locale, rare=", ".join(reach.rarely_used))
        count = self.number(round(reach.mean, 1))
        self.rule_finding(
            rule,
            self.rule_kind(rule),
            "medium",
            reach.message,
            self.answers.refs((Role.EXPECTED_TOUCHPOINTS, "")),
            title=self.say(f"title.{rule}", expected=reach.expected, count=count),
            next_step=next_step,
            reason=self.say(f"reason.{rule}"),
            customers=reach.respondents,
        )

    def unused_touchpoints(self) -> None:
        """Article 001 §4 as it means it: what customers actually reach, against what the owner expects."""
        if not self.respondents:
            return
        for stage in self.map.stages:
            for tp in stage.touchpoints:
                if (
                    tp.used_by is None
                    or tp.used_by / self.respondents >= self.rules.touchpoint_count.customers_used_below
                ):
                    continue
                self.rule_finding(
                    "unused_touchpoint",
                    self.rule_kind("unused_touchpoint"),
                    "medium",
                    self.say("unused_touchpoint", used=tp.used_by, respondents=self.respondents, touchpoint=tp.name),
                    [],
                    title=self.say("title.unused_touchpoint", touchpoint=tp.name),
                    next_step=self.say("unused_touchpoint_next", touchpoint=tp.name),
                    reason=self.say("reason.unused_touchpoint"),
                    stage=stage,
                    touchpoint=tp,
                    where=tp.key,
                    customers=self.respondents,
                )

    def drop_off(self) -> None:
        """Where customers leave, when no obstacle theme is named there: the place is a finding of its own."""
        figures = self.map.figures
        if figures.drop_off_touchpoint is None:
            return
        if any(reason.signal == "drop_off" for finding in self.found.obstacles for reason in finding.severity_reasons):
            return
        stage, touchpoint = drop_off_place(self.map)
        self.rule_finding(
            "drop_off",
            self.rule_kind("drop_off"),
            "high",
            self.say("drop_off", touchpoint=figures.drop_off_touchpoint),
            self.answers.refs((Role.DROP_OFF_TOUCHPOINT, ""), (Role.DROP_OFF_REASON, "")),
            title=self.say("title.drop_off", touchpoint=figures.drop_off_touchpoint),
            next_step=self.say("drop_off_next", touchpoint=figures.drop_off_touchpoint),
            stage=stage,
            touchpoint=touchpoint,
            reason=self.say("reason.drop_off"),
            where=touchpoint.key if touchpoint else "",
        )

    def bounce_rate(self) -> None:
        rate = self.map.figures.bounce_rate
        severity = self.rules.bounce_rate.severity(rate) if rate is not None else None
        if rate is None or severity is None:
            return
        channels = set(self.rules.website_channels)
        stage, touchpoint = next(
            (
                (stage, tp)
                for stage in self.map.stages
                for tp in stage.touchpoints
                if tp.channel is not None and tp.channel.code in channels
            ),
            (None, None),
        )
        threshold = self.number(self.rules.bounce_rate.medium_above)
        self.rule_finding(
            "high_bounce_rate",
            self.rule_kind("high_bounce_rate"),
            severity,
            self.say("high_bounce_rate", rate=self.number(rate), threshold=threshold),
            self.answers.refs((Role.BOUNCE_RATE, "")),
            title=self.say("title.high_bounce_rate", rate=self.number(rate)),
            next_step=self.say("high_bounce_rate_next"),
            reason=self.say("reason.high_bounce_rate", rate=self.number(rate)),
            stage=stage,
            touchpoint=touchpoint,
        )

    def no_purchase(self) -> None:
        share = self.map.figures.no_purchase_share
        if share is None or share > 100:  # contradicting figures are refused when typed; an old file may hold them
            return
        severity = self.rules.no_purchase_share.severity(share / 100)
        if severity is None:
            return
        self.rule_finding(
            "no_purchase",
            self.rule_kind("no_purchase"),
            severity,
            self.say("no_purchase", share=self.number(share)),
            self.answers.refs((Role.DAILY_VISITORS, ""), (Role.DAILY_NON_BUYERS, "")),
            title=self.say("title.no_purchase", share=self.number(share)),
            next_step=self.say("no_purchase_next"),
            reason=self.say("reason.no_purchase", share=self.number(share)),
            stage=next((stage for stage in self.map.stages if self.rules.stage_matches("purchase", stage.name)), None),
        )

    def care_quality(self) -> None:
        quality = self.map.figures.care_quality
        severity = self.rules.care_quality.get(quality.code) if quality else None
        if quality is None or severity is None:
            return
        self.rule_finding(
            "care_rated_low",
            self.rule_kind("care_rated_low"),
            severity,
            self.say("care_rated_low", quality=quality.label),
            self.answers.refs((Role.CARE_QUALITY, "")),
            title=self.say("title.care_rated_low", quality=quality.label),
            next_step=self.say("care_rated_low_next"),
            reason=self.say("reason.care_rated_low", quality=quality.label),
            stage=next((stage for stage in self.map.stages if self.rules.stage_matches("service", stage.name)), None),
        )

    # ----- resource gaps -------------------------------------------------------------------------------

    def resource_gaps(self) -> None:
        self.resources_needed()
        self.unaddressed_obstacles()
        self.empty_layers()
        self.data_basis()
        self.ownership()

    def _terms(self, finding: Finding) -> frozenset[str]:
        theme = self._themes.get(finding.id)
        if theme is None:
            return frozenset()
        return frozenset().union(*(mention.read.terms for mention in theme.mentions))

    def linked(self, code: str, text: str) -> list[Finding]:
        """The obstacles a resource would remove, judged on meaning, part by part of what the owner needs ("a packing
        routine for delivery, a second pot cooked in the afternoon" are two remedies): the words a part shares with
        an obstacle, weighed by how rare they are on the map ("reply" says more than "price"), its kind when the
        reader is sure of it, the resource being of a kind the obstacle needs, or a place it names; all but the words
        count only beside a shared word, so an auto-reply for Messenger removes no bank-transfer obstacle named at
        Messenger. When no part shares a word with any obstacle, the obstacles of a kind it is the first remedy for."""
        said = {finding.id: self.finding_said(finding) for finding in self.found.obstacles}
        rarity: dict[str, int] = {}
        for obstacle in said.values():
            for word in obstacle.terms | obstacle.compounds:
                rarity[word] = rarity.get(word, 0) + 1
        parts = [self.said(part) for part in _parts(text)]
        words_of_parts = [replace(part, kinds=frozenset()) for part in parts]  # what a part says, its kind aside
        sure_kinds = {kind for part in parts for kind, _ in part.kinds}
        folded = fold(text)
        by_meaning, by_kind = [], []
        touches_the_map = False
        for finding in self.found.obstacles:
            obstacle = said[finding.id]
            # The kind counts for what the obstacle is; the touchpoint count's kind (fewer touchpoints than expected
            # is "availability") is a heading for the shape of the map: a barista brings nobody to more touchpoints.
            if finding.rule in ("fewer_touchpoints", "more_touchpoints"):
                obstacle = replace(obstacle, kinds=frozenset())
            names = [place.touchpoint for place in finding.places if place.touchpoint] + [finding.touchpoint or ""]
            score = 0.0
            for part, words_only in zip(parts, words_of_parts, strict=True):
                meaning = self.fits(words_only, obstacle, rarity)
                if not meaning:
                    continue
                touches_the_map = True
                fit = self.fits(part, obstacle, rarity)
                if code in finding.needs:
                    # A resource of a kind the obstacle needs (people for a queue) removes it on less said in common.
                    fit += 0.5
                if any(name and fold(name) in folded for name in names):
                    fit += 0.5
                score = max(score, fit)
            if score >= 1:
                by_meaning.append(finding)
            elif (
                finding.needs[:1] == [code]
                and finding.rule in ("named_obstacle", "customer_obstacle")
                and (not sure_kinds or finding.kind in sure_kinds)
            ):
                # By kind alone, a resource removes the obstacles it is the first remedy for (people for slow
                # replies, budget for a shipping fee), of the kind its words surely read as if they do, and only
                # obstacles the owner or the customers named: a figure (care rated "fair") needs the resource to
                # say what it is for.
                by_kind.append(finding)
        if by_meaning:
            return by_meaning
        # A need whose words meet the map only faintly ("new photos" where a price list is a photo) is about
        # something the map shows no obstacle for: nice to have, not a remedy by kind.
        return [] if touches_the_map else by_kind

    def finding_said(self, finding: Finding) -> _Said:
        theme = self._themes.get(finding.id)
        if theme is not None:
            return self.theme_said(theme)
        return _Said(terms=frozenset(), compounds=frozenset(), kinds=frozenset({(finding.kind, finding.subkind)}))

    def resources_needed(self) -> None:
        for resource in self.map.resources:
            code, label = resource.kind.code, resource.kind.label
            refs = self.answers.refs((Role.RESOURCE_HAVE, code), (Role.RESOURCE_NEED, code))
            if resource.need and not self.none(resource.need):
                linked = self.linked(code, resource.need)
                if linked:
                    severity = min((f.severity for f in linked), key=SEVERITY_ORDER.__getitem__)
                    removes = "; ".join(f"«{f.title}»" if self.locale == "vi" else f"“{f.title}”" for f in linked[:3])
                    message = self.say(
                        "resource_needed", kind=label, kind_lower=label.lower(), need=resource.need, removes=removes
                    )
                    next_step = self.say("resource_needed_next", kind=label.lower())
                else:
                    severity = "low"
                    message = self.say(
                        "resource_needed_unlinked", kind=label, kind_lower=label.lower(), need=resource.need
                    )
                    next_step = self.say("resource_needed_unlinked_next")
                gap = self.rule_finding(
                    "resource_needed",
                    code,
                    severity,
                    message,
                    [*refs, *(e.ref for f in linked for e in f.evidence[:1])],
                    category="resource_gap",
                    next_step=next_step,
                    where=code,
                )
                gap.unblocks[:] = [f.id for f in linked]
                gap.nice_to_have = not linked
                gap.title = shorten(resource.need, TITLE_WIDTH)
                for finding in linked:
                    finding.addressed_by.append(gap.id)
            elif (
                self.none(resource.have)
                and self.resolved(Role.RESOURCE_HAVE, code)
                and self.resolved(Role.RESOURCE_NEED, code)
            ):
                self.rule_finding(
                    "resource_needed_none",
                    code,
                    "low",
                    self.say("resource_needed_none", kind=label, kind_lower=label.lower()),
                    refs,
                    title=self.say("title.resource_needed_none", kind=label),
                    category="resource_gap",
                    next_step=self.say("resource_needed_none_next", kind=label.lower()),
                    where=code,
                )

    def resources_settled(self) -> bool:
        """Whether the owner has said what the business has and needs of every resource kind chosen (each answer
        given or skipped): until then, what it has or plans is not known, and no obstacle is without a remedy."""
        if not self.resolved(Role.RESOURCE_KINDS):
            return False
        return all(
            entry.status != "unanswered"
            for kind in self.map.resources
            for role in (Role.RESOURCE_HAVE, Role.RESOURCE_NEED)
            if (entry := self.answers.entry(role, kind.kind.code)) is not None
        )

    def unaddressed_obstacles(self) -> None:
        """An obstacle that nothing the business has or plans can remove is the real resource gap."""
        if not self.resources_settled():
            return
        had = {r.kind.code for r in self.map.resources if not self.none(r.have)}
        for finding in list(self.found.obstacles):
            if finding.severity == "low" or finding.addressed_by or not finding.needs or had & set(finding.needs):
                continue
            labels = ", ".join(self.resource_labels.get(code, code).lower() for code in finding.needs)
            gap = self.rule_finding(
                "unaddressed_obstacle",
                finding.needs[0],
                finding.severity,
                self.say("unaddressed_obstacle", text=finding.title),
                [*self.answers.refs((Role.RESOURCE_KINDS, "")), *(e.ref for e in finding.evidence[:1])],
                title=self.say("title.unaddressed_obstacle", text=finding.title),
                category="resource_gap",
                next_step=self.say("unaddressed_obstacle_next", need=labels),
                where=finding.id,
            )
            gap.unblocks.append(finding.id)
            finding.addressed_by.append(gap.id)

    def empty_layers(self) -> None:
        if not self.map.is_blueprint:
            return
        for stage in self.map.stages:
            if not stage.touchpoints or stage.blueprint is None:
                continue
            for role, kind in self.rules.blueprint_layers.items():
                layer = BLUEPRINT_LAYERS[role]
                if not self.none(getattr(stage.blueprint, layer, None)) or not self.resolved(role, stage.key):
                    continue
                layer_label = t(f"map.layer.{layer}", self.locale)
                self.rule_finding(
                    "empty_layer",
                    kind,
                    "medium",
                    self.say("empty_layer", layer=layer_label, stage=stage.name),
                    self.answers.refs((role, stage.key)),
                    title=self.say("title.empty_layer", layer=layer_label, stage=stage.name),
                    category="resource_gap",
                    next_step=self.say("empty_layer_next", layer=layer_label, stage=stage.name),
                    stage=stage,
                    where=f"{stage.key}-{layer}",
                )

    def data_basis(self) -> None:
        objective = self.map.goals.objective
        if objective is None or objective.code not in self.rules.measurable_objectives:
            return
        if self.respondents:
            # Imported survey responses are data from real customers: the map no longer rests on guesses alone.
            return
        # Every answer that could show the business has numbers (the channels it tracks come in step 5) is given or
        # skipped: a map is not told it has no data before the owner has been asked where the data comes from.
        if not self.resolved(Role.DATA_BASIS) or any(
            (entry := self.answers.entry(role)) is not None and entry.status == "unanswered"
            for role in self.rules.measurement_sources
        ):
            return
        named = {
            Role.DATA_BASIS: {c.code for c in self.map.goals.data_basis},
            Role.CHANNELS_TRACKED: {c.code for c in self.map.figures.channels_tracked},
        }
        if any(named.get(role, set()) & set(codes) for role, codes in self.rules.measurement_sources.items()):
            return
        self.rule_finding(
            "no_data_basis",
            "data",
            "high",
            self.say("no_data_basis", text=objective.label),
            self.answers.refs((Role.OBJECTIVE, ""), (Role.DATA_BASIS, ""), (Role.CHANNELS_TRACKED, "")),
            title=self.say("title.no_data_basis"),
            category="resource_gap",
            next_step=self.say("no_data_basis_next"),
        )

    def ownership(self) -> None:
        review = self.map.review
        if review.owner is None and self.resolved(Role.OWNER):
            self.rule_finding(
                "no_owner",
                "ownership",
                "medium",
                self.say("no_owner"),
                self.answers.refs((Role.OWNER, "")),
                category="resource_gap",
                next_step=self.say("no_owner_next"),
            )
        if review.cadence is None and self.resolved(Role.REVIEW_CADENCE):
            self.rule_finding(
                "no_review",
                "ownership",
                "medium",
                self.say("no_review"),
                self.answers.refs((Role.REVIEW_CADENCE, "")),
                category="resource_gap",
                next_step=self.say("no_review_next"),
            )

    # ----- moments and priorities ----------------------------------------------------------------------

    def moments(self) -> None:
        """The lowest stage and the steepest fall between consecutive stages: touchpoints inside one stage are
        parallel channels, so the curve runs from stage to stage."""
        scored = [stage for stage in self.map.stages if stage.emotion is not None]
        rule = self.rules.moments
        if not scored:
            return
        lowest = min(scored, key=lambda stage: stage.emotion.mean if stage.emotion else 5.0)
        assert lowest.emotion is not None
        if lowest.emotion.mean <= rule.lowest_at_most:
            mean = self.number(round(lowest.emotion.mean, 1))
            self.found.moments.append(
                Moment(
                    id=f"moment-lowest-{slug(lowest.key) if lowest.key else 'journey'}",
                    kind="lowest",
                    stage=lowest.name,
                    stage_key=lowest.key,
                    score=round(lowest.emotion.mean, 2),
                    message=self.say("moment_lowest", stage=lowest.name, score=mean),
                )
            )
        drops = [
            (before.emotion.mean - after.emotion.mean, before.emotion.mean, before, after)
            for before, after in pairwise(scored)
            if before.emotion is not None and after.emotion is not None
        ]
        if drops:
            drop, before_mean, before, after = max(drops, key=lambda entry: entry[0])
            if drop >= rule.drop_at_least and after.emotion is not None:
                self.found.moments.append(
                    Moment(
                        id=f"moment-drop-{slug(after.key) if after.key else 'journey'}",
                        kind="steepest_drop",
                        stage=after.name,
                        stage_key=after.key,
                        from_stage=before.name,
                        score=round(after.emotion.mean, 2),
                        drop=round(drop, 2),
                        message=self.say(
                            "moment_drop",
                            from_stage=before.name,
                            stage=after.name,
                            before=self.number(round(before_mean, 1)),
                            after=self.number(round(after.emotion.mean, 1)),
                        ),
                    )
                )

    def rank(self) -> None:
        order = self.stage_order

        def journey_position(finding: Finding) -> int:
            keys = [place.stage_key for place in finding.places if place.stage_key is not None]
            keys += [finding.stage_key] if finding.stage_key is not None else []
            return min((order.get(key, len(order)) for key in keys), default=len(order))

        self.found.obstacles.sort(
            key=lambda f: (-f.score, SEVERITY_ORDER[f.severity], -len(f.places), journey_position(f))
        )
        kind_order = {code: number for number, code in enumerate(self.resource_labels)}
        self.found.resource_gaps.sort(
            key=lambda f: (SEVERITY_ORDER[f.severity], f.nice_to_have, kind_order.get(f.kind, len(kind_order)))
        )
        self.found.priorities = [f.id for f in self.found.obstacles] + [f.id for f in self.found.resource_gaps]
        self.found.where_to_start = self.actions()

    def actions(self) -> list[Action]:
        """The first 3–5 actions: the most severe obstacles first, each with what removes it, what it needs and who
        owns it; the owner's own first change takes the place of the advice where it fits."""
        limits = self.rules.where_to_start
        urgent = [f for f in self.found.obstacles if f.severity != "low" and f.next_steps]
        rest = [f for f in self.found.obstacles if f.severity == "low" and f.next_steps]
        chosen = urgent[: limits.most]
        if len(chosen) < limits.least:
            chosen += rest[: limits.least - len(chosen)]
        gaps = {gap.id: gap for gap in self.found.resource_gaps}
        first_change = self.map.review.first_change
        fits = self._first_change_fit(chosen, first_change) if first_change and not self.none(first_change) else None
        actions = []
        used: set[str] = set()
        # The words the analysis wraps around the owner's own ideas, which two different ideas share.
        frame = frozenset().union(
            *(
                _words(self.say(key, touchpoint="", places="", text=""))
                for key in ("first_change", "owner_idea", "owner_idea_places")
            )
        )
        for finding in chosen:
            # What the owner plans that removes it, as the resource gaps say: never a kind of resource the owner has
            # not chosen ("budget" for a shipping fee, when the business named no budget).
            planned = [
                gaps[gid].title for gid in finding.addressed_by if gid in gaps and gaps[gid].rule == "resource_needed"
            ]
            needs = "; ".join(planned) or None
            is_first = fits is not None and fits == finding.id
            # One idea may answer several obstacles, and the owner may give the same idea twice (as the first change and
            # at a touchpoint, in other words): Where to start says it once and names the next step after it.
            steps = [step.text for step in finding.next_steps if not _said_before(step.text, used, frame)]
            steps = steps or [finding.next_steps[0].text]
            text = self.say("first_change", text=first_change) if is_first and first_change else steps[0]
            used.add(text)
            actions.append(
                Action(
                    finding_id=finding.id,
                    text=text,
                    removes=finding.title,
                    severity=finding.severity,
                    needs=needs,
                    owner=self.map.review.owner,
                    first_change=is_first,
                )
            )
        return actions

    def _first_change_fit(self, findings: list[Finding], first_change: str) -> str | None:
        """The finding the owner's first change is about: it shares meaning words with it or names its place."""
        change_terms = self.reader.terms(first_change)
        folded = fold(first_change)
        for finding in findings:
            names = [place.touchpoint for place in finding.places if place.touchpoint]
            if change_terms & self._terms(finding) or any(fold(name) in folded for name in names):
                return finding.id
        return None


def _effect_of(mention: Mention, owner_costs: frozenset[str], catch_all: str) -> Mention | None:
    """The mention of an owner's cost as the customer meets it (`customer_side`), or None."""
    read = customer_side(mention.read, owner_costs, catch_all)
    return replace(mention, read=read) if read is not None else None


@dataclass(frozen=True, slots=True)
class _Said:
    """What some words are about, as `_Finder.fits` compares them."""

    terms: frozenset[str]
    compounds: frozenset[str]
    kinds: frozenset[tuple[str, str | None]]


NAMES_LISTED = 6
"""The most names a finding's sentence lists one by one."""
_WORD = re.compile(r"\w+")
_NUMBER = attrgetter("number")
_PART = re.compile(r"[,;\n]|\s[+&]\s")


def _parts(text: str) -> list[str]:
    """An owner's idea or need cut where it lists several things: commas, semicolons, lines, "+" and "&"."""
    parts = [part.strip() for part in _PART.split(text)]
    return [part for part in parts if _WORD.search(part)] or [text]


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    # Where to start compares every action with those before it, so the same few texts are split again and again.
    return frozenset(_WORD.findall(fold(text)))


def _said_before(text: str, used: set[str], frame: frozenset[str]) -> bool:
    """Whether an action says what one of `used` says: the same words, the `frame` that quotes the owner aside, for
    at least seven in ten of them."""
    if text in used:
        return True
    words = _words(text) - frame
    for other in used:
        said = _words(other) - frame
        if words and said and len(words & said) >= 0.7 * len(words | said):
            return True
    return False


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


_NOBODY = Together((), ())
"""No customer said it: a map without a survey."""


@lru_cache(maxsize=1024)
def _customers_places(
    together: Together, locale: str, named: tuple[tuple[str | None, str | None, str | None], ...]
) -> tuple[Place, ...]:
    """Where customers named a theme, and how many, with each touchpoint's stage and name (`named`, in the order of
    `together.at`): the same few themes come back at every rebuild of the map (after each answer the owner gives), so
    their places are made once for as long as the names stay. Places are never changed once made."""
    return tuple(
        Place(
            source="customers",
            stage=stage,
            stage_key=stage_key,
            touchpoint=touchpoint,
            touchpoint_key=key,
            text=t("survey.map.place", locale, count=count),
            evidence=[],
        )
        for (key, count), (stage, stage_key, touchpoint) in zip(together.at, named, strict=True)
    )
