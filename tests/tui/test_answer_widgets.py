"""The answer widgets doing what their hints say: numbers typed into a tick list tick, the list editor keeps one
entry per Enter and edits in place, a long list of options never hides the field typed into, and the chat's
commands typed in the answer box run instead of being saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events
from textual.content import Content
from textual.widgets import Input, OptionList, RadioButton, Static, TextArea

from assistant.store import Store
from assistant.tui.dialogs.modals import EditPicker, HelpScreen
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.widgets.answer import EntryList, ListEditor, TickList
from assistant.tui.widgets.conversation import Conversation
from tests.tui.conftest import MakeApp, interview_screen, saved_interview, wait_for


def _answers(database: Path, interview_id: str) -> dict[str, object]:
    with Store.open(database) as store:
        return {
            f"{row.item_id}@{row.instance_key}" if row.instance_key else row.item_id: json.loads(row.value)
            for row in store.answers(interview_id)
            if row.status == "answered"
        }


def _problem(screen: InterviewScreen) -> str:
    problem = screen.query_one("#problem")
    return str(problem.render()) if problem.display else ""


def _hint(screen: InterviewScreen) -> str:
    return str(screen.query_one("#answer-hint", Static).render())


def _asked(screen: InterviewScreen) -> str | None:
    return screen._question.item_id if screen._question is not None else None


def _drawn(button: RadioButton) -> str:
    """The characters a radio button draws, without their colours."""
    return Content.from_text(button.render()).plain


def _transcript(database: Path, interview_id: str) -> list[str]:
    with Store.open(database) as store:
        return [line.text for line in store.transcript(interview_id, last=1000)]


# ----- the tick list ---------------------------------------------------------------------------------------


async def test_typed_numbers_tick_as_the_hint_says(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="research_method")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TickList))
        screen = interview_screen(pilot)
        ticks = app.focused
        assert isinstance(ticks, TickList)
        assert "type the numbers" in _hint(screen)
        await pilot.press("6", ",", "7")
        assert ticks.selected == ["6", "7"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: _asked(screen) != "research_method")
    assert _answers(database, session.id)["research_method"] == ["frontline_feedback", "other"]


async def test_a_range_ticks_every_number_in_it(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="data_basis")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TickList))
        ticks = app.focused
        assert isinstance(ticks, TickList)
        await pilot.press("2", "-")
        assert ticks.border_subtitle == "Typed: 2-"  # what is being typed shows until it ticks
        await pilot.press("4")
        assert ticks.selected == ["2", "3", "4"] and not ticks.border_subtitle
        await pilot.press("space")  # Space still ticks (or unticks) the highlighted option: 4, the last typed
        assert ticks.selected == ["2", "3"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: "data_basis" in _answers(database, session.id))
    assert _answers(database, session.id)["data_basis"] == ["crm", "surveys"]


async def test_an_empty_tick_list_on_a_required_question_is_refused_and_not_said(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="research_method")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TickList))
        screen = interview_screen(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(_problem(screen)))
        assert _asked(screen) == "research_method"
        assert "(left empty)" not in "\n".join(screen.query_one(Conversation).plain_lines())
        await pilot.press("1", "enter")
        await wait_for(pilot, lambda: "research_method" in _answers(database, session.id))
    assert "(left empty)" not in _transcript(database, session.id)


async def test_ticks_and_radio_buttons_read_without_colour(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="research_method")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TickList))
        ticks = app.focused
        assert isinstance(ticks, TickList)
        await pilot.press("2")
        prompts = [str(ticks.get_option_at_index(index).prompt) for index in range(3)]
        assert prompts == ["☐ 1. Questionnaire survey", "☑ 2. Product trial", "☐ 3. One-to-one interviews"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")
        await pilot.press("n")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "NewInterviewScreen")
        vietnamese, english = app.screen.query(RadioButton)
        assert (_drawn(vietnamese), _drawn(english)) == ("▐○▌ Vietnamese ", "▐●▌ English ")
        await pilot.click("#new-language")
        await pilot.press("left", "enter")  # Vietnamese
        await wait_for(pilot, lambda: _drawn(vietnamese) == "▐●▌ Vietnamese ")
        assert _drawn(english) == "▐○▌ English "


async def test_a_ticked_other_asks_what_the_other_is(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="change_drivers")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TickList))
        screen = interview_screen(pilot)
        ticks = app.focused
        assert isinstance(ticks, TickList)
        other = next(c.number for c in ticks.choices if c.code == "other")
        await pilot.press(*str(other), "enter")
        await wait_for(pilot, lambda: _asked(screen) == "change_drivers_other")
        await pilot.press(*"New tax rules", "enter")
        await wait_for(pilot, lambda: "change_drivers_other" in _answers(database, session.id))
    assert _answers(database, session.id)["change_drivers_other"] == "New tax rules"


# ----- the list editor -------------------------------------------------------------------------------------


async def test_the_list_editor_keeps_a_comma_in_an_entry_and_says_so(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        screen = interview_screen(pilot)
        assert "commas and all" in _hint(screen) and "separated by commas" not in _hint(screen)
        editor = screen.query_one(ListEditor)
        editor.entries.clear()
        editor.add([])
        await pilot.press(*"Search, then compare", "enter")
        assert editor.entries == ["Search, then compare"]
        app.post_message(events.Paste("Visit\nBuy"))
        await wait_for(pilot, lambda: editor.entries == ["Search, then compare", "Visit", "Buy"])
        await pilot.press("enter")
        await wait_for(pilot, lambda: "stages" in _answers(database, session.id))
    assert _answers(database, session.id)["stages"] == ["Search, then compare", "Visit", "Buy"]


async def test_editing_a_middle_entry_keeps_it_in_its_place(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        screen = interview_screen(pilot)
        editor = screen.query_one(ListEditor)
        assert editor.entries == ["Awareness", "Consideration", "Purchase", "Service", "Loyalty"]
        entries = screen.query_one(EntryList)
        entries.focus()
        entries.highlighted = 2
        await pilot.press("enter")
        field = screen.query_one("#entry", Input)
        await wait_for(pilot, lambda: field.has_focus and field.value == "Purchase")
        assert "3. Purchase ✎" in str(entries.get_option_at_index(2).prompt)
        field.value = ""
        await pilot.press("backspace", "backspace", "backspace")  # erasing past the start stays in the field
        assert field.has_focus and len(editor.entries) == 5
        await pilot.press(*"First order", "enter")
        assert editor.entries == ["Awareness", "Consideration", "First order", "Service", "Loyalty"]
        assert not field.value and editor.editing is None
        await pilot.press("enter")
        await wait_for(pilot, lambda: "stages" in _answers(database, session.id))
    assert _answers(database, session.id)["stages"] == [
        "Awareness",
        "Consideration",
        "First order",
        "Service",
        "Loyalty",
    ]


@pytest.mark.parametrize("key", ["backspace", "delete"])
async def test_backspace_or_delete_on_the_empty_field_reaches_the_entries(
    make_app: MakeApp, database: Path, key: str
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        screen = interview_screen(pilot)
        editor = screen.query_one(ListEditor)
        await pilot.press(*"Ab", "backspace", "backspace")  # the field's own text goes first, letter by letter
        assert isinstance(app.focused, Input) and editor.entries[-1] == "Loyalty"
        await pilot.press(key)  # on the empty field: to the entries, the last one highlighted
        entries = screen.query_one(EntryList)
        await wait_for(pilot, lambda: entries.has_focus)
        assert entries.highlighted == 4 and "Del removes it" in _hint(screen)
        await pilot.press("delete")
        assert editor.entries == ["Awareness", "Consideration", "Purchase", "Service"]
        await pilot.press("tab")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        assert "Enter on the empty field sends" in _hint(screen)


# ----- long lists on small screens ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(120, 35), (80, 24)], ids=["120x35", "80x24"])
async def test_the_other_field_of_a_long_list_is_always_in_sight(
    make_app: MakeApp, database: Path, size: tuple[int, int]
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="tp_channel")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = interview_screen(pilot)
        choices = screen.query_one("#answer-choice", OptionList)
        assert choices.option_count == 16  # the bank's channels
        other = screen.query_one("#answer-other", Input)
        slot = screen.query_one("#answer-slot")
        await wait_for(pilot, lambda: other.region.height == 3 and other.region.bottom <= slot.region.bottom)
        assert slot.region.bottom <= size[1] - 1  # above the footer
        assert choices.region.height >= 3
        other.focus()
        await pilot.press(*"Flyers at the office lobby", "enter")
        await wait_for(pilot, lambda: any(key.startswith("tp_channel") for key in _answers(database, session.id)))
    assert {"other": "Flyers at the office lobby"} in _answers(database, session.id).values()


async def test_the_entry_field_stays_in_sight_on_a_small_screen(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        screen = interview_screen(pilot)
        field = screen.query_one("#entry", Input)
        slot = screen.query_one("#answer-slot")
        await wait_for(pilot, lambda: field.region.height == 3 and field.region.bottom <= slot.region.bottom)
        await pilot.press("up")  # to the entries: their own hint is shorter or longer, the field stays
        await wait_for(pilot, lambda: screen.query_one(EntryList).has_focus)
        await pilot.pause()
        await wait_for(pilot, lambda: field.region.height == 3 and field.region.bottom <= slot.region.bottom)


# ----- the chat's commands in the answer box -----------------------------------------------------------------


async def test_review_typed_as_an_answer_opens_the_numbered_answers(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
        numbers = {entry.ref: number for number, entry in enumerate(session.review(), 1)}
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*"/review", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EditPicker))
        picker = app.screen.query_one("#picker", OptionList)
        first = str(picker.get_option_at_index(0).prompt)
        assert first.startswith(f"{numbers['business_name']}. ")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        area = app.focused
        assert isinstance(area, TextArea) and area.text == ""
    assert "why_needed" not in _answers(database, session.id)
    assert "/review" not in _transcript(database, session.id)


async def test_edit_back_skip_and_help_typed_in_the_answer_box(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        screen = interview_screen(pilot)
        await pilot.press(*"/help", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await pilot.press(*"/edit 1", "enter")  # question 1 of the chat's /review
        await wait_for(pilot, lambda: _asked(screen) == "business_name")
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press("enter")  # keeps the name
        await wait_for(pilot, lambda: _asked(screen) == "why_needed")
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*"/skip", "enter")  # optional
        await wait_for(pilot, lambda: _asked(screen) == "business_goals")
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*"/back", "enter")
        await wait_for(pilot, lambda: _asked(screen) == "why_needed")
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*"/edit 999", "enter")
        await wait_for(pilot, lambda: "/edit NUMBER" in _problem(screen))
    with Store.open(database) as store:
        statuses = {row.item_id: row.status for row in store.answers(session.id)}
    assert statuses["why_needed"] == "skipped"
    assert not any(line.startswith("/") for line in _transcript(database, session.id))


async def test_a_command_typed_in_the_list_editor_is_not_an_entry(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        editor = interview_screen(pilot).query_one(ListEditor)
        before = list(editor.entries)
        await pilot.press(*"/review", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EditPicker))
        assert editor.entries == before


# ----- letters typed on a list -----------------------------------------------------------------------------


async def test_words_typed_on_an_open_choice_go_to_the_other_field(make_app: MakeApp, database: Path) -> None:
    """Typing an answer the list lacks, with the list focused, then Enter: the words are the answer, not the
    highlighted option."""
    with Store.open(database) as store:
        session = saved_interview(store, until="tp_channel")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, OptionList))
        await pilot.press(*"Flyers at the gym", "enter")
        await wait_for(pilot, lambda: any(key.startswith("tp_channel") for key in _answers(database, session.id)))
    assert {"other": "Flyers at the gym"} in _answers(database, session.id).values()


async def test_a_letter_on_a_closed_choice_is_refused_aloud(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="depth")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, OptionList))
        choices = app.focused
        assert isinstance(choices, OptionList)
        highlighted = choices.highlighted
        await pilot.press("x")
        await wait_for(pilot, lambda: "type a number" in str(choices.border_subtitle))
        assert app.focused is choices and choices.highlighted == highlighted
        await pilot.press("2")
        await wait_for(pilot, lambda: not choices.border_subtitle and choices.highlighted == 1)
    assert "depth" not in _answers(database, session.id)


async def test_typing_on_the_entries_adds_an_entry(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="stages")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        editor = interview_screen(pilot).query_one(ListEditor)
        before = list(editor.entries)
        await pilot.press("up")
        await wait_for(pilot, lambda: isinstance(app.focused, EntryList))
        await pilot.press(*"Loyalty", "enter")
        await wait_for(pilot, lambda: editor.entries == [*before, "Loyalty"])
        assert isinstance(app.focused, Input) and app.focused.value == ""
