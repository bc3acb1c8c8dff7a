"""The map preview through the real app: F5 opens the canvas the analysis already built, the document is one key
away with its contents, and on a wide terminal the canvas stays beside the conversation and follows each answer."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.pilot import Pilot
from textual.widgets import OptionList

from assistant.bank.loader import find_bank
from assistant.interview.answers_file import fill_interview
from assistant.session import Session
from assistant.store import Store
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.screens.map import MapScreen, same_answers
from assistant.tui.widgets.canvas import JourneyCanvas
from tests.maps import GOLDEN, MAPS
from tests.tui.conftest import MakeApp, answer_current, interview_screen, saved_interview, wait_for


def _adopted(database: Path, answers: Path) -> str:
    document = yaml.safe_load(answers.read_text(encoding="utf-8"))
    bank = find_bank(document["bank"]).bank
    interview = fill_interview(bank, document["answers"], document["locale"], document.get("preset"))
    with Store.open(database) as store:
        return Session.adopt(store, interview, document.get("title") or document["answers"]["business_name"]).id


async def _analysed(pilot: Pilot[None]) -> InterviewScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, InterviewScreen))
    screen = interview_screen(pilot)
    await wait_for(pilot, lambda: screen._latest_map is not None)
    return screen


async def _map_screen(pilot: Pilot[None]) -> MapScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MapScreen))
    screen = pilot.app.screen
    assert isinstance(screen, MapScreen)
    canvas = screen.query_one(JourneyCanvas)
    await wait_for(pilot, lambda: canvas.picture is not None)
    return screen


def _shown(canvas: JourneyCanvas) -> list[str]:
    return [canvas.render_line(y).text for y in range(canvas.scrollable_size.height)]


async def test_f5_opens_the_canvas_of_the_map_the_analysis_already_built(make_app: MakeApp, database: Path) -> None:
    interview_id = _adopted(database, GOLDEN / "answers-en.yaml")
    app = make_app("en", "resume", interview_id)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await _analysed(pilot)
        latest = screen._latest_map
        assert latest is not None
        await pilot.press("f5")
        shown = await _map_screen(pilot)
        assert shown.map is latest[1], "F5 shows the map the last analysis built, without building it again"
        assert not app._notifications, "nothing to wait for, so no 'building the map' notice"
        lines = _shown(shown.query_one(JourneyCanvas))
        assert all(name in lines[0] for name in ("Awareness", "Purchase", "Loyalty"))
        text = "\n".join(lines)
        for lane in ("Touchpoints", "Emotion", "Obstacles"):
            assert lane in text
        assert "●●○ MEDIUM" in text and "Facebook fanpage" in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen))


async def test_f5_builds_the_map_when_the_newest_answer_is_not_analysed_yet(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _analysed(pilot)
        await answer_current(pilot, text="Sales fell by a fifth since the chain opened")
        screen._latest_map = None  # as if the analysis of that answer were still running
        await pilot.press("f5")
        shown = await _map_screen(pilot)
        assert shown.map.goals.why == "Sales fell by a fifth since the chain opened"


async def test_the_canvas_scrolls_sideways_and_down_keeping_lanes_and_stages_in_view(
    make_app: MakeApp, database: Path, tmp_path: Path
) -> None:
    journey = MAPS / "homestay-vi.yaml"
    interview_id = _adopted(database, journey)
    app = make_app("vi", "resume", interview_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _analysed(pilot)
        await pilot.press("f5")
        canvas = (await _map_screen(pilot)).query_one(JourneyCanvas)
        before = _shown(canvas)
        assert "Nhận biết" in before[0] and "Sau chuyến đi" not in before[0]
        await pilot.press("end")
        await pilot.press(*["right"] * 200)
        await wait_for(pilot, lambda: "Sau chuyến đi" in _shown(canvas)[0])
        after = _shown(canvas)
        assert after[0].startswith(before[0][:16]), "the lane labels stay at the left"
        assert "Điểm chạm" not in "\n".join(after), "scrolled to the end: the first lanes are above"
        assert "Quy trình" in "\n".join(after), "the backstage lanes are at the bottom"
        assert "Sau chuyến đi" in after[0], "the stage names stay at the top"
        picture = canvas.picture
        assert picture is not None
        top = after[len(picture.header)]
        assert top[:15].strip(), f"the lane cut by the top edge keeps its label in view: {top!r}"


async def test_the_document_is_one_key_away_and_its_contents_jump_to_a_section(
    make_app: MakeApp, database: Path
) -> None:
    interview_id = _adopted(database, GOLDEN / "answers-vi.yaml")
    app = make_app("vi", "resume", interview_id)
    async with app.run_test(size=(120, 35)) as pilot:
        await _analysed(pilot)
        await pilot.press("f5")
        screen = await _map_screen(pilot)
        await pilot.press("d")
        await wait_for(pilot, lambda: screen.document is not None and screen.document.complete)
        document = screen.document
        assert document is not None
        titles = [title for _, title, _ in document.headings]
        assert titles[1:5] == [
            "Bắt đầu từ đâu",
            "Toàn cảnh hành trình",
            "Những khoảnh khắc quan trọng",
            "Mục tiêu và phạm vi",
        ]
        contents = screen.query_one("#map-contents", OptionList)
        appendix = next(i for i, option in enumerate(contents.options) if str(option.prompt).startswith("Phụ lục"))
        contents.focus()
        contents.highlighted = appendix
        await pilot.press("enter")
        line = next(first for _, title, first in document.headings if title.startswith("Phụ lục"))
        await wait_for(pilot, lambda: document.scroll_y == min(line, document.max_scroll_y))
        await pilot.press("t")
        assert not contents.display
        await pilot.press("c")
        assert screen.showing == "map-canvas"
        await pilot.press("d")
        assert screen.showing == "map-document" and screen.document is document, "drawn once, kept"


async def test_a_wide_terminal_keeps_the_canvas_beside_the_conversation_and_it_follows_each_answer(
    make_app: MakeApp, database: Path
) -> None:
    overrides: dict[str, str | list[str]] = {"stages": ["Discover", "Buy"], "touchpoints": ["Fanpage", "Hotline"]}
    with Store.open(database) as store:
        session = saved_interview(store, until="tp_actions", overrides=overrides)
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await _analysed(pilot)
        canvas = screen.query_one("#live-canvas", JourneyCanvas)
        await wait_for(pilot, lambda: canvas.picture is not None)
        assert canvas.display and canvas.region.width > 60
        assert "What the" not in "\n".join(_shown(canvas)), "no actions yet: no actions lane"
        await answer_current(pilot, text="Reads the opening hours twice")
        await wait_for(pilot, lambda: "Reads the opening hours" in "\n".join(_shown(canvas)))
        assert "What the" in "\n".join(_shown(canvas)), "the lane appears with its first entry"
        assert app.focused is not None and not isinstance(app.focused, JourneyCanvas), "typing stays in the box"
        await pilot.resize_terminal(120, 40)
        await wait_for(pilot, lambda: not canvas.display)


async def test_an_analysis_that_finishes_after_a_newer_one_is_dropped(make_app: MakeApp, database: Path) -> None:
    with Store.open(database) as store:
        session = saved_interview(store, until="why_needed")
    app = make_app("en", "resume", session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _analysed(pilot)
        latest = screen._latest_map
        assert latest is not None
        older = latest[0]
        await answer_current(pilot, text="Sales fell by a fifth since the chain opened")
        await wait_for(pilot, lambda: screen._latest_map is not latest and screen._latest_map is not None)
        newest = screen._latest_map
        screen._mapped(older, latest[1])
        assert screen._latest_map is newest
        assert newest is not None and not same_answers(older.state, newest[0].state)
        assert same_answers(newest[0].state, screen.session.interview.state)
