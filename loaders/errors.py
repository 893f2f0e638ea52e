"""The error a loader raises for input it cannot use: it names the file, the line and what to do."""

from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """Bad input: a missing, empty or malformed source. Carries file, line and a hint."""

    def __init__(self, path: str | Path, message: str, line: int | None = None, hint: str = "") -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text
