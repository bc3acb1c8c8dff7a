"""Issue 3's budgets: saving one answer durably, `journey list` over 10,000 interviews, resuming 2,000 answers."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant import session as session_module
from assistant.bank.loader import find_bank
from assistant.interview.engine import Interview
from assistant.session import Session
from assistant.store import Store
from tests.benchmarks.bench_engine import _answer_for
from tests.benchmarks.harness import Result

SAVES = 300
LISTED = 10_000
RESUMED_ANSWERS = 2_000
PROCESS_RUNS = 9
JOURNEY = Path(sys.executable).with_name("journey")


def _bare_insert_ms(folder: Path) -> float:
    """The floor: one row inserted and committed by plain sqlite3 with the store's pragmas."""
    connection = sqlite3.connect(folder / "bare.db", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE t (a TEXT, b TEXT, c TEXT, PRIMARY KEY (a, b))")
    samples: list[float] = []
    for number in range(SAVES):
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO t VALUES (?, ?, ?)", ("interview", f"item{number}", "a value"))
        connection.execute("COMMIT")
        samples.append((time.perf_counter() - start) * 1000)
    connection.close()
    return statistics.median(samples)


def _answer_save_ms(folder: Path) -> float:
    """Engine step plus durable commit, as the chat does it for each answer."""
    bank = find_bank("customer-journey").bank
    with Store.open(folder / "saves.db") as store:
        session = Session.start(store, bank, "vi", "general")
        samples: list[float] = []
        while len(samples) < SAVES:
            question = session.question()
            if question is None:
                raise SystemExit("the interview ended before the timed answers")
            raw = _answer_for(question)
            start = time.perf_counter()
            outcome = session.answer(raw)
            samples.append((time.perf_counter() - start) * 1000)
            if outcome.status == "probe":
                session.answer("Ví dụ cụ thể: khách bỏ giỏ hàng ở bước thanh toán")
    return statistics.median(samples)


def _process_ms(arguments: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([str(JOURNEY), *arguments], env=env, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def _list_vs_version(folder: Path) -> tuple[float, float]:
    database = folder / "many.db"
    bank = find_bank("customer-journey").bank
    with Store.open(database) as store:
        template = Session.start(store, bank, "en", "general", "Template").row
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO interviews SELECT ?, ?, ?, title_auto, bank_id, bank_version, bank_hash, locale, preset, status, "
        "created, ?, completed, ?, total, cursor, draft FROM interviews WHERE id = ?",
        [
            (
                f"n{n:05d}",
                f"Bản đồ số {n}",
                f"ban do so {n}",
                f"2026-01-01T00:00:{n % 60:02d}.{n:06d}Z",
                n % 40,
                template.id,
            )
            for n in range(LISTED - 1)
        ],
    )
    connection.execute("COMMIT")
    connection.close()
    env = {**os.environ, "JOURNEY_DB": str(database), "LANG": "en_US.UTF-8"}
    lists: list[float] = []
    versions: list[float] = []
    for _ in range(PROCESS_RUNS):  # interleaved, so a noisy neighbour hits both alike
        versions.append(_process_ms(["--version"], env))
        lists.append(_process_ms(["list"], env))
    return statistics.median(lists), statistics.median(versions)


def _resume_ms(folder: Path) -> tuple[float, int]:
    bank = find_bank("customer-journey").bank
    interview = Interview.start(bank, "vi", "general")
    answered = 0
    while answered < RESUMED_ANSWERS:
        question = interview.question()
        if question is None:
            break
        if question.item_id == "stages":
            raw = "\n".join(f"Giai đoạn {n}" for n in range(1, 11))
        elif question.item_id == "touchpoints":
            raw = "\n".join(f"Điểm chạm {n}" for n in range(1, 29))
        else:
            raw = _answer_for(question)
        if interview.answer(raw).status == "probe":
            interview.answer("Ví dụ cụ thể: khách bỏ giỏ hàng ở bước thanh toán")
        answered += 1
    database = folder / "long.db"
    with Store.open(database) as store:
        interview_id = Session.adopt(store, interview, "Long").id
    samples: list[float] = []
    for _ in range(7):
        session_module._banks_by_hash.clear()  # a fresh process has parsed no bank yet
        start = time.perf_counter()
        with Store.open(database) as store:
            question = Session.resume(store, interview_id).question()
        samples.append((time.perf_counter() - start) * 1000)
        assert question is not None
    return statistics.median(samples), len(interview.state.answers)


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="journey-bench-") as name:
        folder = Path(name)
        bare = _bare_insert_ms(folder)
        save = _answer_save_ms(folder)
        listing, version = _list_vs_version(folder)
        resume, answers = _resume_ms(folder)
    return [
        Result("save one answer (engine + durable commit)", f"{save:.2f} ms median", "< 2 ms", save < 2),
        Result(
            "save one answer vs bare sqlite3 commit",
            f"{save:.2f} / {bare:.2f} ms = {save / bare:.2f}x",
            "<= 3x",
            save <= 3 * bare,
        ),
        Result(f"journey list, {LISTED:,} interviews", f"{listing:.0f} ms median", "< 300 ms", listing < 300),
        Result(
            "journey list vs journey --version",
            f"{listing:.0f} / {version:.0f} ms = {listing / version:.2f}x",
            "<= 1.5x",
            listing <= 1.5 * version,
        ),
        Result(f"resume {answers:,} answers to the next question", f"{resume:.1f} ms median", "< 100 ms", resume < 100),
    ]
