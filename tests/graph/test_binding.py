"""Parameters stay data: any Unicode string bound as a parameter matches only itself (issue 10, finding 1).

The same properties run over HTTP against a real server in tests/integration/test_front.py.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from tiltaksgraf.graph.binding import sparql_term, uses_keyword
from tiltaksgraf.graph.queries import QueryError, parse_header, run_named
from tiltaksgraf.graph.store import store_from_graph

#: Characters that end strings, IRIs, groups and lines, or escape them: what an injection is made of.
HOSTILE = [*list("\"'\\\n\r\t{}()<>#?$;.,*`^|~\u2028\u2029\x85\x0c\x0b\x00"), '"""', "'''", "\\u0022", '\\"', "} #"]
#: Any Unicode text (no lone surrogates: they are not text), with the hostile pieces much more often.
values = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=4), max_size=12).map("".join)

#: Two literal parameters in one filter, as in the report of the finding.
TWO_TEXTS = parse_header(
    "two",
    Path("two.rq"),
    "# param: a (literal)\n# param: b (literal)\n# columns: title\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "SELECT ?title WHERE { ?m dcterms:title ?title "
    "FILTER (CONTAINS(LCASE(STR(?title)), ?a) && CONTAINS(LCASE(STR(?title)), ?b)) }",
)
ECHO = parse_header(
    "echo", Path("echo.rq"), "# param: needle (literal)\nSELECT ?value WHERE { BIND (?needle AS ?value) }"
)
MATCH = parse_header(
    "match",
    Path("match.rq"),
    "# param: needle (literal)\n# param: other (literal)\n"
    "SELECT DISTINCT ?value WHERE { ?s ?p ?value FILTER (isLiteral(?value) && STR(?value) IN (?needle, ?other)) }",
)
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def mini_store(mini_world):
    return store_from_graph(mini_world.graph)


def titles(mini_world) -> list[str]:
    from rdflib.namespace import DCTERMS

    return [str(t) for t in mini_world.graph.objects(None, DCTERMS.title)]


def test_the_reproducers_of_the_finding_match_nothing(mini_store, store):
    """`-p $'a=zzz\\n\\\\"' -p "b=) ('' '') } #"` gave 82 rows; `measures-mentioning -p $'text=x\\n\\\\"'` failed."""
    assert run_named(store, TWO_TEXTS, {"a": 'zzz\n\\"', "b": ") ('' '') } #"}).rows == []
    assert run_named(store, "measures-mentioning", {"text": 'x\n\\"'}).rows == []


@PROPERTY
@given(needle=values)
def test_any_string_comes_back_as_itself(mini_store, needle):
    assert run_named(mini_store, ECHO, {"needle": needle}).rows == [[needle]]


def literals(world) -> set[str]:
    from rdflib import Literal as L

    return {str(o) for o in world.graph.objects() if isinstance(o, L)}


@PROPERTY
@given(data=st.data())
def test_a_string_matches_only_itself(mini_world, mini_store, data):
    known = sorted(literals(mini_world))
    needle, other = (data.draw(st.sampled_from(known) | values) for _ in range(2))
    expected = sorted({v for v in known if v in (needle, other)})
    assert sorted({r[0] for r in run_named(mini_store, MATCH, {"needle": needle, "other": other}).rows}) == expected


@PROPERTY
@given(a=values, b=values)
def test_two_texts_in_one_filter_find_exactly_the_titles_that_hold_both(mini_world, mini_store, a, b):
    expected = sorted(t for t in titles(mini_world) if a in t.lower() and b in t.lower())
    assert sorted(r[0] for r in run_named(mini_store, TWO_TEXTS, {"a": a, "b": b}).rows) == expected


@settings(max_examples=40)
@given(text=values)
def test_an_iri_is_one_term_or_refused(text):
    iri = f"https://x.org/{text}"
    try:
        term = sparql_term(URIRef(iri))
    except QueryError:
        return
    assert ox.Store().query(f"SELECT ?x WHERE {{ BIND ({term} AS ?x) }}").__next__()["x"].value == iri


def test_text_that_is_not_utf8_is_refused_not_sent():
    with pytest.raises(QueryError, match="not valid UTF-8"):
        sparql_term(Literal("caf\udce9"))


@pytest.mark.parametrize(
    ("query", "uses"),
    [
        ("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", True),
        ("select * { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }", True),
        ("SELECT * { ?s ?p ?o .SERVICE <http://127.0.0.1:9/> {} }", True),
        ("SELECT * { {SELECT * {}}SERVICE ?x {} }", True),
        ("SELECT ?service { ?service <http://x/SERVICE> 'SERVICE' } # SERVICE", False),
        ("PREFIX service: <http://x/> SELECT * { ?s service:SERVICE ?o }", False),
    ],
)
def test_service_is_found_wherever_it_is_a_keyword(query, uses):
    assert uses_keyword(query, "SERVICE") is uses
