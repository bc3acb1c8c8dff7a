"""The interview screen: the six steps in a sidebar, the conversation, and an answer area fitted to each question.

The session commits every answer before the next question is shown. The conversation is one virtualised widget;
on resume it loads the last page of the saved transcript and older pages on request, so a 2,000-answer interview
opens as fast as a new one.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import Button, Header, ProgressBar, Static

from assistant.errors import JourneyError
from assistant.i18n import SUPPORTED_LOCALES, parse_locale, t
from assistant.interview.models import Progress, Question
from assistant.session import Announcement, Move, Session, Turn
from assistant.slash import Command, pick_entry
from assistant.text import shorten
from assistant.tui.localized import localize_bindings
from assistant.tui.screens.base import JourneyScreen
from assistant.tui.threads import hand_back
from assistant.tui.widgets.answer import (
    AnswerArea,
    AnswerSubmitted,
    CommandTyped,
    KindChosen,
    KindReviewArea,
    ReviewDone,
    answer_hint,
)
from assistant.tui.widgets.canvas import Drawing, JourneyCanvas
from assistant.tui.widgets.conversation import Conversation, Entry, entry_for
from assistant.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from assistant.interview.engine import Interview
    from assistant.journeymap.model import JourneyMap
    from assistant.utterances import Utterance

TRANSCRIPT_PAGE = 60
NARROW = 100  # columns below which the sidebar gives the conversation more room
LIVE_CANVAS = 160  # columns from which the map's canvas stays open beside the conversation


class InterviewScreen(Screen[None], JourneyScreen):
    # Priority: the text area has its own F6 and F7 (select line, select all); the interview's keys win.
    BINDINGS = [
        Binding("f1", "help", "tui.key.help", priority=True, id="interview-screen.help"),
        Binding("f2", "back", "tui.key.back", priority=True, id="interview-screen.back"),
        Binding("f3", "skip", "tui.key.skip", priority=True, id="interview-screen.skip"),
        Binding("f4", "edit", "tui.key.edit", priority=True, id="interview-screen.edit"),
        Binding("f5", "map", "tui.key.map", priority=True, id="interview-screen.map"),
        Binding("f6", "export", "tui.key.export", priority=True, id="interview-screen.export"),
        Binding("f7", "language", "tui.key.language", priority=True, id="interview-screen.language"),
        Binding("escape", "home", "tui.key.home", id="interview-screen.home"),
        Binding("f8", "respondents", "survey.tui.key", priority=True, show=False, id="interview-screen.respondents"),
    ]
    # Below NARROW columns the sidebar gives the conversation more room (-narrow); from LIVE_CANVAS the map's canvas
    # stays open beside the conversation (-wide).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-roomy"), (LIVE_CANVAS, "-wide")]

    def __init__(self, session: Session, *, resumed: bool) -> None:
        super().__init__()
        self.session = session
        self.resumed = resumed
        self._oldest_seq: int | None = None
        self._question: Question | None = None
        self._turn: Turn | None = None
        self._area: AnswerArea | KindReviewArea | None = None
        self._requested: Interview | None = None
        self._latest_map: tuple[Interview, JourneyMap] | None = None
        self._live: JourneyCanvas | None = None
        """The live canvas once it has shown a map: the analysis draws for it in its worker."""
        self._frozen = False

    @property
    def locale(self) -> str:
        return self.session.locale

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    # ----- layout ----------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.locale)
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield Static(id="steps")
                yield ProgressBar(total=1, show_eta=False, id="overall")
            with Vertical(id="main"):
                yield Button(self._t("tui.earlier"), id="earlier", classes="earlier")
                yield Conversation(id="conversation")
                yield Static(id="problem", classes="problem")
                yield Vertical(id="answer-slot")
            yield JourneyCanvas(id="live-canvas")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#earlier").display = False
        self.query_one("#problem").display = False
        if self.resumed:
            self._load_transcript()
        else:
            greeting = self.session.say(self._t("tui.greeting", title=self.session.row.title))
            self._show_said([greeting])
        self.ask(draft=self.session.row.draft if self.resumed else None)
        # The baseline of findings is built after the first frame, so the question shows without waiting for it.
        self.call_after_refresh(self.analyse)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_answer)
        if self._question is not None:
            self._refresh_progress()  # the sidebar's step titles follow its width
        if self._latest_map is not None and self.size.width >= LIVE_CANVAS:
            self._live_canvas(self._latest_map[1])

    def _fit_answer(self) -> None:
        """The answer box takes at most half the screen's height, and what is typed into is always in it: on a
        short screen the list of options or entries gives up rows, never the Other field or the entry field."""
        area = self._area
        if area is not None and area.is_mounted:
            area.fit(self.query_one("#main").size.height // 2 - 1)  # the slot's half, less its top border

    # ----- the conversation ------------------------------------------------------------------------------

    def _conversation(self) -> Conversation:
        return self.query_one(Conversation)

    def _show(self, entries: list[Entry]) -> None:
        self._conversation().add(entries)

    def _show_said(self, said: list[Utterance]) -> None:
        self._show([entry_for(utterance) for utterance in said if utterance.role != "user"])

    def _note(self, text: str) -> None:
        """Shown now, not kept in the transcript: resume notes that would be stale later."""
        self._show([Entry(text, "note")])

    def _load_transcript(self) -> None:
        """The end of the saved conversation, then a note saying where the user is. When the conversation ends on
        the question the user is on, that question moves below the note instead of being asked a second time."""
        said = self.session.transcript(last=TRANSCRIPT_PAGE + 1)
        entries = self._page(said)
        question = self.session.question()
        asked = None
        if question is not None and self.session.is_asked(question):
            asked = next(
                (i for i in range(len(said) - 1, -1, -1) if said[i].ref == question.ref and said[i].role != "user"),
                None,
            )
        if asked is None:
            self._show(entries)
            self._resume_notes()
            return
        offset = len(entries) - len(said[-TRANSCRIPT_PAGE:])
        index = asked - (len(said) - len(said[-TRANSCRIPT_PAGE:])) + offset
        self._show(entries[:index] + entries[index + 1 :])
        self._resume_notes()
        self._show([entries[index]])

    def _page(self, said: list[Utterance]) -> list[Entry]:
        """The entries of one page of saved transcript; the 'earlier' button shows when older lines exist."""
        more = len(said) > TRANSCRIPT_PAGE
        said = said[-TRANSCRIPT_PAGE:]
        if said and said[0].seq is not None:
            self._oldest_seq = said[0].seq
        self.query_one("#earlier", Button).display = more
        return [entry_for(utterance) for utterance in said]

    @on(Button.Pressed, "#earlier")
    def _earlier(self) -> None:
        if self._oldest_seq is None:
            return
        said = self.session.transcript(last=TRANSCRIPT_PAGE + 1, before=self._oldest_seq)
        self._conversation().prepend(self._page(said))

    def _resume_notes(self) -> None:
        progress = self.session.progress()
        self._note(self._t("tui.resumed", progress=self._progress_line(progress)))
        if self.session.row.draft:
            self._note(self._t("tui.draft_back"))

    # ----- asking ----------------------------------------------------------------------------------------

    def ask(self, draft: str | None = None) -> None:
        turn = self.session.next_turn()
        self._turn = turn
        self._question = turn.question
        self._problem(None)
        self._show_said(turn.said)
        self._refresh_progress()
        if turn.finished:
            if turn.said:
                self.session.flush()
            else:  # reopened when already complete: said before, not said again
                self._note(self._t("tui.complete_note"))
            self._mount_answer(Static(self._t("tui.finished_keys"), classes="finished"))
            return
        if turn.review is not None:
            self._mount_answer(KindReviewArea(turn.review, self.locale))
            return
        assert turn.question is not None
        self._offer(turn.question, draft)

    def _offer(self, question: Question, draft: str | None) -> None:
        """The answer box for `question`: the same widgets when they fit, so the focus stays put."""
        area = self._area
        if isinstance(area, AnswerArea) and area.can_take(question, self.locale):
            area.take(question, draft)
            self.call_after_refresh(self._fit_answer)
        else:
            self._mount_answer(AnswerArea(question, self.locale, draft))

    def _mount_answer(self, area: AnswerArea | KindReviewArea | Static) -> None:
        slot = self.query_one("#answer-slot", Vertical)
        slot.remove_children()
        self.call_later(self._fit_once_mounted, slot.mount(area))
        self._area = area if isinstance(area, AnswerArea | KindReviewArea) else None

    async def _fit_once_mounted(self, mounted: AwaitMount) -> None:
        await mounted
        self.call_after_refresh(self._fit_answer)

    def _answer_area(self) -> AnswerArea | None:
        return self._area if isinstance(self._area, AnswerArea) else None

    def _problem(self, message: str | None) -> None:
        problem = self.query_one("#problem", Static)
        problem.display = bool(message)
        problem.update(message or "")

    def _refresh_progress(self) -> None:
        progress = self.session.progress()
        current = self._question.step_number if self._question is not None else None
        narrow = self.app.size.width < NARROW  # the -narrow breakpoint's test: its class is set after this handler
        steps = Table.grid(expand=True)
        steps.add_column(no_wrap=True)
        steps.add_column(ratio=1, overflow="fold")  # a long title wraps under itself, never cut to "Set clear g…"
        steps.add_column(justify="right", style="dim", no_wrap=True)
        for number, step in enumerate(progress.steps, 1):
            mark, style = ("✓", "green") if step.complete else ("›", "bold") if number == current else ("○", "dim")
            title = Text((narrow and step.short_title) or step.title, style="bold" if number == current else "")
            steps.add_row(Text(f"{mark} {number}. ", style=style), title, f" {step.done}/{step.total}")
        answered = Text(self._progress_line(progress), style="dim")
        self.query_one("#steps", Static).update(Group(steps, Text(""), answered))
        bar = self.query_one("#overall", ProgressBar)
        bar.update(total=max(progress.total, 1), progress=progress.done)
        self.title = self.session.row.title
        self.sub_title = (
            self._t("tui.step_of", number=current, count=len(progress.steps)) if current else self._t("tui.complete")
        )

    def _progress_line(self, progress: Progress) -> str:
        """Answered and skipped apart, so skipping through a step does not read as answering it; the total called
        an estimate until the interview is finished, as the lists the user gives (stages, touchpoints) move it."""
        if progress.finished:
            key = "tui.progress.skipped" if progress.skipped else "tui.progress"
        else:
            key = "tui.progress.estimate.skipped" if progress.skipped else "tui.progress.estimate"
        return self._t(key, answered=progress.answered, skipped=progress.skipped, total=progress.total)

    # ----- answering -------------------------------------------------------------------------------------

    @on(AnswerSubmitted)
    def _submitted(self, event: AnswerSubmitted) -> None:
        event.stop()
        question = self._question
        if question is None:
            return
        said = event.said or self._t("tui.empty_answer")
        if event.raw == [] and (question.default is not None or question.current is not None):
            # The suggested entries were in the editor and the user removed them all: that is "none", not
            # "the suggestion" (what an empty answer means to the engine). Required: say so; optional: skip.
            if question.required:
                self._problem(t("answer.required", self.locale))
                return
            self.action_skip()
            return
        move = self.session.answer(event.raw, said=said)
        if move.heard is not None:  # a refused empty send leaves no turn of the user's in the conversation
            shown = Text(said)
            if move.outcome.ok:
                shown.append("  ✓", style="green")
            self._show([Entry(shown, "user", question.ref)])
        self._after(move)

    # ----- the chat's commands, typed in the answer box --------------------------------------------------

    @on(CommandTyped)
    def _command(self, event: CommandTyped) -> None:
        event.stop()
        self.run_command(event.command)

    def run_command(self, command: Command) -> None:
        """What the plain chat's commands do, the app's way: `/review` and `/edit N` the edit picker and the
        question (numbered as in `/review`), `/back`, `/skip`, `/help` what F2, F3 and F1 do."""
        name, argument = command
        self._problem(None)
        if name == "/review":
            self.action_edit()
        elif name == "/edit":
            ref = pick_entry(argument, self.session.review())
            if ref is None:
                self._problem(self._t("chat.edit_usage"))
            else:
                self.edit(ref)
        elif name == "/back":
            self.action_back()
        elif name == "/skip":
            self.action_skip()
        elif name == "/help":
            self.action_help()
        elif name == "/kinds":
            self.show_kinds()
        elif name == "/lang":
            chosen = parse_locale(argument)
            if chosen is None:
                self._problem(self._t("chat.lang_usage"))
            elif chosen != self.locale:
                self.switch_language(chosen)
        elif name == "/quit":
            self.journey.save_and_exit()

    def show_kinds(self) -> None:
        """The obstacles named so far and the kind read in each, to check again (the chat's /kinds)."""
        review = self.session.kind_review()
        if not review.obstacles:
            self.notify(self._t("chat.kinds_none"))
            return
        self._mount_answer(KindReviewArea(review, self.locale))

    def _after(self, move: Move) -> None:
        outcome = move.outcome
        if outcome.status == "invalid":
            # The refusal shows under the answer box, where the user fixes it; said in the conversation as well, it
            # read twice ("This question is required" above and below).
            self._show_said([said for said in move.said if said.kind != "error"])
            self._problem(outcome.message or "")
            area = self._answer_area()
            if area is not None:
                area.focus_input()
            return
        self._show_said(move.said)
        self._answered_at = len(self._conversation().entries)
        self.ask()
        if outcome.status in ("accepted", "skipped", "kept"):
            self.analyse(raised_by=outcome.ref)

    @on(KindChosen)
    def _kind_chosen(self, event: KindChosen) -> None:
        event.stop()
        try:
            note = self.session.correct_kind(event.number, event.kind, event.said)
        except JourneyError as error:
            self.notify(error.message(self.locale), severity="error")
            return
        self._show([Entry(event.said, "user"), entry_for(note)])
        area = self._area
        if isinstance(area, KindReviewArea):
            area.update_review(self.session.kind_review())

    @on(ReviewDone)
    def _review_done(self, event: ReviewDone) -> None:
        event.stop()
        said = self._t("tui.said.kinds_done")
        self.session.finish_review(said)
        self._show([Entry(said, "user")])
        self.ask()

    # ----- live analysis ---------------------------------------------------------------------------------

    def analyse(self, *, raised_by: str | None = None, quiet: bool = False) -> None:
        snapshot = self._requested = self.session.snapshot()
        self._analyse(snapshot, raised_by, quiet)

    def _map(self, snapshot: Interview, *, keep_now: bool = True) -> JourneyMap:
        """The map of a snapshot of the interview; called in workers, off the event loop."""
        from assistant.tui.dialogs.respondents import respondents_of

        respondents = respondents_of(self.session.store.path, self.session.id)
        return self.session.map(snapshot=snapshot, respondents=respondents, keep_now=keep_now)

    @work(thread=True, exclusive=True, group="analysis")
    def _analyse(self, snapshot: Interview, raised_by: str | None, quiet: bool) -> None:
        """Build the map off the event loop, and draw it for the live canvas when that is open; what it adds is
        said on the loop, under the answer that raised it, in the same turn as the canvas takes its drawing."""
        journey = self._map(snapshot, keep_now=False)
        drawing = self._live.draw_ahead(journey) if self._live is not None and self.has_class("-wide") else None
        hand_back(self, self._analysed, snapshot, journey, drawing, raised_by, quiet)
        self.session.keep_readings()  # after the map is shown: the write may wait for the answer's commit

    def _analysed(
        self, snapshot: Interview, journey: JourneyMap, drawing: Drawing | None, raised_by: str | None, quiet: bool
    ) -> None:
        self._found(journey, raised_by, quiet)
        self._mapped(snapshot, journey, drawing)

    def _mapped(self, snapshot: Interview, journey: JourneyMap, drawing: Drawing | None = None) -> None:
        """Keep the newest map for F5 and the live canvas; an older analysis that finishes late is dropped."""
        if snapshot is not self._requested:
            return
        self._latest_map = (snapshot, journey)
        if not self._frozen:
            # Everything loaded so far (the modules, the bank, the answers, this map) lives as long as the
            # interview is open: the collector's full passes walked it all again every second or so while the maps
            # were built, half a second each, and one landing between a key and its frame delayed it by as much.
            # Frozen, those passes only walk what is newer; unfrozen when the screen goes, so what it held is
            # collected as usual.
            gc.freeze()
            self._frozen = True
        if self.has_class("-wide"):
            self._live_canvas(journey, drawing)

    def _live_canvas(self, journey: JourneyMap, drawing: Drawing | None = None) -> None:
        canvas = self.query_one("#live-canvas", JourneyCanvas)
        self._live = canvas
        if canvas.journey is not journey:
            canvas.show(journey, drawing)

    def _found(self, journey: JourneyMap, raised_by: str | None, quiet: bool) -> None:
        announcement: Announcement = self.session.announce(journey, raised_by, quiet=quiet)
        conversation = self._conversation()
        if announcement.said:
            at = getattr(self, "_answered_at", len(conversation.entries))
            conversation.insert(at, [entry_for(utterance) for utterance in announcement.said])
        if announcement.withdrawn:
            conversation.withdraw(set(announcement.withdrawn))

    # ----- actions ---------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "skip", "help") and self._question is None:
            return None
        return True

    def action_help(self) -> None:
        question = self._question
        if question is None:
            return
        from assistant.tui.dialogs.modals import HelpScreen

        body = Text()
        body.append(question.text + "\n\n", style="bold")
        body.append(self._t("tui.help.why") + "\n", style="bold underline")
        body.append((question.help or self._t("chat.help_none")) + "\n")
        if question.examples:
            body.append("\n" + self._t("tui.help.examples") + "\n", style="bold underline")
            for example in question.examples:
                body.append(f"  – {example}\n")
        body.append("\n" + self._t("tui.help.format") + "\n", style="bold underline")
        said, keys = answer_hint(question, self.locale)
        _, entry_keys = answer_hint(question, self.locale, on_entries=True)  # a list's entries have keys of their own
        shown = [part for part in (said, keys, entry_keys if entry_keys != keys else "") if part]
        body.append("\n".join(shown) + "\n")
        body.append("\n" + self._t("tui.help.keys"), style="dim")
        body.append("\n" + self._t("tui.help.commands"), style="dim")
        self.app.push_screen(HelpScreen(body, self.locale))

    def action_back(self) -> None:
        self._move(self.session.back(self._t("tui.said.back")), "tui.said.back")

    def action_skip(self) -> None:
        self._move(self.session.skip(self._t("tui.said.skip")), "tui.said.skip")

    def _move(self, move: Move, said_key: str) -> None:
        self._show([Entry(self._t(said_key), "user")])
        self._after(move)

    def action_edit(self) -> None:
        from assistant.tui.dialogs.modals import EditPicker

        entries = [
            (number, entry) for number, entry in enumerate(self.session.review(), 1) if entry.status != "unanswered"
        ]
        if not entries:
            self.notify(self._t("tui.edit.nothing"))
            return

        def chosen(ref: str | None) -> None:
            if ref is not None:
                self.edit(ref)

        self.app.push_screen(EditPicker(entries, self.locale), chosen)

    @on(Conversation.EditRequested)
    def _edit_from_transcript(self, event: Conversation.EditRequested) -> None:
        self.edit(event.ref)

    def edit(self, ref: str) -> None:
        entry = self.session.entry(ref)
        if entry is None or entry.status == "unanswered":
            self.notify(self._t("tui.edit.gone"), severity="warning")
            return
        said = self._t("tui.said.edit", question=shorten(entry.question, 60))
        try:
            self.session.edit(ref, said)
        except JourneyError as error:
            self.notify(error.message(self.locale), severity="error")
            return
        self._show([Entry(said, "user")])
        self.ask()

    def action_map(self) -> None:
        from assistant.tui.screens.map import same_answers

        latest = self._latest_map
        state = self.session.interview.state
        if latest is not None and latest[0] is self._requested and same_answers(latest[0].state, state):
            self._show_map(latest[1])  # the analysis of the last answer built it, and none newer is under way
            return
        self.notify(self._t("tui.map.building"), timeout=2)
        self._render_map(self.session.snapshot())

    @work(thread=True, exclusive=True, group="map")
    def _render_map(self, snapshot: Interview) -> None:
        hand_back(self, self._show_map, self._map(snapshot))

    def _show_map(self, journey: JourneyMap) -> None:
        from assistant.tui.screens.map import MapScreen

        self.app.push_screen(MapScreen(journey, self.session.id, self.session.row.title, self.locale))

    def action_export(self) -> None:
        from assistant.tui.dialogs.modals import ExportDialog

        self.save_draft()
        self.app.push_screen(ExportDialog(self.session.id, self.session.row.title, self.locale))

    def action_language(self) -> None:
        self.switch_language(next(code for code in SUPPORTED_LOCALES if code != self.locale))

    def switch_language(self, chosen: str) -> None:
        area = self._answer_area()
        draft = area.draft() if area is not None else None
        said = self._t("tui.said.language", language=self._t(f"tui.language.{chosen}"))
        note = self.session.set_locale(chosen, said)
        self._show([Entry(said, "user"), entry_for(note)])
        self.journey.locale = chosen
        localize_bindings(self, chosen)
        localize_bindings(self.app, chosen)
        self.refresh_bindings()
        self.query_one("#earlier", Button).label = self._t("tui.earlier")
        self.ask(draft=draft)
        self.analyse(quiet=True)  # the live canvas and F5's map follow the new language

    # ----- the customer survey: respondents imported from a file (issue 13) --------------------------------------

    @on(events.Mount)
    def _respondent_count(self) -> None:
        from assistant.tui.dialogs.respondents import show_respondent_count

        show_respondent_count(self, self.session.store.respondent_count(self.session.id), self.locale)

    def action_respondents(self) -> None:
        from assistant.tui.dialogs.respondents import RespondentsDialog

        def closed(changed: bool | None) -> None:
            if changed:
                self._respondent_count()
                self.analyse(quiet=True)

        self.save_draft()
        dialog = RespondentsDialog(self.session.store.path, self.session.id, self.session.row.title, self.locale)
        self.app.push_screen(dialog, closed)

    def action_home(self) -> None:
        self.save_draft()
        self.dismiss(None)

    def on_unmount(self) -> None:
        if self._frozen:
            gc.unfreeze()

    def save_draft(self) -> None:
        """Keep what is typed and not sent; the session also writes any message not yet saved."""
        area = self._answer_area()
        self.session.save_draft(area.draft() if area is not None else None)
