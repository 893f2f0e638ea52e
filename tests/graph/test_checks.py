"""The must-return-no-rows checks pass on the real graph and catch each kind of break."""

from __future__ import annotations

import pytest
from rdflib import Graph

from graph import iris
from graph.checks import run_checks
from graph.vocab import DCTERMS, PROV, TG


def failing(graph: Graph) -> dict[str, list[list[str]]]:
    return {c.query.name: c.table.rows for c in run_checks(graph) if not c.passed}


def test_the_checks_are_collected():
    assert len(run_checks(Graph())) == 3


def test_the_real_graph_passes_every_check(built):
    assert failing(built.graph) == {}


def copy(built) -> Graph:
    g = Graph()
    g += built.graph
    return g


M17 = iris.measure("frihet-fra-vold", "17")


@pytest.mark.parametrize(
    ("remove", "check", "row"),
    [
        ((M17, TG.hasStatusAssessment, None), "measure-without-status-violation", ["17"]),
        ((M17, PROV.qualifiedAssociation, None), "measure-without-overview-ministry-violation", ["17"]),
        ((M17, DCTERMS.title, None), "measure-without-span-violation", ["17", "title"]),
        ((M17, TG.focusArea, None), "measure-without-span-violation", ["17", "focus area"]),
        ((M17, TG.sourceSpan, None), "measure-without-span-violation", ["17", "source span"]),
    ],
)
def test_each_check_catches_its_break(built, remove, check, row):
    g = copy(built)
    g.remove(remove)
    assert failing(g) == {check: [row]}
