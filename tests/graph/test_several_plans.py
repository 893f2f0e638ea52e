"""Several reports in one graph: each plan's resources keep IRIs of their own, and the graph still conforms.

Three distinct reports of the benchmark's corpus (the embedded report and two derived from it, with plans,
successor plans, years and measures of their own) are built alone and together; every named query, asked for
one plan of the three, answers as on that plan's own graph.
"""

from __future__ import annotations

import itertools

import pytest
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.build import BuildResult, build_graph
from tiltaksgraf.graph.queries import NamedQuery, QueryError, named_queries, run_named
from tiltaksgraf.graph.validation import validate_graph
from tiltaksgraf.graph.vocab import ID

from bench.corpus import write_corpus

#: What the world shares, whichever plan names it: organisations, programmes and publications.
WORLD = ("org/", "programme/", "publication/", "document/")  # the world the plans share: organisations, documents


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[list[BuildResult], BuildResult]:
    paths = write_corpus(3, tmp_path_factory.mktemp("corpus"))
    return [build_graph([p]) for p in paths], build_graph(paths)


def instance_nodes(result: BuildResult) -> set[str]:
    """Every IRI under ``…/id/`` that a graph has as subject or object."""
    lines = result.data.ntriples.decode("utf-8").splitlines()
    return {t.strip("<>") for line in lines for t in line.split(" ")[:3:2] if t.startswith(f"<{ID}")}


def _own(lines: list[bytes]) -> set[bytes]:
    """The triples whose subject is not a document: a document two reports name (a law, a cited report) is one
    resource of the shared world, described from the first report that names it."""
    return {line for line in lines if not line.startswith(f"<{ID}document/".encode())}


def test_the_graph_of_three_reports_is_the_union_of_their_graphs(builds):
    alone, together = builds
    union = set().union(*(_own(r.data.ntriples.splitlines()) for r in alone))
    assert _own(together.data.ntriples.splitlines()) == union
    documents = {line.split(b" ")[0] for r in alone for line in r.data.ntriples.splitlines()}
    assert {d for d in documents if d.startswith(f"<{ID}document/".encode())} <= {
        line.split(b" ")[0] for line in together.data.ntriples.splitlines()
    }  # every document is there
    assert len(together.reports) == 3
    assert sum(len(r.reports[0].measures) for r in alone) == len(together.reports[0].measures) + len(
        together.reports[1].measures
    ) + len(together.reports[2].measures)


def test_no_measure_focus_area_status_footnote_finding_or_plan_is_shared_between_plans(builds):
    alone, _ = builds
    for a, b in itertools.combinations(alone, 2):
        shared = instance_nodes(a) & instance_nodes(b)
        plan_specific = sorted(n for n in shared if not n.removeprefix(str(ID)).startswith(WORLD))
        assert plan_specific == [], f"{a.reports[0].plan.title} and {b.reports[0].plan.title} share {plan_specific[:5]}"
    kinds = {n.removeprefix(str(ID)).split("/")[0] for r in alone for n in instance_nodes(r)}
    assert {"measure", "focus-area", "footnote", "finding", "plan", "report"} <= kinds  # the test saw them all


def test_the_graph_of_three_reports_conforms(builds):
    _, together = builds
    result = validate_graph(together.data)
    assert result.conforms, [i.as_dict() for i in result.violations[:3]]


# --- the named queries tell the plans apart ------------------------------------------------------------------


def _values(query: NamedQuery, plan: str | None) -> dict[str, str]:
    """The query's default values, a measure's number written with its plan's key, and ``plan``."""
    values = {p.name: f"{plan}/{p.default}" for p in query.params if p.type == "measure" and plan}
    return values | ({"plan": plan} if plan else {})


#: Columns that describe a document: one resource of the shared world, described from the first report that names
#: it (the corpus' derived reports give the same publication years of their own), so they are left out of the
#: comparison where a query reads documents' years.
DESCRIBING = {"title", "year", "authors", "publisher", "series", "designation", "evaluation"}


def _comparable(query: NamedQuery, rows: list[list[str]]) -> list[tuple[str, ...]]:
    """The rows, without the columns that describe a document (each row once) where the query reads documents."""
    if "fabio:hasPublicationYear" not in query.text:
        return [tuple(row) for row in rows]
    kept = [i for i, c in enumerate(query.columns) if c not in DESCRIBING]
    return list(dict.fromkeys(tuple(row[i] for i in kept) for row in rows))


def _keys(result: BuildResult) -> list[str]:
    return [iris.key_of(r.plan.title) for r in result.reports]


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_a_named_query_gives_each_plan_in_the_corpus_the_rows_of_that_plan_alone(builds, name):
    """In the graph of three plans, a named query asked for one plan answers what it answers on that plan's own
    graph, and the three answers differ; where the rows carry a plan column, it names that plan."""
    alone, together = builds
    query = named_queries()[name]
    assert any(p.name == "plan" and p.optional for p in query.params), f"{name} has no optional plan parameter"
    answers = []
    for result in alone:
        (plan,) = _keys(result)
        own = run_named(result.data.store, query, _values(query, plan))
        asked = run_named(together.data.store, query, _values(query, plan))
        assert _comparable(query, asked.rows) == _comparable(query, own.rows), f"{name}: {plan} is not the plan alone"
        if "plan" in query.columns:
            assert {r["plan"] for r in asked.records()} <= {str(iris.plan(plan))}
        answers.append(asked.rows)
    assert len({tuple(map(tuple, rows)) for rows in answers}) == 3, f"{name} gives two plans the same rows"


@pytest.mark.parametrize("name", sorted(n for n, q in named_queries().items() if "plan" in q.columns))
def test_without_a_plan_the_rows_of_every_plan_come_with_their_plan_in_order(builds, name):
    _, together = builds
    query = named_queries()[name]
    if any(p.type == "measure" for p in query.params):
        with pytest.raises(QueryError, match=r"in each of 3 plans \(.*frihet-fra-vold.*\): give the plan"):
            run_named(together.data.store, query)  # «19» is a measure of every plan: which one is said
        return
    whole = run_named(together.data.store, query)
    per_plan = [run_named(together.data.store, query, {"plan": key}) for key in sorted(_keys(together))]
    assert whole.rows == [row for t in per_plan for row in t.rows]


def test_on_one_report_the_plan_parameter_changes_nothing(builds):
    alone, _ = builds
    store = alone[0].data.store
    for name, query in named_queries().items():
        given = run_named(store, query, _values(query, "frihet-fra-vold"))
        default = run_named(store, query)
        assert given.rows == default.rows, name
