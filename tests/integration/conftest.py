"""Real Oxigraph servers on free loopback ports, started once per module and stopped after it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.server import Server, free_port, load, start


@pytest.fixture(scope="module")
def read_only_server(graph_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`oxigraph serve-read-only` with the real graph in its default graph; queries stop after 1 s."""
    folder = tmp_path_factory.mktemp("oxigraph-ro")
    load(folder / "store", graph_file)
    with (folder / "log").open("w") as log, start(folder / "store", free_port(), timeout_s=1, log=log) as server:
        yield server


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`oxigraph serve`, empty: a store to publish into."""
    folder = tmp_path_factory.mktemp("oxigraph-rw")
    with (folder / "log").open("w") as log, start(folder / "store", free_port(), writable=True, log=log) as server:
        yield server
