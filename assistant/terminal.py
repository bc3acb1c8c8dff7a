"""What journey writes to a terminal: one sanitizer for every line, so text a user or a file brought in (a title,
an answer, an imported conversation) can never move the cursor, retitle the window, recolour the screen or make
a line read backwards."""

from __future__ import annotations

import re
import sys
from typing import TextIO

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


def _shown(match: re.Match[str]) -> str:
    character = match.group()
    if character in _BIDI:
        return ""
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)  # the control's own picture: ␛ for escape, so tampering shows without acting
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def for_terminal(text: str) -> str:
    """`text` with control characters shown as symbols and bidi controls dropped; new lines and tabs kept."""
    return _UNSAFE.sub(_shown, text)


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """click.echo, through the sanitizer."""
    import click

    click.echo(for_terminal(text), err=err, nl=nl)


def echo_data(text: str, *, nl: bool = True, stream: TextIO | None = None) -> None:
    """Data a command prints for a script or a file (an export, JSON): written exactly as it is when it goes to a
    pipe or a file, sanitized only when it lands on a terminal."""
    import click

    out = stream or sys.stdout
    click.echo(for_terminal(text) if out.isatty() else text, nl=nl, file=out)
