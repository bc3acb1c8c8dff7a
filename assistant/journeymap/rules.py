"""The analysis rules as data: thresholds, severity signals, advice and sentences, read from `questionnaires/rules/`.

The rules name the roles a bank's items play, never item ids, so the default rules serve any bank that declares
roles; a bank may ship its own rules file to tune them. `check_against` lists what a bank lacks for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.bank.index import walk
from assistant.bank.loader import bundled_banks_dir
from assistant.bank.model import Bank, LocalizedText, localize
from assistant.bank.roles import Role
from assistant.errors import JourneyError
from assistant.i18n import SUPPORTED_LOCALES, Locale, tidy
from assistant.text import fold

Severity = Literal["high", "medium", "low"]
SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2}
DEFAULT_RULES = "default"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _complete(text: LocalizedText, where: str) -> LocalizedText:
    missing = [locale for locale in SUPPORTED_LOCALES if not text.get(locale)]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    return text


class CustomerShare(_Strict):
    share_at_least: float = Field(gt=0, le=1)
    points: float


class SeverityRule(_Strict):
    high_at_least: float
    medium_at_least: float
    emotion_points: dict[int, float]
    places_points: dict[int, float]
    drop_off_points: float
    decision_stage_points: float
    decision_objectives: list[str]
    persona_points: float
    listed_points: float
    customers: list[CustomerShare]
    customers_theme_at_least: int = Field(default=2, ge=1)

    def level(self, score: float) -> Severity:
        if score >= self.high_at_least:
            return "high"
        if score >= self.medium_at_least:
            return "medium"
        return "low"

    def for_places(self, count: int) -> float:
        """The points of the highest threshold `count` reaches (2 places, 3 or more…)."""
        reached = [points for places, points in self.places_points.items() if count >= places]
        return max(reached, default=0.0)

    def for_emotion(self, score: int) -> float:
        return self.emotion_points.get(score, 0.0)

    def for_customers(self, share: float) -> float:
        reached = [rule.points for rule in self.customers if share >= rule.share_at_least]
        return max(reached, default=0.0)


class EmotionRule(_Strict):
    unexplained_at_most: int


class MomentRule(_Strict):
    lowest_at_most: float
    drop_at_least: float = Field(gt=0)


class CountRule(_Strict):
    fewer_below: float = Field(gt=0)
    more_above: float = Field(gt=0)
    customers_used_below: float = Field(gt=0, le=1)


class ThresholdRule(_Strict):
    medium_above: float
    high_above: float

    def severity(self, value: float) -> Severity | None:
        if value > self.high_above:
            return "high"
        if value > self.medium_above:
            return "medium"
        return None


class WhereToStart(_Strict):
    most: int = Field(ge=1)
    least: int = Field(ge=1)


class ObstacleKind(_Strict):
    code: str
    label: LocalizedText
    resources: list[str]


class Trade(_Strict):
    """A trade the analysis fits its advice to, known from the preset chosen or the owner's own words."""

    presets: list[str] = Field(default_factory=list)
    words: dict[Locale, list[str]] = Field(default_factory=dict)
    terms: list[str] = Field(default_factory=list)
    """The obstacle reader's concepts that, named in an obstacle itself, make this trade's advice fit it: an owner
    who writes of a shipping fee ships, whatever the business is otherwise."""


class TradeAdvice(_Strict):
    """Wordings for one trade, said before the wordings every trade gets."""

    default: list[LocalizedText] = Field(default_factory=list)
    subkinds: dict[str, list[LocalizedText]] = Field(default_factory=dict)


class AdviceSet(_Strict):
    """Wordings of the advice for one kind: by default, for a preset (a kind of business), for a sub-kind, and for a
    trade (a shop that ships, a place to stay…) where the advice every business gets would not fit it."""

    default: list[LocalizedText] = Field(min_length=1)
    presets: dict[str, list[LocalizedText]] = Field(default_factory=dict)
    subkinds: dict[str, list[LocalizedText]] = Field(default_factory=dict)
    trades: dict[str, TradeAdvice] = Field(default_factory=dict)

    def texts(self) -> list[tuple[str, LocalizedText]]:
        found = [("default", text) for text in self.default]
        found += [(f"presets.{key}", text) for key, texts in self.presets.items() for text in texts]
        found += [(f"subkinds.{key}", text) for key, texts in self.subkinds.items() for text in texts]
        for trade, advice in self.trades.items():
            found += [(f"trades.{trade}.default", text) for text in advice.default]
            found += [
                (f"trades.{trade}.subkinds.{key}", text) for key, texts in advice.subkinds.items() for text in texts
            ]
        return found

    def candidates(self, subkind: str | None, preset: str | None, trades: Iterable[str]) -> list[LocalizedText]:
        """The wordings that fit, most specific first: the sub-kind's for the business's trades, the sub-kind's, the
        trades' own, the preset's, then the kind's."""
        own = [self.trades[trade] for trade in trades if trade in self.trades]
        found: list[LocalizedText] = []
        if subkind:
            for advice in own:
                found += advice.subkinds.get(subkind, [])
            found += self.subkinds.get(subkind, [])
        for advice in own:
            found += advice.default
        if preset:
            found += self.presets.get(preset, [])
        return found + self.default


class AnalysisRules(_Strict):
    severity: SeverityRule
    emotion: EmotionRule
    moments: MomentRule
    touchpoint_count: CountRule
    bounce_rate: ThresholdRule
    no_purchase_share: ThresholdRule
    care_quality: dict[str, Severity]
    where_to_start: WhereToStart
    advice_repeats_at_most: int = Field(ge=1)
    need_kind_confidence: float = Field(ge=0, le=1)
    measurable_objectives: list[str]
    measurement_sources: dict[Role, list[str]]
    website_channels: list[str]
    stage_words: dict[str, dict[Locale, list[str]]]
    obstacle_kinds: list[ObstacleKind] = Field(min_length=1)
    subkind_labels: dict[str, LocalizedText]
    subkind_resources: dict[str, list[str]]
    owner_costs: list[str] = Field(default_factory=list)
    """Sub-kinds that name what the business pays (a platform's commission), not what stops a customer."""
    trades: dict[str, Trade] = Field(default_factory=dict)
    advice: dict[str, AdviceSet]
    citations: dict[str, LocalizedText]
    articles: dict[str, str]
    messages: dict[str, LocalizedText]
    extra_kinds: dict[str, LocalizedText]
    rule_kinds: dict[str, str]
    blueprint_layers: dict[Role, str]

    @model_validator(mode="after")
    def _every_text_in_every_language(self) -> AnalysisRules:
        for key, text in self.messages.items():
            _complete(text, f"messages.{key}")
        for kind in self.obstacle_kinds:
            _complete(kind.label, f"obstacle_kinds.{kind.code}.label")
            if kind.code not in self.advice:
                raise ValueError(f"advice: no advice for the kind {kind.code}")
        for code, advice in self.advice.items():
            for where, text in advice.texts():
                _complete(text, f"advice.{code}.{where}")
            unknown = [trade for trade in advice.trades if trade not in self.trades]
            if unknown:
                raise ValueError(f"advice.{code}.trades: no trade {', '.join(unknown)}")
        for code, label in self.extra_kinds.items():
            _complete(label, f"extra_kinds.{code}")
        for code, label in self.subkind_labels.items():
            _complete(label, f"subkind_labels.{code}")
        for name, text in self.citations.items():
            _complete(text, f"citations.{name}")
        for rule, name in self.articles.items():
            if name not in self.citations:
                raise ValueError(f"articles.{rule}: no citation {name}")
        return self

    def message(self, key: str, locale: str, **params: object) -> str:
        template = localize(self.messages[key], locale, "en")
        return template.format(**tidy(template, params))

    def obstacle_kind(self, code: str) -> ObstacleKind:
        return next((kind for kind in self.obstacle_kinds if kind.code == code), self.obstacle_kinds[-1])

    def article(self, rule: str, locale: str) -> str | None:
        name = self.articles.get(rule)
        return localize(self.citations[name], locale, "en") if name is not None else None

    def trades_named(self, terms: frozenset[str]) -> tuple[str, ...]:
        """The trades an obstacle's own meaning words name ("phí ship" is about goods sent)."""
        return tuple(code for code, trade in self.trades.items() if terms.intersection(trade.terms))

    def trades_of(self, preset: str | None, texts: Iterable[str | None]) -> tuple[str, ...]:
        """The trades of a business, in the rules' order: those of its preset and those its own words name (whole
        words, accents and case ignored): "12 rooms in an old house" is a place to stay whatever the preset."""
        folded = fold(" ".join(text for text in texts if text))
        return tuple(
            code
            for code, trade in self.trades.items()
            if (preset is not None and preset in trade.presets)
            or _stage_matches(self._trade_patterns.get(code), folded)
        )

    @cached_property
    def _trade_patterns(self) -> dict[str, re.Pattern[str] | None]:
        patterns: dict[str, re.Pattern[str] | None] = {}
        for code, trade in self.trades.items():
            words = [fold(word) for words in trade.words.values() for word in words]
            patterns[code] = _phrases_pattern(tuple(words)) if words else None
        return patterns

    def resources_for(self, kind: str, subkind: str | None) -> list[str]:
        if subkind is not None and subkind in self.subkind_resources:
            return self.subkind_resources[subkind]
        return self.obstacle_kind(kind).resources

    def stage_matches(self, role: str, stage_name: str) -> bool:
        """Whether a stage's name holds one of the role's words as a whole word (accents and case ignored)."""
        return _stage_matches(self._stage_patterns.get(role), fold(stage_name))

    @cached_property
    def _stage_patterns(self) -> dict[str, re.Pattern[str] | None]:
        """One pattern per role, folded once: the analysis asks for every mention of every theme."""
        patterns: dict[str, re.Pattern[str] | None] = {}
        for role, by_locale in self.stage_words.items():
            words = [fold(word) for words in by_locale.values() for word in words]
            patterns[role] = _phrases_pattern(tuple(words)) if words else None
        return patterns

    def check_against(self, bank: Bank) -> list[str]:
        """Roles and option codes these rules rely on that the bank does not declare: the analysis of such a bank
        would silently find nothing there."""
        options: dict[Role, set[str]] = {}
        for placement in walk(bank):
            if placement.item.role is not None:
                options.setdefault(placement.item.role, set()).update(o.code for o in placement.item.options)

        def missing(where: str, role: Role, codes: Iterable[str]) -> list[str]:
            if role not in options:
                return [f"{where}: no item plays {role}"]
            return [f"{where}: no option {code} on the {role} item" for code in codes if code not in options[role]]

        problems = [f"blueprint_layers: no item plays {role}" for role in self.blueprint_layers if role not in options]
        for role, codes in self.measurement_sources.items():
            problems += missing(f"measurement_sources.{role}", role, codes)
        resources = sorted(
            {code for kind in self.obstacle_kinds for code in kind.resources}
            | {code for codes in self.subkind_resources.values() for code in codes}
            | set(self.blueprint_layers.values())
        )
        problems += missing("resources", Role.RESOURCE_KINDS, resources)
        problems += missing("care_quality", Role.CARE_QUALITY, self.care_quality)
        objectives = sorted(set(self.measurable_objectives) | set(self.severity.decision_objectives))
        problems += missing("objectives", Role.OBJECTIVE, objectives)
        known_kinds = {kind.code for kind in self.obstacle_kinds} | set(self.extra_kinds)
        problems += [
            f"rule_kinds.{rule}: unknown kind {kind}"
            for rule, kind in self.rule_kinds.items()
            if kind not in known_kinds
        ]
        presets = {preset.code for preset in bank.presets}
        problems += [
            f"advice.{code}.presets: no preset {preset}"
            for code, advice in self.advice.items()
            for preset in advice.presets
            if preset not in presets
        ]
        problems += [
            f"trades.{code}.presets: no preset {preset}"
            for code, trade in self.trades.items()
            for preset in trade.presets
            if preset not in presets
        ]
        return problems


@cache
def _phrases_pattern(folded_phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Phrases as whole words: 'mua' is in 'mua hang' but not in 'muaban'; 'order' is not in 'border'."""
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(folded_phrases, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


@cache
def _stage_matches(pattern: re.Pattern[str] | None, folded_name: str) -> bool:
    return pattern is not None and pattern.search(folded_name) is not None


def rules_dir() -> Path:
    return bundled_banks_dir() / "rules"


@cache
def rules_for(bank_id: str) -> AnalysisRules:
    """The analysis rules for a bank: its own `rules/<bank id>.yaml` when it ships one, else the default rules,
    which read roles only and so serve every bank that declares them.

    They are not re-checked against each interview's bank snapshot: an older snapshot that lacks a role the
    rules read simply raises no finding from it. The test suite checks the shipped rules against the shipped bank.
    """
    own = rules_dir() / f"{bank_id}.yaml"
    path = own if own.is_file() else rules_dir() / f"{DEFAULT_RULES}.yaml"
    from assistant.documents import read_document

    try:
        return AnalysisRules.model_validate(read_document(path).data)
    except ValidationError as error:
        raise JourneyError("map.rules_invalid", path=str(path), reason=_first_line(error)) from None


def _first_line(error: Exception) -> str:
    if isinstance(error, ValidationError) and error.errors():
        detail = error.errors()[0]
        return f"{'.'.join(str(part) for part in detail['loc'])}: {detail['msg']}"
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
