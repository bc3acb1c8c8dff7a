"""The bank's survey texts: documented in the schema, checked with the bank (each problem located by path and line),
and absent from the content hash of a bank that has none."""

from __future__ import annotations

import json
import textwrap

import pytest

from assistant.bank.loader import find_bank
from assistant.bank.model import Bank
from assistant.bank.problems import BankError
from tests.banks import bank_from_yaml, step

SECTION = """
survey:
  title: {vi: "Khảo sát {business}", en: "{business} survey"}
  intro: {vi: "Chào bạn", en: "Hello"}
  touchpoints:
    used: {text: {vi: "Đã dùng «{touchpoint}»?", en: "Used “{touchpoint}”?"}}
    feeling: {text: {vi: "Cảm thấy thế nào?", en: "How was it?"}}
    stopped: {text: {vi: "Điều gì cản bạn?", en: "What stopped you?"}}
  profile:
    - id: age
      type: single_choice
      persona: age
      text: {vi: "Tuổi?", en: "Age?"}
      options:
        - {code: young, label: {vi: "Trẻ", en: "Young"}}
  consent:
    text: {vi: "Tôi đồng ý", en: "I agree"}
    label: {vi: "Đồng ý", en: "Agree"}
  thanks: {vi: "Cảm ơn", en: "Thanks"}
"""

ITEMS = """
- id: brand
  type: single_choice
  text: {vi: Khách biết thương hiệu?, en: Do customers know the brand?}
  options:
    - {code: most, label: {vi: Hầu hết, en: Most}}
    - {code: few, label: {vi: Ít, en: Few}}
  survey:
    text: {vi: "Bạn biết {business} chưa?", en: "Had you heard of {business}?"}
    type: boolean
- id: age
  role: persona.age
  type: single_choice
  text: {vi: Tuổi?, en: Age?}
  options:
    - {code: young, label: {vi: Trẻ, en: Young}}
"""


def load(items: str = ITEMS, extra: str = SECTION) -> Bank:
    return bank_from_yaml(step("one", items), extra=extra)


def problems(items: str = ITEMS, extra: str = SECTION) -> list[tuple[str, str]]:
    with pytest.raises(BankError) as caught:
        load(items, extra)
    from assistant.bank.problems import format_path

    return [(problem.key, format_path(problem.path)) for problem in caught.value.problems]


def test_a_bank_with_survey_texts_loads() -> None:
    bank = load()
    assert bank.survey is not None and bank.survey.profile[0].persona == "age"
    item = bank.steps[0].items[0]
    assert item.survey is not None and item.survey.type is not None and item.survey.type.value == "boolean"


def test_the_schema_documents_the_survey_fields() -> None:
    schema = json.dumps(Bank.model_json_schema())
    for name in ("SurveyWording", "SurveySection", "SurveyTouchpointQuestions", "SurveyProfileQuestion"):
        assert name in schema
    assert "The question worded to the customer" in schema


def test_a_bank_without_survey_texts_dumps_as_before() -> None:
    plain = load(
        ITEMS.replace(
            '  survey:\n    text: {vi: "Bạn biết {business} chưa?", en: "Had you heard of {business}?"}\n    type: boolean\n',
            "",
        ),
        "",
    )
    body = json.loads(plain.canonical_json())
    assert "survey" not in body and all("survey" not in item for item in body["steps"][0]["items"])
    bundled = json.loads(find_bank("customer-journey").bank.canonical_json())
    assert "survey" in bundled and bundled["steps"][1]["items"][5]["survey"]["type"] == "boolean"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("    type: boolean\n", "    type: list\n"),
            [("survey.check.type", "steps[0].items[0].survey.type")],
        ),
        (
            ("    type: boolean\n", "    type: scale\n"),
            [("bank.scale_points", "steps[0].items[0].survey.points")],
        ),
        (
            ("    type: boolean\n", "    options:\n      - {code: a, label: {vi: A, en: A}}\n"),
            [("survey.check.needs_type", "steps[0].items[0].survey.options")],
        ),
        (
            ("Bạn biết {business} chưa?", "Bạn biết {touchpoint} chưa?"),
            [("survey.check.pipe", "steps[0].items[0].survey.text.vi")],
        ),
    ],
)
def test_an_items_survey_wording_is_checked(change: tuple[str, str], expected: list[tuple[str, str]]) -> None:
    assert problems(ITEMS.replace(*change)) == expected


def test_a_choice_for_customers_takes_the_owners_options_or_its_own() -> None:
    several = load(ITEMS.replace("    type: boolean\n", "    type: multi_choice\n"))
    assert several.steps[0].items[0].survey is not None  # the item's own options serve
    text_item = ITEMS.replace("  type: single_choice\n  text: {vi: Khách", "  type: text\n  text: {vi: Khách").replace(
        "  options:\n    - {code: most, label: {vi: Hầu hết, en: Most}}\n    - {code: few, label: {vi: Ít, en: Few}}\n",
        "",
    )
    assert problems(text_item.replace("    type: boolean\n", "    type: multi_choice\n")) == [
        ("bank.options_missing", "steps[0].items[0].survey")
    ]


def test_a_group_or_a_repeated_question_cannot_be_asked_in_the_survey() -> None:
    items = textwrap.dedent(
        """
        - id: names
          type: list
          text: {vi: Tên?, en: Names?}
        - id: each
          type: group
          repeat_for: names
          survey: {text: {vi: Nhóm, en: Group}}
          items:
            - id: note
              type: text
              text: {vi: Ghi chú?, en: Note?}
              survey: {text: {vi: Ghi chú?, en: Note?}}
        """
    )
    assert problems(items, "") == [
        ("survey.check.not_a_question", "steps[0].items[1].survey"),
        ("survey.check.repeated", "steps[0].items[1].items[0].survey"),
    ]


def test_the_survey_section_is_checked() -> None:
    broken = (
        SECTION.replace('en: "Used “{touchpoint}”?"', 'en: ""')
        .replace("{code: young,", "{code: old,")
        .replace('"Khảo sát {business}"', '"Khảo sát {stage}"')
    )
    found = problems(extra=broken)
    assert ("bank.missing_translation", "survey.touchpoints.used.text") in found
    assert ("survey.check.persona_code", "survey.profile[0].options[0].code") in found
    assert ("survey.check.pipe", "survey.title.vi") in found
    with pytest.raises(BankError) as caught:
        load(ITEMS, broken)
    message = next(p for p in caught.value.problems if p.key == "survey.check.pipe")
    assert "{stage} cannot be used here; the survey fills in only {business}" in message.message("en")
