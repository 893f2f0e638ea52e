"""`tiltaksgraf build` is quiet by default: a short summary on stdout, nothing on stderr, differences of
form counted in one line, warnings counted in one line; `-v` shows progress, every finding and warning."""

from __future__ import annotations

import contextlib
import io
import shlex
import subprocess
from pathlib import Path

import pytest

from tiltaksgraf.cli import main


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """stdout and stderr of `build` and `build -v` on the real report."""
    out = {}
    for name, extra in (("default", []), ("verbose", ["-v"])):
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            assert main(["build", "-o", str(tmp_path_factory.mktemp(name)), *extra]) == 0
        out[name] = (stdout.getvalue(), stderr.getvalue())
    return out


def test_by_default_a_short_summary_and_nothing_on_stderr(outputs):
    out, err = outputs["default"]
    assert err == ""
    assert len(out.splitlines()) <= 25
    assert "title-differs-trivially" not in out and "Sørg for at" not in out
    line = next(x for x in out.splitlines() if x.startswith("titles that differ only in form"))
    assert "10 (measures 18, 23, 33, 34, 37, 48, 50, 52, 76, 79); -v lists them" in line
    assert "the source disagrees with itself (10):" in out


def test_warnings_are_counted_in_one_line(outputs):
    out, _ = outputs["default"]
    (line,) = [x for x in out.splitlines() if x.startswith("validation:")]
    assert line.startswith("validation: 0 violations, 23 warning(s): 11 × The status readings disagree")
    assert "11 × The organisation is in the registry" in line
    assert "1 × No status rule matched" in line
    assert "Finnmarkssykehuset" not in out  # the organisations themselves: `tiltaksgraf validate`


def test_verbose_shows_everything(outputs):
    out, err = outputs["verbose"]
    assert "read " in err and "validating the graph" in err
    assert err.count("The organisation is in the registry, but no role") == 11  # each warning once
    assert out.count("title-differs-trivially") == 10
    assert "misspelt-plan-name" in out and out.count(": misspelt-plan-name:") == 15


def test_make_demo_prints_each_warning_once(tmp_path):
    """The demo builds, then validates: the warnings are counted by the first and listed by the second."""
    root = Path(__file__).resolve().parents[2]
    recipe = subprocess.run(["make", "-s", "-n", "demo"], cwd=root, capture_output=True, text=True, check=True)
    commands = [line for line in recipe.stdout.splitlines() if line.startswith(".venv/bin/tiltaksgraf ")]
    assert [c.split()[1] for c in commands] == ["build", "validate", "query", "network", "viz", "site"]
    printed = ""
    for command in commands:
        argv = [str(root / command.split()[0]), *shlex.split(command)[1:]]
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        printed += done.stdout + done.stderr
    assert printed.count("The organisation is in the registry, but no role in any measure points to it") == 1
    assert printed.count("No status rule matched: the status is «undetermined», and a person should read") == 1
    assert printed.count("Telemark fengsel") == 1
