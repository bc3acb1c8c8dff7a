"""The home screen through the real app: the list, the filter, and each action on a saved interview."""

from __future__ import annotations

import json
from pathlib import Path

from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, OptionList, Static

from assistant.store import Store
from assistant.tui.app import JourneyApp
from assistant.tui.screens.home import HomeScreen
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.screens.new_interview import NewInterviewScreen
from tests.tui.conftest import MakeApp, generic_answer, saved_interview, wait_for


def _titles(app: JourneyApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(index)[0]) for index in range(table.row_count)]


async def test_an_empty_database_welcomes_and_offers_to_start(make_app: MakeApp) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#welcome-text")))
        welcome = str(app.screen.query_one("#welcome-text").render())
        assert "six steps" in welcome and "Understand the customer" in welcome
        assert not app.screen.query_one(DataTable).display
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "welcome-start")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NewInterviewScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_the_vietnamese_home_speaks_vietnamese(make_app: MakeApp) -> None:
    app = make_app("vi")
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#welcome-text")))
        assert "sáu bước" in str(app.screen.query_one("#welcome-text").render())
        labels = {active.binding.action: active.binding.description for active in app.screen.active_bindings.values()}
        assert labels["new"] == "Tạo mới"


async def test_the_list_is_newest_first_and_filters_as_you_type(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        for title in ("Lotus Coffee", "Phở Hà Nội", "Bún bò Huế"):
            saved_interview(store, until="objective", title=title)
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.query_one(DataTable).row_count)
        assert _titles(app) == ["Bún bò Huế", "Phở Hà Nội", "Lotus Coffee"]
        table = app.screen.query_one(DataTable)
        newest = table.coordinate_to_cell_key(Coordinate(0, 0)).row_key
        assert "%" in str(table.get_cell(newest, "progress"))
        assert str(table.get_cell(newest, "status")) == "In progress"
        await pilot.press("slash", *"ha noi")  # accents and case do not matter
        await wait_for(pilot, lambda: _titles(app) == ["Phở Hà Nội"])
        await pilot.press(*"zzz")
        await wait_for(pilot, lambda: app.screen.query_one("#home-empty").display)
        assert "No interview matches" in str(app.screen.query_one("#home-empty").render())
        app.screen.query_one("#filter", Input).value = ""
        await wait_for(pilot, lambda: len(_titles(app)) == 3)


async def test_rename_delete_duplicate_and_resume(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        first = saved_interview(store, until="objective", title="Lotus Coffee")
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.query_one(DataTable).row_count)
        await pilot.press("r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AskText")
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")  # an empty title is refused in place
        assert "empty" in str(app.screen.query_one("#ask-problem").render()).lower()
        await pilot.press(*"Lotus Coffee Q4", "enter")
        await wait_for(pilot, lambda: _titles(app) == ["Lotus Coffee Q4"])
        await pilot.press("c")
        await wait_for(pilot, lambda: len(_titles(app)) == 2)
        copy_title = _titles(app)[0]
        assert "Lotus Coffee Q4" in copy_title and copy_title != "Lotus Coffee Q4"
        await pilot.press("d")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "Confirm")
        await pilot.press("escape")  # changed their mind: nothing is deleted
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert len(_titles(app)) == 2
        await pilot.press("d", "y")
        await wait_for(pilot, lambda: len(_titles(app)) == 1)
        assert _titles(app) == ["Lotus Coffee Q4"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.session.id == first.id
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    with Store.open(database) as store:
        assert [row.title for row in store.interviews()] == ["Lotus Coffee Q4"]


async def test_a_new_interview_in_the_language_and_preset_chosen(make_app: MakeApp, database: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewInterviewScreen))
        await pilot.press(*"Cà phê Sen", "enter")  # Enter moves on to the language
        await pilot.press("left", "enter")  # the system's English is chosen; Tiếng Việt is just before it
        preview = app.screen.query_one("#new-preset-preview")
        assert "Suggested stages" in str(preview.render())
        app.screen.query_one("#new-preset").focus()
        await pilot.press("home", "enter")  # B2B
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
    with Store.open(database) as store:
        (row,) = store.interviews()
    assert (row.title, row.preset) == ("Cà phê Sen", "b2b")
    assert row.locale == "vi"


async def test_the_theme_is_remembered_between_runs(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.theme = "textual-light"
        await pilot.pause()
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["theme"] == "textual-light"
    again = make_app("en")
    async with again.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, HomeScreen))
        assert again.theme == "textual-light"


async def test_the_command_palette_offers_every_key_of_the_screen(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        saved_interview(store, until="objective")
    app = make_app("en")
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.query_one(DataTable).row_count)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"New", "Export", "Rename", "Delete", "Duplicate"} <= titles
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Why", "Back", "Skip", "Edit", "Map", "Export", "Language", "Home"} <= titles


async def test_the_palette_and_the_list_follow_a_language_switch(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        saved_interview(store, until="objective", locale="vi", title="Cà phê Sen")
    app = make_app("vi")
    async with app.run_test(size=(120, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.query_one(DataTable).row_count)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Đổi giao diện" in titles and "Tạo mới" in titles
        assert not titles & {"Theme", "Quit", "Keys", "Maximize", "Screenshot"}
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await pilot.press("f7", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        table = app.screen.query_one(DataTable)
        newest = table.coordinate_to_cell_key(Coordinate(0, 0)).row_key
        await wait_for(pilot, lambda: str(table.get_cell(newest, "preset")) == "General")
        assert next(str(column.label) for column in table.columns.values()) == "Title"
        assert str(table.get_cell(newest, "language")) == "English"
        labels = {active.binding.action: active.binding.description for active in app.screen.active_bindings.values()}
        assert labels["new"] == "New"


async def test_the_presets_are_shown_in_the_language_chosen_for_the_interview(
    make_app: MakeApp, database: Path
) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewInterviewScreen))
        presets = app.screen.query_one("#new-preset", OptionList)
        preview = app.screen.query_one("#new-preset-preview", Static)
        await wait_for(pilot, lambda: "Research" in str(preview.render()) or presets.highlighted is not None)
        assert any("business to business" in str(option.prompt) for option in presets.options)
        await pilot.press("enter")  # from the title to the language
        await pilot.press("left", "enter")  # Tiếng Việt
        await wait_for(pilot, lambda: any("bán cho doanh nghiệp" in str(o.prompt) for o in presets.options))
        presets.focus()
        await pilot.press("home")  # B2B
        await wait_for(pilot, lambda: "Nghiên cứu" in str(preview.render()))
        assert "Research" not in str(preview.render())
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
    with Store.open(database) as store:
        (row,) = store.interviews()
    assert row.locale == "vi"


async def test_a_completed_interview_that_skipped_questions_says_so_in_the_list(
    make_app: MakeApp, database: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
        skipped = 0
        while (question := session.question()) is not None:
            if question.required or question.kind == "more":
                session.answer(generic_answer(question, {}))
            else:
                session.skip("/skip")
                skipped += 1
        session.flush()
        answered = session.progress().done - skipped
    app = make_app("en")
    async with app.run_test(size=(130, 32)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.query_one(DataTable).row_count)
        table = app.screen.query_one(DataTable)
        row = table.coordinate_to_cell_key(Coordinate(0, 0)).row_key
        assert str(table.get_cell(row, "status")) == f"Completed · {answered} answered, {skipped} skipped"
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: str(table.get_cell(row, "status")) == f"Completed, {skipped} skipped")
