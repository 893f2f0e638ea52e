"""The named queries as the query page's examples: each ready to run, with its title, description and
parameters, and the project's prefixes declared.

An example is the query file as it is (its header comments document it) with the ``PREFIX`` lines of
:data:`graph.sparql_text.PREFIXES` that it does not declare itself, and each parameter that has a default
bound in a ``VALUES`` line of its own at the top of the WHERE group, with the value written as the CLI
resolves it (``ministry=JD`` → ``tgorg:jd``), so the query runs on any SPARQL endpoint as it stands and the
reader changes the value in place. An optional parameter without a default stays unbound (any value).

>>> from tiltaksgraf.graph.queries import named_queries
>>> text = example_text(named_queries()["measures-by-status"], {"status": ["status:in_progress"]})
>>> [line.split("  #")[0] for line in text.splitlines() if "VALUES" in line]
['  VALUES ?status { status:in_progress }']
"""

from __future__ import annotations

from typing import Any

from tiltaksgraf.graph.binding import sparql_term, where_start
from tiltaksgraf.graph.queries import NamedQuery, named_queries
from tiltaksgraf.graph.results import QueryError
from tiltaksgraf.graph.sources import Source
from tiltaksgraf.graph.sparql_text import PREFIXES, compact, prologue_lines


def _header_end(text: str) -> int:
    """Where the comment header of a query file ends (the start of its first line that is not a comment)."""
    at = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        at += len(line)
    return at


def example_text(query: NamedQuery, values: dict[str, list[str]]) -> str:
    """The query with the prefixes it lacks declared and ``values`` (SPARQL terms, by parameter) bound."""
    text = query.text
    head = _header_end(text)
    prologue = "".join(f"{line}\n" for line in prologue_lines(text))
    body = text[head:]
    docs = {p.name: p.doc for p in query.params}
    lines = [
        f"  VALUES ?{name} {{ {' '.join(terms)} }}  # {name}: {docs.get(name, '')}".rstrip()
        for name, terms in values.items()
    ]
    if lines:
        at = where_start(body)
        body = body[:at] + "\n" + "\n".join(lines) + body[at:]
    return text[:head] + prologue + body


def _term(term: Any) -> str:
    """A bound term as SPARQL: an IRI as a prefixed name where one of the project's prefixes fits."""
    from rdflib import URIRef

    return compact(str(term)) if isinstance(term, URIRef) else sparql_term(term)


def _defaults(query: NamedQuery, source: Source) -> dict[str, list[str]]:
    """Each parameter's default as SPARQL terms, resolved on ``source``; a default this graph does not hold
    (measure 19 in a graph of other measures) is left unbound, so the example still runs."""
    known = {p.name: p for p in query.params}
    out: dict[str, list[str]] = {}
    for name, given in query.check({}).items():
        try:
            out[name] = [_term(known[name].term(v, source)) for v in given]
        except QueryError:
            continue
    return out


def examples(source: Source) -> list[dict[str, Any]]:
    """Every named query of ``queries/`` as an example for the query page (defaults resolved on ``source``)."""
    out = []
    for name, query in named_queries().items():
        values = _defaults(query, source)
        out.append(
            {
                "name": name,
                "title": query.title,
                "description": query.description,
                "params": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "default": p.default,
                        "doc": p.doc,
                        "optional": p.optional,
                        "repeatable": p.repeatable,
                    }
                    for p in query.params
                ],
                "columns": list(query.columns),
                "query": example_text(query, values),
            }
        )
    return out


def prefixes() -> dict[str, str]:
    """The prefixes the page declares and shortens IRIs with (those a query may use undeclared)."""
    return dict(PREFIXES)
