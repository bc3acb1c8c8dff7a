"""Managing saved interviews: naming, copying, deleting and choosing the one to resume, decided once here for the
command line and the app's home screen alike."""

from __future__ import annotations

from assistant.errors import JourneyError
from assistant.i18n import t
from assistant.store import IN_PROGRESS, InterviewRow, Store
from assistant.text import clean_text

MAX_TITLE = 200
"""Characters in a title: a list row, a file name and a map's heading all have to hold it."""


def percent_done(done: int, total: int) -> int:
    """How far an interview is, in whole percent, rounded down: 100 % only once every question is settled, and
    the same figure in `journey list` and on the home screen."""
    return 100 * done // total if total else 100


def clean_title(raw: str) -> str:
    """A title as it is stored: one line, no control or bidi-override characters; refused when empty or too long."""
    title = clean_text(raw, multiline=False)
    if not title:
        raise JourneyError("interviews.empty_title")
    if len(title) > MAX_TITLE:
        raise JourneyError("interviews.title_too_long", length=f"{len(title):,}", max=MAX_TITLE)
    return title


def optional_title(raw: str | None) -> str | None:
    """A title the user may leave out (a new interview, an answers file): None when nothing is left of it."""
    if raw is None or not clean_text(raw, multiline=False):
        return None
    return clean_title(raw)


def rename(store: Store, interview_id: str, title: str) -> InterviewRow:
    return store.rename(interview_id, clean_title(title))


def copy_title(title: str, locale: str) -> str:
    """The title a copy gets unless the user names it: the original's, marked as a copy, within the maximum."""
    marked = t("interviews.copy_title", locale, title=title)
    if len(marked) <= MAX_TITLE:
        return marked
    room = MAX_TITLE - (len(marked) - len(title)) - 1
    return t("interviews.copy_title", locale, title=title[: max(room, 1)] + "…")


def duplicate(store: Store, interview_id: str, locale: str, title: str | None = None) -> InterviewRow:
    original = store.get(interview_id)
    chosen = optional_title(title)
    return store.duplicate(original.id, chosen if chosen is not None else copy_title(original.title, locale))


def delete(store: Store, interview_id: str) -> InterviewRow:
    """Delete the interview with everything it holds; returns it as it was, for the confirmation sentence."""
    row = store.get(interview_id)
    store.delete(row.id)
    return row


def to_resume(store: Store, interview_id: str | None = None) -> InterviewRow:
    """The interview named, or the most recently touched one still in progress."""
    if interview_id is not None:
        return store.get(interview_id)
    row = store.latest(status=IN_PROGRESS)
    if row is None:
        raise JourneyError("interviews.nothing_to_resume")
    return row
