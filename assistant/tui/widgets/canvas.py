"""The journey map as a canvas in the terminal: stages as columns, lanes as rows, the emotion curve in box-drawing
characters, obstacle cards coloured by severity and marked in words, so it reads without colour too.

The picture is drawn off the event loop into strips (`draw_canvas`), once per map and width; the widget only crops
the strips it shows. The lane labels stay at the left and the stage names at the top while the rest scrolls, in
both directions, so a twelve-stage map reads on an 80-column terminal.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len, chop_cells
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.canvas import Canvas, Column, LaneId, journey_canvas
from assistant.journeymap.model import JourneyMap
from assistant.tui.threads import hand_back

LABEL_WIDTH = 16
COLUMN_WIDTH = 30
MIN_COLUMN = 22
MAX_COLUMN = 60
ENTRY_LINES = 4
"""Lines one touchpoint's text may take in a cell; the document view (and the exports) have every word."""
CHART_ROWS = 5
MARKS = {"high": "●●●", "medium": "●●○", "low": "●○○"}
STYLE_NAMES = (
    "label", "stage", "goal", "rule", "number", "muted", "not-asked", "owner", "customers", "point", "range",
    "high", "medium", "low", "visibility",
)  # fmt: skip


Line = list[Segment]


@dataclass(frozen=True, slots=True)
class Picture:
    """A drawn canvas: the fixed lane labels and stage header, and the scrolling body, as lines of cells. The body's
    lines become strips when they are first shown: a 2,000-answer canvas has thousands, and a screen shows fifty."""

    label_width: int
    width: int
    header: list[Strip]
    header_labels: list[Strip]
    lines: list[Line]
    labels: list[Line]
    lanes: list[tuple[int, int]]
    """Where each lane's lines start and end in the body, except the emotion lane's (its ticks are fixed)."""
    _strips: dict[int, Strip] = field(default_factory=dict)
    _label_strips: dict[int, Strip] = field(default_factory=dict)

    def body_line(self, index: int) -> Strip:
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = Strip(self.lines[index], self.width)
        return strip

    def label_line(self, index: int) -> Strip:
        strip = self._label_strips.get(index)
        if strip is None:
            strip = self._label_strips[index] = Strip(self.labels[index], self.label_width)
        return strip

    @property
    def body(self) -> list[Strip]:
        return [self.body_line(index) for index in range(len(self.lines))]

    @property
    def body_labels(self) -> list[Strip]:
        return [self.label_line(index) for index in range(len(self.labels))]


Styles = dict[str, Style]
Cell = list[list[Segment]]
"""A cell's lines, each a list of segments exactly the cell's width."""


def column_width(stages: int, room: int, label_width: int = LABEL_WIDTH) -> int:
    """Wide enough to read; all the stages side by side when they fit, scrolling sideways when they do not."""
    if stages == 0:
        return COLUMN_WIDTH
    fitting = (room - label_width) // stages - 1
    if fitting >= MIN_COLUMN:
        return min(fitting, MAX_COLUMN)
    return max(MIN_COLUMN, min(COLUMN_WIDTH, room - label_width - 2))


def draw_canvas(canvas: Canvas, styles: Styles, width: int, label_width: int = LABEL_WIDTH) -> Picture:
    """The whole canvas at a column `width`; pure, so a thread worker can draw it."""
    drawer = _Drawer(canvas, styles, width, label_width)
    return drawer.draw()


class _Drawer:
    def __init__(self, canvas: Canvas, styles: Styles, width: int, label_width: int) -> None:
        self.canvas = canvas
        self.styles = styles
        self.width = width
        self.inner = width - 2
        self.label_width = label_width
        self.columns = canvas.columns
        self.locale = canvas.locale
        self.rule = styles["rule"]

    def t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    # ----- the grid --------------------------------------------------------------------------------------

    def draw(self) -> Picture:
        top_labels: list[Line] = []
        top: list[Line] = []
        self._row(top_labels, top, [self.t("map.col.stage")], [self._stage(c) for c in self.columns])
        self._rule(top_labels, top, "━")
        header = [Strip(line, self._body_width()) for line in top]
        header_labels = [Strip(line, self.label_width) for line in top_labels]
        labels: list[Line] = []
        body: list[Line] = []
        lanes: list[tuple[int, int]] = []
        backstage = False
        for number, lane in enumerate(self.canvas.lanes):
            if lane.backstage and not backstage:
                backstage = True
                self._visibility(labels, body)
            elif number:
                self._rule(labels, body, "─")
            if lane.id == "emotion":
                self._emotion(labels, body, lane.label)
                continue
            start = len(body)
            self._row(labels, body, [lane.label], [self._cell(lane.id, column) for column in self.columns])
            lanes.append((start, len(body)))
        return Picture(self.label_width, self._body_width(), header, header_labels, body, labels, lanes)

    def _body_width(self) -> int:
        return len(self.columns) * (self.width + 1)

    def _row(self, labels: list[Line], body: list[Line], label: list[str], cells: list[Cell]) -> None:
        label_lines = self._wrap_plain(" ".join(label), self.label_width - 1, self.styles["label"])
        height = max([len(label_lines), *(len(cell) for cell in cells)], default=1)
        blank = [Segment(" " * self.width)]
        separator = Segment("│", self.rule)
        for y in range(height):
            labels.append(self._label_line(label_lines[y] if y < len(label_lines) else []))
            segments: list[Segment] = []
            for cell in cells:
                segments.extend(cell[y] if y < len(cell) else blank)
                segments.append(separator)
            body.append(segments)

    def _label_line(self, segments: list[Segment]) -> Line:
        used = sum(segment.cell_length for segment in segments)
        return [*segments, Segment(" " * (self.label_width - 1 - used)), Segment("┃", self.rule)]

    def _rule(self, labels: list[Line], body: list[Line], char: str) -> None:
        cross = "┿" if char == "━" else "┼"
        labels.append([Segment(char * (self.label_width - 1) + ("╋" if char == "━" else "╂"), self.rule)])
        body.append([Segment((char * self.width + cross) * len(self.columns), self.rule)])

    def _visibility(self, labels: list[Line], body: list[Line]) -> None:
        """The line of visibility: what the customer sees above it, the backstage below."""
        style = self.styles["visibility"]
        words = f" {self.t('map.canvas.line_of_visibility')} "
        total = self._body_width()
        fill = max(0, total - cell_len(words))
        text = "╍" * 2 + words + "╍" * (fill - 2) if fill > 2 else "╍" * total
        text = chop_cells(text, total)[0] if cell_len(text) > total else text
        labels.append([Segment("╍" * (self.label_width - 1) + "┃", style)])
        body.append([Segment(text + " " * (total - cell_len(text)), style)])

    # ----- cells -----------------------------------------------------------------------------------------

    def _pad(self, parts: list[Segment], used: int) -> list[Segment]:
        """`parts`, `used` cells wide, between a space and the padding that fills the cell."""
        return [Segment(" "), *parts, Segment(" " * (self.width - 1 - used))]

    def _wrap_plain(self, text: str, width: int, style: Style, limit: int | None = None) -> list[list[Segment]]:
        return [[Segment(line, style)] for line, _ in _wrapped(text, width, limit)]

    def _text(self, text: str, style: Style | None = None, *, indent: int = 0, limit: int | None = None) -> Cell:
        return list(_text_lines(text, style, indent, self.width, limit))

    def _numbered(self, number: int, text: str, style: Style | None, limit: int | None = ENTRY_LINES) -> Cell:
        """A touchpoint's text behind its number, wrapped with a hanging indent so the numbers stand out."""
        return list(_numbered_lines(number, text, style, self.styles["number"], self.width, limit))

    def _stage(self, column: Column) -> Cell:
        cell = self._numbered(column.number, column.name, self.styles["stage"], limit=2)
        if column.goal:
            cell += self._text(column.goal, self.styles["goal"], limit=3)
        return cell

    def _cell(self, lane: LaneId, column: Column) -> Cell:
        muted = self.styles["muted"]
        cell: Cell = []
        if lane == "touchpoints":
            if not column.touchpoints:
                return self._text(self.t("map.no_touchpoints"), muted)
            for head in column.touchpoints:
                cell += self._numbered(head.number, head.name, self.styles["stage"], limit=3)
                if head.channel:
                    cell += self._text(head.channel, muted, indent=len(str(head.number)) + 1, limit=1)
                if head.used_by is not None:
                    used = self.t("map.canvas.used_by", count=head.used_by)
                    cell += self._text(used, muted, indent=len(str(head.number)) + 1, limit=1)
            return cell
        if lane == "obstacles":
            for index, card in enumerate(column.cards):
                if index:
                    cell.append(self._pad([], 0))
                severity = self.styles[card.severity]
                mark = f"{MARKS[card.severity]} {card.severity_label.upper()}"
                cell.append(self._pad([Segment(mark + " " * (self.inner - cell_len(mark)), severity)], self.inner))
                cell += self._text(card.title, None, limit=ENTRY_LINES)
                for number, name in card.at:
                    cell += self._numbered(number, name, muted, limit=1)
            return cell
        if lane in column.layers:
            layer = column.layers[lane]
            return self._text(layer, None, limit=ENTRY_LINES * 2) if layer else cell
        for entry in column.entries.get(lane, ()):
            if entry.text is None:
                cell += self._numbered(entry.number, self.t("map.canvas.not_asked"), self.styles["not-asked"])
            else:
                cell += self._numbered(entry.number, entry.text, None)
        return cell

    # ----- the emotion curve -----------------------------------------------------------------------------

    def _emotion(self, labels: list[Line], body: list[Line], label: str) -> None:
        """Five rows, score 5 at the top: each stage's mean (●) joined stage to stage, its touchpoints' scores as
        their numbers around it, its range as a bar; the customers' means (◇) on a dotted line of their own."""
        total = self._body_width()
        grid: list[list[tuple[str, Style | None]]] = [[(" ", None)] * total for _ in range(CHART_ROWS)]
        centres = [(column.number - 1) * (self.width + 1) + self.width // 2 for column in self.columns]
        customers = [column.curve.customers for column in self.columns]
        owner = [column.curve.mean for column in self.columns]
        self._line(grid, centres, customers, self.styles["customers"], "┄", "┆", ("┐", "└", "┘", "┌"))
        self._line(grid, centres, owner, self.styles["owner"], "─", "│", ("╮", "╰", "╯", "╭"))
        for column, centre in zip(self.columns, centres, strict=True):
            curve = column.curve
            if curve.low is not None and curve.high is not None:
                for row in range(_row(curve.high), _row(curve.low) + 1):
                    if grid[row][centre][0] in (" ", "─", "┄"):
                        grid[row][centre] = ("┃", self.styles["range"])
            slots = _slots(self.width // 2 - 2)
            for index, point in enumerate(curve.points):
                x = centre + slots[index % len(slots)]
                grid[_row(point.score)][x] = (str(point.number) if point.number < 10 else "•", self.styles["point"])
            if curve.customers is not None:
                x = centre if curve.mean is None or _row(curve.mean) != _row(curve.customers) else centre + 1
                grid[_row(curve.customers)][x] = ("◇", self.styles["customers"])
            if curve.mean is not None:
                grid[_row(curve.mean)][centre] = ("●", self.styles["owner"])
        tick = self.styles["muted"]
        label_lines = _wrap(label, self.label_width - 4, 3)
        for row in range(CHART_ROWS):
            words = label_lines[row] if row < len(label_lines) else ""
            score = str(CHART_ROWS - row)
            room = self.label_width - 1 - cell_len(words) - 2
            labels.append(
                [Segment(words, self.styles["label"]), Segment(" " * room + score + " ", tick), Segment("┨", self.rule)]
            )
            body.append(_runs(grid[row]))
        self._row(labels, body, [], [self._emotion_note(column) for column in self.columns])

    def _line(
        self,
        grid: list[list[tuple[str, Style | None]]],
        centres: list[int],
        means: list[float | None],
        style: Style,
        across: str,
        down: str,
        corners: tuple[str, str, str, str],
    ) -> None:
        """Join each stage's mean to the next stage's that has one, turning at the column edge before it."""
        scored = [(centre, _row(mean)) for centre, mean in zip(centres, means, strict=True) if mean is not None]
        down_from, down_to, up_from, up_to = corners
        for (x1, r1), (x2, r2) in pairwise(scored):
            edge = x2 - self.width // 2 - 1
            for x in range(x1 + 1, edge):
                grid[r1][x] = (across, style)
            for x in range(edge + 1, x2):
                grid[r2][x] = (across, style)
            if r1 == r2:
                grid[r1][edge] = (across, style)
                continue
            grid[r1][edge] = (down_from if r2 > r1 else up_from, style)
            grid[r2][edge] = (down_to if r2 > r1 else up_to, style)
            for row in range(min(r1, r2) + 1, max(r1, r2)):
                grid[row][edge] = (down, style)

    def _emotion_note(self, column: Column) -> Cell:
        curve = column.curve
        muted = self.styles["muted"]
        cell: Cell = []
        if curve.mean is not None:
            mean = format_number(curve.mean, self.locale)
            if curve.low == curve.high:
                words = self.t("map.canvas.score", score=mean)
            else:
                words = self.t("map.canvas.mean", mean=mean, low=curve.low, high=curve.high)
            cell += self._marked("●", self.styles["owner"], words, muted)
        elif curve.customers is None:
            cell += self._text(self.t("map.canvas.no_score"), muted)
        if curve.customers is not None:
            mean = format_number(curve.customers, self.locale)
            words = self.t("map.canvas.customers", mean=mean, count=curve.customers_n)
            cell += self._marked("◇", self.styles["customers"], words, muted)
        for measure in curve.measures:
            cell += self._numbered(measure.number, measure.words(self.locale), muted, limit=2)
        for moment in curve.moments:
            mark = "▼" if moment.kind == "lowest" else "↘"
            cell += self._marked(mark, self.styles["high"], self.t(f"map.moment.{moment.kind}"), None)
        return cell

    def _marked(self, mark: str, mark_style: Style, text: str, style: Style | None) -> Cell:
        (first, used), *rest = _wrapped(text, self.inner - 2, 2)
        cell = [self._pad([Segment(mark, mark_style), Segment(" "), Segment(first, style)], 2 + used)]
        return cell + [self._pad([Segment("  "), Segment(line, style)], 2 + used) for line, used in rest]


# A cell's lines for a text, kept from one drawing to the next: after an answer, one text of thousands changed.
@lru_cache(maxsize=32768)
def _text_lines(text: str, style: Style | None, indent: int, width: int, limit: int | None) -> tuple[Line, ...]:
    lead = Segment(" " * indent)
    return tuple(
        [Segment(" "), lead, Segment(line, style), Segment(" " * (width - 1 - indent - used))]
        for line, used in _wrapped(text, width - 2 - indent, limit)
    )


@lru_cache(maxsize=32768)
def _numbered_lines(
    number: int, text: str, style: Style | None, number_style: Style, width: int, limit: int | None
) -> tuple[Line, ...]:
    badge = str(number)
    indent = len(badge) + 1
    (first, used), *rest = _wrapped(text, width - 2 - indent, limit)
    lines = [[Segment(" "), Segment(badge, number_style), Segment(" "), Segment(first, style),
              Segment(" " * (width - 1 - indent - used))]]  # fmt: skip
    lead = Segment(" " * indent)
    lines += [
        [Segment(" "), lead, Segment(line, style), Segment(" " * (width - 1 - indent - used))] for line, used in rest
    ]
    return tuple(lines)


def _label_line(picture: Picture, index: int, top: int) -> int:
    """A lane scrolled partly out of view keeps its label at the top of what is left of it."""
    spans = picture.lanes
    found = bisect_right(spans, (index, len(picture.lines))) - 1
    if found < 0:
        return index
    start, end = spans[found]
    if not start <= index < end or start >= top:
        return index
    return start + index - top


def _row(score: float) -> int:
    return max(0, min(CHART_ROWS - 1, CHART_ROWS - round(score)))


def _slots(half: int) -> list[int]:
    """Where a stage's touchpoint numbers go, left and right of its centre, nearest first."""
    offsets = [sign * distance for distance in range(2, max(3, half + 1), 2) for sign in (-1, 1)]
    return offsets or [0]


def _runs(cells: list[tuple[str, Style | None]]) -> list[Segment]:
    """A row of single characters as segments, one per run of the same style."""
    segments: list[Segment] = []
    text = ""
    style: Style | None = None
    for char, char_style in cells:
        if char_style is not style and text:
            segments.append(Segment(text, style))
            text = ""
        style = char_style
        text += char
    if text:
        segments.append(Segment(text, style))
    return segments


def _wrap(text: str, width: int, limit: int | None = None) -> list[str]:
    """Words to lines of at most `width` cells, breaking a word only when it is longer than a line; past `limit`
    lines the last one ends with an ellipsis. Every line of the text starts a line."""
    return [line for line, _ in _wrapped(text, width, limit)]


@lru_cache(maxsize=32768)
def _wrapped(text: str, width: int, limit: int | None = None) -> tuple[tuple[str, int], ...]:
    """`_wrap`, each line with its width in cells. The canvas of a 2,000-answer map wraps thousands of texts and is
    drawn again after each answer, which changes one of them: the wrapped lines are kept, and so are the words'
    widths."""
    width = max(1, width)
    lines: list[tuple[str, int]] = []
    for paragraph in text.splitlines() or [""]:
        words: list[str] = []
        used = 0
        for word in paragraph.split():
            size = _cells(word)
            while size > width:  # a word longer than a line: as much as fits, the rest on the next lines
                room = width - used - (1 if words else 0)
                if room < 4:
                    lines.append((" ".join(words), used))
                    words, used, room = [], 0, width
                head = chop_cells(word, room)[0]
                words.append(head)
                lines.append((" ".join(words), used + (1 if used else 0) + _cells(head)))
                words, used = [], 0
                word = word[len(head) :]
                size = _cells(word)
            if not words:
                words, used = [word], size
            elif used + 1 + size <= width:
                words.append(word)
                used += 1 + size
            else:
                lines.append((" ".join(words), used))
                words, used = [word], size
        lines.append((" ".join(words), used))
    if limit is not None and len(lines) > limit:
        last, used = lines[limit - 1]
        while last and used + 1 > width:
            last = last[:-1]
            used = _cells(last)
        lines = [*lines[: limit - 1], (last + "…", used + 1)]
    return tuple(lines) or (("", 0),)


@lru_cache(maxsize=16384)
def _cells(word: str) -> int:
    return cell_len(word)


# ----- the widget ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Drawing:
    """A picture of a map and what it was drawn for: the column width and the colours."""

    picture: Picture
    width: int
    styles: Styles


class JourneyCanvas(ScrollView, can_focus=True):
    """Shows a map's canvas; `show` a newer map at any time: it is drawn in a thread, and an older drawing that
    finishes later is dropped."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"canvas--{name}" for name in STYLE_NAMES}
    # The vertical scrollbar is always there, so the room for the columns does not change when it would appear,
    # which would draw the canvas twice.
    DEFAULT_CSS = """
    JourneyCanvas { background: $surface; overflow-y: scroll; }
    JourneyCanvas > .canvas--label { color: $text-muted; text-style: bold; }
    JourneyCanvas > .canvas--stage { color: $text; text-style: bold; }
    JourneyCanvas > .canvas--goal { color: $text-muted; text-style: italic; }
    JourneyCanvas > .canvas--rule { color: $foreground 25%; }
    JourneyCanvas > .canvas--number { color: $text-accent; text-style: bold; }
    JourneyCanvas > .canvas--muted { color: $text-muted; }
    JourneyCanvas > .canvas--not-asked { color: $text-muted; text-style: italic; }
    JourneyCanvas > .canvas--owner { color: $text-primary; text-style: bold; }
    JourneyCanvas > .canvas--customers { color: $text-secondary; }
    JourneyCanvas > .canvas--point { color: $text; text-style: bold; }
    JourneyCanvas > .canvas--range { color: $primary 50%; }
    JourneyCanvas > .canvas--high { color: $text-error; background: $error 20%; text-style: bold; }
    JourneyCanvas > .canvas--medium { color: $text-warning; background: $warning 20%; text-style: bold; }
    JourneyCanvas > .canvas--low { color: $text-primary; background: $primary 12%; text-style: bold; }
    JourneyCanvas > .canvas--visibility { color: $text-muted; text-style: bold; }
    """

    class Drawn(Message):
        """The canvas shows the map it was last given."""

    def __init__(self, journey: JourneyMap | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.journey = journey
        self.picture: Picture | None = None
        self._requested = 0
        self._width = 0
        self._label_width = LABEL_WIDTH
        self._styles: Styles | None = None
        self._room = 0

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._redraw())
        self._redraw()

    def show(self, journey: JourneyMap, drawing: Drawing | None = None) -> None:
        """Show `journey`; with the `drawing` made of it off the loop (`draw_ahead`) when it still fits."""
        self.journey = journey
        if drawing is not None and drawing.styles == self._styles and drawing.width == self._column_width(journey):
            self._requested += 1
            self._width = drawing.width
            self._drawn(drawing.picture, self._requested)
            return
        self._redraw()

    def draw_ahead(self, journey: JourneyMap) -> Drawing | None:
        """A drawing of `journey` made in the calling worker thread, for the colours and the room the canvas had
        when last drawn (None before its first drawing): the live canvas then shows a new map in the same turn of
        the loop as the analysis that built it, instead of waiting for a second worker."""
        styles, room = self._styles, self._room
        if styles is None or not room:
            return None
        width = column_width(len(journey.stages), room, self._label_width)
        return Drawing(draw_canvas(journey_canvas(journey), styles, width, self._label_width), width, styles)

    def on_resize(self) -> None:
        if self.journey is not None and self._column_width(self.journey) != self._width:
            self._redraw()

    def _column_width(self, journey: JourneyMap) -> int:
        self._room = self.scrollable_size.width or self.app.size.width
        return column_width(len(journey.stages), self._room, self._label_width)

    def _redraw(self) -> None:
        journey = self.journey
        if journey is None or not self.is_mounted:
            return
        self._requested += 1
        self._width = self._column_width(journey)
        self._styles = {name: self.get_component_rich_style(f"canvas--{name}") for name in STYLE_NAMES}
        self._draw(journey, self._styles, self._width, self._requested)

    @work(thread=True, exclusive=True, group="canvas")
    def _draw(self, journey: JourneyMap, styles: Styles, width: int, request: int) -> None:
        picture = draw_canvas(journey_canvas(journey), styles, width, self._label_width)
        hand_back(self, self._drawn, picture, request)

    def _drawn(self, picture: Picture, request: int) -> None:
        if request != self._requested:  # a newer map or width is on its way
            return
        self.picture = picture
        self.virtual_size = Size(picture.label_width + picture.width, len(picture.header) + len(picture.lines))
        self.refresh()
        self.post_message(self.Drawn())

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.scrollable_size.width
        picture = self.picture
        if picture is None:
            return Strip.blank(width, base)
        scroll_x, scroll_y = self.scroll_offset
        room = max(0, width - picture.label_width)
        if y < len(picture.header):
            label, line = picture.header_labels[y], picture.header[y]
        else:
            index = y - len(picture.header) + scroll_y
            if index >= len(picture.lines):
                return Strip.blank(width, base)
            label, line = picture.label_line(_label_line(picture, index, scroll_y)), picture.body_line(index)
        shown = line.crop_extend(scroll_x, scroll_x + room, None)
        return Strip.join([label, shown]).crop_extend(0, width, None).apply_style(base)
