"""The review of the document and status rules against an independent reader: the comparison and its figures.

A reader who never saw the code read the whole report and
wrote every document each measure names (`readers/documents-reader.csv`: measure, document, kind, designation,
how it is named, line, quote) and the status of every measure and sub-measure (`readers/status-reader.csv`:
status, contested yes/no, the deciding line). `readers/documents-reader-groups.csv` keeps the reader's own
grouping of the rows that are not core documents: the successor plan named in a measure, and marginal papers
(consultation papers, brochures, reports not yet published …).

The comparison, rerunnable: ``python -m tests.golden.documents_review [--missed] [--baseline]``.

* **Documents** are compared per (measure, document) pair, as the reader did. A reader's row is found when the
  rules name a document in the same (sub-)measure with the same designation, or with enough of the same words
  (:func:`match`). *Precision*: the share of the rules' pairs the reader also lists, and the share that is right
  once every pair the reader does not list is read again (`documents-review.csv`, ``graph-only`` rows).
  *Recall*: the share of the reader's rows the rules find: all, core, the successor plan.
* **Statuses**: the share of the reader's 92 rows where the rules give the same value, and where they agree on
  *contested*; every difference is read again against the source (`status-review.csv`).

*Before* is the rules' output when the reader compared (`baseline/`, written by ``--snapshot`` from that commit);
*after* is the build. The README quotes both, and `tests/loaders/test_documents_golden.py` checks them.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
READERS = HERE / "readers"
DOCUMENTS_READER = READERS / "documents-reader.csv"
STATUS_READER = READERS / "status-reader.csv"
GROUPS = READERS / "documents-reader-groups.csv"
BASELINE = HERE / "baseline"
DOCUMENT_REVIEW = HERE / "documents-review.csv"
STATUS_REVIEW = HERE / "status-review.csv"
PAIR_COLUMNS = ("measure", "document", "kind", "designation", "title", "named", "lines", "cited_as")
STATUS_COLUMNS = ("measure", "status", "contested")
DOCUMENT_REVIEW_COLUMNS = ("side", "measure", "document", "line", "review", "note")
STATUS_REVIEW_COLUMNS = ("measure", "reader", "rules", "reader_contested", "rules_contested", "review", "note")
#: ``graph-only`` rows: a pair the reader does not list is ``right`` (a document the reader left out) or an
#: ``error``; ``reader-only`` rows: a reader's row the rules miss is ``missed`` (the rules should find it and do
#: not: the note says why no rule of a whole class does), ``arguable`` or ``reader-wrong``.
DOCUMENT_REVIEWS = ("right", "error", "missed", "arguable", "reader-wrong", "unreviewed")
#: A status difference is ``arguable`` (both readings hold), ``rules-right`` or an ``error`` (the reader is right
#: and no rule of a whole class fixes it: the note says why).
STATUS_REVIEWS = ("arguable", "rules-right", "error", "unreviewed")


@dataclass(frozen=True)
class Pair:
    """A document the rules say a (sub-)measure names, with every way and place it names it."""

    measure: str
    document: str
    kind: str
    designation: str
    title: str
    named: tuple[str, ...]
    lines: tuple[int, ...]
    cited_as: tuple[str, ...]


@dataclass(frozen=True)
class ReaderDocument:
    """One row of the reader's documents, with the reader's group: core, marginal or successor-plan."""

    measure: str
    document: str
    kind: str
    designation: str
    how: str
    line: int
    quote: str
    group: str


@dataclass(frozen=True)
class ReaderStatus:
    measure: str
    status: str
    contested: bool
    line: str
    quote: str
    note: str


def graph_pairs(docs) -> list[Pair]:
    """The rules' (measure, document) pairs from one report's :class:`~tiltaksgraf.loaders.documents.Documents`."""
    grouped: dict[tuple[str, str], list] = {}
    for m in docs.mentions:
        grouped.setdefault((m.measure, m.document), []).append(m)
    out = []
    for (measure, key), mentions in grouped.items():
        doc = docs.documents[key]
        out.append(
            Pair(
                measure,
                key,
                doc.kind,
                doc.designation or "",
                doc.title or "",
                tuple(dict.fromkeys(m.text for m in mentions if m.text and m.cited_as != "footnote")),
                tuple(sorted({m.evidence.span.start for m in mentions})),
                tuple(sorted({m.cited_as for m in mentions})),
            )
        )
    return sorted(out, key=lambda p: (_order(p.measure), p.document))


def graph_statuses(report) -> dict[str, tuple[str, bool]]:
    """Every measure's and sub-measure's status value (``undetermined`` where no rule fired) and contested."""
    out: dict[str, tuple[str, bool]] = {}
    for m in report.measures:
        for label, status in [(m.label, m.status), *((s.label, s.status) for s in m.submeasures)]:
            if status is not None:
                out[label] = (status.value or "undetermined", status.contested)
    return out


def _order(label: str) -> tuple[int, str]:
    number = "".join(ch for ch in label if ch.isdigit())
    return int(number), label[len(number) :]


# --- reading the files -----------------------------------------------------------------------------------------


def read_groups(path: Path = GROUPS) -> dict[tuple[str, int, str], str]:
    return {
        (r["measure"], int(r["line"]), r["document"]): r["group"] for r in csv.DictReader(path.open(encoding="utf-8"))
    }


def read_reader_documents(path: Path = DOCUMENTS_READER, groups: Path = GROUPS) -> list[ReaderDocument]:
    group = read_groups(groups)
    out = []
    for r in csv.DictReader(path.open(encoding="utf-8")):
        key = (r["measure"], int(r["line"]), r["document"])
        out.append(
            ReaderDocument(
                r["measure"],
                r["document"],
                r["kind"],
                r["designation"],
                r["how"],
                int(r["line"]),
                r["quote"],
                group.get(key, "core"),
            )
        )
    return out


def read_reader_statuses(path: Path = STATUS_READER) -> dict[str, ReaderStatus]:
    return {
        r["measure"]: ReaderStatus(r["measure"], r["status"], r["contested"] == "yes", r["line"], r["quote"], r["note"])
        for r in csv.DictReader(path.open(encoding="utf-8"))
    }


def read_pairs(path: Path) -> list[Pair]:
    return [
        Pair(
            r["measure"],
            r["document"],
            r["kind"],
            r["designation"],
            r["title"],
            tuple(t for t in r["named"].split(" | ") if t),
            tuple(int(n) for n in r["lines"].split()),
            tuple(r["cited_as"].split()),
        )
        for r in csv.DictReader(path.open(encoding="utf-8"))
    ]


def read_status_snapshot(path: Path) -> dict[str, tuple[str, bool]]:
    return {r["measure"]: (r["status"], r["contested"] == "yes") for r in csv.DictReader(path.open(encoding="utf-8"))}


def render_pairs(pairs: Iterable[Pair]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(PAIR_COLUMNS)
    for p in pairs:
        w.writerow(
            [
                p.measure,
                p.document,
                p.kind,
                p.designation,
                p.title,
                " | ".join(p.named),
                " ".join(map(str, p.lines)),
                " ".join(p.cited_as),
            ]
        )
    return buf.getvalue()


def render_statuses(statuses: dict[str, tuple[str, bool]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(STATUS_COLUMNS)
    for label in sorted(statuses, key=_order):
        value, contested = statuses[label]
        w.writerow([label, value, "yes" if contested else "no"])
    return buf.getvalue()


# --- matching the reader's documents to the rules' -------------------------------------------------------------

#: Words too common in this report to tell two documents apart (and the small words).
_COMMON = {
    "vold",
    "volden",
    "nære",
    "relasjoner",
    "overgrep",
    "overgrepp",
    "seksuelle",
    "arbeidet",
    "tiltak",
    "tiltaket",
    "rapport",
    "rapporten",
    "veileder",
    "veilederen",
    "utredning",
    "utredningen",
    "evaluering",
    "evalueringen",
    "norge",
    "norske",
    "nasjonal",
    "nasjonale",
    "mellom",
    "andre",
    "eller",
    "gjennom",
    "under",
    "etter",
}


def stems(text: str) -> set[str]:
    """The first eight letters of every word of four letters or more, less the common ones."""
    words = re.findall(r"[\wæøåÆØÅ]{4,}", text.lower())
    return {w[:8] for w in words if w not in _COMMON}


def _designation(text: str) -> str:
    return re.sub(r"[^0-9a-zæøå]", "", re.sub(r"\bnr\.?\s*", "", text.lower()))


def _compatible(reader: str, rules: str) -> int:
    """2 for the same label, 1 for a measure and one of its parts («21» and «21b»), 0 otherwise."""
    if reader == rules:
        return 2
    return 1 if reader.rstrip("abcd") == rules.rstrip("abcd") and (reader.isdigit() or rules.isdigit()) else 0


#: The reader's kinds and the rules' kinds they may be (a kind the reader calls ``other`` may be any).
KINDS = {
    # an escalation plan is put to the Storting as a Prop. S: the reader files it as a proposition, the rules as a plan
    "proposition": {"proposition-l", "proposition-s", "plan"},
    "resolution": {"parliamentary-resolution"},
    "platform": {"political-platform"},
    "report": {"report", "nou"},
    "guideline": {"guideline", "circular"},
    "circular": {"circular", "guideline"},
}


def _kinds_agree(reader: str, rules: str) -> bool:
    return reader == "other" or rules == "document" or rules in KINDS.get(reader, {reader})


def score(row: ReaderDocument, pair: Pair) -> float:
    """How surely ``pair`` is the document of ``row``: 0 when it is not (see :func:`match`)."""
    same_measure = _compatible(row.measure, pair.measure)
    if not same_measure or not _kinds_agree(row.kind, pair.kind):
        return 0.0
    if row.designation and pair.designation and _designation(row.designation) == _designation(pair.designation):
        return 10.0 + same_measure
    theirs = stems(f"{row.document} {row.designation}")
    ours = stems(" ".join([pair.title, pair.designation, *pair.named]))
    shared = theirs & ours
    near = any(abs(row.line - line) <= 3 for line in pair.lines)
    if len(shared) >= 2 or (shared and (near or len(theirs) == 1 or len(ours) == 1)):
        return len(shared) / min(len(theirs), len(ours)) + (1 if near else 0) + same_measure / 2
    return 0.0


def match(rows: Sequence[ReaderDocument], pairs: Sequence[Pair]) -> dict[int, int]:
    """The reader's rows (by index) matched one to one to the rules' pairs (by index), best score first."""
    candidates = sorted(
        ((score(r, p), i, j) for i, r in enumerate(rows) for j, p in enumerate(pairs)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    taken_rows: dict[int, int] = {}
    taken_pairs: set[int] = set()
    for s, i, j in candidates:
        if s <= 0:
            break
        if i not in taken_rows and j not in taken_pairs:
            taken_rows[i] = j
            taken_pairs.add(j)
    return taken_rows


# --- figures ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentFigures:
    rows: int
    core: int
    successor: int
    pairs: int
    pairs_listed: int  # the rules' pairs the reader lists too
    pairs_right: int  # … or that the review reads as right documents the reader left out
    found: int
    found_core: int
    found_successor: int


@dataclass(frozen=True)
class StatusFigures:
    rows: int
    same: int
    same_or_arguable: int  # … or the review reads the difference as arguable or the rules as right
    contested_same: int


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def document_figures(
    rows: Sequence[ReaderDocument], pairs: Sequence[Pair], review: dict | None = None
) -> DocumentFigures:
    found = match(rows, pairs)
    listed = set(found.values())
    right = {
        j
        for j, p in enumerate(pairs)
        if j not in listed and (review or {}).get(("graph-only", p.measure, p.document)) == "right"
    }
    return DocumentFigures(
        rows=len(rows),
        core=sum(r.group == "core" for r in rows),
        successor=sum(r.group == "successor-plan" for r in rows),
        pairs=len(pairs),
        pairs_listed=len(listed),
        pairs_right=len(listed | right),
        found=len(found),
        found_core=sum(rows[i].group == "core" for i in found),
        found_successor=sum(rows[i].group == "successor-plan" for i in found),
    )


def status_figures(
    reader: dict[str, ReaderStatus], rules: dict[str, tuple[str, bool]], review: dict | None = None
) -> StatusFigures:
    same = [m for m, r in reader.items() if rules.get(m, ("undetermined", False))[0] == r.status]
    lenient = [
        m
        for m, r in reader.items()
        if m in same or (review or {}).get(m, {}).get("review") in ("arguable", "rules-right")
    ]
    contested = [m for m, r in reader.items() if rules.get(m, ("", False))[1] == r.contested]
    return StatusFigures(len(reader), len(same), len(lenient), len(contested))


# --- the reviewed tables ---------------------------------------------------------------------------------------


def document_review_rows(rows: Sequence[ReaderDocument], pairs: Sequence[Pair]) -> list[dict[str, str]]:
    """The rows to review: the rules' pairs the reader does not list, the reader's core and successor-plan rows
    the rules do not find (review columns empty)."""
    found = match(rows, pairs)
    listed = set(found.values())
    out = [
        {"side": "graph-only", "measure": p.measure, "document": p.document, "line": str(p.lines[0])}
        for j, p in enumerate(pairs)
        if j not in listed
    ]
    out += [
        {"side": "reader-only", "measure": r.measure, "document": r.document, "line": str(r.line)}
        for i, r in enumerate(rows)
        if i not in found and r.group != "marginal"
    ]
    return [dict(row, review="", note="") for row in out]


def status_review_rows(reader: dict[str, ReaderStatus], rules: dict[str, tuple[str, bool]]) -> list[dict[str, str]]:
    out = []
    for m, r in reader.items():
        value, contested = rules.get(m, ("undetermined", False))
        if value != r.status or contested != r.contested:
            out.append(
                {
                    "measure": m,
                    "reader": r.status,
                    "rules": value,
                    "reader_contested": "yes" if r.contested else "no",
                    "rules_contested": "yes" if contested else "no",
                    "review": "",
                    "note": "",
                }
            )
    return out


def merge_review(new: list[dict[str, str]], old: list[dict[str, str]], key: Sequence[str]) -> list[dict[str, str]]:
    """``new`` with the review of every row whose key columns were reviewed before; the others ``unreviewed``."""
    kept = {tuple(r[c] for c in key): r for r in old}
    out = []
    for row in new:
        before = kept.get(tuple(row[c] for c in key))
        if before is not None and before["review"] != "unreviewed":
            row = dict(row, review=before["review"], note=before["note"])
        else:
            row = dict(row, review="unreviewed", note="")
        out.append(row)
    return out


def read_table(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8"))) if path.exists() else []


def render_table(rows: list[dict[str, str]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def document_review_index(rows: Iterable[dict[str, str]]) -> dict[tuple[str, str, str], str]:
    return {(r["side"], r["measure"], r["document"]): r["review"] for r in rows}


# --- the command -----------------------------------------------------------------------------------------------


def current() -> tuple[list[Pair], dict[str, tuple[str, bool]]]:
    """The rules' pairs and statuses on the embedded report, as the build reads them."""
    from tiltaksgraf.graph.build import build_graph

    from tiltaksgraf.paths import DEFAULT_SOURCE

    built = build_graph([DEFAULT_SOURCE])
    (docs,) = built.documents
    (report,) = built.reports
    return graph_pairs(docs), graph_statuses(report)


def summary(d: DocumentFigures, s: StatusFigures) -> str:
    p = percent
    return "\n".join(
        [
            f"documents: the rules' {d.pairs} pairs: {p(d.pairs_listed, d.pairs)} listed by the reader, "
            f"{p(d.pairs_right, d.pairs)} right after review",
            f"  the reader's {d.rows} rows found: {p(d.found, d.rows)}; core {d.found_core}/{d.core} "
            f"({p(d.found_core, d.core)}); successor plan {d.found_successor}/{d.successor}",
            f"statuses: {s.same}/{s.rows} the reader's value ({p(s.same, s.rows)}), "
            f"{s.same_or_arguable}/{s.rows} counting arguable differences ({p(s.same_or_arguable, s.rows)}); "
            f"contested the same {s.contested_same}/{s.rows} ({p(s.contested_same, s.rows)})",
        ]
    )


def main(argv: list[str]) -> int:
    if "--snapshot" in argv:  # write the baseline from the code checked out now
        pairs, statuses = current()
        BASELINE.mkdir(exist_ok=True)
        (BASELINE / "documents.csv").write_text(render_pairs(pairs), encoding="utf-8")
        (BASELINE / "statuses.csv").write_text(render_statuses(statuses), encoding="utf-8")
        return 0
    rows = read_reader_documents()
    reader = read_reader_statuses()
    if "--baseline" in argv:
        pairs, statuses = read_pairs(BASELINE / "documents.csv"), read_status_snapshot(BASELINE / "statuses.csv")
    else:
        pairs, statuses = current()
    doc_review = document_review_index(read_table(DOCUMENT_REVIEW))
    status_review = {r["measure"]: r for r in read_table(STATUS_REVIEW)}
    found = match(rows, pairs)
    if "--missed" in argv:
        listed = set(found.values())
        print("the rules' pairs the reader does not list:")
        for j, p in enumerate(pairs):
            if j not in listed:
                said = doc_review.get(("graph-only", p.measure, p.document), "")
                print(f"  {p.measure:>4} {p.document} [{p.kind}] lines {p.lines} {said}")
        print("the reader's rows the rules do not find:")
        for i, r in enumerate(rows):
            if i not in found:
                print(
                    f"  {r.measure:>4} [{r.group}] line {r.line}: {r.document} "
                    f"{doc_review.get(('reader-only', r.measure, r.document), '')}"
                )
        print("statuses that differ:")
        for m, r in reader.items():
            value, contested = statuses.get(m, ("undetermined", False))
            if value != r.status or contested != r.contested:
                print(
                    f"  {m:>4} reader {r.status}{'*' if r.contested else ''} rules {value}{'*' if contested else ''}"
                    f" {status_review.get(m, {}).get('review', '')}"
                )
    if "--matches" in argv:
        for i, j in sorted(found.items()):
            print(f"  {rows[i].measure:>4} {rows[i].document[:60]:<60} -> {pairs[j].measure} {pairs[j].document}")
    print(summary(document_figures(rows, pairs, doc_review), status_figures(reader, statuses, status_review)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
