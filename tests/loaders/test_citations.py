"""Footnote text parsed into publications."""

import pytest
from tiltaksgraf.loaders.citations import parse_citation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dullum, J., Lid, S. & Haugsand, B.S. (2024): Adressesperre (kode 6 og 7). En evaluering av "
            "beskyttelsestiltaket adressesperre i saker om vold i nære relasjoner NOVA-rapport 7/24 (oda.oslomet.no)",
            (2024, "Adressesperre (kode 6 og 7)", "NOVA", "NOVA-rapport", "7/24", "report"),
        ),
        (
            "Bjerklund, M., Hvitsand, C. & Møller, G. (2024). «Barnets trygghet er ikke et prosjekt, det er vår "
            "fremtid.» Følgeevaluering av folkehelsesatsingen Sammen Mot. Telemarksforskning Rapport 891.",
            (
                2024,
                "Barnets trygghet er ikke et prosjekt, det er vår fremtid",
                "Telemarksforskning",
                "Telemarksforskning Rapport",
                "891",
                "report",
            ),
        ),
        (
            "Dale, M. T. G., Aakvaag, H. F. (2023). Omfang av vold og overgrep i den norske befolkningen. "
            "Nasjonalt kunnskapssenter om vold og traumatisk stress. (Rapport 1).",
            (
                2023,
                "Omfang av vold og overgrep i den norske befolkningen",
                "Nasjonalt kunnskapssenter om vold og traumatisk stress",
                "Rapport",
                "1",
                "report",
            ),
        ),
        (
            "Muri, K. & Hafstad, G. S. (2022). Childhood Experiences of Abuse, *Journal of Interpersonal Violence* "
            "37(23-24), NP22627-NP22646.",
            (2022, "Childhood Experiences of Abuse", None, None, "37(23-24)", "article"),  # the journal: container
        ),
        (
            "Skogli, E. & Pedersen S. (2025). Kartlegging av akutttilbudet. Menon Economics. "
            "Menon-publikasjon nr. 180/2024.",
            (2025, "Kartlegging av akutttilbudet", "Menon Economics", "Menon-publikasjon", "180/2024", "report"),
        ),
        (
            "Justis- og beredskapsdepartementet (2023). *Taushetsplikt i forvaltningen – en veileder*. Basert på "
            "en utredning.",
            (
                2023,
                "Taushetsplikt i forvaltningen – en veileder",
                "Justis- og beredskapsdepartementet",
                None,
                None,
                "document",
            ),
        ),
    ],
)
def test_parse_citation(text, expected):
    p = parse_citation(text)
    assert (p.year, p.title, p.publisher, p.series, p.series_number, p.kind) == expected


def test_a_journal_is_the_container_of_an_article_not_its_publisher():
    p = parse_citation("Muri, K. (2022). Childhood Experiences, *Journal of Interpersonal Violence* 37(23-24), NP1.")
    assert (p.kind, p.container, p.publisher) == ("article", "Journal of Interpersonal Violence", None)


@pytest.mark.parametrize(
    ("text", "designation", "key"),
    [
        ("Seeberg, M. (2024) «Dråpe for dråpe». NOVA Rapport 9/24.", "NOVA Rapport 9/24", "nova-rapport-9-24"),
        ("Dullum, J. (2024): Adressesperre. NOVA-rapport 7/24", "NOVA-rapport 7/24", "nova-rapport-7-24"),
        (
            "Skogli, E. (2025). Kartlegging. Menon Economics. Menon-publikasjon nr. 180/2024.",
            "Menon-publikasjon 180/2024",
            "menon-publikasjon-180-2024",
        ),
        # a bare «Rapport 1» designates nothing: the key is the first author, the year and the title
        (
            "Dale, M. (2023). Omfang av vold. Nasjonalt kunnskapssenter om vold og traumatisk stress. (Rapport 1).",
            None,
            "dale-2023-omfang-av-vold",
        ),
    ],
)
def test_a_report_in_its_publishers_series_is_keyed_by_its_designation(text, designation, key):
    p = parse_citation(text)
    assert (p.designation, p.key) == (designation, key)


def test_no_year_no_publication():
    assert parse_citation("Se nettsiden.") is None


def test_the_same_publication_cited_twice_has_one_key(report):
    keys = {f.number: f.publication.key for f in report.footnotes}
    assert keys[1] == keys[13] and keys[5] == keys[11] and keys[8] == keys[9]
    assert len(set(keys.values())) == 12
