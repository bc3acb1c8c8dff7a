"""The owner's answers read once ever: the first map of a saved interview reads them and the store keeps what the
analysis asked of the reader, a later process builds the same map reading nothing, a changed reader reads again
once, an edited answer is read anew, and the readings go with their interview. Each "new process" here forgets
every sentence this one read and opens a session afresh."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.exports import interview_map
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.reader import ObstacleReader
from assistant.journeymap.reading import decode_all, default_reading, encode, reader_fingerprint
from assistant.session import Session
from assistant.store import SCHEMA_VERSION, Store
from tests.survey import fixed_clock, golden_interview

Asked = list[tuple[str, str]]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[Asked]:
    """Everything the obstacle reader is asked, (what, the sentence) each, from a process that has read nothing."""
    calls: Asked = []
    for name in ("read", "classify", "says_none", "compounds", "sounds_positive", "without_chatter"):
        original = getattr(ObstacleReader, name)

        def spied(reader: ObstacleReader, text: str, name: str = name, original: object = original) -> object:
            calls.append((name, text))
            return original(reader, text)  # type: ignore[operator]

        monkeypatch.setattr(ObstacleReader, name, spied)
    default_reading.cache_clear()  # its memory binds the reader's methods as they were when it was made
    yield calls
    default_reading.cache_clear()


def new_process(asked: Asked) -> None:
    default_reading().forget()
    asked.clear()


def stored(store: Store, interview: str | None = None) -> list[tuple[str, str, str]]:
    sql = "SELECT asked, sentence, reader FROM answer_readings"
    params: tuple[str, ...] = ()
    if interview is not None:
        sql, params = f"{sql} WHERE interview_id = ?", (interview,)
    return store.connection.execute(f"{sql} ORDER BY 1, 2", params).fetchall()


@pytest.fixture
def lotus(store: Store) -> str:
    return golden_interview(store, "en").id


def test_the_first_map_keeps_what_it_read_and_the_next_process_reads_none(
    store: Store, lotus: str, asked: Asked, tmp_path: Path
) -> None:
    new_process(asked)
    first = interview_map(store, lotus)
    assert asked, "the first map reads the answers"
    kept = stored(store, lotus)
    assert {(what, sentence) for what, sentence, _ in kept} == set(asked)
    assert {reader for *_, reader in kept} == {reader_fingerprint()}
    assert first.obstacles, "the golden interview names obstacles: the readings are the findings' own"
    new_process(asked)
    default_reading.cache_clear()  # a new process: no reader loaded yet
    with Store.open(tmp_path / "journey.db") as other:  # another connection, as another process opens the file
        assert interview_map(other, lotus) == first
        assert asked == [], "nothing is read again"
        assert not default_reading().loaded, "with every sentence kept, the lexicon and the model are never loaded"
        review = Session.resume(other, lotus).kind_review()
    assert review.obstacles and asked == [], "the kind review reads them as kept too"
    assert len(stored(store, lotus)) == len(kept)


def test_the_readings_are_those_the_reader_gives(store: Store, lotus: str) -> None:
    """What the map is built from in a later process is what the reader says now, field by field."""
    interview_map(store, lotus)
    reading = default_reading()
    rows = store.connection.execute("SELECT asked, sentence, reading FROM answer_readings").fetchall()
    for what, sentence, kept in rows:
        if what == "read":
            assert decode_all([kept]) == [tuple(reading.read(sentence))], sentence
        elif what == "classify":
            assert decode_all([kept]) == [(reading.classify(sentence),)], sentence
        elif what == "compounds":
            assert frozenset(json.loads(kept)) == reading.compounds(sentence), sentence
        elif what == "sounds_positive":
            assert kept == ("true" if reading.sounds_positive(sentence) else "false"), sentence
        elif what == "without_chatter":
            assert kept == reading.without_chatter(sentence), sentence
        else:
            assert kept == ("true" if reading.says_none(sentence) else "false"), sentence


def test_a_changed_reader_reads_them_again_once(store: Store, lotus: str, asked: Asked) -> None:
    first = interview_map(store, lotus)
    count = len(stored(store, lotus))
    # As an older reader left them: another fingerprint, and every answer read as a long queue.
    wrong = encode(tuple(default_reading().read("Long queue at 8 am")))
    store.connection.execute(
        "UPDATE answer_readings SET reader = 'an older reader', reading = ? WHERE asked = 'read'", (wrong,)
    )
    new_process(asked)
    assert interview_map(store, lotus) == first
    assert {what for what, _ in asked} == {"read"}, "what the older reader read is read again, and only that"
    assert len(stored(store, lotus)) == count and {reader for *_, reader in stored(store)} == {reader_fingerprint()}
    new_process(asked)
    assert interview_map(store, lotus) == first
    assert asked == [], "once"


def test_an_edited_answer_is_read_anew(store: Store, lotus: str, asked: Asked) -> None:
    session = Session.resume(store, lotus)
    session.map()
    entry = next(e for e in session.answered() if e.display == "Shipping costs are only shown at checkout")
    session.edit(entry.ref, "/edit")
    said = "Parking is always full at lunch"
    assert session.answer(said).ok
    new_process(asked)
    journey = session.map()
    assert ("read", said) in asked
    assert said in [obstacle.clause for obstacle in session.kind_review().obstacles]
    source = MapSource.of(session.row)
    assert journey == build_map(session.bank, session.interview.state, source), "as a map of the answers in memory"
    assert ("read", said, reader_fingerprint()) in stored(store, lotus)
    new_process(asked)
    assert Session.resume(store, lotus).map() == journey
    assert asked == []


def test_a_map_built_in_a_worker_thread_keeps_its_readings(store: Store, lotus: str, asked: Asked) -> None:
    """The app builds its maps in workers, on connections of their own: what they read is kept all the same."""
    session = Session.resume(store, lotus)
    new_process(asked)
    built: list[object] = []
    worker = threading.Thread(target=lambda: built.append(session.map(snapshot=session.snapshot())))
    worker.start()
    worker.join(timeout=120)
    assert len(built) == 1 and asked
    assert {(what, sentence) for what, sentence, _ in stored(store, lotus)} == set(asked)
    new_process(asked)
    assert Session.resume(store, lotus).map() == built[0]
    assert asked == []


def test_the_app_writes_the_readings_after_showing_the_map(store: Store, lotus: str, asked: Asked) -> None:
    """The app's analysis shows its map first and writes what it read after: the session knows the readings at
    once, the store once they are written."""
    session = Session.resume(store, lotus)
    new_process(asked)
    first = session.map(keep_now=False)
    assert asked and stored(store, lotus) == []
    asked.clear()
    assert session.map(keep_now=False) == first and asked == [], "the session knows them meanwhile"
    session.keep_readings()
    assert {what for what, *_ in stored(store, lotus)} >= {"read", "says_none"}
    new_process(asked)
    assert Session.resume(store, lotus).map() == first and asked == []


def test_the_readings_go_with_their_interview_and_come_with_a_copy(store: Store, lotus: str, asked: Asked) -> None:
    interview_map(store, lotus)
    kept = stored(store, lotus)
    copy = store.duplicate(lotus, "Lotus Coffee, variant").id
    assert stored(store, copy) == kept
    new_process(asked)
    interview_map(store, copy)
    assert asked == [], "the copy is read as the original was"
    store.delete(lotus)
    assert stored(store, lotus) == [] and stored(store, copy) == kept
    store.delete(copy)
    assert stored(store) == []


def test_a_version_4_database_upgrades_in_place_and_reads_its_answers_once(tmp_path: Path, asked: Asked) -> None:
    """A database of schema version 4 (the survey's readings, not the owner's) gains the owner's and loses
    nothing."""
    path = tmp_path / "v4.db"
    with Store.open(path, clock=fixed_clock) as store:
        interview = golden_interview(store, "vi").id
        store.connection.execute("DROP TABLE answer_readings")
        store.connection.execute("PRAGMA user_version = 4")
        tables = ("interviews", "answers", "history", "transcript")
        before = {
            table: store.connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in tables
        }
    new_process(asked)
    with Store.open(path, clock=fixed_clock) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        for table, rows in before.items():
            assert store.connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() == rows, table
        first = interview_map(store, interview)
        assert asked and stored(store, interview), "read on the map's first need, and kept"
        new_process(asked)
        assert interview_map(store, interview) == first
        assert asked == []
    foreign_keys = sqlite3.connect(path).execute("PRAGMA foreign_key_list(answer_readings)").fetchall()
    assert [(row[2], row[6]) for row in foreign_keys] == [("interviews", "CASCADE")]


def test_a_stored_reading_is_what_the_map_reads(store: Store, lotus: str, asked: Asked) -> None:
    """The map of a later process stands on what the store keeps, not on the reader: a reading kept by this very
    reader is trusted as it is."""
    first = interview_map(store, lotus)
    elsewhere = encode(tuple(default_reading().read("Shipping costs are only shown at checkout")))
    store.connection.execute(
        "UPDATE answer_readings SET reading = ? WHERE asked = 'read' AND sentence = ?",
        (elsewhere, "Long queue at 8 am"),
    )
    new_process(asked)
    assert interview_map(store, lotus) != first
    # Read otherwise, the queue no longer joins its theme, and a theme is named by a sentence no title came from
    # before: that title is all that is asked.
    assert {what for what, _ in asked} <= {"without_chatter"}
