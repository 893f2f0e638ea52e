"""The networks of the real report, checked against the loader's model (not against the network code)."""

from __future__ import annotations

from itertools import combinations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS
from tiltaksgraf.graph.networks import (
    Filters,
    NetworkError,
    bipartite_network,
    build_network,
    co_involvement_network,
    cross_reference_network,
    ego_network,
    find_organisation,
    load_network_data,
    ministry_network,
)
from tiltaksgraf.graph.registry import load_registry
from tiltaksgraf.graph.vocab import ORG as ORG_NS
from tiltaksgraf.graph.vocab import ORG_TYPE, ROLE, TG
from tiltaksgraf.loaders.model import Measure, Report

ORG = "https://w3id.org/tiltaksgraf/id/org/"
JD, BFD = f"{ORG}jd", f"{ORG}bfd"
RVTS, NKVTS, BUFDIR = f"{ORG}rvts", f"{ORG}nkvts", f"{ORG}bufdir"
MEASURE = "https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/"


@pytest.fixture(scope="module")
def data(store):
    return load_network_data(store)  # the embedded store, as the CLI reads it


@pytest.fixture(scope="module")
def ministries() -> dict[str, str]:
    """Acronym → IRI of the ministries the registry knows."""
    return {acronym: str(iri) for acronym, iri in load_registry().ministries.items()}


def responsible(m: Measure, source: str | None, known: dict[str, str]) -> set[str]:
    """The ministries the report names for a measure or any of its parts (source None: overview or body)."""
    items = [*m.responsibilities, *(r for s in m.submeasures for r in s.responsibilities)]
    return {known[r.acronym] for r in items if (source is None or r.source == source) and r.acronym in known}


def shared(report: Report, a: str, b: str, source: str | None, known: dict[str, str], keep=lambda m: True) -> set:
    return {str(m.number) for m in report.measures if keep(m) and {a, b} <= responsible(m, source, known)}


def taking_part(role: str) -> bool:
    """Every role but mentioned: the organisation takes part in the measure."""
    return role != "mentioned"


def actors_by_measure(roles, keep_role=taking_part) -> dict[str, set[str]]:
    """The organisations taking part in each measure (or with a role ``keep_role`` keeps), by the loader (a
    sub-measure's count for its measure)."""
    out: dict[str, set[str]] = {}
    for r in roles:
        if keep_role(r.role):
            out.setdefault(str(r.number), set()).add(r.actor)
    return out


def numbers(text: str) -> set[str]:
    return set(text.split(",")) if text else set()


def test_jd_bfd_weight_is_the_number_of_measures_both_are_responsible_for_in_the_overview(report, data, ministries):
    expected = shared(report, JD, BFD, "overview", ministries)
    # the overview table's measure row is the union of its parts' rows, so rolling up changes nothing here
    assert expected == {
        str(m.number)
        for m in report.measures
        if {"JD", "BFD"} <= {r.acronym for r in m.responsibilities if r.source == "overview"}
    }
    g = ministry_network(data)
    assert g.edges[JD, BFD]["weight"] == len(expected) == 25
    assert numbers(g.edges[JD, BFD]["measures"]) == expected


@pytest.mark.parametrize("source", ["overview", "body"])
def test_every_ministry_pair_matches_the_model(report, data, ministries, source):
    g = ministry_network(data, source=source)
    involved = {iri for m in report.measures for iri in responsible(m, source, ministries)}
    assert set(g.nodes) == involved
    for a, b in combinations(sorted(involved), 2):
        expected = shared(report, a, b, source, ministries)
        if expected:
            assert numbers(g.edges[a, b]["measures"]) == expected and g.edges[a, b]["weight"] == len(expected)
        else:
            assert not g.has_edge(a, b)


def test_nodes_carry_labels_types_and_names(data):
    g = ministry_network(data)
    assert {"label": "JD", "name": "Justis- og beredskapsdepartementet", "type": "ministry"}.items() <= g.nodes[
        JD
    ].items()
    assert g.graph["kind"] == "ministries"


def test_co_involvement_of_responsible_organisations_is_co_responsibility_from_any_source(data):
    ministries_any = ministry_network(data, source="any")
    responsible = co_involvement_network(data, Filters(roles=frozenset({"responsible"})))
    assert set(responsible.nodes) == set(ministries_any.nodes)
    assert {(a, b, d["measures"]) for a, b, d in responsible.edges(data=True)} == {
        (a, b, d["measures"]) for a, b, d in ministries_any.edges(data=True)
    }


def test_focus_area_and_status_filters_keep_only_those_measures(report, data, roles):
    def shared_by_jd_and_bfd(keep) -> set[str]:
        kept = {str(m.number) for m in report.measures if keep(m)}
        return {n for n, actors in actors_by_measure(roles).items() if n in kept and {JD, BFD} <= actors}

    in_area_4 = {str(m.number) for m in report.measures if m.focus_area == 4}
    g = co_involvement_network(data, Filters(focus_areas=frozenset({"4"})))
    assert set().union(*(numbers(d["measures"]) for *_, d in g.edges(data=True))) <= in_area_4
    expected = shared_by_jd_and_bfd(lambda m: m.focus_area == 4)
    assert expected and numbers(g.edges[JD, BFD]["measures"]) == expected

    g = co_involvement_network(data, Filters(statuses=frozenset({"not_started"})))
    expected = shared_by_jd_and_bfd(lambda m: m.status and m.status.value == "not_started")
    assert expected and numbers(g.edges[JD, BFD]["measures"]) == expected


def test_continuation_and_org_type_filters(report, data, ministries, roles, registry):
    g = co_involvement_network(data, Filters(continuations=frozenset({"continued"})))
    continued = {str(m.number) for m in report.measures if m.continuation and m.continuation.relation == "continued"}
    assert set().union(*(numbers(d["measures"]) for *_, d in g.edges(data=True))) <= continued
    assert set(co_involvement_network(data, Filters(org_types=frozenset({"ministry"}))).nodes) == set(
        ministries.values()
    )
    institutes = co_involvement_network(data, Filters(org_types=frozenset({"research-institute"})))
    expected = {r.actor for r in roles if registry.org_type(r.actor) == "research-institute" and taking_part(r.role)}
    assert set(institutes.nodes) == expected and f"{ORG}nova" in expected


def test_unknown_filter_values_are_refused_with_the_choices(data):
    with pytest.raises(NetworkError, match=r"--status 'complete' is not known; did you mean 'completed'\?"):
        build_network(data, "organisations", Filters(statuses=frozenset({"complete"})))
    with pytest.raises(NetworkError, match="--role 'boss' is not known; choose from: collaborating"):
        build_network(data, "organisations", Filters(roles=frozenset({"boss"})))


def test_bipartite_has_an_edge_per_organisation_and_measure(data, roles):
    g = bipartite_network(data)
    expected = {(iri, number) for number, actors in actors_by_measure(roles).items() for iri in actors}
    got = {
        (a, g.nodes[b]["label"]) if g.nodes[b]["type"] == "measure" else (b, g.nodes[a]["label"]) for a, b in g.edges
    }
    assert got == expected
    assert {d["bipartite"] for _, d in g.nodes(data=True)} == {0, 1}
    assert g.nodes[f"{MEASURE}27"]["name"].startswith("Tiltak 27: ")


def test_new_organisations_and_roles_join_the_networks_without_a_code_change(built, roles):
    """The actors branch adds associations of the same generic PROV pattern: they must show up as they are."""
    g = Graph()
    g += built.graph
    centre = URIRef(f"{ORG}test-centre")
    g.add((centre, RDF.type, ORG_NS.FormalOrganization))
    g.add((centre, SKOS.prefLabel, Literal("Testsenteret", lang="nb")))
    g.add((centre, TG.acronym, Literal("TS")))
    g.add((centre, ORG_NS.classification, ORG_TYPE["competence-centre"]))
    for number in ("27a", "40"):
        link = URIRef(f"{MEASURE}{number}/test-association")
        g.add((URIRef(f"{MEASURE}{number}"), PROV.qualifiedAssociation, link))
        g.add((link, PROV.agent, centre))
        g.add((link, PROV.hadRole, ROLE.executing))
    data = load_network_data(g)
    everyone = co_involvement_network(data)
    assert everyone.edges[str(centre), JD]["role_pairs"] == "executing+responsible ×1"
    assert everyone.nodes[str(centre)]["type"] == "competence-centre" and everyone.nodes[str(centre)]["label"] == "TS"
    assert everyone.edges[str(centre), f"{ORG}hod"]["measures"] == "27"  # 27a counts for measure 27
    assert everyone.edges[str(centre), JD]["measures"] == "40"
    executing = co_involvement_network(data, Filters(roles=frozenset({"executing"})))
    doers = actors_by_measure(roles, lambda role: role == "executing")
    assert set(executing[str(centre)]) == (doers.get("27", set()) | doers["40"]) - {str(centre)}
    assert ministry_network(data).number_of_nodes() == 8  # co-responsibility is unchanged
    bipartite = bipartite_network(data, Filters(roles=frozenset({"executing"})))
    assert {bipartite.nodes[m]["label"] for m in bipartite[str(centre)]} == {"27", "40"}


def test_cross_references_are_the_models(report, data):
    g = cross_reference_network(data)
    assert g.is_directed() and g.number_of_nodes() == 82
    got = {(g.nodes[a]["label"], g.nodes[b]["label"]) for a, b in g.edges}
    assert got == {(str(m.number), str(r.target)) for m in report.measures for r in m.cross_references}
    assert ("64", "7") in got and ("7", "64") in got


def test_ego_network_of_jd(data, roles):
    g = ego_network(data, "jd", depth=1)
    by_measure = actors_by_measure(roles)
    measures = {number for number, actors in by_measure.items() if JD in actors}
    partners = {iri for number in measures for iri in by_measure[number]}
    assert {d["label"] for _, d in g.nodes(data=True) if d["type"] == "measure"} == measures
    assert {n for n, d in g.nodes(data=True) if d["type"] != "measure"} == partners
    assert g.graph["ego"] == JD
    deeper = ego_network(data, "JD", depth=2)
    assert set(g.nodes) <= set(deeper.nodes) and deeper.number_of_nodes() > g.number_of_nodes()


def test_find_organisation_by_acronym_name_or_iri(data):
    assert find_organisation(data, "bfd") == BFD
    assert find_organisation(data, "Barne- og familiedepartementet") == BFD
    assert find_organisation(data, BFD) == BFD
    with pytest.raises(NetworkError, match="no organisation 'Nowhere'"):
        find_organisation(data, "Nowhere")
    with pytest.raises(NetworkError, match="--depth takes 1 or 2"):
        ego_network(data, "JD", depth=3)
    with pytest.raises(NetworkError, match="needs an organisation"):
        build_network(data, "ego")


def test_rvts_nkvts_and_bufdir_appear_with_their_shared_measures(data, roles):
    """RVTS, NKVTS and Bufdir are in the co-involvement network with the measures the loader says they share."""
    g = co_involvement_network(data)
    by_measure = actors_by_measure(roles)
    some_shared = False
    for a, b in combinations((RVTS, NKVTS, BUFDIR), 2):
        expected = {n for n, actors in by_measure.items() if {a, b} <= actors}
        some_shared |= bool(expected)
        if expected:
            assert numbers(g.edges[a, b]["measures"]) == expected
        else:
            assert not g.has_edge(a, b)
    assert some_shared, "RVTS, NKVTS and Bufdir share no measure at all"
