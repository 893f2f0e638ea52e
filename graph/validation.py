"""Validate a graph: the SHACL shapes (``ontology/shapes.ttl``) and the SPARQL checks (``queries/checks/``).

``validate_graph(graph)`` returns a :class:`ValidationResult`: every problem as an :class:`Issue` (severity,
focus node with a readable name and group, path, message in nb and en, value) and the standard SHACL
validation report graph, with the rows of the SPARQL checks added as results of their own. A graph
conforms when it has no violations; warnings are doubtful facts that are kept.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node
from tiltaksgraf.graph.describe import caption, describe
from tiltaksgraf.graph.queries import NamedQuery, named_queries
from tiltaksgraf.graph.serialize import bind_prefixes
from tiltaksgraf.graph.store import store_from_graph, to_rdflib
from tiltaksgraf.graph.store_view import StoreView
from tiltaksgraf.graph.triples import NTriplesGraph, read_rdf
from tiltaksgraf.graph.vocab import RDF, RDFS, SH

from tiltaksgraf.paths import ONTOLOGY_DIR, QUERIES_DIR

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CHECKS_DIR = QUERIES_DIR / "checks"
SHAPES_NS = "https://w3id.org/tiltaksgraf/shapes#"
#: The SHACL engines: pySHACL is the reference; pyshacl-turbo gives the same report (tests/graph/test_engines.py).
ENGINES = ("turbo", "pyshacl")
SEVERITIES = ("Violation", "Warning", "Info")


class ValidationError(Exception):
    """The shapes or a check cannot be used (a broken shapes file, a check without a ``focus`` column)."""


@dataclass(frozen=True)
class Issue:
    """One validation result, ready to print: what is wrong where, in words an analyst can act on."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: Node
    group: str  # what the report groups it under: "measure 17", "organisation JD", "publications"
    node: str  # the focus node in words: "measure 17, status assessment"
    path: str  # the property, compacted ("tg:hasStatusAssessment"), "" for the node itself
    message: dict[str, str]  # {"nb": …, "en": …}
    value: str  # the offending value, "" if none
    shape: str  # "tgsh:Measure-status", or "check:duplicate-number-violation"
    constraint: str  # "MinCount", "Class", … or "SPARQL check"

    def text(self, lang: str = "en") -> str:
        return self.message.get(lang) or next(iter(self.message.values()), self.constraint)

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "group": self.group,
            "node": self.node,
            "focus": str(self.focus),
            "path": self.path,
            "value": self.value,
            "message": dict(self.message),
            "shape": self.shape,
            "constraint": self.constraint,
        }


@dataclass
class ValidationResult:
    """Every issue, the standard report graph, and how it was obtained."""

    issues: list[Issue]
    report: Graph
    engine: str
    triples: int
    seconds: float = 0.0
    checks: list[str] = field(default_factory=list)
    #: group → the group with its measure's title or its organisation's full name
    captions: dict[str, str] = field(default_factory=dict)

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "Violation"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "Warning"]

    def by_group(self, issues: Iterable[Issue] | None = None) -> dict[str, list[Issue]]:
        """Issues by group: measures in number order, then organisations, then the rest; violations first."""
        groups: dict[str, list[Issue]] = {}
        for issue in sorted(self.issues if issues is None else issues, key=_issue_order):
            groups.setdefault(issue.group, []).append(issue)
        return groups


def _issue_order(issue: Issue) -> tuple:
    return (_group_order(issue.group), SEVERITIES.index(issue.severity), issue.node, issue.path, issue.value)


def _group_order(group: str) -> tuple:
    kind, _, name = group.partition(" ")
    rank = {"measure": 0, "organisation": 1}.get(kind, 2)
    m = re.match(r"(\d+)([a-z]?)$", name)
    return (rank, int(m.group(1)) if m else 0, m.group(2) if m else name.lower(), group)


# --- the shapes --------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _shapes(path: Path, mtime: float) -> Graph:
    graph = Graph()
    try:
        graph += read_rdf(path)  # Oxigraph's parser (rdflib's took a sixth of a second of every validation)
    except FileNotFoundError as exc:
        raise ValidationError(f"no shapes file at {path}") from exc
    except Exception as exc:  # SyntaxError with the line, or a term rdflib refuses
        raise ValidationError(f"{path} does not parse as Turtle: {str(exc).splitlines()[0]}") from exc
    return graph


def load_shapes(path: Path = SHAPES_FILE) -> Graph:
    """The shapes graph (parsed once per process and file version)."""
    return _shapes(path, path.stat().st_mtime if path.exists() else 0.0)


def run_shapes(graph: Graph | NTriplesGraph, shapes: Graph, engine: str = "turbo") -> tuple[Graph, str]:
    """The standard ``sh:ValidationReport`` of ``graph`` against ``shapes``, and the engine that made it.

    ``turbo`` (pyshacl-turbo, a Rust engine) falls back to ``pyshacl`` where it is not installed; both give
    the same report on the report's graph and on every test case (tests/graph/test_engines.py). turbo reads
    an :class:`NTriplesGraph` from its N-Triples, parsed in Rust (not from the embedded store, which keeps
    values rather than spellings: ``xsd:positiveInteger`` would come back as ``xsd:integer``); pySHACL
    needs an rdflib Graph, made from them.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r} (one of {', '.join(ENGINES)})")
    if engine == "turbo":
        try:
            import pyshacl_turbo
        except ImportError:  # no wheel for this platform: the reference engine gives the same report
            engine = "pyshacl"
        else:
            data = _turbo_input(graph, shapes) if isinstance(graph, NTriplesGraph) else graph
            compiled = pyshacl_turbo.compile_shapes(shapes, advanced=False)
            _, report, _ = compiled.validate(data, allow_warnings=True)
            return report, engine
    import pyshacl

    data = graph.rdflib() if isinstance(graph, NTriplesGraph) else graph
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=False)
    return report, engine


def _turbo_input(graph: NTriplesGraph, shapes: Graph) -> object:
    """pyshacl-turbo's input for serialised RDF, parsed in Rust; an rdflib Graph if its API has moved.

    Only the triples the shapes can read go in (:func:`shapes_read`): the same report from less input.
    """
    try:
        from pyshacl_turbo.rdf import Input
    except ImportError:
        return graph.rdflib()
    return Input(one_byte_ntriples(graph.ntriples, keep=shapes_read(shapes)), "nt", None, {})


def one_byte_ntriples(ntriples: bytes, chunk: int = 1 << 22, keep: frozenset[str] | None = None) -> str:
    r"""UTF-8 N-Triples as a text of one byte per character: what lies past U+00FF written as ``\uXXXX``.

    pyshacl-turbo takes its input as a Python ``str``, and one en dash makes CPython keep the whole text at two
    bytes a character (hundreds of MB for a corpus). The escapes are N-Triples' own (UCHAR, allowed in
    literals and IRIs), so the parser reads the same terms. Decoded a chunk of lines at a time, so the wide
    text never exists whole. With ``keep`` (predicate IRIs), only the lines of those predicates: the input
    is one triple a line with one space after the subject and after the predicate, as the build writes it.

    >>> one_byte_ntriples('<urn:a> <urn:b> "1–2 ø" .'.encode())
    '<urn:a> <urn:b> "1\\u20132 ø" .'
    """
    wanted = None if keep is None else {f"<{p}>".encode() for p in keep}
    parts, start = [], 0
    while start < len(ntriples):
        end = ntriples.find(b"\n", start + chunk)
        end = len(ntriples) if end < 0 else end + 1
        piece = ntriples[start:end]
        if wanted is not None:
            piece = b"".join(line for line in piece.splitlines(keepends=True) if _kept(line, wanted))
        parts.append(piece.decode("utf-8").encode("latin-1", "backslashreplace"))
        start = end
    return b"".join(parts).decode("latin-1")


def _kept(line: bytes, wanted: set[bytes]) -> bool:
    """Whether an N-Triples line stays: its predicate is wanted, or the line is not plainly ``<s> <p> …``."""
    first = line.find(b" ")
    second = line.find(b" ", first + 1)
    if first < 0 or second < 0 or b"\t" in line[:first]:
        return True  # not one space after the subject: kept, never dropped by mistake
    predicate = line[first + 1 : second]
    return predicate in wanted or not (predicate[:1] == b"<" and predicate[-1:] == b">")


#: Shape properties whose objects are predicates of the data graph that a constraint or target reads.
_READ_PREDICATES = (SH.targetSubjectsOf, SH.targetObjectsOf, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals)
#: Path operators: their object is a path again (a predicate, a list, or another operator).
_PATH_OPERATORS = (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath)


def shapes_read(shapes: Graph) -> frozenset[str] | None:
    """The predicates whose triples SHACL Core can read in a data graph when checking ``shapes``; None if any.

    SHACL Core reaches the data graph only by the predicates the shapes name: the steps of each ``sh:path``;
    ``sh:targetSubjectsOf``/``sh:targetObjectsOf``; ``sh:equals``, ``sh:disjoint``, ``sh:lessThan`` and
    ``sh:lessThanOrEquals``; and ``rdf:type`` with ``rdfs:subClassOf`` for targets and ``sh:class``. Every
    other constraint tests the values it is given (datatype, count, pattern, ``sh:in`` — whose list is in the
    shapes graph). So the triples of other predicates cannot change a report, and validating without them
    gives the same report (tests/graph/test_validation.py, on the report and every case of tests/shapes/).
    Two features read more, and then every triple is kept (None): ``sh:closed`` (every property of a focus
    node) and SPARQL (``sh:sparql`` constraints, ``sh:target`` targets, rules).
    """
    if any(any(shapes.triples((None, feature, None))) for feature in (SH.closed, SH.sparql, SH.target, SH.rule)):
        return None  # ``sh:closed false`` too: kept whole rather than read the value
    read = {str(RDF.type), str(RDFS.subClassOf)}
    for prop in _READ_PREDICATES:
        read.update(str(o) for o in shapes.objects(None, prop))
    todo = list(shapes.objects(None, SH.path))
    seen: set[Node] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if isinstance(path, URIRef):
            read.add(str(path))
        elif (path, RDF.first, None) in shapes:  # a sequence or the list of an alternative path
            todo.extend(Collection(shapes, path))
        else:
            todo.extend(o for op in _PATH_OPERATORS for o in shapes.objects(path, op))
    return frozenset(read)


# --- the SPARQL checks -------------------------------------------------------------------------

_CHECK_FIELD = re.compile(r"^#\s*(message-nb|message-en|path):\s*(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Check:
    """A ``*-violation.rq`` query: each row is a violation at ``?focus`` (with ``?value``, if bound)."""

    query: NamedQuery
    message: dict[str, str]
    path: str

    @property
    def iri(self) -> URIRef:
        return URIRef(f"{SHAPES_NS}check-{self.query.name}")


def load_checks(folder: Path = CHECKS_DIR) -> list[Check]:
    """Every ``*-violation.rq`` in ``folder``, in name order, with its messages from the header."""
    checks = []
    for name, query in named_queries(folder).items():
        if not name.endswith("-violation"):
            continue
        fields = dict(_CHECK_FIELD.findall(query.text))
        if "focus" not in query.columns:
            raise ValidationError(f"{query.path}: a check must select ?focus (the node the violation is about)")
        message = {lang: fields.get(f"message-{lang}", query.title) for lang in ("nb", "en")}
        checks.append(Check(query, message, fields.get("path", "")))
    return checks


def run_check(graph: Graph | ox.Store, check: Check) -> list[tuple[Node, Node | None]]:
    """The (focus, value) rows of one check on ``graph`` (an rdflib Graph, or the same in the embedded store)."""
    if isinstance(graph, ox.Store):
        solutions = graph.query(check.query.text)
        return [
            (to_rdflib(s["focus"]), to_rdflib(s["value"]) if "value" in check.query.columns else None)
            for s in solutions
        ]  # type: ignore[union-attr]
    rows = graph.query(check.query.text)
    out = []
    for row in rows:
        values = row.asdict()  # type: ignore[union-attr]
        out.append((values["focus"], values.get("value")))
    return out


# --- together ----------------------------------------------------------------------------------


def validate_graph(
    graph: Graph | NTriplesGraph,
    shapes: Graph | None = None,
    checks: list[Check] | None = None,
    engine: str = "turbo",
) -> ValidationResult:
    """Validate ``graph`` against the shapes and run the SPARQL checks; nothing is printed.

    ``graph`` is an rdflib Graph, or an :class:`NTriplesGraph` (what ``build`` made, or a file read by
    :meth:`NTriplesGraph.from_file`): then no rdflib copy of the graph is made on the default engine.
    """
    started = time.perf_counter()
    shapes = load_shapes() if shapes is None else shapes
    checks = load_checks() if checks is None else checks
    with ThreadPoolExecutor(max_workers=1) as pool:
        # pyshacl-turbo runs in Rust without the GIL: the shapes are checked while the store loads and the
        # SPARQL checks run (they join across the graph, which Oxigraph is fast at).
        shaped = pool.submit(run_shapes, graph, shapes, engine)
        store = graph.store if isinstance(graph, NTriplesGraph) else store_from_graph(graph) if checks else None
        rows = [(check, run_check(store, check)) for check in checks]
        report, engine = shaped.result()
    report = bind_prefixes(report)
    report_node = next(report.subjects(RDF.type, SH.ValidationReport))
    named: Graph | StoreView = StoreView(graph.store) if isinstance(graph, NTriplesGraph) else graph
    for check, found in rows:
        for focus, value in found:
            result = BNode()
            report.add((report_node, SH.result, result))
            report.add((result, RDF.type, SH.ValidationResult))
            report.add((result, SH.focusNode, focus))
            report.add((result, SH.resultSeverity, SH.Violation))
            report.add((result, SH.sourceShape, check.iri))
            report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
            if value is not None:
                report.add((result, SH.value, value))
            if check.path:
                report.add((result, SH.resultPath, _expand(report, check.path)))
            for lang, text in check.message.items():
                report.add((result, SH.resultMessage, Literal(text, lang=lang)))
    issues, captions = [], {}
    for r in report.objects(report_node, SH.result):
        issue, owner = _issue(named, report, r)
        issues.append(issue)
        if owner is not None and issue.group not in captions:
            captions[issue.group] = caption(named, owner) or issue.group
    conforms = not any(i.severity == "Violation" for i in issues)
    report.set((report_node, SH.conforms, Literal(conforms)))
    return ValidationResult(
        issues=sorted(issues, key=_issue_order),
        report=report,
        engine=engine,
        triples=len(graph),
        seconds=time.perf_counter() - started,
        checks=[c.query.name for c in checks],
        captions=captions,
    )


def _expand(graph: Graph, curie: str) -> URIRef:
    return graph.namespace_manager.expand_curie(curie)


def _issue(graph: Graph | StoreView, report: Graph, result: Node) -> tuple[Issue, Node | None]:
    focus = report.value(result, SH.focusNode)
    severity = str(report.value(result, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
    messages: dict[str, str] = {}
    for m in sorted(report.objects(result, SH.resultMessage), key=lambda m: (getattr(m, "language", None) or "", m)):
        messages.setdefault(getattr(m, "language", None) or "en", str(m))  # in language order: the same every run
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    shape = report.value(result, SH.sourceShape)
    component = str(report.value(result, SH.sourceConstraintComponent) or "")
    where = describe(graph, focus)
    issue = Issue(
        severity=severity,
        focus=focus,
        group=where.group,
        node=where.name,
        path=render_path(report, path) if path is not None else "",
        message=messages,
        value=_value(graph, report, value) if value is not None else "",
        shape=_term(report, shape).replace("tgsh:check-", "check:") if shape is not None else "",
        constraint=(
            "SPARQL check"
            if component.endswith("SPARQLConstraintComponent")
            else component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
        ),
    )
    return issue, where.owner


def render_path(graph: Graph, path: Node) -> str:
    """A SHACL property path in SPARQL notation: ``tg:a/tg:b``, ``^prov:agent``, ``(a|b)``, ``a*``."""
    if isinstance(path, URIRef):
        return _term(graph, path)
    if (path, RDF.first, None) in graph:
        return "/".join(render_path(graph, p) for p in Collection(graph, path))
    for prop, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+")):
        inner = graph.value(path, prop)
        if inner is not None:
            return fmt.format(render_path(graph, inner))
    inner = graph.value(path, SH.zeroOrOnePath)
    if inner is not None:
        return f"{render_path(graph, inner)}?"
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(render_path(graph, p) for p in Collection(graph, alternatives)) + ")"
    return str(path)


def _value(graph: Graph | StoreView, report: Graph, value: Node) -> str:
    """A value in words where it is a resource of the graph («measure 41»), else as written."""
    if isinstance(value, URIRef):
        named = describe(graph, value)
        if named.group != "other resources":
            return named.name
    return _term(report, value)


def _term(graph: Graph, term: Node) -> str:
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef):
        if str(term).startswith(SHAPES_NS):
            return "tgsh:" + str(term)[len(SHAPES_NS) :]
        try:
            return graph.namespace_manager.normalizeUri(term).strip("<>")
        except Exception:  # an IRI that no prefix covers
            return str(term)
    return str(term)
