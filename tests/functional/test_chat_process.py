"""The plain chat as a real `journey chat --plain` process: through a pipe, and killed with SIGKILL mid-interview."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pexpect

from assistant.i18n import t
from assistant.store import Store

JOURNEY = Path(sys.executable).with_name("journey")


def _chat(database: Path, *args: str, input: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(JOURNEY), "--lang", "en", "--db", str(database), "chat", *args],
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def _answers(database: Path) -> dict[str, object]:
    with Store.open(database) as store:
        (row,) = store.listing()
        return {
            a.item_id if not a.instance_key else f"{a.item_id}@{a.instance_key}": json.loads(a.value)
            for a in store.answers(row.id)
            if a.status == "answered"
        }


def test_a_piped_session_with_commands_then_end_of_input(tmp_path: Path) -> None:
    database = tmp_path / "j.db"
    script = "\n".join(
        [
            "Lotus Coffee",  # business_name
            "/help",
            '"""',  # business_offer: a block of several lines arrives as one answer
            "Coffee to go",
            "for office workers nearby",
            '"""',
            "world peace!!",  # objective: an open choice, taken as the user's own words
            "/back",
            "1",  # objective again: revenue
            "/skip",  # why_needed
            "/review",
            "/lang vi",
            "/skip",  # business_goals
        ]
    )
    result = _chat(database, "--locale", "en", input=script + "\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert t("chat.help_why", "en", help="")[:10] in out
    assert t("chat.review_hint", "en") in out
    assert t("conversation.language_set", "vi") in out
    assert t("chat.saved_bye", "vi", id="")[:20] in out
    answers = _answers(database)
    assert answers["business_name"] == "Lotus Coffee"
    assert answers["business_offer"] == "Coffee to go\nfor office workers nearby"
    assert answers["objective"] == {"code": "revenue"}
    with Store.open(database) as store:
        (row,) = store.listing()
        skipped = {a.item_id for a in store.answers(row.id) if a.status == "skipped"}
        assert skipped == {"why_needed", "business_goals"}
        assert row.locale == "vi"

    resumed = _chat(database, row.id, input="")
    assert resumed.returncode == 0
    tally = t("chat.tally_skipped", "vi", answered=row.done - 2, skipped=2, total=row.total)
    assert t("chat.resume", "vi", tally=tally) in resumed.stdout  # the two skipped are not called answered
    assert "Lotus Coffee" in resumed.stdout  # the banner names the interview


def test_an_invalid_answer_gets_a_sentence_and_the_same_question(tmp_path: Path) -> None:
    database = tmp_path / "j.db"
    answers = ["Lotus", "/skip", "1", "/skip", "/skip", "Office workers aged 25 to 35", "/skip", "lots", "5"]
    result = _chat(database, "--locale", "en", input="\n".join(answers) + "\n")
    assert result.returncode == 0
    question = "Roughly how many touchpoints"
    assert result.stdout.count(question) == 2, "the same question is asked again after the message"
    assert t("chat.invalid", "en", message=t("answer.not_integer", "en", raw="lots")) in result.stdout
    assert _answers(database)["expected_touchpoints"] == 5


def test_end_of_input_at_the_first_question(tmp_path: Path) -> None:
    database = tmp_path / "j.db"
    result = _chat(database, "--locale", "en", input="")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert _answers(database) == {}


def test_quit(tmp_path: Path) -> None:
    database = tmp_path / "j.db"
    result = _chat(database, "--locale", "en", input="Lotus\n/quit\nnot read\n")
    assert result.returncode == 0
    assert _answers(database) == {"business_name": "Lotus"}


def test_every_answer_survives_kill_9(tmp_path: Path) -> None:
    database = tmp_path / "j.db"
    child = pexpect.spawn(
        str(JOURNEY),
        ["--lang", "en", "--db", str(database), "chat", "--locale", "en"],
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 200),
    )
    given = {
        "business_name": "Lotus Coffee",
        "business_offer": "Coffee to go for office workers nearby",
    }
    child.expect_exact("> ")
    child.sendline(given["business_name"])
    child.expect_exact("What product or service")
    child.expect_exact("> ")
    child.sendline(given["business_offer"])
    child.expect_exact("main goal")
    child.expect_exact("> ")
    child.sendline("1")
    child.expect_exact("Why does the business need")
    child.expect_exact("> ")
    child.kill(signal.SIGKILL)
    child.wait()
    assert child.signalstatus == signal.SIGKILL
    answers = _answers(database)
    assert answers == {**given, "objective": {"code": "revenue"}}

    with Store.open(database) as store:
        (row,) = store.listing()
    resumed = _chat(database, row.id, input="")
    assert resumed.returncode == 0
    assert "Why does the business need this map now?" in resumed.stdout
