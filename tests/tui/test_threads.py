"""A worker thread's result that lands after its screen closed is dropped, not turned into a crash."""

from __future__ import annotations

import threading

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual.worker import WorkerState

from assistant.tui.threads import hand_back
from tests.tui.conftest import wait_for


class Panel(Vertical):
    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self.release = release
        self.shown: list[str] = []
        self.failures: list[Exception] = []
        self.handed_back = threading.Event()

    def compose(self) -> ComposeResult:
        yield Static(id="text")

    @work(thread=True)
    def build(self) -> None:
        # A thread worker runs on after its node is removed or the app quits (only its state says cancelled), so
        # the test watches the call itself.
        self.release.wait(timeout=10)
        try:
            hand_back(self, self.show, "built")
        except Exception as failure:
            self.failures.append(failure)
        finally:
            self.handed_back.set()

    def show(self, text: str) -> None:
        self.query_one("#text", Static).update(text)  # fails once the panel's children are gone
        self.shown.append(text)


class PanelApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.panel = Panel(self.release)

    def compose(self) -> ComposeResult:
        yield self.panel


async def test_a_result_reaches_a_panel_still_on_screen() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        worker = app.panel.build()
        app.release.set()
        await wait_for(pilot, lambda: worker.state == WorkerState.SUCCESS)
        assert app.panel.shown == ["built"]


async def test_a_result_for_a_removed_panel_is_dropped() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        app.panel.build()
        await app.panel.remove()
        app.release.set()
        await wait_for(pilot, app.panel.handed_back.is_set)
        assert app.panel.failures == [] and app.panel.shown == []


async def test_a_result_after_the_app_quit_is_dropped() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        app.panel.build()
        app.exit()
        app.release.set()
        await wait_for(pilot, app.panel.handed_back.is_set)
    assert app.panel.failures == [] and app.panel.shown == []
