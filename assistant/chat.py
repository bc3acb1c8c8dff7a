"""The plain chat: the interview as plain lines on stdin/stdout, for screen readers and scripts.

It renders what the session says and reads what the user types; the session decides what is said, in what order,
and how questions are numbered. Each answer is committed before the next question is printed, so closing the
pipe or killing the process loses nothing that was answered. End of input is a normal way to stop (status 0).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from assistant.errors import JourneyError
from assistant.i18n import parse_locale, t
from assistant.interview.models import Progress, Question, ReviewEntry
from assistant.interview.parsing import OptionChoice, match_option
from assistant.journeymap.review import KindReview
from assistant.session import Announcement, Session
from assistant.slash import pick_entry, split_command
from assistant.terminal import for_terminal
from assistant.text import shorten
from assistant.utterances import Utterance

if TYPE_CHECKING:
    from assistant.journeymap.model import JourneyMap
    from assistant.survey.model import Respondents

_BLOCK = '"""'
_SUMMARY_WIDTH = 70


class PlainChat:
    def __init__(self, session: Session, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
        self.session = session
        self.stdin = stdin
        self.stdout = stdout
        self._unsent: str | None = None
        self.respondents: Respondents | None = None
        """A multi-line block the input ended inside: kept as a draft, never taken for an answer."""
        self._commands: dict[str, Callable[[str], bool]] = {
            "/back": self._back,
            "/skip": self._skip,
            "/edit": self._edit,
            "/review": self._review,
            "/kinds": self._kinds,
            "/help": self._help,
            "/lang": self._lang,
            "/quit": self._quit,
        }

    # ----- output --------------------------------------------------------------------------------------

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.session.locale, **params)

    def _print(self, text: str = "") -> None:
        self.stdout.write(for_terminal(text) + "\n")

    def _render(self, said: list[Utterance]) -> None:
        for utterance in said:
            self._render_one(utterance)

    def _render_one(self, said: Utterance) -> None:
        kind, text = said.kind, said.text
        if kind == "step":
            self._print()
            self._print(f"== {text} ==")
        elif kind == "question":
            self._print()
            number = said.data.get("number")
            total = said.data.get("total")
            self._print(self._t("chat.question", number=number, total=total, text=text) if number else text)
        elif kind in ("more", "review"):
            self._print()
            self._print(text)
        elif kind == "probe":
            self._print()
            self._print(self._t("chat.probe", message=text))
        elif kind == "error":
            self._print(self._t("chat.invalid", message=text))
        elif kind == "summary":
            self._print()
            self._print(text)
        elif kind in ("answer", "command"):
            return
        else:
            self._print(text)

    def _options(self, question: Question) -> None:
        for choice in question.choices:
            self._print(f"  {choice.number}. {choice.label}")
        self._print(f"  ({question.hint})")

    # ----- the loop ------------------------------------------------------------------------------------

    def run(self, *, resumed: bool) -> int:
        session = self.session
        self._print(self._t("chat.banner", title=session.row.title, id=session.id))
        if resumed:
            self._resume_summary()
        self._print(self._t("chat.commands_hint"))
        # The survey's respondents do not change while the chat runs: an import is a command of its own.
        self.respondents = session.store.respondents(session.id)
        session.announce(self._map())  # the findings already there are the baseline, not news
        while True:
            turn = session.next_turn()
            self._render(turn.said)
            if turn.finished:
                if turn.said:
                    self._print()
                    self._print(self._t("chat.finished", id=session.id))
                    session.flush()
                    return 0
                if not self._completed_prompt():
                    return 0
                continue
            if turn.review is not None:
                if not self._review_kinds(turn.review):
                    return 0
                continue
            question = turn.question
            assert question is not None
            if not any(said.kind in ("question", "probe", "more") for said in turn.said):
                self._print()  # the question still stands (after a refusal, /help, /review): shown, not said again
                if question.kind == "probe":
                    self._print(self._t("chat.probe", message=question.text))
                elif turn.number is None:
                    self._print(question.text)
                else:
                    self._print(self._t("chat.question", number=turn.number, total=turn.total, text=question.text))
            self._options(question)
            raw = self._read()
            if raw is None:
                return self._leave()
            if raw.startswith("/"):
                if not self._command(raw):
                    return 0
                continue
            self._answer(raw)

    def _command(self, raw: str) -> bool:
        """Run a slash command; False when it ends the chat."""
        name, argument = split_command(raw)
        command = self._commands.get(name)
        if command is None:
            self._print(self._t("chat.unknown_command", command=name))
            return True
        return command(argument)

    def _leave(self) -> int:
        self._print()
        if self._unsent:
            self.session.save_draft(self._unsent)
            self._print(self._t("chat.kept_draft"))
        else:
            self.session.flush()
        self._print(self._t("chat.saved_bye", id=self.session.id))
        return 0

    def _read(self) -> str | None:
        self.stdout.write(self._t("chat.prompt"))
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            return None
        text = line.rstrip("\r\n")
        if text.strip() != _BLOCK:
            return text.strip()
        lines: list[str] = []
        while True:
            more = self.stdin.readline()
            if not more:
                self._unsent = "\n".join(lines)
                return None
            if more.strip() == _BLOCK:
                return "\n".join(lines)
            lines.append(more.rstrip("\r\n"))

    def _answer(self, raw: str) -> None:
        session = self.session
        move = session.answer(raw)
        self._render(move.said)
        if move.outcome.ok and move.outcome.status != "probe":
            self._announce(session.announce(self._map(), raised_by=move.outcome.ref))

    def _map(self) -> JourneyMap:
        return self.session.map(respondents=self.respondents)

    def _announce(self, announcement: Announcement) -> None:
        self._render(announcement.said)
        for _finding in announcement.withdrawn:
            self._print(self._t("chat.finding_withdrawn"))

    # ----- summaries -----------------------------------------------------------------------------------

    def _resume_summary(self) -> None:
        session = self.session
        progress = session.progress()
        question = session.question()
        self._print(self._t("chat.resume", tally=self._tally(progress)))
        answered = session.answered()
        if answered:
            last = answered[-1]
            self._print(
                self._t(
                    "chat.resume_last",
                    question=shorten(last.question, _SUMMARY_WIDTH),
                    answer=shorten(self._shown(last), _SUMMARY_WIDTH),
                )
            )
        draft = session.row.draft
        if draft:
            self._print(self._t("chat.resume_draft", draft=shorten(draft, _SUMMARY_WIDTH)))
        if question is not None:
            self._print(self._t("chat.resume_step", number=question.step_number, title=question.step_title))

    def _tally(self, progress: Progress) -> str:
        """The questions answered, and apart those skipped: a skipped question is not an answer."""
        answered = progress.done - progress.skipped
        if not progress.skipped:
            return self._t("chat.tally", answered=answered, total=progress.total)
        return self._t("chat.tally_skipped", answered=answered, skipped=progress.skipped, total=progress.total)

    def _completed_prompt(self) -> bool:
        """A completed interview reopened: its answers can still be reviewed and changed. False to stop."""
        progress = self.session.progress()
        self._print()
        self._print(self._t("chat.completed", tally=self._tally(progress), id=self.session.id))
        while True:
            raw = self._read()
            if raw is None:
                self._leave()
                return False
            if not raw.startswith("/"):
                self._print(self._t("chat.completed_hint"))
                continue
            if not self._command(raw):
                return False
            if self.session.question() is not None:
                return True

    def _review_kinds(self, review: KindReview) -> bool:
        """The owner checks the kinds read in the obstacles named so far: `N KIND` corrects one, Enter goes on."""
        kinds = " · ".join(f"{choice.number}. {choice.label}" for choice in review.kinds)
        self._print(self._t("chat.kinds", kinds=kinds))
        self._print(self._t("chat.kinds_hint"))
        raw = self._read()
        if raw is None:
            self._leave()
            return False
        if raw.startswith("/"):
            return self._command(raw)
        if not raw:
            self.session.finish_review(self._t("chat.kinds_done"))
            return True
        number, _, kind = raw.partition(" ")
        options = [OptionChoice(c.number, c.code, (c.label,)) for c in review.kinds]
        try:
            choice = match_option(kind.strip(), options) if number.isdigit() and kind.strip() else None
            if choice is None:
                self._print(self._t("chat.kinds_usage"))
                return True
            note = self.session.correct_kind(int(number), choice.code, raw)
        except JourneyError as error:
            self._print(self._t("chat.invalid", message=error.message(self.session.locale)))
            return True
        self._print(note.text)
        return True

    # ----- commands (each returns False to stop the chat) ----------------------------------------------

    def _back(self, _argument: str) -> bool:
        self._render(self.session.back("/back").said)
        return True

    def _skip(self, _argument: str) -> bool:
        self._render(self.session.skip("/skip").said)
        return True

    def _edit(self, argument: str) -> bool:
        ref = pick_entry(argument, self.session.review())
        if ref is None:
            self._print(self._t("chat.edit_usage"))
            return True
        try:
            self.session.edit(ref, f"/edit {argument}")
        except JourneyError as error:
            self._print(self._t("chat.invalid", message=error.message(self.session.locale)))
        return True

    def _review(self, _argument: str) -> bool:
        current = ""
        for number, entry in enumerate(self.session.review(), start=1):
            if entry.step_title != current:
                current = entry.step_title
                self._print()
                self._print(f"== {current} ==")
            shown = self._shown(entry)
            self._print(f"{number:>4}. {shorten(entry.question, 60)} → {shorten(shown, _SUMMARY_WIDTH)}")
        self._print()
        self._print(self._t("chat.review_hint"))
        return True

    def _kinds(self, _argument: str) -> bool:
        """The obstacles named so far and their kinds, whenever the owner wants to check them again."""
        review = self.session.kind_review()
        if not review.obstacles:
            self._print(self._t("chat.kinds_none"))
            return True
        for obstacle in review.obstacles:
            where = shorten(obstacle.where, 30)
            self._print(f"  {obstacle.number}. {shorten(obstacle.clause, 70)} ({where}) → {obstacle.kind_label}")
        return self._review_kinds(review)

    def _help(self, _argument: str) -> bool:
        question = self.session.question()
        if question is not None:
            self._print(self._t("chat.help_why", help=question.help or self._t("chat.help_none")))
            if question.examples:
                self._print(self._t("chat.help_examples"))
                for example in question.examples:
                    self._print("  – " + example.replace("\n", " / "))
        self._print(self._t("chat.help_commands"))
        return True

    def _lang(self, argument: str) -> bool:
        locale = parse_locale(argument) if argument else None
        if locale is None:
            self._print(self._t("chat.lang_usage"))
            return True
        self._print(self.session.set_locale(locale, f"/lang {argument}").text)
        return True

    def _quit(self, _argument: str) -> bool:
        self.session.heard("/quit", kind="command")
        self._leave()
        return False

    def _shown(self, entry: ReviewEntry) -> str:
        if entry.status == "skipped":
            return self._t("value.skipped")
        if entry.status == "unanswered":
            return self._t("chat.unanswered")
        return entry.display
