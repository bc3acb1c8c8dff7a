"""The canvas drawn for the terminal, and the document view's reading of the Markdown map, without an app."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from rich.style import Style
from rich.table import Table

from assistant.journeymap.canvas import journey_canvas
from assistant.journeymap.markdown import render_markdown
from assistant.journeymap.model import JourneyMap
from assistant.tui.widgets.canvas import CHART_ROWS, STYLE_NAMES, Picture, _wrap, column_width, draw_canvas
from assistant.tui.widgets.document import draw_section, inline, renderables, sections
from tests.maps import golden_map, hand_built_map, homestay_map, twelve_stage_map

STYLES = {name: Style() for name in STYLE_NAMES}
WIDTH = 26


def draw(journey: JourneyMap, width: int = WIDTH) -> Picture:
    return draw_canvas(journey_canvas(journey), STYLES, width)


def rows(picture: Picture) -> dict[str, list[str]]:
    """The body's lines by lane: a lane starts where its label does and runs to the next rule."""
    found: dict[str, list[str]] = {}
    lane = ""
    for label, line in zip(picture.body_labels, picture.body, strict=True):
        words = label.text.rstrip("┃┨ ").strip(" 0123456789")
        if set(label.text) <= set("─╂╍┃"):
            lane = ""
            continue
        if words and not lane:
            lane = words
        found.setdefault(lane, []).append(line.text)
    return found


def cells(line: str, stages: int, width: int = WIDTH) -> list[str]:
    return [line[n * (width + 1) : n * (width + 1) + width] for n in range(stages)]


MAPS = {
    "golden-en": lambda: golden_map("en"),
    "homestay": homestay_map,
    "twelve": twelve_stage_map,
    "by-hand": hand_built_map,
}


@pytest.mark.parametrize("name", list(MAPS))
def test_one_column_per_stage_one_row_per_lane(name: str) -> None:
    journey = MAPS[name]()
    canvas = journey_canvas(journey)
    picture = draw(journey)
    stages = len(journey.stages)
    assert picture.width == stages * (WIDTH + 1)
    header = " ".join(line.text for line in picture.header)
    for stage in journey.stages:
        assert f"{stage.name.split()[0]}" in header
    labels = [line.text for line in picture.body_labels]
    starts = [label for label in labels if label.strip(" ┃┨─╂╍0123456789")]
    first_words = [label.split()[0] for label in starts]
    for lane in canvas.lanes:
        assert lane.label.split()[0] in first_words, lane.label
    for line in picture.body + picture.header:
        assert line.cell_length == picture.width
    for label in picture.body_labels + picture.header_labels:
        assert label.cell_length == picture.label_width


def test_obstacle_cards_sit_in_their_stages_and_say_their_severity_in_words() -> None:
    journey = hand_built_map()
    picture = draw(journey)
    obstacles = rows(picture)["Obstacles"]
    columns = ["\n".join(cells(line, 3)[n] for line in obstacles) for n in range(3)]
    assert columns[0].count("HIGH") == 1 and "MEDIUM" not in columns[0]
    assert columns[1].count("HIGH") == 1 and columns[1].count("MEDIUM") == 1, "a theme named in two stages"
    assert columns[2].count("LOW") == 1
    assert "●●● HIGH" in columns[0] and "●○○ LOW" in columns[2], "the marks say it without colour"


def test_the_curve_joins_stage_means_and_keeps_parallel_touchpoints_apart() -> None:
    journey = twelve_stage_map()
    picture = draw(journey)
    emotion = rows(picture)["Emotion"]
    chart = emotion[:CHART_ROWS]
    scored = [stage for stage in journey.stages if stage.emotion is not None]
    assert sum(line.count("●") for line in chart) == len(scored)
    for number, stage in enumerate(journey.stages):
        column = "\n".join(cells(line, len(journey.stages))[number] for line in chart)
        digits = re.findall(r"\d", column)
        assert sorted(digits) == sorted(str(n) for n, tp in enumerate(stage.touchpoints, 1) if tp.emotion_score)
    centres = [n * (WIDTH + 1) + WIDTH // 2 for n in range(len(journey.stages))]
    for left, right in pairwise(centres):
        across = [next((line[x] for line in chart if line[x] != " "), " ") for x in range(left + 1, right)]
        assert " " not in across, "one line from each stage's mean to the next"
    notes = "\n".join(emotion[CHART_ROWS:])
    assert "Mean 2 (range 1–3)" in notes


def test_customers_have_their_own_marks_and_lanes_not_asked_say_so() -> None:
    picture = draw(hand_built_map())
    lanes = rows(picture)
    chart = "\n".join(lanes["Emotion"][:CHART_ROWS])
    notes = "\n".join(lanes["Emotion"][CHART_ROWS:])
    assert chart.count("◇") == 1, "one stage has customers' scores"
    assert "◇ Customers: 2.4" in notes and "▼ Lowest point" in notes
    thoughts = "\n".join(lanes["Thoughts and"])
    assert "2 not asked here" in thoughts
    assert "Motivations" not in lanes, "a lane nobody answered is left out"
    visibility = [line.text for line in picture.body if "Line of visibility" in line.text]
    assert len(visibility) == 1


def test_columns_fill_the_room_or_scroll() -> None:
    assert column_width(3, 200) == 60
    assert column_width(5, 160) == 27
    assert column_width(12, 120) == 30, "too many to fit: readable columns, scrolled sideways"
    assert column_width(2, 60) >= 22


@pytest.mark.parametrize(
    ("text", "width", "limit", "lines"),
    [
        ("Xem video bình minh trên đồi thông", 12, None, ["Xem video", "bình minh", "trên đồi", "thông"]),
        ("Supercalifragilistic", 8, None, ["Supercal", "ifragili", "stic"]),
        ("one two three four five", 9, 2, ["one two", "three…"]),
        ("first\nsecond", 20, None, ["first", "second"]),
        ("", 5, None, [""]),
    ],
)
def test_text_wraps_by_cells_and_is_cut_with_an_ellipsis(text: str, width: int, limit: int, lines: list[str]) -> None:
    assert _wrap(text, width, limit) == lines


# ----- the document view ----------------------------------------------------------------------------------


def test_the_document_reads_back_every_heading_in_order() -> None:
    markdown = render_markdown(homestay_map())
    headings = [
        line.lstrip("#").strip().replace("\\", "") for line in markdown.splitlines() if re.match(r"#{1,3} ", line)
    ]
    assert [section.title for section in sections(markdown)] == headings
    assert not any("```" in line or line.startswith("journey") for part in sections(markdown) for line in part.lines)


def test_escapes_and_emphasis_read_as_the_user_typed() -> None:
    text = inline(r"**Label:** 3 \* 4 \| \<b\> *note*<br>next")
    assert text.plain == "Label: 3 * 4 | <b> note\nnext"
    styles = {name: Style() for name in ("title", "heading", "subheading", "label", "muted", "table-header", "rule")}
    (table,) = list(renderables(sections("## T\n\n| a | b |\n|---|---|\n| x \\| y | z |\n")[0], styles))[1:]
    assert isinstance(table, Table) and table.row_count == 1 and len(table.columns) == 2


def test_a_section_is_drawn_at_the_width_asked() -> None:
    part = sections(render_markdown(golden_map("vi")))[2]
    styles = {name: Style() for name in ("title", "heading", "subheading", "label", "muted", "table-header", "rule")}
    strips = draw_section(part, styles, 70)
    assert strips and all(strip.cell_length == 70 for strip in strips)
