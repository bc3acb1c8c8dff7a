"""The survey a map becomes: the bank's questions worded to customers, then three questions per touchpoint on the
map, the optional profile questions and the consent line, each answer with a stable column id.

Column ids are what a spreadsheet of responses is matched by, so they are derived from what does not move when the
map grows: `q.<item id>` for a bank question, `tp.<touchpoint key>.used|feeling|stopped` for a touchpoint (its key is
the stage's and its own name's, so it keeps its id when other touchpoints are added), `p.<id>` for a profile
question and `consent`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.bank.index import walk
from assistant.bank.model import (
    ANSWER_PIPE,
    CHOICE_TYPES,
    Bank,
    Item,
    ItemType,
    LocalizedText,
    Option,
    ScalePoint,
    SurveySection,
    SurveyWording,
    localize,
)
from assistant.bank.roles import Role
from assistant.errors import JourneyError
from assistant.i18n import SUPPORTED_LOCALES, t
from assistant.interview.models import ReviewEntry
from assistant.journeymap.model import JourneyMap

ColumnKind = Literal["question", "used", "feeling", "stopped", "profile", "consent"]
TOUCHPOINT_KINDS: tuple[ColumnKind, ...] = ("used", "feeling", "stopped")
DEFAULT_TEXT_LENGTH = 2_000


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SurveyOption(_Model):
    code: str
    label: str = Field(description="In the survey's language.")
    labels: tuple[str, ...] = Field(description="The label in every language, for reading answers back.")


class SurveyColumn(_Model):
    """One question of the survey, and the column its answers fill in a spreadsheet of responses."""

    id: str = Field(description="Stable for the map: q.<item>, tp.<touchpoint key>.<used|feeling|stopped>, p.<id>.")
    kind: ColumnKind
    text: str = Field(description="The question in the survey's language.")
    texts: dict[str, str] = Field(description="The question in every language, for matching a spreadsheet's header.")
    help: str | None = None
    heading: str | None = Field(default=None, description="The grid heading of a touchpoint question.")
    type: ItemType
    options: list[SurveyOption] = Field(default_factory=list)
    points: list[SurveyOption] = Field(default_factory=list, description="A scale's points; the code is the value.")
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    item_id: str | None = Field(default=None, description="The bank item a `question` column rewords.")
    obstacles: bool = Field(default=False, description="Whether its answers name obstacles (stopped, improvements).")
    role: str | None = None
    persona: str | None = Field(default=None, description="The persona field a profile question informs.")
    stage: str | None = None
    stage_key: str | None = None
    touchpoint: str | None = None
    touchpoint_key: str | None = None

    def as_item(self) -> Item:
        """The column as a bank item, so its answers go through the interview's own parsers."""
        return Item.model_validate(
            {
                "id": "survey_answer",
                "type": self.type,
                "text": {"en": self.text},
                "options": [{"code": o.code, "label": {"en": o.labels[0]}} for o in self.options],
                "points": [{"value": int(p.code), "label": {"en": p.labels[0]}} for p in self.points],
                "max_length": self.max_length,
                "min": self.min,
                "max": self.max,
            }
        )


class SurveyTouchpoint(_Model):
    key: str
    name: str
    label: str = Field(description="The name as the survey shows it: with its stage when another stage has one alike.")


class SurveyStage(_Model):
    key: str
    name: str
    touchpoints: list[SurveyTouchpoint]


class Survey(_Model):
    locale: str
    business: str
    title: str
    intro: str
    thanks: str
    consent_text: str
    consent_label: str
    columns: list[SurveyColumn]
    stages: list[SurveyStage]
    scale: list[SurveyOption] = Field(description="The feeling scale: the map's emotion points.")
    own_words: bool = Field(description="Whether the bank has survey texts of its own (else journey's defaults).")
    nothing: tuple[str, ...] = Field(
        default=(), description="Answers to “what almost stopped you?” meaning nothing did, in every language."
    )

    def column(self, column_id: str) -> SurveyColumn | None:
        return next((column for column in self.columns if column.id == column_id), None)

    def section(self, kind: ColumnKind) -> list[SurveyColumn]:
        return [column for column in self.columns if column.kind == kind]


def touchpoint_column(touchpoint_key: str, kind: ColumnKind) -> str:
    return f"tp.{touchpoint_key}.{kind}"


def design_survey(
    bank: Bank,
    journey: JourneyMap,
    applicable: Iterable[str],
    locale: str | None = None,
    *,
    answers: Mapping[str, str] | None = None,
) -> Survey:
    """The survey of `journey` (the map of an interview on `bank`) in `locale`, asking the bank's worded questions
    among `applicable` (the ids of the questions that apply to this interview); `answers` (item id → the owner's
    answer as shown) fill the `{answer:ITEM}` pipes of the wordings.

    The same map gives the same survey: it is remembered by what it depends on (the bank, the stages and
    touchpoints, the questions that apply, the business's name), since the map is rebuilt after every answer."""
    chosen = locale or journey.locale
    questions = frozenset(applicable)
    # Only the answers a wording pipes in shape the survey: the rest may change without designing it again.
    wanted = _piped_items(bank)
    piped = {item: text for item, text in (answers or {}).items() if item in wanted}
    key = (
        chosen,
        journey.goals.business or journey.title,
        questions,
        tuple(sorted(piped.items())),
        tuple((s.key, s.name, tuple((tp.key, tp.name) for tp in s.touchpoints)) for s in journey.stages),
    )
    known = _designed.get(key)
    if known is not None and known[0] is bank:
        return known[1]
    survey = _Designer(bank, journey, set(questions), chosen, piped).survey()
    if len(_designed) >= DESIGNS_KEPT:
        _designed.clear()
    _designed[key] = (bank, survey)
    return survey


def piped_answers(entries: Iterable[ReviewEntry]) -> dict[str, str]:
    """The owner's answers a survey wording may pipe in: those outside any repeated group, as shown."""
    return {entry.item_id: entry.display for entry in entries if entry.status == "answered" and not entry.instance_key}


def _piped_items(bank: Bank) -> frozenset[str]:
    """The items whose answers the bank's survey wordings pipe in, worked out once per bank."""
    known = _piped_by_bank.get(id(bank))
    if known is not None and known[0] is bank:
        return known[1]
    _, wordings = survey_texts(bank)
    items = frozenset(
        match.group(1)
        for wording in wordings.values()
        for text in wording.text.values()
        for match in ANSWER_PIPE.finditer(text)
    )
    _piped_by_bank[id(bank)] = (bank, items)
    return items


_piped_by_bank: dict[int, tuple[Bank, frozenset[str]]] = {}

DESIGNS_KEPT = 64
_designed: dict[tuple[object, ...], tuple[Bank, Survey]] = {}


class _Designer:
    def __init__(
        self, bank: Bank, journey: JourneyMap, applicable: set[str], locale: str, answers: dict[str, str]
    ) -> None:
        self.bank = bank
        self.answers = answers
        self.journey = journey
        self.applicable = applicable
        self.locale = locale
        self.locales = [loc for loc in SUPPORTED_LOCALES if loc in bank.locales] or list(SUPPORTED_LOCALES)
        self.section, self.wordings = survey_texts(bank)
        self.business = journey.goals.business or journey.title

    def text(self, text: LocalizedText | None, locale: str | None = None, **pipes: str) -> str:
        value = localize(text, locale or self.locale, self.bank.default_locale)
        for name, replacement in {"business": self.business, **pipes}.items():
            value = value.replace("{" + name + "}", replacement)
        return value

    def worded(self, wording: SurveyWording, locale: str | None = None) -> str:
        """A wording's question with the owner's answers piped in, or its text for when one of them is missing."""
        text = localize(wording.text, locale or self.locale, self.bank.default_locale)
        piped = {match.group(1) for match in ANSWER_PIPE.finditer(text)}
        if wording.text_when_missing is not None and any(not self.answers.get(item) for item in piped):
            return self.text(wording.text_when_missing, locale)
        value = ANSWER_PIPE.sub(lambda match: self.answers.get(match.group(1), ""), text)
        return value.replace("{business}", self.business)

    def texts(self, text: LocalizedText, **pipes: str) -> dict[str, str]:
        return {locale: self.text(text, locale, **pipes) for locale in self.locales}

    def default(self, key: str, locale: str | None = None, **pipes: str) -> str:
        return t(key, locale or self.locale, business=self.business, **pipes)

    def defaults(self, key: str, **pipes: str) -> dict[str, str]:
        return {locale: self.default(key, locale, **pipes) for locale in SUPPORTED_LOCALES}

    def options(self, options: list[Option]) -> list[SurveyOption]:
        return [
            SurveyOption(
                code=option.code,
                label=self.text(option.label),
                labels=tuple(dict.fromkeys([self.text(option.label), *(v for v in option.label.values() if v)])),
            )
            for option in options
        ]

    def points(self, points: list[ScalePoint]) -> list[SurveyOption]:
        return [
            SurveyOption(
                code=str(point.value),
                label=self.text(point.label),
                labels=tuple(dict.fromkeys([self.text(point.label), *(v for v in point.label.values() if v)])),
            )
            for point in points
        ]

    # ----- the survey ----------------------------------------------------------------------------------------

    def survey(self) -> Survey:
        section = self.section
        columns = [*self.questions(), *self.touchpoint_questions(), *self.profile()]
        if section is not None:
            title, intro, thanks = (self.text(section.title), self.text(section.intro), self.text(section.thanks))
            consent_text, consent_label = self.text(section.consent.text), self.text(section.consent.label)
            consent_texts = self.texts(section.consent.text)
            nothing = tuple(word for words in section.nothing.values() for word in words)
        else:
            title, intro, thanks = (self.default(f"survey.default.{key}") for key in ("title", "intro", "thanks"))
            consent_text, consent_label = self.default("survey.default.consent"), self.default("survey.default.agree")
            consent_texts = self.defaults("survey.default.consent")
            nothing = tuple(word for words in self.bank.vague_answers.values() for word in words)
        if section is not None:
            agree = [self.text(section.consent.label, locale) for locale in self.locales]
        else:
            agree = [self.default("survey.default.agree", locale) for locale in SUPPORTED_LOCALES]
        columns.append(
            SurveyColumn(
                id="consent",
                kind="consent",
                text=consent_text,
                texts=consent_texts,
                type=ItemType.BOOLEAN,
                options=[SurveyOption(code="yes", label=consent_label, labels=tuple(dict.fromkeys(agree)))],
            )
        )
        return Survey(
            locale=self.locale,
            business=self.business,
            title=title,
            intro=intro,
            thanks=thanks,
            consent_text=consent_text,
            consent_label=consent_label,
            columns=columns,
            stages=self.stages(),
            scale=self.scale(),
            own_words=section is not None,
            nothing=nothing,
        )

    def questions(self) -> list[SurveyColumn]:
        """The bank's own questions worded to customers (the seven survey questions of article 000), in bank order,
        when they apply to this interview."""
        columns = []
        for placement in walk(self.bank):
            item = placement.item
            wording = self.wordings.get(item.id)
            if wording is None or item.id not in self.applicable or placement.repeat_chain:
                continue
            kind = wording.type or item.type
            options = wording.options or (item.options if kind in CHOICE_TYPES and not item.options_from else [])
            points = wording.points or (item.points if kind is ItemType.SCALE else [])
            same_shape = wording.type is None
            columns.append(
                SurveyColumn(
                    id=f"q.{item.id}",
                    kind="question",
                    text=self.worded(wording),
                    texts={locale: self.worded(wording, locale) for locale in self.locales},
                    help=self.text(wording.help) or None,
                    type=kind,
                    options=self.options(options),
                    points=self.points(points),
                    max_length=wording.max_length or (item.max_length if same_shape else None) or _length(kind),
                    min=item.min if same_shape else None,
                    max=item.max if same_shape else None,
                    item_id=item.id,
                    role=item.role.value if item.role else None,
                    obstacles=wording.obstacles,
                )
            )
        return columns

    def touchpoint_questions(self) -> list[SurveyColumn]:
        section = self.section
        scale = self.scale()
        columns = []
        for stage in self.stages():
            for touchpoint in stage.touchpoints:
                pipes = {"touchpoint": touchpoint.label, "stage": stage.name}
                for kind in TOUCHPOINT_KINDS:
                    prompt = getattr(section.touchpoints, kind) if section is not None else None
                    if prompt is not None:
                        text, texts = self.text(prompt.text, **pipes), self.texts(prompt.text, **pipes)
                        help_text = self.text(prompt.help, **pipes) or None
                        heading = self.text(prompt.heading) or self.default(f"survey.default.heading.{kind}")
                    else:
                        text = self.default(f"survey.default.{kind}", **pipes)
                        texts = self.defaults(f"survey.default.{kind}", **pipes)
                        help_text = self.default(f"survey.default.{kind}_help", **pipes)
                        heading = self.default(f"survey.default.heading.{kind}")
                    columns.append(
                        SurveyColumn(
                            id=touchpoint_column(touchpoint.key, kind),
                            kind=kind,
                            text=text,
                            texts=texts,
                            help=help_text,
                            heading=heading,
                            type={"used": ItemType.BOOLEAN, "feeling": ItemType.SCALE}.get(kind, ItemType.LONG_TEXT),
                            points=scale if kind == "feeling" else [],
                            max_length=DEFAULT_TEXT_LENGTH if kind == "stopped" else None,
                            obstacles=kind == "stopped",
                            stage=stage.name,
                            stage_key=stage.key,
                            touchpoint=touchpoint.name,
                            touchpoint_key=touchpoint.key,
                        )
                    )
        return columns

    def profile(self) -> list[SurveyColumn]:
        if self.section is None:
            return []
        return [
            SurveyColumn(
                id=f"p.{question.id}",
                kind="profile",
                text=self.text(question.text),
                texts=self.texts(question.text),
                help=self.text(question.help) or None,
                type=question.type,
                options=self.options(question.options),
                points=self.points(question.points),
                max_length=question.max_length or _length(question.type),
                persona=question.persona,
            )
            for question in self.section.profile
        ]

    def stages(self) -> list[SurveyStage]:
        names: dict[str, int] = {}
        for stage in self.journey.stages:
            for touchpoint in stage.touchpoints:
                names[touchpoint.name.casefold()] = names.get(touchpoint.name.casefold(), 0) + 1
        return [
            SurveyStage(
                key=stage.key,
                name=stage.name,
                touchpoints=[
                    SurveyTouchpoint(
                        key=tp.key,
                        name=tp.name,
                        label=f"{tp.name} ({stage.name})" if names[tp.name.casefold()] > 1 else tp.name,
                    )
                    for tp in stage.touchpoints
                ],
            )
            for stage in self.journey.stages
            if stage.touchpoints
        ]

    def scale(self) -> list[SurveyOption]:
        """The map's emotion scale (the points of the item playing `touchpoint.emotion`), or five plain points."""
        item = next((p.item for p in walk(self.bank) if p.item.role is Role.TOUCHPOINT_EMOTION), None)
        if item is not None and item.points:
            return self.points(item.points)
        return [
            SurveyOption(
                code=str(value),
                label=self.default(f"survey.default.point.{value}"),
                labels=tuple(t(f"survey.default.point.{value}", locale) for locale in SUPPORTED_LOCALES),
            )
            for value in range(1, 6)
        ]


def _length(kind: ItemType) -> int | None:
    return DEFAULT_TEXT_LENGTH if kind in (ItemType.TEXT, ItemType.LONG_TEXT, ItemType.OPEN_CHOICE) else None


def survey_texts(bank: Bank) -> tuple[SurveySection | None, dict[str, SurveyWording]]:
    """The bank's survey section and the customer wording of its items, by item id.

    An interview keeps the bank it started with; one started before its bank had survey texts borrows them from the
    installed bank of the same id, for the items of the same id and type (item ids never change once shipped)."""
    own = {p.item.id: p.item.survey for p in walk(bank) if p.item.survey is not None}
    if bank.survey is not None or own:
        return bank.survey, own
    installed = _installed_bank(bank.id)
    if installed is None or installed.survey is None:
        return None, {}
    types = {p.item.id: p.item.type for p in walk(bank)}
    borrowed = {
        p.item.id: p.item.survey
        for p in walk(installed)
        if p.item.survey is not None and types.get(p.item.id) is p.item.type
    }
    return installed.survey, borrowed


@cache
def _installed_bank(bank_id: str) -> Bank | None:
    from assistant.bank.loader import find_bank

    try:
        return find_bank(bank_id).bank
    except JourneyError:
        return None
