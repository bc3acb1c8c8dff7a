"""The survey a map becomes: the bank's customer wording, three questions per touchpoint, stable column ids, a bank
without survey texts, and the questionnaire in Markdown, HTML and CSV with every interview text escaped."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
import yaml

from assistant.bank.loader import find_bank
from assistant.bank.model import Bank, ItemType
from assistant.interview.answers_file import fill_interview
from assistant.interview.engine import Interview
from assistant.journeymap.build import MapSource, build_map
from assistant.survey.cells import csv_text, from_spreadsheet_text
from assistant.survey.design import Survey, design_survey
from assistant.survey.render import render_survey, survey_format_for
from tests.survey import GOLDEN

SOURCE = MapSource("Lotus Coffee", "in_progress", "2026-11-01T08:00:00Z", "2026-11-20T17:45:00Z")


def answers(locale: str = "en") -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((GOLDEN / f"answers-{locale}.yaml").read_text(encoding="utf-8"))
    return document


def survey(document: dict[str, Any], bank: Bank | None = None, locale: str | None = None) -> Survey:
    bank = bank or find_bank(document["bank"]).bank
    interview = fill_interview(bank, document["answers"], document["locale"], document["preset"])
    journey = build_map(bank, interview.state, SOURCE)
    applicable = [entry.item_id for entry in Interview(bank, interview.state).review()]
    return design_survey(bank, journey, applicable, locale)


def without_survey_texts(bank: Bank, bank_id: str) -> Bank:
    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: strip(value) for key, value in node.items() if key != "survey"}
        if isinstance(node, list):
            return [strip(value) for value in node]
        return node

    data = strip(bank.model_dump(mode="json", exclude_none=True))
    data["id"] = bank_id
    return Bank.model_validate(data)


def test_the_article_questions_are_worded_to_customers() -> None:
    made = survey(answers())
    heard = made.column("q.heard_of_brand")
    assert heard is not None and heard.text == "Had you heard of Lotus Coffee before?"
    assert heard.type is ItemType.BOOLEAN and heard.kind == "question"  # the owner's most / some / few becomes yes / no
    support = made.column("q.support_needs")
    assert support is not None and [o.code for o in support.options][:2] == ["before_purchase", "during_purchase"]
    # Questions that do not apply to this interview (no website answered) are not asked.
    assert made.column("q.website_attraction") is None and made.column("q.visit_duration") is None
    ids = [column.id for column in made.columns]
    assert ids[:5] == [
        "q.heard_of_brand",
        "q.problem_to_solve",
        "q.purchase_factor",
        "q.support_needs",
        "q.improvement_feedback",
    ]
    assert ids[5:8] == [
        "tp.awareness/google-maps.used",
        "tp.awareness/google-maps.feeling",
        "tp.awareness/google-maps.stopped",
    ]
    assert ids[-3:] == ["p.age", "p.location", "consent"]
    feeling = made.column("tp.awareness/google-maps.feeling")
    assert feeling is not None and [p.label for p in feeling.points] == [
        "Very frustrated",
        "Unhappy",
        "Neutral",
        "Pleased",
        "Delighted",
    ]  # the map's own scale, so owner and customers answer on one


def test_the_website_questions_come_with_a_website() -> None:
    document = answers()
    document["answers"]["has_website"] = True
    made = survey(document)
    duration = made.column("q.visit_duration")
    assert duration is not None and duration.type is ItemType.SINGLE_CHOICE
    assert [o.code for o in duration.options] == ["under_1m", "1_3m", "3_10m", "over_10m", "not_visited"]


def test_a_touchpoint_keeps_its_column_ids_when_others_are_added() -> None:
    before = {column.id for column in survey(answers()).columns}
    grown = answers()
    stage = grown["answers"]["stage"][0]
    stage["touchpoints"] = ["Website", *stage["touchpoints"], "Zalo OA"]
    stage["touchpoint"] = [{"tp_channel": "website"}, *stage["touchpoint"], {"tp_channel": "zalo"}]
    after = {column.id for column in survey(grown).columns}
    assert before < after
    assert after - before == {
        f"tp.awareness/{key}.{kind}" for key in ("website", "zalo-oa") for kind in ("used", "feeling", "stopped")
    }


def test_both_languages_and_a_name_two_stages_share() -> None:
    document = answers("vi")
    document["answers"]["stage"][1]["touchpoints"] = ["Quầy gọi món", "Google Maps"]
    made = survey(document, locale="en")
    assert made.locale == "en" and made.title == "Cà phê Sen customer experience survey"
    used = made.column("tp.mua-hang/google-maps.used")
    assert used is not None and used.text == "Did you use “Google Maps (Mua hàng)”?"
    assert used.texts["vi"] == "Bạn đã từng dùng «Google Maps (Mua hàng)» chưa?"


def test_a_bank_without_survey_texts_asks_about_its_touchpoints_in_journeys_words() -> None:
    plain = without_survey_texts(find_bank("customer-journey").bank, "plain-bank")
    made = survey(answers(), plain)
    assert not made.own_words and made.section("question") == [] and made.section("profile") == []
    assert made.title == "Lotus Coffee customer survey"
    used = made.column("tp.purchase/counter.used")
    assert used is not None and used.text == "Did you use “Counter”?" and used.heading == "Used it?"
    assert made.column("consent") is not None


def test_an_interview_on_a_bank_from_before_the_survey_borrows_the_installed_banks_words() -> None:
    older = without_survey_texts(find_bank("customer-journey").bank, "customer-journey")
    made = survey(answers(), older)
    assert made.own_words and made.column("q.heard_of_brand") is not None


def test_the_csv_is_a_header_row_of_questions_and_ids() -> None:
    made = survey(answers())
    text = render_survey(made, "csv")
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    (header,) = list(csv.reader(io.StringIO(text[1:])))
    assert header[0] == "Had you heard of Lotus Coffee before? [q.heard_of_brand]"
    assert len(header) == len(made.columns)
    assert all(cell.endswith(f"[{column.id}]") for cell, column in zip(header, made.columns, strict=True))


def test_interview_text_never_becomes_markup_or_a_formula() -> None:
    document = answers()
    document["answers"]["business_name"] = "<b>Lotus</b> | *Coffee*"
    document["answers"]["stage"][0]["touchpoints"] = ['=HYPERLINK("http://x")', "Facebook fanpage"]
    made = survey(document)
    html = render_survey(made, "html")
    assert "<b>Lotus</b>" not in html and "&lt;b&gt;Lotus&lt;/b&gt;" in html
    markdown = render_survey(made, "md")
    assert "\\<b\\>Lotus\\</b\\> \\| \\*Coffee\\*" in markdown
    assert made.section("used")[0].touchpoint == '=HYPERLINK("http://x")'
    header = render_survey(made, "csv")
    assert 'Did you use “=HYPERLINK(""http://x"")”?' in header


def test_cells_a_spreadsheet_would_run_start_with_an_apostrophe() -> None:
    text = csv_text([["=1+1", "+84 90", "-5", "@SUM(A1)", "plain", "a=b"]])
    assert text == "\ufeff'=1+1,'+84 90,'-5,'@SUM(A1),plain,a=b\r\n"
    assert [from_spreadsheet_text(cell) for cell in ("'=1+1", "'plain", "it's")] == ["=1+1", "'plain", "it's"]


@pytest.mark.parametrize("locale", ["en", "vi"])
def test_the_printable_questionnaire(locale: str) -> None:
    made = survey(answers(locale))
    markdown = render_survey(made, "md")
    html = render_survey(made, "html")
    if locale == "en":
        assert markdown.startswith("# Lotus Coffee customer experience survey\n")
        assert (
            "| # | Where you met Lotus Coffee | Used it? | How it felt (1–5) | What almost stopped you? |" in markdown
        )
        assert "*1 = Very frustrated · 2 = Unhappy · 3 = Neutral · 4 = Pleased · 5 = Delighted*" in markdown
        assert "- [ ] I agree" in markdown and "## A little about you (optional)" in markdown
    else:
        assert markdown.startswith("# Khảo sát trải nghiệm khách hàng của Cà phê Sen\n")
        assert "| 8 | Quầy gọi món | ☐ Có ☐ Không | ☐1 ☐2 ☐3 ☐4 ☐5 | |" in markdown
        assert "- [ ] Tôi đồng ý" in markdown
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{locale}">' in html
    assert html.count("<table>") == len(made.stages) and "<script" not in html


def test_the_format_follows_the_file_suffix() -> None:
    from pathlib import Path

    assert survey_format_for(Path("survey.csv"), None) == "csv"
    assert survey_format_for(Path("survey.html"), None) == "html"
    assert survey_format_for(None, None) == "md"
