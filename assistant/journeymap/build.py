"""Assembling a JourneyMap from an interview's active answers, in any of the bank's languages.

The map is read from the engine's review (every question that applies, answered or not), so a disabled answer
never reaches the map and a partial interview gives a partial map with the open questions listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from assistant.bank.model import Bank, Item, ItemType, localize
from assistant.bank.roles import BLUEPRINT_LAYERS, Role
from assistant.i18n import t
from assistant.interview.engine import Interview
from assistant.interview.state import InterviewState, join_key
from assistant.journeymap.analysis import Analysis, analyse
from assistant.journeymap.answers import RoleAnswers, instance_at
from assistant.journeymap.mentions import Voices
from assistant.journeymap.model import (
    AppendixEntry,
    BlueprintLayers,
    Coded,
    Fact,
    Figures,
    Goals,
    JourneyMap,
    Persona,
    Progress,
    QuestionRef,
    Resource,
    ReviewPlan,
    Segment,
    Stage,
    StageEmotion,
    Touchpoint,
)
from assistant.journeymap.reading import Reading, default_reading
from assistant.journeymap.rules import rules_for
from assistant.text import slug

if TYPE_CHECKING:
    from assistant.store import InterviewRow
    from assistant.survey.model import Respondents


@dataclass(frozen=True, slots=True)
class MapSource:
    """What the store knows about the interview beyond its answers."""

    title: str
    status: Literal["in_progress", "completed"]
    created: str
    updated: str
    completed: str | None = None

    @classmethod
    def of(cls, row: InterviewRow) -> MapSource:
        return cls(
            title=row.title,
            status="completed" if row.status == "completed" else "in_progress",
            created=row.created,
            updated=row.updated,
            completed=row.completed,
        )


def build_map(
    bank: Bank,
    state: InterviewState,
    source: MapSource,
    locale: str | None = None,
    respondents: Respondents | None = None,
    *,
    with_findings: bool = True,
) -> JourneyMap:
    """The map of the interview `state`, in `locale` (the interview's own language by default), with what the
    survey's `respondents` said beside the owner's answers when there are any (`Store.respondents` loads them);
    without the findings when only its content is needed (the kind review lists the obstacles named, before any
    analysis)."""
    if locale is not None and locale != state.locale:
        state = state.model_copy(deep=True, update={"locale": locale})
    return map_of(Interview(bank, state), source, respondents=respondents, with_findings=with_findings)


def map_of(
    interview: Interview,
    source: MapSource,
    locale: str | None = None,
    respondents: Respondents | None = None,
    *,
    with_findings: bool = True,
    reading: Reading | None = None,
) -> JourneyMap:
    """Like `build_map`, from an engine that already holds the interview (a session's, or its `snapshot()` in
    another thread), which it only reads; in another `locale`, a snapshot of it is read. The findings read the
    answers with `reading` (what the store keeps of a saved interview read, `Session._reading`), else with the
    process's reader."""
    if locale is not None and locale != interview.locale:
        interview = interview.snapshot()
        interview.set_locale(locale)
    return _Builder(interview, source, respondents, reading).build(with_findings=with_findings)


class _Builder:
    def __init__(
        self, interview: Interview, source: MapSource, respondents: Respondents | None, reading: Reading | None
    ) -> None:
        self.interview = interview
        self.bank = interview.bank
        self.locale = interview.locale
        self.source = source
        self.answers = RoleAnswers(interview)
        self.respondents = respondents
        self.reading = reading

    # ----- the map -------------------------------------------------------------------------------------

    def build(self, *, with_findings: bool = True) -> JourneyMap:
        answers = self.answers
        stages = self.stages()
        step_numbers = {step.id: number for number, step in enumerate(self.bank.steps, start=1)}
        journey = JourneyMap(
            title=self.source.title,
            locale=self.locale,
            status=self.source.status,
            created=self.source.created,
            updated=self.source.updated,
            completed=self.source.completed,
            bank_id=self.bank.id,
            bank_version=self.bank.version,
            preset=self.preset(),
            map_type=answers.coded(Role.MAP_TYPE),
            depth=answers.coded(Role.DEPTH),
            map_type_notes=self.told_facts(Role.MAP_NOTE),
            progress=self.progress(),
            goals=self.goals(),
            persona=self.persona(),
            segments=self.segments(),
            research=self.told_facts(Role.RESEARCH),
            stages=stages,
            figures=self.figures(stages),
            resources=self.resources(),
            resource_kinds=[
                Coded(code=code, label=label) for code, label in answers.option_labels(Role.RESOURCE_KINDS).items()
            ],
            review=ReviewPlan(
                cadence=answers.coded(Role.REVIEW_CADENCE),
                change_drivers=answers.codes(Role.REVIEW_DRIVERS),
                change_drivers_other=answers.text(Role.REVIEW_DRIVERS_OTHER),
                owner=answers.text(Role.OWNER),
                first_change=answers.text(Role.FIRST_CHANGE),
            ),
            skipped=self.question_refs("skipped"),
            missing=self.question_refs("unanswered"),
            appendix=[
                AppendixEntry(
                    number=answers.numbers[entry.ref],
                    ref=entry.ref,
                    item_id=entry.item_id,
                    step_number=step_numbers[entry.step_id],
                    step_title=entry.step_title,
                    question=entry.question,
                    status=entry.status,
                    answer=entry.display,
                )
                for entry in answers.entries
            ],
        )
        voices = Voices()
        if self.respondents is not None and len(self.respondents):
            journey, voices = self.with_customers(journey, self.respondents)
        if not with_findings:
            return journey
        rules = rules_for(self.bank.id)
        respondents = len(self.respondents) if self.respondents is not None else 0
        reading = self.reading or default_reading()
        found = analyse(journey, Analysis(rules, self.locale, answers, reading, voices, respondents))
        return journey.model_copy(
            update={
                "obstacles": found.obstacles,
                "resource_gaps": found.resource_gaps,
                "moments": found.moments,
                "priorities": found.priorities,
                "where_to_start": found.where_to_start,
            }
        )

    # ----- the customers' voice ------------------------------------------------------------------------------

    def with_customers(self, journey: JourneyMap, respondents: Respondents) -> tuple[JourneyMap, Voices]:
        """The map with the survey's respondents in it (the survey of this very map, read back), and what they said
        almost stopped them, for the analysis to read beside the owner's obstacles."""
        from assistant.journeymap.customers import customer_voice
        from assistant.survey.design import design_survey, piped_answers

        entries = self.answers.entries
        applicable = (entry.item_id for entry in entries)
        survey = design_survey(self.bank, journey, applicable, self.locale, answers=piped_answers(entries))
        return customer_voice(journey, survey, respondents, rules_for(self.bank.id))

    def told(self, role: Role, key: str = "") -> str | None:
        """The text answer of `role`, unless it says there is nothing to say ("không có gì", "nope"): the map shows
        what the owner told, and its appendix keeps every answer as given."""
        text = self.answers.text(role, key)
        item = self.answers.item(role)
        if text is None or item is None or item.type not in _TYPED:
            return text
        return None if (self.reading or default_reading()).says_nothing(text) else text

    def told_facts(self, role: Role) -> list[Fact]:
        """The answers of `role` that say something (as `told`); a choice always does ("No" to "a website?")."""
        says_nothing = (self.reading or default_reading()).says_nothing
        placements = self.answers.index.placements
        return [
            fact
            for fact in self.answers.facts(role)
            if placements[fact.item_id].item.type not in _TYPED or not says_nothing(fact.answer)
        ]

    def preset(self) -> Coded | None:
        code = self.interview.state.preset
        preset = self.bank.preset(code)
        if preset is None:
            return None
        return Coded(code=preset.code, label=localize(preset.label, self.locale, self.bank.default_locale))

    def progress(self) -> Progress:
        progress = self.interview.progress()
        return Progress(done=progress.done, total=progress.total)

    def goals(self) -> Goals:
        answers = self.answers
        return Goals(
            business=answers.text(Role.BUSINESS),
            offer=answers.text(Role.OFFER),
            objective=answers.coded(Role.OBJECTIVE),
            why=self.told(Role.WHY),
            business_goals=self.told(Role.BUSINESS_GOALS),
            audience=self.told(Role.AUDIENCE),
            desired_experience=self.told(Role.DESIRED_EXPERIENCE),
            expected_touchpoints=answers.integer(Role.EXPECTED_TOUCHPOINTS),
            data_basis=answers.codes(Role.DATA_BASIS),
            data_basis_notes=self.told(Role.DATA_BASIS_NOTES),
        )

    def persona(self) -> Persona:
        answers = self.answers
        return Persona(
            name=answers.text(Role.PERSONA_NAME),
            segment=self.told(Role.PERSONA_SEGMENT),
            age=answers.coded(Role.PERSONA_AGE),
            gender=answers.coded(Role.PERSONA_GENDER),
            income=answers.coded(Role.PERSONA_INCOME),
            location=self.told(Role.PERSONA_LOCATION),
            occupation=self.told(Role.PERSONA_OCCUPATION),
            goals=self.told(Role.PERSONA_GOALS),
            pains=self.told(Role.PERSONA_PAINS),
            motivations=self.told(Role.PERSONA_MOTIVATIONS),
            behaviour=self.told(Role.PERSONA_BEHAVIOUR),
            psychographics=self.told(Role.PERSONA_PSYCHOGRAPHICS),
        )

    def segments(self) -> list[Segment]:
        answers = self.answers
        segments = []
        for entry in answers.entries_of(Role.SEGMENT_NAME):
            key = entry.instance_key
            segment = Segment(
                name=answers.text(Role.SEGMENT_NAME, key),
                description=self.told(Role.SEGMENT_DESCRIPTION, key),
                share=answers.number(Role.SEGMENT_SHARE, key),
            )
            if segment.name or segment.description or segment.share is not None:
                segments.append(segment)
        return segments

    # ----- the journey: stages and their touchpoints ----------------------------------------------------------

    def stages(self) -> list[Stage]:
        answers = self.answers
        named = self._stage_names()
        touchpoints = self._touchpoints()
        blueprint = (map_type := answers.coded(Role.MAP_TYPE)) is not None and map_type.code == "blueprint"
        stages = []
        for key, name in named:
            stage_touchpoints = [self.touchpoint(tp_key, tp_name) for tp_key, tp_name in touchpoints.pop(key, [])]
            stages.append(
                Stage(
                    key=key,
                    name=name,
                    goal=answers.text(Role.STAGE_GOAL, key),
                    touchpoints=stage_touchpoints,
                    emotion=_stage_emotion(stage_touchpoints),
                    blueprint=BlueprintLayers(
                        **{layer: answers.text(role, key) for role, layer in BLUEPRINT_LAYERS.items()}
                    )
                    if blueprint
                    else None,
                )
            )
        loose = [pair for pairs in touchpoints.values() for pair in pairs]
        if loose:  # touchpoints of a bank that lists them outside any stage: one stage for the whole journey
            whole = [self.touchpoint(tp_key, tp_name) for tp_key, tp_name in loose]
            stages.append(
                Stage(
                    key="", name=t("map.whole_journey", self.locale), touchpoints=whole, emotion=_stage_emotion(whole)
                )
            )
        return stages

    def _stage_names(self) -> list[tuple[str, str]]:
        """Each stage's instance key and name, in the order the user gave them."""
        item = self.answers.item(Role.STAGES)
        value = self.answers.value(Role.STAGES)
        if item is None or not isinstance(value, list):
            return []
        if item.type is ItemType.LIST:
            return [(slug(name), name) for name in value]
        labels = self.answers.option_labels(Role.STAGES)
        return [(code, labels.get(code, code)) for code in value]

    def _touchpoints(self) -> dict[str, list[tuple[str, str]]]:
        """Each stage's touchpoints (instance key, name) in order, by stage key ('' outside any stage)."""
        answers = self.answers
        stage_depth = answers.repeat_depth(Role.TOUCHPOINTS, Role.STAGES)
        found: dict[str, list[tuple[str, str]]] = {}
        seen: set[str] = set()

        def add(stage_key: str, key: str, name: str) -> None:
            if key not in seen:
                seen.add(key)
                found.setdefault(stage_key, []).append((key, name))

        for entry in answers.entries_of(Role.TOUCHPOINTS):
            if isinstance(entry.value, list) and entry.status == "answered":
                for name in entry.value:
                    add(instance_at(entry.instance_key, stage_depth), join_key(entry.instance_key, slug(name)), name)
        # Touchpoints added one by one, each named by its own question.
        depth = answers.added_depth(Role.TOUCHPOINT_NAME, Role.TOUCHPOINT_NAME)
        name_stage_depth = answers.repeat_depth(Role.TOUCHPOINT_NAME, Role.STAGES)
        for entry in answers.entries_of(Role.TOUCHPOINT_NAME):
            typed = answers.text(Role.TOUCHPOINT_NAME, entry.instance_key)
            if typed:
                key = instance_at(entry.instance_key, depth)
                add(instance_at(entry.instance_key, name_stage_depth), key, typed)
        return found

    def touchpoint(self, key: str, name: str) -> Touchpoint:
        answers = self.answers
        emotion = answers.integer(Role.TOUCHPOINT_EMOTION, key)
        scale = answers.item(Role.TOUCHPOINT_EMOTION)
        return Touchpoint(
            key=key,
            name=name,
            channel=answers.coded(Role.TOUCHPOINT_CHANNEL, key),
            actions=answers.text(Role.TOUCHPOINT_ACTIONS, key),
            thoughts=answers.text(Role.TOUCHPOINT_THOUGHTS, key),
            emotion=emotion,
            emotion_score=_five_point(scale, emotion) if emotion is not None and scale is not None else None,
            emotion_label=answers.point_label(Role.TOUCHPOINT_EMOTION, emotion) if emotion is not None else None,
            motivation=answers.text(Role.TOUCHPOINT_MOTIVATION, key),
            obstacles=answers.text(Role.TOUCHPOINT_OBSTACLES, key),
            opportunity=answers.text(Role.TOUCHPOINT_OPPORTUNITY, key),
            not_asked=self.not_asked(key),
        )

    def not_asked(self, key: str) -> list[str]:
        """The lanes the touchpoint `key` was deliberately not asked (a quick interview asks some only where the
        touchpoint hurts): the bank has their questions, none applies here, and the answers here that could still
        switch one on are all given or skipped."""
        answers = self.answers
        if not answers.instance_entries(key):
            return []
        return [
            field
            for role, field in _LANE_FIELDS.items()
            if (item := answers.item(role)) is not None
            and answers.entry(role, key) is None
            and answers.settled(item, key)
        ]

    # ----- step 5 --------------------------------------------------------------------------------------

    def figures(self, stages: list[Stage]) -> Figures:
        answers = self.answers
        visitors = answers.integer(Role.DAILY_VISITORS)
        not_buying = answers.integer(Role.DAILY_NON_BUYERS)
        share = round(100 * not_buying / visitors, 1) if visitors and not_buying is not None else None
        scores = [tp.emotion_score for stage in stages for tp in stage.touchpoints if tp.emotion_score is not None]
        drop_off = answers.value(Role.DROP_OFF_TOUCHPOINT)
        drop_stage = drop_touchpoint = None
        if isinstance(drop_off, str):
            for stage in stages:
                touchpoint = next((tp for tp in stage.touchpoints if tp.key == drop_off), None)
                if touchpoint is not None:
                    drop_stage, drop_touchpoint = stage.name, touchpoint.name
        listed = answers.value(Role.JOURNEY_OBSTACLES)
        journey_obstacles = listed if isinstance(listed, list) else [listed] if isinstance(listed, str) else []
        return Figures(
            touchpoints_expected=answers.integer(Role.EXPECTED_TOUCHPOINTS),
            touchpoints_listed=sum(len(stage.touchpoints) for stage in stages),
            stages_listed=len(stages),
            average_emotion=round(sum(scores) / len(scores), 1) if scores else None,
            daily_visitors=visitors,
            daily_viewers_no_purchase=not_buying,
            no_purchase_share=share,
            bounce_rate=answers.number(Role.BOUNCE_RATE),
            drop_off_touchpoint=drop_touchpoint or answers.text(Role.DROP_OFF_TOUCHPOINT),
            drop_off_key=drop_off if isinstance(drop_off, str) else None,
            drop_off_stage=drop_stage,
            drop_off_reason=answers.text(Role.DROP_OFF_REASON),
            care_quality=answers.coded(Role.CARE_QUALITY),
            channels_tracked=answers.codes(Role.CHANNELS_TRACKED),
            journey_obstacles=[str(entry) for entry in journey_obstacles],
        )

    def resources(self) -> list[Resource]:
        answers = self.answers
        return [
            Resource(
                kind=kind,
                have=answers.text(Role.RESOURCE_HAVE, kind.code),
                need=answers.text(Role.RESOURCE_NEED, kind.code),
            )
            for kind in answers.codes(Role.RESOURCE_KINDS)
        ]

    def question_refs(self, status: str) -> list[QuestionRef]:
        answers = self.answers
        return [
            QuestionRef(
                number=answers.numbers[entry.ref],
                ref=entry.ref,
                item_id=entry.item_id,
                step_title=entry.step_title,
                question=entry.question,
            )
            for entry in answers.entries
            if entry.status == status
        ]


_TYPED = frozenset({ItemType.TEXT, ItemType.LONG_TEXT})
"""The answers typed in the owner's words, which may say there is nothing to say."""

_LANE_FIELDS: dict[Role, str] = {
    Role.TOUCHPOINT_CHANNEL: "channel",
    Role.TOUCHPOINT_ACTIONS: "actions",
    Role.TOUCHPOINT_THOUGHTS: "thoughts",
    Role.TOUCHPOINT_EMOTION: "emotion",
    Role.TOUCHPOINT_MOTIVATION: "motivation",
    Role.TOUCHPOINT_OBSTACLES: "obstacles",
    Role.TOUCHPOINT_OPPORTUNITY: "opportunity",
}
"""Each touchpoint lane's role and the Touchpoint field it fills."""


def _stage_emotion(touchpoints: list[Touchpoint]) -> StageEmotion | None:
    """A stage's touchpoints are parallel channels, not steps: the stage has a mean and a spread, not a path."""
    scores = [tp.emotion_score for tp in touchpoints if tp.emotion_score is not None]
    if not scores:
        return None
    return StageEmotion(n=len(scores), mean=round(sum(scores) / len(scores), 2), min=min(scores), max=max(scores))


def _five_point(scale: Item, value: int) -> int:
    """The bank's scale mapped onto 1–5, the range a Mermaid journey diagram draws."""
    values = [point.value for point in scale.points] or [1, 5]
    low, high = min(values), max(values)
    if high == low:
        return 3
    return max(1, min(5, round(1 + 4 * (value - low) / (high - low))))
