"""The ontology documents every term of the vocabulary module, and the schemes hold every value the graph uses."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph.build import reference_files
from tiltaksgraf.graph.vocab import OWL, RDF, RDFS, SKOS, TG

from tiltaksgraf.paths import ONTOLOGY_DIR


@pytest.fixture(scope="module")
def ontology() -> Graph:
    g = Graph()
    for path in reference_files():
        g.parse(path, format="turtle")
    return g


def declared_terms(g: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(str(TG._NS))}


def test_every_vocabulary_term_is_declared_and_nothing_else(ontology):
    in_code = {TG[name] for name in TG.__annotations__}
    assert declared_terms(ontology) == in_code


@pytest.mark.parametrize("prop", [RDFS.label, SKOS.definition])
def test_every_term_has_a_label_and_definition_in_nb_and_en(ontology, prop):
    for term in declared_terms(ontology):
        langs = {o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)}
        assert {"nb", "en"} <= langs, (term, prop)


def test_every_concept_has_a_notation_labels_and_definition(ontology):
    concepts = {c for c in ontology.subjects(RDF.type, SKOS.Concept) if "/vocab/" in str(c)}
    assert len(concepts) > 40
    for c in concepts:
        assert str(ontology.value(c, SKOS.notation)) == str(c).rsplit("/", 1)[-1], c
        assert {o.language for o in ontology.objects(c, SKOS.prefLabel)} >= {"nb", "en"}, c
        assert {o.language for o in ontology.objects(c, SKOS.definition)} >= {"nb", "en"}, c


def test_every_controlled_value_in_the_graph_is_in_a_scheme(built, ontology):
    concepts = set(ontology.subjects(RDF.type, SKOS.Concept))
    props = (TG.statusValue, TG.continuationRelation, TG.statedIn, TG.findingKind)
    used = {o for p in props for o in built.graph.objects(None, p)}
    assert used and used <= concepts


def test_the_ontology_files_have_no_blank_nodes():
    # The shapes are not merged into the graph; they use blank nodes for paths and lists (tests/graph/test_shapes.py).
    for path in sorted(p for p in ONTOLOGY_DIR.rglob("*.ttl") if not p.name.endswith("shapes.ttl")):
        g = Graph().parse(path, format="turtle")
        assert not any(t.__class__.__name__ == "BNode" for triple in g for t in triple), path
