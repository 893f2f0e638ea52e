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
class Reading:
    """One status rule that fired on one sentence (a ``tg:StatusReading``); ``chosen`` is the one that decided."""

    iri: str
    value: str
    rule: str
    about_the_measure: bool
    chosen: bool
    quote: Quote


@dataclass
class Status:
    """A status assessment: its value, the sentence it rests on, and every reading of its status text."""

    assessment: str
    value: str
    date: str
    rule: str
    quote: Quote
    current: bool = False
    contested: bool = False
    reason: str = ""
    readings: list[Reading] = field(default_factory=list)


@dataclass(frozen=True)
class Continuation:
    """A link to a successor plan: the parts it covers (none: the whole) and who follows it up."""

    relation: str
    plan: str
    rule: str
    quote: Quote
    parts: tuple[str, ...] = ()
    owner: str = ""
    owner_name: str = ""
    owner_quote: Quote = Quote()


@dataclass(frozen=True)
class MentionOnly:
    """An organisation a measure only names (``tg:MentionOnly``), with the first sentence that names it."""

    measure: str
    org: str
    rule: str
    quote: Quote


@dataclass(frozen=True)
class DocumentMention:
    """A place where a measure names a document; ``how`` is a cited-as concept, or ``tg:evaluatedBy``."""

    measure: str
    document: str
    how: str
    named_as: str
    footnote: str
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
    named: list[MentionOnly] = field(default_factory=list)
    documents: list[DocumentMention] = field(default_factory=list)
    refers_to: list[CrossReference] = field(default_factory=list)
    referred_by: list[CrossReference] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    @property
    def status(self) -> Status | None:
        """The current assessment (``tg:currentStatusAssessment``; else the latest by date), or None."""
        current = [s for s in self.statuses if s.current]
        return max(current or self.statuses, key=lambda s: (s.date, s.assessment)) if self.statuses else None

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
    """A document the measures name: its kind is a concept of the document-kind scheme."""

    iri: str
    kind: str
    designation: str
    titles: dict[str, str]  # by language; "" for a title without one
    short: str
    subtitle: str
    authors: str
    year: str
    date: str
    in_force: str
    publisher: str
    publisher_name: str
    creators: list[str]
    series: str
    citation: str
    part_of: str
    replaces: str
    subject: str
    links: list[str]
    footnotes: list[Footnote] = field(default_factory=list)
    mentions: list[DocumentMention] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The Bokmål title, else any."""
        return self.titles.get("nb") or self.titles.get("") or next(iter(self.titles.values()), "") or self.designation

    def title_label(self) -> dict[str, str]:
        """The title by language: the English one where the graph has it, else the same as the Bokmål."""
        return {"nb": self.titles.get("nb") or self.title, "en": self.titles.get("en") or self.title}

    def label(self) -> dict[str, str]:
        """The designation and title in each language: «NOU 2020: 17 Varslede drap?»."""
        return {
            lang: f"{self.designation} {title}" if self.designation and self.designation != title else title
            for lang, title in self.title_label().items()
        }


@dataclass(frozen=True)
class OntologyTerm:
    """A class or property of the ontology with its labels and definitions by language."""

    iri: str
    kind: str  # Class, ObjectProperty, DatatypeProperty, AnnotationProperty
    labels: dict[str, str]
    definitions: dict[str, str]
    domain: str
    range: str
    parent: str


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
