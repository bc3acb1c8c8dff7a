"""The map as a document in the terminal: the exported Markdown, read section by section into Rich renderables; the
sections the first screen shows are drawn at once, the rest in a thread, so the top of the document shows at once
however long the appendix is.

Textual's Markdown widget mounts a widget per block (a 46 KB map took five seconds to show); here the document is
one line-API widget. The Markdown is journey's own, deterministic and escaped by `journeymap.markdown`, so reading
it back needs only its few shapes: headings, `- **label:** value` fields, tables, emphasis and escapes.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from rich import box
from rich.console import Console, Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import work
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from assistant.tui.threads import hand_back

STYLE_NAMES = ("title", "heading", "subheading", "label", "muted", "table-header", "rule")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_BOLD_ITALIC = re.compile(r"(\\.|\*\*|\*|<br>)")
BATCH = 0.1
"""Seconds of drawing the thread gathers before handing the sections over."""


@dataclass
class Section:
    """A heading and what follows it up to the next heading; level 1 is the title."""

    level: int
    title: str
    lines: list[str] = field(default_factory=list)


def sections(markdown: str) -> list[Section]:
    found: list[Section] = []
    current = Section(0, "")
    fence = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fence = not fence
            continue
        if fence:  # the Mermaid diagram: the glance table above it says the same in a terminal
            continue
        heading = re.match(r"(#{1,3}) (.*)", line)
        if heading:
            if current.level or current.lines:
                found.append(current)
            current = Section(len(heading.group(1)), unescape(heading.group(2)))
            continue
        current.lines.append(line)
    if current.level or current.lines:
        found.append(current)
    return found


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def inline(text: str, style: Style | None = None, bold: Style | None = None) -> Text:
    """Markdown emphasis and escapes as styled text; `<br>` (journey's line break in a table cell) as a new line."""
    result = Text(style=style or "")
    strong = emphasis = False
    for part in _BOLD_ITALIC.split(text):
        if not part:
            continue
        if part == "**":
            strong = not strong
        elif part == "*":
            emphasis = not emphasis
        elif part == "<br>":
            result.append("\n")
        else:
            chunk = part[1:] if part.startswith("\\") and len(part) == 2 else part
            parts: list[Style] = []
            if strong:
                parts.append(bold or Style(bold=True))
            if emphasis:
                parts.append(Style(italic=True))
            result.append(chunk, Style.combine(parts) if parts else None)
    return result


def renderables(section: Section, styles: dict[str, Style]) -> Iterator[RenderableType]:
    """The blocks of a section: paragraphs and field lists as text, tables as tables."""
    if section.level:
        key = {1: "title", 2: "heading"}.get(section.level, "subheading")
        yield Text(section.title, styles[key])
    lines = section.lines
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("|"):
            end = index
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            yield _table(lines[index:end], styles)
            index = end
            continue
        if not line.strip():
            index += 1
            continue
        block: list[Text] = []  # the lines up to a blank line: a paragraph, or a list of fields
        while index < len(lines) and lines[index].strip() and not lines[index].startswith("|"):
            paragraph = [lines[index]]
            while _hard_break(paragraph[-1]) and index + 1 < len(lines):
                index += 1
                paragraph.append(lines[index].strip())
            text = "\n".join(part[:-1] if _hard_break(part) else part for part in paragraph)
            if text.startswith("- "):
                block.append(Text("• ") + inline(text[2:], bold=styles["label"]))
            elif text.startswith("*") and text.endswith("*") and not text.startswith("**"):
                block.append(inline(text[1:-1], styles["muted"]))
            else:
                block.append(inline(text, bold=styles["label"]))
            index += 1
        yield Text("\n").join(block)


def _hard_break(line: str) -> bool:
    """A line ending in a backslash that is not itself escaped."""
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SPLIT.split(line.strip().strip("|"))]


def _table(lines: list[str], styles: dict[str, Style]) -> Table:
    header, *rows = lines
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=True,
        header_style=styles["table-header"],
        border_style=styles["rule"],
        pad_edge=False,
        show_edge=False,
    )
    for title in _cells(header):
        table.add_column(inline(title), overflow="fold")
    for row in rows:
        if re.fullmatch(r"\|(-+\|)+", row.strip()):
            continue
        table.add_row(*(inline(cell, bold=styles["label"]) for cell in _cells(row)))
    return table


def draw_section(section: Section, styles: dict[str, Style], width: int) -> list[Strip]:
    """A section as lines of cells at `width`; with a private console, so a thread worker can draw it."""
    console = Console(width=width, file=io.StringIO(), color_system="truecolor", legacy_windows=False)
    blocks: list[RenderableType] = []
    for renderable in renderables(section, styles):
        blocks += [renderable, Text("")]
    lines = console.render_lines(Group(*blocks), console.options.update_width(width), pad=True)
    return [Strip(line, width) for line in lines]


class DocumentView(ScrollView, can_focus=True):
    """The Markdown map: the sections that fill the first screen drawn at once, on the event loop, the rest off it
    once that screen is painted, handed over in a few batches; `headings` say where each section starts."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"document--{name}" for name in STYLE_NAMES}
    DEFAULT_CSS = """
    DocumentView { background: $surface; padding: 0 1; overflow-x: hidden; overflow-y: scroll; }
    DocumentView > .document--title { color: $text-primary; text-style: bold; }
    DocumentView > .document--heading { color: $text-accent; text-style: bold underline; }
    DocumentView > .document--subheading { color: $text; text-style: bold; }
    DocumentView > .document--label { text-style: bold; }
    DocumentView > .document--muted { color: $text-muted; text-style: italic; }
    DocumentView > .document--table-header { color: $text-accent; text-style: bold; }
    DocumentView > .document--rule { color: $foreground 30%; }
    """

    class Drawn(Message):
        """Every section of the document is drawn."""

    def __init__(self, parts: list[Section], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts = parts
        self.lines: list[Strip] = []
        self.headings: list[tuple[int, str, int]] = []
        """(level, title, first line) of each section drawn so far."""
        self.complete = False
        self._requested = 0
        self._width = 0
        self._wanted: int | None = None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._redraw())

    def on_resize(self) -> None:
        if self.scrollable_size.width != self._width:
            self._redraw()

    def _redraw(self) -> None:
        width = self.scrollable_size.width
        if not width or not self.is_mounted:
            return
        self._requested += 1
        self._width = width
        self.lines = []
        self.headings = []
        self.complete = False
        styles = {name: self.get_component_rich_style(f"document--{name}") for name in STYLE_NAMES}
        # What the first screen shows is drawn here, before the first paint: a section takes milliseconds, and
        # drawing it in the thread cost a round trip and a frame of blank page. The rest waits for that paint, so
        # the thread does not take the interpreter from the frame the reader is waiting for.
        drawn = []
        for section in self.parts:
            if len(self.lines) >= self.scrollable_size.height:
                break
            self._add(section, draw_section(section, styles, width))
            drawn.append(section)
        self._shown(self._requested, len(drawn) == len(self.parts))
        if len(drawn) < len(self.parts):
            self.call_after_refresh(self._draw, styles, width, self._requested, len(drawn))

    @work(thread=True, exclusive=True, group="document")
    def _draw(self, styles: dict[str, Style], width: int, request: int, start: int) -> None:
        """The sections from `start` on, handed to the loop every `BATCH` seconds: each hand-over lays the page out
        again, and one per section made scrolling the first screen stutter while a long appendix was drawn."""
        batch: list[tuple[Section, list[Strip]]] = []
        since = time.monotonic()
        for number in range(start, len(self.parts)):
            if request != self._requested:
                return
            section = self.parts[number]
            batch.append((section, draw_section(section, styles, width)))
            last = number == len(self.parts) - 1
            if last or time.monotonic() - since >= BATCH:
                hand_back(self, self._drawn, request, batch, last)
                batch, since = [], time.monotonic()

    def _add(self, section: Section, strips: list[Strip]) -> None:
        self.headings.append((section.level, section.title, len(self.lines)))
        self.lines.extend(strips)

    def _drawn(self, request: int, batch: list[tuple[Section, list[Strip]]], last: bool) -> None:
        if request != self._requested:
            return
        for section, strips in batch:
            self._add(section, strips)
        self._shown(request, last)

    def _shown(self, request: int, last: bool) -> None:
        self.virtual_size = Size(self._width, len(self.lines))
        self.refresh()
        if self._wanted is not None and self._wanted < len(self.headings):
            self.go_to(self._wanted)
        if last:
            self.complete = True
            self.post_message(self.Drawn())

    def go_to(self, section: int) -> None:
        """Scroll to a section's heading, as soon as it is drawn."""
        if section < len(self.headings):
            self._wanted = None
            self.scroll_to(y=self.headings[section][2], animate=False)
        else:
            self._wanted = section

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index >= len(self.lines):
            return Strip.blank(self.scrollable_size.width, base)
        return self.lines[index].crop_extend(scroll_x, scroll_x + self.scrollable_size.width, None).apply_style(base)
