"""Read the sources for a build: each report parsed and its actors read, in worker processes when there are several.

Reading is pure (a source and the registry in, a typed model out) and takes most of a build's time, so a
corpus is read by one process per core. The graph is still written by the calling process, report by report
in the order of the sources, so a build writes the same bytes whatever the number of processes.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from tiltaksgraf.graph.actors_rdf import Actors, read_actors
from tiltaksgraf.graph.documents_rdf import LegalName, legal_names, load_legislation
from tiltaksgraf.graph.registry import Registry, load_registry, misspellings
from tiltaksgraf.loaders.documents import Documents, read_documents
from tiltaksgraf.loaders.errors import SourceError
from tiltaksgraf.loaders.measure_text import measure_parts
from tiltaksgraf.loaders.model import Report
from tiltaksgraf.loaders.quality import misspelt_name_findings
from tiltaksgraf.loaders.report import parse_report, read_source

#: What a worker needs besides the source: the registry, its misspellings, and the names of the legislation.
Context = tuple[Registry, dict[str, str], list[LegalName]]


def read_report(source: Path, context: Context) -> tuple[Report, Actors, Documents]:
    """One source: the report with its findings (the registry's known misspellings and the documents' included),
    its actors and the documents it names."""
    registry, names, legal = context
    text = read_source(source)  # read once: the report, its misspellings, documents and actors all come from it
    report = parse_report(text, source)
    if names:
        report.findings += misspelt_name_findings(text, report.measures, names)
    parts = measure_parts(report, text)
    documents = read_documents(report, parts, registry.index, legal)
    report.findings += documents.findings
    return report, read_actors(report, text, registry, parts), documents


def default_jobs(sources: int) -> int:
    """Processes for reading ``sources`` reports: one per core, none extra for a single report."""
    return max(1, min(sources, os.cpu_count() or 1)) if sources > 1 else 1


def read_reports(
    sources: Sequence[Path], registry: Registry, paths: tuple[Path, Path | None, Path], jobs: int | None = None
) -> Iterator[tuple[Path, Report, Actors, Documents]]:
    """Each source read, in the order given; ``jobs`` processes (default :func:`default_jobs`).

    ``paths`` are the registry's files and the legislation's: a worker process loads them once.
    """
    jobs = default_jobs(len(sources)) if jobs is None else jobs
    if jobs <= 1:
        context = (registry, misspellings(registry.graph), legal_names(load_legislation(paths[2])))
        for source in sources:
            yield (source, *read_report(source, context))
        return
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=paths) as pool:
        pending: deque[tuple[Path, Future]] = deque()
        queue = iter(sources)
        for source in itertools.islice(queue, 2 * jobs):  # a few ahead, not the whole corpus in memory at once
            pending.append((source, pool.submit(_read_in_worker, source)))
        while pending:
            source, future = pending.popleft()
            report, actors, documents, error = future.result()
            for more in itertools.islice(queue, 1):
                pending.append((more, pool.submit(_read_in_worker, more)))
            if error is not None:
                raise SourceError(*error)
            yield source, report, actors, documents


_WORKER: Context | None = None


def _start_worker(registry_path: Path, programmes_path: Path | None, legislation_path: Path) -> None:
    global _WORKER
    registry = load_registry(registry_path, programmes_path)
    _WORKER = (registry, misspellings(registry.graph), legal_names(load_legislation(legislation_path)))


def _read_in_worker(source: Path):
    assert _WORKER is not None
    try:
        return (*read_report(source, _WORKER), None)
    except SourceError as exc:  # sent back as its parts: its pickled form would not rebuild it
        return None, None, None, (exc.path, exc.message, exc.line, exc.hint)
