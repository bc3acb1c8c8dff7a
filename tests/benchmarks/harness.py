"""A tiny harness: time things, compare with budgets, print one line each."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    name: str
    figure: str
    budget: str
    ok: bool


def median_ms(run: Callable[[], object], repeat: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        run()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def interleaved_medians(runs: dict[str, Callable[[], object]], repeat: int, warmup: int = 2) -> dict[str, float]:
    """The median milliseconds of each run, taking them in turn round after round."""
    for _ in range(warmup):
        for run in runs.values():
            run()
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def report(results: list[Result]) -> bool:
    width = max(len(result.name) for result in results)
    for result in results:
        mark = "ok  " if result.ok else "MISS"
        print(f"{mark}  {result.name.ljust(width)}  {result.figure:>28}   budget {result.budget}")
    return all(result.ok for result in results)


def cpu_ms(run: Callable[[], object], repeat: int = 1) -> float:
    """The least CPU time of `repeat` runs: on a shared machine another process's turn is not the code's cost."""
    import gc

    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run()
        best = min(best, (time.process_time() - start) * 1000)
    return best
