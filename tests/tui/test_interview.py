"""The interview screen through the real app: resume, drafts, back, skip, edit, each answer widget, paste,
language, live findings and a small terminal."""

from __future__ import annotations

import gc
import json
from functools import partial
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, OptionList, ProgressBar, Static, TextArea

from assistant.interview.models import Question
from assistant.store import Store
from assistant.tui.screens.home import HomeScreen
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.textual_adapter import binding_table
from assistant.tui.widgets.answer import ChoiceList, ListEditor, TickList
from assistant.tui.widgets.conversation import Conversation
from tests.tui.conftest import MakeApp, answer_current, interview_screen, saved_interview, wait_for


def _answers(database: Path, interview_id: str) -> dict[str, object]:
    with Store.open(database) as store:
        return {
            f"{row.item_id}@{row.instance_key}" if row.instance_key else row.item_id: json.loads(row.value)
            for row in store.answers(interview_id)
            if row.status == "answered"
        }


def _conversation_text(screen: InterviewScreen) -> str:
    return "\n".join(screen.query_one(Conversation).plain_lines())


def _problem(screen: InterviewScreen) -> str:
    problem = screen.query_one("#problem")
    return str(problem.render()) if problem.display else ""


async def test_resume_after_the_app_closed_mid_step(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="business_name")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        first = await answer_current(pilot, text="Lotus Coffee")
        second = await answer_current(pilot, text="Coffee to go for office workers")
        screen = interview_screen(pilot)
        asked = screen._question
        assert asked is not None and asked.item_id == "objective"
    assert (first, second) == ("business_name", "business_offer")
    assert _answers(database, session.id) == {
        "business_name": "Lotus Coffee",
        "business_offer": "Coffee to go for office workers",
    }
    again = make_app("en", "resume", session.id)
    async with again.run_test(size=(100, 32)) as pilot:
        # Focus lands once the question's widget is mounted: on a busy machine that is after the screen shows.
        await wait_for(
            pilot, lambda: isinstance(again.screen, InterviewScreen) and isinstance(again.focused, ChoiceList)
        )
        screen = interview_screen(pilot)
        assert screen._question is not None and screen._question.item_id == "objective"
        shown = _conversation_text(screen)
        assert "Lotus Coffee" in shown and "Coffee to go for office workers" in shown


async def test_quitting_keeps_the_half_typed_answer_and_resume_offers_it_back(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*"Because sales fell")
        await pilot.press("ctrl+q")
    with Store.open(database) as store:
        assert store.get(session.id).draft == "Because sales fell"
    again = make_app("en", "resume", session.id)
    async with again.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(again.focused, TextArea))
        area = again.focused
        assert isinstance(area, TextArea) and area.text == "Because sales fell"
        assert "typing last time" in _conversation_text(interview_screen(pilot))
        await pilot.press(*" last year", "enter")
        await wait_for(pilot, lambda: "why_needed" in _answers(database, session.id))
    assert _answers(database, session.id)["why_needed"] == "Because sales fell last year"
    with Store.open(database) as store:
        assert store.get(session.id).draft is None


async def test_back_shows_the_previous_answer_and_skip_refuses_a_required_question(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed", overrides={"business_offer": "Coffee to go"})
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "objective")
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "business_offer")
        area = app.focused
        assert isinstance(area, TextArea) and area.text == "Coffee to go"
        await pilot.press("f2", "f2")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "business_name")
        await pilot.press("f3")
        await wait_for(pilot, lambda: bool(_problem(screen)))
        assert "cannot be skipped" in _problem(screen)
        assert "cannot be skipped" not in _conversation_text(screen), "the refusal is said once, under the box"
        assert screen._question is not None and screen._question.item_id == "business_name"
        await pilot.press("enter")  # the current answer is in the box: sending it keeps it
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "business_offer")
        await pilot.press("f3")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "objective")
    with Store.open(database) as store:
        statuses = {row.item_id: row.status for row in store.answers(session.id)}
    assert statuses["business_offer"] == "skipped"
    assert statuses["business_name"] == "answered"


async def test_editing_an_earlier_answer_that_switches_a_condition_asks_the_new_question(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        # No website and no main online channel named: the website questions are off until has_website is edited.
        no_site: dict[str, str | list[str]] = {"has_website": "no", "main_channel": ""}
        session = saved_interview(store, until="problem_to_solve", overrides=no_site)
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        await pilot.press("f4")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "EditPicker")
        await pilot.press(*"website")
        picker = app.screen.query_one("#picker", OptionList)
        await wait_for(pilot, lambda: picker.option_count >= 1)
        ids = [picker.get_option_at_index(index).id for index in range(picker.option_count)]
        assert "has_website" in ids
        picker.focus()
        picker.highlighted = ids.index("has_website")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "has_website")
        await pilot.press("1", "enter")  # yes
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "website_attraction")
        assert "Changed" in _conversation_text(screen) and "No → Yes" in _conversation_text(screen)
        await answer_current(pilot, text="Clear photos of the menu and prices")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "problem_to_solve")
    answers = _answers(database, session.id)
    assert answers["has_website"] is True
    assert answers["website_attraction"] == "Clear photos of the menu and prices"


async def test_a_user_answer_clicked_in_the_conversation_reopens_its_question(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="business_name")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        await answer_current(pilot, text="Lotus Coffee")
        conversation = screen.query_one(Conversation)
        row = next(y for y in range(conversation.size.height) if (e := conversation.entry_at(y)) and e.role == "user")
        await pilot.click(Conversation, offset=(10, row))
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "business_name")
        area = app.focused
        assert isinstance(area, TextArea) and area.text == "Lotus Coffee"


async def test_text_answers_take_new_lines_and_a_large_paste_whole(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="business_offer")
    app = make_app("en", "resume", session.id)
    pasted = "\n".join(f"Line {number}: coffee, tea and cakes for offices" for number in range(1, 41))
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*"First", "ctrl+j", *"Second")
        first_area = app.focused
        assert isinstance(first_area, TextArea) and first_area.text == "First\nSecond"
        first_area.text = ""
        app.post_message(events.Paste(pasted))  # what the driver sends for a terminal's bracketed paste
        await wait_for(pilot, lambda: first_area.text == pasted)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "business_offer" in _answers(database, session.id))
        huge = "word " * 1000
        screen = interview_screen(pilot)
        await pilot.press("1", "enter")  # the objective, then a long-text question
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        area = app.focused
        assert isinstance(area, TextArea)
        app.post_message(events.Paste(huge))
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea) and app.focused.text.startswith("word"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(_problem(screen)))
        assert "limit is 2000" in _problem(screen) or "2,000" in _problem(screen)
    assert _answers(database, session.id)["business_offer"] == pasted


async def test_numbers_are_checked_in_place(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="expected_touchpoints")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        screen = interview_screen(pilot)
        await pilot.press(*"abc")  # letters never get into a number field
        field = app.focused
        assert isinstance(field, Input) and field.value == ""
        await pilot.press(*"500", "enter")
        await wait_for(pilot, lambda: bool(_problem(screen)))
        assert "200" in _problem(screen)
        assert screen._question is not None and screen._question.item_id == "expected_touchpoints"
        field.value = ""
        await pilot.press(*"11", "enter")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "data_basis")
        assert not _problem(screen)
    assert _answers(database, session.id)["expected_touchpoints"] == 11


async def test_choices_by_number_arrows_and_other(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="objective")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceList))
        screen = interview_screen(pilot)
        other = screen.query_one("#answer-other", Input)
        other.focus()
        await pilot.press(*"Win back lapsed customers", "enter")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "why_needed")
    assert _answers(database, session.id)["objective"] == {"other": "Win back lapsed customers"}


async def test_several_choices_need_a_tick_and_a_scale_takes_its_number(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="research_method")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TickList))
        screen = interview_screen(pilot)
        await pilot.press("enter")  # nothing ticked on a required question
        await wait_for(pilot, lambda: bool(_problem(screen)))
        await pilot.press("space", "down", "down", "space", "enter")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id != "research_method")
    chosen = _answers(database, session.id)["research_method"]
    assert isinstance(chosen, list) and len(chosen) == 2


async def test_the_emotion_scale_shows_faces_and_takes_a_number(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="tp_emotion")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceList))
        choices = app.focused
        assert isinstance(choices, ChoiceList)
        labels = [str(choices.get_option_at_index(index).prompt) for index in range(choices.option_count)]
        assert labels[0].startswith("1. 😫") and labels[-1].startswith("5. 😄")
        assert choices.highlighted == 2  # the middle of the scale until the user says otherwise
        await pilot.press("2")
        assert choices.highlighted == 1, "a typed score highlights its face; Enter sends it"
        assert not any(key.startswith("tp_emotion") for key in _answers(database, session.id))
        await pilot.press("enter")
        await wait_for(pilot, lambda: any(key.startswith("tp_emotion") for key in _answers(database, session.id)))
    emotions = [value for key, value in _answers(database, session.id).items() if key.startswith("tp_emotion")]
    assert emotions == [2]


async def test_the_list_editor_adds_removes_reorders_and_splits_a_pasted_block(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        screen = interview_screen(pilot)
        editor = screen.query_one(ListEditor)
        assert editor.entries, "the preset's stages are offered as a start"
        editor.entries.clear()
        editor.add([])
        app.post_message(events.Paste("Awareness\nConsideration\n\nPurchase"))
        await wait_for(pilot, lambda: editor.entries == ["Awareness", "Consideration", "Purchase"])
        await pilot.press(*"Loyalty", "enter")
        entries = screen.query_one("#entries", OptionList)
        entries.focus()
        entries.highlighted = 3
        await pilot.press("alt+up")  # Loyalty before Purchase
        await wait_for(pilot, lambda: editor.entries == ["Awareness", "Consideration", "Loyalty", "Purchase"])
        entries.highlighted = 1
        await pilot.press("delete")
        await wait_for(pilot, lambda: editor.entries == ["Awareness", "Loyalty", "Purchase"])
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "stages" in _answers(database, session.id))
    assert _answers(database, session.id)["stages"] == ["Awareness", "Loyalty", "Purchase"]


async def test_an_empty_list_is_refused_in_place(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        screen = interview_screen(pilot)
        editor = screen.query_one(ListEditor)
        editor.entries.clear()
        editor.add([])
        await pilot.press("enter")  # an empty field sends the (empty) list
        await wait_for(pilot, lambda: bool(_problem(screen)))
        assert screen._question is not None and screen._question.item_id == "stages"
    assert "stages" not in _answers(database, session.id)


async def test_switching_language_keeps_the_past_and_asks_in_the_new_language(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="business_offer")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        before = screen.query_one(Conversation).plain_lines()
        await pilot.press(*"Coffee")
        await pilot.press("f7")
        await wait_for(pilot, lambda: screen.locale == "vi")
        after = screen.query_one(Conversation).plain_lines()
        assert after[: len(before)] == before
        assert "Bạn" in after[-1]
        area = app.focused
        assert isinstance(area, TextArea) and area.text == "Coffee"
        footer_labels = [binding.description for binding in binding_table(screen)["f2"]]
        assert footer_labels == ["Câu trước"]
    with Store.open(database) as store:
        assert store.get(session.id).locale == "vi"


async def test_the_analysis_speaks_up_when_the_touchpoints_outnumber_the_expectation(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(
            store,
            until="touchpoints",
            overrides={"expected_touchpoints": "2", "stages": ["Awareness"]},
        )
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        await answer_current(pilot, entries=("Google", "Facebook", "Zalo", "Website", "Hotline", "Counter"))
        await wait_for(pilot, lambda: "Analysis:" in _conversation_text(screen))
        assert "You expected about 2 touchpoints and listed 6" in _conversation_text(screen)


async def test_the_interview_fits_an_80_by_24_terminal(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="objective")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceList))
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: app.size == (80, 24))
        await pilot.pause()
        screen = interview_screen(pilot)
        choices = screen.query_one(ChoiceList)
        conversation = screen.query_one(Conversation)
        assert choices.region.height >= 3 and choices.region.right <= 80
        assert conversation.region.height >= 5
        assert conversation.region.width >= 40
        await pilot.press("1", "enter")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "why_needed")


async def test_untouched_suggestions_are_not_kept_as_a_draft(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        assert interview_screen(pilot).query_one(ListEditor).entries, "the preset's stages are in the editor"
        await pilot.press("ctrl+q")
    with Store.open(database) as store:
        assert store.get(session.id).draft is None


async def test_emptying_an_optional_answer_while_editing_skips_it(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="data_basis_notes", overrides={"data_basis": "1"})
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        screen.edit("data_basis")
        await wait_for(pilot, lambda: isinstance(app.focused, TickList))
        selection = app.focused
        assert isinstance(selection, TickList) and len(selection.selected) == 1
        await pilot.press("space")  # the one ticked option is highlighted first: Space unticks it
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id != "data_basis")
    with Store.open(database) as store:
        statuses = {row.item_id: row.status for row in store.answers(session.id)}
    assert statuses["data_basis"] == "skipped"


async def test_a_question_followed_by_other_lines_is_asked_once_on_resume(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
        question = session.next_turn().question  # said the way every front end says it
        assert question is not None
        session.say("Analysis: a finding said after the question")
        session.flush()
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        lines = interview_screen(pilot).query_one(Conversation).plain_lines()
        assert lines.count(question.text) == 1
        assert lines[-1] == question.text and "Analysis: a finding said after the question" in lines


def _moved_on(screen: InterviewScreen, question: Question) -> bool:
    return screen._question is not question


def _sidebar(screen: InterviewScreen) -> str:
    steps = screen.query_one("#steps", Static)
    return " ".join(" ".join(line.text for line in steps.render_lines(steps.region.reset_offset)).split())


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("en", "{answered} answered and {skipped} skipped of about"),
        ("vi", "Đã trả lời {answered} câu, bỏ qua {skipped} câu"),
    ],
)
async def test_the_sidebar_counts_skipped_questions_apart_from_answered_ones(
    make_app: MakeApp, database: Path, locale: str, said: str
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed", locale=locale)
        answered = session.progress().done
    app = make_app(locale, "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        skipped = 0
        while skipped < 2:  # the next two questions that may be skipped
            question = screen._question
            assert question is not None
            if question.required:
                await answer_current(pilot)
                answered += 1
                continue
            await pilot.press("f3")
            await wait_for(pilot, partial(_moved_on, screen, question))
            skipped += 1
        assert said.format(answered=answered, skipped=skipped) in _sidebar(screen)


async def test_the_total_is_called_an_estimate_and_the_bar_never_falls_as_touchpoints_are_added(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(
            store, until="touchpoints", overrides={"expected_touchpoints": "1", "stages": ["Awareness", "Purchase"]}
        )
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        bar = screen.query_one("#overall", ProgressBar)
        shown = [bar.percentage or 0.0]
        assert "of about" in _sidebar(screen)
        await answer_current(pilot, entries=("Google", "Facebook", "Zalo", "Website", "Hotline", "Counter"))
        for _ in range(12):  # the six touchpoints' questions, more than the one touchpoint expected
            await answer_current(pilot)
            shown.append(bar.percentage or 0.0)
        assert shown == sorted(shown), f"the bar fell back: {shown}"
        assert "of about" in _sidebar(screen)


@pytest.mark.parametrize(("locale", "outer", "inner"), [("en", "“”", "‘’"), ("vi", "«»", "“”")])
async def test_the_edit_confirmation_quotes_a_quoting_question_with_the_inner_marks(
    make_app: MakeApp, database: Path, locale: str, outer: str, inner: str
) -> None:
    with Store.open(database) as store:
        session = saved_interview(
            store, until="touchpoints", locale=locale, overrides={"depth": "2", "stages": ["Awareness"]}
        )
        number = next(n for n, entry in enumerate(session.review(), 1) if entry.item_id == "stage_goal")
    app = make_app(locale, "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        await wait_for(pilot, lambda: screen._answer_area() is not None)
        area = screen._answer_area()
        assert area is not None
        area.focus_input()
        await pilot.press(*f"/edit {number}", "enter")
        await wait_for(pilot, lambda: screen._question is not None and screen._question.item_id == "stage_goal")
        await answer_current(pilot, text="Find a quiet place to work near the office")
        await wait_for(pilot, lambda: "Find a quiet place" in _conversation_text(screen))
        said = [line for line in _conversation_text(screen).splitlines() if f"{inner[0]}Awareness{inner[1]}" in line]
        assert len(said) >= 2, "the edit request and what changed both name the question"
        for line in said:
            assert line.count(outer[0]) == line.count(outer[1]) == 1, line


async def test_what_the_open_interview_holds_is_collected_as_usual_once_it_is_closed(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        await wait_for(pilot, lambda: screen._latest_map is not None)
        assert gc.get_freeze_count() > 0, "kept out of the collector's full passes while the interview is open"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for(pilot, lambda: gc.get_freeze_count() == 0)
