"""The sentence rules of the roles, pattern by pattern: hand-made sentences that must give the role, and
near misses that must not. The names are the registry's; the sentences are not the report's."""

from __future__ import annotations

import pytest
from tiltaksgraf.graph.registry import Registry
from tiltaksgraf.loaders.mentions import mentions_in_text
from tiltaksgraf.loaders.role_rules import sentence_roles


def roles_of(text: str, registry: Registry) -> set[tuple[str, str]]:
    """(name as written, role) for every organisation the rules give a role in ``text``."""
    return {(d.mention.text, d.role) for d in sentence_roles(text, mentions_in_text(text, registry.index))}


def rules_of(text: str, registry: Registry) -> set[tuple[str, str]]:
    return {(d.mention.text, d.rule) for d in sentence_roles(text, mentions_in_text(text, registry.index))}


#: pattern → (sentences that give the role: {(name, role)}, sentences that must not give it: {(name, role)}).
PATTERNS: dict[str, tuple[list[tuple[str, set[tuple[str, str]]]], list[tuple[str, set[tuple[str, str]]]]]] = {
    "subject and action verb": (
        [
            ("NKVTS har utviklet en ny veileder for tjenestene.", {("NKVTS", "executing")}),
            ("Bufdir har gjennomført en kampanje om tolk.", {("Bufdir", "executing")}),
            ("I 2024 utarbeidet Helsedirektoratet forslag om et team.", {("Helsedirektoratet", "executing")}),
            ("RVTSene har hatt høy aktivitet på feltet og har stått for viktige bidrag.", {("RVTSene", "executing")}),
            ("Politiet skal ta initiativ til å sette temaet på dagsorden.", {("Politiet", "executing")}),
            (
                "Nav Arbeid og helse Oslo, i samarbeid med Arbeids- og velferdsdirektoratet, er i sluttfasen av"
                " arbeidet med å utvikle tiltak.",
                {("Nav Arbeid og helse Oslo", "executing"), ("Arbeids- og velferdsdirektoratet", "collaborating")},
            ),
        ],
        [
            ("Tiltak 51: Evaluere Støttesentrene for kriminalitetsutsatte", set()),  # an infinitive's object
            (
                "På oppdrag fra Politidirektoratet har NOVA evaluert Statens barnehus.",
                {("Statens barnehus", "executing")},
            ),
            ("I 2021 ble NASAK offisielt åpnet.", {("NASAK", "executing")}),  # a passive's patient
            ("For at kommunene skal kunne jobbe målrettet, trengs oversikt.", {("kommunene", "executing")}),
            ("Kommunene oppfordres til å benytte etablerte strukturer.", {("Kommunene", "executing")}),
            ("Partnerdrapsutvalget anbefaler at det gjennomføres kampanjer.", {("Partnerdrapsutvalget", "executing")}),
            ("Eksempler på dette er ATV og tilbudet utviklet ved Brøset.", {("ATV", "executing")}),
        ],
    ),
    "passive with «av»": (
        [
            ("Nettressursen ble utviklet av RVTS.", {("RVTS", "executing")}),
            ("Kartleggingen gjennomføres av Helsedirektoratet i 2025.", {("Helsedirektoratet", "researching")}),
            ("Tiltaket følges opp av Helsedirektoratet.", {("Helsedirektoratet", "executing")}),
            (
                "Opplæringen tilbys av kompetansesentrene KORUS og RVTS.",
                {("KORUS", "executing"), ("RVTS", "executing")},
            ),
        ],
        [
            ("Veilederen om Bufdir sitt arbeid ble lansert i 2022.", {("Bufdir", "executing")}),
            ("Rapporten nevner tiltak av Helsedirektoratet og andre.", {("Helsedirektoratet", "executing")}),
        ],
    ),
    "partners: «i samarbeid med», «sammen med», «med bidrag fra»": (
        [
            (
                "Bufdir har utarbeidet veilederen i samarbeid med Nok. Norge.",
                {("Bufdir", "executing"), ("Nok. Norge", "collaborating")},
            ),
            (
                "KDD vil sammen med Sametinget igangsette arbeidet.",
                {("KDD", "executing"), ("Sametinget", "collaborating")},
            ),
            ("Materiellet er laget med bidrag fra RVTS Nord.", {("RVTS Nord", "collaborating")}),
            (
                "Helsedirektoratet har samlet ressurser fra kommunale tjenester, spesialisthelsetjenesten, Statped og"
                " Bufetat.",
                {("Helsedirektoratet", "executing"), ("Statped", "collaborating"), ("Bufetat", "collaborating")},
            ),
            (
                "Sfk har et samarbeid med flere, for eksempel Bistandsadvokatutvalget.",
                {("Sfk", "executing"), ("Bistandsadvokatutvalget", "collaborating")},
            ),
            (
                "Nav arbeider i samarbeid med Oslo kommune ved NAV Grønerløkka.",
                {("Nav", "executing"), ("Oslo kommune", "collaborating"), ("NAV Grønerløkka", "collaborating")},
            ),
            ("Politidirektoratet har deltatt i arbeidsgruppen.", {("Politidirektoratet", "collaborating")}),
            ("RVTS Øst bistod med å lage to filmer.", {("RVTS Øst", "collaborating")}),
        ],
        [
            # a goal, not a partnership; the subject of «i samarbeid med» leads, it does not collaborate
            (
                "Det er behov for å styrke samarbeidet mellom krisesentrene og kommunene.",
                {("krisesentrene", "collaborating"), ("kommunene", "collaborating")},
            ),
            ("Bufdir har utarbeidet veilederen i samarbeid med Nok. Norge.", {("Bufdir", "collaborating")}),
            ("RVTS Øst bistod med å lage to filmer.", {("RVTS Øst", "executing")}),
        ],
    ),
    "commissioning: «på oppdrag fra/for», «fått i oppdrag», «gitt i oppdrag»": (
        [
            (
                "Menon Economics har på oppdrag fra Helsedirektoratet laget en plan.",
                {("Menon Economics", "executing"), ("Helsedirektoratet", "commissioning")},
            ),
            (
                "Planen er utarbeidet av Bufdir på oppdrag for BFD.",
                {("BFD", "commissioning"), ("Bufdir", "executing")},
            ),
            (
                "Bufdir har fått i oppdrag fra BFD å igangsette arbeid.",
                {("Bufdir", "executing"), ("BFD", "commissioning")},
            ),
            (
                "BFD har gitt Bufdir i oppdrag å utrede ordningen.",
                {("BFD", "commissioning"), ("Bufdir", "executing")},
            ),
            (
                "Stortinget ber regjeringen om å utarbeide en handlingsplan.",
                {("Stortinget", "commissioning"), ("regjeringen", "executing")},
            ),
        ],
        [
            ("Oppdraget fra i fjor er avsluttet, og Bufdir har levert rapporten.", {("Bufdir", "commissioning")}),
            ("Bufdir har fått i oppdrag fra BFD å igangsette arbeid.", {("Bufdir", "commissioning")}),
        ],
    ),
    "administering: «forvaltes av … på vegne av …»": (
        [
            (
                "Det er etablert en tilskuddsordning som forvaltes av Bufdir på vegne av KUD.",
                {("Bufdir", "administering"), ("KUD", "funding")},
            ),
            ("Helsedirektoratet forvalter et årlig grunntilskudd.", {("Helsedirektoratet", "administering")}),
            ("Midlene kanaliseres til prosjektene gjennom Forskningsrådet.", {("Forskningsrådet", "administering")}),
            ("Saken er fremmet av Domstoladministrasjonen på vegne av JD.", {("JD", "commissioning")}),
        ],
        [
            (
                "Det er etablert en tilskuddsordning som forvaltes av Bufdir på vegne av KUD.",
                {("Bufdir", "funding"), ("KUD", "commissioning")},  # the reading the issue found reversed
            ),
        ],
    ),
    "coordinating: «ledes av», «leder»": (
        [
            (
                "Forumet ledes av statssekretær i Justis- og beredskapsdepartementet.",
                {("Justis- og beredskapsdepartementet", "coordinating")},
            ),
            ("Helse Fonna leder arbeidet.", {("Helse Fonna", "coordinating")}),
            ("Bufdir har hatt en koordinerende rolle.", {("Bufdir", "coordinating")}),
            ("Helse Vest RHF har fått i oppdrag å lede arbeidet.", {("Helse Vest RHF", "coordinating")}),
            (
                "Arbeidet koordineres av et nasjonalt nettverk sammensatt av representanter fra KORUS og RVTS.",
                {("KORUS", "coordinating"), ("RVTS", "coordinating")},
            ),
        ],
        [
            ("Kampanjen om NKVTS leder til nettsiden.", {("NKVTS", "coordinating")}),
            ("Helse Vest RHF har fått i oppdrag å lede arbeidet.", {("Helse Vest RHF", "executing")}),
        ],
    ),
    "funding: «finansiert av», «midler fra», «tilskudd over …s budsjett»": (
        [
            ("Kampanjen har siden oppstart vært finansiert av JD.", {("JD", "funding")}),
            ("Med midler fra JD gjennomfører NKVTS et kurs.", {("JD", "funding"), ("NKVTS", "executing")}),
            ("Det gis tilskudd over KUDs budsjett.", {("KUDs", "funding")}),
            ("Regjeringen har i statsbudsjettet økt bevilgningen.", {("Regjeringen", "funding")}),
            ("Midlene ble overført fra JD til BFD.", {("JD", "funding"), ("BFD", "funding")}),
            (
                "I tilskuddsbrev fra Helsedirektoratet til RVTS bes sentrene bidra.",
                {("Helsedirektoratet", "funding"), ("Helsedirektoratet", "commissioning"), ("RVTS", "executing")},
            ),
        ],
        [
            ("Det er bevilget midler til et prosjekt for BUP.", {("BUP", "funding")}),  # the recipient
            ("Midlene ble tildelt Politidirektoratet.", {("Politidirektoratet", "funding")}),
        ],
    ),
    "evaluating: the measure or its deliverable": (
        [
            ("Ordningen er evaluert av NOVA.", {("NOVA", "evaluating")}),
            ("Fafo har gjennomført en evaluering av ressursene.", {("Fafo", "evaluating")}),
            ("NOVAs evaluering av sentrene gir viktige innspill.", {("NOVAs", "evaluating")}),
            ("Det pågår en følgeevaluering ved Nordlandsforskning.", {("Nordlandsforskning", "evaluating")}),
            (
                "Oppdraget om å evaluere bruken ble gitt til NOVA.",
                {("NOVA", "evaluating")},
            ),
        ],
        [
            (
                "På oppdrag fra Politidirektoratet har NOVA evaluert Statens barnehus.",
                {("Statens barnehus", "evaluating")},
            ),
            ("Evalueringen skal belyse hvordan NASAK arbeider med tjenestene.", {("NASAK", "evaluating")}),
        ],
    ),
    "researching: a study that informs the measure": (
        [
            ("NOVA har gjennomført en studie av familievernets voldsarbeid.", {("NOVA", "researching")}),
            ("Det er en studie gjennomført av NOVA i 2023.", {("NOVA", "researching")}),
            ("AID har finansiert forskning på vold ved NOVA.", {("AID", "funding"), ("NOVA", "researching")}),
            ("Prosjektet er et forskningsprosjekt ved NKVTS.", {("NKVTS", "researching")}),
            ("Spørsmålet inngår i NKVTS' omfangsundersøkelse.", {("NKVTS'", "researching")}),
            ("Med midler fra JD gjennomfører NKVTS en studie av vold.", {("JD", "funding"), ("NKVTS", "researching")}),
        ],
        [
            # a research assignment is given, not done; an evaluation is evaluating
            (
                "Arbeids- og velferdsdirektoratet har utlyst et forsknings- og utredningsoppdrag.",
                {("Arbeids- og velferdsdirektoratet", "researching")},
            ),
            ("Fafo har gjennomført en evaluering av ressursene.", {("Fafo", "researching")}),
            ("Riksadvokatens rundskriv gjelder fortsatt.", {("Riksadvokatens", "researching")}),
        ],
    ),
    "consulted: consultation, dialogue, input": (
        [
            ("KDD vil igangsette konsultasjoner med Sametinget.", {("KDD", "executing"), ("Sametinget", "consulted")}),
            ("Anbefalingene revideres i dialog med Nok. Norge.", {("Nok. Norge", "consulted")}),
            ("Bistandsadvokatutvalget har kommet med innspill underveis.", {("Bistandsadvokatutvalget", "consulted")}),
            ("Tilbakemeldinger fra konfliktrådene har vært positive.", {("konfliktrådene", "consulted")}),
            ("Både IMDi og Sfk støtter anbefalingen.", {("IMDi", "consulted"), ("Sfk", "consulted")}),
        ],
        [
            ("KDD vil igangsette konsultasjoner med Sametinget.", {("Sametinget", "collaborating")}),
            ("Sametinget har utarbeidet en veileder.", {("Sametinget", "consulted")}),
        ],
    ),
}

_POSITIVE = [(name, s, exp) for name, (pos, _) in PATTERNS.items() for s, exp in pos]
_NEGATIVE = [(name, s, bad) for name, (_, neg) in PATTERNS.items() for s, bad in neg]


def test_every_pattern_has_positive_and_negative_sentences() -> None:
    assert len(PATTERNS) == 10
    assert all(pos and neg for pos, neg in PATTERNS.values())


@pytest.mark.parametrize(("pattern", "sentence", "expected"), _POSITIVE, ids=[s[:60] for _, s, _ in _POSITIVE])
def test_the_pattern_gives_the_role(registry: Registry, pattern: str, sentence: str, expected: set) -> None:
    assert expected <= roles_of(sentence, registry), pattern


@pytest.mark.parametrize(("pattern", "sentence", "wrong"), _NEGATIVE, ids=[s[:60] for _, s, _ in _NEGATIVE])
def test_the_near_miss_does_not(registry: Registry, pattern: str, sentence: str, wrong: set) -> None:
    assert not wrong & roles_of(sentence, registry), pattern


def test_whole_sentences_give_exactly_these_roles(registry: Registry) -> None:
    """A few sentences read whole: no role more, no role less."""
    assert roles_of("Evalueringen ble gjort av Nordlandsforskning, i samarbeid med Fafo og NOVA.", registry) == {
        ("Nordlandsforskning", "evaluating"),
        ("Fafo", "collaborating"),
        ("NOVA", "collaborating"),
    }
    assert roles_of("Veilederen er utarbeidet i samarbeid mellom KS og Politidirektoratet.", registry) == {
        ("KS", "executing"),
        ("KS", "collaborating"),
        ("Politidirektoratet", "executing"),
        ("Politidirektoratet", "collaborating"),
    }
    assert roles_of("TryggEst har utviklet flere læringsressurser.", registry) == set()  # a programme


def test_each_role_names_the_rule_that_gave_it(registry: Registry) -> None:
    assert rules_of("Det er etablert en tilskuddsordning som forvaltes av Bufdir på vegne av KUD.", registry) == {
        ("Bufdir", "administering/forvaltes-av"),
        ("KUD", "funding/på-vegne-av"),
    }
    assert rules_of("NOVA har gjennomført en studie av familievernets voldsarbeid.", registry) == {
        ("NOVA", "researching/subject-verb")
    }
