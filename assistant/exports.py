"""An interview's map in each export format, shared by the command line and the app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from assistant.journeymap.model import JourneyMap
from assistant.session import Session
from assistant.store import InterviewRow, Store

if TYPE_CHECKING:
    from assistant.bank.model import Bank
    from assistant.interview.state import InterviewState
    from assistant.survey.model import Respondents

ExportFormat = Literal["md", "html", "json"]
SUFFIXES: dict[str, ExportFormat] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def interview_map(store: Store, interview_id: str, locale: str | None = None) -> JourneyMap:
    """The map of a saved interview, in `locale` or the interview's own language, with its survey's respondents."""
    session = Session.resume(store, interview_id)
    return session.map(locale, respondents=store.respondents(session.id))


def map_of(
    bank: Bank,
    state: InterviewState,
    row: InterviewRow,
    locale: str | None = None,
    respondents: Respondents | None = None,
) -> JourneyMap:
    """The map of answers in memory (the app's live analysis and the survey's design), with the saved title and
    dates."""
    from assistant.journeymap.build import MapSource, build_map

    return build_map(bank, state, MapSource.of(row), locale, respondents)


def export_text(store: Store, interview_id: str, file_format: ExportFormat, locale: str | None = None) -> str:
    journey = interview_map(store, interview_id, locale)
    if file_format == "json":
        from assistant.portable import export_json

        return export_json(store, interview_id, journey)
    if file_format == "md":
        from assistant.journeymap.markdown import render_markdown

        return render_markdown(journey)
    from assistant.journeymap.html import render_html

    return render_html(journey)


def format_for(path: Path | None, requested: str | None) -> ExportFormat:
    from assistant.files import output_format

    return output_format(path, requested, SUFFIXES)


def default_file_name(title: str, file_format: ExportFormat) -> str:
    """A file name a person recognises: the title as a slug, e.g. lotus-coffee.journey.md."""
    from assistant.text import slug

    return f"{slug(title)}.journey.{file_format}"
