"""Write graphs deterministically (Turtle and sorted N-Triples) and atomically (temporary file, then rename).

:func:`write_atomic` writes one file, :func:`write_all` several as one: every file is written and synced
to a temporary file beside it first, and only when all of them are whole are they renamed into place, so a
full disk or an unwritable folder leaves the previous files as they were (all of them, or none replaced).
Files get the permissions the user's umask gives (not the 0600 of a temporary file).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Mapping
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
#: they read as they resolve, and rdf: is added for ``rdf:type`` and lists.
TURTLE_PREFIXES = {k: str(v) for k, v in PREFIXES.items() if k != "tgid"} | {"rdf": str(RDF)}


def to_turtle(graph: Graph | None, ntriples: bytes | None = None, prefixes: Mapping[str, str] | None = None) -> bytes:
    """Turtle in a stable order: the sorted N-Triples written by Oxigraph's serializer (triples of one subject
    grouped), with the prefix lines sorted. About twenty times faster than rdflib's Turtle serializer.

    ``ntriples`` is :func:`to_sorted_ntriples` of the graph, when the caller has it already; ``prefixes``
    replace :data:`TURTLE_PREFIXES`.
    """
    sorted_nt = ntriples if ntriples is not None else to_sorted_ntriples(graph)
    triples = ox.parse(sorted_nt, format=ox.RdfFormat.N_TRIPLES)
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(prefixes or TURTLE_PREFIXES))
    end = 0  # where the prefix lines end: only they are sorted (a corpus's Turtle is hundreds of MB)
    while text.startswith(b"@prefix ", end):
        end = text.find(b"\n", end) + 1 or len(text)
    head = text[:end].rstrip(b"\n").split(b"\n") if end else []
    return b"\n".join([*sorted(head), text[end:]]) if head else text


def to_sorted_ntriples(graph: Graph) -> bytes:
    """N-Triples, one triple per line, lines sorted: a canonical text form for diffs and checksums."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    # Split on LF only: N-Triples ends a triple there, and a literal may hold a form feed, NEL or U+2028,
    # on which str.splitlines() would cut the triple in two.
    lines = sorted(line for line in text.split("\n") if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


class OutputError(OSError):
    """An output file could not be written; the message names it and says what was left as it was."""


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux), else set and set back."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temporary(path: Path, data: bytes) -> Path:
    """``data`` in a synced temporary file beside ``path``, with the mode a new file would get."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a part of the path is a file
        raise NotADirectoryError(errno.ENOTDIR, "a part of the path is a file, not a folder", str(path.parent)) from exc
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half of one."""
    write_all({path: data})


def write_all(files: Mapping[Path, bytes]) -> None:
    """Write several files as one: all of them replaced, or (on any error) none, the old ones kept.

    Raises :class:`OutputError` naming the file that failed and why.
    """
    written: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            written[path] = _temporary(path, data)
    except OSError as exc:
        for tmp in written.values():
            tmp.unlink(missing_ok=True)
        raise OutputError(_why(path, exc, len(files))) from exc
    backups: dict[Path, Path] = {}
    done: list[Path] = []
    try:
        for path, tmp in written.items():
            if len(files) > 1 and path.exists():
                _keep_old(path, backups)
            os.replace(tmp, path)
            done.append(path)
    except OSError as exc:
        for old in done:  # put back what was replaced already
            if old in backups:
                os.replace(backups[old], old)
            else:
                old.unlink(missing_ok=True)
        for tmp in written.values():
            tmp.unlink(missing_ok=True)
        raise OutputError(_why(path, exc, len(files))) from exc
    finally:
        for backup in backups.values():
            with contextlib.suppress(OSError):
                backup.unlink(missing_ok=True)


def _keep_old(path: Path, backups: dict[Path, Path]) -> None:
    """A hard link to the old file, to put it back if a later rename fails (it takes no space)."""
    backup = path.with_name(f".{path.name}.{os.getpid()}.old")
    with contextlib.suppress(OSError):  # a file system without hard links: no way back, but no harm
        backup.unlink(missing_ok=True)
        os.link(path, backup)
        backups[path] = backup


_HINTS = {
    errno.ENOSPC: "free some space",
    errno.EDQUOT: "free some space",
    errno.EACCES: "check the permissions",
    errno.EPERM: "check the permissions",
    errno.EROFS: "write somewhere else with -o",
}


def _why(path: Path, exc: OSError, count: int) -> str:
    reason = (exc.strerror or str(exc)).lower()
    hint = _HINTS.get(exc.errno or 0)
    kept = "the previous files are unchanged" if count > 1 else "any previous file is unchanged"
    return f"cannot write {path}: {reason}; {kept}" + (f" ({hint})" if hint else "")
