"""Issues 4, 10 and 12's budgets: a large interview (8 stages, 200 touchpoints) to Markdown and to HTML against the
pydantic JSON dump of the same map (what any export costs at least), each render working out everything it draws
from the map model (the canvas, the glance table, the curves); beside them, the three exports with the map built in
each, as `journey export` runs them. And what the analysis costs on top of building that map, as a new process pays
it on its first export of an interview already analysed: the interview in a real store file, its readings kept
there, nothing read in the process yet (the reader's memory of sentences empty, the reader's fingerprint not worked
out), the map built through the session as `journey export` builds it. The analysis of an interview never analysed
(nothing kept: every sentence read, and what was read written to the store) is reported beside it, against no
budget."""

from __future__ import annotations

import tempfile
from pathlib import Path

from markdown_it import MarkdownIt

from assistant.bank.loader import find_bank
from assistant.bank.model import ItemType
from assistant.interview.engine import Interview
from assistant.journeymap.build import MapSource, build_map
from assistant.journeymap.html import render_html
from assistant.journeymap.markdown import render_markdown
from assistant.journeymap.reading import default_reading, reader_fingerprint
from assistant.session import Session
from assistant.store import Store
from tests.benchmarks.bench_engine import STAGES, TOUCHPOINTS_PER_STAGE, _answer_for
from tests.benchmarks.harness import Result, cpu_ms, interleaved_medians

SOURCE = MapSource("Bản đồ lớn", "completed", "2026-11-01T08:00:00Z", "2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z")


def large_interview() -> Interview:
    """The whole bank answered, with every touchpoint filled in: a Blueprint map with obstacles to analyse."""
    bank = find_bank("customer-journey").bank
    interview = Interview.start(bank, "vi", "general")
    counter = 0
    while (question := interview.question()) is not None:
        counter += 1
        if question.item_id == "map_type":
            raw = "blueprint"
        elif question.type is ItemType.SCALE:
            raw = str(1 + counter % 5)
        elif question.item_id == "tp_obstacles" and counter % 3:
            raw = f"Phí vận chuyển cao | khách hỏi *giá* <b>{counter}</b>"
        else:
            raw = _answer_for(question)
        if interview.answer(raw).status == "probe":
            interview.answer("Ví dụ cụ thể: khách bỏ giỏ hàng ở bước thanh toán")
    return interview


def first_export_analysis(interview: Interview, repeat: int = 7) -> tuple[float, float, float]:
    """(map without findings, map with findings from the readings kept, map with findings of an interview never
    analysed), each the best CPU ms of `repeat`, built in turn so that all three meet the same machine: as an
    export builds it, the interview resumed from a real store file and its map built, in a process-like fresh
    state."""
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        interview_id = Session.adopt(store, interview, SOURCE.title).id
        # The lexicon, the model and the rules loaded once, as a process does first; the readings kept.
        Session.resume(store, interview_id).map()

        def first_map(*, with_findings: bool = True, kept: bool = True) -> float:
            default_reading().forget()  # the sentences the analysis reads are new to the process
            reader_fingerprint.cache_clear()
            if not kept:
                store.connection.execute("DELETE FROM answer_readings")
            return cpu_ms(lambda: Session.resume(store, interview_id).map(with_findings=with_findings))

        without, stored, never = [], [], []
        for _ in range(repeat):
            without.append(first_map(with_findings=False))
            stored.append(first_map())
            never.append(first_map(kept=False))
    return min(without), min(stored), min(never)


def run() -> list[Result]:
    interview = large_interview()
    bank, state = interview.bank, interview.state
    answers = len(state.answers)
    journey = build_map(bank, state, SOURCE)
    touchpoints = sum(len(stage.touchpoints) for stage in journey.stages)
    assert len(journey.stages) == STAGES and touchpoints == STAGES * TOUCHPOINTS_PER_STAGE
    markdown = render_markdown(journey)
    parser = MarkdownIt("commonmark").enable("table")

    # Each render gets a map of its own, built beforehand, so no render can stand on work an earlier one left on the
    # model; taken in turn, so that a busy neighbour slows each figure alike and the ratios stay honest.
    repeat, warmup = 15, 2
    maps = {name: iter([build_map(bank, state, SOURCE) for _ in range(repeat + warmup)]) for name in ("md", "html")}
    timed = interleaved_medians(
        {
            "dump": journey.model_dump_json,
            "markdown": lambda: render_markdown(next(maps["md"])),
            "html": lambda: render_html(next(maps["html"])),
            "parse": lambda: parser.parse(markdown),
            "build": lambda: build_map(bank, state, SOURCE),
        },
        repeat=repeat,
        warmup=warmup,
    )
    dump, to_markdown, to_html, parse_only, build = (
        timed[name] for name in ("dump", "markdown", "html", "parse", "build")
    )
    size = f"{STAGES} stages, {touchpoints} touchpoints, {answers:,} answers"
    without, stored, never = first_export_analysis(interview)
    md_export, html_export, json_export = build + to_markdown, build + to_html, build + dump
    return [
        Result(
            f"map to Markdown vs its JSON dump, the glance worked out ({size})",
            f"{to_markdown:.1f} / {dump:.1f} ms = {to_markdown / dump:.1f}x",
            "<= 5x",
            to_markdown <= 5 * dump,
        ),
        Result(
            "map to HTML vs its JSON dump, the canvas and curves worked out",
            f"{to_html:.1f} / {dump:.1f} ms = {to_html / dump:.1f}x",
            "<= 8x",
            to_html <= 8 * dump,
        ),
        Result(
            "export to Markdown / HTML vs to JSON, the map built in each",
            f"{md_export:.0f} / {html_export:.0f} / {json_export:.0f} ms = "
            f"{md_export / json_export:.2f}x, {html_export / json_export:.2f}x",
            "(reported)",
            True,
        ),
        Result(
            "... the map built for Markdown / HTML only, vs the dump alone",
            f"{md_export / dump:.0f}x, {html_export / dump:.0f}x (the build alone: {build / dump:.0f}x)",
            "(reported)",
            True,
        ),
        Result(
            "Markdown export, the map built, vs markdown-it parse of it",
            f"{md_export:.1f} / {parse_only:.1f} ms = {md_export / parse_only:.2f}x",
            "<= 2x",
            md_export <= 2 * parse_only,
        ),
        Result(
            "analysis on top of the map, a new process's first export, readings kept (CPU)",
            f"{stored:.0f} / {without:.0f} ms = {stored / without:.2f}x",
            "<= 1.2x",
            stored <= 1.2 * without,
        ),
        Result(
            "analysis on top of the map, never analysed: every sentence read and kept (CPU)",
            f"{never:.0f} / {without:.0f} ms = {never / without:.2f}x",
            "(reported)",
            True,
        ),
    ]
