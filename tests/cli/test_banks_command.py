"""`journey --version`, `--help` and the `banks` commands, run as the real process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import yaml

from assistant.bank.loader import bundled_banks_dir
from tests.cli.conftest import RunJourney

BANK_FILE = bundled_banks_dir() / "customer-journey.yaml"


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int = 1) -> None:
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_version_and_help(run_journey: RunJourney) -> None:
    from assistant import __version__

    version = run_journey("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"journey {__version__}")
    assistant_help = run_journey("--help")
    assert assistant_help.returncode == 0
    help_text = " ".join(assistant_help.stdout.split())
    assert "banks" in help_text and "customer journey map" in help_text


def test_help_follows_the_system_language(run_journey: RunJourney) -> None:
    result = run_journey("--help", env={"LANG": "vi_VN.UTF-8"})
    assert "bản đồ hành trình khách hàng" in " ".join(result.stdout.split())


def test_banks_lists_the_bundled_bank(run_journey: RunJourney) -> None:
    result = run_journey("banks")
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["ID", "VERSION", "LANGUAGES"]
    assert any(row.startswith("customer-journey") and "vi, en" in row for row in rows)


def test_banks_lists_a_bank_the_user_added(run_journey: RunJourney, tmp_path: Path) -> None:
    user_banks = tmp_path / "data" / "journey" / "banks"
    user_banks.mkdir(parents=True)
    text = BANK_FILE.read_text(encoding="utf-8").replace("id: customer-journey", "id: my-bank", 1)
    (user_banks / "mine.yaml").write_text(text, encoding="utf-8")
    result = run_journey("banks")
    assert result.returncode == 0, result.stderr
    assert any(row.startswith("my-bank") for row in result.stdout.splitlines())


def test_banks_check_accepts_the_bundled_bank(run_journey: RunJourney) -> None:
    result = run_journey("banks", "check", str(BANK_FILE))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout and "6 steps" in result.stdout


def test_banks_check_reports_every_problem_with_its_location(run_journey: RunJourney, tmp_path: Path) -> None:
    broken = BANK_FILE.read_text(encoding="utf-8")
    broken = broken.replace("id: business_offer", "id: business_name", 1).replace("type: scale", "type: sliding", 1)
    bad_file = tmp_path / "broken.yaml"
    bad_file.write_text(broken, encoding="utf-8")
    result = run_journey("banks", "check", str(bad_file))
    assert_clean_failure(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert any("business_name" in line and "used twice" in line for line in lines)
    assert any(".type: Invalid value" in line for line in lines)
    for line in lines:
        file, line_number, _rest = line.split(":", 2)
        assert file == str(bad_file) and int(line_number) > 0


def test_banks_check_in_vietnamese(run_journey: RunJourney, tmp_path: Path) -> None:
    bad_file = tmp_path / "empty.yaml"
    bad_file.write_text("- just a list\n", encoding="utf-8")
    result = run_journey("--lang", "vi", "banks", "check", str(bad_file))
    assert_clean_failure(result)
    assert "Ngân hàng câu hỏi phải là" in result.stderr


def test_banks_check_of_a_missing_or_binary_file(run_journey: RunJourney, tmp_path: Path) -> None:
    missing = run_journey("banks", "check", str(tmp_path / "nope.yaml"))
    assert_clean_failure(missing)
    assert "does not exist" in missing.stderr
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    result = run_journey("banks", "check", str(binary))
    assert_clean_failure(result)
    assert "not UTF-8" in result.stderr


def test_banks_show_prints_the_model_as_json(run_journey: RunJourney) -> None:
    result = run_journey("banks", "show", "customer-journey", "--json")
    assert result.returncode == 0, result.stderr
    model = json.loads(result.stdout)
    assert model["id"] == "customer-journey"
    assert [step["id"] for step in model["steps"]] == [
        "goals",
        "customer",
        "touchpoints",
        "map_type",
        "analysis",
        "review",
    ]


def test_banks_show_prints_a_readable_outline(run_journey: RunJourney) -> None:
    result = run_journey("banks", "show", "customer-journey")
    assert result.returncode == 0, result.stderr
    assert "Step 1:" in result.stdout and "- stages [list, required" in result.stdout
    assert "| deeper_touchpoints contains_this]" in result.stdout, "a condition without a value reads without one"


def test_banks_show_of_an_unknown_bank_names_the_installed_ones(run_journey: RunJourney) -> None:
    result = run_journey("banks", "show", "nope")
    assert_clean_failure(result)
    assert "There is no question bank “nope”" in result.stderr and "customer-journey" in result.stderr


def test_banks_schema_validates_the_bundled_bank(run_journey: RunJourney) -> None:
    result = run_journey("banks", "schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    document = yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    document["steps"][0]["items"][0]["type"] = "sliding"
    try:
        jsonschema.validate(document, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema accepted an unknown item type")


def test_usage_errors_are_sentences_with_a_non_zero_exit(run_journey: RunJourney) -> None:
    unknown = run_journey("frobnicate")
    assert_clean_failure(unknown, code=2)
    assert unknown.stderr.startswith("Error: ") and "journey --help" in unknown.stderr
    bad_lang = run_journey("--lang", "fr", "banks")
    assert_clean_failure(bad_lang, code=2)
    assert "vi, en" in bad_lang.stderr
