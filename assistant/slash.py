"""The commands a user may type in place of an answer (`/review`, `/edit 12`…), for every front end that reads text.

The plain chat reads every line that starts with `/` as a command. The app's answer box also takes free text,
where `/` may begin an answer of one's own; there a line is a command only when it is exactly one of these, so a
known command is never saved as an answer and anything else still is.
"""

from __future__ import annotations

from typing import NamedTuple

from assistant.interview.models import ReviewEntry

COMMANDS = ("/help", "/back", "/skip", "/review", "/edit", "/kinds", "/lang", "/quit")
TAKES_ARGUMENT = frozenset({"/edit", "/lang"})


class Command(NamedTuple):
    name: str
    argument: str


def split_command(text: str) -> Command:
    """`/edit 12` → ('/edit', '12'): the name in lower case, the rest stripped."""
    name, _, argument = text.strip().partition(" ")
    return Command(name.lower(), argument.strip())


def known_command(text: str) -> Command | None:
    """The command `text` is exactly: a known name, with an argument only where the command takes one
    (`/edit 12`, `/lang vi`); None for anything else, which is an answer."""
    stripped = text.strip()
    if not stripped.startswith("/") or "\n" in stripped:
        return None
    command = split_command(stripped)
    if command.name not in COMMANDS:
        return None
    if command.argument and command.name not in TAKES_ARGUMENT:
        return None
    return command


def pick_entry(argument: str, entries: list[ReviewEntry]) -> str | None:
    """The question `/edit ARGUMENT` names: its number in `/review` (every question that applies, numbered in
    order), a reference (`item@key`) or an item id (its first instance)."""
    if not argument:
        return None
    if argument.isdigit():
        number = int(argument)
        return entries[number - 1].ref if 0 < number <= len(entries) else None
    for entry in entries:
        if argument in (entry.ref, entry.item_id):
            return entry.ref
    return None
