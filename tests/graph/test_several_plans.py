"""Several reports in one graph: each plan's resources keep IRIs of their own, and the graph still conforms.

Three distinct reports of the benchmark's corpus (the embedded report and two derived from it, with plans,
successor plans, years and measures of their own) are built alone and together.
"""

from __future__ import annotations

import itertools

import pytest
from tiltaksgraf.graph.build import BuildResult, build_graph
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
