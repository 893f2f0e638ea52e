"""The dataset's DCAT-AP-NO description (``build/catalog.ttl``) and its JSON-LD distribution (``graph.jsonld``).

The curated part (publisher, licence, themes, place, languages, the SPARQL service) is reference data in
``data/catalog.ttl``; the rest comes from the build: titles and descriptions in nb and en and the temporal
coverage from the plans and reports in the graph (``queries/catalog/coverage.rq``), and one distribution per
file written, with its size. :func:`build_catalog` checks the result against ``ontology/dcat-ap-no-shapes.ttl``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.queries import named_queries, run_named
from tiltaksgraf.graph.results import Table
from tiltaksgraf.graph.serialize import to_turtle
from tiltaksgraf.graph.vocab import DCTERMS, ID, PROV, RDF, SH, XSD
from tiltaksgraf.loaders.errors import SourceError

from tiltaksgraf.paths import CATALOG_FILE, ONTOLOGY_DIR, QUERIES_DIR

DCAT = Namespace("http://www.w3.org/ns/dcat#")
SHAPES = ONTOLOGY_DIR / "dcat-ap-no-shapes.ttl"
DATASET = ID["dataset"]
#: Where the published files will be: the project's permanent address space (docs/decisions/0001).
DOWNLOADS = "https://w3id.org/tiltaksgraf/data/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"
LICENCE = URIRef("https://spdx.org/licenses/MIT")


@dataclass(frozen=True)
class Format:
    """One distribution: the file, its EU file type, IANA media type, the spec it follows and its name."""

    file: str
    file_type: str
    media_type: str
    spec: str
    name: str


#: The distributions, by the key :func:`graph.build.write_outputs` writes them under.
FORMATS = {
    "turtle": Format("graph.ttl", "RDF_TURTLE", "text/turtle", "https://www.w3.org/TR/turtle/", "Turtle"),
    "ntriples": Format(
        "graph.nt", "RDF_N_TRIPLES", "application/n-triples", "https://www.w3.org/TR/n-triples/", "N-Triples"
    ),
    "jsonld": Format("graph.jsonld", "JSON_LD", "application/ld+json", "https://www.w3.org/TR/json-ld11/", "JSON-LD"),
}
PREFIXES = {
    "dcat": str(DCAT),
    "dcterms": str(DCTERMS),
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": str(PROV),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": str(XSD),
}


def to_jsonld(ntriples: bytes) -> bytes:
    """JSON-LD (expanded IRIs, one object per subject) of the graph in sorted N-Triples: written by Oxigraph in
    the order of the lines, so two builds give the same bytes."""
    triples = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=ox.RdfFormat.JSON_LD)


def coverage(graph: bytes | ox.Store) -> Table:
    """The rows of ``queries/catalog/coverage.rq`` on the graph (its N-Triples, or the embedded store loaded from
    them): one per report and the plan it reports on."""
    if isinstance(graph, bytes):
        store = ox.Store()
        store.bulk_load(graph, ox.RdfFormat.N_TRIPLES)
        graph = store
    return run_named(graph, named_queries(QUERIES_DIR / "catalog")["coverage"])


MONTHS = {
    "nb": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def _month(issued: str, lang: str) -> str:
    """``2025-04`` → «april 2025» (nb) or «April 2025» (en)."""
    year, _, month = issued.partition("-")
    return f"{MONTHS[lang][int(month) - 1]} {year}" if month.isdigit() else issued


def _texts(rows: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """The dataset's title and description in nb and en, from the coverage rows."""
    plans = [f"«{r['plan_title']}» ({r['start_year']}–{r['end_year']})" for r in rows]
    months = {lang: " og ".join(_month(r["issued"], lang) for r in rows) for lang in MONTHS}
    measures = sum(int(r["measures"]) for r in rows)
    orgs = sum(int(r["organisations"]) for r in rows)
    return {
        "title": (
            f"Tiltaksgraf: tiltakene i {' og '.join(plans)}",
            f"Tiltaksgraf: the measures of {' and '.join(plans)}",
        ),
        "description": (
            f"Kunnskapsgraf over de {measures} tiltakene i handlingsplanen {' og '.join(plans)} og de {orgs} "
            f"organisasjonene som er med i dem, lest ut fra regjeringens sluttrapport fra {months['nb']}: ansvarlige "
            "departementer, status, videreføring i planen som tar over, roller, kryssreferanser og siterte rapporter. "
            "Hvert utsagn har belegg i kilden: del av rapporten, linjer og sitert setning.",
            f"Knowledge graph of the {measures} measures of the action plan {' and '.join(plans)} and the {orgs} "
            f"organisations involved in them, read from the government's final report of {months['en']}: responsible "
            "ministries, status, continuation into the plan that takes over, roles, cross-references and cited "
            "reports. Every statement carries its evidence in the source: the part of the report, the lines and the "
            "quoted sentence.",
        ),
    }


def build_catalog(ntriples: bytes | ox.Store, files: Mapping[str, bytes]) -> Graph:
    """The catalogue of the graph in ``ntriples`` (or the embedded store loaded from them) with one distribution
    per written file in ``files``."""
    g = Graph()
    try:
        g.parse(CATALOG_FILE, format="turtle")
    except Exception as exc:
        raise SourceError(CATALOG_FILE, f"does not parse as Turtle: {exc}", hint="fix the catalogue data") from exc
    table = coverage(ntriples)
    rows = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
    if rows:
        for prop, (nb, en) in _texts(rows).items():
            g.add((DATASET, DCTERMS[prop], Literal(nb, lang="nb")))
            g.add((DATASET, DCTERMS[prop], Literal(en, lang="en")))
        period = iris.part(DATASET, "temporal")
        g.add((DATASET, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(f"{min(r['start_year'] for r in rows)}-01-01", datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(f"{max(r['end_year'] for r in rows)}-12-31", datatype=XSD.date)))
        for report in sorted({r["report"] for r in rows}):
            g.add((DATASET, PROV.wasDerivedFrom, URIRef(report)))
    for key, data in sorted(files.items()):
        fmt = FORMATS[key]
        node = iris.part(DATASET, "distribution", key)
        g.add((DATASET, DCAT.distribution, node))
        g.add((node, RDF.type, DCAT.Distribution))
        g.add((node, DCTERMS.title, Literal(f"Grafen som {fmt.name}", lang="nb")))
        g.add((node, DCTERMS.title, Literal(f"The graph as {fmt.name}", lang="en")))
        nb = f"Hele grafen (ontologi, begrepssystemer, register og data) som {fmt.name}: filen {fmt.file} fra bygget."
        en = f"The whole graph (ontology, schemes, registry and data) as {fmt.name}: the file {fmt.file} of the build."
        g.add((node, DCTERMS.description, Literal(nb, lang="nb")))
        g.add((node, DCTERMS.description, Literal(en, lang="en")))
        g.add((node, DCAT.accessURL, URIRef(DOWNLOADS + fmt.file)))
        g.add((node, DCAT.downloadURL, URIRef(DOWNLOADS + fmt.file)))
        g.add((node, DCTERMS.format, URIRef(FILE_TYPE + fmt.file_type)))
        g.add((node, DCAT.mediaType, URIRef(IANA + fmt.media_type)))
        g.add((node, DCTERMS.conformsTo, URIRef(fmt.spec)))
        g.add((node, DCTERMS.license, LICENCE))
        g.add((node, DCAT.byteSize, Literal(str(len(data)), datatype=XSD.decimal)))
    problems = [p for p in check_catalog(g) if p[0] == "Violation"]
    if problems:
        detail = "; ".join(f"{focus} {path}: {message}" for _, focus, path, message in problems[:3])
        raise SourceError(CATALOG_FILE, f"the DCAT-AP-NO description does not validate: {detail}")
    return g


def check_catalog(catalog: Graph) -> list[tuple[str, str, str, str]]:
    """The catalogue against the DCAT-AP-NO shapes: (severity, focus node, path, message in English) per problem."""
    try:  # the Rust engine, as for the graph's own shapes; pySHACL, the reference, where it has no wheel
        from pyshacl_turbo import validate
    except ImportError:
        from pyshacl import validate

    shapes = Graph().parse(SHAPES, format="turtle")
    _, report, _ = validate(catalog, shacl_graph=shapes, inference="none", advanced=False)
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        messages = {m.language: str(m) for m in report.objects(result, SH.resultMessage)}
        message = messages.get("en") or next(iter(messages.values()), "")
        path = report.value(result, SH.resultPath)
        problems.append((severity, str(report.value(result, SH.focusNode)), str(path or ""), message))
    return sorted(problems)


def catalog_turtle(catalog: Graph) -> bytes:
    """The catalogue as Turtle in a stable order (sorted triples, grouped by subject)."""
    return to_turtle(catalog, prefixes=PREFIXES)
