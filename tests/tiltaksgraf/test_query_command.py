"""`tiltaksgraf query` as a tool: repeated parameters, --limit, the W3C JSON results and typed records,
a named query's own help, hints for usage slips, your own SPARQL (predeclared prefixes, ASK, CONSTRUCT,
DESCRIBE) and syntax errors shown where they are."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex

import pytest
from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph.queries import named_queries

from tiltaksgraf.cli import main

XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
NKVTS = "https://w3id.org/tiltaksgraf/id/org/nkvts"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse: --help, usage errors
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def q(graph_file, capsys):
    """`tiltaksgraf query ARGS --graph <the real report's graph>`: (exit code, stdout, stderr)."""
    return lambda *argv: run(capsys, "query", *argv, "--graph", str(graph_file))


# --- parameters -------------------------------------------------------------------------------


def test_a_repeated_parameter_gives_the_rows_of_each_value(q):
    code, out, _ = q("measures-by-status", "-p", "status=not_started", "-p", "status=discontinued", "-f", "csv")
    assert code == 0
    statuses = [row["status_value"] for row in csv.DictReader(io.StringIO(out))]
    assert set(statuses) == {"not_started", "discontinued"} and len(statuses) == 9


def test_a_parameter_that_takes_one_value_refuses_two(q):
    code, out, err = q("measures-by-ministry", "-p", "ministry=JD", "-p", "ministry=BFD")
    assert code == 2 and out == ""
    assert "parameter ministry takes one value, not 2 ('JD', 'BFD')" in err


def test_repeatable_parameters_are_documented_in_the_header():
    repeatable = {(n, p.name) for n, query in named_queries().items() for p in query.params if p.repeatable}
    assert ("measures-by-status", "status") in repeatable and ("organisation-pairs", "focus_area") in repeatable
    assert ("measures-by-ministry", "ministry") not in repeatable


def test_a_bare_name_value_argument_hints_at_p(q, capsys):
    code, _, err = q("measures-by-ministry", "ministry=KD")
    assert code == 2 and "unrecognized arguments: ministry=KD (query parameters take -p: -p ministry=KD)" in err
    code, _, err = q("ministry=KD")
    assert code == 2 and "'ministry=KD' looks like a parameter: give it as -p ministry=KD" in err


# --- --limit ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["-1", "x", "1.5"])
def test_limit_must_be_a_whole_number_not_below_zero(q, value):
    code, out, err = q("measures", "--limit", value)
    assert code == 2 and out == "" and "argument --limit: takes a whole number, 0 or more" in err


def test_limit_keeps_the_first_rows_and_says_how_many_there_were(q):
    assert q("measures", "--limit", "0", "-f", "csv")[1] == "measure,title,focus_area,status,continuation\n"
    out = q("measures", "--limit", "82", "-f", "csv")[1]
    assert out.splitlines()[-1].startswith("82,")  # the last row is kept
    assert q("measures", "--limit", "2")[1].splitlines()[-1] == "(2 of 82 rows)"
    assert q("measures")[1].splitlines()[-1] == "(82 rows)"


# --- formats ----------------------------------------------------------------------------------


def test_json_is_the_w3c_sparql_results_format(q):
    code, out, _ = q("co-responsible-ministries", "--limit", "1", "-f", "json")
    doc = json.loads(out)
    assert code == 0 and doc["head"]["vars"] == ["ministry_a", "ministry_b", "measures"]
    (row,) = doc["results"]["bindings"]
    assert row["ministry_a"] == {"type": "literal", "value": "BFD"}
    assert row["measures"] == {"type": "literal", "value": "25", "datatype": XSD_INTEGER}
    doc = json.loads(q("actors", "--limit", "1", "-f", "json")[1])
    assert doc["results"]["bindings"][0]["actor"]["type"] == "uri"


def test_records_have_typed_values(q):
    (row,) = json.loads(q("co-responsible-ministries", "--limit", "1", "-f", "records")[1])
    assert row == {"ministry_a": "BFD", "ministry_b": "JD", "measures": 25}
    unbound = json.loads(q("-e", "SELECT ?x ?y WHERE { BIND (1.5 AS ?x) }", "-f", "records")[1])
    assert unbound == [{"x": 1.5, "y": None}]


def test_iris_in_the_table_paste_back_into_sparql(q):
    """Every IRI the table shows, prefixed name or <…>, is a term a query accepts as it is."""
    _, out, _ = q("-e", 'SELECT ?o ?m ?t WHERE { ?o tg:acronym "NKVTS" . ?m tg:number "27a" ; a ?t }')
    org, measure, kind = out.splitlines()[2].split()
    assert org == "tgorg:nkvts" and re.fullmatch(r"<https://w3id.org/\S+/27a>", measure) and kind == "tg:SubMeasure"
    for term in (org, measure):
        assert q("-e", f"ASK {{ {term} ?p ?o }}")[1] == "true\n"


# --- a named query's help ---------------------------------------------------------------------


def test_query_name_help_shows_parameters_columns_and_an_example(capsys):
    code, out, _ = run(capsys, "query", "measures-by-status", "--help")
    assert code == 0
    assert "status=STATUS  (default in_progress; repeatable" in out
    assert "columns:\n  plan, measure, title, status_value, evidence, lines" in out
    assert "tiltaksgraf query measures-by-status -p status=not_started -p status=discontinued" in out
    assert run(capsys, "queries", "measures-by-status")[1] == out
    code, _, err = run(capsys, "query", "nosuch", "--help")
    assert code == 2 and "no query named 'nosuch'" in err
    assert "usage: tiltaksgraf query" in run(capsys, "query", "--help")[1]


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_s_example_runs(q, capsys, name):
    """The example a query's help shows gives rows: `query NAME --help` cannot advertise a broken command."""
    code, out, _ = run(capsys, "query", name, "--help")
    line = out.split("example:\n", 1)[1].splitlines()[0].strip()
    argv = shlex.split(line)
    assert argv[:3] == ["tiltaksgraf", "query", name]
    code, out, err = q(*argv[2:], "-f", "csv")
    assert (code, err) == (0, "") and len(out.splitlines()) > 1, line


# --- your own SPARQL --------------------------------------------------------------------------


def test_the_project_and_standard_prefixes_are_predeclared(q):
    count = (
        "SELECT (COUNT(?m) AS ?n) WHERE { ?m a tg:Measure ; tg:hasStatusAssessment/tg:statusValue status:completed }"
    )
    assert q("-e", count, "-f", "csv")[1] == "n\n26\n"
    label = "SELECT ?l WHERE { tgorg:nkvts skos:prefLabel ?l FILTER (LANG(?l) = 'nb') }"
    assert "Nasjonalt kunnskapssenter om vold og traumatisk stress" in q("-e", label, "-f", "csv")[1]
    own = 'PREFIX tg: <https://example.org/> SELECT (COUNT(*) AS ?n) WHERE { ?m a tg:Measure }'
    assert q("-e", own, "-f", "csv")[1] == "n\n0\n"  # the query's own declaration wins


def test_ask(q):
    assert q("-e", "ASK { tgorg:nkvts a org:FormalOrganization }")[1] == "true\n"
    assert json.loads(q("-e", "ASK { tgorg:nosuch ?p ?o }", "-f", "json")[1]) == {"head": {}, "boolean": False}


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_construct_gives_rdf(q, fmt, rdflib_format):
    construct = "CONSTRUCT { ?o rdfs:label ?l } WHERE { ?o tg:acronym ?l FILTER (?l IN ('NKVTS', 'JD')) }"
    code, out, _ = q("-e", construct, "-f", fmt)
    got = Graph().parse(data=out, format=rdflib_format)
    assert code == 0 and len(got) == 2
    assert (URIRef(NKVTS), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("NKVTS")) in got
    if fmt == "turtle":
        assert "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ." in out and "tgorg:nkvts rdfs:label" in out
    assert q("-e", construct)[1] == q("-e", construct, "-f", "turtle")[1]  # Turtle by default


def test_describe(q):
    code, out, _ = q("-e", "DESCRIBE tgorg:nkvts", "-f", "ntriples")
    assert code == 0 and f'<{NKVTS}> <https://w3id.org/tiltaksgraf/ontology#acronym> "NKVTS" .' in out


# --- syntax errors ----------------------------------------------------------------------------


def test_a_syntax_error_is_shown_in_full_with_line_column_and_caret(q):
    text = "SELECT ?n (COUNT(?m) AS ?c)\nWHERE {\n  ?m a tg:Measure ;\n     tg:number ?n .\n}\nGROUP ?n"
    code, out, err = q("-e", text)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == "tiltaksgraf query: error: the query does not parse: line 6, column 9: expected BY"
    assert lines[1] == "  6 | GROUP ?n"
    assert lines[2] == "    |         ^"  # where Oxigraph's parser gave up: after «?n»


def test_columns_count_characters_not_bytes(q):
    err = q("-e", 'SELECT * WHERE { ?s ?p "æøå" . FILTER (?s = ) }')[2]
    line, caret = err.splitlines()[1:3]
    assert line[caret.index("^")] == ")"


def test_an_unknown_prefix_is_named(q):
    err = q("-e", "SELECT * WHERE { ?s foaf:name ?o }")[2]
    assert "the query does not parse: line 1" in err and "(unknown prefix foaf: declare it" in err


def test_a_syntax_error_in_a_query_file_points_into_the_file(q, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# param: ministry (ministry)\nSELECT ?m WHERE {\n  ?m ?p ?ministry .\n  GROUP BY\n}\n")
    err = q("--file", str(path), "-p", "ministry=JD")[2]
    assert "line 4, column" in err and "  4 |   GROUP BY" in err
