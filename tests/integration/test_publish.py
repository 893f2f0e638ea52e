"""publish against real servers (issue 10, findings 4, 10, 13): concurrent publishes leave exactly one version and
the loser says so; what arrived is counted; a 200 that is no SPARQL answer is refused; a slow MOVE is reported as
what it did; a killed publish leaves nothing that the next one does not remove."""

from __future__ import annotations

import http.client
import http.server
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from tiltaksgraf.graph.backends import spawn
from tiltaksgraf.graph.build import build_graph, write_outputs
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.publish import PublishError, publish
from tiltaksgraf.graph.queries import run_query
from tiltaksgraf.graph.server import HOST

from tests.conftest import MINI
from tiltaksgraf.cli import main

GRAPH = "https://w3id.org/tiltaksgraf/id/graph"
MEASURES = "PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#> SELECT (COUNT(?m) AS ?n) WHERE { ?m a tg:Measure }"
TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g"


@pytest.fixture(scope="module")
def mini_file(tmp_path_factory) -> Path:
    return write_outputs(build_graph([MINI]), tmp_path_factory.mktemp("mini"))["ntriples"]


@pytest.fixture(scope="module")
def tiny_file(tmp_path_factory) -> Path:
    """A version of 40 triples and no measure: quick to publish, and told apart from the others by its count."""
    path = tmp_path_factory.mktemp("tiny") / "tiny.nt"
    path.write_text("".join(f'<urn:tiny:s{i}> <urn:tiny:p> "{i}" .\n' for i in range(40)))
    return path


def state(url: str, graph: str) -> tuple[int, int]:
    """(measures, triples) in the named graph."""
    endpoint = Endpoint(url, graph_iri=graph)
    return int(run_query(endpoint, MEASURES).rows[0][0]), int(run_query(endpoint, TRIPLES).rows[0][0])


def graphs(url: str) -> list[str]:
    return [r[0] for r in run_query(Endpoint(url), GRAPHS).rows]


@pytest.fixture(scope="module")
def raw_oxigraph(tmp_path_factory):
    """`oxigraph serve` with no front: concurrent MOVEs interleave there, so only publish's claim keeps them apart."""
    backend = spawn(tmp_path_factory.mktemp("raw") / "store", writable=True, log=None)
    yield f"http://{HOST}:{backend.port}"
    backend.kill()


@pytest.mark.parametrize("where", ["front", "raw oxigraph"])
def test_concurrent_publishes_leave_exactly_one_version_and_the_loser_says_so(
    where, writable_server, raw_oxigraph, graph_file, mini_file
):
    base = writable_server.base_url if where == "front" else raw_oxigraph
    target = f"{GRAPH}/race-{where.replace(' ', '-')}"
    versions = {(5, None), (82, None)}
    outcomes: list[str] = []
    for _ in range(3):
        results: dict[Path, object] = {}

        def run(path: Path, results: dict = results) -> None:
            try:
                results[path] = publish(path, f"{base}/update", target, f"{base}/store")
            except PublishError as exc:
                results[path] = exc

        threads = [threading.Thread(target=run, args=(p,)) for p in (graph_file, mini_file)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        measures, triples = state(f"{base}/query", target)
        assert (measures, None) in versions  # one version whole: never a mix of both
        winners = [p for p, r in results.items() if not isinstance(r, Exception)]
        for result in results.values():
            if isinstance(result, Exception):
                assert "another publish of" in str(result) and "gave way and changed nothing" in str(result)
                outcomes.append("gave way")
            else:
                outcomes.append("published")
        if len(winners) == 1:  # the graph is the winner's
            assert triples == len(set(winners[0].read_text().splitlines())) or winners[0].suffix == ".ttl"
    assert "published" in outcomes


def test_publish_to_a_page_that_answers_200_to_everything_is_refused(tmp_path, mini_file, capsys):
    class Page(http.server.BaseHTTPRequestHandler):
        def _page(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b"<html><body>Welcome</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _page

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer((HOST, 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://{HOST}:{server.server_address[1]}/update"
    try:
        assert main(["publish", "--endpoint", url, "--graph", str(mini_file)]) == 2
        err = capsys.readouterr().err
        assert "answered with text/html, not SPARQL JSON results" in err and "nothing was changed" in err
        assert len(err.splitlines()) == 1
    finally:
        server.shutdown()


def test_an_update_endpoint_of_another_store_is_found_out_by_the_count(writable_server, raw_oxigraph, mini_file):
    """Updates go to one store and queries to another: the claim does not arrive, and nothing is published."""
    with pytest.raises(PublishError, match="did not arrive in the store behind"):
        publish(mini_file, f"{raw_oxigraph}/update", f"{GRAPH}/elsewhere", query_url=writable_server.query_url)


class SlowMove(http.server.BaseHTTPRequestHandler):
    """Passes requests to a server; a MOVE is passed on (or not) and answered only after `delay` seconds."""

    upstream: int
    forward_move = True
    delay = 3.0

    def _pass(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, headers, data = self._upstream(body)
        if b"MOVE" in body:
            time.sleep(self.delay)
        self.send_response(status)
        for k, v in headers:
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _upstream(self, body: bytes):
        if b"MOVE" in body and not self.forward_move:
            return 204, [], b""
        conn = http.client.HTTPConnection(HOST, self.upstream, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
        conn.request(self.command, self.path, body, headers)
        r = conn.getresponse()
        return r.status, r.getheaders(), r.read()

    do_GET = do_POST = do_PUT = _pass

    def log_message(self, *args) -> None:
        pass


@pytest.mark.parametrize("forward", [True, False])
def test_a_slow_move_is_reported_as_what_it_did(writable_server, tiny_file, mini_file, forward):
    target = f"{GRAPH}/slow-{forward}"
    publish(tiny_file, writable_server.update_url, target)
    handler = type("Handler", (SlowMove,), {"upstream": writable_server.port, "forward_move": forward})
    proxy = http.server.ThreadingHTTPServer((HOST, 0), handler)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    base = f"http://{HOST}:{proxy.server_address[1]}"
    try:
        if forward:  # the MOVE happened; its answer came after the client gave up
            done = publish(mini_file, f"{base}/update", target, timeout=1.5)
            assert any("did not answer in time, but the new version is in place" in n for n in done.notes), done
            assert state(writable_server.query_url, target)[0] == 5
        else:  # the MOVE never reached the store
            with pytest.raises(
                PublishError, match=r"failed \(.*did not answer within 1.5 s.*the previous version is unchanged"
            ):
                publish(mini_file, f"{base}/update", target, timeout=1.5)
            assert state(writable_server.query_url, target) == (0, 40)
    finally:
        proxy.shutdown()


def test_what_a_killed_publish_leaves_behind_is_removed_by_the_next(writable_server, graph_file, mini_file):
    target = f"{GRAPH}/killed"
    command = [sys.executable, "-m", "tiltaksgraf.cli", "publish", "--endpoint", writable_server.update_url]
    command += ["--graph", str(graph_file), "--graph-iri", target]  # SPARQL Update, in chunks: slow enough to kill
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("uploaded"):  # the first chunk is in the store
            process.send_signal(signal.SIGKILL)
            break
    process.wait(30)
    assert [g for g in graphs(writable_server.query_url) if g.startswith(f"{target}-upload-")]
    done = publish(mini_file, writable_server.update_url, target, writable_server.store_url)
    assert any("upload graph(s) left by an interrupted publish" in n for n in done.notes)
    assert any("claim(s) of publishes that no longer run" in n for n in done.notes)
    assert not [g for g in graphs(writable_server.query_url) if g.startswith(f"{target}-upload-")]
    assert state(writable_server.query_url, target)[0] == 5
