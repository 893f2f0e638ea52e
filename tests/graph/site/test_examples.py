"""The query page's examples: every named query, ready to run as it stands on any SPARQL endpoint."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from tiltaksgraf.graph.queries import named_queries, run_named
from tiltaksgraf.graph.site.examples import examples
from tiltaksgraf.graph.sparql_text import PREFIXES, undeclared


@pytest.fixture(scope="module")
def by_name(store):
    return {e["name"]: e for e in examples(store)}


def test_every_named_query_is_an_example_with_its_header(by_name):
    queries = named_queries()
    assert set(by_name) == set(queries)
    for name, q in queries.items():
        e = by_name[name]
        assert (e["title"], e["description"], tuple(e["columns"])) == (q.title, q.description, q.columns)
        assert [p["name"] for p in e["params"]] == [p.name for p in q.params]
        assert e["query"].startswith(f"# title: {q.title.split()[0]}")


def test_every_example_declares_its_prefixes_and_runs_as_the_cli_runs_it(store, by_name):
    """Run with no predeclared prefix at all (as a plain endpoint would), each example gives the rows the CLI
    gives with the parameters' defaults."""
    for name, e in by_name.items():
        assert undeclared(e["query"]) == [], name
        answer = store.query(e["query"])  # no prefixes= : every prefix it uses must be declared in the text
        assert isinstance(answer, ox.QuerySolutions), name
        rows = list(answer)
        expected = run_named(store, name)
        assert len(rows) == len(expected.rows), name
        assert [str(v.value) for v in answer.variables] == list(expected.columns), name


def test_a_parameter_is_a_values_line_with_its_default_as_the_cli_resolves_it(by_name):
    text = by_name["measures-by-ministry"]["query"]
    assert "  VALUES ?ministry { tgorg:jd }  # ministry: the ministry, by acronym" in text
    assert f"PREFIX tgorg: <{PREFIXES['tgorg']}>" in text
