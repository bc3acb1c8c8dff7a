"""The obstacle reader's budgets: one sentence read in under half a millisecond (median), whole answers cut and
read in under a millisecond, and the lexicon and the learned model loaded once per process in under half a second."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from assistant.journeymap.learned import LearnedModel, bundled_model_path
from assistant.journeymap.lexicon import bundled_lexicon_path, load_lexicon
from assistant.journeymap.reader import ObstacleReader
from tests.benchmarks.harness import Result, cpu_ms

CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "questionnaires" / "lexicon"


def _texts(section: str) -> list[str]:
    texts: list[str] = []
    for language in ("vi", "en"):
        data = yaml.safe_load((CORPUS_DIR / f"examples-{language}.yaml").read_text(encoding="utf-8"))
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
    compile_ms = cpu_ms(lambda: load_lexicon(bundled_lexicon_path()), repeat=3)
    model_ms = cpu_ms(lambda: LearnedModel.load(bundled_model_path()), repeat=3)
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
            "< 1 ms",
            read_median < 1,
        ),
        Result(
            "load the lexicon and the learned model (once per process, CPU)",
            f"{compile_ms:.0f} + {model_ms:.0f} ms",
            "< 500 ms",
            compile_ms + model_ms < 500,
        ),
    ]
