"""How the `journey` process starts and ends: drafts kept on SIGTERM, SIGHUP and Ctrl+Q; a sentence, never a
traceback or a broken screen, when the app cannot start; the Vietnamese interface from LANG."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from assistant.i18n import t
from assistant.store import Store
from tests.e2e.conftest import (
    DEADLINE,
    FIRST_QUESTION,
    JOURNEY,
    Tmux,
    answered,
    answers,
    draft,
    normal,
    start_interview,
    wait_until,
)

DRAFT = "Cà phê Hoa Sen"
"""Half typed, never sent: accents too must come back intact."""
ALT_SCREEN = "\x1b[?1049h"
"""What a full-screen app writes first: a refusal must come before it."""

STOPS: dict[str, Callable[[Tmux, str], None]] = {
    "sigterm": lambda tmux, session: os.kill(tmux.pid(session), signal.SIGTERM),
    "sighup": lambda tmux, session: os.kill(tmux.pid(session), signal.SIGHUP),
    "ctrl_q": lambda tmux, session: tmux.keys(session, "C-q"),
}


@pytest.mark.slow
@pytest.mark.parametrize("stop", list(STOPS))
def test_a_half_typed_answer_is_kept_as_a_draft_and_comes_back(tmux: Tmux, database: Path, stop: str) -> None:
    session = start_interview(tmux, "Draft Map")
    tmux.type(session, DRAFT)
    tmux.wait_for(session, DRAFT)  # the app has the text, not only the terminal

    STOPS[stop](tmux, session)
    tmux.ended_cleanly(session)
    assert draft(database) == DRAFT
    assert answers(database) == {}

    resumed = tmux.start("resume")
    draft_back = t("tui.draft_back", "en")[:36]  # the note's first words: the rest may wrap
    screen = tmux.wait_for(resumed, FIRST_QUESTION, DRAFT, draft_back)
    (line,) = [line for line in screen.splitlines() if DRAFT in line]
    assert "▊" in line, f"the draft should be inside the answer box, not the conversation:\n{screen}"

    # It is the box's real content: Enter sends it as the answer, and the draft is gone.
    tmux.keys(resumed, "Enter")
    tmux.wait_for_match(resumed, answered(1))
    tmux.keys(resumed, "C-q")
    tmux.ended_cleanly(resumed)
    assert answers(database) == {"business_name": DRAFT}
    assert draft(database) is None


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(JOURNEY), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=DEADLINE,
        input="",
    )


@pytest.mark.parametrize("args", [[], ["new"], ["resume"], ["resume", "NOPE"]])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_without_a_terminal_the_app_says_so_and_fails(
    journey_env: dict[str, str], tmp_path: Path, args: list[str], lang: str
) -> None:
    env = {**journey_env, "LANG": "vi_VN.UTF-8" if lang == "vi" else "en_US.UTF-8"}
    result = _run(args, env, tmp_path)
    assert result.returncode != 0
    assert t("cli.needs_terminal", lang) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert ALT_SCREEN not in result.stdout


def test_with_the_output_redirected_the_app_refuses_before_taking_the_screen(
    journey_env: dict[str, str], tmp_path: Path
) -> None:
    """A terminal on stdin is not enough: `journey new > file` must not fill the file with escape codes."""
    output = tmp_path / "out.txt"
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", f'exec "{JOURNEY}" new > "{output}"'],
        env=journey_env,
        cwd=str(tmp_path),
        encoding="utf-8",
        dimensions=(30, 100),
        timeout=DEADLINE,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus not in (0, None)
    assert t("cli.needs_terminal", "en") in normal(child.before or "")
    assert "Traceback" not in (child.before or "")
    assert output.read_text(encoding="utf-8") == ""


def _in_a_terminal(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int | None, str]:
    child = pexpect.spawn(
        str(JOURNEY), args, env=env, cwd=str(cwd), encoding="utf-8", dimensions=(30, 100), timeout=DEADLINE
    )
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, normal(child.before or "")


def test_resume_with_nothing_to_resume_is_a_sentence(
    journey_env: dict[str, str], tmp_path: Path, database: Path
) -> None:
    Store.open(database).close()
    status, output = _in_a_terminal(["resume"], journey_env, tmp_path)
    assert status not in (0, None)
    assert t("interviews.nothing_to_resume", "en") in output
    assert "Traceback" not in output
    assert ALT_SCREEN not in output


def test_resume_of_an_unknown_interview_is_a_sentence(
    journey_env: dict[str, str], tmp_path: Path, database: Path
) -> None:
    Store.open(database).close()
    status, output = _in_a_terminal(["resume", "NOPE"], journey_env, tmp_path)
    assert status not in (0, None)
    assert t("store.no_interview", "en", id="NOPE") in output
    assert "Traceback" not in output
    assert ALT_SCREEN not in output


def test_the_app_makes_a_named_database_that_is_not_there_yet_and_says_where(
    journey_env: dict[str, str], tmp_path: Path, database: Path
) -> None:
    """`journey` opens where interviews start, so a database named in a folder that exists is made; the sentence
    saying where follows the app, on the terminal it hands back (read from the terminal's stream: the test panes
    keep no scrollback)."""
    assert not database.exists()
    child = pexpect.spawn(
        str(JOURNEY), [], env=journey_env, cwd=str(tmp_path), encoding="utf-8", dimensions=(30, 100), timeout=DEADLINE
    )
    child.expect_exact(t("tui.home.welcome", "en").splitlines()[0])
    assert database.is_file()
    child.sendcontrol("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert t("store.created", "en", path=database) in normal(child.before or "")


def test_the_app_refuses_a_database_whose_folder_is_missing(journey_env: dict[str, str], tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "journey.db"
    for args, env in ((["--db", str(missing)], journey_env), ([], {**journey_env, "JOURNEY_DB": str(missing)})):
        status, output = _in_a_terminal(args, env, tmp_path)
        assert status == 1, output
        assert "“" + str(tmp_path / "typo") + "” does not exist" in " ".join(output.split()), output
        assert ALT_SCREEN not in output
    assert not (tmp_path / "typo").exists()
    status, output = _in_a_terminal(["--db", str(tmp_path / "nothing.db"), "resume"], journey_env, tmp_path)
    assert status == 1 and "There is no journey database at" in output
    assert not (tmp_path / "nothing.db").exists()


@pytest.mark.slow
def test_the_vietnamese_interface_follows_lang(tmux: Tmux) -> None:
    session = tmux.start(env={"LANG": "vi_VN.UTF-8"})
    welcome = t("tui.home.welcome", "vi").splitlines()[0]
    screen = tmux.wait_for(session, welcome, t("tui.home.subtitle", "vi"))
    assert t("tui.home.welcome", "en").splitlines()[0] not in screen
    tmux.keys(session, "C-q")
    tmux.ended_cleanly(session)


def test_closing_the_terminal_keeps_the_draft_and_ends_the_process(tmux: Tmux, database: Path) -> None:
    """The window closes under the app: SIGHUP with nobody left to read the screen. The draft is saved and the
    process ends on its own; it never lingers waiting to draw on a terminal that is gone."""
    session = start_interview(tmux, "Closed Window")
    tmux.type(session, DRAFT)
    tmux.wait_for(session, DRAFT)
    pid = tmux.pid(session)
    tmux.kill_server()

    def gone() -> bool | None:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").split()[2]
        return True if state == "Z" else None

    wait_until(gone, "journey to end after its terminal closed")
    assert draft(database) == DRAFT
