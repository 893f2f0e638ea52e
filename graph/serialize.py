"""Write graphs deterministically (Turtle and sorted N-Triples) and atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from graph.vocab import PREFIXES


def bind_prefixes(graph: Graph) -> Graph:
    """Bind tiltaksgraf's prefixes so written Turtle is readable."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_turtle(graph: Graph) -> bytes:
    """Turtle with subjects and predicates in a stable order (rdflib sorts them; no blank nodes are used)."""
    return bind_prefixes(graph).serialize(format="turtle", encoding="utf-8")


def to_sorted_ntriples(graph: Graph) -> bytes:
    """N-Triples, one triple per line, lines sorted: a canonical text form for diffs and checksums."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
