"""The answer area: one widget that fits the question, posting what the user gave as `AnswerSubmitted`.

Every widget hands the engine the same kind of raw answer the plain chat would (text, an option's number, entries
one by one), so validation and its messages are the engine's alone.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from assistant.bank.model import ItemType
from assistant.i18n import t
from assistant.interview.models import Choice, Question
from assistant.interview.parsing import number_range
from assistant.journeymap.review import KindReview
from assistant.slash import Command, known_command
from assistant.tui.localized import localize_bindings

# Faces from Unicode 6.0, which every emoji font of the last decade draws.
FACES = ("😫", "😞", "😐", "😊", "😄")
NUMBER_CHARACTERS = r"[0-9.,%\s+\-−]*"
# A tick list's state as a character, so it reads without colour (NO_COLOR, a monochrome terminal, a screen reader).
TICKED, UNTICKED = "☑", "☐"
LIST_ROWS = 12
"""The most rows a list of options or entries takes, borders included; fewer when the screen is short."""
TEXT_ROWS = 10
FLEXIBLE = {"#answer-choice": LIST_ROWS, "#answer-multi": LIST_ROWS, "#entries": LIST_ROWS, "#answer-text": TEXT_ROWS}
"""The part of each answer widget that gives up rows on a short screen, and the most rows it takes."""
FEWEST_ROWS = 3
"""A list squeezed by a short screen still shows one line and its borders, and scrolls."""


class AnswerSubmitted(Message):
    """`raw` goes to the engine; `said` is how the transcript shows the user's turn."""

    def __init__(self, raw: str | list[str], said: str) -> None:
        super().__init__()
        self.raw = raw
        self.said = said


class CommandTyped(Message):
    """The user typed one of the chat's commands (`/review`, `/edit 12`…) where an answer goes."""

    def __init__(self, command: Command) -> None:
        super().__init__()
        self.command = command


def _sent(field: TextArea | Input, text: str) -> Message:
    """What Enter in a text field sends: a known command (the field is emptied: it was no answer), or the answer.
    The widget handling the key posts it: a message bubbles up from the widget that posts it."""
    command = known_command(text)
    if command is None:
        return AnswerSubmitted(text, text.strip())
    if isinstance(field, TextArea):
        field.clear()
    else:
        field.value = ""
    return CommandTyped(command)


class AnswerText(TextArea):
    """Free text. Enter sends; Ctrl+J (or Shift+Enter where the terminal tells them apart) starts a new line; a
    pasted block arrives whole, new lines included."""

    BINDINGS = [Binding("ctrl+j,shift+enter", "new_line", "tui.key.new_line", show=False, id="answer-box.new_line")]

    def on_key(self, event: events.Key) -> None:
        # Runs before the text area's own key handler, which would insert a new line.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(_sent(self, self.text))

    def action_new_line(self) -> None:
        self.insert("\n")


class NumberField(Input):
    """Numbers and percents: only number characters get in; the engine checks range and format on Enter."""

    def __init__(self, value: str, placeholder: str) -> None:
        super().__init__(value, placeholder=placeholder, restrict=NUMBER_CHARACTERS, id="answer-number")


class AnswerList(OptionList):
    """An option list in the answer box, whose highlighted option (the current answer, the last entry) stays in
    view whenever the box gives it fewer rows: the rows are settled by a layout pass after the highlight is set, and
    on a busy machine that pass can come after any scroll asked for when the rows were given."""

    type_into: Input | None = None
    """The field for the user's own words beside the list (an open choice's Other field, the list editor's entry
    field), which a letter typed on the list starts; without one, a letter is refused aloud."""

    def __init__(self, locale: str, *, id: str) -> None:
        super().__init__(id=id)
        self.locale = locale

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.scroll_to_highlight)

    def type_ahead(self, event: events.Key) -> bool:
        """Whether the key was a letter (or any printable character) this list has no use for, now taken: into
        `type_into`, focused at once so the next keys follow it there, or refused with a bell and a word on what
        the list takes. A letter was dropped silently before, and the Enter after a typed answer sent the
        highlighted option instead."""
        character = event.character
        if not event.is_printable or character is None or character.isspace():
            return False
        event.stop()
        event.prevent_default()
        field = self.type_into
        if field is None:
            self.app.bell()
            self.border_subtitle = t("tui.answer.numbers_only", self.locale)
            return True
        self.screen.set_focus(field)
        field.insert_text_at_cursor(character)
        return True


class ChoiceList(AnswerList):
    """One choice: arrows or the option's number, then Enter; or a click."""

    def __init__(self, locale: str) -> None:
        super().__init__(locale, id="answer-choice")
        self.choices: list[Choice] = []
        self.raw_values: list[str] = []
        self._typed = ""

    def show(
        self, choices: list[Choice], labels: list[str | Text], raw_values: list[str], highlighted: int | None
    ) -> None:
        self.choices = choices
        self.raw_values = raw_values
        self._typed = ""
        self.clear_options()
        self.add_options([Option(label, id=str(index)) for index, label in enumerate(labels)])
        self.highlighted = highlighted

    def on_key(self, event: events.Key) -> None:
        digit = event.character
        if self.border_subtitle:
            self.border_subtitle = ""
        if digit is None or not digit.isdigit():
            self._typed = ""
            self.type_ahead(event)
            return
        event.stop()
        numbers = [str(choice.number) for choice in self.choices]
        typed = self._typed + digit
        if not any(number.startswith(typed) for number in numbers):
            typed = digit
        self._typed = typed
        if typed in numbers:
            # The number highlights its option and Enter sends it, as in a tick list: a number that sent at once
            # left the Enter typed after it to the next question, which an optional one took as "left empty".
            self.highlighted = numbers.index(typed)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.post_message(AnswerSubmitted(self.raw_values[index], self.choices[index].label))


class TickList(AnswerList):
    """Several choices: Space ticks the highlighted option, typing numbers ticks theirs (`1,3`, a range `2-4`), Enter
    sends what is ticked. Each option shows ☑ or ☐, so its state reads without colour; what is being typed shows
    under the list until it ticks."""

    BINDINGS = [
        Binding("enter", "send", "tui.key.send", id="answer-box.send"),
        Binding("space", "tick_highlighted", "tui.key.tick", show=False, id="answer-box.tick"),
    ]

    def __init__(self, choices: list[Choice], chosen: set[str], locale: str) -> None:
        super().__init__(locale, id="answer-multi")
        self.choices = choices
        self.ticked: set[str] = {choice.code for choice in choices if choice.code in chosen}
        self._typed = ""
        self._last: int | None = None
        """The number ticked last by typing: a `-` typed next starts a range from it."""
        self.add_options([Option(self._prompt(choice)) for choice in choices])
        if choices:
            self.highlighted = 0

    def _prompt(self, choice: Choice) -> Text:
        ticked = choice.code in self.ticked
        prompt = Text(f"{TICKED if ticked else UNTICKED} ", style="bold" if ticked else "")
        prompt.append(f"{choice.number}. {choice.label}")
        if choice.help:
            prompt.append(f" — {choice.help}", style="dim")
        return prompt

    @property
    def selected(self) -> list[str]:
        """The ticked options' numbers, in the list's order: what the plain chat would type."""
        return [str(choice.number) for choice in self.choices if choice.code in self.ticked]

    def tick(self, indexes: list[int], *, on: bool | None = None) -> None:
        """Tick (on), untick (off) or toggle (None) the options at `indexes`."""
        for index in indexes:
            code = self.choices[index].code
            wanted = code not in self.ticked if on is None else on
            if wanted:
                self.ticked.add(code)
            else:
                self.ticked.discard(code)
            self.replace_option_prompt_at_index(index, self._prompt(self.choices[index]))

    def action_tick_highlighted(self) -> None:
        if self.highlighted is not None:
            self.tick([self.highlighted])

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.tick([event.option_index])

    def action_send(self) -> None:
        self._commit()
        chosen = [choice for choice in self.choices if choice.code in self.ticked]
        said = ", ".join(choice.label for choice in chosen)
        self.post_message(AnswerSubmitted([str(choice.number) for choice in chosen], said))

    # ----- typing numbers --------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        character = event.character or ""
        if character.isdigit() and character.isascii():
            self._type_digit(character)
        elif character in ("-", "–"):
            self._type_dash()
        elif character in (",", ";") or (event.key == "space" and self._typed):
            self._commit()
        elif event.key == "backspace" and self._typed:
            self._show_typed(self._typed[:-1])
        elif event.key == "enter":
            return  # the send binding commits what is typed, then sends
        else:
            if self._typed:
                self._commit()
            self.type_ahead(event)
            return
        event.stop()
        event.prevent_default()

    def _numbers(self) -> list[str]:
        return [str(choice.number) for choice in self.choices]

    def _type_digit(self, digit: str) -> None:
        end = (self._typed + digit).rpartition("-")[2]
        numbers = self._numbers()
        if not any(number.startswith(end) for number in numbers):
            self.app.bell()
            return
        self._show_typed(self._typed + digit)
        if end in numbers:
            self.highlighted = numbers.index(end)
            if not any(number != end and number.startswith(end) for number in numbers):
                self._commit()  # no other number starts so: it ticks now

    def _type_dash(self) -> None:
        if not self._typed and self._last is not None:
            self._show_typed(f"{self._last}-")
        elif self._typed and "-" not in self._typed and self._typed in self._numbers():
            self._show_typed(self._typed + "-")
        else:
            self.app.bell()

    def _commit(self) -> None:
        """Tick what was typed: one number, or every number of a range."""
        typed, numbers = self._typed, self._numbers()
        self._show_typed("")
        if not typed:
            return
        span = number_range(typed)
        first, last = span if span is not None else (int(typed.rstrip("-")), int(typed.rstrip("-")))
        wanted = [number for number in range(first, last + 1) if str(number) in numbers]
        if not wanted or str(first) not in numbers or str(last) not in numbers:
            self.app.bell()
            return
        self.tick([numbers.index(str(number)) for number in wanted], on=True)
        self._last = last

    def _show_typed(self, typed: str) -> None:
        self._typed = typed
        self.border_subtitle = t("tui.answer.typed", self.locale, typed=typed) if typed else ""


class EntryInput(Input):
    """The list editor's field: a multi-line paste becomes one entry per line; ↑, or Backspace / Delete when the
    field is empty, goes to the entries (the last one highlighted), where Delete removes it."""

    class Pasted(Message):
        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    class ToEntries(Message):
        """The user reached for the entries from the field: by Up, or by Backspace or Delete on an empty field."""

        def __init__(self, *, erasing: bool) -> None:
            super().__init__()
            self.erasing = erasing

    def on_paste(self, event: events.Paste) -> None:
        # Runs before the input's own paste handler, which would keep the first line only.
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(lines) > 1:
            event.stop()
            event.prevent_default()
            self.post_message(self.Pasted(lines))

    def on_key(self, event: events.Key) -> None:
        if event.key == "up" or (event.key in ("backspace", "delete") and not self.value):
            event.stop()
            event.prevent_default()
            self.post_message(self.ToEntries(erasing=event.key != "up"))


class EntryList(AnswerList):
    """The entries of the list editor; it asks its editor to change them, by message."""

    BINDINGS = [
        Binding("delete,backspace", "remove", "tui.key.remove", id="answer-box.remove_entry"),
        Binding("alt+up", "move(-1)", "tui.key.move_up", id="answer-box.move_entry_up"),
        Binding("alt+down", "move(1)", "tui.key.move_down", id="answer-box.move_entry_down"),
    ]

    class Remove(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Move(Message):
        def __init__(self, index: int, offset: int) -> None:
            super().__init__()
            self.index = index
            self.offset = offset

    def on_key(self, event: events.Key) -> None:
        self.type_ahead(event)

    def action_remove(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Remove(self.highlighted))

    def action_move(self, offset: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Move(self.highlighted, offset))


class ListEditor(Vertical):
    """Entries such as touchpoints, one per Enter (a name may hold a comma): add (Enter), edit in place (Enter on
    an entry, then Enter), remove (Delete), reorder (Alt+↑/↓); Enter on an empty field, or Ctrl+S anywhere, sends
    the list."""

    BINDINGS = [Binding("ctrl+s", "send", "tui.key.send_list", id="answer-box.send_list")]

    def __init__(self, entries: list[str], placeholder: str, locale: str) -> None:
        super().__init__(id="answer-list")
        self.entries = list(entries)
        self.placeholder = placeholder
        self.locale = locale
        self.editing: int | None = None
        """The entry being changed in the field, which stays in its place in the list meanwhile."""

    def compose(self) -> ComposeResult:
        entries = EntryList(self.locale, id="entries")
        # Not selected on focus: a letter typed on the entries is put in before the focus lands, and would be
        # typed over.
        entries.type_into = EntryInput(placeholder=self.placeholder, id="entry", select_on_focus=False)
        yield entries
        yield entries.type_into

    def on_mount(self) -> None:
        self._refresh(len(self.entries) - 1)

    def _refresh(self, highlight: int | None = None) -> None:
        entries = self.query_one(EntryList)
        entries.clear_options()
        entries.add_options([Option(self._label(index)) for index in range(len(self.entries))])
        entries.display = bool(self.entries)
        if highlight is not None and self.entries:
            entries.highlighted = max(0, min(highlight, len(self.entries) - 1))

    def _label(self, index: int) -> Text:
        label = Text(f"{index + 1}. {self.entries[index]}")
        if index == self.editing:
            label.append(" ✎", style="bold")
        return label

    def add(self, lines: list[str]) -> None:
        self.entries.extend(line for line in lines if line)
        self._refresh(len(self.entries) - 1)

    @on(Input.Submitted, "#entry")
    def _entry_done(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        command = known_command(text)
        if command is not None:
            event.input.value = ""
            self.post_message(CommandTyped(command))
            return
        editing, self.editing = self.editing, None
        if editing is not None:
            if text:
                self.entries[editing] = text
                self._refresh(editing)
            else:  # the entry was emptied: it goes
                del self.entries[editing]
                self._refresh(editing)
            event.input.value = ""
        elif text:
            self.add([text])
            event.input.value = ""
        else:
            self.action_send()

    @on(EntryInput.Pasted)
    def _pasted(self, event: EntryInput.Pasted) -> None:
        self.add(event.lines)

    @on(EntryInput.ToEntries)
    def _to_entries(self, event: EntryInput.ToEntries) -> None:
        if event.erasing and self.editing is not None:
            # Erasing the entry being edited stays in the field: one Backspace too many left it for the list, where
            # the next one removed the entry (the app walk lost a stage and what was typed after).
            return
        if self.entries:
            entries = self.query_one(EntryList)
            entries.highlighted = len(self.entries) - 1 if self.editing is None else self.editing
            entries.focus()

    @on(OptionList.OptionSelected, "#entries")
    def _edit_entry(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        field = self.query_one(EntryInput)
        typed = field.value.strip()
        if typed and self.editing is None:
            self.add([typed])  # what was typed is kept, not lost to the edit
        elif typed and self.editing is not None:
            self.entries[self.editing] = typed
        self.editing = event.option_index
        field.value = self.entries[event.option_index]
        self._refresh(event.option_index)
        field.focus()

    @on(EntryList.Remove)
    def _remove(self, event: EntryList.Remove) -> None:
        event.stop()
        self.remove_entry(event.index)

    @on(EntryList.Move)
    def _move(self, event: EntryList.Move) -> None:
        event.stop()
        self.move_entry(event.index, event.offset)

    def remove_entry(self, index: int) -> None:
        if 0 <= index < len(self.entries):
            del self.entries[index]
            if self.editing is not None:
                self.editing = None if self.editing == index else self.editing - (self.editing > index)
            self._refresh(index)
            if not self.entries:
                self.query_one(EntryInput).focus()

    def move_entry(self, index: int, offset: int) -> None:
        target = index + offset
        if 0 <= index < len(self.entries) and 0 <= target < len(self.entries):
            self.entries[index], self.entries[target] = self.entries[target], self.entries[index]
            if self.editing in (index, target):
                self.editing = target if self.editing == index else index
            self._refresh(target)

    def pending(self) -> list[str]:
        """The entries with what is still typed in the field, as the user sees them: in place of the entry being
        changed, or after the last."""
        typed = self.query_one(EntryInput).value.strip()
        entries = list(self.entries)
        if self.editing is not None:
            if typed:
                entries[self.editing] = typed
            else:
                del entries[self.editing]
        elif typed:
            entries.append(typed)
        return entries

    def action_send(self) -> None:
        entries = self.pending()
        self.post_message(AnswerSubmitted(entries, "\n".join(f"• {entry}" for entry in entries)))


def answer_kind(question: Question) -> str:
    """Which widget a question gets."""
    if question.kind == "probe":
        return "text"
    if question.kind == "more" or question.type in (ItemType.BOOLEAN, ItemType.SINGLE_CHOICE):
        return "choice"
    return {
        ItemType.SCALE: "scale",
        ItemType.MULTI_CHOICE: "multi",
        ItemType.OPEN_CHOICE: "open",
        ItemType.LIST: "list",
        ItemType.INTEGER: "number",
        ItemType.DECIMAL: "number",
        ItemType.PERCENT: "number",
    }.get(question.type, "text")


REUSABLE_KINDS = ("text", "number", "choice", "scale")
OWN_FORMAT_KINDS = ("choice", "scale", "multi", "open", "list")
"""Kinds whose widget says itself how to answer (arrows, ticks, an entry per Enter): the bank's format hint, written
for typing the whole answer on one line in the plain chat ("1,3", "separated by commas"), gives way to its keys."""


def answer_hint(question: Question, locale: str, *, on_entries: bool = False) -> tuple[str, str]:
    """How to answer `question` in the app: what to give (italic under the question) and the widget's keys (those
    of the list editor's entries when they have the focus). A widget that shows the current or suggested answer
    itself (a highlight, ticks, entries) needs no "leave it empty to keep it": only that it may be skipped."""
    kind = answer_kind(question)
    if kind not in OWN_FORMAT_KINDS:
        said = question.hint
    elif (
        question.kind == "question" and not question.required and question.current is None and question.default is None
    ):
        said = t("hint.optional", locale)
    else:
        said = ""
    return said, t("tui.hint.list_entries" if on_entries and kind == "list" else f"tui.hint.{kind}", locale)


def fit_rows(area: Widget, flexible: Widget, room: int, most: int) -> None:
    """Give `flexible` (a list, a text area) the rows `area` has left in `room` once its other parts are shown, at
    most `most`: what has to stay in sight (the Other field, the entry field) never falls below the screen."""
    others = area.outer_size.height - flexible.outer_size.height
    flexible.styles.max_height = max(FEWEST_ROWS, min(most, room - others))  # a style set again unchanged is a no-op


class AnswerArea(Vertical):
    """The widget for one question, with a line saying what to type and which keys do what."""

    def __init__(self, question: Question, locale: str, draft: str | None = None) -> None:
        super().__init__(classes="answer")
        self.question = question
        self.locale = locale
        self.draft_text = draft
        self._room: int | None = None

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    @property
    def style_kind(self) -> str:
        return answer_kind(self.question)

    def _hint(self, *, on_entries: bool = False) -> Text:
        said, keys = answer_hint(self.question, self.locale, on_entries=on_entries)
        hint = Text(said, style="italic")
        hint.append("  ·  " + keys if said else keys, style="dim")
        return hint

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The list editor's keys follow the focus: the field's, or the entries' (edit, remove, move)."""
        if self.style_kind == "list":
            self.query_one("#answer-hint", Static).update(self._hint(on_entries=isinstance(event.widget, EntryList)))
            if self._room is not None:
                self.call_after_refresh(self.fit, self._room)

    def fit(self, room: int) -> None:
        """Fit into `room` rows: the list of options or entries (or the text area) gives up rows first."""
        self._room = room
        for selector, most in FLEXIBLE.items():
            found = self.query(selector)
            if found:
                fit_rows(self, found.first(), room, most)
                return

    def can_take(self, question: Question, locale: str) -> bool:
        kind = answer_kind(question)
        return locale == self.locale and kind == self.style_kind and kind in REUSABLE_KINDS

    def take(self, question: Question, draft: str | None = None) -> None:
        """Ask the next question in the same widgets: the focus stays where it is, so nothing is restyled."""
        self.question = question
        self.draft_text = draft
        self.query_one("#answer-hint", Static).update(self._hint())
        kind = self.style_kind
        if kind == "text":
            area = self.query_one(AnswerText)
            area.load_text(self._text_value())
            area.move_cursor(area.document.end)
        elif kind == "number":
            self.query_one(NumberField).value = self._text_value()
        else:
            self.query_one(ChoiceList).show(*self._choice_parts())
        self.focus_input()

    def compose(self) -> ComposeResult:
        kind = self.style_kind
        yield Static(self._hint(), id="answer-hint")
        if kind in ("choice", "scale"):
            yield self._choice_list()
        elif kind == "open":
            choices = self._choice_list()
            choices.type_into = Input(
                self._other_value(), placeholder=self._t("tui.answer.other"), id="answer-other", select_on_focus=False
            )
            yield choices
            with Horizontal(id="answer-other-row"):
                yield choices.type_into
        elif kind == "multi":
            yield TickList(self.question.choices, set(self._chosen_codes()), self.locale)
        elif kind == "list":
            yield ListEditor(self._entries(), self._t("tui.answer.entry"), self.locale)
        elif kind == "number":
            yield NumberField(self._text_value(), self._t("tui.answer.number"))
        else:
            area = AnswerText(self._text_value(), id="answer-text", soft_wrap=True, show_line_numbers=False)
            area.placeholder = self._t("tui.answer.text")
            yield area

    def on_mount(self) -> None:
        self.localize(self.locale)
        self.focus_input()
        area = self.query(AnswerText)
        if area:
            area.first().move_cursor(area.first().document.end)

    def localize(self, locale: str) -> None:
        """The answer widgets' own keys (send, new line, reorder…) in the footer and palette, in `locale`."""
        for widget in self.walk_children(with_self=False):
            if type(widget).__module__ == __name__:
                localize_bindings(widget, locale)

    def focus_input(self) -> None:
        for selector in ("#answer-text", "#answer-number", "#answer-choice", "#answer-multi", "#entry"):
            found = self.query(selector)
            if found:
                found.first().focus()
                return

    # ----- the widgets -----------------------------------------------------------------------------------

    def _choice_list(self) -> ChoiceList:
        choice_list = ChoiceList(self.locale)
        choice_list.show(*self._choice_parts())
        return choice_list

    def _choice_parts(self) -> tuple[list[Choice], list[str | Text], list[str], int | None]:
        """The options with their numbers (and faces on a five-point scale), what each sends, and which one is
        highlighted: the current or suggested answer, else the middle of a scale."""
        question = self.question
        scale = self.style_kind == "scale"
        by_code = question.type in (ItemType.BOOLEAN, ItemType.SCALE) or question.kind == "more"
        labels: list[str | Text] = []
        for index, choice in enumerate(question.choices):
            label = Text(f"{choice.number}. ")
            if scale and len(question.choices) == len(FACES):
                label.append(FACES[index] + " ")
            label.append(choice.label)
            if choice.help:
                label.append(f" — {choice.help}", style="dim")
            labels.append(label)
        raw = [choice.code if by_code else str(choice.number) for choice in question.choices]
        chosen = self._chosen_codes()
        codes = [choice.code for choice in question.choices]
        highlighted: int | None = None
        if chosen and chosen[0] in codes:
            highlighted = codes.index(chosen[0])
        elif scale and question.choices:
            highlighted = len(question.choices) // 2
        elif question.choices:
            highlighted = 0
        return question.choices, labels, raw, highlighted

    def _value(self) -> Any:
        question = self.question
        return question.current if question.current is not None else question.default

    def _chosen_codes(self) -> list[str]:
        value = self._value()
        if isinstance(value, bool):
            return ["yes" if value else "no"]
        if isinstance(value, int | float):
            return [str(value)]
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [str(code) for code in value]
        if isinstance(value, dict) and "code" in value:
            return [str(value["code"])]
        return []

    def _other_value(self) -> str:
        return self.draft_text or self._suggested("#answer-other")

    def _entries(self) -> list[str]:
        text = self.draft_text or self._suggested("#answer-list")
        return [line.strip() for line in text.split("\n") if line.strip()]

    def _text_value(self) -> str:
        return self.draft_text or self._suggested("#answer-text")

    def _suggested(self, widget_id: str) -> str:
        """What a widget is filled with before the user types: the current answer when editing, else the
        preset's suggestion. Text equal to this is not a draft."""
        question = self.question
        value = self._value()
        if widget_id == "#answer-other":
            return str(value["other"]) if isinstance(value, dict) and "other" in value else ""
        if widget_id == "#answer-list":
            return "\n".join(str(entry) for entry in value) if isinstance(value, list) else ""
        if question.kind == "probe":
            return ""
        return question.current_display or question.default_display or ""

    # ----- events ----------------------------------------------------------------------------------------

    @on(Input.Submitted, "#answer-number, #answer-other")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(_sent(event.input, event.value))

    def draft(self) -> str | None:
        """What the user has typed and not sent, to keep when the app closes; None when there is nothing."""
        for widget in self.query("#answer-text, #answer-number, #answer-other, #answer-list"):
            text = _typed_text(widget)
            suggested = self._suggested("#answer-text" if widget.id == "answer-number" else f"#{widget.id}")
            if text.strip() and text.strip() != suggested.strip():
                return text
        return None


def _typed_text(widget: Widget) -> str:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, ListEditor):
        return "\n".join(widget.pending())
    return ""


class KindChosen(Message):
    """The owner filed obstacle `number` of the kind review under `kind`."""

    def __init__(self, number: int, kind: str, said: str) -> None:
        super().__init__()
        self.number = number
        self.kind = kind
        self.said = said


class ReviewDone(Message):
    """The owner is done checking the obstacles' kinds."""


class KindReviewArea(Vertical):
    """The obstacles named so far with the kind read in each: Enter on one offers the kinds, the first line goes on.
    Every correction is one move: pick the obstacle, pick its kind."""

    BINDINGS = [
        Binding("ctrl+s", "done", "tui.key.review_done", id="review.done"),
        Binding("escape", "back", "tui.key.back_to_list", id="review.back"),
    ]

    def __init__(self, review: KindReview, locale: str) -> None:
        super().__init__(classes="answer")
        self.review = review
        self.locale = locale
        self._picking: int | None = None

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def compose(self) -> ComposeResult:
        yield Static(Text(self._t("tui.review.hint"), style="italic"), id="answer-hint")
        yield OptionList(id="review-list")
        yield OptionList(id="review-kinds")

    def on_mount(self) -> None:
        localize_bindings(self, self.locale)
        self.query_one("#review-kinds").display = False
        self._fill()

    def _fill(self, highlight: int = 0) -> None:
        listing = self.query_one("#review-list", OptionList)
        listing.clear_options()
        listing.add_option(Option(Text("✓ " + self._t("tui.review.done_option"), style="bold"), id="done"))
        for obstacle in self.review.obstacles:
            label = Text(f"{obstacle.number}. {obstacle.clause} ")
            label.append(f"({obstacle.where})", style="dim")
            label.append(f" → {obstacle.kind_label}", style="bold")
            if obstacle.corrected:
                label.append(" ✎", style="dim")
            listing.add_option(Option(label, id=str(obstacle.number)))
        listing.highlighted = highlight
        listing.focus()

    def update_review(self, review: KindReview) -> None:
        highlighted = self.query_one("#review-list", OptionList).highlighted or 0
        self.review = review
        self.action_back()
        self._fill(highlighted)

    def focus_input(self) -> None:
        self.query_one("#review-kinds" if self._picking else "#review-list", OptionList).focus()

    def fit(self, room: int) -> None:
        shown = self.query_one("#review-kinds" if self._picking else "#review-list", OptionList)
        fit_rows(self, shown, room, room)

    @on(OptionList.OptionSelected, "#review-list")
    def _obstacle_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == "done":
            self.post_message(ReviewDone())
            return
        self._picking = int(event.option.id or 0)
        obstacle = next(o for o in self.review.obstacles if o.number == self._picking)
        kinds = self.query_one("#review-kinds", OptionList)
        kinds.clear_options()
        kinds.add_options([Option(f"{choice.number}. {choice.label}", id=choice.code) for choice in self.review.kinds])
        kinds.highlighted = next((i for i, c in enumerate(self.review.kinds) if c.code == obstacle.kind), 0)
        self.query_one("#review-list").display = False
        kinds.display = True
        kinds.focus()

    @on(OptionList.OptionSelected, "#review-kinds")
    def _kind_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        number = self._picking
        if number is None or event.option.id is None:
            return
        obstacle = next(o for o in self.review.obstacles if o.number == number)
        label = next(c.label for c in self.review.kinds if c.code == event.option.id)
        said = self._t("tui.said.kind", text=obstacle.clause, kind=label)
        self.post_message(KindChosen(number, event.option.id, said))

    def action_back(self) -> None:
        self._picking = None
        self.query_one("#review-kinds").display = False
        listing = self.query_one("#review-list")
        listing.display = True
        listing.focus()

    def action_done(self) -> None:
        self.post_message(ReviewDone())
