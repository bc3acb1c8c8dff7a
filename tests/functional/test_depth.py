"""The interview adapts its depth: a fifteen-touchpoint journey in quick depth stays within its budget of questions
and still gives a map with every concept of the articles, walked end to end through the session a front end uses;
the full depth asks every lane; and the progress shown is honest about the depth chosen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant.bank.loader import find_bank
from assistant.bank.model import Bank, ItemType
from assistant.interview.models import Question
from assistant.journeymap.model import JourneyMap
from assistant.session import Session
from assistant.store import Store

BUDGET = 130
"""Questions a five-stage, fifteen-touchpoint journey may ask in quick depth, end to end."""

TEXT = "Khách hỏi phí ship rồi mới đặt hàng"
UNHAPPY_AT = "Tư vấn qua chat"
OBSTACLE_AT = "Giỏ hàng và thanh toán"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return find_bank("customer-journey").bank


@dataclass
class Walk:
    """What the owner of a coffee shop selling on Shopee (no website) answers, and what the walk saw."""

    depth: str
    numbered: int = 0
    prompts: int = 0
    total_at_depth: int | None = None
    total_at_stages: int | None = None
    """The touchpoints step's total as the progress shows it, once the depth is chosen and once the stages are."""
    asked: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    touchpoint: str = ""

    def in_step(self, step_id: str) -> int:
        return self.steps.count(step_id)

    def answer(self, question: Question) -> str | list[str]:
        if question.kind == "more":
            return "không"
        item = question.item_id
        if item == "tp_channel":
            self.touchpoint = question.text.split("«")[1].split("»")[0]
        given: dict[str, str] = {
            "expected_touchpoints": "15",
            "depth": self.depth,
            "has_website": "không",
            "main_channel": "shopee",
            "resource_kinds": "people, technology",
            "tp_emotion": "2" if self.touchpoint == UNHAPPY_AT else "4",
            "tp_obstacles": "Phí ship chỉ hiện ở bước thanh toán" if self.touchpoint == OBSTACLE_AT else "",
            "deeper_touchpoints": "",  # the owner asks for no more
        }
        if item in given:
            return given[item]
        if question.default is not None:
            return ""  # the preset's stages and touchpoints, the suggested depth
        kind = question.type
        if kind in (ItemType.TEXT, ItemType.LONG_TEXT):
            return TEXT
        if kind in (ItemType.INTEGER, ItemType.DECIMAL):
            return "300" if item == "daily_visitors" else "12"
        if kind is ItemType.PERCENT:
            return "40"
        if kind is ItemType.BOOLEAN:
            return "có"
        if kind is ItemType.SCALE:
            return "4"
        return "1"


def walk(store: Store, bank: Bank, depth: str) -> tuple[Walk, JourneyMap]:
    session = Session.start(store, bank, "vi", "general", "Cà phê Sen")
    seen = Walk(depth)
    for _ in range(1_000):
        turn = session.next_turn()
        if turn.finished:
            break
        if turn.review is not None:
            session.finish_review("(đúng rồi)")
            continue
        question = turn.question
        assert question is not None
        if question.kind == "question":
            seen.numbered += 1
            seen.asked.append(question.item_id)
            seen.steps.append(question.step_id)
        else:
            seen.prompts += 1
        raw = seen.answer(question)
        move = session.skip("/skip") if raw == "" and question.default is None else session.answer(raw)
        assert move.ok and move.status != "probe", (question.ref, move.message)
        if question.item_id == "depth":
            seen.total_at_depth = session.interview.progress().steps[2].total
        if question.item_id == "stages":
            seen.total_at_stages = session.interview.progress().steps[2].total
    assert session.interview.finished
    return seen, session.map()


def test_a_long_journey_in_quick_depth_stays_within_its_budget(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        quick, journey = walk(store, bank, "")  # the suggestion: quick, since 15 touchpoints are expected
    assert journey.depth is not None and journey.depth.code == "quick"
    assert journey.figures.touchpoints_listed == 15 and journey.figures.stages_listed == 5
    assert quick.numbered <= BUDGET, f"{quick.numbered} questions for 15 touchpoints in quick depth"
    assert quick.asked.count("tp_actions") == 2, "asked only where it hurts: a low emotion, an obstacle"
    assert quick.asked.count("tp_emotion") == quick.asked.count("tp_opportunity") == 15
    assert "stage_goal" not in quick.asked and "map_purpose" not in quick.asked


def test_the_quick_map_still_carries_every_concept_of_the_articles(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        _, journey = walk(store, bank, "quick")
    goals, persona, figures = journey.goals, journey.persona, journey.figures
    assert goals.objective and goals.why and goals.audience and goals.desired_experience  # 000 §3.1, 001 §1
    assert goals.expected_touchpoints == 15 and goals.data_basis
    assert persona.age and persona.gender and persona.income and persona.location  # 000 §2: demographics
    assert persona.psychographics and persona.behaviour  # 001 §2: the 360° profile
    assert journey.segments  # 001 §3
    research = {fact.item_id for fact in journey.research}
    assert {
        "heard_of_brand",
        "problem_to_solve",
        "purchase_factor",
        "support_needs",
        "improvement_feedback",
    } <= research
    touchpoints = [tp for stage in journey.stages for tp in stage.touchpoints]
    assert all(tp.channel and tp.emotion for tp in touchpoints)  # 000 §3.3, 001 §6
    unhappy = next(tp for tp in touchpoints if tp.name == UNHAPPY_AT)
    blocked = next(tp for tp in touchpoints if tp.name == OBSTACLE_AT)
    for hurting in (unhappy, blocked):  # 001 §5 and §6 where it matters
        assert hurting.actions and hurting.thoughts and hurting.motivation and not hurting.not_asked
    assert blocked.obstacles and any(f.touchpoint == OBSTACLE_AT for f in journey.obstacles)  # 001 §7
    assert journey.map_type is not None  # 000 §3.4
    assert figures.daily_viewers_no_purchase is not None and figures.bounce_rate is not None  # 000 §3.5
    assert figures.drop_off_touchpoint and figures.care_quality and figures.channels_tracked
    assert figures.journey_obstacles and all(r.have and r.need for r in journey.resources)  # 001 §7, §8
    assert journey.review.cadence and journey.review.change_drivers  # 000 §3.6
    assert journey.missing == [], "no question switched off by the quick depth counts as missing"


def test_the_full_depth_asks_every_lane_and_both_are_counted_honestly(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        quick, _ = walk(store, bank, "quick")
        full, journey = walk(store, bank, "full")
    assert full.asked.count("tp_actions") == 15 and journey.missing == []
    lanes_left_out = (15 - 2) * 3  # actions, thoughts, motivation where the touchpoint does not hurt
    assert full.numbered - quick.numbered == lanes_left_out + 5 + 1 - 1, "stage goals, map purpose; no “more?”"
    # Once the depth is chosen, the touchpoints step shows what it will ask but for the lanes a touchpoint that
    # hurts adds; with the stages listed, the full depth knows its count exactly.
    assert quick.total_at_depth is not None and full.total_at_stages is not None
    asked_in_step = quick.in_step("touchpoints")
    assert quick.total_at_depth <= asked_in_step <= quick.total_at_depth + 2 * 3
    assert full.total_at_stages == full.in_step("touchpoints")
