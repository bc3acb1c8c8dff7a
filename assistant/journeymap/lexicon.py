"""The obstacle reader's lexicon: the file's shape, its checks, and the tries it compiles into.

`questionnaires/lexicon/obstacles.yaml` is data a consultant tunes; this module refuses a malformed file with a
message that names the place, and compiles the file once into plain dicts (tries keyed by matching keys, see
`assistant.journeymap.words`), so reading a sentence costs a few dictionary look-ups per word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import JourneyError
from assistant.journeymap.words import (
    PLACEHOLDERS,
    bare_key,
    deletes,
    english_clitics,
    english_stem,
    number_parts,
    tone_key,
    word_texts,
)

KINDS = ("price", "trust", "information", "availability", "complexity", "support", "other")
Language = Literal["vi", "en"]
# How a clause is matched: Vietnamese with its marks, Vietnamese without, English.
Mode = Literal["marked", "bare", "en"]
MODES: tuple[Mode, ...] = ("marked", "bare", "en")
STRUCTURE_SETS = ("joiners", "contrast", "cause", "consequence")
REQUIRED_CUES = ("negation", "evaluative", "positive")


def language_of(mode: Mode) -> Language:
    return "en" if mode == "en" else "vi"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scoring(_Strict):
    lexicon_weight: float = Field(gt=0)
    model_temperature: float = Field(gt=0)
    min_probability: float = Field(gt=0, lt=1)
    clause_min_score: float = Field(gt=0)
    clause_min_probability: float = Field(gt=0, le=1)
    length_bonus: float = Field(ge=0)
    cue_window: int = Field(ge=0)
    positive_window: int = Field(ge=0)
    before_contrast: float = Field(ge=0, le=1)


class Bilingual(_Strict):
    vi: list[str] = []
    en: list[str] = []

    def of(self, language: Language) -> list[str]:
        return self.vi if language == "vi" else self.en


class Concept(Bilingual):
    broader: list[str] = []  # wider concepts every form also stands for


class Terms(_Strict):
    words: Bilingual
    ignore: Bilingual


class ShorthandChoice(_Strict):
    means: str
    before: list[str] = []
    after: list[str] = []


class Numbers(_Strict):
    money_units: list[str]
    time_units: dict[str, str]
    # Number words read as numbers ("three visits" like "3 visits"), per language.
    words: Bilingual = Bilingual()


class Structure(_Strict):
    joiners: Bilingual
    contrast: Bilingual
    cause: Bilingual
    consequence: Bilingual
    degree: Bilingual  # after a one-word consequence ("so many"), the consequence only says how much


class NoObstacle(_Strict):
    phrases: Bilingual
    fillers: Bilingual


class CueSet(_Strict):
    bonus: float = Field(default=0.0, ge=0)
    # Which topics the cue strengthens when it moves none: every kind (true), none (false), or the kinds listed.
    boosts: bool | list[str] = True
    # How far the cue reaches, when not `scoring.cue_window`.
    window: int | None = Field(default=None, ge=0)
    # Where the cue must stand to move a topic: "không có giá" moves the price, "giá không hấp dẫn" does not.
    shifts_from: Literal["before", "after", "either"] = "either"
    vi: list[str] = []
    en: list[str] = []


Role = Literal["statement", "topic", "hint"]


class PhraseGroup(_Strict):
    subkind: str | None = None
    role: Role = "statement"
    weight: float = Field(gt=0)
    shift: dict[str, str] = {}
    vi: list[str] = []
    en: list[str] = []


class KindSpec(_Strict):
    subkinds: dict[str, str] = {}
    default_subkind: str | None = None
    phrases: list[PhraseGroup] = Field(min_length=1)


class LexiconFile(_Strict):
    version: Literal[1]
    scoring: Scoring
    language_hints: Bilingual
    shorthand: dict[Language, dict[str, str | list[ShorthandChoice]]]
    numbers: Numbers
    stems: dict[str, str]
    stop_words: Bilingual
    neutral: Bilingual
    unmarked_ambiguous: list[str]
    structure: Structure
    no_obstacle: NoObstacle
    cues: dict[str, CueSet]
    concepts: dict[str, Concept]
    terms: Terms
    kinds: dict[str, KindSpec]

    @model_validator(mode="after")
    def _consistent(self) -> LexiconFile:
        if set(self.kinds) != set(KINDS):
            raise ValueError(f"kinds: need exactly {', '.join(KINDS)}")
        missing = [name for name in REQUIRED_CUES if name not in self.cues]
        if missing:
            raise ValueError(f"cues: missing {', '.join(missing)}")
        for name, cue_set in self.cues.items():
            if isinstance(cue_set.boosts, list):
                unknown = [kind for kind in cue_set.boosts if kind not in KINDS]
                if unknown:
                    raise ValueError(f"cues.{name}.boosts: unknown kind {', '.join(unknown)}")
        for name, concept in self.concepts.items():
            unknown = [wider for wider in concept.broader if wider not in self.concepts or wider == name]
            if unknown:
                raise ValueError(f"concepts.{name}.broader: no other concept {', '.join(unknown)}")
        for code, kind in self.kinds.items():
            if kind.default_subkind is not None and kind.default_subkind not in kind.subkinds:
                raise ValueError(f"kinds.{code}.default_subkind: {kind.default_subkind} is not one of its subkinds")
            for number, group in enumerate(kind.phrases):
                where = f"kinds.{code}.phrases[{number}]"
                if group.subkind is not None and group.subkind not in kind.subkinds:
                    raise ValueError(f"{where}: subkind {group.subkind} is not declared under kinds.{code}.subkinds")
                if group.role == "hint" and group.subkind is None:
                    raise ValueError(f"{where}: a hint names the subkind it points to")
                if group.shift and group.role != "topic":
                    raise ValueError(f"{where}: only a topic can shift")
                for cue, target in group.shift.items():
                    if cue not in self.cues:
                        raise ValueError(f"{where}.shift: no cue set {cue}")
                    self.target(target, f"{where}.shift.{cue}")
                if not group.vi and not group.en:
                    raise ValueError(f"{where}: no phrases")
        return self

    def target(self, text: str, where: str = "") -> tuple[str, str | None]:
        kind, _, subkind = text.partition("/")
        if kind not in self.kinds:
            raise ValueError(f"{where}: unknown kind {kind}")
        if subkind and subkind not in self.kinds[kind].subkinds:
            raise ValueError(f"{where}: unknown subkind {kind}/{subkind}")
        return kind, subkind or None


@dataclass(frozen=True, slots=True)
class Phrase:
    """One lexicon phrase as compiled: `kind` None is a neutral phrase that only hides the words inside it."""

    text: str
    kind: str | None
    subkind: str | None
    role: Role
    weight: float
    shifts: tuple[tuple[str, str, str | None], ...]
    length: int
    is_stop: bool = False  # a stop-word phrase: its words are no content ("khách hàng", "trở ngại")
    shift_cues: frozenset[str] = frozenset()  # the cue sets of `shifts`, asked for every cue near the phrase

    def __post_init__(self) -> None:
        object.__setattr__(self, "shift_cues", frozenset(cue for cue, _, _ in self.shifts))


T = TypeVar("T")


class Trie(Generic[T]):
    """Phrases keyed word by word; `spans` finds every phrase that starts at every word, never across a barrier."""

    __slots__ = ("children", "values")

    def __init__(self) -> None:
        self.children: dict[str, Trie[T]] = {}
        self.values: list[T] = []

    def add(self, keys: Iterable[str], value: T) -> None:
        node = self
        for key in keys:
            node = node.children.setdefault(key, Trie())
        if value not in node.values:
            node.values.append(value)

    def find(self, keys: list[str]) -> list[T]:
        node: Trie[T] | None = self
        for key in keys:
            node = node.children.get(key) if node else None
        return node.values if node else []

    def spans(self, keys: list[str], barriers: frozenset[int]) -> Iterator[tuple[int, int, T]]:
        for start in range(len(keys)):
            node = self.children.get(keys[start])
            end = start + 1
            while node is not None:
                for value in node.values:
                    yield start, end, value
                if end >= len(keys) or end in barriers:
                    break
                node = node.children.get(keys[end])
                end += 1


@dataclass
class Tries:
    """Everything matched in one mode."""

    phrases: Trie[Phrase] = field(default_factory=Trie)
    cues: Trie[str] = field(default_factory=Trie)
    concepts: Trie[str] = field(default_factory=Trie)
    words: Trie[str] = field(default_factory=Trie)  # `terms.words`, each to its accent-free text
    stop: set[str] = field(default_factory=set)
    not_terms: set[str] = field(default_factory=set)  # `terms.ignore`


class Normaliser:
    """Typed words → matching keys for one language: shorthand expanded, numbers named, English stemmed."""

    def __init__(self, lexicon: LexiconFile, language: Language) -> None:
        self.language: Language = language
        self.money_units = {unit.casefold() for unit in lexicon.numbers.money_units}
        self.time_units = {unit.casefold(): word for unit, word in lexicon.numbers.time_units.items()}
        self.number_words = {word.casefold() for word in lexicon.numbers.words.of(language)}
        self.single: dict[str, list[ShorthandChoice]] = {}
        self.multi: dict[tuple[str, ...], str] = {}
        for short, meaning in lexicon.shorthand.get(language, {}).items():
            parts = tuple(short.casefold().split())
            if len(parts) > 1:
                self.multi[parts] = meaning if isinstance(meaning, str) else meaning[0].means
            else:
                self.single[parts[0]] = [ShorthandChoice(means=meaning)] if isinstance(meaning, str) else meaning
        # A form mapped to itself ("rating: rating") is kept whole; any other target is stemmed like every word.
        self.irregular = {
            word: stem if lexicon.stems.get(stem) == stem else english_stem(stem, {})
            for word, stem in lexicon.stems.items()
        }
        # English typo repair: known stems, and the targets a typo may be repaired to (never a stop word).
        self.vocabulary: set[str] = set()
        self.repair_targets: set[str] = set()
        self.repair_index: dict[str, set[str]] = {}
        self.shorthand_words = set(self.single) | {part for parts in self.multi for part in parts}
        self._keys: dict[tuple[str, Mode], str] = {}

    def expand(self, words: list[str]) -> list[tuple[str, int]]:
        """(word, index of the typed word) after shorthand, clitics and numbers; lower case, marks as typed."""
        lowered = [word.casefold() for word in words]
        out: list[tuple[str, int]] = []
        index = 0
        while index < len(lowered):
            taken = self._multi_at(lowered, index)
            if taken:
                meaning, length = taken
                out.extend((part, index) for part in meaning.split())
                index += length
                continue
            for part in self._expand_one(lowered, index):
                out.append((part, index))
            index += 1
        return out

    def _multi_at(self, lowered: list[str], index: int) -> tuple[str, int] | None:
        for length in (3, 2):
            parts = tuple(lowered[index : index + length])
            if len(parts) == length and parts in self.multi:
                return self.multi[parts], length
        return None

    def _expand_one(self, lowered: list[str], index: int) -> list[str]:
        word = lowered[index]
        if word in self.number_words:
            return ["#num"]
        number = number_parts(word)
        if number is not None:
            unit = number[1]
            if not unit:
                return ["#num"]
            if unit in self.money_units:
                return ["#money"]
            return ["#num", self.time_units.get(unit, unit)]
        parts = english_clitics(word) if self.language == "en" else [word]
        out: list[str] = []
        for part in parts:
            choices = self.single.get(part)
            if choices is None:
                out.append(part)
                continue
            meaning = _choose(choices, lowered, index)
            out.extend(meaning.split())
        return out

    def key(self, word: str, mode: Mode) -> str:
        cached = self._keys.get((word, mode))
        if cached is None:
            if word in PLACEHOLDERS:
                cached = word
            elif mode == "marked":
                cached = tone_key(word)
            elif mode == "bare":
                cached = bare_key(word)
            else:
                cached = english_stem(bare_key(word), self.irregular)
            if len(self._keys) < 100_000:
                self._keys[(word, mode)] = cached
        return cached

    def repair(self, stem: str) -> str:
        """An English stem one typo away from exactly one known content stem becomes that stem ("delivary").

        Without a dictionary a real word one letter from a lexicon word would be "repaired" too (flower → lower),
        so only the typos owners make most are repaired, conservatively: the first letter kept, a letter missing
        from five letters on, a letter too many from six, a wrong or swapped letter only from seven.
        """
        if stem in self.vocabulary or len(stem) < 5 or not stem.isalpha():
            return stem
        candidates = set(self.repair_index.get(stem, ()))  # a letter missing
        if len(stem) >= 6:
            candidates |= {gone for gone in deletes(stem) if gone in self.repair_targets}  # a letter too many
        if len(stem) >= 7:
            for gone in deletes(stem):
                candidates |= self.repair_index.get(gone, set())
        candidates = {candidate for candidate in candidates if candidate != stem and candidate[0] == stem[0]}
        return candidates.pop() if len(candidates) == 1 else stem


def _choose(choices: list[ShorthandChoice], lowered: list[str], index: int) -> str:
    before = bare_key(lowered[index + 1]) if index + 1 < len(lowered) else ""
    after = bare_key(lowered[index - 1]) if index else ""
    for choice in choices:
        if choice.before and before not in {bare_key(word) for word in choice.before}:
            continue
        if choice.after and after not in {bare_key(word) for word in choice.after}:
            continue
        return choice.means
    return choices[-1].means


@cache
def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a lexicon phrase, its placeholders kept (asked once per phrase, for three modes)."""
    out: list[str] = []
    for chunk in phrase.split():
        if chunk in PLACEHOLDERS:
            out.append(chunk)
        else:
            out.extend(word_texts(chunk))
    return tuple(out)


class CompiledLexicon:
    """The lexicon file, checked and compiled into tries for the three modes."""

    def __init__(self, source: LexiconFile, path: Path) -> None:
        self.source = source
        self.path = path
        self.scoring = source.scoring
        self.normalisers: dict[Language, Normaliser] = {
            "vi": Normaliser(source, "vi"),
            "en": Normaliser(source, "en"),
        }
        self.tries: dict[Mode, Tries] = {mode: Tries() for mode in MODES}
        self.hints: dict[Language, set[str]] = {
            language: {bare_key(word) for word in source.language_hints.of(language)} for language in ("vi", "en")
        }
        self.cue_sets = source.cues
        self.default_subkind = {code: kind.default_subkind for code, kind in source.kinds.items()}
        self.broader: dict[str, frozenset[str]] = {name: _wider(name, source.concepts) for name in source.concepts}
        self._problems: list[str] = []
        self._expanded: dict[tuple[Language, str], list[str]] = {}
        for mode in MODES:
            self._compile(mode)
        if self._problems:
            shown = "; ".join(self._problems[:5])
            more = f" (and {len(self._problems) - 5} more)" if len(self._problems) > 5 else ""
            raise ValueError(shown + more)
        self._compile_repairs()
        # Words that carry no meaning for `terms` although they are cues: "không", "and", "gì"…
        self.function_keys: dict[Mode, set[str]] = {mode: self._function_keys(mode) for mode in MODES}
        degree = source.structure.degree
        self.degree_keys: dict[Mode, frozenset[str]] = {
            mode: frozenset(key for word in degree.of(language_of(mode)) for key in self.keys(word, mode))
            for mode in MODES
        }
        del self._expanded  # only compiling needs it

    def keys(self, phrase: str, mode: Mode) -> list[str]:
        language = language_of(mode)
        normaliser = self.normalisers[language]
        # Vietnamese phrases are compiled twice (with marks and without): their shorthand is expanded once.
        expanded = self._expanded.get((language, phrase))
        if expanded is None:
            expanded = [word for word, _ in normaliser.expand(list(phrase_words(phrase)))]
            self._expanded[(language, phrase)] = expanded
        return [normaliser.key(word, mode) for word in expanded]

    def _compile(self, mode: Mode) -> None:
        blocked = self._unmarked_collisions() if mode == "bare" else _NoCollisions()
        self._compile_stop_words(mode)
        self._compile_cues(mode, blocked)
        seen = self._compile_neutral(mode)
        self._compile_kinds(mode, blocked, seen)
        self._compile_concepts(mode, blocked)
        self._compile_terms(mode)

    def _compile_stop_words(self, mode: Mode) -> None:
        tries = self.tries[mode]
        for phrase in self.source.stop_words.of(language_of(mode)):
            keys = self.keys(phrase, mode)
            if len(keys) == 1:
                tries.stop.add(keys[0])
            elif keys:
                tries.phrases.add(keys, _neutral(phrase, len(keys), is_stop=True))

    def _compile_cues(self, mode: Mode, blocked: _NoCollisions) -> None:
        language, tries, source = language_of(mode), self.tries[mode], self.source
        for name in STRUCTURE_SETS:
            for phrase in getattr(source.structure, name).of(language):
                tries.cues.add(self._required_keys(phrase, mode, f"structure.{name}"), name)
        for name, cue_set in source.cues.items():
            for phrase in cue_set.vi if language == "vi" else cue_set.en:
                keys = self._required_keys(phrase, mode, f"cues.{name}")
                if not blocked.hides(phrase, keys, cue=True):
                    tries.cues.add(keys, name)
        for phrase in source.no_obstacle.phrases.of(language):
            tries.cues.add(self._required_keys(phrase, mode, "no_obstacle.phrases"), "none")
        for phrase in source.no_obstacle.fillers.of(language):
            tries.cues.add(self._required_keys(phrase, mode, "no_obstacle.fillers"), "filler")

    def _compile_neutral(self, mode: Mode) -> dict[tuple[str, ...], str]:
        """Neutral phrases in; returns where each phrase was first listed, to refuse a phrase listed twice."""
        seen: dict[tuple[str, ...], str] = {}
        for phrase in self.source.neutral.of(language_of(mode)):
            keys = self._required_keys(phrase, mode, "neutral")
            self.tries[mode].phrases.add(keys, _neutral(phrase, len(keys)))
            seen[tuple(keys)] = "neutral"
        return seen

    def _compile_kinds(self, mode: Mode, blocked: _NoCollisions, seen: dict[tuple[str, ...], str]) -> None:
        language, tries, source = language_of(mode), self.tries[mode], self.source
        for code, kind in source.kinds.items():
            for number, group in enumerate(kind.phrases):
                group_name = f"kinds.{code}.phrases[{number}]"
                shifts = tuple((cue, *source.target(target)) for cue, target in group.shift.items())
                for text in group.vi if language == "vi" else group.en:
                    keys = self._required_keys(text, mode, f"{group_name}.{language}")
                    # Listed twice, the second weight would silently win: the tuner is told instead. The same
                    # phrase twice in one group ("review", "reviews") is only redundant. Without marks, one
                    # spelling may well be two phrases ("gia": giá, giả): that is what the shared weight is for.
                    earlier = seen.get(tuple(keys))
                    if mode != "bare" and earlier is not None and earlier != group_name:
                        self._problems.append(f"{group_name}.{language}: “{text}” is already listed under {earlier}")
                    seen[tuple(keys)] = group_name
                    if blocked.hides(text, keys):
                        continue
                    if any(other.kind == code and other.subkind == group.subkind for other in tries.phrases.find(keys)):
                        continue  # a stemmed twin of a phrase already in ("no price", "no prices")
                    tries.phrases.add(
                        keys, Phrase(text, code, group.subkind, group.role, group.weight, shifts, len(keys))
                    )

    def _compile_concepts(self, mode: Mode, blocked: _NoCollisions) -> None:
        concept_of: dict[tuple[str, ...], str] = {}
        for concept, forms in self.source.concepts.items():
            for text in forms.of(language_of(mode)):
                keys = self._required_keys(text, mode, f"concepts.{concept}")
                if blocked.hides(text, keys):
                    continue
                earlier = concept_of.get(tuple(keys))
                if earlier is not None and earlier != concept and mode != "bare":
                    self._problems.append(f"concepts.{concept}: “{text}” already belongs to {earlier}")
                concept_of[tuple(keys)] = concept
                self.tries[mode].concepts.add(keys, concept)

    def _compile_terms(self, mode: Mode) -> None:
        tries, terms = self.tries[mode], self.source.terms
        for text in terms.words.of(language_of(mode)):
            keys = self._required_keys(text, mode, "terms.words")
            if mode == "bare" and len(keys) == 1:
                continue  # see `terms.words`: one syllable without marks is too often another word
            tries.words.add(keys, " ".join(bare_key(word) for word in phrase_words(text)))
        for text in terms.ignore.of(language_of(mode)):
            tries.not_terms.update(self._required_keys(text, mode, "terms.ignore"))

    def _unmarked_collisions(self) -> _Collisions:
        """One-syllable words that, typed without marks, are more often a stop word or a joining word."""
        forms: dict[str, set[str]] = {}
        words = list(self.source.stop_words.vi)
        for name in STRUCTURE_SETS:
            words += getattr(self.source.structure, name).vi
        for word in words:
            if len(word.split()) == 1:
                forms.setdefault(bare_key(word), set()).add(tone_key(word))
        ambiguous = {tone_key(word) for word in self.source.unmarked_ambiguous}
        return _Collisions(forms, ambiguous)

    def _function_keys(self, mode: Mode) -> set[str]:
        language = language_of(mode)
        source = self.source
        phrases = [*source.no_obstacle.phrases.of(language), *source.no_obstacle.fillers.of(language)]
        for name in ("negation", "obligation"):
            phrases += source.cues[name].vi if language == "vi" else source.cues[name].en if name in source.cues else []
        for name in STRUCTURE_SETS:
            phrases += getattr(source.structure, name).of(language)
        return {key for phrase in phrases for key in self.keys(phrase, mode)}

    def _required_keys(self, phrase: str, mode: Mode, where: str) -> list[str]:
        keys = self.keys(phrase, mode)
        if not keys:
            raise ValueError(f"{where}: “{phrase}” has no words")
        return keys

    def _compile_repairs(self) -> None:
        english = self.tries["en"]
        content: set[str] = set()
        _collect_keys(english.phrases, content)
        _collect_keys(english.cues, content)
        _collect_keys(english.concepts, content)
        normaliser = self.normalisers["en"]
        structure_words = set()
        for name in STRUCTURE_SETS:
            for phrase in getattr(self.source.structure, name).en:
                structure_words.update(self.keys(phrase, "en"))
        targets = {stem for stem in content if stem.isalpha() and len(stem) >= 4} - english.stop - structure_words
        normaliser.vocabulary = content | english.stop | set(self.hints["en"])
        normaliser.repair_targets = targets
        index: dict[str, set[str]] = {}
        for stem in targets:
            for gone in deletes(stem):
                index.setdefault(gone, set()).add(stem)
        normaliser.repair_index = index


def _wider(name: str, concepts: dict[str, Concept]) -> frozenset[str]:
    """Every concept `name` stands for besides itself, through `broader` and the broader concepts' own."""
    found: set[str] = set()
    todo = list(concepts[name].broader)
    while todo:
        wider = todo.pop()
        if wider not in found and wider != name:
            found.add(wider)
            todo.extend(concepts[wider].broader)
    return frozenset(found)


def _collect_keys(trie: Trie[T], into: set[str]) -> None:
    for key, child in trie.children.items():
        into.add(key)
        _collect_keys(child, into)


def _neutral(text: str, length: int, *, is_stop: bool = False) -> Phrase:
    return Phrase(text, None, None, "statement", 0.0, (), length, is_stop)


class _NoCollisions:
    def hides(self, phrase: str, keys: list[str], *, cue: bool = False) -> bool:
        return False


class _Collisions(_NoCollisions):
    """Decides which one-syllable entries are left out of matching text typed without marks."""

    def __init__(self, forms: dict[str, set[str]], ambiguous: set[str]) -> None:
        self.forms = forms
        self.ambiguous = ambiguous

    def hides(self, phrase: str, keys: list[str], *, cue: bool = False) -> bool:
        """A cue is only hidden by a stop word: "dat" beside "gia" may still say giá đắt, it decides no kind."""
        if len(keys) != 1 or len(phrase.split()) != 1:
            return False
        own = tone_key(phrase)
        return (not cue and own in self.ambiguous) or bool(self.forms.get(keys[0], set()) - {own})


def bundled_lexicon_path() -> Path:
    from assistant.bank.loader import bundled_banks_dir

    return bundled_banks_dir() / "lexicon" / "obstacles.yaml"


def load_lexicon(path: Path) -> CompiledLexicon:
    import yaml

    # libyaml's loader, when PyYAML has it, reads the file about ten times faster than the pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # a safe loader either way
        return CompiledLexicon(LexiconFile.model_validate(data), path)
    except (OSError, yaml.YAMLError, ValidationError, ValueError) as error:
        raise JourneyError("map.lexicon_invalid", path=str(path), reason=_reason(error)) from None


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        return f"{place}: {first['msg']}" if place else str(first["msg"])
    lines = str(error).strip().splitlines()
    return " ".join(line.strip() for line in lines[:3]) if lines else type(error).__name__
