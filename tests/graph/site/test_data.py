"""The site reads the graph through queries/site/*.rq: every query documented and answering, the records
linked, facets taken from the graph's schemes, the home page's charts agreeing with the named queries."""

from __future__ import annotations

from collections import Counter

import pytest
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.queries import run_named
from tiltaksgraf.graph.site.data import load_site_data, site_queries
from tiltaksgraf.graph.site.facets import FACETS, NO_CONTINUATION, facet_values, home_data
from tiltaksgraf.graph.site.labels import Labels
from tiltaksgraf.graph.sources import run_query
from tiltaksgraf.graph.store import store_from_graph
from tiltaksgraf.viz.site.render import strings

M = "https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/"
STATUS = "https://w3id.org/tiltaksgraf/vocab/status"
ROLE = "https://w3id.org/tiltaksgraf/vocab/role"


@pytest.fixture(scope="module")
def data(store):
    return load_site_data(store)


@pytest.fixture(scope="module")
def mini_data(mini_world):
    return load_site_data(store_from_graph(mini_world.graph))


@pytest.mark.parametrize("name", sorted(set(site_queries()) - {"describe"}))
def test_every_site_query_is_documented_and_gives_its_columns(store, name):
    query = site_queries()[name]
    assert query.title and query.description and query.columns, f"{name}.rq lacks a documented header"
    table = run_query(store, query.text)
    assert tuple(table.columns) == query.columns
    assert table.rows, f"{name} answers nothing on the report's graph"


def test_the_report_as_the_site_sees_it(data):
    assert len(data.numbered()) == 82
    assert len(data.measures) - len(data.numbered()) == 23
    assert len(data.focus_areas) == 6
    assert {p.kind for p in data.plans.values()} == {"ActionPlan", "EscalationPlan", "FinalReport"}
    assert len(data.documents) == 104  # every document of the graph, not only those a footnote cites
    m27 = data.measures[M + "27"]
    assert [data.measures[p].number for p in m27.parts] == ["27a", "27b", "27c"]
    assert data.measures[M + "27a"].focus_area == m27.focus_area  # a sub-measure's is its measure's


def test_a_measure_knows_its_evidence_and_its_references_both_ways(data):
    m19 = data.measures[M + "19"]
    assert m19.status.quote.text.startswith("Direktoratsgruppen mot vold i nære relasjoner")
    assert m19.status.quote.lines == "561"
    assert m19.continuation.quote.lines == "557"
    assert [c.text[:39] for c in m19.commitments] == ["Regjeringen vil etablere en struktur på"]
    assert M + "19" in {r.target for r in data.measures[M + "10"].refers_to}
    assert M + "10" in {r.source for r in m19.referred_by}


def test_facet_values_are_concepts_of_the_graphs_schemes(data):
    """No list of statuses or roles in the code: every value is a concept the graph's schemes hold."""
    statuses = set(data.schemes[STATUS])
    roles = set(data.schemes[ROLE])
    for m in data.numbered():
        values = facet_values(data, m)
        assert set(values["status"]) <= statuses
        assert set(values["role"]) <= roles
        assert set(values["focus_area"]) <= set(data.focus_areas)
        assert set(values["organisation"]) <= set(data.organisations)


def test_sub_measures_count_for_their_measure(data):
    """Menon Economics works in 27a only; the facet finds it under measure 27 (decision 0007)."""
    menon = "https://w3id.org/tiltaksgraf/id/org/menon"
    assert menon in {a.agent for a in data.measures[M + "27a"].associations}
    assert menon in facet_values(data, data.measures[M + "27"])["organisation"]


def test_a_measure_without_a_link_to_the_successor_plan_has_the_value_none(data):
    assert facet_values(data, data.measures[M + "1"])["continuation"] == [NO_CONTINUATION]


@pytest.fixture(scope="module")
def home(data):
    return home_data(data, Labels(data), strings())


def test_home_data_has_every_facet_with_labels_in_both_languages(home):
    assert [f["key"] for f in home["facets"]] == list(FACETS)
    assert len(home["measures"]) == 82
    status = next(f for f in home["facets"] if f["key"] == "status")
    completed = next(v for v in status["values"] if v["id"].endswith("/completed"))
    assert completed["label"] == {"nb": "gjennomført", "en": "completed"}  # from ontology/schemes/status.ttl


def test_the_charts_count_what_the_named_queries_count(home, store):
    """Status by ministry and by focus area, counted from the facets as the page's script counts them."""
    by_ministry: Counter[tuple[str, str]] = Counter()
    by_area: Counter[tuple[str, str]] = Counter()
    labels = {v["id"]: v["label"]["nb"] for f in home["facets"] for v in f["values"]}
    for m in home["measures"]:
        status = m["f"]["status"][0].rsplit("/", 1)[-1]
        for ministry in m["f"]["ministry"]:
            by_ministry[(labels[ministry], status)] += 1
        by_area[(labels[m["f"]["focus_area"][0]].split(":")[0], status)] += 1
    table = run_named(store, "status-by-ministry")
    assert dict(by_ministry) == {(r[0], r[1]): int(r[2]) for r in table.rows}
    table = run_named(store, "status-by-focus-area")
    assert {r[0] for r in table.rows} == {str(iris.plan("frihet-fra-vold"))}  # one plan, first
    assert dict(by_area) == {(r[1], r[3]): int(r[4]) for r in table.rows}


def test_the_fixture_world_gives_a_site_model_too(mini_data):
    assert [m.number for m in mini_data.numbered()] == ["1", "2", "3", "4", "5"]
    assert mini_data.measures[M + "1"].status.quote.text.startswith("Veilederen ble lansert i mars 2022")


# --- the graph as it is since issues 11-13: documents, readings, mention-only, continuation scope --------


def test_every_document_the_measures_name_is_there_with_how_they_name_it(data, store):
    named = run_named(store, "documents")
    rows = [dict(zip(named.columns, r, strict=True)) for r in named.rows]
    assert {r["document"] for r in rows} <= set(data.documents)
    by_doc: dict[str, set[tuple[str, str]]] = {}
    for d in data.documents.values():
        for x in d.mentions:
            if data.concepts.get(x.how):  # the cited-as concepts (evaluated-by is the ontology's property)
                by_doc.setdefault(d.iri, set()).add((data.measures[x.measure].number, data.concepts[x.how].notation))
    expected: dict[str, set[tuple[str, str]]] = {}
    for r in rows:
        expected.setdefault(r["document"], set()).add((r["measure"], r["cited_as"]))
    assert by_doc == expected
    nou = data.documents["https://w3id.org/tiltaksgraf/id/document/nou-2020-17"]
    assert (nou.designation, nou.title, nou.year) == ("NOU 2020: 17", "Varslede drap?", "2020")
    assert data.concepts[nou.kind].notation == "nou"
    assert all(x.quote.text for x in nou.mentions)  # every place with its sentence


def test_the_evaluated_by_link_is_a_way_of_naming_with_the_ontologys_label(data):
    evaluated = [x for d in data.documents.values() for x in d.mentions if x.how.endswith("#evaluatedBy")]
    assert [data.measures[x.measure].number for x in evaluated] == ["6d"]
    assert data.terms[evaluated[0].how].labels == {"nb": "evaluert av", "en": "evaluated by"}


def test_a_status_has_all_its_readings_the_chosen_one_and_whether_it_is_contested(data, store):
    m28 = data.measures[M + "28"].status
    assert data.concepts[m28.value].notation == "discontinued" and m28.contested and m28.reason
    assert [data.concepts[r.value].notation for r in m28.readings if r.chosen] == ["discontinued"]
    assert len(m28.readings) == 4
    named = run_named(store, "status-readings")  # measure, value, rule, evidence, chosen
    ours = Counter(
        (m.number, data.concepts[r.value].notation, r.quote.text, "yes" if r.chosen else "no")
        for m in data.measures.values()
        for s in m.statuses
        for r in s.readings
    )
    read = {number for number, *_ in ours}
    assert ours == Counter((r[0], r[1], r[3], r[4]) for r in named.rows if r[0] in read)
    assert all(len([r for r in named.rows if r[0] == n]) == 1 for n in {r[0] for r in named.rows} - read)
    contested = {m.number for m in data.measures.values() if m.status and m.status.contested}
    assert len(contested) == 11  # as `tiltaksgraf validate` warns: «The status readings disagree» × 11


def test_an_organisation_only_named_has_its_sentence_and_no_role(data):
    for m in data.measures.values():
        roles = {a.agent for a in m.associations}
        for n in m.named:
            assert n.org not in roles and n.quote.text, (m.number, n.org)
    assert sum(len(m.named) for m in data.measures.values()) == 149


def test_a_continuation_knows_the_parts_it_covers_and_who_follows_it_up(data):
    (c34,) = data.measures[M + "34"].continuations
    assert c34.parts == (M + "34b",)
    (c46,) = data.measures[M + "46"].continuations
    assert (c46.owner, c46.owner_name) == ("https://w3id.org/tiltaksgraf/id/org/jd", "JD")


def test_the_loose_ends_are_the_rows_of_the_named_query(data, store):
    named = run_named(store, "loose-ends")
    rows = named.records()
    assert [data.measures[m].number for m, _, _ in data.loose_ends] == [r["measure"] for r in rows]
    assert [data.concepts[s].notation for _, s, _ in data.loose_ends] == [r["status"] for r in rows]
    assert all(q.text and q.start for _, _, q in data.loose_ends)


def test_the_new_roles_are_read_from_the_scheme(data):
    used = {data.concepts[a.role].notation for m in data.measures.values() for a in m.associations}
    assert {"administering", "researching", "consulted"} <= used
