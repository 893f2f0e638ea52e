"""pyshacl-turbo gives the same SHACL report as pySHACL (the reference) on the report's graph and every case.

The build and `tiltaksgraf validate` use pyshacl-turbo because it is about ten times faster (bench/run.py);
this test is what allows it.
"""

from __future__ import annotations

import pytest
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from tiltaksgraf.graph.validation import load_shapes, run_shapes

from tests.graph.test_shapes import CASES


def same_report(graph) -> None:
    shapes = load_shapes()
    reference, used = run_shapes(graph, shapes, "pyshacl")
    turbo, engine = run_shapes(graph, shapes, "turbo")
    assert (used, engine) == ("pyshacl", "turbo")
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
