"""The argument parser of every ``tiltaksgraf`` command: argparse, with hints where a usage slip is common."""

from __future__ import annotations

import argparse
import re

#: A query parameter given without its option: ``ministry=KD`` instead of ``-p ministry=KD``.
_BARE_PARAM = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*=")


def param_hint(arguments: list[str]) -> str:
    """How to write ``NAME=VALUE`` arguments that came without ``-p``, or "" if there are none.

    >>> param_hint(["ministry=KD", "--limit"])
    'query parameters take -p: -p ministry=KD'
    """
    bare = [a for a in arguments if _BARE_PARAM.match(a)]
    return f"query parameters take -p: {' '.join(f'-p {a}' for a in bare)}" if bare else ""


class Parser(argparse.ArgumentParser):
    """argparse's parser; its usage errors add a hint where one helps (``ministry=KD`` → ``-p ministry=KD``)."""

    def error(self, message: str):  # type: ignore[override]
        if message.startswith("unrecognized arguments: "):
            hint = param_hint(message.removeprefix("unrecognized arguments: ").split())
            if hint:
                message = f"{message} ({hint})"
        super().error(message)


class VersionAction(argparse.Action):
    """``--version``: the installed version, read from the package metadata only when asked for (argparse's own
    action needs the text when the parser is made, and reading the metadata costs every command a tenth of a
    second)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from tiltaksgraf import __version__

        print(f"{parser.prog} {__version__}")  # on stdout, as argparse's own version action prints it
        parser.exit()
