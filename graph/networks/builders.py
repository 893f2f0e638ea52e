"""Build networkx graphs of who works with whom from :class:`~graph.networks.data.NetworkData`.

Node ids are IRIs. Every node carries ``label`` (short: acronym or measure number), ``name`` (full),
``type`` (the organisation-type notation, or ``measure``) and ``type_label``; every edge carries ``weight``
and ``measures`` (the measure numbers behind it, ``"3,17,34"``: GraphML and GEXF take no lists).

Sub-measures count for their measure: an organisation involved in 27a is involved in measure 27, and two
organisations in 27a and 27b share measure 27. The report's overview table lists a measure's ministries
as the union of its parts' ministries, so co-responsibility is the same whether it is counted by
measure or by part; for the other roles it keeps the networks at the plan's grain (82 measures).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import combinations

import networkx as nx
from tiltaksgraf.graph.networks.data import MeasureInfo, NetworkData, Organisation, measure_key, measure_list
from tiltaksgraf.graph.networks.filters import Filters, NetworkError

#: The default: keep everything.
NO_FILTERS = Filters()

#: The kinds of network, as `tiltaksgraf network KIND` names them.
KINDS = ("organisations", "ministries", "bipartite", "cross-references", "ego")


def _organisation(data: NetworkData, iri: str) -> Organisation:
    """The registry's record, or a bare one for an agent the registry does not describe."""
    return data.organisations.get(iri) or Organisation(iri, "", "", "", "")


def involvement(data: NetworkData, filters: Filters) -> dict[str, dict[str, set[str]]]:
    """Organisation IRI → measure IRI → roles, for the involvements, measures and organisations kept."""
    kept: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for i in data.involvements:
        measure = data.measures.get(i.unit)
        if measure is None or not filters.keeps_involvement(i) or not filters.keeps_measure(measure):
            continue
        if not filters.keeps_organisation(_organisation(data, i.org)):
            continue
        kept[i.org][i.unit].add(i.role)
    return kept


def _add_organisation(g: nx.Graph, org: Organisation, measures: list[MeasureInfo]) -> None:
    g.add_node(
        org.iri,
        label=org.label,
        name=org.name or org.label,
        type=org.type or "unclassified",
        type_label=org.type_label or org.type or "unclassified",
        measures=measure_list([m.number for m in measures]),
        measure_count=len(measures),
    )


def _add_measure(g: nx.Graph, m: MeasureInfo) -> None:
    g.add_node(
        m.iri,
        label=m.number,
        name=f"Tiltak {m.number}: {m.title}",
        type="measure",
        type_label="measure",
        measures=m.number,
        focus_area=m.focus_area,
        status=m.status,
        continuation=m.continuation,
    )


def co_involvement_network(data: NetworkData, filters: Filters = NO_FILTERS) -> nx.Graph:
    """Organisations joined when both are involved in a measure; ``weight`` = the number of such measures.

    Every organisation with a kept involvement is a node, also one that shares no measure (an isolate).
    """
    kept = involvement(data, filters)
    g = nx.Graph(kind="organisations", title="Co-involvement of organisations", filters=filters.describe())
    by_measure: dict[str, set[str]] = defaultdict(set)
    for org, measures in sorted(kept.items()):
        _add_organisation(g, _organisation(data, org), [data.measures[m] for m in measures])
        for m in measures:
            by_measure[m].add(org)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m, orgs in by_measure.items():
        for a, b in combinations(sorted(orgs), 2):
            shared[(a, b)].add(data.measures[m].number)
    for (a, b), numbers in sorted(shared.items()):
        g.add_edge(a, b, weight=len(numbers), measures=measure_list(numbers))
    return g


def ministry_network(data: NetworkData, filters: Filters = NO_FILTERS, source: str = "overview") -> nx.Graph:
    """Ministries joined when both are responsible for a measure, as stated in ``source`` (overview, body or
    any): the co-involvement network of role ``responsible`` among organisations of type ``ministry``."""
    if filters.roles or filters.org_types:
        raise NetworkError("the ministries network is co-responsibility: leave out --role and --org-type")
    sources = frozenset() if source == "any" else frozenset({source})
    chosen = replace(filters, roles=frozenset({"responsible"}), org_types=frozenset({"ministry"}), sources=sources)
    g = co_involvement_network(data, chosen)
    g.graph.update(kind="ministries", title=f"Co-responsibility of ministries ({source})")
    return g


def bipartite_network(data: NetworkData, filters: Filters = NO_FILTERS) -> nx.Graph:
    """Organisations and measures (``bipartite`` 0 and 1), an edge for each organisation in a measure, with
    its ``roles``; only measures with a kept involvement are nodes."""
    kept = involvement(data, filters)
    g = nx.Graph(kind="bipartite", title="Organisations and measures", filters=filters.describe())
    for org, measures in sorted(kept.items()):
        _add_organisation(g, _organisation(data, org), [data.measures[m] for m in measures])
        g.nodes[org]["bipartite"] = 0
        for m, roles in sorted(measures.items()):
            if m not in g:
                _add_measure(g, data.measures[m])
                g.nodes[m]["bipartite"] = 1
            g.add_edge(org, m, weight=1, measures=data.measures[m].number, roles=",".join(sorted(roles)))
    return g


def cross_reference_network(data: NetworkData, filters: Filters = NO_FILTERS) -> nx.DiGraph:
    """Measures, with an arrow from a measure to each measure its text points at; every measure the
    filters keep is a node (most have no reference). Role and organisation filters do not apply."""
    if filters.roles or filters.org_types or filters.sources:
        raise NetworkError("the cross-references network is of measures: leave out --role, --org-type, --source")
    g = nx.DiGraph(kind="cross-references", title="Cross-references between measures", filters=filters.describe())
    kept = {iri: m for iri, m in data.measures.items() if filters.keeps_measure(m)}
    for iri in sorted(kept, key=lambda i: measure_key(kept[i].number)):
        _add_measure(g, kept[iri])
    for source, target in data.cross_references:
        if source in kept and target in kept:
            g.add_edge(source, target, weight=1, measures=measure_list([kept[source].number, kept[target].number]))
    return g


def find_organisation(data: NetworkData, text: str) -> str:
    """The IRI of the organisation named by ``text``: its IRI, the IRI's last segment, acronym or name
    (case does not matter)."""
    wanted = text.strip().casefold()
    for org in data.organisations.values():
        names = {org.iri, org.iri.rsplit("/", 1)[-1], org.acronym, org.name}
        if wanted in {n.casefold() for n in names if n}:
            return org.iri
    known = sorted(o.label for o in data.organisations.values())
    raise NetworkError(f"no organisation {text!r}; give an acronym, name or IRI, e.g. {', '.join(known[:8])} …")


def ego_network(data: NetworkData, org: str, depth: int = 1, filters: Filters = NO_FILTERS) -> nx.Graph:
    """One organisation, its measures and its partners in them (depth 1); depth 2 adds the partners'
    measures and their partners. A part of the bipartite network (``ego`` marks the organisation)."""
    if depth not in (1, 2):
        raise NetworkError(f"--depth takes 1 or 2, not {depth}")
    iri = find_organisation(data, org)
    full = bipartite_network(data, filters)
    if iri not in full:
        raise NetworkError(f"{_organisation(data, iri).label} is involved in no measure with these filters")
    g = nx.Graph(nx.ego_graph(full, iri, radius=2 * depth))
    label = _organisation(data, iri).label
    g.graph.update(kind="ego", title=f"Ego network of {label} (depth {depth})", ego=iri, depth=depth)
    return g


def build_network(
    data: NetworkData,
    kind: str,
    filters: Filters = NO_FILTERS,
    *,
    source: str | None = None,
    org: str | None = None,
    depth: int = 1,
) -> nx.Graph:
    """The network of ``kind`` (one of :data:`KINDS`), with the filters checked against the graph's schemes."""
    filters.check(data.vocabulary)
    if kind == "organisations":
        return co_involvement_network(data, filters)
    if kind == "ministries":
        if source not in (None, "overview", "body", "any"):
            raise NetworkError(f"the ministries network takes --source overview, body or any, not {source!r}")
        return ministry_network(data, filters, source or "overview")
    if kind == "bipartite":
        return bipartite_network(data, filters)
    if kind == "cross-references":
        return cross_reference_network(data, filters)
    if kind == "ego":
        if not org:
            raise NetworkError("the ego network needs an organisation, e.g. `tiltaksgraf network ego JD`")
        return ego_network(data, org, depth, filters)
    raise NetworkError(f"no network kind {kind!r}; choose from: {', '.join(KINDS)}")
