"""The question-bank format: the pydantic models a bank file (YAML or JSON) is validated against.

Field descriptions double as the documentation of the format: `journey banks schema` publishes them as a
JSON Schema, so a bank author's editor can complete and check a bank file.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Annotated, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from assistant.bank.roles import Role
from assistant.i18n import Locale

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
OptionCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]

LocalizedText = dict[Locale, str]
"""Text in each language, e.g. `{vi: "Mục tiêu", en: "Goal"}`. An empty string counts as missing."""

ConditionValue = bool | int | float | str | None


class ItemType(StrEnum):
    INFO = "info"
    TEXT = "text"
    LONG_TEXT = "long_text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"
    BOOLEAN = "boolean"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    OPEN_CHOICE = "open_choice"
    LIST = "list"
    SCALE = "scale"
    GROUP = "group"


TEXT_TYPES = frozenset({ItemType.TEXT, ItemType.LONG_TEXT})
NUMERIC_TYPES = frozenset({ItemType.INTEGER, ItemType.DECIMAL, ItemType.PERCENT, ItemType.SCALE})
CHOICE_TYPES = frozenset({ItemType.SINGLE_CHOICE, ItemType.MULTI_CHOICE, ItemType.OPEN_CHOICE})


class Operator(StrEnum):
    EXISTS = "exists"
    EQ = "="
    NE = "!="
    GT = ">"
    LT = "<"
    GE = ">="
    LE = "<="
    CONTAINS = "contains"


class DefaultSource(StrEnum):
    """Where a question's suggested answer comes from: the preset the user picked at the start."""

    PRESET_STAGES = "preset.stages"
    PRESET_TOUCHPOINTS = "preset.touchpoints"
    PRESET_MAP_TYPE = "preset.map_type"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    code: OptionCode = Field(description="Stable code stored as the answer; never change it once shipped.")
    label: LocalizedText = Field(description="What the user reads and may type.")
    help: LocalizedText | None = Field(default=None, description="A sentence explaining this option.")


class ScalePoint(_Strict):
    value: int = Field(description="The number stored as the answer.")
    label: LocalizedText = Field(description="What this point means, e.g. 'Frustrated'.")


class Condition(_Strict):
    item: Identifier = Field(description="The id of the item whose answer is tested.")
    op: Operator = Field(description="exists, =, !=, >, <, >=, <= or contains.")
    value: ConditionValue = Field(
        default=None,
        description="Compared with the answer (an option code for choices). For `exists`: true or false.",
    )


class Item(_Strict):
    id: Identifier = Field(description="Unique across the whole bank; answers refer to items by this id.")
    type: ItemType
    role: Role | None = Field(
        default=None,
        description="The part this item's answer plays in the journey map (persona name, stage list, a touchpoint's "
        "emotion, an obstacle, a resource needed…). The map reads answers by role only, so any bank that declares "
        "the roles gets a complete map with findings.",
    )
    text: LocalizedText = Field(
        default_factory=dict,
        description="The question, the message of an info item, or the heading of a group instance (optional "
        "for groups only). "
        "May pipe in `{SOURCE.label}` (the repeat instance's label) and `{answer:ITEM}` (an earlier answer).",
    )
    required: bool = False
    min: float | None = Field(
        default=None,
        description="Least value (numbers), entries (list), selections (multi_choice) or instances (repeat).",
    )
    max: float | None = Field(default=None, description="Greatest value, entries, selections or instances.")
    max_length: int | None = Field(default=None, ge=1, description="Most characters in a text answer or entry.")
    help: LocalizedText | None = Field(default=None, description="Why this is asked: the article's reason.")
    examples: dict[Locale, list[str]] | None = Field(default=None, description="Example answers per language.")
    probe: LocalizedText | None = Field(
        default=None, description="Follow-up asked once when a text answer is too short or vague."
    )
    options: list[Option] = Field(default_factory=list, description="For single, multi and open choices.")
    options_from: Identifier | None = Field(
        default=None,
        description="Draw the options from an earlier list item's entries (across all its instances).",
    )
    points: list[ScalePoint] = Field(default_factory=list, description="For scale items, in ascending order.")
    default_from: DefaultSource | None = Field(
        default=None, description="Offer a suggested answer from the chosen preset."
    )
    enable_when: list[Condition] = Field(default_factory=list)
    enable_behavior: Literal["all", "any"] = "all"
    items: list[Item] = Field(default_factory=list, description="The items of a group.")
    repeat_for: Identifier | None = Field(
        default=None,
        description="Repeat this group once per entry of a list item or per selected option of a multi_choice item.",
    )
    repeat: bool = Field(
        default=False,
        description="Repeat this group as many times as the user adds (between min and max instances).",
    )
    add_prompt: LocalizedText | None = Field(
        default=None, description="For `repeat: true` groups: the question asking whether to add another."
    )


class PresetStage(_Strict):
    code: OptionCode
    label: LocalizedText
    touchpoints: list[LocalizedText] = Field(default_factory=list, description="Typical touchpoints.")


class Preset(_Strict):
    code: OptionCode
    label: LocalizedText
    description: LocalizedText
    map_type: OptionCode | None = Field(default=None, description="The map type this example suggests.")
    stages: list[PresetStage] = Field(min_length=1)


class Step(_Strict):
    id: Identifier
    title: LocalizedText
    intro: LocalizedText = Field(description="Why this step matters, said when the step begins.")
    items: list[Item] = Field(min_length=1)


class Bank(_Strict):
    id: OptionCode = Field(description="The bank's id, e.g. customer-journey.")
    version: str = Field(min_length=1)
    default_locale: Locale
    locales: list[Locale] = Field(min_length=1)
    title: LocalizedText
    description: LocalizedText
    vague_answers: dict[Locale, list[str]] = Field(
        default_factory=dict,
        description="Answers that say nothing ('không biết', 'idk'); they trigger an item's probe.",
    )
    title_item: Identifier | None = Field(
        default=None,
        description="A top-level text question whose answer names an interview the user did not title.",
    )
    probe_min_words: int = Field(
        default=3, ge=1, description="A long-text answer with fewer words than this triggers the probe."
    )
    presets: list[Preset] = Field(default_factory=list)
    steps: list[Step] = Field(min_length=1)

    def canonical_json(self) -> str:
        return self.model_dump_json(exclude_defaults=False)

    def content_hash(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    def preset(self, code: str | None) -> Preset | None:
        return next((p for p in self.presets if p.code == code), None)


def localize(text: LocalizedText | None, locale: str, default_locale: str) -> str:
    """The text in `locale`, falling back to the default locale; an empty string counts as missing."""
    if not text:
        return ""
    for candidate in (locale, default_locale):
        value = text.get(cast("Locale", candidate))  # read in place: a copy per call was a tenth of every map
        if value:
            return value
    return next((value for value in text.values() if value), "")
