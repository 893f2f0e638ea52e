"""Shared fixtures: the real report (parsed and built once per session), its actors, and the tiny fixture world."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiltaksgraf.graph.build import BuildResult, build_graph, write_outputs
from tiltaksgraf.graph.registry import Registry, load_registry
from tiltaksgraf.loaders.actors import Role
from tiltaksgraf.loaders.measure_text import TextPart, measure_parts
from tiltaksgraf.loaders.model import Report
from tiltaksgraf.loaders.report import load_report
from tiltaksgraf.loaders.roles import measure_roles

from tiltaksgraf.paths import DEFAULT_SOURCE

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini-report.md"
#: The fixture world's registry: ministries, the government, the police and NOVA (no programmes).
MINI_REGISTRY = FIXTURES / "mini-organisations.ttl"


@pytest.fixture(scope="session")
def source_text() -> str:
    return DEFAULT_SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def report() -> Report:
    """The real final report, parsed."""
    return load_report(DEFAULT_SOURCE)


@pytest.fixture(scope="session")
def mini() -> Report:
    """The fixture world: a five-measure report with one of each oddity."""
    return load_report(MINI)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def parts(report: Report, source_text: str) -> dict[int, list[TextPart]]:
    return measure_parts(report, source_text)


@pytest.fixture(scope="session")
def roles(report: Report, parts: dict[int, list[TextPart]], registry: Registry) -> list[Role]:
    return measure_roles(report, parts, registry.index)


@pytest.fixture(scope="session")
def built() -> BuildResult:
    """The graph of the real report."""
    return build_graph([DEFAULT_SOURCE])


@pytest.fixture(scope="session")
def mini_world() -> BuildResult:
    """The graph of the fixture world, with its own small registry (no programmes)."""
    return build_graph([MINI], registry_path=MINI_REGISTRY, programmes_path=None)


@pytest.fixture(scope="session")
def graph_file(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real report's graph written to a temporary build folder."""
    out = tmp_path_factory.mktemp("build")
    return write_outputs(built, out)["turtle"]


def org(key: str) -> str:
    """The IRI of an organisation of the registry by its id."""
    return f"https://w3id.org/tiltaksgraf/id/org/{key}"


def programme(key: str) -> str:
    """The IRI of a programme of the registry by its id."""
    return f"https://w3id.org/tiltaksgraf/id/programme/{key}"


# --- query sources (issue 5) ------------------------------------------------------------------


@pytest.fixture(scope="session")
def store(built: BuildResult):
    """The real report's graph in the embedded store (Oxigraph in memory)."""
    from tiltaksgraf.graph.store import store_from_graph

    return store_from_graph(built.graph)


# --- the static site (issue 14) ---------------------------------------------------------------


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real report's site, written once per test run: with pytest-xdist the workers share one copy (the
    first to arrive writes it under a lock, the others wait and read it)."""
    import fcntl

    from tiltaksgraf.viz.site.writer import write_site

    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    folder = shared / "report-site"
    with (shared / "report-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "index.html").exists():
            write_site(request.getfixturevalue("store"), folder)
    return folder


@pytest.fixture(scope="session")
def served_site(graph_file: Path, site: Path, tmp_path_factory: pytest.TempPathFactory):
    """A real read-only server (the front, oxigraph behind it) over the report's graph, with the report's
    site beside the endpoint, on a free loopback port: one per test process."""
    from tiltaksgraf.graph.server import free_port, load, start

    folder = tmp_path_factory.mktemp("served-site")
    load(folder / "store", graph_file)
    with (folder / "log").open("w") as log, start(folder / "store", free_port(), log=log, site=site) as server:
        yield server
