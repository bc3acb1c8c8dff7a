"""The store: the only module that touches SQLite. Every answer is durable the moment its commit returns.

Durability and concurrency: WAL, `synchronous=FULL`, foreign keys on, a busy timeout, and every write in a
`BEGIN IMMEDIATE` transaction, so two journey processes on one file queue for the write lock instead of failing
with "database is locked", and a crash at any moment loses no committed answer.

sqlite-utils (imported on first need) creates and migrates the schema and runs the writes. Opening a database
and listing interviews use the standard `sqlite3` connection underneath it directly: `journey list` has a budget
of 1.5x `journey --version`, and importing sqlite-utils alone costs more than that whole margin.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from assistant.errors import JourneyError
from assistant.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

    from assistant.survey.model import Batch, NewBatch, Respondents

APPLICATION_ID = 0x4A524E59  # "JRNY": marks a SQLite file as journey's own.
SCHEMA_VERSION = 2  # migrations 1 and 3 on this branch; see `_migration_3`
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


class HistoryRow(NamedTuple):
    item_id: str
    instance_key: str
    status: str
    value: str
    answered_at: str
    replaced_at: str


class TranscriptRow(NamedTuple):
    seq: int
    role: str
    """`assistant` or `user`."""
    ref: str | None
    text: str
    locale: str
    at: str


class Commit(NamedTuple):
    """One atomic write for one interview: the answers that changed, the transcript lines, the progress."""

    upserts: list[AnswerRow]
    deletes: list[tuple[str, str]]
    active: list[tuple[str, str, bool]]
    transcript: list[tuple[str, str | None, str, str]]
    """(role, ref, text, locale) in the order they were said."""
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


# ----- migration 3: the customer survey ------------------------------------------------------------------------
# It only adds tables (and creates them only if they are missing), so it runs the same after migration 1 or after
# migration 2: on this branch it follows migration 1 directly; where migration 2 exists it goes third.


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


MIGRATIONS: tuple[Callable[[Database], None], ...] = (_migration_1, _migration_3)
assert len(MIGRATIONS) == SCHEMA_VERSION


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
    """A journey database file. Not shared between threads; each process or worker opens its own."""

    def __init__(self, path: Path, connection: sqlite3.Connection, clock: Clock) -> None:
        self.path = path
        self.connection = connection
        self.clock = clock
        self._db: Database | None = None

    # --- opening

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now) -> Store:
        """Open (creating and initialising if needed) the database at `path`.

        A non-SQLite file, a SQLite file of another application and a database written by a newer journey are
        refused before anything is written to them.
        """
        path = path.expanduser()
        with _translated_errors(path):
            _prepare_file(path)
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            try:
                store = cls(path, connection, clock)
                store._initialise()
            except BaseException:
                connection.close()
                raise
        return store

    def _initialise(self) -> None:
        conn = self.connection
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        application_id, version = self._identity()
        if application_id == APPLICATION_ID and version == SCHEMA_VERSION:
            self._session_pragmas()
            return
        if application_id not in (0, APPLICATION_ID) or (application_id == 0 and self._has_tables()):
            raise JourneyError("store.foreign", path=str(self.path))
        if version > SCHEMA_VERSION:
            raise JourneyError("store.newer", path=str(self.path), version=version, supported=SCHEMA_VERSION)
        conn.execute("PRAGMA journal_mode = WAL")
        self._session_pragmas()
        with self._write():
            application_id, version = self._identity()  # another process may have migrated meanwhile
            if version > SCHEMA_VERSION:
                raise JourneyError("store.newer", path=str(self.path), version=version, supported=SCHEMA_VERSION)
            for migration in MIGRATIONS[version:]:
                migration(self.db)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

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
        tail = f"LIMIT {int(limit)}" if limit is not None else ""
        sql = f"SELECT {_INTERVIEW_COLUMNS} FROM interviews {where} ORDER BY updated DESC {tail}"
        with self._guard():
            return [_interview(row) for row in self.connection.execute(sql, params)]

    def listing(
        self, *, status: str | None = None, search: str | None = None, limit: int | None = None
    ) -> list[Listed]:
        """The rows of `journey list`, newest first: one query walking the `updated` index, no per-row work."""
        where, params = self._filters(status, search)
        sql = (
            "SELECT id, title, bank_id, preset, locale, done, total, status, created, updated, completed, "
            "strftime('%Y-%m-%d %H:%M', updated, 'localtime') "
            f"FROM interviews {where} ORDER BY updated DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._guard():
            return list(map(Listed._make, self.connection.execute(sql, params)))

    def count(self, *, status: str | None = None, search: str | None = None) -> int:
        where, params = self._filters(status, search)
        with self._guard():
            return int(self.connection.execute(f"SELECT count(*) FROM interviews {where}", params).fetchone()[0])

    def _filters(self, status: str | None, search: str | None) -> tuple[str, list[str]]:
        clauses: list[str] = []
        params: list[str] = []
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

    def set_status(self, interview_id: str, status: str) -> InterviewRow:
        row = self.get(interview_id)
        now = self.clock()
        completed = now if status == COMPLETED else None
        with self._guard(), self._write():
            self.connection.execute(
                "UPDATE interviews SET status = ?, completed = ?, updated = ? WHERE id = ?",
                (status, completed, now, row.id),
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
        row = self.get(interview_id)
        with self._guard(), self._write():
            for table in ("transcript", "history", "answers"):
                self.connection.execute(f"DELETE FROM {table} WHERE interview_id = ?", (row.id,))
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
                "INSERT INTO answers SELECT ?, item_id, instance_key, status, value, active, probed, answered_at "
                "FROM answers WHERE interview_id = ?",
                (new_id, row.id),
            )
            conn.execute(
                "INSERT INTO history (interview_id, item_id, instance_key, status, value, answered_at, replaced_at) "
                "SELECT ?, item_id, instance_key, status, value, answered_at, replaced_at FROM history "
                "WHERE interview_id = ? ORDER BY id",
                (new_id, row.id),
            )
            conn.execute(
                "INSERT INTO transcript SELECT ?, seq, role, ref, text, locale, at FROM transcript "
                "WHERE interview_id = ?",
                (new_id, row.id),
            )
        return self.get(new_id)

    # --- answers and transcript

    def bank_body(self, bank_hash: str) -> str:
        with self._guard():
            row = self.connection.execute("SELECT body FROM banks WHERE hash = ?", (bank_hash,)).fetchone()
        if row is None:
            raise JourneyError("store.bank_missing", hash=bank_hash[:12])
        return str(row[0])

    def answers(self, interview_id: str) -> list[AnswerRow]:
        with self._guard():
            rows = self.connection.execute(
                "SELECT item_id, instance_key, status, value, active, probed, answered_at FROM answers "
                "WHERE interview_id = ? ORDER BY answered_at, item_id, instance_key",
                (interview_id,),
            ).fetchall()
        return [AnswerRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6]) for r in rows]

    def history(self, interview_id: str) -> list[HistoryRow]:
        with self._guard():
            rows = self.connection.execute(
                "SELECT item_id, instance_key, status, value, answered_at, replaced_at FROM history "
                "WHERE interview_id = ? ORDER BY id",
                (interview_id,),
            ).fetchall()
        return [HistoryRow(*row) for row in rows]

    def transcript(
        self, interview_id: str, *, last: int | None = None, before: int | None = None
    ) -> list[TranscriptRow]:
        """The conversation in order; with `last`, only its final lines (read from the end, not scanned), and
        with `before`, only lines older than that sequence number: the pages an app loads as the user scrolls up."""
        columns = "SELECT seq, role, ref, text, locale, at FROM transcript WHERE interview_id = ?"
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

    def commit(self, interview_id: str, change: Commit) -> None:
        """Write one step of an interview atomically and durably; the previous value of every changed answer
        goes to the history first, so an edit never loses what was there."""
        now = self.clock()
        with self._guard(), self._write():
            conn = self.connection
            keys = [(interview_id, row.item_id, row.instance_key) for row in change.upserts]
            keys += [(interview_id, item_id, instance_key) for item_id, instance_key in change.deletes]
            conn.executemany(
                "INSERT INTO history (interview_id, item_id, instance_key, status, value, answered_at, replaced_at) "
                f"SELECT interview_id, item_id, instance_key, status, value, answered_at, '{now}' FROM answers "
                "WHERE interview_id = ? AND item_id = ? AND instance_key = ?",
                keys,
            )
            conn.executemany(
                "DELETE FROM answers WHERE interview_id = ? AND item_id = ? AND instance_key = ?",
                [(interview_id, item_id, instance_key) for item_id, instance_key in change.deletes],
            )
            conn.executemany(
                "INSERT INTO answers (interview_id, item_id, instance_key, status, value, active, probed, answered_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (interview_id, item_id, instance_key) DO UPDATE SET "
                "status = excluded.status, value = excluded.value, active = excluded.active, "
                "probed = excluded.probed, answered_at = excluded.answered_at",
                [
                    (interview_id, r.item_id, r.instance_key, r.status, r.value, int(r.active), int(r.probed), now)
                    for r in change.upserts
                ],
            )
            conn.executemany(
                "UPDATE answers SET active = ? WHERE interview_id = ? AND item_id = ? AND instance_key = ?",
                [(int(active), interview_id, item_id, key) for item_id, key, active in change.active],
            )
            self._append_transcript(interview_id, change.transcript, now)
            progress = "cursor = ?, done = ?, total = ?, updated = ?, draft = NULL"
            if change.finished:
                conn.execute(
                    f"UPDATE interviews SET {progress}, status = ?, completed = COALESCE(completed, ?) WHERE id = ?",
                    (change.cursor, change.done, change.total, now, COMPLETED, now, interview_id),
                )
            else:
                conn.execute(
                    f"UPDATE interviews SET {progress}, status = ?, completed = NULL WHERE id = ?",
                    (change.cursor, change.done, change.total, now, IN_PROGRESS, interview_id),
                )
            if change.title is not None:
                conn.execute(
                    "UPDATE interviews SET title = ?, search_key = ? WHERE id = ? AND title_auto = 1",
                    (change.title, fold(change.title), interview_id),
                )

    def say(self, interview_id: str, lines: Iterable[tuple[str, str | None, str, str]]) -> None:
        """Transcript lines on their own (a summary, a locale switch) outside any answer."""
        now = self.clock()
        with self._guard(), self._write():
            self._append_transcript(interview_id, list(lines), now)

    def _append_transcript(self, interview_id: str, lines: list[tuple[str, str | None, str, str]], now: str) -> None:
        if not lines:
            return
        last = self.connection.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM transcript WHERE interview_id = ?", (interview_id,)
        ).fetchone()[0]
        self.connection.executemany(
            "INSERT INTO transcript (interview_id, seq, role, ref, text, locale, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (interview_id, last + offset, role, ref, text, locale, now)
                for offset, (role, ref, text, locale) in enumerate(lines, start=1)
            ],
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
                "INSERT INTO answers (interview_id, item_id, instance_key, status, value, active, probed, answered_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (new_id, r.item_id, r.instance_key, r.status, r.value, int(r.active), int(r.probed), r.answered_at)
                    for r in answers
                ],
            )
            conn.executemany(
                "INSERT INTO history (interview_id, item_id, instance_key, status, value, answered_at, replaced_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(new_id, h.item_id, h.instance_key, h.status, h.value, h.answered_at, h.replaced_at) for h in history],
            )
            conn.executemany(
                "INSERT INTO transcript (interview_id, seq, role, ref, text, locale, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(new_id, line.seq, line.role, line.ref, line.text, line.locale, line.at) for line in transcript],
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
        """Every respondent of the interview's survey with their answers by column, or None when there is none."""
        from assistant.survey.model import CellValue, Respondents

        with self._guard():
            batches = self.connection.execute(
                "SELECT id, first_number, respondents, submitted FROM survey_batches WHERE interview_id = ? "
                "ORDER BY first_number",
                (interview_id,),
            ).fetchall()
            cells = self.connection.execute(
                "SELECT a.batch_id, a.column_id, a.cells FROM survey_answers a "
                "JOIN survey_batches b ON b.id = a.batch_id WHERE b.interview_id = ? AND a.personal = 0",
                (interview_id,),
            ).fetchall()
        if not batches:
            return None
        by_batch: dict[int, dict[str, list[CellValue]]] = {}
        for batch_id, column_id, text in cells:
            by_batch.setdefault(batch_id, {})[column_id] = json.loads(text)
        numbers: list[int] = []
        submitted: list[str | None] = []
        columns: dict[str, list[CellValue]] = {}
        for batch_id, first, count, moments in batches:
            for column_id, values in by_batch.get(batch_id, {}).items():
                columns.setdefault(column_id, [None] * len(numbers)).extend(values)
            numbers.extend(range(first, first + count))
            submitted.extend(json.loads(moments))
            for column in columns.values():
                if len(column) < len(numbers):
                    column.extend([None] * (len(numbers) - len(column)))
        return Respondents(
            numbers=numbers, submitted=submitted, columns=columns, batches=self.survey_batches(interview_id)
        )


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
