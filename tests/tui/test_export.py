"""The export dialog: the default name, the format following the choice, an overwrite asked first, a path that
cannot be written reported in place, and the file written only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet, Static

from assistant.store import Store
from assistant.tui.app import JourneyApp
from assistant.tui.dialogs.modals import Confirm, ExportDialog
from assistant.tui.screens.interview import InterviewScreen
from tests.tui.conftest import MakeApp, saved_interview, wait_for


def _dialog(app: JourneyApp) -> ExportDialog:
    screen = app.screen
    assert isinstance(screen, ExportDialog)
    return screen


async def _open_dialog(app: JourneyApp, pilot: object) -> ExportDialog:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
    await pilot.press("f6")
    await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
    return _dialog(app)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, with a Documents folder in it, and a working directory elsewhere."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    elsewhere = tmp_path / "shell"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return home / "Documents"


async def test_export_names_the_file_asks_before_overwriting_and_reports_problems(
    make_app: MakeApp, database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("assistant.locations.documents_dir", lambda: tmp_path)
    with Store.open(database) as store:
        session = saved_interview(store, until="objective", title="Lotus Coffee")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 32)) as pilot:
        dialog = await _open_dialog(app, pilot)
        path = dialog.query_one("#export-path", Input)
        assert path.value == str(tmp_path / "lotus-coffee.journey.md")
        formats = dialog.query_one(RadioSet)
        formats.focus()
        await pilot.press("right", "enter")  # HTML
        await wait_for(pilot, lambda: path.value.endswith(".journey.html"))
        path.focus()
        await pilot.press("enter")
        target = tmp_path / "lotus-coffee.journey.html"
        await wait_for(pilot, lambda: target.exists() and isinstance(app.screen, InterviewScreen))
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert any("Saved to" in notice.message for notice in app._notifications)

        target.write_text("keep me", encoding="utf-8")
        dialog = await _open_dialog(app, pilot)
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("n")  # no: the file stays as it was, the dialog stays open
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await wait_for(pilot, lambda: target.read_text(encoding="utf-8") != "keep me")
        assert "<html" in target.read_text(encoding="utf-8")

        dialog = await _open_dialog(app, pilot)
        dialog.query_one("#export-path", Input).value = str(tmp_path / "missing-folder" / "map.md")
        await pilot.press("enter")
        problem = dialog.query_one("#export-problem", Static)
        await wait_for(pilot, lambda: bool(str(problem.render())))
        assert "missing-folder" in str(problem.render())
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
    assert not (tmp_path / "missing-folder").exists()


async def test_export_starts_in_documents_then_remembers_the_last_folder(
    make_app: MakeApp, database: Path, tmp_path: Path, documents: Path
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="objective", title="Lotus Coffee")
    app = make_app("en", "resume", session.id)
    chosen = tmp_path / "maps"
    chosen.mkdir()
    async with app.run_test(size=(100, 32)) as pilot:
        dialog = await _open_dialog(app, pilot)
        path = dialog.query_one("#export-path", Input)
        assert path.value == str(documents / "lotus-coffee.journey.md")  # not the folder the shell was in
        path.value = str(chosen / "lotus.md")
        await pilot.press("enter")
        await wait_for(pilot, lambda: (chosen / "lotus.md").exists() and isinstance(app.screen, InterviewScreen))
        dialog = await _open_dialog(app, pilot)
        assert dialog.query_one("#export-path", Input).value == str(chosen / "lotus-coffee.journey.md")
    again = make_app("en", "resume", session.id)
    async with again.run_test(size=(100, 32)) as pilot:
        dialog = await _open_dialog(again, pilot)
        assert dialog.query_one("#export-path", Input).value == str(chosen / "lotus-coffee.journey.md")
    chosen.joinpath("lotus.md").unlink()
    chosen.rmdir()  # a remembered folder that is gone: back to Documents
    third = make_app("en", "resume", session.id)
    async with third.run_test(size=(100, 32)) as pilot:
        dialog = await _open_dialog(third, pilot)
        assert dialog.query_one("#export-path", Input).value == str(documents / "lotus-coffee.journey.md")
