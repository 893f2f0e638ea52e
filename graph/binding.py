"""Bind parameters as RDF terms in a query's text: a ``VALUES`` block at the start of the WHERE group.

rdflib binds parameters itself (``initBindings``). For Oxigraph (embedded or over HTTP) and any other
SPARQL endpoint, the parameters become one ``VALUES`` row placed as the first element of the query's
outermost group (on the same line, so error positions keep their line numbers), built from
serialised RDF terms (``term.n3()``). That is binding, not pasting: a
value is always one complete, escaped term, so it cannot end a string or an IRI early and change the
query around it.

>>> from rdflib import Literal
>>> print(with_values('SELECT ?m WHERE { ?m ?p ?x }', {"x": Literal('say "hi"')}))
SELECT ?m WHERE { VALUES (?x) { ("say \\"hi\\"") }  ?m ?p ?x }
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tiltaksgraf.graph.results import QueryError

if TYPE_CHECKING:
    from rdflib.term import Identifier

#: An absolute IRI as SPARQL's IRIREF allows it (no spaces, no <>"{}|^`\).
_IRI = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`]*")
_IRIREF = re.compile(r"<[^\x00-\x20<>\"{}|\\^`]*>")
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LONG_STRING = re.compile(r"(\"\"\"|''')(?:\\.|(?!\1).)*?\1", re.S)
_STRING = re.compile(r"(\"|')(?:\\.|(?!\1)[^\n\r])*\1")


def sparql_term(term: Identifier) -> str:
    """One RDF term in SPARQL syntax; refuses anything that would not be exactly one term."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        if not _IRI.fullmatch(str(term)):
            raise QueryError(f"{str(term)!r} is not an absolute IRI that SPARQL can carry")
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    if isinstance(term, BNode):
        raise QueryError("a blank node cannot be a query parameter; use an IRI")
    raise QueryError(f"cannot bind {term!r} as a query parameter")


def _tokens(text: str):
    """(kind, start, end) of each comment, string, IRI and brace, skipping what is inside the others."""
    i = 0
    while i < len(text):
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            yield "comment", i, end
            i = end
        elif c in "\"'":
            m = _LONG_STRING.match(text, i) or _STRING.match(text, i)
            if not m:
                raise QueryError("the query has a string that is never closed")
            yield "string", i, m.end()
            i = m.end()
        elif c == "<" and (m := _IRIREF.match(text, i)):
            yield "iri", i, m.end()
            i = m.end()
        else:
            if c == "{":
                yield "brace", i, i + 1
            i += 1


def where_start(text: str) -> int:
    """The index just after the ``{`` that opens the query's outermost group (its WHERE clause).

    Skips comments, strings and IRIs, so a ``{`` inside them does not count.

    >>> text = 'PREFIX x: <http://a/b#> SELECT * # {comment\\nWHERE { ?s ?p "{" }'
    >>> text[:where_start(text)]
    'PREFIX x: <http://a/b#> SELECT * # {comment\\nWHERE {'
    """
    for kind, _, end in _tokens(text):
        if kind == "brace":
            return end
    raise QueryError("the query has no WHERE { … } group to bind its parameters in")


def without_comments(text: str) -> str:
    """The query with its comments removed (line breaks kept, so error positions keep their lines).

    Some clients guess a request's kind from its words, and a comment saying «as asked» is not an ASK.

    >>> without_comments('# asks for <a#b>\\nSELECT ?s WHERE { ?s <http://a#b> "#" } # done')
    '\\nSELECT ?s WHERE { ?s <http://a#b> "#" } '
    """
    out, last = [], 0
    for kind, start, end in _tokens(text):
        if kind == "comment":
            out.append(text[last:start])
            last = end
    return "".join(out) + text[last:]


def with_values(text: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with ``bindings`` as a one-row ``VALUES`` block opening its WHERE group."""
    if not bindings:
        return text
    names = list(bindings)
    for name in names:
        if not _VARNAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    terms = " ".join(sparql_term(bindings[n]) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }} "
    at = where_start(text)
    return text[:at] + block + text[at:]
