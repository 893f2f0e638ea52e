"""Real servers (tiltaksgraf's front with oxigraph behind it) on free loopback ports, started once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tiltaksgraf.graph.server import Server, free_port, load, start


def _read_only(graph_file: Path, tmp_path_factory: pytest.TempPathFactory, timeout_s: int) -> Iterator[Server]:
    """As `tiltaksgraf serve` starts by default: read-only, each backend holding the graph in memory."""
    folder = tmp_path_factory.mktemp("oxigraph-ro")
    with (
        (folder / "log").open("w") as log,
        start(None, free_port(), timeout_s=timeout_s, log=log, data=graph_file) as server,
    ):
        yield server


@pytest.fixture(scope="module")
def read_only_server(graph_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A read-only server with the real graph in its default graph; requests stop after 30 s."""
    yield from _read_only(graph_file, tmp_path_factory, timeout_s=30)


@pytest.fixture(scope="module")
def disk_server(graph_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A read-only server over an Oxigraph store folder (`serve --store disk`) with the real graph."""
    folder = tmp_path_factory.mktemp("oxigraph-disk")
    load(folder / "store", graph_file)
    with (folder / "log").open("w") as log, start(folder / "store", free_port(), timeout_s=30, log=log) as server:
        yield server


@pytest.fixture(scope="module")
def impatient_server(graph_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The same with a time limit of 1 s, to show what a client does with a query the server cuts off."""
    yield from _read_only(graph_file, tmp_path_factory, timeout_s=1)


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A writable server, empty: a store to publish into."""
    folder = tmp_path_factory.mktemp("oxigraph-rw")
    with (folder / "log").open("w") as log, start(folder / "store", free_port(), writable=True, log=log) as server:
        yield server
