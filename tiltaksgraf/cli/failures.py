"""The one place where a failure becomes an exit code and a one-line message.

Every command raises; :func:`exit_code_and_message` decides what the user sees. Bad input of any kind
(a source, a graph file, a parameter, a path, an endpoint, a server) is **2** with a line naming the
file (and line) and what to do; **1** is left to shape violations, which commands return, not raise;
**130** an interrupt; **3** an internal error, a bug in tiltaksgraf, said as such (``--debug`` shows
the traceback of any failure).

>>> exit_code_and_message(FileNotFoundError(2, "No such file or directory", "out/x.ttl"))
(2, 'out/x.ttl: no such file or directory')
>>> exit_code_and_message(ZeroDivisionError("division by zero"))[0]
3
"""

from __future__ import annotations

import errno
import sys

#: Exit codes, as the README documents them.
OK, VIOLATIONS, BAD_INPUT, INTERNAL, INTERRUPTED = 0, 1, 2, 3, 130

#: Failures whose message already says what is wrong with the input and what to do, by module. They are looked up
#: only in modules already imported (a failure of a module never imported cannot have been raised), so the CLI
#: does not import the publisher, the server and the SHACL engine just to tell their errors apart.
INPUT_ERRORS = {
    "tiltaksgraf.loaders.errors": "SourceError",
    "tiltaksgraf.cli.commands.common": "CommandError",
    "tiltaksgraf.graph.results": "QueryError",
    "tiltaksgraf.graph.server": "ServerError",
    "tiltaksgraf.graph.publish": "PublishError",
    "tiltaksgraf.graph.validation": "ValidationError",
    "tiltaksgraf.graph.serialize": "OutputError",
}


def input_errors() -> tuple[type[BaseException], ...]:
    """The classes of :data:`INPUT_ERRORS` whose modules are loaded."""
    return tuple(getattr(sys.modules[m], name) for m, name in INPUT_ERRORS.items() if m in sys.modules)

#: What to do about an operating-system error, by errno.
_HINTS = {
    errno.EACCES: "check the permissions, or write somewhere else with -o",
    errno.EPERM: "check the permissions, or write somewhere else with -o",
    errno.ENOSPC: "free some space on the disk",
    errno.EDQUOT: "free some space (disk quota exceeded)",
    errno.EROFS: "the file system is read-only: write somewhere else with -o",
    errno.EISDIR: "that is a folder: give a file name",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENAMETOOLONG: "use a shorter path",
}


def os_error_message(exc: OSError) -> str:
    """``PATH: what went wrong (what to do)`` for an error of the operating system."""
    reason = (exc.strerror or type(exc).__name__).lower()
    where = f"{exc.filename}: " if exc.filename else ""
    hint = _HINTS.get(exc.errno or 0)
    return f"{where}{reason}" + (f" ({hint})" if hint else "")


def exit_code_and_message(exc: BaseException) -> tuple[int, str]:
    """The exit code and the one-line message for a failure a command raised."""
    if isinstance(exc, KeyboardInterrupt):
        return INTERRUPTED, "interrupted"
    if isinstance(exc, input_errors()):
        return BAD_INPUT, str(exc)
    if isinstance(exc, UnicodeError):
        return BAD_INPUT, f"text that is not valid UTF-8 ({exc}): give file names, values and queries in UTF-8"
    if isinstance(exc, OSError):
        return BAD_INPUT, os_error_message(exc)
    if isinstance(exc, MemoryError):
        return BAD_INPUT, "the input is too large for the memory of this machine"
    name = type(exc).__name__
    first = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
    return INTERNAL, (
        f"internal error ({name}{': ' + first[:200] if first else ''}); this is a bug in tiltaksgraf: "
        "run the command again with --debug and report the traceback"
    )
