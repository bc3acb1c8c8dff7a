"""The roles a bank's items play in the journey map.

The map and its analysis never name an item id: a bank says which of its items holds the persona's name, the
stages, a touchpoint's emotion, an obstacle, a resource the business needs… and any bank that declares those roles
gets a complete map with findings. Each role has a contract (`assistant/bank/contracts.py`: the item types it may
have, where it may sit, and whether several items may play it), checked with the bank, so a bank that breaks the
contract fails when it is loaded, not silently when a map comes out empty.

Roles that classify an answer by its option codes (objective, channel, care quality, resource kind, map type…)
read the codes of a shared vocabulary, listed in the analysis rules file; a bank that wants those analyses uses
those codes for its options.
"""

from __future__ import annotations

from enum import StrEnum


class Scope(StrEnum):
    """Where an item of the role must sit."""

    TOP = "top"  # outside any repeat
    SEGMENT = "segment"  # inside a user-added repeat (one instance per segment)
    STAGE = "stage"  # inside a group repeated for the item listing the stages
    TOUCHPOINT = "touchpoint"  # inside a group with one instance per touchpoint
    RESOURCE = "resource"  # inside a group repeated for the `resource.kinds` item
    ANY = "any"


class Role(StrEnum):
    BUSINESS = "goals.business"
    OFFER = "goals.offer"
    OBJECTIVE = "goals.objective"
    WHY = "goals.why"
    BUSINESS_GOALS = "goals.targets"
    AUDIENCE = "goals.audience"
    DESIRED_EXPERIENCE = "goals.experience"
    EXPECTED_TOUCHPOINTS = "goals.expected_touchpoints"
    DATA_BASIS = "goals.data"
    DATA_BASIS_NOTES = "goals.data_notes"

    PERSONA_NAME = "persona.name"
    PERSONA_SEGMENT = "persona.segment"
    PERSONA_AGE = "persona.age"
    PERSONA_GENDER = "persona.gender"
    PERSONA_INCOME = "persona.income"
    PERSONA_LOCATION = "persona.location"
    PERSONA_OCCUPATION = "persona.occupation"
    PERSONA_GOALS = "persona.goals"
    PERSONA_PAINS = "persona.pains"
    PERSONA_MOTIVATIONS = "persona.motivations"
    PERSONA_BEHAVIOUR = "persona.behaviour"
    PERSONA_PSYCHOGRAPHICS = "persona.psychographics"

    SEGMENT_NAME = "segment.name"
    SEGMENT_DESCRIPTION = "segment.description"
    SEGMENT_SHARE = "segment.share"

    RESEARCH = "research"
    """A question about how the customer was studied, or one of the survey questions: listed under research."""

    STAGES = "journey.stages"
    DEPTH = "journey.depth"
    """How deep the interview goes at each touchpoint (quick or full); the map names it beside the lanes not
    asked."""
    STAGE_GOAL = "stage.goal"
    TOUCHPOINTS = "stage.touchpoints"
    TOUCHPOINT_NAME = "touchpoint.name"
    """For banks whose touchpoints are added one by one (a `repeat: true` group) rather than listed."""
    TOUCHPOINT_CHANNEL = "touchpoint.channel"
    TOUCHPOINT_ACTIONS = "touchpoint.actions"
    TOUCHPOINT_THOUGHTS = "touchpoint.thoughts"
    TOUCHPOINT_EMOTION = "touchpoint.emotion"
    TOUCHPOINT_MOTIVATION = "touchpoint.motivation"
    TOUCHPOINT_OBSTACLES = "touchpoint.obstacles"
    TOUCHPOINT_OPPORTUNITY = "touchpoint.opportunity"

    MAP_TYPE = "map_type.choice"
    MAP_NOTE = "map_type.note"
    """What the map is for and what its type asks for (a day's routine, future scenarios): shown in the header."""
    BLUEPRINT_PEOPLE = "blueprint.people"
    BLUEPRINT_TECHNOLOGY = "blueprint.technology"
    BLUEPRINT_POLICIES = "blueprint.policies"
    BLUEPRINT_PROCESSES = "blueprint.processes"

    DAILY_VISITORS = "analysis.visitors"
    DAILY_NON_BUYERS = "analysis.non_buyers"
    BOUNCE_RATE = "analysis.bounce_rate"
    DROP_OFF_TOUCHPOINT = "analysis.drop_off"
    DROP_OFF_REASON = "analysis.drop_off_reason"
    CARE_QUALITY = "analysis.care"
    CHANNELS_TRACKED = "analysis.channels"
    JOURNEY_OBSTACLES = "analysis.obstacles"
    """Obstacles on the way to purchase that the owner lists for the journey as a whole."""
    RESOURCE_KINDS = "resource.kinds"
    RESOURCE_HAVE = "resource.have"
    RESOURCE_NEED = "resource.need"

    REVIEW_CADENCE = "review.cadence"
    REVIEW_DRIVERS = "review.drivers"
    REVIEW_DRIVERS_OTHER = "review.drivers_other"
    OWNER = "review.owner"
    FIRST_CHANGE = "review.first_change"


TOUCHPOINT_LANES: tuple[Role, ...] = (
    Role.TOUCHPOINT_CHANNEL,
    Role.TOUCHPOINT_ACTIONS,
    Role.TOUCHPOINT_THOUGHTS,
    Role.TOUCHPOINT_EMOTION,
    Role.TOUCHPOINT_MOTIVATION,
    Role.TOUCHPOINT_OBSTACLES,
    Role.TOUCHPOINT_OPPORTUNITY,
)
BLUEPRINT_LAYERS: dict[Role, str] = {
    Role.BLUEPRINT_PEOPLE: "people",
    Role.BLUEPRINT_TECHNOLOGY: "technology",
    Role.BLUEPRINT_POLICIES: "policies",
    Role.BLUEPRINT_PROCESSES: "processes",
}
