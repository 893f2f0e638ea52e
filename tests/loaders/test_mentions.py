"""Mention extraction on hand-written fixtures: one test per rule and per false-positive trap."""

from __future__ import annotations

import pytest
from tiltaksgraf.loaders.actors import ORGANISATION, PROGRAMME, Target
from tiltaksgraf.loaders.mentions import LabelIndex, find_mentions, mentions_in_text
from tiltaksgraf.loaders.text import line_block

ORGS = {
    "bufdir": ["Bufdir", "Barne-, ungdoms- og familiedirektoratet", "Buudir"],
    "nkvts": ["NKVTS", "Nasjonalt kunnskapssenter om vold og traumatisk stress"],
    "kd": ["KD"],
    "kdd": ["KDD"],
    "nav": ["NAV", "Nav"],
    "atv": ["ATV"],
    "imdi": ["IMDi"],
    "fafo": ["Fafo"],
    "nova": ["NOVA"],
    "hod": ["HOD"],
    "jd": ["JD"],
    "rvts": ["RVTS", "RVTSene"],
    "rvts-nord": ["RVTS Nord"],
    "nok-sentrene": ["Nok.", "Nok.-sentrene"],
    "nok-norge": ["Nok. Norge"],
    "statsforvalteren": ["Statsforvalteren", "statsforvalterne"],
    "politiet": ["Politiet", "politiet", "politidistriktene", "politidistrikter"],
    "krisesentrene": ["krisesentrene"],
    "regjeringen": ["Regjeringen", "regjeringen"],
    "sor-vest-politidistrikt": ["Sør-Vest politidistrikt"],
    "nordland-politidistrikt": ["Nordland politidistrikt"],
    "alta-kommune": ["Alta kommune"],
    "porsanger-kommune": ["Porsanger kommune"],
}
PROGRAMMES = {"sara": ["SARA"], "jeg-vet": ["Jeg Vet", "«Jeg vet»"]}


def _target(key: str, kind: str) -> Target:
    return Target(f"https://example.org/{key}", kind, key)


@pytest.fixture(scope="module")
def index() -> LabelIndex:
    entries = [(label, _target(k, ORGANISATION)) for k, labels in ORGS.items() for label in labels]
    entries += [(label, _target(k, PROGRAMME)) for k, labels in PROGRAMMES.items() for label in labels]
    built, conflicts = LabelIndex.build(entries)
    assert conflicts == []
    return built


def _found(text: str, index: LabelIndex) -> list[tuple[str, str]]:
    return [(m.text, m.target.label) for m in mentions_in_text(text, index)]


def test_names_with_their_exact_text_offsets_and_line(index: LabelIndex) -> None:
    [m] = mentions_in_text("Arbeidet er gjort av NKVTS i 2023.", index, line=410)
    assert (m.text, m.start, m.end, m.line, m.iri) == ("NKVTS", 21, 26, 410, "https://example.org/nkvts")
    assert m.rule == "label" and not m.genitive


def test_the_line_of_a_name_after_a_page_break(index: LabelIndex) -> None:
    block = line_block("Arbeidet er koordinert av", 100)
    block.join(line_block("NOVA og Fafo.", 102))
    assert [(m.text, m.line) for m in find_mentions(block, index)] == [("NOVA", 102), ("Fafo", 102)]


def test_case_sensitive_nok_is_a_word_and_nok_with_a_full_stop_is_the_centres(index: LabelIndex) -> None:
    assert _found("Det er ikke nok. Nok en gang finnes det nok av tilbud.", index) == []
    assert _found("Sentrene byttet navn til Nok. i november 2020.", index) == [("Nok.", "nok-sentrene")]


def test_acronyms_match_at_word_boundaries_only(index: LabelIndex) -> None:
    assert _found("KDD og KD", index) == [("KDD", "kdd"), ("KD", "kd")]
    assert _found("KDDs budsjett", index) == [("KDDs", "kdd")]
    assert _found("NAVN, ATVer, SATV og JDX", index) == []
    assert _found("Navnet på senteret", index) == []


def test_a_hyphen_or_slash_is_a_boundary(index: LabelIndex) -> None:
    assert _found("NAV-kontorene og SARA-koordinatoren", index) == [("NAV", "nav"), ("SARA", "sara")]
    assert _found("NOVA/Fafo", index) == [("NOVA", "nova"), ("Fafo", "fafo")]


@pytest.mark.parametrize(
    ("text", "name", "key"),
    [
        ("Bufdirs rundskriv", "Bufdirs", "bufdir"),
        ("NKVTS' rapport", "NKVTS'", "nkvts"),
        ("NKVTS’ rapport", "NKVTS’", "nkvts"),
        ("IMDis hjemmeside", "IMDis", "imdi"),
        ("Fafos evaluering", "Fafos", "fafo"),
        ("NOVAs rapport", "NOVAs", "nova"),
        ("over HODs budsjett", "HODs", "hod"),
        ("JDs midler", "JDs", "jd"),
        ("politiets arbeid", "politiets", "politiet"),
    ],
)
def test_genitive_endings(index: LabelIndex, text: str, name: str, key: str) -> None:
    [m] = mentions_in_text(text, index)
    assert (m.text, m.target.label, m.genitive) == (name, key, True)


def test_longest_match_wins(index: LabelIndex) -> None:
    assert _found("RVTS Nord og RVTS", index) == [("RVTS Nord", "rvts-nord"), ("RVTS", "rvts")]
    assert _found("Nok. Norge og Nok.-sentrene", index) == [
        ("Nok. Norge", "nok-norge"),
        ("Nok.-sentrene", "nok-sentrene"),
    ]
    text = "Nasjonalt kunnskapssenter om vold og traumatisk stress (NKVTS)"
    assert _found(text, index) == [
        ("Nasjonalt kunnskapssenter om vold og traumatisk stress", "nkvts"),
        ("NKVTS", "nkvts"),
    ]


def test_collective_forms_resolve_to_the_group_also_at_the_start_of_a_sentence(index: LabelIndex) -> None:
    assert _found("RVTSene og statsforvalterne", index) == [
        ("RVTSene", "rvts"),
        ("statsforvalterne", "statsforvalteren"),
    ]
    assert _found("Statsforvalterne skal. Politidistriktene har.", index) == [
        ("Statsforvalterne", "statsforvalteren"),
        ("Politidistriktene", "politiet"),
    ]
    assert _found("hjelp fra krisesentrene", index) == [("krisesentrene", "krisesentrene")]


def test_misspellings_in_the_registry_resolve(index: LabelIndex) -> None:
    assert _found("Buudir gjennomførte et dialogmøte.", index) == [("Buudir", "bufdir")]


def test_a_tool_is_a_programme_not_an_organisation(index: LabelIndex) -> None:
    [m] = mentions_in_text("Politiet har benyttet verktøyet SARA.", index)[1:]
    assert (m.text, m.target.kind) == ("SARA", PROGRAMME)


def test_an_ordinary_phrase_is_no_programme(index: LabelIndex) -> None:
    assert _found("Jeg vet ikke.", index) == []
    assert _found("ressursene «Jeg vet» og Jeg Vet", index) == [("«Jeg vet»", "jeg-vet"), ("Jeg Vet", "jeg-vet")]


def test_stop_phrases_name_nothing(index: LabelIndex) -> None:
    assert _found("jf. regjeringen vil-punkter i planen", index) == []
    assert _found("Regjeringen vil-punkt og regjeringen", index) == [("regjeringen", "regjeringen")]


def test_places_in_a_list_after_a_trigger_noun(index: LabelIndex) -> None:
    found = mentions_in_text("Tre politidistrikter, Sør-Vest og Nordland, er i gang.", index)
    assert [(m.text, m.target.label, m.rule) for m in found] == [
        ("politidistrikter", "politiet", "label"),
        ("Sør-Vest", "sor-vest-politidistrikt", "enumeration"),
        ("Nordland", "nordland-politidistrikt", "enumeration"),
    ]
    later = "Midlene går til tre kommuner. Barn er prioritert. Porsanger og Alta har mottatt midler."
    assert [(m.text, m.target.label) for m in mentions_in_text(later, index)] == [
        ("Porsanger", "porsanger-kommune"),
        ("Alta", "alta-kommune"),
    ]


def test_places_without_a_trigger_or_not_all_known_name_nothing(index: LabelIndex) -> None:
    assert _found("Barnehuset har lokaler i Kirkenes og Alta.", index) == []
    assert _found("kommunene Porsanger, Kirkenes og Alta", index) == []  # Kirkenes is no municipality
    assert _found("tre kommuner i Porsanger og Alta", index) == []  # «i» stands between: places, not a list


def test_a_label_given_to_two_targets_is_a_conflict() -> None:
    built, conflicts = LabelIndex.build(
        [("AD", _target("a", ORGANISATION)), ("AD", _target("b", ORGANISATION)), ("B", _target("b", ORGANISATION))]
    )
    assert [(label, a.label, b.label) for label, a, b in conflicts] == [("AD", "a", "b")]
    assert built.lookup("AD") is None and built.lookup("B").label == "b"
