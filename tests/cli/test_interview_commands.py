"""`journey rename`, `delete`, `duplicate` and `list` as a user runs them, and the last-resort error handler."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.i18n import t
from tests.cli.conftest import RunJourney, Seeds

ANSWERS = """\
bank: customer-journey
locale: {locale}
preset: general
title: {title}
answers:
  business_name: {title}
"""


@pytest.fixture
def three(seeds: Seeds, default_database: Path, run_journey: RunJourney, tmp_path: Path) -> list[dict[str, object]]:
    """Three interviews, oldest first: Lotus Coffee (en), Sao Mai (vi), Cà phê Đà Lạt (vi)."""
    paths = []
    for number, (title, locale) in enumerate([("Lotus Coffee", "en"), ("Sao Mai", "vi"), ("Cà phê Đà Lạt", "vi")]):
        path = tmp_path / f"answers{number}.yaml"
        path.write_text(ANSWERS.format(locale=locale, title=title), encoding="utf-8")
        paths.append(path)
    seeds.copy(default_database, *paths)
    listed = json.loads(run_journey("list", "--json").stdout)
    return list(reversed(listed))


def test_rename(run_journey: RunJourney, three: list[dict[str, object]]) -> None:
    first = str(three[0]["id"])
    result = run_journey("rename", first, "  Lotus,   future state ")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == t("cli.renamed", "en", id=first, title="Lotus, future state")
    listed = {row["id"]: row["title"] for row in json.loads(run_journey("list", "--json").stdout)}
    assert listed[first] == "Lotus, future state"
    missing = run_journey("rename", "nosuch", "X")
    assert missing.returncode == 1 and "nosuch" in missing.stderr


def test_duplicate_with_and_without_a_title(run_journey: RunJourney, three: list[dict[str, object]]) -> None:
    first = str(three[0]["id"])
    named = run_journey("duplicate", first, "--title", "Lotus future")
    plain = run_journey("--lang", "vi", "duplicate", first)
    assert named.returncode == 0 and plain.returncode == 0
    titles = [row["title"] for row in json.loads(run_journey("list", "--json").stdout)]
    assert titles[:2] == ["Lotus Coffee (bản sao)", "Lotus future"]
    exports = [
        json.loads(run_journey("export", str(row["id"]), "--format", "json").stdout)["answers"]
        for row in json.loads(run_journey("list", "--json").stdout)[:2]
    ]
    assert exports[0] == exports[1], "a copy keeps every answer"


def test_delete_asks_unless_told_and_deletes_only_the_one(
    run_journey: RunJourney, three: list[dict[str, object]]
) -> None:
    first = str(three[0]["id"])
    unconfirmed = run_journey("delete", first)
    assert unconfirmed.returncode == 1 and "--yes" in unconfirmed.stderr
    assert len(json.loads(run_journey("list", "--json").stdout)) == 3
    done = run_journey("delete", first, "--yes")
    assert done.returncode == 0
    assert done.stdout.strip() == t("cli.deleted", "en", id=first, title="Lotus Coffee")
    assert [row["id"] for row in json.loads(run_journey("list", "--json").stdout)] == [three[2]["id"], three[1]["id"]]
    again = run_journey("delete", first, "--yes")
    assert again.returncode == 1 and "Traceback" not in again.stderr


def test_list_filters(run_journey: RunJourney, three: list[dict[str, object]]) -> None:
    def ids(*args: str) -> list[object]:
        result = run_journey("list", "--json", *args)
        assert result.returncode == 0, result.stderr
        return [row["id"] for row in json.loads(result.stdout)]

    newest_first = [three[2]["id"], three[1]["id"], three[0]["id"]]
    assert ids() == newest_first
    assert ids("--search", "da lat") == [three[2]["id"]], "accents and case ignored"
    assert ids("--search", str(three[0]["id"]).upper()) == [three[0]["id"]], "an id matches too"
    assert ids("--search", "100%_") == []
    assert ids("--status", "in_progress") == newest_first
    assert ids("--status", "completed") == []
    assert ids("--limit", "2") == newest_first[:2]
    table = run_journey("list", "--limit", "1")
    assert table.returncode == 0
    assert "Cà phê Đà Lạt" in table.stdout and "Sao Mai" not in table.stdout
    assert t("cli.list.more", "en", shown=1, total="3") in table.stdout
    everything = run_journey("list", "--all", "--limit", "1")
    assert all(title in everything.stdout for title in ("Lotus Coffee", "Sao Mai", "Cà phê Đà Lạt"))
    assert "Showing" not in everything.stdout
    bad = run_journey("list", "--status", "paused")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert run_journey("list", "--limit", "0").returncode == 2


def test_list_of_an_empty_database(run_journey: RunJourney) -> None:
    result = run_journey("list")
    assert result.returncode == 0 and result.stdout.strip() == t("cli.list.empty", "en")
    assert run_journey("list", "--json").stdout.strip() == "[]"


BROKEN = """
import sys
import assistant.cli as cli

def broken(**_options):
    raise RuntimeError("the store fell over\\nsecond line")

cli._open_store = broken
sys.argv = ["journey", "--lang", "en", "list"]
cli.main()
"""


def test_an_unexpected_error_is_one_sentence_exit_70_and_a_log_line(
    journey_env: dict[str, str], tmp_path: Path
) -> None:
    """A bug (here: the store raising something no one expects) reaches the last-resort handler of the real
    entry point: one sentence naming the log, exit status 70, no traceback on the terminal, the traceback in the log."""
    env = {**journey_env, "XDG_STATE_HOME": str(tmp_path / "state"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", BROKEN], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60
    )
    assert result.returncode == 70
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "RuntimeError: the store fell over" in lines[0] and "second line" not in lines[0]
    (log,) = (tmp_path / "state").rglob("journey.log")
    assert str(log) in lines[0]
    logged = log.read_text(encoding="utf-8")
    assert "internal error" in logged and "Traceback" in logged and "the store fell over" in logged


def test_list_says_how_many_questions_a_completed_interview_skipped(run_journey: RunJourney, tmp_path: Path) -> None:
    """A skipped question is not an answer: "95/95 100%" alone read as a full interview."""
    from assistant.bank.loader import find_bank
    from assistant.session import Session
    from assistant.store import Store
    from tests.tui.conftest import generic_answer

    database = tmp_path / "skipping.db"
    with Store.open(database) as store:
        session = Session.start(store, find_bank("customer-journey").bank, "en", "general", "Skipper")
        skipped = 0
        while (question := session.question()) is not None:
            if question.required or question.kind == "more":
                answer = generic_answer(question, {})
                session.answer("\n".join(answer) if isinstance(answer, list) else answer)
            else:
                session.skip("/skip")
                skipped += 1
        session.flush()
    listed = run_journey("--db", str(database), "list")
    assert listed.returncode == 0, listed.stderr
    assert t("cli.list.skipped", "en", count=skipped) in listed.stdout
