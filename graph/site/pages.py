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
from tiltaksgraf.graph.site.records import Association, Measure, Quote
from tiltaksgraf.graph.site.timeline import Event, timeline

#: The kinds of quote marked in a measure's text, strongest first (the page's legend follows this order).
MARK_KINDS = ("status", "continuation", "commitment", "reference", "finding", "role")


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
    quotes = {
        "status": [s.quote.text for s in m.statuses],
        "continuation": [c.quote.text for c in m.continuations],
        "commitment": [c.quote.text for c in m.commitments],
        "reference": [r.quote.text for r in m.refers_to],
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
    named_orgs = sorted(o for o in m.mentions if o in data.organisations and o not in {a.agent for a in m.associations})
    status = m.status
    return {
        "measure": m,
        "parent": data.measures.get(m.parent),
        "parts": [data.measures[p] for p in m.parts],
        "status": status,
        "history": [s for s in m.statuses if s is not status],
        "ministries": ministries,
        "ministries_differ": len({tuple(v) for v in ministries.values()}) > 1,
        "roles": _by_role(data, [a for a in m.associations if not a.responsibility]),
        "named_only": named_orgs,
        "programmes": sorted((p for p in m.mentions if p in data.programmes), key=lambda p: data.programmes[p].name),
        "paragraphs": paragraphs,
        "missing": [(kind, quote) for kind, quote in missing if kind != "role"],
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
    named = [m for m in data.measures.values() if org in m.mentions and m.iri not in roles]
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


def loose_ends(data: SiteData) -> list[tuple[Measure, str, Quote]]:
    return [(data.measures[m], status, quote) for m, status, quote in data.loose_ends if m in data.measures]
