"""OWL 2 DL: the ontology and the built graph pass the profile check and HermiT finds them consistent, with no
unsatisfiable class; each kind of problem the check exists for is caught on a broken copy of the fixture world.

Needs Java (``make test`` installs it where missing) and owlready2 (a test dependency: it ships HermiT).
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from tiltaksgraf.graph.build import BuildResult, reference_files
from tiltaksgraf.graph.owl_check import OwlReport, check_files, check_graph
from tiltaksgraf.graph.serialize import to_sorted_ntriples
from tiltaksgraf.graph.vocab import OA, OWL, PROV, RDF, TG, XSD

from tiltaksgraf.paths import ONTOLOGY_DIR


def copy(graph: Graph) -> Graph:
    out = Graph()
    out += graph
    return out


def undeclared_exact(world: Graph) -> Graph:
    g = copy(world)
    g.remove((OA.exact, RDF.type, OWL.DatatypeProperty))
    return g


def year_as_data_property(world: Graph) -> Graph:
    """The graph as it was before decision 0012: plan years as xsd:gYear on a data property."""
    g = copy(world)
    g.remove((TG.startYear, RDF.type, OWL.AnnotationProperty))
    g.add((TG.startYear, RDF.type, OWL.DatatypeProperty))
    return g


def two_start_lines(world: Graph) -> Graph:
    g = copy(world)
    span = next(g.subjects(RDF.type, TG.SourceSpan))
    g.add((span, TG.startLine, Literal(99999, datatype=XSD.positiveInteger)))  # tg:startLine is functional
    return g


def measure_disjoint_with_activity() -> Graph:
    g = Graph()
    for path in reference_files():
        g.parse(path, format="turtle")
    g.add((TG.Measure, OWL.disjointWith, PROV.Activity))  # tg:Measure is a sub-class of prov:Activity
    return g


@pytest.fixture(scope="module")
def broken(mini_world: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> dict[str, OwlReport]:
    """The reports on four broken copies of the fixture world, from one run of the checker."""
    graphs = {
        "undeclared": undeclared_exact(mini_world.graph),
        "year": year_as_data_property(mini_world.graph),
        "inconsistent": two_start_lines(mini_world.graph),
        "unsatisfiable": measure_disjoint_with_activity(),
    }
    folder = tmp_path_factory.mktemp("owl")
    paths = []
    for name, graph in graphs.items():
        paths.append(folder / f"{name}.ttl")
        paths[-1].write_bytes(to_sorted_ntriples(graph))
    return {name: report for name, report in zip(graphs, check_files(paths), strict=True)}


def test_the_real_graph_is_owl2_dl_consistent_and_without_unsatisfiable_classes(built: BuildResult):
    report = check_graph(built.graph, "graph")
    assert report.violations == []
    assert report.refused is None
    assert report.consistent is True
    assert report.unsatisfiable == []
    assert report.ok
    assert report.axioms > 30000  # the whole graph was read, data and all


def test_the_ontology_alone_and_with_its_schemes_is_owl2_dl(tmp_path):
    # tiltaksgraf.ttl as Protégé opens it, and the ontology and schemes as the build merges them into the graph.
    merged = Graph()
    for path in reference_files():
        merged.parse(path, format="turtle")
    (tmp_path / "reference.ttl").write_bytes(to_sorted_ntriples(merged))
    for report in check_files([ONTOLOGY_DIR / "tiltaksgraf.ttl", tmp_path / "reference.ttl"]):
        assert report.ok, report.summary() + "".join(f"\n{k}: {m[:200]}" for k, m in report.violations)
        assert report.axioms > 500


def test_a_reused_term_left_undeclared_is_a_profile_violation(broken):
    report = broken["undeclared"]
    assert not report.ok
    assert {kind for kind, _ in report.violations} == {"UseOfUndeclaredAnnotationProperty"}
    assert all("http://www.w3.org/ns/oa#exact" in message for _, message in report.violations)


def test_a_year_on_a_data_property_makes_hermit_refuse(broken):
    report = broken["year"]
    assert report.refused and "gYear" in report.refused
    assert not report.ok


def test_two_values_of_a_functional_property_make_the_graph_inconsistent(broken):
    report = broken["inconsistent"]
    assert report.violations == []
    assert report.consistent is False
    assert not report.ok


def test_a_class_that_cannot_have_members_is_reported_unsatisfiable(broken):
    report = broken["unsatisfiable"]
    assert report.consistent is True
    assert report.unsatisfiable == [str(TG.Measure)]
    assert not report.ok


def test_summary_names_the_file_profile_and_reasoner_result():
    assert OwlReport("g.ttl", 10, [], True, []).summary() == (
        "g.ttl: OWL 2 DL, consistent, 0 unsatisfiable class(es) (10 axioms)"
    )
    assert "HermiT refused: no" in OwlReport("g.ttl", 1, [("X", "y")], None, [], "no").summary()
