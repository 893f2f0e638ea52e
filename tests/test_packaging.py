"""The wheel works wherever pip puts it: built from the checkout, installed into a clean virtual environment
outside it, and run from another folder (build → validate → query → network → viz).

Offline: the wheel is built with the test environment's setuptools (``--no-build-isolation``) and installed
without its dependencies (``--no-deps --no-index``); the clean environment finds those through a ``.pth``
file naming this environment's site-packages. The package itself comes only from the wheel: the test
checks where ``tiltaksgraf`` is imported from.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tiltaksgraf import __version__

ROOT = Path(__file__).resolve().parents[1]
#: Not part of a wheel build: environments, caches, build output, the tests themselves.
_NOT_SOURCE = shutil.ignore_patterns(
    ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache", "tests", "bench"
)


def _run(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel built from a copy of the checkout, and the build's log."""
    src = tmp_path_factory.mktemp("src") / "tiltaksgraf"
    shutil.copytree(ROOT, src, ignore=_NOT_SOURCE)
    dist = src.parent / "dist"
    argv = [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation", "--no-index"]
    built = _run([*argv, "-w", str(dist), str(src)], cwd=src.parent)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (path,) = dist.glob("tiltaksgraf-*.whl")
    return path, built.stdout + built.stderr


@pytest.fixture(scope="module")
def installed(wheel: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean virtual environment with the wheel installed: its bin/ folder."""
    venv = tmp_path_factory.mktemp("venv") / "clean"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], venv)
    site = Path(purelib.stdout.strip())
    (site / "tiltaksgraf-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    argv = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q"]
    done = _run([*argv, str(wheel[0])], cwd=venv)
    assert done.returncode == 0, done.stderr
    return venv / "bin"


def test_the_wheel_builds_without_warnings_about_ignored_packages(wheel):
    _, log = wheel
    assert "would be ignored" not in log and "Package would be" not in log


def test_one_import_name_in_the_wheel(wheel):
    """No generic top-level names (graph, loaders, viz): everything is under tiltaksgraf/."""
    with zipfile.ZipFile(wheel[0]) as whl:
        names = whl.namelist()
        top_level = next(n for n in names if n.endswith(".dist-info/top_level.txt"))
        assert whl.read(top_level).decode().split() == ["tiltaksgraf"]
    tops = {n.split("/")[0] for n in names}
    assert tops == {"tiltaksgraf", f"tiltaksgraf-{__version__}.dist-info"}


def test_every_data_file_of_the_mapped_folders_is_in_the_wheel(wheel):
    """A data file in a folder that pyproject.toml does not list as a package would be missing once installed."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    with zipfile.ZipFile(wheel[0]) as whl:
        names = set(whl.namelist())
    shipped = [pattern.removeprefix("*") for pattern in config["package-data"]["*"]]  # ".ttl", …, "LICENSE.txt"
    missing = []
    for package, folder in config["package-dir"].items():
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and (path.suffix == ".py" or path.name.endswith(tuple(shipped))):
                if "__pycache__" in path.parts:
                    continue
                inside = package.replace(".", "/") + "/" + path.relative_to(ROOT / folder).as_posix()
                if inside not in names:
                    missing.append(inside)
    assert missing == []


def test_installed_from_the_wheel_it_runs_from_another_folder(installed, tmp_path):
    """build → validate → query measures → network organisations → viz organisations, all from the wheel."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "TILTAKSGRAF_BUILD"}}
    tool = str(installed / "tiltaksgraf")

    def ok(*argv: str) -> str:
        done = _run([tool, *argv], cwd=tmp_path, env=env)
        assert done.returncode == 0, f"tiltaksgraf {' '.join(argv)}: {done.stderr}"
        return done.stdout

    where = _run([str(installed / "python"), "-c", "import tiltaksgraf; print(tiltaksgraf.__file__)"], tmp_path, env)
    assert where.stdout.startswith(str(installed.parent)), "tiltaksgraf must come from the wheel, not the checkout"
    generic = _run([str(installed / "python"), "-c", "import graph"], tmp_path, env)
    assert "No module named 'graph'" in generic.stderr
    assert ok("--version") == f"tiltaksgraf {__version__}\n"
    assert "measures: 82" in ok("build")
    assert (tmp_path / "build" / "graph.ttl").is_file()
    assert "conforms: 0 violation(s)" in ok("validate")
    assert ok("query", "measures", "-f", "csv").splitlines()[0] == "measure,title,focus_area,status,continuation"
    nodes, edges = map(int, re.search(r"nodes: (\d+)\s+edges: (\d+)", ok("network", "organisations")).groups())
    assert nodes > 50 and edges > nodes
    ok("viz", "organisations", "-o", "organisations.html")
    assert "<html" in (tmp_path / "organisations.html").read_text(encoding="utf-8").lower()
    assert "measures-by-status" in ok("queries")
    ok("site", "-o", "site")  # templates, assets and the vendored YASGUI come from the wheel too
    for page in ("index.html", "query.html", "yasgui/yasgui.min.js", "assets/query.js", "id/org/nkvts.html"):
        assert (tmp_path / "site" / page).is_file(), page
