"""Build the knowledge graph from report files: ontology, schemes, registry and every report's resources."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph
from tiltaksgraf.graph.actors_rdf import Actors, add_actors
from tiltaksgraf.graph.reading import read_reports
from tiltaksgraf.graph.registry import load_registry
from tiltaksgraf.graph.report_rdf import add_report
from tiltaksgraf.graph.serialize import bind_prefixes, to_turtle, write_atomic
from tiltaksgraf.graph.triples import NTriplesGraph, Triples
from tiltaksgraf.loaders.actors import UnresolvedName
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.model import Finding, Report

from tiltaksgraf.paths import ONTOLOGY_DIR, ORGANISATIONS_FILE, PROGRAMMES_FILE

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
    reports: list[Report]
    findings: list[Finding] = field(default_factory=list)
    actors: list[Actors] = field(default_factory=list)

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
    result = BuildResult(graph, [])
    for source, report, actors in read_reports(sources, registry, (registry_path, programmes_path), jobs):
        say(f"read {source}: writing its measures and actors")
        result.reports.append(report)
        result.findings += report.findings
        result.findings += add_report(graph, report, registry)
        result.actors.append(actors)
        add_actors(graph, report, actors)
    return result


def unresolved_csv(result: BuildResult) -> bytes:
    """The unresolved names as CSV (name,line,context): the list the registry grows from."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "line", "context"])
    writer.writerows([u.text, u.line, u.context] for u in result.unresolved)
    return out.getvalue().encode("utf-8")


def write_outputs(result: BuildResult, out_dir: Path) -> dict[str, Path]:
    """Write ``graph.ttl``, ``graph.nt`` (sorted) and ``unresolved-names.csv`` into ``out_dir``, each atomically."""
    targets = {
        "turtle": out_dir / "graph.ttl",
        "ntriples": out_dir / "graph.nt",
        "unresolved": out_dir / "unresolved-names.csv",
    }
    ntriples = result.data.ntriples
    data = {
        "turtle": to_turtle(None, ntriples),
        "ntriples": ntriples,
        "unresolved": unresolved_csv(result),
    }
    for kind, path in targets.items():
        write_atomic(path, data[kind])
    return targets
