"""The obstacle reader: what kind of obstacle an owner named, read from the sentence as typed.

The kinds (the shared definition a CX consultant signs, and the one the test sets are labelled by):

- price: the cost itself, shipping cost, surcharges, the deposit amount, no discount, the platform's commission.
- trust: doubt that the business or product is genuine, safe or good: fakes, scams, reviews, licences, warranty,
  paying a stranger in advance, edited photos, quality or hygiene, privacy.
- information: something the customer cannot find or understand: prices not shown, sizes, descriptions, menus,
  policies, directions, schedules, one language only, outdated details.
- availability: cannot get it when or where they want: stock, fully booked, opening hours, queues, delivery time,
  delivery area, hard to reach, parking, a website, app or payment that is down.
- complexity: too much effort: steps, accounts, forms, one awkward way to pay, back-and-forth messages, hard-to-use
  tools, paperwork, having to call.
- support: people: slow or no replies, attitude, no advice, no after-sales care, complaints, nobody at night.
- other: none of these clearly; also what the reader says when no kind wins by a clear margin.

How a sentence is read (the weights, thresholds and every word list are in `questionnaires/lexicon/obstacles.yaml`):

1. `read` cuts an answer into clauses. New lines, bullets, numbered items and semicolons always cut. Commas,
   sentence ends, "-", "&", joining words ("và", "với lại", "còn", "rồi", "and", "plus"…) and contrast words
   ("nhưng", "but"…) cut only where the parts on both sides each name an obstacle strong enough to stand alone: the
   lexicon scores the part `scoring.clause_min_score`, or the blended reading (4.) is sure of one kind
   (`scoring.clause_min_probability`) and the part says more than a topic (two words of content, and a cue or a
   word beside the topics); a weaker part stays with its neighbour ("Page trả lời chậm, có khi 3–4 tiếng" is one
   obstacle; "fees and taxes are only shown at the end" is one), and neighbouring weak parts that together stand
   alone are one obstacle ("they ask the price, we send the photo of the price list" before "then they disappear
   when they hear about the bank transfer deposit"). Neighbouring parts that come out as the same kind with the
   same (or an unnamed) subkind are joined again: "Giá cao, giá hơi chát" is one price obstacle, while "giá cao và
   phí ship đắt" gives two price obstacles (the price level, the shipping fee). A part that only says what is wrong
   ("shipping is expensive and slow") is read with the previous part's subject. A consequence ("nên", "thế là",
   "so", "which means"…, also opening the next line) never stands alone: it stays with the obstacle before it,
   which its cause names when the cause alone names one ("Trả lời chậm, thế là khách bỏ đi" is a slow reply), and
   is kept as that obstacle's `effect`; "so" before a word of degree or of what is wrong ("so slow") intensifies.
2. An answer says there is no obstacle ("không có", "ổn cả", "none", "n/a", "-") when, leaving out stop words,
   it starts with a no-obstacle phrase or a positive remark and holds nothing but fillers, positive words and
   such phrases. So does an answer whose first sentence (or comma-part) says so, each later one saying so too or
   only explaining why (no phrase strong enough to stand, nothing said to be wrong, no probable kind, or a positive
   word): "nothing really. Ko co, dat la xong"; each sentence is also read in its own language for this. "None, it
   is easy. But we pay 15% commission" reads only what follows the "but". A colon never cuts: a label and its
   explanation ("Fear of scams: paying into a personal account feels risky") are one obstacle.
3. A clause's language is the reader's own guess (marks, telltale words, then the shape of the syllables), so an
   owner who mixes "ship", "inbox", "COD" into Vietnamese is read as Vietnamese.
4. Every kind collects the weight of its phrases; a topic ("phí ship") counts more with a cue beside it ("cao"),
   and a cue can move it to another kind ("không để giá" is information). The learned model
   (`assistant/journeymap/learned.py`, trained on the labelled examples beside the lexicon) weighs every word of
   the clause, and both are blended into one probability per kind:
   P(kind) ∝ exp(`lexicon_weight` × lexicon score + model log-likelihood / `model_temperature`). The most probable
   kind is read when its probability reaches `scoring.min_probability`, otherwise the kind is "other". `scores`
   are these probabilities and `confidence` the probability of the kind read (of "other" when none was probable
   enough): the app asks the owner to confirm what the reader is unsure of. The subkind is the lexicon's.
5. `terms`, what an obstacle is about (what `same_theme` and the analysis's resource linking compare), are its
   concepts and the broader concepts they stand for ("chuyển khoản" is a payment), the lexicon's `terms.words`
   (Vietnamese words of several syllables, "nguồn gốc", as one term; never a loose syllable), and in English the
   other stemmed words that are neither stop words, cues (what is wrong: "slow", "hard") nor too general.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from assistant.journeymap.learned import LearnedModel, bundled_model_path, features
from assistant.journeymap.lexicon import (
    KINDS,
    STRUCTURE_SETS,
    CompiledLexicon,
    Language,
    Mode,
    Phrase,
    Scoring,
    Tries,
    bundled_lexicon_path,
    load_lexicon,
)
from assistant.journeymap.words import (
    PLACEHOLDERS,
    Word,
    bare_key,
    has_marks,
    is_vietnamese_syllable,
    span_text,
    split_words,
)
from assistant.text import clean_text

__all__ = ["KINDS", "ObstacleReader", "ReadObstacle", "blend"]

V = TypeVar("V")

_BULLET = re.compile(r"^\s*(?:[-*•+–—>]+|\(?\d{1,2}[.)]|\(?[a-zA-Z][)])\s+")
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))\(?\d{1,2}[.)](?=\s)")
_MAX_LENGTH_BONUS_WORDS = 3
_CONTENT_TO_STAND_ALONE = 2  # content words a part needs to stand as an obstacle on the learned reading alone
# The structure words that can cut a clause (a consequence is cut off to be read apart, then kept with its cause);
# a cause ("vì", "because") only walls cues off.
_CUTTING = ("joiners", "contrast", "consequence")
_WALLS = ("contrast", "cause", "consequence")
# Cues a neutral phrase around them does not hide: "trở ngại" (an obstacle) is still a filler in "không có trở ngại".
_NEVER_HIDDEN = frozenset({"none", "filler"})
# Cue sets that say nothing about what is wrong with a topic.
_NOT_WHAT_IS_WRONG = frozenset({*STRUCTURE_SETS, "none", "filler", "positive"})
# Cue sets that say nothing of how something is (good or bad).
_NOT_A_QUALITY = frozenset({*STRUCTURE_SETS, "none", "filler"})
_MEMO_SIZE = 200_000  # clauses, evidence or feature sets the reader keeps before it starts afresh


@dataclass(frozen=True, slots=True)
class ReadObstacle:
    """One obstacle as the reader understood it."""

    text: str  # the clause as the owner wrote it, trimmed of joining words and punctuation
    kind: str  # one of KINDS; "other" when no kind is probable enough
    subkind: str | None  # finer detail under the kind, declared in the lexicon
    confidence: float  # 0..1: the probability of `kind` (the app asks the owner to confirm a low one)
    scores: Mapping[str, float]  # the probability of every kind, lexicon and learned model blended (sum 1)
    terms: frozenset[str]  # what it is about: concepts and content words, accent-free; what decides `same_theme`
    matched: tuple[str, ...]  # the lexicon phrases that counted
    # What the obstacle leads to, as the owner said it ("so guests book elsewhere"), read on its own; `text` holds
    # cause and consequence, and the kind, subkind and terms are the cause's.
    effect: ReadObstacle | None = None


def same_theme(a: ReadObstacle, b: ReadObstacle) -> bool:
    """One kind (and one subkind where both name one) and at least one meaning concept in common: read off the two
    readings alone, so comparing kept readings needs no lexicon loaded."""
    if a.kind != b.kind:
        return False
    if a.subkind is not None and b.subkind is not None and a.subkind != b.subkind:
        return False
    return bool(a.terms & b.terms)


class _Clause(NamedTuple):
    """A run of typed words, normalised: one key per word after shorthand, with the barriers between them."""

    text: str
    words: list[Word]
    mode: Mode
    keys: list[str]
    expanded: list[str]  # the word each key stands for, shorthand expanded, marks as typed
    word_of: list[int]  # the typed word each key comes from
    barriers: frozenset[int]  # key positions a cue never reaches across (a barrier sits before that key)


# A clause's words as keys: mode, keys, expanded words, the typed word of each key, barriers.
_Normalised = tuple[Mode, list[str], list[str], list[int], frozenset[int]]


class _Memo:
    """What the reader has worked out already, kept for the process (bounded, emptied by `forget`): an answer's words
    are read as a whole, cut into parts, checked for "none" and grouped, and the same words (the same keys) come back
    at each step, and across answers ("phí ship cao" at many touchpoints, the same survey answer of many customers).
    Every entry is keyed by all it depends on, so a reading is the same whether it was worked out before or not."""

    __slots__ = ("clauses", "evidence", "likelihoods")

    def __init__(self) -> None:
        self.clauses: dict[tuple[str, tuple[tuple[str, bool, bool, bool, bool], ...]], _Normalised] = {}
        self.evidence: dict[tuple[Mode, tuple[str, ...], frozenset[int]], _Evidence] = {}
        self.likelihoods: dict[frozenset[str], dict[str, float]] = {}

    def clear(self) -> None:
        self.clauses.clear()
        self.evidence.clear()
        self.likelihoods.clear()

    def bound(self) -> None:
        """Start afresh when a very long run of new text has filled it (memory stays bounded)."""
        if max(len(self.clauses), len(self.evidence), len(self.likelihoods)) > _MEMO_SIZE:
            self.clear()


class _Span(NamedTuple):
    start: int
    end: int

    def inside(self, other: _Span) -> bool:
        return (
            other.start <= self.start and self.end <= other.end and (other.end - other.start) > (self.end - self.start)
        )


@dataclass
class _Evidence:
    """What one clause says: the score of every kind and subkind, and the cues found, for the decisions after."""

    scores: dict[str, float]
    subscores: dict[str, dict[str | None, float]]
    hints: dict[str, dict[str, float]]
    matched: list[tuple[int, str]]
    cancelled: list[_Span]
    cues: dict[str, list[_Span]]
    stop_spans: list[_Span]
    cue_names: list[str]  # every cue set the keys hold, before any is hidden: what the learned model sees
    concepts: list[tuple[_Span, str]]  # every concept the keys hold, overlapping ones too
    topics: list[_Span] = field(default_factory=list)  # the topics that counted, for a next part to borrow

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.scores.items(), key=lambda item: -item[1])

    @property
    def top(self) -> float:
        return max(self.scores.values())


class ObstacleReader:
    """Reads obstacle sentences with one compiled lexicon. Build it with `ObstacleReader.load()`."""

    kinds = KINDS

    def __init__(self, lexicon: CompiledLexicon, learned: LearnedModel | None = None) -> None:
        self.lexicon = lexicon
        self.scoring = lexicon.scoring
        self.learned = learned
        self._memo = _Memo()

    def forget(self) -> None:
        """Work every clause out afresh (a benchmark's cold start)."""
        self._memo.clear()

    @classmethod
    def load(cls, path: Path | None = None, *, learned: bool = True) -> ObstacleReader:
        """The reader for a lexicon file (the bundled one by default), compiled once per file and process, with the
        learned model beside that file (the bundled one when there is none there); `learned=False` reads with the
        lexicon alone."""
        lexicon_path = (path or bundled_lexicon_path()).resolve()
        model_path: Path | None = None
        if learned:
            beside = lexicon_path.with_name(bundled_model_path().name)
            model_path = beside if beside.is_file() else bundled_model_path().resolve()
        return _reader_for(lexicon_path, model_path)

    # --- the public readings ---

    def read(self, text: str) -> list[ReadObstacle]:
        """Every obstacle one answer names, in order; none for an answer that says there is none."""
        cleaned = clean_text(text, multiline=True)
        whole = split_words(cleaned)
        language = self._language(whole)  # one guess for the whole answer: a short clause tells too little
        memo = self._memo
        memo.bound()
        if self._sentences_say_none(cleaned, whole, language, memo):
            return []
        found: list[ReadObstacle] = []
        for piece in _hard_pieces(cleaned):
            # Most answers are one piece: its words are the answer's, split once.
            words = whole if piece == cleaned else split_words(piece)
            effect_first = bool(found) and self._opens_with_consequence(piece, words, language, memo)
            own = self._read_piece(piece, language, memo, words, effect_first)
            if effect_first and own:
                # "Slow replies at night; so guests book elsewhere": a line or a semicolon apart, still its effect.
                cause, effect = found[-1], own[0]
                said = piece[: piece.find(effect.text) + len(effect.text)] if effect.text in piece else piece
                found[-1] = replace(cause, text=f"{cause.text}; {said}", effect=effect)
                own = own[1:]
            found.extend(own)
        return found

    def _opens_with_consequence(self, piece: str, words: list[Word], language: Language, memo: _Memo) -> bool:
        if not words:
            return False
        clause = self._clause(piece, words, language, memo)
        return any(span.start == 0 for span in self._evidence(clause, memo).cues.get("consequence", []))

    def features(self, clause: str) -> frozenset[str]:
        """What the learned model sees of one clause read as a whole (as `classify` reads it): what it is trained on."""
        text = clean_text(clause, multiline=False)
        words = split_words(text)
        memo = self._memo
        memo.bound()
        read = self._clause(text, words, self._language(words), memo)
        return self._features(read, self._evidence(read, memo))

    def classify(self, clause: str) -> ReadObstacle:
        """One clause as a whole: no cutting, no looking for "none"."""
        text = clean_text(clause, multiline=False)
        words = split_words(text)
        memo = self._memo
        memo.bound()
        return self._obstacle(self._clause(text, words, self._language(words), memo), memo)

    def says_none(self, text: str) -> bool:
        """True when the whole answer says there is no obstacle ("không có", "ổn", "none", "n/a", "-")."""
        cleaned = clean_text(text, multiline=True)
        words = split_words(cleaned)
        self._memo.bound()
        return self._sentences_say_none(cleaned, words, self._language(words), self._memo)

    def sounds_positive(self, text: str) -> bool:
        """True when the text has a word of how things go well ("nhanh", "thân thiện", "fast"): what sets an answer
        that things are fine apart from one with nothing to say ("không có gì", "ko co gi", "nope", "n/a"), among
        those `says_none` holds for, which takes both for "no obstacle"."""
        cleaned = clean_text(text, multiline=True)
        words = split_words(cleaned)
        if not words:
            return False
        memo = self._memo
        clause = self._clause(cleaned, words, self._language(words), memo)
        return bool(self._evidence(clause, memo).cues.get("positive"))

    def without_chatter(self, text: str) -> str:
        """The text without the words at its ends that stand for nothing (shorthand the lexicon expands to nothing:
        "lol", "tbh", "haha"): how an obstacle is named in a title. The reading itself keeps the text as typed."""
        cleaned = clean_text(text, multiline=False)
        words = split_words(cleaned)
        memo = self._memo
        memo.bound()
        word_of = self._clause(cleaned, words, self._language(words), memo).word_of if words else []
        if not word_of:
            return text
        return span_text(cleaned, words[word_of[0]], words[word_of[-1]])

    def compounds(self, text: str) -> frozenset[str]:
        """The two-syllable words a Vietnamese text holds, accent-free ("nuoc dung", "buoi chieu"): neighbouring
        syllables, shorthand expanded, with nothing between them, neither a stop word, a number, nor part of a
        concept or term word (those are its terms). What an owner's
        idea or a resource shares with an obstacle when no term of the lexicon names it ("nấu thêm nồi nước dùng
        buổi chiều" and "hay hết món buổi chiều"). English has none: its terms hold every word of content."""
        cleaned = clean_text(text, multiline=True)
        words = split_words(cleaned)
        language = self._language(words) if words else "en"
        if language == "en":
            return frozenset()
        memo = self._memo
        memo.bound()
        clause = self._clause(cleaned, words, language, memo)
        tries = self.lexicon.tries[clause.mode]
        skip = tries.stop | self.lexicon.function_keys[clause.mode]
        # A syllable of a concept or of a term word is in the terms already ("miễn phí giao hàng" is a discount).
        spans = [span for span, _ in self._evidence(clause, memo).concepts]
        spans += [_Span(start, end) for start, end, _ in tries.words.spans(clause.keys, clause.barriers)]
        covered = {index for span in spans for index in range(span.start, span.end)}
        keys = [
            bare if index not in covered and key not in skip and (bare := bare_key(word)).isalpha() else None
            for index, (key, word) in enumerate(zip(clause.keys, clause.expanded, strict=True))
        ]
        return frozenset(
            f"{first} {second}"
            for index, (first, second) in enumerate(pairwise(keys), start=1)
            if first and second and index not in clause.barriers and clause.word_of[index - 1] != clause.word_of[index]
        )

    same_theme = staticmethod(same_theme)

    # --- language and clauses ---

    def _language(self, words: list[Word]) -> Language:
        vietnamese = english = 0
        for word in words:
            if has_marks(word.text):
                vietnamese += 2
                continue
            bare = bare_key(word.text)
            vietnamese += bare in self.lexicon.hints["vi"]
            english += bare in self.lexicon.hints["en"]
        if vietnamese != english:
            return "vi" if vietnamese > english else "en"
        letters = [bare_key(word.text) for word in words if word.text.isalpha()]
        syllables = sum(is_vietnamese_syllable(word) for word in letters)
        return "vi" if letters and syllables * 2 > len(letters) else "en"

    def _mode(self, words: list[Word], language: Language) -> Mode:
        if language == "en":
            return "en"
        shorthand = self.lexicon.normalisers["vi"].shorthand_words
        marked = any(has_marks(word.text) and word.text.casefold() not in shorthand for word in words)
        return "marked" if marked else "bare"

    def _clause(self, text: str, words: list[Word], language: Language, memo: _Memo) -> _Clause:
        # The same words come back as a whole, as a part and as a group, and in other answers: their keys are worked
        # out once. The keys depend on the words as typed and what stands before each, never on where they are.
        content = (language, tuple((w.text, w.break_before, w.joined_before, w.money, w.percent) for w in words))
        known = memo.clauses.get(content)
        if known is None:
            known = self._normalised(words, language)
            memo.clauses[content] = known
        mode, keys, expanded, word_of, barriers = known
        return _Clause(text, words, mode, keys, expanded, word_of, barriers)

    def _normalised(self, words: list[Word], language: Language) -> _Normalised:
        mode = self._mode(words, language)
        normaliser = self.lexicon.normalisers[language]
        typed = [_typed(word) for word in words]
        keys: list[str] = []
        expanded: list[str] = []
        word_of: list[int] = []
        barriers: set[int] = set()
        for word, index in normaliser.expand(typed):
            starts_word = not word_of or word_of[-1] != index
            if starts_word and index and (words[index].break_before or words[index].joined_before):
                barriers.add(len(keys))
            key = normaliser.key(word, mode)
            keys.append(normaliser.repair(key) if mode == "en" else key)
            expanded.append(word)
            word_of.append(index)
        return mode, keys, expanded, word_of, frozenset(barriers)

    # --- scoring ---

    def _evidence(self, clause: _Clause, memo: _Memo) -> _Evidence:
        """What the clause's keys say; read once for the same keys (evidence is never changed after)."""
        content = (clause.mode, tuple(clause.keys), clause.barriers)
        known = memo.evidence.get(content)
        if known is None:
            known = self._weigh(clause)
            memo.evidence[content] = known
        return known

    def _weigh(self, clause: _Clause) -> _Evidence:
        tries = self.lexicon.tries[clause.mode]
        keys = clause.keys
        phrases = _each_word_once(
            [(_Span(start, end), phrase) for start, end, phrase in tries.phrases.spans(keys, clause.barriers)]
        )
        # Words a cue is part of: a neutral phrase ("đánh giá cao"), or a compound topic ("phần mềm" holds "mềm").
        neutral = [span for span, phrase in phrases if phrase.kind is None]
        compounds = [span for span, phrase in phrases if phrase.role == "topic" and phrase.length > 1]
        longer = [span for span, phrase in phrases if phrase.length > 1]
        cues: dict[str, list[_Span]] = {}
        cue_names: list[str] = []
        for start, end, name in tries.cues.spans(keys, clause.barriers):
            cue_names.append(name)
            span = _Span(start, end)
            if name not in _NEVER_HIDDEN and any(span.inside(other) or span == other for other in neutral):
                continue
            if any(span.inside(other) for other in compounds):
                continue
            if name in STRUCTURE_SETS and any(span.inside(other) for other in longer):
                continue
            cues.setdefault(name, []).append(span)
        _drop_inner_cues(cues)
        if "consequence" in cues:
            self._drop_intensifiers(cues, clause)
        if clause.mode != "en" and len(keys) > 2:
            # "Có ship quận xa không?": in Vietnamese a negation that ends the clause asks, it does not deny.
            cues["negation"] = [span for span in cues.get("negation", []) if span.end < len(keys)]
        # A cue never reaches across punctuation, "but" or "because"; "and" inside one clause it does.
        barriers = set(clause.barriers)
        for name in _WALLS:
            if name in cues:
                for span in cues[name]:
                    barriers.update((span.start, span.end))
        walls = frozenset(barriers)
        contrast = self._contrast_start(clause, cues, tries)
        self._resolve_positives(cues, walls)
        evidence = _Evidence(
            scores=dict.fromkeys(KINDS, 0.0),
            subscores={},
            hints={},
            matched=[],
            cancelled=[],
            cues=cues,
            stop_spans=[span for span, phrase in phrases if phrase.is_stop],
            cue_names=cue_names,
            concepts=[
                (_Span(start, end), concept) for start, end, concept in tries.concepts.spans(keys, clause.barriers)
            ],
        )
        shared = _ambiguity(phrases) if clause.mode == "bare" else {}
        topics = [(span, phrase) for span, phrase in phrases if phrase.role == "topic" and phrase.kind is not None]
        owning = [
            span
            for span, phrase in phrases
            if phrase.role == "statement" and phrase.kind is not None and phrase.weight >= self.scoring.clause_min_score
        ]
        attached, lent = self._attach_cues(topics, owning, cues, walls)
        consumed: list[_Span] = []
        for span, phrase in topics:
            self._weigh_topic(evidence, span, phrase, attached.get(span, set()), walls, consumed, contrast, shared)
        for span, phrase in phrases:
            if phrase.kind is None or phrase.role == "topic":
                continue
            if any(span.start < used.end and used.start < span.end for used in consumed):
                continue  # its words already said what is wrong with a topic ("hard to find the opening hours")
            if phrase.weight < self.scoring.clause_min_score and any(span.inside(cue) or span == cue for cue in lent):
                continue  # a weak word ("chậm") that already strengthened its topic ("tin nhắn chậm") counts once
            if phrase.role == "statement" and _right_before(cues.get("negation", []), span, walls):
                evidence.cancelled.append(span)  # "không đắt", "no hidden fees": a statement denied
                continue
            self._add(
                evidence, span, phrase, phrase.kind, phrase.subkind, self._base_weight(phrase, span, shared), contrast
            )
        return evidence

    def _attach_cues(
        self,
        topics: list[tuple[_Span, Phrase]],
        owning: list[_Span],
        cues: dict[str, list[_Span]],
        walls: frozenset[int],
    ) -> tuple[dict[_Span, set[str]], list[_Span]]:
        """Each strengthening or positive cue goes to the nearest topic of a kind it speaks for, or that it moves
        ("high" in "plan interest is high" is about the interest, not the plan; "old" in "Google Maps shows our old
        opening hours" is about the hours, which it makes outdated information). A cue inside a strong statement is
        that statement's own: in "thợ tới trễ" the lateness is the arrival's, not the plumber's. Returns the cues
        that went somewhere."""
        attached: dict[_Span, set[str]] = {}
        lent: list[_Span] = []
        window = self.scoring.cue_window
        for name, spans in cues.items():
            if name == "positive":
                reach, kinds = self.scoring.positive_window, None
            else:
                cue_set = self.lexicon.cue_sets.get(name)
                if cue_set is None or cue_set.boosts is False:
                    continue
                reach = window if cue_set.window is None else cue_set.window
                kinds = None if cue_set.boosts is True else set(cue_set.boosts)
            for cue in spans:
                if any(cue.inside(statement) or cue == statement for statement in owning):
                    continue
                gaps = [
                    (gap, span)
                    for span, phrase in topics
                    if (kinds is None or phrase.kind in kinds or name in phrase.shift_cues)
                    and (gap := _gap(cue, span, reach, walls)) is not None
                ]
                if gaps:
                    nearest = min(gap for gap, _ in gaps)
                    lent.append(cue)
                    for gap, span in gaps:
                        if gap == nearest:
                            attached.setdefault(span, set()).add(name)
        return attached, lent

    def _weigh_topic(
        self,
        evidence: _Evidence,
        span: _Span,
        phrase: Phrase,
        attached: set[str],
        walls: frozenset[int],
        consumed: list[_Span],
        contrast: int | None,
        shared: dict[_Span, int],
    ) -> None:
        assert phrase.kind is not None
        cues = evidence.cues
        denied = _gap_before(cues.get("negation", []), span, 2, walls)
        if "positive" in attached and not denied:
            # "Giá ổn" cancels the price; "không có lịch khởi hành rõ ràng" does not: "clear" describes what is missing.
            evidence.cancelled.append(span)
            return
        kind, subkind = phrase.kind, phrase.subkind
        weight = self._base_weight(phrase, span, shared)
        for cue, target_kind, target_subkind in phrase.shifts:
            cue_set = self.lexicon.cue_sets[cue]
            reach = self.scoring.cue_window if cue_set.window is None else cue_set.window
            near = [
                other
                for other in cues.get(cue, [])
                if _gap(other, span, reach, walls) is not None and _on_side(other, span, cue_set.shifts_from)
            ]
            if near:
                kind, subkind = target_kind, target_subkind
                weight += self.lexicon.cue_sets[cue].bonus
                consumed.extend(near)
                break
        else:
            weight += max((self.lexicon.cue_sets[name].bonus for name in attached if name != "positive"), default=0.0)
        self._add(evidence, span, phrase, kind, subkind, weight, contrast)
        evidence.topics.append(span)

    def _base_weight(self, phrase: Phrase, span: _Span, shared: dict[_Span, int]) -> float:
        bonus = self.scoring.length_bonus * min(_MAX_LENGTH_BONUS_WORDS, phrase.length - 1)
        return phrase.weight * (1 + bonus) / shared.get(span, 1)

    def _add(
        self,
        evidence: _Evidence,
        span: _Span,
        phrase: Phrase,
        kind: str,
        subkind: str | None,
        weight: float,
        contrast: int | None,
    ) -> None:
        if contrast is not None and span.end <= contrast:
            weight *= self.scoring.before_contrast
        if phrase.role == "hint":
            assert subkind is not None
            by_hint = evidence.hints.setdefault(kind, {})
            by_hint[subkind] = by_hint.get(subkind, 0.0) + weight
            return
        evidence.scores[kind] += weight
        by_subkind = evidence.subscores.setdefault(kind, {})
        by_subkind[subkind] = by_subkind.get(subkind, 0.0) + weight
        evidence.matched.append((span.start, phrase.text))

    def _drop_intensifiers(self, cues: dict[str, list[_Span]], clause: _Clause) -> None:
        """A one-word consequence right before a cue of what is wrong or a word of degree only says how much: "so
        slow", "so many steps" ("delivery is slow and so expensive" names two obstacles)."""
        degree = self.lexicon.degree_keys[clause.mode]
        starts = {span.start for name, spans in cues.items() if name not in _NOT_A_QUALITY for span in spans}
        keys = clause.keys
        cues["consequence"] = [
            span
            for span in cues["consequence"]
            if span.end - span.start > 1
            or (span.end < len(keys) and span.end not in starts and keys[span.end] not in degree)
        ]

    def _contrast_start(self, clause: _Clause, cues: dict[str, list[_Span]], tries: Tries) -> int | None:
        """Where the last "but" starts, when something with meaning follows it."""
        for span in sorted(cues.get("contrast", []), key=lambda item: -item.start):
            if any(key not in tries.stop for key in clause.keys[span.end :]):
                return span.start
        return None

    def _resolve_positives(self, cues: dict[str, list[_Span]], barriers: frozenset[int]) -> None:
        """A positive word right after a negation ("không nhanh", "not friendly") says what is wrong instead, and
        that negation is used up: in "not attractive price-wise" nothing denies the price."""
        negations = cues.get("negation", [])
        used: list[_Span] = []
        kept: list[_Span] = []
        for span in cues.get("positive", []):
            denied = [cue for cue in negations if _right_before([cue], span, barriers)]
            if denied:
                cues.setdefault("evaluative", []).append(span)
                used += denied
            else:
                kept.append(span)
        cues["positive"] = kept
        if used:
            cues["negation"] = [cue for cue in negations if cue not in used]

    def _decide(self, clause: _Clause, evidence: _Evidence, memo: _Memo) -> tuple[str, str | None, dict[str, float]]:
        """The most probable kind when it is probable enough, else "other"; with the probability of every kind."""
        likelihoods = None
        if self.learned is not None:
            found = self._features(clause, evidence)
            likelihoods = memo.likelihoods.get(found)
            if likelihoods is None:
                likelihoods = memo.likelihoods[found] = self.learned.log_likelihoods(found)
        probabilities = blend(evidence.scores, likelihoods, self.scoring)
        winner = max(KINDS, key=probabilities.__getitem__)
        if probabilities[winner] < self.scoring.min_probability:
            return "other", None, probabilities
        return winner, self._subkind(evidence, winner), probabilities

    def _subkind(self, evidence: _Evidence, kind: str) -> str | None:
        """A hint of the winning kind decides ("slow replies at night" is off_hours); else the heaviest subkind."""
        hints = evidence.hints.get(kind, {})
        if hints:
            return max(hints.items(), key=lambda item: item[1])[0]
        weights: dict[str, float] = {}
        for subkind, weight in evidence.subscores.get(kind, {}).items():
            if subkind is not None:
                weights[subkind] = weights.get(subkind, 0.0) + weight
        default = self.lexicon.default_subkind.get(kind)
        if not weights:
            return default
        # The default subkind is the general one ("too expensive" says a price is high); a more specific one named
        # beside it says which price ("the delivery fee is too expensive" is the shipping fee).
        specific = {subkind: weight for subkind, weight in weights.items() if subkind != default}
        return max((specific or weights).items(), key=lambda item: item[1])[0]

    def _obstacle(self, clause: _Clause, memo: _Memo) -> ReadObstacle:
        evidence = self._evidence(clause, memo)
        kind, subkind, probabilities = self._decide(clause, evidence, memo)
        text = span_text(clause.text, clause.words[0], clause.words[-1]) if clause.words else clause.text.strip()
        matched = tuple(dict.fromkeys(phrase for _, phrase in sorted(evidence.matched)))
        return ReadObstacle(
            text=text,
            kind=kind,
            subkind=subkind,
            confidence=round(probabilities[kind], 3),
            scores=MappingProxyType({name: round(probabilities[name], 3) for name in KINDS}),
            terms=self._terms(clause, evidence),
            matched=matched,
        )

    def _features(self, clause: _Clause, evidence: _Evidence) -> frozenset[str]:
        folded = [bare_key(word.text) for word in clause.words]
        return features(folded, clause.keys, (concept for _, concept in evidence.concepts), evidence.cue_names)

    def _terms(self, clause: _Clause, evidence: _Evidence) -> frozenset[str]:
        """What the obstacle is about, accent-free: its concepts (and the broader ones they stand for), the words of
        `terms.words` ("nguồn gốc" as one term), and in English every other stemmed word that is no stop word, no cue
        (what is wrong is not what it is about: "slow" delivery and "slow" replies) and not too general."""
        tries = self.lexicon.tries[clause.mode]
        terms: set[str] = set()
        covered: set[int] = set()
        for span, concept in _each_word_once(list(evidence.concepts)):
            terms.add(concept)
            terms.update(self.lexicon.broader[concept])
            covered.update(range(span.start, span.end))
        words = [(_Span(start, end), word) for start, end, word in tries.words.spans(clause.keys, clause.barriers)]
        for span, word in _each_word_once(words):
            if not covered.intersection(range(span.start, span.end)):
                terms.add(word)
                covered.update(range(span.start, span.end))
        if clause.mode != "en":
            return frozenset(terms)
        cued = {index for spans in evidence.cues.values() for span in spans for index in range(span.start, span.end)}
        function_words = self.lexicon.function_keys[clause.mode]
        for index, key in enumerate(clause.keys):
            if index in covered or index in cued or key in tries.stop or key in function_words:
                continue
            if key in tries.not_terms or key in PLACEHOLDERS or len(key) < 3 or not key.isalpha():
                continue
            terms.add(key)
        return frozenset(terms)

    # --- none, pieces, parts ---

    def _sentences_say_none(self, text: str, words: list[Word], language: Language, memo: _Memo) -> bool:
        """The whole says there is no obstacle, or its first sentence (or comma-part) does and every later one says
        so too or only explains why: "nothing really. Ko co, dat la xong" (no, ordering is done), "None. It is easy,
        they just book". A later part that names an obstacle, or says something is wrong, spoils it."""
        if self._words_say_none(text, words, language, memo):
            return True
        starts = [0, *(index for index, word in enumerate(words) if index and word.break_before)]
        if len(starts) < 2:
            return False
        sentences = [words[start:end] for start, end in zip(starts, [*starts[1:], len(words)], strict=True)]
        if not self._part_says_none(text, sentences[0], language, memo):
            return False
        return all(
            self._part_says_none(text, each, language, memo) or self._only_explains(text, each, language, memo)
            for each in sentences[1:]
        )

    def _part_says_none(self, text: str, words: list[Word], language: Language, memo: _Memo) -> bool:
        """One sentence or part says "none", read in the answer's language or its own: an owner who writes "nothing
        really" and goes on in Vietnamese."""
        if self._words_say_none(text, words, language, memo):
            return True
        own = self._language(words)
        return own != language and self._words_say_none(text, words, own, memo)

    def _only_explains(self, text: str, words: list[Word], language: Language, memo: _Memo) -> bool:
        """A part after "none" that names no obstacle of its own: nothing said to be wrong, no phrase strong enough
        to stand, and no probable kind ("đặt là xong"), or a positive word that says why all is well ("booking is
        simple"). "Không có gì. Khách hỏi giá nhiều" still names the price."""
        clause = self._clause(text, words, language, memo)
        evidence = self._evidence(clause, memo)
        if evidence.cues.get("evaluative") or evidence.cues.get("slowness"):
            return False
        if evidence.top >= self.scoring.clause_min_score:
            return False
        if evidence.cues.get("positive"):
            return True
        kind, _, _ = self._decide(clause, evidence, memo)
        return kind == "other"

    def _words_say_none(self, text: str, words: list[Word], language: Language, memo: _Memo) -> bool:
        """Stop words aside, it starts with a no-obstacle phrase or a positive remark and holds nothing else but
        fillers, positive words and such phrases; a word that says what is wrong ("không ổn") spoils it."""
        if not words:
            return True
        clause = self._clause(text, words, language, memo)
        evidence = self._evidence(clause, memo)
        cues = evidence.cues
        if cues.get("evaluative"):
            return False
        stop = self.lexicon.tries[clause.mode].stop
        saying = [span for name in ("none", "positive") for span in cues.get(name, [])] + evidence.cancelled
        if not saying:
            return False
        fillers = cues.get("filler", []) + evidence.stop_spans
        for index, key in enumerate(clause.keys):
            if key in stop:
                continue
            if any(span.start <= index < span.end for span in saying):
                continue
            if any(span.start <= index < span.end for span in fillers):
                continue
            return False
        first = next(
            (
                index
                for index, key in enumerate(clause.keys)
                if key not in stop and not any(span.start <= index < span.end for span in fillers)
            ),
            None,
        )
        return first is None or any(span.start <= first < span.end for span in saying)

    def _read_piece(
        self,
        piece: str,
        language: Language,
        memo: _Memo,
        words: list[Word] | None = None,
        effect_first: bool = False,
    ) -> list[ReadObstacle]:
        """The obstacles of one piece; `effect_first`: it opens with the consequence of the piece before, whose first
        part is that consequence alone."""
        words = split_words(piece) if words is None else words
        if not words or self._sentences_say_none(piece, words, language, memo):
            return []
        whole = self._clause(piece, words, language, memo)
        cuts = self._cuts(whole, memo)
        first_contrast = next((start for start, end, name in cuts if name == "contrast"), None)
        if first_contrast is not None:
            prefix = words[:first_contrast]
            if prefix and self._sentences_say_none(piece, prefix, language, memo):
                # "Không có gì, nhưng khách hay hỏi phí ship": only what follows the "but" is an obstacle.
                after = next(end for start, end, name in cuts if start == first_contrast)
                words = words[after:]
                if not words:
                    return []
                whole = self._clause(piece, words, language, memo)
                cuts = self._cuts(whole, memo)
        parts = _parts(words, cuts)
        return self._grouped(piece, words, parts, language, memo, effect_first)

    def _borrowed_topic(
        self, piece: str, before: _Clause, part: list[Word], language: Language, memo: _Memo
    ) -> list[Word]:
        """The word of the previous part that, put before this one, reads strongest: what "and slow" is about."""
        stop = self.lexicon.tries[before.mode].stop
        best: tuple[float, list[Word]] = (0.0, [])
        for key, index in zip(before.keys, before.word_of, strict=True):
            if key in stop or key in PLACEHOLDERS:
                continue
            lent = [before.words[index]]
            top = self._evidence(self._clause(piece, lent + part, language, memo), memo).top
            if top >= self.scoring.clause_min_score and top > best[0]:
                best = (top, lent)
        return best[1]

    def _stands_alone(self, clause: _Clause, evidence: _Evidence, memo: _Memo) -> bool:
        """A part the lexicon finds weak still names an obstacle of its own when the blended reading is sure of a
        kind and the part says more than a topic: two words of content (a number counts), and a cue of what is wrong
        or a word beside the topics. "The website is English only and the checkout has six steps" is two obstacles,
        "queues at 8 am and not knowing the price of delivery" too; "delivery fees and taxes are only shown at
        checkout" is one ("delivery fees" only names what the rest is about), and so is "chèo kéo quá, khách sợ"
        (one word: the fear is what the pushing does)."""
        if self.learned is None:
            return False
        stop, function_words = self.lexicon.tries[clause.mode].stop, self.lexicon.function_keys[clause.mode]
        content = [index for index, key in enumerate(clause.keys) if key not in stop and key not in function_words]
        if len(content) < _CONTENT_TO_STAND_ALONE:
            return False
        beside_topics = any(not any(t.start <= index < t.end for t in evidence.topics) for index in content)
        cued = any(spans and name not in _NOT_WHAT_IS_WRONG for name, spans in evidence.cues.items())
        if not beside_topics and not cued:
            return False
        kind, _, probabilities = self._decide(clause, evidence, memo)
        return kind != "other" and probabilities[kind] >= self.scoring.clause_min_probability

    def _cuts(self, clause: _Clause, memo: _Memo) -> list[tuple[int, int, str]]:
        """(first word, word after, set) of every word that can cut the clause, plus punctuation cuts."""
        evidence = self._evidence(clause, memo)
        cuts: dict[int, tuple[int, int, str]] = {}
        for name in _CUTTING:
            for span in evidence.cues.get(name, ()):
                start, end = clause.word_of[span.start], clause.word_of[span.end - 1] + 1
                cuts.setdefault(start, (start, end, name))
        for index, word in enumerate(clause.words):
            if index and (word.break_before or word.joined_before) and index not in cuts:
                if not word.joined_before and _after_colon(clause.text, clause.words[index - 1], word):
                    continue  # "Fear of scams: transferring money to a personal account feels risky" is one obstacle
                cuts[index] = (index, index, "joiners" if word.joined_before else "break")
        return [cuts[start] for start in sorted(cuts)]

    def _joined_weak_runs(
        self,
        piece: str,
        words: list[Word],
        parts: list[tuple[int, int, str]],
        strong: list[bool],
        silent: list[bool],
        borrowed: dict[int, list[Word]],
        language: Language,
        memo: _Memo,
    ) -> tuple[list[tuple[int, int, str]], list[bool], list[bool], dict[int, list[Word]]]:
        """Neighbouring weak parts that together name an obstacle become one strong part: in "they ask the price, we
        send the photo of the price list, then they disappear at the bank transfer deposit" the first two are one
        obstacle (the price is only a photo), not an appendix of the deposit's."""
        out_parts: list[tuple[int, int, str]] = []
        out_strong: list[bool] = []
        out_silent: list[bool] = []
        out_borrowed: dict[int, list[Word]] = {}
        index = 0
        while index < len(parts):
            end = index
            while end < len(parts) and not strong[end] and not silent[end]:
                end += 1
            if end - index >= 2:
                clause = self._clause(piece, words[parts[index][0] : parts[end - 1][1]], language, memo)
                evidence = self._evidence(clause, memo)
                if self._stands_alone(clause, evidence, memo):
                    out_parts.append((parts[index][0], parts[end - 1][1], parts[end - 1][2]))
                    out_strong.append(True)
                    out_silent.append(False)
                    index = end
                    continue
            end = max(end, index + 1)
            for each in range(index, end):
                if each in borrowed:
                    out_borrowed[len(out_parts)] = borrowed[each]
                out_parts.append(parts[each])
                out_strong.append(strong[each])
                out_silent.append(silent[each])
            index = end
        return out_parts, out_strong, out_silent, out_borrowed

    def _grouped(
        self,
        piece: str,
        words: list[Word],
        parts: list[tuple[int, int, str]],
        language: Language,
        memo: _Memo,
        effect_first: bool = False,
    ) -> list[ReadObstacle]:
        """Weak parts join a neighbour; parts that read as one kind and subkind join each other."""
        strong: list[bool] = []
        silent: list[bool] = []
        borrowed: dict[int, list[Word]] = {}
        previous: tuple[_Clause, _Evidence] | None = None
        # (first word, word after) of each consequence word: what follows it stays with what comes before.
        markers = [(parts[i][1], parts[i + 1][0]) for i in range(len(parts) - 1) if parts[i][2] == "consequence"]
        effects = _after_consequences(parts) if markers else frozenset()
        for index, (start, end, link_after) in enumerate(parts):
            part_words = words[start:end]
            if index in effects or (effect_first and index == 0):
                # A consequence goes with its cause, whatever it names; one of the piece before stands apart here.
                strong.append(effect_first and index == 0)
                silent.append(False)
                previous = None
                continue
            clause = self._clause(piece, part_words, language, memo)
            evidence = self._evidence(clause, memo)
            is_strong = evidence.top >= self.scoring.clause_min_score
            says_what_is_wrong = bool(evidence.cues.get("evaluative") or evidence.cues.get("slowness"))
            if not is_strong and previous is not None and not evidence.topics and says_what_is_wrong:
                # "Shipping is expensive and slow": the second part says what is wrong, the topic is the first's.
                topic = self._borrowed_topic(piece, previous[0], part_words, language, memo)
                if topic:
                    borrowed[index] = topic
                    is_strong = True
            if not is_strong and link_after != "contrast":
                # What comes before a "but" is the setting ("live đông nhưng chốt đơn phải inbox riêng"), the
                # reason follows it: only the lexicon, naming an obstacle there, cuts it off.
                is_strong = self._stands_alone(clause, evidence, memo)
            strong.append(is_strong)
            silent.append(self._part_says_none(piece, part_words, language, memo))
            previous = (clause, evidence)
        parts, strong, silent, borrowed = self._joined_weak_runs(
            piece, words, parts, strong, silent, borrowed, language, memo
        )
        if markers:
            effects = _after_consequences(parts)
        groups: list[list[int]] = []
        pending: list[int] = []
        for index, (_, _, link_after) in enumerate(parts):
            if index in effects and (groups or pending):
                (pending or groups[-1]).append(index)
                continue
            if silent[index] and not strong[index]:
                continue
            if strong[index]:
                groups.append([*pending, index])
                pending = []
                continue
            next_strong = index + 1 < len(parts) and strong[index + 1]
            if groups and not pending and not (link_after == "joiners" and next_strong):
                groups[-1].append(index)
            else:
                pending.append(index)
        if pending:
            if groups:
                groups[-1].extend(pending)
            else:
                groups.append(pending)
        obstacles: list[tuple[int, int, ReadObstacle]] = []
        for group in groups:
            start, end = parts[group[0]][0], parts[group[-1]][1]
            read = self._group_reading(piece, words, start, end, borrowed.get(group[0], []), markers, language, memo)
            if obstacles and _same_reading(obstacles[-1][2], read) and not (effect_first and len(obstacles) == 1):
                start = obstacles[-1][0]
                read = self._group_reading(piece, words, start, end, [], markers, language, memo)
                obstacles[-1] = (start, end, read)
            else:
                obstacles.append((start, end, read))
        return [read for _, _, read in obstacles]

    def _group_reading(
        self,
        piece: str,
        words: list[Word],
        start: int,
        end: int,
        lent: list[Word],
        markers: list[tuple[int, int]],
        language: Language,
        memo: _Memo,
    ) -> ReadObstacle:
        """One obstacle of the words from `start` to `end`. Where a consequence follows a cause that names an obstacle
        ("Booking.com takes 15% commission, so the price on Booking is higher"), the cause is what is read and the
        consequence is kept as its effect; a weak cause ("khách hỏi giá xong, thế là im") is read with it."""
        marker = (
            next(((first, after) for first, after in markers if start < first and after < end), None)
            if markers
            else None
        )
        effect = None
        if marker is not None:
            effect = self._obstacle(self._clause(piece, words[marker[1] : end], language, memo), memo)
            cause = self._clause(piece, lent + words[start : marker[0]], language, memo)
            evidence = self._evidence(cause, memo)
            if evidence.top >= self.scoring.clause_min_score or self._stands_alone(cause, evidence, memo):
                read = self._obstacle(cause, memo)
                if read.kind != "other":
                    return replace(read, text=span_text(piece, words[start], words[end - 1]), effect=effect)
        read = self._obstacle(self._clause(piece, lent + words[start:end], language, memo), memo)
        if lent or effect:
            return replace(read, text=span_text(piece, words[start], words[end - 1]), effect=effect)
        return read


def blend(
    lexicon_scores: Mapping[str, float], likelihoods: Mapping[str, float] | None, scoring: Scoring
) -> dict[str, float]:
    """One probability per kind from the lexicon's scores and the learned model's log-likelihoods (None: no model):
    P(kind) ∝ exp(lexicon_weight × score + log-likelihood / model_temperature), see `scoring` in the lexicon file."""
    values = {kind: scoring.lexicon_weight * lexicon_scores.get(kind, 0.0) for kind in KINDS}
    if likelihoods is not None:
        for kind in KINDS:
            values[kind] += likelihoods[kind] / scoring.model_temperature
    highest = max(values.values())
    exponentials = {kind: math.exp(value - highest) for kind, value in values.items()}
    total = sum(exponentials.values())
    return {kind: value / total for kind, value in exponentials.items()}


@cache
def _reader_for(path: Path, model_path: Path | None) -> ObstacleReader:
    return ObstacleReader(load_lexicon(path), LearnedModel.load(model_path) if model_path is not None else None)


def _typed(word: Word) -> str:
    """A number with a currency sign or a percent sign beside it is money or a share, whatever its unit."""
    if word.text[:1].isdigit():
        if word.percent:
            return "#percent"
        if word.money:
            return "#money"
    return word.text


def _after_colon(text: str, before: Word, word: Word) -> bool:
    """A label and its explanation ("Fear of scams: …", "Giá: cao hơn đối thủ") are one obstacle: no cut at a colon."""
    return text[before.end : word.start].strip() == ":"


def _hard_pieces(text: str) -> list[str]:
    pieces: list[str] = []
    for line in text.split("\n"):
        line = _BULLET.sub("", line)
        for chunk in line.split(";"):
            markers = list(_INLINE_NUMBER.finditer(chunk))
            if len(markers) >= 2:
                bounds = [marker.start() for marker in markers] + [len(chunk)]
                head = chunk[: bounds[0]]
                pieces.append(head)
                pieces.extend(chunk[marker.end() : bounds[number + 1]] for number, marker in enumerate(markers))
            else:
                pieces.append(chunk)
    return [piece.strip() for piece in pieces if piece.strip()]


def _parts(words: list[Word], cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Word ranges between cuts, each with the kind of cut that follows it; empty ranges dropped."""
    parts: list[tuple[int, int, str]] = []
    start = 0
    for cut_start, cut_end, name in cuts:
        if cut_start > start:
            parts.append((start, cut_start, name))
        elif parts:
            parts[-1] = (parts[-1][0], parts[-1][1], name)
        start = max(start, cut_end)
    if start < len(words):
        parts.append((start, len(words), "end"))
    return parts


def _after_consequences(parts: list[tuple[int, int, str]]) -> frozenset[int]:
    """The parts that follow a consequence word: each stays with what comes before it."""
    return frozenset(index + 1 for index, part in enumerate(parts[:-1]) if part[2] == "consequence")


def _same_reading(a: ReadObstacle, b: ReadObstacle) -> bool:
    if a.kind != b.kind or a.kind == "other":
        return False
    return a.subkind is None or b.subkind is None or a.subkind == b.subkind


def _each_word_once(found: list[tuple[_Span, V]]) -> list[tuple[_Span, V]]:
    """The longest matches first (the heavier of two as long), each word in one match only: "tin nhắn" hides
    "tin", and of "hướng dẫn đường" and "đường vào" the longer keeps the shared "đường". Matches of one span (one
    spelling, several phrases) stay together."""
    chosen: list[tuple[_Span, V]] = []
    taken: set[int] = set()
    for span, value in sorted(
        found, key=lambda item: (item[0].start - item[0].end, -_weight_of(item[1]), item[0].start)
    ):
        words = set(range(span.start, span.end))
        if words & taken and not any(other == span for other, _ in chosen):
            continue
        chosen.append((span, value))
        taken |= words
    return sorted(chosen, key=lambda item: item[0].start)


def _weight_of(value: object) -> float:
    return value.weight if isinstance(value, Phrase) else 0.0


def _ambiguity(phrases: list[tuple[_Span, Phrase]]) -> dict[_Span, int]:
    """Without marks one spelling can be several phrases ("dat qua": đắt quá / đặt qua): they share its weight."""
    kinds: dict[_Span, set[str | None]] = {}
    for span, phrase in phrases:
        kinds.setdefault(span, set()).add(phrase.kind)
    return {span: len(found) for span, found in kinds.items() if len(found) > 1}


def _drop_inner_cues(cues: dict[str, list[_Span]]) -> None:
    """A cue inside a longer cue is part of it: "không" in "không ghi rõ" is no negation of its own."""
    every = [span for spans in cues.values() for span in spans]
    for name, spans in cues.items():
        cues[name] = [span for span in spans if not any(span.inside(other) for other in every)]


def _gap(cue: _Span, span: _Span, window: int, walls: frozenset[int]) -> int | None:
    """Words between a cue and a phrase when the cue is close enough and nothing walls them apart."""
    if cue.end <= span.start:
        low, high = cue.end, span.start
    elif cue.start >= span.end:
        low, high = span.end, cue.start
    else:
        return None
    if high - low > window or any(low <= wall <= high for wall in walls):
        return None
    return high - low


def _gap_before(cues: list[_Span], span: _Span, window: int, walls: frozenset[int]) -> bool:
    return any(cue.end <= span.start and _gap(cue, span, window, walls) is not None for cue in cues)


def _on_side(cue: _Span, span: _Span, side: str) -> bool:
    return side == "either" or (cue.end <= span.start if side == "before" else cue.start >= span.end)


def _right_before(cues: list[_Span], span: _Span, barriers: frozenset[int]) -> bool:
    return any(
        cue.end <= span.start and span.start - cue.end <= 1 and not any(cue.end <= k <= span.start for k in barriers)
        for cue in cues
    )
