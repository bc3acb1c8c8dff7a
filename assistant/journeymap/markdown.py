"""The journey map as Markdown: a document for the team, deterministic so that maps diff cleanly in git.

User text never becomes structure: every answer is escaped for the place it lands (a table cell, a list item,
a Mermaid task name), so the parsed document has exactly the tables, rows and columns the map model says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.model import Coded, Finding, JourneyMap, Stage, SurveyAnswers, Touchpoint

# Characters that CommonMark (and markdown-it's tables and strikethrough) can read as structure anywhere in a
# line. Escaping them with a backslash is always allowed for ASCII punctuation, so the text reads the same.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>#|~&!])")
# At the start of a line: list markers, ordered-list numbers, setext underlines, and indentation.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
_MERMAID_UNSAFE = re.compile(r"[:;#`\n\r,]+")
MISSING = "—"


def inline(text: str) -> str:
    """Text for one line of Markdown (a table cell, a list item): no structure, no line break."""
    return " · ".join(_escaped_lines(text))


def block(text: str, indent: str = "") -> str:
    """Several lines kept as hard line breaks; every line escaped at its start as well as within."""
    return ("\\\n" + indent).join(_escaped_lines(text))


def _escaped_lines(text: str) -> list[str]:
    """Each non-blank line with its specials escaped, then its line-start markers (after, so that the
    backslash added for a marker is not itself escaped)."""
    return [
        _LINE_START.sub(_escape_line_start, _INLINE_SPECIALS.sub(r"\\\1", line.strip()))
        for line in text.splitlines()
        if line.strip()
    ]


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker.isdigit():
        return f"{match.group(1)}{marker}\\"  # "1." stays text as "1\."
    return f"{match.group(1)}\\{marker}"


def mermaid_text(text: str) -> str:
    """A name Mermaid's journey syntax cannot misread: no `:`, `;`, `#`, commas (actor lists) or line breaks."""
    cleaned = " ".join(_MERMAID_UNSAFE.sub(" ", text).split())
    return cleaned or MISSING


def render_markdown(journey: JourneyMap) -> str:
    return _Writer(journey).render()


class _Writer:
    def __init__(self, journey: JourneyMap) -> None:
        self.map = journey
        self.locale = journey.locale
        self.lines: list[str] = []

    def t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

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
        for row in rows:
            self.out("| " + " | ".join(inline(cell) if cell else MISSING for cell in row) + " |")
        self.out("")

    # ----- sections ------------------------------------------------------------------------------------

    def render(self) -> str:
        self.header()
        self.where_to_start()
        self.goals()
        self.persona()
        self.research()
        self.at_a_glance()
        self.moments()
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
        progress = self.t("map.progress", done=journey.progress.done, total=journey.progress.total)
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
        stages = [stage for stage in self.map.stages if stage.touchpoints]
        if not stages:
            return
        self.heading(2, self.t("map.at_a_glance"))
        actor = mermaid_text(self.map.persona.name or self.t("map.customer"))
        self.out("```mermaid", "journey", f"  title {mermaid_text(self.map.title)}")
        unscored = 0
        for stage in stages:
            self.out(f"  section {mermaid_text(stage.name)}")
            for touchpoint in stage.touchpoints:
                score = touchpoint.emotion_score
                if score is None:
                    unscored += 1
                self.out(f"    {mermaid_text(touchpoint.name)}: {score or 3}: {actor}")
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
            reasons = ", ".join(reason.text for reason in finding.severity_reasons)
            rows: list[tuple[str, str | None]] = [
                (self.t("map.field.finding"), finding.message),
                (self.t("map.field.severity"), f"{severity}: {reasons}" if reasons else severity),
                (self.t("map.field.kind"), kind),
            ]
            where = self._places(finding)
            if where:
                rows.append((self.t("map.field.where"), where))
            # A rule's finding counts the respondents it rests on; only a theme's quotes are customers naming it.
            if finding.customers and finding.quotes:
                quotes = " · ".join(f"“{quote}”" for quote in finding.quotes)
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
        steps: dict[tuple[int, str], list[list[str | None]]] = {}
        for entry in self.map.appendix:
            if entry.status == "answered":
                answer = inline(entry.answer) if entry.answer else MISSING
            else:
                answer = f"*{self.t(f'map.answer.{entry.status}')}*"
            steps.setdefault((entry.step_number, entry.step_title), []).append(
                [f"Q{entry.number}", inline(entry.question), answer]
            )
        for (number, title), rows in steps.items():
            self.heading(3, self.t("map.step", number=number, title=inline(title)))
            # The cells are escaped above (the answer may carry journey's own emphasis), so they go in as they are.
            self.out(
                f"| # | {self.t('map.col.question')} | {self.t('map.col.answer')} |",
                "|---|---|---|",
                *(f"| {' | '.join(cell or MISSING for cell in row)} |" for row in rows),
                "",
            )

    # ----- the customers' voice: what surveyed customers said, beside the owner's answers ---------------------------

    def customers_cell(self, tp: Touchpoint) -> str | None:
        customers = self.map.customers
        reach = customers.reach if customers else None
        use = next((u for u in reach.used if u.touchpoint_key == tp.key), None) if reach else None
        parts = []
        if use is not None:
            parts.append(self.t("survey.md.used", used=use.used_by, asked=use.asked, share=self._number(use.share)))
        emotion = tp.customer_emotion
        if emotion is not None:
            parts.append(
                self.t(
                    "survey.md.felt",
                    mean=self._number(round(emotion.mean, 1)),
                    low=self._number(emotion.min),
                    high=self._number(emotion.max),
                    count=emotion.n,
                )
            )
        gap = next((g for g in customers.gaps if g.touchpoint_key == tp.key), None) if customers else None
        if gap is not None:
            parts.append(f"⚠ {gap.message}")
        return " · ".join(parts) or None

    def respondents_profile(self) -> None:
        customers = self.map.customers
        if customers is None or not customers.profile:
            return
        lines = []
        for profile in customers.profile:
            counts = " · ".join(
                self.t("survey.md.count", label=count.label, count=count.count, share=self._number(count.share))
                for count in profile.counts
            )
            label = (
                self.t(f"survey.md.profile.{profile.persona}", count=profile.answered)
                if profile.persona
                else self.t("survey.md.profile.question", question=profile.question, count=profile.answered)
            )
            lines.append(f"- **{inline(label)}:** {inline(counts) or MISSING}")
        if len(self.lines) > 1 and not self.lines[-1] and self.lines[-2].startswith("- "):
            self.lines.pop()  # the persona card's own list goes on: one tight list, not two
        self.out(*lines, "")

    def customers_research(self) -> None:
        customers = self.map.customers
        if customers is None:
            return
        self.heading(3, self.t("survey.md.said"))
        period = (
            self.t("survey.md.period", first=customers.first_response, last=customers.last_response)
            if customers.first_response and customers.last_response
            else ""
        )
        who = self.t("survey.md.respondents", count=customers.respondents)
        self.out(f"*{who}{self.t('survey.md.files', files=customers.files)}{period}*", "")
        rows = []
        for question in customers.questions:
            rows.append([question.question, self.answers_cell(question), question.owner_answer])
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

    def answers_cell(self, question: SurveyAnswers) -> str:
        parts = []
        if question.number is not None:
            number = question.number
            parts.append(
                self.t(
                    "survey.md.number",
                    mean=self._number(round(number.mean, 1)),
                    low=self._number(number.min),
                    high=self._number(number.max),
                )
            )
        counts = question.themes or question.counts
        if counts:
            parts.append(
                " · ".join(
                    self.t("survey.md.count", label=count.label, count=count.count, share=self._number(count.share))
                    for count in counts
                )
            )
        if question.quotes:
            parts.append(" · ".join(self.t("survey.md.quote", text=quote) for quote in question.quotes))
        parts.append(self.t("survey.md.answered", count=question.answered))
        return " — ".join(parts)


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
