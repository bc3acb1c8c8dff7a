"""The conversation as one virtualised scroll view: messages are wrapped to the width once, cached, and only the
rows on screen are drawn. A long interview costs one widget, not thousands, so answering stays quick however
long the transcript grows."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from assistant.utterances import Utterance

# role -> (gutter mark, indent); colours come from the component classes, so every theme styles them.
LAYOUT: dict[str, tuple[str, int]] = {
    "assistant": ("   ", 0),
    "question": (" ▌ ", 0),
    "probe": (" ▌ ", 0),
    "step": (" ", 0),
    "summary": ("   ", 0),
    "note": ("   ", 0),
    "change": ("   ", 0),
    "problem": (" ! ", 0),
    "finding": (" ▌ ", 0),
    "withdrawn": (" ✗ ", 0),
    "user": (" ▌ ", 6),
}
ROLE_OF_KIND = {
    "step": "step",
    "intro": "assistant",
    "note": "note",
    "question": "question",
    "more": "question",
    "probe": "probe",
    "summary": "summary",
    "finding": "finding",
    "error": "problem",
    "change": "change",
    "review": "assistant",
    "say": "assistant",
    "answer": "user",
    "command": "user",
}


@dataclass
class Entry:
    text: str | Text
    role: str
    ref: str | None = None
    finding_id: str | None = None


def entry_for(said: Utterance) -> Entry:
    """How an utterance shows in the conversation: its kind picks the style; a withdrawn finding is struck."""
    finding_id = said.data.get("finding_id") if said.kind == "finding" else None
    role = "withdrawn" if said.kind == "finding" and said.withdrawn else ROLE_OF_KIND.get(said.kind, "assistant")
    return Entry(said.text, role, said.ref, str(finding_id) if finding_id else None)


class Conversation(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {f"conversation--{role}" for role in LAYOUT}

    DEFAULT_CSS = """
    Conversation {
        height: 1fr;
    }
    Conversation > .conversation--assistant { }
    Conversation > .conversation--question { text-style: bold; color: $foreground; }
    Conversation > .conversation--probe { text-style: bold; color: $warning; }
    Conversation > .conversation--step { text-style: bold; color: $accent; }
    Conversation > .conversation--summary { color: $foreground-muted; }
    Conversation > .conversation--note { color: $foreground-muted; text-style: italic; }
    Conversation > .conversation--change { color: $foreground-muted; text-style: italic; }
    Conversation > .conversation--problem { color: $error; }
    Conversation > .conversation--finding { color: $warning; }
    Conversation > .conversation--withdrawn { color: $foreground-muted; text-style: strike; }
    Conversation > .conversation--user { color: $primary; }
    """

    class EditRequested(Message):
        """A user's earlier answer was clicked: reopen that question."""

        def __init__(self, ref: str) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self._width = -1
        self._strips: list[Strip] = []
        self._owners: list[int] = []
        self._palette: tuple[Style, ...] = ()
        self._pinned = True

    # ----- content ---------------------------------------------------------------------------------------

    def add(self, entries: list[Entry]) -> None:
        first = len(self.entries)
        self.entries.extend(entries)
        if self._width > 0:
            strips, owners = self._laid_out(entries, first, after=bool(self._strips))
            self._strips.extend(strips)
            self._owners.extend(owners)
        self._resize_virtual()
        self._follow()

    def _follow(self) -> None:
        """Stay on the newest message unless the user has scrolled up to read."""
        if self._pinned:
            self.scroll_end(animate=False, immediate=True, x_axis=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._pinned = new >= self.max_scroll_y

    def insert(self, index: int, entries: list[Entry]) -> None:
        """Messages placed among the others (a finding under the answer that raised it): the rows from there on
        are laid out again, which is only the few messages said since."""
        index = max(0, min(index, len(self.entries)))
        if index == len(self.entries):
            self.add(entries)
            return
        self.entries[index:index] = entries
        if self._width > 0:
            first_row = self._owners.index(index) if index in self._owners else len(self._strips)
            # The blank row before entry `index` belongs to it: start the relayout there.
            while first_row > 0 and self._owners[first_row - 1] == index:
                first_row -= 1
            strips, owners = self._laid_out(self.entries[index:], index, after=index > 0)
            self._strips[first_row:] = strips
            self._owners[first_row:] = owners
        self._resize_virtual()
        self._follow()
        self.refresh()

    def withdraw(self, finding_ids: set[str]) -> None:
        """Findings that no longer hold stay where they were said, struck through."""
        changed = False
        for entry in self.entries:
            if entry.finding_id in finding_ids and entry.role != "withdrawn":
                entry.role = "withdrawn"
                changed = True
        if changed:
            self._invalidate()
            self.refresh()

    def prepend(self, entries: list[Entry]) -> None:
        """Older messages above the current ones, keeping what is on screen where it was. Only the new messages
        are wrapped: paging back through a long conversation costs the same at every page."""
        count = len(entries)
        self.entries[:0] = entries
        if self._width <= 0 or not count:
            return
        strips, owners = self._laid_out(entries, 0, after=False)
        if self._strips:
            strips.append(self._blank())
            owners.append(count)
        self._strips[:0] = strips
        self._owners = owners + [owner + count for owner in self._owners]
        self._resize_virtual()
        self.scroll_to(y=self.scroll_y + len(strips), animate=False, immediate=True)

    def _invalidate(self) -> None:
        self._width = -1
        self._strips = []
        self._owners = []

    # ----- rendering -------------------------------------------------------------------------------------

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        self._width = width
        self._strips, self._owners = self._laid_out(self.entries, 0, after=False)
        self._resize_virtual()
        self._follow()

    def _laid_out(self, entries: list[Entry], first: int, *, after: bool) -> tuple[list[Strip], list[int]]:
        """The rows of `entries` (numbered from `first`) and, for each row, the entry it belongs to; a blank row
        separates messages, and leads when they follow others (`after`)."""
        strips: list[Strip] = []
        owners: list[int] = []
        for index, entry in enumerate(entries, start=first):
            if strips or after:
                strips.append(self._blank())
                owners.append(index)
            lines = self._wrapped(entry)
            strips.extend(lines)
            owners.extend([index] * len(lines))
        return strips, owners

    def _wrapped(self, entry: Entry) -> list[Strip]:
        """One message wrapped to the current width, behind its role's gutter mark and indent."""
        mark, indent = LAYOUT.get(entry.role, LAYOUT["assistant"])
        style = self.get_component_rich_style(f"conversation--{entry.role}", partial=True)
        text = entry.text.copy() if isinstance(entry.text, Text) else Text(entry.text)
        text.stylize(style)
        console: Console = self.app.console
        body_width = max(self._width - indent - len(mark), 10)
        lines = console.render_lines(text, console.options.update(width=body_width, height=None), pad=False)
        gutter = Segment(" " * indent + mark, style + Style(bold=True))
        base = self.rich_style
        return [
            Strip([gutter, *segments]).extend_cell_length(self._width).crop(0, self._width).apply_style(base)
            for segments in lines
        ]

    def _blank(self, width: int | None = None) -> Strip:
        """An empty row in the theme's own background, so light themes stay light."""
        return Strip.blank(self._width if width is None else width, self.rich_style)

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(max(self._width, 1), len(self._strips))

    def on_resize(self, _event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rewrap()
        else:
            self._follow()

    def notify_style_update(self) -> None:
        """A theme change recolours the messages; a focus change elsewhere restyles nothing, so costs nothing."""
        super().notify_style_update()
        if not self.is_mounted:
            return
        palette = (
            self.rich_style,
            *(self.get_component_rich_style(f"conversation--{role}", partial=True) for role in LAYOUT),
        )
        if palette != self._palette:
            self._palette = palette
            self._invalidate()
            self.refresh()

    def render_line(self, y: int) -> Strip:
        if self._width != self.scrollable_content_region.width:
            self._rewrap()
        row = self.scroll_offset.y + y
        if 0 <= row < len(self._strips):
            return self._strips[row]
        return self._blank(self.scrollable_content_region.width)

    # ----- clicks ----------------------------------------------------------------------------------------

    def entry_at(self, y: int) -> Entry | None:
        row = self.scroll_offset.y + y
        if 0 <= row < len(self._owners):
            return self.entries[self._owners[row]]
        return None

    def on_click(self, event: events.Click) -> None:
        entry = self.entry_at(event.y)
        if entry is not None and entry.role == "user" and entry.ref is not None:
            event.stop()
            self.post_message(self.EditRequested(entry.ref))

    def plain_lines(self) -> list[str]:
        """The conversation as text, one entry per item: what tests and screen readers read."""
        return [entry.text.plain if isinstance(entry.text, Text) else entry.text for entry in self.entries]
