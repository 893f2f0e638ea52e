"""Each status rule on a hand-written sentence, the decision steps, and the aggregation of sub-measures."""

import pytest
from tiltaksgraf.loaders.status_rules import (
    RULES,
    aggregate,
    aggregate_reason,
    classify,
    competing,
    deliverable_nouns,
    matches,
    title_action,
)
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
        # a decision to go on, a post being filled, new money for more work: started, not finished
        ("Kommunestyret vedtok at de ønsket å arbeide videre med modellen.", "decided-to-proceed"),
        ("Direktoratet besluttet å jobbe videre med forslaget.", "decided-to-proceed"),
        ("Kommunen ansetter en person som skal sikre samisk språkkompetanse.", "hiring"),
        ("Senteret rekrutterer nå to rådgivere.", "hiring"),
        ("I 2024 mottok NKVTS en ekstra bevilgning for å styrke tiltaket.", "new-funding"),
        ("Bufdir fikk nye midler til videreutvikling av nettsiden.", "new-funding"),
        ("Kampanjen har siden oppstart vært finansiert av JD.", "ongoing"),
        # a standing task year after year
        ("BFD har over flere år gitt statsforvalterne i oppdrag å bidra.", "standing-task"),
        ("Temaet er tatt inn i de faste møtene og årlige samlinger med statsforvalterne.", "standing-task"),
        ("Statsforvalteren skal årlig avgi en likestillingsredegjørelse.", "standing-task"),
    ],
)
def test_rule_fires_on_its_phrasing(sentence, rule):
    (s,) = sentences(sentence)
    assert rule in [r.id for r in matches(s)]


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Det er derfor besluttet å ikke arbeide videre med en lovproposisjon.", "decided-to-proceed"),
        ("Stortinget vedtok lovendringene i desember 2023.", "decided-to-proceed"),
        ("Kommunestyret vedtok at de ønsket å arbeide videre med modellen.", "done-active"),
        ("Ansettelsen ble gjort i 2023 etter en lang prosess.", "hiring"),
        ("Midlene ble tildelt politidistriktene i 2021.", "new-funding"),
        ("NKVTS fikk i 2017 i oppdrag å utforme en kampanje.", "new-funding"),
        ("Flere år senere kom en ny ordning.", "standing-task"),
        ("Det ble holdt et møte med statsforvalterne.", "standing-task"),
        ("Kampanjen ble finansiert av JD i 2021.", "ongoing"),
    ],
)
def test_rule_does_not_fire_on_a_near_miss(sentence, rule):
    (s,) = sentences(sentence)
    assert rule not in [r.id for r in matches(s)]


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


def test_an_evaluation_under_way_of_what_the_measure_made_is_not_the_measures_work():
    text = "I 2021 ble senteret offisielt åpnet. Et oppdrag om følgeevaluering av senteret er i gang."
    assert decide(text, "Etablere et nasjonalt senter")[0] == "completed"
    assert decide(text, "Etablere og evaluere et nasjonalt senter")[0] == "in_progress"  # the title asks for it
    assert decide("Et oppdrag om følgeevaluering av senteret er i gang.", "Etablere et senter")[0] == "in_progress"
    assert decide("I 2021 ble senteret åpnet. Arbeidet med evalueringen pågår.", "Etablere et senter")[0] == (
        "in_progress"  # the subject is the work, not the evaluation
    )


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
    text = (
        "Tiltaket er videreført i Opptrappingsplan mot vold, og følges opp av JD. "
        "Dette er en oppfølging av Opptrappingsplanen. Se også tiltak 19."
    )
    assert decide(text) == ("transferred", "only-carried-on")


def test_a_status_that_says_more_than_carried_on_is_not_transferred():
    # «transferred» is for a status that says nothing but the continuation; here the rest is read by no rule
    text = "Tiltaket er videreført i Opptrappingsplan mot vold. NKVTS fikk i 2017 et oppdrag om en kampanje."
    d = classify(sentences(text))
    assert (d.value, d.rule) == (None, None)
    assert "says more than that the measure is carried on" in d.reason


def test_every_reading_is_kept_with_the_chosen_one_and_why():
    text = "Veilederen ble lansert i 2022. Tiltaket følges nå opp i ordinær drift."
    d = classify(sentences(text))
    assert [(r.value, r.rule, r.explicit) for r in d.readings] == [
        ("completed", "done-passive", False),
        ("regular_operations", "regular-operations", True),
    ]
    assert d.chosen is d.readings[1] and d.value == "regular_operations"
    assert d.reason.startswith("a sentence about the measure itself decides") and "also read: completed" in d.reason
    assert d.contested  # done, or carried on in ordinary operations: a person should read it


def test_a_finished_part_beside_an_unfinished_one_is_no_contest():
    d = classify(sentences("Utredningen er gjennomført. Rapporten skal ferdigstilles i 2025."))
    assert d.value == "in_progress" and not d.contested and len(d.readings) == 2


@pytest.mark.parametrize(
    ("values", "contested"),
    [
        (["completed", "regular_operations"], True),  # done, or running on?
        (["in_progress", "not_started"], True),  # begun, or not?
        (["discontinued", "completed"], True),  # dropped, or done?
        (["completed", "in_progress"], False),
        (["completed", "not_started"], False),
        (["in_progress", "in_progress"], False),
        ([], False),
    ],
)
def test_competing(values, contested):
    assert competing(values) is contested


def test_the_title_action_reported_done_is_about_the_measure():
    title = "Opprette funksjon for dyrevelferds kriminalitet i de resterende seks politidistriktene"
    assert title_action(title) == (("opprettet",), ("funksjon",))
    text = (
        "Slike funksjoner ble opprettet i de seks siste politidistriktene høsten 2021. "
        "I 2024 fikk Mattilsynet i sitt tildelingsbrev følgende oppdrag:"
    )
    d = classify(sentences(text), title)
    assert (d.value, d.rule) == ("completed", "explicit/done-passive")
    assert d.contested  # the allocation letter reads as regular operations
    # without the title the standing task is the stronger value
    assert classify(sentences(text)).value == "regular_operations"
    # the participle alone, on another object, is not about the measure
    other = classify(sentences("Et nettverk ble opprettet i 2021. Arbeidet planlegges videreført."), title)
    assert not other.readings[0].explicit


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
    assert aggregate_reason(parts).startswith("the parts: ")


# --- the classes of sentence behind measures 11, 14, 20 and 65 of the real report -----------


@pytest.mark.parametrize(
    ("number", "value", "rule", "quote"),
    [
        # ongoing work beside the continuation: not «transferred» (lines 416-418, 577-581)
        (11, "in_progress", "explicit/ongoing", "Kampanjen har siden oppstart vært finansiert av JD."),
        (20, "regular_operations", "standing-task", "BFD har over flere år blant annet gitt statsforvalterne"),
        # «vedtok … at de ønsket å arbeide videre» is a start; «ansetter en person» (line 1339) is under way
        (65, "in_progress", "explicit/hiring", "Arbeidet har resultert i at Karasjok kommune har inngått avtale"),
        # «slike funksjoner ble opprettet … høsten 2021» reports the title's own action done
        (14, "completed", "explicit/done-passive", "Midler til opprettelsen av slike funksjoner"),
    ],
)
def test_the_rules_behind_11_14_20_and_65_on_the_real_report(report, number, value, rule, quote):
    status = report.measure(number).status
    assert (status.value, status.rule) == (value, rule)
    assert status.evidence.quote.startswith(quote)
    assert next(r for r in status.readings if r.chosen).evidence == status.evidence


def test_measure_65_keeps_the_decision_to_go_on_as_a_reading(report):
    readings = {(r.rule, r.value) for r in report.measure(65).status.readings}
    assert ("decided-to-proceed", "in_progress") in readings
    assert not any(r.value == "completed" for r in report.measure(65).status.readings)


def test_contested_measures_of_the_real_report(report):
    units = [u for m in report.measures for u in (m, *m.submeasures) if u.status]
    contested = [u.label for u in units if u.status.contested]
    assert contested == ["6d", "14", "21", "25", "28", "36", "37a", "38", "48", "49", "50"]
    for u in units:
        assert u.status.contested == competing(
            [r.value for r in u.status.readings if u.status.rule != "aggregate-submeasures"]
        )
