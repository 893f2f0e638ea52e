"""Build networkx graphs of who works with whom from :class:`~graph.networks.data.NetworkData`.

Node ids are IRIs. Every node carries ``label`` (short: acronym or measure number), ``name`` (full),
``type`` (the organisation-type notation, or ``measure``) and ``type_label``; an organisation also ``roles``
(its roles in the kept measures, ``"executing ×5; responsible ×2"``). Every edge carries ``weight``,
``measures`` (the measure numbers behind it, ``"3,17,34"``: GraphML and GEXF take no lists) and ``titles``
(``"3: title | 17: title"``); an edge between organisations also ``role_pairs`` (:mod:`~graph.networks.pairs`).

By default an organisation counts where it takes part in a measure (every role but ``mentioned``;
responsible ministries take part); ``Filters(co_mention=True)`` adds the organisations a measure only names.
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
from tiltaksgraf.graph.networks.data import (
    MENTIONED,
    MeasureInfo,
    NetworkData,
    Organisation,
    measure_key,
    measure_list,
)
from tiltaksgraf.graph.networks.filters import Filters, NetworkError
from tiltaksgraf.graph.networks.pairs import PairCounter, role_counts

#: The default: every organisation that takes part, in every measure.
NO_FILTERS = Filters()

#: Organisation → numbered measure → roles there.
Kept = dict[str, dict[str, set[str]]]


def organisation(data: NetworkData, iri: str) -> Organisation:
    """The registry's record, or a bare one for an agent the registry does not describe."""
    return data.organisations.get(iri) or Organisation(iri, "", "", "", "")


def involvement(data: NetworkData, filters: Filters) -> Kept:
    """Organisation IRI → measure IRI → roles, for the involvements, measures and organisations kept.

    An organisation is ``mentioned`` in a measure only where it has no other kept role there.
    """
    kept: Kept = defaultdict(lambda: defaultdict(set))
    for i in [*data.substantive(), *data.named_only()]:
        measure = data.measures.get(i.unit)
        if measure is None or not filters.keeps_involvement(i) or not filters.keeps_measure(measure):
            continue
        if not filters.keeps_organisation(organisation(data, i.org)):
            continue
        kept[i.org][i.unit].add(i.role)
    for measures in kept.values():
        for roles in measures.values():
            if len(roles) > 1:
                roles.discard(MENTIONED)
    return kept


def add_organisation(g: nx.Graph, org: Organisation, measures: dict[str, set[str]], data: NetworkData) -> None:
    """A node for ``org`` with its measures (IRI → its roles there)."""
    g.add_node(
        org.iri,
        label=org.label,
        name=org.name or org.label,
        type=org.type or "unclassified",
        type_label=org.type_label or org.type or "unclassified",
        measures=measure_list([data.number(m) for m in measures]),
        measure_count=len(measures),
        roles=role_counts(measures.values()),
    )


def _add_measure(g: nx.Graph, m: MeasureInfo, number: str) -> None:
    g.add_node(
        m.iri,
        label=number,
        name=f"Tiltak {number}: {m.title}",
        type="measure",
        type_label="measure",
        measures=number,
        focus_area=m.focus_area,
        status=m.status,
        continuation=m.continuation,
    )


def measure_titles(data: NetworkData, iris: set[str]) -> str:
    """``"3: title | 17: title"`` in plan order: the measures behind an edge, by title."""
    chosen = sorted(iris, key=lambda i: (data.measures[i].plan, measure_key(data.measures[i].number)))
    return " | ".join(f"{data.number(i)}: {data.measures[i].title}" for i in chosen)


def add_pair_edges(g: nx.Graph, data: NetworkData, pairs: PairCounter) -> None:
    """One edge per pair of organisations that ``pairs`` counted, with weight, measures, titles, role pairs."""
    for (a, b), measures in sorted(pairs.measures.items()):
        g.add_edge(
            a,
            b,
            weight=len(measures),
            measures=measure_list([data.number(m) for m in measures]),
            titles=measure_titles(data, measures),
            role_pairs=pairs.describe(a, b),
        )


def co_involvement_network(data: NetworkData, filters: Filters = NO_FILTERS) -> nx.Graph:
    """Organisations joined when both take part in a measure (with ``co_mention``: or are named in it);
    ``weight`` = the number of such measures, ``role_pairs`` = the roles they had there.

    Every organisation with a kept involvement is a node, also one that shares no measure (an isolate).
    """
    kept = involvement(data, filters)
    title = "Co-mention of organisations" if filters.co_mention else "Collaboration of organisations"
    g = nx.Graph(kind="organisations", title=title, filters=filters.describe())
    by_measure: dict[str, set[str]] = defaultdict(set)
    for org, measures in sorted(kept.items()):
        add_organisation(g, organisation(data, org), measures, data)
        for m in measures:
            by_measure[m].add(org)
    pairs = PairCounter(directed=False)
    for m, orgs in by_measure.items():
        for a, b in combinations(sorted(orgs), 2):
            pairs.add(a, b, m, [(ra, rb) for ra in kept[a][m] for rb in kept[b][m]])
    add_pair_edges(g, data, pairs)
    return g


def ministry_network(data: NetworkData, filters: Filters = NO_FILTERS, source: str = "overview") -> nx.Graph:
    """Ministries joined when both are responsible for a measure, as stated in ``source`` (overview, body or
    any): the co-involvement network of role ``responsible`` among organisations of type ``ministry``."""
    if filters.roles or filters.org_types or filters.co_mention:
        raise NetworkError("the ministries network is co-responsibility: leave out --role, --org-type, --co-mention")
    sources = frozenset() if source == "any" else frozenset({source})
    chosen = replace(filters, roles=frozenset({"responsible"}), org_types=frozenset({"ministry"}), sources=sources)
    g = co_involvement_network(data, chosen)
    g.graph.update(kind="ministries", title=f"Co-responsibility of ministries ({source})")
    return g


def bipartite_network(data: NetworkData, filters: Filters = NO_FILTERS) -> nx.Graph:
    """Organisations and measures (``bipartite`` 0 and 1), an edge for each organisation in a measure, with
    its ``roles``; only measures with a kept involvement are nodes."""
    kept = involvement(data, filters)
    title = "Organisations and the measures that name them" if filters.co_mention else "Organisations and measures"
    g = nx.Graph(kind="bipartite", title=title, filters=filters.describe())
    for org, measures in sorted(kept.items()):
        add_organisation(g, organisation(data, org), measures, data)
        g.nodes[org]["bipartite"] = 0
        for m, roles in sorted(measures.items()):
            if m not in g:
                _add_measure(g, data.measures[m], data.number(m))
                g.nodes[m]["bipartite"] = 1
            number, titles = data.number(m), measure_titles(data, {m})
            g.add_edge(org, m, weight=1, measures=number, titles=titles, roles=",".join(sorted(roles)))
    return g


def cross_reference_network(data: NetworkData, filters: Filters = NO_FILTERS) -> nx.DiGraph:
    """Measures, with an arrow from a measure to each measure its text points at; every measure the
    filters keep is a node (most have no reference). Role and organisation filters do not apply."""
    if filters.roles or filters.org_types or filters.sources or filters.co_mention:
        raise NetworkError(
            "the cross-references network is of measures: leave out --role, --org-type, --source, --co-mention"
        )
    g = nx.DiGraph(kind="cross-references", title="Cross-references between measures", filters=filters.describe())
    kept = {iri: m for iri, m in data.measures.items() if filters.keeps_measure(m)}
    for iri in sorted(kept, key=lambda i: (kept[i].plan, measure_key(kept[i].number))):
        _add_measure(g, kept[iri], data.number(iri))
    for source, target in data.cross_references:
        if source in kept and target in kept:
            g.add_edge(
                source,
                target,
                weight=1,
                measures=measure_list([data.number(source), data.number(target)]),
                titles=measure_titles(data, {source, target}),
            )
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
        hint = "" if filters.co_mention else " (add --co-mention to count the measures that only name it)"
        raise NetworkError(f"{organisation(data, iri).label} takes part in no measure with these filters{hint}")
    g = nx.Graph(nx.ego_graph(full, iri, radius=2 * depth))
    label = organisation(data, iri).label
    g.graph.update(kind="ego", title=f"Ego network of {label} (depth {depth})", ego=iri, depth=depth)
    return g
