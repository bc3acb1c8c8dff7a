"""Journey maps for the tests of what draws them (the HTML canvas, the Markdown glance, the app's canvas).

Three come from real interviews through the answers file and `build_map`: the golden maps, the homestay Blueprint
of `tests/data/maps/`, and a twelve-stage map. One is built by hand with every field the analysis is growing into
(themes named at several places, where to start, moments, the customers' own scores, lanes not asked), so what
draws a map is right before the analysis fills them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assistant.bank.loader import find_bank
from assistant.interview.answers_file import fill_interview
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.model import (
    Action,
    AppendixEntry,
    BlueprintLayers,
    Coded,
    CustomerEmotion,
    Evidence,
    Figures,
    Finding,
    Goals,
    JourneyMap,
    Moment,
    NextStep,
    Persona,
    Place,
    Progress,
    ReviewPlan,
    SeverityReason,
    Stage,
    StageEmotion,
    Touchpoint,
)

TESTS = Path(__file__).resolve().parent
GOLDEN = TESTS / "golden"
MAPS = TESTS / "data" / "maps"
SOURCE = MapSource("—", "in_progress", "2026-11-01T08:00:00Z", "2026-11-20T17:45:00Z")


def _from_answers(document: dict[str, Any], title: str) -> JourneyMap:
    bank = find_bank(document["bank"]).bank
    interview = fill_interview(bank, document["answers"], document["locale"], document.get("preset"))
    source = MapSource(title, SOURCE.status, SOURCE.created, SOURCE.updated)
    return build_map(bank, interview.state, source)


def golden_map(locale: str) -> JourneyMap:
    document = yaml.safe_load((GOLDEN / f"answers-{locale}.yaml").read_text(encoding="utf-8"))
    return _from_answers(document, document["answers"]["business_name"])


def homestay_map() -> JourneyMap:
    """A complete Vietnamese Blueprint: 5 stages, 15 touchpoints, 192 answers."""
    document = yaml.safe_load((MAPS / "homestay-vi.yaml").read_text(encoding="utf-8"))
    return _from_answers(document, document["title"])


TWELVE_STAGES = [
    "Notices a need",
    "Asks friends",
    "Searches online",
    "Compares shops",
    "Reads reviews",
    "Visits the shop",
    "Tries the product",
    "Asks for a discount",
    "Pays",
    "Waits for delivery",
    "Uses the product",
    "Recommends it",
]


def twelve_stage_map() -> JourneyMap:
    """Twelve stages with long touchpoint names, two parallel channels in most stages, a few obstacles."""
    stages = []
    for number, _ in enumerate(TWELVE_STAGES):
        names = ["Facebook Messenger chat with the shop owner", f"Zalo official account, week {number + 1}"]
        if number % 4 == 3:
            names = names[:1]
        stages.append(
            {
                "stage_goal": f"Get past step {number + 1} without a second thought",
                "touchpoints": names,
                "touchpoint": [
                    {
                        "tp_channel": "facebook" if index == 0 else "zalo",
                        "tp_emotion": 1 + (number + 2 * index) % 5,
                        "tp_obstacles": "The price is only given in private messages" if number % 3 == index else None,
                        "tp_actions": "Sends a message and waits for the answer" if index == 0 else None,
                    }
                    for index in range(len(names))
                ],
            }
        )
    answers = {
        "business_name": "Bamboo Bikes",
        "objective": "conversion",
        "audience": "Students who want a cheap, sturdy bike",
        "expected_touchpoints": 20,
        "stages": TWELVE_STAGES,
        "stage": stages,
    }
    return _from_answers(
        {"bank": "customer-journey", "locale": "en", "preset": "general", "answers": answers}, "Bamboo Bikes"
    )


# ----- by hand ------------------------------------------------------------------------------------------------


def _evidence(number: int, answer: str = "…") -> Evidence:
    return Evidence(
        number=number, ref=f"q{number}", item_id=f"q{number}", question=f"Question {number}?", answer=answer
    )


def _finding(
    identifier: str,
    title: str,
    severity: str,
    places: list[Place],
    category: str = "obstacle",
    **fields: Any,
) -> Finding:
    first = places[0] if places else None
    return Finding(
        id=identifier,
        rule="theme",
        category=category,
        kind=fields.pop("kind", "information"),
        kind_label=fields.pop("kind_label", "Missing information"),
        title=title,
        severity=severity,
        stage=first.stage if first else None,
        touchpoint=first.touchpoint if first else None,
        stage_key=first.stage_key if first else None,
        touchpoint_key=first.touchpoint_key if first else None,
        places=places,
        message=fields.pop("message", f"{title}, named at {len(places)} places."),
        **fields,
    )


def hand_built_map(text: str | None = None, locale: str = "en") -> JourneyMap:
    """Two stages and a stage with no touchpoint. `text`, when given, replaces every piece of user text, to see
    that hostile text lands as text wherever it lands."""

    def say(plain: str) -> str:
        return plain if text is None else text

    fanpage = Touchpoint(
        key="discover/fanpage",
        name=say("Fanpage"),
        channel=Coded(code="facebook", label="Facebook / fanpage"),
        actions=say("Reads the price list"),
        thoughts=say("Is the price per night?"),
        emotion=2,
        emotion_score=2,
        emotion_label="Unhappy",
        motivation=None,
        obstacles=say("No price list"),
        opportunity=say("Pin a price list"),
        not_asked=["motivation"],
        customer_emotion=CustomerEmotion(n=20, mean=1.8, min=1, max=3),
        used_by=20,
    )
    maps = Touchpoint(
        key="discover/google-maps",
        name=say("Google Maps"),
        channel=Coded(code="search", label="Google search (SEO)"),
        actions=say("Looks at the photos"),
        emotion=4,
        emotion_score=4,
        emotion_label="Pleased",
        not_asked=["thoughts", "opportunity"],
        customer_emotion=CustomerEmotion(n=12, mean=3.5, min=2, max=5),
        used_by=12,
    )
    chat = Touchpoint(
        key="book/messenger",
        name=say("Messenger"),
        channel=Coded(code="live_chat", label="Live chat"),
        actions=say("Asks for a room"),
        thoughts=say("Why is nobody answering?"),
        emotion=1,
        emotion_score=1,
        emotion_label="Very frustrated",
        obstacles=say("Slow replies"),
        opportunity=say("Answer within five minutes"),
    )
    stages = [
        Stage(
            key="discover",
            name=say("Discover"),
            goal=say("Find a quiet room"),
            touchpoints=[fanpage, maps],
            emotion=StageEmotion(n=2, mean=3.0, min=2, max=4),
            blueprint=BlueprintLayers(people=say("The owner"), technology=say("Facebook"), policies=None),
        ),
        Stage(
            key="book",
            name=say("Book"),
            touchpoints=[chat],
            emotion=StageEmotion(n=1, mean=1.0, min=1, max=1),
            blueprint=BlueprintLayers(people=say("The owner, at night"), processes=say("Answers when free")),
        ),
        Stage(key="stay", name=say("Stay"), blueprint=BlueprintLayers()),
    ]
    price = _finding(
        "obstacle-information-1",
        say("No price before asking"),
        "high",
        [
            Place(source="touchpoint", stage=stages[0].name, stage_key="discover", touchpoint=fanpage.name,
                  touchpoint_key=fanpage.key, text=say("No price list"), evidence=[_evidence(12, say("No price list"))]),
            Place(source="touchpoint", stage=stages[1].name, stage_key="book", touchpoint=chat.name,
                  touchpoint_key=chat.key, text=say("They ask the price first"), evidence=[_evidence(19)]),
            Place(source="obstacle_list", text=say("Prices are hidden"), evidence=[_evidence(30)]),
            Place(source="touchpoint", stage=stages[0].name, stage_key="discover", touchpoint=maps.name,
                  touchpoint_key=maps.key, text=say("No prices on the listing"), evidence=[_evidence(14)]),
        ],
        score=7.5,
        severity_reasons=[
            SeverityReason(signal="emotion", points=3, text=say("Customers score it 1.8")),
            SeverityReason(signal="places", points=2.5, text="Named at 4 places"),
        ],
        next_steps=[NextStep(text=say("Pin a price list"), source="owner"),
                    NextStep(text="Show the full price up front.", source="advice")],
        article="Article 001 §7",
        evidence=[_evidence(12), _evidence(14), _evidence(19), _evidence(30)],
        evidence_level="both",
        customers=9,
        quotes=[say("I gave up when nobody told me the price")],
        needs=["content"],
        addressed_by=["resource-gap-content-1"],
    )  # fmt: skip
    slow = _finding(
        "obstacle-support-1",
        say("Slow replies on Messenger"),
        "medium",
        [Place(source="touchpoint", stage=stages[1].name, stage_key="book", touchpoint=chat.name,
               touchpoint_key=chat.key, text=say("Slow replies"), evidence=[_evidence(19)])],
        kind="support",
        kind_label="Support and care",
        next_steps=[NextStep(text="Set a reply target and keep to it.", source="advice")],
        evidence=[_evidence(19)],
    )  # fmt: skip
    empty = _finding(
        "obstacle-coverage-1",
        say("No touchpoint while they stay"),
        "low",
        [Place(source="touchpoint", stage=stages[2].name, stage_key="stay", text=say("—"))],
        kind="coverage",
        kind_label="Journey coverage",
        evidence=[_evidence(40)],
    )  # fmt: skip
    gap = _finding(
        "resource-gap-content-1",
        say("A price list nobody has written"),
        "high",
        [],
        category="resource_gap",
        kind="content",
        kind_label="Content",
        unblocks=["obstacle-information-1", "obstacle-gone-9"],
        evidence=[_evidence(50)],
    )
    wish = _finding(
        "resource-gap-budget-1",
        say("A new logo"),
        "low",
        [],
        category="resource_gap",
        kind="budget",
        kind_label="Budget",
        nice_to_have=True,
    )
    return JourneyMap(
        title=say("Cloud Homestay"),
        locale=locale,
        status="in_progress",
        created="2026-11-01T08:00:00Z",
        updated="2026-11-20T08:00:00Z",
        bank_id="customer-journey",
        bank_version="1.0.0",
        map_type=Coded(code="blueprint", label="Service blueprint"),
        progress=Progress(done=40, total=85),
        goals=Goals(business=say("Cloud Homestay"), objective=Coded(code="revenue", label="Increase revenue")),
        persona=Persona(name=say("Vy"), pains=say("Hidden prices"), psychographics=say("Slow travel")),
        stages=stages,
        figures=Figures(touchpoints_listed=3, stages_listed=3, average_emotion=2.3),
        review=ReviewPlan(owner=say("Hạnh"), first_change=say("Pin a price list")),
        obstacles=[price, slow, empty],
        resource_gaps=[gap, wish],
        moments=[
            Moment(id="moment-lowest", kind="lowest", stage=stages[1].name, stage_key="book", score=1.0,
                   message=say("Booking is the lowest point of the journey.")),
            Moment(id="moment-drop", kind="steepest_drop", stage=stages[1].name, stage_key="book",
                   from_stage=stages[0].name, score=1.0, drop=2.0, message=say("The mood falls by 2 points.")),
        ],
        priorities=["obstacle-information-1", "obstacle-support-1"],
        where_to_start=[
            Action(finding_id="obstacle-information-1", text=say("Pin a price list"), removes=price.title,
                   severity="high", needs=say("A price list"), owner=say("Hạnh"), first_change=True),
            Action(finding_id="obstacle-support-1", text=say("Reply within five minutes"), removes=slow.title,
                   severity="medium"),
        ],
        appendix=[
            AppendixEntry(number=number, ref=f"q{number}", item_id=f"q{number}", step_number=1 + number // 20,
                          step_title=f"Step {1 + number // 20}", question=f"Question {number}?", status="answered",
                          answer=say("An answer"))
            for number in (12, 14, 19, 30, 40, 50)
        ],
    )  # fmt: skip
