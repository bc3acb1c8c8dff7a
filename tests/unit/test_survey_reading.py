"""Reading what customers wrote into the rules' obstacle kinds: the survey's reader (each keyword folded once, one
scan per text) reads exactly as the rules' own classifier does."""

from __future__ import annotations

import csv

import pytest

from assistant.journeymap.customers import KeywordReader
from assistant.journeymap.rules import rules_for
from tests.survey import STOPPED, SURVEY_DATA

SAMPLES = [
    *STOPPED,
    "",
    "none",
    "Phí vận chuyển cao, nhân viên không trả lời",
    "chờ lâu quá 😤",
    "Ghim sai chỗ, đi lố mất",
    "relationship manager never called",
    "FEES!!! and a scam",
    "ĐẮT quá",
    "thong tin khong ro rang",
    "xa quá, lại đóng cửa sớm",
]


def _cells() -> list[str]:
    texts = []
    for name in ("google-forms-en.csv", "google-forms-vi.csv", "microsoft-forms.csv", "excel-semicolon.csv"):
        with (SURVEY_DATA / name).open(encoding="utf-8-sig", newline="") as handle:
            delimiter = ";" if "semicolon" in name else ","
            texts += [cell for row in csv.reader(handle, delimiter=delimiter) for cell in row]
    return texts


@pytest.mark.parametrize("text", SAMPLES + _cells())
def test_the_reader_reads_as_the_rules_classify(text: str) -> None:
    rules = rules_for("customer-journey")
    assert KeywordReader(rules)(text) == rules.classify(text)
