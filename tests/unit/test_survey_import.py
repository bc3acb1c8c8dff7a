"""Importing survey responses into a real SQLite file, from CSV files written the way Google Forms, Microsoft Forms
(through Excel), Typeform and Excel write them (tests/data/survey, described in its README), and refusing what is
not a spreadsheet of this interview's responses with a sentence, the database untouched."""

from __future__ import annotations

import codecs
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from assistant.errors import JourneyError
from assistant.store import SCHEMA_VERSION, Store
from assistant.survey import reading
from assistant.survey.report import import_summary, respondents_csv
from tests.survey import SURVEY_DATA, golden_interview, imported, survey_of

GM = "tp.awareness/google-maps"
FB = "tp.awareness/facebook-fanpage"
COUNTER = "tp.purchase/counter"
GRAB = "tp.purchase/grabfood"


@pytest.fixture
def lotus(store: Store) -> str:
    return golden_interview(store, "en").id


@pytest.fixture
def sen(store: Store) -> str:
    return golden_interview(store, "vi").id


def snapshot(store: Store) -> list[str]:
    """Everything in the database, to prove a refused import changed nothing."""
    return list(store.connection.iterdump())


def refused(store: Store, interview: str, name: str | Path, **options: object) -> JourneyError:
    before = snapshot(store)
    with pytest.raises(JourneyError) as caught:
        imported(store, interview, name, **options)
    assert snapshot(store) == before, "a refused import must leave the database as it was"
    return caught.value


# ----- the tools' own files ------------------------------------------------------------------------------------


def test_a_google_forms_export_with_the_column_ids(store: Store, lotus: str) -> None:
    report = imported(store, lotus, "google-forms-en.csv")
    assert (report.batch, report.imported, report.first, report.last) == (1, 8, 1, 8)
    assert (report.no_consent, report.empty_rows, report.contradicted, report.bad_cells) == (1, 1, 1, 0)
    assert {m.by for m in report.matched} == {"id"} and len(report.matched) == 20
    assert report.personal == ["Email Address"] and not report.personal_kept
    assert report.form == ["Timestamp"] and report.ignored == []

    people = store.respondents(lotus)
    assert people is not None and people.numbers == list(range(1, 9))
    assert people.submitted[0] == "2026-11-03" and people.submitted[2] == "2026-11-05"
    assert people.submitted[-1] == "2026-11-12"
    # Row 8 had no consent and is not stored: respondent 8 is the ninth row.
    assert people.column(f"{GM}.used") == [True, True, True, True, True, True, True, False]  # 7th: rated it, so used
    assert people.column(f"{GM}.feeling") == [2, 1, 3, 2, 2, 3, 2, None]  # the 8th said no, then rated 4: dropped
    assert people.column(f"{FB}.used")[3] is None  # the 4th said nothing about the fanpage
    assert people.column("q.support_needs") == [
        ["before_purchase"],  # “While researching, before buying”: one option whose label holds a comma
        ["during_purchase"],
        ["during_purchase", "after_purchase"],
        None,
        ["none"],
        ["during_purchase"],
        None,
        ["after_purchase"],
    ]
    assert people.column("q.problem_to_solve")[3] == "Somewhere to meet clients\nwith good wifi"
    assert people.column(f"{GRAB}.stopped")[2] == "Shipping cost too high 😤"
    assert people.column("p.age")[:3] == ["25_34", "25_34", "18_24"]
    assert "consent" not in people.columns
    stored = {row[0] for row in store.connection.execute("SELECT column_id FROM survey_answers")}
    assert "Email Address" not in stored and not any(
        "@" in cells for (cells,) in store.connection.execute("SELECT cells FROM survey_answers")
    )


def test_a_vietnamese_google_form_matched_by_its_questions(store: Store, sen: str) -> None:
    """Titles without ids, matched by their Vietnamese text; LF line ends; day-first timestamps under “Dấu thời gian”;
    a 1,000-character cell, a formula, emoji and decomposed (NFD) Vietnamese kept as text, in NFC."""
    report = imported(store, sen, "google-forms-vi.csv")
    assert report.imported == 4 and {m.by for m in report.matched} == {"text"} and len(report.matched) == 20
    assert report.personal == ["Họ và tên"] and report.form == ["Dấu thời gian"]
    people = store.respondents(sen)
    assert people is not None
    assert people.submitted == ["2026-11-03", "2026-11-04", "2026-11-05", "2026-11-13"]
    assert people.column("q.support_needs")[0] == ["before_purchase", "during_purchase"]
    assert len(str(people.column("q.problem_to_solve")[1])) == 1000
    assert people.column("q.purchase_factor")[1] == '=HYPERLINK("http://example.com","bấm vào đây")'
    grab = people.column("tp.mua-hang/grabfood.stopped")[1]
    assert grab == unicodedata.normalize("NFC", "Phí giao hàng quá cao, lại không biết trước")
    assert people.column("tp.nhan-biet/google-maps.stopped")[1] == "Ghim sai chỗ,\nđi lố mất"
    assert people.column("tp.nhan-biet/fanpage-facebook.stopped")[0] == "Không thấy bảng giá 🙁"


def test_microsoft_forms_through_excel_csv_utf8(store: Store, lotus: str) -> None:
    """Byte-order mark and CRLF; ID, Start time, Completion time, Email, Name, Last modified time; several choices
    as “A;B;”; a scale answered “4 - Pleased” or by its label."""
    report = imported(store, lotus, "microsoft-forms.csv")
    assert report.imported == 3 and len(report.matched) == 10 and report.bad_cells == 0
    assert report.personal == ["Email", "Name"]
    assert report.form == ["ID", "Start time", "Completion time", "Last modified time"]
    people = store.respondents(lotus)
    assert people is not None
    assert people.submitted == ["2026-11-03", "2026-11-04", "2026-11-05"]  # the completion time
    assert people.column("q.support_needs") == [["during_purchase", "after_purchase"], ["before_purchase"], ["none"]]
    assert people.column(f"{GM}.feeling") == [4, 2, None]
    assert people.column(f"{GRAB}.used") == [True, False, True]


def test_excel_with_semicolons(store: Store, sen: str) -> None:
    report = imported(store, sen, "excel-semicolon.csv")
    assert report.imported == 3 and report.bad_cells == 0
    people = store.respondents(sen)
    assert people is not None
    assert people.column("q.heard_of_brand") == [True, False, True]
    assert people.column("q.support_needs") == [["during_purchase", "after_purchase"], None, ["before_purchase"]]
    assert people.column("tp.mua-hang/quay-goi-mon.feeling") == [4, 2, None]
    assert people.column("tp.mua-hang/quay-goi-mon.stopped")[0] == "Phải chờ; quầy đông"
    assert people.column("p.age") == ["25_34", "18_24", "55_plus"]


def test_typeform_with_a_mapping_file(store: Store, lotus: str) -> None:
    """Typeform writes a multiple selection as one column per option; the mapping file gathers them. A file that
    asks how a touchpoint felt but not whether it was used still says who used it."""
    report = imported(store, lotus, "typeform.csv", mapping=SURVEY_DATA / "typeform-mapping.yaml")
    assert report.imported == 3 and {m.by for m in report.matched} == {"text", "mapping"}
    assert report.form == ["#", "Start Date (UTC)", "Submit Date (UTC)", "Network ID"]
    people = store.respondents(lotus)
    assert people is not None
    assert people.column("q.heard_of_brand") == [True, False, True]
    assert people.column("q.support_needs") == [["during_purchase", "after_purchase"], ["before_purchase"], ["none"]]
    assert people.column(f"{COUNTER}.used") == [True, True, True]
    assert people.column(f"{COUNTER}.feeling") == [3, 5, 2]
    assert people.submitted == ["2026-11-03", "2026-11-04", "2026-11-05"]


def test_excel_unicode_text_is_utf16_with_tabs(store: Store, lotus: str, tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    text = "Had you heard of Lotus Coffee before? [q.heard_of_brand]\tWhich age group are you in? [p.age]\r\nYes\t25–34\r\n"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert imported(store, lotus, path).imported == 1
    people = store.respondents(lotus)
    assert people is not None and people.column("p.age") == ["25_34"]


def test_headers_in_decomposed_vietnamese_still_match(store: Store, sen: str, tmp_path: Path) -> None:
    path = tmp_path / "nfd.csv"
    source = (SURVEY_DATA / "google-forms-vi.csv").read_text(encoding="utf-8")
    path.write_text(unicodedata.normalize("NFD", source), encoding="utf-8")
    report = imported(store, sen, path)
    assert report.imported == 4 and len(report.matched) == 20


# ----- bad cells -----------------------------------------------------------------------------------------------


def test_bad_cells_are_reported_by_row_and_column_and_skipped(store: Store, lotus: str) -> None:
    report = imported(store, lotus, "bad-cells.csv")
    assert report.imported == 4 and report.bad_cells == 3
    messages = [problem.message("en") for problem in report.problems]
    assert messages == [
        "row 3, column “Had you heard of Lotus Coffee before? [q.heard_of_brand]”: “maybe” is neither “Yes” nor “No”.",
        "row 3, column “How did you feel at ‘Google Maps’? [tp.awareness/google-maps.feeling]”: “7” is not a point "
        "from 1 to 5 (or its label).",
        "row 4, column “Which age group are you in? [p.age]”: “twenty” is not one of this question's options "
        "(Under 18, 18–24, 25–34, 35–44, 45–54, 55 and over).",
    ]
    vietnamese = report.problems[0].message("vi")
    assert vietnamese.startswith("dòng 3, cột «") and "«maybe» không phải «Yes» hay «No»" in vietnamese
    people = store.respondents(lotus)
    assert people is not None
    assert people.column("q.heard_of_brand") == [True, None, False, True]  # the bad cell is skipped, the row kept
    assert people.column("tp.awareness/google-maps.feeling") == [4, None, None, 4]  # “Pleased” is point 4
    assert any("3 bad cells" in line for line in import_summary(report, "en"))


def test_strict_refuses_the_whole_file(store: Store, lotus: str) -> None:
    error = refused(store, lotus, "bad-cells.csv", strict=True)
    message = error.message("en")
    assert message.splitlines()[0].endswith(
        "has 3 bad cells, and --strict refuses the whole file. Nothing was imported:"
    )
    assert "row 4, column “Which age group are you in? [p.age]”" in message


def test_a_cell_longer_than_the_question_takes(store: Store, lotus: str, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        "What problem did you want to solve when you came to Lotus Coffee? [q.problem_to_solve]\n"
        f"{'x' * 2001}\nshort\n",
        encoding="utf-8",
    )
    report = imported(store, lotus, path)
    assert report.imported == 2 and report.bad_cells == 1
    assert "2,001 characters long; the limit is 2,000" in report.problems[0].message("en")


# ----- refusals: the database stays as it was ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("empty.csv", "survey.read.empty"),
        ("header-only.csv", "survey.import.no_rows"),
        ("windows-1258.csv", "survey.read.not_utf8"),
        ("other-interview.csv", "survey.import.other_interview"),
        ("no-such-file.csv", "document.not_found"),
    ],
)
def test_files_that_are_refused(store: Store, lotus: str, name: str, key: str) -> None:
    assert refused(store, lotus, name).key == key


def test_sentences_of_refusals(store: Store, lotus: str) -> None:
    encoding = refused(store, lotus, "windows-1258.csv").message("en")
    assert "is not UTF-8 text (line 1)" in encoding and "CSV UTF-8 (Comma delimited)" in encoding
    assert "another interview's survey" in refused(store, lotus, "other-interview.csv").message("en")
    assert "has a header row but no responses" in refused(store, lotus, "header-only.csv").message("en")


def test_a_workbook_a_binary_file_and_a_folder(store: Store, lotus: str, tmp_path: Path) -> None:
    workbook = tmp_path / "responses.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + bytes(200))
    assert "Excel workbook" in refused(store, lotus, workbook).message("en")
    binary = tmp_path / "picture.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert refused(store, lotus, binary).key in ("survey.read.not_utf8", "survey.read.binary")
    assert refused(store, lotus, tmp_path).key == "document.is_directory"


def test_a_file_too_big_to_be_responses(
    store: Store, lotus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_text("Had you heard of Lotus Coffee before? [q.heard_of_brand]\n" + "Yes\n" * 400, encoding="utf-8")
    assert "too large to be a spreadsheet of survey responses" in refused(store, lotus, big).message("en")


def test_a_spreadsheet_of_something_else(store: Store, lotus: str, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Order,Amount\n1001,250000\n", encoding="utf-8")
    error = refused(store, lotus, path)
    assert error.key == "survey.import.no_columns" and f"journey survey {lotus} --format csv" in error.message("en")


def test_nobody_consented(store: Store, lotus: str, tmp_path: Path) -> None:
    path = tmp_path / "no-consent.csv"
    consent = next(column for column in survey_of(store, lotus).columns if column.id == "consent")
    path.write_text(f'Had you heard of Lotus Coffee before?,"{consent.text}"\nYes,\nNo,No\n', "utf-8")
    assert "Nobody in" in refused(store, lotus, path).message("en")


def test_the_same_file_twice_and_a_later_export_of_the_same_form(store: Store, lotus: str, tmp_path: Path) -> None:
    imported(store, lotus, "google-forms-en.csv")
    again = refused(store, lotus, "google-forms-en.csv")
    assert again.key == "survey.import.same_file" and "(file 1)" in again.message("en")
    # The same rows saved again by another program (other bytes), then a later export with one new response.
    rows = (SURVEY_DATA / "google-forms-en.csv").read_text(encoding="utf-8").splitlines()
    resaved = tmp_path / "resaved.csv"
    resaved.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert refused(store, lotus, resaved).key == "survey.import.already"
    later = tmp_path / "later.csv"
    new_row = rows[1].replace("2026/11/03 9:15:02 AM", "2026/11/15 9:00:00 AM").replace("lan.nguyen", "thu.mai")
    later.write_text("\n".join([*rows, new_row]) + "\n", encoding="utf-8")
    report = imported(store, lotus, later)
    assert (report.imported, report.already, report.first, report.batch) == (1, 8, 9, 2)


def test_a_mapping_file_naming_no_column(store: Store, lotus: str, tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  Thoughts: q.no_such_question\n", encoding="utf-8")
    error = refused(store, lotus, "typeform.csv", mapping=mapping)
    assert error.key == "survey.mapping.unknown" and "q.no_such_question" in error.message("en")
    mapping.write_text("- just a list\n", encoding="utf-8")
    assert refused(store, lotus, "typeform.csv", mapping=mapping).key == "survey.mapping.shape"


def test_two_columns_answering_one_question(store: Store, lotus: str, tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        "Had you heard of Lotus Coffee before?,Had you heard of Lotus Coffee before? [q.heard_of_brand]\nYes,No\n",
        encoding="utf-8",
    )
    assert refused(store, lotus, path).key == "survey.import.twice"


# ----- privacy, removal, deletion ------------------------------------------------------------------------------


def test_personal_columns_are_kept_only_when_asked_and_never_exported(store: Store, lotus: str) -> None:
    report = imported(store, lotus, "google-forms-en.csv", keep_personal=True)
    assert report.personal_kept
    kept = store.connection.execute("SELECT column_id FROM survey_answers WHERE personal = 1").fetchall()
    assert kept == [("Email Address",)]
    people = store.respondents(lotus)
    assert people is not None and "Email Address" not in people.columns
    exported = respondents_csv(survey_of(store, lotus), people, "en")
    assert "@example.com" not in exported and exported.splitlines()[1].startswith("1,")


def test_the_respondents_csv_escapes_what_a_spreadsheet_would_run(store: Store, sen: str) -> None:
    imported(store, sen, "google-forms-vi.csv")
    people = store.respondents(sen)
    assert people is not None
    text = respondents_csv(survey_of(store, sen), people, "vi")
    assert text.startswith("\ufeffNgười trả lời,Thời gian gửi,")
    assert "'=HYPERLINK(" in text and "'+84 nhớ vị cà phê sữa" in text
    assert ",=HYPERLINK" not in text and ",+84" not in text


def test_a_copy_keeps_the_respondents_and_each_side_its_own(store: Store, lotus: str) -> None:
    imported(store, lotus, "google-forms-en.csv")
    imported(store, lotus, "microsoft-forms.csv")
    copy = store.duplicate(lotus, "Lotus Coffee, variant").id
    original, copied = store.respondents(lotus), store.respondents(copy)
    assert original is not None and copied is not None
    assert copied.numbers == original.numbers and copied.columns == original.columns
    store.remove_batch(copy, 1)
    assert store.respondent_count(copy) == 3 and store.respondent_count(lotus) == 11
    assert refused(store, copy, "microsoft-forms.csv").key == "survey.import.same_file"


def test_removing_a_file_and_deleting_the_interview(store: Store, lotus: str) -> None:
    imported(store, lotus, "google-forms-en.csv")
    imported(store, lotus, "microsoft-forms.csv")
    assert [b.first for b in store.survey_batches(lotus)] == [1, 9]
    removed = store.remove_batch(lotus, 1)
    assert removed.respondents == 8 and store.respondent_count(lotus) == 3
    people = store.respondents(lotus)
    assert people is not None and people.numbers == [9, 10, 11]
    with pytest.raises(JourneyError) as missing:
        store.remove_batch(lotus, 1)
    assert missing.value.key == "survey.no_batch"
    store.delete(lotus)
    for table in ("survey_batches", "survey_answers"):
        assert store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_migration_three_only_adds_tables_to_an_existing_database(tmp_path: Path) -> None:
    """A database made before the survey (version 2) gains the survey tables and keeps its interviews."""
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        interview = golden_interview(store, "en").id
        for table in ("answer_readings", "survey_readings", "survey_answers", "survey_batches"):
            store.connection.execute(f"DROP TABLE {table}")
        store.connection.execute("PRAGMA user_version = 2")
    with Store.open(path) as store:
        assert store.get(interview).title == "Lotus Coffee"
        assert store.respondents(interview) is None
        assert imported(store, interview, "microsoft-forms.csv").imported == 3
    version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION


def test_a_long_question_mentioning_a_phone_number_is_not_personal(store: Store, lotus: str, tmp_path: Path) -> None:
    path = tmp_path / "other-form.csv"
    path.write_text(
        "Had you heard of Lotus Coffee before?,Số điện thoại,"
        '"We will never share your answers with anyone who knows your phone number, promise?"\n'
        "Yes,0901 234 567,Yes\n",
        encoding="utf-8",
    )
    report = imported(store, lotus, path)
    assert report.personal == ["Số điện thoại"]
    assert report.ignored == ["We will never share your answers with anyone who knows your phone number, promise?"]
