"""Textual's private API is used in one adapter module only, each use commented there; the rest of the app uses
its public API (public handlers such as `on_key`, breakpoints, messages), so an upgrade checks one file."""

from __future__ import annotations

import ast
from pathlib import Path

from textual import events
from textual.message import Message

TUI = Path(__file__).resolve().parents[2] / "assistant" / "tui"
ADAPTER = TUI / "textual_adapter.py"
# Private names of Textual's own that the app once reached for, or might: a binding table, the footer's readiness,
# a radio set's highlight and buttons, the compositor.
TEXTUAL_PRIVATE = {"_bindings", "_bindings_ready", "_selected", "_nodes", "_pressed_button", "_compositor"}
# Textual's own handlers (`_on_key`, `_on_paste`…): overriding one replaces the widget's behaviour, where the public
# `on_key` runs first and may prevent it.
PRIVATE_HANDLERS = {
    f"_{kind.handler_name}"
    for kind in vars(events).values()
    if isinstance(kind, type) and issubclass(kind, Message) and hasattr(kind, "handler_name")
}


def _modules() -> list[Path]:
    return [path for path in sorted(TUI.rglob("*.py")) if path != ADAPTER]


def test_no_private_textual_module_is_imported_outside_the_adapter() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and module.startswith("textual") and any(part.startswith("_") for part in module.split(".")):
                found.append(f"{path.name}: from {module}")
    assert not found


def test_no_private_textual_attribute_or_handler_outside_the_adapter() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in TEXTUAL_PRIVATE:
                found.append(f"{path.name}:{node.lineno}: .{node.attr}")
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in PRIVATE_HANDLERS:
                found.append(f"{path.name}:{node.lineno}: def {node.name} (a public on_… handler runs first)")
    assert not found


def test_the_handlers_checked_are_textual_s() -> None:
    assert {"_on_key", "_on_paste", "_on_click", "_on_mount"} <= PRIVATE_HANDLERS


def test_each_use_in_the_adapter_says_why() -> None:
    tree = ast.parse(ADAPTER.read_text(encoding="utf-8"))
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions and all(ast.get_docstring(function) for function in functions)
