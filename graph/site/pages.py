"""The page model: for each page of the site, the facts it shows, grouped and ordered (no HTML here).

Each function takes the :class:`~graph.site.data.SiteData` (and the networks where a page draws one) and
returns a plain dict the templates render. Roles, statuses and kinds are IRIs of the graph's schemes; the
order of roles on a page is: responsibilities first, then the other roles by how often the graph uses them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from tiltaksgraf.graph.site.data import SiteData
from tiltaksgraf.graph.site.highlight import marked_paragraphs
from tiltaksgraf.graph.site.labels import local_name
from tiltaksgraf.graph.site.networks import SiteNetworks
from tiltaksgraf.graph.site.records import Association, Document, DocumentMention, Measure, Quote
from tiltaksgraf.graph.site.timeline import Event, timeline

#: The kinds of quote marked in a measure's text, strongest first (the page's legend follows this order):
#: the deciding status sentence, the other status readings, the link to the successor plan, its commitments,
#: cross-references, the places a document is named, findings, and the sentences organisations get a role in.
MARK_KINDS = ("status", "reading", "continuation", "commitment", "reference", "document", "finding", "role")


def role_order(data: SiteData) -> list[str]:
    """Every role the graph uses: those of responsibilities first, then by use, then by IRI."""
    uses = Counter(a.role for m in data.measures.values() for a in m.associations)
    responsible = {a.role for m in data.measures.values() for a in m.associations if a.responsibility}
    return sorted(uses, key=lambda r: (r not in responsible, -uses[r], r))


def _by_role(data: SiteData, associations: list[Association]) -> list[tuple[str, list[Association]]]:
    groups: dict[str, list[Association]] = defaultdict(list)
    for a in associations:
        groups[a.role].append(a)
    order = role_order(data)
    return [(role, sorted(groups[role], key=lambda a: (a.agent, a.stated_in))) for role in order if role in groups]


def _section_text(m: Measure, data: SiteData) -> str:
    """The measure's section as the report prints it: heading, description, the line that names the
    responsible ministries, «Status:» and the status text (paragraphs apart by blank lines)."""
    title = m.body_title or m.title
    heading = f"{m.number[-1]}) {title}" if m.parent else f"Tiltak {m.number}: {title}"
    body_lines = list(dict.fromkeys(a.quote.text for a in m.associations if a.responsibility and _is_body(a, data)))
    parts = [heading, m.description, *body_lines]
    if m.status_text:
        parts += ["Status:", m.status_text]
    return "\n\n".join(p for p in parts if p)


def _is_body(a: Association, data: SiteData) -> bool:
    concept = data.concepts.get(a.stated_in)
    return bool(concept) and concept.notation == "body"


def _source_order(data: SiteData, source: str) -> tuple[str, str]:
    """Where a statement stands, for ordering: by the Bokmål label of its statement-source concept."""
    concept = data.concepts.get(source)
    return (concept.labels.get("nb", "") if concept else "", source)


def measure_page(data: SiteData, m: Measure, networks: SiteNetworks) -> dict[str, Any]:
    """Everything a measure's or sub-measure's page shows."""
    status = m.status
    chosen = {s.quote.text for s in m.statuses}
    quotes = {
        "status": [s.quote.text for s in m.statuses],
        "reading": [r.quote.text for r in (status.readings if status else []) if r.quote.text not in chosen],
        "continuation": [c.quote.text for c in m.continuations],
        "commitment": [c.quote.text for c in m.commitments],
        "reference": [r.quote.text for r in m.refers_to],
        "document": [d.quote.text for d in m.documents],
        "finding": [f.quote.text for f in m.findings],
        "role": [a.quote.text for a in m.associations if not a.responsibility],
    }
    paragraphs, missing = marked_paragraphs(_section_text(m, data), quotes)
    ministries: dict[str, list[str]] = defaultdict(list)
    for a in m.associations:
        if a.responsibility:
            ministries[a.stated_in].append(a.agent)
    ministries = {
        source: sorted(set(orgs), key=lambda o: data.organisations[o].label if o in data.organisations else o)
        for source, orgs in sorted(ministries.items(), key=lambda item: _source_order(data, item[0]))
    }
    unit = m.parent or m.iri
    named = sorted((n for n in m.named if n.org in data.organisations), key=lambda n: data.organisations[n.org].label)
    return {
        "measure": m,
        "parent": data.measures.get(m.parent),
        "parts": [data.measures[p] for p in m.parts],
        "status": status,
        "history": [s for s in m.statuses if s is not status],
        "ministries": ministries,
        "ministries_differ": len({tuple(v) for v in ministries.values()}) > 1,
        "roles": _by_role(data, [a for a in m.associations if not a.responsibility]),
        "named_only": named,
        "documents": _documents_of(data, m),
        "programmes": sorted((p for p in m.mentions if p in data.programmes), key=lambda p: data.programmes[p].name),
        "paragraphs": paragraphs,
        "missing": [(kind, quote) for kind, quote in missing if kind not in ("role", "document", "reading")],
        "mark_kinds": [k for k in MARK_KINDS if any(k in run.kinds for para in paragraphs for run in para)],
        "ego": networks.measure_ego(unit),
        "ego_of_parent": bool(m.parent),
    }


def organisation_page(data: SiteData, org: str, networks: SiteNetworks) -> dict[str, Any]:
    """An organisation's page: its place in the registry, its roles across measures, partners, ego network."""
    o = data.organisations[org]
    roles: dict[str, list[Association]] = defaultdict(list)
    for m in data.measures.values():
        for a in m.associations:
            if a.agent == org:
                roles[m.iri].append(a)
    order = {r: i for i, r in enumerate(role_order(data))}
    rows = [(data.measures[m], sorted(v, key=lambda a: (order.get(a.role, 99), a.stated_in))) for m, v in roles.items()]
    named = [(m, n) for m in data.measures.values() for n in m.named if n.org == org]
    return {
        "org": o,
        "roles": rows,
        "role_counts": Counter(a.role for _, v in rows for a in v),
        "named_only": named,
        "partners": networks.partners(org),
        "ego": networks.organisation_ego(org),
        "runs": [p for p in data.programmes.values() if org in p.run_by],
        "funds": [p for p in data.programmes.values() if org in p.funded_by],
        "publishes": [d for d in data.documents.values() if org in (d.publisher, *d.creators)],
        "follows_up": [(m, c) for m in data.measures.values() for c in m.continuations if c.owner == org],
    }


def organisation_index(data: SiteData) -> list[tuple[str, list[tuple[str, int]]]]:
    """Organisations grouped by their first type (types by size), each with its number of measures."""
    reach: Counter[str] = Counter()
    for m in data.measures.values():
        for agent in {a.agent for a in m.associations} | set(m.mentions):
            reach[agent] += 1
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for o in data.organisations.values():
        groups[o.types[0] if o.types else ""].append((o.iri, reach[o.iri]))
    ordered = sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))
    return [(t, sorted(v, key=lambda x: (-x[1], data.organisations[x[0]].label.casefold()))) for t, v in ordered]


def programme_measures(data: SiteData, programme: str) -> list[Measure]:
    return [m for m in data.measures.values() if programme in m.mentions]


def focus_area_page(data: SiteData, area: str) -> dict[str, Any]:
    measures = [m for m in data.numbered() if m.focus_area == area]
    tally = Counter(m.status.value for m in measures if m.status)
    return {"area": data.focus_areas[area], "measures": measures, "tally": tally.most_common()}


def plan_page(data: SiteData, plan: str) -> dict[str, Any]:
    p = data.plans[plan]
    linked = [m for m in data.measures.values() if any(c.plan == plan for c in m.continuations)]
    commitments = {c.iri: c for m in data.measures.values() for c in m.commitments if c.plan == plan}
    return {
        "plan": p,
        "focus_areas": [a for a in data.focus_areas.values() if a.plan == plan],
        "measures": [m for m in data.numbered() if m.plan == plan],
        "predecessors": [q for q in data.plans.values() if q.successor == plan],
        "reports": [q for q in data.plans.values() if q.reports_on == plan],
        "linked": linked,
        "commitments": list(commitments.values()),
    }


def finding_kinds(data: SiteData) -> list[tuple[str, int]]:
    """Every concept of the finding scheme (the scheme the findings' kinds are in), with its count."""
    counts = Counter(f.kind for f in data.findings)
    schemes = {data.concepts[k].scheme for k in counts if k in data.concepts}
    kinds = [c for s in sorted(schemes) for c in data.schemes.get(s, [])]
    return sorted(((k, counts[k]) for k in kinds), key=lambda x: (-x[1], local_name(x[0])))


def timeline_page(data: SiteData) -> dict[str, Any]:
    events = timeline(list(data.measures.values()))
    years: dict[int, list[Event]] = defaultdict(list)
    for e in events:
        years[e.year].append(e)
    return {"years": sorted(years.items()), "events": events}


def _documents_of(data: SiteData, m: Measure) -> list[DocumentMention]:
    """The measure's document mentions, ordered by where they stand in the text, then by document."""
    return sorted(m.documents, key=lambda d: (int(d.quote.start or 0), d.document, d.how))


def document_kinds(data: SiteData) -> list[tuple[str, list[Document]]]:
    """The documents grouped by kind (a concept of the document-kind scheme), kinds with most documents first."""
    groups: dict[str, list[Document]] = defaultdict(list)
    for d in data.documents.values():
        groups[d.kind].append(d)
    for docs in groups.values():
        docs.sort(key=lambda d: (d.year or "9999", d.designation, d.title))
    return sorted(groups.items(), key=lambda g: (-len(g[1]), local_name(g[0])))


def document_page(data: SiteData, doc: Document) -> dict[str, Any]:
    """A document's page: its facts, and every measure that names it, how, with the sentence."""
    by_measure: dict[str, list[DocumentMention]] = defaultdict(list)
    for mention in doc.mentions:
        by_measure[mention.measure].append(mention)
    order = {iri: i for i, iri in enumerate(data.measures)}
    rows = [
        (data.measures[m], sorted(v, key=lambda x: (int(x.quote.start or 0), x.how)))
        for m, v in sorted(by_measure.items(), key=lambda kv: order.get(kv[0], len(order)))
        if m in data.measures
    ]
    return {
        "document": doc,
        "named_by": rows,
        "how_counts": Counter(x.how for x in doc.mentions).most_common(),
        "parts": [d for d in data.documents.values() if d.part_of == doc.iri],
        "replaced_by": [d for d in data.documents.values() if d.replaces == doc.iri],
    }


def loose_ends(data: SiteData) -> list[tuple[Measure, str, Quote]]:
    return [(data.measures[m], status, quote) for m, status, quote in data.loose_ends if m in data.measures]
