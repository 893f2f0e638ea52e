"""The DCAT-AP-NO description the build writes (build/catalog.ttl) and the JSON-LD distribution: what they say,
that they validate against ontology/dcat-ap-no-shapes.ttl, and that each mandatory property is caught missing."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph import catalog as catalog_module
from tiltaksgraf.graph.catalog import DATASET, DCAT, check_catalog
from tiltaksgraf.graph.vocab import DCTERMS, PROV, RDF, XSD
from tiltaksgraf.loaders.errors import SourceError

from tests.conftest import MINI
from tiltaksgraf.cli import main

FOAF_NAME = URIRef("http://xmlns.com/foaf/0.1/name")
SERVICE = URIRef("https://w3id.org/tiltaksgraf/id/dataset/sparql")
REPORT = URIRef("https://w3id.org/tiltaksgraf/id/report/frihet-fra-vold-sluttrapport-2025")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


@pytest.fixture(scope="module")
def catalog(graph_file: Path) -> Graph:
    """The catalogue written beside the real report's graph."""
    return Graph().parse(graph_file.parent / "catalog.ttl", format="turtle")


def langs(g: Graph, node: URIRef, prop: URIRef) -> set[str]:
    return {o.language for o in g.objects(node, prop) if isinstance(o, Literal)}


def test_the_catalogue_of_the_real_report_validates_without_violations_or_warnings(catalog):
    assert check_catalog(catalog) == []


def test_the_dataset_has_titles_and_descriptions_in_nb_and_en_from_the_graph(catalog, graph_file):
    for prop in (DCTERMS.title, DCTERMS.description):
        assert langs(catalog, DATASET, prop) == {"nb", "en"}
    graph = Graph().parse(graph_file, format="turtle")
    taking_part = {a for q in graph.objects(None, PROV.qualifiedAssociation) for a in graph.objects(q, PROV.agent)}
    for description in catalog.objects(DATASET, DCTERMS.description):
        assert "82 " in description and f" {len(taking_part)} " in description, description
        assert "«Frihet fra vold» (2021–2024)" in description


def test_the_dataset_names_publisher_licence_themes_place_and_period(catalog):
    publisher = catalog.value(DATASET, DCTERMS.publisher)
    assert langs(catalog, publisher, FOAF_NAME) == {"nb", "en"}
    assert catalog.value(DATASET, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")
    themes = {str(t).rsplit("/", 1)[-1] for t in catalog.objects(DATASET, DCAT.theme)}
    assert themes == {"JUST", "SOCI", "GOVE"}
    assert catalog.value(DATASET, DCTERMS.spatial) == URIRef(
        "http://publications.europa.eu/resource/authority/country/NOR"
    )
    period = catalog.value(DATASET, DCTERMS.temporal)
    assert catalog.value(period, DCAT.startDate) == Literal("2021-01-01", datatype=XSD.date)
    assert catalog.value(period, DCAT.endDate) == Literal("2024-12-31", datatype=XSD.date)
    assert catalog.value(DATASET, PROV.wasDerivedFrom) == REPORT


def test_one_distribution_per_file_with_its_format_and_size(catalog, graph_file: Path):
    files = {"graph.ttl": "RDF_TURTLE", "graph.nt": "RDF_N_TRIPLES", "graph.jsonld": "JSON_LD"}
    found = {}
    for dist in catalog.objects(DATASET, DCAT.distribution):
        name = str(catalog.value(dist, DCAT.downloadURL)).rsplit("/", 1)[-1]
        found[name] = str(catalog.value(dist, DCTERMS.format)).removeprefix(FILE_TYPE)
        size = (graph_file.parent / name).stat().st_size
        assert catalog.value(dist, DCAT.byteSize) == Literal(str(size), datatype=XSD.decimal), name
        assert catalog.value(dist, DCAT.accessURL) is not None
    assert found == files


def test_the_sparql_endpoint_is_a_data_service_serving_the_dataset(catalog):
    assert (SERVICE, RDF.type, DCAT.DataService) in catalog
    assert catalog.value(SERVICE, DCAT.endpointURL) == URIRef("http://127.0.0.1:7878/query")
    assert catalog.value(SERVICE, DCAT.servesDataset) == DATASET
    assert langs(catalog, SERVICE, DCTERMS.title) == {"nb", "en"}


def test_the_jsonld_distribution_is_the_graph(graph_file: Path):
    # No blank nodes in the graph (decision 0001), so the same triples are the same graph.
    jsonld = set(ox.parse(path=str(graph_file.parent / "graph.jsonld"), format=ox.RdfFormat.JSON_LD))
    ntriples = set(ox.parse(path=str(graph_file.parent / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))
    assert jsonld == ntriples and len(jsonld) > 30000


def test_build_writes_the_catalogue_and_jsonld_byte_identical_twice(tmp_path):
    for name in ("a", "b"):
        assert main(["build", str(MINI), "-o", str(tmp_path / name), "-q"]) == 0
    for name in ("catalog.ttl", "graph.jsonld"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    mini = Graph().parse(tmp_path / "a" / "catalog.ttl", format="turtle")
    assert check_catalog(mini) == []


@pytest.mark.parametrize(
    ("node", "prop", "message"),
    [
        (DATASET, DCTERMS.title, "The dataset must have a title (mandatory)."),
        (DATASET, DCTERMS.description, "The dataset must have a description (mandatory)."),
        (DATASET, DCTERMS.publisher, "The dataset must have exactly one publisher"),
        (DATASET, DCAT.theme, "The dataset must have at least one theme"),
        (DATASET, DCTERMS.identifier, "The dataset must have an identifier"),
        (SERVICE, DCAT.endpointURL, "The data service must have exactly one endpoint URL (mandatory)."),
        (SERVICE, DCTERMS.title, "The data service must have a title (mandatory)."),
        (URIRef("https://w3id.org/tiltaksgraf/id/catalog"), DCTERMS.title, "The catalogue must have a title"),
        (URIRef(f"{DATASET}/distribution/turtle"), DCAT.accessURL, "The distribution must have an access URL"),
        (URIRef(f"{DATASET}/distribution/turtle"), DCTERMS.format, "The distribution must have exactly one format"),
    ],
)
def test_each_mandatory_property_is_a_violation_when_missing(catalog, node, prop, message):
    broken = Graph()
    broken += catalog
    assert (node, prop, None) in broken
    broken.remove((node, prop, None))
    problems = check_catalog(broken)
    assert any(s == "Violation" and f == str(node) and m.startswith(message) for s, f, _, m in problems), problems


def test_a_year_as_start_date_is_a_violation(catalog):
    broken = Graph()
    broken += catalog
    period = catalog.value(DATASET, DCTERMS.temporal)
    broken.set((period, DCAT.startDate, Literal("2021", datatype=XSD.gYear)))
    assert [s for s, f, _, _ in check_catalog(broken) if f == str(period)] == ["Violation"]


def test_broken_catalogue_data_is_a_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "catalog.ttl"
    bad.write_text(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://w3id.org/tiltaksgraf/id/catalog> a dcat:Catalog .\n"
    )
    monkeypatch.setattr(catalog_module, "CATALOG_FILE", bad)
    with pytest.raises(SourceError, match=r"catalog\.ttl: the DCAT-AP-NO description does not validate"):
        catalog_module.build_catalog(b"", {})
