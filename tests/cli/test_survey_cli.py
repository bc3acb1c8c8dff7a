"""`journey survey` and `journey respondents` as a user runs them: the real process on a real database file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pexpect
import pytest

from assistant.store import Store
from tests.cli.conftest import JOURNEY, RunJourney, Seeds
from tests.survey import GOLDEN, SURVEY_DATA, survey_of, synthetic_rows


@pytest.fixture
def interview(seeds: Seeds, default_database: Path) -> str:
    """The golden interview, imported into the database the commands use."""
    (imported,) = seeds.copy(default_database, GOLDEN / "answers-en.yaml")
    return imported


def test_the_survey_in_each_format_and_language(run_journey: RunJourney, tmp_path: Path, interview: str) -> None:
    markdown = run_journey("survey", interview)
    assert markdown.returncode == 0 and markdown.stdout.startswith("# Lotus Coffee customer experience survey\n")
    vietnamese = run_journey("survey", interview, "--locale", "vi")
    assert vietnamese.stdout.startswith("# Khảo sát trải nghiệm khách hàng của Lotus Coffee\n")
    assert run_journey("survey", interview, "-o", "survey.html").returncode == 0
    assert (tmp_path / "survey.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    made = run_journey("survey", interview, "-o", "survey.csv")
    assert made.returncode == 0 and "survey.csv" in made.stderr
    raw = (tmp_path / "survey.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    (header,) = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header[0] == "Had you heard of Lotus Coffee before? [q.heard_of_brand]" and header[-1].endswith("[consent]")


def test_survey_refusals(run_journey: RunJourney, tmp_path: Path, interview: str) -> None:
    (tmp_path / "survey.md").write_text("keep me", encoding="utf-8")
    for args in (
        [interview, "-o", "survey.md"],
        [interview, "--format", "pdf"],
        ["nosuch"],
        [interview, "--locale", "fr"],
    ):
        result = run_journey("survey", *args)
        assert result.returncode != 0 and result.stderr.startswith("Error:"), args
        assert "Traceback" not in result.stderr
    assert (tmp_path / "survey.md").read_text(encoding="utf-8") == "keep me"


def test_the_survey_file_name_says_the_format(run_journey: RunJourney, tmp_path: Path, interview: str) -> None:
    for args, sentence in (
        (
            ["-o", "survey.pdf"],
            "does not say which format to write. The formats are md (.md, .markdown), html (.html, .htm), csv (.csv).",
        ),
        (
            ["-o", "survey.csv", "--format", "html"],
            "“survey.csv” ends in .csv, the csv format, but --format asks for html.",
        ),
        (["-o", "survey.md", "--format", "csv"], "“survey.md” ends in .md, the md format, but --format asks for csv."),
    ):
        result = run_journey("survey", interview, *args)
        assert result.returncode == 1 and sentence in result.stderr, (args, result.stderr)
    assert list(tmp_path.glob("survey.*")) == []
    assert run_journey("survey", interview, "-o", "survey.txt", "--format", "csv").returncode == 0
    assert (tmp_path / "survey.txt").read_text(encoding="utf-8-sig").startswith("Had you heard of Lotus Coffee")


def test_import_list_export_and_remove(run_journey: RunJourney, tmp_path: Path, interview: str) -> None:
    result = run_journey("respondents", "import", interview, str(SURVEY_DATA / "google-forms-en.csv"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("Imported 8 respondents (numbers 1–8) from “")
    assert "Left out 1 column that looks personal: “Email Address”." in result.stdout
    assert "\r" not in result.stderr  # no progress drawn into a pipe

    again = run_journey("respondents", "import", interview, str(SURVEY_DATA / "google-forms-en.csv"))
    assert again.returncode == 1 and "was already imported (file 1)" in again.stderr

    listed = run_journey("respondents", "list", interview)
    assert listed.returncode == 0 and "google-forms-en.csv" in listed.stdout
    assert listed.stdout.rstrip().endswith("8 respondents in all, from 1 file.")
    batches = json.loads(run_journey("respondents", "list", interview, "--json").stdout)
    assert batches[0]["number"] == 1 and batches[0]["respondents"] == 8 and batches[0]["first"] == 1

    misnamed = run_journey("respondents", "export", interview, "-o", "respondents.xlsx")
    assert misnamed.returncode == 1 and "ending in .csv" in misnamed.stderr and "Traceback" not in misnamed.stderr
    assert not (tmp_path / "respondents.xlsx").exists()
    exported = run_journey("respondents", "export", interview, "-o", "respondents.csv")
    assert exported.returncode == 0
    text = (tmp_path / "respondents.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("Respondent,Submitted,") and "example.com" not in text

    journey_map = run_journey("export", interview)
    assert "### What customers said" in journey_map.stdout and "You said 4; 7 customers say 2.1." in journey_map.stdout

    refused = run_journey("respondents", "remove", interview, "1")
    assert refused.returncode == 1 and "--yes" in refused.stderr
    removed = run_journey("respondents", "remove", interview, "1", "--yes")
    assert removed.returncode == 0 and "Removed file 1 (“google-forms-en.csv”) and its 8 respondents." in removed.stdout
    empty = run_journey("respondents", "list", interview)
    assert "has no survey respondents yet" in empty.stdout
    assert run_journey("respondents", "remove", interview, "1", "--yes").returncode == 1


def test_strict_and_bad_files_leave_the_database_as_it_was(
    run_journey: RunJourney, tmp_path: Path, interview: str
) -> None:
    database = tmp_path / "data" / "journey" / "journey.db"
    before = database.read_bytes()
    for name, expected in (
        ("bad-cells.csv", "refuses the whole file"),
        ("windows-1258.csv", "is not UTF-8 text"),
        ("empty.csv", "is empty"),
        ("other-interview.csv", "another interview's survey"),
    ):
        args = ["respondents", "import", interview, str(SURVEY_DATA / name), "--strict"]
        result = run_journey(*args)
        assert result.returncode == 1 and expected in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr
    with Store.open(database) as store:
        assert store.respondent_count(interview) == 0
    assert database.read_bytes()[:100] == before[:100]
    kept = run_journey("respondents", "import", interview, str(SURVEY_DATA / "bad-cells.csv"))
    assert kept.returncode == 0 and "row 3, column “Had you heard of Lotus Coffee before?" in kept.stdout


def test_the_typeform_mapping_and_deleting_the_interview(
    run_journey: RunJourney, tmp_path: Path, interview: str
) -> None:
    mapping = str(SURVEY_DATA / "typeform-mapping.yaml")
    result = run_journey("respondents", "import", interview, str(SURVEY_DATA / "typeform.csv"), "--mapping", mapping)
    assert result.returncode == 0, result.stderr
    assert "Matched 7 columns: 3 by their question, 4 by the mapping file." in result.stdout
    assert run_journey("delete", interview, "--yes").returncode == 0
    with Store.open(tmp_path / "data" / "journey" / "journey.db") as store:
        assert store.connection.execute("SELECT count(*) FROM survey_batches").fetchone()[0] == 0
        assert store.connection.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 0


@pytest.mark.slow
def test_a_50_mb_file_shows_its_progress_on_a_terminal(
    journey_env: dict[str, str], tmp_path: Path, interview: str
) -> None:
    """Two hundred thousand respondents, 50 MB: rows read and a bar on the terminal while it imports, then the
    summary."""
    with Store.open(tmp_path / "data" / "journey" / "journey.db") as store:
        table = synthetic_rows(survey_of(store, interview), 1000)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(table[0])
        while handle.tell() < 50 * 1024 * 1024:
            writer.writerows(table[1:])  # identical rows are different respondents who answered alike
    rows = sum(1 for _ in big.open(encoding="utf-8")) - 1
    child = pexpect.spawn(
        str(JOURNEY),
        ["respondents", "import", interview, str(big)],
        env=journey_env,
        encoding="utf-8",
        timeout=240,
        dimensions=(30, 120),
    )
    child.expect(r"\d+% +[\d,]+ rows read")
    child.expect(r"Imported ([\d,]+) respondents")
    assert int(child.match.group(1).replace(",", "")) == rows
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
