"""Loading the registries: the ministries API, the label index, and refusing broken or ambiguous data."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from tiltaksgraf.graph.registry import Registry, label_entries, load_registry
from tiltaksgraf.loaders.actors import ORGANISATION
from tiltaksgraf.loaders.errors import SourceError

from tests.conftest import org

PREFIXES = """
@prefix tgorg: <https://w3id.org/tiltaksgraf/id/org/> .
@prefix tg: <https://w3id.org/tiltaksgraf/ontology#> .
@prefix orgtype: <https://w3id.org/tiltaksgraf/vocab/organisation-type/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "organisations.ttl"
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path


def test_the_ministries_api_still_works(registry: Registry) -> None:
    assert registry.ministry("JD") == URIRef(org("jd"))
    assert registry.ministry("KDD") == URIRef(org("kdd"))
    assert registry.ministry("Bufdir") is None  # a directorate, not a ministry
    assert sorted(registry.ministries) == ["AID", "BFD", "HOD", "JD", "KD", "KDD", "KUD", "LMD"]


def test_lookups(registry: Registry) -> None:
    assert registry.label(org("nkvts")) == "Nasjonalt kunnskapssenter om vold og traumatisk stress"
    assert registry.org_type(org("nova")) == "research-institute"
    assert registry.parents(org("sifer-sor-ost")) == [URIRef(org("ous")), URIRef(org("sifer"))]


def test_the_index_holds_every_kind_of_label(registry: Registry) -> None:
    index = registry.index
    assert index.lookup("Barne-, ungdoms- og familiedirektoratet").iri == org("bufdir")  # prefLabel
    assert index.lookup("Bufdir").iri == org("bufdir")  # acronym
    assert index.lookup("Buudir").iri == org("bufdir")  # altLabel
    assert index.lookup("Arbeids- og sosialdepartementet").iri == org("aid")  # former name
    assert index.lookup("Bufdirs").iri == org("bufdir")  # genitive
    assert index.lookup("Statsforvalterne").iri == org("statsforvalteren")
    assert index.lookup("Politiet").iri == org("politiet")  # the capitalised variant of «politiet» is the prefLabel
    assert index.lookup("Politidistriktene").iri == org("politiet")  # capitalised variant of an altLabel


def test_english_labels_are_not_matched(registry: Registry) -> None:
    assert registry.index.lookup("Council of Europe") is None
    assert registry.index.lookup("Europarådet").iri == org("europaradet")


def test_label_entries_are_typed(registry: Registry) -> None:
    entries = dict(label_entries(registry.graph, ORGANISATION))
    assert entries["KoRus"].iri == org("korus")
    assert entries["KoRus"].kind == "organisation"
    assert entries["KoRus"].label == "Kompetansesenter rus"


def test_a_label_given_to_two_organisations_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
        tgorg:a a org:FormalOrganization ; skos:prefLabel "A-direktoratet"@nb ; tg:acronym "AD" ;
            org:classification orgtype:directorate .
        tgorg:b a org:FormalOrganization ; skos:prefLabel "B-direktoratet"@nb ; skos:altLabel "AD"@nb ;
            org:classification orgtype:directorate .
        """,
    )
    with pytest.raises(SourceError, match="«AD» is given to both"):
        load_registry(path, programmes_path=None)


def test_a_fixture_registry_without_programmes(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
        tgorg:jd a org:FormalOrganization ; skos:prefLabel "Justis- og beredskapsdepartementet"@nb ;
            tg:acronym "JD" ; org:classification orgtype:ministry .
        """,
    )
    registry = load_registry(path, programmes_path=None)
    assert registry.ministry("JD") == URIRef(org("jd"))
    assert len(registry.programmes) == 0
    assert registry.index.lookup("JD").iri == org("jd")


def test_a_missing_or_broken_registry_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is missing"):
        load_registry(tmp_path / "nothing.ttl", programmes_path=None)
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(SourceError, match="does not parse"):
        load_registry(broken, programmes_path=None)
