"""The home screen (saved interviews) and the new-interview screen."""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Input, Static

from assistant import interviews
from assistant.errors import JourneyError
from assistant.i18n import SUPPORTED_LOCALES
from assistant.store import Listed
from assistant.text import shorten
from assistant.tui.localized import localize_bindings
from assistant.tui.screens.base import JourneyScreen
from assistant.tui.widgets.footer import KeysFooter

HOME_LIMIT = 500
BANK_PREFETCH_AFTER = 1.0
"""Seconds after the list is shown before the bank is loaded for the new-interview screen."""
NARROW = 120  # columns below which the list drops the language and shortens the rest (80×24 and 100×30 fit)
WIDE_COLUMNS = ("title", "preset", "language", "progress", "status", "updated")
NARROW_COLUMNS = ("title", "preset", "progress", "status", "updated")


def progress_bar(done: int, total: int, width: int) -> Text:
    ratio = done / total if total else 1.0
    filled = round(ratio * width)
    bar = Text()
    bar.append("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    bar.append(f" {interviews.percent_done(done, total):>3}%")
    return bar


class HomeScreen(Screen[None], JourneyScreen):
    AUTO_FOCUS = "#interviews"
    BINDINGS = [
        Binding("n", "new", "tui.key.new", id="home.new"),
        Binding("enter", "resume", "tui.key.resume", show=False, id="home.resume"),
        Binding("e", "export", "tui.key.export", id="home.export"),
        Binding("r", "rename", "tui.key.rename", id="home.rename"),
        Binding("d", "delete", "tui.key.delete", id="home.delete"),
        Binding("c", "duplicate", "tui.key.duplicate", id="home.duplicate"),
        Binding("slash", "filter", "tui.key.filter", id="home.filter"),
        Binding("ctrl+q", "app.quit", "tui.key.quit", priority=True, id="home.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Listed] = []
        self._preset_labels: dict[tuple[str, str], str] = {}
        self._narrow: bool | None = None
        self._locale = ""
        self._labelled: tuple[str, frozenset[str]] = ("", frozenset())
        self._fresh = False

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.journey.locale)
        yield Header()
        with Vertical(id="home"):
            yield Input(placeholder=self._t("tui.home.filter"), id="filter")
            yield DataTable(id="interviews", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-empty")
            # The welcome (a scroll view and a button, whose styles cost start-up time) is built only for an empty
            # database, the one time it is shown; see `_welcome`.
            yield VerticalScroll(id="welcome")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._locale = self.journey.locale
        self.sub_title = self._t("tui.home.subtitle")
        self._fit_columns()
        self._fresh = True
        self.set_timer(BANK_PREFETCH_AFTER, self._load_bank)

    def on_screen_resume(self) -> None:
        if self._fresh:  # the list was just read on mount; reading it again would only redraw it
            self._fresh = False
        elif self._locale != self.journey.locale:
            self._relabel()
        else:
            self.reload()

    def _welcome(self) -> VerticalScroll:
        welcome = self.query_one("#welcome", VerticalScroll)
        if not welcome.children:
            welcome.mount_all(
                [
                    Static(self._t("tui.home.welcome"), id="welcome-text"),
                    Button(self._t("tui.home.start"), id="welcome-start", variant="primary"),
                ]
            )
        return welcome

    def _relabel(self) -> None:
        """The user switched language inside an interview: the list follows when they come back to it."""
        self._locale = self.journey.locale
        localize_bindings(self, self._locale)
        self.refresh_bindings()
        self.sub_title = self._t("tui.home.subtitle")
        self.query_one("#filter", Input).placeholder = self._t("tui.home.filter")
        welcome = self.query_one("#welcome", VerticalScroll)
        if welcome.children:
            welcome.query_one("#welcome-text", Static).update(self._t("tui.home.welcome"))
            welcome.query_one("#welcome-start", Button).label = self._t("tui.home.start")
        self._preset_labels = {}
        self._labelled = ("", frozenset())
        self._narrow = None
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        narrow = self.app.size.width < NARROW
        if narrow == self._narrow:
            return
        self._narrow = narrow
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for key in NARROW_COLUMNS if narrow else WIDE_COLUMNS:
            # The preset's name arrives after the first frame: a fixed width keeps the columns from jumping.
            width = self._preset_width() if key == "preset" else None
            table.add_column(self._t(f"tui.home.col.{key}"), key=key, width=width)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """The list as the store has it now, keeping the cursor on the same interview when it is still there."""
        table = self.query_one(DataTable)
        selected = self._selected_row()
        keep = select or (selected.id if selected is not None else None)
        search = self.query_one("#filter", Input).value.strip() or None
        self._rows = self.journey.store.listing(search=search, limit=HOME_LIMIT)
        self._label_presets()
        table.clear()
        narrow = bool(self._narrow)
        for row in self._rows:
            cells: dict[str, str | Text] = {
                "title": shorten(row.title, 20 if narrow else 40),
                "preset": self._preset_label(row),
                "language": self._t(f"tui.language.{row.locale}") if row.locale in SUPPORTED_LOCALES else row.locale,
                "progress": progress_bar(row.done, row.total, 5 if narrow else 10),
                "status": self._status(row, narrow),
                "updated": row.updated_local[:10] if narrow else row.updated_local,
            }
            table.add_row(*(cells[key] for key in (NARROW_COLUMNS if narrow else WIDE_COLUMNS)), key=row.id)
        for index, row in enumerate(self._rows):
            if row.id == keep:
                table.move_cursor(row=index)
        empty_store = not self._rows and search is None
        self.query_one("#welcome").display = empty_store
        if empty_store:
            self._welcome()
        self.query_one("#filter").display = not empty_store
        table.display = not empty_store
        notice = self.query_one("#home-empty", Static)
        notice.display = not self._rows and search is not None
        notice.update(self._t("tui.home.no_match", search=search or ""))
        if empty_store:
            self.call_after_refresh(self._focus_start)
        elif not self.query_one("#filter", Input).has_focus:
            table.focus()

    def _status(self, row: Listed, narrow: bool) -> str:
        """A completed interview that skipped questions says how many: "Completed" alone read as fully answered."""
        if row.status == "completed" and row.skipped:
            key = "tui.status.completed_skipped.narrow" if narrow else "tui.status.completed_skipped"
            return self._t(key, answered=max(row.done - row.skipped, 0), skipped=row.skipped)
        return self._t(f"tui.status.{row.status}")

    def _focus_start(self) -> None:
        for button in self.query("#welcome-start").results(Button):
            button.focus()

    def _preset_label(self, row: Listed) -> str:
        if row.preset is None:
            return "-"
        return shorten(self._preset_labels.get((row.bank_id, row.preset), row.preset), self._preset_width())

    def _preset_width(self) -> int:
        return 12 if self._narrow else 20

    def _label_presets(self) -> None:
        """The presets' names in the user's language, from the saved bank snapshots: a query, not a bank load, so
        the first frame already shows them and nothing in the list changes after it."""
        wanted = (self._locale, frozenset(row.bank_id for row in self._rows))
        if wanted[1] <= self._labelled[1] and wanted[0] == self._labelled[0]:
            return
        self._labelled = wanted
        try:
            self._preset_labels = self.journey.store.preset_labels(self._locale)
        except JourneyError:
            self._preset_labels = {}  # a damaged snapshot: the codes are shown instead

    @work(thread=True, exclusive=True, group="bank")
    def _load_bank(self) -> None:
        """The installed bank, ready for the new-interview screen, loaded off the event loop once the list has
        been on the screen a moment: earlier, it would compete with drawing the first frames."""
        with contextlib.suppress(JourneyError):  # the new-interview screen says what is wrong, when asked for
            self.journey.bank()

    def _selected_row(self) -> Listed | None:
        table = self.query_one(DataTable)
        if not table.display or not 0 <= table.cursor_row < len(self._rows):
            return None
        return self._rows[table.cursor_row]

    # ----- events ----------------------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter(self) -> None:
        self.reload()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        if self._rows:
            self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_resume()

    @on(Button.Pressed, "#welcome-start")
    def _welcome_start(self) -> None:
        self.action_new()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("resume", "export", "rename", "delete", "duplicate", "filter"):
            if not self.is_mounted:
                return False  # a key typed while the list is still being built

            if not self._rows and not self.query_one("#filter", Input).value:
                return False  # an empty database: these keys mean nothing yet, so they are not shown
            if action != "filter":
                return self._selected_row() is not None or None
        return True

    # ----- actions ---------------------------------------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_new(self) -> None:
        from assistant.tui.screens.new_interview import NewInterview, NewInterviewScreen

        def started(choice: NewInterview | None) -> None:
            if choice is not None:
                self.journey.start_interview(choice.title, choice.locale, choice.preset)

        self.app.push_screen(NewInterviewScreen(self.journey.bank()), started)

    def action_resume(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.journey.open_interview(row.id)

    def action_export(self) -> None:
        row = self._selected_row()
        if row is not None:
            from assistant.tui.dialogs.modals import ExportDialog

            self.app.push_screen(ExportDialog(row.id, row.title, row.locale))

    def action_rename(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        from assistant.tui.dialogs.modals import AskText

        def renamed(title: str | None) -> None:
            if title:
                renamed_row = interviews.rename(self.journey.store, row.id, title)
                self.reload(select=row.id)
                self.notify(self._t("tui.home.renamed", title=renamed_row.title))

        self.app.push_screen(AskText(self._t("tui.home.rename_prompt"), row.title, self.journey.locale), renamed)

    def action_delete(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        from assistant.tui.dialogs.modals import Confirm

        def confirmed(yes: bool | None) -> None:
            if yes:
                interviews.delete(self.journey.store, row.id)
                self.reload()
                self.notify(self._t("tui.home.deleted", title=row.title))

        question = self._t("tui.home.delete_confirm", title=row.title, done=row.done)
        self.app.push_screen(Confirm(question, self.journey.locale, danger=True), confirmed)

    def action_duplicate(self) -> None:
        row = self._selected_row()
        if row is not None:
            copy = interviews.duplicate(self.journey.store, row.id, self.journey.locale)
            self.reload(select=copy.id)
            self.notify(self._t("tui.home.duplicated", title=copy.title))
