"""Benchmarks, run by hand (`make bench`); the README reports the figures. Not part of the test suite.

python -m bench.run            every benchmark
python -m bench.run build      one of them (build, validate, validate-scale, networks, browser, queries, site, front)
python -m bench.run queries    every named query: embedded Oxigraph, over HTTP, plain rdflib
python -m bench.run front      what the server's front adds to a query over HTTP
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, URIRef

from tiltaksgraf.cli import main


def median_seconds(fn: Callable[[], object], runs: int = 5) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def bench_build() -> str:
    """`tiltaksgraf build` on the embedded report: parse, assemble, validate, write."""
    with tempfile.TemporaryDirectory() as tmp:
        med, times = median_seconds(lambda: main(["build", "-o", tmp, "-q"]))
    spread = f"min {min(times):.2f}, max {max(times):.2f}"
    return f"build (embedded report): median {med:.2f} s over {len(times)} runs ({spread})"


def bench_networks() -> str:
    """Each network: build it from the graph (SPARQL + networkx), add its metrics, lay it out, render its HTML page
    (the layout included), draw it as SVG."""
    import networkx as nx
    from tiltaksgraf.graph.build import build_graph
    from tiltaksgraf.graph.networks import KINDS, Filters, add_node_metrics, build_network, load_network_data
    from tiltaksgraf.graph.store import store_from_graph
    from tiltaksgraf.viz.look import look
    from tiltaksgraf.viz.network_drawing import network_drawing
    from tiltaksgraf.viz.network_html import render_html

    from tiltaksgraf.paths import DEFAULT_SOURCE

    graph = store_from_graph(build_graph([DEFAULT_SOURCE]).graph)  # as `tiltaksgraf network` queries it
    lines = []
    med, _ = median_seconds(lambda: load_network_data(graph))
    lines.append(f"network data (the six queries of queries/networks/, embedded store): median {med * 1000:.0f} ms")
    data = load_network_data(graph)
    cases = [(kind, kind, Filters()) for kind in KINDS] + [
        ("organisations --co-mention", "organisations", Filters(co_mention=True))
    ]
    for name, kind, filters in cases:
        built, _ = median_seconds(lambda kind=kind, f=filters: build_network(data, kind, f, org="JD"))
        g = build_network(data, kind, filters, org="JD")
        measured, _ = median_seconds(lambda g=g: add_node_metrics(nx.Graph(g) if not g.is_directed() else g.copy()))
        add_node_metrics(g)
        laid, _ = median_seconds(lambda g=g: look(g))
        rendered, _ = median_seconds(lambda g=g: render_html(g))
        drawn, _ = median_seconds(lambda g=g: network_drawing(g, "svg"), runs=3)
        lines.append(
            f"{name:<26} {g.number_of_nodes():>3} nodes {g.number_of_edges():>4} edges: build {built * 1000:.0f} ms, "
            f"metrics {measured * 1000:.0f} ms, layout {laid * 1000:.0f} ms, HTML with layout {rendered * 1000:.0f} ms "
            f"({len(render_html(g)) // 1024} KiB), SVG {drawn * 1000:.0f} ms"
        )
    return "\n".join(lines)


def bench_browser() -> str:
    """Seconds until a page's layout stands still in headless Chromium (opening the page included)."""
    import random

    import networkx as nx

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from screenshot import settle
    from tiltaksgraf.graph.build import build_graph
    from tiltaksgraf.graph.networks import add_node_metrics, build_network, load_network_data
    from tiltaksgraf.viz.network_html import write_html

    from tiltaksgraf.paths import DEFAULT_SOURCE

    data = load_network_data(build_graph([DEFAULT_SOURCE]).graph)
    rng = random.Random(6)
    synthetic = nx.Graph(title="150 organisations (synthetic)")
    for i in range(150):
        synthetic.add_node(f"o{i}", label=f"ORG{i}", name=f"Org {i}", type="directorate", type_label="directorate")
    for _ in range(450):
        a, b = rng.sample(range(150), 2)
        synthetic.add_edge(f"o{a}", f"o{b}", weight=rng.randint(1, 6), measures="1")
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, g in (
            ("ministries", build_network(data, "ministries")),
            ("organisations", build_network(data, "organisations")),
            ("bipartite", build_network(data, "bipartite")),
            ("150 organisations, synthetic", synthetic),
        ):
            page = write_html(add_node_metrics(g), Path(tmp) / "page.html")
            med, _ = median_seconds(lambda page=page: settle(page), runs=3)
            lines.append(
                f"{name:<29} {g.number_of_nodes():>3} nodes {g.number_of_edges():>4} edges: "
                f"stands still {med:.2f} s after opening (median of 3; the layout is computed before, in Python)"
            )
    return "\n".join(lines)


def _spread(times: list[float]) -> str:
    return f"min {min(times):.2f}, max {max(times):.2f}"


def bench_validate() -> str:
    """`tiltaksgraf validate` on the report's graph (parse build/graph.ttl, shapes, SPARQL checks, print)."""
    with tempfile.TemporaryDirectory() as tmp:
        main(["build", "-o", tmp, "-q"])
        graph = str(Path(tmp) / "graph.ttl")
        lines = []
        for engine in ("turbo", "pyshacl"):
            with contextlib.redirect_stdout(io.StringIO()):
                med, times = median_seconds(lambda e=engine: main(["validate", graph, "--engine", e]))
            lines.append(
                f"validate --engine {engine} (report graph): median {med:.2f} s over {len(times)} runs "
                f"({_spread(times)})"
            )
    return "\n".join(lines)


def replicated(graph: Graph, copies: int) -> Graph:
    """The instance data of ``graph`` ``copies`` times under distinct IRIs (ontology and schemes once)."""
    from tiltaksgraf.graph.vocab import ID

    base = str(ID)
    out = Graph()
    for s, p, o in graph:
        if not (str(s).startswith(base) or str(o).startswith(base)):
            out.add((s, p, o))
    for i in range(copies):

        def move(t, i=i):
            return (
                URIRef(f"{base}c{i}/{str(t)[len(base) :]}") if isinstance(t, URIRef) and str(t).startswith(base) else t
            )

        for s, p, o in graph:
            if str(s).startswith(base) or str(o).startswith(base):
                out.add((move(s), p, move(o)))
    return out


def bench_validate_scale() -> str:
    """validate_graph (shapes and checks, no parsing) on the report's graph and on 8 copies (~100k triples)."""
    from tiltaksgraf.graph.build import build_graph
    from tiltaksgraf.graph.validation import load_checks, load_shapes, run_check, run_shapes

    from tiltaksgraf.paths import DEFAULT_SOURCE

    one = build_graph([DEFAULT_SOURCE]).graph
    shapes, checks = load_shapes(), load_checks()
    lines = []
    for label, graph, runs in (("report graph", one, 5), ("8 copies", replicated(one, 8), 3)):
        for engine in ("turbo", "pyshacl"):
            med, times = median_seconds(lambda g=graph, e=engine: run_shapes(g, shapes, e), runs=runs)
            lines.append(
                f"shapes with {engine} ({label}, {len(graph)} triples): median {med:.2f} s over {runs} runs "
                f"({_spread(times)})"
            )
        med, times = median_seconds(lambda g=graph: [run_check(g, c) for c in checks], runs=runs)
        lines.append(
            f"SPARQL checks ({label}, {len(graph)} triples): median {med:.2f} s over {runs} runs ({_spread(times)})"
        )
    return "\n".join(lines)


def bench_site() -> str:
    """`tiltaksgraf site` on the report's graph: time (wall clock and CPU) and the size of what it writes."""
    from tiltaksgraf.graph.store import open_store
    from tiltaksgraf.viz.site.writer import write_site

    with tempfile.TemporaryDirectory() as tmp:
        main(["build", "-o", tmp, "-q"])
        store = open_store(Path(tmp) / "graph.ttl")
        walls, cpus, summary = [], [], None
        for _ in range(3):
            wall, cpu = time.perf_counter(), time.process_time()
            summary = write_site(store, Path(tmp) / "site")
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        assert summary is not None
        by_kind: dict[str, int] = {}
        for path in (Path(tmp) / "site").rglob("*"):
            if path.is_file():
                by_kind[path.suffix] = by_kind.get(path.suffix, 0) + path.stat().st_size
    kinds = ", ".join(f"{k or 'other'} {v / 1e6:.1f}" for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1]))
    return (
        f"site (report graph): median {statistics.median(walls):.2f} s wall clock, {statistics.median(cpus):.2f} s CPU "
        f"over 3 runs ({_spread(walls)}); {summary.pages} pages, {summary.files} files, {summary.bytes / 1e6:.1f} MB "
        f"(MB by suffix: {kinds})"
    )


from bench.front import bench_front  # noqa: E402
from bench.queries import bench_queries  # noqa: E402

BENCHMARKS: dict[str, Callable[[], str]] = {
    "build": bench_build,
    "validate": bench_validate,
    "validate-scale": bench_validate_scale,
    "networks": bench_networks,
    "browser": bench_browser,
    "queries": bench_queries,
    "site": bench_site,
    "front": bench_front,
}


if __name__ == "__main__":
    chosen = sys.argv[1:] or list(BENCHMARKS)
    for name in chosen:
        print(BENCHMARKS[name](), flush=True)
