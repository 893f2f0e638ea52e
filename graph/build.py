"""Build the knowledge graph from report files: ontology, schemes, registry and every report's resources."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.term import Node
from tiltaksgraf.graph import iris
from tiltaksgraf.graph.actors_rdf import Actors, add_actors
from tiltaksgraf.graph.catalog import build_catalog, catalog_turtle, to_jsonld
from tiltaksgraf.graph.documents_rdf import add_documents, load_legislation
from tiltaksgraf.graph.published_documents import document_descriptions, load_documents
from tiltaksgraf.graph.reading import read_reports
from tiltaksgraf.graph.registry import load_registry
from tiltaksgraf.graph.report_rdf import add_report, add_status_history
from tiltaksgraf.graph.serialize import bind_prefixes, to_turtle, write_all
from tiltaksgraf.graph.triples import NTriplesGraph, Triples
from tiltaksgraf.graph.vocab import TG
from tiltaksgraf.loaders.actors import UnresolvedName
from tiltaksgraf.loaders.documents import Documents
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.model import Finding, Report

from tiltaksgraf.paths import LEGISLATION_FILE, ONTOLOGY_DIR, ORGANISATIONS_FILE, PROGRAMMES_FILE

#: Findings that are disagreements between two parts of the source (listed apart in the summary).
DISAGREEMENTS = ("responsibility-differs", "responsibility-missing-body-line", "title-differs")


@dataclass
class BuildResult:
    """The graph, the parsed reports and every finding about the sources.

    ``triples`` is what the build assembled into: a :class:`~graph.triples.Triples` (the default) or, on
    the rdflib path kept for comparison, an rdflib Graph. :attr:`data` is the finished graph as sorted
    N-Triples with the embedded store; :attr:`graph` an rdflib Graph of it, made when first asked for.
    """

    triples: Triples | Graph
    reports: list[Report]  # the latest report on each plan: it describes the measures
    findings: list[Finding] = field(default_factory=list)
    actors: list[Actors] = field(default_factory=list)
    history: list[Report] = field(default_factory=list)  # earlier reports: their dated status assessments only
    documents: list[Documents] = field(default_factory=list)

    @cached_property
    def data(self) -> NTriplesGraph:
        """The graph as sorted N-Triples (what ``graph.nt`` holds), with the embedded store."""
        if isinstance(self.triples, Graph):
            return NTriplesGraph.from_rdflib(self.triples)
        return self.triples.freeze()

    @cached_property
    def graph(self) -> Graph:
        """The graph in rdflib (for pySHACL and users' own rdflib code); parsed from :attr:`data` once."""
        return self.triples if isinstance(self.triples, Graph) else self.data.rdflib()

    @property
    def unresolved(self) -> list[UnresolvedName]:
        """Organisation-like names the registry does not know, over all sources."""
        return [u for a in self.actors for u in a.unresolved]

    def summary(self) -> dict[str, object]:
        """Counts of what was built and of what the sources got wrong."""
        measures = [m for r in self.reports for m in r.measures]
        subs = [s for m in measures for s in m.submeasures]
        statuses = Counter((m.status.value if m.status else None) or "undetermined" for m in measures)
        continuations = Counter(m.continuation.relation if m.continuation else "none" for m in measures)
        return {
            "sources": [r.source for r in self.reports],
            "triples": len(self.triples),
            "focus_areas": sum(len(r.focus_areas) for r in self.reports),
            "measures": len(measures),
            "measures_with_submeasures": sum(1 for m in measures if m.submeasures),
            "submeasures": len(subs),
            "submeasure_statuses": sum(1 for s in subs if s.status),
            "status": dict(sorted(statuses.items())),
            "continuation": dict(sorted(continuations.items())),
            "commitments": len({p.text for m in measures if m.continuation for p in m.continuation.commitments}),
            "cross_references": sum(len(m.cross_references) for m in measures),
            "footnotes": sum(len(r.footnotes) for r in self.reports),
            "publications": len({f.publication.key for r in self.reports for f in r.footnotes if f.publication}),
            "documents": dict(sorted(sum((Counter(d.counts()) for d in self.documents), Counter()).items())),
            "findings": dict(sorted(Counter(f.kind for f in self.findings).items())),
            "organisations_named": len({r.actor for a in self.actors for r in a.roles}),
            "programmes_named": len({m.iri for a in self.actors for _, m in a.mentions if "/programme/" in m.iri}),
            "mentions": sum(len(a.mentions) for a in self.actors),
            "roles": dict(sorted(sum((Counter(a.role_counts()) for a in self.actors), Counter()).items())),
            "unresolved_names": len(self.unresolved),
        }

    def disagreements(self) -> list[Finding]:
        """Where two parts of the source say different things."""
        return [f for f in self.findings if f.kind in DISAGREEMENTS]

    def trivial_disagreements(self) -> list[Finding]:
        """Titles that differ only in form (``title-differs-trivially``): counted, not listed, by the summary."""
        return [f for f in self.findings if f.kind == "title-differs-trivially"]


def reference_files() -> list[Path]:
    """The ontology and concept schemes that go into every graph (Turtle files under ``ontology/``)."""
    files = sorted(ONTOLOGY_DIR.glob("*.ttl")) + sorted((ONTOLOGY_DIR / "schemes").glob("*.ttl"))
    return [f for f in files if not f.name.endswith("shapes.ttl")]


def build_graph(
    sources: Sequence[Path],
    registry_path: Path = ORGANISATIONS_FILE,
    progress: Callable[[str], None] | None = None,
    programmes_path: Path | None = PROGRAMMES_FILE,
    legislation_path: Path = LEGISLATION_FILE,
    rdflib: bool = False,
    jobs: int | None = None,
) -> BuildResult:
    """Parse each source and assemble one graph with the ontology, schemes and registry.

    The triples go into a :class:`~graph.triples.Triples`; ``rdflib=True`` assembles them in rdflib's memory
    store instead, as releases before 0.2 did (``bench/`` compares the two; the output is the same bytes).
    Several sources are read by ``jobs`` processes (default: one per core; :mod:`graph.reading`).
    """
    say = progress or (lambda _msg: None)
    graph: Triples | Graph = bind_prefixes(Graph()) if rdflib else Triples()
    for path in reference_files():
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:
            raise SourceError(path, f"does not parse as Turtle: {exc}", hint="fix the ontology file") from exc
    registry = load_registry(registry_path, programmes_path)
    graph += registry.graph
    graph += registry.programmes
    legislation = load_legislation(legislation_path)
    graph += legislation
    result = BuildResult(graph, [])
    read = list(read_reports(sources, registry, (registry_path, programmes_path, legislation_path), jobs))
    latest = latest_reports([report for _, report, _, _ in read])
    for source, report, actors, documents in read:
        current = latest[iris.key_of(report.plan.title)]
        if report is not current:  # an earlier report on the same plan: its status assessments, dated
            result.history.append(report)
            result.findings += add_status_history(graph, report, registry, current)
            continue
        check_buildable(report, source)  # an earlier report adds only its statuses: it may lack the overview
        say(f"read {source}: writing its measures, documents and actors")
        result.reports.append(report)
        result.documents.append(documents)
        result.findings += report.findings
        result.findings += add_report(graph, report, registry)
        add_documents(graph, report, documents, {f.publication.key for f in report.footnotes if f.publication})
        result.actors.append(actors)
        add_actors(graph, report, actors)
    graph += document_descriptions(graph, load_documents())  # where the reports and plans are published
    return result


def latest_reports(reports: Sequence[Report]) -> dict[str, Report]:
    """The latest report on each plan, by plan key: the latest date, and of two with one date the later given.

    The latest report describes the plan's measures and gives their current status (decision 0013).
    """
    latest: dict[str, Report] = {}
    for report in reports:
        key = iris.key_of(report.plan.title)
        if key not in latest or report.date >= latest[key].date:
            latest[key] = report
    return latest


def check_buildable(report: Report, path: Path) -> None:
    """Refuse, naming the line, a report the model cannot take whole: a measure with no responsible ministry in
    the overview table (the table is missing, has no row for it, or names no ministry it knows)."""
    for measure in report.measures:
        if not any(r.source == "overview" for r in measure.responsibilities):
            raise SourceError(
                path,
                f"the overview table names no responsible ministry for measure {measure.number} "
                "(no table, no row for it, or no ministry's acronym in the row)",
                line=measure.span.start,
                hint="the table «| Nr. | Tiltak | Ansvarlig departement |» has a row per measure",
            )


def source_line(graph: Graph, node: Node, depth: int = 3) -> int | None:
    """The first source line of ``node`` or of the nearest node around it that has one (its evidence, its measure)."""
    seen, frontier = {node}, [node]
    for _ in range(depth + 1):
        lines = [int(v) for n in frontier for v in graph.objects(n, TG.startLine) if str(v).isdigit()]
        if lines:
            return min(lines)
        following = [o for n in frontier for o in graph.objects(n) if not isinstance(o, Literal)]
        following += [s for n in frontier for s in graph.subjects(None, n)]
        frontier = [n for n in dict.fromkeys(following) if n not in seen]
        seen.update(frontier)
    return None


def unresolved_csv(result: BuildResult) -> bytes:
    """The unresolved names as CSV (name,line,context): the list the registry grows from."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "line", "context"])
    writer.writerows([u.text, u.line, u.context] for u in result.unresolved)
    return out.getvalue().encode("utf-8")


#: The files a build writes, by kind.
OUTPUT_FILES = {
    "turtle": "graph.ttl",
    "ntriples": "graph.nt",
    "jsonld": "graph.jsonld",
    "catalog": "catalog.ttl",
    "unresolved": "unresolved-names.csv",
}


def render_outputs(result: BuildResult) -> dict[str, bytes]:
    """The bytes of every output file, by kind (:data:`OUTPUT_FILES`); nothing is written.

    The build renders them while the shapes are checked (in Rust, on the other core) and writes them only when
    the graph conforms.
    """
    ntriples = result.data.ntriples
    data = {
        "turtle": to_turtle(None, ntriples),
        "ntriples": ntriples,
        "jsonld": to_jsonld(ntriples),
        "unresolved": unresolved_csv(result),
    }
    distributions = {k: data[k] for k in ("turtle", "ntriples", "jsonld")}
    data["catalog"] = catalog_turtle(build_catalog(result.data.store, distributions))  # the store validation loads
    return data


def commit_outputs(data: dict[str, bytes], out_dir: Path) -> dict[str, Path]:
    """Write :func:`render_outputs`' files into ``out_dir`` as one (all replaced, or none, with an
    :class:`~graph.serialize.OutputError`); their paths by kind."""
    targets = {kind: out_dir / name for kind, name in OUTPUT_FILES.items()}
    write_all({path: data[kind] for kind, path in targets.items()})
    return targets


def write_outputs(result: BuildResult, out_dir: Path) -> dict[str, Path]:
    """Write ``graph.ttl``, ``graph.nt`` (sorted), ``graph.jsonld``, the DCAT-AP-NO description ``catalog.ttl``
    and ``unresolved-names.csv`` into ``out_dir`` as one: everything is computed before anything is written,
    then all are replaced, or (a full disk, an unwritable folder) none of them, with an
    :class:`~graph.serialize.OutputError`."""
    return commit_outputs(render_outputs(result), out_dir)
