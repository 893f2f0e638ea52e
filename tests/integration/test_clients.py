"""Clients of an endpoint (issue 10, findings 8 and 13): the time limit is for the whole request, answers are
bounded, a time limit must be a number of seconds above 0, and answers that are no SPARQL results, or the
wrong ones, are one line with exit 2."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.queries import QueryError, run_query
from tiltaksgraf.graph.server import HOST

from tiltaksgraf.cli import main

SELECT = "SELECT * WHERE { ?s ?p ?o }"


@contextmanager
def fake_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A server on loopback that reads a request and then answers with ``answer(conn)``, one thread a client."""
    listener = socket.socket()
    listener.bind((HOST, 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=_handle, args=(conn,), daemon=True).start()

    def _handle(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)
                answer(conn)
            except OSError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{listener.getsockname()[1]}/query"
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def trickle(conn: socket.socket) -> None:
    """A byte a second, for a minute: each read gets something, the answer never ends."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(60):
        conn.sendall(b" ")
        time.sleep(1)


def endless(conn: socket.socket) -> None:
    """A results document that never ends, as fast as the client takes it."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n")
    conn.sendall(b'{"head":{"vars":["s"]},"results":{"bindings":[')
    row = b'{"s":{"type":"literal","value":"' + b"x" * 1000 + b'"}},'
    for _ in range(100_000):
        conn.sendall(row * 64)


def json_answer(document: object, kind: str = "application/sparql-results+json") -> Callable[[socket.socket], None]:
    body = json.dumps(document).encode()

    def answer(conn: socket.socket) -> None:
        conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)

    return answer


def test_a_server_that_trickles_is_given_up_on_at_the_deadline(capsys):
    with fake_server(trickle) as url:
        started = time.monotonic()
        assert main(["query", "measures", "--endpoint", url, "--timeout", "3"]) == 2
        assert time.monotonic() - started < 6  # not the 45 s and more of a per-read time-out
    err = capsys.readouterr().err
    assert "did not answer within 3 s" in err and len(err.splitlines()) == 1


def test_an_endless_answer_is_refused_past_the_limit():
    with fake_server(endless) as url, pytest.raises(QueryError, match=r"larger than 8 MB, the limit"):
        run_query(Endpoint(url, timeout=30, max_bytes=8 * 1024 * 1024), SELECT)


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon", "1e9"])
@pytest.mark.parametrize(
    "command",
    [
        ["query", "measures", "--endpoint", "http://127.0.0.1:9/query"],
        ["publish", "--endpoint", "http://127.0.0.1:9/update"],
        ["serve"],
        ["trace", "19", "--endpoint", "http://127.0.0.1:9/query"],
    ],
)
def test_a_time_limit_is_a_number_of_seconds_above_0(command, value, capsys):
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--timeout", value])
    assert stopped.value.code == 2
    assert f"--timeout: takes a number of seconds above 0 (at most 1000000), not {value!r}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (json_answer({"html": 1}, "text/html"), "answered with text/html, not SPARQL JSON results"),
        (json_answer({"head": {}}), "not a SPARQL results document (head.vars is not a list of names)"),
        (
            json_answer({"head": {"vars": ["x"]}, "results": {"bindings": [{"y": {"type": "uri", "value": "u"}}]}}),
            "binds a variable that is not in head.vars",
        ),
        (json_answer({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"value": 3}}]}}), "is not an RDF term"),
    ],
)
def test_an_answer_that_is_no_sparql_results_is_refused(answer, said, capsys):
    with fake_server(answer) as url:
        assert main(["query", "measures", "--endpoint", url]) == 2
    err = capsys.readouterr().err
    assert said in err and len(err.splitlines()) == 1


def test_trace_given_other_columns_by_a_server_says_so(capsys):
    other = {"head": {"vars": ["a"]}, "results": {"bindings": [{"a": {"type": "literal", "value": "1"}}]}}
    with fake_server(json_answer(other)) as url:
        assert main(["trace", "19", "--endpoint", url]) == 2  # the measure's number is looked up first
        err = capsys.readouterr().err
        assert "has the columns a, not the columns of query 'params/measure'" in err and len(err.splitlines()) == 1
        assert main(["trace", "--endpoint", url]) == 2
        err = capsys.readouterr().err
        assert "not the columns of query 'continuation-table'" in err and len(err.splitlines()) == 1


def test_a_parameter_that_is_not_utf8_is_refused_before_it_is_sent(read_only_server, capsys):
    text = b"caf\xe9".decode("utf-8", "surrogateescape")  # what Python makes of a Latin-1 argument
    assert main(["query", "measures-mentioning", "-p", f"text={text}", "--endpoint", read_only_server.query_url]) == 2
    err = capsys.readouterr().err
    assert "is not valid UTF-8 text" in err and len(err.splitlines()) == 1
