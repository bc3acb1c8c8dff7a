"""How the obstacle reader reads the respondents' answers, read once ever and kept in the store beside them.

Reading what ten thousand customers said almost stopped them (thousands of distinct answers) takes seconds, and
every process that builds a surveyed map (each `journey export`, each start of the app) would pay it again. So an
answer is read the first time a map needs it, and its reading is written beside the answers (`survey_readings`,
tagged with `reader_fingerprint`); later loads hand the stored readings to the map, and a changed reader (its code,
its lexicon, its model) reads them again once. The import does not read: it has a budget of its own, and a file is
often imported before anyone looks at the map.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.journeymap.reading import Obstacles

Keep = Callable[[str, list[tuple[str, int, str]]], None]
"""Writes new readings: the reader's fingerprint, then (answer, the first respondent who gave it, its obstacles as
`encode` writes them) for each answer."""


class Readings:
    """The readings of a set of respondents' answers: those stored (by answer, with the fingerprint of the reader
    that read them), decoded on first need, and those read since, handed to `keep` to be stored. Without a store
    behind it (respondents made in memory), every answer is read."""

    def __init__(self, stored: Mapping[str, tuple[str, str]] | None = None, keep: Keep | None = None) -> None:
        self._stored = stored or {}
        self._keep = keep
        self._known: dict[str, Obstacles] = {}
        self._lock = threading.Lock()  # the app's analysis and an export may build maps of one set at once

    def of(self, answers: Iterable[tuple[str, int]]) -> dict[str, Obstacles]:
        """The obstacles the reader finds in each answer, given with the number of the first respondent who gave
        it (where the store keeps its reading): a stored reading of the reader as it is now is used as it was
        stored, any other answer is read, and what was read is kept."""
        from assistant.journeymap.reading import decode_all, default_reading, encode, reader_fingerprint

        with self._lock:
            known = self._known
            given = list(answers)
            wanted: dict[str, int] = {}
            for text, respondent in given:
                if text not in known:
                    wanted.setdefault(text, respondent)
            if wanted:
                fingerprint = reader_fingerprint()
                trusted: dict[str, str] = {}
                for text in wanted:
                    stored = self._stored.get(text)
                    if stored is not None and stored[0] == fingerprint:
                        trusted[text] = stored[1]
                known.update(zip(trusted, decode_all(trusted.values()), strict=True))
                reading = default_reading()
                kept: list[tuple[str, int, str]] = []
                for text, respondent in wanted.items():
                    if text not in known:
                        reads = known[text] = reading.obstacles(text)
                        kept.append((text, respondent, encode(reads)))
                if kept and self._keep is not None:
                    self._keep(fingerprint, kept)
            return {text: known[text] for text, _ in given}
