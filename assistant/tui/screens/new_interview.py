"""The new-interview screen: a title, the language, and a preset whose stages show before the interview starts.

Its own module, imported when it is opened: the list, which every start-up shows, does not pay for its widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, OptionList, RadioSet, Static
from textual.widgets.option_list import Option

from assistant import interviews
from assistant.errors import JourneyError
from assistant.i18n import SUPPORTED_LOCALES
from assistant.tui.localized import localize_bindings
from assistant.tui.screens.base import JourneyScreen
from assistant.tui.textual_adapter import highlight_pressed
from assistant.tui.widgets.footer import KeysFooter
from assistant.tui.widgets.radio import ChoiceButton

if TYPE_CHECKING:
    from assistant.bank.model import Bank


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

    def _chosen_locale(self) -> str:
        """The interview's language as chosen in the form: what its presets' names and stages are shown in, since
        they become the interview's own text (the form's labels stay in the app's language)."""
        if not self.is_mounted:
            return self.journey.locale
        pressed = self.query_one("#new-language", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else self.journey.locale

    def _preset_options(self) -> list[Option]:
        from assistant.bank.model import localize

        locale = self._chosen_locale()
        return [
            Option(localize(preset.label, locale, self.bank.default_locale), id=preset.code)
            for preset in self.bank.presets
        ]

    @on(RadioSet.Changed, "#new-language")
    def _language_chosen(self) -> None:
        presets = self.query_one("#new-preset", OptionList)
        highlighted = presets.highlighted
        presets.clear_options()
        presets.add_options(self._preset_options())
        presets.highlighted = highlighted

    @on(OptionList.OptionHighlighted, "#new-preset")
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        from assistant.bank.model import localize

        preset = self.bank.preset(event.option.id)
        if preset is None:
            return
        locale, default = self._chosen_locale(), self.bank.default_locale
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
        locale = self._chosen_locale()
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
