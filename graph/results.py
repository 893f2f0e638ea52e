"""What every query source returns (:class:`Table`) and how it fails (:class:`QueryError`)."""

from __future__ import annotations

from dataclasses import dataclass


class QueryError(Exception):
    """A query that cannot run: unknown name, bad parameter, syntax error, endpoint down.

    The message is one line that says what to fix.
    """


@dataclass
class Table:
    """A result table: column names and rows of plain strings ("" for unbound)."""

    columns: list[str]
    rows: list[list[str]]

    def records(self) -> list[dict[str, str]]:
        """The rows as dicts keyed by column name.

        >>> Table(["a", "b"], [["1", "2"]]).records()
        [{'a': '1', 'b': '2'}]
        """
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


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
