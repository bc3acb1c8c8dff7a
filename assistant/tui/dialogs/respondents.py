"""The customers' answers in the app: a dialog to import a spreadsheet of survey responses into the interview (the
same import as `journey respondents import`), the respondent count on the interview screen, and the respondents
loaded once for the map the screen rebuilds after every answer."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, DirectoryTree, Input, Label, ProgressBar, Static

from assistant.errors import JourneyError
from assistant.i18n import t
from assistant.tui.localized import localize_bindings
from assistant.tui.screens.base import JourneyScreen
from assistant.tui.threads import hand_back

if TYPE_CHECKING:
    from assistant.survey.model import Respondents

SPREADSHEETS = (".csv", ".txt", ".tsv")
PROGRESS_SECONDS = 0.1


# ----- the respondents a screen's map is built with ----------------------------------------------------------------

_loaded: dict[tuple[Path, str], Respondents | None] = {}
_loading = threading.Lock()


def respondents_of(database: Path, interview_id: str) -> Respondents | None:
    """The interview's respondents, read on first need with a connection of the calling thread (the app's workers
    build maps off the event loop) and kept until an import or a removal changes them."""
    key = (database, interview_id)
    with _loading:
        if key not in _loaded:
            from assistant.store import Store

            with Store.open(database) as store:
                _loaded[key] = store.respondents(interview_id)
        return _loaded[key]


def forget_respondents(database: Path, interview_id: str) -> None:
    with _loading:
        _loaded.pop((database, interview_id), None)


def show_respondent_count(screen: Screen[Any], count: int, locale: str) -> None:
    """The count under the interview's steps, once there is one: the map has customers in it."""
    found = screen.query("#respondent-count")
    if count == 0:
        found.remove()
        return
    text = t("survey.tui.sidebar", locale, count=count)
    if found:
        found.first(Static).update(text)
    elif screen.query("#sidebar"):
        screen.query_one("#sidebar").mount(RespondentCount(text, id="respondent-count"))


class RespondentCount(Static):
    DEFAULT_CSS = """
    RespondentCount { margin-top: 1; color: $text-muted; }
    """


# ----- the import dialog ---------------------------------------------------------------------------------------


class SpreadsheetTree(DirectoryTree):
    """The folder's spreadsheets of responses, and its folders to look into."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if path.is_dir() or path.suffix.lower() in SPREADSHEETS]


class RespondentsDialog(ModalScreen[bool], JourneyScreen):
    """A file of survey responses picked or typed, imported off the event loop with its progress, and what the import
    says at the end; the dialog returns whether respondents were added."""

    DEFAULT_CSS = """
    RespondentsDialog .respondents-box { width: 90; }
    RespondentsDialog #respondents-files { height: 6; border: round $primary 50%; }
    RespondentsDialog #respondents-progress { margin-top: 1; }
    RespondentsDialog #respondents-scroll { height: auto; max-height: 7; margin-top: 1; }
    RespondentsDialog #respondents-report { height: auto; }
    """
    BINDINGS = [Binding("escape", "close", "tui.key.cancel", id="respondents.close")]

    def __init__(self, database: Path, interview_id: str, title: str, locale: str, folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.database = database
        self.interview_id = interview_id
        self.map_title = title
        self.locale = locale
        self.folder = folder or Path.cwd()
        self.changed = False
        self._drawn = 0.0

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.locale)
        with Vertical(classes="dialog-box respondents-box"):
            yield Label(self._t("survey.tui.title", title=self.map_title), classes="dialog-text")
            yield Static(id="respondents-count")
            yield Label(self._t("survey.tui.file"), classes="field-label")
            yield SpreadsheetTree(self.folder, id="respondents-files")
            yield Input(str(self.folder) + "/", id="respondents-path")
            yield Checkbox(self._t("survey.tui.keep_personal"), id="respondents-personal")
            yield ProgressBar(total=1, show_eta=False, id="respondents-progress")
            with VerticalScroll(id="respondents-scroll"):
                yield Static(id="respondents-report")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._t("survey.tui.import"), variant="primary", id="respondents-import")
                yield Button(self._t("survey.tui.close"), id="respondents-close")

    def on_mount(self) -> None:
        self.query_one("#respondents-progress").display = False
        self.query_one("#respondents-path", Input).focus()
        self._count()

    @work(thread=True, exclusive=True, group="respondents-count")
    def _count(self) -> None:
        from assistant.store import Store

        with Store.open(self.database) as store:
            batches = store.survey_batches(self.interview_id)
        from assistant.survey.report import respondents_total

        text = respondents_total(batches, self.locale) if batches else self._t("survey.tui.none")
        hand_back(self, self._show_count, text)

    def _show_count(self, text: str) -> None:
        self.query_one("#respondents-count", Static).update(text)

    @on(DirectoryTree.FileSelected, "#respondents-files")
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#respondents-path", Input).value = str(event.path)

    @on(Input.Submitted, "#respondents-path")
    @on(Button.Pressed, "#respondents-import")
    def _import(self) -> None:
        raw = self.query_one("#respondents-path", Input).value.strip()
        path = Path(raw).expanduser() if raw else None
        if path is not None and not path.is_absolute():
            path = self.folder / path
        if path is None or path.is_dir():
            self._report(self._t("survey.tui.no_file"), problem=True)
            return
        self._report("")
        self.query_one("#respondents-import", Button).disabled = True
        bar = self.query_one("#respondents-progress", ProgressBar)
        bar.update(total=1, progress=0)
        bar.display = True
        self._run(path, self.query_one("#respondents-personal", Checkbox).value)

    @work(thread=True, exclusive=True, group="respondents-import")
    def _run(self, path: Path, keep_personal: bool) -> None:
        """The import on its own connection, off the event loop, its progress sent back now and then."""
        from assistant.store import Store
        from assistant.survey.importer import ImportOptions, import_responses
        from assistant.survey.report import import_summary
        from assistant.survey.service import interview_survey

        try:
            with Store.open(self.database) as store:
                survey = interview_survey(store, self.interview_id)
                report = import_responses(
                    store, self.interview_id, path, survey, ImportOptions(keep_personal=keep_personal), self._progress
                )
        except JourneyError as error:
            hand_back(self, self._failed, error.message(self.locale))
            return
        forget_respondents(self.database, self.interview_id)
        summary = import_summary(report, self.locale, keep_hint="survey.summary.keep_box")
        hand_back(self, self._done, summary, report.imported)

    def _progress(self, rows: int, done: int, size: int) -> None:
        now = time.monotonic()
        if now - self._drawn >= PROGRESS_SECONDS:
            self._drawn = now
            hand_back(self, self._advance, rows, done, size)

    def _advance(self, rows: int, done: int, size: int) -> None:
        self.query_one("#respondents-progress", ProgressBar).update(total=max(size, 1), progress=done)
        self._report(self._t("survey.tui.reading", rows=f"{rows:,}"))

    def _failed(self, message: str) -> None:
        self.query_one("#respondents-progress").display = False
        self.query_one("#respondents-import", Button).disabled = False
        self._report(message, problem=True)

    def _done(self, summary: list[str], imported: int) -> None:
        self.changed = True
        self.query_one("#respondents-progress").display = False
        self.query_one("#respondents-import", Button).disabled = False
        self._report("\n".join(summary))
        self.app.notify(self._t("survey.tui.imported", count=imported), title=self._t("survey.tui.imported_title"))
        self._count()

    def _report(self, text: str, *, problem: bool = False) -> None:
        report = self.query_one("#respondents-report", Static)
        report.set_class(problem, "problem")
        report.update(text)

    @on(Button.Pressed, "#respondents-close")
    def action_close(self) -> None:
        self.dismiss(self.changed)
