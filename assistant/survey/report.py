"""What the survey commands say: an import's summary, the list of imported files, and the respondents as a
spreadsheet. Decided here once, so the command line and the app say the same."""

from __future__ import annotations

from assistant.i18n import t
from assistant.survey.cells import csv_text
from assistant.survey.design import Survey, SurveyColumn
from assistant.survey.importer import ImportReport
from assistant.survey.model import Batch, CellValue, Respondents
from assistant.text import shorten

SHOWN_HEADERS = 8
HEADER_WIDTH = 60


def _quoted(headers: list[str], locale: str) -> str:
    shown = [t("survey.quoted", locale, text=shorten(header, HEADER_WIDTH)) for header in headers[:SHOWN_HEADERS]]
    rest = len(headers) - len(shown)
    return ", ".join(shown) + (t("survey.and_more", locale, count=rest) if rest else "")


def import_summary(report: ImportReport, locale: str, *, keep_hint: str = "survey.summary.keep_hint") -> list[str]:
    """The lines an import ends with: who was added, what was skipped and why, which columns were left out;
    `keep_hint` says how this front end keeps personal columns (an option, a tick box)."""
    lines = [
        t(
            "survey.summary.imported",
            locale,
            count=report.imported,
            first=report.first,
            last=report.last,
            file=report.file,
            batch=report.batch,
        )
    ]
    how = [
        t(f"survey.summary.by.{by}", locale, count=count)
        for by in ("id", "text", "mapping")
        if (count := sum(1 for m in report.matched if m.by == by))
    ]
    lines.append(t("survey.summary.matched", locale, count=len(report.matched), how=", ".join(how)))
    skipped = [
        t(key, locale, count=count)
        for key, count in (
            ("survey.summary.already", report.already),
            ("survey.summary.no_consent", report.no_consent),
            ("survey.summary.empty", report.empty_rows),
            ("survey.summary.bad_rows", report.bad_rows),
            ("survey.summary.bad_cells", report.bad_cells),
            ("survey.summary.contradicted", report.contradicted),
        )
        if count
    ]
    if skipped:
        lines.append(t("survey.summary.skipped", locale, what="; ".join(skipped)))
    lines += [problem.message(locale) for problem in report.problems]
    if report.bad_cells + report.bad_rows > len(report.problems):
        more = report.bad_cells + report.bad_rows - len(report.problems)
        lines.append(t("survey.import.more_problems", locale, count=more))
    if report.ignored:
        headers = _quoted(report.ignored, locale)
        lines.append(t("survey.summary.ignored", locale, count=len(report.ignored), headers=headers))
    if report.personal:
        key = "survey.summary.personal_kept" if report.personal_kept else "survey.summary.personal_left"
        lines.append(t(key, locale, count=len(report.personal), headers=_quoted(report.personal, locale)))
        if not report.personal_kept:
            lines.append(t(keep_hint, locale))
    if report.form:
        lines.append(t("survey.summary.form", locale, headers=_quoted(report.form, locale)))
    return lines


def batches_table(batches: list[Batch], locale: str) -> list[list[str]]:
    rows = [t("survey.list.header", locale).split("\t")]
    rows += [
        [
            str(batch.number),
            batch.file_name,
            batch.imported_at[:16].replace("T", " "),
            f"{batch.respondents:,}",
            f"{batch.first}–{batch.last}",
            f"{batch.skipped_cells:,}",
            t("value.yes", locale) if batch.personal_kept else t("value.no", locale),
        ]
        for batch in batches
    ]
    return rows


def respondents_total(batches: list[Batch], locale: str) -> str:
    total = sum(batch.respondents for batch in batches)
    key = "survey.list.total_one" if len(batches) == 1 else "survey.list.total"
    return t(key, locale, count=total, files=len(batches))


def respondents_csv(survey: Survey, respondents: Respondents, locale: str) -> str:
    """Every respondent, numbered, one column per question (`question [column-id]`, as the survey's CSV), then
    answers to questions the map no longer asks; personal columns are never in it. Cells that a spreadsheet would
    read as a formula start with an apostrophe."""
    columns = [column for column in survey.columns if column.id in respondents.columns]
    known = {column.id for column in survey.columns}
    others = sorted(column_id for column_id in respondents.columns if column_id not in known)
    header = [
        t("survey.export.respondent", locale),
        t("survey.export.submitted", locale),
        *(f"{column.text} [{column.id}]" for column in columns),
        *(f"[{column_id}]" for column_id in others),
    ]
    cells = [respondents.columns[column.id] for column in columns] + [respondents.columns[c] for c in others]
    readers = [*columns, *([None] * len(others))]
    rows = [header]
    for index, number in enumerate(respondents.numbers):
        rows.append(
            [
                str(number),
                respondents.submitted[index] or "",
                *(cell_text(reader, values[index], locale) for reader, values in zip(readers, cells, strict=True)),
            ]
        )
    return csv_text(rows)


def cell_text(column: SurveyColumn | None, value: CellValue, locale: str) -> str:
    """An answer as a person reads it, and as the import reads it back: labels, not codes."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("value.yes" if value else "value.no", locale)
    labels = {option.code: option.label for option in column.options} if column is not None else {}
    if isinstance(value, list):
        return "; ".join(labels.get(code, code) for code in value)
    if isinstance(value, dict):
        return labels.get(value.get("code", ""), "") or value.get("other", "") or value.get("code", "")
    if isinstance(value, str):
        return labels.get(value, value)
    return str(value)
