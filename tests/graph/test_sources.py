"""Every source gives the same rows: rdflib (for code that holds a Graph) and the embedded Oxigraph store."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from tiltaksgraf.graph.binding import sparql_term, with_values
from tiltaksgraf.graph.build import build_graph
from tiltaksgraf.graph.queries import QueryError, named_queries, run_named
from tiltaksgraf.graph.store import store_from_graph

from tests.conftest import MINI


@pytest.fixture(scope="module")
def mini_graph():
    return build_graph([MINI]).graph


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_rdflib_and_the_embedded_store_agree_on_the_mini_world(mini_graph, name):
    """The whole library on the five-measure fixture world (small enough for rdflib's slow joins)."""
    values = {"measure": "1"} if name in ("measure-story", "organisations-of-measure", "evidence-of-measure") else {}
    assert run_named(mini_graph, name, values) == run_named(store_from_graph(mini_graph), name, values)


def test_values_block_opens_the_where_group():
    text = with_values("SELECT ?x WHERE { ?x ?p ?v }", {"v": Literal("a"), "p": URIRef("https://x.org/p")})
    assert text == 'SELECT ?x WHERE { VALUES (?v ?p) { ("a" <https://x.org/p>) }  ?x ?p ?v }'


@pytest.mark.parametrize("bad", ["https://x.org/a> } SELECT * {", "https://x.org/a b", 'https://x.org/"'])
def test_an_iri_that_would_not_be_one_term_is_refused(bad):
    with pytest.raises(QueryError, match="not an absolute IRI"):
        sparql_term(URIRef(bad))


def test_a_query_without_a_where_group_cannot_take_parameters():
    with pytest.raises(QueryError, match="no WHERE"):
        with_values("SELECT ?x", {"x": Literal(1)})
    with pytest.raises(QueryError, match="never closed"):
        with_values('SELECT ("open { ?x } AS ?y) WHERE { ?x ?p ?o }', {"x": Literal(1)})
