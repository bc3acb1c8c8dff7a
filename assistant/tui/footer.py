"""A footer that redraws only when the keys it shows change.

Textual's footer rebuilds itself on every bindings signal, and an option highlight or a focus move sends several
per answer; rebuilding once, and only for a real change, keeps answering quick on a slow machine.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 120
_FUNCTION_KEY = re.compile(r"f(\d+)")


def _key_order(widget: Widget) -> tuple[int, int]:
    """Function keys first, in number order (F1 help … F7 language), then the rest as the screen lists them."""
    found = _FUNCTION_KEY.fullmatch(widget.key) if isinstance(widget, FooterKey) else None
    return (0, int(found.group(1))) if found else (1, 0)


class KeysFooter(Footer):
    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        keys.sort(key=_key_order)
        yield from keys
        yield from (w for w in widgets if w not in keys)

    def on_mount(self) -> None:
        # Before the keys exist, so the first frame has the right padding and nothing restyles them after it.
        self.on_resize()

    def on_resize(self) -> None:
        # Below this width the usual padding would push the last keys out of sight.
        self.compact = self.app.size.width < COMPACT_BELOW

    def __init__(self) -> None:
        super().__init__()
        self._pending = False
        self._shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if self._pending or not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        self._pending = True
        self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached or not self.is_mounted:
            return
        shown = tuple(
            (key, active.binding.description, active.enabled)
            for key, active in self.screen.active_bindings.items()
            if active.binding.show
        )
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
