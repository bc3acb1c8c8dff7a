"""The map with the customers in it, checked against figures worked out by hand from tests/data/survey/
google-forms-en.csv (its README has the table): eight respondents kept of nine rows (one without consent, one
empty row), answering about the four touchpoints of the Lotus Coffee golden interview."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from assistant.bank.loader import find_bank
from assistant.exports import interview_map, map_of
from assistant.interview.answers_file import fill_interview
from assistant.interview.state import InterviewState
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.html import render_html
from assistant.journeymap.markdown import render_markdown
from assistant.journeymap.model import CustomerEmotion, Finding, JourneyMap
from assistant.portable import export_json, export_schema
from assistant.session import Session
from assistant.store import Store, forget_loaded_respondents
from tests.survey import GOLDEN, fixed_clock, golden_interview, imported
from tests.unit.test_html_canvas import parse, screen_canvas

SOURCE = MapSource("Lotus Coffee", "in_progress", "2026-11-01T08:00:00Z", "2026-11-20T17:45:00Z")


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
    # With customers' answers the count is judged on what they used, not on the four the owner listed.
    finding = obstacle(journey, "fewer_touchpoints", "availability")
    assert finding.evidence_level == "both" and [e.item_id for e in finding.evidence] == ["expected_touchpoints"]
    assert finding.customers == 8 and finding.title == "Fewer touchpoints than expected (2.9 of 4)"
    assert finding.message.startswith("Customers actually use 2.9 touchpoints on average")


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
    # Three suggestions, each read by the obstacle reader into a kind: faster replies are support, more seats are
    # availability; the prices on the fanpage are about price, whichever side of it the reader takes.
    themes = {c.code: c.count for c in feedback.themes}
    assert sum(themes.values()) == 3 and themes["support"] == 1 and themes["availability"] == 1


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
    # The queue: the owner named it at the counter; three customers did too (two there, one at Google Maps' hours
    # does not count: that is outdated information). Three of eight weigh in its severity: high now.
    queue = obstacle(journey, "named_obstacle", "availability")
    assert (queue.touchpoint, queue.customers, queue.evidence_level, queue.severity) == ("Counter", 3, "both", "high")
    # The persona's worry "Queues at 8 am and not knowing the price of delivery" is two obstacles: the queue joins here.
    assert [(p.source, p.touchpoint, p.text) for p in queue.places] == [
        ("touchpoint", "Counter", "Long queue at 8 am"),
        ("persona", None, "Queues at 8 am"),
        ("customers", "Counter", "3 customers"),
    ]
    assert any(
        reason.signal == "customers" and reason.text == "named by 3 of 8 surveyed customers"
        for reason in queue.severity_reasons
    )
    # Prices not shown: the owner's shipping costs shown only at checkout, a customer who had to message to ask and
    # one who asks for the prices on the fanpage (a price not shown, not a price level).
    shown = obstacle(journey, "named_obstacle", "information")
    assert (shown.subkind, shown.touchpoint, shown.customers, shown.evidence_level) == (
        "price_info",
        "Facebook fanpage",
        2,
        "both",
    )
    assert shown.quotes == ["No prices, had to message to ask", "Put the prices on the fanpage"]


def test_what_customers_alone_name_is_a_finding_of_their_own(journey: JourneyMap) -> None:
    mine = [f for f in journey.obstacles if f.rule == "customer_obstacle"]
    assert [(f.kind, f.subkind, f.touchpoint, f.customers, f.evidence_level) for f in mine] == [
        ("price", "shipping_fee", "GrabFood", 3, "customers"),
        ("support", "slow_reply", "Facebook fanpage", 2, "customers"),
        ("information", "outdated", "Google Maps", 3, "customers"),
    ]
    # "Delivery fee is too expensive" and "Shipping cost too high" are one obstacle: what delivery costs.
    fee = mine[0]
    assert fee.message == "3 customers were almost stopped by “Shipping cost”, most often at “GrabFood”."
    assert [(p.touchpoint, p.text) for p in fee.places] == [("GrabFood", "3 customers")]
    assert fee.quotes == ["Delivery fee is too expensive", "Shipping cost too high"]
    # Old photos are outdated information, beside the wrong opening hours; the wrong pin (directions) is one
    # customer's, a quote in the survey's summary.
    assert "Photos are old" in mine[2].quotes
    # A customer theme of one respondent is a quote in the survey's summary, not a finding.
    assert all(f.customers >= 2 for f in mine)
    # The pain at GrabFood the owner could not explain is explained by the customers: no unexplained pain there.
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


def test_a_rebuild_with_the_same_respondents_follows_what_changed_on_the_map(store: Store, lotus: str) -> None:
    """The map is rebuilt after every answer the owner gives, with the respondents loaded once and what they say
    worked out once: whatever the owner changes (a stage or a touchpoint renamed, a touchpoint added, an obstacle
    named that customers named too, another language), the rebuilt map says what a map built from the respondents
    loaded afresh, as a new process would, says."""
    document = yaml.safe_load((GOLDEN / "answers-en.yaml").read_text(encoding="utf-8"))
    bank = find_bank(document["bank"]).bank
    people = store.respondents(lotus)

    def state(change: Callable[[dict[str, Any]], object] = lambda answers: None) -> InterviewState:
        answers = copy.deepcopy(document["answers"])
        change(answers)
        return fill_interview(bank, answers, document["locale"], document["preset"]).state

    def rebuilt(state: InterviewState, locale: str | None = None) -> JourneyMap:
        return build_map(bank, state, SOURCE, locale, respondents=people)

    def afresh(state: InterviewState, locale: str | None = None) -> JourneyMap:
        forget_loaded_respondents()
        return build_map(bank, state, SOURCE, locale, respondents=store.respondents(lotus))

    def outdated(journey: JourneyMap) -> list[tuple[str | None, str | None, str]]:
        """Where customers alone said the information is out of date (Google Maps' opening hours, its photos)."""
        finding = next(f for f in journey.obstacles if f.subkind == "outdated")
        return [(p.stage, p.touchpoint, p.text) for p in finding.places]

    def renamed_stage(answers: dict[str, Any]) -> None:
        answers["stages"][0] = "AWARENESS"  # the same stage (its key is its name folded), another name

    def renamed_touchpoint(answers: dict[str, Any]) -> None:
        answers["stage"][0]["touchpoints"][0] = "Google maps"

    def added_touchpoint(answers: dict[str, Any]) -> None:
        answers["stage"][0]["touchpoints"].append("Instagram")
        answers["stage"][0]["touchpoint"].append({"tp_channel": "social", "tp_emotion": 3, "tp_obstacles": None})

    def named_at_grabfood(answers: dict[str, Any]) -> None:
        answers["stage"][1]["touchpoint"][1]["tp_obstacles"] = "Delivery fee is too expensive"

    before = rebuilt(state())
    assert outdated(before) == [("Awareness", "Google Maps", "3 customers")]
    assert [f.rule for f in before.obstacles if f.kind == "price"] == ["customer_obstacle"]
    for change in (renamed_stage, renamed_touchpoint, added_touchpoint, named_at_grabfood):
        changed = state(change)
        assert rebuilt(changed) == afresh(changed), change.__name__
    assert outdated(rebuilt(state(renamed_stage))) == [("AWARENESS", "Google Maps", "3 customers")]
    assert outdated(rebuilt(state(renamed_touchpoint))) == [("Awareness", "Google maps", "3 customers")]
    # The customers who named the delivery fee join the owner's theme: one finding, with both the owner's and theirs.
    fee = [f for f in rebuilt(state(named_at_grabfood)).obstacles if f.kind == "price"]
    assert [(f.rule, f.customers, f.evidence_level) for f in fee] == [("named_obstacle", 3, "both")]
    in_vietnamese = rebuilt(state(), "vi")
    assert in_vietnamese == afresh(state(), "vi")
    assert [text for *_, text in outdated(in_vietnamese)] != ["3 customers"]
    assert rebuilt(state()) == before == afresh(state())


def test_the_json_export_carries_the_customers_and_its_schema_says_so(store: Store, lotus: str) -> None:
    document = json.loads(export_json(store, lotus, interview_map(store, lotus)))
    schema = json.loads(export_schema())
    jsonschema.validate(document, schema)
    google_maps = document["map"]["stages"][0]["touchpoints"][0]
    assert google_maps["used_by"] == 7 and google_maps["customer_emotion"] == {
        "n": 7,
        "mean": 2.14,
        "min": 1.0,
        "max": 3.0,
    }
    queue = next(f for f in document["map"]["obstacles"] if f["kind"] == "availability")
    assert queue["customers"] == 3 and len(queue["quotes"]) == 2 and queue["evidence_level"] == "both"
    definitions = schema["$defs"]
    assert "surveyed customers" in definitions["Touchpoint"]["properties"]["customer_emotion"]["description"]
    assert "customers" in definitions["JourneyMap"]["properties"]


def golden_customers_map(folder: Path, locale: str, files: list[str]) -> JourneyMap:
    """The golden interview with two files of respondents, as the golden map with customers is built."""
    with Store.open(folder / "journey.db", clock=fixed_clock) as store:
        interview = golden_interview(store, locale)
        for name in files:
            imported(store, interview.id, name)
        session = Session.resume(store, interview.id)
        people = store.respondents(interview.id)
    source = MapSource(interview.title, "in_progress", SOURCE.created, SOURCE.updated)
    return build_map(session.interview.bank, session.interview.state, source, respondents=people)


@pytest.mark.parametrize(
    ("locale", "files"),
    [("en", ["google-forms-en.csv", "microsoft-forms.csv"]), ("vi", ["google-forms-vi.csv", "excel-semicolon.csv"])],
)
def test_the_golden_map_with_respondents(tmp_path: Path, locale: str, files: list[str]) -> None:
    """Read by a person: the golden interview with two files of respondents. Regenerate with
    JOURNEY_UPDATE_GOLDEN=1 after a deliberate change, and read the diff."""
    rendered = render_markdown(golden_customers_map(tmp_path, locale, files))
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


def test_the_html_canvas_and_page_show_the_customers_beside_the_owner(tmp_path: Path) -> None:
    """Issue 13: the canvas shows the owner's estimate and the customers' measure side by side, and the page
    below it says what customers said, where they and the owner disagree, and which touchpoints they reach."""
    page = parse(render_html(golden_customers_map(tmp_path, "en", ["google-forms-en.csv", "microsoft-forms.csv"])))
    table = screen_canvas(page)
    rows = {row.attrs.get("data-lane"): row for row in table.find("tr") if row.attrs.get("data-lane")}
    awareness = rows["touchpoints"].find("td")[0].all_text()
    assert "used by 9 customers" in awareness and "used by 5 customers" in awareness
    note = rows["emotion"].find("td")[0].one("p", "curve-note")
    measures = note.find("span", "measure")
    assert [m.all_text() for m in measures] == ["1⚠ You 4 · customers 2.3 (n=9)", "2You 2 · customers 2 (n=5)"]
    assert "gap" in measures[0].classes and "gap" not in measures[1].classes
    section = next(node for node in page.find("div") if node.attrs.get("id") == "customers")
    text = section.all_text()
    assert "What customers said" in text and "11 survey respondents, from 2 files" in text
    assert "Had you heard of Lotus Coffee before?" in text and "Yes: 8 (72.7%)" in text
    assert "Where you and your customers disagree:" in text and "You said 4; 9 customers say 2.3." in text
    assert "The touchpoints customers actually use" in text and "used by 9 of 11 (81.8%)" in text
    persona = next(node for node in page.find("section") if node.attrs.get("id") == "persona").all_text()
    assert "Respondents' age (11 answers)" in persona
