"""Assembling a JourneyMap from an interview's active answers, in any of the bank's languages.

The map is read from the engine's review (every question that applies, answered or not), so a disabled answer
never reaches the map and a partial interview gives a partial map with the open questions listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.bank.model import Bank, Item, localize
from assistant.interview.engine import Interview
from assistant.interview.models import ReviewEntry
from assistant.interview.state import InterviewState, join_key, make_ref
from assistant.interview.values import AnswerValue, option_labels
from assistant.journeymap.analysis import Analysis, analyse
from assistant.journeymap.model import (
    AppendixEntry,
    BlueprintLayers,
    Coded,
    Evidence,
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
    Touchpoint,
)
from assistant.journeymap.rules import rules_for
from assistant.text import slug

RESEARCH_ITEMS = (
    "research_method",
    "sample_interested",
    "sample_size",
    "heard_of_brand",
    "has_website",
    "website_attraction",
    "problem_to_solve",
    "visit_duration",
    "purchase_factor",
    "site_interaction",
    "support_needs",
    "improvement_feedback",
)
MAP_TYPE_ITEMS = ("map_purpose", "day_routine", "future_scenarios")
BLUEPRINT_ITEMS = {
    "people": "bp_people",
    "technology": "bp_technology",
    "policies": "bp_policies",
    "processes": "bp_processes",
}


@dataclass(frozen=True, slots=True)
class MapSource:
    """What the store knows about the interview beyond its answers."""

    title: str
    status: Literal["in_progress", "completed"]
    created: str
    updated: str
    completed: str | None = None


def build_map(bank: Bank, state: InterviewState, source: MapSource, locale: str | None = None) -> JourneyMap:
    """The map of the interview `state`, in `locale` (the interview's own language by default)."""
    if locale is not None and locale != state.locale:
        state = state.model_copy(deep=True, update={"locale": locale})
    return _Builder(Interview(bank, state), source).build()


class _Builder:
    def __init__(self, interview: Interview, source: MapSource) -> None:
        self.interview = interview
        self.bank = interview.bank
        self.locale = interview.locale
        self.source = source
        self.entries = interview.review()
        self.by_ref = {entry.ref: entry for entry in self.entries}
        self.numbers = {entry.ref: number for number, entry in enumerate(self.entries, start=1)}
        self._items_by_id: dict[str, Item] = {}
        for step in self.bank.steps:
            self._collect(step.items)

    def _collect(self, items: list[Item]) -> None:
        for item in items:
            self._items_by_id[item.id] = item
            self._collect(item.items)

    # ----- reading answers -----------------------------------------------------------------------------

    def entry(self, item_id: str, key: str = "") -> ReviewEntry | None:
        return self.by_ref.get(make_ref(item_id, key))

    def value(self, item_id: str, key: str = "") -> AnswerValue | None:
        entry = self.entry(item_id, key)
        return entry.value if entry is not None and entry.status == "answered" else None

    def text(self, item_id: str, key: str = "") -> str | None:
        entry = self.entry(item_id, key)
        if entry is None or entry.status != "answered" or entry.value is None:
            return None
        return entry.display or None

    def number(self, item_id: str, key: str = "") -> float | None:
        value = self.value(item_id, key)
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None

    def integer(self, item_id: str, key: str = "") -> int | None:
        value = self.number(item_id, key)
        return int(value) if value is not None else None

    def coded(self, item_id: str, key: str = "") -> Coded | None:
        value = self.value(item_id, key)
        display = self.text(item_id, key)
        if value is None or display is None:
            return None
        if isinstance(value, dict):
            return Coded(code=value.get("code", "other"), label=display)
        return Coded(code=str(value), label=display)

    def codes(self, item_id: str, key: str = "") -> list[Coded]:
        value = self.value(item_id, key)
        if not isinstance(value, list):
            return []
        labels = option_labels(self._items_by_id[item_id], self.locale, self.bank.default_locale)
        return [Coded(code=code, label=labels.get(code, code)) for code in value]

    def entries_of(self, item_id: str) -> list[str]:
        """Instance keys of `item_id` in interview order."""
        return [entry.instance_key for entry in self.entries if entry.item_id == item_id]

    def resolved(self, item_id: str, key: str = "") -> bool:
        entry = self.entry(item_id, key)
        return entry is not None and entry.status != "unanswered"

    def evidence(self, ref: str) -> Evidence | None:
        entry = self.by_ref.get(ref)
        if entry is None or entry.status == "unanswered":
            return None
        return Evidence(
            number=self.numbers[ref],
            ref=ref,
            item_id=entry.item_id,
            question=entry.question,
            answer=entry.display if entry.status == "answered" else "",
        )

    def fact(self, item_id: str, key: str = "") -> Fact | None:
        entry = self.entry(item_id, key)
        text = self.text(item_id, key)
        return Fact(item_id=item_id, question=entry.question, answer=text) if entry and text else None

    # ----- the map -------------------------------------------------------------------------------------

    def build(self) -> JourneyMap:
        stages = self.stages()
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
            map_type=self.coded("map_type"),
            map_type_notes=[fact for item in MAP_TYPE_ITEMS if (fact := self.fact(item))],
            progress=self.progress(),
            goals=self.goals(),
            persona=self.persona(),
            segments=self.segments(),
            research=[fact for item in RESEARCH_ITEMS if (fact := self.fact(item))],
            stages=stages,
            figures=self.figures(stages),
            resources=self.resources(),
            review=ReviewPlan(
                cadence=self.coded("review_cadence"),
                change_drivers=self.codes("change_drivers"),
                change_drivers_other=self.text("change_drivers_other"),
                owner=self.text("map_owner"),
                first_change=self.text("first_change"),
            ),
            skipped=self.question_refs("skipped"),
            missing=self.question_refs("unanswered"),
            appendix=[
                AppendixEntry(
                    number=self.numbers[entry.ref],
                    ref=entry.ref,
                    item_id=entry.item_id,
                    step_number=next(n for n, step in enumerate(self.bank.steps, 1) if step.id == entry.step_id),
                    step_title=entry.step_title,
                    question=entry.question,
                    status=entry.status,
                    answer=entry.display,
                )
                for entry in self.entries
            ],
        )
        rules = rules_for(self.bank.id)
        if rules is None:
            return journey
        resource_kinds = self._items_by_id.get("resource_kinds")
        resource_labels = option_labels(resource_kinds, self.locale, self.bank.default_locale) if resource_kinds else {}
        found = analyse(journey, Analysis(rules, self.locale, self.evidence, self.resolved, resource_labels))
        return journey.model_copy(update={"obstacles": found.obstacles, "resource_gaps": found.resource_gaps})

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
        return Goals(
            business=self.text("business_name"),
            offer=self.text("business_offer"),
            objective=self.coded("objective"),
            why=self.text("why_needed"),
            business_goals=self.text("business_goals"),
            audience=self.text("audience"),
            desired_experience=self.text("desired_experience"),
            expected_touchpoints=self.integer("expected_touchpoints"),
            data_basis=self.codes("data_basis"),
            data_basis_notes=self.text("data_basis_notes"),
        )

    def persona(self) -> Persona:
        return Persona(
            name=self.text("persona_name"),
            segment=self.text("persona_segment"),
            age=self.coded("persona_age"),
            gender=self.coded("persona_gender"),
            income=self.coded("persona_income"),
            location=self.text("persona_location"),
            occupation=self.text("persona_occupation"),
            goals=self.text("persona_goals"),
            pains=self.text("persona_pains"),
            motivations=self.text("persona_motivations"),
            behaviour=self.text("persona_behaviour"),
        )

    def segments(self) -> list[Segment]:
        segments = []
        for key in self.entries_of("segment_name"):
            segment = Segment(
                name=self.text("segment_name", key),
                description=self.text("segment_description", key),
                share=self.number("segment_share", key),
            )
            if segment.name or segment.description or segment.share is not None:
                segments.append(segment)
        return segments

    def stages(self) -> list[Stage]:
        names = self.value("stages")
        if not isinstance(names, list):
            return []
        blueprint = (map_type := self.coded("map_type")) is not None and map_type.code == "blueprint"
        stages = []
        for name in names:
            key = slug(name)
            touchpoint_names = self.value("touchpoints", key)
            touchpoints = [
                self.touchpoint(join_key(key, slug(touchpoint)), touchpoint)
                for touchpoint in (touchpoint_names if isinstance(touchpoint_names, list) else [])
            ]
            stages.append(
                Stage(
                    key=key,
                    name=name,
                    goal=self.text("stage_goal", key),
                    touchpoints=touchpoints,
                    blueprint=BlueprintLayers(
                        **{layer: self.text(item, key) for layer, item in BLUEPRINT_ITEMS.items()}
                    )
                    if blueprint
                    else None,
                )
            )
        return stages

    def touchpoint(self, key: str, name: str) -> Touchpoint:
        emotion = self.integer("tp_emotion", key)
        scale = self._items_by_id["tp_emotion"]
        label = None
        if emotion is not None:
            label = next(
                (localize(p.label, self.locale, self.bank.default_locale) for p in scale.points if p.value == emotion),
                None,
            )
        return Touchpoint(
            key=key,
            name=name,
            channel=self.coded("tp_channel", key),
            actions=self.text("tp_actions", key),
            thoughts=self.text("tp_thoughts", key),
            emotion=emotion,
            emotion_score=_five_point(scale, emotion) if emotion is not None else None,
            emotion_label=label,
            motivation=self.text("tp_motivation", key),
            obstacles=self.text("tp_obstacles", key),
            opportunity=self.text("tp_opportunity", key),
        )

    def figures(self, stages: list[Stage]) -> Figures:
        visitors = self.integer("daily_visitors")
        not_buying = self.integer("daily_viewers_no_purchase")
        share = round(100 * not_buying / visitors, 1) if visitors and not_buying is not None else None
        scores = [tp.emotion_score for stage in stages for tp in stage.touchpoints if tp.emotion_score is not None]
        drop_off = self.value("drop_off_touchpoint")
        drop_stage = drop_touchpoint = None
        if isinstance(drop_off, str):
            stage_key = drop_off.split("/", 1)[0]
            for stage in stages:
                if stage.key == stage_key:
                    drop_stage = stage.name
                    drop_touchpoint = next((tp.name for tp in stage.touchpoints if tp.key == drop_off), None)
        journey_obstacles = self.value("journey_obstacles")
        return Figures(
            touchpoints_expected=self.integer("expected_touchpoints"),
            touchpoints_listed=sum(len(stage.touchpoints) for stage in stages),
            stages_listed=len(stages),
            average_emotion=round(sum(scores) / len(scores), 1) if scores else None,
            daily_visitors=visitors,
            daily_viewers_no_purchase=not_buying,
            no_purchase_share=share,
            bounce_rate=self.number("bounce_rate"),
            drop_off_touchpoint=drop_touchpoint or self.text("drop_off_touchpoint"),
            drop_off_key=drop_off if isinstance(drop_off, str) else None,
            drop_off_stage=drop_stage,
            drop_off_reason=self.text("drop_off_reason"),
            care_quality=self.coded("care_quality"),
            channels_tracked=self.codes("channels_tracked"),
            journey_obstacles=list(journey_obstacles) if isinstance(journey_obstacles, list) else [],
        )

    def resources(self) -> list[Resource]:
        return [
            Resource(kind=kind, have=self.text("resource_have", kind.code), need=self.text("resource_need", kind.code))
            for kind in self.codes("resource_kinds")
        ]

    def question_refs(self, status: str) -> list[QuestionRef]:
        return [
            QuestionRef(
                number=self.numbers[entry.ref],
                ref=entry.ref,
                item_id=entry.item_id,
                step_title=entry.step_title,
                question=entry.question,
            )
            for entry in self.entries
            if entry.status == status
        ]


def _five_point(scale: Item, value: int) -> int:
    """The bank's scale mapped onto 1–5, the range a Mermaid journey diagram draws."""
    values = [point.value for point in scale.points] or [1, 5]
    low, high = min(values), max(values)
    if high == low:
        return 3
    return max(1, min(5, round(1 + 4 * (value - low) / (high - low))))
