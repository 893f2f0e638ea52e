"""The build as it was before 0.2, kept callable for the scaling benchmark: rdflib's memory store throughout.

The graph is assembled in an rdflib Graph (reference Turtle read by rdflib's parser, the sources read one
after the other), validated as an rdflib Graph and written through rdflib's N-Triples serializer; it
writes the very bytes the default build writes (``tests/graph/test_triples.py``).

    python -m bench.rdflib_path OUT_DIR SOURCE...
"""

from __future__ import annotations

import sys
from pathlib import Path

from tiltaksgraf.graph.build import BuildResult, build_graph, write_outputs
from tiltaksgraf.graph.validation import validate_graph


def build_with_rdflib(sources: list[Path], out_dir: Path) -> BuildResult:
    """Build, validate and write the graph of ``sources`` on the rdflib path; raises if it does not conform."""
    result = build_graph(sources, rdflib=True, jobs=1)
    validation = validate_graph(result.graph)
    if not validation.conforms:
        raise SystemExit(f"{len(validation.violations)} violation(s): nothing written")
    write_outputs(result, out_dir)
    return result


if __name__ == "__main__":
    build_with_rdflib([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))
