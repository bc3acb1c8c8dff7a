"""The shipped bank: it loads, matches the articles' six steps, and can be walked from start to finish."""

from __future__ import annotations

import pytest

from assistant.bank.index import ANSWERABLE_TYPES, walk
from assistant.bank.loader import find_bank
from assistant.bank.model import Bank, ItemType
from assistant.interview.engine import Interview
from assistant.interview.models import Question


@pytest.fixture(scope="module")
def bank() -> Bank:
    return find_bank("customer-journey").bank


def test_the_bank_has_the_six_steps_of_the_article(bank: Bank) -> None:
    assert [step.id for step in bank.steps] == ["goals", "customer", "touchpoints", "map_type", "analysis", "review"]
    assert bank.locales == ["vi", "en"]


def test_every_question_the_articles_ask_is_in_the_bank(bank: Bank) -> None:
    ids = {placement.item.id for placement in walk(bank)}
    article_questions = {
        # 000 §3.1 and 001 §1
        "objective", "why_needed", "business_goals", "audience", "desired_experience", "expected_touchpoints",
        "data_basis",
        # 000 §3.2 survey questions, 001 §2 §3
        "heard_of_brand", "website_attraction", "problem_to_solve", "visit_duration", "purchase_factor",
        "site_interaction", "support_needs", "improvement_feedback", "persona", "segments",
        # 000 §3.3, 001 §4–§7
        "stages", "touchpoints", "tp_channel", "tp_actions", "tp_thoughts", "tp_emotion", "tp_motivation",
        "tp_obstacles", "tp_opportunity",
        # 000 §3.4
        "map_type", "bp_people", "bp_technology", "bp_policies", "bp_processes",
        # 000 §3.5, 001 §7 §8
        "daily_viewers_no_purchase", "bounce_rate", "drop_off_touchpoint", "care_quality", "channels_tracked",
        "journey_obstacles", "resource_have", "resource_need",
        # 000 §3.6
        "review_cadence", "change_drivers", "map_owner",
    }  # fmt: skip
    assert article_questions <= ids


def test_every_step_has_a_short_title_for_narrow_screens(bank: Bank) -> None:
    shorts = [step.short_title or {} for step in bank.steps]
    assert [short.get("en") for short in shorts] == [
        "Goals",
        "Customer",
        "Touchpoints",
        "Map type",
        "Analysis",
        "Change",
    ]
    assert all(0 < len(short.get(locale, "")) <= 14 for short in shorts for locale in ("vi", "en"))
    progress = Interview.start(bank, "vi", "general").progress()
    assert progress.steps[0].short_title == "Mục tiêu" and progress.steps[0].title != "Mục tiêu"


def test_the_map_types_and_presets_of_the_article(bank: Bank) -> None:
    map_type = next(p.item for p in walk(bank) if p.item.id == "map_type")
    assert [o.code for o in map_type.options] == ["current_state", "day_in_the_life", "future_state", "blueprint"]
    assert all(option.help for option in map_type.options)
    assert {preset.code for preset in bank.presets} == {"b2b", "ecommerce", "b2c", "retail", "general"}
    b2b = bank.preset("b2b")
    assert b2b is not None and len(b2b.stages) == 5


def test_every_answerable_question_explains_why_it_is_asked(bank: Bank) -> None:
    missing = [p.item.id for p in walk(bank) if p.item.type in ANSWERABLE_TYPES and not p.item.help]
    assert missing == []


SAMPLE_ANSWERS: dict[ItemType, str] = {
    ItemType.TEXT: "Cà phê Hoa Sen",
    ItemType.LONG_TEXT: "Khách hàng tìm quán yên tĩnh để làm việc buổi sáng, thường hỏi về wifi và ổ cắm",
    ItemType.INTEGER: "12",
    ItemType.DECIMAL: "3,5",
    ItemType.PERCENT: "40%",
    ItemType.BOOLEAN: "có",
    ItemType.SINGLE_CHOICE: "1",
    ItemType.MULTI_CHOICE: "1,2",
    ItemType.OPEN_CHOICE: "1",
    ItemType.SCALE: "2",
}


def answer_for(question: Question) -> str:
    if question.kind == "more":
        return "không"
    if question.default is not None:
        return ""
    if question.type is ItemType.LIST:
        return "Website\nFanpage"
    return SAMPLE_ANSWERS[question.type]


@pytest.mark.parametrize("locale", ["vi", "en"])
@pytest.mark.parametrize("preset", ["general", "b2b", "ecommerce", "b2c", "retail"])
def test_the_whole_bank_can_be_walked_from_start_to_finish(bank: Bank, locale: str, preset: str) -> None:
    interview = Interview.start(bank, locale, preset)
    seen_steps: list[str] = []
    for _ in range(2_000):
        question = interview.question()
        if question is None:
            break
        assert question.text and "{" not in question.text, question
        assert all("{" not in note for note in question.notes)
        if question.step_id not in seen_steps:
            assert question.step_intro, question.ref
            seen_steps.append(question.step_id)
        outcome = interview.answer(answer_for(question))
        assert outcome.ok, (question.ref, outcome)
        if outcome.status == "probe":
            assert interview.answer("Ví dụ: khách hỏi giá ship rồi rời đi").ok
    assert interview.finished
    assert seen_steps == ["goals", "customer", "touchpoints", "map_type", "analysis", "review"]
    progress = interview.progress()
    assert progress.done == progress.total > 40


def test_a_snapshot_of_the_state_does_not_move_with_the_interview() -> None:
    """The app analyses a snapshot in a worker thread while the user answers on."""
    interview = Interview.start(find_bank("customer-journey").bank, "en", "general")
    interview.answer("Lotus Coffee")
    snapshot = interview.state.snapshot()
    before = snapshot.model_dump()
    for _ in range(40):
        question = interview.question()
        assert question is not None
        if question.required:
            interview.answer("1" if question.choices else "Office workers who buy coffee")
        else:
            interview.skip()
    assert interview.state.model_dump() != before
    assert snapshot.model_dump() == before
