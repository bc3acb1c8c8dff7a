"""The kind review: every obstacle the owner named so far, with the kind the reader understood, so the owner can
correct any in one move before the analysis relies on it."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.bank.model import localize
from assistant.i18n import t
from assistant.interview.engine import Interview
from assistant.interview.models import Choice
from assistant.journeymap.answers import RoleAnswers
from assistant.journeymap.mentions import CORROBORATING, collect
from assistant.journeymap.model import JourneyMap
from assistant.journeymap.reading import Reading
from assistant.journeymap.rules import rules_for
from assistant.text import fold


class NamedObstacle(BaseModel):
    """One obstacle the owner named, as the reader understood it."""

    number: int
    ref: str
    clause: str
    where: str = Field(description="The touchpoint, or the part of the interview, where it was named.")
    kind: str
    kind_label: str
    corrected: bool


class KindReview(BaseModel):
    obstacles: list[NamedObstacle]
    kinds: list[Choice] = Field(description="The kinds the owner may choose, numbered.")


def named_obstacles(interview: Interview, journey: JourneyMap, reading: Reading) -> KindReview:
    """The obstacles of `journey` (a map built without findings) in the order they were named, as `reading` reads
    them."""
    locale = interview.locale
    rules = rules_for(interview.bank.id)
    labels = {kind.code: localize(kind.label, locale, "en") for kind in rules.obstacle_kinds}
    kinds = [Choice(number=number, code=code, label=label) for number, (code, label) in enumerate(labels.items(), 1)]
    obstacles: list[NamedObstacle] = []
    seen: set[tuple[str, str]] = set()
    for mention in collect(journey, RoleAnswers(interview), reading):
        if mention.source in CORROBORATING or mention.ref is None:
            continue
        key = (mention.ref, fold(mention.read.text))
        if key in seen:
            continue
        seen.add(key)
        where = mention.touchpoint.name if mention.touchpoint else t(f"map.place.{mention.source}", locale)
        obstacles.append(
            NamedObstacle(
                number=len(obstacles) + 1,
                ref=mention.ref,
                clause=mention.read.text,
                where=where,
                kind=mention.kind,
                kind_label=labels.get(mention.kind, mention.kind),
                corrected=mention.corrected,
            )
        )
    return KindReview(obstacles=obstacles, kinds=kinds)
