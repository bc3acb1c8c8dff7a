"""The analysis rules as data: thresholds, keyword lists and sentences, read from `questionnaires/rules/`.

The rules name the roles a bank's items play, never item ids, so the default rules serve any bank that declares
roles; a bank may ship its own rules file to tune them. `check_against` lists what a bank lacks for the rules.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.bank.index import walk
from assistant.bank.loader import bundled_banks_dir
from assistant.bank.model import Bank, LocalizedText, localize
from assistant.bank.roles import Role
from assistant.errors import JourneyError
from assistant.i18n import SUPPORTED_LOCALES, Locale
from assistant.text import fold

Severity = Literal["high", "medium", "low"]
SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _complete(text: LocalizedText, where: str) -> LocalizedText:
    missing = [locale for locale in SUPPORTED_LOCALES if not text.get(locale)]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    return text


class EmotionRule(_Strict):
    high_at_most: int
    medium_at_most: int
    without_score: Severity
    unexplained_at_most: int


class CountRule(_Strict):
    fewer_below: float = Field(gt=0)
    more_above: float = Field(gt=0)


class ThresholdRule(_Strict):
    medium_above: float
    high_above: float

    def severity(self, value: float) -> Severity | None:
        if value > self.high_above:
            return "high"
        if value > self.medium_above:
            return "medium"
        return None


class ObstacleKind(_Strict):
    code: str
    label: LocalizedText
    words: dict[Locale, list[str]]
    resources: list[str]
    next_step: LocalizedText


class AnalysisRules(_Strict):
    emotion: EmotionRule
    touchpoint_count: CountRule
    bounce_rate: ThresholdRule
    no_purchase_share: ThresholdRule
    care_quality: dict[str, Severity]
    step_five_obstacle_severity: Severity
    drop_off_severity: Severity
    measurable_objectives: list[str]
    measurement_sources: dict[Role, list[str]]
    website_channels: list[str]
    stage_words: dict[str, dict[Locale, list[str]]]
    obstacle_kinds: list[ObstacleKind] = Field(min_length=1)
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
            _complete(kind.next_step, f"obstacle_kinds.{kind.code}.next_step")
        for code, label in self.extra_kinds.items():
            _complete(label, f"extra_kinds.{code}")
        return self

    def message(self, key: str, locale: str, **params: object) -> str:
        return localize(self.messages[key], locale, "en").format(**params)

    def obstacle_kind(self, code: str) -> ObstacleKind:
        return next(kind for kind in self.obstacle_kinds if kind.code == code)

    def classify(self, text: str) -> str:
        """The first obstacle kind whose words appear in `text` (either language, accents ignored)."""
        folded = f" {fold(text)} "
        for kind in self.obstacle_kinds:
            for words in kind.words.values():
                if any(_mentions(folded, word) for word in words):
                    return kind.code
        return self.obstacle_kinds[-1].code

    def stage_matches(self, role: str, stage_name: str) -> bool:
        folded = f" {fold(stage_name)} "
        return any(_mentions(folded, word) for words in self.stage_words.get(role, {}).values() for word in words)

    def check_against(self, bank: Bank) -> list[str]:
        """Roles and option codes this file relies on that the bank does not declare: the analysis of such a bank
        would silently find nothing there."""
        options: dict[Role, set[str]] = {}
        for placement in walk(bank):
            if placement.item.role is not None:
                options.setdefault(placement.item.role, set()).update(o.code for o in placement.item.options)
        problems = [f"blueprint_layers: no item plays {role}" for role in self.blueprint_layers if role not in options]
        for role, codes in self.measurement_sources.items():
            problems += [
                f"measurement_sources.{role}: no option {code}"
                for code in codes
                if code not in options.get(role, set())
            ]
        for kind in self.obstacle_kinds:
            problems += [
                f"obstacle_kinds.{kind.code}: no resource kind {code}"
                for code in kind.resources
                if code not in options.get(Role.RESOURCE_KINDS, set())
            ]
        problems += [
            f"care_quality: no option {code}"
            for code in self.care_quality
            if code not in options.get(Role.CARE_QUALITY, set())
        ]
        problems += [
            f"measurable_objectives: no option {code}"
            for code in self.measurable_objectives
            if code not in options.get(Role.OBJECTIVE, set())
        ]
        known_kinds = {kind.code for kind in self.obstacle_kinds} | set(self.extra_kinds)
        problems += [
            f"rule_kinds.{rule}: unknown kind {kind}"
            for rule, kind in self.rule_kinds.items()
            if kind not in known_kinds
        ]
        return problems


def _mentions(folded_text: str, word: str) -> bool:
    """A word or phrase at a word start, so 'fee' finds 'fees' but 'ship' does not match inside 'relationship'."""
    needle = fold(word)
    start = folded_text.find(needle)
    while start != -1:
        if start == 0 or not folded_text[start - 1].isalnum():
            return True
        start = folded_text.find(needle, start + 1)
    return False


def rules_dir() -> Path:
    return bundled_banks_dir() / "rules"


DEFAULT_RULES = "default"


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
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
