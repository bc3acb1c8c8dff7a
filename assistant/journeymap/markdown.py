"""The journey map as Markdown: a document for the team, deterministic so that maps diff cleanly in git.

User text never becomes structure: every answer is escaped for the place it lands (a table cell, a list item,
a Mermaid task name), so the parsed document has exactly the tables, rows and columns the map model says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.canvas import Column, LaneId, journey_canvas
from assistant.journeymap.model import Coded, Finding, JourneyMap, Stage, Touchpoint
from assistant.journeymap.voice import (
    answers_text,
    counts_text,
    profile_label,
    progress_text,
    respondents_line,
    touchpoint_text,
)
from assistant.text import shorten

# Characters that CommonMark (and markdown-it's tables and strikethrough) can read as structure anywhere in a
# line. Escaping them with a backslash is always allowed for ASCII punctuation, so the text reads the same.
_INLINE_SPECIALS = re.compile(r"[\\`*_\[\]<>#|~&!]")
# At the start of a line: list markers, ordered-list numbers, setext underlines, and indentation.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
_MARKER_STARTS = frozenset("-+=0123456789")
# What `str.splitlines` breaks on, and the specials: text with none of them is one line that needs no escape.
_NEEDS_ESCAPING = re.compile(r"[\\`*_\[\]<>#|~&!\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
MISSING = "—"
GLANCE_ENTRY = 60
"""Characters of one touchpoint's text in the at-a-glance table: the whole journey on one screen, the detail below."""


def inline(text: str) -> str:
    """Text for one line of Markdown (a table cell, a list item): no structure, no line break."""
    if text and not _NEEDS_ESCAPING.search(text) and text[0] not in _MARKER_STARTS and not text[0].isspace():
        return text.rstrip()  # most answers: one plain line (a map inlines thousands of them)
    return " · ".join(_escaped_lines(text))


def block(text: str, indent: str = "") -> str:
    """Several lines kept as hard line breaks; every line escaped at its start as well as within."""
    return ("\\\n" + indent).join(_escaped_lines(text))


def _escaped_lines(text: str) -> list[str]:
    """Each non-blank line with its specials escaped, then its line-start markers (after, so that the
    backslash added for a marker is not itself escaped). Most lines have no special at all: a map escapes every
    answer, and substituting in each of them cost more than the rest of the document."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        escaped = _INLINE_SPECIALS.sub(r"\\\g<0>", line) if _INLINE_SPECIALS.search(line) else line
        if escaped[0] in _MARKER_STARTS:
            escaped = _LINE_START.sub(_escape_line_start, escaped)
        lines.append(escaped)
    return lines


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker.isdigit():
        return f"{match.group(1)}{marker}\\"  # "1." stays text as "1\."
    return f"{match.group(1)}\\{marker}"


# Mermaid's journey grammar (journey.jison) ends a title, a section name or a task name at `#` (a comment), `;` or
# a line break, splits a task at `:` and its actors at `,`, and drops a line from any `%%` on (a comment, or a
# `%%{…}%%` directive that reconfigures the diagram). Each is replaced by its full-width form, which reads the same
# and is no token. Backticks could end the Markdown fence.
# A byte-order mark is whitespace to JavaScript and not to Python: it goes, so no keyword hides behind it.
_MERMAID_ALWAYS = str.maketrans({"#": "＃", ";": "；", "`": "｀", "\n": " ", "\r": " ", "\ufeff": " "})
_MERMAID_TASK = str.maketrans({":": "："})
_MERMAID_ACTOR = str.maketrans({":": "：", ",": "，"})
_MERMAID_PERCENTS = re.compile(r"%(?=%)")
_MERMAID_SPECIALS = re.compile(
    "[%" + re.escape("".join(map(chr, {**_MERMAID_ALWAYS, **_MERMAID_TASK, **_MERMAID_ACTOR}))) + "]"
)
"""Any character the tables above replace, read off them: text with none of them is left as it is."""
# The lexer is case-insensitive and tries its keywords before a task name, so a task called "Section A" starts a
# section and "Title page" retitles the diagram. A zero-width space in front is no keyword and shows nothing.
_MERMAID_KEYWORD = re.compile(r"(?i)(?:journey|title|section|acctitle|accdescr)")
_ZERO_WIDTH_SPACE = "\u200b"


def mermaid_text(text: str, role: Literal["title", "section", "task", "actor"] = "task") -> str:
    """`text` as Mermaid's journey grammar reads it back whole, in the role it plays in the diagram."""
    cleaned = text
    if _MERMAID_SPECIALS.search(text):  # most names have none, and `translate` looks up every character
        cleaned = _MERMAID_PERCENTS.sub("％", text.translate(_MERMAID_ALWAYS))
        if role in ("section", "task"):
            cleaned = cleaned.translate(_MERMAID_TASK)
        elif role == "actor":
            cleaned = cleaned.translate(_MERMAID_ACTOR)
    cleaned = " ".join(cleaned.split()) or MISSING
    if role == "task" and _MERMAID_KEYWORD.match(cleaned):
        cleaned = _ZERO_WIDTH_SPACE + cleaned
    return cleaned


def mermaid_score(score: float) -> int:
    """The journey diagram draws scores 0 to 5."""
    return max(0, min(5, round(score)))


def render_markdown(journey: JourneyMap) -> str:
    return _Writer(journey).render()


class _Writer:
    def __init__(self, journey: JourneyMap) -> None:
        self.map = journey
        self.locale = journey.locale
        self.lines: list[str] = []
        self._inlined: dict[str, str] = {}

    def t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def inline(self, text: str) -> str:
        """`inline(text)`, each text escaped once: a map writes every answer in its stage's table and again in the
        appendix, and a channel at each of its touchpoints."""
        escaped = self._inlined.get(text)
        if escaped is None:
            escaped = self._inlined[text] = inline(text)
        return escaped

    def out(self, *lines: str) -> None:
        self.lines.extend(lines)

    def heading(self, level: int, text: str) -> None:
        self.out("#" * level + " " + text, "")

    def fields(self, pairs: Iterable[tuple[str, str | None]], *, empty: bool = True) -> None:
        """A bullet list of `**label:** value`, skipping values not given; says so when none is given."""
        written = [f"- **{label}:** {block(value, '  ')}" for label, value in pairs if value]
        if written:
            self.out(*written, "")
        elif empty:
            self.out(f"*{self.t('map.not_answered')}*", "")

    def table(self, header: Sequence[str], rows: Iterable[Sequence[str | None]]) -> None:
        """A table of user text; header cells are journey's own words and are written as they are."""
        self.out("| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|")
        self.lines += [
            "| " + " | ".join([self.inline(cell) if cell else MISSING for cell in row]) + " |" for row in rows
        ]
        self.out("")

    # ----- sections ------------------------------------------------------------------------------------

    def render(self) -> str:
        self.header()
        self.where_to_start()
        self.at_a_glance()  # right after "Where to start", with the moments that matter on its emotion row
        self.moments()
        self.goals()
        self.persona()
        self.research()
        self.stages()
        self.blueprint()
        self.obstacles()
        self.resource_gaps()
        self.figures()
        self.resources()
        self.review()
        self.missing()
        self.appendix()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    def header(self) -> None:
        journey = self.map
        self.heading(1, inline(journey.title))
        status = self.t(f"map.status.{journey.status}")
        progress = progress_text(journey)
        self.fields(
            [
                (self.t("map.field.business"), journey.business),
                (self.t("map.field.map_type"), _label(journey.map_type)),
                (self.t("map.field.depth"), _label(journey.depth)),
                (self.t("map.field.preset"), _label(journey.preset)),
                (self.t("map.field.language"), self.t(f"map.language.{journey.locale}")),
                (self.t("map.field.status"), f"{status} ({progress})"),
                (self.t("map.field.created"), _day(journey.created)),
                (self.t("map.field.updated"), _day(journey.updated)),
                (self.t("map.field.completed"), _day(journey.completed) if journey.completed else None),
                (self.t("map.field.bank"), f"{journey.bank_id} {journey.bank_version}"),
            ]
        )
        if journey.map_type_notes:
            self.fields((note.label or note.question, note.answer) for note in journey.map_type_notes)

    def goals(self) -> None:
        goals = self.map.goals
        self.heading(2, self.t("map.goals"))
        self.fields(
            [
                (self.t("map.field.offer"), goals.offer),
                (self.t("map.field.objective"), _label(goals.objective)),
                (self.t("map.field.why"), goals.why),
                (self.t("map.field.business_goals"), goals.business_goals),
                (self.t("map.field.audience"), goals.audience),
                (self.t("map.field.desired_experience"), goals.desired_experience),
                (
                    self.t("map.field.expected_touchpoints"),
                    str(goals.expected_touchpoints) if goals.expected_touchpoints is not None else None,
                ),
                (self.t("map.field.data_basis"), _labels(goals.data_basis)),
                (self.t("map.field.data_basis_notes"), goals.data_basis_notes),
            ]
        )

    def persona(self) -> None:
        persona = self.map.persona
        self.heading(2, self.t("map.persona"))
        self.fields(
            [
                (self.t("map.field.persona_name"), persona.name),
                (self.t("map.field.segment"), persona.segment),
                (self.t("map.field.age"), _label(persona.age)),
                (self.t("map.field.gender"), _label(persona.gender)),
                (self.t("map.field.income"), _label(persona.income)),
                (self.t("map.field.location"), persona.location),
                (self.t("map.field.occupation"), persona.occupation),
                (self.t("map.field.persona_goals"), persona.goals),
                (self.t("map.field.pains"), persona.pains),
                (self.t("map.field.motivations"), persona.motivations),
                (self.t("map.field.behaviour"), persona.behaviour),
                (self.t("map.field.psychographics"), persona.psychographics),
            ]
        )
        self.respondents_profile()
        if self.map.segments:
            self.heading(3, self.t("map.segments"))
            self.table(
                [self.t("map.col.segment"), self.t("map.col.description"), self.t("map.col.share")],
                [
                    [s.name, s.description, f"{format_number(s.share, self.locale)}%" if s.share is not None else None]
                    for s in self.map.segments
                ],
            )

    def research(self) -> None:
        if not self.map.research and self.map.customers is None:
            return
        self.heading(2, self.t("map.research"))
        if self.map.research:
            self.table(
                [self.t("map.col.question"), self.t("map.col.answer")],
                [[fact.question, fact.answer] for fact in self.map.research],
            )
        self.customers_research()

    def at_a_glance(self) -> None:
        """Stages across, lanes down: the whole journey on one screen, each cell short (the stages' tables below
        have every word), then the emotion at each touchpoint as a Mermaid journey diagram."""
        if not self.map.stages:
            return
        self.heading(2, self.t("map.at_a_glance"))
        canvas = journey_canvas(self.map)
        self.out(
            "| "
            + " | ".join([self.t("map.col.stage"), *(f"{c.number}\\. {inline(c.name)}" for c in canvas.columns)])
            + " |",
            "|" + "|".join("---" for _ in range(len(canvas.columns) + 1)) + "|",
        )
        backstage = False
        for lane in canvas.lanes:
            if lane.backstage and not backstage:
                backstage = True
                line = self.t("map.canvas.line_of_visibility")
                self.out("| " + " | ".join([f"*{inline(line)}*", *(" " for _ in canvas.columns)]) + " |")
            cells = [self._glance_cell(lane.id, column) or MISSING for column in canvas.columns]
            self.out("| " + " | ".join([f"**{inline(lane.label)}**", *cells]) + " |")
        self.out("")
        self.emotion_diagram()

    def _glance_cell(self, lane: LaneId, column: Column) -> str:
        """One cell of the glance: journey's own emphasis around escaped text, one line per touchpoint."""
        lines: list[str] = []
        if lane == "touchpoints":
            for head in column.touchpoints:
                channel = f" · *{self.inline(head.channel)}*" if head.channel else ""
                used = f" · {self.t('map.canvas.used_by', count=head.used_by)}" if head.used_by is not None else ""
                lines.append(f"({head.number}) {self.inline(shorten(head.name, GLANCE_ENTRY))}{channel}{used}")
        elif lane == "emotion":
            curve = column.curve
            if curve.mean is not None:
                number = format_number(curve.mean, self.locale)
                if curve.low == curve.high:
                    lines.append(self.t("map.canvas.score", score=number))
                else:
                    lines.append(self.t("map.canvas.mean", mean=number, low=curve.low, high=curve.high))
            if curve.customers is not None:
                mean = format_number(curve.customers, self.locale)
                lines.append(self.t("map.canvas.customers", mean=mean, count=curve.customers_n))
            lines += [f"({measure.number}) {measure.words(self.locale)}" for measure in curve.measures]
            lines += [f"**{self.t(f'map.moment.{moment.kind}')}**" for moment in curve.moments]
        elif lane == "obstacles":
            for card in column.cards:
                at = "".join(f"({number}) " for number, _ in card.at)
                lines.append(f"{at}**{card.severity_label}:** {self.inline(shorten(card.title, GLANCE_ENTRY))}")
        elif lane in column.layers:
            layer = column.layers[lane]
            if layer:
                lines.append(self.inline(shorten(layer, GLANCE_ENTRY * 2)))
        else:
            for entry in column.entries.get(lane, ()):
                if entry.text is None:
                    lines.append(f"({entry.number}) *{self.t('map.canvas.not_asked')}*")
                else:
                    lines.append(f"({entry.number}) {self.inline(shorten(entry.text, GLANCE_ENTRY))}")
        # A GitHub table cell takes <br> as its only line break; every `<` of the user's text is escaped above.
        return "<br>".join(lines)

    def emotion_diagram(self) -> None:
        stages = [stage for stage in self.map.stages if stage.touchpoints]
        if not stages:
            return
        actor = mermaid_text(self.map.persona.name or self.t("map.customer"), "actor")
        title = mermaid_text(self.map.title, "title")
        self.out(
            "```mermaid",
            "journey",
            f"  title {title}",
            f"  accTitle: {mermaid_text(self.t('map.mermaid.title', title=self.map.title), 'title')}",
            f"  accDescr: {mermaid_text(self.t('map.mermaid.description'), 'title')}",
        )
        unscored = 0
        for stage in stages:
            self.out(f"  section {mermaid_text(stage.name, 'section')}")
            for touchpoint in stage.touchpoints:
                score = touchpoint.emotion_score
                if score is None:
                    unscored += 1
                self.out(
                    f"    {mermaid_text(touchpoint.name)}: {mermaid_score(3 if score is None else score)}: {actor}"
                )
        self.out("```", "")
        if unscored:
            self.out(f"*{self.t('map.unscored', count=unscored)}*", "")

    def stages(self) -> None:
        self.heading(2, self.t("map.stages"))
        if not self.map.stages:
            self.out(f"*{self.t('map.not_answered')}*", "")
            return
        for number, stage in enumerate(self.map.stages, start=1):
            self.stage(number, stage)

    def stage(self, number: int, stage: Stage) -> None:
        self.heading(3, f"{number}. {inline(stage.name)}")
        if stage.goal:
            self.out(f"**{self.t('map.field.stage_goal')}:** {block(stage.goal)}", "")
        if not stage.touchpoints:
            self.out(f"*{self.t('map.no_touchpoints')}*", "")
            return
        customers = self.map.customers is not None
        self.table(
            [
                self.t("map.col.touchpoint"),
                self.t("map.col.channel"),
                self.t("map.col.actions"),
                self.t("map.col.thoughts"),
                self.t("map.col.emotion"),
                *([self.t("survey.md.col.customers")] if customers else []),
                self.t("map.col.motivation"),
                self.t("map.col.obstacles"),
                self.t("map.col.opportunities"),
            ],
            [
                [
                    tp.name,
                    self.lane(tp, "channel", _label(tp.channel)),
                    self.lane(tp, "actions", tp.actions),
                    self.lane(tp, "thoughts", tp.thoughts),
                    self.lane(
                        tp,
                        "emotion",
                        f"{tp.emotion} · {tp.emotion_label}" if tp.emotion is not None and tp.emotion_label else None,
                    ),
                    *([self.customers_cell(tp)] if customers else []),
                    self.lane(tp, "motivation", tp.motivation),
                    self.lane(tp, "obstacles", tp.obstacles),
                    self.lane(tp, "opportunity", tp.opportunity),
                ]
                for tp in stage.touchpoints
            ],
        )

    def lane(self, touchpoint: Touchpoint, name: str, value: str | None) -> str | None:
        """A lane's cell: "not asked" where the interview deliberately left it out, never a blank to fill."""
        return self.t("map.not_asked") if name in touchpoint.not_asked else value

    def blueprint(self) -> None:
        if not self.map.is_blueprint or not self.map.stages:
            return
        self.heading(2, self.t("map.blueprint"))
        self.table(
            [
                self.t("map.col.stage"),
                self.t("map.layer.people"),
                self.t("map.layer.technology"),
                self.t("map.layer.policies"),
                self.t("map.layer.processes"),
            ],
            [
                [stage.name, layers.people, layers.technology, layers.policies, layers.processes]
                for stage in self.map.stages
                if (layers := stage.blueprint) is not None
            ],
        )

    def where_to_start(self) -> None:
        """The first actions, as a task list the team can tick: each with what it removes, what it needs, who."""
        actions = self.map.where_to_start
        if not actions:
            return
        self.heading(2, self.t("map.where_to_start"))
        for action in actions:
            details = [self.t("map.action.removes", finding=inline(action.removes))]
            if action.needs:
                details.append(self.t("map.action.needs", needs=inline(action.needs)))
            if action.owner:
                details.append(self.t("map.action.owner", owner=inline(action.owner)))
            severity = self.t(f"map.severity.{action.severity}")
            self.out(f"- [ ] **{inline(action.text)}** ({severity}) — " + " · ".join(details))
        self.out("")

    def moments(self) -> None:
        if not self.map.moments:
            return
        self.heading(3, self.t("map.moments"))
        self.out(*(f"- {inline(moment.message)}" for moment in self.map.moments), "")

    def obstacles(self) -> None:
        """Each obstacle theme as a short block: how severe and why, where it was named, what to do, on what."""
        self.heading(2, self.t("map.obstacles"))
        findings = self.map.obstacles
        if not findings:
            self.out(f"*{self.t('map.no_obstacles')}*", "")
            return
        self.out(self.t("map.obstacles_intro"), "")
        if self.map.customers is None:
            self.out(f"*{self.t('survey.md.owner_only')}*", "")
        gaps = {gap.id: gap for gap in self.map.resource_gaps}
        for number, finding in enumerate(findings, start=1):
            severity = self.t(f"map.severity.{finding.severity}")
            self.heading(3, f"{number}. {inline(finding.title)} · {severity}")
            kind = finding.kind_label + (f" › {finding.subkind_label}" if finding.subkind_label else "")
            reasons = "; ".join(reason.text for reason in finding.severity_reasons)
            rated = self.t("map.severity_with_reasons", severity=severity, reasons=reasons) if reasons else severity
            rows: list[tuple[str, str | None]] = [
                (self.t("map.field.finding"), finding.message),
                (self.t("map.field.severity"), rated),
                (self.t("map.field.kind"), kind),
            ]
            where = self._places(finding)
            if where:
                rows.append((self.t("map.field.where"), where))
            # A rule's finding counts the respondents it rests on; only a theme's quotes are customers naming it.
            if finding.customers and finding.quotes:
                quotes = " · ".join(self.t("survey.md.quote", text=quote) for quote in finding.quotes)
                said = self.t("map.customers_named", count=finding.customers)
                rows.append((self.t("map.field.customers"), f"{said} {quotes}".strip()))
            steps = [step.text for step in finding.next_steps]
            if steps:
                rows.append((self.t("map.field.next_steps"), " → ".join(steps)))
            removers = [gaps[gid] for gid in finding.addressed_by if gid in gaps]
            if any(gap.rule != "unaddressed_obstacle" for gap in removers):
                titles = [gap.title for gap in removers if gap.rule != "unaddressed_obstacle"]
                rows.append((self.t("map.field.resources"), "; ".join(titles)))
            elif removers and finding.needs:
                kinds = ", ".join(gap.kind_label.lower() for gap in removers[:1])
                rows.append((self.t("map.field.resources"), self.t("map.no_resource_yet", kinds=kinds)))
            rows.append((self.t("map.field.evidence_level"), self.t(f"map.evidence.{finding.evidence_level}")))
            source = ", ".join(f"Q{evidence.number}" for evidence in finding.evidence)
            if finding.article:
                source = f"{finding.article}" + (f" · {source}" if source else "")
            if source:
                rows.append((self.t("map.field.source"), source))
            self.out(*(f"- **{label}:** {inline(value)}" for label, value in rows if value), "")

    def _places(self, finding: Finding) -> str:
        names: list[str] = []
        for place in finding.places:
            if place.touchpoint:
                name = " › ".join(part for part in (place.stage, place.touchpoint) if part)
                if place.source not in ("touchpoint", "customers"):
                    # The finding counts "the reason customers leave" as a place of its own: so does this list.
                    name = f"{name} ({self.t(f'map.place.{place.source}')})"
            else:
                name = self.t(f"map.place.{place.source}")
            if name not in names:
                names.append(name)
        if not names and (finding.stage or finding.touchpoint):
            names.append(" › ".join(part for part in (finding.stage, finding.touchpoint) if part))
        return "; ".join(names)

    def resource_gaps(self) -> None:
        self.heading(2, self.t("map.resource_gaps"))
        gaps = self.map.resource_gaps
        if not gaps:
            self.out(f"*{self.t('map.no_gaps')}*", "")
            return
        self.out(self.t("map.resource_gaps_intro"), "")
        titles = {finding.id: finding.title for finding in self.map.obstacles}
        self.table(
            [
                self.t("map.col.severity"),
                self.t("map.col.resource"),
                self.t("map.col.finding"),
                self.t("map.col.removes"),
                self.t("map.col.next_step"),
                self.t("map.col.evidence"),
            ],
            [
                [
                    self.t(f"map.severity.{gap.severity}")
                    + (f" ({self.t('map.nice_to_have')})" if gap.nice_to_have else ""),
                    gap.kind_label,
                    gap.message,
                    "; ".join(titles[fid] for fid in gap.unblocks if fid in titles) or None,
                    gap.next_step or None,
                    ", ".join(f"Q{evidence.number}" for evidence in gap.evidence) or None,
                ]
                for gap in gaps
            ],
        )

    def figures(self) -> None:
        figures = self.map.figures
        number = self._number
        rows = [
            (self.t("map.figure.stages"), number(figures.stages_listed)),
            (self.t("map.figure.touchpoints"), number(figures.touchpoints_listed)),
            (self.t("map.figure.expected"), number(figures.touchpoints_expected)),
            (self.t("map.figure.average_emotion"), number(figures.average_emotion)),
            (self.t("map.figure.daily_visitors"), number(figures.daily_visitors)),
            (self.t("map.figure.no_purchase"), number(figures.daily_viewers_no_purchase)),
            (self.t("map.figure.no_purchase_share"), _percent(number(figures.no_purchase_share))),
            (self.t("map.figure.bounce_rate"), _percent(number(figures.bounce_rate))),
            (
                self.t("map.figure.drop_off"),
                " › ".join(p for p in (figures.drop_off_stage, figures.drop_off_touchpoint) if p) or None,
            ),
            (self.t("map.figure.drop_off_reason"), figures.drop_off_reason),
            (self.t("map.figure.care_quality"), _label(figures.care_quality)),
            (self.t("map.figure.channels_tracked"), _labels(figures.channels_tracked)),
            (self.t("map.figure.journey_obstacles"), "; ".join(figures.journey_obstacles) or None),
        ]
        self.heading(2, self.t("map.figures"))
        self.table([self.t("map.col.figure"), self.t("map.col.value")], [[label, value] for label, value in rows])

    def _number(self, value: float | None) -> str | None:
        return format_number(value, self.locale) if value is not None else None

    def resources(self) -> None:
        if not self.map.resources:
            return
        self.heading(2, self.t("map.resources"))
        self.table(
            [self.t("map.col.resource"), self.t("map.col.have"), self.t("map.col.need")],
            [[resource.kind.label, resource.have, resource.need] for resource in self.map.resources],
        )

    def review(self) -> None:
        review = self.map.review
        drivers = _labels([d for d in review.change_drivers if d.code != "other"])
        if review.change_drivers_other:
            drivers = "; ".join(part for part in (drivers, review.change_drivers_other) if part)
        self.heading(2, self.t("map.review"))
        self.fields(
            [
                (self.t("map.field.cadence"), _label(review.cadence)),
                (self.t("map.field.change_drivers"), drivers or None),
                (self.t("map.field.owner"), review.owner),
                (self.t("map.field.first_change"), review.first_change),
            ]
        )

    def missing(self) -> None:
        if not self.map.missing:
            return
        self.heading(2, self.t("map.missing"))
        self.out(self.t("map.missing_intro", count=len(self.map.missing)), "")
        by_step: dict[str, list[str]] = {}
        for question in self.map.missing:
            by_step.setdefault(question.step_title, []).append(f"Q{question.number} {inline(question.question)}")
        for step_title, questions in by_step.items():
            shown = questions[:MISSING_SHOWN]
            rest = len(questions) - len(shown)
            summary = "; ".join(shown) + (f"; {self.t('map.and_more', count=rest)}" if rest else "")
            self.out(f"- **{inline(step_title)}** ({len(questions)}): {summary}")
        self.out("")

    def appendix(self) -> None:
        self.heading(2, self.t("map.appendix"))
        if not self.map.appendix:
            self.out(f"*{self.t('map.not_answered')}*", "")
            return
        # A status's word once, not at every question it marks: a long map skips hundreds of them.
        unanswered = {status: f"*{self.t(f'map.answer.{status}')}*" for status in ("skipped", "unanswered")}
        steps: dict[tuple[int, str], list[str]] = {}
        for entry in self.map.appendix:
            answer = (self.inline(entry.answer) or MISSING) if entry.status == "answered" else unanswered[entry.status]
            # Each row is escaped as it is written (its answer may carry journey's own emphasis) and goes in as it is.
            steps.setdefault((entry.step_number, entry.step_title), []).append(
                f"| Q{entry.number} | {self.inline(entry.question) or MISSING} | {answer} |"
            )
        header = f"| # | {self.t('map.col.question')} | {self.t('map.col.answer')} |"
        for (number, title), rows in steps.items():
            self.heading(3, self.t("map.step", number=number, title=inline(title)))
            self.out(header, "|---|---|---|", *rows, "")

    # ----- the customers' voice: what surveyed customers said, beside the owner's answers ---------------------------

    def customers_cell(self, tp: Touchpoint) -> str | None:
        return touchpoint_text(self.map.customers, tp, self.locale)

    def respondents_profile(self) -> None:
        customers = self.map.customers
        if customers is None or not customers.profile:
            return
        lines = [
            f"- **{inline(profile_label(profile, self.locale))}:** "
            f"{inline(counts_text(profile.counts, self.locale)) or MISSING}"
            for profile in customers.profile
        ]
        if len(self.lines) > 1 and not self.lines[-1] and self.lines[-2].startswith("- "):
            self.lines.pop()  # the persona card's own list goes on: one tight list, not two
        self.out(*lines, "")

    def customers_research(self) -> None:
        customers = self.map.customers
        if customers is None:
            return
        self.heading(3, self.t("survey.md.said"))
        self.out(f"*{respondents_line(customers, self.locale)}*", "")
        rows = [
            [question.question, answers_text(question, self.locale), question.owner_answer]
            for question in customers.questions
        ]
        if rows:
            self.table(
                [self.t("map.col.question"), self.t("survey.md.col.customers"), self.t("survey.md.col.you")], rows
            )
        reach = customers.reach
        if reach is not None:
            self.out(f"**{self.t('survey.md.reach')}** {block(reach.message)}", "")
            if reach.rarely_used:
                self.out(self.t("survey.md.rarely", touchpoints=inline(", ".join(reach.rarely_used))), "")
        if customers.gaps:
            self.out(f"**{self.t('survey.md.gaps')}**", "")
            self.out(
                *(f"- {inline(gap.stage)} › {inline(gap.touchpoint)}: {inline(gap.message)}" for gap in customers.gaps),
                "",
            )
        if customers.not_on_map:
            self.out(f"*{self.t('survey.md.not_on_map', count=customers.not_on_map)}*", "")


MISSING_SHOWN = 8


def _label(coded: Coded | None) -> str | None:
    return coded.label if coded else None


def _labels(codes: Sequence[Coded]) -> str | None:
    return ", ".join(c.label for c in codes) or None


def _percent(value: str | None) -> str | None:
    return f"{value}%" if value is not None else None


def _day(stamp: str) -> str:
    """The date part of a stored ISO timestamp: a map says when, not to the second."""
    return stamp[:10]
