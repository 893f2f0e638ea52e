"""The actors in the graph: roles that mean taking part as qualified associations, organisations only named
as tg:MentionOnly (decision 0011), mentions with their text, unresolved names."""

from __future__ import annotations

import pytest
from tiltaksgraf.graph.build import build_graph, unresolved_csv
from tiltaksgraf.graph.queries import QueryError, get_query, run_named, run_query

from tests.conftest import MINI, org, programme

MEASURE = "https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/"


@pytest.fixture(scope="module")
def actors(built):
    table = run_query(built.graph, get_query("actors").text)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def has(actors, measure, actor, role):
    return any(r["measure"] == measure and r["actor"] == org(actor) and r["role"] == role for r in actors)


def test_actors_columns_are_the_contract(built):
    assert run_query(built.graph, get_query("actors").text).columns == [
        "measure",
        "actor",
        "label",
        "type",
        "role",
        "evidence",
    ]


@pytest.mark.parametrize(
    ("measure", "actor", "role"),
    [
        ("40", "nova", "evaluating"),
        ("11", "nkvts", "executing"),
        ("11", "jd", "funding"),
        ("40", "jd", "responsible"),
        ("27a", "menon", "researching"),  # «har … gjennomført kartlegging av …»
        ("31", "bufdir", "administering"),
        ("31", "kud", "funding"),
        ("54", "sametinget", "consulted"),
        ("9", "nova", "researching"),
        ("3", "nova", "mentioned"),
        ("27a", "helsedirektoratet", "commissioning"),
    ],
)
def test_roles_of_the_acceptance_examples(actors, measure, actor, role):
    assert has(actors, measure, actor, role)


def test_a_role_row_carries_label_type_and_evidence(actors):
    (row,) = [r for r in actors if r["measure"] == "40" and r["actor"] == org("nova")]
    assert row["label"] == "Velferdsforskningsinstituttet NOVA" and row["type"] == "research-institute"
    assert row["evidence"].startswith("Oppdraget om å evaluere bruken av adressesperre (kode 6 og 7) ble gitt til NOVA")


def test_one_row_per_measure_actor_and_role(actors):
    keys = [(r["measure"], r["actor"], r["role"]) for r in actors]
    assert len(keys) == len(set(keys))
    assert [r["evidence"] for r in actors if r["measure"] == "40" and r["role"] == "responsible"] == ["JD, BFD"] * 2


def mentions(built, measure):
    q = f"""PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            SELECT ?target ?text ?line WHERE {{ <{MEASURE}{measure}> tg:hasMention ?m .
              ?m tg:mentionOf ?target ; tg:startLine ?line ; oa:hasSelector/oa:exact ?text }}"""
    return {(row[0], row[1], int(row[2])) for row in run_query(built.graph, q).rows}


def test_measure_57_mentions_rvts_nord_rvts_midt_and_sanks(built):
    named = {target for target, _, _ in mentions(built, "57")}
    assert {org("rvts-nord"), org("rvts-midt"), org("sanks")} <= named


def test_collective_and_misspelt_names_resolve(built):
    assert (org("rvts"), "RVTSene", 601) in mentions(built, "21")
    assert (org("bufdir"), "Buudir", 816) in mentions(built, "34a")


def test_programmes_are_linked_to_the_measures_that_name_them(built):
    from rdflib import URIRef
    from tiltaksgraf.graph.vocab import TG

    assert (URIRef(MEASURE + "1"), TG.mentions, URIRef(programme("tidlig-inn"))) in built.graph
    assert (URIRef(programme("tidlig-inn")), TG.runBy, URIRef(org("korus"))) in built.graph


def test_publications_get_their_publisher(built):
    from rdflib import URIRef
    from tiltaksgraf.graph.vocab import DCTERMS

    pub = URIRef("https://w3id.org/tiltaksgraf/id/document/nova-rapport-9-24")
    assert built.graph.value(pub, DCTERMS.publisher) == URIRef(org("nova"))


def test_no_unresolved_names_in_the_report(built):
    assert built.unresolved == []
    assert built.summary()["unresolved_names"] == 0
    assert unresolved_csv(built) == b"name,line,context\n"


def test_an_unknown_directorate_is_listed_not_invented(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace(
        "Det skal utarbeides en veileder.", "Det skal utarbeides en veileder av Sjødirektoratet."
    )
    source = tmp_path / "report.md"
    source.write_text(text, encoding="utf-8")
    result = build_graph([source])
    assert [(u.text, u.line) for u in result.unresolved] == [("Sjødirektoratet", 28)]
    assert "Sjødirektoratet,28,".encode() in unresolved_csv(result)
    assert not any("sjodirektoratet" in str(s).lower() for s in result.graph.subjects())


def rows(built, name, **params):
    table = run_named(built.graph, name, params)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def test_measures_of_one_organisation_by_id_acronym_or_name(built):
    by_id = [(r["measure"], r["role"]) for r in rows(built, "measures-of-organisation", organisation="nova")]
    assert ("40", "evaluating") in by_id and ("44", "evaluating") in by_id and ("9", "researching") in by_id
    assert by_id == [(r["measure"], r["role"]) for r in rows(built, "measures-of-organisation", organisation="NOVA")]
    by_name = rows(built, "measures-of-organisation", organisation="Velferdsforskningsinstituttet NOVA")
    assert [(r["measure"], r["role"]) for r in by_name] == by_id
    with pytest.raises(QueryError, match="no organisation 'no such organisation'"):
        rows(built, "measures-of-organisation", organisation="no such organisation")


def test_organisations_of_one_type(built):
    institutes = rows(built, "organisations-by-type", type="research-institute")
    assert institutes[0]["organisation"] == org("nova") and institutes[0]["parent"] == "OsloMet – storbyuniversitetet"
    assert {org("fafo"), org("nordlandsforskning")} <= {r["organisation"] for r in institutes}
    ministries = rows(built, "organisations-by-type", type="ministry")
    assert {r["acronym"] for r in ministries} == {"JD", "AID", "BFD", "HOD", "KD", "KDD", "KUD", "LMD"}


CONTRACT = """PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?kind ?m ?org ?role ?rule WHERE {
  { ?m prov:qualifiedAssociation ?a . ?a a tg:Involvement ; prov:agent ?org ; prov:hadRole/skos:notation ?role ;
       tg:decidedByRule ?rule . FILTER EXISTS { ?a tg:evidence ?e } BIND ("association" AS ?kind) }
  UNION
  { ?m tg:hasMentionOnly ?a . ?a a tg:MentionOnly ; tg:namedOrganisation ?org ; tg:decidedByRule ?rule .
    FILTER EXISTS { ?a tg:evidence ?e } FILTER NOT EXISTS { ?a prov:hadRole ?r } BIND ("mention only" AS ?kind)
    BIND ("mentioned" AS ?role) }
}"""


@pytest.mark.parametrize("world", ["mini_world", "built"])
def test_substantive_roles_are_associations_and_mentions_are_not(request, world, roles):
    """The contract the networks rely on: substantive = prov:qualifiedAssociation; named = tg:mentions."""
    graph = request.getfixturevalue(world).graph
    rows = [tuple(str(v) for v in row) for row in run_query(graph, CONTRACT).rows]
    assert rows and {kind for kind, *_ in rows} == {"association", "mention only"}
    assert all((kind == "mention only") == (role == "mentioned") for kind, _, _, role, _ in rows)
    assert all(rule.startswith(role + "/") for *_, role, rule in rows)
    mentions_query = "SELECT ?m ?o WHERE { ?m <https://w3id.org/tiltaksgraf/ontology#mentions> ?o }"
    named = {tuple(map(str, row)) for row in run_query(graph, mentions_query).rows}
    assert {(m, o) for _, m, o, _, _ in rows} <= named  # every statement's organisation is also named
    if world == "built":
        expected = {r for r in roles if r.role != "responsible"}
        assert len(rows) == len(expected)


def test_the_fixture_world_names_nova_in_a_footnote_only(mini_world):
    rows = {
        (m.rsplit("/", 1)[-1], o.rsplit("/", 1)[-1], r)
        for _, m, o, r, _ in (tuple(map(str, x)) for x in run_query(mini_world.graph, CONTRACT).rows)
    }
    assert rows == {
        ("1", "nova", "mentioned"),
        ("2a", "nova", "mentioned"),
        ("3", "politiet", "collaborating"),  # «evalueres av et forskningsmiljø i samarbeid med politiet»
        ("3", "regjeringen", "evaluating"),  # «Regjeringen vil evaluere ordningen …»
    }
