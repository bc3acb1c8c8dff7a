"""Issue 2's budgets: loading the bank, and answering 1,000 questions in one long interview."""

from __future__ import annotations

import statistics
import time

from assistant.bank.loader import bundled_banks_dir, load_bank_file
from assistant.bank.model import ItemType
from assistant.interview.engine import Interview
from assistant.interview.models import Question
from tests.benchmarks.harness import Result, median_ms

STAGES = 8
TOUCHPOINTS_PER_STAGE = 25
ANSWERS = 1_000
WINDOW = 5
"""The first and the last answers of each question a touchpoint asks again, compared."""

_SAMPLE = {
    ItemType.TEXT: "Chị Lan, nhân viên văn phòng ở Hà Nội",
    ItemType.LONG_TEXT: "Khách tìm trên Google, đọc đánh giá trên fanpage rồi nhắn tin hỏi phí vận chuyển",
    ItemType.INTEGER: "120",
    ItemType.DECIMAL: "3,5",
    ItemType.PERCENT: "45%",
    ItemType.BOOLEAN: "có",
    ItemType.SINGLE_CHOICE: "1",
    ItemType.MULTI_CHOICE: "1,2",
    ItemType.OPEN_CHOICE: "1",
    ItemType.SCALE: "3",
}


def _answer_for(question: Question) -> str:
    if question.kind == "more":
        return "không"
    if question.item_id == "stages":
        return "\n".join(f"Giai đoạn {n}" for n in range(1, STAGES + 1))
    if question.type is ItemType.LIST:
        return "\n".join(f"Điểm chạm {n}" for n in range(1, TOUCHPOINTS_PER_STAGE + 1))
    return _SAMPLE[question.type]


def run() -> list[Result]:
    path = bundled_banks_dir() / "customer-journey.yaml"
    load_ms = median_ms(lambda: load_bank_file(path), repeat=30)
    results = [Result("load and validate the bank", f"{load_ms:.1f} ms median", "< 50 ms", load_ms < 50)]

    bank = load_bank_file(path).bank
    interview = Interview.start(bank, "vi", "general")
    timings: list[float] = []
    by_item: dict[str, list[float]] = {}  # each question's answers in order: the touchpoints ask the same ones again
    while len(timings) < ANSWERS:
        start = time.perf_counter()
        question = interview.question()
        if question is None:
            raise SystemExit("the stretched interview ended before 1,000 answers")
        outcome = interview.answer(_answer_for(question))
        if outcome.status == "probe":
            interview.answer("Ví dụ cụ thể: khách bỏ giỏ hàng ở bước thanh toán")
        interview.progress()
        elapsed = (time.perf_counter() - start) * 1000
        timings.append(elapsed)
        by_item.setdefault(question.item_id, []).append(elapsed)
    median = statistics.median(timings)
    # The same questions early and late (a touchpoint's questions at the first touchpoints and at the last ones):
    # the 10th answer and the 1,000th are other questions, a choice and a long text, and say nothing of growth.
    repeated = [answers for answers in by_item.values() if len(answers) >= 2 * WINDOW]
    early = statistics.median(time for answers in repeated for time in answers[:WINDOW])
    late = statistics.median(time for answers in repeated for time in answers[-WINDOW:])
    ratio = late / early
    results.append(Result("one answer (question, parse, progress)", f"{median:.3f} ms median", "< 1 ms", median < 1))
    results.append(
        Result(
            "1,000th answer vs 10th, the same questions",
            f"{late:.3f} / {early:.3f} ms = {ratio:.2f}x",
            "<= 1.5x",
            ratio <= 1.5,
        )
    )
    return results
