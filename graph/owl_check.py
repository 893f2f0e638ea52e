"""OWL 2 DL: the profile check and a HermiT run over the ontology and the graph, in one Java process.

The check runs ``OwlCheck.java`` (beside this module) on the HermiT.jar that the ``owlready2`` package
ships: HermiT 1.3.8 and, inside the same jar, the OWL API 3.4 whose ``OWL2DLProfile`` does the profile
check. It needs a Java runtime (11 or later) on ``PATH`` or in ``JAVA_HOME`` and ``owlready2`` installed
(the ``owl`` extra, part of ``test``); ``TILTAKSGRAF_HERMIT_JAR`` points to another HermiT.jar.
The Java file is compiled once per version of it and of the jar, into the user's cache folder.

``make owl`` (``scripts/owl-check.py``) prints the report for ``build/graph.ttl``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from tiltaksgraf.graph.serialize import to_sorted_ntriples

SOURCE = Path(__file__).with_name("OwlCheck.java")
#: Short-lived JVM: the client compiler and the serial collector start fastest (about 2 s for the graph).
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx2g")
TIMEOUT = 300


class OwlToolError(RuntimeError):
    """Java or HermiT is missing, or the check did not run; the message says what to install."""


@dataclass
class OwlReport:
    """What the profile check and HermiT said about one file."""

    path: str
    axioms: int = 0
    violations: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)
    consistent: bool | None = None
    unsatisfiable: list[str] = field(default_factory=list)
    refused: str | None = None  # HermiT's reason for not reasoning
    error: str | None = None  # the file could not be read

    @property
    def ok(self) -> bool:
        """In the OWL 2 DL profile, consistent, and no class unsatisfiable."""
        return not self.violations and self.consistent is True and not self.unsatisfiable and not self.error

    def summary(self) -> str:
        """One line for people: ``graph.ttl: OWL 2 DL, consistent, 0 unsatisfiable classes (35000 axioms)``."""
        if self.error:
            return f"{self.path}: not read: {self.error}"
        profile = "OWL 2 DL" if not self.violations else f"{len(self.violations)} OWL 2 DL profile violation(s)"
        if self.refused:
            reasoner = f"HermiT refused: {self.refused}"
        else:
            reasoner = "consistent" if self.consistent else "INCONSISTENT"
            reasoner += f", {len(self.unsatisfiable)} unsatisfiable class(es)"
        return f"{self.path}: {profile}, {reasoner} ({self.axioms} axioms)"


def java() -> str:
    """The ``java`` executable: ``$JAVA_HOME/bin/java``, else the one on ``PATH``."""
    home = os.environ.get("JAVA_HOME")
    candidate = Path(home, "bin", "java") if home else None
    if candidate and candidate.exists():
        return str(candidate)
    found = shutil.which("java")
    if not found:
        raise OwlToolError("no Java runtime: install one (apt-get install default-jdk-headless) or set JAVA_HOME")
    return found


def hermit_jar() -> Path:
    """HermiT.jar: ``$TILTAKSGRAF_HERMIT_JAR``, else the one in the installed ``owlready2`` package."""
    if os.environ.get("TILTAKSGRAF_HERMIT_JAR"):
        return Path(os.environ["TILTAKSGRAF_HERMIT_JAR"])
    spec = importlib.util.find_spec("owlready2")
    if spec is None or not spec.submodule_search_locations:
        raise OwlToolError("owlready2 is not installed (it ships HermiT): pip install 'tiltaksgraf[owl]'")
    jar = Path(next(iter(spec.submodule_search_locations)), "hermit", "HermiT.jar")
    if not jar.exists():
        raise OwlToolError(f"{jar}: owlready2 has no HermiT.jar here; reinstall owlready2")
    return jar


def compiled_classes(jar: Path) -> Path:
    """The folder with ``OwlCheck.class``, compiled on first use (atomically: parallel tests may race)."""
    digest = hashlib.sha256(SOURCE.read_bytes() + str(jar.stat().st_size).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"), "tiltaksgraf", f"owl-check-{digest}")
    if (cache / "OwlCheck.class").exists():
        return cache
    javac = shutil.which("javac", path=str(Path(java()).parent)) or shutil.which("javac")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
    except OSError:  # no writable home: compile into the temporary folder
        cache = Path(tempfile.gettempdir(), f"tiltaksgraf-owl-check-{digest}")
    work = Path(tempfile.mkdtemp(prefix=".owl-check-", dir=cache.parent))
    if javac:
        command = [javac, "-nowarn", "-cp", str(jar), "-d", str(work), str(SOURCE)]
    else:  # a JRE without javac: let java compile the source and keep nothing (slower, same result)
        shutil.rmtree(work)
        return SOURCE
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        raise OwlToolError(f"{SOURCE}: does not compile against {jar}: {done.stderr.strip()[:500]}")
    try:
        work.rename(cache)
    except OSError:  # another process got there first
        shutil.rmtree(work, ignore_errors=True)
    return cache


def check_files(paths: Sequence[Path]) -> list[OwlReport]:
    """Run the profile check and HermiT on each RDF file (Turtle, N-Triples or RDF/XML)."""
    jar = hermit_jar()
    classes = compiled_classes(jar)
    if classes == SOURCE:
        command = [java(), *JAVA_OPTIONS, "-cp", str(jar), str(SOURCE)]
    else:
        command = [java(), *JAVA_OPTIONS, "-cp", os.pathsep.join([str(jar), str(classes)]), "OwlCheck"]
    try:
        done = subprocess.run(
            [*command, *map(str, paths)], capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired as exc:
        raise OwlToolError(f"the OWL check did not finish in {TIMEOUT} s") from exc
    reports = parse_output(done.stdout)
    if done.returncode != 0 or len(reports) != len(paths):
        raise OwlToolError(f"the OWL check failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
    return reports


def check_graph(graph: Graph, name: str = "graph") -> OwlReport:
    """Check an rdflib graph: written to a temporary N-Triples file (N-Triples is Turtle to the OWL API)."""
    with tempfile.TemporaryDirectory(prefix="tiltaksgraf-owl-") as folder:
        path = Path(folder, f"{name}.ttl")
        path.write_bytes(to_sorted_ntriples(graph))
        report = check_files([path])[0]
    report.path = name
    return report


def parse_output(text: str) -> list[OwlReport]:
    """The reports in OwlCheck's tab-separated output."""
    reports: list[OwlReport] = []
    for line in text.splitlines():
        key, _, rest = line.partition("\t")
        if key == "file":
            reports.append(OwlReport(rest))
            continue
        if not reports or key == "end":
            continue
        report = reports[-1]
        if key == "axioms":
            report.axioms = int(rest)
        elif key == "violation":
            kind, _, message = rest.partition("\t")
            report.violations.append((kind, message))
        elif key == "consistent":
            report.consistent = rest == "true"
        elif key == "unsatisfiable":
            report.unsatisfiable.append(rest)
        elif key == "refused":
            report.refused = rest
        elif key == "error":
            report.error = rest
    return reports
