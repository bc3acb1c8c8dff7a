"""The obstacle reader's budgets: one sentence read in under half a millisecond (median), whole answers cut and
read quickly, and the lexicon compiled once in about a second."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from assistant.journeymap.lexicon import bundled_lexicon_path, load_lexicon
from assistant.journeymap.reader import ObstacleReader
from tests.benchmarks.harness import Result, median_ms

CORPUS_DIR = Path(__file__).resolve().parent.parent / "data" / "obstacles"


def _texts(section: str) -> list[str]:
    texts: list[str] = []
    for language in ("vi", "en"):
        data = yaml.safe_load((CORPUS_DIR / f"dev-{language}.yaml").read_text(encoding="utf-8"))
        texts += [entry["text"] for entry in data[section]]
    return texts


def _per_call_ms(run: Callable[[str], object], texts: list[str], best_of: int = 1) -> list[float]:
    """Milliseconds per text; the best of a few runs when asked, so a busy machine's pauses are not counted."""
    samples = []
    for text in texts:
        runs = []
        for _ in range(best_of):
            start = time.perf_counter()
            run(text)
            runs.append((time.perf_counter() - start) * 1000)
        samples.append(min(runs))
    return samples


def run() -> list[Result]:
    compile_ms = median_ms(lambda: load_lexicon(bundled_lexicon_path()), repeat=3, warmup=1)
    reader = ObstacleReader.load()
    sentences, answers = _texts("obstacles"), _texts("compound") + _texts("none")
    _per_call_ms(reader.classify, sentences)  # warm the per-word caches, as a running app has them
    gc.collect()  # the compilations above leave garbage whose collection is not the reader's cost
    classify = _per_call_ms(reader.classify, sentences)
    steady = _per_call_ms(reader.classify, sentences, best_of=3)
    read = _per_call_ms(reader.read, answers)
    classify_median, classify_p95 = statistics.median(classify), sorted(steady)[int(len(steady) * 0.95)]
    read_median = statistics.median(read)
    return [
        Result(
            f"classify one clause ({len(sentences)} corpus sentences)",
            f"{classify_median:.3f} ms median",
            "< 0.5 ms",
            classify_median < 0.5,
        ),
        Result("classify, 95th percentile (best of 3)", f"{classify_p95:.3f} ms", "< 1 ms", classify_p95 < 1),
        Result(
            f"read a whole answer ({len(answers)} compound and none answers)",
            f"{read_median:.3f} ms median",
            "< 3 ms",
            read_median < 3,
        ),
        Result("compile the lexicon (once per process)", f"{compile_ms:.0f} ms", "< 2000 ms", compile_ms < 2000),
    ]
