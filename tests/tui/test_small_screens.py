"""An 80×24 terminal: step names in full (or short), help that opens at its top, and a footer of whole keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static

from assistant.store import Store
from assistant.tui.dialogs.modals import HelpScreen
from assistant.tui.screens.interview import NARROW, InterviewScreen
from assistant.tui.textual_adapter import FooterKey
from tests.tui.conftest import MakeApp, interview_screen, saved_interview, wait_for


def _sidebar(screen: InterviewScreen) -> str:
    steps = screen.query_one("#steps", Static)
    return "\n".join(line.text for line in steps.render_lines(steps.region.reset_offset))


@pytest.mark.parametrize("width", [80, 120])
async def test_step_names_are_never_cut(make_app: MakeApp, database: Path, width: int) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
        steps = session.progress().steps
    app = make_app("en", "resume", session.id)
    names = [step.short_title if width < NARROW else step.title for step in steps]

    def whole() -> bool:
        """Each name whole, wrapped under itself where it does not fit on one line; the sidebar is laid out for
        the screen's width a refresh after the screen is shown, so the test waits for that."""
        shown = " ".join(_sidebar(interview_screen(pilot)).split())
        return "…" not in shown and all(word in shown for name in names for word in name.split())

    async with app.run_test(size=(width, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await wait_for(pilot, whole)


@pytest.mark.parametrize(("width", "short"), [(80, True), (120, False)])
async def test_a_narrow_sidebar_uses_the_short_step_names(
    make_app: MakeApp, database: Path, width: int, short: bool
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(width, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await wait_for(pilot, lambda: "1. Goals" in (shown := _sidebar(interview_screen(pilot))) or "1. Set" in shown)
        shown = _sidebar(interview_screen(pilot))
        assert ("1. Goals" in shown) is short
        assert ("1. Set clear" in shown) is not short


async def test_help_opens_at_its_top(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        box = app.screen.query_one(VerticalScroll)
        await wait_for(pilot, lambda: box.max_scroll_y > 0)  # longer than the screen: there is something to scroll
        await pilot.pause()
        assert box.scroll_y == 0
        assert app.screen.query_one("#help-close").has_focus


@pytest.mark.parametrize("until", ["why_needed", "stages", "research_method"])
async def test_the_footer_shows_whole_keys_at_80_columns(make_app: MakeApp, database: Path, until: str) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until=until)
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen) and bool(app.screen.query(FooterKey)))
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        palette = next(key for key in keys if key.has_class("-command-palette"))
        assert palette.region.right <= 80 and palette.region.width >= len("^p palette")
        others = [key for key in keys if key is not palette]
        assert [key.key for key in others[:2]] == ["f1", "f2"]
        for key in others:
            assert key.region.width > 0 and key.region.right <= palette.region.x, key.key


@pytest.mark.parametrize("locale", ["vi", "en"])
@pytest.mark.parametrize("until", ["why_needed", "stages", "research_method"])
async def test_every_interview_key_is_in_the_footer_at_80_columns(
    make_app: MakeApp, database: Path, locale: str, until: str
) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until=until, locale=locale)
    app = make_app(locale, "resume", session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen) and bool(app.screen.query(FooterKey)))
        essential = {"f1", "f2", "f3", "f4", "f5", "f6", "f7", "escape"}

        def shown() -> dict[str, str]:
            return {key.key: key.description for key in app.screen.query(FooterKey) if 0 < key.region.right <= 80}

        await wait_for(pilot, lambda: essential <= set(shown()))
        assert all(description.strip() for description in shown().values()), "each key still says what it does"
