"""Roles in measures: each sentence rule on hand-written fixtures, then the acceptance rows on the real report."""

from __future__ import annotations

import pytest
from tiltaksgraf.graph.registry import Registry
from tiltaksgraf.loaders.actors import ROLES, Role
from tiltaksgraf.loaders.mentions import mentions_in_text
from tiltaksgraf.loaders.model import Report
from tiltaksgraf.loaders.role_rules import sentence_roles
from tiltaksgraf.loaders.roles import IATI_ROLE, publication_actors

from tests.conftest import org


def _roles(text: str, registry: Registry) -> set[tuple[str, str]]:
    """(name as written, role) for every organisation the rules give a role in ``text``."""
    decisions = sentence_roles(text, mentions_in_text(text, registry.index))
    return {(d.mention.text, d.role) for d in decisions}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # executing: subject and verb, the verb first, a passive agent, an assignment, a recipient
        ("NKVTS har utarbeidet en veileder.", {("NKVTS", "executing")}),
        ("I 2024 utarbeidet Helsedirektoratet forslag om et team.", {("Helsedirektoratet", "executing")}),
        ("Tiltaket følges opp av Helsedirektoratet.", {("Helsedirektoratet", "executing")}),
        (
            "Barne-, ungdoms- og familiedirektoratet er gitt i oppdrag å utrede.",
            {("Barne-, ungdoms- og familiedirektoratet", "executing")},
        ),
        (
            "Midlene ble tildelt Politidirektoratet (POD) og Mattilsynet.",
            {("Politidirektoratet", "executing"), ("POD", "executing"), ("Mattilsynet", "executing")},
        ),
        (
            "Opplæringen tilbys av kompetansesentrene KORUS og RVTS i samarbeid med Bufetat.",
            {("KORUS", "executing"), ("RVTS", "executing"), ("Bufetat", "collaborating")},
        ),
        ("Oslo krisesenter har gitt tilbud ved Bredtveit fengsel.", {("Oslo krisesenter", "executing")}),
        # commissioning
        (
            "Fafo har, på oppdrag fra Bufdir, gjennomført en evaluering av ressursene.",
            {("Fafo", "evaluating"), ("Bufdir", "commissioning")},
        ),
        (
            "BFD har over flere år gitt statsforvalterne i oppdrag å bidra.",
            {("BFD", "commissioning"), ("statsforvalterne", "executing")},
        ),
        ("Bufdir har fått i oppdrag fra BFD å igangsette arbeid.", {("Bufdir", "executing"), ("BFD", "commissioning")}),
        (
            "AID har bedt Arbeids- og velferdsdirektoratet om å utrede tiltak.",
            {("AID", "commissioning"), ("Arbeids- og velferdsdirektoratet", "executing")},
        ),
        (
            "Det er etablert en tilskuddsordning som forvaltes av Bufdir på vegne av KUD.",
            {("Bufdir", "funding"), ("KUD", "commissioning")},
        ),
        # funding
        ("Arbeidet finansieres gjennom tilskudd fra Helsedirektoratet.", {("Helsedirektoratet", "funding")}),
        ("Med midler fra JD gjennomfører NKVTS en studie.", {("JD", "funding"), ("NKVTS", "executing")}),
        ("Det bevilges egne midler over HODs budsjett.", {("HODs", "funding")}),
        ("Kampanjen har siden oppstart vært finansiert av JD.", {("JD", "funding")}),
        (
            "JD finansierte et forskningsprogram som ble gjennomført av NKVTS og NOVA.",
            {("JD", "funding"), ("NKVTS", "executing"), ("NOVA", "executing")},
        ),
        ("Midlene ble overført fra JD til BFD.", {("JD", "funding"), ("BFD", "funding")}),
        (
            "I tilskuddsbrev fra Helsedirektoratet til NKVTS og RVTS bes sentrene bidra.",
            {("Helsedirektoratet", "funding"), ("NKVTS", "executing"), ("RVTS", "executing")},
        ),
        # coordinating
        (
            "Direktoratsgruppen ledes av Bufdir som koordinerer arbeidet sammen med SfK.",
            {("Bufdir", "coordinating"), ("SfK", "collaborating")},
        ),
        ("Helse Fonna leder arbeidet.", {("Helse Fonna", "coordinating")}),
        ("Kampanjen om NKVTS leder til nettsiden.", set()),
        (
            "Nettverket (ledet av Helse Vest RHF/ Betanien/V27) møtes.",
            {("Helse Vest RHF", "coordinating"), ("Betanien", "coordinating"), ("V27", "coordinating")},
        ),
        # collaborating
        (
            "RVTS Nord samarbeider med SANKS og Sametinget.",
            {("RVTS Nord", "collaborating"), ("SANKS", "collaborating"), ("Sametinget", "collaborating")},
        ),
        (
            "Veilederen er utarbeidet i samarbeid mellom Kommunesektorens organisasjon KS og Politidirektoratet.",
            {
                ("Kommunesektorens organisasjon KS", "executing"),
                ("Kommunesektorens organisasjon KS", "collaborating"),
                ("Politidirektoratet", "executing"),
                ("Politidirektoratet", "collaborating"),
            },
        ),
        ("Målet er å styrke kommunenes kompetanse for et godt samarbeid med BUP.", {("BUP", "collaborating")}),
        ("Anbefalingene ble utviklet i samarbeid med Nok. Norge.", {("Nok. Norge", "collaborating")}),
        ("Sentrene skal veilede kommunene i hvordan de kan etablere rutiner.", set()),
        # evaluating
        (
            "Evalueringen ble gjort av Nordlandsforskning, i samarbeid med Fafo og NOVA.",
            {("Nordlandsforskning", "evaluating"), ("Fafo", "collaborating"), ("NOVA", "collaborating")},
        ),
        (
            "Menon Economics gjennomfører evalueringen av SARA, på oppdrag fra POD.",
            {("Menon Economics", "evaluating"), ("POD", "commissioning")},
        ),
        (
            "På oppdrag fra Politidirektoratet har NOVA evaluert Statens barnehus.",
            {("Politidirektoratet", "commissioning"), ("NOVA", "evaluating")},
        ),
        (
            "På oppdrag fra Politidirektoratet gjennomføres evalueringen av Oslo Economics"
            " i samarbeid med Agenda Kaupang.",
            {
                ("Politidirektoratet", "commissioning"),
                ("Oslo Economics", "evaluating"),
                ("Agenda Kaupang", "collaborating"),
            },
        ),
        ("NOVAs evaluering av sentrene gir viktige innspill.", {("NOVAs", "evaluating")}),
        ("Evalueringen skal belyse hvordan NASAK arbeider med tjenestene.", {("NASAK", "executing")}),
        # not a role: objects, passives, other clauses, titles
        ("Tiltak 51: Evaluere Støttesentrene for kriminalitetsutsatte", set()),
        ("I 2021 ble NASAK offisielt åpnet.", set()),
        ("Sommeren 2023 ble Telemark fengsel etablert som kvinnefengsel.", set()),
        ("Partnerdrapsutvalget anbefaler at det gjennomføres kampanjer.", set()),
        ("Både IMDi og SfK støtter anbefalingen om å etablere et samarbeid.", set()),
        ("Eksempler på dette er ATV og tilbudet utviklet ved Brøset.", set()),
        ("Regjeringen vil etablere en struktur for bedre samarbeid og samordning.", {("Regjeringen", "executing")}),
    ],
)
def test_sentence_rules(registry: Registry, sentence: str, expected: set[tuple[str, str]]) -> None:
    assert _roles(sentence, registry) == expected


def test_programmes_get_no_role(registry: Registry) -> None:
    assert _roles("TryggEst har utviklet flere læringsressurser.", registry) == set()


def _rows(roles: list[Role], measure: str) -> set[tuple[str, str]]:
    return {(r.actor.rsplit("/", 1)[1], r.role) for r in roles if r.measure == measure}


def _row(roles: list[Role], measure: str, key: str, role: str) -> Role:
    [row] = [r for r in roles if (r.measure, r.actor, r.role) == (measure, org(key), role)]
    return row


def test_measure_40_has_nova_evaluating(roles: list[Role]) -> None:
    row = _row(roles, "40", "nova", "evaluating")
    assert (row.text, row.rule, str(row.evidence.span), row.evidence.section) == (
        "NOVA",
        "evaluating/assigned",
        "983",
        "Tiltak 40, status",
    )
    assert row.evidence.quote.startswith("Oppdraget om å evaluere bruken av adressesperre")


def test_measure_11_has_nkvts_executing(roles: list[Role]) -> None:
    assert _row(roles, "11", "nkvts", "executing").evidence.span.start == 416
    assert _rows(roles, "11") == {
        ("jd", "responsible"),
        ("nkvts", "executing"),
        ("jd", "funding"),
        ("politiet", "mentioned"),
    }


def test_measure_1_offered_funded_and_in_collaboration(roles: list[Role]) -> None:
    assert _rows(roles, "1") == {
        ("bfd", "responsible"),
        ("hod", "responsible"),
        ("korus", "executing"),
        ("rkbu-rbup", "executing"),
        ("rvts", "executing"),
        ("helsedirektoratet", "funding"),
        ("bufetat", "collaborating"),
        ("kommunene", "mentioned"),
    }


def test_measure_33_the_helpline_its_operators_funders_and_evaluators(roles: list[Role]) -> None:
    rows = _rows(roles, "33") - {
        (k, "mentioned") for k in ("indre-ostfold-krisesenter", "nok-norge", "nok-sentrene", "smiso")
    }
    assert rows == {
        ("jd", "responsible"),
        ("bfd", "responsible"),
        ("krisesentersekretariatet", "executing"),
        ("oslo-krisesenter", "executing"),
        ("bufdir", "commissioning"),
        ("jd", "funding"),
        ("bfd", "funding"),
        ("fafo", "collaborating"),
        ("nova", "collaborating"),
        ("nordlandsforskning", "evaluating"),
    }


def test_evaluations_commissioned_by_the_police_directorate(roles: list[Role]) -> None:
    assert {("menon", "evaluating"), ("pod", "commissioning")} <= _rows(roles, "43")
    assert {("nova", "evaluating"), ("ntnu-samfunnsforskning", "evaluating"), ("pod", "commissioning")} <= _rows(
        roles, "44"
    )
    assert {("oslo-economics", "evaluating"), ("agenda-kaupang", "collaborating"), ("pod", "commissioning")} <= _rows(
        roles, "51"
    )
    assert ("statens-barnehus", "mentioned") in _rows(roles, "44")  # evaluated, not evaluating


def test_roles_of_sub_measures(roles: list[Role]) -> None:
    assert _rows(roles, "27a") == {
        ("hod", "responsible"),
        ("menon", "executing"),
        ("helsedirektoratet", "commissioning"),
    }
    # 27c has no ministry line of its own and the overview names HOD for the whole measure: the loader
    # reports that as a finding, and the roles keep to the model
    assert _rows(roles, "27c") == {("helsedirektoratet", "executing")}
    assert _row(roles, "27", "hod", "responsible").rule == "responsible/overview"
    assert ("bufdir", "executing") in _rows(roles, "34a")  # «Buudir gjennomførte …»


def test_an_organisation_can_hold_several_roles_in_one_measure(roles: list[Role]) -> None:
    assert {r.role for r in roles if r.measure == "21" and r.actor == org("nkvts")} == {"executing", "collaborating"}
    assert {r.role for r in roles if r.measure == "8b" and r.actor == org("helse-vest")} == {
        "executing",
        "coordinating",
        "collaborating",
    }


def test_places_in_lists_get_roles(roles: list[Role]) -> None:
    assert {("sor-vest-politidistrikt", "executing"), ("nordland-politidistrikt", "executing")} <= _rows(roles, "52")


def test_responsibilities_come_from_the_model(roles: list[Role], report: Report) -> None:
    for m in report.measures:
        expected = {a.acronym for a in m.responsibilities}
        found = {r.text for r in roles if r.measure == m.label and r.role == "responsible"}
        assert found == expected, m.label


def test_mentioned_only_without_another_role(roles: list[Role]) -> None:
    by_actor: dict[tuple[str, str], set[str]] = {}
    for r in roles:
        by_actor.setdefault((r.measure, r.actor), set()).add(r.role)
    assert all(found == {"mentioned"} for found in by_actor.values() if "mentioned" in found)


def test_every_row_is_well_formed(roles: list[Role]) -> None:
    assert len(roles) == 704  # a guard: a rule change shows here first
    keys = [(r.measure, r.actor, r.role) for r in roles]
    assert len(keys) == len(set(keys))
    for r in roles:
        assert r.role in ROLES and r.rule.startswith(r.role + "/")
        assert r.text in r.evidence.quote, r
    assert set(IATI_ROLE) == set(ROLES) - {"mentioned"}


def test_footnotes_only_mention(roles: list[Role]) -> None:
    row = _row(roles, "3", "nova", "mentioned")
    assert (row.evidence.section, row.evidence.span.start) == ("Tiltak 3, footnote", 252)


def test_publishers_of_the_cited_publications(report: Report, registry: Registry) -> None:
    found = {p.footnote: (p.publisher_iri, p.author_iris) for p in publication_actors(report.footnotes, registry.index)}
    assert {n: (iri.rsplit("/", 1)[1] if iri else None) for n, (iri, _) in found.items()} == {
        1: "nova",
        2: "telemarksforsking",
        3: "nova",
        4: "jd",
        5: "nkvts",
        6: None,  # a journal article
        7: "menon",
        8: "nova",
        9: "nova",
        10: "vista-analyse",
        11: "nkvts",
        12: "menon",
        13: "nova",
        14: "norce-helse-og-samfunn",
        15: "nkvts",
    }
    assert found[4][1] == (org("jd"),)  # the ministry is also the author
    assert all(authors == () for n, (_, authors) in found.items() if n != 4)
