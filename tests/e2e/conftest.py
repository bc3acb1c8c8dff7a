"""The installed `journey` command as a real process in a real terminal: a private tmux server per test.

Every test gets its own tmux socket, data, config and database paths, so tests never share a screen or a file.
Nothing sleeps for a fixed time: every wait polls the screen, the pane or the database until a condition holds.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest

from assistant.store import Store

JOURNEY = Path(sys.executable).with_name("journey")
TMUX = shutil.which("tmux")
DEADLINE = 20.0
"""Seconds a condition may take to come true: generous, for a loaded 2-core machine."""
POLL = 0.05

WIDTH, HEIGHT = 100, 30

# What the tmux server reads instead of the user's ~/.tmux.conf: no status line (the app gets all 30 rows),
# and a pane stays after its process ends so the test can read how it ended.
TMUX_CONF = """\
set -g status off
set -g remain-on-exit on
set -g default-terminal xterm-256color
set -g history-limit 0
"""

# Given to each pane explicitly, so a session can differ from the server's environment (LANG for the Vietnamese UI).
PANE_VARIABLES = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "JOURNEY_DB", "LANG", "TERM")

T = TypeVar("T")


def wait_until(condition: Callable[[], T | None], what: str, timeout: float = DEADLINE) -> T:
    """Poll `condition` until it returns something truthy; fail with `what` once the deadline passes."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(POLL)


def normal(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass
class Tmux:
    """One private tmux server; each `start` opens a new session running one command as the pane's process."""

    socket: str
    env: dict[str, str] = field(repr=False)
    cwd: Path
    conf: Path
    sessions: list[str] = field(default_factory=list)

    def _tmux(self, *args: str, check: bool = True) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-u", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            cwd=self.cwd,
            timeout=DEADLINE,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, *args: str, env: dict[str, str] | None = None, width: int = WIDTH, height: int = HEIGHT) -> str:
        """Run `journey ARGS` in a new detached session of the given size; returns the session's name."""
        name = f"s{len(self.sessions)}"
        extra = {key: self.env[key] for key in PANE_VARIABLES} | (env or {})
        variables = [part for key, value in extra.items() for part in ("-e", f"{key}={value}")]
        command = "exec " + shlex.join([str(JOURNEY), *args])
        self._tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), *variables, command)
        self.sessions.append(name)
        return name

    def screen(self, session: str) -> str:
        return normal(self._tmux("capture-pane", "-p", "-t", session))

    def wait_for(self, session: str, *texts: str, timeout: float = DEADLINE) -> str:
        """The screen, once it shows every one of `texts`."""
        wanted = [normal(text) for text in texts]
        last = ""

        def shown() -> str | None:
            nonlocal last
            last = self.screen(session)
            return last if all(text in last for text in wanted) else None

        try:
            return wait_until(shown, f"{wanted!r} on the screen", timeout)
        except AssertionError as error:
            raise AssertionError(f"{error}\n--- the screen was ---\n{last}") from None

    def wait_for_match(self, session: str, pattern: str, timeout: float = DEADLINE) -> str:
        last = ""

        def shown() -> str | None:
            nonlocal last
            last = self.screen(session)
            return last if re.search(pattern, last) else None

        try:
            return wait_until(shown, f"/{pattern}/ on the screen", timeout)
        except AssertionError as error:
            raise AssertionError(f"{error}\n--- the screen was ---\n{last}") from None

    def type(self, session: str, text: str) -> None:
        """Literal text, as if typed."""
        self._tmux("send-keys", "-t", session, "-l", text)

    def keys(self, session: str, *keys: str) -> None:
        """Named keys: Enter, C-s, C-q…"""
        self._tmux("send-keys", "-t", session, *keys)

    def _pane(self, session: str, fmt: str, *, check: bool = True) -> str:
        return self._tmux("display-message", "-p", "-t", session, fmt, check=check).strip()

    def pid(self, session: str) -> int:
        return int(self._pane(session, "#{pane_pid}"))

    def wait_exit(self, session: str, timeout: float = DEADLINE) -> int:
        """How the session's process ended: its exit status, or minus the signal that killed it.

        The pane stays (remain-on-exit). tmux 3.3 sometimes misses the SIGCHLD of a pane whose terminal closed
        first: the process stays a zombie and the status never comes. Another SIGCHLD to our private server
        makes it reap the child."""

        def ended() -> str | None:
            state = self._pane(session, "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pid}")
            dead, status, killed_by, server = state.split(":")
            if dead != "1":
                return None
            if status:
                return status
            if killed_by:
                return f"-{killed_by}"
            os.kill(int(server), signal.SIGCHLD)
            return None

        return int(wait_until(ended, f"the process of {session} to end", timeout))

    def ended_cleanly(self, session: str) -> None:
        """Exit status 0, and nothing but the app's own screen left in the terminal: no traceback after the app."""
        assert self.wait_exit(session) == 0
        screen = self.screen(session)
        assert "Traceback" not in screen and "Error" not in screen, screen

    def kill_server(self) -> None:
        """Close every window at once, as closing the terminal emulator does: the apps get SIGHUP, nothing else."""
        self._tmux("kill-server", check=False)

    def close(self) -> None:
        """End what is still running with SIGTERM while its terminal is open (a closed terminal can hang Textual's
        writer thread, see the report), then the server; SIGKILL for anything of ours that outlived it."""
        pids = []
        for session in self.sessions:
            state = self._pane(session, "#{pane_dead}:#{pane_pid}", check=False)
            if state.startswith("0:"):
                pid = int(state.split(":")[1])
                pids.append(pid)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
        for session in self.sessions:
            with contextlib.suppress(AssertionError):
                self.wait_exit(session, timeout=DEADLINE / 2)
        self._tmux("kill-server", check=False)
        socket_dir = Path(self.env.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (socket_dir / self.socket).unlink(missing_ok=True)  # tmux leaves the socket file behind
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, FileNotFoundError):
                if b"journey" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    os.kill(pid, signal.SIGKILL)


@pytest.fixture
def journey_env(tmp_path: Path) -> dict[str, str]:
    """The environment of every journey process: the user's own data, config and language kept out."""
    # LINES and COLUMNS too: pytest-xdist's workers set them (24 x 80), and they override the pane's real size.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JOURNEY_", "LC_", "LANG", "TMUX")) and key not in ("LINES", "COLUMNS")
    }
    env.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        JOURNEY_DB=str(tmp_path / "journey.db"),
        LANG="en_US.UTF-8",
        TERM="xterm-256color",
        PYTHONIOENCODING="utf-8",
    )
    return env


@pytest.fixture
def database(journey_env: dict[str, str]) -> Path:
    return Path(journey_env["JOURNEY_DB"])


@pytest.fixture
def tmux(journey_env: dict[str, str], tmp_path: Path) -> Iterator[Tmux]:
    if TMUX is None:
        pytest.skip("tmux is not installed")
    conf = tmp_path / "tmux.conf"
    conf.write_text(TMUX_CONF, encoding="utf-8")
    server = Tmux(f"journey-e2e-{os.getpid()}-{uuid.uuid4().hex[:10]}", journey_env, tmp_path, conf)
    try:
        yield server
    finally:
        server.close()


# ----- the database, read the way the other tests read it -------------------------------------------------


def answers(database: Path) -> dict[str, object]:
    """The latest interview's answered questions: item id -> value."""
    with Store.open(database) as store:
        row = store.latest()
        assert row is not None, "no interview in the database"
        return {a.item_id: json.loads(a.value) for a in store.answers(row.id) if a.status == "answered" and a.active}


def draft(database: Path) -> str | None:
    with Store.open(database) as store:
        row = store.latest()
        assert row is not None, "no interview in the database"
        return row.draft


# ----- the first screens ------------------------------------------------------------------------------------

NEW_SCREEN = ("Title (optional)", "^s Start")
FIRST_QUESTION = "What is the name of your business or brand?"
TEXT_BOX = "Type your answer…"
"""The empty free-text box's placeholder: the box is mounted, focused and empty."""


def answered(done: int) -> str:
    """The sidebar's progress line, as a pattern (the total grows with the answers)."""
    return rf"\b{done} of (about )?\d+ answered"


def start_interview(tmux: Tmux, title: str) -> str:
    """`journey new`, a title, Ctrl+S: the session, once the first question waits for its answer."""
    session = tmux.start("new")
    tmux.wait_for(session, *NEW_SCREEN)
    tmux.type(session, title)
    tmux.wait_for(session, title)
    tmux.keys(session, "C-s")
    tmux.wait_for(session, FIRST_QUESTION, TEXT_BOX)
    return session
