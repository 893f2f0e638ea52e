"""Shared fixtures: the embedded report and the registries (built once)."""

from __future__ import annotations

import pytest

from graph.registry import Registry, load_registry
from tiltaksgraf.paths import DEFAULT_SOURCE


@pytest.fixture(scope="session")
def source_text() -> str:
    return DEFAULT_SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


def org(key: str) -> str:
    """The IRI of an organisation of the registry by its id."""
    return f"https://w3id.org/tiltaksgraf/id/org/{key}"


def programme(key: str) -> str:
    """The IRI of a programme of the registry by its id."""
    return f"https://w3id.org/tiltaksgraf/id/programme/{key}"
