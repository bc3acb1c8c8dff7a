"""What the engine hands to the front doors: questions, outcomes, progress and the review."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.bank.model import ItemType
from assistant.interview.values import AnswerValue


class Choice(BaseModel):
    number: int
    code: str
    label: str
    help: str | None = None


class Question(BaseModel):
    ref: str
    item_id: str
    instance_key: str
    type: ItemType
    kind: Literal["question", "more", "probe"]
    step_id: str
    step_number: int = Field(description="1-based.")
    step_title: str
    step_intro: str | None = Field(default=None, description="Said when the step has not begun yet.")
    notes: list[str] = Field(default_factory=list, description="Info messages and headings leading here.")
    text: str
    help: str | None = None
    examples: list[str] = Field(default_factory=list)
    required: bool = False
    choices: list[Choice] = Field(default_factory=list, description="Options, or the points of a scale.")
    min: float | None = None
    max: float | None = None
    max_length: int | None = None
    hint: str
    default: AnswerValue | None = None
    default_display: str | None = None
    current: AnswerValue | None = None
    current_display: str | None = None


class Outcome(BaseModel):
    status: Literal["accepted", "kept", "skipped", "invalid", "probe"]
    ref: str
    message: str | None = Field(default=None, description="Why the answer was refused, or the probe to ask.")

    @property
    def ok(self) -> bool:
        return self.status != "invalid"


class StepProgress(BaseModel):
    step_id: str
    title: str
    short_title: str = Field(
        description="The step's title in a word or two, for a narrow screen; the whole title when the bank gives "
        "no short one."
    )
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.done >= self.total


class Progress(BaseModel):
    done: int = Field(description="Questions answered or skipped.")
    total: int
    finished: bool
    steps: list[StepProgress]
    skipped: int = Field(default=0, description="Of `done`, the questions skipped; counted by the session.")

    @property
    def ratio(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def answered(self) -> int:
        return max(self.done - self.skipped, 0)


class ReviewEntry(BaseModel):
    ref: str
    item_id: str
    instance_key: str
    role: str | None = Field(default=None, description="The item's role in the journey map, if it has one.")
    labels: list[str] = Field(
        default_factory=list, description="The names of the repeat instances around the question, outermost first."
    )
    step_id: str
    step_title: str
    question: str
    status: Literal["answered", "skipped", "unanswered"]
    value: AnswerValue | None = None
    display: str = ""


class ActiveAnswer(BaseModel):
    """An answer that counts: its question is enabled under the current answers."""

    ref: str
    item_id: str
    instance_key: str
    status: Literal["answered", "skipped"]
    value: AnswerValue | None = None
