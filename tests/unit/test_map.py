"""The journey map: each analysis rule fires when it should and only then, and the exports keep their shape."""

from __future__ import annotations

import copy
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from assistant.bank.loader import find_bank
from assistant.bank.model import Bank
from assistant.errors import JourneyError
from assistant.interview.answers_file import fill_interview
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.canvas import journey_canvas
from assistant.journeymap.html import render_html
from assistant.journeymap.markdown import render_markdown
from assistant.journeymap.model import JourneyMap
from assistant.journeymap.rules import SEVERITY_ORDER, AnalysisRules, rules_for
from tests.unit.test_html_canvas import ALLOWED_TAGS

SOURCE = MapSource("Lotus Coffee", "in_progress", "2026-11-01T08:00:00Z", "2026-11-02T09:30:00Z")
BANK = find_bank("customer-journey").bank
RULES = rules_for(BANK.id)


def rules() -> AnalysisRules:
    assert RULES is not None
    return RULES


BASE: dict[str, Any] = {
    "business_name": "Lotus Coffee",
    "objective": "customer_experience",
    "audience": "Office workers aged 25 to 35",
    "expected_touchpoints": 3,
    "stages": ["Awareness", "Purchase"],
    "stage": [
        {
            "touchpoints": ["Google Maps", "Fanpage"],
            "touchpoint": [
                {"tp_channel": "website", "tp_emotion": 4, "tp_obstacles": None},
                {"tp_channel": "facebook", "tp_emotion": 4, "tp_obstacles": None},
            ],
        },
        {"touchpoints": ["Counter"], "touchpoint": [{"tp_channel": "store", "tp_emotion": 5, "tp_obstacles": None}]},
    ],
}


def journey(changes: dict[str, Any] | None = None, locale: str = "en", bank: Bank = BANK) -> JourneyMap:
    answers = copy.deepcopy(BASE)
    answers.update(changes or {})
    interview = fill_interview(bank, answers, locale, "general")
    return build_map(bank, interview.state, SOURCE)


def rules_fired(journey_map: JourneyMap) -> list[str]:
    return [f.rule for f in journey_map.obstacles + journey_map.resource_gaps]


def with_touchpoint(**fields: Any) -> dict[str, Any]:
    stage = copy.deepcopy(BASE["stage"])
    stage[0]["touchpoint"][1].update(fields)
    return {"stage": stage}


def test_the_shipped_rules_match_the_shipped_bank() -> None:
    assert rules().check_against(BANK) == []


def test_a_quiet_interview_raises_nothing() -> None:
    assert rules_fired(journey()) == []


@pytest.mark.parametrize(("score", "severity"), [(1, "high"), (3, "medium"), (5, "low")])
def test_a_named_obstacle_takes_its_severity_from_the_emotion(score: int, severity: str) -> None:
    found = journey(with_touchpoint(tp_emotion=score, tp_obstacles="Shipping costs too much")).obstacles
    (finding,) = found
    assert (finding.rule, finding.severity, finding.kind) == ("named_obstacle", severity, "price")
    assert (finding.stage, finding.touchpoint) == ("Awareness", "Fanpage")
    assert {e.item_id for e in finding.evidence} == {"tp_obstacles", "tp_emotion"}


def test_a_low_score_with_no_obstacle_is_an_unexplained_pain_point() -> None:
    limit = rules().emotion.unexplained_at_most
    assert rules_fired(journey(with_touchpoint(tp_emotion=limit))) == ["unexplained_pain"]
    assert rules_fired(journey(with_touchpoint(tp_emotion=limit + 1))) == []


def test_step_five_obstacles_and_the_drop_off() -> None:
    found = journey({"journey_obstacles": ["Phí vận chuyển cao"], "drop_off_touchpoint": "Fanpage"})
    assert sorted(rules_fired(found)) == ["drop_off", "journey_obstacle"]
    drop = next(f for f in found.obstacles if f.rule == "drop_off")
    assert (drop.severity, drop.stage, drop.touchpoint) == (rules().drop_off_severity, "Awareness", "Fanpage")
    reasoned = journey({"drop_off_touchpoint": "Fanpage", "drop_off_reason": "No one answers messages"})
    assert next(f for f in reasoned.obstacles if f.rule == "drop_off").kind == "support"


def test_a_stage_with_no_touchpoint_is_a_gap_in_the_journey() -> None:
    stage = copy.deepcopy(BASE["stage"])
    stage[1] = {"touchpoints": None}
    found = journey({"stage": stage, "expected_touchpoints": 2})
    assert rules_fired(found) == ["empty_stage"]
    assert found.obstacles[0].stage == "Purchase"


@pytest.mark.parametrize(("expected", "rule"), [(3, None), (10, "fewer_touchpoints"), (1, "more_touchpoints")])
def test_touchpoints_against_the_expected_count(expected: int, rule: str | None) -> None:
    assert rules_fired(journey({"expected_touchpoints": expected})) == ([rule] if rule else [])


def test_bounce_rate_above_its_threshold_lands_on_the_website_stage() -> None:
    threshold = rules().bounce_rate.medium_above
    base = {"has_website": True}
    assert rules_fired(journey({**base, "bounce_rate": threshold})) == []
    found = journey({**base, "bounce_rate": threshold + 1})
    (finding,) = found.obstacles
    assert (finding.rule, finding.stage, finding.touchpoint) == ("bounce_rate", "Awareness", "Google Maps")


def test_a_high_share_of_visitors_who_do_not_buy() -> None:
    share = rules().no_purchase_share.medium_above
    assert rules_fired(journey({"daily_visitors": 100, "daily_viewers_no_purchase": int(share * 100)})) == []
    found = journey({"daily_visitors": 100, "daily_viewers_no_purchase": int(share * 100) + 5})
    assert rules_fired(found) == ["no_purchase"]
    assert found.obstacles[0].stage == "Purchase"


@pytest.mark.parametrize(("quality", "fires"), [("poor", True), ("good", False)])
def test_customer_care_rated_poor(quality: str, fires: bool) -> None:
    assert rules_fired(journey({"care_quality": quality})) == (["care_quality"] if fires else [])


def test_resources_needed_and_obstacles_no_resource_addresses() -> None:
    obstacle = with_touchpoint(tp_obstacles="Shipping costs too much")
    found = journey(
        {
            **obstacle,
            "resource_kinds": ["people", "technology"],
            "resource": [
                {"resource_have": None, "resource_need": "A second barista at lunch"},
                {"resource_have": "A POS", "resource_need": "Online ordering"},
            ],
        }
    )
    gaps = {(f.rule, f.kind): f.severity for f in found.resource_gaps}
    assert gaps[("resource_needed", "people")] == "high"
    assert gaps[("resource_needed", "technology")] == "medium"
    assert ("unaddressed_obstacle", "budget") in gaps  # price obstacles and no budget or content named
    covered = journey(
        {**obstacle, "resource_kinds": ["budget"], "resource": [{"resource_have": "5m a month", "resource_need": None}]}
    )
    assert "unaddressed_obstacle" not in rules_fired(covered)


def test_an_empty_blueprint_layer_only_on_a_blueprint_map() -> None:
    layers = {"bp_people": "Two baristas", "bp_technology": "POS", "bp_policies": None, "bp_processes": "Checklist"}
    blueprint = [layers, {**layers, "bp_policies": "Refund within a day"}]
    found = journey({"map_type": "blueprint", "blueprint": blueprint})
    (gap,) = found.resource_gaps
    assert (gap.rule, gap.stage) == ("empty_layer", "Awareness")
    assert all(stage.blueprint is not None for stage in found.stages)
    plain = journey({"map_type": "current_state"})
    assert all(stage.blueprint is None for stage in plain.stages)


def test_goals_that_need_figures_without_any_data() -> None:
    assert rules_fired(journey({"objective": "revenue", "data_basis": ["team_experience"]})) == ["no_data_basis"]
    assert rules_fired(journey({"objective": "revenue", "data_basis": ["web_analytics"]})) == []
    assert rules_fired(journey({"objective": "brand_awareness", "data_basis": ["team_experience"]})) == []


def test_a_map_nobody_owns() -> None:
    assert "no_owner" in rules_fired(journey({"review_cadence": "monthly", "map_owner": None}))
    assert "no_owner" not in rules_fired(journey({"review_cadence": "monthly", "map_owner": "Lan, marketing lead"}))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Phí vận chuyển cao quá", "price"),
        ("Shipping costs too much", "price"),
        ("Our relationship with them is new", "other"),
        ("Không tin tưởng hàng chính hãng", "trust"),
    ],
)
def test_obstacles_are_classified_by_keywords_in_both_languages(text: str, kind: str) -> None:
    assert rules().classify(text) == kind


def test_findings_are_sorted_and_point_at_real_questions() -> None:
    found = journey(
        {
            **with_touchpoint(tp_emotion=1, tp_obstacles="Confusing menu"),
            "care_quality": "fair",
            "journey_obstacles": ["Long queue at noon"],
            "expected_touchpoints": 10,
        }
    )
    severities = [SEVERITY_ORDER[f.severity] for f in found.obstacles]
    assert severities == sorted(severities) and len(severities) >= 3
    refs = {entry.ref: entry.number for entry in found.appendix}
    for finding in found.obstacles + found.resource_gaps:
        assert finding.evidence
        assert all(refs[e.ref] == e.number for e in finding.evidence)


def test_partial_and_empty_interviews_build_partial_maps() -> None:
    empty = build_map(BANK, fill_interview(BANK, {}, "vi", "general").state, SOURCE)
    assert empty.stages == [] and empty.missing and not empty.obstacles
    assert "Phụ lục" in render_markdown(empty)
    assert journey().missing


def test_a_disabled_answer_never_reaches_the_map() -> None:
    on = journey({"has_website": True, "website_attraction": "Photos of the shop"})
    assert "website_attraction" in {fact.item_id for fact in on.research}
    interview = fill_interview(BANK, {**BASE, "has_website": True, "website_attraction": "Photos"}, "en", "general")
    interview.edit("has_website")
    interview.answer("no")
    off = build_map(BANK, interview.state, SOURCE)
    assert "website_attraction" not in {fact.item_id for fact in off.research}
    assert "Photos" not in render_markdown(off)


def test_the_map_speaks_the_language_asked_for() -> None:
    interview = fill_interview(BANK, BASE, "en", "general")
    english = build_map(BANK, interview.state, SOURCE)
    vietnamese = build_map(BANK, interview.state, SOURCE, "vi")
    assert english.stages[0].touchpoints[1].channel is not None
    assert vietnamese.locale == "vi" and "## Mục tiêu và phạm vi" in render_markdown(vietnamese)
    assert interview.state.locale == "en", "building a map in another language leaves the interview alone"


# ----- exports -----------------------------------------------------------------------------------------


def tables(markdown: str) -> list[tuple[int, int]]:
    """(columns, body rows) of every table markdown-it finds."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    shapes: list[tuple[int, int]] = []
    columns = rows = 0
    section = ""
    for token in tokens:
        if token.type == "table_open":
            columns = rows = 0
        elif token.type in ("thead_open", "tbody_open"):
            section = token.type
        elif token.type == "th_open":
            columns += 1
        elif token.type == "tr_open" and section == "tbody_open":
            rows += 1
        elif token.type == "table_close":
            shapes.append((columns, rows))
    return shapes


def expected_tables(journey_map: JourneyMap) -> list[tuple[int, int]]:
    shapes: list[tuple[int, int]] = []
    if journey_map.stages:
        canvas = journey_canvas(journey_map)
        shapes.append((1 + len(journey_map.stages), len(canvas.lanes) + canvas.backstage))
    if journey_map.segments:
        shapes.append((3, len(journey_map.segments)))
    if journey_map.research:
        shapes.append((2, len(journey_map.research)))
    shapes += [(8, len(stage.touchpoints)) for stage in journey_map.stages if stage.touchpoints]
    if journey_map.is_blueprint and journey_map.stages:
        shapes.append((5, len(journey_map.stages)))
    shapes += [(6, len(found)) for found in (journey_map.obstacles, journey_map.resource_gaps) if found]
    shapes.append((2, 13))
    if journey_map.resources:
        shapes.append((3, len(journey_map.resources)))
    steps: dict[int, int] = {}
    for entry in journey_map.appendix:
        steps[entry.step_number] = steps.get(entry.step_number, 0) + 1
    shapes += [(3, count) for count in steps.values()]
    return shapes


def test_markdown_is_deterministic_and_has_the_tables_the_model_says() -> None:
    found = journey({**with_touchpoint(tp_emotion=2, tp_obstacles="Too | many\n# steps"), "care_quality": "poor"})
    first, second = render_markdown(found), render_markdown(found)
    assert first == second
    assert tables(first) == expected_tables(found)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src")]


PIECES = [
    *"|\\`*_#<>[]()!~&-+=.:;\n ",
    *["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "---", "1. "],
    *["😀", "Cà phê", "Nguyễn", "e\u0301", "ư\u0309", "**bold**", "```", "&amp;", "<b>", "www.example.com", "a"],
]
NASTY = (
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda text: any(ch.isalnum() for ch in text))
)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(business=NASTY, audience=NASTY, stage=NASTY, touchpoint=NASTY, obstacle=NASTY, actions=NASTY)
def test_any_text_keeps_the_tables_and_no_tag_gets_through(
    business: str, audience: str, stage: str, touchpoint: str, obstacle: str, actions: str
) -> None:
    answers = {
        **BASE,
        "business_name": business.replace("\n", " "),
        "audience": audience,
        "stages": [stage.replace("\n", " "), "Purchase"],
        "stage": [
            {
                "touchpoints": [touchpoint.replace("\n", " ")],
                "touchpoint": [{"tp_emotion": 2, "tp_obstacles": obstacle, "tp_actions": actions}],
            },
            {"touchpoints": ["Counter"]},
        ],
    }
    try:
        interview = fill_interview(BANK, answers, "en", "general")
    except JourneyError:  # the engine may refuse an entry (e.g. two names with one key): not this test's case
        return
    found = build_map(BANK, interview.state, SOURCE)
    markdown = render_markdown(found)
    assert tables(markdown) == expected_tables(found)
    headings = [t.tag for t in MarkdownIt("commonmark").enable("table").parse(markdown) if t.type == "heading_open"]
    assert headings.count("h1") == 1
    mermaid = markdown.split("```mermaid\n", 1)[1].split("```", 1)[0]
    for line in mermaid.splitlines()[4:]:
        if not line.startswith("  section"):
            name = line.strip().rsplit(":", 2)[0]
            assert not set(name) & set(":;#")
    parser = Tags()
    parser.feed(render_html(found))
    assert parser.seen <= ALLOWED_TAGS
    assert not any(h.lower().startswith("javascript") for h in parser.hrefs)


def test_the_html_page_is_self_contained() -> None:
    page = render_html(journey(with_touchpoint(tp_emotion=1, tp_obstacles="<script>alert(1)</script>")))
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    assert "<svg" in page


@pytest.mark.parametrize("text", ["1. x", "--- a", "a\\b", "*a* _b_ `c`", "# h", "<b>x</b> & y", "[x](javascript:1)"])
def test_escaped_text_reads_exactly_as_typed(text: str) -> None:
    from html import escape

    from assistant.journeymap.markdown import inline

    rendered = MarkdownIt("commonmark").enable("table").renderInline(inline(text))
    assert rendered == escape(text, quote=False)
