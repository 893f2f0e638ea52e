"""Turn the typed model of a report into RDF: plans, focus areas, measures and every statement with its evidence."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.provenance import Provenance, nb, report_key
from tiltaksgraf.graph.registry import Registry
from tiltaksgraf.graph.vocab import (
    CITO,
    CONTINUATION,
    DCTERMS,
    FABIO,
    FINDING,
    PROV,
    RDF,
    ROLE,
    SKOS,
    STATEMENT_SOURCE,
    STATUS,
    TG,
    XSD,
)
from tiltaksgraf.loaders.actors import ORGANISATION
from tiltaksgraf.loaders.mentions import find_mentions
from tiltaksgraf.loaders.model import (
    Continuation,
    Evidence,
    Finding,
    Measure,
    PlanInfo,
    Publication,
    Report,
    Responsibility,
    Span,
    StatusAssessment,
    SubMeasure,
)
from tiltaksgraf.loaders.text import line_block

PUBLICATION_CLASS = {"report": FABIO.ReportDocument, "article": FABIO.JournalArticle, "document": FABIO.Expression}


class _Writer:
    """Writes one report into a graph; holds the report's IRIs so each method stays small."""

    def __init__(self, graph: Graph, report: Report, registry: Registry, current: bool = True) -> None:
        self.g = graph
        self.current = current  # this report is the latest on its plan: its assessments are the current ones
        self.report = report
        self.registry = registry
        self.plan_key = iris.key_of(report.plan.title)
        self.plan = iris.plan(self.plan_key)
        self.successor = iris.plan(iris.key_of(report.successor.title))
        self.report_key = report_key(report)
        self.doc = iris.report(self.report_key)
        self.date = Literal(report.date, datatype=XSD.gYearMonth)
        self.findings: list[Finding] = []
        provenance = Provenance(graph, self.doc)
        self.span, self.source_span, self.evidence = provenance.span, provenance.source_span, provenance.evidence
        self.quote = provenance.quote

    # --- plans and the report -----------------------------------------------------------------

    def plans(self) -> None:
        r = self.report
        self._plan(self.plan, r.plan, TG.ActionPlan)
        self._plan(self.successor, r.successor, TG.EscalationPlan)
        self.g.add((self.plan, TG.successorPlan, self.successor))
        self.report_node()

    def report_node(self) -> None:
        r = self.report
        self.g.add((self.doc, RDF.type, TG.FinalReport if r.is_final else TG.StatusReport))
        self.g.add((self.doc, DCTERMS.title, nb(f"{r.title} – {r.plan.title}")))
        self.g.add((self.doc, DCTERMS.issued, self.date))
        self.g.add((self.doc, TG.reportsOn, self.plan))
        self.g.add((self.doc, DCTERMS.source, Literal(r.source)))

    def _plan(self, node: URIRef, info: PlanInfo, cls: URIRef) -> None:
        self.g.add((node, RDF.type, cls))
        self.g.add((node, RDF.type, PROV.Plan))
        self.g.add((node, DCTERMS.title, nb(info.title)))
        self.g.add((node, SKOS.altLabel, nb(f"{info.full_name} ({info.start_year}–{info.end_year})")))
        self.g.add((node, TG.startYear, Literal(str(info.start_year), datatype=XSD.gYear)))
        self.g.add((node, TG.endYear, Literal(str(info.end_year), datatype=XSD.gYear)))
        if info.identifier:
            self.g.add((node, DCTERMS.identifier, Literal(info.identifier)))
        for spelling in info.spellings:
            self.g.add((node, TG.spelling, nb(spelling)))

    def focus_areas(self) -> None:
        scheme = iris.focus_area_scheme(self.plan_key)
        self.g.add((scheme, RDF.type, SKOS.ConceptScheme))
        self.g.add((scheme, SKOS.prefLabel, nb(f"Innsatsområder i {self.report.plan.title}")))
        self.g.add((scheme, DCTERMS.isPartOf, self.plan))
        for area in self.report.focus_areas:
            node = iris.focus_area(self.plan_key, area.number)
            self.g.add((node, RDF.type, TG.FocusArea))
            self.g.add((node, RDF.type, SKOS.Concept))
            self.g.add((node, SKOS.inScheme, scheme))
            self.g.add((node, SKOS.topConceptOf, scheme))
            self.g.add((node, SKOS.notation, Literal(str(area.number))))
            self.g.add((node, SKOS.prefLabel, nb(area.name)))
            self.g.add((node, DCTERMS.isPartOf, self.plan))
            if area.description:
                self.g.add((node, DCTERMS.description, nb(area.description)))
            self.source_span(node, TG.sourceSpan, area.span, f"Innsatsområde {area.number}")

    # --- measures -----------------------------------------------------------------------------

    def measure(self, m: Measure) -> URIRef:
        node = iris.measure(self.plan_key, m.label)
        self.g.add((node, RDF.type, TG.Measure))
        self.g.add((node, RDF.type, PROV.Activity))
        self.g.add((node, TG.number, Literal(m.label)))
        self.g.add((node, DCTERMS.title, nb(m.title)))
        if m.body_title != m.title:
            self.g.add((node, TG.bodyTitle, nb(m.body_title)))
        self.g.add((node, DCTERMS.isPartOf, self.plan))
        self.g.add((node, TG.focusArea, iris.focus_area(self.plan_key, m.focus_area)))
        self._texts(node, m.description, m.status_text)
        section = f"Tiltak {m.number}"
        self.source_span(node, TG.sourceSpan, m.span, section)
        if m.status_span:
            self.source_span(node, TG.statusSpan, m.status_span, f"{section}, status", "status-span")
        self._responsibilities(node, m.responsibilities)
        self._status(node, m.status)
        self._continuation(node, m.continuation)
        for ref in m.cross_references:
            target = iris.measure(self.plan_key, str(ref.target))
            link = iris.part(node, "reference", str(ref.target))
            self.g.add((node, TG.refersTo, target))
            self.g.add((node, TG.hasCrossReference, link))
            self.g.add((link, RDF.type, TG.CrossReference))
            self.g.add((link, TG.referencedMeasure, target))
            self.g.add((link, TG.cue, nb(ref.cue)))
            self.evidence(link, ref.evidence)
        for sub in m.submeasures:
            sub_node = self.submeasure(sub)
            self.g.add((node, DCTERMS.hasPart, sub_node))
            self.g.add((sub_node, DCTERMS.isPartOf, node))
        return node

    def submeasure(self, s: SubMeasure) -> URIRef:
        node = iris.measure(self.plan_key, s.label)
        self.g.add((node, RDF.type, TG.SubMeasure))
        self.g.add((node, RDF.type, PROV.Activity))
        self.g.add((node, TG.number, Literal(s.label)))
        self.g.add((node, TG.letter, Literal(s.letter)))
        self.g.add((node, DCTERMS.title, nb(s.title)))
        if s.body_title:
            self.g.add((node, TG.bodyTitle, nb(s.body_title)))
        self._texts(node, s.description, s.status_text)
        self.source_span(node, TG.sourceSpan, s.span, f"Tiltak {s.number} {s.letter})")
        for n, span in enumerate(s.status_spans, 1):  # its own status paragraphs, run by run
            name = "status-span" if n == 1 else f"status-span-{n}"
            self.source_span(node, TG.statusSpan, span, f"Tiltak {s.number} {s.letter}), status", name)
        self._responsibilities(node, s.responsibilities)
        if s.status:
            self._status(node, s.status)
        self._continuation(node, s.continuation)
        return node

    def _texts(self, node: URIRef, description: str, status_text: str) -> None:
        if description:
            self.g.add((node, DCTERMS.description, nb(description)))
        if status_text:
            self.g.add((node, TG.statusText, nb(status_text)))

    def _responsibilities(self, node: URIRef, items: list[Responsibility]) -> None:
        for r in items:
            ministry = self.registry.ministry(r.acronym)
            if ministry is None:
                self.findings.append(
                    Finding(
                        "unknown-ministry",
                        node.rsplit("/", 1)[-1],
                        r.evidence.span,
                        r.evidence.quote,
                        f"«{r.acronym}» is not a ministry in the registry",
                    )
                )
                continue
            link = iris.part(node, "responsibility", r.source, r.acronym.lower())
            self.g.add((node, PROV.qualifiedAssociation, link))
            self.g.add((link, RDF.type, TG.Responsibility))
            self.g.add((link, RDF.type, PROV.Association))
            self.g.add((link, PROV.agent, ministry))
            self.g.add((link, PROV.hadRole, ROLE.responsible))
            self.g.add((link, TG.statedIn, STATEMENT_SOURCE[r.source]))
            self.evidence(link, r.evidence)

    def _status(self, node: URIRef, status: StatusAssessment | None) -> None:
        """The assessment of this report (dated, so a later report's sits beside it), with all its readings."""
        if status is None:
            return
        link = iris.status_assessment(node, self.report.date)
        self.g.add((node, TG.hasStatusAssessment, link))
        if self.current:
            self.g.add((node, TG.currentStatusAssessment, link))
        self.g.add((link, RDF.type, TG.StatusAssessment))
        self.g.add((link, TG.statusValue, STATUS[status.value or "undetermined"]))
        if status.rule:
            self.g.add((link, TG.decidedByRule, Literal(status.rule)))
        self.g.add((link, DCTERMS.date, self.date))
        self.g.add((link, PROV.wasDerivedFrom, self.doc))
        self.g.add((link, TG.contested, Literal(status.contested)))
        if status.reason:
            self.g.add((link, TG.choiceReason, Literal(status.reason, lang="en")))
        self.evidence(link, status.evidence)
        for n, r in enumerate(status.readings, 1):
            reading = iris.part(link, "reading", str(n))
            self.g.add((link, TG.hasReading, reading))
            if r.chosen:
                self.g.add((link, TG.chosenReading, reading))
            self.g.add((reading, RDF.type, TG.StatusReading))
            self.g.add((reading, TG.statusValue, STATUS[r.value]))
            self.g.add((reading, TG.readByRule, Literal(r.rule)))
            self.g.add((reading, TG.aboutTheMeasure, Literal(r.explicit)))
            self.evidence(reading, r.evidence)

    def _continuation(self, node: URIRef, c: Continuation | None) -> None:
        if c is None:
            return
        link = iris.part(node, "continuation")
        self.g.add((node, TG.hasContinuation, link))
        self.g.add((link, RDF.type, TG.Continuation))
        self.g.add((link, TG.continuationRelation, CONTINUATION[c.relation]))
        self.g.add((link, TG.targetPlan, self.successor))
        self.g.add((link, TG.decidedByRule, Literal(c.rule)))
        self.evidence(link, c.evidence)
        for label in c.parts:  # continued in part: the sub-measures it covers
            self.g.add((link, TG.coversPart, iris.measure(self.plan_key, label)))
        if c.owner:
            self.g.add((link, TG.followedUpByName, Literal(c.owner)))
            who = self._organisation(c.owner)
            if who is not None:
                self.g.add((link, TG.followedUpBy, who))
            if c.owner_evidence and c.owner_evidence != c.evidence:
                node = self.span(iris.part(link, "follow-up-evidence"), c.owner_evidence.span, c.owner_evidence.section)
                self.quote(node, c.owner_evidence.quote)
                self.g.add((link, TG.followUpEvidence, node))
        for point in c.commitments:
            commitment = iris.commitment(iris.key_of(self.report.successor.title), point.text)
            self.g.add((link, TG.commitment, commitment))
            self.g.add((commitment, RDF.type, TG.Commitment))
            self.g.add((commitment, DCTERMS.isPartOf, self.successor))
            self.g.add((commitment, PROV.value, nb(point.text)))
            self.g.add((commitment, TG.quotedInReport, Literal(point.quoted)))
            if (commitment, TG.evidence, None) not in self.g:
                self.evidence(commitment, point.evidence)

    def _organisation(self, name: str) -> URIRef | None:
        """The registry's organisation for a name as the text writes it («JD», «Helsedirektoratet»)."""
        ministry = self.registry.ministry(name)
        if ministry is not None:
            return ministry
        found = [m for m in find_mentions(line_block(name, 1), self.registry.index) if m.target.kind == ORGANISATION]
        return URIRef(found[0].iri) if found and found[0].text == name else None

    # --- citations and findings ---------------------------------------------------------------

    def citations(self) -> None:
        marks = {mark.number: mark for m in self.report.measures for mark in m.footnote_marks}
        for note in self.report.footnotes:
            node = iris.footnote(self.report_key, note.number)
            self.g.add((node, RDF.type, TG.Footnote))
            self.g.add((node, RDF.type, CITO.Citation))
            self.g.add((node, TG.footnoteNumber, Literal(note.number, datatype=XSD.positiveInteger)))
            self.g.add((node, TG.footnoteText, nb(note.text)))
            self.source_span(node, TG.sourceSpan, Span(note.line, note.line), f"Fotnote {note.number}")
            mark = marks.get(note.number)
            citing = iris.measure(self.plan_key, mark.measure) if mark else None
            if citing is not None and mark is not None:
                self.g.add((node, CITO.hasCitingEntity, citing))
                self.evidence(node, mark.evidence)
            if note.publication:
                pub = self.publication(note.publication, note.text)
                self.g.add((node, CITO.hasCitedEntity, pub))
                if citing is not None:
                    self.g.add((citing, CITO.cites, pub))

    def publication(self, p: Publication, text: str) -> URIRef:
        node = iris.publication(p.key)
        if (node, RDF.type, None) in self.g:
            return node  # the same publication cited by another footnote
        self.g.add((node, RDF.type, PUBLICATION_CLASS[p.kind]))
        self.g.add((node, DCTERMS.title, nb(p.title)))
        self.g.add((node, TG.authorList, Literal(p.authors)))
        self.g.add((node, DCTERMS.bibliographicCitation, nb(text)))
        if p.year:
            self.g.add((node, FABIO.hasPublicationYear, Literal(str(p.year), datatype=XSD.gYear)))
        for prop, value in (
            (TG.subtitle, p.subtitle),
            (TG.publisherName, p.publisher),
            (TG.seriesName, p.series),
            (TG.seriesNumber, p.series_number),
        ):
            if value:
                self.g.add((node, prop, Literal(value)))
        return node

    def finding_nodes(self, findings: list[Finding]) -> None:
        seen: set[URIRef] = set()
        for f in findings:
            where = f.measure or "report"
            line = f.span.start if f.span else 0
            node = iris.part(iris.ID[f"finding/{self.report_key}"], f.kind, f"{where}-{line}")
            n = 1
            while node in seen:  # two findings of one kind on one line
                n += 1
                node = iris.part(iris.ID[f"finding/{self.report_key}"], f.kind, f"{where}-{line}-{n}")
            seen.add(node)
            self.g.add((node, RDF.type, TG.SourceFinding))
            self.g.add((node, TG.findingKind, FINDING[f.kind]))
            self.g.add((node, TG.detail, nb(f.detail)))
            if f.span:
                self.evidence(node, Evidence(f.text, f.span, f"Tiltak {f.measure}" if f.measure else "Rapporten"))
            target = iris.measure(self.plan_key, f.measure) if f.measure else self.doc
            self.g.add((target, TG.hasFinding, node))


def add_status_history(graph: Graph, report: Report, registry: Registry, current: Report) -> list[Finding]:
    """Add an earlier report on the same plan as ``current``: the report and its dated status assessments.

    The latest report describes the measures (decision 0013); an earlier one adds what it said about their
    status, beside the current assessments. A measure or sub-measure the latest report does not have is not
    written, and is returned as a finding.
    """
    w = _Writer(graph, report, registry, current=False)
    w.report_node()
    known = {u.label for m in current.measures for u in (m, *m.submeasures)}
    missing: list[Finding] = []
    for m in report.measures:
        for unit in (m, *m.submeasures):
            if unit.label in known:
                w._status(iris.measure(w.plan_key, unit.label), unit.status)
            elif unit.status is not None:
                missing.append(
                    Finding(
                        "status-history-unmatched",
                        None,
                        unit.status.evidence.span,
                        unit.status.evidence.quote,
                        f"{report.title} reports on {unit.label}, which {current.title} does not have; its status "
                        "is left out of the graph",
                    )
                )
    w.finding_nodes(missing)
    return missing


def add_report(graph: Graph, report: Report, registry: Registry) -> list[Finding]:
    """Add one report's resources to ``graph``; returns the findings the RDF step adds (unknown ministries)."""
    w = _Writer(graph, report, registry)
    w.plans()
    w.focus_areas()
    for m in report.measures:
        w.measure(m)
    w.citations()
    w.finding_nodes([*report.findings, *w.findings])
    return w.findings
