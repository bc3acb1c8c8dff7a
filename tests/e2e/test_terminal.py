"""The full-screen app in a real terminal (tmux): answers typed, the process killed with SIGKILL, then resumed.

Each answer is committed before the next question shows, so a SIGKILL (no handler, no cleanup) loses nothing that
was sent; `journey resume` shows it all again and asks the first unanswered question.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.e2e.conftest import TEXT_BOX, Tmux, answered, answers, start_interview

OPTIONS = "1. Increase revenue"
"""The first option of the `objective` question: its option list is on the screen."""

# (what is typed; the next question and its answer widget, both on the 100x30 screen before the next answer)
ANSWERS = [
    ("Lotus Coffee", "What product or service do you sell", TEXT_BOX),  # business_name
    ("Coffee to go for office workers nearby", "What is the main goal of this journey map?", OPTIONS),  # business_offer
    ("1", "Why does the business need this map now?", TEXT_BOX),  # objective: the option's number, then Enter
    ("Plenty of visitors but few of them buy", "Which business goals does the map serve?", TEXT_BOX),  # why_needed
]
SHOWN = [
    "Lotus Coffee",
    "Coffee to go for office workers nearby",
    "Increase revenue",
    "Plenty of visitors but few of them buy",
]
"""How the transcript shows each answer (an option by its label)."""
STORED = {
    "business_name": "Lotus Coffee",
    "business_offer": "Coffee to go for office workers nearby",
    "objective": {"code": "revenue"},
    "why_needed": "Plenty of visitors but few of them buy",
}
NEXT_QUESTION = ANSWERS[-1][1]


def _answer_all(tmux: Tmux, session: str) -> None:
    for done, (text, next_question, next_widget) in enumerate(ANSWERS, 1):
        tmux.type(session, text)
        tmux.keys(session, "Enter")
        tmux.wait_for_match(session, answered(done))
        tmux.wait_for(session, next_question, next_widget)


def _is_journey(pid: int) -> bool:
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    return any(part.endswith(b"journey") for part in cmdline)


@pytest.mark.slow
def test_sigkill_loses_no_answer_and_resume_asks_the_next_question(tmux: Tmux, database: Path) -> None:
    session = start_interview(tmux, "Kill Nine Map")
    _answer_all(tmux, session)

    pid = tmux.pid(session)
    assert _is_journey(pid), "the pane's process should be journey itself (started with exec)"
    os.kill(pid, signal.SIGKILL)
    assert tmux.wait_exit(session) == -signal.SIGKILL
    assert answers(database) == STORED

    # Tall enough for the whole transcript, so what is checked does not depend on where the conversation scrolled.
    resumed = tmux.start("resume", height=50)
    screen = tmux.wait_for(resumed, "Resuming: 4 of", TEXT_BOX)
    for text in SHOWN:
        assert text in screen, f"{text!r} is missing from the resumed screen:\n{screen}"
    assert NEXT_QUESTION in screen, screen
    assert "Kill Nine Map" in screen

    # The box belongs to the first unanswered question: what is sent now is stored as `business_goals`.
    tmux.type(resumed, "Grow revenue by a fifth this year")
    tmux.keys(resumed, "Enter")
    tmux.wait_for_match(resumed, answered(5))
    tmux.keys(resumed, "C-q")
    tmux.ended_cleanly(resumed)
    assert answers(database) == {**STORED, "business_goals": "Grow revenue by a fifth this year"}
