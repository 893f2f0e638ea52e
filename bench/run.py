"""Benchmarks, run by hand (`make bench`); the README reports the figures. Not part of the test suite.

python bench/run.py            every benchmark
python bench/run.py build      one of them
python bench/run.py queries    every named query: embedded Oxigraph, over HTTP, plain rdflib
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tiltaksgraf.cli import main


def median_seconds(fn: Callable[[], object], runs: int = 5) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def bench_build() -> str:
    """`tiltaksgraf build` on the embedded report: parse, assemble, check, write."""
    with tempfile.TemporaryDirectory() as tmp:
        med, times = median_seconds(lambda: main(["build", "-o", tmp, "-q"]))
    spread = f"min {min(times):.2f}, max {max(times):.2f}"
    return f"build (embedded report): median {med:.2f} s over {len(times)} runs ({spread})"


from bench.queries import bench_queries  # noqa: E402

BENCHMARKS: dict[str, Callable[[], str]] = {"build": bench_build, "queries": bench_queries}


if __name__ == "__main__":
    chosen = sys.argv[1:] or list(BENCHMARKS)
    for name in chosen:
        print(BENCHMARKS[name](), flush=True)
