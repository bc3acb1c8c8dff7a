"""The commands typed in place of an answer: the same names in the plain chat and in the app's answer box, where
only a line that is exactly a known command runs, so an answer of one's own that starts with "/" is still saved."""

from __future__ import annotations

import io

import pytest

from assistant.chat import PlainChat
from assistant.slash import COMMANDS, Command, known_command, pick_entry


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("/review", Command("/review", "")),
        ("  /REVIEW ", Command("/review", "")),
        ("/edit 12", Command("/edit", "12")),
        ("/edit   tp_channel@stage.1", Command("/edit", "tp_channel@stage.1")),
        ("/lang vi", Command("/lang", "vi")),
        ("/back", Command("/back", "")),
        ("/skip", Command("/skip", "")),
        ("/help", Command("/help", "")),
        ("/kinds", Command("/kinds", "")),
        ("/quit", Command("/quit", "")),
    ],
)
def test_a_known_command_is_a_command(text: str, command: Command) -> None:
    assert known_command(text) == command


@pytest.mark.parametrize(
    "text", ["", "review", "/reviews", "/r/coffee on Reddit", "/back office staff", "50/50", "/review\nand more", "/"]
)
def test_anything_else_is_an_answer(text: str) -> None:
    assert known_command(text) is None


def test_the_plain_chat_handles_every_command_and_no_other() -> None:
    chat = PlainChat.__new__(PlainChat)
    PlainChat.__init__(chat, session=None, stdin=io.StringIO(), stdout=io.StringIO())  # type: ignore[arg-type]
    assert sorted(chat._commands) == sorted(COMMANDS)


def test_edit_names_a_question_by_its_review_number_reference_or_id() -> None:
    from assistant.interview.models import ReviewEntry

    entries = [
        ReviewEntry(
            ref=ref,
            item_id=ref.split("@")[0],
            instance_key="",
            step_id="s",
            step_title="S",
            question="Q",
            status="answered",
        )
        for ref in ("business_name", "objective", "tp_channel@stage.1")
    ]
    assert pick_entry("2", entries) == "objective"
    assert pick_entry("3", entries) == "tp_channel@stage.1"
    assert pick_entry("tp_channel", entries) == "tp_channel@stage.1"
    assert pick_entry("0", entries) is None and pick_entry("4", entries) is None and pick_entry("", entries) is None
