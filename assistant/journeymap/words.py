"""The words of a typed answer, and the keys the obstacle reader matches them by.

Vietnamese is matched per syllable. A syllable typed with marks is keyed by its letters and its tone apart
(`tone_key`), so the two ways of placing a tone ("hoà" / "hòa", and the common slip "gía" for "giá") are one key,
while "giá", "giả" and "gia" stay three. A syllable typed without marks is keyed by `fold`. English words are keyed
by a light stemmer (`english_stem`) that only has to be consistent: the lexicon's phrases go through it too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from assistant.text import fold

# A number with its separators and a unit glued on ("50.000đ", "30k", "3.5"), or a word with inner apostrophes.
_WORD = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|[^\W_]+(?:['’][^\W_]+)*")
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)([^\W\d_]*)")
# Punctuation that ends a part of a clause; a dash does only with a space beside it ("giá cao - ship lâu").
_BREAKS = frozenset(',;:.!?()[]{}…"“”«»|•')
_DASHES = frozenset("-–—")
_JOIN_SYMBOLS = frozenset("&+")
CURRENCY_SYMBOLS = frozenset("$€£₫")
_CLOSING = "%)]}\"'”’»"
_OPENING = "([{\"'“‘«$€£"

# Combining marks that carry the Vietnamese tone; the others (breve, circumflex, horn) belong to the letter.
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_TONE_SEPARATOR = "\u00b7"

# A Vietnamese syllable with its marks taken off: onset, one to three vowels, a final consonant.
_VIETNAMESE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?"
)

PLACEHOLDERS = frozenset({"#num", "#money", "#percent"})


@dataclass(frozen=True, slots=True)
class Word:
    """One typed word and what stands between it and the previous one."""

    text: str
    start: int
    end: int
    break_before: bool  # punctuation before it ends a part of the clause
    joined_before: bool  # "&" or "+" before it joins two clauses
    money: bool  # a currency sign beside it ("$5", "5$")
    percent: bool  # a "%" right after it


def split_words(text: str) -> list[Word]:
    found = list(_WORD.finditer(text))
    words: list[Word] = []
    for index, match in enumerate(found):
        gap_before = text[found[index - 1].end() : match.start()] if index else text[: match.start()]
        gap_after = text[match.end() : found[index + 1].start()] if index + 1 < len(found) else text[match.end() :]
        spaced_dash = any(ch in _DASHES for ch in gap_before) and any(ch.isspace() for ch in gap_before)
        words.append(
            Word(
                text=match.group(),
                start=match.start(),
                end=match.end(),
                break_before=index > 0 and (any(ch in _BREAKS for ch in gap_before) or spaced_dash),
                joined_before=index > 0 and any(ch in _JOIN_SYMBOLS for ch in gap_before),
                money=gap_before[-1:] in CURRENCY_SYMBOLS or gap_after[:1] in CURRENCY_SYMBOLS,
                percent=gap_after.lstrip()[:1] == "%",
            )
        )
    return words


def word_texts(text: str) -> list[str]:
    """Only the words, for lexicon phrases: none of the punctuation analysis typed answers need."""
    return _WORD.findall(text)


def span_text(text: str, first: Word, last: Word) -> str:
    """The typed text from one word to another, with a closing "%" or quote kept and outer punctuation dropped."""
    start, end = first.start, last.end
    while start > 0 and text[start - 1] in _OPENING:
        start -= 1
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return text[start:end].strip()


def number_parts(word: str) -> tuple[str, str] | None:
    """("50.000", "đ") for "50.000đ", None for a word that is not a number."""
    match = _NUMBER.fullmatch(word)
    return (match.group(1), match.group(2)) if match else None


@lru_cache(maxsize=65536)
def has_marks(word: str) -> bool:
    return fold(word) != word.casefold()


@lru_cache(maxsize=65536)
def tone_key(word: str) -> str:
    """A syllable's letters and tone, wherever the tone mark was typed: "hoà", "hòa" → "hoa·2"."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tone = ""
    letters: list[str] = []
    for ch in decomposed:
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            letters.append(ch)
    base = unicodedata.normalize("NFC", "".join(letters))
    return f"{base}{_TONE_SEPARATOR}{tone}" if tone else base


@lru_cache(maxsize=65536)
def bare_key(word: str) -> str:
    return fold(word)


def is_vietnamese_syllable(bare: str) -> bool:
    return _VIETNAMESE_SYLLABLE.fullmatch(bare) is not None


def english_clitics(word: str) -> list[str]:
    """ "doesn't" → does, not; "can't" → can, not; "it's" → it."""
    plain = word.replace("’", "'")
    if "'" not in plain:
        return [plain]
    if plain.endswith("n't"):
        base = {"can't": "can", "won't": "will", "ain't": "is", "shan't": "shall"}.get(plain, plain[:-3])
        return [base, "not"]
    return [plain.split("'", 1)[0]]


def english_stem(word: str, irregular: dict[str, str]) -> str:
    """A light, consistent stemmer: prices/priced/pricing → pric, replies/replied → reply, crashes → crash."""
    if word in irregular:
        return irregular[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    stem = word
    if stem.endswith(("ies", "ied")) and len(stem) > 4:
        stem = stem[:-3] + "y"
    elif stem.endswith(("sses", "xes", "zes", "ches", "shes")):
        stem = stem[:-2]
    elif stem.endswith("s") and not stem.endswith(("ss", "us", "is")):
        stem = stem[:-1]
    if stem.endswith("ing") and len(stem) - 3 >= 3:
        stem = _undouble(stem[:-3])
    elif stem.endswith("ed") and len(stem) - 2 >= 3:
        stem = _undouble(stem[:-2])
    if stem.endswith("e") and not stem.endswith("ee") and len(stem) > 3:
        stem = stem[:-1]
    return stem


def _undouble(stem: str) -> str:
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] in "bdgmnprt":
        return stem[:-1]
    return stem


def deletes(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))}
