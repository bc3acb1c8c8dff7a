"""The map preview (F5): the canvas first, the document one key away, both drawn off the event loop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, OptionList
from textual.widgets.option_list import Option

from assistant.i18n import t
from assistant.tui.localized import localize_bindings
from assistant.tui.threads import hand_back
from assistant.tui.widgets.canvas import JourneyCanvas
from assistant.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from assistant.interview.state import InterviewState
    from assistant.journeymap.model import JourneyMap
    from assistant.tui.widgets.document import DocumentView, Section


def same_answers(built: InterviewState, now: InterviewState) -> bool:
    """Whether a map built from the snapshot `built` is still the map of `now`. The engine replaces an answer's
    record and never changes one in place, so comparing the records by identity is exact and takes microseconds."""
    if built.locale != now.locale or built.repeats != now.repeats or len(built.answers) != len(now.answers):
        return False
    answers = now.answers
    return all(answers.get(ref) is record for ref, record in built.answers.items())


class MapScreen(Screen[None]):
    """The map as it stands: the canvas, or the document with its table of contents."""

    BINDINGS = [
        Binding("escape,f5", "close", "tui.key.back_to_interview", id="map-preview.close"),
        Binding("f6", "export", "tui.key.export", id="map-preview.export"),
        Binding("d", "document", "tui.key.document", id="map-preview.document"),
        Binding("c", "canvas", "tui.key.canvas", id="map-preview.canvas"),
        Binding("t", "toggle_contents", "tui.key.contents", id="map-preview.contents"),
    ]

    def __init__(self, journey: JourneyMap, interview_id: str, title: str, locale: str) -> None:
        super().__init__()
        self.map = journey
        self.interview_id = interview_id
        self.map_title = title
        self.locale = locale
        self.document: DocumentView | None = None
        self._parts: list[Section] | None = None
        self._preparing = False

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.locale)
        yield Header()
        with ContentSwitcher(initial="map-canvas", id="map-views"):
            yield JourneyCanvas(self.map, id="map-canvas")
            yield Horizontal(id="map-document")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = t("tui.map.subtitle", self.locale, title=self.map_title)
        self.query_one(JourneyCanvas).focus()

    @property
    def showing(self) -> str:
        return self.query_one(ContentSwitcher).current or "map-canvas"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "document":
            return self.showing == "map-canvas"
        if action in ("canvas", "toggle_contents"):
            return self.showing == "map-document"
        return True

    def action_document(self) -> None:
        self.query_one(ContentSwitcher).current = "map-document"
        self.refresh_bindings()
        if self.document is not None:
            self.document.focus()
        elif self._parts is not None:
            self._show_document(self._parts)
        else:
            self._prepare_document()

    def action_canvas(self) -> None:
        self.query_one(ContentSwitcher).current = "map-canvas"
        self.refresh_bindings()
        self.query_one(JourneyCanvas).focus()

    @on(JourneyCanvas.Drawn)
    def _canvas_drawn(self) -> None:
        """With the canvas on the screen, the document's text is read in the background, so the key that opens it
        only has to draw its first screen."""
        self._prepare_document()

    def _prepare_document(self) -> None:
        if not self._preparing:
            self._preparing = True
            self._read_document(self.map)

    @work(thread=True, exclusive=True, group="document")
    def _read_document(self, journey: JourneyMap) -> None:
        from assistant.journeymap.markdown import render_markdown
        from assistant.tui.widgets.document import sections

        parts = sections(render_markdown(journey))
        hand_back(self, self._document_read, parts)

    def _document_read(self, parts: list[Section]) -> None:
        self._parts = parts
        if self.showing == "map-document" and self.document is None:
            self._show_document(parts)

    def _show_document(self, parts: list[Section]) -> None:
        from assistant.tui.widgets.document import DocumentView

        document = DocumentView(parts, id="map-doc")
        contents = OptionList(
            *(
                Option(("  " if part.level == 3 else "") + part.title, id=str(index))
                for index, part in enumerate(parts)
                if part.level in (2, 3)
            ),
            id="map-contents",
        )
        self.document = document
        self.query_one("#map-document", Horizontal).mount_all([contents, document])
        document.focus()

    @on(OptionList.OptionSelected, "#map-contents")
    def _go_to(self, event: OptionList.OptionSelected) -> None:
        if self.document is not None and event.option.id is not None:
            self.document.go_to(int(event.option.id))
            self.document.focus()

    def action_toggle_contents(self) -> None:
        contents = self.query("#map-contents")
        if contents:
            contents.first().display = not contents.first().display

    def action_export(self) -> None:
        from assistant.tui.dialogs.modals import ExportDialog

        self.app.push_screen(ExportDialog(self.interview_id, self.map_title, self.locale))

    def action_close(self) -> None:
        self.dismiss(None)
