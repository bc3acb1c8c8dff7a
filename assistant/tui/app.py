"""`journey` with no arguments: the saved interviews, the guided interview, the live map and export.

The command line opens the store before the app starts, so a damaged database is a sentence on the terminal,
not a broken screen. Every answer is committed by the session before the next question shows; quitting, SIGTERM
and SIGHUP only have the half-typed answer left to save, as a draft.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual.app import App, SystemCommand

if TYPE_CHECKING:
    from assistant.bank.model import Bank
from textual.binding import Binding
from textual.screen import Screen

from assistant.i18n import t
from assistant.settings import load_settings, save_setting
from assistant.store import Store
from assistant.tui.localized import is_localized, localize_bindings

StartAt = Literal["home", "new", "resume"]
DEFAULT_BANK = "customer-journey"
SIGNAL_EXIT_GRACE = 3.0


class JourneyApp(App[None]):
    CSS_PATH = "journey.tcss"
    TITLE = "journey"
    BINDINGS = [
        # Shown in the home screen's footer; on the interview screen the room goes to the interview's own keys.
        Binding("ctrl+q", "quit", "tui.key.quit", show=False, priority=True, id="app.quit"),
        Binding("ctrl+p", "command_palette", "tui.key.palette", show=False, priority=True, id="app.palette"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        locale: str,
        start: StartAt = "home",
        interview_id: str | None = None,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.locale = locale
        self.start_at = start
        self.start_interview_id = interview_id
        self.settings_path = settings_path
        self._theme_ready = False
        self._banks: dict[str, Bank] = {}
        saved_theme = load_settings(settings_path).get("theme") if settings_path else None
        if saved_theme and saved_theme in self.available_themes:
            self.theme = saved_theme
        localize_bindings(self, locale)

    def on_mount(self) -> None:
        self._theme_ready = True
        if not self.is_headless:
            loop = asyncio.get_running_loop()
            for signal_number in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signal_number, self._on_signal)
        if self.start_at == "new":
            self.call_after_refresh(self.screen.run_action, "new")
        elif self.start_at == "resume" and self.start_interview_id is not None:
            self.open_interview(self.start_interview_id)

    def get_default_screen(self) -> Screen[None]:
        """The list of interviews is the app's first screen: drawn directly, not pushed over an empty one that would
        be composed and painted first."""
        from assistant.tui.screens.home import HomeScreen

        return HomeScreen()

    def watch_theme(self, theme: str) -> None:
        if self._theme_ready and self.settings_path is not None:
            save_setting(self.settings_path, "theme", theme)

    # ----- opening interviews ---------------------------------------------------------------------------

    def open_interview(self, interview_id: str) -> None:
        from assistant.session import Session
        from assistant.tui.screens.interview import InterviewScreen

        self.push_screen(InterviewScreen(Session.resume(self.store, interview_id), resumed=True))

    def bank(self, bank_id: str = DEFAULT_BANK) -> Bank:
        """An installed bank, loaded and validated once per run: the list's preset names, the new-interview
        screen and starting an interview all need it. A worker calls this too; at worst two threads load it once
        each."""
        bank = self._banks.get(bank_id)
        if bank is None:
            from assistant.bank.loader import find_bank

            bank = self._banks[bank_id] = find_bank(bank_id).bank
        return bank

    def start_interview(self, title: str | None, locale: str, preset: str | None) -> None:
        from assistant.session import Session
        from assistant.tui.screens.interview import InterviewScreen

        session = Session.start(self.store, self.bank(), locale, preset, title)
        self.push_screen(InterviewScreen(session, resumed=False))

    # ----- leaving ---------------------------------------------------------------------------------------

    def save_drafts(self) -> None:
        # By the screens' own method rather than an isinstance check: quitting from the list would otherwise import
        # the whole interview screen (and the engine behind it) on the way out.
        for screen in self.screen_stack:
            save_draft = getattr(screen, "save_draft", None)
            if callable(save_draft):
                save_draft()

    def save_and_exit(self) -> None:
        self.save_drafts()
        self.exit()

    def _on_signal(self) -> None:
        """SIGTERM or SIGHUP: keep the draft, leave cleanly. When the terminal is already gone (SIGHUP after a
        closed window), Textual's output thread can wait forever on writes nobody reads; everything is saved by
        then, so a watchdog ends the process if the clean exit has not within a few seconds."""
        self.save_drafts()
        watchdog = threading.Timer(SIGNAL_EXIT_GRACE, os._exit, args=(0,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()

    async def action_quit(self) -> None:
        self.save_and_exit()

    # ----- the command palette: every key of the screen, under its own name ----------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own entries (theme, keys, screenshot…) are English only: the two that matter, translated.
        yield SystemCommand(t("tui.palette.theme", self.locale), t("tui.palette.theme_help", self.locale),
                            self.action_change_theme)  # fmt: skip
        yield SystemCommand(t("tui.palette.keys", self.locale), t("tui.palette.keys_help", self.locale),
                            self.action_show_help_panel)  # fmt: skip
        seen: set[str] = {"command_palette"}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not is_localized(active.node, key, binding) or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            node = active.node
            action = binding.action
            yield SystemCommand(
                binding.description,
                t("tui.palette.key", self.locale, key=binding.key_display or binding.key),
                lambda node=node, action=action: self.call_later(node.run_action, action),
            )
