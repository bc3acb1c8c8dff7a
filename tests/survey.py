"""Saved interviews and survey files for the survey tests: the golden interviews on a real SQLite file, and the
spreadsheets in tests/data/survey written the way Google Forms, Microsoft Forms, Typeform and Excel write them."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.bank.loader import find_bank
from assistant.interview.answers_file import fill_interview
from assistant.session import Session
from assistant.store import InterviewRow, Store
from assistant.survey.design import Survey
from assistant.survey.importer import ImportOptions, ImportReport, import_responses
from assistant.survey.service import interview_survey

ROOT = Path(__file__).resolve().parent
SURVEY_DATA = ROOT / "data" / "survey"
GOLDEN = ROOT / "golden"
IMPORTED_AT = "2026-11-20T17:45:00.000000Z"


def fixed_clock() -> str:
    return IMPORTED_AT


def golden_interview(store: Store, locale: str) -> InterviewRow:
    """The golden interview (Lotus Coffee in English, Cà phê Sen in Vietnamese) saved in `store`."""
    document = yaml.safe_load((GOLDEN / f"answers-{locale}.yaml").read_text(encoding="utf-8"))
    bank = find_bank(document["bank"]).bank
    interview = fill_interview(bank, document["answers"], document["locale"], document["preset"])
    return Session.adopt(store, interview, document["answers"]["business_name"]).row


def survey_of(store: Store, interview_id: str, locale: str | None = None) -> Survey:
    return interview_survey(store, interview_id, locale)


def imported(store: Store, interview_id: str, name: str | Path, **options: object) -> ImportReport:
    path = name if isinstance(name, Path) else SURVEY_DATA / name
    return import_responses(
        store,
        interview_id,
        path,
        survey_of(store, interview_id),
        ImportOptions(**options),  # type: ignore[arg-type]
    )
