"""The ``tiltaksgraf`` command: registers one sub-command per module in :mod:`tiltaksgraf.commands`.

Exit codes: 0 success; 1 the graph has violations (``build``, ``validate``); 2 bad input or usage;
3 an internal error (a bug); 130 interrupted. Results go to stdout, progress and errors to stderr. Every
failure becomes its exit code and one line in one place, :mod:`tiltaksgraf.cli.failures`; ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from tiltaksgraf.cli.argparser import Parser, VersionAction
from tiltaksgraf.cli.commands import COMMANDS
from tiltaksgraf.cli.failures import exit_code_and_message

DESCRIPTION = """\
tiltaksgraf: a knowledge graph of the measures and actors in Norway's action plan against domestic
violence «Frihet fra vold» (2021–2024), built from its final report (April 2025).
"""

EPILOG = """\
examples:
  tiltaksgraf build                          build build/graph.ttl from the embedded report
  tiltaksgraf queries                        list the named queries
  tiltaksgraf query measures --format csv    every measure with its status and continuation
  tiltaksgraf query responsibility --format md
  tiltaksgraf validate                       check build/graph.ttl against the shapes (exit 1 on violations)
  tiltaksgraf quality                        what is inconsistent or wrong in the report itself
  tiltaksgraf trace 19                       one measure's story into the successor plan, with evidence
  tiltaksgraf network organisations --metrics
  tiltaksgraf viz organisations -o build/organisations.html
  tiltaksgraf site -o build/site             the graph as a static site: open build/site/index.html
  tiltaksgraf serve --port 7878              a SPARQL endpoint and query page on 127.0.0.1

Run `tiltaksgraf COMMAND --help` for a command's options and examples.
exit codes: 0 ok · 1 violations in the graph · 2 bad input or usage · 3 internal error (a bug)
"""


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered, or only ``command``'s module when it names one."""
    p = Parser(
        prog="tiltaksgraf", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--version", action=VersionAction)
    p.add_argument("--debug", action="store_true", help="on an error, show its traceback (for bug reports)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    modules = [COMMANDS[command]] if command in COMMANDS else dict.fromkeys(COMMANDS.values())
    for name in modules:
        importlib.import_module(f"tiltaksgraf.cli.commands.{name}").register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser(argv[0] if argv else None).parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # `tiltaksgraf query … | head`: the reader has gone, and that is fine
        _silence_stdout()
        return 0
    except BaseException as exc:
        if isinstance(exc, SystemExit) or (args.debug and not isinstance(exc, KeyboardInterrupt)):
            raise
        code, message = exit_code_and_message(exc)
        print(f"tiltaksgraf {args.command}: {'' if code == 130 else 'error: '}{message}", file=sys.stderr)
        return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit does not fail on the closed pipe again."""
    with contextlib.suppress(OSError, ValueError):  # stdout is not a real file (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
