"""What a mutated report may come to: a report or a graph, or the project's own error naming file and line.

Each function returns the kind of outcome; any other exception is not caught here and fails the fuzz suite
(``make fuzz`` counts it). Kinds outside :data:`ALLOWED` break the promise too.
"""

from __future__ import annotations

import re
from pathlib import Path

from tiltaksgraf.graph.build import build_graph, write_outputs
from tiltaksgraf.graph.validation import validate_graph
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.report import load_report

#: Outcomes that keep the promise.
ALLOWED = {"report", "graph", "source-error", "exit 0", "exit 2 naming file and line"}
_MESSAGE = re.compile(r"tiltaksgraf build: error: (?P<path>.+?):(?P<line>\d+): \S")


def _error_kind(exc: SourceError, path: Path) -> str:
    return "source-error" if exc.path == str(path) and exc.line else "source-error without file and line"


def load_outcome(data: bytes, folder: Path) -> str:
    """Through the loader: ``report``, or ``source-error`` with file and line."""
    path = folder / "report.md"
    path.write_bytes(data)
    try:
        load_report(path)
    except SourceError as exc:
        return _error_kind(exc, path)
    return "report"


def build_outcome(data: bytes, folder: Path) -> str:
    """Through the whole build (load, graph, validation, writing): ``graph``, or ``source-error``."""
    path = folder / "report.md"
    path.write_bytes(data)
    try:
        result = build_graph([path])
    except SourceError as exc:
        return _error_kind(exc, path)
    validation = validate_graph(result.graph)
    if not validation.conforms:  # the source was unusable, and the loader did not say where
        return "violations: " + ", ".join(sorted({f"{i.shape} on {i.node}" for i in validation.violations}))[:300]
    write_outputs(result, folder / "out")
    return "graph"


def cli_outcome(data: bytes, folder: Path, main, capsys) -> str:
    """Through ``tiltaksgraf build``: ``exit 0``, or exit 2 with one line on stderr naming file and line."""
    path = folder / "report.md"
    path.write_bytes(data)
    code = main(["build", str(path), "-o", str(folder / "out"), "-q"])
    return cli_kind(code, capsys.readouterr().err, path)


def cli_kind(code: int, err: str, path: Path) -> str:
    """The outcome of a ``tiltaksgraf build`` of ``path`` from its exit code and what it printed on stderr."""
    if code != 2:
        return f"exit {code}"
    last = err.rstrip("\n").split("\n")[-1]
    m = _MESSAGE.match(last)
    return "exit 2 naming file and line" if m and m.group("path") == str(path) else f"exit 2 saying {last[:80]!r}"
