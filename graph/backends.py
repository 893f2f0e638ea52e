"""The oxigraph processes behind the front: started, lent out one request at a time, killed and replaced.

Each :class:`Backend` is one ``oxigraph serve-read-only`` (or ``serve``, when writable) on an internal port
of 127.0.0.1, over the same store folder. A :class:`Pool` lends a backend to one request at a time; when the
request runs out of time (or its client goes away) the front *kills* that backend, which is the only way
to stop a query that Oxigraph's own time limit does not reach, and the pool starts a fresh one. Read-only
stores can be opened by several processes, so a read-only pool has several backends and a kill touches no
other request; a writable store opens in one process only, so its pool has one, and it also serialises the
writes (two ``MOVE`` requests never interleave).

A read-only pool may instead hold the graph **in memory**: each backend is an ``oxigraph serve`` with no
store folder, loaded with the graph file through its Graph Store endpoint before it is lent out. Oxigraph
answers from memory four to eight times faster than from its on-disk store (docs/decisions/0017); the
price is a copy of the graph per backend, a reload when one is replaced, and an internal port that would
take writes to that copy from a process on this machine (the front, the public port, refuses them).

Every backend asks the kernel to kill it when the thread that started it ends (``PR_SET_PDEATHSIG``), so a
killed front leaves no oxigraph behind; the pool starts backends from one long-lived thread for that reason.
"""

from __future__ import annotations

import ctypes
import http.client
import queue
import signal
import socket
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tiltaksgraf.graph.server import HOST, ServerError, free_port, oxigraph_binary

_PR_SET_PDEATHSIG = 1
try:
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):  # not Linux: the front still stops its backends on every signal it can catch
    _prctl = None


def die_with_parent() -> None:  # runs in the child between fork and exec: no allocation, no locks
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


@dataclass
class Backend:
    """One oxigraph server process on an internal port, and the connection of the request it answers."""

    process: subprocess.Popen
    port: int
    connection: http.client.HTTPConnection | None = field(default=None, repr=False)

    def alive(self) -> bool:
        return self.process.poll() is None

    def connect(self, timeout: float) -> http.client.HTTPConnection:
        """A new connection to this backend for one request, with ``timeout`` for each of its reads.

        Not kept alive: oxigraph closes an idle connection when it likes, and a request sent on it as it does
        would fail; a connection on loopback costs a tenth of a millisecond.
        """
        self.drop_connection()
        self.connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        return self.connection

    def drop_connection(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def kill(self) -> None:
        self.drop_connection()
        if self.alive():
            self.process.kill()
        self.process.wait()


def _ready(port: int, process: subprocess.Popen, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.02)
    return False


#: The media type of a graph file, by extension, for loading it into an in-memory backend.
GRAPH_MEDIA_TYPES = {".nt": "application/n-triples", ".ttl": "text/turtle"}


def spawn(
    location: Path | None,
    writable: bool,
    log: IO | None,
    ready_within: float = 20.0,
    data: Path | None = None,
) -> Backend:
    """Start one oxigraph server on a free internal port and wait until it listens: over the store folder
    ``location``, or (``location`` None) in memory, to be loaded with :func:`load_into` before use."""
    mode = "serve" if writable or location is None else "serve-read-only"
    where = ["--location", str(location)] if location is not None else []
    for _ in range(3):  # a free port can be taken by someone else before oxigraph binds it
        port = free_port()
        command = [str(oxigraph_binary()), mode, *where, "--bind", f"{HOST}:{port}"]
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log or subprocess.DEVNULL,
            stderr=log or subprocess.DEVNULL,
            preexec_fn=die_with_parent,
            start_new_session=True,  # Ctrl-C in the terminal reaches the front only, which stops this in order
        )
        if _ready(port, process, ready_within):
            backend = Backend(process, port)
            if data is not None:
                load_into(backend, data)
            return backend
        if process.poll() is None:
            process.kill()
        process.wait()
    raise ServerError(
        f"the oxigraph server over {location or 'memory'} did not start (exit {process.returncode}); see its log"
    )


def load_into(backend: Backend, graph_file: Path) -> None:
    """Put ``graph_file`` (Turtle or N-Triples) into the default graph of an in-memory backend, streamed."""
    media = GRAPH_MEDIA_TYPES.get(graph_file.suffix)
    if media is None:
        raise ServerError(f"{graph_file}: serve a .ttl or .nt file")
    connection = http.client.HTTPConnection(HOST, backend.port, timeout=3600)
    try:
        with graph_file.open("rb") as body:
            headers = {"Content-Type": media, "Content-Length": str(graph_file.stat().st_size)}
            connection.request("POST", "/store?default", body=body, headers=headers)
            response = connection.getresponse()
            said = response.read().decode("utf-8", "replace").strip()
    except OSError as exc:
        backend.kill()
        raise ServerError(f"loading {graph_file} into memory failed: {exc}") from exc
    finally:
        connection.close()
    if response.status >= 300:
        backend.kill()
        why = said.splitlines()[-1] if said else f"HTTP {response.status}"
        raise ServerError(f"loading {graph_file} into memory failed: {why}")


class Pool:
    """Backends lent to one request at a time; a backend that was killed is replaced by the supervisor."""

    def __init__(
        self, location: Path | None, writable: bool, size: int, log: IO | None = None, data: Path | None = None
    ) -> None:
        """Backends over the store folder ``location``, or (``data``, read-only) each holding that graph file in
        memory."""
        if data is not None and (writable or location is not None):
            raise ValueError("a graph in memory is served read-only, without a store folder")
        self.location, self.writable, self.log, self.data = location, writable, log, data
        self.size = 1 if writable else max(1, size)
        self._idle: queue.Queue[Backend] = queue.Queue()
        self._replace: queue.Queue[Backend | None] = queue.Queue()
        self._all: list[Backend] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start every backend (call from the thread that will run :meth:`supervise`); in-memory backends are
        started here and loaded side by side."""
        if self.data is None:
            for _ in range(self.size):
                self._add()
            return
        backends = [spawn(None, False, self.log) for _ in range(self.size)]
        with self._lock:
            self._all += backends
        with ThreadPoolExecutor(max_workers=self.size) as loading:
            for done in [loading.submit(load_into, b, self.data) for b in backends]:
                done.result()  # a failed load is a ServerError here
        for backend in backends:
            self._idle.put(backend)

    def _add(self) -> None:
        backend = spawn(self.location, self.writable, self.log, data=self.data)
        with self._lock:
            self._all.append(backend)
        self._idle.put(backend)

    def acquire(self, timeout: float) -> Backend | None:
        """An idle backend, or None when none became free within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                backend = self._idle.get(timeout=left)
            except queue.Empty:
                return None
            if backend.alive():
                return backend
            self.discard(backend)  # it died on its own: replace it and look again
        return None

    def release(self, backend: Backend) -> None:
        self._idle.put(backend)

    def discard(self, backend: Backend) -> None:
        """Kill ``backend`` (it ran out of time, or broke) and have the supervisor start another."""
        backend.kill()
        with self._lock:
            if backend in self._all:
                self._all.remove(backend)
        self._replace.put(backend)

    def supervise(self, stop: threading.Event) -> None:
        """Replace discarded backends until ``stop`` is set (runs in the thread that started them)."""
        while not stop.is_set():
            try:
                gone = self._replace.get(timeout=0.5)
            except queue.Empty:
                continue
            if gone is not None and not stop.is_set():
                self._add()

    def stop(self) -> None:
        self._replace.put(None)
        with self._lock:
            backends, self._all = list(self._all), []
        for backend in backends:
            if backend.alive():
                backend.process.terminate()
        for backend in backends:
            try:
                backend.process.wait(10)
            except subprocess.TimeoutExpired:
                backend.kill()
            backend.drop_connection()
