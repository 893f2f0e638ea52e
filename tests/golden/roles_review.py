"""The review of the role rules against independent readers: the golden table, the comparison, the figures.

Three readers who never saw the code read the report with the role guide (`readers/role-guidelines.md`) and wrote
every (measure, organisation, role) they would sign: `tests/golden/readers/roles-reader-{1,2,3}.csv`.
`tests/golden/roles.csv` holds every role statement the rules make, and beside each the reader's verdict
and our review of it:

- ``reader``: what the readers say about the organisation in that measure: ``same`` (the same role),
  ``same-arguable`` (the same, with a doubt), ``other:R1;R2`` (other roles; «~» marks a doubtful one),
  ``absent`` (the readers do not list the organisation there) or ``n/a`` (responsible ministries, read
  mechanically from the table and the ministries' line, which the readers skip);
- ``review``: ``agreed`` (the reader agrees), ``disputed`` (the reader differs and we read the rules'
  statement as right or arguable: ``note`` says why), ``error`` (the reader is right and the rules are
  not fixed: ``note`` says why not), ``unreviewed`` (new or changed since the last review).

Run it to see the disagreements and the figures: ``python -m tests.golden.roles_review [--missed]``;
``TILTAKSGRAF_REGEN=1 pytest tests/loaders/test_roles_golden.py`` rewrites the table, keeping the review
of every unchanged row.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tiltaksgraf.loaders.actors import Role
from tiltaksgraf.loaders.mentions import LabelIndex

GOLDEN = Path(__file__).parent / "roles.csv"
READERS = Path(__file__).parent / "readers"
COLUMNS = ("measure", "organisation", "role", "rule", "line", "section", "reader", "review", "note")
#: The columns the rules decide; the others are the review.
RULE_COLUMNS = COLUMNS[:6]
REVIEWS = ("agreed", "disputed", "error", "unreviewed")
ORG_IRI = "https://w3id.org/tiltaksgraf/id/org/"

Key = tuple[str, str, str]  # (measure, organisation key, role)


@dataclass(frozen=True)
class ReaderRow:
    """One statement of a reader: (measure, organisation, role), the line, the quote, doubtful or not."""

    measure: str
    organisation: str
    role: str
    line: str
    quote: str
    arguable: bool
    reader: str

    @property
    def key(self) -> Key:
        return (self.measure, self.organisation, self.role)


def rule_rows(roles: Iterable[Role]) -> list[dict[str, str]]:
    """The rules' statements as rows of the golden table (review columns empty)."""
    return [
        {
            "measure": r.measure,
            "organisation": r.actor.removeprefix(ORG_IRI),
            "role": r.role,
            "rule": r.rule,
            "line": str(r.evidence.span.start),
            "section": _section(r),
            "reader": "",
            "review": "",
            "note": "",
        }
        for r in roles
    ]


def _section(role: Role) -> str:
    """Where the evidence stands: overview (the table), body (the ministries' line), status, footnote, or text
    (the title or the description)."""
    if role.rule.startswith("responsible/"):
        return role.rule.split("/", 1)[1]
    label = role.evidence.section
    return label.rsplit(", ", 1)[1] if ", " in label else "text"


def read_readers(index: LabelIndex, folder: Path = READERS) -> list[ReaderRow]:
    """Every reader's statements; an organisation written «?» is looked up by its name in the registry."""
    out: list[ReaderRow] = []
    for path in sorted(folder.glob("roles-reader-*.csv")):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            key = row["org"].strip()
            if key == "?":
                target = index.lookup(row["name"].split(" (")[0].strip())
                known = target is not None and target.iri.startswith(ORG_IRI)  # a programme is no organisation
                key = target.iri.removeprefix(ORG_IRI) if known else f"?{row['name']}"
            note = row.get("note") or ""
            out.append(
                ReaderRow(
                    row["measure"].strip(),
                    key,
                    row["role"].strip(),
                    row["line"].strip(),
                    row["quote"],
                    note.lower().startswith("arguable"),
                    path.stem,
                )
            )
    return out


def verdict(row: Mapping[str, str], readers: Mapping[tuple[str, str], list[ReaderRow]]) -> str:
    """What the readers say about one of the rules' statements (the ``reader`` column)."""
    if row["role"] == "responsible":
        return "n/a"
    found = readers.get((row["measure"], row["organisation"]), [])
    if not found:
        return "absent"
    same = [r for r in found if r.role == row["role"]]
    if same:
        return "same-arguable" if all(r.arguable for r in same) else "same"
    return "other:" + ";".join(sorted({r.role + ("~" if r.arguable else "") for r in found}))


def by_organisation(readers: Iterable[ReaderRow]) -> dict[tuple[str, str], list[ReaderRow]]:
    out: dict[tuple[str, str], list[ReaderRow]] = {}
    for r in readers:
        out.setdefault((r.measure, r.organisation), []).append(r)
    return out


def merge(new: list[dict[str, str]], old: list[dict[str, str]], readers: list[ReaderRow]) -> list[dict[str, str]]:
    """The golden table for ``new``: a row the readers agree with is ``agreed``; the review of any other row
    whose rule columns and verdict are unchanged is kept; a new or changed one is ``unreviewed``."""
    kept = {tuple(r[c] for c in RULE_COLUMNS): r for r in old}
    index = by_organisation(readers)
    out = []
    for row in new:
        row = dict(row)
        row["reader"] = verdict(row, index)
        before = kept.get(tuple(row[c] for c in RULE_COLUMNS))
        if row["reader"] in ("same", "same-arguable", "n/a"):
            row["review"], row["note"] = "agreed", ""
        elif before is not None and before["reader"] == row["reader"] and before["review"] != "agreed":
            row["review"], row["note"] = before["review"], before["note"]
        else:
            row["review"], row["note"] = "unreviewed", ""
        out.append(row)
    return out


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def read_golden(path: Path = GOLDEN) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8"))) if path.exists() else []


@dataclass(frozen=True)
class Figures:
    """What the review measured: statements, precision of the rules, recall against the readers."""

    statements: int  # every row of the golden table
    substantive: int  # rows with a role other than responsible and mentioned, in the readers' measures
    substantive_right: int  # the reader gives the same role (doubtful or not)
    substantive_arguable: int  # … or the reader's own other call is doubtful
    mentioned: int
    mentioned_right: int
    mentioned_arguable: int
    reader_substantive: int  # the readers' statements with a role other than mentioned
    reader_found: int  # … that the rules make too
    reader_found_arguable: int  # … or that the reader marks doubtful
    disputed: int
    errors: int

    @staticmethod
    def percent(part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f} %" if whole else "–"


def figures(golden: list[dict[str, str]], readers: list[ReaderRow]) -> Figures:
    """Precision of the rules' statements (responsible rows left out) and recall of the readers' statements."""
    read = [r for r in golden if r["reader"] != "n/a"]
    index = by_organisation(readers)

    def lenient(row: dict[str, str]) -> bool:
        if row["reader"].startswith("same"):
            return True
        return any(r.arguable for r in index.get((row["measure"], row["organisation"]), []))

    subst = [r for r in read if r["role"] != "mentioned"]
    named = [r for r in read if r["role"] == "mentioned"]
    rule_keys = {(r["measure"], r["organisation"], r["role"]) for r in golden}
    wanted = {r.key: r for r in readers if r.role != "mentioned" and not r.organisation.startswith("?")}
    return Figures(
        statements=len(golden),
        substantive=len(subst),
        substantive_right=sum(r["reader"].startswith("same") for r in subst),
        substantive_arguable=sum(lenient(r) for r in subst),
        mentioned=len(named),
        mentioned_right=sum(r["reader"].startswith("same") for r in named),
        mentioned_arguable=sum(lenient(r) for r in named),
        reader_substantive=len(wanted),
        reader_found=sum(k in rule_keys for k in wanted),
        reader_found_arguable=sum(k in rule_keys or r.arguable for k, r in wanted.items()),
        disputed=sum(r["review"] == "disputed" for r in golden),
        errors=sum(r["review"] == "error" for r in golden),
    )


def missed(golden: list[dict[str, str]], readers: list[ReaderRow]) -> list[ReaderRow]:
    """The readers' statements the rules do not make."""
    rule_keys = {(r["measure"], r["organisation"], r["role"]) for r in golden}
    return [r for r in readers if r.key not in rule_keys]


def summary(f: Figures) -> str:
    p = Figures.percent
    return "\n".join(
        [
            f"statements: {f.statements}; disputed {f.disputed}, errors {f.errors}",
            f"precision, roles other than mentioned ({f.substantive}): strict {p(f.substantive_right, f.substantive)}, "
            f"arguable as right {p(f.substantive_arguable, f.substantive)}",
            f"precision, mentioned ({f.mentioned}): strict {p(f.mentioned_right, f.mentioned)}, "
            f"arguable as right {p(f.mentioned_arguable, f.mentioned)}",
            f"recall, readers' roles other than mentioned ({f.reader_substantive}): "
            f"{p(f.reader_found, f.reader_substantive)}, "
            f"arguable as found {p(f.reader_found_arguable, f.reader_substantive)}",
        ]
    )


def main(argv: list[str]) -> int:
    from tiltaksgraf.graph.registry import load_registry

    registry = load_registry()
    folder = Path(argv[argv.index("--readers") + 1]) if "--readers" in argv else READERS
    readers = read_readers(registry.index, folder)
    golden = read_golden()
    index = by_organisation(readers)
    for row in golden:
        if row["review"] in ("unreviewed",) or ("--all" in argv and row["review"] in ("disputed", "error")):
            said = index.get((row["measure"], row["organisation"]), [])
            print(
                f"{row['measure']:>4} {row['organisation']:<28} rules {row['role']:<13} {row['rule']:<36}"
                f" line {row['line']:<5} reader {row['reader']}  {row['review']} {row['note']}"
            )
            for r in said:
                print(f"{'':38}reader {r.role:<13}{'~' if r.arguable else ' '} line {r.line}: {r.quote[:110]}")
    if "--missed" in argv:
        print("\nmissed (the readers say, the rules do not):")
        for r in missed(golden, readers):
            if r.role != "mentioned":
                print(
                    f"{r.measure:>4} {r.organisation:<28} {r.role:<13}{'~' if r.arguable else ' '} line {r.line}: "
                    f"{r.quote[:120]}"
                )
    print()
    print(summary(figures(golden, readers)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
