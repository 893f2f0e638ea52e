"""Shared fixtures: the real report (parsed and built once per session) and the tiny fixture world."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import BuildResult, build_graph, write_outputs
from loaders.model import Report
from loaders.report import load_report
from tiltaksgraf.paths import DEFAULT_SOURCE

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini-report.md"


@pytest.fixture(scope="session")
def report() -> Report:
    """The real final report, parsed."""
    return load_report(DEFAULT_SOURCE)


@pytest.fixture(scope="session")
def mini() -> Report:
    """The fixture world: a five-measure report with one of each oddity."""
    return load_report(MINI)


@pytest.fixture(scope="session")
def built() -> BuildResult:
    """The graph of the real report."""
    return build_graph([DEFAULT_SOURCE])


@pytest.fixture(scope="session")
def graph_file(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real report's graph written to a temporary build folder."""
    out = tmp_path_factory.mktemp("build")
    return write_outputs(built, out)["turtle"]


# --- query sources (issue 5) ------------------------------------------------------------------


@pytest.fixture(scope="session")
def store(built: BuildResult):
    """The real report's graph in the embedded store (Oxigraph in memory)."""
    from graph.store import store_from_graph

    return store_from_graph(built.graph)


@pytest.fixture(scope="session")
def actors_store(built: BuildResult):
    """The real graph plus ``fixtures/actors-sample.ttl``: organisations in roles other than responsible."""
    from rdflib import Graph

    from graph.store import store_from_graph

    graph = Graph()
    graph += built.graph
    graph.parse(FIXTURES / "actors-sample.ttl", format="turtle")
    return store_from_graph(graph)
