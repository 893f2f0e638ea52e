"""Each way of naming a document, on hand-made sentences, positive and negative (loaders/document_rules.py)."""

import pytest
from tiltaksgraf.loaders.document_rules import RULES, LegalName, named_in, normalise_designation

LAWS = [
    LegalName("straffeloven", "lov-2005-05-20-28", "law"),
    LegalName("krisesenterloven", "lov-2009-06-19-44", "law"),
    LegalName("Lov om sosiale tjenester i arbeids- og velferdsforvaltningen", "lov-2009-12-18-131", "law"),
    LegalName("Istanbulkonvensjonen", "cets-no-210", "convention"),
    LegalName("Hurdalsplattformen", "hurdalsplattformen", "political-platform"),
    LegalName("forskrift om oversikt over folkehelsen", "for-2012-06-28-692", "regulation"),
]


def one(text: str):
    (found,) = named_in(text, LAWS)
    return found


@pytest.mark.parametrize(
    ("text", "kind", "designation", "title", "year", "key"),
    [
        (
            "Utvalget anbefalte i NOU 2020: 17 «Varslede drap?» en fast kommisjon.",
            "nou",
            "NOU 2020: 17",
            "Varslede drap?",
            2020,
            "nou-2020-17",
        ),
        ("Meldingen bygger på NOU 2017:12.", "nou", "NOU 2017: 12", None, 2017, "nou-2017-12"),
        (
            "Se Prop. 100 L (2020-2021). Endringer i velferdstjenestelovgivningen (samarbeid og barnekoordinator).",
            "proposition-l",
            "Prop. 100 L (2020–2021)",
            "Endringer i velferdstjenestelovgivningen (samarbeid og barnekoordinator)",
            None,
            "prop-100-l-2020-2021",
        ),
        (
            "Prop. 36 S (2023–2024) Opptrappingsplan mot vold og overgrep, ble oversendt Stortinget.",
            "proposition-s",
            "Prop. 36 S (2023–2024)",
            "Opptrappingsplan mot vold og overgrep",
            None,
            "prop-36-s-2023-2024",
        ),
        (
            "Regjeringen la fram Meld. St. 8 (2022–2023) Samisk språk, kultur og samfunnsliv.",
            "white-paper",
            "Meld. St. 8 (2022–2023)",
            "Samisk språk, kultur og samfunnsliv",
            None,
            "meld-st-8-2022-2023",
        ),
        (
            "Komiteen avga Innst. 123 S (2020–2021) i mars.",
            "recommendation",
            "Innst. 123 S (2020–2021)",
            None,
            None,
            "innst-123-s-2020-2021",
        ),
        (
            "Følge opp Stortingets vedtak 728 om beskyttelse mot vold.",
            "parliamentary-resolution",
            "Vedtak 728",
            None,
            None,
            "stortingsvedtak-728",
        ),
        (
            "Stortinget gjorde et vedtak (anmodningsvedtak 728, 9. mars 2021).",
            "parliamentary-resolution",
            "Vedtak 728",
            None,
            2021,
            "stortingsvedtak-728",
        ),
        (
            "Rundskriv nr. 2/2023 «Rundskriv om vold i nære relasjoner» ble lansert.",
            "circular",
            "Rundskriv 2/2023",
            "Rundskriv om vold i nære relasjoner",
            2023,
            "rundskriv-2-2023",
        ),
        (
            "Riksadvokaten utarbeidet i 2008 et eget rundskriv om familievold (3/2008).",
            "circular",
            "Rundskriv 3/2008",
            "Rundskriv om familievold",
            2008,
            "rundskriv-3-2008",
        ),
    ],
)
def test_designations(text, kind, designation, title, year, key):
    n = one(text)
    assert (n.kind, n.designation, n.title, n.year, n.key) == (kind, designation, title, year, key)


def test_a_designation_without_its_number_is_incomplete_and_keyed_by_its_title():
    n = one("Våren 2023 la regjeringen fram Meld. St. (2022–2023) Samisk språk og kultur.")
    assert n.incomplete and n.designation == "Meld. St. (2022–2023)" and n.key.startswith("meld-st-2022-2023-samisk")


@pytest.mark.parametrize(
    ("text", "kind", "title"),
    [
        # the title says what it is
        (
            "Informasjonen står i «Krisesenterveileder – Faglig veileder for tilbudet», som Bufdir har utviklet.",
            "guideline",
            "Krisesenterveileder – Faglig veileder for tilbudet",
        ),
        (
            "Det står i «Rundskriv til Lov om sosiale tjenester i arbeids- og velferdsforvaltningen».",
            "circular",
            "Rundskriv til Lov om sosiale tjenester i arbeids- og velferdsforvaltningen",
        ),
        (
            "Politidirektoratet la frem «Mangfold, dialog og tillit: Handlingsplan for politiets arbeid».",
            "plan",
            "Mangfold, dialog og tillit: Handlingsplan for politiets arbeid",
        ),
        # a word before it says what it is
        (
            "Rapporten «Samfunnskostnader av vold i nære relasjoner» ble lansert i 2023.",
            "report",
            "Samfunnskostnader av vold i nære relasjoner",
        ),
        (
            "NOVA leverte sin rapport «Evaluering av Statens barnehus 2021» i 2021.",
            "report",
            "Evaluering av Statens barnehus 2021",
        ),
        (
            "NKVTS skal spre kunnskap om veilederen «Taushetsplikt, opplysningsrett og opplysningsplikt».",
            "guideline",
            "Taushetsplikt, opplysningsrett og opplysningsplikt",
        ),
        (
            "Anbefalingene er omtalt i Bufdirs rundskriv for «Regelverk for statlig tilskudd til sentre».",
            "circular",
            "Regelverk for statlig tilskudd til sentre",
        ),
        ("Funnene er publisert i en artikkel «Vold mot dyr og barn» i 2022.", "article", "Vold mot dyr og barn"),
    ],
)
def test_quoted_titles_with_a_cue(text, kind, title):
    n = one(text)
    assert (n.rule, n.kind, n.title) == ("quoted-title", kind, title)


def test_the_next_title_of_a_list_after_a_cue():
    found = named_in(
        "Flere veiledere er utviklet, blant annet «Samarbeid om tjenester til barn» og «Nasjonal plan for unge»."
    )
    assert [(n.kind, n.title) for n in found] == [
        ("guideline", "Samarbeid om tjenester til barn"),
        ("guideline", "Nasjonal plan for unge"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Programmet «Tidlig Inn» er videreført.",  # a programme's name, no cue
        "Læringsressursen «Jeg Vet» revideres.",
        "Tjenesten tilbyr et «hurtigspor» i NAV.",
        # a long quotation is not a title, even with a kind word in it
        "Stortinget vedtok: «Stortinget ber regjeringen om å utarbeide en handlingsplan for beskyttelse mot vold og "
        "overgrep i hjemmene som følge av smitteverntiltak som nedstengte sosiale arenaer»",
        "Dette er omtalt i kapittel 11 i veilederen.",  # a kind word, no title
        "Det er utarbeidet en plan for arbeidet.",
    ],
)
def test_no_document_without_a_designation_a_cue_or_a_name(text):
    assert named_in(text, LAWS) == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Det er utarbeidet en veileder for kommune- og politisamarbeid.", "Veileder for kommune- og politisamarbeid"),
        (
            "Bufdir utarbeider en veileder for barnevernets risikovurdering, og arbeidet pågår.",
            "Veileder for barnevernets risikovurdering",
        ),
        (
            "RVTS bidrar til implementering av Veileder om kommunikasjon via tolk for ledere, og tolkeloven.",
            "Veileder om kommunikasjon via tolk for ledere",
        ),
        (
            "Direktoratet viser til veileder om vold i nære relasjoner som direktoratet har utviklet.",
            "Veileder om vold i nære relasjoner",
        ),
    ],
)
def test_named_guidelines(text, title):
    n = one(text)
    assert (n.rule, n.kind, n.title) == ("named-guideline", "guideline", title)


def test_a_guideline_named_only_in_passing_is_not_read():
    assert named_in("Saken gjelder en veileder for kommunene.", LAWS) == []  # not reported made, no title


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("Plikten er beskrevet i straffeloven § 196 og utløses tidlig.", "lov-2005-05-20-28", "straffeloven § 196"),
        ("Saker etter straffeloven §§ 282 og 283 prioriteres.", "lov-2005-05-20-28", "straffeloven §§ 282 og 283"),
        ("Straffeloven gjelder også her.", "lov-2005-05-20-28", "Straffeloven"),  # a capital at the sentence start
        ("BFD foreslo endringer i krisesenterloven.", "lov-2009-06-19-44", "krisesenterloven"),
        ("Norge vil hegne om Istanbulkonvensjonen.", "cets-no-210", "Istanbulkonvensjonen"),
        ("Som en oppfølging av Hurdalsplattformen kom en plan.", "hurdalsplattformen", "Hurdalsplattformen"),
        (
            "Kommunen skal ha oversikt i forskrift om oversikt over folkehelsen.",
            "for-2012-06-28-692",
            "forskrift om oversikt over folkehelsen",
        ),
    ],
)
def test_names_of_the_registry(text, key, words):
    n = one(text)
    assert (n.rule, n.key, n.text) == ("registry", key, words)


@pytest.mark.parametrize(
    "text",
    [
        "Straffelovens bestemmelser er strenge.",  # another word: «straffelovens» is not the label
        "Krisesenterlovgivningen er omfattende.",
        "Istanbulkonvensjonens artikkel 10 pålegger partene et organ.",
    ],
)
def test_a_name_inside_another_word_is_not_a_mention(text):
    assert named_in(text, LAWS) == []


def test_a_law_named_in_a_circulars_title_is_the_title_not_a_second_document():
    found = named_in("Det står i «Rundskriv til Lov om sosiale tjenester i arbeids- og velferdsforvaltningen».", LAWS)
    assert [n.kind for n in found] == ["circular"]


def test_normalise_designation():
    assert normalise_designation("NOU 2020:17") == "NOU 2020: 17"
    assert normalise_designation("Prop. 36 S (2023-2024)") == "Prop. 36 S (2023–2024)"


def test_every_rule_is_listed_with_its_meaning():
    assert len({r for r, _, _ in RULES}) == len(RULES) and all(meaning for _, _, meaning in RULES)
