"""Your own SPARQL on a real Oxigraph server answers as on the embedded store: the predeclared prefixes,
ASK, CONSTRUCT and DESCRIBE, typed results, and syntax errors at their place in the query."""

from __future__ import annotations

import pytest
from tiltaksgraf.graph.endpoint import Endpoint
from tiltaksgraf.graph.formats import render
from tiltaksgraf.graph.results import Boolean, QueryError, Triples
from tiltaksgraf.graph.sources import run_sparql

QUERIES = [
    "SELECT ?o ?n WHERE { ?o tg:acronym ?a ; skos:prefLabel ?n FILTER (?a IN ('NKVTS', 'JD')) } ORDER BY ?o ?n",
    "SELECT (COUNT(?m) AS ?n) (1.5 AS ?x) (true AS ?b) WHERE { ?m a tg:Measure }",
    "ASK { tgorg:nkvts a org:FormalOrganization }",
    "ASK { tgorg:nosuch ?p ?o }",
    "CONSTRUCT { ?o rdfs:label ?a } WHERE { ?o tg:acronym ?a FILTER (?a IN ('NKVTS', 'JD')) }",
    "DESCRIBE tgorg:nkvts",
]


@pytest.mark.parametrize("text", QUERIES)
def test_the_server_answers_as_the_embedded_store(read_only_server, store, text):
    over_http = run_sparql(Endpoint(read_only_server.query_url), text)
    embedded = run_sparql(store, text)
    assert type(over_http) is type(embedded)
    if isinstance(embedded, Triples):
        assert sorted(map(str, over_http.triples)) == sorted(map(str, embedded.triples)) != []
    elif isinstance(embedded, Boolean):
        assert over_http == embedded
    else:
        assert render(over_http, "json") == render(embedded, "json")  # the same terms, datatypes and languages
        assert render(over_http, "records") == render(embedded, "records")


def test_a_syntax_error_on_the_server_points_into_the_query_as_written(read_only_server):
    """The predeclared prefixes go on one line before the query: the server's line numbers are mapped back."""
    text = "SELECT ?m\nWHERE {\n  ?m a tg:Measure .\n  FILTER (?m = )\n}"
    with pytest.raises(QueryError) as failure:
        run_sparql(Endpoint(read_only_server.query_url), text)
    lines = str(failure.value).splitlines()
    assert lines[0].startswith(f"{read_only_server.query_url}: the query does not parse: line ")
    number = int(lines[0].split("line ")[1].split(",")[0])
    assert lines[1] == f"  {number} | {text.splitlines()[number - 1]}" and lines[2].rstrip().endswith("^")


def test_an_unknown_prefix_on_the_server_is_named(read_only_server):
    with pytest.raises(QueryError, match=r"(?s)line 2, column .*\(unknown prefix foaf: declare it"):
        run_sparql(Endpoint(read_only_server.query_url), "SELECT * WHERE {\n  ?s foaf:name ?o }")
