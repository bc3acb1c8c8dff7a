"""The journey map: what an interview's active answers say, arranged the way a CX consultant presents them.

Every text is already in the map's language (labels, not option codes, are what a reader sees; codes are kept
beside them for tools). The model is what `journey export --format json` publishes, with a JSON Schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.i18n import Locale
from assistant.journeymap.rules import Severity

MAP_SCHEMA_VERSION: Literal[1] = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Coded(_Model):
    """An option: its stable code and its label in the map's language. Free text typed as "other" has code
    `other`."""

    code: str
    label: str


class Evidence(_Model):
    """An answer a finding rests on; `number` is the question's number in the appendix."""

    number: int
    ref: str
    item_id: str
    question: str
    answer: str


class Place(_Model):
    """One place an obstacle was named: at a touchpoint, in the journey's list of obstacles, as the reason customers
    leave, among the persona's pains, or by customers in the survey."""

    source: Literal["touchpoint", "obstacle_list", "drop_off", "persona", "goal", "customers", "figure"]
    stage: str | None = None
    stage_key: str | None = None
    touchpoint: str | None = None
    touchpoint_key: str | None = None
    text: str = Field(description="What was said there, as written.")
    evidence: list[Evidence] = Field(default_factory=list)


class SeverityReason(_Model):
    """One signal behind a severity, with its weight, so a reader can check the ranking."""

    signal: Literal["emotion", "places", "drop_off", "stage", "objective", "customers", "figure", "rule"]
    points: float
    text: str


class NextStep(_Model):
    text: str
    source: Literal["owner", "advice"] = Field(
        description="`owner`: the owner's own improvement idea at one of the finding's places, quoted as theirs; "
        "`advice`: the rules' advice for this kind of finding and business."
    )


class Finding(_Model):
    id: str = Field(description="Stable for the same finding in the same interview, e.g. obstacle-information-1.")
    rule: str = Field(description="The analysis rule that raised it, e.g. named_obstacle or resource_needed.")
    category: Literal["obstacle", "resource_gap"]
    kind: str = Field(description="An obstacle kind (price, trust, …) or a resource kind (people, budget, …).")
    kind_label: str
    subkind: str | None = Field(default=None, description="A finer kind: delivery, payment, staff_attitude, …")
    subkind_label: str | None = None
    title: str = Field(description="The finding in a few words, for cards and lists.")
    severity: Severity
    score: float = Field(default=0, description="The sum of the severity reasons' points.")
    severity_reasons: list[SeverityReason] = Field(default_factory=list)
    stage: str | None = Field(default=None, description="The first place's stage.")
    touchpoint: str | None = Field(default=None, description="The first place's touchpoint.")
    stage_key: str | None = None
    touchpoint_key: str | None = None
    places: list[Place] = Field(
        default_factory=list, description="Every place the obstacle was named (obstacle themes only)."
    )
    message: str
    next_steps: list[NextStep] = Field(default_factory=list, description="The owner's own idea first, then advice.")
    article: str | None = Field(default=None, description="The article rule that raised it, e.g. “Article 001 §4”.")
    evidence: list[Evidence] = Field(default_factory=list)
    evidence_level: Literal["owner", "customers", "both"] = "owner"
    customers: int = Field(default=0, description="How many surveyed customers named it.")
    quotes: list[str] = Field(default_factory=list, description="Up to three customers' own words.")
    needs: list[str] = Field(
        default_factory=list, description="Resource kinds (codes) that can remove this obstacle, per the rules."
    )
    addressed_by: list[str] = Field(
        default_factory=list, description="Resource-gap ids whose resources would remove this obstacle theme."
    )
    unblocks: list[str] = Field(
        default_factory=list, description="For a resource gap: the obstacle ids its resource would remove."
    )
    nice_to_have: bool = Field(default=False, description="A resource need that removes no obstacle on the map.")

    @property
    def next_step(self) -> str:
        return self.next_steps[0].text if self.next_steps else ""


class Moment(_Model):
    """A moment that matters: the lowest point of the journey, or its steepest drop between two stages."""

    id: str
    kind: Literal["lowest", "steepest_drop"]
    stage: str
    stage_key: str
    from_stage: str | None = Field(default=None, description="For a drop: the stage before it.")
    score: float = Field(description="The stage's mean emotion, 1–5.")
    drop: float | None = Field(default=None, description="For a drop: how far the mean falls, in points.")
    message: str


class Action(_Model):
    """One line of “Where to start”: what to do, what it removes, what it needs, who owns it."""

    finding_id: str
    text: str
    removes: str = Field(description="The title of the finding the action removes.")
    severity: Severity
    needs: str | None = Field(default=None, description="The resource it needs, as the owner named it.")
    owner: str | None = None
    first_change: bool = Field(default=False, description="Whether this is the owner's own first change.")


class CustomerEmotion(_Model):
    n: int
    mean: float
    min: float
    max: float


class StageEmotion(_Model):
    """The owner's emotion scores of a stage's touchpoints (parallel channels, not steps), 1–5."""

    n: int
    mean: float
    min: int
    max: int


class Touchpoint(_Model):
    key: str = Field(description="The touchpoint's instance key in the interview, e.g. awareness/google-maps.")
    name: str
    channel: Coded | None = None
    actions: str | None = None
    thoughts: str | None = None
    emotion: int | None = Field(default=None, description="On the bank's scale.")
    emotion_score: int | None = Field(default=None, ge=1, le=5, description="The emotion mapped to 1–5.")
    emotion_label: str | None = None
    motivation: str | None = None
    obstacles: str | None = None
    opportunity: str | None = None
    not_asked: list[str] = Field(
        default_factory=list,
        description="Lanes deliberately not asked here, by the name of their field (actions, thoughts, motivation…): "
        "a quick interview asks them only where the touchpoint hurts or the owner asks for more.",
    )
    customer_emotion: CustomerEmotion | None = Field(default=None, description="What surveyed customers said.")
    used_by: int | None = Field(default=None, description="How many surveyed customers used this touchpoint.")


class BlueprintLayers(_Model):
    people: str | None = None
    technology: str | None = None
    policies: str | None = None
    processes: str | None = None


class Stage(_Model):
    key: str
    name: str
    goal: str | None = None
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    emotion: StageEmotion | None = Field(default=None, description="None when no touchpoint has a score.")
    blueprint: BlueprintLayers | None = Field(default=None, description="Only on a Blueprint map.")


class Persona(_Model):
    name: str | None = None
    segment: str | None = None
    age: Coded | None = None
    gender: Coded | None = None
    income: Coded | None = None
    location: str | None = None
    occupation: str | None = None
    goals: str | None = None
    pains: str | None = None
    motivations: str | None = None
    behaviour: str | None = None
    psychographics: str | None = Field(default=None, description="Values, lifestyle and interests.")


class Segment(_Model):
    name: str | None = None
    description: str | None = None
    share: float | None = Field(default=None, description="Percent of customers.")


class Fact(_Model):
    """A question and its answer as the reader sees them."""

    item_id: str
    question: str
    answer: str
    label: str | None = Field(default=None, description="The answer's short name, where the bank gives one.")


class Goals(_Model):
    business: str | None = None
    offer: str | None = None
    objective: Coded | None = None
    why: str | None = None
    business_goals: str | None = None
    audience: str | None = None
    desired_experience: str | None = None
    expected_touchpoints: int | None = None
    data_basis: list[Coded] = Field(default_factory=list)
    data_basis_notes: str | None = None


class Figures(_Model):
    touchpoints_expected: int | None = None
    touchpoints_listed: int
    stages_listed: int
    average_emotion: float | None = Field(default=None, description="Mean of the touchpoint scores, 1–5.")
    daily_visitors: int | None = None
    daily_viewers_no_purchase: int | None = None
    no_purchase_share: float | None = Field(default=None, description="Percent of daily visitors who do not buy.")
    bounce_rate: float | None = None
    drop_off_touchpoint: str | None = None
    drop_off_key: str | None = Field(default=None, description="The instance key of the drop-off touchpoint.")
    drop_off_stage: str | None = None
    drop_off_reason: str | None = None
    care_quality: Coded | None = None
    channels_tracked: list[Coded] = Field(default_factory=list)
    journey_obstacles: list[str] = Field(default_factory=list)


class Resource(_Model):
    kind: Coded
    have: str | None = None
    need: str | None = None


class ReviewPlan(_Model):
    cadence: Coded | None = None
    change_drivers: list[Coded] = Field(default_factory=list)
    change_drivers_other: str | None = None
    owner: str | None = None
    first_change: str | None = None


class QuestionRef(_Model):
    number: int
    ref: str
    item_id: str
    step_title: str
    question: str


class AppendixEntry(_Model):
    number: int
    ref: str
    item_id: str
    step_number: int
    step_title: str
    question: str
    status: Literal["answered", "skipped", "unanswered"]
    answer: str = ""


class Progress(_Model):
    done: int
    total: int


# ----- the customers' voice: what a survey's respondents said (`journey respondents import`) -------------------


class Count(_Model):
    code: str = Field(description="An option code, `yes` / `no`, an obstacle kind, or a folded common answer.")
    label: str
    count: int
    share: float = Field(description="Percent of the respondents who answered the question.")


class NumberSummary(_Model):
    n: int
    mean: float
    min: float
    max: float


class SurveyAnswers(_Model):
    """One survey question, as customers were asked it, and what they answered."""

    column: str = Field(description="The survey column id, e.g. q.heard_of_brand.")
    item_id: str | None = Field(default=None, description="The bank question it rewords for customers.")
    question: str
    owner_answer: str | None = Field(default=None, description="What the owner answered to the bank question.")
    answered: int
    counts: list[Count] = Field(
        default_factory=list, description="Choices and yes / no by count; for text, answers several gave alike."
    )
    number: NumberSummary | None = None
    themes: list[Count] = Field(default_factory=list, description="Obstacle kinds named in the answers.")
    quotes: list[str] = Field(default_factory=list, description="Up to three answers in the customers' own words.")


class ProfileAnswers(_Model):
    column: str
    question: str
    persona: str | None = Field(default=None, description="The persona field it informs: age, location…")
    owner_answer: str | None = Field(default=None, description="The persona card's own value for that field.")
    answered: int
    counts: list[Count] = Field(default_factory=list)


class EmotionGap(_Model):
    """A touchpoint where the owner's emotion score and the customers' mean differ by 1.5 points or more."""

    stage: str
    stage_key: str
    touchpoint: str
    touchpoint_key: str
    owner: int = Field(description="The owner's score, 1–5.")
    customers: CustomerEmotion
    gap: float = Field(description="The customers' mean minus the owner's score.")
    message: str


class TouchpointUse(_Model):
    stage: str
    touchpoint: str
    touchpoint_key: str
    asked: int = Field(description="Respondents who said whether they used it.")
    used_by: int
    share: float = Field(description="Percent of those asked who used it.")


class TouchpointReach(_Model):
    """Article 001 §4 as the article means it: the touchpoints customers actually used against those expected."""

    respondents: int = Field(description="Respondents who said which touchpoints they used.")
    mean: float = Field(description="Touchpoints used per respondent, on average.")
    median: float
    listed: int
    expected: int | None = None
    verdict: Literal["fewer", "more", "as_expected"] | None = Field(
        default=None, description="Against the owner's expected count; None when no count was expected."
    )
    rarely_used: list[str] = Field(default_factory=list, description="Touchpoints few respondents used.")
    used: list[TouchpointUse] = Field(default_factory=list, description="Each touchpoint's share of respondents.")
    message: str


class CustomerResearch(_Model):
    respondents: int
    files: int
    first_response: str | None = Field(default=None, description="The day of the earliest response, YYYY-MM-DD.")
    last_response: str | None = None
    questions: list[SurveyAnswers] = Field(default_factory=list)
    profile: list[ProfileAnswers] = Field(default_factory=list)
    reach: TouchpointReach | None = None
    gaps: list[EmotionGap] = Field(default_factory=list)
    not_on_map: int = Field(
        default=0, description="Answered questions the map no longer asks (a touchpoint renamed or removed)."
    )


class JourneyMap(_Model):
    schema_version: Literal[1] = MAP_SCHEMA_VERSION
    title: str
    locale: Locale
    status: Literal["in_progress", "completed"]
    created: str
    updated: str
    completed: str | None = None
    bank_id: str
    bank_version: str
    preset: Coded | None = None
    map_type: Coded | None = None
    depth: Coded | None = Field(
        default=None, description="How deep the interview went at each touchpoint (quick or full), if the bank asks."
    )
    map_type_notes: list[Fact] = Field(
        default_factory=list, description="The purpose of the map and what its type asks for (routine, scenarios)."
    )
    progress: Progress
    goals: Goals
    persona: Persona
    segments: list[Segment] = Field(default_factory=list)
    research: list[Fact] = Field(default_factory=list, description="How the customer was studied, and the survey.")
    stages: list[Stage] = Field(default_factory=list)
    figures: Figures
    resources: list[Resource] = Field(default_factory=list)
    resource_kinds: list[Coded] = Field(
        default_factory=list,
        description="Every kind of resource the bank knows, in the map's language: what a finding's `needs` name.",
    )
    review: ReviewPlan
    obstacles: list[Finding] = Field(
        default_factory=list, description="Obstacle themes, sorted by severity score, then journey order."
    )
    resource_gaps: list[Finding] = Field(default_factory=list, description="Sorted by severity, then kind.")
    moments: list[Moment] = Field(default_factory=list, description="The moments that matter on the emotion curve.")
    priorities: list[str] = Field(default_factory=list, description="Finding ids in the order to act on them.")
    where_to_start: list[Action] = Field(default_factory=list, description="The first 3–5 actions, in order.")
    skipped: list[QuestionRef] = Field(default_factory=list)
    missing: list[QuestionRef] = Field(default_factory=list, description="Questions that apply and are not answered.")
    appendix: list[AppendixEntry] = Field(default_factory=list)
    customers: CustomerResearch | None = Field(
        default=None, description="What surveyed customers said, when respondents were imported; None otherwise."
    )

    @property
    def is_blueprint(self) -> bool:
        return self.map_type is not None and self.map_type.code == "blueprint"

    @property
    def business(self) -> str | None:
        return self.goals.business
