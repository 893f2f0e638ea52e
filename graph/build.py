"""Build the knowledge graph from report files: ontology, schemes, registry and every report's resources."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.term import Node
from tiltaksgraf.graph.actors_rdf import Actors, add_actors, read_actors
from tiltaksgraf.graph.registry import load_registry, misspellings
from tiltaksgraf.graph.report_rdf import add_report
from tiltaksgraf.graph.serialize import bind_prefixes, to_sorted_ntriples, to_turtle, write_all
from tiltaksgraf.graph.vocab import TG
from tiltaksgraf.loaders.actors import UnresolvedName
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.model import Finding, Report
from tiltaksgraf.loaders.quality import misspelt_name_findings
from tiltaksgraf.loaders.report import parse_report, read_source

from tiltaksgraf.paths import ONTOLOGY_DIR, ORGANISATIONS_FILE, PROGRAMMES_FILE

#: Findings that are disagreements between two parts of the source (listed apart in the summary).
DISAGREEMENTS = ("responsibility-differs", "responsibility-missing-body-line", "title-differs")


@dataclass
class BuildResult:
    """The graph, the parsed reports and every finding about the sources."""

    graph: Graph
    reports: list[Report]
    findings: list[Finding] = field(default_factory=list)
    actors: list[Actors] = field(default_factory=list)

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
            "triples": len(self.graph),
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
            "findings": dict(sorted(Counter(f.kind for f in self.findings).items())),
            "organisations_named": len({r.actor for a in self.actors for r in a.roles}),
            "programmes_named": len({m.iri for a in self.actors for _, m in a.mentions if "/programme/" in m.iri}),
            "mentions": sum(len(a.mentions) for a in self.actors),
            "roles": dict(sorted(sum((Counter(a.role_counts()) for a in self.actors), Counter()).items())),
            "unresolved_names": len(self.unresolved),
        }

    def disagreements(self) -> list[Finding]:
        return [f for f in self.findings if f.kind in DISAGREEMENTS]


def reference_files() -> list[Path]:
    """The ontology and concept schemes that go into every graph (Turtle files under ``ontology/``)."""
    files = sorted(ONTOLOGY_DIR.glob("*.ttl")) + sorted((ONTOLOGY_DIR / "schemes").glob("*.ttl"))
    return [f for f in files if not f.name.endswith("shapes.ttl")]


def build_graph(
    sources: Sequence[Path],
    registry_path: Path = ORGANISATIONS_FILE,
    progress: Callable[[str], None] | None = None,
    programmes_path: Path | None = PROGRAMMES_FILE,
) -> BuildResult:
    """Parse each source and assemble one graph with the ontology, schemes and registry."""
    say = progress or (lambda _msg: None)
    graph = bind_prefixes(Graph())
    for path in reference_files():
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:
            raise SourceError(path, f"does not parse as Turtle: {exc}", hint="fix the ontology file") from exc
    registry = load_registry(registry_path, programmes_path)
    graph += registry.graph
    graph += registry.programmes
    names = misspellings(registry.graph)
    result = BuildResult(graph, [])
    for source in sources:
        say(f"reading {source}")
        text = read_source(source)  # read once: the report, its misspellings and its actors all come from it
        report = parse_report(text, source)
        check_buildable(report, source)
        if names:
            report.findings += misspelt_name_findings(text, report.measures, names)
        result.reports.append(report)
        result.findings += report.findings
        result.findings += add_report(graph, report, registry)
        say("reading the actors: organisations, roles, mentions")
        actors = read_actors(report, text, registry)
        result.actors.append(actors)
        add_actors(graph, report, actors)
    return result


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


def write_outputs(result: BuildResult, out_dir: Path) -> dict[str, Path]:
    """Write ``graph.ttl``, ``graph.nt`` (sorted) and ``unresolved-names.csv`` into ``out_dir`` as one: all three
    replaced, or (a full disk, an unwritable folder) none of them, with an :class:`~graph.serialize.OutputError`."""
    targets = {
        "turtle": out_dir / "graph.ttl",
        "ntriples": out_dir / "graph.nt",
        "unresolved": out_dir / "unresolved-names.csv",
    }
    ntriples = to_sorted_ntriples(result.graph)
    data = {
        "turtle": to_turtle(result.graph, ntriples),
        "ntriples": ntriples,
        "unresolved": unresolved_csv(result),
    }
    write_all({path: data[kind] for kind, path in targets.items()})
    return targets
