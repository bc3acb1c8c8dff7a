"""`journey export` as a user runs it: formats, files, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from assistant.i18n import t
from tests.cli.conftest import RunJourney, Seeds

ANSWERS = """
bank: customer-journey
locale: en
preset: general
answers:
  business_name: Lotus Coffee
  audience: Office workers
  stages: [Awareness]
  stage:
    - touchpoints: [Fanpage]
      touchpoint:
        - {tp_channel: facebook, tp_emotion: 2, tp_obstacles: Shipping costs too much}
"""


@pytest.fixture
def interview(seeds: Seeds, default_database: Path, tmp_path: Path) -> str:
    (tmp_path / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    (imported,) = seeds.copy(default_database, tmp_path / "answers.yaml")
    return imported


def test_each_format(run_journey: RunJourney, tmp_path: Path, interview: str) -> None:
    markdown = run_journey("export", interview)
    assert markdown.returncode == 0 and markdown.stdout.startswith("# Lotus Coffee")
    assert "## Where to start" in markdown.stdout
    assert "### 1. Shipping costs too much · Medium" in markdown.stdout
    assert "- **Kind:** Price and cost › Shipping cost" in markdown.stdout
    vietnamese = run_journey("export", interview, "--locale", "vi")
    assert "## Trở ngại của khách hàng" in vietnamese.stdout
    assert run_journey("export", interview, "-o", "map.html").returncode == 0
    assert (tmp_path / "map.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run_journey("export", interview, "-o", "map.json").returncode == 0
    document = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    first = document["map"]["obstacles"][0]
    assert (first["kind"], first["subkind"], first["places"][0]["touchpoint"]) == ("price", "shipping_fee", "Fanpage")
    assert document["map"]["priorities"][0] == first["id"]
    schema = json.loads(run_journey("export", "--schema").stdout)
    jsonschema.validate(document, schema)


def test_refusals(run_journey: RunJourney, tmp_path: Path, interview: str) -> None:
    existing = tmp_path / "map.md"
    existing.write_text("keep me", encoding="utf-8")
    refused = run_journey("export", interview, "-o", "map.md")
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert run_journey("export", interview, "-o", "map.md", "--force").returncode == 0
    assert existing.read_text(encoding="utf-8").startswith("# Lotus Coffee")
    for args in (["nosuch"], [interview, "--format", "pdf"], [interview, "-o", "missing/dir/map.md"]):
        result = run_journey("export", *args)
        assert result.returncode != 0 and result.stderr.startswith("Error:"), args
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "missing").exists()


def test_the_file_name_says_the_format(run_journey: RunJourney, tmp_path: Path, interview: str) -> None:
    """Without --format the suffix decides, and a name that names no format, or another format than --format,
    is refused before anything is written: Markdown in bike.pdf is a file nothing opens."""
    (tmp_path / "out").mkdir()
    for name, starts in (("map.markdown", "# Lotus Coffee"), ("map.htm", "<!DOCTYPE html>"), ("MAP.JSON", "{")):
        assert run_journey("export", interview, "-o", name).returncode == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts), name
    assert run_journey("export", interview, "-o", "map.txt", "--format", "md").returncode == 0
    assert (tmp_path / "map.txt").read_text(encoding="utf-8").startswith("# Lotus Coffee")

    unknown = run_journey("export", interview, "-o", "out/bike.pdf")
    assert unknown.returncode == 1
    listed = "md (.md, .markdown), html (.html, .htm), json (.json)"
    assert (
        unknown.stderr == "Error: " + t("cli.format_unknown_suffix", "en", path="out/bike.pdf", formats=listed) + "\n"
    )
    assert run_journey("export", interview, "-o", "map").returncode == 1
    contradicted = run_journey("export", interview, "-o", "x.html", "--format", "md")
    assert contradicted.returncode == 1
    assert contradicted.stderr.startswith("Error: “x.html” ends in .html, the html format, but --format asks for md.")
    assert ".md / .markdown" in contradicted.stderr
    vietnamese = run_journey("--lang", "vi", "export", interview, "-o", "x.json", "--format", "html")
    assert vietnamese.stderr.startswith(
        "Lỗi: «x.json» có đuôi .json, tức định dạng json, nhưng --format lại chọn html."
    )
    assert not (tmp_path / "out" / "bike.pdf").exists() and not (tmp_path / "map").exists()
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "x.json").exists()
    assert run_journey("export", interview, "--format", "html").stdout.startswith("<!DOCTYPE html>")
