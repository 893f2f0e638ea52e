"""Mentions on the real report: the acceptance examples, the traps, and that every organisation resolves."""

from __future__ import annotations

import pytest
from tiltaksgraf.graph.registry import Registry
from tiltaksgraf.loaders.actors import Mention
from tiltaksgraf.loaders.measure_text import TextPart, measure_mentions

from tests.conftest import org


@pytest.fixture(scope="module")
def mentions(parts: dict[int, list[TextPart]], registry: Registry) -> list[Mention]:
    return measure_mentions(parts, registry.index)


def _key(iri: str) -> str:
    return iri.rsplit("/", 1)[1]


def test_measure_57_names_rvts_nord_rvts_midt_and_sanks(mentions: list[Mention]) -> None:
    named = {_key(m.iri) for m in mentions if m.measure == "57" and m.target.kind == "organisation"}
    assert named == {
        "helsedirektoratet",
        "kommunene",
        "korus",
        "napha",
        "nasak",
        "rkbu-rbup",
        "rvts",
        "rvts-midt",
        "rvts-nord",
        "saamiraadet",
        "sametinget",
        "sanks",
        "statsforvalteren",
    }
    first = [(m.text, m.line) for m in mentions if m.measure == "57" and m.line == 1229]
    assert first == [
        ("RVTS Nord", 1229),
        ("RVTS Midt", 1229),
        ("Samisk nasjonal kompetansetjeneste – psykisk helsevern og rus", 1229),
        ("SANKS", 1229),
        ("Samerådet", 1229),
        ("Sametinget", 1229),
    ]


def test_rvtsene_in_measure_21_is_the_rvts_network(mentions: list[Mention]) -> None:
    found = [(m.text, m.line, m.section, m.iri) for m in mentions if m.measure == "21" and m.text == "RVTSene"]
    assert found == [("RVTSene", 601, "status", org("rvts"))] * 3


def test_buudir_in_measure_34_is_bufdir(mentions: list[Mention]) -> None:
    found = [(m.measure, m.line, m.iri) for m in mentions if m.number == 34 and m.text == "Buudir"]
    assert found == [("34a", 816, org("bufdir")), ("34a", 816, org("bufdir"))]


def test_every_nok_mention_is_written_nok_with_a_full_stop(mentions: list[Mention]) -> None:
    nok = [m for m in mentions if _key(m.iri).startswith("nok-")]
    assert {m.text for m in nok} == {
        "Nok.",
        "Nok.-sentrene",
        "Nok. Norge",
        "Nok. Bergen",
        "Fellesskap mot seksuelle overgrep",  # the former name of Nok. Norge
        "FMSO",
    }


def test_kd_is_never_found_inside_kdd(mentions: list[Mention]) -> None:
    assert {m.text for m in mentions if m.iri == org("kd")} <= {"KD", "KDs", "Kunnskapsdepartementet"}
    assert {m.text for m in mentions if m.iri == org("kdd")} == {
        "KDD",
        "Kommunal og moderniseringsdepartementet",
        "Kommunal- og moderniseringsdepartementet",
    }


def test_sara_and_risk_are_programmes(mentions: list[Mention]) -> None:
    assert {m.target.kind for m in mentions if m.text in ("SARA", "RISK", "Patriark", "Tidlig Inn")} == {"programme"}


def test_places_in_lists(mentions: list[Mention]) -> None:
    assert [(m.text, m.line, m.measure, _key(m.iri)) for m in mentions if m.rule == "enumeration"] == [
        ("Færder", 318, "6d", "faerder-kommune"),
        ("Midt-Telemark", 318, "6d", "midt-telemark-kommune"),
        ("Larvik", 318, "6d", "larvik-kommune"),
        ("Agder", 1095, "48", "konfliktradet-agder"),
        ("Finnmark", 1095, "48", "konfliktradet-finnmark"),
        ("Troms", 1095, "48", "konfliktradet-troms"),
        ("Sør-Vest", 1159, "52", "sor-vest-politidistrikt"),
        ("Sør-Øst", 1159, "52", "sor-ost-politidistrikt"),
        ("Nordland", 1159, "52", "nordland-politidistrikt"),
        ("Porsanger", 1337, "65", "porsanger-kommune"),
        ("Kautokeino", 1337, "65", "kautokeino-kommune"),
        ("Alta", 1337, "65", "alta-kommune"),
    ]


def test_every_registered_organisation_is_named_in_some_measure(mentions: list[Mention], registry: Registry) -> None:
    """Except the parents added from general knowledge, the parents of longer names, and those named elsewhere."""
    unnamed = {_key(str(o)) for o in registry.organisations()} - {_key(m.iri) for m in mentions}
    assert unnamed == {
        "finnmarkssykehuset",  # parents added from their web sites
        "helse-nord",
        "helse-sor-ost",
        "rvts-sor",
        "rvts-vest",
        "nmbu",  # named only inside a longer name: «Veterinærhøgskolen NMBU»
        "romerike-fengsel",  # «Romerike fengsel, Ullersmo avdeling»
        "st-olavs-hospital",  # «St. Olavs hospital, avdeling Brøset»
        "telemark-fengsel",  # «Telemark fengsel Skien avdeling»
        "rode-kors",  # «Røde Kors-telefonen …», a service
        "ntnu",  # only in the Akronymer table
        "lmd",  # only in «Ansvarlig(e) departement(er)» lines and tables: a responsibility, not a mention
    }


def test_offsets_point_at_the_text(mentions: list[Mention], parts: dict[int, list[TextPart]]) -> None:
    texts = {(p.owner, p.block.start): p.block.text for ps in parts.values() for p in ps}
    for m in mentions[:300]:
        assert any(t[m.start : m.end] == m.text for (owner, _), t in texts.items() if owner == m.measure)
