"""The survey as a customer fills it in: a printable Markdown or HTML questionnaire, or a CSV header row (one column
per question, `question text [column-id]`) to turn into a Google Forms, Microsoft Forms or Excel sheet.

The printed questionnaire asks the bank's questions one by one, then the three questions of every touchpoint as one
grid per stage (a row per touchpoint: used it, how it felt on the map's scale, what almost stopped them), then the
optional profile questions and the consent line. Every text that came from the interview is escaped where it lands.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Literal

from assistant.bank.model import ItemType
from assistant.i18n import t
from assistant.journeymap.markdown import block, inline
from assistant.survey.cells import csv_text
from assistant.survey.design import Survey, SurveyColumn, SurveyStage

SurveyFormat = Literal["md", "html", "csv"]
SURVEY_SUFFIXES: dict[str, SurveyFormat] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
}
WRITING_LINES = {ItemType.LONG_TEXT: 3, ItemType.TEXT: 1}
_LINE = "…" * 48


def render_survey(survey: Survey, file_format: SurveyFormat) -> str:
    if file_format == "csv":
        return survey_csv(survey)
    if file_format == "html":
        return survey_html(survey)
    return survey_markdown(survey)


def survey_csv(survey: Survey) -> str:
    """The header row: each column `question text [column-id]`, so answers come back matched by their id."""
    return csv_text([[f"{column.text} [{column.id}]" for column in survey.columns]])


def _t(survey: Survey, key: str, **params: object) -> str:
    return t(key, survey.locale, business=survey.business, **params)


def _numbered(survey: Survey) -> dict[str, int]:
    """Question numbers as printed: one per bank or profile question, one per touchpoint row."""
    numbers: dict[str, int] = {}
    for column in survey.columns:
        key = column.touchpoint_key if column.touchpoint_key is not None else column.id
        if column.kind != "consent" and key not in numbers:
            numbers[key] = len(numbers) + 1
    return numbers


def _choices(survey: Survey, column: SurveyColumn) -> list[str]:
    if column.type is ItemType.BOOLEAN:
        return [t("value.yes", survey.locale), t("value.no", survey.locale)]
    if column.type is ItemType.SCALE:
        return [f"{point.code} — {point.label}" for point in column.points]
    return [option.label for option in column.options]


def _scale_legend(survey: Survey) -> str:
    return " · ".join(f"{point.code} = {point.label}" for point in survey.scale)


# ----- Markdown ------------------------------------------------------------------------------------------------


def survey_markdown(survey: Survey) -> str:
    numbers = _numbered(survey)
    lines = [f"# {inline(survey.title)}", "", block(survey.intro), ""]
    about = survey.section("question")
    if about:
        lines += [f"## {inline(_t(survey, 'survey.render.about'))}", ""]
        for column in about:
            lines += _markdown_question(survey, column, numbers[column.id])
    if survey.stages:
        lines += [f"## {inline(_t(survey, 'survey.render.journey'))}", ""]
        lines += [block(_t(survey, "survey.render.journey_intro")), ""]
        lines += [f"*{inline(_scale_legend(survey))}*", ""]
        lines += _markdown_helps(survey)
        for stage in survey.stages:
            lines += _markdown_grid(survey, stage, numbers)
    profile = survey.section("profile")
    if profile:
        lines += [f"## {inline(_t(survey, 'survey.render.profile'))}", ""]
        for column in profile:
            lines += _markdown_question(survey, column, numbers[column.id])
    lines += [f"## {inline(_t(survey, 'survey.render.consent'))}", "", block(survey.consent_text), ""]
    lines += [f"- [ ] {inline(survey.consent_label)}", "", f"*{inline(survey.thanks)}*", ""]
    return "\n".join(lines)


def _markdown_question(survey: Survey, column: SurveyColumn, number: int) -> list[str]:
    lines = [f"**{number}. {inline(column.text)}**", ""]
    hint = column.help or (_t(survey, "survey.render.several") if column.type is ItemType.MULTI_CHOICE else None)
    if hint:
        lines += [f"*{inline(hint)}*", ""]
    choices = _choices(survey, column)
    if choices:
        lines += [f"- [ ] {inline(choice)}" for choice in choices]
        if column.type is ItemType.OPEN_CHOICE:
            lines.append(f"- [ ] {inline(_t(survey, 'survey.render.other'))} {_LINE}")
        lines.append("")
    else:
        lines += [_LINE + "  " for _ in range(WRITING_LINES.get(column.type, 1))] + [""]
    return lines


def _markdown_helps(survey: Survey) -> list[str]:
    """Under the legend, what each grid column asks in full, with its hint."""
    first = survey.stages[0].touchpoints[0].key
    lines = []
    for column in survey.columns:
        if column.touchpoint_key == first and column.heading:
            hint = f" {column.help}" if column.help else ""
            lines.append(f"- **{inline(column.heading)}** {inline(hint.strip())}".rstrip())
    return [*lines, ""] if lines else []


def _markdown_grid(survey: Survey, stage: SurveyStage, numbers: dict[str, int]) -> list[str]:
    headings = _grid_headings(survey)
    yes_no = f"☐ {t('value.yes', survey.locale)} ☐ {t('value.no', survey.locale)}"
    scale = " ".join(f"☐{point.code}" for point in survey.scale)
    lines = [f"### {inline(stage.name)}", ""]
    where = inline(_t(survey, "survey.render.touchpoint"))
    lines.append(f"| # | {where} | " + " | ".join(map(inline, headings)) + " |")
    lines.append("|---|---|---|---|---|")
    for touchpoint in stage.touchpoints:
        lines.append(f"| {numbers[touchpoint.key]} | {inline(touchpoint.label)} | {yes_no} | {scale} | |")
    return [*lines, ""]


def _grid_headings(survey: Survey) -> list[str]:
    first = survey.stages[0].touchpoints[0].key
    return [column.heading or column.text for column in survey.columns if column.touchpoint_key == first]


# ----- HTML ----------------------------------------------------------------------------------------------------

STYLE = """
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #bcccdc; --band: #f0f4f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); }
main { max-width: 900px; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .8rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
.intro { color: var(--muted); }
.q { margin: 0 0 1.2rem; break-inside: avoid; }
.q .text { font-weight: 600; margin: 0 0 .2rem; }
.q .n { display: inline-block; min-width: 2.2rem; color: var(--muted); }
.help { color: var(--muted); font-size: .9rem; margin: 0 0 .4rem 2.2rem; }
.choices { list-style: none; margin: .3rem 0 0 2.2rem; padding: 0; display: flex; flex-wrap: wrap; gap: .35rem 1.4rem; }
.box { display: inline-block; width: .95rem; height: .95rem; border: 1.5px solid var(--ink); border-radius: 2px;
  vertical-align: -0.12rem; margin-right: .4rem; }
.round { border-radius: 50%; }
.lines { margin: .3rem 0 0 2.2rem; }
.lines span { display: block; height: 1.9rem; border-bottom: 1px solid var(--line); }
.legend { color: var(--muted); font-size: .9rem; }
.legend dt { display: inline; font-weight: 600; color: var(--ink); }
.legend dd { display: inline; margin: 0 0 0 .3rem; }
.legend div { margin: .1rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .45rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.n { width: 2rem; color: var(--muted); }
td.place { width: 20%; }
td.used { white-space: nowrap; width: 8.5rem; }
td.used label { margin-right: .8rem; }
td.scale { white-space: nowrap; width: 11.5rem; }
td.scale label { margin-right: .35rem; }
td.scale .box { margin-right: .15rem; }
td.write { height: 3.8rem; }
.consent { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; background: var(--band); }
.thanks { margin-top: 1.6rem; font-style: italic; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
}
"""


def survey_html(survey: Survey) -> str:
    numbers = _numbered(survey)
    parts = [f"<h1>{escape(survey.title)}</h1>", f'<p class="intro">{_paragraph(survey.intro)}</p>']
    about = survey.section("question")
    if about:
        parts.append(f"<h2>{escape(_t(survey, 'survey.render.about'))}</h2>")
        parts += [_html_question(survey, column, numbers[column.id]) for column in about]
    if survey.stages:
        parts.append(f"<h2>{escape(_t(survey, 'survey.render.journey'))}</h2>")
        parts.append(f"<p>{escape(_t(survey, 'survey.render.journey_intro'))}</p>")
        parts.append(_html_legend(survey))
        parts += [_html_grid(survey, stage, numbers) for stage in survey.stages]
    profile = survey.section("profile")
    if profile:
        parts.append(f"<h2>{escape(_t(survey, 'survey.render.profile'))}</h2>")
        parts += [_html_question(survey, column, numbers[column.id]) for column in profile]
    parts.append(f"<h2>{escape(_t(survey, 'survey.render.consent'))}</h2>")
    parts.append(
        f'<div class="consent"><p>{_paragraph(survey.consent_text)}</p>'
        f'<p><span class="box"></span>{escape(survey.consent_label)}</p></div>'
    )
    parts.append(f'<p class="thanks">{escape(survey.thanks)}</p>')
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(survey.locale)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(survey.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


def _paragraph(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def _html_question(survey: Survey, column: SurveyColumn, number: int) -> str:
    parts = [f'<div class="q"><p class="text"><span class="n">{number}.</span>{escape(column.text)}</p>']
    hint = column.help or (_t(survey, "survey.render.several") if column.type is ItemType.MULTI_CHOICE else None)
    if hint:
        parts.append(f'<p class="help">{escape(hint)}</p>')
    choices = _choices(survey, column)
    if choices:
        shape = "" if column.type is ItemType.MULTI_CHOICE else " round"
        items = [f'<li><span class="box{shape}"></span>{escape(choice)}</li>' for choice in choices]
        if column.type is ItemType.OPEN_CHOICE:
            other = escape(_t(survey, "survey.render.other"))
            items.append(f'<li><span class="box{shape}"></span>{other} ________</li>')
        parts.append(f'<ul class="choices">{"".join(items)}</ul>')
    else:
        lines = "<span></span>" * WRITING_LINES.get(column.type, 1)
        parts.append(f'<div class="lines">{lines}</div>')
    parts.append("</div>")
    return "".join(parts)


def _html_legend(survey: Survey) -> str:
    first = survey.stages[0].touchpoints[0].key
    rows = [
        f"<div><dt>{escape(column.heading or column.text)}</dt><dd>{escape(column.help or '')}</dd></div>"
        for column in survey.columns
        if column.touchpoint_key == first
    ]
    scale = escape(_t(survey, "survey.render.scale"))
    rows.append(f"<div><dt>{scale}</dt><dd>{escape(_scale_legend(survey))}</dd></div>")
    return f'<dl class="legend">{"".join(rows)}</dl>'


def _html_grid(survey: Survey, stage: SurveyStage, numbers: dict[str, int]) -> str:
    headings = "".join(f"<th>{escape(heading)}</th>" for heading in _grid_headings(survey))
    yes, no = escape(t("value.yes", survey.locale)), escape(t("value.no", survey.locale))
    used = f'<label><span class="box round"></span>{yes}</label> <label><span class="box round"></span>{no}</label>'
    scale = "".join(f'<label><span class="box round"></span>{escape(point.code)}</label>' for point in survey.scale)
    rows = "".join(
        f'<tr><td class="n">{numbers[touchpoint.key]}</td><td class="place">{escape(touchpoint.label)}</td>'
        f'<td class="used">{used}</td><td class="scale">{scale}</td><td class="write"></td></tr>'
        for touchpoint in stage.touchpoints
    )
    head = f"<tr><th>#</th><th>{escape(_t(survey, 'survey.render.touchpoint'))}</th>{headings}</tr>"
    return f"<h3>{escape(stage.name)}</h3>\n<table><thead>{head}</thead><tbody>{rows}</tbody></table>"


def survey_format_for(path: Path | None, requested: str | None) -> SurveyFormat:
    from assistant.files import output_format

    return output_format(path, requested, SURVEY_SUFFIXES)
