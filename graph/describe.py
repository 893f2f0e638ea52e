"""Name a node of the graph in words an analyst knows: «measure 17», «organisation JD», «footnote 9».

``describe(graph, node)`` returns a :class:`Described`: the group (the measure or organisation the node
belongs to, what a validation report groups it under), the node itself in words, and the node that stands
for the group. Nodes that hang off a measure (its status, roles, evidence, findings, footnotes) are grouped
under that measure. ``caption(graph, owner)`` adds the title or full name to a group: «measure 17 «…»».

>>> from rdflib import Graph, Literal, URIRef
>>> from graph.vocab import DCTERMS, RDF, TG
>>> g = Graph()
>>> m = URIRef("https://w3id.org/tiltaksgraf/id/measure/p/17")
>>> g.add((m, RDF.type, TG.Measure)); g.add((m, TG.number, Literal("17")))  # doctest: +ELLIPSIS
<Graph ...
>>> describe(g, URIRef(f"{m}/status"))[:2]
('measure 17', 'measure 17, unlinked status')
>>> g.add((m, TG.hasStatusAssessment, URIRef(f"{m}/status")))  # doctest: +ELLIPSIS
<Graph ...
>>> describe(g, URIRef(f"{m}/status"))[:2]
('measure 17', 'measure 17, status assessment')
>>> g.add((m, DCTERMS.title, Literal("Utarbeide et nasjonalt forebyggingsprogram", lang="nb")))  # doctest: +ELLIPSIS
<Graph ...
>>> caption(g, m)
'measure 17 «Utarbeide et nasjonalt forebyggingsprogram»'

"""

from __future__ import annotations

from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node
from tiltaksgraf.graph.vocab import CITO, DCTERMS, OA, ORG, PROV, RDF, SKOS, TG

#: Links from an owner to a part, with the part's name: walked backwards to find what a node belongs to.
PARTS = (
    (TG.hasStatusAssessment, "status assessment"),
    (TG.hasReading, "status reading"),
    (TG.hasDocumentMention, "document mention"),
    (TG.hasContinuation, "link to the successor plan"),
    (PROV.qualifiedAssociation, "role"),
    (TG.hasMentionOnly, "organisation only named"),
    (TG.hasCrossReference, "cross-reference"),
    (TG.hasFinding, "finding"),
    (TG.sourceSpan, "source span"),
    (TG.statusSpan, "status span"),
    (TG.evidence, "evidence"),
    (OA.hasSelector, "quote"),
)
_ORGANISATIONS = (ORG.Organization, ORG.FormalOrganization, ORG.OrganizationalUnit)


def _label(graph: Graph, node: Node, *props: URIRef) -> str:
    """The first value of the first property that has one, preferring Bokmål."""
    for prop in props:
        values = list(graph.objects(node, prop))
        if values:
            nb = [v for v in values if isinstance(v, Literal) and v.language == "nb"]
            return str((nb or sorted(values, key=str))[0])
    return ""


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class Described(NamedTuple):
    """A node in words: its group, its own name, and the node that stands for the group (None if none)."""

    group: str
    name: str
    owner: Node | None


def _own_name(graph: Graph, node: Node) -> Described | None:
    """The description of a node that is a group of its own or names itself; None for parts of others."""
    types = set(graph.objects(node, RDF.type))
    if types & {TG.Measure, TG.SubMeasure}:
        name = f"measure {_label(graph, node, TG.number) or _tail(node)}"
        return Described(name, name, node)
    if types & set(_ORGANISATIONS) or (None, PROV.agent, node) in graph or (None, TG.namedOrganisation, node) in graph:
        name = f"organisation {_label(graph, node, TG.acronym, SKOS.prefLabel) or _tail(node)}"
        return Described(name, name, node)
    if TG.Footnote in types:
        name = f"footnote {_label(graph, node, TG.footnoteNumber) or _tail(node)}"
        citing = graph.value(node, CITO.hasCitingEntity)
        group = _own_name(graph, citing) if citing is not None else None
        return Described(group.group, name, group.owner) if group else Described("footnotes", name, None)
    if (None, CITO.hasCitedEntity, node) in graph:
        title = _short(_label(graph, node, DCTERMS.title) or _tail(node))
        return Described("publications", f"publication «{title}»", None)
    if TG.FocusArea in types:
        name = f"focus area {_label(graph, node, SKOS.notation) or _tail(node)}"
        return Described(name, name, node)
    if PROV.Plan in types or TG.ActionPlan in types or TG.EscalationPlan in types:
        name = f"plan «{_label(graph, node, DCTERMS.title) or _tail(node)}»"
        return Described(name, name, node)
    if types & {TG.FinalReport, TG.StatusReport}:
        return Described("the report", "the report", node)
    if TG.Commitment in types:
        plan = graph.value(node, DCTERMS.isPartOf)
        group = _own_name(graph, plan) if plan is not None else None
        name = f"commitment «{_short(_label(graph, node, PROV.value) or _tail(node), 50)}»"
        return Described(group.group, name, group.owner) if group else Described("commitments", name, None)
    return None


def _part_name(graph: Graph, owner: Node, prop: URIRef, base: str, node: Node) -> str:
    if prop == PROV.qualifiedAssociation:
        role = _tail(graph.value(node, PROV.hadRole) or "role")
        agent = graph.value(node, PROV.agent)
        who = _label(graph, agent, TG.acronym, SKOS.prefLabel) if agent is not None else "?"
        stated = graph.value(node, TG.statedIn)
        return f"{base}, {role} {who}" + (f" ({_tail(stated)})" if stated is not None else "")
    if prop == TG.hasMentionOnly:
        named = graph.value(node, TG.namedOrganisation)
        who = _label(graph, named, TG.acronym, SKOS.prefLabel) if named is not None else "?"
        return f"{base}, mentioned {who}"
    if prop == TG.hasCrossReference:
        target = graph.value(node, TG.referencedMeasure)
        number = _label(graph, target, TG.number) if target is not None else ""
        return f"{base}, cross-reference to measure {number or '?'}"
    if prop == TG.hasFinding:
        return f"{base}, finding {_tail(graph.value(node, TG.findingKind) or node)}"
    return f"{base}, {dict(PARTS)[prop]}"


def describe(graph: Graph, node: Node, _depth: int = 0) -> Described:
    """What ``node`` belongs to and what it is, in words."""
    own = _own_name(graph, node)
    if own is not None:
        return own
    if _depth < 4:
        for prop, _ in PARTS:
            owner = next(iter(sorted(graph.subjects(prop, node), key=str)), None)
            if owner is not None:
                up = describe(graph, owner, _depth + 1)
                return Described(up.group, _part_name(graph, owner, prop, up.name, node), up.owner)
    # Linked to nothing we know: name it by its IRI, grouped by the measure its IRI is minted under, if any.
    parts = str(node).split("/measure/", 1)[-1].split("/") if "/measure/" in str(node) else []
    if len(parts) > 2:
        return Described(f"measure {parts[1]}", f"measure {parts[1]}, unlinked {'/'.join(parts[2:])}", None)
    return Described("other resources", _tail(node), None)


def caption(graph: Graph, owner: Node | None) -> str:
    """The group with the title of its measure or the full name of its organisation."""
    if owner is None:
        return ""
    group = describe(graph, owner).group
    title = _label(graph, owner, DCTERMS.title)
    if title:
        return f"{group} «{_short(title, 80)}»"
    name = _label(graph, owner, SKOS.prefLabel)
    return f"{group} ({name})" if name and name not in group else group


def _tail(node: Node) -> str:
    """The last part of an IRI: ``…/vocab/role/responsible`` → ``responsible``."""
    return str(node).rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
