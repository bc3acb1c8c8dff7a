"""The real app on a real database file, driven with Pilot the way a user drives it: keys and clicks."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from assistant.bank.loader import find_bank
from assistant.bank.model import ItemType
from assistant.interview.models import Question
from assistant.session import Session
from assistant.store import Store
from assistant.tui.app import JourneyApp, StartAt
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.widgets.answer import KindReviewArea, ListEditor

MakeApp = Callable[..., JourneyApp]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "journey.db"


@pytest.fixture
def make_app(database: Path, tmp_path: Path) -> Iterator[MakeApp]:
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


async def wait_for(pilot: Pilot[None], condition: Callable[[], object], *, seconds: float = 30.0) -> None:
    """Let the app run until `condition` holds: workers, mounts and refreshes finish in their own time (a widget
    the condition looks for may not be composed yet). Bounded by time, not by turns of the loop: a worker thread
    on a busy machine can take longer than any number of quick turns."""
    deadline = time.monotonic() + seconds
    turns = 0
    while True:
        try:
            if condition():
                return
        except NoMatches:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"the app never reached the expected state ({condition})")
        turns += 1
        await pilot.pause(None if turns < 50 else 0.01)


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
    """Give the current question a valid answer through its own widget, sent with the key a user sends it with;
    returns the question's reference. Lists get `entries` in place of any suggested ones, which keeps a whole walk
    short."""
    screen = interview_screen(pilot)
    if isinstance(screen._area, KindReviewArea):  # the kinds read in the obstacles so far: taken as they are
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(screen._area, KindReviewArea))
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
        area.query_one("#answer-number", Input).value = str(
            max(low, 3) if question.type is not ItemType.PERCENT else 40
        )
        await pilot.press("enter")
    elif kind in ("choice", "scale", "open"):
        if question.kind == "more":
            await pilot.press("2", "enter")
        else:
            area.query_one("#answer-choice").focus()
            await pilot.press("enter")
    elif kind == "multi":
        await pilot.press("space", "enter")
    elif kind == "list":
        editor = area.query_one(ListEditor)
        editor.entries.clear()
        editor.add([])
        entry_field = area.query_one("#entry", Input)
        entry_field.focus()
        for entry in entries:
            # Put in the field whole: each key Pilot presses waits for the app to go idle, and typing into the
            # field key by key is what the list editor's own tests are about.
            entry_field.value = entry
            await pilot.press("enter")
        await pilot.press("enter")
    await wait_for(pilot, lambda: screen._question is not question or screen.query_one("#problem").display)
    problem = screen.query_one("#problem", Static)
    assert not problem.display, f"{ref} refused: {problem.render()}"
    return ref


def generic_answer(question: Question, overrides: dict[str, str | list[str]]) -> str | list[str]:
    """A valid answer of the right shape for any question, as typed in the plain chat."""
    if question.item_id in overrides:
        return overrides[question.item_id]
    if question.kind == "more":
        return "no"
    kind = question.type
    if kind in (ItemType.TEXT, ItemType.LONG_TEXT) or question.kind == "probe":
        return "Busy office workers who order coffee online"
    if kind in (ItemType.INTEGER, ItemType.DECIMAL):
        return str(max(int(question.min or 0), 3))
    if kind is ItemType.PERCENT:
        return "40"
    if kind is ItemType.LIST:
        return ["Website", "Hotline"]
    if kind is ItemType.BOOLEAN:
        return "no"
    if kind is ItemType.SCALE:
        return "3"
    return "1"


def saved_interview(
    store: Store,
    *,
    until: str,
    locale: str = "en",
    overrides: dict[str, str | list[str]] | None = None,
    title: str = "Lotus Coffee",
) -> Session:
    """An interview saved with every question answered up to the first one about item `until`."""
    session = Session.start(store, find_bank("customer-journey").bank, locale, "general", title)
    for _ in range(500):
        question = session.question()
        assert question is not None, f"the interview ended before {until}"
        if question.item_id == until and question.kind != "more":
            session.flush()
            return session
        outcome = session.answer(generic_answer(question, overrides or {}))
        assert outcome.ok, outcome.message
    raise AssertionError(f"never reached {until}")
