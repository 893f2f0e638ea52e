"""Add the actors to the graph: each organisation's roles in each measure, every mention, publishers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.provenance import Provenance, nb, report_key
from tiltaksgraf.graph.registry import Registry
from tiltaksgraf.graph.vocab import DCTERMS, OA, PROV, RDF, ROLE, TG, XSD
from tiltaksgraf.loaders.actors import Mention, PublicationActors, Role, UnresolvedName
from tiltaksgraf.loaders.measure_text import TextPart, measure_parts
from tiltaksgraf.loaders.mentions import find_mentions
from tiltaksgraf.loaders.model import Report
from tiltaksgraf.loaders.roles import measure_roles, publication_actors
from tiltaksgraf.loaders.unresolved import report_blocks, unresolved_names

#: Characters of context kept on each side of a mention (Web Annotation prefix and suffix).
CONTEXT = 32


@dataclass
class Actors:
    """What the actors step read from one report: roles, mentions and the names it could not resolve."""

    roles: list[Role] = field(default_factory=list)
    mentions: list[tuple[TextPart, Mention]] = field(default_factory=list)
    unresolved: list[UnresolvedName] = field(default_factory=list)
    publications: list[PublicationActors] = field(default_factory=list)

    def role_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(r.role for r in self.roles).items()))


def read_actors(
    report: Report, source_text: str, registry: Registry, parts: dict[int, list[TextPart]] | None = None
) -> Actors:
    """Roles, mentions and unresolved names of one report (no RDF yet); ``parts`` its measures' parts, when read."""
    parts = measure_parts(report, source_text) if parts is None else parts
    mentions = [
        (p, m) for number in sorted(parts) for p in parts[number] for m in find_mentions(p.block, registry.index)
    ]
    return Actors(
        roles=measure_roles(report, parts, registry.index),
        mentions=mentions,
        unresolved=unresolved_names(report_blocks(source_text), registry.index),
        publications=publication_actors(report.footnotes, registry.index),
    )


def _key(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def add_actors(graph: Graph, report: Report, actors: Actors) -> None:
    """Write the roles (all but «responsible», which the report step writes), mentions and publishers.

    A role that means taking part is a ``prov:qualifiedAssociation`` of the measure (a ``tg:Involvement``);
    an organisation only named is a ``tg:MentionOnly``, no association (docs/decisions/0011). Every
    organisation named is also ``?measure tg:mentions ?org``, with a ``tg:Mention`` for each place.
    """
    plan_key = iris.key_of(report.plan.title)
    w = Provenance(graph, iris.report(report_key(report)))
    for role in actors.roles:
        if role.role == "responsible":
            continue
        measure = iris.measure(plan_key, role.measure)
        if role.role == "mentioned":
            node = iris.part(measure, "mentioned", _key(role.actor))
            graph.add((measure, TG.hasMentionOnly, node))
            graph.add((node, RDF.type, TG.MentionOnly))
            graph.add((node, TG.namedOrganisation, URIRef(role.actor)))
        else:
            node = iris.part(measure, "role", role.role, _key(role.actor))
            graph.add((measure, PROV.qualifiedAssociation, node))
            graph.add((node, RDF.type, TG.Involvement))
            graph.add((node, RDF.type, PROV.Association))
            graph.add((node, PROV.agent, URIRef(role.actor)))
            graph.add((node, PROV.hadRole, ROLE[role.role]))
        graph.add((node, TG.decidedByRule, Literal(role.rule)))
        w.evidence(node, role.evidence)
    seen: Counter[URIRef] = Counter()
    for part, m in actors.mentions:
        measure = iris.measure(plan_key, part.owner)
        target = URIRef(m.iri)
        graph.add((measure, TG.mentions, target))
        base = iris.part(measure, "mention", f"{m.line}-{_key(m.iri)}")
        seen[base] += 1
        node = base if seen[base] == 1 else URIRef(f"{base}-{seen[base]}")
        graph.add((measure, TG.hasMention, node))
        graph.add((node, RDF.type, TG.Mention))
        graph.add((node, TG.mentionOf, target))
        graph.add((node, OA.hasSource, w.doc))
        graph.add((node, TG.startLine, Literal(m.line, datatype=XSD.positiveInteger)))
        graph.add((node, TG.endLine, Literal(m.line, datatype=XSD.positiveInteger)))
        graph.add((node, TG.sectionLabel, nb(part.section_label)))
        text = part.block.text
        w.quote(node, text[m.start : m.end], text[max(0, m.start - CONTEXT) : m.start], text[m.end : m.end + CONTEXT])
    for pub in actors.publications:
        node = iris.publication(pub.key)
        if pub.publisher_iri:
            graph.add((node, DCTERMS.publisher, URIRef(pub.publisher_iri)))
        for author in pub.author_iris:
            graph.add((node, DCTERMS.creator, URIRef(author)))
