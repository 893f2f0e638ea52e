"""``make fuzz``: the long run of the fuzz suite, by hand. Counts outcomes instead of stopping at the first failure.

    python -m tests.fuzz.run [--scale 1.0]

Four phases, each hypothesis-generated mutations (tests/fuzz/mutations.py, huge lines up to
TILTAKSGRAF_FUZZ_HUGE characters): the fixture world through the loader, the real report through the loader,
the fixture world through the whole build, and ``tiltaksgraf build`` on the command line. A case is a *hang*
when it takes longer than HANG_SECONDS, a *failure* when it ends in an exception other than the project's
own error, or in an outcome outside tests/fuzz/outcomes.ALLOWED. The figures are printed and written to
tests/fuzz/last-run.txt (the README quotes them; tests/fuzz/test_figures.py checks the quote). Failing inputs
are kept in build/fuzz-failures/ to reproduce. Exit 0 only with no failure and no hang.
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

os.environ.setdefault("TILTAKSGRAF_FUZZ_HUGE", "100000")
os.environ["TILTAKSGRAF_FUZZ_PROFILE"] = "fuzz"

from hypothesis import HealthCheck, given, settings

from tests.fuzz.mutations import HUGE, mutated_reports
from tests.fuzz.outcomes import ALLOWED, build_outcome, cli_kind, load_outcome
from tiltaksgraf.cli import main
from tiltaksgraf.paths import DEFAULT_SOURCE

ROOT = Path(__file__).resolve().parents[2]
MINI_TEXT = (ROOT / "tests" / "fixtures" / "mini-report.md").read_text(encoding="utf-8")
REPORT_TEXT = DEFAULT_SOURCE.read_text(encoding="utf-8")
HANG_SECONDS = 30.0
ABORT_SECONDS = 300
FIGURES = ROOT / "tests" / "fuzz" / "last-run.txt"
FAILURES = ROOT / "build" / "fuzz-failures"


class _Aborted(BaseException):
    pass


def _cli(data: bytes, folder: Path) -> str:
    path = folder / "report.md"
    path.write_bytes(data)
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = main(["build", str(path), "-o", str(folder / "out"), "-q"])
    return cli_kind(code, err.getvalue(), path)


PHASES = [
    ("fixture world, loader", MINI_TEXT, load_outcome, 8200),
    ("real report, loader", REPORT_TEXT, load_outcome, 600),
    ("fixture world, whole build", MINI_TEXT, build_outcome, 1000),
    ("fixture world, tiltaksgraf build", MINI_TEXT, _cli, 200),
]


def _keep(stem: str, data: bytes, note: str) -> None:
    """Keep a failing or hanging input (``stem.md``) and what happened (``stem.txt``) to reproduce."""
    FAILURES.mkdir(parents=True, exist_ok=True)
    (FAILURES / f"{stem}.md").write_bytes(data)
    (FAILURES / f"{stem}.txt").write_text(note, encoding="utf-8")


def run_phase(name: str, text: str, outcome, cases: int, tally: Counter, slowest: list[float]) -> None:
    kept = 0

    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(mutated_reports(text))
    def case(data: bytes) -> None:
        nonlocal kept
        tally[(name, "cases")] += 1
        started = time.perf_counter()
        signal.alarm(ABORT_SECONDS)
        try:
            with tempfile.TemporaryDirectory() as folder:
                kind = outcome(data, Path(folder))
        except _Aborted:
            kind = "aborted"
        except Exception as exc:  # the thing the suite is looking for
            kind = f"uncaught {type(exc).__name__}"
            if kept < 20:
                _keep(f"{name.split(',')[0].replace(' ', '-')}-{kept}", data, traceback.format_exc())
                kept += 1
        finally:
            signal.alarm(0)
        elapsed = time.perf_counter() - started
        slowest.append(elapsed)
        tally[(name, kind)] += 1
        if elapsed > HANG_SECONDS or kind == "aborted":
            tally[(name, "hang")] += 1
            _keep(
                f"hang-{name.split(',')[0].replace(' ', '-')}-{tally[(name, 'hang')]}",
                data,
                f"{elapsed:.1f} s, {kind}\n",
            )

    case()


def main_(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="make fuzz")
    p.add_argument("--scale", type=float, default=1.0, help="multiply the number of cases (default 1)")
    p.add_argument("--phase", type=int, action="append", help="run only this phase (1-4; repeatable)")
    args = p.parse_args(argv)

    def abort(*_: object) -> None:
        raise _Aborted

    signal.signal(signal.SIGALRM, abort)
    tally: Counter = Counter()
    slowest: list[float] = []
    started = time.perf_counter()
    phases = [ph for i, ph in enumerate(PHASES, 1) if not args.phase or i in args.phase]
    for name, text, outcome, cases in phases:
        phase_start = time.perf_counter()
        run_phase(name, text, outcome, max(1, int(cases * args.scale)), tally, slowest)
        print(f"{name}: {tally[(name, 'cases')]} cases in {time.perf_counter() - phase_start:.0f} s", file=sys.stderr)
    total = sum(tally[(name, "cases")] for name, *_ in phases)
    failures = sum(n for (name, kind), n in tally.items() if kind not in ALLOWED | {"cases", "hang"})
    hangs = sum(tally[(name, "hang")] for name, *_ in phases)
    lines = [
        f"make fuzz: {total} cases in {time.perf_counter() - started:.0f} s; huge lines up to {HUGE} characters",
        f"uncaught exceptions or broken promises: {failures}; hangs (over {HANG_SECONDS:g} s): {hangs}; "
        f"slowest case: {max(slowest):.1f} s",
    ]
    for name, *_ in phases:
        kinds = sorted(((k, n) for (ph, k), n in tally.items() if ph == name and k not in ("cases", "hang")))
        lines.append(f"  {name}: {tally[(name, 'cases')]} cases: " + ", ".join(f"{k} {n}" for k, n in kinds))
    report = "\n".join(lines) + "\n"
    print(report, end="")
    if args.scale == 1.0 and not args.phase:
        FIGURES.write_text(report, encoding="utf-8")
    return 0 if failures == 0 and hangs == 0 else 1


if __name__ == "__main__":
    sys.exit(main_())
