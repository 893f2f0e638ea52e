"""pyshacl-turbo gives the same SHACL report as pySHACL (the reference) on the report's graph and every case.

The build and `tiltaksgraf validate` use pyshacl-turbo because it is about ten times faster (bench/run.py);
this test is what allows it. They hand it the graph as N-Triples (:class:`~graph.triples.NTriplesGraph`),
not as an rdflib Graph: the last tests show that gives the same report.
"""

from __future__ import annotations

import pytest
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from tiltaksgraf.graph.triples import NTriplesGraph
from tiltaksgraf.graph.validation import load_shapes, run_shapes

from tests.graph.test_shapes import CASES


def same_report(graph, engines=("pyshacl", "turbo"), other=None) -> None:
    """``graph`` gives isomorphic reports with the two engines (or with one engine on ``graph`` and ``other``)."""
    shapes = load_shapes()
    reference, used = run_shapes(graph, shapes, engines[0])
    turbo, engine = run_shapes(graph if other is None else other, shapes, engines[1])
    assert (used, engine) == engines
    if not isomorphic(reference, turbo):
        _, only_pyshacl, only_turbo = graph_diff(to_isomorphic(reference), to_isomorphic(turbo))
        pytest.fail(
            f"reports differ\nonly pyshacl:\n{only_pyshacl.serialize(format='nt')}\n"
            f"only turbo:\n{only_turbo.serialize(format='nt')}"
        )


def test_same_report_on_the_graph_of_the_report(built):
    same_report(built.graph)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_same_report_on_each_case(case, mini_world):
    same_report(case.apply(mini_world.graph))


def test_turbo_on_the_n_triples_gives_the_report_it_gives_on_the_rdflib_graph(built):
    same_report(built.graph, ("turbo", "turbo"), built.data)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_turbo_on_the_n_triples_of_each_case(case, mini_world):
    graph = case.apply(mini_world.graph)
    same_report(graph, ("turbo", "turbo"), NTriplesGraph.from_rdflib(graph))
