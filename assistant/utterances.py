"""What is said in an interview, typed: the session decides what is said and in what order; the plain chat and the
app only render utterances, and the transcript stores each with its kind, so any front end can reload it."""

from __future__ import annotations

import json
from typing import Any, Literal, get_args

from pydantic import BaseModel, Field

UtteranceKind = Literal[
    "step",  # a step begins: "Step 2 of 6: Understand the customer"
    "intro",  # why the step matters
    "note",  # an info message of the bank, or a remark of the assistant's own
    "question",
    "probe",  # the follow-up asked once when an answer is vague
    "more",  # "add another?" after the instances of a repeated group
    "summary",  # what a finished step captured
    "finding",  # a live analysis note, raised by the answer just given
    "error",  # why an answer was refused
    "change",  # an earlier answer was changed: before → after
    "review",  # the obstacles read so far, with their kinds, for the owner to correct
    "say",  # anything else the assistant says (greeting, closing line)
    "answer",  # the user's answer
    "command",  # the user's move: back, skip, edit, a language switch…
]
USER_KINDS: frozenset[str] = frozenset({"answer", "command"})
STORED_KINDS: dict[str, str] = {"more": "question"}
"""Kinds the transcript stores under another name it knows (an "add another?" prompt is a question)."""


class Utterance(BaseModel):
    kind: UtteranceKind
    text: str
    ref: str | None = Field(default=None, description="The question it is about.")
    data: dict[str, Any] = Field(
        default_factory=dict,
        description="Detail a front end may render: a question's number and total, a step's number, a finding's "
        "id, whether a finding was withdrawn, a change's values.",
    )
    seq: int | None = Field(default=None, description="Its place in the saved transcript, once saved.")

    @property
    def role(self) -> Literal["assistant", "user"]:
        return "user" if self.kind in USER_KINDS else "assistant"

    @property
    def withdrawn(self) -> bool:
        return bool(self.data.get("withdrawn"))

    def data_json(self) -> str | None:
        return json.dumps(self.data, ensure_ascii=False, sort_keys=True) if self.data else None


def from_row(kind: str, text: str, ref: str | None, data: str | None, seq: int | None, role: str) -> Utterance:
    """A saved transcript line as an utterance; a line the product no longer names is said plainly."""
    detail: dict[str, Any] = {}
    if data:
        try:
            loaded = json.loads(data)
        except ValueError:
            loaded = None
        detail = loaded if isinstance(loaded, dict) else {}
    if kind == "question" and detail.get("more"):
        kind = "more"
    known = kind in get_args(UtteranceKind)
    chosen = kind if known else ("answer" if role == "user" else "say")
    return Utterance(kind=chosen, text=text, ref=ref, data=detail, seq=seq)
