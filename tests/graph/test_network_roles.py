"""Collaboration means taking part: the default networks leave out organisations only named, co-mention is an
option, every edge carries its role pairs, and the flows network points from who asks to who does the work.
Checked against the graph by plain SPARQL and against the loader's roles, not against the network code."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS
from tiltaksgraf.graph.networks import (
    Filters,
    NetworkError,
    bipartite_network,
    build_network,
    co_involvement_network,
    flow_network,
    load_network_data,
)
from tiltaksgraf.graph.networks.flows import flow_steps
from tiltaksgraf.graph.networks.pairs import parse_role_pairs
from tiltaksgraf.graph.store import store_from_graph
from tiltaksgraf.graph.vocab import ROLE

from tiltaksgraf.paths import ONTOLOGY_DIR

ORG = "https://w3id.org/tiltaksgraf/id/org/"
MEASURE = "https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/"
#: Who asks and who does, as issue 9 defines the flows network (administering: both, where it passes work on).
ASKS, DOES = {"commissioning", "funding", "coordinating", "administering"}, {"administering", "executing"}

PREFIXES = """
PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


@pytest.fixture(scope="module")
def data(store):
    return load_network_data(store)


def organisations(graph: Graph, where: str) -> set[str]:
    rows = graph.query(PREFIXES + f"SELECT DISTINCT ?org WHERE {{ ?org a org:FormalOrganization . {where} }}")
    return {str(r[0]) for r in rows}


def roles_by_measure(roles) -> dict[str, dict[str, set[str]]]:
    """Measure number → organisation → its roles there but mentioned, by the loader (27a counts for 27)."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in roles:
        if r.role != "mentioned":
            out[str(r.number)][r.actor].add(r.role)
    return out


def taking_part_and_named(graph: Graph) -> tuple[set[str], set[str]]:
    """The organisations with a role but «mentioned» somewhere, and every organisation named or associated."""
    taking_part = organisations(
        graph,
        '?m prov:qualifiedAssociation [ prov:agent ?org ; prov:hadRole/skos:notation ?r ] FILTER (?r != "mentioned")',
    )
    named = organisations(graph, "?m tg:mentions ?org") | organisations(
        graph, "?m prov:qualifiedAssociation/prov:agent ?org"
    )
    return taking_part, named


def test_the_default_network_holds_no_organisation_that_is_only_mentioned(built, data):
    """On the real report: an organisation with no role but «mentioned» anywhere is no node by default."""
    taking_part, named = taking_part_and_named(built.graph)
    only_mentioned = named - taking_part
    assert len(only_mentioned) == 47, "the report names 47 organisations it gives no part (the README says so)"
    g = co_involvement_network(data)
    assert set(g.nodes) == taking_part
    assert not set(g.nodes) & only_mentioned
    co = co_involvement_network(data, Filters(co_mention=True))
    assert set(co.nodes) == named == taking_part | only_mentioned
    assert g.graph["title"] == "Collaboration of organisations" and co.graph["title"] == "Co-mention of organisations"
    assert co.graph["filters"] == "co-mention"


def test_every_edge_carries_the_role_pairs_of_the_loader(data, roles):
    by_measure = roles_by_measure(roles)
    expected: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for actors in by_measure.values():
        for a, b in combinations(sorted(actors), 2):
            expected[(a, b)].update({"+".join(sorted((ra, rb))) for ra in actors[a] for rb in actors[b]})
    g = co_involvement_network(data)
    assert g.number_of_edges() == len(expected) > 100
    for a, b, d in g.edges(data=True):
        assert parse_role_pairs(d["role_pairs"]) == expected[tuple(sorted((a, b)))], (a, b)
        assert len(d["titles"].split(" | ")) == d["weight"]


def test_co_mention_pairs_name_the_organisations_only_named_as_mentioned(data):
    co = co_involvement_network(data, Filters(co_mention=True))
    pairs = Counter(p for *_, d in co.edges(data=True) for p in parse_role_pairs(d["role_pairs"]))
    assert pairs["mentioned+responsible"] > 0 and pairs["mentioned+mentioned"] > 0
    default = co_involvement_network(data)
    assert not any("mentioned" in d["role_pairs"] for *_, d in default.edges(data=True))
    only = co_involvement_network(data, Filters(roles=frozenset({"mentioned"})))  # only named, nothing else
    assert set(only) <= set(co) and all(
        d["role_pairs"].startswith("mentioned+mentioned") for *_, d in only.edges(data=True)
    )


def test_bipartite_and_ego_take_the_same_choice(built, data, roles):
    by_measure = roles_by_measure(roles)
    g = bipartite_network(data)
    assert {(a, g.nodes[b]["label"]) for a, b in g.edges if g.nodes[b]["type"] == "measure"} | {
        (b, g.nodes[a]["label"]) for a, b in g.edges if g.nodes[a]["type"] == "measure"
    } == {(org, n) for n, actors in by_measure.items() for org in actors}
    assert bipartite_network(data, Filters(co_mention=True)).number_of_edges() > g.number_of_edges()
    taking_part, named = taking_part_and_named(built.graph)
    only_named = min(named - taking_part)
    with pytest.raises(NetworkError, match=r"takes part in no measure with these filters \(add --co-mention"):
        build_network(data, "ego", org=only_named)
    ego = build_network(data, "ego", Filters(co_mention=True), org=only_named)
    assert ego.graph["ego"] == only_named and ego.number_of_nodes() > 1


def test_flows_point_from_who_asks_to_who_does_the_work(data, roles):
    by_measure = roles_by_measure(roles)
    expected: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    weights: Counter[tuple[str, str]] = Counter()
    for actors in by_measure.values():
        for a, b in ((a, b) for a in actors for b in actors if a != b):
            passed = {
                f"{ra}→{rb}" for ra in actors[a] & ASKS for rb in actors[b] & DOES if not (ra == rb == "administering")
            }
            if passed:
                expected[(a, b)].update(passed)
                weights[(a, b)] += 1
    g = flow_network(data)
    assert g.is_directed() and g.graph["kind"] == "flows" and g.number_of_edges() == len(expected) > 20
    for a, b, d in g.edges(data=True):
        assert parse_role_pairs(d["role_pairs"]) == expected[(a, b)] and d["weight"] == weights[(a, b)], (a, b)
    heaviest = max(g.edges(data=True), key=lambda e: e[2]["weight"])
    assert heaviest[2]["weight"] == max(weights.values())
    roles_of_nodes = {org for actors in by_measure.values() for org, rs in actors.items() if rs & (ASKS | DOES)}
    assert set(g.nodes) == roles_of_nodes


def with_additions(built, extra: Graph):
    """The report's graph plus ``extra``, in a fresh embedded store (faster than copying the rdflib graph)."""
    store = store_from_graph(built.graph)
    store.bulk_load(extra.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def test_administering_passes_work_on(built):
    """A funder → the administrator → the executor, in a hand-made measure: the chain of «forvaltes av … på vegne
    av …» once the role rules give it (the role is added to the scheme here as the role rules will add it)."""
    g = Graph()
    administering = ROLE.administering
    g.add((administering, RDF.type, SKOS.Concept))
    g.add((administering, SKOS.notation, Literal("administering")))
    g.add((administering, SKOS.inScheme, URIRef("https://w3id.org/tiltaksgraf/vocab/role")))
    measure = URIRef(f"{MEASURE}31")
    for key, role in (("kud", ROLE.funding), ("bufdir", administering), ("nkvts", ROLE.executing)):
        link = URIRef(f"{MEASURE}31/test-{key}")
        g.add((measure, PROV.qualifiedAssociation, link))
        g.add((link, PROV.agent, URIRef(f"{ORG}{key}")))
        g.add((link, PROV.hadRole, role))
    flows = flow_network(load_network_data(with_additions(built, g)))
    kud, bufdir, nkvts = (f"{ORG}{k}" for k in ("kud", "bufdir", "nkvts"))
    assert "funding→administering ×1" in flows.edges[kud, bufdir]["role_pairs"]
    assert "administering→executing ×1" in flows.edges[bufdir, nkvts]["role_pairs"]
    assert "funding→executing ×1" in flows.edges[kud, nkvts]["role_pairs"]
    assert not flows.has_edge(nkvts, bufdir) and "administering" in flows.graph["title"]


def test_flows_refuse_co_mention(data):
    with pytest.raises(NetworkError, match="leave out --co-mention"):
        build_network(data, "flows", Filters(co_mention=True))


def test_the_flow_steps_name_roles_of_the_role_scheme():
    scheme = Graph().parse(ONTOLOGY_DIR / "schemes" / "role.ttl")
    notations = {str(n) for n in scheme.objects(None, SKOS.notation)}
    named = {role for step in flow_steps() for role in step.roles}
    # administering arrives with the role rules of issue 9; until it is in the scheme it draws no arrow
    assert named - notations <= {"administering"}
    assert {"commissioning", "funding", "coordinating", "executing"} <= named
    assert [s.name for s in flow_steps()] == ["asks", "administers", "does"]


def test_roles_come_from_the_graphs_scheme_not_from_code(built):
    """A role the scheme gains (one it lacks today) is one the filters accept and the networks count, unchanged code."""
    g = Graph()
    role = URIRef("https://w3id.org/tiltaksgraf/vocab/role/advising")
    g.add((role, SKOS.notation, Literal("advising")))
    g.add((role, SKOS.inScheme, URIRef("https://w3id.org/tiltaksgraf/vocab/role")))
    link = URIRef(f"{MEASURE}9/test-advising")
    g.add((URIRef(f"{MEASURE}9"), PROV.qualifiedAssociation, link))
    g.add((link, PROV.agent, URIRef(f"{ORG}nova")))
    g.add((link, PROV.hadRole, role))
    data = load_network_data(with_additions(built, g))
    g_net = build_network(data, "organisations", Filters(roles=frozenset({"advising"})))
    assert set(g_net) == {f"{ORG}nova"} and g_net.nodes[f"{ORG}nova"]["roles"] == "advising ×1"
    assert data.vocabulary["role"] >= {"advising", "researching", "mentioned"}
