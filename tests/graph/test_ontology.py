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


def test_the_iati_codes_of_the_roles_agree_with_the_scheme(ontology):
    """``loaders.roles.IATI_ROLE`` and the skos:closeMatch / skos:broadMatch of ontology/schemes/role.ttl agree."""
    from tiltaksgraf.graph.vocab import ROLE
    from tiltaksgraf.loaders.actors import ROLES
    from tiltaksgraf.loaders.roles import IATI_ROLE

    iati = "https://iatistandard.org/en/iati-standard/203/codelists/organisationrole/#"
    in_scheme = {
        str(ontology.value(concept, SKOS.notation)): str(target).removeprefix(iati)
        for prop in (SKOS.closeMatch, SKOS.broadMatch)
        for concept, target in ontology.subject_objects(prop)
        if str(concept).startswith(str(ROLE)) and str(target).startswith(iati)
    }
    assert in_scheme == IATI_ROLE
    concepts = {str(ontology.value(c, SKOS.notation)) for c in ontology.subjects(SKOS.inScheme, URIRef(str(ROLE)[:-1]))}
    assert concepts == set(ROLES)
    assert IATI_ROLE["administering"] == "3" and IATI_ROLE["funding"] == "1"  # «forvaltes av Bufdir på vegne av KUD»
    assert IATI_ROLE["commissioning"] != "3"  # commissioning is not Extending
    for concept in ontology.subjects(SKOS.inScheme, URIRef(str(ROLE)[:-1])):
        assert {o.language for o in ontology.objects(concept, SKOS.scopeNote)} >= {"nb", "en"}, concept


def test_the_role_definitions_are_the_readers_guide(ontology):
    """The review's readers worked from tests/golden/readers/role-guidelines.md: each role's English definition
    quotes every cue phrase of the guide's table for it."""
    import re
    from pathlib import Path

    from tiltaksgraf.graph.vocab import ROLE
    from tiltaksgraf.loaders.actors import ROLES

    guide = (Path(__file__).parents[1] / "golden" / "readers" / "role-guidelines.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| (.+) \|$", guide, re.M))
    assert set(rows) == set(ROLES) - {"responsible"}
    for role, text in rows.items():
        definition = str(next(d for d in ontology.objects(ROLE[role], SKOS.definition) if d.language == "en"))
        cues = re.findall(r"«([^»]+)»", text)
        assert cues and all(cue in definition for cue in cues), (role, [c for c in cues if c not in definition])
