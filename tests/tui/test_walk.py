"""A whole interview through the real app, in each language, then exported from the export dialog: the map holds
every stage and touchpoint with what was answered there, the findings those answers raise, and nothing missing.

Lists get one or two entries, so the walk covers every kind of question (two stages, one touchpoint each) in a
fraction of the answers a long journey takes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.store import Store
from tests.tui.conftest import MakeApp, answer_current, interview_screen, wait_for

ENTRIES = {"stages": ("Awareness", "Purchase"), "touchpoints": ("Fanpage",)}
TEXT = "Busy office workers who order coffee online"


@pytest.mark.timeout(360)  # some seventy answers through the real app: minutes on a loaded machine
@pytest.mark.parametrize("locale", ["en", "vi"])
async def test_a_whole_interview_then_its_exported_map(
    make_app: MakeApp, database: Path, tmp_path: Path, locale: str
) -> None:
    app = make_app(locale)
    async with app.run_test(size=(80, 24)) as pilot:  # the smallest supported screen draws fastest
        await pilot.press("n")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "NewInterviewScreen")
        await pilot.press(*"Lotus Coffee", "ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "InterviewScreen")
        screen = interview_screen(pilot)
        answered = 0
        while (question := screen._question) is not None:
            await answer_current(pilot, text=TEXT, entries=ENTRIES.get(question.item_id, ("Website", "Hotline")))
            answered += 1
            assert answered < 300, "the interview never ends"
        assert screen.session.interview.progress().finished
        await pilot.press("f6")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ExportDialog")
        target = tmp_path / "lotus.json"
        app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, target.exists)
    document = json.loads(target.read_text(encoding="utf-8"))
    journey = document["map"]
    assert journey["title"] == "Lotus Coffee" and journey["locale"] == locale
    assert journey["status"] == "completed" and journey["missing"] == []
    assert [entry["status"] for entry in journey["appendix"]] == ["answered"] * len(journey["appendix"])
    assert [stage["name"] for stage in journey["stages"]] == list(ENTRIES["stages"])
    for stage in journey["stages"]:
        (touchpoint,) = stage["touchpoints"]
        assert touchpoint["name"] == "Fanpage"
        assert touchpoint["channel"] is not None and touchpoint["emotion_score"] is not None
        assert touchpoint["actions"] == touchpoint["obstacles"] == TEXT
    assert journey["figures"]["stages_listed"] == 2 and journey["figures"]["touchpoints_listed"] == 2
    named = [finding for finding in journey["obstacles"] if finding["rule"] == "named_obstacle"]
    places = {place["stage"] for finding in named for place in finding["places"] if place["source"] == "touchpoint"}
    assert places == set(ENTRIES["stages"]), "the obstacle named at each touchpoint is a place of a finding"
    assert journey["resource_gaps"], "the resources named raise their gaps"
    with Store.open(database) as store:
        (row,) = store.interviews()
        assert (row.status, row.locale, row.done) == ("completed", locale, row.total)
        answers = [a for a in store.answers(row.id) if a.active]
        assert row.done == row.total and all(a.status == "answered" for a in answers)
