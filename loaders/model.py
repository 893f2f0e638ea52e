"""The typed model of a final report: what the loader extracts before anything becomes RDF."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A range of 1-based source lines, both ends included."""

    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact was read from, where it stands, and in which part of the report."""

    quote: str
    span: Span
    section: str


@dataclass(frozen=True)
class Responsibility:
    """A ministry named responsible for a measure, by one part of the report."""

    acronym: str
    source: str  # "overview" (the table at the top) or "body" (the measure's own section)
    evidence: Evidence


@dataclass(frozen=True)
class StatusReading:
    """One status rule that fired on one sentence: the value it reads, the rule, the sentence.

    ``explicit``: the sentence is about the measure itself; ``chosen``: this reading decided the status.
    """

    value: str
    rule: str
    evidence: Evidence
    explicit: bool = False
    chosen: bool = False


@dataclass(frozen=True)
class StatusAssessment:
    """The report's account of a measure, classified by a rule; value None when no rule fired.

    ``readings`` are every rule that fired, with its sentence; ``reason`` says why the value won;
    ``contested`` is true when the readings that competed hold different values (a person should read it).
    """

    value: str | None
    rule: str | None
    evidence: Evidence
    readings: tuple[StatusReading, ...] = ()
    reason: str = ""
    contested: bool = False


@dataclass(frozen=True)
class Commitment:
    """A «regjeringen vil»-point of the successor plan quoted (or reported) in the report."""

    text: str
    quoted: bool
    evidence: Evidence


@dataclass(frozen=True)
class Continuation:
    """How a measure relates to the successor plan: "continued" or "related".

    ``parts``: the labels of the sub-measures it covers («34b»), empty when it covers the whole (sub-)measure;
    ``owner``: who follows it up, as the text names it («JD»), with the sentence that says so.
    """

    relation: str
    rule: str
    evidence: Evidence
    commitments: tuple[Commitment, ...] = ()
    parts: tuple[str, ...] = ()
    owner: str | None = None
    owner_evidence: Evidence | None = None


@dataclass(frozen=True)
class CrossReference:
    """A measure's text pointing at another measure ("jf. tiltak 64")."""

    target: int
    cue: str
    evidence: Evidence


@dataclass(frozen=True)
class Publication:
    """A publication cited by a footnote, parsed from the footnote text."""

    key: str
    authors: str
    year: int | None
    title: str
    subtitle: str | None
    publisher: str | None
    series: str | None
    series_number: str | None
    kind: str  # "report", "article" or "document"
    container: str | None = None  # the journal an article stands in (it is not the article's publisher)
    designation: str | None = None  # a numbered series' designation («NOVA Rapport 9/24»), where there is one


@dataclass(frozen=True)
class Document:
    """A document the report names: an official report, proposition, circular, guideline, law, convention …

    ``key`` is the key of its IRI, minted from the designation where there is one («nou-2020-17»), else from
    the title; ``registry`` is true for an entry of ``data/legislation.ttl`` (its facts are there).
    """

    key: str
    kind: str  # a notation of ontology/schemes/document-kind.ttl
    designation: str | None = None
    title: str | None = None
    year: int | None = None
    publisher: str | None = None  # as the text names it
    publisher_iri: str | None = None  # the registry's organisation, where the name resolves
    registry: bool = False
    container: str | None = None  # the journal an article stands in
    subtitle: str | None = None


@dataclass(frozen=True)
class DocumentMention:
    """One place a measure or sub-measure names a document: how (footnote, prose, deliverable), the rule,
    the words as written and the sentence."""

    measure: str  # "47" or "27a"
    document: str  # Document.key
    cited_as: str  # "footnote", "prose" or "deliverable"
    rule: str
    text: str
    evidence: Evidence
    footnote: int | None = None


@dataclass(frozen=True)
class Footnote:
    """Footnote text at the foot of a page: its number, the line and the publication it cites."""

    number: int
    text: str
    line: int
    publication: Publication | None


@dataclass(frozen=True)
class FootnoteMark:
    """A superscript footnote number in prose, with the sentence that carries it."""

    number: int
    measure: str  # the measure (or sub-measure) whose text carries the mark, e.g. "13" or "37b"
    evidence: Evidence


@dataclass(frozen=True)
class Finding:
    """Something about the source an analyst should know: a disagreement, a typo, a stray mark."""

    kind: str
    measure: str | None
    span: Span | None
    text: str
    detail: str


@dataclass
class SubMeasure:
    """A lettered part (a–d) of a measure, with its own text, ministries and sometimes status."""

    number: int
    letter: str
    title: str
    body_title: str | None
    description: str
    span: Span
    responsibilities: list[Responsibility] = field(default_factory=list)
    status_text: str = ""
    #: the runs of lines of its own status paragraphs (lettered «b) …», or placed by position)
    status_spans: list[Span] = field(default_factory=list)
    status: StatusAssessment | None = None
    continuation: Continuation | None = None

    @property
    def label(self) -> str:
        return f"{self.number}{self.letter}"


@dataclass
class Measure:
    """A numbered measure («Tiltak N») of the action plan."""

    number: int
    title: str
    body_title: str
    focus_area: int
    description: str
    status_text: str
    span: Span
    status_span: Span | None
    responsibilities: list[Responsibility] = field(default_factory=list)
    submeasures: list[SubMeasure] = field(default_factory=list)
    status: StatusAssessment | None = None
    continuation: Continuation | None = None
    cross_references: list[CrossReference] = field(default_factory=list)
    footnote_marks: list[FootnoteMark] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.number)


@dataclass(frozen=True)
class FocusArea:
    """An «Innsatsområde N: name» of the plan."""

    number: int
    name: str
    description: str
    span: Span


@dataclass(frozen=True)
class PlanInfo:
    """A plan as the report names it: title, years and the spellings used in the source."""

    title: str
    start_year: int
    end_year: int
    kind: str  # "handlingsplan" or "opptrappingsplan"
    full_name: str
    identifier: str | None = None
    spellings: tuple[str, ...] = ()


@dataclass
class Report:
    """Everything the loader extracts from one final report."""

    source: str  # file name of the source, as recorded in provenance
    title: str
    date: str  # "YYYY-MM"
    plan: PlanInfo
    successor: PlanInfo
    focus_areas: list[FocusArea]
    measures: list[Measure]
    footnotes: list[Footnote]
    findings: list[Finding] = field(default_factory=list)
    line_count: int = 0

    @property
    def is_final(self) -> bool:
        """A final report («Sluttrapport, …»), not a status report along the way («Statusrapport, …»)."""
        return self.title.lower().startswith("sluttrapport")

    def measure(self, number: int) -> Measure:
        """The measure with this number (KeyError if there is none)."""
        for m in self.measures:
            if m.number == number:
                return m
        raise KeyError(number)
