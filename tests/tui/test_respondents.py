"""Importing survey responses from the app: F8 on the interview screen, a file picked or typed, the import's
summary in the dialog, the count under the steps, and the customers in the map the screen builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from assistant.journeymap.markdown import render_markdown
from assistant.store import Store
from assistant.tui.dialogs.respondents import RespondentsDialog, forget_respondents
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.screens.map import MapScreen
from assistant.tui.widgets.canvas import JourneyCanvas
from tests.survey import SURVEY_DATA, golden_interview
from tests.tui.conftest import MakeApp, wait_for


async def test_import_from_the_interview_screen(
    make_app: MakeApp, database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SURVEY_DATA / "google-forms-en.csv", tmp_path / "responses.csv")
    with Store.open(database) as store:
        interview = golden_interview(store, "en").id
    forget_respondents(database, interview)
    app = make_app("en", "resume", interview)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        assert not app.screen.query("#respondent-count")  # nobody surveyed yet: nothing said
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, RespondentsDialog))
        dialog = app.screen
        count = dialog.query_one("#respondents-count", Static)
        await wait_for(pilot, lambda: "No respondents yet" in str(count.render()))

        dialog.query_one("#respondents-path", Input).value = "missing.csv"
        await pilot.press("enter")
        report = dialog.query_one("#respondents-report", Static)
        await wait_for(pilot, lambda: "does not exist" in str(report.render()))

        dialog.query_one("#respondents-path", Input).value = "responses.csv"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Imported 8 respondents" in str(report.render()))
        assert "Left out 1 column that looks personal" in str(report.render())
        await wait_for(pilot, lambda: "8 respondents in all, from 1 file." in str(count.render()))
        assert any("Imported 8 respondents" in notice.message for notice in app._notifications)

        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await wait_for(pilot, lambda: bool(app.screen.query("#respondent-count")))
        shown = app.screen.query_one("#respondent-count", Static)
        assert str(shown.render()) == "8 customers surveyed (F8)"

        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, MapScreen))
        preview = app.screen
        assert isinstance(preview, MapScreen)
        markdown = render_markdown(preview.map)
        assert "What customers said" in markdown and "You said 4; 7 customers say 2.1." in markdown
        canvas = preview.query_one(JourneyCanvas)
        await wait_for(pilot, lambda: canvas.picture is not None)
        assert canvas.picture is not None
        drawn = "".join(segment.text for line in canvas.picture.lines for segment in line)
        assert "used by 7 customers" in drawn and "Customers: " in drawn and "⚠ You 4 · customers" in drawn
