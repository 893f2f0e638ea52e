"""Findings about the prose of the report: each required finding on the real report, and no false positives."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from tiltaksgraf.graph.queries import get_query, run_query
from tiltaksgraf.graph.registry import misspellings
from tiltaksgraf.graph.validation import validate_graph
from tiltaksgraf.loaders import quality
from tiltaksgraf.loaders.blocks import split_blocks
from tiltaksgraf.loaders.model import Footnote

from tests.conftest import FIXTURES, MINI_REGISTRY
from tiltaksgraf.paths import DEFAULT_SOURCE, ORGANISATIONS_FILE


def found(report, kind: str) -> list[tuple[str | None, str, str]]:
    return sorted((f.measure, str(f.span), f.detail) for f in report.findings if f.kind == kind)


# --- the real report -------------------------------------------------------------------------------


def test_the_same_publication_cited_twice_is_on_each_citing_measure(report):
    pairs = {
        (m, d.rsplit("this is footnote ", 1)[1].split(" ")[0]) for m, _, d in found(report, "publication-cited-twice")
    }
    assert pairs == {("3", "1"), ("40", "13"), ("13", "5"), ("37b", "11"), ("32", "8"), ("33", "9")}


def test_footnote_9_repeats_footnote_8_but_supports_a_sentence_about_something_else(report):
    # Footnote 9 supports «… evalueringsrapporten ble ferdigstilt i august 2023» (Nordlandsforskning on the
    # VO-linjen) but repeats footnote 8: NOVA's 2017 report on the SMISO centres. The rule does not fire for
    # the repeats 1/13 and 5/11, whose sentences name their publication's year and words of its title.
    assert found(report, "repeated-footnote-off-topic") == [
        (
            "33",
            "792",
            "footnote 9 repeats the text of footnote 8, but the sentence it supports is about something else: it "
            "names 2023, while the publication «Sentrene mot incest og seksuelle overgrep» is from 2017",
        )
    ]


def test_footnote_text_pasted_into_prose_in_measure_24(report):
    ((measure, lines, detail),) = found(report, "footnote-text-in-prose")
    assert (measure, lines) == ("24a", "635")
    assert "footnote 35 («Prop. 100 L (2020-2021). Endringer i velferdstjenestelovgivningen" in detail
    assert "goes on with «arbeides systematisk for kvalitetsforbedring»" in detail


def test_a_stray_footnote_number_in_measure_51_and_nowhere_else(report):
    ((measure, lines, detail),) = found(report, "stray-number-in-prose")
    assert (measure, lines) == ("51", "1141")
    assert detail.startswith("«utsatte 57 raskere»") and "(43 < 57)" in detail


def test_no_footnote_text_without_a_mark_in_the_report(report):
    assert found(report, "footnote-text-without-mark") == []


def test_november_2025_in_a_past_statement_of_measure_16(report):
    assert found(report, "date-after-report") == [
        ("16", "504", "«november 2025» is after the report's own date (april 2025), in a statement in the past tense")
    ]


def test_impossible_date_orders_in_measures_15_and_16(report):
    assert found(report, "impossible-date-order") == [
        (
            "15",
            "476",
            "the consultation deadline («31. januar 2024») is dated before the sending on public consultation "
            "(«desember 2024»)",
        ),
        (
            "16",
            "504",
            "its reading or adoption («4. mars [2025]») is dated before the bill being put forward («november 2025»)",
        ),
    ]


# --- no false positives --------------------------------------------------------------------------

#: Numbers that are counts, measures, dates, ordinals and labels, between two footnote marks without text
#: (³⁴ and ³⁷), so that 35 and 36 would continue their series.
COUNTS = """\
En evaluering fra 2019 viser stor variasjon i teamene.³⁴ Det finnes i overkant av 35 konsultasjonsteam, og det er
per nå 36 aktive behandlingsteam. Modellen prøves ut i ti kommuner. I 2017 ble det etablert 35 støttesentre.
Loven trådte i kraft 1. januar 2021, jf. § 35 og kapittel 36. Det ble bevilget 35 millioner kroner, og 36 prosent
av kommunene svarte. NOU 2020: 35 «Varslede drap?» omtaler kode 6 og 7 og §§ 35 og 36. Se tiltak 35. Rundt 36
deltakere fra sju direktorater og 35 kompetansemiljøer deltok. Barn under 36 år og 1. til 4. trinn.
Nordlandsforskning utarbeidet i 2019 en kunnskapsoversikt.³⁷
"""


def prose(text: str):
    blocks, _ = split_blocks(text.split("\n"))
    return blocks


def test_counts_dates_and_labels_are_not_stray_numbers():
    assert quality.stray_number_findings(prose(COUNTS), [], {}) == []


def test_a_number_that_continues_the_marks_is_a_stray_mark():
    text = COUNTS.replace("Se tiltak 35.", "Slik får utsatte 35 raskere hjelp.")
    (finding,) = quality.stray_number_findings(prose(text), [], {})
    assert finding.text == "Slik får utsatte 35 raskere hjelp."
    assert "(34 < 35 < 37)" in finding.detail


def test_the_number_of_a_footnote_without_a_mark_is_a_stray_mark():
    note = Footnote(5, "Hansen, K. (2020). Rapport.", 9, None)
    (finding,) = quality.stray_number_findings(prose("Som rapporten 5 viser, går det bedre.\n"), [note], {})
    assert "footnote 5 has text but no mark" in finding.detail


def test_pasted_footnote_text_needs_the_sentence_to_resume_in_lower_case():
    pasted = "Det skal 12 Hansen, K. (2020). Rapport om vold. arbeides videre med saken.\n"
    assert len(quality.pasted_footnote_findings(prose(pasted), {})) == 1
    assert quality.pasted_footnote_findings(prose("Se Prop. 100 L (2020-2021). Endringer trer i kraft.\n"), {}) == []
    assert quality.pasted_footnote_findings(prose("Tallet er 12 Prop. 100 L (2020-2021). Det er nytt.\n"), {}) == []


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("Rapporten ble lansert i juni 2025.", True),
        ("Direktoratet sendte i mai 2025 ut et brev.", True),
        ("JD femmet i november 2025 en proposisjon.", True),
        ("Rapporten skal ferdigstilles i oktober 2025.", False),
        ("Sluttrapport skal etter planen foreligge i løpet av oktober 2025.", False),
        ("Evalueringen er ventet ferdigstilt våren 2025.", False),
        ("Rapporten vil foreligge innen utgangen av desember 2025.", False),
        ("Årets konferanse finner sted i Bodø 20. mai 2025.", False),
        ("Lokalene i Karasjok vil åpne sommeren 2025.", False),
        ("Rapporten ble lansert i mars 2025.", False),
        ("Arbeidet ble startet i april 2025.", False),
        ("Planen gjelder for perioden 2024–2028.", False),
    ],
)
def test_dates_after_the_report_only_in_past_statements(sentence, fires):
    assert bool(quality.late_date_findings(prose(sentence + "\n"), "2025-04", {})) == fires


@pytest.mark.parametrize(
    ("paragraph", "fires"),
    [
        ("BFD sendte i desember 2024 på høring forslag til lov. Høringsfrist var 31. januar 2024.", True),
        ("Forslaget ble sendt på høring 18. oktober 2024 med høringsfrist 18. januar 2025.", False),
        ("Forslaget ble sendt på høring i oktober 2024. Høringsfristen var 24. januar 2025.", False),
        ("Forslaget ble sendt på høring 3. mars 2024 med høringsfrist 1. mars 2024.", True),
        ("Proposisjonen ble fremmet 16. juni 2023. Stortinget vedtok endringene 12. desember 2023.", False),
        ("Stortinget vedtok endringene 12. desember 2022. Proposisjonen ble fremmet 16. juni 2023.", True),
        ("Planen ble oversendt Stortinget i desember 2023 og Stortinget sluttet seg til planen i mai 2024.", False),
        ("Saken ble behandlet i mars 2024, og høringen ble avsluttet i juni 2024.", False),
    ],
)
def test_impossible_date_orders(paragraph, fires):
    assert bool(quality.date_order_findings(prose(paragraph + "\n"), {})) == fires


# --- misspelt names, from the registry's hidden labels -----------------------------------------------


@pytest.fixture(scope="module")
def registry_file(tmp_path_factory) -> Path:
    """The fixture world's registry with two organisations and their misspellings."""
    path = tmp_path_factory.mktemp("registry") / "organisations.ttl"
    graph = Graph().parse(MINI_REGISTRY).parse(FIXTURES / "misspellings.ttl")
    graph.serialize(path, format="turtle", encoding="utf-8")
    return path


def test_the_registry_names_each_misspelling(registry_file):
    assert misspellings(Graph().parse(registry_file)) == {
        "Buudir": "Barne-, ungdoms- og familiedirektoratet (Bufdir)",
        "NVKTS": "Nasjonalt kunnskapssenter om vold og traumatisk stress (NKVTS)",
    }
    real = misspellings(Graph().parse(ORGANISATIONS_FILE))
    assert real["Buudir"] == "Barne-, ungdoms- og familiedirektoratet (Bufdir)"
    assert {"NVKTS", "RVTs Nord", "RVTsene", "Domstolsadministrasjonen", "Parterndrapsutvalget", "Sfk"} <= set(real)


#: Every misspelt organisation name in the report, by measure and line: what the registry's hidden labels find.
MISSPELT = [
    ("1", "216", "Regionale ressursentre om vold og traumatisk stress"),
    ("1", "216", "Regionalt kunnskapssenter om barn og unge/Regionsenter for barn og unge psykiske helse"),
    ("2", "224", "regionale ressursentrene om vold, traumatisk stress og selvmordsforebygging"),
    ("5", "278", "NAV Grønerløkka"),
    ("6", "310", "RVTSe"),
    ("6", "310", "RVTSe"),
    ("7", "326", "distriktpsykiatriske sentre"),
    ("7", "326", "Nasjonalt kompetansesenternettverk for sikkerhets-, fengsel- og rettspsykiatri"),
    ("7", "326", "Regionale ressurscentre om vold, traumatisk stress og selvmordsforebygging"),
    ("9", "378", "familievern tjenesten"),
    ("9", "384", "familievern tjenesten"),
    ("16", "486", "partnerdrapskommissjon"),
    ("21b", "593", "regionale ressursentrene om vold, traumatisk stress og selvmordsforebygging"),
    ("25", "657", "regionale ressursentrene om vold, traumatisk stress og selvmordsforebygging"),
    ("28", "712", "kritesenter"),
    ("30", "742", "Parterndrapsutvalget"),
    ("32", "766", "Dixi ressurscenter mot voldtekt"),
    ("34", "816", "Buudir"),
    ("34", "816", "Buudir"),
    ("35", "830", "Sfk"),
    ("35", "834", "Sfk"),
    ("35", "834", "Sfk"),
    ("36", "856", "RVTsene"),
    ("36", "858", "Buudir"),
    ("36", "860", "Buudir"),
    ("36", "864", "Buudir"),
    ("48", "1089", "Sfk"),
    ("50", "1137", "Sfk"),
    ("50", "1137", "Sfk"),
    ("54", "1183", "Kommunal og moderniseringsdepartementet"),
    ("57", "1227", "regionale ressursentrene om vold, traumatisk stress og selvmordsforebygging"),
    ("59", "1267", "Domstolsadministrasjonen"),
    ("61", "1287", "regionale ressursentrene om vold, traumatisk stress og selvmordsforebygging"),
    ("62", "1299", "NVKTS"),
    ("65", "1335", "Buudir"),
    ("65", "1337", "Buudir"),
    ("70", "1391", "RVTs Nord"),
    ("82", "1553", "Lanzarotekomiteén"),
]


def test_misspelt_names_in_the_report(report):
    names = misspellings(Graph().parse(ORGANISATIONS_FILE))
    findings = quality.misspelt_name_findings(DEFAULT_SOURCE.read_text(encoding="utf-8"), report.measures, names)
    assert [(f.measure, str(f.span), f.detail.split("»")[0].lstrip("«")) for f in findings] == MISSPELT
    buudir = next(f for f in findings if "Buudir" in f.detail)
    assert buudir.text.startswith("Buudir gjennomførte i juni 2023") and "(seen 7×)" in buudir.detail
    assert "«Buudir» for «Barne-, ungdoms- og familiedirektoratet (Bufdir)»" in buudir.detail


def test_misspelt_names_with_a_fixture_registry(report, registry_file):
    names = misspellings(Graph().parse(registry_file))
    findings = quality.misspelt_name_findings(DEFAULT_SOURCE.read_text(encoding="utf-8"), report.measures, names)
    assert [(f.measure, str(f.span)) for f in findings] == [
        (m, line) for m, line, wrong in MISSPELT if wrong in ("Buudir", "NVKTS")
    ]


def test_misspellings_match_whole_words_and_case():
    text = "Tiltak 1: X\n\nBuudirs rutiner, buudir og BuudirX er ikke treff. Men (Buudir) og «Buudir» er det.\n"
    findings = quality.misspelt_name_findings(text, [], {"Buudir": "Bufdir"})
    assert len(findings) == 2


def test_the_findings_are_annotations_in_the_graph(built):
    rows = run_query(built.graph, get_query("findings").text).rows
    kinds = {(r[1], r[2]) for r in rows}  # after the plan
    assert {
        ("16", "date-after-report"),
        ("15", "impossible-date-order"),
        ("16", "impossible-date-order"),
        ("51", "stray-number-in-prose"),
        ("24a", "footnote-text-in-prose"),
        ("33", "repeated-footnote-off-topic"),
        ("32", "publication-cited-twice"),
        ("33", "publication-cited-twice"),
        ("36", "misspelt-organisation-name"),
        ("62", "misspelt-organisation-name"),
    } <= kinds
    assert sum(1 for r in rows if r[2] == "misspelt-organisation-name") == len(MISSPELT)  # one node per place
    assert validate_graph(built.graph).conforms
