"""The registry files themselves: every organisation and programme complete, consistent and sourced."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from tiltaksgraf.graph.registry import LABEL_PROPERTIES, ORG_TYPES, PROGRAMME_KINDS, Registry
from tiltaksgraf.graph.vocab import ORG, ORG_TYPE, PROGRAMME_KIND, TG
from tiltaksgraf.loaders.text import clean_line

from tests.conftest import org, programme
from tiltaksgraf.paths import ONTOLOGY_DIR

ORG_BASE = "https://w3id.org/tiltaksgraf/id/org/"
PROGRAMME_BASE = "https://w3id.org/tiltaksgraf/id/programme/"
#: «report line N», or «report line N (note)» for a line that supports a fact without naming the resource.
REPORT_LINE = re.compile(r"^report line (\d+)(?: \((?P<note>[^)]+)\))?$")


def _organisations(registry: Registry) -> list[URIRef]:
    return sorted(s for s in registry.graph.subjects(RDF.type, ORG.FormalOrganization) if isinstance(s, URIRef))


def _programmes(registry: Registry) -> list[URIRef]:
    return sorted(s for s in registry.programmes.subjects(RDF.type, TG.Programme) if isinstance(s, URIRef))


def _labels(graph, subject) -> set[str]:
    return {str(o) for p in LABEL_PROPERTIES for o in graph.objects(subject, p) if isinstance(o, Literal)}


def test_the_registry_covers_the_report(registry: Registry) -> None:
    assert len(_organisations(registry)) == 157
    assert len(_programmes(registry)) == 55
    assert registry.organisations() == _organisations(registry)


@pytest.mark.parametrize("kind", ["organisations", "programmes"])
def test_every_resource_has_one_norwegian_preferred_label_and_a_stable_iri(registry: Registry, kind: str) -> None:
    graph, subjects, base = (
        (registry.graph, _organisations(registry), ORG_BASE)
        if kind == "organisations"
        else (registry.programmes, _programmes(registry), PROGRAMME_BASE)
    )
    for s in subjects:
        assert re.fullmatch(re.escape(base) + r"[a-z0-9]+(?:-[a-z0-9]+)*", str(s)), s
        nb = [o for o in graph.objects(s, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "nb"]
        en = [o for o in graph.objects(s, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "en"]
        assert len(nb) == 1, s
        assert len(en) <= 1, s


def test_every_organisation_has_one_type_from_the_scheme(registry: Registry) -> None:
    allowed = {ORG_TYPE[t] for t in ORG_TYPES}
    for s in _organisations(registry):
        types = list(registry.graph.objects(s, ORG.classification))
        assert len(types) == 1 and types[0] in allowed, (s, types)


def test_every_programme_has_one_kind_from_the_scheme(registry: Registry) -> None:
    allowed = {PROGRAMME_KIND[k] for k in PROGRAMME_KINDS}
    for s in _programmes(registry):
        kinds = list(registry.programmes.objects(s, TG.programmeKind))
        assert len(kinds) == 1 and kinds[0] in allowed, (s, kinds)


def test_every_parent_is_a_registered_organisation_and_no_organisation_is_its_own_ancestor(registry: Registry) -> None:
    known = set(_organisations(registry))
    for s in known:
        seen = {s}
        todo = list(registry.graph.objects(s, ORG.subOrganizationOf))
        while todo:
            parent = todo.pop()
            assert parent in known, (s, parent)
            assert parent not in seen, f"cycle through {s}"
            seen.add(parent)
            todo += list(registry.graph.objects(parent, ORG.subOrganizationOf))


def test_runners_and_funders_of_programmes_are_registered_organisations(registry: Registry) -> None:
    known = set(_organisations(registry))
    programmes = set(_programmes(registry))
    for s in programmes:
        for o in [*registry.programmes.objects(s, TG.runBy), *registry.programmes.objects(s, TG.fundedBy)]:
            assert o in known, (s, o)
        for o in registry.programmes.objects(s, DCTERMS.isPartOf):
            assert o in programmes, (s, o)


@pytest.mark.parametrize("kind", ["organisations", "programmes"])
def test_every_resource_says_where_its_facts_come_from(registry: Registry, kind: str) -> None:
    graph = registry.graph if kind == "organisations" else registry.programmes
    subjects = _organisations(registry) if kind == "organisations" else _programmes(registry)
    for s in subjects:
        sources = list(graph.objects(s, DCTERMS.source))
        assert sources, s
        for source in sources:
            if isinstance(source, Literal):
                assert REPORT_LINE.match(str(source)), (s, source)
            else:
                assert str(source).startswith("https://"), (s, source)


@pytest.mark.parametrize("kind", ["organisations", "programmes"])
def test_every_cited_report_line_names_the_resource(registry: Registry, source_text: str, kind: str) -> None:
    """A «report line N» source must hold one of the labels (or, for a place in a list, the place).

    A name may run on over a page break, so the line is read with the next two. A source with a note
    («report line 810 (run by JD)») supports a fact on a line that only refers to the resource.
    """
    lines = source_text.split("\n")
    graph = registry.graph if kind == "organisations" else registry.programmes
    subjects = _organisations(registry) if kind == "organisations" else _programmes(registry)
    for s in subjects:
        names = _labels(graph, s)
        names |= {n.split(" ", 1)[0] for n in names if n.endswith((" politidistrikt", " kommune"))}
        names |= {n.rsplit(" ", 1)[1] for n in names if n.startswith("Konfliktrådet i ")}
        for source in graph.objects(s, DCTERMS.source):
            m = REPORT_LINE.match(str(source))
            if not m or m.group("note"):
                continue
            n = int(m.group(1))
            text = " ".join(" ".join(clean_line(line)[0] for line in lines[n - 1 : n + 2] if line.strip()).split())
            assert any(n in text or n[:1].upper() + n[1:] in text for n in names), (s, m.group(1), text[:100])


def test_no_label_names_two_resources(registry: Registry) -> None:
    owner: dict[str, URIRef] = {}
    for graph, subjects in ((registry.graph, _organisations(registry)), (registry.programmes, _programmes(registry))):
        for s in subjects:
            for label in _labels(graph, s):
                assert owner.setdefault(label, s) == s, f"«{label}» names {owner[label]} and {s}"


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        ("bufetat", "bufdir"),
        ("bufdir", "bfd"),
        ("bfd", "regjeringen"),
        ("rvts-nord", "rvts"),
        ("rvts-midt", "rvts"),
        ("rvts-ost", "rvts"),
        ("nova", "oslomet"),
        ("oslo-politidistrikt", "politiet"),
        ("politiet", "pod"),
        ("pod", "jd"),
        ("kriminalomsorgen", "kdi"),
        ("nav", "arbeids-og-velferdsdirektoratet"),
        ("helse-fonna", "helse-vest"),
        ("sanks", "finnmarkssykehuset"),
        ("nasak", "indre-finnmark-familievernkontor"),
        ("statens-barnehus", "politiet"),
        ("grevio", "europaradet"),
    ],
)
def test_hierarchy(registry: Registry, child: str, parent: str) -> None:
    assert URIRef(org(parent)) in registry.parents(org(child))


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Buudir", "bufdir"),
        ("NVKTS", "nkvts"),
        ("RVTs Nord", "rvts-nord"),
        ("KoRus", "korus"),
        ("Sfk", "sfk"),
        ("Domstolsadministrasjonen", "domstoladministrasjonen"),
        ("Nav", "nav"),
        ("NAV", "nav"),
        ("RVTSene", "rvts"),
        ("RVTSe", "rvts"),
        ("statsforvalterne", "statsforvalteren"),
        ("Statsforvalterembetene", "statsforvalteren"),
        ("politidistriktene", "politiet"),
        ("politiet", "politiet"),
        ("krisesentrene", "krisesentrene"),
        ("Arbeids- og sosialdepartementet", "aid"),
        ("Kommunal- og moderniseringsdepartementet", "kdd"),
        ("RESAK", "nasak"),
        ("Parterndrapsutvalget", "partnerdrapsutvalget"),
        ("Telemarksforskning", "telemarksforsking"),
    ],
)
def test_variants_and_misspellings_of_the_source_resolve(registry: Registry, label: str, key: str) -> None:
    target = registry.index.lookup(label)
    assert target is not None and target.iri == org(key)


@pytest.mark.parametrize(
    ("label", "key", "kind"),
    [
        ("SARA", "sara", "tool"),
        ("Prosjekt November", "risk", "method"),
        ("VO-linjen", "vo-linjen", "service"),
        ("plikt.no", "plikt-no", "website"),
        ("Tidlig Inn", "tidlig-inn", "programme"),
        ("SYNERGY-nettverket", "synergy", "network"),
    ],
)
def test_programmes_are_not_organisations(registry: Registry, label: str, key: str, kind: str) -> None:
    target = registry.index.lookup(label)
    assert target is not None and (target.iri, target.kind) == (programme(key), "programme")
    assert registry.programme_kind(programme(key)) == kind


def test_who_runs_a_programme_where_the_report_says_so(registry: Registry) -> None:
    run_by = {str(o) for o in registry.programmes.objects(URIRef(programme("tidlig-inn")), TG.runBy)}
    assert run_by == {org("korus"), org("rkbu-rbup"), org("rvts")}
    vo = URIRef(programme("vo-linjen"))
    assert {str(o) for o in registry.programmes.objects(vo, TG.fundedBy)} == {org("jd"), org("bfd")}


def _interior_edit(a: str, b: str) -> bool:
    """True when two labels differ (case aside) by one or two characters inside the word, not at its end:
    «kritesenter»/«krisesenter», «NAV Grønerløkka»/«Nav Grünerløkka»; an ending («krisesentre»/«krisesenter»,
    «domstolen»/«domstolene») is an inflection, not a misspelling."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return end >= 2 and max(len(a), len(b)) - start - end <= 2


#: Pairs of ordinary labels of one resource that differ inside a word and are both right: punctuation,
#: a plural inside the name, a former name. Any other near pair is a misspelling and belongs in
#: skos:hiddenLabel, where it raises a finding (`tiltaksgraf quality`).
KNOWN_VARIANTS = {
    ("bufetat-region-nord", "Bufetat region nord", "Bufetat, region nord"),
    ("stottesentrene", "Støttesentrene for kriminalitetsutsatte", "støttesentre for kriminalitetsutsatte"),
    ("stottesentrene", "støttesentre for kriminalitetsutsatte", "støttesentrene for kriminalitetsutsatte"),
    ("telemark-fengsel-skien", "Telemark fengsel Skien avdeling", "Telemark fengsel, Skien avdeling"),
    ("nasak", "NASAK", "RESAK"),
    ("smiso", "Sentrene mot incest og seksuelle overgrep", "sentre mot incest og seksuelle overgrep"),
    ("smiso", "sentre mot incest og seksuelle overgrep", "sentrene mot incest og seksuelle overgrep"),
    ("smiso", "Senter mot incest og seksuelle overgrep", "sentre mot incest og seksuelle overgrep"),
    (
        "rvts",
        "Regionale ressurssentre om vold, traumatisk stress og selvmordsforebygging",
        "regionale ressurssentrene om vold, traumatisk stress og selvmordsforebygging",
    ),
    (
        "sanks",
        "Samisk nasjonal kompetansetjeneste - psykisk helsevern og rus",
        "Samisk nasjonal kompetansetjeneste – psykisk helsevern og rus",
    ),
    ("vo-linjen", "Vold- og overgrepslinjen", "Volds- og overgrepslinjen"),
    ("vo-linjen", "Volds- og overgrepslinjen", "vold- og overgrepslinjen"),
    (
        "samarbeidsforum-myndigheter-frivillige",
        "Forum for samarbeid mellom myndigheter og frivillige organisasjoner i arbeidet mot vold i nære relasjoner",
        "forumet for samarbeid mellom myndigheter og frivillige organisasjoner i arbeidet mot vold i nære relasjoner",
    ),
}


def test_misspellings_are_hidden_labels_not_ordinary_spellings(registry: Registry) -> None:
    """«kritesenter», «NAV Grønerløkka», «Telemarksforskning» are misspellings: hidden labels, not variants."""
    near = set()
    for graph in (registry.graph, registry.programmes):
        for subject in {s for s in graph.subjects() if isinstance(s, URIRef)}:
            labels = sorted(
                str(o)
                for p in LABEL_PROPERTIES
                if p != SKOS.hiddenLabel
                for o in graph.objects(subject, p)
                if isinstance(o, Literal) and o.language != "en"
            )
            key = str(subject).rsplit("/", 1)[-1]
            near |= {(key, x, y) for x in labels for y in labels if x < y and _interior_edit(x, y)}
    assert near == KNOWN_VARIANTS
    hidden = {str(o) for o in registry.graph.objects(None, SKOS.hiddenLabel)}
    assert {"kritesenter", "NAV Grønerløkka", "Telemarksforskning", "Lanzarotekomiteén"} <= hidden


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("kritesenter", "krisesenter", True),
        ("NAV Grønerløkka", "Nav Grünerløkka", True),
        ("krisesentre", "krisesenter", False),
        ("domstolen", "domstolene", False),
        ("Oslo Krisesenter", "Oslo krisesenter", False),
        ("Helse Midt RHF", "Helse Midt-Norge RHF", False),
    ],
)
def test_what_counts_as_a_near_spelling(a: str, b: str, near: bool) -> None:
    assert _interior_edit(a, b) is near


def test_a_programme_with_a_former_name_is_not_an_organisation(registry: Registry) -> None:
    """No property a programme uses has a domain that would make a reasoner infer it is an organisation."""
    ontology = Graph().parse(ONTOLOGY_DIR / "tiltaksgraf.ttl")
    programmes = registry.programmes
    used = {p for s in programmes.subjects(RDF.type, TG.Programme) for p, _ in programmes.predicate_objects(s)}
    domains = {(p, d) for p in used for d in ontology.objects(p, RDFS.domain)}
    assert TG.formerName in used
    assert not [(p, d) for p, d in domains if d in (ORG.Organization, ORG.FormalOrganization)]
