"""Benchmark the named queries: embedded Oxigraph, the same over HTTP, and plain rdflib, in one run.

Each query runs with its default parameters on the built graph of the embedded report. Medians of
``RUNS`` runs; rdflib gets one run when it takes over a second, and is stopped after ``RDFLIB_CAP``.
"""

from __future__ import annotations

import importlib.util
import signal
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph
from tiltaksgraf.graph.build import build_graph, write_outputs
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.queries import named_queries, run_named
from tiltaksgraf.graph.server import free_port, load, start
from tiltaksgraf.graph.store import open_store

from tiltaksgraf.paths import DEFAULT_SOURCE

RUNS = 5
RDFLIB_CAP = 30


class _Stopped(BaseException):  # not an Exception: query code must not catch it
    pass


def _median_ms(fn: Callable[[], object], runs: int = RUNS, cap: int | None = None) -> str:
    times = []
    for _ in range(runs):
        if cap:
            signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(_Stopped()))
            signal.alarm(cap)
        start_ = time.perf_counter()
        try:
            fn()
        except _Stopped:
            return f"> {cap} s"
        finally:
            if cap:
                signal.alarm(0)
        times.append(time.perf_counter() - start_)
        if cap and times[-1] > 1:
            break
    med = statistics.median(times)
    return f"{med * 1000:.1f} ms" if med < 10 else f"{med:.1f} s"


def bench_queries() -> str:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        files = write_outputs(build_graph([DEFAULT_SOURCE]), Path(tmp))
        ttl, nt = files["turtle"], files["ntriples"]
        lines.append("loading build/graph.ttl (median of 3):")
        lines.append(f"  rdflib Graph().parse            {_median_ms(lambda: Graph().parse(ttl, format='turtle'), 3)}")
        lines.append(f"  pyoxigraph Store.bulk_load      {_median_ms(lambda: open_store(ttl), 3)}")
        if importlib.util.find_spec("oxrdflib"):
            parse = lambda: Graph(store="Oxigraph").parse(ttl, format="ox-turtle")  # noqa: E731
            lines.append(f"  oxrdflib (ox-turtle)            {_median_ms(parse, 3)}")
        store, graph = open_store(nt), Graph().parse(nt, format="nt")
        load(Path(tmp) / "store", nt)
        with (Path(tmp) / "log").open("w") as log, start(Path(tmp) / "store", free_port(), log=log) as server:
            endpoint = Endpoint(server.query_url)
            lines.append(f"{'query':<30} {'embedded':>10} {'HTTP':>10} {'rdflib':>10}")
            for name in named_queries():
                embedded = _median_ms(lambda n=name: run_named(store, n))
                http = _median_ms(lambda n=name: run_named(endpoint, n))
                plain = _median_ms(lambda n=name: run_named(graph, n), cap=RDFLIB_CAP)
                lines.append(f"{name:<30} {embedded:>10} {http:>10} {plain:>10}")
    return "\n".join(lines)
