"""Reading the relation to the successor plan and the «regjeringen vil»-points."""

import pytest
from tiltaksgraf.loaders.continuation_rules import commitments, mentions_successor, owner, read_continuation
from tiltaksgraf.loaders.text import line_block, split_sentences


def sentences(*paragraphs: str):
    return [s for i, p in enumerate(paragraphs) for s in split_sentences(line_block(p, i + 1))]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Tiltaket er videreført i Opptrappingsplan mot vold og overgrep.", True),
        ("Tiltaket er videreført i Opptappingsplan mot vold og overgrep.", True),  # the source's typo
        ("Dette er en oppfølging av punkter i Opptrappingsplanen.", True),
        ("Se Prop. 36 S (2023–2024).", True),
        ("Midlene ble fra 2024 innlemmet i opptrappingsplanen for psykisk helse.", False),
        ("Handlingsplanen er avsluttet.", False),
    ],
)
def test_mentions_successor(text, mentions):
    assert mentions_successor(text) is mentions


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Tiltaket er videreført i Opptappingsplan mot vold (2024–2028) Trygghet for alle.", "continued"),
        ("Tiltaket er videreutviklet som et regjeringen vil-punkt i Opptappingsplan mot vold.", "continued"),
        ("Anbefalingene blir fulgt opp gjennom Opptrappingsplan mot vold og overgrep.", "continued"),
        ("FoU-oppdraget er også et tiltak i Opptappingsplan mot vold.", "continued"),
        ("Et av tiltakene i Opptrappingsplan mot vold er å styrke familievernet.", "continued"),
        ("Gjennom Opptappingsplan mot vold har regjeringen besluttet at RISK skal etableres.", "continued"),
        ("Tiltaket er videreført i Opptrappingsplan mot vold, og skal ses i sammenheng med kommisjonen.", "continued"),
        ("Innsatsen ses i sammenheng med flere tiltak i Opptrappingsplan mot vold.", "related"),
        (
            "Dette tiltaket er ikke igangsatt, men vil ses i sammenheng med tiltak i Opptrappingsplan mot vold.",
            "related",
        ),
        ("Regjeringen besluttet, som en oppfølging av Hurdalsplattformen, å utarbeide en opptrappingsplan.", "related"),
    ],
)
def test_relation(text, relation):
    link = read_continuation(sentences(text))
    assert link is not None and link.relation == relation


def test_no_mention_no_link():
    assert read_continuation(sentences("Tiltaket er gjennomført.")) is None


def test_continued_beats_related_over_a_status():
    link = read_continuation(
        sentences("Innsatsen ses i sammenheng med Opptrappingsplanen. Tiltaket er videreført i Opptrappingsplanen.")
    )
    assert link.relation == "continued" and link.sentence.text.startswith("Tiltaket er videreført")


def test_quoted_commitment_after_a_plan_sentence():
    points = commitments(
        sentences(
            "Tiltaket er videreutviklet som et regjeringen vil-punkt i Opptrappingsplan mot vold:",
            "«Regjeringen vil etablere en struktur på direktoratsnivå.»",
        )
    )
    assert [(p.text, p.quoted) for p in points] == [("Regjeringen vil etablere en struktur på direktoratsnivå.", True)]
    assert points[0].sentence.span.start == 2


def test_reported_commitment_inside_a_sentence_about_the_plan():
    points = commitments(sentences("I opptrappingsplanen fremgår det at regjeringen vil videreføre nettverket."))
    assert [(p.text, p.quoted) for p in points] == [("Regjeringen vil videreføre nettverket.", False)]


def test_a_regjeringen_vil_sentence_without_the_plan_is_not_a_commitment():
    assert commitments(sentences("Status er god.", "Regjeringen vil også fremme krav om master.")) == []


# --- scope and owner (issue 11) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("b) Dette tiltaket er videreført i Opptrappingsplan mot vold.", ("b",)),
        ("a) og c) er videreført i Opptrappingsplan mot vold.", ("a", "c")),
        ("Deltiltak b) er videreført i opptrappingsplanen.", ("b",)),
        ("Punktene a) og d) følges opp gjennom Opptrappingsplan mot vold.", ("a", "d")),
        ("Tiltaket er videreført i Opptrappingsplan mot vold.", ()),
        ("Disse tiltakene er videreført i Opptrappingsplan mot vold.", ()),
        ("Tiltaket bygger på punkt 4 i planen og er videreført i opptrappingsplanen.", ()),  # no letter
    ],
)
def test_the_parts_a_continuation_covers(text, parts):
    assert read_continuation(sentences(text)).parts == parts


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Tiltaket er videreført i opptrappingsplanen, og følges opp av JD.", "JD"),
        (
            "Tiltaket er videreført i opptrappingsplanen. Tiltaket følges videre opp av Helsedirektoratet.",
            "Helsedirektoratet",
        ),
        (
            "Tiltaket er videreført i opptrappingsplanen, og følges opp av Barne- og familiedepartementet.",
            "Barne- og familiedepartementet",
        ),
        # the plan, not the measure, is followed up by the ministries: no owner of the continuation
        ("Tiltaket er videreført i opptrappingsplanen. Planen følges nå opp av de ni departementene.", None),
        ("Tiltaket er videreført i opptrappingsplanen. NKVTS følges opp av JD gjennom tilskuddsbrevet.", None),
        ("Tiltaket er videreført i opptrappingsplanen.", None),
    ],
)
def test_who_follows_a_continuation_up(text, who):
    ss = sentences(text)
    found = owner(ss, read_continuation(ss))
    assert (found[0] if found else None) == who


def test_34_is_continued_in_part_34b_only(report):
    m34 = report.measure(34)
    assert m34.continuation.relation == "continued" and m34.continuation.parts == ("34b",)
    assert m34.continuation.evidence.span.start == 820
    parts = {s.label: s.continuation for s in m34.submeasures}
    assert parts["34a"] is None and parts["34b"].parts == ()  # 34b covers itself


def test_a_measure_continued_as_a_whole_covers_no_parts(report):
    for number in (19, 21, 56):  # 56: «Disse tiltakene er videreført …» about both of its parts
        assert report.measure(number).continuation.parts == ()


def test_46_is_followed_up_by_jd_and_no_other_measure_names_an_owner(report):
    owners = {u.label: u.continuation.owner for m in report.measures for u in (m, *m.submeasures) if u.continuation}
    assert {k: v for k, v in owners.items() if v} == {"46": "JD"}
    assert report.measure(46).continuation.owner_evidence.span.start == 1069
