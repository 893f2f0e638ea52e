"""What a query returns, whatever it ran on: a :class:`Table` (SELECT), a :class:`Boolean` (ASK) or
:class:`Triples` (CONSTRUCT, DESCRIBE); and how it fails (:class:`QueryError`).

A table keeps each value twice: as plain text (``rows``, what CSV and people read) and as the RDF term it
was (``terms``: IRI, literal with its datatype or language, blank node), for the W3C JSON results and for
typed records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_INTEGERS = {
    f"{XSD}{t}"
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_REALS = {f"{XSD}decimal", f"{XSD}double", f"{XSD}float"}


class QueryError(Exception):
    """A query that cannot run: unknown name, bad parameter, syntax error, endpoint down.

    The message says what to fix: one line, or for a syntax error the line, the column and a caret.
    """


@dataclass(frozen=True)
class Term:
    """One RDF term of a result, as the SPARQL 1.1 Query Results JSON format describes it.

    ``kind`` is ``uri``, ``literal`` or ``bnode``; a literal has a ``datatype`` (none for a plain
    string) or a ``lang``.
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def json(self) -> dict[str, str]:
        """The term as a binding of the W3C JSON results format.

        >>> Term("literal", "82", f"{XSD}integer").json()
        {'type': 'literal', 'value': '82', 'datatype': 'http://www.w3.org/2001/XMLSchema#integer'}
        """
        out = {"type": self.kind, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype:
            out["datatype"] = self.datatype
        return out

    def python(self) -> object:
        """The value as JSON would type it: numbers as numbers, booleans as booleans, anything else as text.

        >>> Term("literal", "82", f"{XSD}integer").python(), Term("literal", "true", f"{XSD}boolean").python()
        (82, True)
        """
        if self.kind == "literal" and self.datatype:
            try:
                if self.datatype in _INTEGERS:
                    return int(self.value)
                if self.datatype in _REALS:
                    return float(self.value)
            except ValueError:
                return self.value
            if self.datatype == f"{XSD}boolean" and self.value in {"true", "false", "1", "0"}:
                return self.value in {"true", "1"}
        return self.value


def plain(value: str) -> Term | None:
    """A plain string as a term; the empty string is unbound (None)."""
    return Term("literal", value) if value else None


@dataclass
class Table:
    """A result table: column names, rows of plain strings ("" for unbound) and, where the source gave
    them, the RDF terms behind the strings (None for unbound)."""

    columns: list[str]
    rows: list[list[str]]
    terms: list[list[Term | None]] | None = field(default=None, repr=False, compare=False)
    #: How many rows the query gave, when :meth:`head` kept fewer.
    total: int | None = field(default=None, compare=False)

    def records(self) -> list[dict[str, str]]:
        """The rows as dicts keyed by column name.

        >>> Table(["a", "b"], [["1", "2"]]).records()
        [{'a': '1', 'b': '2'}]
        """
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def typed(self) -> list[list[Term | None]]:
        """The RDF terms of the rows; a table built from plain strings gives plain literals."""
        if self.terms is not None:
            return self.terms
        return [[plain(v) for v in row] for row in self.rows]

    def head(self, limit: int) -> Table:
        """The first ``limit`` rows (``total`` says how many there were).

        >>> t = Table(["n"], [["1"], ["2"], ["3"]]).head(2)
        >>> t.rows, t.total
        ([['1'], ['2']], 3)
        """
        if limit < 0:
            raise ValueError("a limit is a whole number, 0 or more")
        terms = self.terms[:limit] if self.terms is not None else None
        return Table(self.columns, self.rows[:limit], terms, len(self.rows))


@dataclass(frozen=True)
class Boolean:
    """The answer of an ASK query."""

    value: bool


@dataclass
class Triples:
    """The answer of a CONSTRUCT or DESCRIBE query: RDF triples (``pyoxigraph.Triple``)."""

    triples: list = field(default_factory=list)


#: Anything a query can return.
Answer = Table | Boolean | Triples


def check_columns(table: Table, expected: list[str] | tuple[str, ...], source: object, name: str) -> Table:
    """``table`` if it has the ``expected`` columns; else a :class:`QueryError` (a server answering another question).

    >>> check_columns(Table(["term"], []), ["term"], "the store", "params/measure").columns
    ['term']
    """
    if list(expected) and table.columns != list(expected):
        where = source if isinstance(source, str) else getattr(source, "url", "the store")
        raise QueryError(
            f"the answer from {where} has the columns {', '.join(table.columns) or 'none'}, not the columns of "
            f"query {name!r} ({', '.join(expected)}): is it a SPARQL 1.1 query endpoint?"
        )
    return table


def first_line(exc: BaseException) -> str:
    """The first non-empty line of an exception's message, or its type name."""
    for line in str(exc).splitlines():
        if line.strip():
            return line.strip()
    return type(exc).__name__
