"""The obstacle reader as the analysis uses it: every sentence read once per process, however often a map is
rebuilt (the app rebuilds it after each answer) or a sentence is looked at (as a mention, as an idea that may fit
it, as a resource that may remove it); and readings kept beyond the process (the survey's, in the store), written
and read back with `encode` and `decode_all`."""

from __future__ import annotations

import hashlib
import importlib
import json
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from assistant.journeymap.learned import bundled_model_path
from assistant.journeymap.lexicon import bundled_lexicon_path
from assistant.journeymap.reader import ObstacleReader, ReadObstacle

_CACHE_SIZE = 65_536  # a survey of thousands of customers is thousands of sentences, read again at every answer

Obstacles = tuple[ReadObstacle, ...]


class Reading:
    def __init__(self, reader: ObstacleReader) -> None:
        self.reader = reader
        self._read = lru_cache(maxsize=_CACHE_SIZE)(lambda text: tuple(reader.read(text)))
        self._classify = lru_cache(maxsize=_CACHE_SIZE)(reader.classify)
        self._says_none = lru_cache(maxsize=_CACHE_SIZE)(reader.says_none)

    def forget(self) -> None:
        """Read every sentence afresh (a benchmark's cold start)."""
        for cached in (self._read, self._classify, self._says_none):
            cached.cache_clear()
        self.reader.forget()

    def read(self, text: str) -> list[ReadObstacle]:
        return list(self._read(text))

    def classify(self, clause: str) -> ReadObstacle:
        return self._classify(clause)

    def says_none(self, text: str) -> bool:
        return self._says_none(text)

    def same_theme(self, a: ReadObstacle, b: ReadObstacle) -> bool:
        return self.reader.same_theme(a, b)

    def terms(self, text: str) -> frozenset[str]:
        """The meaning words of a whole answer (all its obstacles), or of the text read as one clause."""
        reads = self.read(text) or [self.classify(text)]
        return frozenset().union(*(read.terms for read in reads))


@lru_cache(maxsize=1)
def default_reading() -> Reading:
    return Reading(ObstacleReader.load())


def encode(reads: Obstacles) -> str:
    """Obstacles as JSON, each as a list of its fields in order (sets sorted, an effect as an obstacle of its own):
    compact, and read back exactly as they were read."""
    return json.dumps([_fields(read) for read in reads], ensure_ascii=False, separators=(",", ":"))


def _fields(read: ReadObstacle) -> list[Any]:
    effect = _fields(read.effect) if read.effect is not None else None
    scores, terms = dict(read.scores), sorted(read.terms)
    return [read.text, read.kind, read.subkind, read.confidence, scores, terms, read.matched, effect]


def decode_all(encoded: Iterable[str]) -> list[Obstacles]:
    """Obstacles as `encode` wrote them, parsed in one go (thousands of small documents parse several times faster
    as one)."""
    return [tuple(map(_obstacle, answer)) for answer in json.loads(f"[{','.join(encoded)}]")]


def _obstacle(fields: list[Any]) -> ReadObstacle:
    text, kind, subkind, confidence, scores, terms, matched, effect = fields
    return ReadObstacle(
        text=text,
        kind=kind,
        subkind=subkind,
        confidence=confidence,
        scores=MappingProxyType(scores),
        terms=frozenset(terms),
        matched=tuple(matched),
        effect=_obstacle(effect) if effect is not None else None,
    )


READER_MODULES = (
    "assistant.journeymap.reader",
    "assistant.journeymap.lexicon",
    "assistant.journeymap.learned",
    "assistant.journeymap.words",
    "assistant.text",
    "assistant.journeymap.reading",
)
"""The code a sentence's reading is worked out by, and kept by (`encode`, `decode_all`): the reader and every module
of ours it imports, but for `assistant.errors` (what a refusal of a malformed lexicon says, never how a sentence
reads)."""


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """What decides how `default_reading` reads a sentence and how a kept reading reads back: the reader's code,
    this module's, the lexicon and learned model it loads (the bundled files, as `ObstacleReader.load` finds them)
    and Python's Unicode tables. A reading kept beyond the process (in the store) is trusted only under the same
    fingerprint: a changed reader reads again."""
    digest = hashlib.sha256(unicodedata.unidata_version.encode())  # how text is normalised before it is read
    sources = [Path(str(importlib.import_module(name).__file__)) for name in READER_MODULES]
    for path in (*sources, bundled_lexicon_path(), bundled_model_path()):
        content = path.read_bytes()
        digest.update(f"{path.name}:{len(content)}:".encode())
        digest.update(content)
    return digest.hexdigest()[:32]
