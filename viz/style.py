"""The drawings' styling, read from ``viz/style.toml`` (data, not code)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

STYLE_FILE = Path(__file__).with_name("style.toml")


@cache
def style() -> dict[str, Any]:
    """The parsed style file."""
    return tomllib.loads(STYLE_FILE.read_text(encoding="utf-8"))


def node_colour(node_type: str) -> str:
    """The fill colour of a node of this organisation type (or ``measure``); ``other``'s for an unknown type.

    >>> node_colour("ministry")
    '#1f77b4'
    """
    colours = style()["node_colours"]
    return colours.get(node_type, colours["other"])


def node_shape(node_type: str) -> str:
    shapes = style()["node_shapes"]
    return shapes.get(node_type, shapes["default"])
