"""Issue 5's budgets: the Textual app starting, resuming a 2,000-answer interview, and echoing a keystroke.

Every figure is taken headless. Where a real terminal would be written to, each frame is still encoded into its
escape sequences (`CompositorUpdate.render_segments`), so only the final write to the terminal is left out.

* Start-up and resume run in a fresh Python process each time (`python -c CHILD`). The child stops the clock inside
  `Screen._compositor_refresh`, right after rendering the first frame that shows the wanted screen complete: the
  bare app's Header/Input/Footer, the HomeScreen with its rows, or the InterviewScreen with the focus in the answer
  area; in each case with the footer's keys drawn, which Textual fills in a frame after the screen's first. It
  writes a line to its stdout then and exits (not timed). Start-up is timed by this process, from just before the
  child is spawned to that line: interpreter, imports, opening the store and the app. The bare app and journey run
  alternately, and their medians are compared. Resume is timed as the budget asks, from constructing `JourneyApp`
  to that frame (the figure from spawning the process is shown beside it); the child reports its peak RSS then.
* The keystroke is timed in-process with `run_test`: the clock starts when a `Key` event is handed to the driver
  exactly as a terminal's input thread hands it over (`driver.send_message`), and stops when the screen's compositor
  has rendered (and encoded) the first frame that repaints the answer box with the new character in it. So the
  figure holds the event's dispatch, the TextArea's edit, the frame scheduling and the repaint. Keys are spaced
  ~30 ms apart, as typing is, so each finds the app idle, as a person typing does; Textual's 60 fps frame pacing
  then adds no wait. Taken twice: as resumed (the last page of the transcript in the conversation), and with the
  whole transcript loaded into the conversation.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import RenderableType
from textual import events
from textual._compositor import CompositorUpdate
from textual.screen import Screen
from textual.widget import Widget

from assistant.bank.loader import find_bank
from assistant.interview.engine import Interview
from assistant.session import Session
from assistant.store import Store
from assistant.tui.app import JourneyApp
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.widgets.answer import AnswerArea, AnswerText, answer_kind
from assistant.tui.widgets.conversation import Conversation, Entry
from tests.benchmarks.bench_engine import _answer_for
from tests.benchmarks.harness import Result

ROOT = Path(__file__).resolve().parents[2]
START_RUNS = 7
RESUME_RUNS = 5
RESUMED_ANSWERS = 2_000
STAGES, TOUCHPOINTS = 10, 28  # bench_map's 8 x 25 stops at 1,505 answers, all of them: nothing left to type into
TYPED = "customers ask about delivery fees before they buy anything"
KEY_WARMUP = 5
PROBE = "Ví dụ cụ thể: khách bỏ giỏ hàng ở bước thanh toán"

# The process timed for start-up and resume. It imports only what its mode needs: the bare app pays for Textual
# alone, as any Textual app would.
CHILD = r"""
import json, os, resource, sys, time

mode, database, settings, interview_id = sys.argv[1:5]

from textual._compositor import CompositorUpdate
from textual.app import App
from textual.screen import Screen


def in_answer_area(widget):
    return widget is not None and any(type(node).__name__ == "AnswerArea" for node in widget.ancestors_with_self)


def ready(app):
    screen = app.screen
    name = type(screen).__name__
    if not screen.query("FooterKey"):  # the footer fills in a frame after the screen's first: wait for its keys
        return False
    if mode == "bare":
        return name == "Screen" and bool(screen.query("Input")) and bool(screen.query("Footer"))
    if mode == "home":
        return name == "HomeScreen" and screen.query_one("#interviews").row_count > 0
    return name == "InterviewScreen" and in_answer_area(app.focused)


display = App._display


def encoded_display(self, screen, renderable):  # headless skips it: do the encoding a terminal would get
    display(self, screen, renderable)
    if isinstance(renderable, CompositorUpdate):
        renderable.render_segments(self.console)


App._display = encoded_display
refresh = Screen._compositor_refresh
started = time.perf_counter()
reported = False


def peak_kb():
    # ru_maxrss survives exec: a child spawned by a bench process that had grown (10,000 respondents) reported the
    # parent's size. The high-water mark of the process's own memory starts again at exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def reporting_refresh(self):
    global reported
    refresh(self)
    app = self.app
    if not reported and self is app.screen and ready(app):
        reported = True
        since = (time.perf_counter() - started) * 1000
        rss = peak_kb()
        report = {"screen": type(self).__name__, "since_app_ms": since, "maxrss_kb": rss}
        os.write(1, (json.dumps(report) + "\n").encode())
        app.call_later(app.exit)


Screen._compositor_refresh = reporting_refresh

if mode == "bare":
    from textual.widgets import Footer, Header, Input

    class Bare(App):
        def compose(self):
            yield Header()
            yield Input()
            yield Footer()

    started = time.perf_counter()
    app = Bare()
else:
    from pathlib import Path

    from assistant.store import Store
    from assistant.tui.app import JourneyApp

    store = Store.open(Path(database))
    started = time.perf_counter()
    if mode == "home":
        app = JourneyApp(store, locale="en", settings_path=Path(settings))
    else:
        app = JourneyApp(store, locale="en", start="resume", interview_id=interview_id, settings_path=Path(settings))
app.run(headless=True, size=(100, 30))
"""


# ----- the data ------------------------------------------------------------------------------------------------


def _few_interviews(database: Path) -> None:
    """The home screen's list: a few interviews, some answers in each; the schema exists before any timing."""
    bank = find_bank("customer-journey").bank
    with Store.open(database) as store:
        for number, locale in enumerate(("vi", "en", "vi", "en"), 1):
            session = Session.start(store, bank, locale, "general", f"Interview {number}")
            for _ in range(number * 3):
                question = session.question()
                if question is None:
                    break
                if session.answer(_answer_for(question)).status == "probe":
                    session.answer(PROBE)


def _long_interview(database: Path) -> tuple[str, int, int]:
    """2,000 answers stopping at a free-text question, saved with the transcript the conversation would hold:
    step headers and intros, notes, each question, each answer, each probe and its answer."""
    bank = find_bank("customer-journey").bank
    interview = Interview.start(bank, "vi", "general")
    lines: list[tuple[str, str | None, str, str]] = []
    while (question := interview.question()) is not None:
        if len(interview.state.answers) >= RESUMED_ANSWERS and answer_kind(question) == "text":
            break
        if question.item_id == "stages":
            raw = "\n".join(f"Giai đoạn {n}" for n in range(1, STAGES + 1))
        elif question.item_id == "touchpoints":
            raw = "\n".join(f"Điểm chạm {n}" for n in range(1, TOUCHPOINTS + 1))
        else:
            raw = _answer_for(question)
        if question.step_intro:
            lines.append(("assistant", None, f"Step {question.step_number}: {question.step_title}", "vi"))
            lines.append(("assistant", None, question.step_intro, "vi"))
        lines.extend(("assistant", None, note, "vi") for note in question.notes)
        lines.append(("assistant", question.ref, question.text, "vi"))
        lines.append(("user", question.ref, raw, "vi"))
        outcome = interview.answer(raw)
        if outcome.status == "probe":
            lines.append(("assistant", question.ref, outcome.message or "", "vi"))
            lines.append(("user", question.ref, PROBE, "vi"))
            interview.answer(PROBE)
    assert question is not None and answer_kind(question) == "text", "the long interview must end on a text question"
    with Store.open(database) as store:
        session = Session.adopt(store, interview, "Long")
        store.say(session.id, lines)
        transcript = len(store.transcript(session.id))
    return session.id, len(interview.state.answers), transcript


# ----- fresh processes -----------------------------------------------------------------------------------------


def _child(mode: str, database: Path, settings: Path, interview_id: str = "-") -> tuple[float, dict[str, object]]:
    """Milliseconds from spawning the process to its report that the screen is ready, and the report."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXTUAL")}
    arguments = [sys.executable, "-c", CHILD, mode, str(database), str(settings), interview_id]
    start = time.perf_counter()
    process = subprocess.Popen(arguments, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    _, errors = process.communicate(timeout=30)
    if not line or process.returncode:
        raise SystemExit(f"the {mode} process failed ({process.returncode}):\n{errors.decode()}")
    report: dict[str, object] = json.loads(line)
    return elapsed, report


def _start_up(folder: Path) -> tuple[float, float]:
    database, settings = folder / "few.db", folder / "settings.json"
    _few_interviews(database)
    for mode in ("bare", "home"):  # warm the disk cache and the bytecode of both, untimed
        _child(mode, database, settings)
    bare: list[float] = []
    home: list[float] = []
    for _ in range(START_RUNS):  # alternately, so a noisy neighbour hits both alike
        bare.append(_child("bare", database, settings)[0])
        elapsed, report = _child("home", database, settings)
        assert report["screen"] == "HomeScreen", report
        home.append(elapsed)
    return statistics.median(home), statistics.median(bare)


def _resume(database: Path, settings: Path, interview_id: str) -> tuple[float, float, int]:
    _child("resume", database, settings, interview_id)
    process: list[float] = []
    in_app: list[float] = []
    peak = 0
    for _ in range(RESUME_RUNS):
        elapsed, report = _child("resume", database, settings, interview_id)
        assert report["screen"] == "InterviewScreen", report
        process.append(elapsed)
        in_app.append(float(str(report["since_app_ms"])))
        peak = max(peak, int(str(report["maxrss_kb"])))
    return statistics.median(in_app), statistics.median(process), peak


# ----- one keystroke -------------------------------------------------------------------------------------------


def _in_answer_area(widget: Widget | None) -> bool:
    return widget is not None and any(isinstance(node, AnswerArea) for node in widget.ancestors_with_self)


async def _keystrokes(
    database: Path, settings: Path, interview_id: str, *, whole: bool, size: tuple[int, int] = (100, 30)
) -> list[float]:
    """Milliseconds from each key handed to the driver to the frame that shows it (see the module docstring).
    With `whole`, the conversation holds the entire transcript first, as after paging back to its start."""
    with Store.open(database) as store:
        app = JourneyApp(store, locale="en", start="resume", interview_id=interview_id, settings_path=settings)
        async with app.run_test(size=size) as pilot:
            while not (isinstance(app.screen, InterviewScreen) and _in_answer_area(app.focused)):
                await pilot.pause(0.01)
            await pilot.pause()
            screen = app.screen
            if whole:  # in one go: paging back 60 lines at a time rewraps everything per page (see the report)
                assert isinstance(screen, InterviewScreen)
                older = store.transcript(interview_id, before=screen._oldest_seq)
                entries = [Entry(row.text, "user" if row.role == "user" else "assistant", row.ref) for row in older]
                screen.query_one(Conversation).prepend(entries)
                await pilot.pause()
            area = app.focused
            assert isinstance(area, AnswerText)
            area.move_cursor(area.document.end)
            loop = asyncio.get_running_loop()
            waiting: list[tuple[str, asyncio.Future[float]]] = []

            display = app._display

            def encoded_display(shown: Screen[object], renderable: RenderableType | None) -> None:
                display(shown, renderable)
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)

            refresh = screen._compositor_refresh

            def timed_refresh() -> None:
                shows = bool(waiting) and area.text == waiting[0][0] and area in screen._dirty_widgets
                refresh()
                if shows:
                    waiting.pop()[1].set_result(time.perf_counter())

            app._display = encoded_display  # type: ignore[method-assign, assignment]
            screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
            driver = app._driver
            assert driver is not None
            samples: list[float] = []
            for character in (TYPED * 2)[: KEY_WARMUP + 50]:
                frame: asyncio.Future[float] = loop.create_future()
                waiting.append((area.text + character, frame))
                start = time.perf_counter()
                key = events.Key("space" if character == " " else character, character)
                key.set_sender(app)
                driver.send_message(key)
                shown = await asyncio.wait_for(frame, timeout=5)
                samples.append((shown - start) * 1000)
                await pilot.pause()
                await asyncio.sleep(0.03)
            assert area.text.endswith((TYPED * 2)[: KEY_WARMUP + 50])
            app.exit()  # not Ctrl+Q: that saves the typing as a draft, and the next run would resume it
    return samples[KEY_WARMUP:]


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="journey-bench-tui-") as name:
        folder = Path(name)
        settings = folder / "settings.json"
        home, bare = _start_up(folder)
        database = folder / "long.db"
        interview_id, answers, lines = _long_interview(database)
        resume, resume_process, peak_kb = _resume(database, settings, interview_id)
        keys = asyncio.run(_keystrokes(database, settings, interview_id, whole=False))
        keys_whole = asyncio.run(_keystrokes(database, settings, interview_id, whole=True))
    key, worst = statistics.median(keys), max(keys)
    key_whole, worst_whole = statistics.median(keys_whole), max(keys_whole)
    peak = peak_kb / 1024
    size = f"{answers:,} answers, {lines:,} transcript lines"
    return [
        Result(
            "start-up to the home screen vs a bare Textual app",
            f"{home:.0f} / {bare:.0f} ms = {home / bare:.2f}x",
            "<= 1.25x",
            home <= 1.25 * bare,
        ),
        Result(
            f"resume {size}, to the answer box",
            f"{resume:.0f} ms median ({resume_process:.0f} from exec)",
            "< 1500 ms",
            resume < 1500,
        ),
        Result(
            "one keystroke to the repainted screen, resumed",
            f"{key:.1f} ms median, {worst:.0f} max",
            "< 16 ms",
            key < 16,
        ),
        Result(
            f"... with all {lines:,} lines in the conversation",
            f"{key_whole:.1f} ms median, {worst_whole:.0f} max",
            "< 16 ms",
            key_whole < 16,
        ),
        Result("peak memory, resumed 2,000-answer interview", f"{peak:.0f} MB max RSS", "< 250 MB", peak < 250),
    ]


if __name__ == "__main__":
    from tests.benchmarks.harness import report

    sys.exit(0 if report(run()) else 1)
