"""The README's «Collaboration networks» figures and picture come from the build: the block between the
`network-figures` comments is what `scripts/readme_networks.py` (`make network-picture`) writes for today's graph."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "readme_networks.py"


@pytest.fixture(scope="module")
def readme_networks():
    spec = importlib.util.spec_from_file_location("readme_networks", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_quotes_the_figures_of_the_build(readme_networks, store):
    text = readme_networks.README.read_text(encoding="utf-8")
    found = readme_networks.BLOCK.search(text)
    assert found, "the README has lost its network-figures block"
    expected = readme_networks.figures_block(store)
    assert found.group(0) == expected, "the README's network figures are stale: run `make network-picture`"
    assert "**" in expected and "| community |" in expected


def test_the_picture_is_in_full_colour(readme_networks):
    from PIL import Image

    with Image.open(readme_networks.PICTURE) as image:
        assert image.mode in ("RGB", "RGBA") and image.size == (1400, 1050)
        assert len(image.convert("RGB").getcolors(1 << 20) or []) > 256  # not cut to a small palette
