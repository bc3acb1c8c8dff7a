"""Key descriptions and other chrome in the language the user reads, switchable while the app runs.

Textual reads a binding's description from the node's own copy of its bindings, so a screen relabels that copy
when its language changes; the i18n key of each description is the binding's `description` as declared.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from assistant.i18n import MESSAGES, t
from assistant.tui.textual_adapter import binding_table


def is_localized(node: DOMNode, key: str, binding: Binding) -> bool:
    """A binding of ours, with its description from the message catalogue: what the command palette lists."""
    keys: dict[str, str] = node.__dict__.get("_binding_message_keys", {})
    return keys.get(f"{key}:{binding.action}", "") in MESSAGES


def short_description(node: DOMNode, key: str, action: str) -> str | None:
    """The binding's label in a word, for a footer too narrow for every key's whole label; None when the catalogue
    gives it no shorter one (`tui.key.short.back` for `tui.key.back`)."""
    shorts: dict[str, str] = node.__dict__.get("_binding_short_labels", {})
    return shorts.get(f"{key}:{action}")


def localize_bindings(node: DOMNode, locale: str) -> None:
    keys: dict[str, str] = node.__dict__.setdefault("_binding_message_keys", {})
    shorts: dict[str, str] = node.__dict__.setdefault("_binding_short_labels", {})
    bindings_map = binding_table(node)
    for key, bindings in bindings_map.items():
        relabelled: list[Binding] = []
        for binding in bindings:
            identity = f"{key}:{binding.action}"
            message_key = keys.setdefault(identity, binding.description)
            if message_key in MESSAGES:
                binding = replace(binding, description=t(message_key, locale))
            short_key = f"tui.key.short.{message_key.removeprefix('tui.key.')}"
            if message_key.startswith("tui.key.") and short_key in MESSAGES:
                shorts[identity] = t(short_key, locale)
            relabelled.append(binding)
        bindings_map[key] = relabelled
