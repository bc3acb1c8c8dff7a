"""Every place an obstacle is named, read into clauses with a kind: the raw material of the obstacle themes.

An owner names obstacles at touchpoints, in the step-5 list, as the reason customers leave, among the persona's
pains, sometimes in why the map is needed; customers name them in a survey. Each answer is read by the obstacle
reader (split into its obstacles, "no obstacle" answers dropped), and an owner's correction of a kind, stored
with the answer, always wins over the reader. The customers' answers come read already, gathered into voices
(`CustomerVoice`): they do not change while the owner answers, and the map is rebuilt after every answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from assistant.bank.roles import Role
from assistant.journeymap.answers import RoleAnswers
from assistant.journeymap.model import JourneyMap, Stage, Touchpoint
from assistant.journeymap.reader import ReadObstacle
from assistant.journeymap.reading import Reading
from assistant.text import fold

Source = Literal["touchpoint", "obstacle_list", "drop_off", "persona", "goal", "customers"]
CORROBORATING: frozenset[Source] = frozenset({"goal"})
"""Sources that only add a place to an obstacle named elsewhere: why the owner needs a map is a problem statement,
often about results ("people ask and never book"), not a list of obstacles."""


@dataclass(slots=True)
class Mention:
    """One obstacle named at one place. Never changed once collected; not a frozen dataclass only because making
    one costs three times as much, and a survey brings hundreds of voices to every rebuild of the map."""

    read: ReadObstacle
    source: Source
    ref: str | None
    stage: Stage | None = None
    touchpoint: Touchpoint | None = None
    corrected: bool = False
    customers: int = 0
    """The surveyed customers who said it (every one whose answer read alike), numbered, never named: bit n is
    respondent n, so that a theme's customers are counted with `|` and `bit_count`, not by building sets."""
    said: tuple[Said, ...] = ()
    """What the customers said, answer by answer (`CustomerVoice.said`)."""
    quotable: tuple[Said, ...] = ()
    """The first of them that can be quoted (`CustomerVoice.quotable`)."""

    @property
    def kind(self) -> str:
        return str(self.read.kind)


@dataclass(frozen=True, slots=True)
class Said:
    """One obstacle read in one distinct answer of the survey."""

    read: ReadObstacle
    respondents: int
    """How many respondents gave that answer."""
    order: int
    """Where it comes among everything the customers said (the survey's columns in order, then its answers in the
    order they were first given): what ties are broken by, as if each answer were a mention of its own."""


@dataclass(frozen=True, slots=True)
class CustomerVoice:
    """Every answer at one touchpoint whose obstacle the reader read alike (one kind, sub-kind and set of meaning
    words, all that deciding on a theme looks at): thousands of respondents word a few worries in thousands of ways,
    and what the map does with them depends on how they read, not on each answer. Worked out once per set of
    respondents, so that a rebuild of the map (after every answer the owner gives) places a few hundred voices into
    themes, not a Python object per respondent's answer."""

    read: ReadObstacle
    """The first answer's reading, standing for them all."""
    touchpoint_key: str | None
    customers: int
    """Who said it, as `Mention.customers`."""
    said: tuple[Said, ...]
    """Most respondents first, then in order: the quotes and a theme's name come from the top."""
    quotable: tuple[Said, ...]
    """The start of `said` up to its third answer that differs from those before it (case and accents aside): a
    theme quotes three such answers, so no later answer of this voice can be one of its quotes."""


def read_answer(reader: Reading, text: str, corrections: dict[str, str] | None) -> list[tuple[ReadObstacle, bool]]:
    """The obstacles in one answer, each with whether the owner corrected its kind."""
    found = []
    for read in reader.read(text):
        kind = corrections.get(fold(read.text)) if corrections else None  # most answers have none to look up
        if kind is not None and kind != read.kind:
            found.append((replace(read, kind=kind, subkind=None, confidence=1.0), True))
        else:
            found.append((read, kind is not None))
    return found


def collect(
    journey: JourneyMap,
    answers: RoleAnswers,
    reader: Reading,
    customers: Sequence[CustomerVoice] = (),
    catch_all: str = "other",
) -> list[Mention]:
    """Every obstacle mention of the interview (and the survey), in journey order: touchpoints stage by stage, then
    the step-5 list, the drop-off reason, the persona's pains, why the map is needed, and customers."""
    mentions: list[Mention] = []

    def add(role: Role, key: str, text: str | None, source: Source, **where: object) -> None:
        entry = answers.entry(role, key)
        if not text or entry is None:
            return
        corrections = answers.corrections(entry.ref)
        for read, corrected in read_answer(reader, text, corrections):
            mentions.append(Mention(read, source, entry.ref, corrected=corrected, **where))  # type: ignore[arg-type]

    for stage in journey.stages:
        for touchpoint in stage.touchpoints:
            add(
                Role.TOUCHPOINT_OBSTACLES,
                touchpoint.key,
                touchpoint.obstacles,
                "touchpoint",
                stage=stage,
                touchpoint=touchpoint,
            )
    listed = answers.entry(Role.JOURNEY_OBSTACLES)
    if listed is not None and listed.status == "answered":
        corrections = answers.corrections(listed.ref)
        for text in journey.figures.journey_obstacles:
            for read, corrected in read_answer(reader, text, corrections):
                mentions.append(Mention(read, "obstacle_list", listed.ref, corrected=corrected))
    drop_stage, drop_touchpoint = drop_off_place(journey)
    add(
        Role.DROP_OFF_REASON,
        "",
        journey.figures.drop_off_reason,
        "drop_off",
        stage=drop_stage,
        touchpoint=drop_touchpoint,
    )
    add(Role.PERSONA_PAINS, "", journey.persona.pains, "persona")
    add(Role.WHY, "", journey.goals.why, "goal")
    touchpoints: dict[str, tuple[Stage | None, Touchpoint | None]] = {
        tp.key: (stage, tp) for stage in journey.stages for tp in stage.touchpoints
    }
    for voice in customers:
        stage_of, touchpoint_of = touchpoints.get(voice.touchpoint_key or "", (None, None))
        if touchpoint_of is None and voice.read.kind == catch_all:
            continue  # a wish or a remark the reader cannot place, said of no touchpoint, is not an obstacle
        mentions.append(
            Mention(
                voice.read,
                "customers",
                None,
                stage=stage_of,
                touchpoint=touchpoint_of,
                customers=voice.customers,
                said=voice.said,
                quotable=voice.quotable,
            )
        )
    return mentions


def drop_off_place(journey: JourneyMap) -> tuple[Stage | None, Touchpoint | None]:
    key = journey.figures.drop_off_key
    for stage in journey.stages:
        for touchpoint in stage.touchpoints:
            if touchpoint.key == key:
                return stage, touchpoint
    return None, None
