"""Write graphs deterministically (Turtle and sorted N-Triples) and atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from tiltaksgraf.graph.vocab import PREFIXES, RDF


def bind_prefixes(graph: Graph) -> Graph:
    """Bind tiltaksgraf's prefixes so written Turtle is readable."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


#: Prefixes used in the written Turtle: instance IRIs stay whole (``<…/id/measure/frihet-fra-vold/17>``) so
#: they read as they resolve, and rdf: is added for ``rdf:value``.
TURTLE_PREFIXES = {k: str(v) for k, v in PREFIXES.items() if k != "tgid"} | {"rdf": str(RDF)}


def to_turtle(graph: Graph | None, ntriples: bytes | None = None) -> bytes:
    """Turtle in a stable order: the sorted N-Triples written by Oxigraph's serializer (triples of one subject
    grouped), with the prefix lines sorted. About twenty times faster than rdflib's Turtle serializer.

    ``ntriples`` is :func:`to_sorted_ntriples` of the graph, when the caller has it already.
    """
    sorted_nt = ntriples if ntriples is not None else to_sorted_ntriples(graph)
    triples = ox.parse(sorted_nt, format=ox.RdfFormat.N_TRIPLES)
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    lines = text.split(b"\n")
    head = [line for line in lines if line.startswith(b"@prefix ")]
    return b"\n".join(sorted(head) + lines[len(head) :])


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
