"""Schema version 2 on real files: a version-1 database made by migration 1 upgrades in place and loses nothing,
child rows go with their interview, foreign and read-only files are told apart up front."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from assistant.bank.loader import find_bank
from assistant.errors import JourneyError
from assistant.i18n import t
from assistant.session import Session
from assistant.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Said, Store, kind_of
from tests.permissions import permissions_apply

JOURNEY = Path(sys.executable).with_name("journey")

# What version 1 wrote: the chat's and the app's lines as they were said, with the kind each must get.
V1_TRANSCRIPT = [
    ("assistant", None, "== Step 1 of 6: Goals ==", "en", "step"),
    ("assistant", None, "A map without a goal is a drawing.", "en", "say"),
    ("assistant", "business_name", "[1/40] What is the name of your business?", "en", "question"),
    ("user", "business_name", "Lotus Coffee", "en", "answer"),
    ("user", "business_offer", "/back", "en", "command"),
    ("user", "business_name", "/edit 1", "en", "command"),
    ("user", "business_name", "/lang vi", "vi", "command"),
    ("user", "objective", "(back to the previous question)", "en", "command"),
    ("user", "objective", "(quay lại câu trước)", "vi", "command"),
    ("user", "objective", "(change “What is the name of your business?”)", "en", "command"),
    ("user", "objective", "(đổi sang English)", "vi", "command"),
    ("user", "objective", "/quit", "en", "command"),
    ("user", "objective", "/backpack is my answer", "en", "answer"),
    ("assistant", None, "Summary of “Goals”: 3 answers, 0 skipped.", "en", "say"),
]


def _version_1_database(path: Path) -> str:
    """A database exactly as journey's schema version 1 left it: migration 1 as shipped, then rows written with
    version 1's columns (an interview with answers, an edited answer's history and a conversation)."""
    bank = find_bank("customer-journey").bank
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("BEGIN IMMEDIATE")
    MIGRATIONS[0](Database(connection))
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO banks VALUES (?, ?, ?, ?)", (bank.content_hash(), bank.id, bank.version, bank.canonical_json())
    )
    connection.execute(
        "INSERT INTO interviews VALUES ('abc234', 'Lotus Coffee', 'lotus coffee', 0, ?, ?, ?, 'en', 'general', "
        "'in_progress', '2026-01-02T03:04:05.000000Z', '2026-01-02T03:05:00.000000Z', NULL, 2, 40, '{}', 'half')",
        (bank.id, bank.version, bank.content_hash()),
    )
    connection.executemany(
        "INSERT INTO answers VALUES ('abc234', ?, '', 'answered', ?, 1, 0, '2026-01-02T03:04:06.000000Z')",
        [("business_name", json.dumps("Lotus Coffee")), ("business_offer", json.dumps("Coffee to go"))],
    )
    connection.execute(
        "INSERT INTO history (interview_id, item_id, instance_key, status, value, answered_at, replaced_at) "
        "VALUES ('abc234', 'business_name', '', 'answered', '\"Lotus\"', '2026-01-02T03:04:05Z', '2026-01-02T03:04:06Z')"
    )
    connection.executemany(
        "INSERT INTO transcript VALUES ('abc234', ?, ?, ?, ?, ?, '2026-01-02T03:04:06.000000Z')",
        [(seq, role, ref, text, locale) for seq, (role, ref, text, locale, _) in enumerate(V1_TRANSCRIPT, 1)],
    )
    connection.execute("COMMIT")
    connection.close()
    return "abc234"


def _rows(path: Path, table: str, columns: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2, 3").fetchall()
    finally:
        connection.close()


def test_a_version_1_database_upgrades_in_place_and_keeps_every_row(tmp_path: Path) -> None:
    database = tmp_path / "v1.db"
    interview_id = _version_1_database(database)
    before = {
        "interviews": _rows(database, "interviews", "*"),
        "answers": _rows(database, "answers", "*"),
        "history": _rows(database, "history", "*"),
        "transcript": _rows(database, "transcript", "*"),
    }
    with Store.open(database) as store:
        answers = store.answers(interview_id)
        history = store.history(interview_id)
        transcript = store.transcript(interview_id)
        assert store.connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        session = Session.resume(store, interview_id)
        assert session.row.draft == "half"
        question = session.question()
        assert question is not None and question.item_id == "objective"
    assert _rows(database, "interviews", "*") == before["interviews"]
    assert [row[:8] for row in _rows(database, "answers", "*")] == before["answers"]
    assert [row[:8] for row in _rows(database, "history", "*")] == before["history"]
    assert [row[:7] for row in _rows(database, "transcript", "*")] == before["transcript"]
    assert [a.kinds for a in answers] == [None, None] and [h.kinds for h in history] == [None]
    assert [(line.text, line.kind) for line in transcript] == [(text, kind) for _, _, text, _, kind in V1_TRANSCRIPT]
    assert all(line.data is None for line in transcript)
    indexes = {
        row[0] for row in sqlite3.connect(database).execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert {"history_by_interview", "interviews_by_updated"} <= indexes


def test_the_upgrade_is_one_transaction_another_process_sees_whole(tmp_path: Path) -> None:
    """Two processes opening a version-1 file at once: one migrates, the other waits and finds version 2."""
    database = tmp_path / "v1.db"
    _version_1_database(database)
    script = (
        "import sys; from pathlib import Path; from assistant.store import Store; Store.open(Path(sys.argv[1])).close()"
    )
    openers = [
        subprocess.Popen([sys.executable, "-c", script, str(database)], stderr=subprocess.PIPE) for _ in range(2)
    ]
    for opener in openers:
        _, errors = opener.communicate(timeout=60)
        assert opener.returncode == 0, errors.decode()
    assert len(_rows(database, "transcript", "*")) == len(V1_TRANSCRIPT)


def test_deleting_an_interview_cascades_to_its_rows_and_keeps_the_others(tmp_path: Path) -> None:
    bank = find_bank("customer-journey").bank
    with Store.open(tmp_path / "j.db") as store:
        kept = Session.start(store, bank, "en", "general")
        gone = Session.start(store, bank, "en", "general")
        for session in (kept, gone):
            session.answer("Lotus Coffee")
            session.edit("business_name", "/edit 1")
            session.answer("Lotus Tea")
        store.delete(gone.id)
        counts = {
            table: dict(store.connection.execute(f"SELECT interview_id, count(*) FROM {table} GROUP BY 1").fetchall())
            for table in ("answers", "history", "transcript")
        }
        assert all(set(by_interview) == {kept.id} for by_interview in counts.values()), counts
        assert store.connection.execute("SELECT count(*) FROM banks").fetchone()[0] == 1


def test_lines_carry_their_kind_and_data_and_old_callers_get_one_inferred(tmp_path: Path) -> None:
    bank = find_bank("customer-journey").bank
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        store.say(
            session.id,
            [
                Said(
                    "assistant", None, "Customers leave at checkout", "en", "finding", json.dumps({"rule": "drop_off"})
                ),
                ("user", None, "/skip", "en"),
                ("assistant", None, "== Step 2 of 6: The customer ==", "en"),
            ],
        )
        lines = store.transcript(session.id)
        assert [(line.kind, line.data) for line in lines] == [
            ("finding", '{"rule": "drop_off"}'),
            ("command", None),
            ("step", None),
        ]
        with pytest.raises(ValueError, match="kind"):
            store.say(session.id, [Said("user", None, "hello", "en", "finding")])
        copy = store.duplicate(session.id, "Copy")
        assert [(line.kind, line.data) for line in store.transcript(copy.id)] == [
            (line.kind, line.data) for line in lines
        ]


def test_answer_kinds_travel_through_commit_history_and_duplicate(tmp_path: Path) -> None:
    from assistant.store import AnswerRow, Commit

    bank = find_bank("customer-journey").bank
    corrected = json.dumps({"No prices on the page": "information"})
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        row = AnswerRow(
            "tp_obstacles", "awareness/fanpage", "answered", '"No prices on the page"', True, False, "", corrected
        )
        change = Commit([row], [], [], [], cursor="{}", done=1, total=40, finished=False)
        returned = store.commit(session.id, change)
        assert returned == store.get(session.id), "the commit hands back the row as stored"
        store.commit(session.id, change._replace(upserts=[row._replace(kinds=None)]))
        assert [a.kinds for a in store.answers(session.id) if a.item_id == "tp_obstacles"] == [None]
        assert [h.kinds for h in store.history(session.id)] == [corrected]
        copy = store.duplicate(session.id, "Copy")
        assert [h.kinds for h in store.history(copy.id)] == [corrected]


@pytest.mark.parametrize(
    ("role", "ref", "text", "kind"),
    [
        ("user", "x", "/EDIT business_name", "command"),
        ("user", "x", "(skipped)", "command"),
        ("user", "x", "(bỏ qua)", "command"),
        ("user", "x", "(skipped) but I have more to say", "answer"),
        ("assistant", None, "== not a step", "say"),
        ("assistant", "x", "? Can you give an example?", "question"),
    ],
)
def test_kind_of_an_old_line(role: str, ref: str | None, text: str, kind: str) -> None:
    assert kind_of(role, ref, text) == kind


def test_a_file_with_a_high_version_and_no_journey_tables_is_not_a_journey_database(tmp_path: Path) -> None:
    database = tmp_path / "other.db"
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA user_version = 7")
    connection.commit()
    connection.close()
    before = database.read_bytes()
    with pytest.raises(JourneyError) as refused:
        Store.open(database)
    assert refused.value.key == "store.foreign"
    assert "not a journey database" in refused.value.message("en")
    assert database.read_bytes() == before


def _run(prefix: list[str], database: Path, *args: str, input: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JOURNEY_", "LC_", "LANG")) and key not in ("LINES", "COLUMNS")  # xdist sets them
    }
    return subprocess.run(
        [*prefix, str(JOURNEY), "--lang", "en", "--db", str(database), *args],
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env, "XDG_DATA_HOME": str(database.parent / "data"), "XDG_STATE_HOME": str(database.parent / "state")},
        timeout=60,
    )


@pytest.mark.parametrize("locked", ["file", "folder"])
def test_a_read_only_database_is_refused_before_the_first_question_and_still_lists(tmp_path: Path, locked: str) -> None:
    prefix = permissions_apply()
    folder = tmp_path / "shared"
    folder.mkdir()
    database = folder / "journey.db"
    with Store.open(database) as store:
        session = Session.start(store, find_bank("customer-journey").bank, "en", "general", "Lotus Coffee")
        session.answer("Lotus Coffee")
    database.chmod(0o444)
    if locked == "folder":
        folder.chmod(0o555)
    before = database.read_bytes()
    try:
        chat = _run(prefix, database, "chat", session.id, input="An answer that must not be asked for\n")
        assert chat.returncode == 1, chat
        assert "read-only" in chat.stderr and "Traceback" not in chat.stderr
        assert "> " not in chat.stdout and "[" not in chat.stdout, "refused before any question"
        new = _run(prefix, database, "chat", input="Lotus\n")
        assert new.returncode == 1 and "read-only" in new.stderr
        listed = _run(prefix, database, "list")
        assert listed.returncode == 0, listed.stderr
        assert "Lotus Coffee" in listed.stdout
        exported = _run(prefix, database, "export", session.id)
        assert exported.returncode == 0, exported.stderr
        assert exported.stdout.startswith("# Lotus Coffee")
    finally:
        folder.chmod(0o755)
        database.chmod(0o644)
    assert database.read_bytes() == before


def test_a_read_only_directory_gives_a_sentence_and_creates_nothing(tmp_path: Path) -> None:
    prefix = permissions_apply()
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = _run(prefix, locked / "journey.db", "chat", input="Lotus\n")
        assert result.returncode == 1
        assert t("store.readonly", "en", path=str(locked / "journey.db")) in result.stderr
        assert "Traceback" not in result.stderr and "> " not in result.stdout
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)
