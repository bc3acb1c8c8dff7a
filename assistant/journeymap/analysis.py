"""Findings: the obstacles that stop customers and the resources the business lacks, each with its evidence.

Every threshold, keyword and sentence comes from the bank's rules file; this module only decides which rule
applies where. A rule fires on what the user has answered or deliberately skipped, never on a question still
open, so a half-finished interview is not accused of gaps it simply has not reached.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.bank.model import localize
from assistant.bank.roles import BLUEPRINT_LAYERS, Role
from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.answers import RoleAnswers
from assistant.journeymap.model import Evidence, Finding, JourneyMap, NextStep, Stage, Touchpoint
from assistant.journeymap.rules import SEVERITY_ORDER, AnalysisRules, Severity


@dataclass(frozen=True, slots=True)
class Analysis:
    rules: AnalysisRules
    locale: str
    answers: RoleAnswers


@dataclass(slots=True)
class Found:
    obstacles: list[Finding] = field(default_factory=list)
    resource_gaps: list[Finding] = field(default_factory=list)


def analyse(journey: JourneyMap, analysis: Analysis) -> Found:
    finder = _Finder(journey, analysis)
    finder.obstacles()
    finder.resource_gaps()
    stage_order = {stage.name: number for number, stage in enumerate(journey.stages)}
    finder.found.obstacles.sort(
        key=lambda f: (SEVERITY_ORDER[f.severity], stage_order.get(f.stage or "", len(stage_order)))
    )
    kind_order = {code: number for number, code in enumerate(analysis.answers.option_labels(Role.RESOURCE_KINDS))}
    finder.found.resource_gaps.sort(key=lambda f: (SEVERITY_ORDER[f.severity], kind_order.get(f.kind, len(kind_order))))
    return finder.found


class _Finder:
    def __init__(self, journey: JourneyMap, analysis: Analysis) -> None:
        self.map = journey
        self.rules = analysis.rules
        self.locale = analysis.locale
        self.answers = analysis.answers
        self.resolved = analysis.answers.resolved
        self.resource_labels = analysis.answers.option_labels(Role.RESOURCE_KINDS)
        self.found = Found()

    # ----- helpers -------------------------------------------------------------------------------------

    def say(self, key: str, **params: object) -> str:
        return self.rules.message(key, self.locale, **params)

    def kind_label(self, code: str) -> str:
        extra = self.rules.extra_kinds.get(code)
        if extra is not None:
            return localize(extra, self.locale, "en")
        for kind in self.rules.obstacle_kinds:
            if kind.code == code:
                return localize(kind.label, self.locale, "en")
        return self.resource_labels.get(code, code)

    def evidence(self, refs: Iterable[str]) -> list[Evidence]:
        found = {e.ref: e for ref in refs if (e := self.answers.evidence(ref)) is not None}
        return sorted(found.values(), key=lambda evidence: evidence.number)

    def add(
        self,
        category: str,
        rule: str,
        kind: str,
        severity: Severity,
        message: str,
        next_step: str,
        refs: Iterable[str],
        stage: Stage | None = None,
        touchpoint: Touchpoint | None = None,
    ) -> None:
        found = self.found.obstacles if category == "obstacle" else self.found.resource_gaps
        finding = Finding(
            id=f"{category.replace('_', '-')}-{kind}-{sum(f.kind == kind for f in found) + 1}",
            rule=rule,
            category=category,
            kind=kind,
            kind_label=self.kind_label(kind),
            title=message,
            severity=severity,
            stage=stage.name if stage else None,
            touchpoint=touchpoint.name if touchpoint else None,
            stage_key=stage.key if stage else None,
            touchpoint_key=touchpoint.key if touchpoint else None,
            message=message,
            next_steps=[NextStep(text=next_step, source="advice")],
            evidence=self.evidence(refs),
        )
        found.append(finding)

    def obstacle(
        self, rule: str, kind: str, severity: Severity, message: str, refs: Iterable[str], **where: object
    ) -> None:
        next_key = f"{rule}_next"
        next_step = (
            self.say(next_key, **{k: getattr(v, "name", v) for k, v in where.items()})
            if next_key in self.rules.messages
            else localize(self.rules.obstacle_kind(kind).next_step, self.locale, "en")
        )
        self.add("obstacle", rule, kind, severity, message, next_step, refs, **where)  # type: ignore[arg-type]

    def gap(
        self,
        rule: str,
        kind: str,
        severity: Severity,
        message: str,
        next_step: str,
        refs: Iterable[str],
        **where: object,
    ) -> None:
        self.add("resource_gap", rule, kind, severity, message, next_step, refs, **where)  # type: ignore[arg-type]

    def number(self, value: float) -> str:
        return format_number(value, self.locale)

    def emotion_severity(self, score: int | None) -> Severity:
        rule = self.rules.emotion
        if score is None:
            return rule.without_score
        if score <= rule.high_at_most:
            return "high"
        if score <= rule.medium_at_most:
            return "medium"
        return "low"

    def stage_for(self, role: str) -> Stage | None:
        return next((stage for stage in self.map.stages if self.rules.stage_matches(role, stage.name)), None)

    def rule_kind(self, rule: str) -> str:
        return self.rules.rule_kinds.get(rule, self.rules.obstacle_kinds[-1].code)

    # ----- obstacles -----------------------------------------------------------------------------------

    def obstacles(self) -> None:
        self.touchpoint_obstacles()
        self.journey_obstacles()
        self.empty_stages()
        self.touchpoint_count()
        self.drop_off()
        self.bounce_rate()
        self.no_purchase()
        self.care_quality()

    def touchpoint_obstacles(self) -> None:
        for stage in self.map.stages:
            for tp in stage.touchpoints:
                if tp.obstacles:
                    kind = self.rules.classify(tp.obstacles)
                    self.obstacle(
                        "named_obstacle",
                        kind,
                        self.emotion_severity(tp.emotion_score),
                        self.say("named_obstacle", touchpoint=tp.name, text=tp.obstacles),
                        self.answers.refs((Role.TOUCHPOINT_OBSTACLES, tp.key), (Role.TOUCHPOINT_EMOTION, tp.key)),
                        stage=stage,
                        touchpoint=tp,
                    )
                elif (
                    tp.emotion_score is not None
                    and tp.emotion_score <= self.rules.emotion.unexplained_at_most
                    and self.resolved(Role.TOUCHPOINT_OBSTACLES, tp.key)
                ):
                    self.obstacle(
                        "unexplained_pain",
                        self.rule_kind("unexplained_pain"),
                        self.emotion_severity(tp.emotion_score),
                        self.say("unexplained_pain", touchpoint=tp.name, score=tp.emotion_score),
                        self.answers.refs((Role.TOUCHPOINT_EMOTION, tp.key), (Role.TOUCHPOINT_OBSTACLES, tp.key)),
                        stage=stage,
                        touchpoint=tp,
                    )

    def journey_obstacles(self) -> None:
        for text in self.map.figures.journey_obstacles:
            self.obstacle(
                "journey_obstacle",
                self.rules.classify(text),
                self.rules.step_five_obstacle_severity,
                self.say("journey_obstacle", text=text),
                self.answers.refs((Role.JOURNEY_OBSTACLES, "")),
            )

    def empty_stages(self) -> None:
        for stage in self.map.stages:
            if not stage.touchpoints and self.answers.touchpoints_settled(stage.key):
                self.obstacle(
                    "empty_stage",
                    self.rule_kind("empty_stage"),
                    "medium",
                    self.say("empty_stage", stage=stage.name),
                    self.answers.refs((Role.TOUCHPOINTS, stage.key)),
                    stage=stage,
                )

    def touchpoint_count(self) -> None:
        expected = self.map.figures.touchpoints_expected
        if not expected or not self.map.stages:
            return
        if not all(self.answers.touchpoints_settled(stage.key) for stage in self.map.stages):
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
                self.obstacle(
                    rule, self.rule_kind(rule), "medium", self.say(rule, expected=expected, count=count), refs
                )

    def drop_off(self) -> None:
        figures = self.map.figures
        if figures.drop_off_touchpoint is None:
            return
        stage = next((s for s in self.map.stages if s.name == figures.drop_off_stage), None)
        touchpoint = next((tp for tp in (stage.touchpoints if stage else []) if tp.key == figures.drop_off_key), None)
        reason = figures.drop_off_reason
        message = (
            self.say("drop_off_reason", touchpoint=figures.drop_off_touchpoint, text=reason)
            if reason
            else self.say("drop_off", touchpoint=figures.drop_off_touchpoint)
        )
        self.obstacle(
            "drop_off",
            self.rules.classify(reason) if reason else self.rules.obstacle_kinds[-1].code,
            self.rules.drop_off_severity,
            message,
            self.answers.refs((Role.DROP_OFF_TOUCHPOINT, ""), (Role.DROP_OFF_REASON, "")),
            stage=stage,
            touchpoint=touchpoint,
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
        self.obstacle(
            "bounce_rate",
            self.rule_kind("bounce_rate"),
            severity,
            self.say("bounce_rate", rate=self.number(rate), threshold=self.number(self.rules.bounce_rate.medium_above)),
            self.answers.refs((Role.BOUNCE_RATE, "")),
            stage=stage,
            touchpoint=touchpoint,
        )

    def no_purchase(self) -> None:
        share = self.map.figures.no_purchase_share
        severity = self.rules.no_purchase_share.severity(share / 100) if share is not None else None
        if share is None or severity is None:
            return
        self.obstacle(
            "no_purchase",
            self.rule_kind("no_purchase"),
            severity,
            self.say("no_purchase", share=self.number(share)),
            self.answers.refs((Role.DAILY_VISITORS, ""), (Role.DAILY_NON_BUYERS, "")),
            stage=self.stage_for("purchase"),
        )

    def care_quality(self) -> None:
        quality = self.map.figures.care_quality
        severity = self.rules.care_quality.get(quality.code) if quality else None
        if quality is None or severity is None:
            return
        self.obstacle(
            "care_quality",
            self.rule_kind("care_quality"),
            severity,
            self.say("care_quality", quality=quality.label),
            self.answers.refs((Role.CARE_QUALITY, "")),
            stage=self.stage_for("service"),
        )

    # ----- resource gaps -------------------------------------------------------------------------------

    def resource_gaps(self) -> None:
        self.resources_needed()
        self.unaddressed_obstacles()
        self.empty_layers()
        self.data_basis()
        self.ownership()

    def resources_needed(self) -> None:
        for resource in self.map.resources:
            code, label = resource.kind.code, resource.kind.label
            refs = self.answers.refs((Role.RESOURCE_HAVE, code), (Role.RESOURCE_NEED, code))
            if resource.need:
                self.gap(
                    "resource_needed",
                    code,
                    "medium" if resource.have else "high",
                    self.say("resource_needed", kind=label, kind_lower=label.lower(), need=resource.need),
                    self.say("resource_needed_next", kind=label.lower()),
                    refs,
                )
            elif not resource.have and all(
                self.resolved(role, code) for role in (Role.RESOURCE_HAVE, Role.RESOURCE_NEED)
            ):
                self.gap(
                    "resource_needed_none",
                    code,
                    "low",
                    self.say("resource_needed_none", kind=label),
                    self.say("resource_needed_none_next", kind=label.lower()),
                    refs,
                )

    def unaddressed_obstacles(self) -> None:
        if not self.resolved(Role.RESOURCE_KINDS):
            return
        covered = {r.kind.code for r in self.map.resources if r.have or r.need}
        for kind in self.rules.obstacle_kinds:
            if not kind.resources or covered & set(kind.resources):
                continue
            findings = [f for f in self.found.obstacles if f.kind == kind.code]
            if not findings:
                continue
            severity: Severity = "high" if any(f.severity == "high" for f in findings) else "medium"
            labels = ", ".join(self.resource_labels.get(code, code).lower() for code in kind.resources)
            self.gap(
                "unaddressed_obstacle",
                kind.resources[0],
                severity,
                self.say("unaddressed_obstacle", kind=localize(kind.label, self.locale, "en"), count=len(findings)),
                self.say("unaddressed_obstacle_next", need=labels),
                [*self.answers.refs((Role.RESOURCE_KINDS, "")), *(e.ref for f in findings for e in f.evidence[:1])],
            )

    def empty_layers(self) -> None:
        if not self.map.is_blueprint:
            return
        for stage in self.map.stages:
            if not stage.touchpoints or stage.blueprint is None:
                continue
            for role, kind in self.rules.blueprint_layers.items():
                layer = BLUEPRINT_LAYERS[role]
                if getattr(stage.blueprint, layer, None) or not self.resolved(role, stage.key):
                    continue
                layer_label = t(f"map.layer.{layer}", self.locale)
                self.gap(
                    "empty_layer",
                    kind,
                    "medium",
                    self.say("empty_layer", layer=layer_label, stage=stage.name),
                    self.say("empty_layer_next", layer=layer_label, stage=stage.name),
                    self.answers.refs((role, stage.key)),
                    stage=stage,
                )

    def data_basis(self) -> None:
        objective = self.map.goals.objective
        if objective is None or objective.code not in self.rules.measurable_objectives:
            return
        if not self.resolved(Role.DATA_BASIS):
            return
        named = {
            Role.DATA_BASIS: {c.code for c in self.map.goals.data_basis},
            Role.CHANNELS_TRACKED: {c.code for c in self.map.figures.channels_tracked},
        }
        if any(named.get(role, set()) & set(codes) for role, codes in self.rules.measurement_sources.items()):
            return
        self.gap(
            "no_data_basis",
            "data",
            "high",
            self.say("no_data_basis", text=objective.label),
            self.say("no_data_basis_next"),
            self.answers.refs((Role.OBJECTIVE, ""), (Role.DATA_BASIS, ""), (Role.CHANNELS_TRACKED, "")),
        )

    def ownership(self) -> None:
        review = self.map.review
        if review.owner is None and self.resolved(Role.OWNER):
            self.gap(
                "no_owner",
                "ownership",
                "medium",
                self.say("no_owner"),
                self.say("no_owner_next"),
                self.answers.refs((Role.OWNER, "")),
            )
        if review.cadence is None and self.resolved(Role.OWNER):
            self.gap(
                "no_review",
                "ownership",
                "medium",
                self.say("no_review"),
                self.say("no_review_next"),
                self.answers.refs((Role.REVIEW_CADENCE, "")),
            )
