"""The analysis rules as data: thresholds, keyword lists and sentences, read from `questionnaires/rules/`.

A rules file belongs to one bank. It is checked against that bank when loaded (every item id and option code it
names must exist), so a bank edit that breaks the analysis fails loudly instead of silently finding nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.bank.loader import bundled_banks_dir
from assistant.bank.model import Bank, LocalizedText, localize
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
    bank: str
    emotion: EmotionRule
    touchpoint_count: CountRule
    bounce_rate: ThresholdRule
    no_purchase_share: ThresholdRule
    care_quality: dict[str, Severity]
    step_five_obstacle_severity: Severity
    drop_off_severity: Severity
    measurable_objectives: list[str]
    measurement_sources: dict[str, list[str]]
    website_channels: list[str]
    stage_words: dict[str, dict[Locale, list[str]]]
    obstacle_kinds: list[ObstacleKind] = Field(min_length=1)
    messages: dict[str, LocalizedText]
    extra_kinds: dict[str, LocalizedText]
    rule_kinds: dict[str, str]
    blueprint_layers: dict[str, str]

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
        """Item ids and option codes this file names that the bank does not have."""
        options: dict[str, set[str]] = {}
        items: set[str] = set()

        def visit(entries: list, path: str) -> None:  # type: ignore[type-arg]
            for item in entries:
                items.add(item.id)
                options[item.id] = {option.code for option in item.options}
                visit(item.items, path)

        for step in bank.steps:
            visit(step.items, step.id)
        problems = [f"blueprint_layers: no item {item}" for item in self.blueprint_layers if item not in items]
        problems += [f"measurement_sources: no item {item}" for item in self.measurement_sources if item not in items]
        for item, codes in self.measurement_sources.items():
            problems += [
                f"measurement_sources.{item}: no option {code}"
                for code in codes
                if code not in options.get(item, set())
            ]
        resource_codes = options.get("resource_kinds", set())
        for kind in self.obstacle_kinds:
            problems += [
                f"obstacle_kinds.{kind.code}: no resource kind {code}"
                for code in kind.resources
                if code not in resource_codes
            ]
        problems += [
            f"care_quality: no option {code}"
            for code in self.care_quality
            if code not in options.get("care_quality", set())
        ]
        problems += [
            f"measurable_objectives: no option {code}"
            for code in self.measurable_objectives
            if code not in options.get("objective", set())
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


@cache
def rules_for(bank_id: str) -> AnalysisRules | None:
    """The rules of a bank, or None when the bank ships none (its map then carries no findings).

    They are not re-checked against each interview's bank snapshot: an older snapshot that lacks an item the
    rules name simply raises no finding from it. The test suite checks the shipped rules against the shipped bank.
    """
    path = rules_dir() / f"{bank_id}.yaml"
    if not path.is_file():
        return None
    from assistant.documents import read_document

    try:
        return AnalysisRules.model_validate(read_document(path).data)
    except ValidationError as error:
        raise JourneyError("map.rules_invalid", path=str(path), reason=_first_line(error)) from None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
