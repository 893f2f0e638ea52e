"""Each rule of loaders/document_descriptions.py on hand-made sentences: what it reads and what it leaves."""

from __future__ import annotations

import pytest
from tiltaksgraf.loaders.document_descriptions import RULES, described_in

SUCCESSOR = "Opptrappingsplan mot vold og overgrep mot barn og vold i nære relasjoner"


def _read(text: str, in_title: bool = False) -> list[tuple[str, str, str, int | None]]:
    return [(d.rule, d.kind, d.title, d.year) for d in described_in(text, SUCCESSOR, in_title)]


def test_every_rule_is_listed_once() -> None:
    assert [r[0] for r in RULES] == ["described", "compound", "bill", "published-item", "other-plan"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("NOVA har gjennomført en studie av familievernets voldsarbeid.", "Studie av familievernets voldsarbeid"),
        ("Bufdir har levert en utredning om lavterskeltilbud for unge.", "Utredning om lavterskeltilbud for unge"),
        ("Det er gjennomført en evaluering av VO-linjen på oppdrag fra Bufdir.", "Evaluering av VO-linjen"),
        (
            "Vi viser til Riksrevisjonens rapport etter undersøkelsen av tilskuddene.",
            "Rapport etter undersøkelsen av tilskuddene",
        ),
        ("Det foreligger en rapport fra Europarådet om Norges oppfølging.", "Rapport om Norges oppfølging"),
        ("Felles retningslinjer for Statens barnehus forelå i 2016.", "Retningslinjer for Statens barnehus"),
        (
            "- Anbefalinger i Nasjonale faglige retningslinjer for helsestasjonen",
            "Nasjonale faglige retningslinjer for helsestasjonen",
        ),
    ],
)
def test_a_described_document_that_exists_is_read_with_what_it_is_about(text: str, title: str) -> None:
    assert [t for rule, _, t, _ in _read(text) if rule == "described"] == [title]


def test_a_description_with_only_its_year_keeps_the_year_in_its_title() -> None:
    assert _read("En kartlegging fra 2018 viste at 40 prosent hadde planer.") == [
        ("described", "report", "Kartlegging (2018)", 2018)
    ]
    assert _read("Det har skjedd mye siden forrige evaluering i 2012.") == [
        ("described", "report", "Evaluering (2012)", 2012)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Det vil bli utarbeidet en ny veileder for tros- og livssynssamfunn.",  # only intended
        "Departementet skal utarbeide en veileder om samarbeid.",
        "Det vises til den planlagte utredningen om kvinnehelse.",  # planned
        "Bufdir støtter anbefalingen om å etablere et samarbeid.",  # a recommendation in the text, no document
        "Teamene gir råd og veiledning til voksne.",  # «råd» without «faglige»
        "Det er behov for en utredning.",  # nothing it is about
    ],
)
def test_what_is_only_intended_or_no_document_is_left(text: str) -> None:
    assert [r for r in _read(text) if r[0] == "described"] == []


def test_a_document_in_the_making_counts_when_the_paragraph_reports_it_done() -> None:
    text = "Helsedirektoratet har jobbet med en nasjonal strategi for voldsutøvere. Strategien ble ferdigstilt i 2022."
    assert _read(text) == [("described", "plan", "Nasjonal strategi for voldsutøvere", None)]
    assert _read("Helsedirektoratet har jobbet med en nasjonal strategi for voldsutøvere.") == []


def test_the_description_ends_where_the_clause_does() -> None:
    [(_, _, title, _)] = _read("Riksadvokatens rundskriv om vold i nære relasjoner kan lastes ned her.")
    assert title == "Rundskriv om vold i nære relasjoner"
    [(_, _, title, _)] = _read("Bufdir har gjennomført en utredning av tiltak som kan styrke kvaliteten i tjenesten.")
    assert title == "Utredning av tiltak som kan styrke kvaliteten i tjenesten"
    title_text = "Følge opp evalueringen av Statens barnehus med relevante tiltak"
    assert _read(title_text, in_title=True) == [("described", "report", "Evaluering av Statens barnehus", None)]


def test_an_adjective_is_part_of_the_name_and_a_verb_is_not() -> None:
    [(_, _, title, _)] = _read("Menon gjennomførte en samfunnsøkonomisk analyse av kostnadene ved vold.")
    assert title == "Samfunnsøkonomisk analyse av kostnadene ved vold"
    assert _read("NOVA gjennomfører evalueringen av tilbudet.") == []  # in the making, not an adjective


def test_a_compound_names_its_kind_when_definite_or_current() -> None:
    assert _read("Kapittel 11 i Saksbehandlingsrundskrivet om adresse revideres.") == [
        ("compound", "circular", "Saksbehandlingsrundskrivet", None)
    ]
    assert _read("Den erstatter dagens forstanderveileder.") == [
        ("compound", "guideline", "Forstanderveilederen", None)
    ]
    assert _read("Evalueringsrapporten ble ferdigstilt.") == []  # a generic first part
    assert _read("Det finnes en ny forstanderveileder.") == []  # indefinite, not «dagens»


def test_a_bill_is_a_proposition_before_the_storting() -> None:
    assert _read(
        "JD fremmet en proposisjon med forslag til lov om Statens kommisjon for partnerdrap som gir rammer."
    ) == [("bill", "proposition-l", "Proposisjon med forslag til lov om Statens kommisjon for partnerdrap", None)]
    text = "Forslag til endringer i straffeprosessloven mv. (elektronisk kontroll) ble fremmet for Stortinget i juni."
    assert _read(text)[0][:3] == (
        "bill",
        "proposition-l",
        "Forslag til endringer i straffeprosessloven mv. (elektronisk kontroll)",
    )
    assert _read("Et forslag til endringer i loven er sendt på høring.") == []  # a consultation, no bill


def test_a_published_list_item_is_a_report_with_its_year() -> None:
    text = "Rapporter:\n- Evaluering av linjen (publisert januar 2024)\n- Ikke en rapport"
    assert _read(text) == [("published-item", "report", "Evaluering av linjen", 2024)]


def test_another_escalation_plan_is_a_plan_and_the_successor_is_not() -> None:
    assert _read("Midlene ble innlemmet i opptrappingsplanen for psykisk helse.") == [
        ("other-plan", "plan", "Opptrappingsplan for psykisk helse", None)
    ]
    assert _read(f"Tiltaket følges opp i {SUCCESSOR} (2024–2028).") == []
