"""A footer that shows whole keys only, and redraws only when the keys it shows change.

Textual's footer rebuilds itself on every bindings signal, and an option highlight or a focus move sends several
per answer; rebuilding once, and only for a real change, keeps answering quick on a slow machine. On a narrow
terminal it labels the keys in a word, where the catalogue has a shorter label, and shows the keys that fit whole,
function keys first, and always the command palette's key at the right, where every action is listed by name: a
key is never cut in half ("^p palettec").
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from assistant.tui.localized import short_description
from assistant.tui.textual_adapter import FooterKey, mark_footer_ready

COMPACT_BELOW = 120
_FUNCTION_KEY = re.compile(r"f(\d+)")


def _key_order(widget: FooterKey) -> tuple[int, int]:
    """Function keys first, in number order (F1 help … F7 language), then Esc (the way out of the screen), then the
    focused widget's own keys as it lists them: Enter to send is on the answer box itself."""
    found = _FUNCTION_KEY.fullmatch(widget.key)
    if found:
        return (0, int(found.group(1)))
    return (1, 0) if widget.key == "escape" else (2, 0)


def key_width(key: FooterKey, *, compact: bool, palette: bool = False) -> int:
    """The cells a key takes in the footer, as Textual's footer styles lay it out. Wide: a space either side of the
    key, the description and a space after it. Compact: the key, a space and the description, then a margin, or
    for the palette's key (docked at the right) a border on its left instead; wide, that key also has a border and
    a padding on its right."""
    keys, description = cell_len(key.key_display), cell_len(key.description)
    if compact:
        return keys + (1 + description if description else 0) + 1
    return keys + 2 + (description + 1 if description else 0) + (2 if palette else 0)


class KeysFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._pending = False
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        width = self.app.size.width
        self.compact = width < COMPACT_BELOW  # below this the usual padding pushes the last keys out of sight
        widgets: list[Widget] = list(super().compose())
        palette = [w for w in widgets if isinstance(w, FooterKey) and w.has_class("-command-palette")]
        keys = sorted((w for w in widgets if isinstance(w, FooterKey) and w not in palette), key=_key_order)
        room = width - sum(key_width(w, compact=self.compact, palette=True) for w in palette)
        if sum(key_width(key, compact=self.compact) for key in keys) > room:
            for key in keys:  # every key in a word rather than the last ones out of sight
                active = self.screen.active_bindings.get(key.key)
                short = short_description(active.node, key.key, key.action) if active is not None else None
                if short and cell_len(short) < cell_len(key.description):
                    key.description = short
        for key in keys:
            needed = key_width(key, compact=self.compact)
            if needed <= room:
                room -= needed
                yield key
        yield from (w for w in widgets if not isinstance(w, FooterKey))
        yield from palette

    def on_resize(self) -> None:
        self._schedule()

    def bindings_changed(self, screen: Screen[object]) -> None:
        mark_footer_ready(self)
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        self._schedule()

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached or not self.is_mounted:
            return
        shown = (
            self.app.size.width,
            *(
                (key, active.binding.description, active.enabled)
                for key, active in self.screen.active_bindings.items()
                if active.binding.show
            ),
        )
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
