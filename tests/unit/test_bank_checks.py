"""Bank validation: each problem the loader and the checks report, located by path and YAML line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import tests.banks
from assistant.bank.loader import load_bank_file, load_bank_text
from assistant.bank.model import Bank
from assistant.bank.problems import BankError, BankProblem
from assistant.bank.problems import Path as DocPath
from tests.banks import bank_from_yaml, step

FILE = "test.yaml"


@dataclass(frozen=True)
class Rejection:
    error: BankError
    text: str

    @property
    def problems(self) -> list[BankProblem]:
        return self.error.problems

    def line_of(self, source: str, nth: int = 0) -> int:
        """The 1-based number of the `nth` line whose text, stripped, is `source`."""
        numbers = [n for n, line in enumerate(self.text.splitlines(), start=1) if line.strip() == source]
        assert len(numbers) > nth, f"{source!r} is not in the bank text"
        return numbers[nth]


def rejected_text(text: str) -> Rejection:
    with pytest.raises(BankError) as caught:
        load_bank_text(text, FILE)
    return Rejection(caught.value, text)


def rejected(steps_yaml: str, *, extra: str = "") -> Rejection:
    """The BankError of `bank_from_yaml`, with the YAML text it loaded (to check the reported lines)."""
    texts: list[str] = []

    def recording(text: str, file: str) -> Bank:
        texts.append(text)
        return load_bank_text(text, file)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tests.banks, "load_bank_text", recording)
        with pytest.raises(BankError) as caught:
            bank_from_yaml(steps_yaml, extra=extra)
    assert len(texts) == 1
    return Rejection(caught.value, texts[0])


def only_problem(rejection: Rejection, key: str, path: DocPath, source: str, nth: int = 0) -> BankProblem:
    """The one problem reported: its key, its path, and the line it names (the `nth` line reading `source`)."""
    assert [(p.key, p.path) for p in rejection.problems] == [(key, path)]
    problem = rejection.problems[0]
    assert problem.line == rejection.line_of(source, nth)
    assert problem.file == FILE
    vietnamese, english = problem.message("vi"), problem.message("en")
    assert vietnamese != english
    assert f"{FILE}:{problem.line}:" in vietnamese and f"{FILE}:{problem.line}:" in english
    return problem


HEADER = """\
id: test-bank
version: "1"
default_locale: vi
locales: [vi, en]
title: {vi: Thử, en: Test}
description: {vi: Ngân hàng thử, en: A test bank}
steps:
  - id: one
    title: {vi: Bước một, en: Step one}
    intro: {vi: Giới thiệu, en: Intro}
    items:
      - id: name
        type: text
        text: {vi: Tên?, en: Name?}
"""

PRESETS = """
presets:
  - code: shop
    label: {vi: Cửa hàng, en: Shop}
    description: {vi: Một cửa hàng bán lẻ, en: A retail shop}
    map_type: future_state
    stages:
      - code: aware
        label: {vi: Nhận biết, en: Awareness}
        touchpoints: [{vi: Quảng cáo, en: Ads}, {vi: Bạn bè, en: Friends}]
      - code: buy
        label: {vi: Mua hàng, en: Purchase}
"""

VALID_STEPS = step(
    "goals",
    """
    - id: business
      type: text
      required: true
      text: {vi: Tên doanh nghiệp?, en: Business name?}
      help: {vi: Để gọi đúng tên., en: To call it by name.}
      examples: {vi: [Cà phê Hoa Sen], en: [Lotus Coffee]}
    - id: story
      type: long_text
      max_length: 2000
      text: {vi: Câu chuyện?, en: The story?}
      probe: {vi: Cho một ví dụ?, en: An example?}
    - id: map_type
      type: single_choice
      default_from: preset.map_type
      text: {vi: Loại bản đồ?, en: Map type?}
      options:
        - code: current_state
          label: {vi: Hiện tại, en: Current state}
          help: {vi: Như hôm nay., en: As it is today.}
        - {code: future_state, label: {vi: Tương lai, en: Future state}}
    """,
) + step(
    "journey",
    """
    - id: stages
      type: list
      min: 1
      max: 8
      default_from: preset.stages
      text: {vi: Các giai đoạn?, en: The stages?}
    - id: stage
      type: group
      repeat_for: stages
      text: {vi: "Giai đoạn {stages.label}", en: "Stage {stages.label}"}
      items:
        - id: touchpoints
          type: list
          default_from: preset.touchpoints
          text: {vi: Điểm chạm?, en: Touchpoints?}
        - id: mood
          type: scale
          text: {vi: Cảm xúc?, en: Mood?}
          points:
            - {value: 1, label: {vi: Tệ, en: Bad}}
            - {value: 2, label: {vi: Ổn, en: Okay}}
            - {value: 3, label: {vi: Tốt, en: Good}}
        - id: why_bad
          type: long_text
          text: {vi: Vì sao?, en: Why?}
          enable_when: [{item: mood, op: "<", value: 2}, {item: business, op: exists, value: true}]
    - id: favourite
      type: single_choice
      options_from: stages
      text: {vi: Giai đoạn quan trọng nhất?, en: The most important stage?}
    - id: channels
      type: multi_choice
      min: 1
      max: 2
      text: {vi: Kênh?, en: Channels?}
      options:
        - {code: web, label: {vi: Trang web, en: Website}}
        - {code: shop, label: {vi: Cửa hàng, en: Shop}}
    - id: per_channel
      type: group
      repeat_for: channels
      items:
        - id: budget
          type: decimal
          min: 0
          text: {vi: Ngân sách?, en: Budget?}
    - id: people
      type: group
      repeat: true
      min: 0
      max: 3
      text: {vi: Người, en: Person}
      add_prompt: {vi: Thêm người?, en: Add someone?}
      items:
        - id: person
          type: text
          text: {vi: Tên?, en: Name?}
    - id: has_site
      type: boolean
      text: {vi: Có website?, en: A website?}
    - id: bounce
      type: percent
      text: {vi: Tỷ lệ thoát?, en: Bounce rate?}
      enable_behavior: any
      enable_when:
        - {item: has_site, op: "=", value: true}
        - {item: channels, op: contains, value: web}
        - {item: favourite, op: "=", value: anything}
    - id: source
      type: open_choice
      text: {vi: Nguồn?, en: Source?}
      options: [{code: friend, label: {vi: Bạn bè, en: A friend}}]
    - id: thanks
      type: info
      text: {vi: Cảm ơn., en: Thank you.}
      enable_when: [{item: source, op: "!=", value: friend}]
    """,
)


# A valid bank


def test_a_valid_bank_passes() -> None:
    bank = bank_from_yaml(VALID_STEPS, extra=PRESETS)
    assert [s.id for s in bank.steps] == ["goals", "journey"]
    assert bank.preset("shop") is not None


def test_the_header_alone_is_a_valid_bank() -> None:
    assert load_bank_text(HEADER, FILE).steps[0].items[0].id == "name"


# Reading the file


def test_yaml_syntax_error_names_its_line() -> None:
    text = HEADER.replace("title: {vi: Thử, en: Test}", "title: {vi: Thử, en: Test")
    rejection = rejected_text(text)
    [problem] = rejection.problems
    assert problem.key == "document.syntax"
    assert problem.path == ()
    assert problem.line in (5, 6)  # the unclosed brace, or the line where the parser notices it
    assert problem.params["reason"]
    assert f"{FILE}:{problem.line}:" in rejection.error.message("en")


def test_yaml_syntax_error_on_a_bad_indent() -> None:
    text = HEADER.replace('version: "1"', 'version: "1"\n   stray: indent')
    [problem] = rejected_text(text).problems
    assert problem.key == "document.syntax"
    assert problem.line == 3


@pytest.mark.parametrize("text", ["- id: one\n- id: two\n", "just words\n", "", "42\n"])
def test_top_level_must_be_a_mapping(text: str) -> None:
    [problem] = rejected_text(text).problems
    assert (problem.key, problem.path, problem.line) == ("bank.not_mapping", (), 1)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BankError) as caught:
        load_bank_file(tmp_path / "absent.yaml")
    [problem] = caught.value.problems
    assert problem.key == "document.not_found"
    assert "absent.yaml" in caught.value.message("vi")


def test_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(HEADER.replace("Thử", "Th\xe9").encode("latin-1", errors="replace"))
    with pytest.raises(BankError) as caught:
        load_bank_file(path)
    assert [p.key for p in caught.value.problems] == ["document.not_utf8"]


def test_file_with_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(HEADER.encode("utf-8-sig"))
    loaded = load_bank_file(path)
    assert loaded.bank.id == "test-bank"


# The schema


def test_missing_field() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    only_problem(rejection, "bank.missing_field", ("steps", 0, "items", 0, "type"), "- id: a")


def test_missing_top_level_field() -> None:
    rejection = rejected_text(HEADER.replace('version: "1"\n', ""))
    only_problem(rejection, "bank.missing_field", ("version",), "id: test-bank")


def test_unknown_field() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              colour: red
            """,
        )
    )
    only_problem(rejection, "bank.unknown_field", ("steps", 0, "items", 0, "colour"), "colour: red")


def test_bad_identifier() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
            - id: Bad-Id
              type: text
              text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    problem = only_problem(rejection, "bank.bad_identifier", ("steps", 0, "items", 1, "id"), "- id: Bad-Id")
    assert problem.params == {"value": "Bad-Id"}
    assert "Bad-Id" in problem.message("vi")


def test_bad_option_code() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: single_choice
              text: {vi: Hỏi?, en: Ask?}
              options:
                - code: Có Thể
                  label: {vi: Có thể, en: Maybe}
            """,
        )
    )
    only_problem(rejection, "bank.bad_identifier", ("steps", 0, "items", 0, "options", 0, "code"), "- code: Có Thể")


def test_bad_value() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: essay
              text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    problem = only_problem(rejection, "bank.bad_value", ("steps", 0, "items", 0, "type"), "type: essay")
    assert "long_text" in problem.params["detail"]


def test_bad_locale_key_in_a_localized_text() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text:
                vi: Hỏi?
                fr: Demande?
            """,
        )
    )
    problem = only_problem(rejection, "bank.bad_locale", ("steps", 0, "items", 0, "text", "fr"), "fr: Demande?")
    assert problem.params == {"value": "fr"}


@pytest.mark.parametrize(
    ("old", "new", "path", "source"),
    [
        ("default_locale: vi", "default_locale: fr", ("default_locale",), "default_locale: fr"),
        ("locales: [vi, en]", "locales: [vi, fr]", ("locales", 1), "locales: [vi, fr]"),
    ],
)
def test_bad_locale_in_the_header(old: str, new: str, path: DocPath, source: str) -> None:
    problem = only_problem(rejected_text(HEADER.replace(old, new)), "bank.bad_locale", path, source)
    assert problem.params == {"value": "fr"}


def test_default_locale_not_in_locales() -> None:
    rejection = rejected_text(HEADER.replace("locales: [vi, en]", "locales: [en]"))
    problem = only_problem(rejection, "bank.default_locale_unlisted", ("default_locale",), "default_locale: vi")
    assert problem.params == {"locale": "vi"}


# Identifiers


def test_duplicate_item_id_across_steps() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
            """,
        )
        + step(
            "two",
            """
            - id: b
              type: text
              text: {vi: Hỏi?, en: Ask?}
            - id: a
              type: integer
              text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    problem = only_problem(rejection, "bank.duplicate_id", ("steps", 1, "items", 1, "id"), "- id: a", nth=1)
    assert problem.params == {"id": "a", "other": "steps[0].items[0]"}


def test_duplicate_item_id_inside_a_group() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
            - id: g
              type: group
              items:
                - id: a
                  type: text
                  text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    only_problem(rejection, "bank.duplicate_id", ("steps", 0, "items", 1, "items", 0, "id"), "- id: a", nth=1)


def test_duplicate_option_code() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: single_choice
              text: {vi: Hỏi?, en: Ask?}
              options:
                - {code: web, label: {vi: Trang web, en: Website}}
                - {code: web, label: {vi: Trang mạng, en: Web page}}
            """,
        )
    )
    problem = only_problem(
        rejection,
        "bank.duplicate_id",
        ("steps", 0, "items", 0, "options", 1, "code"),
        "- {code: web, label: {vi: Trang mạng, en: Web page}}",
    )
    assert problem.params == {"id": "web", "other": "steps[0].items[0].options[0].code"}


def test_duplicate_step_id() -> None:
    text_item = """
        - id: {item}
          type: text
          text: {{vi: Hỏi?, en: Ask?}}
        """
    rejection = rejected(step("one", text_item.format(item="a")) + step("one", text_item.format(item="b")))
    only_problem(rejection, "bank.duplicate_id", ("steps", 1, "id"), "- id: one", nth=1)


def test_duplicate_preset_stage_code() -> None:
    presets = PRESETS.replace("- code: buy", "- code: aware")
    rejection = rejected(VALID_STEPS, extra=presets)
    only_problem(rejection, "bank.duplicate_id", ("presets", 0, "stages", 1, "code"), "- code: aware", nth=1)


# Translations


@pytest.mark.parametrize(
    "text",
    ['{vi: "Hỏi?", en: ""}', '{vi: "Hỏi?", en: "   "}', '{vi: "Hỏi?"}'],
    ids=["empty", "blank", "absent"],
)
def test_missing_translation(text: str) -> None:
    rejection = rejected(step("one", f"- id: a\n  type: text\n  text: {text}\n"))
    problem = only_problem(rejection, "bank.missing_translation", ("steps", 0, "items", 0, "text"), f"text: {text}")
    assert problem.params == {"locale": "en"}
    assert "en" in problem.message("vi")


def test_null_translation_is_a_bad_value() -> None:
    rejection = rejected(step("one", "- id: a\n  type: text\n  text:\n    vi: Hỏi?\n    en:\n"))
    only_problem(rejection, "bank.bad_value", ("steps", 0, "items", 0, "text", "en"), "en:")


def test_missing_translation_of_an_option_label() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: single_choice
              text: {vi: Hỏi?, en: Ask?}
              options:
                - code: web
                  label: {en: Website}
            """,
        )
    )
    problem = only_problem(
        rejection, "bank.missing_translation", ("steps", 0, "items", 0, "options", 0, "label"), "label: {en: Website}"
    )
    assert problem.params == {"locale": "vi"}


def test_missing_translation_of_examples() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              examples: {vi: [Cà phê], en: []}
            """,
        )
    )
    only_problem(
        rejection, "bank.missing_translation", ("steps", 0, "items", 0, "examples"), "examples: {vi: [Cà phê], en: []}"
    )


def test_missing_translation_of_a_preset_touchpoint() -> None:
    presets = PRESETS.replace("{vi: Bạn bè, en: Friends}", "{vi: Bạn bè}")
    rejection = rejected(VALID_STEPS, extra=presets)
    problem = only_problem(
        rejection,
        "bank.missing_translation",
        ("presets", 0, "stages", 0, "touchpoints", 1),
        "touchpoints: [{vi: Quảng cáo, en: Ads}, {vi: Bạn bè}]",
    )
    assert problem.params == {"locale": "en"}


# Item shapes


def test_missing_question_text() -> None:
    rejection = rejected(step("one", "- id: a\n  type: text\n"))
    only_problem(rejection, "bank.missing_field", ("steps", 0, "items", 0, "text"), "- id: a")


@pytest.mark.parametrize("kind", ["single_choice", "multi_choice", "open_choice"])
def test_choice_without_options(kind: str) -> None:
    rejection = rejected(
        step(
            "one",
            f"""
            - id: a
              type: text
              text: {{vi: Hỏi?, en: Ask?}}
            - id: c
              type: {kind}
              text: {{vi: Chọn?, en: Choose?}}
            """,
        )
    )
    problem = only_problem(rejection, "bank.options_missing", ("steps", 0, "items", 1), "- id: c")
    assert problem.params == {"type": kind}


def test_options_on_a_text_item() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              options:
                - {code: web, label: {vi: Trang web, en: Website}}
            """,
        )
    )
    only_problem(rejection, "bank.options_unexpected", ("steps", 0, "items", 0, "options"), "options:")


def test_options_from_on_a_text_item() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: l
              type: list
              text: {vi: Liệt kê?, en: List?}
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              options_from: l
            """,
        )
    )
    only_problem(rejection, "bank.options_unexpected", ("steps", 0, "items", 1, "options_from"), "options_from: l")


def test_options_from_naming_a_non_list() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
            - id: c
              type: single_choice
              text: {vi: Chọn?, en: Choose?}
              options_from: a
            """,
        )
    )
    problem = only_problem(
        rejection, "bank.options_from_type", ("steps", 0, "items", 1, "options_from"), "options_from: a"
    )
    assert problem.params["id"] == "a"
    assert "text" in problem.message("en")


def test_options_from_referring_to_a_later_item() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: c
              type: multi_choice
              text: {vi: Chọn?, en: Choose?}
              options_from: l
            - id: l
              type: list
              text: {vi: Liệt kê?, en: List?}
            """,
        )
    )
    problem = only_problem(
        rejection, "bank.reference_not_earlier", ("steps", 0, "items", 0, "options_from"), "options_from: l"
    )
    assert problem.params == {"id": "l"}


def test_options_from_naming_an_unknown_item() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: c
              type: single_choice
              text: {vi: Chọn?, en: Choose?}
              options_from: nowhere
            """,
        )
    )
    only_problem(rejection, "bank.unknown_item", ("steps", 0, "items", 0, "options_from"), "options_from: nowhere")


def test_repeat_for_naming_a_non_list() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: integer
              text: {vi: Hỏi?, en: Ask?}
            - id: g
              type: group
              repeat_for: a
              items:
                - id: inner
                  type: text
                  text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    problem = only_problem(rejection, "bank.repeat_for_type", ("steps", 0, "items", 1, "repeat_for"), "repeat_for: a")
    assert problem.params["id"] == "a"
    assert "integer" in problem.message("vi")


def test_repeat_for_naming_an_unknown_item() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: g
              type: group
              repeat_for: nowhere
              items:
                - id: inner
                  type: text
                  text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    only_problem(rejection, "bank.unknown_item", ("steps", 0, "items", 0, "repeat_for"), "repeat_for: nowhere")


def test_repeat_for_naming_an_item_inside_the_group() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: g
              type: group
              repeat_for: inner
              items:
                - id: inner
                  type: list
                  text: {vi: Liệt kê?, en: List?}
            """,
        )
    )
    only_problem(rejection, "bank.reference_not_earlier", ("steps", 0, "items", 0, "repeat_for"), "repeat_for: inner")


def test_repeat_and_repeat_for_both_set() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: l
              type: list
              text: {vi: Liệt kê?, en: List?}
            - id: g
              type: group
              repeat: true
              repeat_for: l
              items:
                - id: inner
                  type: text
                  text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    only_problem(rejection, "bank.repeat_both", ("steps", 0, "items", 1), "- id: g")


@pytest.mark.parametrize("items", ["", "  items: []\n"], ids=["omitted", "empty"])
def test_group_without_items(items: str) -> None:
    rejection = rejected(
        step("one", "- id: a\n  type: text\n  text: {vi: Hỏi?, en: Ask?}\n- id: g\n  type: group\n" + items)
    )
    only_problem(rejection, "bank.group_empty", ("steps", 0, "items", 1), "- id: g")


@pytest.mark.parametrize(
    ("field", "value"), [("repeat", "true"), ("repeat_for", "a"), ("add_prompt", "{vi: Thêm?, en: More?}")]
)
def test_group_fields_on_a_question(field: str, value: str) -> None:
    rejection = rejected(
        step(
            "one",
            f"- id: a\n  type: list\n  text: {{vi: Hỏi?, en: Ask?}}\n"
            f"- id: b\n  type: text\n  text: {{vi: Hỏi?, en: Ask?}}\n  {field}: {value}\n",
        )
    )
    problem = only_problem(rejection, "bank.group_only", ("steps", 0, "items", 1, field), f"{field}: {value}")
    assert problem.params == {"field": field}


@pytest.mark.parametrize(
    "points",
    [
        "",
        "  points: []\n",
        "  points:\n    - {value: 1, label: {vi: Một, en: One}}\n",
        "  points:\n    - {value: 2, label: {vi: Hai, en: Two}}\n    - {value: 1, label: {vi: Một, en: One}}\n",
    ],
    ids=["omitted", "empty", "one", "descending"],
)
def test_scale_needs_two_ascending_points(points: str) -> None:
    rejection = rejected(step("one", "- id: s\n  type: scale\n  text: {vi: Hỏi?, en: Ask?}\n" + points))
    source = points.strip().splitlines()[0] if points else "- id: s"
    only_problem(rejection, "bank.scale_points", ("steps", 0, "items", 0, "points"), source)


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("integer", "probe", "{vi: Vì sao?, en: Why?}"),
        ("single_choice", "probe", "{vi: Vì sao?, en: Why?}"),
        ("integer", "max_length", "10"),
        ("text", "min", "1"),
        ("boolean", "max", "1"),
        ("text", "points", "[{value: 1, label: {vi: Một, en: One}}]"),
        ("info", "required", "true"),
    ],
)
def test_field_not_for_type(kind: str, field: str, value: str) -> None:
    options = "  options: [{code: x, label: {vi: X, en: X}}]\n" if kind == "single_choice" else ""
    rejection = rejected(
        step("one", f"- id: a\n  type: {kind}\n  text: {{vi: Hỏi?, en: Ask?}}\n  {field}: {value}\n{options}")
    )
    problem = only_problem(rejection, "bank.field_not_for_type", ("steps", 0, "items", 0, field), f"{field}: {value}")
    assert problem.params == {"field": field, "type": kind}


def test_probe_on_a_non_text_item() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: n
              type: integer
              text: {vi: Bao nhiêu?, en: How many?}
              probe: {vi: Ước lượng?, en: A guess?}
            """,
        )
    )
    only_problem(
        rejection, "bank.field_not_for_type", ("steps", 0, "items", 0, "probe"), "probe: {vi: Ước lượng?, en: A guess?}"
    )


@pytest.mark.parametrize("kind", ["integer", "list", "multi_choice"])
def test_min_greater_than_max(kind: str) -> None:
    options = "  options: [{code: x, label: {vi: X, en: X}}]\n" if kind == "multi_choice" else ""
    rejection = rejected(
        step("one", f"- id: n\n  type: {kind}\n  text: {{vi: Hỏi?, en: Ask?}}\n  min: 10\n  max: 5\n{options}")
    )
    problem = only_problem(rejection, "bank.min_above_max", ("steps", 0, "items", 0), "- id: n")
    assert problem.params == {"min": "10", "max": "5"}
    assert "10" in problem.message("vi") and "5" in problem.message("en")


# Conditions


def test_unknown_item_in_a_condition() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              enable_when:
                - item: nowhere
                  op: exists
                  value: true
            """,
        )
    )
    problem = only_problem(
        rejection, "bank.unknown_item", ("steps", 0, "items", 0, "enable_when", 0, "item"), "- item: nowhere"
    )
    assert problem.params == {"id": "nowhere"}


def test_condition_cycle() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              enable_when: [{item: b, op: exists, value: true}]
            - id: b
              type: text
              text: {vi: Hỏi?, en: Ask?}
              enable_when: [{item: a, op: exists, value: true}]
            """,
        )
    )
    problem = only_problem(
        rejection,
        "bank.condition_cycle",
        ("steps", 0, "items", 1, "enable_when"),
        "enable_when: [{item: a, op: exists, value: true}]",
    )
    assert problem.params == {"cycle": "a → b → a"}
    assert "a → b → a" in problem.message("vi") and "a → b → a" in problem.message("en")


def test_condition_on_itself_is_a_cycle() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              enable_when: [{item: a, op: exists, value: false}]
            """,
        )
    )
    problem = only_problem(
        rejection,
        "bank.condition_cycle",
        ("steps", 0, "items", 0, "enable_when"),
        "enable_when: [{item: a, op: exists, value: false}]",
    )
    assert problem.params == {"cycle": "a → a"}


@pytest.mark.parametrize(("target", "kind"), [("g", "group"), ("note", "info")])
def test_condition_on_an_unanswerable_item(target: str, kind: str) -> None:
    rejection = rejected(
        step(
            "one",
            f"""
            - id: g
              type: group
              items:
                - id: inner
                  type: text
                  text: {{vi: Hỏi?, en: Ask?}}
            - id: note
              type: info
              text: {{vi: Lưu ý., en: Note.}}
            - id: a
              type: text
              text: {{vi: Hỏi?, en: Ask?}}
              enable_when:
                - item: {target}
                  op: exists
                  value: true
            """,
        )
    )
    problem = only_problem(
        rejection,
        "bank.condition_on_unanswerable",
        ("steps", 0, "items", 2, "enable_when", 0, "item"),
        f"- item: {target}",
    )
    assert problem.params == {"id": target, "type": kind}


@pytest.mark.parametrize(
    ("target", "op", "value"),
    [
        ("n", ">", '"five"'),
        ("n", "<=", "true"),
        ("a", ">", "3"),
        ("a", "exists", "1"),
        ("yes", "=", "ok"),
        ("n", "=", "many"),
        ("a", "=", "3"),
        ("n", "contains", "3"),
    ],
)
def test_condition_value_of_the_wrong_type(target: str, op: str, value: str) -> None:
    rejection = rejected(
        step(
            "one",
            f"""
            - id: a
              type: text
              text: {{vi: Hỏi?, en: Ask?}}
            - id: n
              type: integer
              text: {{vi: Bao nhiêu?, en: How many?}}
            - id: "yes"
              type: boolean
              text: {{vi: Có không?, en: Yes or no?}}
            - id: b
              type: text
              text: {{vi: Hỏi?, en: Ask?}}
              enable_when:
                - item: "{target}"
                  op: "{op}"
                  value: {value}
            """,
        )
    )
    problem = only_problem(
        rejection, "bank.condition_value", ("steps", 0, "items", 3, "enable_when", 0, "value"), f"value: {value}"
    )
    assert problem.params["op"] == op
    assert problem.params["id"] == target


def test_condition_value_that_is_not_a_scalar() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
            - id: b
              type: text
              text: {vi: Hỏi?, en: Ask?}
              enable_when:
                - item: a
                  op: "="
                  value: [x, y]
            """,
        )
    )
    only_problem(
        rejection, "bank.condition_value_type", ("steps", 0, "items", 1, "enable_when", 0, "value"), "value: [x, y]"
    )


@pytest.mark.parametrize(
    ("kind", "op"), [("single_choice", "="), ("single_choice", "!="), ("multi_choice", "contains")]
)
def test_unknown_option_code_in_a_condition(kind: str, op: str) -> None:
    rejection = rejected(
        step(
            "one",
            f"""
            - id: c
              type: {kind}
              text: {{vi: Chọn?, en: Choose?}}
              options:
                - {{code: web, label: {{vi: Trang web, en: Website}}}}
            - id: a
              type: text
              text: {{vi: Hỏi?, en: Ask?}}
              enable_when:
                - item: c
                  op: "{op}"
                  value: shop
            """,
        )
    )
    problem = only_problem(
        rejection,
        "bank.condition_unknown_option",
        ("steps", 0, "items", 1, "enable_when", 0, "value"),
        "value: shop",
    )
    assert problem.params == {"id": "c", "value": "shop"}


def test_open_choice_conditions_may_name_free_text() -> None:
    bank = bank_from_yaml(
        step(
            "one",
            """
            - id: c
              type: open_choice
              text: {vi: Chọn?, en: Choose?}
              options: [{code: web, label: {vi: Trang web, en: Website}}]
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              enable_when: [{item: c, op: "=", value: Tiktok}]
            """,
        )
    )
    assert bank.steps[0].items[1].enable_when[0].value == "Tiktok"


STAGES_AND_PEOPLE = """
- id: stages
  type: list
  text: {vi: Giai đoạn?, en: Stages?}
- id: stage
  type: group
  repeat_for: stages
  items:
    - id: feeling
      type: text
      text: {vi: Cảm xúc?, en: Feeling?}
    - id: channel_list
      type: list
      text: {vi: Kênh?, en: Channels?}
"""


def test_condition_reaching_into_a_repeating_group_from_outside() -> None:
    rejection = rejected(
        step(
            "one",
            STAGES_AND_PEOPLE
            + """
- id: a
  type: text
  text: {vi: Hỏi?, en: Ask?}
  enable_when:
    - item: feeling
      op: exists
      value: true
""",
        )
    )
    problem = only_problem(
        rejection,
        "bank.reference_out_of_scope",
        ("steps", 0, "items", 2, "enable_when", 0, "item"),
        "- item: feeling",
    )
    assert problem.params == {"id": "feeling"}


def test_condition_reaching_into_another_repeating_group() -> None:
    rejection = rejected(
        step(
            "one",
            STAGES_AND_PEOPLE
            + """
- id: people
  type: group
  repeat: true
  items:
    - id: person
      type: text
      text: {vi: Tên?, en: Name?}
      enable_when:
        - item: feeling
          op: exists
          value: true
""",
        )
    )
    only_problem(
        rejection,
        "bank.reference_out_of_scope",
        ("steps", 0, "items", 2, "items", 0, "enable_when", 0, "item"),
        "- item: feeling",
    )


def test_repeat_for_reaching_into_another_repeating_group() -> None:
    rejection = rejected(
        step(
            "one",
            STAGES_AND_PEOPLE
            + """
- id: per_channel
  type: group
  repeat_for: channel_list
  items:
    - id: budget
      type: integer
      text: {vi: Ngân sách?, en: Budget?}
""",
        )
    )
    only_problem(
        rejection, "bank.reference_out_of_scope", ("steps", 0, "items", 2, "repeat_for"), "repeat_for: channel_list"
    )


def test_a_condition_inside_a_repeating_group_may_read_its_own_instance_and_the_outside() -> None:
    bank = bank_from_yaml(
        step(
            "one",
            STAGES_AND_PEOPLE
            + """
- id: per_channel
  type: group
  repeat_for: stages
  items:
    - id: budget
      type: integer
      text: {vi: Ngân sách?, en: Budget?}
      enable_when: [{item: stages, op: exists, value: true}]
    - id: spend
      type: integer
      text: {vi: Chi tiêu?, en: Spend?}
      enable_when: [{item: budget, op: ">", value: 0}]
""",
        )
    )
    assert [item.id for item in bank.steps[0].items] == ["stages", "stage", "per_channel"]


def test_group_conditioned_on_its_own_content() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: g
              type: group
              repeat: true
              enable_when: [{item: inner, op: exists, value: true}]
              items:
                - id: inner
                  type: text
                  text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    assert [p.path[:4] for p in rejection.problems] == [("steps", 0, "items", 0)]


# Defaults from presets


@pytest.mark.parametrize(
    ("kind", "source", "key"),
    [
        ("text", "preset.stages", "bank.default_source.list"),
        ("integer", "preset.touchpoints", "bank.default_source.list"),
        ("text", "preset.map_type", "bank.default_source.choice"),
        ("list", "preset.touchpoints", "bank.default_source.stage_scope"),
    ],
)
def test_default_from_on_the_wrong_item(kind: str, source: str, key: str) -> None:
    rejection = rejected(
        step("one", f"- id: a\n  type: {kind}\n  text: {{vi: Hỏi?, en: Ask?}}\n  default_from: {source}\n")
    )
    problem = only_problem(rejection, key, ("steps", 0, "items", 0, "default_from"), f"default_from: {source}")
    assert problem.params == {"source": source}


def test_preset_map_type_not_an_option_of_the_map_type_question() -> None:
    steps = VALID_STEPS.replace("code: current_state", "code: as_is").replace(
        "{code: future_state, label: {vi: Tương lai, en: Future state}}", "{code: to_be, label: {vi: Sau, en: Later}}"
    )
    rejection = rejected(steps, extra=PRESETS)
    problem = only_problem(rejection, "bank.preset_map_type", ("presets", 0, "map_type"), "map_type: future_state")
    assert problem.params == {"value": "future_state"}


def test_preset_map_type_without_a_map_type_question() -> None:
    steps = VALID_STEPS.replace("default_from: preset.map_type", "required: true")
    rejection = rejected(steps, extra=PRESETS)
    only_problem(rejection, "bank.preset_map_type", ("presets", 0, "map_type"), "map_type: future_state")


# Suggestions by rule


SUGGESTED = """
- id: expected
  type: integer
  text: {vi: Bao nhiêu điểm chạm?, en: How many touchpoints?}
- id: depth
  type: single_choice
  text: {vi: Hỏi nhanh hay đầy đủ?, en: Quick or full?}
  options:
    - {code: quick, label: {vi: Nhanh, en: Quick}}
    - {code: full, label: {vi: Đầy đủ, en: Full}}
  suggest:
    - value: full
      when: [{item: expected, op: "<=", value: 8}]
    - value: quick
"""


def test_a_suggestion_by_rule_is_accepted() -> None:
    bank = bank_from_yaml(step("one", SUGGESTED))
    depth = bank.steps[0].items[1]
    assert [(s.value, len(s.when)) for s in depth.suggest] == [("full", 1), ("quick", 0)]


def test_a_suggestion_must_be_an_option_of_its_question() -> None:
    rejection = rejected(step("one", SUGGESTED.replace("value: quick", "value: brief")))
    problem = only_problem(
        rejection, "bank.condition_unknown_option", ("steps", 0, "items", 1, "suggest", 1, "value"), "- value: brief"
    )
    assert problem.params == {"id": "depth", "value": "brief"}


def test_a_suggestion_reads_earlier_answers_only() -> None:
    later = SUGGESTED + "- {id: after, type: integer, text: {vi: Sau?, en: After?}}\n"
    rejection = rejected(step("one", later.replace("{item: expected,", "{item: after,")))
    problem = only_problem(
        rejection,
        "bank.reference_not_earlier",
        ("steps", 0, "items", 1, "suggest", 0, "when", 0, "item"),
        'when: [{item: after, op: "<=", value: 8}]',
    )
    assert problem.params == {"id": "after"}


def test_a_suggestion_is_for_a_single_choice_without_a_preset_default() -> None:
    on_text = rejected(step("one", "- {id: a, type: text, text: {vi: Hỏi?, en: Ask?}, suggest: [{value: x}]}\n"))
    assert [(p.key, p.path) for p in on_text.problems] == [
        ("bank.field_not_for_type", ("steps", 0, "items", 0, "suggest"))
    ]
    both = rejected(step("one", SUGGESTED.replace("  suggest:", "  default_from: preset.map_type\n  suggest:")))
    assert [(p.key, p.path) for p in both.problems] == [
        ("bank.suggest_and_default", ("steps", 0, "items", 1, "suggest"))
    ]


# The entry a repeat instance was made for


PICKED = """
- id: touchpoints
  type: list
  text: {vi: Điểm chạm?, en: Touchpoints?}
- id: touchpoint
  type: group
  repeat_for: touchpoints
  items:
    - id: actions
      type: text
      text: {vi: "Khách làm gì ở {touchpoints.label}?", en: "What happens at {touchpoints.label}?"}
      enable_when: [{item: deeper, op: contains_this}]
- id: deeper
  type: multi_choice
  options_from: touchpoints
  text: {vi: Hỏi thêm ở đâu?, en: Where to ask more?}
"""


def test_contains_this_tests_a_choice_drawn_from_the_list_the_instance_repeats_for() -> None:
    bank = bank_from_yaml(step("one", PICKED))
    assert bank.steps[0].items[1].items[0].enable_when[0].op == "contains_this"


def test_contains_this_needs_a_drawn_choice_and_an_instance_of_its_list() -> None:
    drawn_from_elsewhere = PICKED.replace("options_from: touchpoints", "options: [{code: a, label: {vi: A, en: A}}]")
    rejection = rejected(step("one", drawn_from_elsewhere))
    problem = only_problem(
        rejection,
        "bank.contains_this_scope",
        ("steps", 0, "items", 1, "items", 0, "enable_when", 0, "op"),
        "enable_when: [{item: deeper, op: contains_this}]",
    )
    assert problem.params == {"id": "deeper"}
    outside = (
        PICKED
        + "- {id: later, type: text, text: {vi: Sau?, en: Later?}, enable_when: [{item: deeper, op: contains_this}]}\n"
    )
    assert [p.key for p in rejected(step("one", outside)).problems] == ["bank.contains_this_scope"]


def test_contains_this_takes_no_value() -> None:
    rejection = rejected(step("one", PICKED.replace("op: contains_this}", "op: contains_this, value: x}")))
    assert [(p.key, p.params["expected"]) for p in rejection.problems] == [("bank.condition_value", "no value")]


# Short titles


def with_short_title(short: str) -> str:
    return VALID_STEPS.replace(
        "  title: {vi: Bước goals, en: Step goals}\n",
        f"  title: {{vi: Bước goals, en: Step goals}}\n  short_title: {short}\n",
        1,
    )


def test_a_short_title_is_checked_for_length_and_translations() -> None:
    assert bank_from_yaml(with_short_title("{vi: Mục tiêu, en: Goals}")).steps[0].short_title == {
        "vi": "Mục tiêu",
        "en": "Goals",
    }
    long = rejected(with_short_title("{vi: Mục tiêu, en: Set clear goals for the map}"))
    problem = only_problem(
        long,
        "bank.short_title_long",
        ("steps", 0, "short_title", "en"),
        "short_title: {vi: Mục tiêu, en: Set clear goals for the map}",
    )
    assert problem.params == {"length": 27, "max": 14}
    untranslated = rejected(with_short_title("{vi: Mục tiêu}"))
    assert [(p.key, p.path) for p in untranslated.problems] == [
        ("bank.missing_translation", ("steps", 0, "short_title"))
    ]


# Several problems


def test_every_schema_problem_is_reported() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: Ask?}
              colour: red
            - id: B
              type: text
              text: {vi: Hỏi?, en: Ask?}
            """,
        )
        + step("two", "- id: c\n  text: {vi: Hỏi?, en: Ask?}\n")
    )
    assert [(p.key, p.path) for p in rejection.problems] == [
        ("bank.unknown_field", ("steps", 0, "items", 0, "colour")),
        ("bank.bad_identifier", ("steps", 0, "items", 1, "id")),
        ("bank.missing_field", ("steps", 1, "items", 0, "type")),
    ]
    assert [p.line for p in rejection.problems] == [
        rejection.line_of("colour: red"),
        rejection.line_of("- id: B"),
        rejection.line_of("- id: c"),
    ]


def test_every_check_problem_is_reported_in_document_order() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?}
            - id: n
              type: integer
              text: {vi: Bao nhiêu?, en: How many?}
              min: 10
              max: 1
            - id: c
              type: single_choice
              text: {vi: Chọn?, en: Choose?}
            - id: d
              type: text
              text: {vi: Hỏi?, en: Ask?}
              enable_when: [{item: nowhere, op: exists, value: true}]
            """,
        )
    )
    keys = [p.key for p in rejection.problems]
    assert keys == ["bank.missing_translation", "bank.min_above_max", "bank.options_missing", "bank.unknown_item"]
    lines = [p.line or 0 for p in rejection.problems]
    assert all(lines)
    assert lines == sorted(lines)


def test_the_error_message_lists_every_problem_in_both_languages() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: a
              type: text
              text: {vi: Hỏi?, en: ""}
            - id: c
              type: multi_choice
              text: {vi: Chọn?, en: Choose?}
            - id: s
              type: scale
              text: {vi: Điểm?, en: Score?}
            """,
        )
    )
    error = rejection.error
    assert len(error.problems) == 3
    assert error.key == "bank.problem_count"
    assert error.params == {"count": 3}
    vietnamese, english = error.message("vi"), error.message("en")
    assert vietnamese != english
    for locale, message in (("vi", vietnamese), ("en", english)):
        assert message.splitlines() == [problem.message(locale) for problem in error.problems]
        for problem in error.problems:
            assert f"{FILE}:{problem.line}:" in message
    assert "Thiếu bản dịch" in vietnamese and "translation is missing" in english
    assert "options" in vietnamese and "needs options" in english
    assert "Thang đo" in vietnamese and "A scale needs" in english


def test_a_label_pipe_outside_its_repeat() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: names
              type: list
              text: {vi: Liệt kê?, en: List?}
            - id: loose
              type: text
              text: {vi: "Về {names.label}?", en: About it?}
            """,
        )
    )
    problem = only_problem(
        rejection,
        "bank.pipe_label_scope",
        ("steps", 0, "items", 1, "text", "vi"),
        'text: {vi: "Về {names.label}?", en: About it?}',
    )
    assert "{names.label}" in problem.message("en")


def test_an_answer_pipe_to_a_later_item() -> None:
    rejection = rejected(
        step(
            "one",
            """
            - id: first
              type: text
              text: {vi: "Sau {answer:second}?", en: "After {answer:second}?"}
            - id: second
              type: text
              text: {vi: Hỏi?, en: Ask?}
            """,
        )
    )
    paths = [(p.key, p.path) for p in rejection.problems]
    assert paths == [
        ("bank.reference_not_earlier", ("steps", 0, "items", 0, "text", "en")),
        ("bank.reference_not_earlier", ("steps", 0, "items", 0, "text", "vi")),
    ]


@pytest.mark.parametrize("pipe", ["{answer:nowhere}", "{nowhere.label}", "{name}"])
def test_a_pipe_naming_nothing(pipe: str) -> None:
    rejection = rejected(
        step(
            "one",
            f"""
            - id: a
              type: text
              text: {{vi: "Hỏi {pipe}?", en: Ask?}}
            """,
        )
    )
    assert [p.path for p in rejection.problems] == [("steps", 0, "items", 0, "text", "vi")]
    assert pipe in rejection.problems[0].message("en") or "nowhere" in rejection.problems[0].message("en")


def test_pipes_inside_their_repeat_are_accepted() -> None:
    bank = bank_from_yaml(
        step(
            "one",
            """
            - id: names
              type: list
              text: {vi: Liệt kê?, en: List?}
            - id: each
              type: group
              repeat_for: names
              text: {vi: "Mục {names.label}", en: "Entry {names.label}"}
              items:
                - id: detail
                  type: text
                  text: {vi: "{names.label} sau {answer:names}?", en: "{names.label} after {answer:names}?"}
            """,
        )
    )
    assert bank.steps[0].items[1].id == "each"
