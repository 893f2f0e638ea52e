"""Organisation-like names the registry does not know: none in the report, the unknown ones in fixtures."""

from __future__ import annotations

from tiltaksgraf.graph.registry import Registry
from tiltaksgraf.loaders.text import line_block
from tiltaksgraf.loaders.unresolved import candidates, report_blocks, unresolved_names


def _unresolved(text: str, registry: Registry) -> list[tuple[str, int]]:
    return [(u.text, u.line) for u in unresolved_names([line_block(text, 7)], registry.index)]


def test_the_report_has_no_unresolved_names(source_text: str, registry: Registry) -> None:
    assert unresolved_names(report_blocks(source_text), registry.index) == []


def test_the_report_is_read_whole_prose_footnotes_and_tables(source_text: str) -> None:
    blocks = report_blocks(source_text)
    starts = {b.start for b in blocks}
    assert {27, 83, 216, 252, 1553} <= starts  # Akronymer row, overview row, prose, footnote, last line
    names = {b.text[s:e] for b in blocks for s, e in candidates(b.text)}
    assert {"Helsedirektoratet", "Oslo krisesenter", "Likestillings- og diskrimineringsombudet"} <= names


def test_an_unknown_directorate_is_listed(registry: Registry) -> None:
    text = "Sjødirektoratet har, sammen med Bufdir, laget en veileder."
    assert _unresolved(text, registry) == [("Sjødirektoratet", 7)]
    [name] = unresolved_names([line_block(text, 7)], registry.index)
    assert name.context.startswith("Sjødirektoratet har")


def test_every_kind_of_organisation_like_name(registry: Registry) -> None:
    text = (
        "Hamar kommune, Ila fengsel og forvaringsanstalt, Vestlandsforskning og Fiskeri- og havdirektoratet "
        "samarbeider med Tolletatens kontor og Bergen krisesenter i Helsetilsynets regi og Koronautvalget."
    )
    assert _unresolved(text, registry) == [
        ("Hamar kommune", 7),
        ("Ila fengsel", 7),
        ("Vestlandsforskning", 7),
        ("Fiskeri- og havdirektoratet", 7),
        ("Tolletatens", 7),  # the genitive of an agency, «Tolletaten»
        ("Bergen krisesenter", 7),
        ("Koronautvalget", 7),
    ]


def test_known_names_and_references_back_are_not_listed(registry: Registry) -> None:
    text = (
        "Direktoratet har levert. Senteret har et aktivt fokus. Kommisjonen skal gjennomgå alle saker. "
        "Hvert politidistrikt har egen fagansvarlig. Helsedirektoratets tilskuddsbrev går til Oslo krisesenter. "
        "Følgeforskning på implementering. Det finnes et nasjonalt kompetansesenter. Ansvarlig departement: JD"
    )
    assert _unresolved(text, registry) == []


def test_a_name_over_a_sentence_end_is_not_joined(registry: Registry) -> None:
    assert _unresolved("Barnehuset dekker Finnmark. Statens barnehus åpnet i 2024.", registry) == []
    assert _unresolved("Det gjelder St. Olavs hospital.", registry) == []
