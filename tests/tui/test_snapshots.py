"""SVG snapshots of every screen, in both languages and in a light and a dark theme.

Each picture was looked at before it was accepted; a changed picture fails the test, and
`pytest tests/tui/test_snapshots.py --snapshot-update` rewrites it once the change has been looked at too.
The interviews are seeded through the session the way the interview screen drives it (its transcript included),
on a fixed clock, in UTC, from a fixed working directory, so every picture is the same on every machine.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
import yaml
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from assistant.bank.loader import find_bank
from assistant.bank.model import ItemType
from assistant.i18n import t
from assistant.interview.answers_file import fill_interview
from assistant.interview.models import Question
from assistant.session import Session
from assistant.store import Store
from assistant.tui.app import JourneyApp
from assistant.tui.dialogs.modals import EditPicker, ExportDialog, HelpScreen
from assistant.tui.screens.home import HomeScreen
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.screens.map import MapScreen
from assistant.tui.screens.new_interview import NewInterviewScreen
from assistant.tui.widgets.answer import EntryList
from assistant.tui.widgets.canvas import JourneyCanvas
from tests.tui.conftest import wait_for

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot[None]], Awaitable[None]]
OpenApp = Callable[..., JourneyApp]
Raw = str | list[str]

GOLDEN = Path(__file__).parent.parent / "golden"
MAPS = Path(__file__).parent.parent / "data" / "maps"
WORKING_DIRECTORY = Path("/tmp/journey-snapshots")
WIDE = (100, 30)
SMALL = (80, 24)
LOOKS = [(locale, theme) for locale in ("en", "vi") for theme in ("textual-light", "textual-dark")]
every_look = pytest.mark.parametrize(("locale", "theme"), LOOKS, ids=[f"{lo}-{th}" for lo, th in LOOKS])
TITLES = {"en": "Lotus Coffee", "vi": "Cà phê Sen"}

# What the seeded marketer answers, as the answer widgets send it: text as typed, an option's number, a code
# for yes/no and the scale, entries one by one. Questions not listed get a plain answer of their type.
ANSWERS: dict[str, dict[str, Raw]] = {
    "en": {
        "business_name": "Lotus Coffee",
        "business_offer": "Coffee to go and quiet tables for office workers in District 1",
        "objective": "1",
        "why_needed": "A chain opened next door and counter sales fell by 15% since May",
        "business_goals": "Grow online orders to 30% of revenue by June",
        "audience": "Office workers aged 25 to 35 who buy coffee on the way to work",
        "desired_experience": "Order in two taps and pick up without queueing",
        "expected_touchpoints": "4",
        "data_basis": ["3", "5"],
        "data_basis_notes": "Reviews come from Google Maps only",
        "research_method": ["1", "3"],
        "sample_interested": "yes",
        "sample_size": "40",
        "persona_name": "Lan",
        "persona_segment": "Young office workers",
        "stages": ["Awareness", "Purchase", "Loyalty"],
        "stage_goal": "Find a good coffee near the office",
        "touchpoints": ["Google Maps", "Facebook fanpage"],
        "tp_channel": "2",
        "tp_actions": "Searches for “coffee near me” and reads the reviews",
        "tp_thoughts": "Is it open at 7:30? Can I order ahead?",
    },
    "vi": {
        "business_name": "Cà phê Sen",
        "business_offer": "Cà phê mang đi và chỗ ngồi yên tĩnh cho dân văn phòng Quận 1",
        "objective": "1",
        "why_needed": "Một chuỗi cà phê mở ngay bên cạnh, doanh số tại quầy giảm 15% từ tháng Năm",
        "business_goals": "Đơn hàng trực tuyến đạt 30% doanh thu trước tháng Sáu",
        "audience": "Nhân viên văn phòng 25–35 tuổi, mua cà phê trên đường đi làm",
        "desired_experience": "Đặt món trong hai chạm và lấy hàng không phải xếp hàng",
        "expected_touchpoints": "4",
        "data_basis": ["3", "5"],
        "data_basis_notes": "Đánh giá chỉ lấy từ Google Maps",
        "research_method": ["1", "3"],
        "sample_interested": "yes",
        "sample_size": "40",
        "persona_name": "Chị Lan",
        "persona_segment": "Nhân viên văn phòng trẻ",
        "stages": ["Nhận biết", "Mua hàng", "Trung thành"],
        "stage_goal": "Tìm quán cà phê ngon gần văn phòng",
        "touchpoints": ["Google Maps", "Fanpage Facebook"],
        "tp_channel": "2",
        "tp_actions": "Tìm “cà phê gần đây” và đọc các đánh giá",
        "tp_thoughts": "Quán mở cửa lúc 7 giờ 30 chưa? Đặt trước được không?",
    },
}
PLAIN_TEXT = {"en": "Nothing to add for now", "vi": "Hiện chưa có gì thêm"}


class Clock:
    """The store's clock, set by hand: the home screen's order and 'updated' column come out the same each run."""

    def __init__(self) -> None:
        self.now = "2026-11-20T09:30:00.000000Z"

    def __call__(self) -> str:
        return self.now


@pytest.fixture(autouse=True)
def fixed_place_and_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """UTC for the listing's local time, and a fixed folder for the export dialog's default path (in place of the
    Documents folder) and the working directory: a temporary folder's random name would change the picture."""
    WORKING_DIRECTORY.mkdir(exist_ok=True)
    monkeypatch.chdir(WORKING_DIRECTORY)
    monkeypatch.setattr("assistant.locations.documents_dir", lambda: WORKING_DIRECTORY)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def snap_compare(snap_compare: SnapCompare) -> SnapCompare:
    """The plugin's comparison, with every text cursor held still before the picture: a blinking cursor is drawn
    or not depending on how long the screen took to get ready, which is no part of what a picture checks."""

    def compare(app: JourneyApp, *, run_before: RunBefore | None = None, **options: object) -> bool:
        async def then_hold_cursors(pilot: Pilot[None]) -> None:
            if run_before is not None:
                await run_before(pilot)
            for screen in pilot.app.screen_stack:
                for field in screen.query("Input, TextArea"):
                    assert isinstance(field, Input | TextArea)
                    field.cursor_blink = False
            await pilot.pause()

        return snap_compare(app, run_before=then_hold_cursors, **options)

    return compare


class Seeds:
    """Each database is seeded once per run, then copied for every picture taken of it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[tuple[str, str], tuple[Path, str | None]] = {}

    def copy(self, kind: str, locale: str, target: Path) -> str | None:
        """Put the `kind` database of `locale` at `target`; returns the interview to resume, if there is one."""
        if (kind, locale) not in self.made:
            path = self.folder / f"{kind}-{locale}.db"
            with Store.open(path, clock=Clock()) as store:
                self.made[(kind, locale)] = (path, SEEDS[kind](store, locale))
        path, interview_id = self.made[(kind, locale)]
        shutil.copyfile(path, target)
        return interview_id


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Seeds:
    return Seeds(tmp_path_factory.mktemp("seeds"))


@pytest.fixture
def open_app(seeds: Seeds, tmp_path: Path) -> Iterator[OpenApp]:
    """The app on a copy of a seeded database, in a theme, resuming the seeded interview when there is one."""
    stores: list[Store] = []

    def open_(kind: str, locale: str, theme: str, *, seeded_in: str | None = None) -> JourneyApp:
        database = tmp_path / f"journey-{len(stores)}.db"
        interview_id = seeds.copy(kind, seeded_in or locale, database)
        store = Store.open(database, clock=Clock())
        stores.append(store)
        app = JourneyApp(
            store,
            locale=locale,
            start="home" if interview_id is None else "resume",
            interview_id=interview_id,
            settings_path=tmp_path / "settings.json",
        )
        app.theme = theme
        return app

    yield open_
    for store in stores:
        store.close()


# ----- seeding interviews ---------------------------------------------------------------------------------


def raw_answer(question: Question, locale: str) -> Raw:
    if question.kind == "more":
        return "no"
    given = ANSWERS[locale].get(question.item_id)
    if given is not None:
        return given
    kind = question.type
    if kind in (ItemType.BOOLEAN, ItemType.SCALE):
        return question.choices[len(question.choices) // 2].code if kind is ItemType.SCALE else "yes"
    if kind in (ItemType.SINGLE_CHOICE, ItemType.OPEN_CHOICE):
        return "1"
    if kind is ItemType.MULTI_CHOICE:
        return ["1"]
    if kind is ItemType.LIST:
        return ["A", "B"]
    if kind in (ItemType.INTEGER, ItemType.DECIMAL):
        return str(max(int(question.min or 0), 4))
    if kind is ItemType.PERCENT:
        return "30"
    return PLAIN_TEXT[locale]


def said_for(question: Question, raw: Raw) -> str:
    """How the transcript shows the answer: the option's label, the ticked labels, the entries as bullets."""
    by_key = {choice.code: choice.label for choice in question.choices}
    by_key.update({str(choice.number): choice.label for choice in question.choices})
    if isinstance(raw, list):
        if question.type is ItemType.LIST:
            return "\n".join(f"• {entry}" for entry in raw)
        return ", ".join(by_key.get(value, value) for value in raw)
    return by_key.get(raw, raw)


def converse(session: Session, until: Callable[[Question], bool]) -> Session:
    """Answer question after question, each said the way every front end says it (the session's turns), until
    `until` holds for the one asked, which is left open."""
    for _ in range(300):
        turn = session.next_turn()
        if turn.review is not None:
            session.finish_review("(ok)")
            continue
        question = turn.question
        if question is None:
            break
        if until(question):
            break
        raw = raw_answer(question, session.locale)
        outcome = session.answer(raw, said=said_for(question, raw))
        assert outcome.ok, f"{question.ref}: {outcome.message}"
    session.flush()
    return session


def started(store: Store, locale: str) -> Session:
    """A new interview, greeted as the interview screen greets it."""
    session = Session.start(store, find_bank("customer-journey").bank, locale, "general", TITLES[locale])
    session.say(t("tui.greeting", locale, title=session.row.title))
    return session


def after_answers(store: Store, locale: str, count: int) -> Session:
    """`count` questions answered, the next one asked."""
    asked: list[str] = []

    def enough(question: Question) -> bool:
        asked.append(question.ref)
        return len(asked) > count

    return converse(started(store, locale), enough)


def at_first(store: Store, locale: str, kind: ItemType) -> Session:
    """Every question answered up to the first of that type, which is asked."""
    return converse(started(store, locale), lambda question: question.type is kind and question.kind == "question")


def from_golden(store: Store, locale: str) -> Session:
    """The golden answers file of that language: a rich map, the interview not finished."""
    data = yaml.safe_load((GOLDEN / f"answers-{locale}.yaml").read_text(encoding="utf-8"))
    bank = find_bank(data["bank"]).bank
    interview = fill_interview(bank, data["answers"], data["locale"], data.get("preset"))
    return Session.adopt(store, interview, TITLES[locale])


def from_file(path: Path, title: str) -> Callable[[Store, str], str]:
    def seed(store: Store, _locale: str) -> str:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        interview = fill_interview(find_bank(data["bank"]).bank, data["answers"], data["locale"], data.get("preset"))
        return Session.adopt(store, interview, title).id

    return seed


def three_interviews(store: Store, _locale: str) -> None:
    """A finished map, one half way and one just begun, each saved a little later than the one before."""
    clock = store.clock
    assert isinstance(clock, Clock)
    clock.now = "2026-11-18T08:05:00.000000Z"
    converse(from_golden(store, "en"), lambda question: False)
    clock.now = "2026-11-19T14:20:00.000000Z"
    after_answers(store, "vi", 24)
    clock.now = "2026-11-20T09:30:00.000000Z"
    bank = find_bank("customer-journey").bank
    converse(Session.start(store, bank, "en", "ecommerce", "Bamboo Spa online shop"), lambda q: q.ref == "objective")


SEEDS: dict[str, Callable[[Store, str], str | None]] = {
    "empty": lambda store, locale: None,
    "three": three_interviews,
    "three answers": lambda store, locale: after_answers(store, locale, 3).id,
    "single choice": lambda store, locale: at_first(store, locale, ItemType.SINGLE_CHOICE).id,
    "scale": lambda store, locale: at_first(store, locale, ItemType.SCALE).id,
    "multi choice": lambda store, locale: at_first(store, locale, ItemType.MULTI_CHOICE).id,
    "list": lambda store, locale: at_first(store, locale, ItemType.LIST).id,
    "channel": lambda store, locale: converse(started(store, locale), lambda q: q.item_id == "tp_channel").id,
    "golden": lambda store, locale: from_golden(store, locale).id,
    "homestay": from_file(MAPS / "homestay-vi.yaml", "Homestay Mây Đà Lạt"),
}


# ----- waiting for a screen to be ready --------------------------------------------------------------------


def on_screen(pilot: Pilot[None], kind: type[object]) -> bool:
    return isinstance(pilot.app.screen, kind)


async def home_ready(pilot: Pilot[None]) -> None:
    """The list drawn, and the presets' names in place of their codes (they load after the first frame)."""

    def ready() -> bool:
        screen = pilot.app.screen
        if not isinstance(screen, HomeScreen) or not screen.is_mounted or not screen.query("#interviews"):
            return False
        return all(row.preset is None for row in screen._rows) or bool(screen._preset_labels)

    await wait_for(pilot, ready)


async def interview_ready(pilot: Pilot[None]) -> None:
    """The answer widget mounted and fitted to the screen's height, and the findings baseline built (both run
    after the first frame)."""

    def ready() -> bool:
        screen = pilot.app.screen
        if not isinstance(screen, InterviewScreen):
            return False
        area = screen._answer_area()
        fitted = area is not None and area.is_mounted and area._room is not None
        return fitted and screen.session._known is not None

    await wait_for(pilot, ready)


def over_interview(key: str, ready: Callable[[Pilot[None]], bool]) -> RunBefore:
    """Press `key` on the interview screen and wait until what it opens is ready."""

    async def run_before(pilot: Pilot[None]) -> None:
        await interview_ready(pilot)
        await pilot.press(key)
        await wait_for(pilot, lambda: ready(pilot))

    return run_before


def steady(run_before: RunBefore) -> RunBefore:
    """`run_before`, then the text cursors stopped where they are: a blinking cursor is drawn or not depending on
    when the picture is taken, which on a loaded machine (or beside another test worker) is later than usual."""

    async def run(pilot: Pilot[None]) -> None:
        await run_before(pilot)
        for screen in pilot.app.screen_stack:
            for field in screen.query("Input, TextArea"):
                field.cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()

    return run


# ----- home and the new-interview screen -------------------------------------------------------------------


@every_look
def test_home_empty(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    assert snap_compare(open_app("empty", locale, theme), terminal_size=WIDE, run_before=steady(home_ready))


@every_look
@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["100x30", "80x24"])
def test_home_with_interviews(
    snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await home_ready(pilot)
        table = pilot.app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3)

    assert snap_compare(
        open_app("three", locale, theme, seeded_in="en"), terminal_size=size, run_before=steady(run_before)
    )


@every_look
def test_new_interview(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await home_ready(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: on_screen(pilot, NewInterviewScreen))
        preview = pilot.app.screen.query_one("#new-preset-preview", Static)
        await wait_for(pilot, lambda: bool(str(preview.content)))

    assert snap_compare(open_app("empty", locale, theme), terminal_size=WIDE, run_before=steady(run_before))


# ----- the interview screen --------------------------------------------------------------------------------


@every_look
@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["100x30", "80x24"])
def test_interview_text_question(
    snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str, size: tuple[int, int]
) -> None:
    app = open_app("three answers", locale, theme)
    assert snap_compare(app, terminal_size=size, run_before=steady(interview_ready))


@every_look
def test_interview_single_choice(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    app = open_app("single choice", locale, theme)
    assert snap_compare(app, terminal_size=WIDE, run_before=steady(interview_ready))


@every_look
def test_interview_emotion_scale(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    app = open_app("scale", locale, theme)
    assert snap_compare(app, terminal_size=WIDE, run_before=steady(interview_ready))


@every_look
def test_interview_tick_list(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    """Ticked and unticked options tell apart by their mark (☑ ☐), not by colour alone; 2-4 typed ticks three."""

    async def run_before(pilot: Pilot[None]) -> None:
        await interview_ready(pilot)
        await pilot.press("2", "-", "4")

    app = open_app("multi choice", locale, theme)
    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


@every_look
def test_interview_list_editor_small(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    """The preset's stages in the editor, and the entry field in sight at 80×24."""

    async def run_before(pilot: Pilot[None]) -> None:
        await interview_ready(pilot)
        entries = pilot.app.screen.query_one(EntryList)
        # The last entry is highlighted and scrolled into view after the editor is fitted, a refresh later: on a
        # loaded machine the picture could otherwise show the first entries.
        await wait_for(pilot, lambda: entries.max_scroll_y > 0 and entries.scroll_offset.y == entries.max_scroll_y)

    app = open_app("list", locale, theme)
    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


@every_look
def test_interview_long_choice_small(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    """Sixteen channels and the Other field below them, whole, at 80×24: the list scrolls instead."""
    app = open_app("channel", locale, theme)
    assert snap_compare(app, terminal_size=SMALL, run_before=interview_ready)


# ----- dialogs and side screens over the interview ---------------------------------------------------------


@every_look
def test_help(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    app = open_app("three answers", locale, theme)
    run_before = over_interview("f1", lambda pilot: on_screen(pilot, HelpScreen))
    assert snap_compare(app, terminal_size=WIDE, run_before=steady(run_before))


@every_look
def test_edit_picker(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    def ready(pilot: Pilot[None]) -> bool:
        screen = pilot.app.screen
        return isinstance(screen, EditPicker) and screen.query_one("#picker", OptionList).option_count == 3

    app = open_app("three answers", locale, theme)
    assert snap_compare(app, terminal_size=WIDE, run_before=steady(over_interview("f4", ready)))


def map_ready(pilot: Pilot[None]) -> bool:
    screen = pilot.app.screen
    ready = isinstance(screen, MapScreen) and screen.query_one(JourneyCanvas).picture is not None
    if ready:
        # The "building the map" toast lives a few seconds: how much of it a picture catches is down to timing.
        pilot.app.clear_notifications()
    return ready


SIZES = [SMALL, (120, 35), (200, 50)]


@every_look
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_map_canvas(
    snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str, size: tuple[int, int]
) -> None:
    app = open_app("golden", locale, theme)
    assert snap_compare(app, terminal_size=size, run_before=over_interview("f5", map_ready))


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
def test_map_canvas_of_a_blueprint(snap_compare: SnapCompare, open_app: OpenApp, theme: str) -> None:
    """Every lane, the line of visibility and the backstage below it: the homestay's complete Blueprint."""

    async def run_before(pilot: Pilot[None]) -> None:
        # The interview is complete: no answer box to wait for, only the map the screen analyses after its first frame.
        def analysed() -> bool:
            screen = pilot.app.screen
            return isinstance(screen, InterviewScreen) and screen._latest_map is not None

        await wait_for(pilot, analysed)
        await pilot.press("f5")
        await wait_for(pilot, lambda: map_ready(pilot))
        await pilot.press("end")  # down to the line of visibility and the backstage, the stages still on top

    app = open_app("homestay", "vi", theme)
    assert snap_compare(app, terminal_size=(120, 35), run_before=run_before)


@every_look
def test_map_document(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await over_interview("f5", map_ready)(pilot)
        await pilot.press("d")
        screen = pilot.app.screen
        assert isinstance(screen, MapScreen)
        await wait_for(pilot, lambda: screen.document is not None and screen.document.complete)

    app = open_app("golden", locale, theme)
    assert snap_compare(app, terminal_size=WIDE, run_before=steady(run_before))


@every_look
def test_live_canvas(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await interview_ready(pilot)
        canvas = pilot.app.screen.query_one("#live-canvas", JourneyCanvas)
        await wait_for(pilot, lambda: canvas.picture is not None)

    app = open_app("golden", locale, theme)
    assert snap_compare(app, terminal_size=(200, 50), run_before=steady(run_before))


@every_look
def test_export_dialog(snap_compare: SnapCompare, open_app: OpenApp, locale: str, theme: str) -> None:
    app = open_app("three answers", locale, theme)
    run_before = over_interview("f6", lambda pilot: on_screen(pilot, ExportDialog))
    assert snap_compare(app, terminal_size=WIDE, run_before=steady(run_before))
