"""The README cannot drift: every command in its examples runs, its output is what the README shows, and
every figure it quotes in the text is checked against the build.

How a Markdown file is read (README.md says the same in «How this README is checked»):

- **Sessions.** A fenced code block with lines that start with ``$ `` is a terminal session. Each block runs
  on its own, in a fresh folder that holds a build of the embedded report (``build/``), with the
  ``tiltaksgraf`` of this checkout on ``PATH`` and ``COLUMNS=100``. A command goes on over lines that end
  with ``\\`` and over the lines of a here-document (``cat > q.rq <<'EOF'`` … ``EOF``).
- **Output.** The lines after a command, up to the next ``$ `` line, are its output and must be what it
  prints on stdout (and, for a command that fails, then on stderr), line for line (trailing spaces and
  blank lines aside); progress and notes on stderr are not shown. A line that is only ``…`` (or ``...``)
  stands for any number of lines, so an excerpt says where it leaves lines out; ``…`` inside a line stands
  for any text; a duration (``1.7 s``, ``110 ms``) stands for any duration. A command with no output shown
  must only succeed.
- **Exit codes.** A command must exit 0, unless its comment says ``exit N``.
- **Servers.** A command that serves until stopped (``tiltaksgraf serve``) runs in the background: its shown
  output must appear on its stdout (its stderr is the server's log), the next commands run while it
  serves, and it is stopped when the block ends. Port numbers (``--port N``, ``127.0.0.1:N``, and serve's
  default) are replaced by free ports, in the commands and the output alike.
- **Links.** Every relative link points at a file of the repository.
- **Figures.** A figure in the text followed by ``<!-- $ COMMAND -->`` is checked: the command runs in a
  build folder, and what it prints, stripped, must be the figure. The figure is the code span just before
  the comment, or else the word just before it (``1,345`` is read as ``1345``).
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The Markdown files whose examples are checked.
DOCUMENTS = ("README.md",)
#: Commands that serve until stopped: run in the background for the rest of their block.
LONG_RUNNING = ("tiltaksgraf serve",)
BIN = Path(sys.executable).parent
COMMAND_TIMEOUT = 300
SERVER_TIMEOUT = 90

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEREDOC = re.compile(r"<<-?\s*(['\"]?)(\w+)\1")
_EXIT = re.compile(r"#.*\bexit (\d+)\b")
_DURATION = re.compile(r"\d+(?:\.\d+)? (?:ms|s)\b")
_FIGURE = re.compile(r"<!--\s*\$\s*(.+?)\s*-->")
_PORT = re.compile(r"(?:--port[ =]|127\.0\.0\.1:|localhost:)(\d{2,5})\b")


@dataclass
class Command:
    line: int
    text: str
    expected: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        m = _EXIT.search(self.text.splitlines()[0])
        return int(m.group(1)) if m else 0

    @property
    def background(self) -> bool:
        return self.text.lstrip().startswith(LONG_RUNNING)


@dataclass
class Session:
    document: str
    line: int
    commands: list[Command]

    @property
    def id(self) -> str:
        return f"{self.document}:{self.line}"


@dataclass
class Figure:
    document: str
    line: int
    figure: str
    command: str

    @property
    def id(self) -> str:
        return f"{self.document}:{self.line}:{self.figure}"


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """Fenced code blocks: (line number of the first line inside, the lines)."""
    out: list[tuple[int, list[str]]] = []
    inside: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        if _FENCE.match(line):
            if inside is None:
                inside, start = [], number + 1
            else:
                out.append((start, inside))
                inside = None
        elif inside is not None:
            inside.append(line)
    return out


def sessions(document: str, text: str) -> list[Session]:
    """Every block with ``$ `` lines, as its commands and their expected output."""
    found = []
    for start, lines in blocks(text):
        if not any(line.startswith("$ ") for line in lines):
            continue
        commands: list[Command] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.startswith("$ "):
                if commands:
                    commands[-1].expected.append(line)
                i += 1
                continue
            command = Command(start + i, line[2:])
            while command.text.endswith("\\") and i + 1 < len(lines):
                i += 1
                command.text += "\n" + lines[i]
            heredoc = _HEREDOC.search(command.text)
            if heredoc:
                while i + 1 < len(lines) and lines[i].strip() != heredoc.group(2):
                    i += 1
                    command.text += "\n" + lines[i]
            commands.append(command)
            i += 1
        for command in commands:
            while command.expected and not command.expected[-1].strip():
                command.expected.pop()
        found.append(Session(document, start, commands))
    return found


def figures(document: str, text: str) -> list[Figure]:
    """Every figure followed by ``<!-- $ COMMAND -->`` outside the code blocks."""
    in_block = {start + k for start, lines in blocks(text) for k in range(len(lines))}
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if number in in_block:
            continue
        for m in _FIGURE.finditer(line):
            before = line[: m.start()].rstrip()
            if before.count("`") % 2:  # inside a code span: the README talks about the syntax
                continue
            code = re.search(r"`([^`]+)`$", before)
            figure = code.group(1) if code else before.split()[-1].strip("*_«»()[]\"'.,;:") if before else ""
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+", figure):
                figure = figure.replace(",", "")
            found.append(Figure(document, number, figure, m.group(1)))
    return found


def _line_pattern(expected: str) -> re.Pattern[str]:
    parts = []
    for piece in expected.rstrip().split("…"):
        at = 0
        escaped = ""
        for d in _DURATION.finditer(piece):
            escaped += re.escape(piece[at : d.start()]) + _DURATION.pattern
            at = d.end()
        parts.append(escaped + re.escape(piece[at:]))
    return re.compile(".*".join(parts))


def matches(expected: list[str], actual: list[str]) -> bool:
    """Does the output fit the README's lines (``…`` lines are any lines; ``…`` in a line any text)?"""
    gaps = [line.strip() in {"…", "..."} for line in expected]
    patterns = [None if gap else _line_pattern(line) for line, gap in zip(expected, gaps, strict=True)]
    actual = [line.replace("\u00a0", " ").rstrip() for line in actual]  # a no-break space reads as a space
    reachable = {0}  # how many actual lines are consumed
    for pattern in patterns:
        if pattern is None:
            reachable = set(range(min(reachable), len(actual) + 1)) if reachable else set()
        else:
            reachable = {k + 1 for k in reachable if k < len(actual) and pattern.fullmatch(actual[k])}
    return len(actual) in reachable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_default_port() -> int:
    from tiltaksgraf.cli import parser

    sub = next(a for a in parser()._actions if a.dest == "command")
    return next(a.default for a in sub.choices["serve"]._actions if a.dest == "port")


def with_free_ports(session: Session) -> list[Command]:
    """The session's commands with each port replaced by a free one (a serve without --port gets one)."""
    default = _serve_default_port()
    texts = [c.text for c in session.commands] + [x for c in session.commands for x in c.expected]
    ports = {int(p) for t in texts for p in _PORT.findall(t)}
    if any(c.background and "--port" not in c.text for c in session.commands):
        ports.add(default)
    mapping = {p: _free_port() for p in ports}

    def swap(text: str) -> str:
        for old, new in mapping.items():
            text = re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)
        return text

    out = []
    for c in session.commands:
        text = c.text
        if c.background and "--port" not in text:
            text = text.replace("tiltaksgraf serve", f"tiltaksgraf serve --port {default}", 1)
        out.append(Command(c.line, swap(text), [swap(x) for x in c.expected]))
    return out


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"TILTAKSGRAF_BUILD", "PYTHONPATH"}}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", COLUMNS="100", PYTHONUNBUFFERED="1")
    return env


def _report(command: Command, output: list[str], why: str) -> str:
    diff = "\n".join(difflib.unified_diff(command.expected, output, "README", "output", lineterm=""))
    return f"line {command.line}: $ {command.text}\n{why}\n{diff}"


class Background:
    """A command that serves until stopped; its stdout is collected as it comes."""

    def __init__(self, command: Command, cwd: Path, log: Path) -> None:
        self.command = command
        self.lines: list[str] = []
        with log.open("w") as err:
            self.process = subprocess.Popen(
                ["bash", "-c", command.text],
                cwd=cwd,
                env=_env(),
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                start_new_session=True,
            )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for_output(self) -> None:
        """Until its stdout shows the README's lines (or, with none shown, its first line)."""
        wanted = [*self.command.expected, "…"] if self.command.expected else ["…"]
        deadline = time.monotonic() + SERVER_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.reader.join(5)
                break
            if self.lines and matches(wanted, self.lines):
                return
            time.sleep(0.2)
        assert matches(wanted, self.lines), _report(self.command, self.lines, "the server did not start so")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


def run_session(session: Session, cwd: Path) -> None:
    servers: list[Background] = []
    try:
        for command in with_free_ports(session):
            if command.background:
                server = Background(command, cwd, cwd / f".server-{command.line}.log")
                servers.append(server)
                server.wait_for_output()
                continue
            done = subprocess.run(
                ["bash", "-c", command.text],
                cwd=cwd,
                env=_env(),
                capture_output=True,
                text=True,
                timeout=COMMAND_TIMEOUT,
                check=False,
            )
            shown = done.stdout + (done.stderr if command.exit_code else "")
            output = shown.rstrip("\n").split("\n") if shown.strip() else []
            assert done.returncode == command.exit_code, _report(
                command, output, f"exit {done.returncode}, the README expects {command.exit_code}: {done.stderr}"
            )
            if command.expected:
                assert matches(command.expected, output), _report(command, output, "the output differs")
    finally:
        for server in servers:
            server.stop()


def _all() -> tuple[list[Session], list[Figure]]:
    found_sessions: list[Session] = []
    found_figures: list[Figure] = []
    for document in DOCUMENTS:
        text = (ROOT / document).read_text(encoding="utf-8")
        found_sessions += sessions(document, text)
        found_figures += figures(document, text)
    return found_sessions, found_figures


SESSIONS, FIGURES = _all()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with `tiltaksgraf build` done in it, as a reader's would be after the tour's first command."""
    folder = tmp_path_factory.mktemp("readme-world")
    done = subprocess.run(["bash", "-c", "tiltaksgraf build -q"], cwd=folder, env=_env(), capture_output=True, text=1)
    assert done.returncode == 0, done.stderr
    return folder


def test_the_readme_has_sessions_and_figures():
    """A stray filter or a broken parser cannot empty this suite without failing here."""
    assert len(SESSIONS) >= 8 and sum(len(s.commands) for s in SESSIONS) >= 30
    assert len(FIGURES) >= 10


@pytest.mark.parametrize("session", SESSIONS, ids=[s.id for s in SESSIONS])
def test_every_example_runs_and_prints_what_the_readme_shows(session: Session, world: Path, tmp_path: Path):
    cwd = tmp_path / "here"
    shutil.copytree(world, cwd)
    run_session(session, cwd)


@pytest.mark.parametrize("figure", FIGURES, ids=[f.id for f in FIGURES])
def test_every_figure_in_the_text_is_the_build_s(figure: Figure, world: Path):
    done = subprocess.run(
        ["bash", "-c", figure.command], cwd=world, env=_env(), capture_output=True, text=True, timeout=COMMAND_TIMEOUT
    )
    assert done.returncode == 0, f"line {figure.line}: $ {figure.command}\n{done.stderr}"
    assert done.stdout.strip() == figure.figure, f"line {figure.line}: the README says {figure.figure!r}; " + (
        f"`{figure.command}` prints {done.stdout.strip()!r}"
    )


_LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_relative_link_points_at_a_file(document: str):
    text = (ROOT / document).read_text(encoding="utf-8")
    links = [link.split("#")[0] for link in _LINK.findall(text) if not re.match(r"[a-z]+:", link)]
    missing = [link for link in links if link and not (ROOT / document).parent.joinpath(link).exists()]
    assert links and missing == []


# --- the reading rules themselves ---------------------------------------------------------------


def test_an_excerpt_and_wildcards_match_as_documented():
    assert matches(["a", "…", "z"], ["a", "b", "c", "z"]) and matches(["a", "...", "z"], ["a", "z"])
    assert not matches(["a", "z"], ["a", "b", "z"])
    assert matches(["took 1.7 s (x…)"], ["took 12.03 s (xyz)"]) and not matches(["took 1.7 s"], ["took soon"])
    assert matches(["…"], []) and not matches(["a"], [])


def test_commands_heredocs_exit_codes_and_figures_are_read():
    text = (
        "```sh\n$ cat > q.rq <<'EOF'\nSELECT\nEOF\n$ tiltaksgraf validate broken.nt   # broken: exit 1\nbad\n\n```\n"
        "It has 1,345<!-- $ echo 1345 --> edges and `JD, BFD`<!-- $ echo JD, BFD -->.\n"
    )
    (session,) = sessions("x.md", text)
    heredoc, validate = session.commands
    assert heredoc.text == "cat > q.rq <<'EOF'\nSELECT\nEOF" and heredoc.expected == []
    assert validate.exit_code == 1 and validate.expected == ["bad"]
    found = [(f.figure, f.command) for f in figures("x.md", text)]
    assert found == [("1345", "echo 1345"), ("JD, BFD", "echo JD, BFD")]
