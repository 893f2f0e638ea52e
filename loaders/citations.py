"""Parse footnote text into the publication it cites: authors, year, title, publisher, series, number.

A report in a numbered series of its publisher («NOVA Rapport 9/24») has that as its designation, and its
key (the key of its IRI) is minted from it; any other publication's key is its first author, year and title.
An article's journal is its container, not its publisher.
"""

from __future__ import annotations

import re
import unicodedata

from tiltaksgraf.loaders.model import Publication
from tiltaksgraf.loaders.text import normalise_space

_YEAR = re.compile(r"\((\d{4})\)\s*[:.,]?\s*")
#: "NOVA Rapport 9/24", "NOVA-rapport 7/24", "Menon-publikasjon nr. 180/2024", "Telemarksforskning Rapport 891",
#: "Vista Analyse Rapport 2012/41", "NKVTS Rapport nr. 1 2025", "Rapport 11-2022, NORCE Helse og samfunn".
_SERIES = re.compile(
    r"(?P<publisher>[A-ZÆØÅ][\wÆØÅæøå]*(?: [A-ZÆØÅ][\wÆØÅæøå]*)?)?[ -]?"
    r"(?P<series>[Rr]apport|publikasjon)(?: nr\.)?\s+(?P<number>\d+(?:[/-]\d+)?(?: \d{4})?)"
    r"(?:,\s*(?P<after>[A-ZÆØÅ][^.(]*))?"
)
_JOURNAL = re.compile(r"(?P<journal>Journal of [A-Z][\w ]+?)\s+(?P<volume>\d+\(\d+(?:-\d+)?\))")
_WEB_TAIL = re.compile(r"\s*\((?:[\w-]+\.)+(?:no|com|org)\)\s*$")
_QUOTED = re.compile(r"^«([^»]+)»\.?\s*")
#: A series with its publisher's name in it designates a report («NOVA Rapport 9/24», «Menon-publikasjon
#: 180/2024»); a bare «Rapport 1» does not.
_OWN_SERIES = re.compile(r"^[A-ZÆØÅ][\wÆØÅæøå]*(?: [A-ZÆØÅ][\wÆØÅæøå]*)?[ -][Rr]apport$|^[A-ZÆØÅ][\w]*-publikasjon$")


def slug(text: str, words: int = 6) -> str:
    """A lower-case ASCII slug of the first ``words`` words (æ→ae, ø→o, å→a).

    >>> slug("Omfang av vold og overgrep i den norske befolkningen", 4)
    'omfang-av-vold-og'
    >>> slug("Prop. 36 S (2023–2024)")
    'prop-36-s-2023-2024'
    """
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("–", " ").replace("—", " ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", text)
    return "-".join(parts[:words])


def parse_citation(text: str) -> Publication | None:
    """The publication a footnote cites, or None when the text has no "(YYYY)" to anchor on.

    >>> p = parse_citation("Seeberg, M. L og Bossy, D. (2024) «Dråpe for dråpe, stein for stein». "
    ...                    "*Familievernets voldsarbeid i endring*. NOVA Rapport 9/24.")
    >>> (p.year, p.title, p.publisher, p.series, p.series_number)
    (2024, 'Dråpe for dråpe, stein for stein', 'NOVA', 'NOVA Rapport', '9/24')
    """
    text = normalise_space(text.replace("*", ""))
    year_match = _YEAR.search(text)
    if not year_match:
        return None
    authors = text[: year_match.start()].strip(" ,.")
    rest = _WEB_TAIL.sub("", text[year_match.end() :]).strip()
    kind = "report"
    publisher = series = number = container = None
    journal = _JOURNAL.search(rest)
    series_match = _SERIES.search(rest)
    if journal:
        kind = "article"  # the journal is the article's container, not its publisher
        container, number = journal.group("journal"), journal.group("volume")
        body = rest[: journal.start()]
    elif series_match:
        publisher = series_match.group("publisher") or series_match.group("after")
        series = rest[series_match.start() : series_match.end("series")].lstrip("( ")
        number = series_match.group("number")
        body = rest[: series_match.start()].rstrip(" (")
        if series_match.group("after"):
            publisher = normalise_space(series_match.group("after"))
    else:
        kind = "document"
        body = rest
    quoted = _QUOTED.match(body)
    if quoted:
        title, remainder = quoted.group(1).rstrip("."), body[quoted.end() :]
    else:
        title, remainder = _first_sentence(body)
    subtitle, trailing_publisher = _subtitle_and_publisher(remainder)
    publisher = trailing_publisher or publisher
    if kind == "document" and not publisher and authors and not re.search(r"\b[A-ZÆØÅ]\.", authors):
        publisher = authors  # an institution as author is its own publisher
    designation = f"{series} {number}" if series and number and _OWN_SERIES.match(series) else None
    key = slug(designation, 8) if designation else slug(f"{authors.split(',')[0]} {year_match.group(1)} {title}", 7)
    return Publication(
        key=key,
        authors=authors,
        year=int(year_match.group(1)),
        title=title.strip(),
        subtitle=subtitle,
        publisher=publisher,
        series=series,
        series_number=number,
        kind=kind,
        container=container,
        designation=designation,
    )


def _first_sentence(text: str) -> tuple[str, str]:
    """Split off the title: up to the first full stop (or "?" / ":") that is followed by a capital."""
    m = re.search(r"(?<=[.?])\s+(?=[A-ZÆØÅ«])", text)
    if not m:
        return text.strip(" .,"), ""
    return text[: m.start()].strip(" .,"), text[m.end() :]


def _subtitle_and_publisher(remainder: str) -> tuple[str | None, str | None]:
    """What follows the title: a subtitle and, where the last sentence names an institution, the publisher."""
    parts = [p.strip(" .,") for p in re.split(r"(?<=\.)\s+", remainder) if p.strip(" .,")]
    trailing = parts.pop() if parts and _INSTITUTION.search(parts[-1]) and len(parts[-1]) < 90 else None
    return " ".join(parts).strip(" .,") or None, trailing


#: Words that make a short sentence at the end of a reference read as the publishing institution.
_INSTITUTION = re.compile(
    r"(?:senter|center|centre|institutt|Economics|Analyse|forskning|universitet|direktorat|departement"
    r"|høgskole|NOVA|Fafo|NORCE|NKVTS)",
)
