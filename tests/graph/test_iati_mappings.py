"""The status and role schemes are mapped to the IATI codelists: each value has a match to a code, with a scope
note in nb and en that names the code, or a scope note that says no code matches."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from tiltaksgraf.paths import ONTOLOGY_DIR

IATI = "https://iatistandard.org/en/iati-standard/203/codelists/"
MATCHES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
#: scheme file → (IATI codelist, its codes)
SCHEMES = {
    "status": ("activitystatus", {"1", "2", "3", "4", "5", "6"}),
    "role": ("organisationrole", {"1", "2", "3", "4"}),
}
NO_MATCH = {"nb": "IATI: ingen tilsvarende kode", "en": "IATI: no matching code"}


def iati_notes(g: Graph, concept: URIRef) -> dict[str, str]:
    notes = {o.language: str(o) for o in g.objects(concept, SKOS.scopeNote) if str(o).startswith("IATI")}
    assert len(notes) == len([o for o in g.objects(concept, SKOS.scopeNote) if str(o).startswith("IATI")]), concept
    return notes


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_every_value_has_an_iati_match_or_says_there_is_none(name):
    codelist, codes = SCHEMES[name]
    g = Graph().parse(ONTOLOGY_DIR / "schemes" / f"{name}.ttl")
    scheme = URIRef(f"https://w3id.org/tiltaksgraf/vocab/{name}")
    assert URIRef(f"{IATI}{codelist}/") in set(g.objects(scheme, RDFS.seeAlso))
    concepts = set(g.subjects(SKOS.inScheme, scheme))
    assert len(concepts) >= 7
    for concept in concepts:
        targets = [(p, o) for p in MATCHES for o in g.objects(concept, p)]
        notes = iati_notes(g, concept)
        assert set(notes) == {"nb", "en"}, (concept, "an «IATI:» scope note in nb and en")
        if not targets:
            assert all(notes[lang].startswith(NO_MATCH[lang]) for lang in NO_MATCH), concept
            continue
        assert len(targets) == 1, (concept, "one IATI code")
        code = str(targets[0][1]).removeprefix(f"{IATI}{codelist}/#")
        assert code in codes, (concept, targets)
        assert re.search(rf"\bcode {code}\b", notes["en"]) and re.search(rf"\bkode {code}\b", notes["nb"]), concept


def test_the_statuses_of_the_real_report_all_map_or_say_why_not(built):
    g = Graph().parse(ONTOLOGY_DIR / "schemes" / "status.ttl")
    used = set(built.graph.objects(None, URIRef("https://w3id.org/tiltaksgraf/ontology#statusValue")))
    assert len(used) >= 6
    for value in used:
        assert any(g.objects(value, p) for p in MATCHES) or iati_notes(g, value)["en"].startswith(NO_MATCH["en"])
