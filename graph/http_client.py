"""One HTTP request with a deadline for the whole of it and a bound on the size of the answer.

A socket time-out limits each read, so a server that sends a byte a second could keep a client waiting
for ever; here a watchdog shuts the connection down when ``timeout`` seconds have passed since the
request began, however the time was spent (connecting, sending, waiting, reading). An answer longer than
``max_bytes`` is refused while it arrives, so a runaway result cannot fill the memory. Every failure is a
:class:`~graph.results.QueryError` with one line that says what happened and what to do.
"""

from __future__ import annotations

import contextlib
import threading
import time
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tiltaksgraf.graph.results import QueryError

USER_AGENT = "tiltaksgraf"
#: The largest answer a client reads (documented in the README): a SELECT of every triple of the report's
#: graph is about 12 MB as SPARQL JSON.
MAX_ANSWER_BYTES = 128 * 1024 * 1024
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, media type (without parameters) and the whole body."""

    status: int
    content_type: str
    body: bytes

    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


#: At most this much of what a server says goes into an error message.
SERVER_TEXT_LIMIT = 2000


def _said(body: bytes) -> str:
    """What a server said about an error, on one line: whole, so a syntax error is not cut off, up to
    :data:`SERVER_TEXT_LIMIT` characters."""
    said = " ".join(body.decode("utf-8", "replace").split())
    return said if len(said) <= SERVER_TEXT_LIMIT else said[: SERVER_TEXT_LIMIT - 1] + "…"


def describe_status(status: int, reason: str, body: bytes, url: str) -> str:
    """One line for an HTTP error status, with what the server said."""
    said = _said(body)
    detail = f": {said}" if said else ""
    if status == 400:
        return f"the endpoint rejects the request as malformed{detail}"
    if status == 403 and said:
        return f"{url} refuses this (HTTP 403 Forbidden): {said}"
    if status == 403:
        return f"{url} refuses this (HTTP 403 Forbidden): a read-only server? (tiltaksgraf serve --writable)"
    if status in (404, 405):
        return f"there is no SPARQL endpoint at {url} (HTTP {status}): check the URL"
    if status == 401:
        return f"{url} asks for credentials (HTTP 401)"
    if status == 414:
        return f"{url} refuses the request as too long (HTTP 414)"
    if status == 503 and said:
        return f"{url} answered HTTP 503: {said}"
    return f"{url} answered HTTP {status} {reason}{detail}"


def request(
    method: str,
    url: str,
    body: bytes | Iterable[bytes] | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 30.0,
    max_bytes: int = MAX_ANSWER_BYTES,
) -> Answer:
    """Send one request and read the whole answer within ``timeout`` seconds; HTTP errors raise.

    ``body`` may be an iterable of chunks (sent with chunked transfer encoding, as it is produced).
    A 2xx answer is returned; anything else raises :class:`QueryError` with what the server said.
    """
    import http.client  # here, not at the top: a command that makes no request does not pay for these imports
    import socket
    import ssl

    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QueryError(f"an endpoint is an http:// or https:// URL, not {url!r}")
    try:
        port = parts.port
    except ValueError as exc:
        raise QueryError(f"{url!r} has no valid port: {exc}") from exc
    path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = kind(parts.hostname, port, timeout=timeout)
    expired = threading.Event()

    def cut() -> None:  # the deadline: whatever the connection is doing, it stops now
        expired.set()
        sock = conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(timeout, cut)
    watchdog.daemon = True
    all_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    started = time.monotonic()
    received = bytearray()
    watchdog.start()
    try:
        chunked = body is not None and not isinstance(body, bytes | bytearray)
        conn.request(method, path, body=body, headers=all_headers, encode_chunked=chunked)
        response = conn.getresponse()
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise QueryError(_too_large(url, max_bytes))
        while piece := response.read(_CHUNK):
            if len(received) + len(piece) > max_bytes:
                raise QueryError(_too_large(url, max_bytes))
            received += piece
        if expired.is_set():  # the watchdog shut the socket: what was read is not the whole answer
            raise TimeoutError
        if declared and declared.isdigit() and len(received) < int(declared):
            raise http.client.IncompleteRead(b"", int(declared) - len(received))
        data = bytes(received)
    except QueryError:
        raise
    except (OSError, http.client.HTTPException, ssl.SSLError, ValueError) as exc:
        if expired.is_set() or isinstance(exc, TimeoutError | socket.timeout):
            waited = time.monotonic() - started
            raise QueryError(
                f"{url} did not answer within {timeout:g} s (gave up after {waited:.1f} s): "
                "is the server busy or stuck? (raise --timeout)"
            ) from exc
        tail = bytes(received[-400:])
        if b"time limit" in tail:  # tiltaksgraf's front stopped the query after part of the answer had gone out
            said = _said(tail.rsplit(b"\n\n", 1)[-1]) or "it stopped the query at its time limit"
            raise QueryError(f"{url} cut off its answer: {said}") from exc
        raise QueryError(describe_connection_failure(exc, url)) from exc
    finally:
        watchdog.cancel()
        conn.close()
    content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    if not 200 <= response.status < 300:
        if response.status in (301, 302, 303, 307, 308):
            where = response.getheader("Location") or "elsewhere"
            raise QueryError(f"{url} redirects to {where} (HTTP {response.status}): give that URL")
        raise QueryError(describe_status(response.status, response.reason, data, url))
    return Answer(response.status, content_type, data)


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"the answer from {url} is larger than {max_bytes // (1024 * 1024)} MB, the limit: "
        "narrow the query (a LIMIT, fewer columns) or ask for less at a time"
    )


def describe_connection_failure(exc: BaseException, url: str) -> str:
    """One line for a request that did not get an answer."""
    import http.client
    import socket

    if isinstance(exc, ConnectionRefusedError):
        return f"cannot reach {url}: connection refused; is the server running? (tiltaksgraf serve starts one)"
    if isinstance(exc, socket.gaierror):
        return f"cannot reach {url}: the host name does not resolve"
    if isinstance(exc, http.client.IncompleteRead | http.client.RemoteDisconnected | ConnectionResetError):
        return f"{url} closed the connection before the answer was complete: check the server's log"
    if isinstance(exc, BrokenPipeError):
        return f"{url} closed the connection while the request was being sent: check the server's log"
    if isinstance(exc, http.client.HTTPException):
        return f"{url} did not answer in HTTP ({type(exc).__name__}): is it a SPARQL endpoint?"
    first = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    return f"cannot reach {url}: {first}"
