"""The plain chat: the interview as plain lines on stdin/stdout, for screen readers and scripts.

Each answer is committed before the next question is printed, so closing the pipe or killing the process loses
nothing that was answered. End of input is a normal way to stop: it exits with status 0.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from assistant.errors import JourneyError
from assistant.i18n import parse_locale, t
from assistant.interview.models import Question, ReviewEntry
from assistant.session import Session
from assistant.terminal import for_terminal
from assistant.text import shorten

_BLOCK = '"""'
_SUMMARY_WIDTH = 70


class PlainChat:
    def __init__(self, session: Session, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
        self.session = session
        self.stdin = stdin
        self.stdout = stdout
        self._last_step: int | None = None
        self._unsent: str | None = None
        """A multi-line block the input ended inside: kept as a draft, never taken for an answer."""
        self._commands: dict[str, Callable[[str], bool]] = {
            "/back": self._back,
            "/skip": self._skip,
            "/edit": self._edit,
            "/review": self._review,
            "/help": self._help,
            "/lang": self._lang,
            "/quit": self._quit,
        }

    # ----- output --------------------------------------------------------------------------------------

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.session.locale, **params)

    def _print(self, text: str = "") -> None:
        self.stdout.write(for_terminal(text) + "\n")

    def _say(self, text: str, ref: str | None = None) -> None:
        """Print and keep in the transcript."""
        self._print(text)
        self.session.say(text, ref)

    # ----- the loop ------------------------------------------------------------------------------------

    def run(self, *, resumed: bool) -> int:
        session = self.session
        self._print(self._t("chat.banner", title=session.row.title, id=session.id))
        if resumed:
            self._resume_summary()
        self._print(self._t("chat.commands_hint"))
        while True:
            question = session.question()
            if question is None:
                self._finish()
                return 0
            self._announce(question)
            raw = self._read()
            if raw is None:
                self._print()
                if self._unsent:
                    session.save_draft(self._unsent)
                    self._print(self._t("chat.kept_draft"))
                else:
                    session.flush()
                self._print(self._t("chat.saved_bye", id=session.id))
                return 0
            if raw.startswith("/"):
                name, _, argument = raw.partition(" ")
                command = self._commands.get(name.lower())
                if command is None:
                    self._print(self._t("chat.unknown_command", command=name))
                    continue
                if not command(argument.strip()):
                    return 0
                continue
            self._answer(raw)

    def _announce(self, question: Question) -> None:
        progress = self.session.interview.progress()
        if self._last_step is not None and question.step_number > self._last_step:
            self._step_summary(self._last_step)
        self._last_step = question.step_number
        if question.step_intro:
            self._print()
            self._say(
                self._t("chat.step_header", number=question.step_number, count=len(progress.steps),
                        title=question.step_title)
            )  # fmt: skip
            self._say(question.step_intro)
        for note in question.notes:
            self._say(note)
        self._print()
        if question.kind == "probe":
            self._say(self._t("chat.probe", message=question.text), question.ref)
            self._print(f"  ({question.hint})")
            return
        number = min(progress.done + 1, progress.total)
        self._say(self._t("chat.question", number=number, total=progress.total, text=question.text), question.ref)
        for choice in question.choices:
            self._print(f"  {choice.number}. {choice.label}")
        self._print(f"  ({question.hint})")

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
        outcome = self.session.answer(raw)
        if outcome.status == "invalid" and outcome.message:
            self._print(self._t("chat.invalid", message=outcome.message))

    def _finish(self) -> None:
        if self._last_step is not None:
            self._step_summary(self._last_step)
        self._print()
        self._say(self._t("chat.finished", id=self.session.id))
        self.session.flush()

    # ----- summaries -----------------------------------------------------------------------------------

    def _resume_summary(self) -> None:
        session = self.session
        progress = session.interview.progress()
        question = session.question()
        self._print(self._t("chat.resume", done=progress.done, total=progress.total))
        answered = [entry for entry in session.interview.review() if entry.status != "unanswered"]
        if answered:
            last = answered[-1]
            self._print(
                self._t(
                    "chat.resume_last",
                    question=shorten(last.question, _SUMMARY_WIDTH),
                    answer=shorten(_shown(last, self), _SUMMARY_WIDTH),
                )
            )
        draft = session.row.draft
        if draft:
            self._print(self._t("chat.resume_draft", draft=shorten(draft, _SUMMARY_WIDTH)))
        if question is not None:
            self._print(self._t("chat.resume_step", number=question.step_number, title=question.step_title))

    def _step_summary(self, step_number: int) -> None:
        lines = self.session.step_summary(step_number)
        if lines:
            self._print()
        for line in lines:
            self._say(line)

    # ----- commands (each returns False to stop the chat) ----------------------------------------------

    def _back(self, _argument: str) -> bool:
        outcome = self.session.back("/back")
        if not outcome.ok and outcome.message:
            self._print(self._t("chat.invalid", message=outcome.message))
        return True

    def _skip(self, _argument: str) -> bool:
        outcome = self.session.skip("/skip")
        if not outcome.ok and outcome.message:
            self._print(self._t("chat.invalid", message=outcome.message))
        return True

    def _edit(self, argument: str) -> bool:
        entries = self._answerable()
        ref = _pick(argument, entries)
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
        for number, entry in enumerate(self._answerable(), start=1):
            if entry.step_title != current:
                current = entry.step_title
                self._print()
                self._print(f"== {current} ==")
            shown = _shown(entry, self)
            self._print(f"{number:>4}. {shorten(entry.question, 60)} → {shorten(shown, _SUMMARY_WIDTH)}")
        self._print()
        self._print(self._t("chat.review_hint"))
        return True

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
        self.session.set_locale(locale, f"/lang {argument}")
        self._print(self._t("chat.lang_set"))
        return True

    def _quit(self, _argument: str) -> bool:
        self.session.heard("/quit")
        self.session.flush()
        self._print(self._t("chat.saved_bye", id=self.session.id))
        return False

    def _answerable(self) -> list[ReviewEntry]:
        return self.session.interview.review()


def _pick(argument: str, entries: list[ReviewEntry]) -> str | None:
    """A review number, a reference (`item@key`) or an item id (its first instance)."""
    if not argument:
        return None
    if argument.isdigit():
        number = int(argument)
        return entries[number - 1].ref if 0 < number <= len(entries) else None
    for entry in entries:
        if argument in (entry.ref, entry.item_id):
            return entry.ref
    return None


def _shown(entry: ReviewEntry, chat: PlainChat) -> str:
    if entry.status == "skipped":
        return chat._t("value.skipped")
    if entry.status == "unanswered":
        return chat._t("chat.unanswered")
    return entry.display
