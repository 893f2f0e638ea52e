"""The scaling benchmark: build, validate and every named query for corpora of N = 1, 3, 10, 30, 100 reports.

In the same run, beside the default build: the floor (Oxigraph loading the same N-Triples, nothing else)
and the rdflib path (:mod:`bench.rdflib_path`, the build before 0.2). Each command runs as a process of its
own; time is wall-clock, memory the peak of the summed resident memory of the process and its children
(sampled every 10 ms from /proc). Medians over ``runs`` with min and max; the load average before each step
is kept, since the development machine is shared. Report 0 of the corpus is the embedded report
(:mod:`bench.corpus`), so N = 1 is the real report.

    python -m bench.scaling                                   every size; results in bench/results/
    python -m bench.scaling --sizes 1,3,10 --rdflib-up-to 3   a quick run
    python -m bench.plot                                      the README's plot and table from the results
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import write_corpus

RESULTS = Path(__file__).parent / "results"
SIZES = (1, 3, 10, 30, 100)
#: Runs per size: fewer where one run takes minutes.
RUNS = {1: 5, 3: 5, 10: 3, 30: 3, 100: 1}
BIN = Path(sys.executable).parent
FLOOR = "import sys, pyoxigraph as ox; ox.Store().bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES)"


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as status:
                total += next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as children:
                    todo += [int(c) for c in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def measured(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Seconds and peak memory (bytes, the process tree) of one run of ``command``; it must exit 0 or 1."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        if process.returncode not in (0, 1):
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command[:3])} … failed ({process.returncode}): {errors.read()[-500:]!r}")
    return seconds, peak


def summary(samples: list[tuple[float, int]]) -> dict[str, float]:
    times, peaks = [s for s, _ in samples], [m for _, m in samples]
    return {
        "runs": len(samples),
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "peak_mb": statistics.median(peaks) / 2**20,
        "peak_max_mb": max(peaks) / 2**20,
        "load_before": os.getloadavg()[0],
    }


def repeat(command: list[str], runs: int) -> dict[str, float]:
    load = os.getloadavg()[0]
    out = summary([measured(command) for _ in range(runs)])
    out["load_before"] = load
    return out


def interleaved(commands: dict[str, list[str]], runs: dict[str, int]) -> dict[str, dict[str, float]]:
    """Each command ``runs[name]`` times, taking turns (A, B, A, B …), so that A and B see the same machine."""
    load = os.getloadavg()[0]
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for i in range(max(runs.values())):
        for name, command in commands.items():
            if i < runs[name]:
                samples[name].append(measured(command))
    return {name: summary(s) | {"load_before": load} for name, s in samples.items()}


def timed(fn: Callable[[], object], runs: int) -> dict[str, float]:
    """Median, min and max seconds of ``fn`` in this process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return {"runs": runs, "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times)}


def queries(nt: Path, runs: int, work: Path) -> dict[str, object]:
    """Every named query (default parameters) on the embedded store and over `tiltaksgraf serve`'s server."""
    from tiltaksgraf.graph.endpoint import Endpoint
    from tiltaksgraf.graph.queries import named_queries, run_named
    from tiltaksgraf.graph.server import free_port, start
    from tiltaksgraf.graph.store import open_store

    out: dict[str, object] = {"embedded_load": timed(lambda: open_store(nt), min(runs, 3))}
    store = open_store(nt)
    rows: dict[str, dict[str, object]] = {}
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    # As `tiltaksgraf serve` does by default: read-only, each backend holding the graph in memory.
    with (work / "server.log").open("w") as log, start(None, free_port(), log=log, ready_within=600, data=nt) as server:
        out["serve_load_s"] = time.perf_counter() - started
        endpoint = Endpoint(server.query_url, timeout=600)
        for name, query in named_queries().items():
            values = first_plan(query)
            rows[name] = {
                "values": values,
                "rows": len(run_named(store, name, values).rows),
                "embedded": timed(lambda n=name, v=values: run_named(store, n, v), runs),
                "http": timed(lambda n=name, v=values: run_named(endpoint, n, v), runs),
            }
    out["queries"] = rows
    return out


def first_plan(query) -> dict[str, str]:
    """Default values, a measure's given as its IRI in the embedded report's plan: a number such as «19» names
    a measure of every plan in a corpus (the named queries get a ``plan`` parameter in phase 2)."""
    from tiltaksgraf.graph import iris

    return {p.name: str(iris.measure("frihet-fra-vold", p.default)) for p in query.params if p.type == "measure"}


def start_times(graph: Path, runs: int) -> dict[str, object]:
    """The whole process of `tiltaksgraf queries` and of `tiltaksgraf query measures` on ``graph``."""
    cli = str(BIN / "tiltaksgraf")
    return {
        "queries": repeat([cli, "queries"], runs),
        "query measures": repeat([cli, "query", "measures", "--graph", str(graph)], runs),
    }


def one_size(
    n: int, corpus: list[Path], work: Path, rdflib: bool, runs: int, with_queries: bool = True
) -> dict[str, object]:
    sources = [str(p) for p in corpus[:n]]
    new, old = work / f"new-{n}", work / f"old-{n}"
    cli = str(BIN / "tiltaksgraf")
    nt, ttl = new / "graph.nt", new / "graph.ttl"
    say(f"N={n}: build" + (", taking turns with the rdflib path" if rdflib else ""))
    builds = {"build": [cli, "build", "-q", *sources, "-o", str(new)]}
    if rdflib:
        builds["build_rdflib"] = [sys.executable, "-m", "bench.rdflib_path", str(old), *sources]
    row: dict[str, object] = {"n": n, **interleaved(builds, {"build": runs, "build_rdflib": 3 if n <= 3 else 1})}
    row["triples"] = sum(1 for _ in nt.open("rb"))
    row["ntriples_mb"] = nt.stat().st_size / 2**20
    if rdflib:
        row["identical_to_rdflib"] = (old / "graph.nt").read_bytes() == nt.read_bytes()
    say(f"N={n}: {row['triples']} triples; validate and the floor, taking turns")
    checks = {"validate": [cli, "validate", str(ttl)], "floor": [sys.executable, "-c", FLOOR, str(nt)]}
    row.update(interleaved(checks, {"validate": runs, "floor": max(runs, 3) if n <= 30 else 1}))
    if not with_queries:
        return row
    say(f"N={n}: start of commands, named queries")
    row["start"] = start_times(ttl, 7 if n <= 3 else 3)
    row.update(queries(nt, 5 if n <= 10 else 3 if n <= 30 else 1, work / f"q-{n}"))
    return row


def say(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> dict[str, object]:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, SIZES)), help="corpus sizes (default: %(default)s)")
    p.add_argument("--rdflib-up-to", type=int, default=30, help="run the rdflib path up to this size")
    p.add_argument("--queries-up-to", type=int, default=100, help="time the named queries up to this size")
    p.add_argument("--runs", type=int, help="runs per size (default: 5 for small sizes, down to 1 for 100)")
    p.add_argument("--out", type=Path, default=RESULTS, help="where scaling.json and scaling.csv go")
    args = p.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[str, object] = {
        "date": datetime.date.today().isoformat(),
        "machine": {
            "cores": os.cpu_count(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "sizes": [],
    }
    with tempfile.TemporaryDirectory(prefix="tiltaksgraf-bench-") as tmp:
        work = Path(tmp)
        corpus = write_corpus(max(sizes), work / "corpus")
        for n in sizes:
            runs = args.runs or RUNS.get(n, 1)
            row = one_size(n, corpus, work, n <= args.rdflib_up_to, runs, n <= args.queries_up_to)
            results["sizes"].append(row)  # type: ignore[union-attr]
            write(results, args.out)  # after each size: a long run that stops keeps what it measured
    return results


def write(results: dict[str, object], out: Path) -> None:
    """``scaling.json`` (everything) and ``scaling.csv`` (one row per size and step)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "scaling.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = ["n,triples,step,median_s,min_s,max_s,peak_mb,runs,load_before"]
    for row in results["sizes"]:  # type: ignore[union-attr]
        steps = {k: row[k] for k in ("build", "build_rdflib", "validate", "floor") if k in row}
        steps |= {f"start {k}": v for k, v in row.get("start", {}).items()}
        if "embedded_load" in row:
            steps["embedded load"] = row["embedded_load"]
        queries = row.get("queries", {}).items()
        steps |= {f"{name} ({where})": q[where] for name, q in queries for where in ("embedded", "http")}
        for step, s in steps.items():
            lines.append(
                f"{row['n']},{row['triples']},{step},{s['median_s']:.4f},{s['min_s']:.4f},{s['max_s']:.4f},"
                f"{s.get('peak_mb', float('nan')):.0f},{s['runs']},{s.get('load_before', float('nan')):.2f}"
            )
    (out / "scaling.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
