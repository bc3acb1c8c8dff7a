"""The store: the only module that touches SQLite. Every answer is durable the moment its commit returns.

Durability and concurrency: WAL, `synchronous=FULL`, foreign keys on, a busy timeout, and every write in a
`BEGIN IMMEDIATE` transaction, so two journey processes on one file queue for the write lock instead of failing
with "database is locked", and a crash at any moment loses no committed answer.

sqlite-utils or raw SQL: sqlite-utils (imported on first need) creates the tables, adds columns and rebuilds
tables in the migrations (`transform` keeps indexes, checks foreign keys inside our transaction), and inserts whole
rows from dicts (`insert`), where its column handling saves code. Everything on a hot or timed path is raw SQL on
the standard `sqlite3` connection: opening and listing (`journey list` has a budget of 1.5x `journey --version`,
and importing sqlite-utils alone costs more than that margin), and the answer commit (one prepared statement per
kind of change, no per-call introspection, a budget of 3x a bare insert). Upserts are raw `INSERT … ON CONFLICT`
for the same reason. Values always travel as parameters; the only numbers formatted into SQL are the integer
PRAGMAs, which SQLite cannot take as parameters, and `_pragma` checks they are ints.

Opening for writing proves the file can be written (a write rolled back) before any question is asked, so a
read-only file is a sentence up front instead of after the user's first answer; `journey list` and `export` open
for reading and work on a read-only file.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from assistant.errors import JourneyError
from assistant.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

    from assistant.survey.model import Batch, NewBatch, Respondents

APPLICATION_ID = 0x4A524E59  # "JRNY": marks a SQLite file as journey's own.
BUSY_TIMEOUT_MS = 10_000
FINGERPRINT_BYTES = 16
_SQLITE_HEADER = b"SQLite format 3\x00"
_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: ids are read aloud and typed
_ID_LENGTH = 6

IN_PROGRESS = "in_progress"
COMPLETED = "completed"
STATUSES = (IN_PROGRESS, COMPLETED)

Clock = Callable[[], str]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class InterviewRow(NamedTuple):
    id: str
    title: str
    title_auto: bool
    bank_id: str
    bank_version: str
    bank_hash: str
    locale: str
    preset: str | None
    status: str
    created: str
    updated: str
    completed: str | None
    done: int
    total: int
    cursor: str
    draft: str | None


_INTERVIEW_COLUMNS = (
    "id, title, title_auto, bank_id, bank_version, bank_hash, locale, preset, status, created, updated, "
    "completed, done, total, cursor, draft"
)


class Listed(NamedTuple):
    """One line of `journey list`: just what the listing shows, read in one pass."""

    id: str
    title: str
    bank_id: str
    preset: str | None
    locale: str
    done: int
    total: int
    status: str
    created: str
    updated: str
    completed: str | None
    updated_local: str
    """`updated` in the machine's time zone, converted by SQLite for the whole listing at once."""
    skipped: int
    """Of `done`, the questions skipped that still apply; counted for a completed interview only, whose list row
    would otherwise read as fully answered."""


def _interview(row: Sequence[Any]) -> InterviewRow:
    return InterviewRow(
        id=row[0],
        title=row[1],
        title_auto=bool(row[2]),
        bank_id=row[3],
        bank_version=row[4],
        bank_hash=row[5],
        locale=row[6],
        preset=row[7],
        status=row[8],
        created=row[9],
        updated=row[10],
        completed=row[11],
        done=row[12],
        total=row[13],
        cursor=row[14],
        draft=row[15],
    )


class AnswerRow(NamedTuple):
    item_id: str
    instance_key: str
    status: str
    value: str
    """The answer value as JSON text (`null` for a skipped question)."""
    active: bool
    probed: bool
    answered_at: str
    kinds: str | None = None
    """The owner's corrections of the obstacle kinds found in this answer, as JSON text, or None."""


class HistoryRow(NamedTuple):
    item_id: str
    instance_key: str
    status: str
    value: str
    answered_at: str
    replaced_at: str
    kinds: str | None = None


# What each transcript line is, so a front end renders it (and a map reads it) without guessing from its text.
ASSISTANT_KINDS = (
    "step",
    "intro",
    "note",
    "question",
    "probe",
    "summary",
    "finding",
    "error",
    "change",
    "review",
    "say",
)
USER_KINDS = ("answer", "command")
TRANSCRIPT_KINDS = ASSISTANT_KINDS + USER_KINDS


class TranscriptRow(NamedTuple):
    seq: int
    role: str
    """`assistant` or `user`."""
    ref: str | None
    text: str
    locale: str
    at: str
    kind: str = "say"
    """One of `TRANSCRIPT_KINDS`: `ASSISTANT_KINDS` for the assistant's lines, `USER_KINDS` for the user's."""
    data: str | None = None
    """Structured detail of the line as JSON text (a finding's rule, a change's old value), or None."""


class Said(NamedTuple):
    """One transcript line to write. Without a `kind` the store infers it the way migration 2 classified old
    lines (`kind_of`), so a caller written before kinds existed still writes well-kinded lines."""

    role: str
    ref: str | None
    text: str
    locale: str
    kind: str | None = None
    data: str | None = None


Line = Said | tuple[str, str | None, str, str]
"""A transcript line as callers give it: a `Said`, or the older (role, ref, text, locale)."""


class Commit(NamedTuple):
    """One atomic write for one interview: the answers that changed, the transcript lines, the progress."""

    upserts: list[AnswerRow]
    deletes: list[tuple[str, str]]
    active: list[tuple[str, str, bool]]
    transcript: Sequence[Line]
    """In the order they were said; each may carry its `kind` and `data` (see `Said`)."""
    cursor: str
    done: int
    total: int
    finished: bool
    title: str | None = None


# ----- schema ------------------------------------------------------------------------------------------


def _migration_1(db: Database) -> None:
    db.table("banks").create({"hash": str, "bank_id": str, "version": str, "body": str}, pk="hash", not_null={"body"})
    interviews = db.table("interviews")
    interviews.create(
        {
            "id": str,
            "title": str,
            "search_key": str,
            "title_auto": int,
            "bank_id": str,
            "bank_version": str,
            "bank_hash": str,
            "locale": str,
            "preset": str,
            "status": str,
            "created": str,
            "updated": str,
            "completed": str,
            "done": int,
            "total": int,
            "cursor": str,
            "draft": str,
        },
        pk="id",
        not_null={"title", "bank_hash", "locale", "status", "created", "updated", "cursor"},
        foreign_keys=[("bank_hash", "banks", "hash")],
    )
    interviews.create_index(["updated"], index_name="interviews_by_updated")
    answers = db.table("answers")
    answers.create(
        {
            "interview_id": str,
            "item_id": str,
            "instance_key": str,
            "status": str,
            "value": str,
            "active": int,
            "probed": int,
            "answered_at": str,
        },
        pk=("interview_id", "item_id", "instance_key"),
        not_null={"status", "value", "answered_at"},
        foreign_keys=[("interview_id", "interviews", "id")],
    )
    history = db.table("history")
    history.create(
        {
            "id": int,
            "interview_id": str,
            "item_id": str,
            "instance_key": str,
            "status": str,
            "value": str,
            "answered_at": str,
            "replaced_at": str,
        },
        pk="id",
        foreign_keys=[("interview_id", "interviews", "id")],
    )
    history.create_index(["interview_id", "id"], index_name="history_by_interview")
    db.table("transcript").create(
        {"interview_id": str, "seq": int, "role": str, "ref": str, "text": str, "locale": str, "at": str},
        pk=("interview_id", "seq"),
        not_null={"role", "text", "at"},
        foreign_keys=[("interview_id", "interviews", "id")],
    )


_CHILD_TABLES = ("answers", "history", "transcript")


def _migration_2(db: Database) -> None:
    """Transcript lines say what they are (`kind`, `data`); answers keep the owner's obstacle-kind corrections
    (`kinds`); deleting an interview deletes its rows (ON DELETE CASCADE). SQLite cannot alter a foreign key, so
    the three child tables are rebuilt, inside the caller's transaction, and checked with foreign_key_check."""
    from sqlite_utils.db import ForeignKey

    transcript = db.table("transcript")
    transcript.add_column("kind", str, not_null_default="say")
    transcript.add_column("data", str)
    db.table("answers").add_column("kinds", str)
    db.table("history").add_column("kinds", str)
    conn = db.conn
    kinds = [
        (kind, interview_id, seq)
        for interview_id, seq, role, ref, text in conn.execute(
            "SELECT interview_id, seq, role, ref, text FROM transcript"
        )
        if (kind := kind_of(role, ref, text)) != "say"
    ]
    conn.executemany("UPDATE transcript SET kind = ? WHERE interview_id = ? AND seq = ?", kinds)
    for name in _CHILD_TABLES:
        db.table(name).transform(
            foreign_keys=[ForeignKey(name, "interview_id", "interviews", "id", on_delete="CASCADE")]
        )
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")


# ----- migration 3: the customer survey ------------------------------------------------------------------------


def _migration_3(db: Database) -> None:
    """Respondents beside their interview: one row per imported file (its respondents, numbered `first_number` to
    `last_number`, never named, each known by a fingerprint of their row so a file imported twice is refused), and
    that file's answers by column. Deleting the interview deletes them all."""
    conn = db.conn
    conn.execute(
        """CREATE TABLE IF NOT EXISTS survey_batches (
            id INTEGER PRIMARY KEY,
            interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            file_hash TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            respondents INTEGER NOT NULL,
            first_number INTEGER NOT NULL,
            last_number INTEGER NOT NULL,
            fingerprints BLOB NOT NULL,
            submitted TEXT NOT NULL,
            skipped_cells INTEGER NOT NULL,
            columns TEXT NOT NULL,
            ignored TEXT NOT NULL,
            personal_kept INTEGER NOT NULL,
            UNIQUE (interview_id, number)
        )"""
    )
    conn.execute(
        """CREATE TABLE IF NOT EXISTS survey_answers (
            batch_id INTEGER NOT NULL REFERENCES survey_batches(id) ON DELETE CASCADE,
            column_id TEXT NOT NULL,
            personal INTEGER NOT NULL DEFAULT 0,
            cells TEXT NOT NULL,
            PRIMARY KEY (batch_id, column_id)
        )"""
    )


# ----- migration 4: the survey's answers read -------------------------------------------------------------------


def _migration_4(db: Database) -> None:
    """What the obstacle reader found in the respondents' answers, kept beside them so that each is read once ever
    (`assistant/survey/readings.py`): one row per distinct answer of a batch, as the obstacles it names, tagged
    with the fingerprint of the reader that read it. Keyed by the answer's words, not its column: a reading depends
    on the words alone. Deleting the batch, or the interview, deletes them."""
    db.conn.execute(
        """CREATE TABLE IF NOT EXISTS survey_readings (
            batch_id INTEGER NOT NULL REFERENCES survey_batches(id) ON DELETE CASCADE,
            answer TEXT NOT NULL,
            reader TEXT NOT NULL,
            obstacles TEXT NOT NULL,
            PRIMARY KEY (batch_id, answer)
        )"""
    )


# ----- migration 5: the owner's answers read ---------------------------------------------------------------------


def _migration_5(db: Database) -> None:
    """What the analysis asked the obstacle reader about an interview's answers, kept so that a new process (each
    `journey export`, each start of the app) does not read them again (`assistant/journeymap/reading.py`): one
    row per sentence and question asked of it (`read`, `classify`, `says_none`), the reading tagged with the
    fingerprint of the reader that read it.

    Kept per interview, not once per sentence for the whole file: deleting an interview deletes what its owner
    wrote, readings included, by the same ON DELETE CASCADE as its answers, with no count of which interviews still
    say a sentence; the price is that a sentence two interviews share is read once for each (a copy takes the
    original's readings along). The readings of an answer since edited stay with the interview, as its history
    does, and go with it."""
    db.conn.execute(
        """CREATE TABLE IF NOT EXISTS answer_readings (
            interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
            asked TEXT NOT NULL,
            sentence TEXT NOT NULL,
            reader TEXT NOT NULL,
            reading TEXT NOT NULL,
            PRIMARY KEY (interview_id, asked, sentence)
        )"""
    )


# Numbered by position: MIGRATIONS[n - 1] takes a database from version n - 1 to n. Add new ones at the end.
MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
)
SCHEMA_VERSION = len(MIGRATIONS)


# ----- transcript kinds ------------------------------------------------------------------------------------

_COMMANDS = frozenset({"/back", "/skip", "/edit", "/lang", "/quit", "/review", "/help"})


def _said_patterns() -> re.Pattern[str]:
    """The app's stand-in lines for a move (`tui.said.*`: "(back to the previous question)"), in both languages,
    their placeholders matching anything."""
    from assistant.i18n import MESSAGES

    templates: list[str] = []
    for key, (vietnamese, english) in MESSAGES.items():
        if key.startswith("tui.said."):
            templates.extend(text for text in (vietnamese, english) if isinstance(text, str))
    parts = [re.sub(r"\\\{\w+\\\}", ".*", re.escape(template)) for template in templates]
    return re.compile("|".join(f"(?:{part})" for part in parts), re.DOTALL)


_said: list[re.Pattern[str]] = []


def kind_of(role: str, ref: str | None, text: str) -> str:
    """What a line written without a kind is, from what it is: a user's line is an answer unless it is a chat
    command or one of the app's stand-ins for a move; the assistant's `== … ==` lines are step headers, its lines
    tied to a question are that question, and everything else is said."""
    if role == "user":
        if text.split(" ", 1)[0].lower() in _COMMANDS:
            return "command"
        if not _said:
            _said.append(_said_patterns())
        return "command" if _said[0].fullmatch(text) else "answer"
    if text.startswith("== ") and text.endswith(" =="):
        return "step"
    return "question" if ref else "say"


def _said_line(line: Line) -> Said:
    said = line if isinstance(line, Said) else Said(*line)
    if said.kind is None:
        return said._replace(kind=kind_of(said.role, said.ref, said.text))
    allowed = USER_KINDS if said.role == "user" else ASSISTANT_KINDS
    if said.kind not in allowed:
        raise ValueError(f"a {said.role} line cannot be of kind {said.kind!r}")
    return said


# ----- errors ------------------------------------------------------------------------------------------


@contextmanager
def _translated_errors(path: Path) -> Iterator[None]:
    """SQLite and OS failures become sentences; the caller's transaction has already been rolled back."""
    where = str(path)
    try:
        yield
    except JourneyError:
        raise
    except sqlite3.OperationalError as error:
        reason = str(error).lower()
        if "readonly" in reason or "read-only" in reason:
            raise JourneyError("store.readonly", path=where) from None
        if "disk is full" in reason or ("disk i/o" in reason and _disk_full(path)):
            raise JourneyError("store.disk_full", path=where) from None
        if "locked" in reason or "busy" in reason:
            raise JourneyError("store.busy", path=where) from None
        if "unable to open" in reason:
            raise JourneyError("store.cannot_open", path=where, reason=str(error)) from None
        raise JourneyError("store.failed", path=where, reason=str(error)) from None
    except sqlite3.DatabaseError as error:
        raise JourneyError("store.corrupt", path=where, reason=str(error)) from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise JourneyError("store.disk_full", path=where) from None
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise JourneyError("store.readonly", path=where) from None
        raise JourneyError("store.cannot_open", path=where, reason=error.strerror or str(error)) from None


def _disk_full(path: Path) -> bool:
    try:
        stats = os.statvfs(path.parent)
    except OSError:
        return False
    return stats.f_bavail == 0


# ----- the store ---------------------------------------------------------------------------------------


class Store:
    """A journey database file. Not shared between threads; each process or worker opens its own
    (`on_this_thread`)."""

    def __init__(self, path: Path, connection: sqlite3.Connection, clock: Clock, *, writable: bool = True) -> None:
        self.path = path
        self.connection = connection
        self.clock = clock
        self.writable = writable
        self._db: Database | None = None
        self._thread = threading.get_ident()  # SQLite's connections refuse the threads they were not made on

    # --- opening

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now, writable: bool = True) -> Store:
        """Open (creating and initialising if needed) the database at `path`.

        A non-SQLite file, a SQLite file of another application and a database written by a newer journey are
        refused before anything is written to them. With `writable` (the default), a file that cannot be written
        is refused now, before anyone types an answer; without it (listing, exporting) a read-only file is read.
        """
        path = path.expanduser()
        with _translated_errors(path):
            _prepare_file(path)
            try:
                return cls._connect(path, clock, writable=writable)
            except sqlite3.OperationalError as error:
                if writable or not _is_read_only(error):
                    raise
            # A file we may not write: SQLite still wants to create the WAL index beside it, so read it in
            # read-only mode, or as immutable when no write-ahead log holds anything beyond the file itself.
            try:
                return cls._connect(path, clock, writable=False, uri=_uri(path, "mode=ro"))
            except sqlite3.OperationalError as error:
                if not _is_read_only(error) or _wal_has_frames(path):
                    raise
            return cls._connect(path, clock, writable=False, uri=_uri(path, "mode=ro&immutable=1"))

    @classmethod
    def _connect(cls, path: Path, clock: Clock, *, writable: bool, uri: str | None = None) -> Store:
        # `timeout` is SQLite's busy timeout: a writer waits its turn instead of failing.
        connection = sqlite3.connect(
            uri or path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=uri is not None
        )
        try:
            store = cls(path, connection, clock, writable=uri is None)
            store._initialise()
            if writable:
                store._prove_writable()
        except BaseException:
            connection.close()
            raise
        return store

    def _initialise(self) -> None:
        conn = self.connection
        application_id, version = self._identity()
        if application_id == APPLICATION_ID and version == SCHEMA_VERSION:
            self._session_pragmas()
            return
        if application_id not in (0, APPLICATION_ID) or (application_id == 0 and (version or self._has_tables())):
            raise JourneyError("store.foreign", path=str(self.path))
        if version > SCHEMA_VERSION:
            raise JourneyError("store.newer", path=str(self.path), version=version, supported=SCHEMA_VERSION)
        if not self.writable:
            raise JourneyError("store.readonly", path=str(self.path))  # it needs an upgrade we cannot write
        conn.execute("PRAGMA journal_mode = WAL")
        self._session_pragmas()
        with self._write():
            application_id, version = self._identity()  # another process may have migrated meanwhile
            if version > SCHEMA_VERSION:
                raise JourneyError("store.newer", path=str(self.path), version=version, supported=SCHEMA_VERSION)
            for migration in MIGRATIONS[version:]:
                migration(self.db)
            conn.execute(_pragma("application_id", APPLICATION_ID))
            conn.execute(_pragma("user_version", SCHEMA_VERSION))

    def _prove_writable(self) -> None:
        """Write the header's version (unchanged) and roll it back: the cheapest real write, so a read-only file,
        folder or file system shows now, and nothing is changed on a writable one."""
        conn = self.connection
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_pragma("user_version", SCHEMA_VERSION))
        finally:
            conn.execute("ROLLBACK")

    def _identity(self) -> tuple[int, int]:
        application_id = self.connection.execute("PRAGMA application_id").fetchone()[0]
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        return int(application_id), int(version)

    def _has_tables(self) -> bool:
        return self.connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None

    def _session_pragmas(self) -> None:
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA synchronous = FULL")

    @property
    def db(self) -> Database:
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.connection, execute_plugins=False)
        return self._db

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def on_this_thread(self) -> Iterator[Store]:
        """This store on the thread that opened it; on another (the app builds its maps in workers), the same file
        on a connection of that thread, closed after. A file removed meanwhile is not made again, empty."""
        if threading.get_ident() == self._thread:
            yield self
            return
        if not self.path.exists():
            raise JourneyError("store.cannot_open", path=str(self.path), reason=os.strerror(errno.ENOENT))
        with Store.open(self.path, clock=self.clock, writable=self.writable) as store:
            yield store

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so it waits, never deadlocks."""
        conn = self.connection
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        with _translated_errors(self.path):
            yield

    # --- interviews

    def create(
        self,
        *,
        bank_id: str,
        bank_version: str,
        bank_hash: str,
        bank_body: str,
        locale: str,
        preset: str | None,
        title: str,
        title_auto: bool,
        cursor: str,
        total: int,
    ) -> InterviewRow:
        now = self.clock()
        with self._guard(), self._write():
            self._save_bank(bank_hash, bank_id, bank_version, bank_body)
            interview_id = self._new_id()
            self.db.table("interviews").insert(
                {
                    "id": interview_id,
                    "title": title,
                    "search_key": fold(title),
                    "title_auto": int(title_auto),
                    "bank_id": bank_id,
                    "bank_version": bank_version,
                    "bank_hash": bank_hash,
                    "locale": locale,
                    "preset": preset,
                    "status": IN_PROGRESS,
                    "created": now,
                    "updated": now,
                    "completed": None,
                    "done": 0,
                    "total": total,
                    "cursor": cursor,
                    "draft": None,
                }
            )
        return self.get(interview_id)

    def _save_bank(self, bank_hash: str, bank_id: str, version: str, body: str) -> None:
        self.connection.execute(
            "INSERT OR IGNORE INTO banks (hash, bank_id, version, body) VALUES (?, ?, ?, ?)",
            (bank_hash, bank_id, version, body),
        )

    def _new_id(self) -> str:
        import secrets  # only writers need it; `journey list` does not pay for its import

        while True:
            candidate = "".join(secrets.choice(_ID_ALPHABET) for _ in range(_ID_LENGTH))
            if self.connection.execute("SELECT 1 FROM interviews WHERE id = ?", (candidate,)).fetchone() is None:
                return candidate

    def get(self, interview_id: str) -> InterviewRow:
        with self._guard():
            row = self.connection.execute(
                f"SELECT {_INTERVIEW_COLUMNS} FROM interviews WHERE id = ?", (interview_id.strip().lower(),)
            ).fetchone()
        if row is None:
            raise JourneyError("store.no_interview", id=interview_id)
        return _interview(row)

    def latest(self, *, status: str | None = None) -> InterviewRow | None:
        rows = self.interviews(status=status, limit=1)
        return rows[0] if rows else None

    def interviews(
        self, *, status: str | None = None, search: str | None = None, limit: int | None = None
    ) -> list[InterviewRow]:
        """Newest first. `search` matches the title or the id, ignoring case and accents."""
        where, params = self._filters(status, search)
        sql = f"SELECT {_INTERVIEW_COLUMNS} FROM interviews {where} ORDER BY updated DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._guard():
            return [_interview(row) for row in self.connection.execute(sql, params)]

    def listing(
        self, *, status: str | None = None, search: str | None = None, limit: int | None = None
    ) -> list[Listed]:
        """The rows of `journey list`, newest first: one query walking the `updated` index, no per-row work.

        Every column is coerced in the query, so a row damaged by hand (a date that is not one, a count that is
        text) is listed as it is instead of breaking the listing of the whole database."""
        where, params = self._filters(status, search)
        sql = (
            "SELECT id, CAST(COALESCE(title, '') AS TEXT), CAST(COALESCE(bank_id, '') AS TEXT), preset, "
            "CAST(COALESCE(locale, '') AS TEXT), "
            "CASE WHEN typeof(done) = 'integer' THEN done ELSE 0 END, "
            "CASE WHEN typeof(total) = 'integer' THEN total ELSE 0 END, "
            "CAST(COALESCE(status, '') AS TEXT), CAST(COALESCE(created, '') AS TEXT), "
            "CAST(COALESCE(updated, '') AS TEXT), completed, "
            "COALESCE(strftime('%Y-%m-%d %H:%M', updated, 'localtime'), CAST(COALESCE(updated, '') AS TEXT)), "
            "CASE WHEN status = 'completed' THEN (SELECT count(*) FROM answers WHERE answers.interview_id = "
            "interviews.id AND answers.status = 'skipped' AND answers.active) ELSE 0 END "
            f"FROM interviews {where} ORDER BY updated DESC"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._guard():
            return list(map(Listed._make, self.connection.execute(sql, params)))

    def count(self, *, status: str | None = None, search: str | None = None) -> int:
        where, params = self._filters(status, search)
        with self._guard():
            return int(self.connection.execute(f"SELECT count(*) FROM interviews {where}", params).fetchone()[0])

    def _filters(self, status: str | None, search: str | None) -> tuple[str, list[object]]:
        """A WHERE clause of fixed text and its parameters: the values never enter the SQL itself."""
        clauses: list[str] = []
        params: list[object] = []
        if status is not None:
            if status not in STATUSES:
                raise JourneyError("store.unknown_status", status=status, known=", ".join(STATUSES))
            clauses.append("status = ?")
            params.append(status)
        if search:
            pattern = "%" + fold(search).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(search_key LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')")
            params.extend([pattern, pattern])
        return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params

    def rename(self, interview_id: str, title: str) -> InterviewRow:
        row = self.get(interview_id)
        with self._guard(), self._write():
            self.connection.execute(
                "UPDATE interviews SET title = ?, search_key = ?, title_auto = 0, updated = ? WHERE id = ?",
                (title, fold(title), self.clock(), row.id),
            )
        return self.get(row.id)

    def set_draft(self, interview_id: str, draft: str | None) -> None:
        with self._guard(), self._write():
            self.connection.execute("UPDATE interviews SET draft = ? WHERE id = ?", (draft or None, interview_id))

    def set_locale(self, interview_id: str, locale: str) -> None:
        with self._guard(), self._write():
            self.connection.execute(
                "UPDATE interviews SET locale = ?, updated = ? WHERE id = ?", (locale, self.clock(), interview_id)
            )

    def delete(self, interview_id: str) -> None:
        """The interview and, by the foreign keys' ON DELETE CASCADE, its answers, history, transcript, what the
        reader found in them and its survey; its bank snapshot too when no other interview uses it."""
        row = self.get(interview_id)
        with self._guard(), self._write():
            self.connection.execute("DELETE FROM interviews WHERE id = ?", (row.id,))
            self.connection.execute(
                "DELETE FROM banks WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM interviews WHERE bank_hash = ?)",
                (row.bank_hash, row.bank_hash),
            )

    def duplicate(self, interview_id: str, title: str) -> InterviewRow:
        """A full copy (answers, history, transcript) under a new id, to explore a variant."""
        row = self.get(interview_id)
        now = self.clock()
        with self._guard(), self._write():
            new_id = self._new_id()
            conn = self.connection
            conn.execute(
                "INSERT INTO interviews (id, title, search_key, title_auto, bank_id, bank_version, bank_hash, locale, "
                "preset, status, created, updated, completed, done, total, cursor, draft) "
                "SELECT ?, ?, ?, 0, bank_id, bank_version, bank_hash, locale, preset, status, ?, ?, completed, done, "
                "total, cursor, draft FROM interviews WHERE id = ?",
                (new_id, title, fold(title), now, now, row.id),
            )
            conn.execute(
                f"INSERT INTO answers (interview_id, {_ANSWER_COLUMNS}) "
                f"SELECT ?, {_ANSWER_COLUMNS} FROM answers WHERE interview_id = ?",
                (new_id, row.id),
            )
            conn.execute(
                f"INSERT INTO history (interview_id, {_HISTORY_COLUMNS}) "
                f"SELECT ?, {_HISTORY_COLUMNS} FROM history WHERE interview_id = ? ORDER BY id",
                (new_id, row.id),
            )
            conn.execute(
                f"INSERT INTO transcript (interview_id, {_TRANSCRIPT_COLUMNS}) "
                f"SELECT ?, {_TRANSCRIPT_COLUMNS} FROM transcript WHERE interview_id = ?",
                (new_id, row.id),
            )
            conn.execute(
                "INSERT INTO answer_readings (interview_id, asked, sentence, reader, reading) "
                "SELECT ?, asked, sentence, reader, reading FROM answer_readings WHERE interview_id = ?",
                (new_id, row.id),
            )
            self._copy_survey(row.id, new_id)
        return self.get(new_id)

    def _copy_survey(self, from_id: str, to_id: str) -> None:
        """The copy keeps the survey's respondents: it is a variant of the same journey, asked of the same people."""
        conn = self.connection
        batches = conn.execute("SELECT id FROM survey_batches WHERE interview_id = ? ORDER BY number", (from_id,))
        for (old_batch,) in batches.fetchall():
            cursor = conn.execute(
                f"INSERT INTO survey_batches (interview_id, {_BATCH_COLUMNS}) "
                f"SELECT ?, {_BATCH_COLUMNS} FROM survey_batches WHERE id = ?",
                (to_id, old_batch),
            )
            conn.execute(
                "INSERT INTO survey_answers (batch_id, column_id, personal, cells) "
                "SELECT ?, column_id, personal, cells FROM survey_answers WHERE batch_id = ?",
                (cursor.lastrowid, old_batch),
            )
            conn.execute(
                "INSERT INTO survey_readings (batch_id, answer, reader, obstacles) "
                "SELECT ?, answer, reader, obstacles FROM survey_readings WHERE batch_id = ?",
                (cursor.lastrowid, old_batch),
            )

    # --- answers and transcript

    def bank_body(self, bank_hash: str) -> str:
        with self._guard():
            row = self.connection.execute("SELECT body FROM banks WHERE hash = ?", (bank_hash,)).fetchone()
        if row is None:
            raise JourneyError("store.bank_missing", hash=bank_hash[:12])
        return str(row[0])

    def preset_labels(self, locale: str) -> dict[tuple[str, str], str]:
        """Every saved bank's preset names in `locale` (else the bank's default language), by (bank id, preset
        code): read from the bank snapshots by SQLite's JSON functions, so a listing names its presets without
        loading and validating a bank. A later snapshot of a bank wins over an earlier one."""
        if not locale.isalpha():
            raise ValueError(f"not a locale: {locale!r}")
        with self._guard():
            rows = self.connection.execute(
                "SELECT b.bank_id, json_extract(p.value, '$.code'), COALESCE("
                "NULLIF(json_extract(p.value, '$.label.' || ?), ''), "
                "json_extract(p.value, '$.label.' || json_extract(b.body, '$.default_locale'))) "
                "FROM banks AS b, json_each(b.body, '$.presets') AS p WHERE json_valid(b.body) ORDER BY b.rowid",
                (locale,),
            ).fetchall()
        return {(str(bank_id), str(code)): str(label) for bank_id, code, label in rows if code and label}

    def answers(self, interview_id: str) -> list[AnswerRow]:
        with self._guard():
            rows = self.connection.execute(
                f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE interview_id = ? "
                "ORDER BY answered_at, item_id, instance_key",
                (interview_id,),
            ).fetchall()
        return [AnswerRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], r[7]) for r in rows]

    def history(self, interview_id: str) -> list[HistoryRow]:
        with self._guard():
            rows = self.connection.execute(
                f"SELECT {_HISTORY_COLUMNS} FROM history WHERE interview_id = ? ORDER BY id", (interview_id,)
            ).fetchall()
        return [HistoryRow(*row) for row in rows]

    def transcript(
        self, interview_id: str, *, last: int | None = None, before: int | None = None
    ) -> list[TranscriptRow]:
        """The conversation in order; with `last`, only its final lines (read from the end, not scanned), and
        with `before`, only lines older than that sequence number: the pages an app loads as the user scrolls up."""
        columns = f"SELECT {_TRANSCRIPT_COLUMNS} FROM transcript WHERE interview_id = ?"
        params: list[object] = [interview_id]
        if before is not None:
            columns += " AND seq < ?"
            params.append(before)
        with self._guard():
            if last is None:
                rows = self.connection.execute(columns + " ORDER BY seq", params).fetchall()
            else:
                rows = self.connection.execute(columns + " ORDER BY seq DESC LIMIT ?", [*params, last]).fetchall()
                rows.reverse()
        return [TranscriptRow(*row) for row in rows]

    def commit(self, interview_id: str, change: Commit) -> InterviewRow:
        """Write one step of an interview atomically and durably, and return the interview row as it now is (so
        the caller need not read it again); the previous value of every changed answer goes to the history
        first, so an edit never loses what was there. Each kind of change is one prepared statement, run only
        when there is something of that kind."""
        now = self.clock()
        with self._guard(), self._write():
            conn = self.connection
            keys = [(now, interview_id, row.item_id, row.instance_key) for row in change.upserts]
            keys += [(now, interview_id, item_id, instance_key) for item_id, instance_key in change.deletes]
            if keys:
                conn.executemany(_TO_HISTORY, keys)
            if change.deletes:
                conn.executemany(
                    "DELETE FROM answers WHERE interview_id = ? AND item_id = ? AND instance_key = ?",
                    [(interview_id, item_id, instance_key) for item_id, instance_key in change.deletes],
                )
            if change.upserts:
                conn.executemany(
                    _UPSERT_ANSWER,
                    [
                        (interview_id, r.item_id, r.instance_key, r.status, r.value, int(r.active), int(r.probed), now,
                         r.kinds)
                        for r in change.upserts
                    ],
                )  # fmt: skip
            if change.active:
                conn.executemany(
                    "UPDATE answers SET active = ? WHERE interview_id = ? AND item_id = ? AND instance_key = ?",
                    [(int(active), interview_id, item_id, key) for item_id, key, active in change.active],
                )
            self._append_transcript(interview_id, change.transcript, now)
            title = change.title
            row = conn.execute(
                _PROGRESS,
                (
                    change.cursor, change.done, change.total, now,
                    COMPLETED if change.finished else IN_PROGRESS, int(change.finished), now,
                    title, title, title, None if title is None else fold(title),
                    interview_id,
                ),
            ).fetchone()  # fmt: skip
        if row is None:
            raise JourneyError("store.no_interview", id=interview_id)
        return _interview(row)

    def say(self, interview_id: str, lines: Iterable[Line]) -> None:
        """Transcript lines on their own (a summary, a locale switch) outside any answer."""
        now = self.clock()
        with self._guard(), self._write():
            self._append_transcript(interview_id, list(lines), now)

    def lines_of_kind(self, interview_id: str, kinds: Sequence[str]) -> list[TranscriptRow]:
        """The transcript lines of some kinds (the step summaries said, the live findings raised), in order: what a
        resumed session needs to know of the conversation without reading all of it."""
        marks = ", ".join("?" for _ in kinds)
        with self._guard():
            rows = self.connection.execute(
                f"SELECT {_TRANSCRIPT_COLUMNS} FROM transcript WHERE interview_id = ? AND kind IN ({marks}) "
                "ORDER BY seq",
                [interview_id, *kinds],
            ).fetchall()
        return [TranscriptRow(*row) for row in rows]

    def withdraw_findings(self, interview_id: str, finding_ids: Sequence[str]) -> list[int]:
        """Mark the live analysis notes about these findings as withdrawn (their answer changed and the finding is
        gone); the notes stay in the conversation, struck, and their sequence numbers are returned."""
        if not finding_ids:
            return []
        marks = ", ".join("?" for _ in finding_ids)
        match = (
            f"interview_id = ? AND kind = 'finding' AND json_extract(data, '$.finding_id') IN ({marks}) "
            "AND COALESCE(json_extract(data, '$.withdrawn'), 0) = 0"
        )
        with self._guard(), self._write():
            seqs = [
                row[0]
                for row in self.connection.execute(
                    f"SELECT seq FROM transcript WHERE {match}", [interview_id, *finding_ids]
                )
            ]
            self.connection.execute(
                f"UPDATE transcript SET data = json_set(data, '$.withdrawn', 1) WHERE {match}",
                [interview_id, *finding_ids],
            )
        return seqs

    def _append_transcript(self, interview_id: str, lines: Sequence[Line], now: str) -> None:
        if not lines:
            return
        self.connection.executemany(
            _APPEND_LINE,
            [
                (interview_id, line.role, line.ref, line.text, line.locale, now, line.kind, line.data, interview_id)
                for line in map(_said_line, lines)
            ],
        )

    # --- the owner's answers read (migration 5)

    def answer_readings(self, interview_id: str) -> list[tuple[str, str, str, str]]:
        """What the obstacle reader found in the interview's answers, as `keep_answer_readings` stored it: (what
        was asked, the sentence, the reader's fingerprint, the reading) each."""
        with self._guard():
            return self.connection.execute(
                "SELECT asked, sentence, reader, reading FROM answer_readings WHERE interview_id = ?", (interview_id,)
            ).fetchall()

    def keep_answer_readings(self, interview_id: str, reader: str, rows: Sequence[tuple[str, str, str]]) -> None:
        """Store what `reader` (its fingerprint) found in the interview's answers, (what was asked, the sentence,
        the reading) each, in one transaction. The interview's readings by another reader go: they will not be
        trusted again. An interview deleted meanwhile (by another process) takes none."""
        with self._guard(), self._write():
            conn = self.connection
            conn.execute("DELETE FROM answer_readings WHERE interview_id = ? AND reader != ?", (interview_id, reader))
            conn.executemany(
                "INSERT INTO answer_readings (interview_id, asked, sentence, reader, reading) "
                "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM interviews WHERE id = ?) "
                "ON CONFLICT (interview_id, asked, sentence) DO UPDATE SET reader = excluded.reader, "
                "reading = excluded.reading",
                [(interview_id, asked, sentence, reader, reading, interview_id) for asked, sentence, reading in rows],
            )

    # --- portable copies

    def restore(
        self,
        *,
        interview: dict[str, Any],
        bank_body: str,
        answers: Sequence[AnswerRow],
        history: Sequence[HistoryRow],
        transcript: Sequence[TranscriptRow],
    ) -> InterviewRow:
        """Insert a whole interview as read from a portable file, under a new id, in one transaction."""
        with self._guard(), self._write():
            self._save_bank(interview["bank_hash"], interview["bank_id"], interview["bank_version"], bank_body)
            new_id = self._new_id()
            self.db.table("interviews").insert({**interview, "id": new_id, "search_key": fold(interview["title"])})
            conn = self.connection
            conn.executemany(
                f"INSERT INTO answers (interview_id, {_ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(new_id, *r[:4], int(r.active), int(r.probed), r.answered_at, r.kinds) for r in answers],
            )
            conn.executemany(
                f"INSERT INTO history (interview_id, {_HISTORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(new_id, *h) for h in history],
            )
            conn.executemany(
                f"INSERT INTO transcript (interview_id, {_TRANSCRIPT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(new_id, *line) for line in transcript],
            )
        return self.get(new_id)

    # --- the customer survey (migration 3): respondents beside the interview, never named

    def survey_batches(self, interview_id: str) -> list[Batch]:
        """The files imported into an interview's survey, oldest first."""
        from assistant.survey.model import Batch

        with self._guard():
            rows = self.connection.execute(
                "SELECT number, file_name, imported_at, respondents, first_number, last_number, skipped_cells, "
                "columns, ignored, personal_kept FROM survey_batches WHERE interview_id = ? ORDER BY number",
                (interview_id,),
            ).fetchall()
        return [
            Batch(
                number=row[0],
                file_name=row[1],
                imported_at=row[2],
                respondents=row[3],
                first=row[4],
                last=row[5],
                skipped_cells=row[6],
                columns=tuple(json.loads(row[7])),
                ignored=tuple(json.loads(row[8])),
                personal_kept=bool(row[9]),
            )
            for row in rows
        ]

    def respondent_count(self, interview_id: str) -> int:
        with self._guard():
            row = self.connection.execute(
                "SELECT COALESCE(SUM(respondents), 0) FROM survey_batches WHERE interview_id = ?", (interview_id,)
            ).fetchone()
        return int(row[0])

    def known_fingerprints(self, interview_id: str) -> dict[bytes, int]:
        """The fingerprint of every respondent already imported, with the number of the file it came in."""
        with self._guard():
            rows = self.connection.execute(
                "SELECT number, fingerprints FROM survey_batches WHERE interview_id = ?", (interview_id,)
            ).fetchall()
        return {fingerprint: int(number) for number, blob in rows for fingerprint in _fingerprints(blob)}

    def batch_of_file(self, interview_id: str, file_hash: str) -> int | None:
        """The number of the batch that imported a file with exactly these bytes, if any."""
        with self._guard():
            row = self.connection.execute(
                "SELECT number FROM survey_batches WHERE interview_id = ? AND file_hash = ? ORDER BY number LIMIT 1",
                (interview_id, file_hash),
            ).fetchone()
        return int(row[0]) if row is not None else None

    def add_respondents(self, interview_id: str, batch: NewBatch) -> Batch:
        """One file's respondents, numbered after those already there, written in one transaction: all or none.
        Another process importing the same rows meanwhile is caught inside the transaction."""
        now = self.clock()
        fingerprints = b"".join(respondent.fingerprint for respondent in batch.respondents)
        with self._guard(), self._write():
            conn = self.connection
            taken = conn.execute(
                "SELECT fingerprints FROM survey_batches WHERE interview_id = ?", (interview_id,)
            ).fetchall()
            known = {fingerprint for (blob,) in taken for fingerprint in _fingerprints(blob)}
            if any(respondent.fingerprint in known for respondent in batch.respondents):
                raise JourneyError("survey.import.imported_meanwhile")
            number, first = conn.execute(
                "SELECT COALESCE(MAX(number), 0) + 1, COALESCE(MAX(last_number), 0) + 1 FROM survey_batches "
                "WHERE interview_id = ?",
                (interview_id,),
            ).fetchone()
            count = len(batch.respondents)
            cursor = conn.execute(
                "INSERT INTO survey_batches (interview_id, number, file_name, file_hash, imported_at, respondents, "
                "first_number, last_number, fingerprints, submitted, skipped_cells, columns, ignored, personal_kept) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    interview_id,
                    number,
                    batch.file_name,
                    batch.file_hash,
                    now,
                    count,
                    first,
                    first + count - 1,
                    fingerprints,
                    answer_json([respondent.submitted for respondent in batch.respondents]),
                    batch.skipped_cells,
                    answer_json(list(batch.columns)),
                    answer_json(batch.ignored),
                    int(batch.personal is not None),
                ),
            )
            batch_id = cursor.lastrowid
            conn.executemany(
                "INSERT INTO survey_answers (batch_id, column_id, personal, cells) VALUES (?, ?, ?, ?)",
                [
                    *((batch_id, column_id, 0, answer_json(cells)) for column_id, cells in batch.columns.items()),
                    *((batch_id, header, 1, answer_json(cells)) for header, cells in (batch.personal or {}).items()),
                ],
            )
        return next(b for b in self.survey_batches(interview_id) if b.number == number)

    def remove_batch(self, interview_id: str, number: int) -> Batch:
        """Delete one imported file's respondents and answers."""
        batch = next((b for b in self.survey_batches(interview_id) if b.number == number), None)
        if batch is None:
            raise JourneyError("survey.no_batch", id=interview_id, batch=number)
        with self._guard(), self._write():
            self.connection.execute(
                "DELETE FROM survey_batches WHERE interview_id = ? AND number = ?", (interview_id, number)
            )
        return batch

    def respondents(self, interview_id: str) -> Respondents | None:
        """Every respondent of the interview's survey with their answers by column, and what the obstacle reader
        found in their answers (read on the map's first need, then kept here), or None when there is none.

        A set loaded once in this process is handed back for as long as the interview's batches are those it was
        loaded from: what the map works out from respondents is remembered beside them, so exporting several formats
        or reopening the map loads and works out nothing again."""
        from assistant.survey.model import CellValue, Respondents
        from assistant.survey.readings import Readings

        with self._guard():
            batches = self.connection.execute(
                "SELECT id, first_number, respondents, number, file_hash, imported_at, columns, skipped_cells "
                "FROM survey_batches WHERE interview_id = ? ORDER BY first_number",
                (interview_id,),
            ).fetchall()
        if not batches:
            return None
        key = (str(self.path.resolve()), interview_id, tuple(batches))
        with _loaded_lock:
            loaded = _loaded.get(key)
            if loaded is not None:
                _loaded.move_to_end(key)
                return loaded
        with self._guard():
            moments = dict(
                self.connection.execute(
                    "SELECT id, submitted FROM survey_batches WHERE interview_id = ?", (interview_id,)
                ).fetchall()
            )
            cells = self.connection.execute(
                "SELECT a.batch_id, a.column_id, a.cells FROM survey_answers a "
                "JOIN survey_batches b ON b.id = a.batch_id WHERE b.interview_id = ? AND a.personal = 0",
                (interview_id,),
            ).fetchall()
            stored = {
                answer: (reader, obstacles)
                for answer, reader, obstacles in self.connection.execute(
                    "SELECT r.answer, r.reader, r.obstacles FROM survey_readings r "
                    "JOIN survey_batches b ON b.id = r.batch_id WHERE b.interview_id = ?",
                    (interview_id,),
                )
            }
        by_batch: dict[int, dict[str, list[CellValue]]] = {}
        for batch_id, column_id, text in cells:
            by_batch.setdefault(batch_id, {})[column_id] = json.loads(text)
        numbers: list[int] = []
        submitted: list[str | None] = []
        columns: dict[str, list[CellValue]] = {}
        for batch_id, first, count, *_ in batches:
            for column_id, values in by_batch.get(batch_id, {}).items():
                columns.setdefault(column_id, [None] * len(numbers)).extend(values)
            numbers.extend(range(first, first + count))
            submitted.extend(json.loads(moments[batch_id]))
            for column in columns.values():
                if len(column) < len(numbers):
                    column.extend([None] * (len(numbers) - len(column)))
        firsts = [(first, batch_id) for batch_id, first, *_ in batches]
        keep = partial(_keep_readings, self.path, firsts) if self.writable else None  # a read-only file reads each time
        respondents = Respondents(
            numbers=numbers,
            submitted=submitted,
            columns=columns,
            batches=self.survey_batches(interview_id),
            readings=Readings(stored, keep),
        )
        with _loaded_lock:
            _loaded[key] = respondents
            while len(_loaded) > LOADED_SETS:
                _loaded.popitem(last=False)
        return respondents

    def keep_readings(self, reader: str, rows: Sequence[tuple[int, str, str]]) -> None:
        """Store what `reader` (its fingerprint) found in answers: (batch id, answer, obstacles) each. Readings of
        another reader in those batches go: they will not be trusted again. A batch removed meanwhile (by another
        process) takes none."""
        with self._guard(), self._write():
            conn = self.connection
            conn.executemany(
                "DELETE FROM survey_readings WHERE batch_id = ? AND reader != ?",
                [(batch_id, reader) for batch_id in {row[0] for row in rows}],
            )
            conn.executemany(
                "INSERT INTO survey_readings (batch_id, answer, reader, obstacles) "
                "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM survey_batches WHERE id = ?) "
                "ON CONFLICT (batch_id, answer) DO UPDATE SET reader = excluded.reader, obstacles = excluded.obstacles",
                [(batch_id, answer, reader, obstacles, batch_id) for batch_id, answer, obstacles in rows],
            )


LOADED_SETS = 2
"""Sets of respondents a process keeps loaded (`Store.respondents`): the app's interview and an export."""
_loaded: OrderedDict[tuple[object, ...], Respondents] = OrderedDict()
_loaded_lock = threading.Lock()  # the app loads and exports in worker threads


def forget_loaded_respondents() -> None:
    """Load every set of respondents afresh, as a new process would (a benchmark's cold start)."""
    with _loaded_lock:
        _loaded.clear()


def _keep_readings(path: Path, firsts: list[tuple[int, int]], reader: str, found: list[tuple[str, int, str]]) -> None:
    """`Readings`' keep: the readings of answers stored with the batch of the first respondent who gave each, on a
    connection of the calling thread (the map is built in the app's workers). A database that cannot take them
    (read-only, busy) keeps none: they are read again by the next process, and the map is no different."""
    from bisect import bisect_right  # only a map's first build of new answers needs it

    if not path.exists():
        return  # removed meanwhile: not to be made again, empty, for a few readings
    starts = [first for first, _ in firsts]
    rows = [(firsts[bisect_right(starts, who) - 1][1], answer, obstacles) for answer, who, obstacles in found]
    try:
        with Store.open(path) as store:
            store.keep_readings(reader, rows)
    except JourneyError as error:
        if error.key != "store.readonly":
            logging.getLogger("journey.store").warning("survey readings not kept: %s", error)


_ANSWER_COLUMNS = "item_id, instance_key, status, value, active, probed, answered_at, kinds"
_HISTORY_COLUMNS = "item_id, instance_key, status, value, answered_at, replaced_at, kinds"
_TRANSCRIPT_COLUMNS = "seq, role, ref, text, locale, at, kind, data"
_BATCH_COLUMNS = (
    "number, file_name, file_hash, imported_at, respondents, first_number, last_number, fingerprints, submitted, "
    "skipped_cells, columns, ignored, personal_kept"
)
# Each line numbered after the last one of its interview by the insert itself (the primary key's index finds the
# last), so appending is one statement, not a read and then a write.
_APPEND_LINE = (
    f"INSERT INTO transcript (interview_id, {_TRANSCRIPT_COLUMNS}) "
    "SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ? FROM transcript WHERE interview_id = ?"
)
_TO_HISTORY = (
    "INSERT INTO history (interview_id, item_id, instance_key, status, value, answered_at, replaced_at, kinds) "
    "SELECT interview_id, item_id, instance_key, status, value, answered_at, ?, kinds FROM answers "
    "WHERE interview_id = ? AND item_id = ? AND instance_key = ?"
)
_UPSERT_ANSWER = (
    f"INSERT INTO answers (interview_id, {_ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (interview_id, item_id, instance_key) DO UPDATE SET status = excluded.status, "
    "value = excluded.value, active = excluded.active, probed = excluded.probed, "
    "answered_at = excluded.answered_at, kinds = excluded.kinds"
)
# The progress and, for an interview still named automatically, the title, in one statement that hands back the
# row: a commit is one round trip fewer than an update followed by a read.
_PROGRESS = (
    "UPDATE interviews SET cursor = ?, done = ?, total = ?, updated = ?, draft = NULL, status = ?, "
    "completed = CASE WHEN ? THEN COALESCE(completed, ?) END, "
    "title = CASE WHEN ? IS NOT NULL AND title_auto = 1 THEN ? ELSE title END, "
    "search_key = CASE WHEN ? IS NOT NULL AND title_auto = 1 THEN ? ELSE search_key END "
    f"WHERE id = ? RETURNING {_INTERVIEW_COLUMNS}"
)


def _pragma(name: str, value: int) -> str:
    """PRAGMAs take no bound parameters; these two are only ever given integers, checked here."""
    if name not in ("application_id", "user_version") or type(value) is not int:
        raise ValueError(f"refusing PRAGMA {name} = {value!r}")
    return f"PRAGMA {name} = {value:d}"


def _is_read_only(error: sqlite3.OperationalError) -> bool:
    reason = str(error).lower()
    return "readonly" in reason or "read-only" in reason or "unable to open" in reason


def _uri(path: Path, query: str) -> str:
    return f"{path.resolve().as_uri()}?{query}"


def _wal_has_frames(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _prepare_file(path: Path) -> None:
    """Create the directory and an empty 0600 file; refuse, untouched, anything that is not a SQLite file."""
    if path.is_dir():
        raise JourneyError("store.is_directory", path=str(path))
    if path.exists():
        with path.open("rb") as existing:
            header = existing.read(len(_SQLITE_HEADER))
        if header and header != _SQLITE_HEADER:
            raise JourneyError("store.not_sqlite", path=str(path))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(descriptor)


def _fingerprints(blob: bytes) -> Iterator[bytes]:
    """A batch's respondents' fingerprints, stored end to end."""
    size = FINGERPRINT_BYTES
    return (bytes(blob[start : start + size]) for start in range(0, len(blob), size))


def answer_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
