"""The Markdown map's "journey at a glance": a stages × lanes table, placed right after the header, that a CommonMark
parser reads back with one column per stage, one row per lane, and each cell's short content."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from assistant.journeymap.canvas import journey_canvas
from assistant.journeymap.markdown import render_markdown
from tests.maps import golden_map, hand_built_map


def glance(markdown: str) -> list[list[str]]:
    """The first table after the "at a glance" heading, as rows of cells' inline source."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    start = next(i for i, token in enumerate(tokens) if token.type == "table_open")
    rows: list[list[str]] = []
    for token in tokens[start:]:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
        elif token.type == "table_close":
            break
    return rows


def test_the_glance_comes_right_after_where_to_start() -> None:
    markdown = render_markdown(golden_map("en"))
    headings = [token.content for token in _inline_after_headings(markdown)]
    assert headings[:3] == ["Lotus Coffee", "Where to start", "The journey at a glance"]


def _inline_after_headings(markdown: str) -> list[Token]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [tokens[i + 1] for i, token in enumerate(tokens) if token.type == "heading_open"]


def test_one_column_per_stage_one_row_per_lane_each_cell_short() -> None:
    journey = hand_built_map()
    canvas = journey_canvas(journey)
    rows = glance(render_markdown(journey))
    header, *body = rows
    assert header == ["Stage", *(f"{n}\\. {stage.name}" for n, stage in enumerate(journey.stages, 1))]
    assert all(len(row) == 1 + len(journey.stages) for row in body)
    labels = [row[0] for row in body]
    expected = [f"**{lane.label}**" for lane in canvas.lanes if not lane.backstage]
    expected += ["*Line of visibility · backstage below*"]
    expected += [f"**{lane.label}**" for lane in canvas.lanes if lane.backstage]
    assert labels == expected
    by_lane = {row[0].strip("*"): row[1:] for row in body}
    assert by_lane["Thoughts and questions"][0] == "(1) Is the price per night?<br>(2) *not asked here*"
    assert by_lane["Emotion"][0] == (
        "Mean 3 (range 2–4)<br>Customers: 2.4 (32 answers)"
        "<br>(1) You 2 · customers 1.8 (n=20)<br>(2) You 4 · customers 3.5 (n=12)"
    )
    assert by_lane["Emotion"][1] == "Score 1<br>**Lowest point**<br>**Steepest drop**"
    discover, book, stay = by_lane["Obstacles"]
    assert discover == "(1) (2) **High:** No price before asking", "one theme named at two touchpoints of a stage"
    assert book == "(1) **High:** No price before asking<br>(1) **Medium:** Slow replies on Messenger"
    assert stay == "**Low:** No touchpoint while they stay"
    assert by_lane["Touchpoints"][2] == "—"


def test_cells_are_cut_short_and_user_text_stays_text() -> None:
    long = "Khách tìm trên Google | đọc *đánh giá* <b>rồi</b> nhắn tin hỏi phí vận chuyển, chờ trả lời rất lâu"
    journey = hand_built_map(long)
    rows = glance(render_markdown(journey))
    actions = next(row for row in rows if row[0] == "**What the customer does**")
    first = actions[1].split("<br>")[0]
    # The table rule takes the escaped | back as the character; the rest stays escaped for the inline parser.
    assert first.endswith("…") and "Google | đọc" in first and "\\*" in first and "\\<b\\>" in first
    assert len(rows[1]) == 1 + len(journey.stages), "an escaped | never adds a column"
