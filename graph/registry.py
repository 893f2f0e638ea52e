"""The registries of organisations and programmes (``data/*.ttl``): load them and look names up."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph.triples import read_rdf
from tiltaksgraf.graph.vocab import ORG, ORG_TYPE, PROGRAMME_KIND, SKOS, TG
from tiltaksgraf.loaders.actors import ORGANISATION, PROGRAMME, Target
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.mentions import LabelIndex

from tiltaksgraf.paths import ORGANISATIONS_FILE, PROGRAMMES_FILE

#: The concepts of the organisation-type scheme (``orgtype:<x>``).
ORG_TYPES = (
    "ministry",
    "government",
    "parliament",
    "directorate",
    "police",
    "competence-centre",
    "research-institute",
    "health-trust",
    "service-provider",
    "civil-society",
    "sami-institution",
    "municipality",
    "prison",
    "court",
    "commission",
    "international",
    "network",
    "company",
    "other",
)
#: The concepts of the programme-kind scheme (``progkind:<x>``).
PROGRAMME_KINDS = (
    "programme",
    "project",
    "research-programme",
    "funding-scheme",
    "service",
    "tool",
    "method",
    "network",
    "website",
)
#: The properties whose values are labels that name a resource in a text.
LABEL_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, TG.acronym, TG.formerName)


@dataclass(frozen=True)
class Registry:
    """The registry graphs, the ministries by acronym and the index of every label."""

    graph: Graph
    ministries: dict[str, URIRef]
    programmes: Graph = field(default_factory=Graph)
    index: LabelIndex = field(default_factory=lambda: LabelIndex({}))

    def ministry(self, acronym: str) -> URIRef | None:
        """The ministry with this acronym («JD»), or None if the registry does not know it."""
        return self.ministries.get(acronym)

    def organisations(self) -> list[URIRef]:
        """Every organisation, sorted by IRI."""
        return sorted(s for s in self.graph.subjects(ORG.classification, None) if isinstance(s, URIRef))

    def label(self, iri: str | URIRef) -> str:
        """The Norwegian preferred label of an organisation or programme (its IRI if it has none)."""
        for graph in (self.graph, self.programmes):
            label = preferred_label(graph, URIRef(str(iri)))
            if label:
                return label
        return str(iri)

    def org_type(self, iri: str | URIRef) -> str | None:
        """The organisation's type, the local name of its ``org:classification`` («directorate»)."""
        concept = self.graph.value(URIRef(str(iri)), ORG.classification)
        return str(concept).removeprefix(str(ORG_TYPE)) if concept is not None else None

    def programme_kind(self, iri: str | URIRef) -> str | None:
        """The programme's kind, the local name of its ``tg:programmeKind`` («website»)."""
        concept = self.programmes.value(URIRef(str(iri)), TG.programmeKind)
        return str(concept).removeprefix(str(PROGRAMME_KIND)) if concept is not None else None

    def parents(self, iri: str | URIRef) -> list[URIRef]:
        """The organisations this one is a sub-organisation of."""
        return sorted(p for p in self.graph.objects(URIRef(str(iri)), ORG.subOrganizationOf) if isinstance(p, URIRef))


def load_registry(path: Path = ORGANISATIONS_FILE, programmes_path: Path | None = PROGRAMMES_FILE) -> Registry:
    """Parse the registries; a broken file, or a label given to two resources, is a :class:`SourceError`."""
    graph = parse_registry(path, "organisations", "restore data/organisations.ttl")
    programmes = (
        parse_registry(programmes_path, "programmes", "restore data/programmes.ttl") if programmes_path else Graph()
    )
    ministries = {
        str(acronym): org
        for org in graph.subjects(ORG.classification, ORG_TYPE.ministry)
        if isinstance(org, URIRef)
        for acronym in graph.objects(org, TG.acronym)
    }
    index, conflicts = LabelIndex.build([*label_entries(graph, ORGANISATION), *label_entries(programmes, PROGRAMME)])
    if conflicts:
        label, first, second = conflicts[0]
        raise SourceError(
            path,
            f"the label «{label}» is given to both {first.iri} and {second.iri}",
            hint="a label must name one organisation or programme: remove it from one of them",
        )
    return Registry(graph, ministries, programmes, index)


def parse_registry(path: Path, what: str, hint: str) -> Graph:
    """A registry file of ``data/`` (the registry of ``what``), parsed; missing or broken is a :class:`SourceError`
    with ``hint`` for the missing file."""
    graph = Graph()
    try:
        graph += read_rdf(path)  # Oxigraph's parser, terms as rdflib's parser makes them
    except FileNotFoundError as exc:
        raise SourceError(path, f"the registry of {what} is missing", hint=hint) from exc
    except Exception as exc:  # SyntaxError with the line, or a term rdflib refuses
        raise SourceError(path, f"the registry of {what} does not parse: {exc}", hint="fix the Turtle") from exc
    return graph


def preferred_label(graph: Graph, iri: URIRef) -> str | None:
    """The ``skos:prefLabel`` in Norwegian (``nb``), or None."""
    labels = [o for o in graph.objects(iri, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "nb"]
    return str(labels[0]) if labels else None


def label_entries(graph: Graph, kind: str) -> list[tuple[str, Target]]:
    """``(label, target)`` for every label that names a resource in a text.

    English labels are left out: the source is Norwegian, and an English name would only match by
    accident. Every other label counts: Norwegian and Sami altLabels, acronyms, former names.
    """
    subjects = (
        graph.subjects(ORG.classification, None) if kind == ORGANISATION else graph.subjects(TG.programmeKind, None)
    )
    entries: list[tuple[str, Target]] = []
    for subject in sorted({s for s in subjects if isinstance(s, URIRef)}):
        target = Target(str(subject), kind, preferred_label(graph, subject) or str(subject))
        for prop in LABEL_PROPERTIES:
            for value in graph.objects(subject, prop):
                if isinstance(value, Literal) and value.language != "en":
                    entries.append((str(value), target))
    return entries


def misspellings(graph: Graph) -> dict[str, str]:
    """Known misspellings of organisation names (``skos:hiddenLabel``) → the name they stand for.

    The name is the organisation's Bokmål ``skos:prefLabel``, with its acronym where it has one:
    «Buudir» → «Barne-, ungdoms- og familiedirektoratet (Bufdir)».
    """
    out: dict[str, str] = {}
    for org, wrong in sorted(graph.subject_objects(SKOS.hiddenLabel)):
        labels = sorted(graph.objects(org, SKOS.prefLabel), key=lambda v: (getattr(v, "language", "") != "nb", v))
        name = str(labels[0]) if labels else str(org).rsplit("/", 1)[-1]
        acronym = graph.value(org, TG.acronym)
        out[str(wrong)] = f"{name} ({acronym})" if acronym else name
    return out


__all__ = [
    "LABEL_PROPERTIES",
    "ORG_TYPES",
    "PROGRAMME_KINDS",
    "Registry",
    "label_entries",
    "load_registry",
    "misspellings",
]
