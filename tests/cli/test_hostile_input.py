"""The hostile-input probe: whatever is fed in (a tampered export, a hand-written answers file, a hostile title,
an enormous number, escape sequences, an interrupted block), the command answers with a sentence and a non-zero
exit, prints no traceback, leaves the database as it was, and no later command trips over it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect
import pytest

from assistant.bank.model import Bank
from assistant.exports import export_text
from assistant.store import Store
from tests.cli.conftest import JOURNEY, RunJourney, Seeds

ANSWERS = """\
bank: customer-journey
locale: en
preset: general
title: Lotus Coffee
answers:
  business_name: Lotus Coffee
  audience: Office workers
  stages: [Awareness]
  stage:
    - touchpoints: [Fanpage]
      touchpoint:
        - {tp_channel: facebook, tp_emotion: 2, tp_obstacles: Shipping costs too much}
"""
HOSTILE = "Lotus\x1b]0;pwned\x07\x1b[31m \u202eeoffoC\u202c"


def _dump(database: Path) -> list[str]:
    if not database.exists():
        return []
    connection = sqlite3.connect(database)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "journey.db"


@pytest.fixture
def journey(run_journey: RunJourney, database: Path) -> RunJourney:
    def run(*args: str, input: str | None = None) -> Any:
        return run_journey("--lang", "en", "--db", str(database), *args, input=input)

    return run


@pytest.fixture(scope="module")
def export_text_of_the_seed(seeds: Seeds, tmp_path_factory: pytest.TempPathFactory) -> str:
    """What `journey export ID --format json` prints for the seeded interview: the export is the same whichever
    copy of the seed it is read from, so it is made once."""
    folder = tmp_path_factory.mktemp("export")
    (folder / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    (interview,) = seeds.copy(folder / "journey.db", folder / "answers.yaml")
    with Store.open(folder / "journey.db") as store:
        return export_text(store, interview, "json")


@pytest.fixture
def exported(seeds: Seeds, export_text_of_the_seed: str, tmp_path: Path, database: Path) -> dict[str, Any]:
    """A genuine export of the one interview in the test's database, for the test to tamper with."""
    (tmp_path / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    seeds.copy(database, tmp_path / "answers.yaml")
    document: dict[str, Any] = json.loads(export_text_of_the_seed)
    return document


def _refused(result: Any, *fragments: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, "a sentence saying what was wrong"
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


def _item(body: dict[str, Any], item_id: str) -> dict[str, Any]:
    stack: list[Any] = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("id") == item_id and "type" in node:
                return node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise AssertionError(f"no item {item_id}")


def _rehash(document: dict[str, Any]) -> None:
    """What a careful tamperer does: the bank's hash made to match the edited bank."""
    document["bank"]["hash"] = Bank.model_validate(document["bank"]["body"]).content_hash()


def _self_reference(document: dict[str, Any]) -> None:
    _item(document["bank"]["body"], "why_needed")["enable_when"] = [{"item": "why_needed", "op": "exists"}]
    _rehash(document)


def _cycle(document: dict[str, Any]) -> None:
    body = document["bank"]["body"]
    _item(body, "why_needed")["enable_when"] = [{"item": "audience", "op": "exists"}]
    _item(body, "audience")["enable_when"] = [{"item": "why_needed", "op": "exists"}]
    _rehash(document)


def _dangling(document: dict[str, Any]) -> None:
    _item(document["bank"]["body"], "why_needed")["enable_when"] = [{"item": "no_such_item", "op": "exists"}]
    _rehash(document)


def _answer(item: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def tamper(document: dict[str, Any]) -> None:
        for answer in document["answers"]:
            if answer["item"] == item:
                answer["value"] = value
                return
        raise AssertionError(f"no answer to {item}")

    return tamper


def _field(name: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def tamper(document: dict[str, Any]) -> None:
        document[name] = value

    return tamper


def _cursor(document: dict[str, Any]) -> None:
    document["cursor"]["pending_probe"] = "no_such_item@x"


def _answer_date(document: dict[str, Any]) -> None:
    document["answers"][0]["at"] = "yesterday"


def _line_ref(document: dict[str, Any]) -> None:
    document["transcript"].append(
        {"seq": 999, "role": "user", "ref": "ghost", "text": "boo", "locale": "en", "at": "2026-01-01T00:00:00Z"}
    )


@pytest.mark.parametrize(
    ("tamper", "fragment"),
    [
        (_self_reference, "why_needed"),
        (_cycle, "why_needed"),
        (_dangling, "no_such_item"),
        (_answer("tp_emotion", 99), "tp_emotion"),
        (_answer("tp_emotion", "banana"), "tp_emotion"),
        (_answer("stages", 42), "answers["),
        (_answer("business_name", {"code": "x", "other": 3}), "answers["),
        (_field("updated", "not a date"), "updated"),
        (_field("created", "2026-13-45T99:00:00Z"), "created"),
        (_field("done", 10**30), "done"),
        (_field("total", -1), "total"),
        (_field("title", "x" * 1_000_000), "title"),
        (_cursor, "no_such_item"),
        (_answer_date, "answers.0.at"),
        (_line_ref, "ghost"),
    ],
    ids=[
        "self-reference",
        "condition-cycle",
        "dangling-reference",
        "emotion-99",
        "emotion-banana",
        "stages-42",
        "value-shape",
        "updated-not-a-date",
        "created-impossible",
        "done-huge",
        "total-negative",
        "title-million",
        "cursor-ref",
        "answer-date",
        "transcript-ref",
    ],
)
def test_a_tampered_export_is_refused_and_nothing_later_breaks(
    journey: RunJourney, exported: dict[str, Any], tmp_path: Path, database: Path, tamper: Any, fragment: str
) -> None:
    tamper(exported)
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    before = _dump(database)
    _refused(journey("import", str(path)), fragment)
    assert _dump(database) == before
    assert journey("list").returncode == 0


def test_an_untouched_export_imports_and_its_json_surrogate_escapes_are_text(
    journey: RunJourney, exported: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "export.json"
    text = json.dumps(exported, ensure_ascii=True).replace(
        json.dumps("Lotus Coffee"), '"Lotus Coffee \\ud83d\\ude80"', 1
    )
    path.write_text(text, encoding="utf-8")
    result = journey("import", str(path))
    assert result.returncode == 0, result.stderr
    assert "Lotus Coffee 🚀" in result.stdout


def test_a_bad_row_already_in_the_database_does_not_break_the_listing(
    journey: RunJourney, exported: dict[str, Any], database: Path
) -> None:
    connection = sqlite3.connect(database)
    connection.execute("UPDATE interviews SET updated = 'not a date', done = 'many', title = ?", (HOSTILE,))
    connection.commit()
    connection.close()
    listed = journey("list")
    assert listed.returncode == 0, listed.stderr
    assert "not a date" in listed.stdout
    assert "\x1b" not in listed.stdout and "\u202e" not in listed.stdout
    assert journey("list", "--json").returncode == 0


@pytest.mark.parametrize(
    "document",
    [
        "bank: customer-journey\nanswers:\n  business_name: A\n  business_name: B\n",
        'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
        + "".join(f"{chr(98 + n)}: &{chr(98 + n)} [{','.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8))
        + "bank: customer-journey\nanswers: {business_name: *i}\n",
        "bank: customer-journey\nanswers:\n  expected_touchpoints: " + "9" * 5000 + "\n",
        "bank: customer-journey\nanswers:\n  expected_touchpoints: " + "9" * 400 + "\n",
        "bank: customer-journey\ntitle: " + "x" * 1_000_000 + "\nanswers:\n  business_name: A\n",
        '{"bank": "customer-journey", "answers": {"business_name": "\\ud83d"}}',
        '{"bank": "customer-journey", "answers": {"expected_touchpoints": NaN}}',
    ],
    ids=["duplicate-key", "alias-bomb", "5000-digits", "400-digits", "title-million", "lone-surrogate", "nan"],
)
def test_a_hostile_answers_file_is_refused_quickly(
    journey: RunJourney, tmp_path: Path, database: Path, document: str
) -> None:
    Store.open(database).close()
    path = tmp_path / ("answers.json" if document.startswith("{") else "answers.yaml")
    path.write_text(document, encoding="utf-8")
    before = _dump(database)
    result = journey("import", str(path))
    _refused(result)
    assert _dump(database) == before


def test_a_duplicate_key_names_its_line(journey: RunJourney, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "bank: customer-journey\nanswers:\n  business_name: A\n  audience: B\n  business_name: C\n", encoding="utf-8"
    )
    _refused(journey("import", str(path)), "line 5", "business_name")


def test_a_file_over_the_size_limit_is_refused_unread(journey: RunJourney, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("bank: customer-journey\nanswers:\n  business_name: ")
        handle.write("x" * (21 * 1024 * 1024))
    _refused(journey("import", str(path)), "too large")


@pytest.mark.parametrize(
    "args",
    [
        ("chat", "--title", "x" * 100_000),  # a million characters do not fit in one argument (128 KiB)
        ("rename", "{id}", "x" * 100_000),
        ("duplicate", "{id}", "--title", "x" * 100_000),
        ("rename", "{id}", " \x1b\u202e\u2066 "),
        ("import", "answers.yaml", "--title", "x" * 201),
    ],
    ids=["chat", "rename", "duplicate", "rename-empty-after-cleaning", "import"],
)
def test_a_title_too_long_or_empty_is_refused(
    journey: RunJourney, exported: dict[str, Any], database: Path, args: tuple[str, ...]
) -> None:
    interview = json.loads(journey("list", "--json").stdout)[0]["id"]
    before = _dump(database)
    result = journey(*(argument.replace("{id}", interview) for argument in args), input="")
    _refused(result)
    assert "200" in result.stderr or "empty" in result.stderr
    assert _dump(database) == before


def test_titles_are_cleaned_where_they_enter_and_every_output_is_sanitized(
    journey: RunJourney, exported: dict[str, Any], tmp_path: Path, database: Path
) -> None:
    interview = json.loads(journey("list", "--json").stdout)[0]["id"]
    renamed = journey("rename", interview, HOSTILE)
    assert renamed.returncode == 0
    copy = journey("duplicate", interview, "--title", HOSTILE)
    chat = journey("chat", "--title", HOSTILE, input="")
    (tmp_path / "titled.yaml").write_text(
        ANSWERS.replace("title: Lotus Coffee", f"title: {json.dumps(HOSTILE)}"), encoding="utf-8"
    )
    imported = journey("import", "titled.yaml")
    for result in (renamed, copy, chat, imported):
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout + result.stderr and "\u202e" not in result.stdout
    connection = sqlite3.connect(database)
    titles = [row[0] for row in connection.execute("SELECT title FROM interviews")]
    connection.close()
    assert all("\x1b" not in title and "\u202e" not in title and "\x07" not in title for title in titles), titles
    assert sum(title == "Lotus]0;pwned[31m eoffoC" for title in titles) == 4


def test_a_hostile_value_already_stored_is_shown_harmlessly(
    journey: RunJourney, exported: dict[str, Any], database: Path, tmp_path: Path
) -> None:
    """Text that got into a database some other way still never reaches a terminal raw; to a file it is kept."""
    interview = json.loads(journey("list", "--json").stdout)[0]["id"]
    connection = sqlite3.connect(database)
    connection.execute("UPDATE interviews SET title = ?", (HOSTILE,))
    connection.execute("UPDATE answers SET value = ? WHERE item_id = 'audience'", (json.dumps(HOSTILE),))
    connection.commit()
    connection.close()
    for args in (("list",), ("chat", interview), ("export", "nosuch"), ("delete", interview)):
        result = journey(*args, input="")
        assert "\x1b" not in result.stdout + result.stderr and "\u202e" not in result.stdout + result.stderr, args
    assert "␛]0;pwned␇" in journey("list").stdout
    piped = journey("export", interview, "--format", "json")
    assert piped.returncode == 0 and json.loads(piped.stdout)["title"] == HOSTILE, "piped to a file: the data, kept"
    assert journey("export", interview, "-o", "map.json").returncode == 0
    assert json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))["title"] == HOSTILE
    terminal = pexpect.spawn(
        str(JOURNEY), ["--lang", "en", "--db", str(database), "export", interview], encoding="utf-8", timeout=30
    )
    shown = terminal.read()
    terminal.close()
    assert "\x1b]0;" not in shown and "\u202e" not in shown and "pwned" in shown


def test_a_huge_number_in_the_chat_gets_a_sentence(journey: RunJourney, database: Path) -> None:
    answers = ["Lotus", "/skip", "1", "/skip", "/skip", "Office workers aged 25 to 35", "/skip", "9" * 5000, "5"]
    result = journey("chat", "--locale", "en", input="\n".join(answers) + "\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "too large" in result.stdout
    connection = sqlite3.connect(database)
    values = [row[0] for row in connection.execute("SELECT value FROM answers WHERE item_id = 'expected_touchpoints'")]
    connection.close()
    assert values == ["5"]


def test_end_of_input_inside_a_block_keeps_it_as_a_draft(journey: RunJourney, database: Path) -> None:
    result = journey("chat", "--locale", "en", input='Lotus Coffee\n"""\nCoffee to go\nfor office work')
    assert result.returncode == 0, result.stderr
    assert "draft" in result.stdout
    connection = sqlite3.connect(database)
    ((interview, draft),) = connection.execute("SELECT id, draft FROM interviews").fetchall()
    saved = {row[0] for row in connection.execute("SELECT item_id FROM answers")}
    connection.close()
    assert draft == "Coffee to go\nfor office work"
    assert saved == {"business_name"}, "the half-typed block is not an answer"
    resumed = journey("chat", interview, input="")
    assert "Unsent draft: Coffee to go" in resumed.stdout
