"""Bind parameters as RDF terms in a query's text: a ``VALUES`` block at the start of the WHERE group.

rdflib binds parameters itself (``initBindings``). For Oxigraph (embedded or over HTTP) and any other
SPARQL endpoint, the parameters become a ``VALUES`` block (one row, or one per combination where a
parameter has several values) placed as the first element of the query's outermost group (on the same
line, so error positions keep their line numbers). Each term is written by the store's own serialiser: a
pyoxigraph term's ``str()`` is its N-Triples form (every quote, backslash and line break escaped, the IRI
checked), which is valid SPARQL. That is binding, not pasting: a value is always one complete term, so it
cannot end a string or an IRI early and change the query around it. (Not rdflib's ``n3()``: it writes a
value with a line break as a long string and does not escape a quote before the closing one, so
``zzz⏎\\"`` broke out; tests/graph/test_binding.py proves the property for any Unicode string.)

>>> from rdflib import Literal
>>> print(with_values('SELECT ?m WHERE { ?m ?p ?x }', {"x": Literal('say "hi"' + chr(10))}))
SELECT ?m WHERE { VALUES (?x) { ("say \\"hi\\"\\n") }  ?m ?p ?x }
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox
from tiltaksgraf.graph.results import QueryError

if TYPE_CHECKING:  # rdflib is imported where terms are converted, not by every query
    from rdflib.term import Identifier

_IRIREF = re.compile(r"<[^\x00-\x20<>\"{}|\\^`]*>")
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LONG_STRING = re.compile(r"(\"\"\"|''')(?:\\.|(?!\1).)*?\1", re.S)
_STRING = re.compile(r"(\"|')(?:\\.|(?!\1)[^\n\r])*\1")


def sparql_term(term: Identifier) -> str:
    """One RDF term in SPARQL syntax, written by Oxigraph; refuses anything that would not be exactly one term.

    >>> from rdflib import Literal, URIRef
    >>> sparql_term(URIRef("https://x.org/a"))
    '<https://x.org/a>'
    >>> sparql_term(Literal("Frihet", lang="nb"))
    '"Frihet"@nb'
    """
    return str(oxigraph_term(term))


def oxigraph_term(term: Identifier) -> ox.NamedNode | ox.Literal:
    """The pyoxigraph term for an rdflib IRI or literal (checked by Oxigraph: an IRI must be absolute and valid)."""
    from rdflib import BNode, Literal, URIRef

    try:
        if isinstance(term, URIRef):
            try:
                return ox.NamedNode(str(term))
            except ValueError as exc:
                raise QueryError(f"{str(term)!r} is not an absolute IRI that SPARQL can carry ({exc})") from exc
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype:
                return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            return ox.Literal(str(term))
    except (ValueError, UnicodeError) as exc:  # lone surrogates: bytes that were not UTF-8 on the command line
        if any("\ud800" <= ch <= "\udfff" for ch in str(term)):
            raise QueryError(f"{str(term)!r} is not valid UTF-8 text: give the value in UTF-8") from exc
        raise QueryError(f"cannot bind {str(term)!r} as a query parameter: {exc}") from exc
    if isinstance(term, BNode):
        raise QueryError("a blank node cannot be a query parameter; use an IRI")
    raise QueryError(f"cannot bind {term!r} as a query parameter")


_SPECIAL = re.compile(r"[#\"'<{]")


def _tokens(text: str):
    """(kind, start, end) of each comment, string, IRI and brace, skipping what is inside the others.

    Jumps from one character that may open something to the next (a regex search), so a query is walked in
    time linear in its length with few steps of Python.
    """
    i = 0
    while (found := _SPECIAL.search(text, i)) is not None:
        i = found.start()
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


def with_values(text: str, bindings: Mapping[str, Identifier | Sequence[Identifier]]) -> str:
    """The query with ``bindings`` as a ``VALUES`` block opening its WHERE group.

    A variable given a list of terms takes each in turn: one row per combination of the values.

    >>> from rdflib import Literal
    >>> print(with_values('SELECT ?m WHERE { ?m ?p ?x }', {"x": [Literal("a"), Literal("b")]}))
    SELECT ?m WHERE { VALUES (?x) { ("a") ("b") }  ?m ?p ?x }
    """
    if not bindings:
        return text
    names = list(bindings)
    for name in names:
        if not _VARNAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    columns = [list(v) if isinstance(v, list | tuple | set | frozenset) else [v] for v in bindings.values()]
    rows = " ".join(f"({' '.join(sparql_term(t) for t in row)})" for row in itertools.product(*columns))
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ {rows} }} "
    at = where_start(text)
    return text[:at] + block + text[at:]


def code_only(text: str) -> str:
    """The query with every comment, string and IRI blanked out (same length), so that only its words remain.

    >>> code_only('SELECT * { ?s <http://x/SERVICE> "SERVICE" } # SERVICE').split()
    ['SELECT', '*', '{', '?s', '"', '"', '}']
    """
    out, last = [], 0
    for kind, start, end in _tokens(text):
        if kind == "brace":
            continue
        keep = 1 if kind == "string" else 0  # a string keeps its quotes: "" is still not a word
        out.append(text[last:start])
        out.append(text[start : start + keep] + " " * (end - start - 2 * keep) + text[end - keep : end])
        last = end
    return "".join(out) + text[last:]


_KEYWORD = r"(?<![\w?$:\\-])({})(?![\w:-])"


def uses_keyword(text: str, keyword: str) -> bool:
    """Whether a SPARQL keyword (``SERVICE``) is used in the query, outside comments, strings and IRIs.

    Prefixed names (``ex:SERVICE``), variables (``?service``) and blank nodes do not count.

    >>> uses_keyword("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE")
    True
    >>> uses_keyword("SELECT ?service { ?service a <http://x/SERVICE> } # SERVICE", "SERVICE")
    False
    """
    return bool(re.search(_KEYWORD.format(re.escape(keyword)), code_only(text), re.I))
