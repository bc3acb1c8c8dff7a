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
from textual.widgets import Input, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from assistant.bank.model import ItemType
from assistant.i18n import t
from assistant.interview.models import Choice, Question
from assistant.journeymap.review import KindReview
from assistant.tui.localized import localize_bindings

# Faces from Unicode 6.0, which every emoji font of the last decade draws.
FACES = ("😫", "😞", "😐", "😊", "😄")
NUMBER_CHARACTERS = r"[0-9.,%\s+\-−]*"


class AnswerSubmitted(Message):
    """`raw` goes to the engine; `said` is how the transcript shows the user's turn."""

    def __init__(self, raw: str | list[str], said: str) -> None:
        super().__init__()
        self.raw = raw
        self.said = said


class AnswerText(TextArea):
    """Free text. Enter sends; Ctrl+J (or Shift+Enter where the terminal tells them apart) starts a new line; a
    pasted block arrives whole, new lines included."""

    BINDINGS = [Binding("ctrl+j,shift+enter", "new_line", "tui.key.new_line", show=False)]

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(AnswerSubmitted(self.text, self.text.strip()))
            return
        await super()._on_key(event)

    def action_new_line(self) -> None:
        self.insert("\n")


class NumberField(Input):
    """Numbers and percents: only number characters get in; the engine checks range and format on Enter."""

    def __init__(self, value: str, placeholder: str) -> None:
        super().__init__(value, placeholder=placeholder, restrict=NUMBER_CHARACTERS, id="answer-number")


class ChoiceList(OptionList):
    """One choice: arrows and Enter, a click, or the option's number typed straight away."""

    def __init__(self) -> None:
        super().__init__(id="answer-choice")
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
        if digit is None or not digit.isdigit():
            self._typed = ""
            return
        event.stop()
        numbers = [str(choice.number) for choice in self.choices]
        typed = self._typed + digit
        if not any(number.startswith(typed) for number in numbers):
            typed = digit
        self._typed = typed
        if typed in numbers:
            self.highlighted = numbers.index(typed)
            if not any(number != typed and number.startswith(typed) for number in numbers):
                self._typed = ""
                self.action_select()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.post_message(AnswerSubmitted(self.raw_values[index], self.choices[index].label))


class ChoiceSelection(SelectionList[str]):
    """Several choices: Space ticks, Enter sends what is ticked."""

    BINDINGS = [Binding("enter", "send", "tui.key.send")]

    def __init__(self, selections: list[Selection[str]], labels: dict[str, str]) -> None:
        super().__init__(*selections, id="answer-multi")
        self.labels = labels

    def action_send(self) -> None:
        chosen = list(self.selected)
        self.post_message(AnswerSubmitted(chosen, ", ".join(self.labels[value] for value in chosen)))


class EntryInput(Input):
    """The list editor's field: a multi-line paste becomes one entry per line."""

    class Pasted(Message):
        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    def _on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(lines) > 1:
            event.stop()
            event.prevent_default()
            self.post_message(self.Pasted(lines))
            return
        super()._on_paste(event)


class ListEditor(Vertical):
    """Entries such as touchpoints: add (Enter), edit (Enter on an entry), remove (Delete), reorder (Alt+↑/↓);
    Enter on an empty field, or Ctrl+S anywhere, sends the list."""

    BINDINGS = [Binding("ctrl+s", "send", "tui.key.send_list")]

    def __init__(self, entries: list[str], placeholder: str) -> None:
        super().__init__(id="answer-list")
        self.entries = list(entries)
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield EntryList(id="entries")
        yield EntryInput(placeholder=self.placeholder, id="entry")

    def on_mount(self) -> None:
        self._refresh(len(self.entries) - 1)

    def _refresh(self, highlight: int | None = None) -> None:
        entries = self.query_one(EntryList)
        entries.clear_options()
        entries.add_options([Option(f"{number}. {text}") for number, text in enumerate(self.entries, 1)])
        entries.display = bool(self.entries)
        if highlight is not None and self.entries:
            entries.highlighted = max(0, min(highlight, len(self.entries) - 1))

    def add(self, lines: list[str]) -> None:
        self.entries.extend(line for line in lines if line)
        self._refresh(len(self.entries) - 1)

    @on(Input.Submitted, "#entry")
    def _entry_done(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.add([text])
            event.input.value = ""
        else:
            self.action_send()

    @on(EntryInput.Pasted)
    def _pasted(self, event: EntryInput.Pasted) -> None:
        self.add(event.lines)

    @on(OptionList.OptionSelected, "#entries")
    def _edit_entry(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        field = self.query_one(EntryInput)
        if field.value.strip():
            self.add([field.value.strip()])
        field.value = self.entries.pop(event.option_index)
        self._refresh(event.option_index)
        field.focus()

    def remove_entry(self, index: int) -> None:
        if 0 <= index < len(self.entries):
            del self.entries[index]
            self._refresh(index)
            if not self.entries:
                self.query_one(EntryInput).focus()

    def move_entry(self, index: int, offset: int) -> None:
        target = index + offset
        if 0 <= index < len(self.entries) and 0 <= target < len(self.entries):
            self.entries[index], self.entries[target] = self.entries[target], self.entries[index]
            self._refresh(target)

    def pending(self) -> list[str]:
        """The entries plus what is still typed in the field, as the user sees them."""
        typed = self.query_one(EntryInput).value.strip()
        return [*self.entries, typed] if typed else list(self.entries)

    def action_send(self) -> None:
        entries = self.pending()
        self.post_message(AnswerSubmitted(entries, "\n".join(f"• {entry}" for entry in entries)))


class EntryList(OptionList):
    BINDINGS = [
        Binding("delete,backspace", "remove", "tui.key.remove"),
        Binding("alt+up", "move(-1)", "tui.key.move_up"),
        Binding("alt+down", "move(1)", "tui.key.move_down"),
    ]

    def _editor(self) -> ListEditor:
        editor = self.parent
        assert isinstance(editor, ListEditor)
        return editor

    def action_remove(self) -> None:
        if self.highlighted is not None:
            self._editor().remove_entry(self.highlighted)

    def action_move(self, offset: int) -> None:
        if self.highlighted is not None:
            self._editor().move_entry(self.highlighted, offset)


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


class AnswerArea(Vertical):
    """The widget for one question, with a line saying what to type and which keys do what."""

    def __init__(self, question: Question, locale: str, draft: str | None = None) -> None:
        super().__init__(classes="answer")
        self.question = question
        self.locale = locale
        self.draft_text = draft

    def _t(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    @property
    def style_kind(self) -> str:
        return answer_kind(self.question)

    def _hint(self) -> Text:
        hint = Text(self.question.hint, style="italic")
        hint.append("  ·  " + self._t(f"tui.hint.{self.style_kind}"), style="dim")
        return hint

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
            yield self._choice_list()
            with Horizontal(id="answer-other-row"):
                yield Input(self._other_value(), placeholder=self._t("tui.answer.other"), id="answer-other")
        elif kind == "multi":
            yield self._selection()
        elif kind == "list":
            yield ListEditor(self._entries(), self._t("tui.answer.entry"))
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
        choice_list = ChoiceList()
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

    def _selection(self) -> ChoiceSelection:
        chosen = set(self._chosen_codes())
        selections = [
            Selection(f"{choice.number}. {choice.label}", str(choice.number), choice.code in chosen)
            for choice in self.question.choices
        ]
        return ChoiceSelection(selections, {str(choice.number): choice.label for choice in self.question.choices})

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
        self.post_message(AnswerSubmitted(event.value, event.value.strip()))

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

    BINDINGS = [Binding("ctrl+s", "done", "tui.key.review_done"), Binding("escape", "back", "tui.key.back_to_list")]

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
