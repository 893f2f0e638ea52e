"""Named SPARQL queries from ``queries/``: read their headers, bind parameters as RDF terms, run them.

A query file opens with a comment header the CLI reads::

    # title: Measures per ministry
    # description: Every measure a ministry is responsible for, by the overview table or the body.
    # param: ministry (literal, default: JD): the ministry's acronym, e.g. JD or BFD
    # columns: measure,title,source

Parameter types: ``literal`` (a plain string), ``integer``, ``iri`` (an absolute IRI). Values are
turned into RDF terms and bound to the variable of the same name (``?ministry``); they are never
pasted into the query text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Identifier

from tiltaksgraf.paths import QUERIES_DIR

_FIELD = re.compile(r"^#\s*(title|description|param|columns):\s*(.*)$")
_CONTINUED = re.compile(r"^#\s{2,}(\S.*)$")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s*\((?P<type>literal|integer|iri)(?:,\s*default:\s*(?P<default>[^)]*))?\)"
    r"\s*:?\s*(?P<doc>.*)$"
)


class QueryError(Exception):
    """A query that cannot run: unknown name, bad parameter, syntax error. The message says what to fix."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    doc: str

    def term(self, value: str) -> Identifier:
        """The RDF term for a value of this parameter."""
        if self.type == "integer":
            if not re.fullmatch(r"[+-]?\d+", value):
                raise QueryError(f"parameter {self.name} takes a whole number, not {value!r}")
            return Literal(int(value))
        if self.type == "iri":
            if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+", value):
                raise QueryError(f"parameter {self.name} takes an absolute IRI (https://…), not {value!r}")
            return URIRef(value)
        return Literal(value)


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its header."""

    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = field(default=())

    def bindings(self, values: dict[str, str]) -> dict[str, Identifier]:
        """RDF terms for the given parameter values (defaults filled in); unknown or missing ones raise."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            names = ", ".join(known) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r} (its parameters: {names})")
        out: dict[str, Identifier] = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError(f"query {self.name!r} needs --param {p.name}=VALUE ({p.doc})")
            out[p.name] = p.term(value)
        return out


def parse_header(name: str, path: Path, text: str) -> NamedQuery:
    """Read the comment header of a query file."""
    fields: dict[str, list[str]] = {"title": [], "description": [], "param": [], "columns": []}
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _FIELD.match(line)
        if m:
            last = m.group(1)
            fields[last].append(m.group(2).strip())
            continue
        more = _CONTINUED.match(line)
        if more and last:
            fields[last][-1] += " " + more.group(1).strip()
    params = []
    for raw in fields["param"]:
        p = _PARAM.match(raw)
        if not p:
            raise QueryError(f"{path}: cannot read the parameter line {raw!r} (write: name (type, default: x): doc)")
        default = p.group("default")
        params.append(Param(p.group("name"), p.group("type"), default.strip() if default else None, p.group("doc")))
    columns = tuple(c.strip() for c in ",".join(fields["columns"]).split(",") if c.strip())
    return NamedQuery(
        name, path, text, " ".join(fields["title"]), " ".join(fields["description"]), tuple(params), columns
    )


def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every ``*.rq`` in the folder (not its sub-folders), by name (the file name without ``.rq``)."""
    return {p.stem: parse_header(p.stem, p, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))}


def get_query(name: str, folder: Path = QUERIES_DIR) -> NamedQuery:
    queries = named_queries(folder)
    if name not in queries:
        close = difflib.get_close_matches(name, queries, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise QueryError(f"no query named {name!r}{hint}; `tiltaksgraf queries` lists them")
    return queries[name]


@dataclass
class Table:
    """A result table: column names and rows of plain strings ("" for unbound)."""

    columns: list[str]
    rows: list[list[str]]


def run_query(graph: Graph, text: str, bindings: dict[str, Identifier] | None = None) -> Table:
    """Run a SELECT query on ``graph`` with ``bindings`` as RDF terms."""
    try:
        result = graph.query(text, initBindings=bindings or {})
    except Exception as exc:  # pyparsing and rdflib raise several types for bad SPARQL
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"the query does not run: {first}") from exc
    if result.type != "SELECT":
        raise QueryError("only SELECT queries give a table; use a SELECT query")
    columns = [str(v) for v in result.vars or []]
    rows = [["" if value is None else str(value) for value in row] for row in result]
    return Table(columns, rows)
