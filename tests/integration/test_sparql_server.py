"""A real Oxigraph server on 127.0.0.1: every named query over HTTP gives the embedded store's rows,
publishing replaces a named graph atomically, and every failure is one clear line."""

from __future__ import annotations

import json
import signal
import socket
import threading
from pathlib import Path

import pytest
from rdflib import Graph
from tiltaksgraf.graph.build import build_graph, write_outputs
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.publish import PublishError, publish
from tiltaksgraf.graph.queries import QueryError, named_queries, run_named, run_query
from tiltaksgraf.graph.server import free_port, start

from tests.conftest import MINI
from tiltaksgraf.cli import main

GRAPH = "https://w3id.org/tiltaksgraf/id/graph"
CRAFTED = 'x" } } ; DROP ALL ; SELECT * { ?s ?p """\'\'\' \\u0022 <http://a> #'
COUNT_MEASURES = (
    "PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#> SELECT (COUNT(?m) AS ?n) WHERE { ?m a tg:Measure }"
)
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"

#: Values other than the defaults, so that every kind of parameter is bound over HTTP too.
OTHER_VALUES = [
    ("measures-by-ministry", {"ministry": "Landbruks- og matdepartementet"}),
    ("status-by-ministry", {"source": "body"}),
    ("measures-by-status", {"status": "not_started"}),
    ("organisations-of-measure", {"measure": "27"}),
    ("measures-of-organisation", {"organisation": "BFD"}),
    ("measures-by-organisation-type", {"type": "ministry"}),
    ("organisation-pairs", {"role": "responsible", "focus_area": "2"}),
    ("co-responsible-ministries", {"source": "overview"}),
    ("ministry-outcomes", {"source": "overview"}),
    ("measure-story", {"measure": "37"}),
    ("evidence-of-measure", {"measure": "27a"}),
    ("measures-mentioning", {"text": "Tidlig Inn"}),
    ("measures-mentioning", {"text": CRAFTED}),
    ("organisations-by-type", {"type": "competence-centre"}),
    ("measures", {"plan": "frihet-fra-vold"}),  # the plan parameter every query has
]
CASES = [(name, {}) for name in named_queries()] + OTHER_VALUES


@pytest.fixture(scope="module")
def mini_graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five-measure fixture world, built: an «old version» to publish over."""
    return write_outputs(build_graph([MINI]), tmp_path_factory.mktemp("mini"))["ntriples"]


@pytest.fixture(scope="module")
def published(writable_server, graph_file) -> Endpoint:
    """The real graph published into the named graph GRAPH, queried as the default graph."""
    done = publish(graph_file, writable_server.update_url, GRAPH, writable_server.store_url)
    assert done.triples > 13000
    return Endpoint(writable_server.query_url, graph_iri=GRAPH)


def measures_in(server, graph_iri: str) -> int:
    return int(run_query(Endpoint(server.query_url, graph_iri=graph_iri), COUNT_MEASURES).rows[0][0])


# --- the same rows everywhere -------------------------------------------------------------------


@pytest.mark.parametrize(("name", "values"), CASES, ids=[f"{n}{'-' + '-'.join(v) if v else ''}" for n, v in CASES])
def test_every_named_query_over_http_gives_the_embedded_rows(
    store, published, read_only_server, disk_server, name, values
):
    expected = run_named(store, name, values)
    assert run_named(published, name, values) == expected  # published into a named graph
    assert run_named(Endpoint(read_only_server.query_url), name, values) == expected  # `serve`: in memory
    assert run_named(Endpoint(disk_server.query_url), name, values) == expected  # `serve --store disk`
    if values.get("text") == CRAFTED:
        assert expected.rows == []


def test_the_cases_cover_every_query_and_every_parameter():
    assert len(CASES) == len(named_queries()) + len(OTHER_VALUES) == 44
    with_params = {name for name, q in named_queries().items() if any(p.name != "plan" for p in q.params)}
    assert with_params <= {name for name, _ in OTHER_VALUES}


def test_a_crafted_value_is_data_over_http(published):
    probe = "# param: needle (literal)\nSELECT ?value WHERE { BIND (?needle AS ?value) }"
    from tiltaksgraf.graph.queries import parse_header

    query = parse_header("probe", Path("probe.rq"), probe)
    assert run_named(published, query, {"needle": CRAFTED}).rows == [[CRAFTED]]


# --- publishing ---------------------------------------------------------------------------------


def test_publish_replaces_the_graph_and_an_interrupted_upload_leaves_the_old_one(
    writable_server, graph_file, mini_graph_file
):
    target = f"{GRAPH}/atomic"
    publish(mini_graph_file, writable_server.update_url, target)  # by SPARQL Update
    assert measures_in(writable_server, target) == 5

    def interrupt(sent: int, total: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C after the first chunk has gone out

    for store_url in (writable_server.store_url, None):  # Graph Store Protocol (mid-stream), then Update
        with pytest.raises(PublishError, match=r"stopped after 2000 of \d+ triples \(interrupted\); the previous"):
            publish(graph_file, writable_server.update_url, target, store_url, progress=interrupt, chunk=2000)
        assert measures_in(writable_server, target) == 5  # the old version still answers
    graphs = [r[0] for r in run_query(Endpoint(writable_server.query_url), GRAPHS).rows]
    assert not [g for g in graphs if "-upload-" in g]  # no temporary graph is left behind

    publish(graph_file, writable_server.update_url, target, writable_server.store_url)
    assert measures_in(writable_server, target) == 82


def test_a_publish_cut_off_by_a_crashed_server_leaves_the_old_graph(tmp_path, graph_file, mini_graph_file):
    location, port = tmp_path / "store", free_port()
    with (tmp_path / "log").open("w") as log:
        server = start(location, port, writable=True, log=log)
        publish(mini_graph_file, server.update_url, GRAPH, server.store_url)

        def crash(sent: int, total: int) -> None:
            server.process.send_signal(signal.SIGKILL)
            server.process.wait()

        with pytest.raises(PublishError, match=r"the previous version of <.*> is unchanged"):
            publish(graph_file, server.update_url, GRAPH, None, progress=crash, chunk=2000)
        with start(location, port, writable=True, log=log) as again:  # the same store, after the crash
            assert measures_in(again, GRAPH) == 5


def test_the_read_only_server_refuses_an_update(read_only_server, mini_graph_file, capsys):
    with pytest.raises(PublishError, match=r"HTTP 403 Forbidden\): this server is read-only"):
        publish(mini_graph_file, read_only_server.update_url, GRAPH)
    code = main(["publish", "--endpoint", read_only_server.update_url, "--graph", str(mini_graph_file)])
    err = capsys.readouterr().err
    assert code == 2 and "refuses this (HTTP 403 Forbidden" in err and len(err.splitlines()) == 1
    assert int(run_query(Endpoint(read_only_server.query_url), COUNT_MEASURES).rows[0][0]) == 82


def test_publish_from_the_command_line(writable_server, graph_file, capsys):
    target = f"{GRAPH}/cli"
    argv = ["publish", "--endpoint", writable_server.update_url, "--store", writable_server.store_url]
    assert main([*argv, "--graph-iri", target, "--graph", str(graph_file)]) == 0
    out, err = capsys.readouterr()
    triples = len(Graph().parse(graph_file, format="turtle"))
    assert out == f"published {triples} triples to <{target}> (graph store protocol, then MOVE; checked: all there)\n"
    assert "uploaded" in err
    assert measures_in(writable_server, target) == 82


# --- failures are one clear line ----------------------------------------------------------------


def test_a_query_that_hits_the_server_timeout_is_an_error_not_a_short_table(impatient_server):
    slow = "SELECT ?a ?c WHERE { ?a ?p ?b . ?c ?q ?d FILTER (STRLEN(STR(?a)) < STRLEN(STR(?c)) - 150) }"
    with pytest.raises(QueryError, match="time limit of 1 s and was stopped"):
        run_query(Endpoint(impatient_server.query_url), slow)


def test_an_endpoint_that_is_down(capsys):
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(QueryError, match="connection refused; is the server running"):
        run_query(Endpoint(url), "SELECT * WHERE { ?s ?p ?o }")
    assert main(["query", "measures", "--endpoint", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tiltaksgraf query: error: cannot reach {url}: connection refused") and err.count("\n") == 1


def test_an_endpoint_that_never_answers():
    with socket.socket() as listener:  # accepts connections and says nothing
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        with pytest.raises(QueryError, match="did not answer within 1 s"):
            run_query(Endpoint(url, timeout=1), "SELECT * WHERE { ?s ?p ?o }")


def test_a_syntax_error_and_a_wrong_url(read_only_server):
    with pytest.raises(QueryError, match=r"/query: the query does not parse: line 1, column 37"):
        run_query(Endpoint(read_only_server.query_url), "SELECT * WHERE { ?s ?p ?o . FILTER(}")
    with pytest.raises(QueryError, match=r"there is no SPARQL endpoint at .* \(HTTP 40[45]\): check the URL"):
        run_query(Endpoint(read_only_server.base_url + "/"), "SELECT * WHERE { ?s ?p ?o }")


# --- the command line against a server ----------------------------------------------------------


def run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_query_and_trace_over_http_print_what_the_embedded_store_prints(read_only_server, graph_file, capsys):
    url = read_only_server.query_url
    for argv in (
        ["query", "measures", "-f", "csv"],
        ["query", "organisation-pairs", "-p", "role=responsible", "-f", "json"],
        ["trace", "19"],
        ["trace", "-f", "md"],
    ):
        assert run(capsys, *argv, "--endpoint", url) == run(capsys, *argv, "--graph", str(graph_file))
    rows = json.loads(run(capsys, "query", "continuation-table", "-f", "records", "--endpoint", url))
    assert next(r for r in rows if r["measure"] == "19")["commitment"].startswith("Regjeringen vil etablere")


def test_queries_values_over_http(read_only_server, capsys):
    out = run(capsys, "queries", "--values", "role", "--endpoint", read_only_server.query_url)
    assert out.splitlines()[2].startswith("administering") and "(11 rows)" in out


def test_parallel_queries_are_answered(published):
    """The server answers several clients at once (a query page and a script, say)."""
    results: list[int] = []

    def ask() -> None:
        results.append(len(run_named(published, "measures").rows))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == [82, 82, 82, 82]
