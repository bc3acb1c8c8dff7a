"""Golden maps: one Vietnamese and one English map, byte for byte. After a deliberate change, regenerate them
with `JOURNEY_UPDATE_GOLDEN=1 make unit`, then read the diff before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from assistant.bank.loader import find_bank
from assistant.interview.answers_file import fill_interview
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.markdown import render_markdown

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.mark.parametrize("locale", ["en", "vi"])
def test_the_golden_map(locale: str) -> None:
    document = yaml.safe_load((GOLDEN / f"answers-{locale}.yaml").read_text(encoding="utf-8"))
    bank = find_bank(document["bank"]).bank
    interview = fill_interview(bank, document["answers"], document["locale"], document["preset"])
    title = document["answers"]["business_name"]
    source = MapSource(title, "in_progress", "2026-11-01T08:00:00Z", "2026-11-20T17:45:00Z")
    rendered = render_markdown(build_map(bank, interview.state, source))
    golden = GOLDEN / f"map-{locale}.md"
    if os.environ.get("JOURNEY_UPDATE_GOLDEN") == "1":
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8"), "regenerate with JOURNEY_UPDATE_GOLDEN=1 and read the diff"
