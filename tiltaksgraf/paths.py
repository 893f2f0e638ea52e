"""Where the project's data files are: the one module that knows.

The repository keeps its data in top-level folders (``ontology/``, ``queries/``, ``data/``); the package maps
them to ``tiltaksgraf.ontology``, ``tiltaksgraf.queries`` and ``tiltaksgraf.data`` (see ``pyproject.toml``), so
they are found through :mod:`importlib.resources` wherever pip puts the package, editable or not.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def _package_dir(package: str) -> Path:
    """The folder of a data package, as a real path (the package is always installed unzipped)."""
    return Path(str(resources.files(package)))


ONTOLOGY_DIR = _package_dir("tiltaksgraf.ontology")
QUERIES_DIR = _package_dir("tiltaksgraf.queries")
DATA_DIR = _package_dir("tiltaksgraf.data")
SOURCES_DIR = DATA_DIR / "sources"
#: Where ``build`` writes and other commands read by default: ``build/`` in the working folder.
BUILD_DIR = Path(os.environ.get("TILTAKSGRAF_BUILD", "build"))

#: The embedded default source: the final report on «Frihet fra vold», April 2025.
DEFAULT_SOURCE = SOURCES_DIR / "frihet-fra-vold-sluttrapport-2025.md"
ORGANISATIONS_FILE = DATA_DIR / "organisations.ttl"
PROGRAMMES_FILE = DATA_DIR / "programmes.ttl"
LEGISLATION_FILE = DATA_DIR / "legislation.ttl"
PUBLISHED_DOCUMENTS_FILE = DATA_DIR / "published-documents.ttl"
CATALOG_FILE = DATA_DIR / "catalog.ttl"
GRAPH_FILE = BUILD_DIR / "graph.ttl"
