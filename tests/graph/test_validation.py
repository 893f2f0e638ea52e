"""validate_graph: the report's graph conforms; a broken graph gets issues that name node, property and problem."""

from __future__ import annotations

import json
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.validation import (
    ValidationError,
    load_checks,
    load_shapes,
    one_byte_ntriples,
    shapes_read,
    validate_graph,
)
from tiltaksgraf.graph.validation_format import format_json, format_report, format_text, headline
from tiltaksgraf.graph.vocab import PROV, RDF, SH, TG

from tests.graph.test_shapes import CASES

M17 = iris.measure("frihet-fra-vold", "17")


@pytest.fixture(scope="module")
def real(built):
    return validate_graph(built.graph)


def copy(graph: Graph) -> Graph:
    g = Graph()
    g += graph
    return g


#: Organisations of the registry that no role points to: parents the report never names itself
#: (Helse Nord RHF), or names only inside a longer name («Telemark fengsel, avdeling Skien»).
UNNAMED = (
    "Finnmarkssykehuset HF",
    "Helse Nord RHF",
    "Helse Sør-Øst RHF",
    "NMBU",
    "Norges Røde Kors",
    "NTNU",
    "Romerike fengsel",
    "RVTS Sør",
    "RVTS Vest",
    "St. Olavs hospital HF",
    "Telemark fengsel",
)


#: The measures whose status readings disagree (tests/loaders/test_status_rules.py reads them).
CONTESTED = ("6d", "14", "21", "25", "28", "36", "37a", "38", "48", "49", "50")


def test_the_graph_of_the_report_conforms_with_its_known_warnings(real):
    assert real.conforms and real.violations == []
    assert [(i.severity, i.group, i.path, i.value, i.shape) for i in real.warnings] == [
        *[
            (
                "Warning",
                f"measure {n}",
                "tg:currentStatusAssessment/tg:contested",
                "true",
                "tgsh:Activity-statusUncontested",
            )
            for n in CONTESTED
        ],
        (
            "Warning",
            "measure 71",
            "tg:currentStatusAssessment/tg:statusValue",
            "status:undetermined",
            "tgsh:Activity-statusDecided",
        ),
        *[
            (
                "Warning",
                f"organisation {name}",
                "(^prov:agent|^tg:namedOrganisation)",
                "",
                "tgsh:Organisation-mentioned",
            )
            for name in UNNAMED
        ],
    ]
    assert real.captions["measure 71"].startswith("measure 71 «Styrke samarbeidet mellom norske myndigheter")
    assert real.checks == [c.query.name for c in load_checks()]
    assert (None, SH.conforms, Literal(True)) in real.report


@pytest.fixture(scope="module")
def broken(built):
    g = copy(built.graph)
    g.remove((M17, TG.hasStatusAssessment, None))
    g.remove((M17, TG.currentStatusAssessment, None))
    g.remove((iris.measure("frihet-fra-vold", "40"), PROV.qualifiedAssociation, None))
    g.remove((iris.measure("frihet-fra-vold", "42"), TG.number, Literal("42")))
    g.add((iris.measure("frihet-fra-vold", "42"), TG.number, Literal("39")))
    return validate_graph(g)


def test_a_broken_graph_names_node_property_and_problem(broken):
    assert not broken.conforms
    found = {(i.group, i.node, i.path, i.shape) for i in broken.violations}
    assert ("measure 17", "measure 17", "tg:currentStatusAssessment", "tgsh:Measure-status") in found
    assert ("measure 17", "measure 17", "tg:hasStatusAssessment", "tgsh:Measure-statusHistory") in found
    assert (
        "measure 17",
        "measure 17, unlinked status/2025-04",
        "^tg:hasStatusAssessment",
        "tgsh:StatusAssessment-activity",
    ) in found
    assert ("measure 40", "measure 40", "prov:qualifiedAssociation", "tgsh:Measure-overviewMinistry") in found
    roles = {i.node for i in broken.violations if i.shape == "tgsh:Association-activity"}
    assert "measure 40, unlinked responsibility/overview/jd" in roles
    duplicate = {(i.node, i.path, i.value, i.focus) for i in broken.violations if i.shape.startswith("check:")}
    assert duplicate == {
        ("measure 39", "tg:number", "measure 39", iris.measure("frihet-fra-vold", "42")),
        ("measure 39", "tg:number", "measure 39", iris.measure("frihet-fra-vold", "39")),
    }  # measure 42 now calls itself 39: both are listed, each with the other as value
    status = next(i for i in broken.violations if i.shape == "tgsh:Measure-status")
    assert status.message == {
        "nb": "Tiltaket må ha nøyaktig én gjeldende statusvurdering.",
        "en": "A measure must have exactly one current status assessment.",
    }
    assert status.constraint == "MinCount"


def test_the_text_report_groups_by_measure_with_titles(broken):
    text = format_text(broken, lang="nb", collapse=False)
    assert text.startswith(headline(broken))
    assert "does NOT conform" in text.splitlines()[0]
    block = text.split("\nmeasure 17 «Utarbeide et nasjonalt forebyggingsprogram")[1].split("\n\n")[0]
    assert "violation measure 17 · tg:currentStatusAssessment" in " ".join(block.split())
    assert "Tiltaket må ha nøyaktig én gjeldende statusvurdering." in block
    groups = [line for line in text.splitlines() if line.startswith(("measure", "organisation"))]
    assert groups.index(next(g for g in groups if g.startswith("measure 17 "))) < groups.index(
        next(g for g in groups if g.startswith("measure 40 "))
    )  # measures in number order, not text order
    assert groups[-1].startswith("organisation Telemark fengsel")  # with collapse=False each is its own group
    collapsed = format_text(broken, lang="nb", collapse=True).splitlines()
    assert not any(line.startswith("organisation Telemark") for line in collapsed)


def test_the_text_report_can_list_only_the_first_few(broken):
    text = format_text(broken, limit=2, issues=broken.violations)
    assert text.count("\n  violation") == 2
    assert f"and {len(broken.violations) - 2} more" in text


def test_json_and_the_standard_report(broken):
    doc = json.loads(format_json(broken))
    assert doc["conforms"] is False and doc["violations"] == len(broken.violations)
    first = doc["issues"][0]
    assert set(first) >= {"severity", "group", "node", "focus", "path", "value", "message", "shape", "caption"}
    report = Graph().parse(data=format_report(broken, "turtle"), format="turtle")
    node = next(report.subjects(RDF.type, SH.ValidationReport))
    assert report.value(node, SH.conforms) == Literal(False)
    assert len(list(report.objects(node, SH.result))) == len(broken.issues)
    checks = set(report.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
    assert len(checks) == 2  # the two rows of the duplicate-number check
    assert {report.value(c, SH.sourceShape) for c in checks} == {
        URIRef("https://w3id.org/tiltaksgraf/shapes#check-duplicate-number-violation")
    }
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        jsonld = Graph().parse(data=format_report(broken, "jsonld"), format="json-ld")

    # JSON-LD writes a sequence path shared by several results once per result, so compare the results
    def results(g: Graph) -> set:
        keys = (SH.focusNode, SH.sourceShape, SH.resultSeverity, SH.value)
        return {tuple(g.value(r, k) for k in keys) for r in g.subjects(RDF.type, SH.ValidationResult)}

    assert results(jsonld) == results(report) and len(results(report)) == len(broken.issues)


def test_a_broken_shapes_file_is_a_clear_error(tmp_path, built):
    bad = tmp_path / "shapes.ttl"
    bad.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> sh:property", encoding="utf-8")
    with pytest.raises(ValidationError, match="does not parse as Turtle"):
        load_shapes(bad)
    with pytest.raises(ValidationError, match="no shapes file"):
        load_shapes(tmp_path / "nope.ttl")


def test_a_check_must_select_its_focus_node(tmp_path):
    (tmp_path / "x-violation.rq").write_text("# title: x\nSELECT ?measure WHERE { ?measure ?p ?o }\n")
    with pytest.raises(ValidationError, match="must select \\?focus"):
        load_checks(tmp_path)


def test_the_pyshacl_engine_gives_the_same_issues(built, real):
    reference = validate_graph(built.graph, engine="pyshacl")
    assert reference.engine == "pyshacl" and real.engine == "turbo"
    assert [i.as_dict() for i in reference.issues] == [i.as_dict() for i in real.issues]


def test_an_unknown_engine_is_refused(built):
    with pytest.raises(ValueError, match="unknown SHACL engine"):
        validate_graph(Graph(), engine="fast")


# --- the SHACL engine's input -------------------------------------------------------------------


def _terms(ntriples: bytes | str) -> set:
    import pyoxigraph as ox

    data = ntriples.encode("utf-8") if isinstance(ntriples, str) else ntriples
    return {(t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}


def test_the_engines_one_byte_input_holds_the_same_triples(built):
    """The escaped text is one byte a character and parses to exactly the triples of the build's N-Triples."""
    ntriples = built.data.ntriples
    text = one_byte_ntriples(ntriples, chunk=4096)  # many chunks: every boundary falls between lines
    assert max(text) <= "\xff"
    assert "\\u2013" in text  # the report has en dashes
    assert text == one_byte_ntriples(ntriples)
    assert _terms(text) == _terms(ntriples)


@given(st.text(min_size=1))
@settings(max_examples=300, deadline=None)
def test_any_literal_survives_the_one_byte_input(value):
    from rdflib import Literal as L
    from rdflib.plugins.serializers.nt import _quoteLiteral

    line = f"<urn:a> <urn:b> {_quoteLiteral(L(value))} .\n".encode("utf-8", "surrogatepass")
    try:
        expected = _terms(line)
    except (SyntaxError, ValueError):  # a lone surrogate is no N-Triples in the first place
        return
    assert _terms(one_byte_ntriples(line * 3, chunk=7)) == expected


# --- only what the shapes can read goes to the engine ----------------------------------------------


def _report_of(text: str):
    import pyshacl_turbo
    from pyshacl_turbo.rdf import Input

    _, report, _ = pyshacl_turbo.compile_shapes(load_shapes(), advanced=False).validate(
        Input(text, "nt", None, {}), allow_warnings=True
    )
    return report


def test_the_engine_gives_the_same_report_on_what_the_shapes_read(built):
    """The report's graph without the triples of predicates no shape reads: fewer triples, the same report."""
    from rdflib.compare import isomorphic

    ntriples = built.data.ntriples
    read = shapes_read(load_shapes())
    assert read is not None
    projected = one_byte_ntriples(ntriples, chunk=4096, keep=read)
    assert projected.count("\n") < ntriples.count(b"\n") * 0.9  # mentions, selectors' context, readings go
    assert isomorphic(_report_of(projected), _report_of(one_byte_ntriples(ntriples)))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_case_gets_the_same_report_from_what_the_shapes_read(case, mini_world):
    from rdflib.compare import isomorphic
    from tiltaksgraf.graph.triples import NTriplesGraph

    ntriples = NTriplesGraph.from_rdflib(case.apply(mini_world.graph)).ntriples
    whole, projected = one_byte_ntriples(ntriples), one_byte_ntriples(ntriples, keep=shapes_read(load_shapes()))
    assert isomorphic(_report_of(projected), _report_of(whole))


SHAPES_PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
"""


def _shapes(text: str) -> Graph:
    return Graph().parse(data=SHAPES_PREFIXES + text, format="turtle")


def test_every_step_of_every_path_and_what_targets_and_comparisons_read_is_kept():
    read = shapes_read(
        _shapes(
            """ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:t1 ; sh:targetObjectsOf ex:t2 ;
                 sh:property [ sh:path ( ex:a [ sh:inversePath ex:b ] ) ; sh:equals ex:e ; sh:lessThan ex:l ] ;
                 sh:property [ sh:path [ sh:alternativePath ( ex:c [ sh:zeroOrMorePath ex:d ] ) ] ] ;
                 sh:property [ sh:path [ sh:oneOrMorePath [ sh:zeroOrOnePath ex:f ] ] ; sh:disjoint ex:j ] ."""
        )
    )
    names = {p.removeprefix("urn:ex:") for p in read if p.startswith("urn:ex:")}
    assert names == {"t1", "t2", "a", "b", "e", "l", "c", "d", "f", "j"}
    assert str(RDF.type) in read and "http://www.w3.org/2000/01/rdf-schema#subClassOf" in read


@pytest.mark.parametrize(
    "shape",
    [
        "ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:closed true ; sh:property [ sh:path ex:a ] .",
        "ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:sparql [ sh:select 'SELECT $this WHERE {}' ] .",
        "ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select 'SELECT ?this WHERE {}' ] .",
    ],
    ids=["closed", "sparql-constraint", "sparql-target"],
)
def test_shapes_that_can_read_any_triple_keep_every_triple(shape):
    assert shapes_read(_shapes(shape)) is None


def test_a_line_that_is_not_plainly_subject_space_predicate_is_kept():
    keep = frozenset({"urn:p"})
    lines = b'<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:q> <urn:o> .\n<urn:s>\t<urn:q> <urn:o> .\n_:b <urn:q> "x" .\n'
    assert one_byte_ntriples(lines, keep=keep) == "<urn:s> <urn:p> <urn:o> .\n<urn:s>\t<urn:q> <urn:o> .\n"
