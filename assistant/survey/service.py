"""The survey of a saved interview, as the command line and the app ask for it."""

from __future__ import annotations

from assistant.bank.model import Bank
from assistant.interview.engine import Interview
from assistant.interview.state import InterviewState
from assistant.store import InterviewRow, Store
from assistant.survey.design import Survey, design_survey


def interview_survey(store: Store, interview_id: str, locale: str | None = None) -> Survey:
    """The survey of a saved interview's map, in `locale` or the interview's own language."""
    from assistant.session import Session

    session = Session.resume(store, interview_id)
    return survey_of(session.interview.bank, session.interview.state, session.row, locale)


def survey_of(bank: Bank, state: InterviewState, row: InterviewRow, locale: str | None = None) -> Survey:
    """The survey of the map of answers in memory: the map's touchpoints, and the bank's worded questions that
    apply to this interview."""
    from assistant.exports import map_of

    journey = map_of(bank, state, row, locale)
    applicable = [entry.item_id for entry in Interview(bank, state).review()]
    return design_survey(bank, journey, applicable, locale)
