"""The server's front against real requests (issue 10, findings 1, 2, 3, 11): parameters stay data over HTTP, no
SERVICE leaves the machine, a query past the time limit is stopped and its core freed, and no other web page
can write to a writable server."""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from tiltaksgraf.graph.backends import spawn
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.queries import QueryError, run_named, run_query
from tiltaksgraf.graph.server import HOST, free_port, load, start

from tests.graph.test_binding import ECHO, TWO_TEXTS, values

EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def send(server, method: str, path: str, body: str = "", headers: dict | None = None, timeout: float = 30):
    """One raw request to the server: (status, text)."""
    conn = http.client.HTTPConnection(HOST, server.port, timeout=timeout)
    try:
        conn.request(method, path, body.encode("utf-8") if body else None, headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def form(**fields: str) -> str:
    return urllib.parse.urlencode(fields)


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class Listener:
    """A socket on loopback that counts the connections it gets: where a SERVICE call would go."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind((HOST, 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.url = f"http://{HOST}:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    it = Listener()
    yield it
    it.close()


def backends_of(server) -> set[int]:
    """The process ids of the oxigraph backends behind a server (the front's children)."""
    children: set[int] = set()
    for task in Path(f"/proc/{server.process.pid}/task").iterdir():
        try:
            children |= {int(p) for p in (task / "children").read_text().split()}
        except FileNotFoundError:  # the thread ended between the listing and the read
            continue
    return children


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100


@pytest.fixture(scope="module")
def limited_server(graph_file: Path, tmp_path_factory: pytest.TempPathFactory):
    """A read-only server whose requests stop after 2 s (the graph in memory, as `serve` holds it)."""
    folder = tmp_path_factory.mktemp("limited")
    with (folder / "log").open("w") as log, start(None, free_port(), timeout_s=2, log=log, data=graph_file) as server:
        yield server


# --- finding 1: parameters stay data, over HTTP too ---------------------------------------------------------


def test_the_reproducers_match_nothing_over_http(read_only_server):
    endpoint = Endpoint(read_only_server.query_url)
    assert run_named(endpoint, TWO_TEXTS, {"a": 'zzz\n\\"', "b": ") ('' '') } #"}).rows == []
    assert run_named(endpoint, "measures-mentioning", {"text": 'x\n\\"'}).rows == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(needle=values)
def test_any_string_comes_back_as_itself_from_a_real_server(read_only_server, needle):
    assert run_named(Endpoint(read_only_server.query_url), ECHO, {"needle": needle}).rows == [[needle]]


# --- finding 2: no SERVICE -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
        "select * where { service silent <{url}> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o .SERVICE <{url}> { ?x ?y ?z } } LIMIT 1",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } } } }",
    ],
)
def test_a_read_only_server_makes_no_outbound_request(read_only_server, listener, query):
    text = query.replace("{url}", listener.url)
    status, said = send(read_only_server, "POST", "/query", form(query=text), FORM)
    assert (status, said) == (403, "SERVICE is refused: this server sends no requests to other addresses\n")
    status, _ = send(read_only_server, "GET", "/query?" + form(query=text))
    assert status == 403
    time.sleep(0.3)
    assert listener.connections == 0


def test_oxigraph_alone_would_have_made_the_request(tmp_path, graph_file, listener):
    """The control: the same query sent straight to an oxigraph backend does reach the listener."""
    load(tmp_path / "store", graph_file)
    backend = spawn(tmp_path / "store", writable=False, log=None)
    try:
        query = f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"
        conn = http.client.HTTPConnection(HOST, backend.port, timeout=10)
        conn.request("GET", "/query?" + form(query=query))
        conn.getresponse().read()
        time.sleep(0.3)
        assert listener.connections >= 1
    finally:
        backend.kill()


def test_a_writable_server_refuses_service_in_updates_too(writable_server, listener):
    update = f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    status, _ = send(writable_server, "POST", "/update", update, {"Content-Type": "application/sparql-update"})
    assert status == 403 and listener.connections == 0


# --- finding 3: the time limit stops the work -------------------------------------------------------------------


def test_an_expensive_query_is_stopped_at_the_limit_and_its_core_freed(limited_server):
    before = backends_of(limited_server)
    started = time.monotonic()
    with pytest.raises(QueryError, match="ran past the server's time limit of 2 s and was stopped"):
        run_query(Endpoint(limited_server.query_url, timeout=30), EXPENSIVE)
    assert time.monotonic() - started < 6
    deadline = time.monotonic() + 5
    while backends_of(limited_server) & before == before and time.monotonic() < deadline:
        time.sleep(0.1)
    killed = before - backends_of(limited_server)
    assert killed and all(not Path(f"/proc/{pid}").exists() for pid in killed)  # the worker that ran it is gone
    assert run_named(Endpoint(limited_server.query_url), "measures").rows  # and a fresh one answers
    time.sleep(0.5)
    for pid in backends_of(limited_server):  # nothing is left computing
        spent = cpu_seconds(pid)
        time.sleep(1)
        assert cpu_seconds(pid) - spent < 0.5


def test_the_backend_that_replaces_a_killed_one_holds_the_graph_again(graph_file: Path, tmp_path: Path):
    """In memory, a fresh backend starts empty: the pool loads the graph into it before it answers."""
    with (
        (tmp_path / "log").open("w") as log,
        start(None, free_port(), timeout_s=2, log=log, workers=1, data=graph_file) as server,
    ):
        [first] = backends_of(server)
        with pytest.raises(QueryError, match="ran past the server's time limit"):
            run_query(Endpoint(server.query_url, timeout=30), EXPENSIVE)
        assert len(run_named(Endpoint(server.query_url, timeout=30), "measures").rows) == 82
        assert first not in backends_of(server)  # the answer came from the one backend, a new one


def test_a_client_that_goes_away_stops_its_query(read_only_server):
    before = backends_of(read_only_server)
    with pytest.raises(QueryError, match="did not answer within 1 s"):
        run_query(Endpoint(read_only_server.query_url, timeout=1), EXPENSIVE)
    deadline = time.monotonic() + 5  # the server's own limit is 30 s: the client's leaving stopped it
    while backends_of(read_only_server) >= before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not backends_of(read_only_server) >= before


def test_other_queries_are_answered_while_one_runs_long(limited_server):
    slow = threading.Thread(target=lambda: send(limited_server, "POST", "/query", form(query=EXPENSIVE), FORM))
    slow.start()
    time.sleep(0.3)
    started = time.monotonic()
    assert len(run_named(Endpoint(limited_server.query_url), "measures").rows) == 82
    assert time.monotonic() - started < 2  # answered while the other query runs on (it takes 2 s)
    slow.join(10)


# --- finding 11: no writes from other web pages -----------------------------------------------------------------


def test_a_form_post_from_another_origin_cannot_drop_the_store(writable_server):
    send(
        writable_server,
        "POST",
        "/update",
        "INSERT DATA { <urn:x:s> <urn:x:p> 1 }",
        {"Content-Type": "application/sparql-update"},
    )
    attack = form(update="DROP ALL")
    for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
        status, said = send(writable_server, "POST", "/update", attack, FORM | headers)
        assert status == 403 and "cross-origin POST refused" in said
        status, _ = send(writable_server, "POST", "/sparql", attack, FORM | headers)
        assert status == 403
    assert int(run_query(Endpoint(writable_server.query_url), COUNT).rows[0][0]) > 0
    own = f"http://127.0.0.1:{writable_server.port}"
    status, _ = send(
        writable_server, "POST", "/update", form(update="INSERT DATA { <urn:x:t> <urn:x:p> 2 }"), FORM | {"Origin": own}
    )
    assert status == 204


def test_a_page_that_rebinds_its_name_to_127_0_0_1_gets_nothing(read_only_server):
    status, said = send(read_only_server, "GET", "/query?" + form(query=COUNT), headers={"Host": "evil.example:7878"})
    assert status == 403 and "127.0.0.1 and localhost only" in said


def test_a_read_only_server_refuses_every_write(read_only_server):
    for method, path, body, kind in (
        ("POST", "/update", "DROP ALL", "application/sparql-update"),
        ("POST", "/sparql", form(update="DROP ALL"), FORM["Content-Type"]),
        ("PUT", "/store?default", "<urn:x:a> <urn:x:b> <urn:x:c> .", "application/n-triples"),
        ("DELETE", "/store?default", "", "text/plain"),
    ):
        status, said = send(read_only_server, method, path, body, {"Content-Type": kind})
        assert status == 403 and "read-only" in said, (method, path)
    assert int(run_query(Endpoint(read_only_server.query_url), COUNT).rows[0][0]) > 35000
