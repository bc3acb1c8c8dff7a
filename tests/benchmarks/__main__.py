"""`make bench`: run every benchmark and report each figure against its budget."""

from __future__ import annotations

import sys

from tests.benchmarks import bench_engine, bench_map, bench_reader, bench_store, bench_survey, bench_terminal, bench_tui
from tests.benchmarks.harness import report

if __name__ == "__main__":
    results = (
        bench_engine.run()
        + bench_store.run()
        + bench_map.run()
        + bench_reader.run()
        + bench_survey.run()
        + bench_tui.run()
        + bench_terminal.run()
    )
    sys.exit(0 if report(results) else 1)
