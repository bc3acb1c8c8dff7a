"""Start-up as the user sees it: in a real terminal (tmux, 80x24), from launch until the screen is drawn and
stays unchanged, journey's home screen with its list against a bare Textual Header/Input/Footer app.

Each run starts the program in a fresh tmux session of a private server and reads the pane (`capture-pane`)
every few milliseconds. The figure is the time from launch to the last change of the screen before it stays the
same for `QUIET` seconds, once it shows what the program is for (the list's rows, or the bare app's footer):
what a person waits for before the screen is ready to read. The two programs run alternately, so a noisy
neighbour slows both alike, and their medians are compared.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tests.benchmarks.harness import Result

RUNS = 9
QUIET = 0.6
POLL = 0.005
DEADLINE = 20.0
WIDTH, HEIGHT = 80, 24
JOURNEY = Path(sys.executable).with_name("journey")
TMUX = shutil.which("tmux")
TMUX_CONF = (
    "set -g status off\nset -g exit-empty off\nset -g remain-on-exit off\nset -g default-terminal xterm-256color\n"
)

BARE = """\
from textual.app import App
from textual.widgets import Footer, Header, Input


class Bare(App):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield Input(placeholder="Filter")
        yield Footer()


Bare().run()
"""


class _Server:
    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        assert TMUX is not None
        self.socket = f"journey-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.conf = folder / "tmux.conf"
        self.conf.write_text(TMUX_CONF, encoding="utf-8")
        self.env = env
        self.count = 0

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-u", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=DEADLINE,
        )
        return done.stdout

    def time_to_settled(self, command: list[str], ready: str) -> tuple[float, float, float]:
        """Seconds from launch to the first frame showing `ready`, to the last change before the quiet, and the
        CPU seconds the program had used by then (what a loaded machine cannot inflate)."""
        self.count += 1
        name = f"run{self.count}"
        start = time.perf_counter()
        self.tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), "exec " + " ".join(command))
        pid = int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
        first: float | None = None
        last_change = start
        cpu = 0.0
        previous = ""
        try:
            while True:
                now = time.perf_counter()
                if now - start > DEADLINE:
                    state = self.tmux("display-message", "-p", "-t", name, "#{pane_dead}:#{pane_dead_status}")
                    raise SystemExit(f"{command[-1]} never settled ({state.strip()}); its screen:\n{previous}")
                # The text, not its attributes: a focused field's blinking cursor changes only those, forever.
                screen = self.tmux("capture-pane", "-p", "-t", name)
                if screen != previous:
                    previous, last_change, cpu = screen, now, _cpu_seconds(pid)
                    if first is None and ready in screen:
                        first = now
                elif first is not None and now - last_change >= QUIET:
                    return first - start, last_change - start, cpu
                time.sleep(POLL)
        finally:
            self.tmux("kill-session", "-t", name)

    def close(self) -> None:
        self.tmux("kill-server")


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far, from /proc (0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _few_interviews(database: Path) -> None:
    from tests.benchmarks.bench_tui import _few_interviews as seed

    seed(database)


def _compiled() -> None:
    """Bytecode for journey's own modules, as an installed copy has (pip compiles a wheel when it installs it):
    with PYTHONDONTWRITEBYTECODE set, as some shells set it, an editable checkout would otherwise be compiled
    from source at every start, a cost the bare app, whose Textual came from a wheel, never pays."""
    import compileall

    compileall.compile_dir(Path(__file__).resolve().parents[2] / "assistant", quiet=1)


def run() -> list[Result]:
    _compiled()
    if TMUX is None:
        return [Result("start-up in a real terminal vs a bare Textual app", "tmux is not installed", "<= 1.25x", False)]
    with tempfile.TemporaryDirectory(prefix="journey-bench-term-") as name:
        folder = Path(name)
        database = folder / "few.db"
        _few_interviews(database)
        bare_script = folder / "bare.py"
        bare_script.write_text(BARE, encoding="utf-8")
        env = {key: value for key, value in os.environ.items() if not key.startswith(("TMUX", "TEXTUAL", "JOURNEY_"))}
        env.pop("LINES", None)
        env.pop("COLUMNS", None)
        env.update(
            JOURNEY_DB=str(database),
            XDG_CONFIG_HOME=str(folder / "config"),
            XDG_DATA_HOME=str(folder / "data"),
            LANG="en_US.UTF-8",
            TERM="xterm-256color",
        )
        server = _Server(folder, env)
        try:
            commands = {
                "bare": ([sys.executable, str(bare_script)], "Quit"),
                "journey": ([str(JOURNEY)], "Interview 4"),
            }
            for command, ready in commands.values():  # warm the disk cache and the bytecode, untimed
                server.time_to_settled(command, ready)
            firsts: dict[str, list[float]] = {"bare": [], "journey": []}
            settled: dict[str, list[float]] = {"bare": [], "journey": []}
            cpus: dict[str, list[float]] = {"bare": [], "journey": []}
            for _ in range(RUNS):
                for key, (command, ready) in commands.items():
                    first, stable, cpu = server.time_to_settled(command, ready)
                    firsts[key].append(first)
                    settled[key].append(stable)
                    cpus[key].append(cpu)
        finally:
            server.close()
    bare, home = statistics.median(settled["bare"]), statistics.median(settled["journey"])
    bare_first, home_first = statistics.median(firsts["bare"]), statistics.median(firsts["journey"])
    bare_cpu, home_cpu = statistics.median(cpus["bare"]), statistics.median(cpus["journey"])
    return [
        Result(
            "start-up in a real terminal 80x24, until settled",
            f"{home * 1000:.0f} / {bare * 1000:.0f} ms = {home / bare:.2f}x",
            "<= 1.25x",
            home <= 1.25 * bare,
        ),
        Result(
            "... to the first frame with the list",
            f"{home_first * 1000:.0f} / {bare_first * 1000:.0f} ms = {home_first / bare_first:.2f}x",
            "(shown)",
            True,
        ),
        Result(
            "... CPU time used by then",
            f"{home_cpu * 1000:.0f} / {bare_cpu * 1000:.0f} ms = {home_cpu / bare_cpu:.2f}x",
            "(shown)",
            True,
        ),
    ]


if __name__ == "__main__":
    from tests.benchmarks.harness import report

    sys.exit(0 if report(run()) else 1)
