"""Obstacle themes: the same obstacle named in several places becomes one theme with every place it was named.

Sameness is decided on meaning (the reader's kind, sub-kind and meaning words), never on exact text: "No prices
shown on the fanpage" at the fanpage, "price list is just a photo" at Messenger and "No prices shown, have to
message" in the step-5 list are one theme with three places.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_

from assistant.journeymap.mentions import CORROBORATING, Mention
from assistant.journeymap.reading import Reading

_SOURCE_ORDER = {"touchpoint": 0, "obstacle_list": 1, "drop_off": 2, "customers": 3, "persona": 4, "goal": 5}


@dataclass
class Theme:
    """One obstacle and every mention of it. Its kind and sub-kind are tallied as mentions join (grouping asks at
    every comparison); its customers, its owner's mentions and its title are worked out once `group` has gathered
    them, and remembered: a theme that thousands of customers named is asked its count many times."""

    mentions: list[Mention] = field(default_factory=list)
    # What its mentions were read as, counted as they are appended (grouping asks at every mention compared).
    _tallied: int = field(default=0, init=False, repr=False, compare=False)
    _corrected: str | None = field(default=None, init=False, repr=False, compare=False)
    _kinds: Counter[str] = field(default_factory=Counter, init=False, repr=False, compare=False)
    _subkinds: dict[tuple[str, str], tuple[int, float]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _agreed: tuple[str, str | None] = field(default=("", None), init=False, repr=False, compare=False)

    def _tally(self) -> tuple[str, str | None]:
        if self._tallied == len(self.mentions):
            return self._agreed
        for mention in self.mentions[self._tallied :]:
            kind, subkind = mention.kind, mention.read.subkind
            if mention.corrected and self._corrected is None:
                self._corrected = kind
            # The customers' chorus votes for each answer it gathers, as each answer did when it was a mention.
            chorus = mention.chorus
            weight, confident = (chorus.answers, chorus.sure) if chorus else (1, mention.read.confidence)
            self._kinds[kind] += weight
            if subkind:
                count, sure = self._subkinds.get((kind, subkind), (0, 0.0))
                self._subkinds[(kind, subkind)] = (count + weight, sure + confident)
        self._tallied = len(self.mentions)
        # max keeps the first of equals, as most_common(1) does, without its heap.
        kind = self._corrected or max(self._kinds, key=self._kinds.__getitem__)
        votes = {subkind: tally for (of, subkind), tally in self._subkinds.items() if of == kind}
        # max keeps the first of equals: the sub-kind named first wins a tie.
        self._agreed = (kind, max(votes, key=votes.__getitem__, default=None))
        return self._agreed

    @property
    def kind(self) -> str:
        """The kind most of its mentions were read as, an owner's correction first."""
        return self._tally()[0]

    @property
    def subkind(self) -> str | None:
        """The sub-kind most of its mentions of its kind agree on (the surer reading, then the first, on a tie): one
        mention read otherwise, named first or not, does not decide what the theme is about."""
        return self._tally()[1]

    @cached_property
    def owner_mentions(self) -> list[Mention]:
        """The owner's mentions, never the customers': asked of a gathered theme only, as `customers` and `title`
        are (the analysis asks a theme named at a hundred touchpoints a dozen times)."""
        return [m for m in self.mentions if m.source != "customers"]

    @cached_property
    def customers(self) -> int:
        return reduce(or_, (m.customers for m in self.mentions), 0).bit_count()

    @cached_property
    def title(self) -> str:
        """The wording that names the theme: the owner's own, where they said it most concretely (at a touchpoint,
        then in the list…), the first place on the journey it was named."""
        candidates = self.owner_mentions
        if not candidates:  # customers alone: the answer most of them gave, said of a touchpoint, the first such
            return max(m.chorus.top for m in self.mentions if m.chorus is not None)[3]
        best = min(_SOURCE_ORDER[m.source] for m in candidates)
        return next(m for m in candidates if _SOURCE_ORDER[m.source] == best).read.text


def group(mentions: list[Mention], reader: Reading, catch_all: str = "other") -> list[Theme]:
    """Themes in the order their first mention appears; a corroborating mention only joins a theme named
    elsewhere. What customers said joins the owner's theme it means the same as; what joins none is gathered by kind
    and sub-kind, one theme of the customers' own each: a hundred respondents word one worry a hundred ways."""
    themes: list[Theme] = []
    by_kind: dict[str, list[Theme]] = {}  # sameness needs one kind: a mention is compared within its kind only
    at_touchpoint: dict[str, list[tuple[Theme, Mention]]] = {}  # the owner's mentions at each, with their theme
    for mention in mentions:
        if mention.source in CORROBORATING or mention.source == "customers":
            continue
        here = at_touchpoint.setdefault(mention.touchpoint.key, []) if mention.touchpoint is not None else None
        theme = _theme_of(mention, by_kind.get(mention.kind, []), reader)
        if theme is None and here:
            theme = _said_again(mention, here)
        if theme is None:
            theme = Theme([mention])
            themes.append(theme)
            by_kind.setdefault(mention.kind, []).append(theme)
        else:
            theme.mentions.append(mention)
        if here is not None:
            here.append((theme, mention))
    for mention in mentions:
        if mention.source in CORROBORATING:
            theme = _theme_of(mention, by_kind.get(mention.kind, []), reader)
            if theme is not None:
                theme.mentions.append(mention)
    customers_own: dict[tuple[str, str | None, str | None], Theme] = {}
    # The customers come as choruses, their answers gathered by how they read (`Chorus`), and one way of reading is
    # placed once wherever it was said (what the reader cannot place comes in a chorus per touchpoint). It joins an
    # owner's theme by the owner's own mentions (and the sub-kind they agree on), not by the customers who joined it
    # before, so ten thousand respondents cost a few comparisons per owner mention.
    owners: dict[str, list[tuple[Theme, list[Mention], str | None]]] = {
        kind: [(theme, list(theme.mentions), theme.subkind) for theme in kind_themes]
        for kind, kind_themes in by_kind.items()
    }
    placed: dict[tuple[str, str | None, frozenset[str]], Theme | None] = {}
    for mention in mentions:
        if mention.source != "customers":
            continue
        read = mention.read
        at = (read.kind, read.subkind, read.terms)  # all that sameness looks at, wherever it was said
        if at in placed:
            theme = placed[at]
        else:
            theme = next(
                (
                    owned
                    for owned, named, subkind in owners.get(mention.kind, [])
                    if _joins(mention, named, subkind, reader)
                ),
                None,
            )
            placed[at] = theme
        if theme is None:
            # What the reader could not place says nothing in common but that: it stays at its own touchpoint.
            where = mention.touchpoint.key if mention.kind == catch_all and mention.touchpoint else None
            key = (mention.kind, mention.read.subkind, where)
            theme = customers_own.get(key)
            if theme is None:
                theme = customers_own[key] = Theme([])
                themes.append(theme)
        theme.mentions.append(mention)
    return themes


def _theme_of(mention: Mention, themes: list[Theme], reader: Reading) -> Theme | None:
    # A corrected mention carries the owner's kind already, so the reader compares it under that kind.
    for theme in themes:
        if _joins(mention, theme.mentions, theme.subkind if mention.read.subkind else None, reader):
            return theme
    return None


def _joins(mention: Mention, named: list[Mention], agreed: str | None, reader: Reading) -> bool:
    """The mention is one of `named`: the same as one of them and of the sub-kind they agree on (`agreed`), or of
    another sub-kind whose meaning words meet that one's twice. A complaint about directions does not join a theme
    of wrong opening hours through a mention of the theme that names no sub-kind."""
    own = mention.read.subkind
    if own is None or agreed is None or own == agreed:
        return any(_same(mention, other, reader) for other in named)
    terms = mention.read.terms
    return any(len(terms & other.read.terms) >= 2 and _same(mention, other, reader) for other in named)


def _said_again(mention: Mention, here: list[tuple[Theme, Mention]]) -> Theme | None:
    """The theme of an obstacle another question already named at the same touchpoint (`here`), in other words and
    maybe read as another kind: the reason customers leave at Messenger ("they wait too long for our reply and book
    another place") is the slow reply named at Messenger ("slow replies, so guests book elsewhere while waiting").
    The two share what the obstacle is about, and with what it leads to, meet at least twice."""
    cause = mention.read.terms
    meaning = _meaning(mention)
    for theme, other in here:
        if other.ref != mention.ref and cause & other.read.terms and len(meaning & _meaning(other)) >= 2:
            return theme
    return None


def _meaning(mention: Mention) -> frozenset[str]:
    effect = mention.read.effect
    return mention.read.terms | effect.terms if effect is not None else mention.read.terms


def _same(a: Mention, b: Mention, reader: Reading) -> bool:
    """The reader's sameness, or one kind whose sub-kinds differ but whose meaning words meet twice: "sợ hàng giả vì
    thiếu giấy công bố" (a licence) and "sợ hàng giả, không rõ nguồn gốc" (a fake) are one fear. An obstacle that
    names nothing but its sub-kind is the same as another of that sub-kind: "hay hết món buổi chiều" and "hết bún bò
    lúc 2h" are both about what has sold out, and neither says anything that sets it apart."""
    if reader.same_theme(a.read, b.read):
        return True
    if a.kind != b.kind or a.kind == "other":
        return False
    if a.read.subkind is not None and a.read.subkind == b.read.subkind and not (a.read.terms and b.read.terms):
        return True
    return len(a.read.terms & b.read.terms) >= 2
