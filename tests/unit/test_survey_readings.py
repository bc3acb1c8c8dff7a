"""The respondents' answers read once ever: the first map that needs them reads them and the store keeps the
readings beside the answers, later processes use them as stored, a changed reader reads them again once, and they
go with their file and their interview. Each "new process" here forgets what this one loaded and read."""

from __future__ import annotations

import ast
import importlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.exports import interview_map
from assistant.journeymap.reader import ObstacleReader, ReadObstacle
from assistant.journeymap.reading import READER_MODULES, decode_all, default_reading, encode, reader_fingerprint
from assistant.session import Session
from assistant.store import SCHEMA_VERSION, Store, forget_loaded_respondents
from tests.permissions import permissions_apply
from tests.survey import fixed_clock, golden_interview, imported

JOURNEY = Path(sys.executable).with_name("journey")


@pytest.fixture
def lotus(store: Store) -> str:
    interview = golden_interview(store, "en").id
    imported(store, interview, "google-forms-en.csv")
    imported(store, interview, "microsoft-forms.csv")
    return interview


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every sentence the obstacle reader reads, from a process that has read nothing yet."""
    texts: list[str] = []
    reading = ObstacleReader.read

    def counted(reader: ObstacleReader, text: str) -> list[ReadObstacle]:
        texts.append(text)
        return reading(reader, text)

    monkeypatch.setattr(ObstacleReader, "read", counted)
    yield texts
    default_reading().forget()


def new_process(read: list[str]) -> None:
    forget_loaded_respondents()
    default_reading().forget()
    read.clear()


def stored(store: Store) -> list[tuple[int, str, str]]:
    return store.connection.execute("SELECT batch_id, answer, reader FROM survey_readings ORDER BY 1, 2").fetchall()


def owner_reads(store: Store, interview: str, read: list[str]) -> set[str]:
    """What the map reads of the owner's own words: the map without any respondent."""
    session = Session.resume(store, interview)
    new_process(read)
    session.map()
    return set(read)


def test_the_first_map_reads_the_answers_and_the_next_process_reads_none(
    store: Store, lotus: str, read: list[str]
) -> None:
    owner = owner_reads(store, lotus, read)
    assert stored(store) == [], "importing reads nothing"
    new_process(read)
    first = interview_map(store, lotus)
    customers = set(read) - owner
    assert customers, "the customers' answers were read"
    kept = stored(store)
    assert customers <= {answer for _, answer, _ in kept} <= set(read)  # the owner may say what a customer says
    assert {reader for *_, reader in kept} == {reader_fingerprint()}
    new_process(read)
    again = interview_map(store, lotus)
    assert again == first
    assert set(read) <= owner, "no customer's answer is read again"


def test_answers_are_kept_with_the_file_of_the_first_who_gave_them(store: Store, lotus: str) -> None:
    interview_map(store, lotus)
    batches = dict(store.connection.execute("SELECT number, id FROM survey_batches").fetchall())
    by_batch = {batch for batch, _, _ in stored(store)}
    assert by_batch == {batches[1], batches[2]}
    # "Delivery fee is too expensive" is said in both files; it is read once, kept with the first.
    fee = [batch for batch, answer, _ in stored(store) if answer == "Delivery fee is too expensive"]
    assert fee == [batches[1]]


def test_a_changed_reader_reads_them_again_once(store: Store, lotus: str, read: list[str]) -> None:
    owner = owner_reads(store, lotus, read)
    new_process(read)
    first = interview_map(store, lotus)
    count = len(stored(store))
    # As an older reader left them: another fingerprint, and every answer read as a price.
    wrong = encode(tuple(default_reading().read("Delivery fee is too expensive")))
    store.connection.execute("UPDATE survey_readings SET reader = 'an older reader', obstacles = ?", (wrong,))
    new_process(read)
    assert interview_map(store, lotus) == first
    assert set(read) - owner, "read again"
    assert len(stored(store)) == count and {reader for *_, reader in stored(store)} == {reader_fingerprint()}
    new_process(read)
    assert interview_map(store, lotus) == first
    assert set(read) <= owner, "once"


def test_the_readings_go_with_their_file_their_interview_and_come_with_a_copy(store: Store, lotus: str) -> None:
    interview_map(store, lotus)
    first, second = (row[0] for row in store.connection.execute("SELECT id FROM survey_batches ORDER BY number"))
    copy = store.duplicate(lotus, "Lotus Coffee, variant").id
    copied = store.connection.execute(
        "SELECT count(*) FROM survey_readings r JOIN survey_batches b ON b.id = r.batch_id WHERE b.interview_id = ?",
        (copy,),
    ).fetchone()[0]
    assert copied == len(stored(store)) // 2
    store.remove_batch(lotus, 1)
    assert first not in {batch for batch, _, _ in stored(store)} and second in {batch for batch, _, _ in stored(store)}
    store.delete(lotus)
    store.delete(copy)
    assert stored(store) == []


def test_a_loaded_set_is_handed_back_until_its_files_change(store: Store, lotus: str, tmp_path: Path) -> None:
    people = store.respondents(lotus)
    with Store.open(tmp_path / "journey.db") as other:
        assert other.respondents(lotus) is people, "another connection of the process, the same set"
    store.remove_batch(lotus, 2)
    fewer = store.respondents(lotus)
    assert fewer is not people and fewer is not None and len(fewer) == 8
    imported(store, lotus, "microsoft-forms.csv")
    more = store.respondents(lotus)
    assert more is not fewer and more is not None and len(more) == 11


def test_a_version_3_database_upgrades_in_place_and_reads_its_answers_once(tmp_path: Path, read: list[str]) -> None:
    """A database of schema version 3 (respondents, no readings) gains the readings and loses nothing."""
    path = tmp_path / "v3.db"
    with Store.open(path, clock=fixed_clock) as store:
        interview = golden_interview(store, "en").id
        imported(store, interview, "google-forms-en.csv")
        store.connection.execute("DROP TABLE survey_readings")
        store.connection.execute("DROP TABLE answer_readings")
        store.connection.execute("PRAGMA user_version = 3")
        answers = store.connection.execute("SELECT * FROM survey_answers ORDER BY 1, 2").fetchall()
    new_process(read)
    with Store.open(path, clock=fixed_clock) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        assert store.connection.execute("SELECT * FROM survey_answers ORDER BY 1, 2").fetchall() == answers
        people = store.respondents(interview)
        assert people is not None and len(people) == 8
        first = interview_map(store, interview)
        assert stored(store), "read on the map's first need, and kept"
        owner = owner_reads(store, interview, read)
        new_process(read)
        assert interview_map(store, interview) == first
        assert set(read) <= owner


def test_the_readings_come_back_as_they_were_read(store: Store, lotus: str) -> None:
    interview_map(store, lotus)
    answers = sorted({answer for _, answer, _ in stored(store)})
    reads = [tuple(default_reading().read(answer)) for answer in answers]
    assert decode_all(encode(read) for read in reads) == reads


def test_an_effect_comes_back_with_its_obstacle() -> None:
    """A consequence ("…, so the price is higher"), read on its own, is kept beside the cause it follows: the
    analysis reads a customer's effect as an owner's cost."""
    reads = tuple(default_reading().read("Commission is high, so the price on Booking is higher than direct"))
    assert any(read.effect is not None for read in reads)
    assert decode_all([encode(reads)]) == [reads]


def test_the_fingerprint_covers_every_module_a_reading_is_worked_out_by() -> None:
    """A module of ours the reader imports (but for the errors it raises) changes how a sentence reads: it must be
    in what the fingerprint hashes, or a changed reader would trust what an older one read."""
    for name in READER_MODULES:
        tree = ast.parse(Path(str(importlib.import_module(name).__file__)).read_text(encoding="utf-8"))
        imported_here = {
            node.module
            for node in tree.body  # imports inside functions find files, not words
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assistant")
        } | {
            alias.name
            for node in tree.body
            if isinstance(node, ast.Import)
            for alias in node.names
            if alias.name.startswith("assistant")
        }
        assert imported_here - {"assistant.errors"} <= set(READER_MODULES), name


def test_a_read_only_surveyed_database_still_exports_and_is_not_written(tmp_path: Path) -> None:
    prefix = permissions_apply()
    database = tmp_path / "journey.db"
    with Store.open(database, clock=fixed_clock) as store:
        interview = golden_interview(store, "en").id
        imported(store, interview, "google-forms-en.csv")
    database.chmod(0o444)
    before = database.read_bytes()
    try:
        exported = subprocess.run(
            [*prefix, str(JOURNEY), "--lang", "en", "--db", str(database), "export", interview],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state")},
            timeout=120,
        )
    finally:
        database.chmod(0o644)
    assert exported.returncode == 0, exported.stderr
    assert "customers" in exported.stdout
    assert database.read_bytes() == before
    for table in ("survey_readings", "answer_readings"):
        assert sqlite3.connect(database).execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
