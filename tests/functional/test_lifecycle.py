"""The store against real database files: life cycle, history, refusals that leave files untouched, portability."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.bank.loader import find_bank
from assistant.bank.model import Bank
from assistant.errors import JourneyError
from assistant.exports import interview_map
from assistant.portable import export_json, import_file
from assistant.session import Session
from assistant.store import Store
from tests.benchmarks.bench_engine import _answer_for


@pytest.fixture(scope="module")
def bank() -> Bank:
    return find_bank("customer-journey").bank


def _answer_until(session: Session, item_id: str, answers: dict[str, str]) -> None:
    """Answer from the bank's first question up to `item_id` (not included), with `answers` or a filler."""
    while (question := session.question()) is not None and question.item_id != item_id:
        raw = answers.get(question.item_id) or _answer_for(question)
        outcome = session.answer(raw)
        assert outcome.ok, (question.item_id, outcome.message)
        if outcome.status == "probe":
            session.answer("Ví dụ cụ thể: khách hỏi phí vận chuyển trước khi đặt hàng")


def test_life_cycle(tmp_path: Path, bank: Bank) -> None:
    database = tmp_path / "nested" / "folder" / "journey.db"
    with Store.open(database) as store:
        session = Session.start(store, bank, "en", "general")
        session.answer("Lotus Coffee")
        row = store.get(session.id)
        assert row.title == "Lotus Coffee" and row.title_auto
        assert [a.item_id for a in store.answers(row.id)] == ["business_name"]
        assert store.rename(row.id, "Lotus, future state").title == "Lotus, future state"
        copy = store.duplicate(row.id, "Variant")
        assert copy.id != row.id
        assert [a.value for a in store.answers(copy.id)] == [a.value for a in store.answers(row.id)]
        store.delete(row.id)
        with pytest.raises(JourneyError) as missing:
            store.get(row.id)
        assert missing.value.key == "store.no_interview"
        assert store.answers(row.id) == []
        assert [r.id for r in store.listing()] == [copy.id]
    assert database.stat().st_mode & 0o777 == 0o600


def test_an_edit_keeps_the_previous_value_in_history(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "j.db") as store:
        session = Session.start(store, bank, "en", "general")
        session.answer("Lotus Coffee")
        session.edit("business_name", "/edit 1")
        session.answer("Lotus Tea")
        history = store.history(session.id)
        assert [(h.item_id, json.loads(h.value)) for h in history] == [("business_name", "Lotus Coffee")]
        assert [json.loads(a.value) for a in store.answers(session.id)] == ["Lotus Tea"]


def test_answers_switched_off_by_a_condition_are_kept_inactive_and_come_back(tmp_path: Path, bank: Bank) -> None:
    database = tmp_path / "j.db"
    with Store.open(database) as store:
        session = Session.start(store, bank, "en", "general")
        _answer_until(session, "has_website", {"sample_interested": "yes"})
        session.answer("yes")
        session.answer("They want to compare prices before visiting the shop")
        interview_id = session.id

        def active() -> bool:
            rows = {a.item_id: a for a in store.answers(interview_id)}
            return rows["website_attraction"].active

        assert active()
        session.edit("has_website", "/edit has_website")
        session.answer("no")
        assert not active()
        session.edit("has_website", "/edit has_website")
        session.answer("yes")
        assert active()
    with Store.open(database) as store:
        resumed = Session.resume(store, interview_id)
        assert resumed.interview.display("website_attraction").startswith("They want")


def test_a_zero_byte_file_is_initialised(tmp_path: Path, bank: Bank) -> None:
    database = tmp_path / "empty.db"
    database.touch()
    with Store.open(database) as store:
        Session.start(store, bank, "vi", "general")
        assert store.count() == 1


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.commit()
    connection.close()


def _newer(path: Path) -> None:
    with Store.open(path):
        pass
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()


def _corrupt(path: Path) -> None:
    with Store.open(path) as store:
        for number in range(40):
            store.say(
                Session.start(store, find_bank("customer-journey").bank, "en").id,
                [("assistant", None, "x" * 500, "en")],
            )
            del number
    data = bytearray(path.read_bytes())
    data[200:6000] = os.urandom(5800)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda p: p.write_text("not a database\n", encoding="utf-8"), "store.not_sqlite"),
        (_foreign, "store.foreign"),
        (_newer, "store.newer"),
        (_corrupt, "store.corrupt"),
    ],
    ids=["text-file", "foreign-sqlite", "newer-schema", "corrupt"],
)
def test_files_that_are_not_ours_are_refused_untouched(tmp_path: Path, make: object, key: str) -> None:
    database = tmp_path / "other.db"
    make(database)  # type: ignore[operator]
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    before = database.read_bytes()
    with pytest.raises(JourneyError) as refused, Store.open(database) as store:
        store.listing()
    assert refused.value.key in {key, "store.corrupt"} if key == "store.corrupt" else refused.value.key == key
    assert database.read_bytes() == before


def test_export_import_export_is_identical_across_databases(tmp_path: Path, bank: Bank) -> None:
    with Store.open(tmp_path / "a.db") as store:
        session = Session.start(store, bank, "vi", "b2b", "Công ty Sao Mai")
        _answer_until(session, "persona_name", {})
        session.edit("business_name", "/edit 1")
        session.answer("Sao Mai Software")
        first = export_json(store, session.id, interview_map(store, session.id))
    (tmp_path / "first.json").write_text(first, encoding="utf-8")
    with Store.open(tmp_path / "b.db") as other:
        imported = import_file(other, tmp_path / "first.json")
        second = export_json(other, imported.id, interview_map(other, imported.id))
    assert second == first
    assert json.loads(first)["history"], "the edit's earlier value travels with the interview"


ANSWERS = """
bank: customer-journey
locale: en
preset: general
answers:
  business_name: Lotus Coffee
  objective: revenue
  audience: Office workers who buy coffee to go
  stages: [Awareness, Purchase]
  stage:
    - touchpoints: [Google Maps, Facebook fanpage]
      touchpoint:
        - {tp_channel: search, tp_emotion: 4}
        - {tp_channel: facebook, tp_obstacles: No prices on the page}
    - touchpoints: [Counter]
"""


def test_an_answers_file_with_repeats_fills_an_interview(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    with Store.open(tmp_path / "j.db") as store:
        row = import_file(store, path)
        answers = {(a.item_id, a.instance_key): json.loads(a.value) for a in store.answers(row.id)}
    assert answers[("tp_emotion", "awareness/google-maps")] == 4
    assert answers[("touchpoints", "purchase")] == ["Counter"]
    assert row.title == "Lotus Coffee"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (("tp_emotion: 4", "tp_emotion: 9"), "answers.stage[0].touchpoint[0].tp_emotion"),
        (("objective: revenue", "objective: revenue\n  care_quality: superb"), "answers.care_quality"),
        (("business_name: Lotus Coffee", "business_nam: Lotus Coffee"), "business_nam"),
        (
            ("    - touchpoints: [Counter]", "    - touchpoints: [Counter]\n      touchpoint: oops"),
            "stage[1].touchpoint",
        ),
    ],
    ids=["out-of-range", "unknown-option", "unknown-item", "not-a-list"],
)
def test_an_invalid_answers_file_imports_nothing(tmp_path: Path, change: tuple[str, str], where: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS.replace(*change), encoding="utf-8")
    with Store.open(tmp_path / "j.db") as store:
        with pytest.raises(JourneyError) as refused:
            import_file(store, path)
        assert where in refused.value.message("en")
        assert store.count() == 0


WRITER = """
import sys
from pathlib import Path
from assistant.bank.loader import find_bank
from assistant.session import Session
from assistant.store import Store

with Store.open(Path(sys.argv[1])) as store:
    bank = find_bank("customer-journey").bank
    for number in range(int(sys.argv[2])):
        session = Session.start(store, bank, "en", "general", f"{sys.argv[3]} {number}")
        for text in ("Lotus Coffee", "Coffee to go for office workers nearby"):
            assert session.answer(text).ok
print("done")
"""


def test_two_processes_answer_in_one_database_at_once(tmp_path: Path) -> None:
    database = tmp_path / "shared.db"
    with Store.open(database):
        pass
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(database), "25", name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    with Store.open(database) as store:
        rows = store.listing()
        assert len(rows) == 50
        assert all(len(store.answers(row.id)) == 2 for row in rows)
