"""Every place an obstacle is named, read into clauses with a kind: the raw material of the obstacle themes.

An owner names obstacles at touchpoints, in the step-5 list, as the reason customers leave, among the persona's
pains, sometimes in why the map is needed; customers name them in a survey. Each answer is read by the obstacle
reader (split into its obstacles, "no obstacle" answers dropped), and an owner's correction of a kind, stored
with the answer, always wins over the reader. The customers' answers come read already, gathered into voices
(`CustomerVoice`) and the voices into choruses (`Chorus`) once per set of touchpoints on the map: they do not change
while the owner answers, and the map is rebuilt after every answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, TypeVar

from assistant.bank.roles import Role
from assistant.journeymap.answers import RoleAnswers
from assistant.journeymap.model import JourneyMap, Stage, Touchpoint
from assistant.journeymap.reader import ReadObstacle
from assistant.journeymap.reading import Reading
from assistant.text import fold

Source = Literal["touchpoint", "obstacle_list", "drop_off", "persona", "goal", "customers"]
CORROBORATING: frozenset[Source] = frozenset({"goal"})
"""Sources that only add a place to an obstacle named elsewhere: why the owner needs a map is a problem statement,
often about results ("people ask and never book"), not a list of obstacles."""
QUOTES = 3
"""The customers' answers a theme quotes."""
_T = TypeVar("_T")
MAPS_REMEMBERED = 8
"""The sets of touchpoints whose choruses a survey's voices keep: the owner adds or renames a touchpoint now and
then, and the map in another language has the same touchpoints."""
THEMES_REMEMBERED = 256
"""The themes' choruses whose sum a survey's voices keep (`Voices.together`)."""


@dataclass(slots=True)
class Mention:
    """One obstacle named at one place. Never changed once collected; not a frozen dataclass only because making
    one costs three times as much, and every rebuild of the map makes them all again."""

    read: ReadObstacle
    source: Source
    ref: str | None
    stage: Stage | None = None
    touchpoint: Touchpoint | None = None
    corrected: bool = False
    customers: int = 0
    """The surveyed customers who said it (every one whose answer read alike), numbered, never named: bit n is
    respondent n, so that a theme's customers are counted with `|` and `bit_count`, not by building sets."""
    chorus: Chorus | None = None
    """What the customers said, when they said it (`touchpoint` is where the first of them did)."""

    @property
    def kind(self) -> str:
        return str(self.read.kind)


@dataclass(frozen=True, slots=True)
class Said:
    """One obstacle read in one distinct answer of the survey."""

    read: ReadObstacle
    respondents: int
    """How many respondents gave that answer."""
    order: int
    """Where it comes among everything the customers said (the survey's columns in order, then its answers in the
    order they were first given): what ties are broken by, as if each answer were a mention of its own."""


@dataclass(frozen=True, slots=True)
class CustomerVoice:
    """Every answer at one touchpoint whose obstacle the reader read alike (one kind, sub-kind and set of meaning
    words, all that deciding on a theme looks at): thousands of respondents word a few worries in thousands of ways,
    and what the map does with them depends on how they read, not on each answer. Worked out once per set of
    respondents, and gathered again across touchpoints into choruses (`Chorus`), so that a rebuild of the map (after
    every answer the owner gives) places a few dozen choruses into themes, not a Python object per answer."""

    read: ReadObstacle
    """The first answer's reading, standing for them all."""
    touchpoint_key: str | None
    customers: int
    """Who said it, as `Mention.customers`."""
    said: tuple[Said, ...]
    """Most respondents first, then in order: the quotes and a theme's name come from the top."""
    quotable: tuple[Said, ...]
    """The start of `said` up to its third answer that differs from those before it (case and accents aside): a
    theme quotes three such answers, so no later answer of this voice can be one of its quotes."""
    answers: int
    """How many respondents' answers it gathers (the sum over `said`): each weighs in its theme's kind as if it were
    a mention of its own."""


QuoteRank = tuple[int, bool, int, str]
"""How a theme ranks an answer to quote: most respondents first, then said of a touchpoint on the map, then in order
(`Said.order`); and the answer."""


@dataclass(frozen=True, slots=True, eq=False)
class Chorus:
    """The voices of a survey that read alike on one map (one kind, sub-kind and set of meaning words, all that
    placing them in a theme looks at; what the reader cannot place, at one touchpoint), wherever they were said: they
    always land in the same theme, so a rebuild of the map places a few dozen choruses, not every voice. Worked out
    from the voices and the touchpoints the map has, never from its names or the owner's answers (the analysis looks
    those up on the map of the moment)."""

    read: ReadObstacle
    """The first voice's reading (an owner's cost read as what it does to the customer), standing for them all."""
    touchpoint_key: str | None
    """Where the first voice was said, when the map has that touchpoint."""
    customers: int
    """Who said it, as `Mention.customers`."""
    answers: int
    """The answers it gathers, as `CustomerVoice.answers`."""
    sure: float
    """How sure the reader is of them, added answer by answer: what breaks a tie between a theme's sub-kinds."""
    at: dict[str | None, tuple[int, int]]
    """By touchpoint (None: said of the journey, or of a touchpoint the map no longer has): the first voice said there
    (its place among all the survey's voices) and who said it there, in the order first said."""
    quotable: tuple[QuoteRank, ...]
    """The answers a theme may quote, ranked, up to the third that differs from those before it (case and accents
    aside): no later one can be among a theme's quotes."""
    top: QuoteRank
    """The answer that names a theme the customers alone named: most respondents, then said of a touchpoint on the
    map, then the first said (`order` negated, so the highest ranks first)."""


@dataclass(frozen=True, slots=True, eq=False)
class Together:
    """What the choruses of one theme come to together: the same few themes come back at every rebuild of the map.
    Compared by identity: the analysis remembers the places it made of one."""

    at: tuple[tuple[str | None, int], ...]
    """Each touchpoint it was said of (None: the journey, or one the map no longer has) and how many customers said
    it there: where most said it first, the journey last of equals, then in the order first said."""
    quotes: tuple[str, ...]
    """Up to three of the customers' own words: what most of them said first, then what was said of a place."""


@dataclass(frozen=True, slots=True, eq=False)
class Voices:
    """What a survey's respondents said almost stopped them, in voices (`CustomerVoice`) in the order first said,
    with their choruses on the maps they were set on: the map is rebuilt after every answer the owner gives, and its
    touchpoints seldom change."""

    said: tuple[CustomerVoice, ...] = ()
    _choruses: dict[tuple[frozenset[str], str, frozenset[str]], list[Chorus]] = field(default_factory=dict, repr=False)
    _together: dict[tuple[Chorus, ...], Together] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.said)

    def on(self, touchpoints: frozenset[str], catch_all: str, owner_costs: frozenset[str]) -> list[Chorus]:
        """The voices as choruses on a map with these `touchpoints` (keys), in the order their first voice was said:
        what is said of no touchpoint the map has and that the reader cannot place is no obstacle and left out, and
        an owner's cost (a sub-kind of `owner_costs`) is read as what it does to the customer, or left out."""
        key = (touchpoints, catch_all, owner_costs)
        found = self._choruses.get(key)
        if found is None:
            if len(self._choruses) >= MAPS_REMEMBERED:
                self._choruses.clear()
            found = self._choruses[key] = _choruses(self.said, touchpoints, catch_all, owner_costs)
        return found

    def together(self, choruses: tuple[Chorus, ...]) -> Together:
        """What these choruses (of one theme, in order) come to together."""
        found = self._together.get(choruses)
        if found is None:
            if len(self._together) >= THEMES_REMEMBERED:
                self._together.clear()
            found = self._together[choruses] = _together(choruses)
        return found


def _together(choruses: tuple[Chorus, ...]) -> Together:
    at: dict[str | None, tuple[int, int]] = {}
    for chorus in choruses:
        for where, (first, who) in chorus.at.items():
            earlier, others = at.get(where, (first, 0))
            at[where] = (min(earlier, first), others | who)
    said = [(where, at[where][1].bit_count()) for where in sorted(at, key=lambda where: at[where][0])]
    most = sorted(said, key=lambda pair: (-pair[1], pair[0] is None))
    ranked = sorted(rank for chorus in choruses for rank in chorus.quotable)
    return Together(tuple(most), _unique((text for *_, text in ranked), QUOTES))


def _unique(texts: Iterable[str], most: int) -> tuple[str, ...]:
    """The texts without repeats (case and accents aside), the first `most` of them."""
    seen: set[str] = set()
    unique: list[str] = []
    for text in texts:
        if len(unique) >= most:
            break
        key = fold(text)
        if key not in seen:
            seen.add(key)
            unique.append(text)
    return tuple(unique)


def _choruses(
    voices: Sequence[CustomerVoice], touchpoints: frozenset[str], catch_all: str, owner_costs: frozenset[str]
) -> list[Chorus]:
    gathered: dict[tuple[str, str | None, frozenset[str], str | None], list[tuple[int, ReadObstacle, str | None]]] = {}
    for number, voice in enumerate(voices):
        where = voice.touchpoint_key if voice.touchpoint_key in touchpoints else None
        if where is None and voice.read.kind == catch_all:
            continue  # a wish or a remark the reader cannot place, said of no touchpoint, is not an obstacle
        read: ReadObstacle | None = voice.read
        if voice.read.subkind in owner_costs:
            read = customer_side(voice.read, owner_costs, catch_all)
        if read is None:
            continue
        # What the reader could not place says nothing in common but that: it stays at its own touchpoint.
        key = (read.kind, read.subkind, read.terms, where if read.kind == catch_all else None)
        gathered.setdefault(key, []).append((number, read, where))
    return [_chorus(voices, members) for members in gathered.values()]


def _chorus(voices: Sequence[CustomerVoice], members: list[tuple[int, ReadObstacle, str | None]]) -> Chorus:
    customers = answers = 0
    sure = 0.0
    at: dict[str | None, tuple[int, int]] = {}
    ranked: list[QuoteRank] = []
    for number, read, where in members:
        voice = voices[number]
        customers |= voice.customers
        answers += voice.answers
        sure += voice.answers * read.confidence
        first, who = at.get(where, (number, 0))
        at[where] = (first, who | voice.customers)
        ranked += ((-said.respondents, where is None, said.order, said.read.text) for said in voice.quotable)
    top = max(
        (said.respondents, where is not None, -said.order, said.read.text)
        for number, _, where in members
        for said in voices[number].said[:1]
    )
    _, read, where = members[0]
    return Chorus(read, where, customers, answers, sure, at, quotable(sorted(ranked), lambda rank: rank[3]), top)


def quotable(ranked: Sequence[_T], text: Callable[[_T], str]) -> tuple[_T, ...]:
    """The start of `ranked` up to its third answer that differs from those before it (case and accents aside, as
    a theme's quotes are compared): a theme quotes three such answers, so no later one can be among its quotes."""
    seen: set[str] = set()
    for end, one in enumerate(ranked):
        seen.add(fold(text(one)))
        if len(seen) == QUOTES:
            return tuple(ranked[: end + 1])
    return tuple(ranked)


def customer_side(read: ReadObstacle, owner_costs: frozenset[str], catch_all: str) -> ReadObstacle | None:
    """An owner's cost as the customer meets it: none of the customer's obstacles, but its effect is one when the
    reader can name it ("…commission, so the price on Booking is higher than direct" is a price that differs)."""
    effect = read.effect
    if effect is None or effect.kind == catch_all or effect.subkind in owner_costs:
        return None
    return replace(effect, text=read.text)


def read_answer(reader: Reading, text: str, corrections: dict[str, str] | None) -> list[tuple[ReadObstacle, bool]]:
    """The obstacles in one answer, each with whether the owner corrected its kind."""
    found = []
    for read in reader.read(text):
        kind = corrections.get(fold(read.text)) if corrections else None  # most answers have none to look up
        if kind is not None and kind != read.kind:
            found.append((replace(read, kind=kind, subkind=None, confidence=1.0), True))
        else:
            found.append((read, kind is not None))
    return found


def collect(
    journey: JourneyMap,
    answers: RoleAnswers,
    reader: Reading,
    customers: Sequence[Chorus] = (),
) -> list[Mention]:
    """Every obstacle mention of the interview (and the survey's choruses on this map, `Voices.on`), in journey
    order: touchpoints stage by stage, then the step-5 list, the drop-off reason, the persona's pains, why the map is
    needed, and customers."""
    mentions: list[Mention] = []

    def add(role: Role, key: str, text: str | None, source: Source, **where: object) -> None:
        entry = answers.entry(role, key)
        if not text or entry is None:
            return
        corrections = answers.corrections(entry.ref)
        for read, corrected in read_answer(reader, text, corrections):
            mentions.append(Mention(read, source, entry.ref, corrected=corrected, **where))  # type: ignore[arg-type]

    for stage in journey.stages:
        for touchpoint in stage.touchpoints:
            add(
                Role.TOUCHPOINT_OBSTACLES,
                touchpoint.key,
                touchpoint.obstacles,
                "touchpoint",
                stage=stage,
                touchpoint=touchpoint,
            )
    listed = answers.entry(Role.JOURNEY_OBSTACLES)
    if listed is not None and listed.status == "answered":
        corrections = answers.corrections(listed.ref)
        for text in journey.figures.journey_obstacles:
            for read, corrected in read_answer(reader, text, corrections):
                mentions.append(Mention(read, "obstacle_list", listed.ref, corrected=corrected))
    drop_stage, drop_touchpoint = drop_off_place(journey)
    add(
        Role.DROP_OFF_REASON,
        "",
        journey.figures.drop_off_reason,
        "drop_off",
        stage=drop_stage,
        touchpoint=drop_touchpoint,
    )
    add(Role.PERSONA_PAINS, "", journey.persona.pains, "persona")
    add(Role.WHY, "", journey.goals.why, "goal")
    if customers:
        touchpoints = places_of(journey)
        for chorus in customers:
            stage_of, touchpoint_of = touchpoints.get(chorus.touchpoint_key or "", (None, None))
            mentions.append(
                Mention(
                    chorus.read,
                    "customers",
                    None,
                    stage=stage_of,
                    touchpoint=touchpoint_of,
                    customers=chorus.customers,
                    chorus=chorus,
                )
            )
    return mentions


def places_of(journey: JourneyMap) -> dict[str, tuple[Stage, Touchpoint]]:
    """Each touchpoint of the map and its stage, by key."""
    return {tp.key: (stage, tp) for stage in journey.stages for tp in stage.touchpoints}


def drop_off_place(journey: JourneyMap) -> tuple[Stage | None, Touchpoint | None]:
    key = journey.figures.drop_off_key
    for stage in journey.stages:
        for touchpoint in stage.touchpoints:
            if touchpoint.key == key:
                return stage, touchpoint
    return None, None
