"""The question-bank format: the pydantic models a bank file (YAML or JSON) is validated against.

Field descriptions double as the documentation of the format: `journey banks schema` publishes them as a
JSON Schema, so a bank author's editor can complete and check a bank file.
"""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum
from typing import Annotated, Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, StringConstraints, model_serializer

from assistant.bank.roles import Role
from assistant.i18n import Locale

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
OptionCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]

LocalizedText = dict[Locale, str]
"""Text in each language, e.g. `{vi: "Mục tiêu", en: "Goal"}`. An empty string counts as missing."""

ConditionValue = bool | int | float | str | None
SHORT_TITLE_MAX = 14


# The pipe that puts the owner's answer to another question into a text: `{answer:ITEM}`.
ANSWER_PIPE = re.compile(r"\{answer:([a-z][a-z0-9_]*)\}")


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
    CONTAINS_THIS = "contains_this"


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


# ----- the customer survey ---------------------------------------------------------------------------------
# What a bank says to customers rather than to the owner: `journey survey` turns the map into a questionnaire with
# these words, and `journey respondents import` reads the answers back with the same parsers as the interview.

PersonaField = Literal["age", "gender", "income", "location", "occupation"]


class SurveyWording(_Strict):
    """An item's question as it is put to customers in the survey. Without `type`, the customer answers in the same
    shape as the owner (the item's type, options and points); with it, in its own shape."""

    text: LocalizedText = Field(
        description="The question worded to the customer, e.g. “Had you heard of {business} before?”. "
        "May pipe in `{business}`, the business's name from the interview, and `{answer:ITEM}`, the owner's answer "
        "to a question outside any repeated group."
    )
    text_when_missing: LocalizedText | None = Field(
        default=None,
        description="The question when an answer it pipes in was not given (a business without a main online "
        "channel is asked about its website).",
    )
    help: LocalizedText | None = Field(default=None, description="A hint printed under the question.")
    type: ItemType | None = Field(
        default=None,
        description="The customer's answer type when it differs from the owner's (the owner's “most / some / few” "
        "becomes the customer's yes / no). Any answerable type but `list`.",
    )
    options: list[Option] = Field(
        default_factory=list, description="The customer's options, when they differ from the item's (choice types)."
    )
    points: list[ScalePoint] = Field(
        default_factory=list, description="The customer's scale points, when they differ from the item's."
    )
    max_length: int | None = Field(default=None, ge=1, description="Most characters in a text answer.")
    obstacles: bool = Field(
        default=False,
        description="Whether customers' answers name what held them back (what to improve, what went wrong): they "
        "are read into the map's obstacle themes, for the journey as a whole.",
    )


class SurveyPrompt(_Strict):
    text: LocalizedText = Field(
        description="The question. Per-touchpoint questions pipe in `{touchpoint}` and `{stage}`; every survey text "
        "may pipe in `{business}`."
    )
    help: LocalizedText | None = Field(default=None, description="A hint printed under the question.")
    heading: LocalizedText | None = Field(
        default=None,
        description="A column heading for the printed questionnaire, which asks the three questions of every "
        "touchpoint as one grid (e.g. “Used it?”).",
    )


class SurveyTouchpointQuestions(_Strict):
    """The three questions asked about every touchpoint on the map. The feeling is asked on the scale of the item
    playing `touchpoint.emotion` (its points and labels), so customers and owner answer on one scale."""

    used: SurveyPrompt = Field(description="Whether the customer used the touchpoint (yes / no).")
    feeling: SurveyPrompt = Field(description="How it felt there, on the map's emotion scale.")
    stopped: SurveyPrompt = Field(description="What almost stopped them there (free text).")


class SurveyProfileQuestion(_Strict):
    id: Identifier = Field(description="Unique among the profile questions; its answers' column is `p.<id>`.")
    type: ItemType = Field(description="Any answerable type but `list`.")
    text: LocalizedText
    help: LocalizedText | None = None
    options: list[Option] = Field(default_factory=list, description="For choice types.")
    points: list[ScalePoint] = Field(default_factory=list, description="For scales.")
    max_length: int | None = Field(default=None, ge=1)
    persona: PersonaField | None = Field(
        default=None,
        description="The persona field these answers inform: the persona card shows the respondents' answers beside "
        "the owner's. For a choice, use the option codes of the item playing that persona role.",
    )


class SurveyConsent(_Strict):
    text: LocalizedText = Field(description="What the respondent agrees to; may pipe in `{business}`.")
    label: LocalizedText = Field(description="The box they tick, e.g. “I agree”.")


class SurveySection(_Strict):
    """The bank's survey: its title and introduction, the questions per touchpoint, the optional profile questions
    and the consent line. The bank's items with a `survey` wording come first, in the bank's order."""

    title: LocalizedText = Field(description="The survey's title; may pipe in `{business}`.")
    intro: LocalizedText = Field(description="Said before the first question; may pipe in `{business}`.")
    touchpoints: SurveyTouchpointQuestions
    profile: list[SurveyProfileQuestion] = Field(
        default_factory=list, description="Optional questions about the respondent (age range, location…)."
    )
    consent: SurveyConsent
    thanks: LocalizedText = Field(description="Said after the last question.")
    nothing: dict[Locale, list[str]] = Field(
        default_factory=dict,
        description="Answers to “what almost stopped you?” that mean nothing did (“không có”, “none”): not obstacles.",
    )


class Condition(_Strict):
    item: Identifier = Field(description="The id of the item whose answer is tested.")
    op: Operator = Field(
        description="exists, =, !=, >, <, >=, <=, contains, or contains_this. `exists` counts a text answer that "
        "is one of the bank's vague answers (“không có”, “none”) as not given. `contains_this` takes no value: "
        "it holds when a choice drawn with `options_from` from a list includes the entry that the repeat instance "
        "the question sits in was made for (the touchpoints a user picked, tested at each touchpoint)."
    )
    value: ConditionValue = Field(
        default=None,
        description="Compared with the answer (an option code for choices). For `exists`: true or false.",
    )


class Suggestion(_Strict):
    value: OptionCode = Field(description="The code of the option suggested.")
    when: list[Condition] = Field(
        default_factory=list,
        description="Conditions on earlier answers, all of which must hold for this suggestion; none: it always "
        "holds. An unanswered question makes every comparison false, as in `enable_when`.",
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
    text_when_missing: LocalizedText | None = Field(
        default=None,
        description="The question as asked while an answer it pipes in (`{answer:ITEM}`) is not given yet, e.g. "
        "“What will you use this map for?” instead of “What will you use the “” map for?”.",
    )
    label: LocalizedText | None = Field(
        default=None,
        description="A short name for the answer where the map shows it as a field (“Map purpose”); the map "
        "uses the question itself when there is none.",
    )
    required: bool = False
    min: float | None = Field(
        default=None,
        description="Least value (numbers), entries (list), selections (multi_choice) or instances (repeat).",
    )
    max: float | None = Field(default=None, description="Greatest value, entries, selections or instances.")
    max_length: int | None = Field(default=None, ge=1, description="Most characters in a text answer or entry.")
    at_most_answer: Identifier | None = Field(
        default=None,
        description="A number that may not exceed an earlier numeric answer (those who look without buying are "
        "at most those who look); the answer that would contradict it is refused with a sentence naming both.",
    )
    total_at_most: float | None = Field(
        default=None,
        description="For a number repeated in a group: the most its instances may add up to (shares to 100 %).",
    )
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
    suggest: list[Suggestion] = Field(
        default_factory=list,
        description="For a single_choice: the answer suggested by earlier answers, as rules tried in order; the "
        "first whose conditions hold gives the option offered, e.g. the quick depth when more than 8 touchpoints "
        "are expected, otherwise the full one. Not together with `default_from`.",
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
    survey: SurveyWording | None = Field(
        default=None,
        description="The question as customers are asked it in the survey (`journey survey`); items without it are "
        "not in the survey.",
    )

    @model_serializer(mode="wrap")
    def _without_absent_survey(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _drop_absent_survey(self.survey, handler(self))


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
    short_title: LocalizedText | None = Field(
        default=None,
        description=f"The title in a word or two (at most {SHORT_TITLE_MAX} characters), where a screen is too "
        "narrow for the whole one, e.g. the list of steps beside the conversation.",
    )
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
    survey: SurveySection | None = Field(
        default=None,
        description="The customer survey's own texts. A bank without it still gets a survey of its touchpoints, in "
        "journey's default words.",
    )

    @model_serializer(mode="wrap")
    def _without_absent_survey(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _drop_absent_survey(self.survey, handler(self))

    def canonical_json(self) -> str:
        return self.model_dump_json(exclude_defaults=False)

    def content_hash(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    def preset(self, code: str | None) -> Preset | None:
        return next((p for p in self.presets if p.code == code), None)


def _drop_absent_survey(survey: object, data: dict[str, Any]) -> dict[str, Any]:
    """A bank or item without survey texts dumps exactly as before the survey existed, so its content hash (and the
    hash every saved interview and exported file pinned) does not change."""
    if survey is None:
        data.pop("survey", None)
    return data


def localize(text: LocalizedText | None, locale: str, default_locale: str) -> str:
    """The text in `locale`, falling back to the default locale; an empty string counts as missing."""
    if not text:
        return ""
    for candidate in (locale, default_locale):
        value = text.get(cast("Locale", candidate))  # read in place: a copy per call was a tenth of every map
        if value:
            return value
    return next((value for value in text.values() if value), "")
