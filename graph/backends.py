"""The oxigraph processes behind the front: started, lent out one request at a time, killed and replaced.

Each :class:`Backend` is one ``oxigraph serve-read-only`` (or ``serve``, when writable) on an internal port
of 127.0.0.1, over the same store folder. A :class:`Pool` lends a backend to one request at a time; when the
request runs out of time (or its client goes away) the front *kills* that backend, which is the only way
to stop a query that Oxigraph's own time limit does not reach, and the pool starts a fresh one. Read-only
stores can be opened by several processes, so a read-only pool has several backends and a kill touches no
other request; a writable store opens in one process only, so its pool has one, and it also serialises the
writes (two ``MOVE`` requests never interleave).

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


def spawn(location: Path, writable: bool, log: IO | None, ready_within: float = 20.0) -> Backend:
    """Start one oxigraph server over ``location`` on a free internal port and wait until it listens."""
    mode = "serve" if writable else "serve-read-only"
    for _ in range(3):  # a free port can be taken by someone else before oxigraph binds it
        port = free_port()
        command = [str(oxigraph_binary()), mode, "--location", str(location), "--bind", f"{HOST}:{port}"]
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log or subprocess.DEVNULL,
            stderr=log or subprocess.DEVNULL,
            preexec_fn=die_with_parent,
            start_new_session=True,  # Ctrl-C in the terminal reaches the front only, which stops this in order
        )
        if _ready(port, process, ready_within):
            return Backend(process, port)
        if process.poll() is None:
            process.kill()
        process.wait()
    raise ServerError(f"the oxigraph server over {location} did not start (exit {process.returncode}); see its log")


class Pool:
    """Backends lent to one request at a time; a backend that was killed is replaced by the supervisor."""

    def __init__(self, location: Path, writable: bool, size: int, log: IO | None = None) -> None:
        self.location, self.writable, self.log = location, writable, log
        self.size = 1 if writable else max(1, size)
        self._idle: queue.Queue[Backend] = queue.Queue()
        self._replace: queue.Queue[Backend | None] = queue.Queue()
        self._all: list[Backend] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start every backend (call from the thread that will run :meth:`supervise`)."""
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        backend = spawn(self.location, self.writable, self.log)
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
