"""The journey map as one self-contained, printable HTML page: the Markdown document rendered by markdown-it-py
in a safe mode, with the Mermaid diagram replaced by an emotion chart drawn in inline SVG (no script, no network).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import OptionsDict

from assistant.i18n import t
from assistant.journeymap.markdown import render_markdown
from assistant.journeymap.model import JourneyMap

STYLE = """
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --band: #f0f4f8; --accent: #2f6fde; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); }
main { max-width: 1100px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--band); }
tr:nth-child(even) td { background: #fafbfc; }
ul { padding-left: 1.2rem; }
em { color: var(--muted); }
.chart { overflow-x: auto; margin: .5rem 0 1rem; border: 1px solid var(--line); border-radius: 6px; }
.chart svg { display: block; }
.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.chart .stage { font-weight: 600; }
.chart .band { fill: var(--band); }
.chart .grid { stroke: var(--line); }
.chart .path { fill: none; stroke: var(--accent); stroke-width: 2; }
.chart .dot { fill: #fff; stroke: var(--accent); stroke-width: 2; }
.chart .dot.unscored { stroke: var(--muted); stroke-dasharray: 2 2; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, .chart { break-inside: avoid; }
  .chart { overflow: visible; }
}
"""

STEP = 56
TOP = 28
ROW = 34
LEFT = 70
LABEL_SPACE = 120


def render_html(journey: JourneyMap, markdown: str | None = None) -> str:
    """The page; `markdown` is the map's Markdown when the caller already has it."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"])
    parser.add_render_rule("fence", _fence)
    body = parser.render(markdown if markdown is not None else render_markdown(journey), {"map": journey})
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{journey.locale}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(journey.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{body}</main>\n</body>\n</html>\n"
    )


def _fence(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
    token = tokens[idx]
    if token.info.strip() == "mermaid" and isinstance(env, dict) and isinstance(env.get("map"), JourneyMap):
        return emotion_chart(env["map"])
    return RendererHTML.fence(renderer, tokens, idx, options, env)


def emotion_chart(journey: JourneyMap) -> str:
    """The journey's touchpoints left to right, grouped by stage, at their emotion score (1 low, 5 high)."""
    stages = [stage for stage in journey.stages if stage.touchpoints]
    count = sum(len(stage.touchpoints) for stage in stages)
    width = LEFT + STEP * count + 20
    plot_bottom = TOP + 20 + ROW * 4
    height = plot_bottom + LABEL_SPACE
    title = escape(t("map.at_a_glance", journey.locale))
    parts = [
        f'<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{title}">',
    ]
    x = LEFT
    for number, stage in enumerate(stages):
        span = STEP * len(stage.touchpoints)
        if number % 2 == 0:
            parts.append(f'<rect class="band" x="{x}" y="0" width="{span}" height="{height}"/>')
        parts.append(f'<text class="stage" x="{x + 6}" y="16">{escape(_short(stage.name, span))}</text>')
        x += span
    for score in range(1, 6):
        y = _y(score)
        parts.append(f'<line class="grid" x1="{LEFT - 8}" y1="{y}" x2="{width - 10}" y2="{y}"/>')
        parts.append(f'<text x="{LEFT - 16}" y="{y + 4}" text-anchor="end">{score}</text>')
    points: list[str] = []
    dots: list[str] = []
    labels: list[str] = []
    x = LEFT + STEP // 2
    for stage in stages:
        for touchpoint in stage.touchpoints:
            emotion = touchpoint.emotion_score
            y = _y(3 if emotion is None else emotion)
            points.append(f"{x},{y}")
            name = escape(touchpoint.name)
            detail = escape(f"{stage.name} › {touchpoint.name}: {touchpoint.emotion_label or '—'}")
            css = "dot" if emotion is not None else "dot unscored"
            dots.append(f'<circle class="{css}" cx="{x}" cy="{y}" r="5"><title>{detail}</title></circle>')
            labels.append(
                f'<text x="{x}" y="{plot_bottom + 14}" transform="rotate(40 {x} {plot_bottom + 14})">'
                f"{escape(_short(touchpoint.name, LABEL_SPACE * 1.3))}<title>{name}</title></text>"
            )
            x += STEP
    if points:
        parts.append(f'<polyline class="path" points="{" ".join(points)}"/>')
    parts.extend(dots)
    parts.extend(labels)
    parts.append("</svg></div>\n")
    return "".join(parts)


def _y(score: int) -> int:
    return TOP + 20 + ROW * (5 - score)


def _short(text: str, room: float) -> str:
    """Cut a label to what fits in `room` pixels at about 7 px a character."""
    limit = max(4, int(room // 7))
    return text if len(text) <= limit else text[: limit - 1] + "…"
