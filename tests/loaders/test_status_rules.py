"""Each status rule on a hand-written sentence, the decision steps, and the aggregation of sub-measures."""

import pytest
from tiltaksgraf.loaders.status_rules import RULES, aggregate, classify, deliverable_nouns, matches
from tiltaksgraf.loaders.text import line_block, split_sentences


def sentences(text: str):
    return split_sentences(line_block(text, 1))


def decide(text: str, title: str = "") -> tuple[str | None, str | None]:
    d = classify(sentences(text), title)
    return d.value, d.rule


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Dette punktet utgår.", "dropped"),
        ("Det er derfor besluttet å ikke arbeide videre med en lovproposisjon.", "decided-against"),
        ("Det er besluttet at det ikke vil bli utarbeidet en egen strategi.", "decided-against"),
        ("Tiltaket er ikke igangsatt.", "not-started"),
        ("b) og c) er ikke påbegynt.", "not-started"),
        ("Dette er pågående arbeid.", "ongoing"),
        ("Medvirkningsforumet er under etablering.", "ongoing"),
        ("Veilederen ferdigstilles tidlig i 2025.", "due-later"),
        ("Sluttrapport skal etter planen foreligge i oktober 2025.", "due-later"),
        ("I 2023 startet NKVTS opp en større studie.", "working-on"),
        ("Departementet jobber nå med en lovproposisjon.", "working-on"),
        ("Bufdir har fått i oppdrag fra BFD å igangsette arbeid.", "working-on"),
        ("BFD sendte i juni 2024 på høring forslag til endringer.", "consultation"),
        ("Tiltaket følges opp av Helsedirektoratet.", "followed-up-by"),
        ("Tiltaket følges nå opp i ordinær drift.", "regular-operations"),
        ("Kompetanseutvikling har gått fra prosjekt til drift.", "regular-operations"),
        ("Arbeidet ivaretas av FHI.", "standing-task"),
        ("I Helsedirektoratets tilskuddsbrev til RVTSene bes sentrene bidra.", "standing-task"),
        ("Det er utarbeidet en veileder for samarbeid.", "done-passive"),
        ("E-læringsprogrammet er lansert.", "done-passive"),
        ("Regjeringen nedsatte en kommisjon 6. september 2024.", "done-active"),
        ("Riksadvokaten har revidert sitt rundskriv.", "done-active"),
    ],
)
def test_rule_fires_on_its_phrasing(sentence, rule):
    (s,) = sentences(sentence)
    assert rule in [r.id for r in matches(s)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunene arbeider aktivt med å fremme likestilling.",  # «arbeider med» alone is not work under way
        "Dette kan være felles tiltak i gjeldende handlingsplaner og årlige tildelingsbrev.",
        "Nettsiden gir trygge råd til foreldre.",
    ],
)
def test_ordinary_sentences_fire_no_rule(sentence):
    (s,) = sentences(sentence)
    assert matches(s) == []


def test_every_rule_has_an_id_a_known_value_and_a_meaning():
    assert len({r.id for r in RULES}) == len(RULES)
    assert all(
        r.value in {"completed", "in_progress", "regular_operations", "not_started", "discontinued"} for r in RULES
    )
    assert all(r.meaning for r in RULES)


def test_the_strongest_value_wins_a_status_with_done_and_pending_parts():
    assert decide("Utredningen er gjennomført. Rapporten skal ferdigstilles i 2025.") == ("in_progress", "due-later")


def test_a_sentence_about_the_measure_itself_decides_before_the_rest():
    assert decide("Tiltaket følges nå opp i ordinær drift. Veilederen skal ferdigstilles i 2025.") == (
        "regular_operations",
        "explicit/regular-operations",
    )


def test_the_deliverable_named_in_the_title_counts_as_the_measure():
    text = "Strategien ble ferdigstilt i 2022. I 2024 startet direktoratet opp arbeidet med tiltak."
    assert decide(text, "Utarbeide overordnet strategi for arbeidet")[0] == "completed"
    assert decide(text)[0] == "in_progress"


def test_a_status_that_only_says_carried_on_is_transferred():
    text = "Tiltaket er videreført i Opptrappingsplan mot vold, og følges opp av JD. NKVTS fikk i 2017 et oppdrag."
    assert decide(text) == ("transferred", "only-carried-on")


def test_in_a_carried_on_sentence_only_not_started_and_dropped_fire():
    text = (
        "Tiltaket er videreført i Opptappingsplan mot vold, og skal ses i sammenheng med kommisjonen som ble nedsatt."
    )
    assert decide(text)[0] == "transferred"


def test_no_rule_fired_is_said_not_guessed():
    value, rule = decide("Dette tiltaket ses i sammenheng med tiltak 70.")
    assert (value, rule) == (None, None)


def test_deliverable_nouns_skip_the_verb_and_short_words():
    assert deliverable_nouns("Lansere e-læringsprogram om samer") == ["e-læringsprogram", "samer"]


@pytest.mark.parametrize(
    ("parts", "value"),
    [
        (["completed", "not_started", "not_started"], "in_progress"),
        (["completed", "regular_operations"], "completed"),
        (["discontinued", "completed"], "completed"),
        (["discontinued", "discontinued"], "discontinued"),
        (["in_progress", None], "in_progress"),
        ([None], None),
    ],
)
def test_aggregate(parts, value):
    assert aggregate(parts) == value
