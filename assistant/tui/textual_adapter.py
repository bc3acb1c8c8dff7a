"""The few places journey reaches into Textual's private API, kept in one module so an upgrade checks one file.

Textual is pinned to `>=8,<9` in pyproject.toml. Each function says what it reaches for and why no public API
does the same; everything else in `assistant/tui` uses Textual's public API only.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Footer, RadioSet

# The footer's key widget lives in a private module and is not exported from `textual.widgets`; the footer that
# sorts and fits its keys has to tell them apart from its other children, and read each one's key and labels.
from textual.widgets._footer import FooterKey

__all__ = ["FooterKey", "binding_table", "highlight_pressed", "mark_footer_ready"]


def binding_table(node: DOMNode) -> dict[str, list[Binding]]:
    """The node's own bindings, by key: the copy the footer, the key panel and the command palette read each
    binding's description from. Textual's keymap remaps a binding's keys by its id, but nothing public relabels a
    binding at run time, which switching language in the middle of an interview needs."""
    return node._bindings.key_to_bindings


def mark_footer_ready(footer: Footer) -> None:
    """What `Footer.bindings_changed` does before it recomposes: its `compose` yields nothing until this flag is
    set. A footer that decides itself when to recompose (only when the keys it shows change) sets it too."""
    footer._bindings_ready = True


def highlight_pressed(radio_set: RadioSet) -> None:
    """Move the radio set's keyboard highlight to its pressed button. On mount a RadioSet highlights its first
    button whatever is pressed, so Enter there would switch away from the default; the highlight has no public
    setter."""
    radio_set._selected = radio_set.pressed_index
