"""The obstacle reader as the analysis uses it: every sentence read once per process, however often a map is
rebuilt (the app rebuilds it after each answer) or a sentence is looked at (as a mention, as an idea that may fit
it, as a resource that may remove it); and, for an interview in the store, read once ever.

Reading the owner's sentences is most of what the analysis costs: a new process (each `journey export`, each start
of the app) would pay it again for answers already read by the last one. So what the analysis asked of the reader
about an interview's answers is kept in the store (`Store.answer_readings`, tagged with `reader_fingerprint`) and
handed back as a `KeptReading`; a changed reader reads again. The survey's answers are kept the same way beside
the respondents (`assistant/survey/readings.py`), written and read back with `encode` and `decode_all`.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import threading
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypeVar

from assistant.journeymap.learned import bundled_model_path
from assistant.journeymap.lexicon import bundled_lexicon_path
from assistant.journeymap.reader import ObstacleReader, ReadObstacle, same_theme

_CACHE_SIZE = 65_536  # a survey of thousands of customers is thousands of sentences, read again at every answer

Obstacles = tuple[ReadObstacle, ...]
T = TypeVar("T")
Asked = Literal["read", "classify", "says_none", "compounds", "sounds_positive", "without_chatter"]
"""What the analysis asks of the reader about a sentence: its obstacles, it as one clause, whether it says none, its
two-syllable words, whether it has a word of things going well, and how it names a theme (without chatter)."""


class Reading(ABC):
    """What the analysis asks of the obstacle reader about a sentence."""

    @abstractmethod
    def read(self, text: str) -> list[ReadObstacle]:
        """Every obstacle the answer names (`ObstacleReader.read`)."""

    @abstractmethod
    def classify(self, clause: str) -> ReadObstacle:
        """The text as one clause (`ObstacleReader.classify`)."""

    @abstractmethod
    def says_none(self, text: str) -> bool:
        """Whether the answer says there is no obstacle (`ObstacleReader.says_none`)."""

    @abstractmethod
    def compounds(self, text: str) -> frozenset[str]:
        """The two-syllable words of a Vietnamese text (`ObstacleReader.compounds`): what an idea or a resource
        shares with an obstacle where no term does."""

    @abstractmethod
    def sounds_positive(self, text: str) -> bool:
        """Whether the text has a word of how things go well (`ObstacleReader.sounds_positive`)."""

    @abstractmethod
    def without_chatter(self, text: str) -> str:
        """The text without the words at its ends that stand for nothing (`ObstacleReader.without_chatter`)."""

    def says_nothing(self, text: str) -> bool:
        """Whether the answer has nothing to say (`ObstacleReader.says_nothing`): it says none, and with no word of
        how things go well. The second test is asked only of the few answers that say none."""
        return self.says_none(text) and not self.sounds_positive(text)

    def same_theme(self, a: ReadObstacle, b: ReadObstacle) -> bool:
        return same_theme(a, b)

    def terms(self, text: str) -> frozenset[str]:
        """The meaning words of a whole answer (all its obstacles), or of the text read as one clause."""
        reads = self.read(text) or [self.classify(text)]
        return frozenset().union(*(read.terms for read in reads))


class ProcessReading(Reading):
    """The reader with the process's memory of every sentence it read. The reader is loaded when a sentence is
    first read: loading the lexicon and the learned model takes a third of a second, and a process that finds every
    sentence already read in the store (`KeptReading`; an export of an interview the app has analysed) never pays
    it."""

    def __init__(self, load: Callable[[], ObstacleReader]) -> None:
        self._load = load
        self._loaded: ObstacleReader | None = None
        self._loading = threading.Lock()
        self._read = lru_cache(maxsize=_CACHE_SIZE)(lambda text: tuple(self.reader.read(text)))
        self._classify = lru_cache(maxsize=_CACHE_SIZE)(lambda clause: self.reader.classify(clause))
        self._says_none = lru_cache(maxsize=_CACHE_SIZE)(lambda text: self.reader.says_none(text))
        self._compounds = lru_cache(maxsize=_CACHE_SIZE)(lambda text: self.reader.compounds(text))
        self._sounds_positive = lru_cache(maxsize=_CACHE_SIZE)(lambda text: self.reader.sounds_positive(text))
        self._without_chatter = lru_cache(maxsize=_CACHE_SIZE)(lambda text: self.reader.without_chatter(text))

    @property
    def reader(self) -> ObstacleReader:
        loaded = self._loaded
        if loaded is None:
            with self._loading:  # the app's workers may ask at once: one load
                if self._loaded is None:
                    self._loaded = self._load()
                loaded = self._loaded
        return loaded

    @property
    def loaded(self) -> bool:
        """Whether the reader was needed yet."""
        return self._loaded is not None

    def forget(self) -> None:
        """Read every sentence afresh (a benchmark's cold start)."""
        caches = (self._read, self._classify, self._says_none, self._compounds)
        for cached in (*caches, self._sounds_positive, self._without_chatter):
            cached.cache_clear()
        if self._loaded is not None:
            self._loaded.forget()

    def read(self, text: str) -> list[ReadObstacle]:
        return list(self._read(text))

    def obstacles(self, text: str) -> Obstacles:
        """`read`, as the tuple the process keeps."""
        return self._read(text)

    def classify(self, clause: str) -> ReadObstacle:
        return self._classify(clause)

    def says_none(self, text: str) -> bool:
        return self._says_none(text)

    def compounds(self, text: str) -> frozenset[str]:
        return self._compounds(text)

    def sounds_positive(self, text: str) -> bool:
        return self._sounds_positive(text)

    def without_chatter(self, text: str) -> str:
        return self._without_chatter(text)


@lru_cache(maxsize=1)
def default_reading() -> ProcessReading:
    return ProcessReading(ObstacleReader.load)


@dataclass(slots=True)
class Known:
    """Sentences' readings, by what was asked of them. A session hands the one it holds to builds that may run at
    once in several threads, so it never changes that one: it takes one that knows more (`with_`) in its place."""

    reads: dict[str, Obstacles] = field(default_factory=dict)
    clauses: dict[str, ReadObstacle] = field(default_factory=dict)
    nones: dict[str, bool] = field(default_factory=dict)
    compounds: dict[str, frozenset[str]] = field(default_factory=dict)
    positives: dict[str, bool] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self._asked())

    def _asked(self) -> tuple[dict[str, Any], ...]:
        return (self.reads, self.clauses, self.nones, self.compounds, self.positives, self.titles)

    def with_(self, other: Known) -> Known:
        return Known(*({**mine, **theirs} for mine, theirs in zip(self._asked(), other._asked(), strict=True)))

    @classmethod
    def stored(cls, rows: Iterable[tuple[str, str, str, str]]) -> Known:
        """The readings a store keeps, (what was asked, the sentence, the reader's fingerprint, the reading as
        `encoded` wrote it) each, but for those of another reader than this process's: they are read again."""
        rows = list(rows)
        if not rows:
            return cls()
        fingerprint = reader_fingerprint()
        obstacles: list[tuple[bool, str, str]] = []  # (a whole answer's, the sentence, its reading)
        nones: dict[str, bool] = {}
        compounds: dict[str, frozenset[str]] = {}
        positives: dict[str, bool] = {}
        titles: dict[str, str] = {}
        for asked, sentence, reader, reading in rows:
            if reader != fingerprint:
                continue
            if asked == "says_none":
                nones[sentence] = reading == "true"
            elif asked == "compounds":
                compounds[sentence] = frozenset(json.loads(reading))
            elif asked == "sounds_positive":
                positives[sentence] = reading == "true"
            elif asked == "without_chatter":
                titles[sentence] = reading
            else:
                obstacles.append((asked == "read", sentence, reading))
        reads: dict[str, Obstacles] = {}
        clauses: dict[str, ReadObstacle] = {}
        decoded = decode_all(reading for _, _, reading in obstacles)
        for (whole, sentence, _), found in zip(obstacles, decoded, strict=True):
            if whole:
                reads[sentence] = found
            else:
                clauses[sentence] = found[0]
        return cls(reads, clauses, nones, compounds, positives, titles)

    def encoded(self) -> list[tuple[Asked, str, str]]:
        """Every reading as `stored` reads it back: (what was asked, the sentence, the reading)."""
        return [
            *(("read", text, encode(reads)) for text, reads in self.reads.items()),
            *(("classify", text, encode((read,))) for text, read in self.clauses.items()),
            *(("says_none", text, "true" if none else "false") for text, none in self.nones.items()),
            *(
                ("compounds", text, json.dumps(sorted(words), ensure_ascii=False))
                for text, words in self.compounds.items()
            ),
            *(("sounds_positive", text, "true" if positive else "false") for text, positive in self.positives.items()),
            *(("without_chatter", text, title) for text, title in self.titles.items()),
        ]


class KeptReading(Reading):
    """The reading of one interview's answers: what the store keeps of them (`known`), else the process's reader;
    what it reads that the store did not keep is in `new`, for the store to keep. One per map build."""

    def __init__(self, known: Known, reading: ProcessReading) -> None:
        self.known = known
        self.new = Known()
        self._reading = reading

    def read(self, text: str) -> list[ReadObstacle]:
        found: Obstacles = _kept(self.known.reads, self.new.reads, text, self._reading.obstacles)
        return list(found)

    def classify(self, clause: str) -> ReadObstacle:
        return _kept(self.known.clauses, self.new.clauses, clause, self._reading.classify)

    def says_none(self, text: str) -> bool:
        return _kept(self.known.nones, self.new.nones, text, self._reading.says_none)

    def compounds(self, text: str) -> frozenset[str]:
        return _kept(self.known.compounds, self.new.compounds, text, self._reading.compounds)

    def sounds_positive(self, text: str) -> bool:
        return _kept(self.known.positives, self.new.positives, text, self._reading.sounds_positive)

    def without_chatter(self, text: str) -> str:
        return _kept(self.known.titles, self.new.titles, text, self._reading.without_chatter)


def _kept(known: dict[str, T], new: dict[str, T], text: str, work: Callable[[str], T]) -> T:
    """What the store kept of `text`, else what this build already worked out, else `work` of it, noted as new."""
    found = known.get(text)
    if found is None:
        found = new.get(text)
        if found is None:
            found = new[text] = work(text)
    return found


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
