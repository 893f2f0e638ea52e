"""The typed model of actors in the report: names found, roles read, names not known. No RDF here."""

from __future__ import annotations

from dataclasses import dataclass

from tiltaksgraf.loaders.model import Evidence

#: The kinds of thing a label can name.
ORGANISATION = "organisation"
PROGRAMME = "programme"

#: The roles an organisation can hold in a measure, in the order they are reported.
ROLES = (
    "responsible",
    "executing",
    "commissioning",
    "funding",
    "administering",
    "coordinating",
    "collaborating",
    "evaluating",
    "researching",
    "consulted",
    "mentioned",
)


def measure_number(label: str) -> int:
    """The number of a measure or sub-measure label: ``"27a"`` → ``27``."""
    return int("".join(ch for ch in label if ch.isdigit()))


@dataclass(frozen=True)
class Target:
    """What a label resolves to: an IRI in a registry, its kind and its preferred label."""

    iri: str
    kind: str  # ORGANISATION or PROGRAMME
    label: str


@dataclass(frozen=True)
class Mention:
    """A name found in a text: the exact text, its offsets in the text, its source line and what it names.

    ``start`` and ``end`` are offsets in the cleaned text of the block the name was found in
    (:class:`loaders.text.Block`); ``line`` is the source line of the first character.
    """

    text: str
    start: int
    end: int
    line: int
    target: Target
    rule: str = "label"  # "label" (a registry label) or "enumeration" (a place in a list, see loaders.enumerations)
    measure: str | None = None  # the (sub-)measure whose text holds the name, e.g. "27a"
    section: str | None = None  # "title", "description", "status" or "footnote"
    genitive: bool = False  # the name carries a genitive ending («Bufdirs», «NKVTS'»)

    @property
    def iri(self) -> str:
        return self.target.iri

    @property
    def number(self) -> int | None:
        """The number of the measure whose text holds the name, for a sub-measure too."""
        return measure_number(self.measure) if self.measure else None


@dataclass(frozen=True)
class UnresolvedName:
    """An organisation-like name the registry does not know, and where it stands."""

    text: str
    line: int
    context: str


@dataclass(frozen=True)
class Role:
    """An organisation's role in a measure or sub-measure, with the sentence it was read from."""

    measure: str  # "40" or "27a"
    actor: str  # the organisation's IRI
    label: str  # its preferred label
    role: str  # one of ROLES
    rule: str  # the rule that decided it, e.g. "executing/passive-agent"
    evidence: Evidence
    text: str  # the name as written in the evidence (the acronym for responsibilities)

    @property
    def number(self) -> int:
        """The measure number, for a sub-measure too."""
        return measure_number(self.measure)


@dataclass(frozen=True)
class PublicationActors:
    """The organisations behind a cited publication: its publisher and any institutional author."""

    footnote: int
    key: str
    publisher: str | None  # the publisher as written
    publisher_iri: str | None
    author_iris: tuple[str, ...] = ()
