"""`journey respondents import` on spreadsheets that are broken in the ways files break: cut short, in the wrong
encoding, with quotes that do not match, cells that run together, binary data, a header twice. Each gets a sentence
saying what is wrong and what to do, a non-zero exit when nothing is imported, and the database as it was."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from assistant.store import Store
from tests.cli.conftest import RunJourney, Seeds
from tests.survey import GOLDEN, SURVEY_DATA

LINES = (SURVEY_DATA / "google-forms-en.csv").read_text(encoding="utf-8").splitlines(keepends=True)
HEADER, ROWS = LINES[0], LINES[1:]
"""Eight respondents (row 5 holds an answer on two lines), one who did not consent, an empty row."""


@pytest.fixture
def interview(seeds: Seeds, default_database: Path) -> str:
    (imported,) = seeds.copy(default_database, GOLDEN / "answers-en.yaml")
    return imported


def _stored(database: Path, interview: str) -> int:
    with Store.open(database) as store:
        return store.respondent_count(interview)


def _late_nul() -> bytes:
    """A NUL byte in a row past the part of the file read on opening."""
    filler = "".join(ROWS[:2]) * (70_000 // len("".join(ROWS[:2])) + 1)
    return (HEADER + filler + ROWS[2].replace(",", ",\x00", 1)).encode()


REFUSED: dict[str, tuple[bytes, str]] = {
    "utf-16-cut-short": (
        codecs.BOM_UTF16_LE + b"abc",
        "“{file}” starts as a UTF-16 file (Excel's “Unicode Text”) but is not UTF-16 text from line 1 on: it may be "
        "cut short or damaged. Save it again from Excel as “CSV UTF-8 (Comma delimited)”",
    ),
    "utf-16-damaged": (
        codecs.BOM_UTF16_LE + HEADER.encode("utf-16-le") + ROWS[0].encode("utf-16-le") + b"\x00\xdc\x00\xdc",
        "“{file}” starts as a UTF-16 file (Excel's “Unicode Text”) but is not UTF-16 text from line 3 on",
    ),
    "binary": (
        (HEADER + ROWS[0].replace(",", ",\x00", 1)).encode(),
        "“{file}” is not a CSV text file (it holds binary data). Export the responses from the form tool as CSV",
    ),
    "header-only": (HEADER.encode(), "has a header row but no responses. Once people have answered, download"),
    "header-quote": (('"' + HEADER + "".join(ROWS)).encode(), "The quotes in the header row of “{file}” do not match"),
    "duplicate-header": (
        (
            HEADER.rstrip("\r\n") + ",Had you heard of Lotus Coffee before? [q.heard_of_brand]\r\n" + "".join(ROWS)
        ).encode(),
        "The column “Had you heard of Lotus Coffee before? [q.heard_of_brand]” appears twice in “{file}” (columns C "
        "and W), so there is no telling which to use. Delete or rename one of them in the spreadsheet",
    ),
    "enormous-cell": (
        (HEADER + ROWS[0].rstrip("\r\n") + ',"' + "x" * 1_000_001 + '"\r\n').encode(),
        "“{file}” has a cell longer than 1,000,000 characters (up to line 2); no survey answer is that long",
    ),
    "every-row-broken": (
        (HEADER + '"' + ROWS[0]).encode(),
        "The only row of “{file}” cannot be read, so nothing was imported. Fix it, or export the file from the form "
        "tool again:\nrow 2: the quotes do not match",
    ),
}


@pytest.mark.parametrize("name", REFUSED)
def test_a_broken_file_is_a_sentence_and_stores_nothing(
    run_journey: RunJourney, tmp_path: Path, default_database: Path, interview: str, name: str
) -> None:
    content, sentence = REFUSED[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(content)
    result = run_journey("respondents", "import", interview, str(path))
    assert result.returncode == 1, result
    assert result.stderr.startswith("Error: ") and sentence.format(file=path) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert _stored(default_database, interview) == 0


@pytest.mark.parametrize(
    ("name", "rows", "problem"),
    [
        (
            "unclosed-quote",
            [*ROWS[:2], '"' + ROWS[2], *ROWS[3:]],
            "row 4: the quotes do not match; a cell opens a quote that is not closed where the cell ends, so the "
            "lines after it ran into it (up to line 4 of the file). Check the quotes in this row.",
        ),
        (
            "quote-open-to-the-end",
            [*ROWS[:-1], ROWS[-2].rstrip("\r\n") + ',"never closed\r\n'],
            "row 11: a quote opened in this row is never closed, so the rest of the file (to line 12) ran into one "
            "cell. Close or remove that quote.",
        ),
        (
            "unquoted-separator",
            [ROWS[0], ROWS[1].replace("Coffee before work", "Coffee, before, work", 1), *ROWS[2:]],
            "row 3: the row has 24 cells but the header has 22 columns; a cell holding the separator was probably "
            "not put in quotes",
        ),
    ],
    ids=["unclosed-quote", "quote-open-to-the-end", "unquoted-separator"],
)
def test_a_broken_row_is_reported_by_its_row_skipped_and_refused_by_strict(
    run_journey: RunJourney,
    tmp_path: Path,
    default_database: Path,
    interview: str,
    name: str,
    rows: list[str],
    problem: str,
) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8", newline="")
    strict = run_journey("respondents", "import", interview, str(path), "--strict")
    assert strict.returncode == 1
    assert strict.stderr.startswith(f"Error: “{path}” has 1 broken row, and --strict refuses the whole file.")
    assert problem in strict.stderr
    assert _stored(default_database, interview) == 0

    kept = run_journey("respondents", "import", interview, str(path))
    assert kept.returncode == 0, kept.stderr
    summary = kept.stdout.splitlines()
    skipped = next(line for line in summary if line.startswith("Skipped: "))
    assert "1 broken row" in skipped
    assert "1 respondent who did not consent" in skipped, "the file's one: a broken row is no refusal of consent"
    assert problem in kept.stdout
    assert _stored(default_database, interview) == int(summary[0].split()[1])


def test_binary_data_late_in_a_file_is_a_broken_row(
    run_journey: RunJourney, tmp_path: Path, default_database: Path, interview: str
) -> None:
    path = tmp_path / "late-nul.csv"
    path.write_bytes(_late_nul())
    result = run_journey("respondents", "import", interview, str(path))
    assert result.returncode == 0, result.stderr
    assert "the row holds binary data (a NUL character), not text." in result.stdout
    assert "1 broken row" in result.stdout
    assert run_journey("respondents", "remove", interview, "1", "--yes").returncode == 0
    assert run_journey("respondents", "import", interview, str(path), "--strict").returncode == 1


def test_the_sentences_speak_vietnamese(run_journey: RunJourney, tmp_path: Path, interview: str) -> None:
    path = tmp_path / "broken.csv"
    path.write_text(HEADER + '"' + "".join(ROWS), encoding="utf-8", newline="")
    result = run_journey("--lang", "vi", "respondents", "import", interview, str(path), "--strict")
    assert result.returncode == 1
    assert result.stderr.startswith(f"Lỗi: Tệp «{path}» có 1 dòng không đọc được, và --strict từ chối cả tệp.")
    assert "dòng 2: dấu ngoặc kép không khớp" in result.stderr
