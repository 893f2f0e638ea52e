"""The examples in the modules' docstrings run, imported by their package names (``tiltaksgraf.graph.iris``)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

#: Modules that must not be imported just to look for examples (they start a program).
_SKIP = {"tiltaksgraf.__main__", "tiltaksgraf.cli.__main__"}


#: The code layers; each is mapped from its own folder, so each is walked from its own path.
LAYERS = ("tiltaksgraf", "tiltaksgraf.loaders", "tiltaksgraf.graph", "tiltaksgraf.viz")


def _modules() -> list[str]:
    names: set[str] = set(LAYERS)
    for layer in LAYERS:
        package = importlib.import_module(layer)
        names |= {m.name for m in pkgutil.walk_packages(package.__path__, f"{layer}.")}
    return sorted(n for n in names if n not in _SKIP)


def _examples(name: str) -> list[doctest.DocTest]:
    return [t for t in doctest.DocTestFinder().find(importlib.import_module(name)) if t.examples]


MODULES = _modules()
WITH_EXAMPLES = [n for n in MODULES if _examples(n)]


def test_every_layer_is_walked() -> None:
    """A stray filter or a broken mapping cannot empty the doctest suite without failing here."""
    for layer in ("loaders", "graph", "graph.networks", "viz", "cli.commands"):
        assert any(n.startswith(f"tiltaksgraf.{layer}.") for n in MODULES), layer
    assert len(WITH_EXAMPLES) >= 15


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in _examples(name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
