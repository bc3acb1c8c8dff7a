"""The conversation as the session decides it, on a real database: what is said before each question and how it
is numbered, summaries said once, the kind review, live findings withdrawn when their answer changes, answers
that contradict earlier ones, and progress that never falls back while the user answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.bank.loader import find_bank
from assistant.bank.model import Bank
from assistant.session import Session, Turn
from assistant.store import Store
from tests.tui.conftest import generic_answer


@pytest.fixture(scope="module")
def bank() -> Bank:
    return find_bank("customer-journey").bank


def turn_to(session: Session, item_id: str, overrides: dict[str, str | list[str]] | None = None) -> Turn:
    """Answer every question, through the turns a front end would show, up to the first one about `item_id`."""
    for _ in range(600):
        turn = session.next_turn()
        if turn.review is not None:
            session.finish_review("(ok)")
            continue
        question = turn.question
        assert question is not None, f"the interview ended before {item_id}"
        if question.item_id == item_id and question.kind == "question":
            return turn
        move = session.answer(generic_answer(question, overrides or {}))
        assert move.ok, (question.item_id, move.message)
    raise AssertionError(f"never reached {item_id}")


def kinds_said(turn: Turn) -> list[str]:
    return [said.kind for said in turn.said]


def test_a_step_begins_with_its_header_and_intro_then_the_numbered_question(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        first = session.next_turn()
        assert kinds_said(first) == ["step", "intro", "question"]
        assert first.said[-1].data["number"] == 1 and first.number == 1
        assert session.next_turn().said == [], "a question still standing is not asked again"
        session.answer("Lotus Coffee")
        second = session.next_turn()
        assert kinds_said(second) == ["question"] and second.number == 2


def test_numbers_follow_the_question_after_back_and_edit(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        turn = turn_to(session, "audience")
        audience = turn.number
        assert audience is not None and audience > 5
        session.back("/back")
        back = session.next_turn()
        assert back.number == audience - 1
        assert back.said[-1].data["number"] == audience - 1
        session.answer(generic_answer(back.question, {}))  # type: ignore[arg-type]
        entries = session.review()
        session.edit(entries[2].ref, "/edit 3")
        edited = session.next_turn()
        assert edited.number == 3
        session.answer(generic_answer(edited.question, {}))  # type: ignore[arg-type]
        assert session.next_turn().number == audience


def test_a_step_summary_is_said_once_even_after_an_edit(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        turn = turn_to(session, "research_method")
        assert "summary" in kinds_said(turn) and turn.said[0].data["step"] == 1
        session.edit("business_name", "/edit 1")
        session.next_turn()
        session.answer("Lotus Tea")
        after = session.next_turn()
        assert "summary" not in kinds_said(after)
        assert [s.kind for s in session.next_turn().said] == []
        assert "change" in [s.kind for s in session.transcript(last=20)]


def test_an_add_another_prompt_has_no_number(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        turn_to(session, "segment_share")
        session.answer("30")
        more = session.next_turn()
        assert more.question is not None and more.question.kind == "more"
        assert more.number is None and "number" not in more.said[-1].data
        session.answer("no")
        following = session.next_turn()
        assert following.number is not None


def test_a_resumed_session_does_not_ask_its_question_twice(tmp_path: Path, bank: Bank) -> None:
    database = tmp_path / "j.db"
    with Store.open(database) as store:
        session = Session.start(store, bank, "en", "general")
        turn_to(session, "objective")
        session.flush()
        interview_id = session.id
    with Store.open(database) as store:
        resumed = Session.resume(store, interview_id)
        turn = resumed.next_turn()
        assert turn.question is not None and turn.question.item_id == "objective"
        assert turn.said == [], "the saved conversation ends on this question: it is shown, not said again"
        kinds = [said.kind for said in resumed.transcript(last=5)]
        assert kinds[-1] == "question"


def test_refusals_are_saved_as_errors_and_reload_as_errors(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        turn_to(session, "expected_touchpoints")
        move = session.answer("many")
        assert not move.ok and [said.kind for said in move.said] == ["error"]
        session.answer("8")
        saved = session.transcript(last=10)
        assert [s.kind for s in saved if s.kind in ("error", "answer")][-3:] == ["answer", "error", "answer"]


def test_an_empty_send_that_is_refused_leaves_no_turn_in_the_conversation(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        turn_to(session, "research_method")  # required, nothing to fall back on
        move = session.answer([], said="(left empty)")
        assert not move.ok and move.heard is None and [said.kind for said in move.said] == ["error"]
        move = session.answer("   ")
        assert not move.ok and move.heard is None
        move = session.answer(["1"], said="Questionnaire survey")
        assert move.ok and move.heard is not None and move.heard.text == "Questionnaire survey"
        saved = [said.text for said in session.transcript(last=20) if said.role == "user"]
    assert "(left empty)" not in saved and "   " not in saved and saved[-1] == "Questionnaire survey"


def test_a_number_that_contradicts_an_earlier_answer_is_refused_with_both(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        turn_to(session, "daily_visitors")
        session.answer("40")
        session.next_turn()
        move = session.answer("50")
        assert not move.ok
        assert move.message is not None and "40" in move.message and "50" in move.message
        assert session.answer("30").ok


def test_segment_shares_may_not_add_up_to_more_than_100(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "vi", "general")
        turn_to(session, "segment_share")
        assert session.answer("70").ok
        session.answer("có")  # a second segment
        turn_to(session, "segment_share")
        refused = session.answer("40")
        assert not refused.ok and refused.message is not None and "110" in refused.message
        assert session.answer("30").ok


def test_progress_never_falls_back_while_the_user_answers(tmp_path: Path, bank: Bank) -> None:
    many = [f"Touchpoint {n}" for n in range(1, 9)]
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        last = 0.0
        for _ in range(900):
            turn = session.next_turn()
            if turn.finished:
                break
            if turn.review is not None:
                session.finish_review("(ok)")
                continue
            question = turn.question
            assert question is not None
            overrides: dict[str, str | list[str]] = {"expected_touchpoints": "6"}
            answer = many if question.item_id == "touchpoints" else generic_answer(question, overrides)
            move = session.answer(answer)
            assert move.ok, move.message
            progress = session.progress()
            ratio = progress.done / progress.total
            assert ratio >= last - 1e-9, f"progress fell from {last:.3f} to {ratio:.3f} at {question.item_id}"
            last = ratio
        assert session.progress().finished


def test_the_kind_review_comes_before_the_list_of_obstacles_and_a_correction_wins(tmp_path: Path, bank: Bank) -> None:
    database = tmp_path / "j.db"
    obstacles: dict[str, str | list[str]] = {"tp_obstacles": "Shop rep tin nhắn chậm, có khi nửa ngày"}
    with Store.open(database) as store:
        session = Session.start(store, bank, "vi", "general")
        for _ in range(900):
            turn = session.next_turn()
            if turn.review is not None:
                break
            question = turn.question
            assert question is not None and not turn.finished
            assert question.item_id != "journey_obstacles", "the review comes first"
            session.answer(generic_answer(question, obstacles))
        review = turn.review
        assert review is not None and review.obstacles
        assert turn.question is not None and turn.question.item_id == "journey_obstacles"
        assert "review" in kinds_said(turn)
        first = review.obstacles[0]
        assert first.kind == "support"
        session.correct_kind(first.number, "trust", "1 niềm tin")
        assert session.kind_review().obstacles[0].kind == "trust"
        session.finish_review("(xong)")
        after = session.next_turn()
        assert after.review is None and after.question is not None
        assert after.question.item_id == "journey_obstacles"
        interview_id, ref = session.id, first.ref
    with Store.open(database) as store:
        (row,) = [a for a in store.answers(interview_id) if f"{a.item_id}@{a.instance_key}" == ref]
        assert row.kinds is not None and "trust" in json.loads(row.kinds).values()
        resumed = Session.resume(store, interview_id)
        assert resumed.next_turn().review is None, "the review is not asked again"
        journey = resumed.map()
        assert any(f.kind == "trust" and any(p.touchpoint for p in f.places) for f in journey.obstacles)


def test_a_live_finding_is_withdrawn_when_its_answer_changes(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        turn_to(session, "care_quality")
        session.announce(session.map())  # what the earlier answers raised is the baseline
        move = session.answer("poor")
        announced = session.announce(session.map(), raised_by=move.outcome.ref)
        finding = next(said for said in announced.said if said.kind == "finding")
        assert finding.ref == move.outcome.ref and not finding.withdrawn
        session.next_turn()
        session.edit(move.outcome.ref, "/edit care")
        session.next_turn()
        changed = session.answer("excellent")
        again = session.announce(session.map(), raised_by=changed.outcome.ref)
        assert again.withdrawn == [finding.data["finding_id"]]
        session.flush()
        saved = [s for s in session.transcript(last=40) if s.kind == "finding"]
        assert saved and saved[0].withdrawn
