"""The map with the customers in it, checked against figures worked out by hand from tests/data/survey/
google-forms-en.csv (its README has the table): eight respondents kept of nine rows (one without consent, one
empty row), answering about the four touchpoints of the Lotus Coffee golden interview."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from assistant.exports import interview_map, map_of
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.markdown import render_markdown
from assistant.journeymap.model import CustomerEmotion, Finding, JourneyMap
from assistant.portable import export_json, export_schema
from assistant.session import Session
from assistant.store import Store
from tests.survey import GOLDEN, fixed_clock, golden_interview, imported

SOURCE = MapSource("Lotus Coffee", "in_progress", "2026-11-01T08:00:00Z", "2026-11-20T17:45:00Z")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "journey.db", clock=fixed_clock) as opened:
        yield opened


@pytest.fixture
def lotus(store: Store) -> str:
    interview = golden_interview(store, "en").id
    imported(store, interview, "google-forms-en.csv")
    return interview


@pytest.fixture
def journey(store: Store, lotus: str) -> JourneyMap:
    return interview_map(store, lotus)


def touchpoint(journey: JourneyMap, name: str) -> tuple[int | None, CustomerEmotion | None]:
    found = next(tp for stage in journey.stages for tp in stage.touchpoints if tp.name == name)
    return found.used_by, found.customer_emotion


def obstacle(journey: JourneyMap, rule: str, kind: str) -> Finding:
    return next(f for f in journey.obstacles if f.rule == rule and f.kind == kind)


def test_each_touchpoint_has_its_users_and_their_emotion(journey: JourneyMap) -> None:
    # Google Maps: seven used it (the seventh by rating it), ratings 2 1 3 2 2 3 2 → 15 / 7.
    assert touchpoint(journey, "Google Maps") == (7, CustomerEmotion(n=7, mean=2.14, min=1, max=3))
    # Facebook fanpage: five of seven asked; 2 3 1 2 2 → 10 / 5.
    assert touchpoint(journey, "Facebook fanpage") == (5, CustomerEmotion(n=5, mean=2.0, min=1, max=3))
    # Counter: 3 2 4 3 4 3 3 → 22 / 7.
    assert touchpoint(journey, "Counter") == (7, CustomerEmotion(n=7, mean=3.14, min=2, max=4))
    # GrabFood: 2 1 2 3 → 8 / 4.
    assert touchpoint(journey, "GrabFood") == (4, CustomerEmotion(n=4, mean=2.0, min=1, max=3))


def test_where_the_owner_and_the_customers_disagree(journey: JourneyMap) -> None:
    customers = journey.customers
    assert customers is not None
    # Only Google Maps differs by 1.5 points or more (4 against 2.14); GrabFood's four ratings are too few to say.
    assert [(gap.touchpoint, gap.owner, gap.gap) for gap in customers.gaps] == [("Google Maps", 4, -1.86)]
    assert customers.gaps[0].message == "You said 4; 7 customers say 2.1."


def test_article_001_on_the_touchpoints_customers_used(journey: JourneyMap) -> None:
    customers = journey.customers
    assert customers is not None and customers.reach is not None
    reach = customers.reach
    # Touchpoints used per respondent: 3 3 4 2 3 3 3 2 → 23 / 8 = 2.875, median 3; expected 4, and 2.875 < 0.75 × 4.
    assert (reach.respondents, reach.mean, reach.median, reach.expected, reach.verdict) == (8, 2.88, 3.0, 4, "fewer")
    assert [(use.touchpoint, use.used_by, use.asked, use.share) for use in reach.used] == [
        ("Google Maps", 7, 8, 87.5),
        ("Facebook fanpage", 5, 7, 71.4),
        ("Counter", 7, 8, 87.5),
        ("GrabFood", 4, 8, 50.0),
    ]
    finding = obstacle(journey, "customer_fewer_touchpoints", "availability")
    assert finding.evidence_level == "both" and [e.item_id for e in finding.evidence] == ["expected_touchpoints"]
    assert finding.customers == 8 and finding.article == "Article 001 §4"


def test_the_survey_questions_are_summarised(journey: JourneyMap) -> None:
    customers = journey.customers
    assert customers is not None
    assert (customers.respondents, customers.files) == (8, 1)
    assert (customers.first_response, customers.last_response) == ("2026-11-03", "2026-11-12")
    questions = {question.column: question for question in customers.questions}
    heard = questions["q.heard_of_brand"]
    assert [(c.code, c.count, c.share) for c in heard.counts] == [("yes", 6, 75.0), ("no", 2, 25.0)]
    support = questions["q.support_needs"]
    assert support.answered == 6
    assert [(c.code, c.count) for c in support.counts] == [
        ("before_purchase", 1),
        ("during_purchase", 3),
        ("after_purchase", 2),
        ("none", 1),
    ]
    problem = questions["q.problem_to_solve"]
    assert [(c.label, c.count) for c in problem.counts] == [("A quiet place to work", 2), ("Coffee before work", 2)]
    assert problem.quotes[:2] == ["A quiet place to work", "Coffee before work"]
    feedback = questions["q.improvement_feedback"]
    assert [(c.code, c.count) for c in feedback.themes] == [("price", 1), ("support", 1), ("other", 1)]


def test_the_persona_card_gets_the_respondents_profile(journey: JourneyMap) -> None:
    customers = journey.customers
    assert customers is not None
    age, location = customers.profile
    assert age.persona == "age" and [(c.label, c.count) for c in age.counts] == [
        ("18–24", 2),
        ("25–34", 5),
        ("35–44", 1),
    ]
    assert [(c.label, c.count) for c in location.counts] == [("District 1", 5), ("District 3", 2), ("Binh Thanh", 1)]


def test_customers_obstacles_join_the_owners_themes(journey: JourneyMap) -> None:
    # Price: the owner named it at the fanpage; customers 5 (fanpage), 2, 3, 5 (GrabFood) and 1 (feedback).
    price = obstacle(journey, "named_obstacle", "price")
    assert (price.touchpoint, price.customers, price.evidence_level, price.severity) == (
        "Facebook fanpage",
        4,
        "both",
        "high",
    )
    assert price.quotes == [
        "Delivery fee is too expensive",
        "No prices, had to message to ask",
        "Put the prices on the fanpage",
    ]
    assert [(p.touchpoint, p.text) for p in price.places if p.source == "customers"] == [
        ("GrabFood", "3 customers"),
        ("Facebook fanpage", "1 customer"),
        (None, "1 customer"),
    ]
    assert any(
        reason.signal == "customers" and "4 of 8 respondents (50%)" in reason.text for reason in price.severity_reasons
    )
    # Availability: the owner's queue at the counter, and customers 1, 2, 4 there and at Google Maps: high now.
    queue = obstacle(journey, "named_obstacle", "availability")
    assert (queue.touchpoint, queue.customers, queue.severity) == ("Counter", 3, "high")
    assert queue.quotes == ["Long queue at 8 am", "Wrong opening hours on Google Maps", "Opening hours wrong"]
    # Support: no reply on the fanpage (3, 8) joins the owner's “care is fair”, two customers raise it to medium.
    care = obstacle(journey, "care_quality", "support")
    assert (care.customers, care.severity, care.evidence_level) == (2, "medium", "both")
    # What the reader cannot place stays at its own touchpoint, the customers' own finding.
    other = obstacle(journey, "customer_obstacle", "other")
    assert (other.touchpoint, other.customers, other.evidence_level, other.severity) == (
        "Google Maps",
        2,
        "customers",
        "medium",
    )
    assert other.quotes == ["The pin is in the wrong place, I walked past it", "Photos are old"]
    # GrabFood's pain the owner could not explain is explained by the customers: one of the price theme's places.
    assert not any(f.rule == "unexplained_pain" for f in journey.obstacles)
    # “None” is no obstacle; a finding nobody surveyed confirms says it is the owner's view.
    assert not any("None" in quote for f in journey.obstacles for quote in f.quotes)
    assert obstacle(journey, "empty_stage", "coverage").evidence_level == "owner"


def test_the_map_builds_the_same_way_from_every_door(store: Store, lotus: str, journey: JourneyMap) -> None:
    session = Session.resume(store, lotus)
    people = store.respondents(lotus)
    bank, state = session.interview.bank, session.interview.state
    assert map_of(bank, state, session.row, respondents=people) == journey
    without = build_map(bank, state, SOURCE)
    assert without.customers is None and all(tp.used_by is None for s in without.stages for tp in s.touchpoints)


def test_the_json_export_carries_the_customers_and_its_schema_says_so(store: Store, lotus: str) -> None:
    document = json.loads(export_json(store, lotus))
    schema = json.loads(export_schema())
    jsonschema.validate(document, schema)
    google_maps = document["map"]["stages"][0]["touchpoints"][0]
    assert google_maps["used_by"] == 7 and google_maps["customer_emotion"] == {
        "n": 7,
        "mean": 2.14,
        "min": 1.0,
        "max": 3.0,
    }
    price = next(f for f in document["map"]["obstacles"] if f["kind"] == "price")
    assert price["customers"] == 4 and len(price["quotes"]) == 3 and price["evidence_level"] == "both"
    definitions = schema["$defs"]
    assert "surveyed customers" in definitions["Touchpoint"]["properties"]["customer_emotion"]["description"]
    assert "customers" in definitions["JourneyMap"]["properties"]


@pytest.mark.parametrize(
    ("locale", "files"),
    [("en", ["google-forms-en.csv", "microsoft-forms.csv"]), ("vi", ["google-forms-vi.csv", "excel-semicolon.csv"])],
)
def test_the_golden_map_with_respondents(tmp_path: Path, locale: str, files: list[str]) -> None:
    """Read by a person: the golden interview with two files of respondents. Regenerate with
    JOURNEY_UPDATE_GOLDEN=1 after a deliberate change, and read the diff."""
    with Store.open(tmp_path / "journey.db", clock=fixed_clock) as store:
        interview = golden_interview(store, locale)
        for name in files:
            imported(store, interview.id, name)
        session = Session.resume(store, interview.id)
        people = store.respondents(interview.id)
    title = interview.title
    source = MapSource(title, "in_progress", SOURCE.created, SOURCE.updated)
    rendered = render_markdown(build_map(session.interview.bank, session.interview.state, source, respondents=people))
    golden = GOLDEN / f"map-customers-{locale}.md"
    if os.environ.get("JOURNEY_UPDATE_GOLDEN") == "1":
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8"), "regenerate with JOURNEY_UPDATE_GOLDEN=1 and read the diff"


def test_answers_with_emoji_and_marks_are_counted_under_one_spelling(store: Store, tmp_path: Path) -> None:
    interview = golden_interview(store, "vi").id
    path = tmp_path / "places.csv"
    path.write_text(
        "Bạn sống hoặc làm việc ở đâu? [p.location]\nQuận 1 🏙️\nquận 1 🏙️\nQuận 3\nQUẬN 1 🏙️\n", encoding="utf-8"
    )
    imported(store, interview, path)
    customers = interview_map(store, interview).customers
    assert customers is not None
    (location,) = customers.profile
    assert [(count.label, count.count) for count in location.counts] == [("Quận 1 🏙️", 3), ("Quận 3", 1)]
