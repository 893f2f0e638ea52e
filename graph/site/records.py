"""The resources the site shows, as plain records read from the graph (:mod:`graph.site.data` fills them)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quote:
    """A sentence of the report and the lines it stands on (empty strings where the graph has none)."""

    text: str = ""
    start: str = ""
    end: str = ""

    @property
    def lines(self) -> str:
        """«557» or «557–560», or "" if the lines are unknown."""
        if not self.start:
            return ""
        return self.start if self.start == self.end or not self.end else f"{self.start}–{self.end}"


@dataclass(frozen=True)
class Concept:
    """A concept of a SKOS scheme, with its labels and definitions by language."""

    iri: str
    scheme: str
    notation: str
    labels: dict[str, str]
    definitions: dict[str, str]


@dataclass(frozen=True)
class Association:
    """An organisation in a role in a measure (a ``prov:qualifiedAssociation``)."""

    measure: str
    agent: str
    role: str
    responsibility: bool
    stated_in: str
    rule: str
    quote: Quote


@dataclass(frozen=True)
class Status:
    assessment: str
    value: str
    date: str
    rule: str
    quote: Quote


@dataclass(frozen=True)
class Continuation:
    relation: str
    plan: str
    rule: str
    quote: Quote


@dataclass(frozen=True)
class Commitment:
    iri: str
    text: str
    quoted: bool
    plan: str
    quote: Quote


@dataclass(frozen=True)
class CrossReference:
    source: str
    target: str
    cue: str
    quote: Quote


@dataclass(frozen=True)
class Finding:
    iri: str
    kind: str
    subject: str
    detail: str
    quote: Quote


@dataclass(frozen=True)
class Footnote:
    iri: str
    number: str
    text: str
    line: str
    measure: str
    document: str
    quote: Quote


@dataclass
class Measure:
    """A measure or sub-measure with everything the graph says about it."""

    iri: str
    number: str
    parent: str
    title: str
    body_title: str
    focus_area: str
    plan: str
    description: str
    status_text: str
    start: str
    end: str
    parts: list[str] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)
    continuations: list[Continuation] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    associations: list[Association] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)
    refers_to: list[CrossReference] = field(default_factory=list)
    referred_by: list[CrossReference] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    @property
    def status(self) -> Status | None:
        """The latest assessment (by date), or None."""
        return max(self.statuses, key=lambda s: (s.date, s.assessment)) if self.statuses else None

    @property
    def continuation(self) -> Continuation | None:
        return self.continuations[0] if self.continuations else None

    @property
    def lines(self) -> str:
        return Quote("", self.start, self.end).lines


@dataclass
class Organisation:
    iri: str
    acronym: str
    names: dict[str, str]
    types: list[str]
    parent: str
    former: list[str]
    other: list[str]
    sources: list[str]
    children: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The acronym, else the Norwegian name."""
        return self.acronym or self.names.get("nb") or self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Programme:
    iri: str
    name: str
    kind: str
    run_by: list[str]
    funded_by: list[str]
    sources: list[str]


@dataclass
class Document:
    iri: str
    kind: str  # the FaBiO class's local name
    title: str
    subtitle: str
    authors: str
    year: str
    publisher_name: str
    publisher: str
    creators: list[str]
    series: str
    citation: str
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass(frozen=True)
class FocusArea:
    iri: str
    plan: str
    number: str
    name: str
    description: str


@dataclass(frozen=True)
class Plan:
    """An action plan, a successor plan or the final report (``kind`` is the class's local name)."""

    iri: str
    kind: str
    title: str
    label: str
    start: str
    end: str
    identifier: str
    issued: str
    reports_on: str
    successor: str
