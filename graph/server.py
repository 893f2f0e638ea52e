"""Run an Oxigraph SPARQL server on 127.0.0.1: the ``oxigraph`` binary that the PyPI package ``oxigraph`` ships.

The graph is loaded with ``oxigraph load`` into a store directory, then served with
``oxigraph serve-read-only`` (default) or ``oxigraph serve`` (writable). The server has a query web
page at ``/``, the SPARQL query endpoint at ``/query``, and, when writable, the update endpoint at
``/update`` and the Graph Store Protocol at ``/store``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

HOST = "127.0.0.1"


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


def _run(args: list[str], what: str) -> None:
    done = subprocess.run([str(oxigraph_binary()), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        raise ServerError(f"{what} failed: {said[-1] if said else f'exit {done.returncode}'}")


def load(location: Path, graph_file: Path) -> None:
    """Make the store's default graph hold exactly ``graph_file`` (other named graphs stay as they are)."""
    if not graph_file.is_file():
        raise ServerError(f"no graph at {graph_file} (run `tiltaksgraf build` first, or give --graph)")
    location.mkdir(parents=True, exist_ok=True)
    _run(["update", "--location", str(location), "--update", "CLEAR SILENT DEFAULT"], f"clearing the store {location}")
    _run(["load", "--location", str(location), "--file", str(graph_file)], f"loading {graph_file}")


@dataclass
class Server:
    """A running Oxigraph server process and its URLs."""

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
        """Ask the server to stop (SIGTERM), and kill it if it has not after ``grace`` seconds."""
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
    location: Path,
    port: int,
    writable: bool = False,
    timeout_s: int | None = None,
    log: IO | None = None,
    ready_within: float = 20.0,
) -> Server:
    """Start a server on 127.0.0.1:``port`` over the store in ``location`` and wait until it answers."""
    if port_in_use(port):
        raise ServerError(f"port {port} on {HOST} is in use: pick another with --port")
    mode = "serve" if writable else "serve-read-only"
    command = [str(oxigraph_binary()), mode, "--location", str(location), "--bind", f"{HOST}:{port}"]
    if timeout_s:
        command += ["--timeout-s", str(timeout_s)]
    # A session of its own: Ctrl-C reaches tiltaksgraf, which then stops the server in order.
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=log or subprocess.DEVNULL, stderr=log, start_new_session=True
    )
    server = Server(process, port, writable)
    deadline = time.monotonic() + ready_within
    probe = f"{server.query_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    while time.monotonic() < deadline:
        if not server.running():
            raise ServerError(f"the oxigraph server stopped at start (exit {process.returncode}); see its log")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    server.stop()
    raise ServerError(f"the oxigraph server did not answer on port {port} within {ready_within:g} s")
