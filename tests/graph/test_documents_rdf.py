"""The documents in the graph: one resource per document, the mentions with evidence, the `documents` query."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.queries import get_query, run_named, run_query
from tiltaksgraf.graph.vocab import DCTERMS, ELI, PROV, TG

from tests.loaders.test_documents import KINDS

README = Path(__file__).parent.parent.parent / "README.md"
COLUMNS = ["measure", "document", "kind", "designation", "title", "year", "publisher", "footnote", "cited_as"]


@pytest.fixture(scope="module")
def table(store):
    return run_named(store, "documents")


def test_the_documents_query_has_exactly_its_columns(table):
    assert table.columns == COLUMNS and list(get_query("documents").columns) == COLUMNS


def test_nou_2020_17_is_one_resource_linked_from_every_measure_that_names_it(table, built):
    nou = iris.document("nou-2020-17")
    rows = [r for r in table.records() if r["document"] == str(nou)]
    assert [r["measure"] for r in rows] == ["9", "16", "29", "30", "38"]
    assert {(r["kind"], r["designation"], r["title"], r["year"], r["cited_as"]) for r in rows} == {
        ("nou", "NOU 2020: 17", "Varslede drap?", "2020", "prose")
    }
    linked = {str(built.graph.value(m, TG.number)) for m in built.graph.subjects(DCTERMS.references, nou)}
    assert linked == {"9", "16", "29", "30", "38"}
    assert len(list(built.graph.objects(nou, DCTERMS.title))) == 1


def test_measure_47_produced_rundskriv_2_2023(table, built):
    rows = [r for r in table.records() if r["measure"] == "47"]
    assert [(r["designation"], r["cited_as"], r["publisher"], r["year"]) for r in rows] == [
        ("Rundskriv 2/2023", "deliverable", "Riksadvokaten", "2023"),
        ("Rundskriv 2/2023", "prose", "Riksadvokaten", "2023"),  # «Riksadvokatens rundskriv om vold i nære relasjoner»
        ("Rundskriv 3/2008", "prose", "Riksadvokaten", "2008"),
    ]
    new, old = iris.document("riksadvokaten-rundskriv-2-2023"), iris.document("riksadvokaten-rundskriv-3-2008")
    assert (iris.measure("frihet-fra-vold", "47"), PROV.generated, new) in built.graph
    assert (new, DCTERMS.replaces, old) in built.graph
    assert (new, DCTERMS.publisher, URIRef("https://w3id.org/tiltaksgraf/id/org/riksadvokaten")) in built.graph


def test_footnotes_and_the_publications_they_cite(table):
    rows = [r for r in table.records() if r["cited_as"] == "footnote"]
    assert {r["footnote"] for r in rows} == {str(n) for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)}
    article = next(r for r in rows if r["kind"] == "article")
    assert (article["measure"], article["footnote"], article["publisher"]) == ("13", "6", "")  # a journal: no publisher
    assert all(r["footnote"] == "" for r in table.records() if r["cited_as"] == "prose")


def test_laws_and_conventions_are_eli_legal_resources_from_the_registry(table, built):
    penal = iris.document("lov-2005-05-20-28")
    assert (penal, ELI.id_local, Literal("LOV-2005-05-20-28")) in built.graph
    row = next(r for r in table.records() if r["document"] == str(penal))
    assert (row["kind"], row["designation"], row["year"], row["publisher"]) == (
        "law",
        "LOV-2005-05-20-28",
        "2005",
        "Stortinget",  # eli:passed_by
    )
    assert row["title"] == "Lov om straff (straffeloven)"
    istanbul = next(r for r in table.records() if r["document"] == str(iris.document("cets-no-210")))
    assert (istanbul["kind"], istanbul["designation"], istanbul["year"]) == ("convention", "CETS No. 210", "2011")


def test_the_successor_plans_proposition_is_about_the_successor_plan(built):
    prop = iris.document("prop-36-s-2023-2024")
    assert (prop, DCTERMS.subject, iris.plan("trygghet-for-alle")) in built.graph
    assert str(built.graph.value(prop, DCTERMS.identifier)) == "Prop. 36 S (2023–2024)"


def test_the_query_counts_the_documents_the_loader_found(table):
    kinds = {}
    for r in table.records():
        kinds.setdefault(r["document"], r["kind"])
    assert dict(sorted(Counter(kinds.values()).items())) == KINDS


def test_every_mention_carries_its_evidence(store, built):
    text = """PREFIX tg: <https://w3id.org/tiltaksgraf/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT (COUNT(?m) AS ?n) WHERE { ?m a tg:DocumentMention ; tg:evidence ?ev ; tg:namedAs ?words .
  ?ev tg:startLine ?s ; tg:endLine ?e ; tg:sectionLabel ?section ; oa:hasSelector/oa:exact ?quote }"""
    (count,) = run_query(store, text).rows[0]
    (docs,) = built.documents
    assert int(count) == len(docs.mentions)


def test_the_readme_lists_the_documents_found_by_kind(built):
    """The README's table of documents by kind is the build's."""
    section = README.read_text(encoding="utf-8").split("### Documents the measures name")[1].split("\n## ")[0]
    table = dict(re.findall(r"^\| `([a-z-]+)` \| [^|]+ \| (\d+) \|", section, re.M))
    assert {k: int(v) for k, v in table.items()} == built.summary()["documents"]
    total = re.search(r"(\d+) documents", section)
    assert total and int(total.group(1)) == sum(built.summary()["documents"].values())
