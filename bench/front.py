"""What the server's front costs: each named query over HTTP straight to an oxigraph backend and through the
front, interleaved in one run (so that the machine's load falls on both alike). Medians of ``RUNS``."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tiltaksgraf.graph.build import build_graph, write_outputs
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.queries import named_queries, run_named
from tiltaksgraf.graph.server import free_port, load, start

from tiltaksgraf.paths import DEFAULT_SOURCE

RUNS = 9


def _backend_port(front_pid: int) -> int:
    """The internal port of the (one) oxigraph backend behind a front."""
    for task in Path(f"/proc/{front_pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            for arg in Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0"):
                if arg.startswith(b"127.0.0.1:"):
                    return int(arg.rsplit(b":", 1)[1])
    raise RuntimeError("no backend found")


def bench_front() -> str:
    lines = [f"{'query':<30} {'oxigraph':>10} {'front':>10} {'added':>9}"]
    with tempfile.TemporaryDirectory() as tmp:
        graph = write_outputs(build_graph([DEFAULT_SOURCE]), Path(tmp))["ntriples"]
        load(Path(tmp) / "store", graph)
        with (Path(tmp) / "log").open("w") as log, start(Path(tmp) / "store", free_port(), log=log, workers=1) as s:
            direct, front = Endpoint(f"http://127.0.0.1:{_backend_port(s.process.pid)}/query"), Endpoint(s.query_url)
            added = []
            for name in named_queries():
                times: dict[str, list[float]] = {"direct": [], "front": []}
                for _ in range(RUNS):
                    for label, endpoint in (("direct", direct), ("front", front)):
                        started = time.perf_counter()
                        run_named(endpoint, name)
                        times[label].append(time.perf_counter() - started)
                d, f = (statistics.median(times[k]) * 1000 for k in ("direct", "front"))
                added.append(f - d)
                lines.append(f"{name:<30} {d:>7.1f} ms {f:>7.1f} ms {f - d:>+6.1f} ms")
    lines.append(f"added by the front: median {statistics.median(added):+.1f} ms a query")
    return "\n".join(lines)
