"""The real app on a real database file, driven with Pilot the way a user drives it: keys and clicks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from assistant.bank.model import ItemType
from assistant.store import Store
from assistant.tui.answer import ListEditor
from assistant.tui.app import JourneyApp, StartAt
from assistant.tui.interview import InterviewScreen

MakeApp = Callable[..., JourneyApp]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "journey.db"


@pytest.fixture
def make_app(database: Path, tmp_path: Path) -> MakeApp:
    stores: list[Store] = []

    def make(
        locale: str = "en", start: StartAt = "home", interview_id: str | None = None, *, db: Path | None = None
    ) -> JourneyApp:
        store = Store.open(db or database)
        stores.append(store)
        return JourneyApp(
            store, locale=locale, start=start, interview_id=interview_id, settings_path=tmp_path / "settings.json"
        )

    yield make
    for store in stores:
        store.close()


async def wait_for(pilot: Pilot[None], condition: Callable[[], object], *, attempts: int = 200) -> None:
    """Let the app run until `condition` holds: workers, mounts and refreshes finish in their own time."""
    for _ in range(attempts):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"the app never reached the expected state ({condition})")


def interview_screen(pilot: Pilot[None]) -> InterviewScreen:
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen), f"expected the interview screen, found {screen!r}"
    return screen


async def answer_current(
    pilot: Pilot[None],
    *,
    text: str = "Busy office workers who order coffee online",
    entries: tuple[str, ...] = ("Website", "Hotline"),
) -> str:
    """Give the current question a valid answer through its own widget; returns the question's reference.
    Lists get `entries` in place of any suggested ones, which keeps a whole walk short."""
    screen = interview_screen(pilot)
    question = screen._question
    area = screen._answer_area()
    assert question is not None and area is not None
    kind = area.style_kind
    ref = question.ref
    if kind == "text":
        field = area.query_one("#answer-text", TextArea)
        field.focus()
        field.text = text
        await pilot.press("enter")
    elif kind == "number":
        low = int(question.min) if question.min is not None else 3
        area.query_one("#answer-number", Input).value = ""
        await pilot.press(*str(max(low, 3) if question.type is not ItemType.PERCENT else 40), "enter")
    elif kind in ("choice", "scale", "open"):
        if question.kind == "more":
            await pilot.press("2")
        else:
            area.query_one("#answer-choice").focus()
            await pilot.press("enter")
    elif kind == "multi":
        await pilot.press("space", "enter")
    elif kind == "list":
        editor = area.query_one(ListEditor)
        editor.entries.clear()
        editor.add([])
        area.query_one("#entry").focus()
        for entry in entries:
            await pilot.press(*entry, "enter")
        await pilot.press("enter")
    await wait_for(pilot, lambda: screen._question is not question or screen.query_one("#problem").display)
    problem = screen.query_one("#problem", Static)
    assert not problem.display, f"{ref} refused: {problem.render()}"
    return ref
