"""Shared fixtures: the embedded report, its model, the registries and what is read from them (built once)."""

from __future__ import annotations

import pytest

from graph.registry import Registry, load_registry
from loaders.actors import Role
from loaders.measure_text import TextPart, measure_parts
from loaders.model import Report
from loaders.report import load_report
from loaders.roles import measure_roles
from tiltaksgraf.paths import DEFAULT_SOURCE


@pytest.fixture(scope="session")
def source_text() -> str:
    return DEFAULT_SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def report() -> Report:
    return load_report(DEFAULT_SOURCE)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def parts(report: Report, source_text: str) -> dict[int, list[TextPart]]:
    return measure_parts(report, source_text)


@pytest.fixture(scope="session")
def roles(report: Report, parts: dict[int, list[TextPart]], registry: Registry) -> list[Role]:
    return measure_roles(report, parts, registry.index)


def org(key: str) -> str:
    """The IRI of an organisation of the registry by its id."""
    return f"https://w3id.org/tiltaksgraf/id/org/{key}"


def programme(key: str) -> str:
    """The IRI of a programme of the registry by its id."""
    return f"https://w3id.org/tiltaksgraf/id/programme/{key}"
