"""Dialogs and side screens: confirmation, a text prompt, help, the edit picker and export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    Label,
    LoadingIndicator,
    OptionList,
    RadioSet,
    Static,
)
from textual.widgets.option_list import Option

from assistant.errors import JourneyError
from assistant.i18n import t
from assistant.interviews import MAX_TITLE
from assistant.text import shorten
from assistant.tui.localized import localize_bindings
from assistant.tui.screens.base import JourneyScreen
from assistant.tui.threads import hand_back
from assistant.tui.widgets.radio import ChoiceButton

if TYPE_CHECKING:
    from assistant.exports import ExportFormat
    from assistant.interview.models import ReviewEntry


class Confirm(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape", "answer(False)", "tui.key.cancel", id="confirm.cancel"),
        Binding("y", "answer(True)", "tui.key.yes", show=False, id="confirm.yes"),
        Binding("n", "answer(False)", "tui.key.no", show=False, id="confirm.no"),
    ]

    def __init__(self, question: str, locale: str, *, danger: bool = False) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.locale = locale
        self.danger = danger

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.locale)
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.yes", self.locale), variant="error" if self.danger else "primary", id="yes")
                yield Button(t("tui.no", self.locale), id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class AskText(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel", id="ask.cancel")]

    def __init__(self, prompt: str, value: str, locale: str) -> None:
        super().__init__(classes="dialog")
        self.prompt = prompt
        self.value = value
        self.locale = locale

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.locale)
        with Vertical(classes="dialog-box"):
            yield Label(self.prompt, classes="dialog-text")
            yield Input(self.value, id="ask", max_length=MAX_TITLE)
            yield Static(classes="problem", id="ask-problem")

    @on(Input.Submitted, "#ask")
    def _submitted(self, event: Input.Submitted) -> None:
        from assistant.interviews import clean_title

        try:
            text = clean_title(event.value)
        except JourneyError as error:
            self.query_one("#ask-problem", Static).update(error.message(self.locale))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Why the question is asked (the article's reason), its examples, and the keys."""

    BINDINGS = [Binding("escape,f1,q", "close", "tui.key.close", id="help.close")]

    def __init__(self, body: Text, locale: str) -> None:
        super().__init__(classes="dialog")
        self.body = body
        self.locale = locale

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.locale)
        with VerticalScroll(classes="dialog-box help-box"):
            yield Static(self.body, id="help-body")
            yield Button(t("tui.close", self.locale), id="help-close")

    def on_mount(self) -> None:
        # The close button is at the bottom: focusing it must not scroll "Why this is asked" out of sight.
        self.query_one("#help-close", Button).focus(scroll_visible=False)

    @on(Button.Pressed, "#help-close")
    def action_close(self) -> None:
        self.dismiss(None)


class EditPicker(ModalScreen[str | None]):
    """Every answer given so far, filterable, each with its number in the chat's `/review` (so `/edit N` names the
    same question); choosing one reopens that question."""

    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel", id="picker.cancel")]

    def __init__(self, entries: list[tuple[int, ReviewEntry]], locale: str) -> None:
        super().__init__(classes="dialog")
        self.entries = entries
        self.locale = locale

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.locale)
        with Vertical(classes="dialog-box picker-box"):
            yield Label(t("tui.edit.title", self.locale), classes="dialog-text")
            yield Input(placeholder=t("tui.edit.filter", self.locale), id="picker-filter")
            yield OptionList(id="picker")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#picker-filter", Input).focus()

    def _fill(self, search: str) -> None:
        from assistant.text import fold

        wanted = fold(search)
        picker = self.query_one("#picker", OptionList)
        picker.clear_options()
        options: list[Option] = []
        for number, entry in self.entries:
            shown = entry.display if entry.status == "answered" else t("value.skipped", self.locale)
            line = f"{number}. {entry.step_title} · {entry.question} → {shown}"
            if wanted and wanted not in fold(line):
                continue
            label = Text(f"{number}. ", style="dim")
            label.append(shorten(entry.question, 60), style="bold")
            label.append(f"\n  {shorten(shown, 70)}", style="italic" if entry.status == "answered" else "dim")
            options.append(Option(label, id=entry.ref))
        picker.add_options(options)
        if options:
            picker.highlighted = len(options) - 1

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _to_list(self) -> None:
        self.query_one("#picker", OptionList).focus()

    @on(OptionList.OptionSelected, "#picker")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


FORMAT_KEYS: dict[str, str] = {"md": "tui.export.md", "html": "tui.export.html", "json": "tui.export.json"}


class ExportDialog(ModalScreen[Path | None], JourneyScreen):
    """Format, path (a default name in the folder used last, the first time the Documents folder), overwrite
    confirmation, then a notification; the folder is remembered for next time."""

    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel", id="export.cancel")]

    def __init__(self, interview_id: str, title: str, locale: str, folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.interview_id = interview_id
        self.map_title = title
        self.locale = locale
        self._folder = folder
        self._format: ExportFormat = "md"

    @property
    def folder(self) -> Path:
        if self._folder is None:
            from assistant.settings import export_folder

            self._folder = export_folder(self.journey.settings_path)
        return self._folder

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.locale)
        with Vertical(classes="dialog-box export-box"):
            yield Label(self._t("tui.export.title", title=self.map_title), classes="dialog-text")
            yield Label(self._t("tui.export.format"), classes="field-label")
            with RadioSet(id="export-format"):
                for code, key in FORMAT_KEYS.items():
                    yield ChoiceButton(self._t(key), value=code == "md", name=code)
            yield Label(self._t("tui.export.path"), classes="field-label")
            yield Input(self._default_path("md"), id="export-path")
            yield Static(classes="problem", id="export-problem")
            yield LoadingIndicator(id="export-busy")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._t("tui.export.save"), variant="primary", id="export-save")
                yield Button(self._t("tui.cancel"), id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-busy").display = False
        self.query_one("#export-path", Input).focus()

    def _default_path(self, file_format: ExportFormat) -> str:
        from assistant.exports import default_file_name

        return str(self.folder / default_file_name(self.map_title, file_format))

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        from assistant.exports import format_for

        previous = self._default_path(self._format)
        self._format = format_for(None, event.pressed.name)
        path_input = self.query_one("#export-path", Input)
        if path_input.value.strip() in ("", previous):
            path_input.value = self._default_path(self._format)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-save")
    def _save(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._problem(self._t("tui.export.no_path"))
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        from assistant.exports import SUFFIXES

        # What the file's name says is what it holds: a typed .html gets HTML whatever was ticked.
        self._format = SUFFIXES.get(path.suffix.lower(), self._format)
        if path.is_dir():
            self._problem(t("file.is_directory", self.locale, path=str(path)))
            return
        if path.exists():

            def overwrite(yes: bool | None) -> None:
                if yes:
                    self._write(path, force=True)

            question = self._t("tui.export.overwrite", path=str(path))
            self.app.push_screen(Confirm(question, self.locale, danger=True), overwrite)
            return
        self._write(path, force=False)

    def _problem(self, message: str) -> None:
        self.query_one("#export-problem", Static).update(message)

    def _write(self, path: Path, *, force: bool) -> None:
        self._problem("")
        self.query_one("#export-busy").display = True
        self.query_one("#export-save", Button).disabled = True
        self._export(path, force)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, path: Path, force: bool) -> None:
        """Rendering a big map takes a moment: it runs on its own connection, off the event loop."""
        from assistant.exports import export_text
        from assistant.files import write_atomically
        from assistant.store import Store

        try:
            with Store.open(self.journey.store.path) as store:
                text = export_text(store, self.interview_id, self._format)
            write_atomically(path, text, force=force)
        except JourneyError as error:
            hand_back(self, self._failed, error.message(self.locale))
            return
        hand_back(self, self._done, path)

    def _failed(self, message: str) -> None:
        self.query_one("#export-busy").display = False
        self.query_one("#export-save", Button).disabled = False
        self._problem(message)

    def _done(self, path: Path) -> None:
        settings = self.journey.settings_path
        if settings is not None:
            from assistant.settings import remember_export_folder

            remember_export_folder(settings, path.parent)
        self.app.notify(self._t("tui.export.saved", path=str(path)), title=self._t("tui.export.saved_title"))
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
