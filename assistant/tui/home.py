"""The home screen (saved interviews) and the new-interview screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Input, Label, OptionList, RadioSet, Static
from textual.widgets.option_list import Option

from assistant import interviews
from assistant.errors import JourneyError
from assistant.i18n import SUPPORTED_LOCALES
from assistant.store import Listed
from assistant.text import shorten
from assistant.tui.footer import KeysFooter
from assistant.tui.localized import localize_bindings
from assistant.tui.radio import ChoiceButton
from assistant.tui.screens import JourneyScreen
from assistant.tui.textual_adapter import highlight_pressed

if TYPE_CHECKING:
    from assistant.bank.model import Bank

HOME_LIMIT = 500
NARROW = 120  # columns below which the list drops the language and shortens the rest (80×24 and 100×30 fit)
WIDE_COLUMNS = ("title", "preset", "language", "progress", "status", "updated")
NARROW_COLUMNS = ("title", "preset", "progress", "status", "updated")


def progress_bar(done: int, total: int, width: int) -> Text:
    ratio = done / total if total else 1.0
    filled = round(ratio * width)
    bar = Text()
    bar.append("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    bar.append(f" {round(100 * ratio):>3}%")
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

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.journey.locale)
        yield Header()
        with Vertical(id="home"):
            yield Input(placeholder=self._t("tui.home.filter"), id="filter")
            yield DataTable(id="interviews", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-empty")
            with VerticalScroll(id="welcome"):
                yield Static(self._t("tui.home.welcome"), id="welcome-text")
                yield Button(self._t("tui.home.start"), id="welcome-start", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._locale = self.journey.locale
        self.sub_title = self._t("tui.home.subtitle")
        self._fit_columns()

    def on_screen_resume(self) -> None:
        if self._locale != self.journey.locale:
            self._relabel()
        else:
            self.reload()

    def _relabel(self) -> None:
        """The user switched language inside an interview: the list follows when they come back to it."""
        self._locale = self.journey.locale
        localize_bindings(self, self._locale)
        self.refresh_bindings()
        self.sub_title = self._t("tui.home.subtitle")
        self.query_one("#filter", Input).placeholder = self._t("tui.home.filter")
        self.query_one("#welcome-text", Static).update(self._t("tui.home.welcome"))
        self.query_one("#welcome-start", Button).label = self._t("tui.home.start")
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
        table.clear()
        narrow = bool(self._narrow)
        for row in self._rows:
            cells: dict[str, str | Text] = {
                "title": shorten(row.title, 20 if narrow else 40),
                "preset": self._preset_label(row),
                "language": self._t(f"tui.language.{row.locale}") if row.locale in SUPPORTED_LOCALES else row.locale,
                "progress": progress_bar(row.done, row.total, 5 if narrow else 10),
                "status": self._t(f"tui.status.{row.status}"),
                "updated": row.updated_local[:10] if narrow else row.updated_local,
            }
            table.add_row(*(cells[key] for key in (NARROW_COLUMNS if narrow else WIDE_COLUMNS)), key=row.id)
        for index, row in enumerate(self._rows):
            if row.id == keep:
                table.move_cursor(row=index)
        empty_store = not self._rows and search is None
        self.query_one("#welcome").display = empty_store
        self.query_one("#filter").display = not empty_store
        table.display = not empty_store
        notice = self.query_one("#home-empty", Static)
        notice.display = not self._rows and search is not None
        notice.update(self._t("tui.home.no_match", search=search or ""))
        wanted = (self._locale, frozenset(row.bank_id for row in self._rows))
        if not wanted[1] <= self._labelled[1] or wanted[0] != self._labelled[0]:
            # After the first frame: loading the bank would otherwise compete with drawing the list.
            self._labelled = wanted
            self.call_after_refresh(self.load_preset_labels, wanted[0], wanted[1])
        if empty_store:
            self.query_one("#welcome-start", Button).focus()
        elif not self.query_one("#filter", Input).has_focus:
            table.focus()

    def _preset_label(self, row: Listed) -> str:
        if row.preset is None:
            return "-"
        return shorten(self._preset_labels.get((row.bank_id, row.preset), row.preset), self._preset_width())

    def _preset_width(self) -> int:
        return 12 if self._narrow else 20

    @work(thread=True, exclusive=True, group="preset-labels")
    def load_preset_labels(self, locale: str, bank_ids: frozenset[str]) -> None:
        """The presets' names in the user's language; the bank loads off the event loop, after the first paint."""
        from assistant.bank.model import localize

        labels: dict[tuple[str, str], str] = {}
        for bank_id in bank_ids:
            try:
                bank = self.journey.bank(bank_id)
            except JourneyError:
                continue
            for preset in bank.presets:
                labels[(bank.id, preset.code)] = localize(preset.label, locale, bank.default_locale)
        self.app.call_from_thread(self._show_preset_labels, labels)

    def _show_preset_labels(self, labels: dict[tuple[str, str], str]) -> None:
        self._preset_labels = labels
        table = self.query_one(DataTable)
        for row in self._rows:
            if row.id in table.rows:  # the preset column has a fixed width: patching a cell moves nothing
                table.update_cell(row.id, "preset", self._preset_label(row))

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
            if not self._rows and not self.query_one("#filter", Input).value:
                return False  # an empty database: these keys mean nothing yet, so they are not shown
            if action != "filter":
                return self._selected_row() is not None or None
        return True

    # ----- actions ---------------------------------------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_new(self) -> None:
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
            from assistant.tui.modals import ExportDialog

            self.app.push_screen(ExportDialog(row.id, row.title, row.locale))

    def action_rename(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        from assistant.tui.modals import AskText

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
        from assistant.tui.modals import Confirm

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


class NewInterview(NamedTuple):
    """What the new-interview screen hands back."""

    title: str | None
    locale: str
    preset: str | None


class NewInterviewScreen(Screen[NewInterview | None], JourneyScreen):
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel", id="new.cancel"),
        Binding("ctrl+s", "start", "tui.key.start", id="new.start"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.journey.locale)
        locale = self.journey.locale
        yield Header()
        with VerticalScroll(id="new"):
            yield Label(self._t("tui.new.title_label"), classes="field-label")
            yield Input(
                placeholder=self._t("tui.new.title_placeholder"), id="new-title", max_length=interviews.MAX_TITLE
            )
            yield Label(self._t("tui.new.language_label"), classes="field-label")
            with RadioSet(id="new-language"):
                for code in SUPPORTED_LOCALES:
                    yield ChoiceButton(self._t(f"tui.language.{code}"), value=code == locale, name=code)
            yield Label(self._t("tui.new.preset_label"), classes="field-label")
            with Horizontal(id="new-preset-row"):
                yield OptionList(*self._preset_options(), id="new-preset")
                yield Static(id="new-preset-preview")
        with Horizontal(id="new-buttons"):
            yield Button(self._t("tui.new.start"), variant="primary", id="new-start")
            yield Button(self._t("tui.cancel"), id="new-cancel")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = self._t("tui.new.subtitle")
        presets = self.query_one("#new-preset", OptionList)
        codes = [preset.code for preset in self.bank.presets]
        presets.highlighted = codes.index("general") if "general" in codes else 0
        self.query_one("#new-title", Input).focus()
        self.call_after_refresh(self._highlight_language)

    def _highlight_language(self) -> None:
        """RadioSet highlights its first button on mount; Enter there would switch away from the default."""
        highlight_pressed(self.query_one("#new-language", RadioSet))

    def _preset_options(self) -> list[Option]:
        from assistant.bank.model import localize

        return [
            Option(localize(preset.label, self.journey.locale, self.bank.default_locale), id=preset.code)
            for preset in self.bank.presets
        ]

    @on(OptionList.OptionHighlighted, "#new-preset")
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        from assistant.bank.model import localize

        preset = self.bank.preset(event.option.id)
        if preset is None:
            return
        locale, default = self.journey.locale, self.bank.default_locale
        stages = "\n".join(
            f"{number}. {localize(stage.label, locale, default)}" for number, stage in enumerate(preset.stages, 1)
        )
        text = Text(localize(preset.description, locale, default) + "\n\n")
        text.append(self._t("tui.new.stages") + "\n", style="bold")
        text.append(stages)
        self.query_one("#new-preset-preview", Static).update(text)

    @on(OptionList.OptionSelected, "#new-preset")
    @on(Button.Pressed, "#new-start")
    def action_start(self) -> None:
        try:
            title = interviews.optional_title(self.query_one("#new-title", Input).value)
        except JourneyError as error:
            self.notify(error.message(self.journey.locale), severity="error")
            return
        pressed = self.query_one("#new-language", RadioSet).pressed_button
        locale = pressed.name if pressed is not None and pressed.name else self.journey.locale
        presets = self.query_one("#new-preset", OptionList)
        highlighted = presets.highlighted
        preset = presets.get_option_at_index(highlighted).id if highlighted is not None else None
        self.dismiss(NewInterview(title, locale, preset))

    @on(Input.Submitted, "#new-title")
    def _title_done(self) -> None:
        self.query_one("#new-language", RadioSet).focus()

    @on(Button.Pressed, "#new-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
