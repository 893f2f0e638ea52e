"""Named SPARQL queries from ``queries/``: read their headers, bind parameters as RDF terms, run them.

A query file opens with a comment header the CLI reads::

    # title: Measures per ministry
    # description: Every measure a ministry is responsible for, by the overview table or the body.
    # param: ministry (ministry, default: JD): the ministry's acronym, e.g. JD or BFD
    # param: role (role, optional, repeatable): only these roles; any role when not given
    # columns: measure,title,sources,status
    # example: -p ministry=BFD -f md

A parameter line is ``NAME (TYPE[, default: VALUE][, optional][, repeatable]): doc``. Types: ``literal``
(a plain string), ``integer``, ``iri`` (an absolute IRI), or a type resolved to an IRI by a lookup query
in ``queries/params/`` (``ministry``, ``organisation``, ``org-type``, ``role``, ``status``, ``measure`` …,
see :mod:`graph.params`). The value becomes an RDF term bound to the variable of the same name
(``?ministry``); it is never pasted into the query text. An ``optional`` parameter that is not given
stays unbound, so the query must read an unbound variable as "any". A ``repeatable`` parameter takes
several values (``-p status=a -p status=b``), bound as one row of the ``VALUES`` block each, so the query
answers for any of them. ``example:`` gives the arguments after the name for ``query NAME --help``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tiltaksgraf.graph.params import PLAIN_TYPES, param_types, plain_term, resolve
from tiltaksgraf.graph.results import QueryError, Table, check_columns
from tiltaksgraf.graph.sources import Source, run_query

from tiltaksgraf.paths import QUERIES_DIR

if TYPE_CHECKING:
    from rdflib.term import Identifier

__all__ = ["NamedQuery", "Param", "QueryError", "Table", "get_query", "named_queries", "run_named", "run_query"]

_FIELD = re.compile(r"^#\s*(title|description|param|columns|example):\s*(.*)$")
_CONTINUED = re.compile(r"^#\s{2,}(\S.*)$")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s*\((?P<type>[a-z][a-z-]*)(?P<flags>(?:,[^)]*)?)\)\s*:?\s*(?P<doc>.*)$"
)
_FLAG = re.compile(r"^(?:default:\s*(?P<default>.*)|(?P<word>optional|repeatable))$")

#: The parameter every named query has: the plan the rows are of, in a graph of several plans.
PLAN_PARAM = "plan"

#: Values as the command line gives them: one text, or several for a repeatable parameter.
Values = Mapping[str, str | Sequence[str]]


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    doc: str
    optional: bool = False
    repeatable: bool = False

    def term(self, value: str, source: Source | None = None, plan: str | None = None) -> Identifier:
        """The RDF term for a value of this parameter (a lookup type needs the ``source`` to resolve on; a
        measure or focus area is resolved inside ``plan``, an IRI, when one is given)."""
        if self.type in PLAIN_TYPES:
            return plain_term(self.type, self.name, value)
        if source is None:
            raise QueryError(f"parameter {self.name} ({self.type}) is resolved on a graph; none was given")
        return resolve(source, self.type, self.name, value, plan)

    def usage(self) -> str:
        """How to give it on the command line: ``--param ministry=MINISTRY (default JD)``."""
        tail = f"default {self.default}" if self.default else "optional" if self.optional else "required"
        if self.repeatable:
            tail += ", repeatable"
        return f"--param {self.name}={self.type.upper()} ({tail})"


def _as_list(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


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
    example: str = ""

    def check(self, values: Values) -> dict[str, list[str]]:
        """The values to bind (defaults filled in, plain types checked); unknown or missing ones raise, and
        so do several values for a parameter that takes one."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            names = ", ".join(known) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r} (its parameters: {names})")
        out: dict[str, list[str]] = {}
        for p in self.params:
            given = _as_list(values[p.name]) if p.name in values else []
            if len(given) > 1 and not p.repeatable:
                raise QueryError(
                    f"query {self.name!r}: parameter {p.name} takes one value, not {len(given)} "
                    f"({', '.join(map(repr, given))})"
                )
            if not given and p.default is not None:
                given = [p.default]
            if not given and p.optional:
                continue
            if not given:
                raise QueryError(f"query {self.name!r} needs --param {p.name}=VALUE ({p.doc})")
            for value in given:
                if p.type in PLAIN_TYPES:
                    p.term(value)
            out[p.name] = given
        return out

    def bindings(self, values: Values, source: Source | None = None) -> dict[str, list[Identifier]]:
        """RDF terms for the given parameter values (defaults filled in); unknown or missing ones raise.

        Types other than literal, integer and iri are resolved on ``source``; the ``plan`` parameter first, so
        that a measure's or focus area's number is resolved inside the plan it names.
        """
        checked = self.check(values)
        known = {p.name: p for p in self.params}
        out: dict[str, list[Identifier]] = {}
        plan = None
        if PLAN_PARAM in checked:
            out[PLAN_PARAM] = [known[PLAN_PARAM].term(v, source) for v in checked[PLAN_PARAM]]
            plan = str(out[PLAN_PARAM][0]) if len(out[PLAN_PARAM]) == 1 else None
        for name, given in checked.items():
            if name != PLAN_PARAM:
                out[name] = [known[name].term(v, source, plan) for v in given]
        return {name: out[name] for name in checked}


def _param(path: Path, raw: str) -> Param:
    p = _PARAM.match(raw)
    if not p:
        raise QueryError(f"{path}: cannot read the parameter line {raw!r} (write: name (type, default: x): doc)")
    if p.group("type") not in param_types():
        raise QueryError(f"{path}: parameter type {p.group('type')!r} is not one of {', '.join(param_types())}")
    default, words = None, set()
    for flag in (f.strip() for f in p.group("flags").split(",")[1:]):
        m = _FLAG.match(flag)
        if not m:
            raise QueryError(f"{path}: parameter {p.group('name')}: {flag!r} is not default: …, optional or repeatable")
        if m.group("default") is not None:
            default = m.group("default").strip()
        else:
            words.add(m.group("word"))
    return Param(p.group("name"), p.group("type"), default, p.group("doc"), "optional" in words, "repeatable" in words)


def parse_header(name: str, path: Path, text: str) -> NamedQuery:
    """Read the comment header of a query file."""
    fields: dict[str, list[str]] = {"title": [], "description": [], "param": [], "columns": [], "example": []}
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
    params = tuple(_param(path, raw) for raw in fields["param"])
    columns = tuple(c.strip() for c in ",".join(fields["columns"]).split(",") if c.strip())
    return NamedQuery(
        name,
        path,
        text,
        " ".join(fields["title"]),
        " ".join(fields["description"]),
        params,
        columns,
        " ".join(fields["example"]),
    )


def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every ``*.rq`` in the folder (not its sub-folders), by name (the file name without ``.rq``)."""
    return {p.stem: parse_header(p.stem, p, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))}


def get_query(name: str, folder: Path = QUERIES_DIR) -> NamedQuery:
    """The named query, or an error that suggests the closest name."""
    queries = named_queries(folder)
    if name not in queries:
        close = difflib.get_close_matches(name, queries, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise QueryError(f"no query named {name!r}{hint}; `tiltaksgraf queries` lists them")
    return queries[name]


def run_named(source: Source, query: NamedQuery | str, values: Values | None = None) -> Table:
    """Run a named query (or a parsed query file) on ``source`` with parameter values given as text."""
    q = get_query(query) if isinstance(query, str) else query
    table = run_query(source, q.text, q.bindings(values or {}, source))
    return check_columns(table, q.columns, source, q.name)  # a server may answer another question
