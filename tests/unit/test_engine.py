"""The interview engine on small banks: order, conditions, repeats, moves, piping, locales and state."""

from __future__ import annotations

import pytest

from assistant.bank.model import Bank
from assistant.errors import JourneyError
from assistant.interview.answers_file import fill_interview
from assistant.interview.engine import Interview
from assistant.interview.state import InterviewState
from tests.banks import bank_from_yaml, step


def walk(interview: Interview, *answers: str) -> None:
    for raw in answers:
        outcome = interview.answer(raw)
        assert outcome.ok, (raw, outcome)


def current_ref(interview: Interview) -> str | None:
    question = interview.question()
    return question.ref if question else None


SITE_BANK = step(
    "one",
    """
    - id: name
      type: text
      required: true
      text: {vi: Tên doanh nghiệp?, en: Business name?}
    - id: has_site
      type: boolean
      text: {vi: Có website không?, en: Do you have a website?}
    - id: bounce
      type: percent
      text: {vi: "Tỷ lệ thoát của {answer:name}?", en: "Bounce rate of {answer:name}?"}
      enable_when: [{item: has_site, op: "=", value: true}]
    - id: visits
      type: integer
      text: {vi: Lượt xem mỗi ngày?, en: Views a day?}
    """,
) + step(
    "two",
    """
    - id: welcome
      type: info
      text: {vi: Sang bước hai., en: On to step two.}
    - id: note
      type: long_text
      text: {vi: Ghi chú?, en: Notes?}
      probe: {vi: "Cho một ví dụ cụ thể?", en: "Could you give a concrete example?"}
    """,
)


@pytest.fixture
def site_bank() -> Bank:
    return bank_from_yaml(SITE_BANK)


def test_questions_come_in_order_and_conditions_skip_disabled_ones(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    assert current_ref(interview) == "name"
    walk(interview, "Hoa Sen Café", "no")
    assert current_ref(interview) == "visits"
    progress = interview.progress()
    assert (progress.done, progress.total) == (2, 4)  # name, has_site, visits, note: bounce is disabled


def test_changing_an_answer_enables_and_disables_later_questions(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    walk(interview, "Hoa Sen", "yes", "40%", "120")
    assert interview.progress().total == 5
    interview.answer("no", ref="has_site")
    assert interview.progress().total == 4
    assert "bounce" not in {answer.ref for answer in interview.active_answers()}
    assert interview.state.answers["bounce"].value == 40  # kept, only inactive
    interview.answer("yes", ref="has_site")
    assert {answer.ref for answer in interview.active_answers()} >= {"bounce"}


def test_piping_shows_an_earlier_answer(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "vi")
    walk(interview, "Hoa Sen", "có")
    question = interview.question()
    assert question is not None
    assert question.text == "Tỷ lệ thoát của Hoa Sen?"


def test_step_intro_and_info_messages_lead_into_the_step(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    first = interview.question()
    assert first is not None and first.step_intro == "Intro one"
    walk(interview, "Hoa Sen", "no", "10")
    question = interview.question()
    assert question is not None
    assert question.step_intro == "Intro two"
    assert question.notes == ["On to step two."]
    assert question.step_number == 2


def test_required_questions_cannot_be_skipped_and_optional_ones_can(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    refused = interview.skip()
    assert refused.status == "invalid" and refused.message == "This question is required, so it cannot be skipped."
    assert interview.answer("").status == "invalid"
    walk(interview, "Hoa Sen")
    assert interview.skip().status == "skipped"
    assert interview.state.answers["has_site"].status == "skipped"
    assert current_ref(interview) == "visits"  # has_site skipped counts as unanswered: bounce stays off


def test_empty_answer_to_an_optional_question_skips_it(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    walk(interview, "Hoa Sen")
    assert interview.answer("   ").status == "skipped"


def test_invalid_answer_keeps_the_same_question_with_a_localized_message(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "vi")
    walk(interview, "Hoa Sen", "không")
    outcome = interview.answer("nhiều lắm")
    assert outcome.status == "invalid"
    assert outcome.message is not None and "số nguyên" in outcome.message
    assert current_ref(interview) == "visits"


def test_back_revisits_previous_answers_then_walks_forward_again(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    walk(interview, "Hoa Sen", "yes", "40")
    assert current_ref(interview) == "visits"
    interview.back()
    question = interview.question()
    assert question is not None and question.ref == "bounce" and question.current_display == "40%"
    interview.back()
    assert current_ref(interview) == "has_site"
    assert interview.answer("").status == "kept"  # empty keeps the answer and moves forward
    assert current_ref(interview) == "bounce"
    walk(interview, "55")
    assert interview.state.answers["bounce"].value == 55
    assert current_ref(interview) == "visits"


def test_back_at_the_first_question_says_so(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    outcome = interview.back()
    assert outcome.status == "invalid" and outcome.message == "This is already the first question."


def test_back_over_a_condition_change_reevaluates(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    walk(interview, "Hoa Sen", "yes", "40", "100")
    interview.back()
    interview.back()
    interview.back()
    assert current_ref(interview) == "has_site"
    walk(interview, "no")
    # bounce is now disabled; nothing between has_site and the front remains to revisit
    assert current_ref(interview) == "visits"
    interview.answer("")
    assert current_ref(interview) == "note"


def test_edit_jumps_to_any_earlier_answer_and_returns_to_the_front(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    walk(interview, "Hoa Sen", "no", "120")
    question = interview.edit("name")
    assert question.current == "Hoa Sen"
    walk(interview, "Hoa Mai")
    assert interview.state.answers["name"].value == "Hoa Mai"
    assert current_ref(interview) == "note"


def test_edit_of_a_question_that_does_not_apply_is_refused(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    walk(interview, "Hoa Sen", "no")
    with pytest.raises(JourneyError) as refused:
        interview.edit("bounce")
    assert refused.value.key == "answer.not_in_interview"
    with pytest.raises(JourneyError):
        interview.edit("no_such_item")


def test_probe_is_asked_once_for_a_vague_answer_and_combines_the_reply(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    walk(interview, "Hoa Sen", "no", "10")
    outcome = interview.answer("price")
    assert outcome.status == "probe" and outcome.message == "Could you give a concrete example?"
    probe = interview.question()
    assert probe is not None and probe.kind == "probe"
    walk(interview, "shipping cost doubled the basket at checkout")
    assert interview.state.answers["note"].value == "price. Shipping cost doubled the basket at checkout"
    assert interview.finished
    interview.edit("note")
    assert interview.answer("idk").status == "accepted"  # asked once per question, never again


def test_probe_reply_replaces_a_filler_answer_and_skip_keeps_the_original(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "vi")
    walk(interview, "Hoa Sen", "không", "10")
    assert interview.answer("Không biết").status == "probe"
    walk(interview, "Khách bỏ giỏ hàng vì phí vận chuyển cao")
    assert interview.state.answers["note"].value == "Khách bỏ giỏ hàng vì phí vận chuyển cao"

    other = Interview.start(bank_from_yaml(SITE_BANK), "en")
    walk(other, "Hoa Sen", "no", "10")
    assert other.answer("idk").status == "probe"
    assert other.skip().status == "kept"
    assert other.state.answers["note"].value == "idk"
    assert other.finished


def test_answers_are_normalised_to_nfc(site_bank: Bank) -> None:
    import unicodedata

    interview = Interview.start(site_bank, "vi")
    walk(interview, unicodedata.normalize("NFD", "Cà phê Hoa Sen"))
    assert interview.state.answers["name"].value == unicodedata.normalize("NFC", "Cà phê Hoa Sen")


def test_locale_falls_back_to_the_default_and_switches_mid_interview() -> None:
    bank = bank_from_yaml(
        step(
            "one",
            """
            - id: q
              type: text
              text: {vi: Câu hỏi, en: Question}
              help: {vi: Chỉ có tiếng Việt, en: ""}
            """,
        ).replace('en: ""', 'en: "x"')
    )
    interview = Interview.start(bank, "en")
    question = interview.question()
    assert question is not None and question.text == "Question"
    interview.set_locale("vi")
    question = interview.question()
    assert question is not None and question.text == "Câu hỏi"
    with pytest.raises(JourneyError) as refused:
        interview.set_locale("fr")
    assert refused.value.key == "bank.unknown_locale"


def test_unknown_locale_and_preset_are_refused(site_bank: Bank) -> None:
    with pytest.raises(JourneyError) as refused:
        Interview.start(site_bank, "de")
    assert "vi, en" in refused.value.message("en")
    with pytest.raises(JourneyError):
        Interview.start(site_bank, "vi", preset="nope")


OPERATOR_BANK = step(
    "one",
    """
    - id: n
      type: integer
      text: {vi: Số?, en: Number?}
    - id: choice
      type: single_choice
      text: {vi: Chọn?, en: Choose?}
      options:
      - {code: a, label: {vi: A, en: A}}
      - {code: b, label: {vi: B, en: B}}
    - id: many
      type: multi_choice
      text: {vi: Chọn nhiều?, en: Choose many?}
      options:
      - {code: x, label: {vi: X, en: X}}
      - {code: y, label: {vi: Y, en: Y}}
    - id: words
      type: text
      text: {vi: Chữ?, en: Words?}
    - id: t_exists
      type: text
      text: {vi: exists, en: exists}
      enable_when: [{item: n, op: exists, value: true}]
    - id: t_missing
      type: text
      text: {vi: missing, en: missing}
      enable_when: [{item: n, op: exists, value: false}]
    - id: t_eq
      type: text
      text: {vi: eq, en: eq}
      enable_when: [{item: choice, op: "=", value: a}]
    - id: t_ne
      type: text
      text: {vi: ne, en: ne}
      enable_when: [{item: choice, op: "!=", value: a}]
    - id: t_gt
      type: text
      text: {vi: gt, en: gt}
      enable_when: [{item: n, op: ">", value: 5}]
    - id: t_lt
      type: text
      text: {vi: lt, en: lt}
      enable_when: [{item: n, op: "<", value: 5}]
    - id: t_ge
      type: text
      text: {vi: ge, en: ge}
      enable_when: [{item: n, op: ">=", value: 5}]
    - id: t_le
      type: text
      text: {vi: le, en: le}
      enable_when: [{item: n, op: "<=", value: 5}]
    - id: t_contains
      type: text
      text: {vi: contains, en: contains}
      enable_when: [{item: many, op: contains, value: y}]
    - id: t_text_contains
      type: text
      text: {vi: text contains, en: text contains}
      enable_when: [{item: words, op: contains, value: ship}]
    - id: t_any
      type: text
      text: {vi: any, en: any}
      enable_behavior: any
      enable_when: [{item: n, op: ">", value: 100}, {item: choice, op: "=", value: b}]
    - id: t_all
      type: text
      text: {vi: all, en: all}
      enable_when: [{item: n, op: ">", value: 1}, {item: choice, op: "=", value: b}]
    """,
)


def enabled_tests(interview: Interview) -> set[str]:
    return {entry.item_id for entry in interview.review() if entry.item_id.startswith("t_")}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, {"t_missing"}),
        ({"n": "5"}, {"t_exists", "t_ge", "t_le"}),
        ({"n": "7", "choice": "a"}, {"t_exists", "t_gt", "t_ge", "t_eq"}),
        ({"n": "3", "choice": "b"}, {"t_exists", "t_lt", "t_le", "t_ne", "t_any", "t_all"}),
        ({"many": "1,2", "words": "Shipping fees"}, {"t_missing", "t_contains", "t_text_contains"}),
        ({"many": "1"}, {"t_missing"}),
    ],
)
def test_every_condition_operator(answers: dict[str, str], expected: set[str]) -> None:
    interview = Interview.start(bank_from_yaml(OPERATOR_BANK), "en")
    for ref, raw in answers.items():
        assert interview.answer(raw, ref=ref).ok
    assert enabled_tests(interview) == expected


def test_a_disabled_item_counts_as_unanswered_for_other_conditions() -> None:
    bank = bank_from_yaml(
        step(
            "one",
            """
            - id: gate
              type: boolean
              text: {vi: Cổng?, en: Gate?}
            - id: middle
              type: integer
              text: {vi: Giữa?, en: Middle?}
              enable_when: [{item: gate, op: "=", value: true}]
            - id: last
              type: text
              text: {vi: Cuối?, en: Last?}
              enable_when: [{item: middle, op: exists, value: true}]
            """,
        )
    )
    interview = Interview.start(bank, "en")
    walk(interview, "yes", "3")
    assert current_ref(interview) == "last"
    interview.answer("no", ref="gate")  # middle turns off, and with it, transitively, last
    assert interview.finished
    assert [entry.item_id for entry in interview.review()] == ["gate"]


REPEAT_BANK = step(
    "one",
    """
    - id: stages
      type: list
      text: {vi: Giai đoạn?, en: Stages?}
    - id: stage
      type: group
      repeat_for: stages
      text: {vi: "Giai đoạn {stages.label}", en: "Stage {stages.label}"}
      items:
      - id: touchpoints
        type: list
        text: {vi: "Điểm chạm ở {stages.label}?", en: "Touchpoints in {stages.label}?"}
      - id: touchpoint
        type: group
        repeat_for: touchpoints
        items:
        - id: emotion
          type: scale
          text: {vi: "Cảm xúc tại {touchpoints.label} ({stages.label})?", en: "Emotion at {touchpoints.label} ({stages.label})?"}
          points:
          - {value: 1, label: {vi: Bực, en: Upset}}
          - {value: 2, label: {vi: Ổn, en: Fine}}
          - {value: 3, label: {vi: Vui, en: Happy}}
        - id: why
          type: text
          text: {vi: Vì sao?, en: Why?}
          enable_when: [{item: emotion, op: "<=", value: 1}]
    - id: leave_at
      type: single_choice
      options_from: touchpoints
      text: {vi: Khách rời đi ở đâu?, en: Where do customers leave?}
    - id: kinds
      type: multi_choice
      text: {vi: Loại nguồn lực?, en: Resource kinds?}
      options:
      - {code: people, label: {vi: Con người, en: People}}
      - {code: budget, label: {vi: Ngân sách, en: Budget}}
    - id: resource
      type: group
      repeat_for: kinds
      items:
      - id: need
        type: text
        text: {vi: "Cần gì về {kinds.label}?", en: "What do you need in {kinds.label}?"}
    - id: segment
      type: group
      repeat: true
      min: 1
      max: 2
      text: {vi: Nhóm khách hàng, en: Customer group}
      add_prompt: {vi: Thêm nhóm thứ hai?, en: Add a second group?}
      items:
      - id: segment_name
        type: text
        text: {vi: "Tên của {segment.label}?", en: "Name of {segment.label}?"}
    """,
)


def test_groups_repeat_per_list_entry_with_nested_repeats_and_piped_labels() -> None:
    interview = Interview.start(bank_from_yaml(REPEAT_BANK), "en")
    walk(interview, "Awareness\nPurchase")
    question = interview.question()
    assert question is not None
    assert (question.ref, question.text, question.notes) == (
        "touchpoints@awareness",
        "Touchpoints in Awareness?",
        ["Stage Awareness"],
    )
    walk(interview, "Website, Google Ads")
    question = interview.question()
    assert question is not None
    assert (question.ref, question.text) == ("emotion@awareness/website", "Emotion at Website (Awareness)?")
    walk(interview, "1", "too slow", "Happy")
    walk(interview, "Shop")
    assert current_ref(interview) == "emotion@purchase/shop"


def test_removing_a_list_entry_takes_its_instances_out_and_adding_one_queues_questions() -> None:
    interview = Interview.start(bank_from_yaml(REPEAT_BANK), "en")
    walk(interview, "Awareness, Purchase", "Website", "3", "Shop", "2")
    assert current_ref(interview) == "leave_at"
    total_before = interview.progress().total
    interview.answer("Purchase", ref="stages")
    refs = {answer.ref for answer in interview.active_answers()}
    assert "touchpoints@awareness" not in refs and "emotion@purchase/shop" in refs
    assert interview.progress().total == total_before - 2
    assert interview.state.answers["emotion@awareness/website"].value == 3  # kept, inactive
    interview.answer("Purchase, Loyalty", ref="stages")
    assert current_ref(interview) == "touchpoints@loyalty"
    interview.answer("Awareness, Purchase, Loyalty", ref="stages")
    assert "emotion@awareness/website" in {answer.ref for answer in interview.active_answers()}


def test_options_drawn_from_an_earlier_list_follow_its_changes() -> None:
    interview = Interview.start(bank_from_yaml(REPEAT_BANK), "en")
    walk(interview, "Awareness, Purchase", "Website, Ads", "3", "3", "Shop", "2")
    question = interview.question()
    assert question is not None
    assert [choice.label for choice in question.choices] == [
        "Website (Awareness)",
        "Ads (Awareness)",
        "Shop (Purchase)",
    ]
    walk(interview, "3")
    assert interview.state.answers["leave_at"].value == "purchase/shop"
    assert interview.display("leave_at") == "Shop (Purchase)"
    interview.answer("Cashier", ref="touchpoints@purchase")  # the chosen touchpoint is gone
    assert current_ref(interview) == "emotion@purchase/cashier"
    walk(interview, "2")
    assert current_ref(interview) == "leave_at"  # its answer no longer names a listed touchpoint


def test_groups_repeat_per_selected_option_with_localized_labels() -> None:
    interview = Interview.start(bank_from_yaml(REPEAT_BANK), "vi")
    walk(interview, "Nhận biết", "Website", "3")
    interview.skip()  # leave_at
    walk(interview, "2,1")
    question = interview.question()
    assert question is not None
    assert (question.ref, question.text) == ("need@people", "Cần gì về Con người?")
    walk(interview, "Nhân viên trực chat")
    question = interview.question()
    assert question is not None and question.text == "Cần gì về Ngân sách?"


def test_user_added_repeats_ask_for_more_until_the_maximum() -> None:
    interview = Interview.start(bank_from_yaml(REPEAT_BANK), "en")
    walk(interview, "Awareness", "Website", "3")
    interview.skip()
    walk(interview, "1", "more staff")
    question = interview.question()
    assert question is not None and question.text == "Name of Customer group 1?"
    walk(interview, "Office workers")
    question = interview.question()
    assert question is not None and (question.kind, question.text) == ("more", "Add a second group?")
    walk(interview, "yes")
    assert current_ref(interview) == "segment_name@2"
    walk(interview, "Students")
    assert interview.finished  # max 2 reached: no further "add another?"
    interview.remove_instance("segment", "1")
    assert [a.value for a in interview.active_answers() if a.item_id == "segment_name"] == ["Students"]
    assert current_ref(interview) == "segment"  # below the maximum again: may add another
    walk(interview, "no")
    assert interview.finished
    with pytest.raises(JourneyError) as refused:
        interview.remove_instance("segment", "2")
    assert refused.value.key == "answer.cannot_remove_instance"


def test_state_round_trips_through_json_and_resumes_at_the_same_question() -> None:
    bank = bank_from_yaml(REPEAT_BANK)
    interview = Interview.start(bank, "vi")
    walk(interview, "Nhận biết, Mua hàng", "Website", "1")
    dumped = interview.state.model_dump_json()
    restored = InterviewState.model_validate_json(dumped)
    assert restored == interview.state
    assert restored.model_dump_json() == dumped
    resumed = Interview(bank, restored)
    assert current_ref(resumed) == current_ref(interview) == "why@nhan-biet/website"
    assert resumed.progress() == interview.progress()


def test_progress_counts_enabled_questions_with_repeats_expanded_per_step(site_bank: Bank) -> None:
    interview = Interview.start(site_bank, "en")
    before = interview.progress()
    assert [(s.done, s.total) for s in before.steps] == [(0, 3), (0, 1)]
    walk(interview, "Hoa Sen", "yes")
    after = interview.progress()
    assert [(s.done, s.total) for s in after.steps] == [(2, 4), (0, 1)]
    assert not after.finished


DEPTH_BANK = step(
    "one",
    """
    - id: expected
      type: integer
      text: {vi: Bao nhiêu điểm chạm?, en: How many touchpoints?}
    - id: depth
      type: single_choice
      required: true
      text: {vi: Hỏi nhanh hay đầy đủ?, en: Quick or full?}
      options:
        - {code: quick, label: {vi: Nhanh, en: Quick}}
        - {code: full, label: {vi: Đầy đủ, en: Full}}
      suggest:
        - {value: full, when: [{item: expected, op: "<=", value: 8}]}
        - {value: quick}
    - id: touchpoints
      type: list
      min: 3
      text: {vi: Điểm chạm?, en: Touchpoints?}
    - id: touchpoint
      type: group
      repeat_for: touchpoints
      items:
        - id: actions
          type: text
          text: {vi: "Khách làm gì ở {touchpoints.label}?", en: "What do customers do at {touchpoints.label}?"}
          enable_behavior: any
          enable_when:
            - {item: depth, op: "=", value: full}
            - {item: feel, op: "<=", value: 2}
            - {item: blocker, op: exists, value: true}
            - {item: deeper, op: contains_this}
        - id: feel
          type: scale
          text: {vi: "Cảm xúc ở {touchpoints.label}?", en: "Feeling at {touchpoints.label}?"}
          points:
            - {value: 1, label: {vi: Bực, en: Upset}}
            - {value: 2, label: {vi: Không vui, en: Unhappy}}
            - {value: 3, label: {vi: Vui, en: Happy}}
        - id: blocker
          type: text
          text: {vi: "Điều gì cản khách ở {touchpoints.label}?", en: "What stops customers at {touchpoints.label}?"}
    - id: deeper
      type: multi_choice
      options_from: touchpoints
      enable_when: [{item: depth, op: "=", value: quick}]
      text: {vi: Hỏi thêm ở đâu?, en: Where should we ask more?}
    """,
)


@pytest.fixture
def depth_bank() -> Bank:
    return bank_from_yaml(DEPTH_BANK)


@pytest.mark.parametrize(("expected", "suggested"), [("12", "quick"), ("5", "full"), (None, "quick")])
def test_a_suggestion_follows_the_earlier_answers(depth_bank: Bank, expected: str | None, suggested: str) -> None:
    interview = Interview.start(depth_bank, "en")
    if expected is None:
        interview.skip()
    else:
        walk(interview, expected)
    question = interview.question()
    assert question is not None and question.item_id == "depth"
    assert question.default == suggested
    assert "Leave it empty to use the suggestion" in question.hint
    walk(interview, "")
    assert interview.state.answers["depth"].value == suggested


def test_a_question_a_later_answer_switches_on_is_asked_next(depth_bank: Bank) -> None:
    interview = Interview.start(depth_bank, "en")
    walk(interview, "12", "quick", "Website, Hotline, Shop")
    assert current_ref(interview) == "feel@website", "quick: what customers do waits until the touchpoint hurts"
    walk(interview, "2")
    assert current_ref(interview) == "actions@website"
    walk(interview, "Compares prices")
    assert current_ref(interview) == "blocker@website"
    interview.skip()
    walk(interview, "3")
    walk(interview, "No price on the page")
    assert current_ref(interview) == "actions@hotline", "an obstacle named: the touchpoint hurts"
    walk(interview, "Calls twice", "3")
    interview.skip()  # the shop does not hurt
    assert current_ref(interview) == "deeper"
    walk(interview, "3")
    assert current_ref(interview) == "actions@shop", "the user asked for more at the shop"
    walk(interview, "Looks at the shelves")
    assert interview.finished
    assert {answer.ref for answer in interview.active_answers() if answer.item_id == "actions"} == {
        "actions@website",
        "actions@hotline",
        "actions@shop",
    }


def test_an_answer_that_names_nothing_does_not_exist_for_a_condition(depth_bank: Bank) -> None:
    interview = Interview.start(depth_bank, "en")
    walk(interview, "12", "quick", "Website, Hotline, Shop", "3", "idk")
    assert current_ref(interview) == "feel@hotline", "“idk” names no obstacle: the touchpoint does not hurt"
    interview.answer("Prices are hidden", ref="blocker@website")
    assert current_ref(interview) == "actions@website"


def test_full_depth_asks_every_lane(depth_bank: Bank) -> None:
    interview = Interview.start(depth_bank, "en")
    walk(interview, "5", "", "Website, Hotline, Shop")
    assert current_ref(interview) == "actions@website"
    walk(interview, "Compares prices", "3", "Nothing", "Calls", "3", "Nothing", "Looks", "3", "Nothing")
    assert interview.finished, "the choice of touchpoints to detail is only for the quick depth"


def test_the_estimate_counts_what_the_depth_will_ask(depth_bank: Bank) -> None:
    """Before the touchpoints are listed, each of the three expected counts as the engine will count it once
    listed: in quick depth two questions (its feeling and obstacle), in full depth three."""
    interview = Interview.start(depth_bank, "en")
    walk(interview, "12")
    assert interview.progress().total == 1 + 1 + 1 + 3 * 2, "the suggested quick depth counts before it is chosen"
    walk(interview, "quick")
    assert interview.progress().total == 1 + 1 + 1 + 1 + 3 * 2, "and the question of where to ask more"
    walk(interview, "Website, Hotline, Shop")
    assert interview.progress().total == 4 + 3 * 2, "the estimate was the count"
    interview.answer("full", ref="depth")
    assert interview.progress().total == 3 + 3 * 3, "full depth: no choice of where to ask more, three per touchpoint"


def test_a_step_without_a_short_title_shows_its_title(site_bank: Bank) -> None:
    steps = Interview.start(site_bank, "en").progress().steps
    assert [(s.title, s.short_title) for s in steps] == [("Step one", "Step one"), ("Step two", "Step two")]


def test_an_answers_file_fills_a_question_a_later_answer_switches_on(depth_bank: Bank) -> None:
    answers = {
        "expected": 12,
        "depth": "quick",
        "touchpoints": ["Website", "Hotline", "Shop"],
        "touchpoint": [{"actions": "Compares prices", "feel": 2}, {"feel": 3}, {"feel": 3, "blocker": None}],
    }
    interview = fill_interview(depth_bank, answers, "en", None)
    assert interview.state.answers["actions@website"].value == "Compares prices"
    answers["touchpoint"][1]["actions"] = "Calls twice"  # type: ignore[index]
    with pytest.raises(JourneyError) as refused:
        fill_interview(depth_bank, answers, "en", None)
    assert refused.value.key == "answers_file.not_asked", "a happy touchpoint is not asked what customers do"


def test_an_option_coded_like_a_vague_answer_still_exists() -> None:
    bank = bank_from_yaml(
        step(
            "one",
            """
            - id: tracked
              type: single_choice
              text: {vi: Theo dõi kênh nào?, en: Which channel do you track?}
              options:
                - {code: none, label: {vi: Chưa có, en: None yet}}
                - {code: crm, label: {vi: CRM, en: CRM}}
            - id: why_not
              type: text
              text: {vi: Vì sao?, en: Why?}
              enable_when: [{item: tracked, op: exists, value: true}]
            """,
        )
    )
    interview = Interview.start(bank, "en")
    walk(interview, "1")
    assert current_ref(interview) == "why_not", "only a typed answer that names nothing counts as not given"
