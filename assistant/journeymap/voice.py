"""The customers' voice in sentences: what the Markdown map and the HTML page both say about a survey's answers.

Plain text, not yet escaped: each format escapes it where it lands (a Markdown table cell, an HTML element).
"""

from __future__ import annotations

from assistant.i18n import t
from assistant.interview.values import format_number
from assistant.journeymap.model import (
    Count,
    CustomerResearch,
    JourneyMap,
    ProfileAnswers,
    SurveyAnswers,
    Touchpoint,
)


def _number(value: float, locale: str) -> str:
    return format_number(value, locale)


def progress_text(journey: JourneyMap) -> str:
    """How far the interview went: the questions answered and, apart, those skipped, so that a map completed by
    skipping most questions does not read as a full one."""
    skipped = len(journey.skipped)
    done, total = journey.progress.done, journey.progress.total
    if not skipped:
        return t("map.progress", journey.locale, done=done, total=total)
    return t("map.progress_skipped", journey.locale, answered=done - skipped, skipped=skipped, total=total)


def counts_text(counts: list[Count], locale: str) -> str:
    return " · ".join(
        t("survey.md.count", locale, label=count.label, count=count.count, share=_number(count.share, locale))
        for count in counts
    )


def respondents_line(customers: CustomerResearch, locale: str) -> str:
    """How many respondents, from how many files, over which days."""
    period = (
        t("survey.md.period", locale, first=customers.first_response, last=customers.last_response)
        if customers.first_response and customers.last_response
        else ""
    )
    who = t("survey.md.respondents", locale, count=customers.respondents)
    return f"{who}{t('survey.md.files', locale, files=customers.files)}{period}"


def answers_text(question: SurveyAnswers, locale: str) -> str:
    """What customers answered one survey question: the mean of a number, the counts or themes, their words."""
    parts = []
    if question.number is not None:
        number = question.number
        parts.append(
            t(
                "survey.md.number",
                locale,
                mean=_number(round(number.mean, 1), locale),
                low=_number(number.min, locale),
                high=_number(number.max, locale),
            )
        )
    counts = question.themes or question.counts
    if counts:
        parts.append(counts_text(counts, locale))
    if question.quotes:
        parts.append(" · ".join(t("survey.md.quote", locale, text=quote) for quote in question.quotes))
    parts.append(t("survey.md.answered", locale, count=question.answered))
    return " — ".join(parts)


def touchpoint_text(customers: CustomerResearch | None, touchpoint: Touchpoint, locale: str) -> str | None:
    """One touchpoint as customers lived it: how many used it, how it felt, and the gap with the owner's score."""
    if customers is None:
        return None
    reach = customers.reach
    use = next((u for u in reach.used if u.touchpoint_key == touchpoint.key), None) if reach else None
    parts = []
    if use is not None:
        share = _number(use.share, locale)
        parts.append(t("survey.md.used", locale, used=use.used_by, asked=use.asked, share=share))
    emotion = touchpoint.customer_emotion
    if emotion is not None:
        parts.append(
            t(
                "survey.md.felt",
                locale,
                mean=_number(round(emotion.mean, 1), locale),
                low=_number(emotion.min, locale),
                high=_number(emotion.max, locale),
                count=emotion.n,
            )
        )
    gap = next((g for g in customers.gaps if g.touchpoint_key == touchpoint.key), None)
    if gap is not None:
        parts.append(f"⚠ {gap.message}")
    return " · ".join(parts) or None


def profile_label(profile: ProfileAnswers, locale: str) -> str:
    """The persona field a profile question informs, or the question itself, with how many answered it."""
    if profile.persona:
        return t(f"survey.md.profile.{profile.persona}", locale, count=profile.answered)
    return t("survey.md.profile.question", locale, question=profile.question, count=profile.answered)
