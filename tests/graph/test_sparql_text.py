"""The SPARQL people write and read: one list of predeclared prefixes, IRIs shown so they paste back,
syntax errors with the query line and a caret."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from tiltaksgraf.graph.sparql_text import PREFIXES, compact, declared, prologue_lines, syntax_error, undeclared
from tiltaksgraf.graph.vocab import PREFIXES as GRAPH_PREFIXES

STANDARD = ("rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "prov", "org", "oa", "fabio", "cito", "sh")


def test_one_list_holds_the_graph_s_prefixes_and_the_standard_ones():
    assert set(GRAPH_PREFIXES) <= set(PREFIXES) and set(STANDARD) <= set(PREFIXES)
    assert PREFIXES["tg"] == "https://w3id.org/tiltaksgraf/ontology#"


@pytest.mark.parametrize(
    ("iri", "shown"),
    [
        ("https://w3id.org/tiltaksgraf/id/org/kd", "tgorg:kd"),
        ("https://w3id.org/tiltaksgraf/id/programme/tidlig-inn", "tgprog:tidlig-inn"),
        ("https://w3id.org/tiltaksgraf/id/graph", "tgid:graph"),
        ("https://w3id.org/tiltaksgraf/vocab/role/responsible", "role:responsible"),
        ("https://w3id.org/tiltaksgraf/ontology#Measure", "tg:Measure"),
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "rdf:type"),
        ("https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/27a",
         "<https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/27a>"),
        ("https://w3id.org/tiltaksgraf/id/org/kd.", "<https://w3id.org/tiltaksgraf/id/org/kd.>"),
        ("https://www.nkvts.no/", "<https://www.nkvts.no/>"),
    ],
)
def test_an_iri_is_shown_as_sparql_accepts_it(iri, shown):
    assert compact(iri) == shown
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(iri), ox.NamedNode("https://x.org/p"), ox.Literal("here")))
    assert bool(store.query(f"ASK {{ {shown} <https://x.org/p> 'here' }}", prefixes=PREFIXES))


def test_the_prologue_leaves_out_what_the_query_declares():
    text = "PREFIX tg: <https://example.org/>\nprefix  skos:<https://example.org/s#> SELECT * {}"
    assert declared(text) == {"tg", "skos"}
    lines = prologue_lines(text)
    assert not any(line.startswith(("PREFIX tg:", "PREFIX skos:")) for line in lines)
    assert len(lines) == len(PREFIXES) - 2


def test_undeclared_prefixes_skip_strings_iris_comments_and_variables():
    text = "# ex:not\nSELECT ?a:b WHERE { ?s foaf:name 'x:y' ; <http://a/b:c> dc:t ; ?p _:b }"
    assert undeclared(text) == ["foaf", "dc"]


def test_a_caret_under_a_tab_indented_line_keeps_its_place():
    message = syntax_error("error at 2:3: expected something", "SELECT *\n\t\tX { }")
    line, caret = message.splitlines()[1:3]
    assert line == "  2 | \t\tX { }" and caret == "    | \t\t^"


def test_a_message_without_a_position_is_kept_whole():
    assert syntax_error("no idea\nwhere", "SELECT") == "the query does not parse: no idea\nwhere"


def test_the_line_offset_of_a_prologue_is_taken_off():
    message = syntax_error("error at 3:1: expected BY", "SELECT *\nGROUP", line_offset=1)
    assert message.splitlines()[:2] == ["the query does not parse: line 2, column 1: expected BY", "  2 | GROUP"]
