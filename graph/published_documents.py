"""The registry of published documents (``data/published-documents.ttl``): where each is published, its identity.

The build adds the description of every document the graph holds (the final reports it was built from and
the plans they report on), so that evidence can be cited to the published document beside its lines.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from tiltaksgraf.graph.registry import parse_registry

from tiltaksgraf.paths import PUBLISHED_DOCUMENTS_FILE


def load_documents(path: Path = PUBLISHED_DOCUMENTS_FILE) -> Graph:
    """The registry of documents, parsed."""
    return parse_registry(path, "documents", "reinstall tiltaksgraf")


def document_descriptions(graph: Graph, documents: Graph) -> Graph:
    """The triples of ``documents`` about resources that are already subjects in ``graph``."""
    held = {s for s in documents.subjects() if (s, None, None) in graph}
    out = Graph()
    for subject in held:
        for triple in documents.triples((subject, None, None)):
            out.add(triple)
    return out
