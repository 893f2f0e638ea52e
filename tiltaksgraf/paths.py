"""Where the project's data folders are: the one module that knows."""

from __future__ import annotations

import os
from pathlib import Path

#: The project root: the folder holding ``ontology/``, ``queries/`` and ``data/``.
#: ``TILTAKSGRAF_HOME`` overrides it (for an installed copy run outside the checkout).
ROOT = Path(os.environ.get("TILTAKSGRAF_HOME", Path(__file__).resolve().parent.parent))

ONTOLOGY_DIR = ROOT / "ontology"
QUERIES_DIR = ROOT / "queries"
DATA_DIR = ROOT / "data"
SOURCES_DIR = DATA_DIR / "sources"
BUILD_DIR = Path(os.environ.get("TILTAKSGRAF_BUILD", "build"))

#: The embedded default source: the final report on «Frihet fra vold», April 2025.
DEFAULT_SOURCE = SOURCES_DIR / "frihet-fra-vold-sluttrapport-2025.md"
ORGANISATIONS_FILE = DATA_DIR / "organisations.ttl"
PROGRAMMES_FILE = DATA_DIR / "programmes.ttl"
GRAPH_FILE = BUILD_DIR / "graph.ttl"
