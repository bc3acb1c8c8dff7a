"""The interview's state: everything the engine needs to continue, as a model that round-trips through JSON."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.i18n import Locale
from assistant.interview.values import AnswerValue

AnswerStatus = Literal["answered", "skipped"]


class AnswerRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: AnswerValue | None = None
    status: AnswerStatus = "answered"
    kinds: dict[str, str] | None = Field(
        default=None,
        description="The owner's corrections of the obstacle kinds read in this answer: clause (folded) → kind. "
        "A correction always wins over the reader; one for a clause the answer no longer has is ignored.",
    )


class InterviewState(BaseModel):
    """Answers are keyed by slot reference: `item_id` at the top level, `item_id@instance/key` in repeats."""

    model_config = ConfigDict(extra="forbid")

    bank_id: str
    bank_version: str
    bank_hash: str
    locale: Locale
    preset: str | None = None
    answers: dict[str, AnswerRecord] = Field(default_factory=dict)
    repeats: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Instance keys of user-added repeats, by the group's slot reference.",
    )
    repeat_serial: dict[str, int] = Field(default_factory=dict)
    probed: list[str] = Field(default_factory=list, description="Slots whose probe was already asked.")
    pending_probe: str | None = None
    revisit: str | None = None
    revisit_mode: Literal["back", "edit"] | None = None

    def snapshot(self) -> InterviewState:
        """A copy another thread can read while the interview moves on. The engine replaces answer records and
        never changes one in place, so copying the containers is enough (and a deep copy of 2,000 answers
        costs 20 ms on every answer)."""
        return self.model_copy(
            update={
                "answers": dict(self.answers),
                "repeats": {ref: list(keys) for ref, keys in self.repeats.items()},
                "repeat_serial": dict(self.repeat_serial),
                "probed": list(self.probed),
            }
        )


def make_ref(item_id: str, key: str) -> str:
    return f"{item_id}@{key}" if key else item_id


def split_ref(ref: str) -> tuple[str, str]:
    item_id, _, key = ref.partition("@")
    return item_id, key


def key_prefix(key: str, depth: int) -> str:
    """The instance key of an enclosing scope `depth` repeats deep."""
    if depth == 0:
        return ""
    return "/".join(key.split("/")[:depth])


def join_key(parent: str, segment: str) -> str:
    return f"{parent}/{segment}" if parent else segment
