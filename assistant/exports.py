"""An interview's map in each export format, shared by the command line and the app."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from assistant.bank.model import Bank
from assistant.errors import JourneyError
from assistant.interview.state import InterviewState
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.model import JourneyMap
from assistant.session import Session
from assistant.store import InterviewRow, Store

ExportFormat = Literal["md", "html", "json"]
FORMATS: tuple[ExportFormat, ...] = ("md", "html", "json")
SUFFIXES: dict[str, ExportFormat] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def interview_map(store: Store, interview_id: str, locale: str | None = None) -> JourneyMap:
    """The map of a saved interview, in `locale` or the interview's own language."""
    session = Session.resume(store, interview_id)
    return map_of(session.interview.bank, session.interview.state, session.row, locale)


def map_of(bank: Bank, state: InterviewState, row: InterviewRow, locale: str | None = None) -> JourneyMap:
    """The map of answers in memory (the app's live analysis and preview), with the saved title and dates."""
    source = MapSource(
        title=row.title,
        status="completed" if row.status == "completed" else "in_progress",
        created=row.created,
        updated=row.updated,
        completed=row.completed,
    )
    return build_map(bank, state, source, locale)


def export_text(store: Store, interview_id: str, file_format: ExportFormat, locale: str | None = None) -> str:
    if file_format == "json":
        from assistant.portable import export_json

        return export_json(store, interview_id, locale=locale)
    journey = interview_map(store, interview_id, locale)
    if file_format == "md":
        from assistant.journeymap.markdown import render_markdown

        return render_markdown(journey)
    from assistant.journeymap.html import render_html

    return render_html(journey)


def format_for(path: Path | None, requested: str | None) -> ExportFormat:
    """The format asked for, else the one the output file's suffix names, else Markdown."""
    if requested is not None:
        if requested not in FORMATS:
            raise JourneyError("cli.unknown_format", format=requested, known=", ".join(FORMATS))
        return requested
    if path is not None and path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    return "md"


def default_file_name(title: str, file_format: ExportFormat) -> str:
    """A file name a person recognises: the title as a slug, e.g. lotus-coffee.journey.md."""
    from assistant.text import slug

    return f"{slug(title)}.journey.{file_format}"
