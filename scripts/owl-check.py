"""Run the OWL 2 DL profile check and HermiT over RDF files (default: build/graph.ttl); `make owl` runs it.

    .venv/bin/python scripts/owl-check.py [FILE…]

Exit 0 when every file is in OWL 2 DL, consistent and without unsatisfiable classes, 1 otherwise, 2 when
the check cannot run (no Java, no owlready2, no such file).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tiltaksgraf.graph.owl_check import OwlToolError, check_files

SHOWN = 20


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or [Path("build/graph.ttl")]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"{missing[0]}: no such file (run `tiltaksgraf build` first)", file=sys.stderr)
        return 2
    try:
        reports = check_files(paths)
    except OwlToolError as exc:
        print(f"owl-check: {exc}", file=sys.stderr)
        return 2
    for report in reports:
        print(report.summary())
        for kind, message in report.violations[:SHOWN]:
            print(f"  {kind}: {message[:300]}")
        for iri in report.unsatisfiable:
            print(f"  unsatisfiable: {iri}")
    return 0 if all(r.ok for r in reports) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
