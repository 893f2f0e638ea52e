"""A SPARQL server on 127.0.0.1: a store folder loaded by ``oxigraph load``, served behind tiltaksgraf's front.

The store is an Oxigraph folder; the ``oxigraph`` binary of the PyPI package ``oxigraph`` loads it and serves
it (``serve-read-only``, or ``serve`` when writable) on internal ports, and the front (:mod:`graph.front`)
answers on the public one: it checks each request and stops what runs past the time limit. The server has
a query web page at ``/``, the SPARQL query endpoint at ``/query``, and, when writable, the update endpoint
at ``/update`` and the Graph Store Protocol at ``/store``.

A store folder is held by one tiltaksgraf server at a time: a lock file in it (``tiltaksgraf-serve.lock``,
an ``flock``) makes a second ``serve --location DIR``, or a :func:`load` into it, fail with a clear error
instead of clearing the store under the server that is using it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

HOST = "127.0.0.1"
LOCK_FILE = "tiltaksgraf-serve.lock"


class ServerError(Exception):
    """The server cannot be installed, loaded or started; the message says what to do."""


def oxigraph_binary() -> Path:
    """The ``oxigraph`` executable: beside this Python (a virtual environment's bin/) or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return beside
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise ServerError("the oxigraph server is not installed: `pip install oxigraph` (make test and make demo do)")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex((HOST, port)) == 0


#: The locks this process holds, by folder: holding one twice (serve loads, then serves) is fine.
_HELD: dict[Path, int] = {}


@contextlib.contextmanager
def hold_location(location: Path) -> Iterator[None]:
    """Hold the store folder for this process; another process holding it is a :class:`ServerError`."""
    location.mkdir(parents=True, exist_ok=True)
    key = location.resolve()
    if key in _HELD:
        yield
        return
    path = location / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
        os.close(fd)
        raise ServerError(
            f"{location} is in use by another tiltaksgraf server (process {holder}): stop it, or give another "
            "--location"
        ) from exc
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
    _HELD[key] = fd
    try:
        yield
    finally:
        del _HELD[key]
        os.close(fd)  # closing the file releases the lock; a killed process releases it too


def _run(args: list[str], what: str) -> None:
    done = subprocess.run([str(oxigraph_binary()), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        raise ServerError(f"{what} failed: {said[-1] if said else f'exit {done.returncode}'}")


def load(location: Path, graph_file: Path) -> None:
    """Make the store's default graph hold exactly ``graph_file`` (other named graphs stay as they are)."""
    if not graph_file.is_file():
        raise ServerError(f"no graph at {graph_file} (run `tiltaksgraf build` first, or give --graph)")
    with hold_location(location):
        _run(
            ["update", "--location", str(location), "--update", "CLEAR SILENT DEFAULT"],
            f"clearing the store {location}",
        )
        _run(["load", "--location", str(location), "--file", str(graph_file)], f"loading {graph_file}")


@dataclass
class Server:
    """A running server (the front process, which runs the oxigraph backends) and its URLs."""

    process: subprocess.Popen
    port: int
    writable: bool

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.base_url}/store"

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, grace: float = 10.0) -> None:
        """Ask the server to stop (SIGTERM: it stops its backends), and kill it if it has not after ``grace`` s."""
        if self.running():
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    location: Path | None,
    port: int,
    writable: bool = False,
    timeout_s: float | None = None,
    log: IO | None = None,
    ready_within: float = 20.0,
    workers: int = 2,
    site: Path | None = None,
    data: Path | None = None,
) -> Server:
    """Start a server on 127.0.0.1:``port`` over the store in ``location``, or (``location`` None, read-only)
    over the graph file ``data`` held in memory, and the site in the folder ``site``, if given; wait until it
    answers.

    The server is a child process that dies with the thread that started it (Linux), so call this from a
    thread that lives as long as the server should.
    """
    if (location is None) == (data is None):
        raise ValueError("give a store folder (location) or a graph file held in memory (data), one of them")
    if port_in_use(port):
        raise ServerError(f"port {port} on {HOST} is in use: pick another with --port")
    where = ["--location", str(location)] if location is not None else ["--data", str(data)]
    command = [sys.executable, "-m", "tiltaksgraf.graph.front", *where, "--port", str(port)]
    command += ["--timeout", str(timeout_s or 60), "--workers", str(workers)] + (["--writable"] if writable else [])
    command += ["--site", str(site)] if site is not None else []
    from tiltaksgraf.graph.backends import die_with_parent

    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=log,
        preexec_fn=die_with_parent,
        start_new_session=True,
    )
    server = Server(process, port, writable)
    deadline = time.monotonic() + ready_within
    probe = f"{server.query_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    while time.monotonic() < deadline:
        if not server.running():
            raise ServerError(f"the server stopped at start (exit {process.returncode}); see its log")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    server.stop()
    raise ServerError(f"the server did not answer on port {port} within {ready_within:g} s")
