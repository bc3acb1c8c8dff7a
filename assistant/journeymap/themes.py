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
    """One obstacle and every mention of it. What it says of itself is worked out once `group` has gathered its
    mentions, and remembered: a theme that thousands of customers named is asked its kind and count many times."""

    mentions: list[Mention] = field(default_factory=list)

    @cached_property
    def kind(self) -> str:
        """The kind most of its mentions were read as, an owner's correction first."""
        corrected = [m.kind for m in self.mentions if m.corrected]
        if corrected:
            return corrected[0]
        return Counter(m.kind for m in self.mentions).most_common(1)[0][0]

    @cached_property
    def subkind(self) -> str | None:
        kind = self.kind
        return next((m.read.subkind for m in self.mentions if m.kind == kind and m.read.subkind), None)

    @cached_property
    def owner_mentions(self) -> list[Mention]:
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
            top = max(self.mentions, key=lambda m: (m.said[0].respondents, m.touchpoint is not None, -m.said[0].order))
            return top.said[0].read.text
        best = min(_SOURCE_ORDER[m.source] for m in candidates)
        return next(m for m in candidates if _SOURCE_ORDER[m.source] == best).read.text


def group(mentions: list[Mention], reader: Reading, catch_all: str = "other") -> list[Theme]:
    """Themes in the order their first mention appears; a corroborating mention only joins a theme named
    elsewhere. What customers said joins the owner's theme it means the same as; what joins none is gathered by kind
    and sub-kind, one theme of the customers' own each: a hundred respondents word one worry a hundred ways."""
    themes: list[Theme] = []
    by_kind: dict[str, list[Theme]] = {}  # sameness needs one kind: a mention is compared within its kind only
    for mention in mentions:
        if mention.source in CORROBORATING or mention.source == "customers":
            continue
        theme = _theme_of(mention, by_kind.get(mention.kind, []), reader)
        if theme is None:
            theme = Theme([mention])
            themes.append(theme)
            by_kind.setdefault(mention.kind, []).append(theme)
        else:
            theme.mentions.append(mention)
    for mention in mentions:
        if mention.source in CORROBORATING:
            theme = _theme_of(mention, by_kind.get(mention.kind, []), reader)
            if theme is not None:
                theme.mentions.append(mention)
    customers_own: dict[tuple[str, str | None, str | None], Theme] = {}
    # The customers come as voices, their answers gathered by touchpoint and by how they read, and one way of reading
    # is placed once wherever it was said. It joins an owner's theme by the owner's own mentions, not by the
    # customers who joined it before, so ten thousand respondents cost a few comparisons per owner mention.
    owners: dict[str, list[tuple[Theme, list[Mention]]]] = {
        kind: [(theme, list(theme.mentions)) for theme in kind_themes] for kind, kind_themes in by_kind.items()
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
                    for owned, named in owners.get(mention.kind, [])
                    if any(_same(mention, other, reader) for other in named)
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
        if any(_same(mention, other, reader) for other in theme.mentions):
            return theme
    return None


def _same(a: Mention, b: Mention, reader: Reading) -> bool:
    """The reader's sameness, or one kind whose sub-kinds differ but whose meaning words meet twice: "sợ hàng giả vì
    thiếu giấy công bố" (a licence) and "sợ hàng giả, không rõ nguồn gốc" (a fake) are one fear."""
    if reader.same_theme(a.read, b.read):
        return True
    return a.kind == b.kind and a.kind != "other" and len(a.read.terms & b.read.terms) >= 2
