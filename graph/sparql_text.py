"""The SPARQL people write and read: the predeclared prefixes, IRIs that paste back into a query, and
syntax errors shown at their place in the query.

:data:`PREFIXES` is the one list of prefixes a query may use without declaring them: tiltaksgraf's own
(``tg:``, ``status:``, ``role:`` …, and ``tgorg:``, ``tgprog:``, ``tgdoc:``, ``tgplan:`` for organisations,
programmes, documents and plans) and the standard ones the graph uses (``rdf:``, ``rdfs:``, ``skos:``, ``prov:`` …). A
query's own ``PREFIX`` lines win over them. The query web page can offer the same list
(:func:`prologue_lines`).

>>> compact("https://w3id.org/tiltaksgraf/id/org/kd")
'tgorg:kd'
>>> compact("https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/17a")
'<https://w3id.org/tiltaksgraf/id/measure/frihet-fra-vold/17a>'
"""

from __future__ import annotations

import re

from tiltaksgraf.graph.binding import without_comments
from tiltaksgraf.graph.namespaces import ID, NAMESPACES, RDF, SH

#: Prefixes every query may use undeclared: the graph's own (graph/namespaces.py) and the keys of instances.
PREFIXES: dict[str, str] = {
    **NAMESPACES,
    "rdf": RDF,
    "sh": SH,
    "tgorg": f"{ID}org/",
    "tgprog": f"{ID}programme/",
    "tgdoc": f"{ID}document/",
    "tgplan": f"{ID}plan/",
}

#: A local name SPARQL takes without escapes (PN_LOCAL, without the ``%xx`` and ``\\`` forms).
_LOCAL = re.compile(r"(?:[\w:](?:[\w.:-]*[\w:-])?)?")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
#: A prefixed name in query text (after strings, IRIs and variables are blanked out).
_USED = re.compile(r"(?<![\w:?$.-])([A-Za-z][\w.-]*)?:(?=[\w:%\\])")
_STRING_OR_IRI = re.compile(r"\"\"\".*?\"\"\"|'''.*?'''|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|<[^<>\s]*>", re.S)
_POSITION = re.compile(r"(?:error at |line[: ]+)(\d+)(?::|,? col(?:umn)?[: ]+)(\d+)", re.IGNORECASE)


def compact(iri: str) -> str:
    """An IRI as a prefixed name of :data:`PREFIXES` when one is valid SPARQL, else as ``<iri>``.

    >>> compact("https://w3id.org/tiltaksgraf/vocab/status/in_progress"), compact("https://x.org/a b")
    ('status:in_progress', '<https://x.org/a b>')
    """
    best = ""
    for name, namespace in PREFIXES.items():
        longer = len(namespace) > len(PREFIXES.get(best, ""))
        if iri.startswith(namespace) and longer and _LOCAL.fullmatch(iri[len(namespace) :]):
            best = name
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else f"<{iri}>"


def declared(text: str) -> set[str]:
    """The prefixes a query declares itself."""
    return {m.group(1) or "" for m in _DECLARED.finditer(without_comments(text))}


def prologue_lines(text: str = "") -> list[str]:
    """``PREFIX`` lines for the predeclared prefixes that ``text`` does not declare itself."""
    own = declared(text)
    return [f"PREFIX {name}: <{ns}>" for name, ns in PREFIXES.items() if name not in own]


def undeclared(text: str) -> list[str]:
    """Prefixes the query uses that neither it nor :data:`PREFIXES` declares.

    >>> undeclared('PREFIX ex: <https://ex.org/> SELECT * WHERE { ?s ex:p foaf:name ; tg:x "a:b" }')
    ['foaf']
    """
    code = _STRING_OR_IRI.sub(" ", without_comments(text))
    own = declared(text) | set(PREFIXES)
    found = dict.fromkeys(m.group(1) or "" for m in _USED.finditer(code))
    return [p for p in found if p not in own and p.upper() not in {"PREFIX", "BASE"}]


def syntax_error(message: str, text: str, line_offset: int = 0) -> str:
    """A parser's message with the query line it points at and a caret under the column.

    ``line_offset`` is how many lines were put before the query (a prologue) when it was parsed. Oxigraph
    («error at LINE:COLUMN») counts the column in bytes of UTF-8, others («line L, column C») in characters.

    >>> print(syntax_error("error at 2:9: expected one of BY", "SELECT ?s\\nGROUP ?s WHERE {}"))
    the query does not parse: line 2, column 9: expected one of BY
      2 | GROUP ?s WHERE {}
        |         ^
    """
    m = _POSITION.search(message)
    missing = undeclared(text)
    hint = ""
    if missing:
        names = ", ".join(f"{p}:" for p in missing)
        hint = f"\n  (unknown prefix {names} declare it: PREFIX {missing[0]}: <https://…>; or use a predeclared one)"
    if not m:
        return f"the query does not parse: {message.strip()}{hint}"
    lines = text.split("\n")
    line, column = int(m.group(1)) - line_offset, int(m.group(2))
    shown = lines[line - 1].rstrip("\r") if 1 <= line <= len(lines) else None
    if shown is not None and m.group(0).lower().startswith("error at"):
        column = len(shown.encode("utf-8")[: column - 1].decode("utf-8", "ignore")) + 1
    rest = message[m.end() :].lstrip(": ").strip()
    head = f"the query does not parse: line {line}, column {column}: {rest}"
    if shown is None:
        return head + hint
    gutter = f"  {line} | "
    under = "".join("\t" if c == "\t" else " " for c in shown[: column - 1])
    return f"{head}\n{gutter}{shown}\n{' ' * (len(gutter) - 2)}| {under}^{hint}"
