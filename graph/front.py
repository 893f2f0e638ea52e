"""The server's front on 127.0.0.1: every request is checked here, then answered by an oxigraph backend.

What the front enforces, whatever the client:

- **Loopback only.** It listens on 127.0.0.1, and answers only requests whose ``Host`` is
  ``127.0.0.1``/``localhost`` (a web page that rebinds its own name to 127.0.0.1 gets nothing).
- **No cross-origin writes.** A ``POST``/``PUT``/``DELETE`` that carries an ``Origin`` other than the
  server's own, or ``Sec-Fetch-Site: cross-site``, is refused: a page the user visits cannot send a form
  ``DROP ALL`` to a writable server. Clients that are not browsers send no ``Origin`` and are not affected.
- **No outbound requests.** A query or update that uses ``SERVICE`` is refused, so the server never
  fetches from another address. Read-only servers refuse updates and Graph Store writes.
- **A time limit that stops the work.** Each request has ``timeout`` seconds, from its arrival to the
  last byte of its answer. Past it, or when the client goes away, the backend answering it is killed (the
  only way to stop a query in Oxigraph's evaluator) and replaced; the client gets HTTP 503 and a line that
  says so, or, when part of the answer had gone out already, a connection closed before the end.

Which handler answers which path is in :mod:`graph.routes`. Run as ``python -m tiltaksgraf.graph.front``
by :func:`graph.server.start`; ``tiltaksgraf serve`` calls :func:`serve` in its own process.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import selectors
import signal
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO

from tiltaksgraf.graph.backends import Backend, Pool
from tiltaksgraf.graph.binding import uses_keyword
from tiltaksgraf.graph.linked_data import LinkedDataHandlers, Site
from tiltaksgraf.graph.routes import READ, MethodNotAllowed, Refused, Route, match
from tiltaksgraf.graph.server import HOST, ServerError, hold_location

#: The largest query or update text the front reads (a Graph Store upload is streamed, not held).
MAX_REQUEST_BYTES = 256 * 1024 * 1024
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "transfer-encoding",
    "content-length",
    "proxy-connection",
    "upgrade",
    "expect",
    "te",
}
_CHUNK = 1 << 16


class Deadline(Exception):
    """The request's time is up."""


class ClientGone(Exception):
    """The client closed its connection before the answer was complete."""


class Front(ThreadingHTTPServer):
    """The HTTP server: its settings, the backends, and who it answers."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, port: int, pool: Pool, writable: bool, timeout: float, log: IO | None = None, site: Site | None = None
    ) -> None:
        self.pool, self.writable, self.timeout, self.log, self.site = pool, writable, timeout, log, site
        try:
            super().__init__((HOST, port), Handler)
        except OSError as exc:
            raise ServerError(f"port {port} on {HOST} is in use: pick another with --port ({exc.strerror})") from exc
        self.port = self.server_address[1]
        names = (HOST, "localhost", "[::1]")
        self.hosts = {f"{n}:{self.port}" for n in names} | (set(names) if self.port == 80 else set())
        self.origins = {f"http://{h}" for h in self.hosts}

    def note(self, message: str) -> None:
        if self.log is not None:
            with contextlib.suppress(OSError, ValueError):
                print(f"tiltaksgraf serve: {message}", file=self.log, flush=True)


class Handler(LinkedDataHandlers, BaseHTTPRequestHandler):
    """One connection: each request is routed (:mod:`graph.routes`), checked, then passed to a backend, or
    answered from the site and the graph's descriptions (:class:`~graph.linked_data.LinkedDataHandlers`)."""

    protocol_version = "HTTP/1.1"
    server: Front
    server_version = "tiltaksgraf"

    def setup(self) -> None:
        super().setup()
        # Answers go out in pieces (head, chunks, the last chunk): without this, Nagle's algorithm holds each
        # small piece back until the client acknowledges the one before.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        pass  # answers are not logged; refusals and stopped queries are (Front.note)

    def do_GET(self) -> None:
        self._dispatch()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    # --- checks ---------------------------------------------------------------------------------------

    def _dispatch(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        try:
            if self.headers.get("Host", "") not in self.server.hosts:
                raise Refused(403, "this server answers requests for 127.0.0.1 and localhost only")
            try:
                route = match(self.command, path)
            except MethodNotAllowed as exc:
                raise Refused(405, f"{path} takes {exc}") from exc
            if route is None:  # the site's route takes every path: this is a table without one
                raise Refused(404, f"nothing at {path}: the SPARQL endpoint is /query")
            if self.command not in READ:
                self._check_origin()
            getattr(self, f"handle_{route.handler}")(route)
        except Refused as exc:
            self.server.note(f"{self.command} {path}: {exc.status} {exc}")
            self._plain(exc.status, str(exc), close=True)
        except (ClientGone, ConnectionError, TimeoutError):
            self.close_connection = True

    def _check_origin(self) -> None:
        origin = self.headers.get("Origin")
        if (origin is not None and origin not in self.server.origins) or self.headers.get(
            "Sec-Fetch-Site"
        ) == "cross-site":
            raise Refused(403, f"cross-origin {self.command} refused: only this server's own pages may send it")

    def _sparql_text(self, route: Route, body: bytes) -> tuple[str, str]:
        """("query" or "update" or "store", its text) of a SPARQL protocol request."""
        if route.path == "/store":
            return "store", ""
        split = urllib.parse.urlsplit(self.path)
        fields = urllib.parse.parse_qs(split.query, keep_blank_values=True)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            if self.command == "POST" and kind == "application/x-www-form-urlencoded":
                fields.update(urllib.parse.parse_qs(body.decode("utf-8", "strict"), keep_blank_values=True))
            elif self.command == "POST" and kind == "application/sparql-update":
                return "update", body.decode("utf-8", "strict")
            elif self.command == "POST" and kind == "application/sparql-query":
                return "query", body.decode("utf-8", "strict")
        except UnicodeDecodeError as exc:
            raise Refused(400, "the request is not valid UTF-8") from exc
        if "update" in fields:
            return "update", " ".join(fields["update"])
        if "query" in fields:
            return "query", " ".join(fields["query"])
        raise Refused(400, "no query: send it as ?query=…, a form field query=… or an application/sparql-query body")

    # --- handlers (named in graph.routes) -------------------------------------------------------------

    def handle_sparql(self, route: Route) -> None:
        writes_store = route.path == "/store" and self.command not in READ
        if route.path == "/store" and writes_store:
            if not self.server.writable:
                self._discard_body()
                raise Refused(403, "this server is read-only: start it with `tiltaksgraf serve --writable`")
            self._forward(self._body_chunks())
            return
        body = self._read_body() if self.command == "POST" else b""
        kind, text = self._sparql_text(route, body)
        if kind == "update" and not self.server.writable:
            raise Refused(403, "this server is read-only: start it with `tiltaksgraf serve --writable` for updates")
        if kind == "update" and route.path == "/query":
            raise Refused(403, "/query takes queries only: send updates to /update")
        if kind != "store" and uses_keyword(text, "SERVICE"):
            raise Refused(403, "SERVICE is refused: this server sends no requests to other addresses")
        self._forward(body if self.command == "POST" else None)

    # --- bodies ---------------------------------------------------------------------------------------

    def _body_chunks(self, limit: int | None = None) -> Iterator[bytes]:
        """The request body as it arrives (Content-Length or chunked), at most ``limit`` bytes."""
        total = 0
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            while True:
                size_line = self.rfile.readline(1024)
                try:
                    size = int(size_line.split(b";")[0].strip() or b"x", 16)
                except ValueError as exc:
                    raise Refused(400, "a chunk of the request is malformed") from exc
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return
                total += size
                if limit is not None and total > limit:
                    raise Refused(413, f"the request is larger than {limit // 2**20} MB")
                yield self.rfile.read(size)
                self.rfile.readline(16)
        length = self.headers.get("Content-Length", "0").strip()
        if not length.isdigit():
            raise Refused(411, "give the request body with a Content-Length or chunked")
        left = int(length)
        if limit is not None and left > limit:
            raise Refused(413, f"the request is larger than {limit // 2**20} MB")
        while left > 0:
            piece = self.rfile.read(min(left, _CHUNK))
            if not piece:
                raise ClientGone
            left -= len(piece)
            yield piece

    def _read_body(self) -> bytes:
        return b"".join(self._body_chunks(MAX_REQUEST_BYTES))

    def _discard_body(self) -> None:
        self.close_connection = True

    # --- passing a request to a backend ---------------------------------------------------------------

    def _forward(self, body: bytes | Iterator[bytes] | None) -> None:
        server = self.server
        deadline = time.monotonic() + server.timeout
        backend = server.pool.acquire(server.timeout)
        if backend is None:
            raise Refused(503, f"every worker is busy (the time limit of {server.timeout:g} s passed waiting)")
        head_sent, healthy = False, False
        where = f"{self.command} {self.path[:120]}"
        try:
            response, sock = self._ask(backend, body, deadline)
            head_sent = True
            self._relay(response, sock, deadline)
            response.close()
            backend.drop_connection()
            healthy = True
        except Deadline:
            server.note(f"{where}: stopped at the time limit of {server.timeout:g} s")
            self._stopped(
                head_sent,
                f"the query ran past the server's time limit of {server.timeout:g} s and was stopped: "
                "narrow the query, or raise the limit (tiltaksgraf serve --timeout)",
            )
        except ClientGone:
            server.note(f"{where}: the client went away; its query was stopped")
            self.close_connection = True
        except (OSError, http.client.HTTPException) as exc:
            server.note(f"{where}: the store process failed ({exc!r}); it is replaced")
            self._stopped(head_sent, "the store process failed on this request and was restarted: try again")
        finally:
            if healthy:
                server.pool.release(backend)
            else:
                server.pool.discard(backend)  # killed: whatever it was computing stops now

    def _ask(
        self, backend: Backend, body: bytes | Iterator[bytes] | None, deadline: float
    ) -> tuple[http.client.HTTPResponse, socket.socket]:
        """Send the request to the backend and wait for its answer's head, watching the clock and the client."""
        conn = backend.connect(max(deadline - time.monotonic(), 0.01))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP | {"host"}}
        headers["Host"] = f"{HOST}:{backend.port}"
        chunked = body is not None and not isinstance(body, bytes)
        conn.request(self.command, self.path, body=body, headers=headers, encode_chunked=chunked)
        sock = conn.sock
        assert sock is not None
        with selectors.DefaultSelector() as watch:
            watch.register(sock, selectors.EVENT_READ, "backend")
            watch.register(self.connection, selectors.EVENT_READ, "client")
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Deadline
                ready = {key.data for key, _ in watch.select(min(left, 1.0))}
                if "backend" in ready:
                    break
                if "client" in ready:
                    if not self.connection.recv(1, socket.MSG_PEEK):
                        raise ClientGone
                    watch.unregister(self.connection)  # it sent its next request: answer this one first
        sock.settimeout(max(deadline - time.monotonic(), 0.01))
        try:
            return conn.getresponse(), sock
        except TimeoutError as exc:
            raise Deadline from exc

    def _relay(self, response: http.client.HTTPResponse, sock: socket.socket, deadline: float) -> None:
        """Send the backend's answer on to the client as it comes, within the deadline."""
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in _HOP_BY_HOP:
                self.send_header(name, value)
        length = response.getheader("Content-Length")
        bodiless = self.command == "HEAD" or response.status in (204, 304) or 100 <= response.status < 200
        self._chunked_out = not bodiless and length is None
        if length is not None:
            self.send_header("Content-Length", length)
        if self._chunked_out:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if bodiless:
            response.read()
            return
        pending = bytearray()  # oxigraph sends a chunk a solution: pass them on in pieces of _CHUNK
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Deadline
            sock.settimeout(left)
            try:
                piece = response.read1(_CHUNK)
            except TimeoutError as exc:
                raise Deadline from exc
            if not piece:
                break
            pending += piece
            if len(pending) >= _CHUNK:
                self._write(bytes(pending))
                pending.clear()
        if pending:
            self._write(bytes(pending))
        if self._chunked_out:
            self._send(b"0\r\n\r\n")

    _chunked_out = False

    def _write(self, piece: bytes) -> None:
        self._send(b"%x\r\n%s\r\n" % (len(piece), piece) if self._chunked_out else piece)

    def _send(self, data: bytes) -> None:
        try:
            self.wfile.write(data)
        except OSError as exc:
            raise ClientGone from exc

    def _stopped(self, sent_head: bool, message: str) -> None:
        if not sent_head:
            self._plain(503, message, close=True)
            return
        with contextlib.suppress(ClientGone):  # say why, then end without the last chunk: the answer is incomplete
            self._write(f"\n{message}\n".encode())
        self.close_connection = True

    def _plain(self, status: int, message: str, close: bool = False) -> None:
        body = (message + "\n").encode("utf-8")
        with contextlib.suppress(OSError):
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if close:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        if close:
            self.close_connection = True


def serve(
    location: Path | None,
    port: int,
    writable: bool = False,
    timeout: float = 60.0,
    workers: int = 2,
    log: IO | None = None,
    ready: Callable[[Front], None] | None = None,
    site: Path | None = None,
    data: Path | None = None,
) -> None:
    """Serve the store in ``location``, or (read-only) the graph file ``data`` held in memory by each backend,
    and the site in the folder ``site``, if given, until interrupted (KeyboardInterrupt: SIGINT, or a
    handler's SIGTERM)."""
    pool = Pool(location, writable, workers, log, data)
    stop = threading.Event()
    front = None
    try:
        pool.start()
        front = Front(port, pool, writable, timeout, log, Site(site) if site is not None else None)
        threading.Thread(target=front.serve_forever, name="front", daemon=True).start()
        if ready is not None:
            ready(front)
        pool.supervise(stop)
    finally:
        stop.set()
        if front is not None:
            front.shutdown()
            front.server_close()
        pool.stop()


def stop_on_signals() -> None:
    """SIGTERM and SIGHUP (a closed terminal) stop the server as Ctrl-C does, backends and all."""

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)


def main(argv: list[str] | None = None) -> int:
    """``python -m tiltaksgraf.graph.front``: serve an already loaded store (for :func:`graph.server.start`)."""
    p = argparse.ArgumentParser(prog="python -m tiltaksgraf.graph.front")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--location", type=Path, help="a store folder loaded by `oxigraph load`")
    where.add_argument("--data", type=Path, help="a graph file (.ttl, .nt) each backend holds in memory (read-only)")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--writable", action="store_true")
    p.add_argument("--timeout", type=float, default=60.0)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--site", type=Path, help="a folder written by `tiltaksgraf site`, served beside the endpoint")
    args = p.parse_args(argv)
    stop_on_signals()
    try:
        if args.data is not None and args.writable:
            raise ServerError("a graph in memory is served read-only: give --location for --writable")
        with hold_location(args.location) if args.location is not None else contextlib.nullcontext():
            serve(
                args.location,
                args.port,
                args.writable,
                args.timeout,
                args.workers,
                sys.stderr,
                lambda front: print(f"serving on {HOST}:{front.port}", flush=True),
                args.site,
                args.data,
            )
    except KeyboardInterrupt:
        return 0
    except ServerError as exc:
        print(f"tiltaksgraf serve: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
