"""The map is read by role: a bank with other ids and another structure gets a complete map with findings, and
a bank that breaks a role's contract is refused when it loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.bank.loader import load_bank_file, load_bank_text
from assistant.bank.problems import BankError
from assistant.interview.engine import Interview
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.markdown import render_markdown
from assistant.journeymap.rules import rules_for
from tests.banks import bank_from_yaml, step

SALON = load_bank_file(Path(__file__).parents[1] / "data" / "banks" / "salon.yaml").bank
SOURCE = MapSource("Lotus Nails", "completed", "2026-11-01T08:00:00Z", "2026-11-02T09:30:00Z")


def walk_salon() -> Interview:
    interview = Interview.start(SALON, "en")
    answers: dict[str, str | list[str]] = {
        "shop": "Lotus Nails",
        "aim": "revenue",
        "guess": "6",
        "who": "Mai",
        "worries": "Paying for a gel set that chips in a week",
        "phases": "1,2",
        "phase_aim": ["Find a salon nearby", "Get a slot after work"],
        "contact_name": ["Instagram", "Phone call"],
        "contact_feel": ["2", "0"],
        "contact_block": ["", "Nobody picks up the phone after 6 pm"],
        "contact_idea": ["", "Online booking page"],
        "lookers": "40",
        "leavers": "30",
        "blockers": "No price list anywhere, clients have to call to ask",
        "means": "1,2",
        "mean_have": ["Two nail artists", ""],
        "mean_need": ["A receptionist in the evening", "Budget for a booking app"],
        "steward": "Mai",
    }
    seen: dict[str, int] = {}
    while (question := interview.question()) is not None:
        if question.kind == "more":
            interview.answer("no")
            continue
        given = answers.get(question.item_id, "")
        if isinstance(given, list):
            index = seen.get(question.item_id, 0)
            seen[question.item_id] = index + 1
            given = given[index] if index < len(given) else ""
        outcome = interview.answer(given)
        assert outcome.ok, (question.item_id, outcome.message)
    return interview


def test_a_bank_of_other_ids_and_shape_gives_a_complete_map_with_findings() -> None:
    interview = walk_salon()
    journey = build_map(SALON, interview.state, SOURCE)
    assert journey.goals.business == "Lotus Nails"
    assert journey.goals.objective is not None and journey.goals.objective.code == "revenue"
    assert journey.persona.name == "Mai"
    assert [(s.name, s.goal) for s in journey.stages] == [
        ("Finding us", "Find a salon nearby"),
        ("Booking", "Get a slot after work"),
    ]
    (instagram,) = journey.stages[0].touchpoints
    (phone,) = journey.stages[1].touchpoints
    assert (instagram.name, instagram.emotion, instagram.emotion_score) == ("Instagram", 2, 5)
    assert (phone.name, phone.emotion_score, phone.obstacles) == (
        "Phone call",
        1,
        "Nobody picks up the phone after 6 pm",
    )
    assert phone.opportunity == "Online booking page"
    assert journey.figures.no_purchase_share == 75.0
    assert journey.figures.touchpoints_listed == 2
    assert [r.kind.code for r in journey.resources] == ["people", "budget"]
    assert journey.review.owner == "Mai"
    rules = {finding.rule for finding in journey.obstacles}
    assert {"named_obstacle", "fewer_touchpoints", "no_purchase"} <= rules
    listed = next(f for f in journey.obstacles if any(p.source == "obstacle_list" for p in f.places))
    assert (listed.kind, listed.subkind) == ("information", "price_info")
    assert any(finding.touchpoint == "Phone call" and finding.severity == "high" for finding in journey.obstacles)
    assert {finding.kind for finding in journey.resource_gaps} >= {"people", "budget"}
    markdown = render_markdown(journey)
    assert "Phone call" in markdown and "Nobody picks up the phone after 6 pm" in markdown


def test_the_default_rules_serve_a_bank_that_ships_none() -> None:
    assert rules_for(SALON.id) == rules_for("customer-journey")
    assert rules_for(SALON.id).check_against(SALON) != []  # it lacks a Blueprint: the rules say what it lacks


def test_a_role_on_the_wrong_kind_of_question_is_refused() -> None:
    with pytest.raises(BankError) as caught:
        bank_from_yaml(step("s", "- {id: feel, type: text, role: touchpoint.emotion, text: {vi: A, en: A}}"))
    message = caught.value.message("en")
    assert "touchpoint.emotion" in message and "scale" in message


def test_a_single_role_played_twice_is_refused() -> None:
    items = """
    - {id: one, type: text, role: persona.name, text: {vi: A, en: A}}
    - {id: two, type: text, role: persona.name, text: {vi: B, en: B}}
    """
    with pytest.raises(BankError) as caught:
        bank_from_yaml(step("s", items))
    assert "persona.name" in caught.value.message("en")


def test_a_touchpoint_role_outside_any_touchpoint_is_refused() -> None:
    with pytest.raises(BankError) as caught:
        bank_from_yaml(step("s", "- {id: idea, type: text, role: touchpoint.opportunity, text: {vi: A, en: A}}"))
    assert "each touchpoint" in caught.value.message("en")


def test_an_unknown_role_is_a_schema_problem_with_its_line() -> None:
    text = (
        (Path(__file__).parents[1] / "data" / "banks" / "salon.yaml")
        .read_text()
        .replace("role: persona.pains", "role: persona.pain")
    )
    with pytest.raises(BankError) as caught:
        load_bank_text(text, "salon.yaml")
    assert "salon.yaml:" in caught.value.message("en")
