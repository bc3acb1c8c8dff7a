"""A database path the user names (--db, JOURNEY_DB) that holds no file: a command on saved interviews refuses it
and creates nothing, a command that starts an interview makes it (in a folder that exists) and says where, and the
default database in the user data folder is made quietly, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.i18n import t
from tests.cli.conftest import RunJourney
from tests.survey import GOLDEN, SURVEY_DATA

# `journey resume` too, where it needs a terminal: tests/e2e.
ON_SAVED_INTERVIEWS = [
    ["list"],
    ["list", "--json"],
    ["export", "abc123"],
    ["export", "abc123", "-o", "map.html"],
    ["rename", "abc123", "New title"],
    ["duplicate", "abc123"],
    ["delete", "abc123", "--yes"],
    ["chat", "abc123"],
    ["survey", "abc123"],
    ["respondents", "list", "abc123"],
    ["respondents", "import", "abc123", str(SURVEY_DATA / "google-forms-en.csv")],
    ["respondents", "remove", "abc123", "1", "--yes"],
    ["respondents", "export", "abc123"],
]


def _left_behind(tmp_path: Path) -> list[str]:
    return sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*"))


@pytest.mark.parametrize("args", ON_SAVED_INTERVIEWS, ids=lambda args: " ".join(args[:2]))
@pytest.mark.parametrize("given_by", ["--db", "JOURNEY_DB"])
def test_a_command_on_saved_interviews_refuses_a_named_database_that_is_not_there(
    run_journey: RunJourney, tmp_path: Path, args: list[str], given_by: str
) -> None:
    typo = tmp_path / "clients" / "acme.db"
    (tmp_path / "clients").mkdir()
    before = _left_behind(tmp_path)
    if given_by == "--db":
        result = run_journey("--db", str(typo), *args, input="")
    else:
        result = run_journey(*args, input="", env={"JOURNEY_DB": str(typo)})
    assert result.returncode == 1, result
    assert result.stderr == "Error: " + t("store.missing", "en", path=typo, given_by=given_by) + "\n"
    assert result.stdout == ""
    assert _left_behind(tmp_path) == before, "nothing created, not even the user data folder"


def test_the_sentence_speaks_vietnamese_too(run_journey: RunJourney, tmp_path: Path) -> None:
    result = run_journey("--lang", "vi", "--db", "/nonexistent/dir/x.db", "list")
    assert result.returncode == 1
    assert result.stderr.startswith("Lỗi: Không có cơ sở dữ liệu journey nào ở «/nonexistent/dir/x.db»")
    assert not Path("/nonexistent").exists()


def test_a_relative_path_is_named_in_full(run_journey: RunJourney, tmp_path: Path) -> None:
    result = run_journey("--db", "jouney.db", "list")
    assert result.returncode == 1 and f"“{tmp_path / 'jouney.db'}”" in result.stderr


def test_import_and_chat_make_a_named_database_and_say_where(run_journey: RunJourney, tmp_path: Path) -> None:
    imported_into = tmp_path / "team.db"
    made = t("store.created", "en", path=imported_into)
    result = run_journey("--db", str(imported_into), "import", str(GOLDEN / "answers-en.yaml"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == made + "\n" and result.stdout.startswith("Imported as interview ")
    again = run_journey("--db", str(imported_into), "import", str(GOLDEN / "answers-en.yaml"))
    assert again.returncode == 0 and again.stderr == "", "said only when it is made"
    listed = run_journey("--db", str(imported_into), "list")
    assert listed.returncode == 0 and listed.stdout.count("Lotus Coffee") == 2

    chatted_in = tmp_path / "chat.db"
    chat = run_journey("chat", "--locale", "en", input="Lotus Coffee\n/quit\n", env={"JOURNEY_DB": str(chatted_in)})
    assert chat.returncode == 0, chat.stderr
    assert chat.stderr == t("store.created", "en", path=chatted_in) + "\n"
    assert chatted_in.is_file()


@pytest.mark.parametrize(
    "args",
    [["import", str(GOLDEN / "answers-en.yaml")], ["chat"], ["new"], []],
    ids=["import", "chat", "new", "app"],
)
def test_a_named_database_in_a_folder_that_does_not_exist_is_a_typo(
    run_journey: RunJourney, tmp_path: Path, args: list[str]
) -> None:
    """The app's doors too: without a terminal they stop at that first, so the folder is checked where one is
    (tests/e2e); here nothing may be created whichever sentence comes."""
    typo = tmp_path / "Documens" / "journey.db"
    result = run_journey("--db", str(typo), *args, input="Lotus\n")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    if args[:1] in (["import"], ["chat"]):
        folder = tmp_path / "Documens"
        assert (
            result.stderr
            == "Error: " + t("store.missing_folder", "en", path=typo, folder=folder, given_by="--db") + "\n"
        )
    assert not (tmp_path / "Documens").exists()


def test_a_refused_import_leaves_no_database_behind(run_journey: RunJourney, tmp_path: Path) -> None:
    broken = tmp_path / "answers.yaml"
    broken.write_text("bank: customer-journey\nanswers:\n  no_such_question: 1\n", encoding="utf-8")
    for env in ({"JOURNEY_DB": str(tmp_path / "named.db")}, {}):
        result = run_journey("import", str(broken), env=env)
        assert result.returncode == 1 and "no_such_question" in result.stderr
        assert t("store.created", "en", path=tmp_path / "named.db") not in result.stderr
    assert _left_behind(tmp_path) == ["answers.yaml"]


def test_the_default_database_is_made_quietly_on_first_use(run_journey: RunJourney, default_database: Path) -> None:
    listed = run_journey("list")
    assert listed.returncode == 0 and listed.stdout == t("cli.list.empty", "en") + "\n"
    assert listed.stderr == ""
    assert default_database.is_file()
