"""Render a query's answer: a table as aligned text, CSV, TSV, the W3C JSON results, typed records or
Markdown; an ASK answer as ``true``/``false``; CONSTRUCT and DESCRIBE triples as Turtle, N-Triples or JSON-LD.

- ``table``: for people. IRIs are shown so they paste back into SPARQL: a prefixed name of the
  predeclared prefixes (``tgorg:kd``, ``status:completed``) or ``<https://…>``; long texts are shortened to
  fit the terminal, IRIs never.
- ``csv``, ``tsv``: every value as plain text (IRIs whole), as the SPARQL 1.1 CSV results format has it.
- ``json``: the `SPARQL 1.1 Query Results JSON Format <https://www.w3.org/TR/sparql11-results-json/>`_.
- ``records``: a JSON array with one object per row, values typed (numbers as numbers, booleans as
  booleans, IRIs and other text as strings, unbound as null).
- ``md``: a Markdown table.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap

import pyoxigraph as ox
from tiltaksgraf.graph.results import Answer, Boolean, QueryError, Table, Term, Triples
from tiltaksgraf.graph.sparql_text import PREFIXES, compact

TABLE_FORMATS = ("table", "csv", "tsv", "json", "records", "md")
RDF_FORMATS = ("turtle", "ntriples", "jsonld")
FORMATS = TABLE_FORMATS + RDF_FORMATS
_RDF = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


def render(answer: Answer, fmt: str, width: int | None = None) -> str:
    """The answer in one of :data:`FORMATS`; a format that does not fit the kind of answer is an error."""
    if isinstance(answer, Triples):
        return _rdf(answer, "turtle" if fmt == "table" else fmt)
    if fmt in RDF_FORMATS:
        kind = "a table" if isinstance(answer, Table) else "true or false"
        raise QueryError(f"-f {fmt} is for CONSTRUCT and DESCRIBE queries; this query gives {kind}")
    if isinstance(answer, Boolean):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer.value}) + "\n"
        return ("true" if answer.value else "false") + "\n"
    if fmt == "csv":
        return _delimited(answer, ",")
    if fmt == "tsv":
        return _delimited(answer, "\t")
    if fmt == "json":
        return _sparql_json(answer)
    if fmt == "records":
        return _records(answer)
    if fmt == "md":
        return _markdown(answer)
    return _text(answer, width or shutil.get_terminal_size((160, 24)).columns)


def _sparql_json(table: Table) -> str:
    bindings = [
        {c: t.json() for c, t in zip(table.columns, row, strict=True) if t is not None} for row in table.typed()
    ]
    doc = {"head": {"vars": table.columns}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _records(table: Table) -> str:
    records = [
        {c: None if t is None else t.python() for c, t in zip(table.columns, row, strict=True)} for row in table.typed()
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _delimited(table: Table, sep: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return out.getvalue()


def _markdown(table: Table) -> str:
    def cell(value: str) -> str:
        return value.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(table.columns) + " |", "|" + "|".join("---" for _ in table.columns) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def shown(term: Term | None) -> str:
    """A value as the text table shows it: IRIs so they paste into SPARQL, blank nodes as ``_:id``."""
    if term is None:
        return ""
    if term.kind == "uri":
        return compact(term.value)
    if term.kind == "bnode":
        return f"_:{term.value}"
    return term.value


def _text(table: Table, width: int) -> str:
    """Columns padded to their widest value; long texts are shortened so a row fits the terminal."""
    if not table.columns:
        return ""
    typed = table.typed()
    rows = [[shown(t) for t in row] for row in typed]
    iris = {i for row in typed for i, t in enumerate(row) if t is not None and t.kind == "uri"}
    natural = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(table.columns)]
    budget = max(width - 2 * (len(natural) - 1), 10 * len(natural))
    widths = natural[:]
    while sum(widths) > budget:
        shrinkable = [i for i, w in enumerate(widths) if w > 12 and i not in iris]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1

    def fit(value: str, w: int) -> str:
        value = value.replace("\n", " ")
        if len(value) <= w:
            return value
        shortened = textwrap.shorten(value, w, placeholder="…")
        return shortened if len(shortened) > w // 2 else value[: w - 1] + "…"

    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(fit(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    count = len(table.rows)
    plural = "s" if (table.total or count) != 1 else ""
    if table.total is not None and table.total > count:
        lines.append(f"({count} of {table.total} row{plural})")
    else:
        lines.append(f"({count} row{plural})")
    return "\n".join(lines) + "\n"


def _rdf(answer: Triples, fmt: str) -> str:
    if fmt not in _RDF:
        raise QueryError(f"a CONSTRUCT or DESCRIBE query gives RDF: use -f {', '.join(RDF_FORMATS)}, not {fmt}")
    triples = sorted(answer.triples, key=str)
    iris = {str(t.value) for tr in triples for t in (tr.subject, tr.predicate, tr.object) if hasattr(t, "value")}
    iris |= {tr.object.datatype.value for tr in triples if isinstance(tr.object, ox.Literal)}
    used = {name: ns for name, ns in PREFIXES.items() if any(i.startswith(ns) for i in iris)}
    lines = ox.serialize(triples, format=_RDF[fmt], prefixes=used).decode("utf-8").split("\n")
    head = [line for line in lines if line.startswith("@prefix ")]
    return "\n".join(sorted(head) + lines[len(head) :])
