"""A whole interview through the real app, in each language, then exported from the export dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.store import Store
from tests.tui.conftest import MakeApp, answer_current, interview_screen, wait_for


@pytest.mark.parametrize("locale", ["en", "vi"])
async def test_a_whole_interview_then_its_export(
    make_app: MakeApp, database: Path, tmp_path: Path, locale: str
) -> None:
    app = make_app(locale)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen.id != "_default" and type(app.screen).__name__ == "NewInterviewScreen")
        await pilot.press(*"Lotus Coffee", "ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "InterviewScreen")
        screen = interview_screen(pilot)
        answered = 0
        while screen._question is not None:
            await answer_current(pilot)
            answered += 1
            assert answered < 800, "the interview never ends"
        progress = screen.session.interview.progress()
        assert progress.finished
        await pilot.press("f6")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportDialog")
        target = tmp_path / "lotus.md"
        field = app.screen.query_one("#export-path")
        field.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists())
        text = target.read_text(encoding="utf-8")
    assert "Lotus Coffee" in text
    with Store.open(database) as store:
        (row,) = store.interviews()
        assert row.status == "completed"
        assert row.locale == locale
        assert len([a for a in store.answers(row.id) if a.status == "answered"]) >= answered // 2
