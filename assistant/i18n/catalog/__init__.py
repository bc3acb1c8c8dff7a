"""The message catalogue: one module per part of the product, each a dict of key -> (Vietnamese, English).

Placeholders use `str.format` names. An English text that depends on a number is a `Plural`; Vietnamese does not
inflect nouns for number ("1 câu trả lời", "3 câu trả lời"), so its text is always a plain string.
"""

from __future__ import annotations

from typing import NamedTuple


class Plural(NamedTuple):
    """English forms chosen by the number in the parameter `by`: `one` for exactly 1, `other` otherwise."""

    one: str
    other: str
    by: str = "count"


Message = tuple[str, str | Plural]
Messages = dict[str, Message]
