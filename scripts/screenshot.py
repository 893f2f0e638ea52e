"""Open a page in headless Chromium with no network, wait until its layout has settled, save a PNG.

python scripts/screenshot.py build/bipartite.html docs/network.png [--width 1200 --height 760]
python scripts/screenshot.py --site build/site docs/     the README's three pictures of the site, full colour

Used for the README's pictures (scripts/readme_networks.py for the network) and by `bench/run.py browser`;
the PNG is in full colour and written atomically. Needs Chromium (scripts/ensure-chromium.sh).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from tiltaksgraf.graph.serialize import write_atomic
from tiltaksgraf.viz.chromium import CHROMIUM_ARGS, find_chromium


def settle(html: Path, png: Path | None = None, width: int = 1200, height: int = 760) -> float:
    """Seconds from opening ``html`` to its layout standing still; writes a screenshot to ``png`` if given."""
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if not chromium:
        raise SystemExit("no Chromium: run `bash scripts/ensure-chromium.sh`")
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height},
        )
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        started = time.perf_counter()
        page.goto(html.resolve().as_uri())
        page.wait_for_selector("body[data-state=stable]", timeout=120_000)
        elapsed = time.perf_counter() - started
        if png:
            write_atomic(png, page.screenshot())
        context.close()
    return elapsed


#: The README's pictures of the site (`tiltaksgraf site`): page, file in docs/, viewport height.
SITE_PICTURES = (
    ("index.html", "site-home.png", 1500),
    ("id/measure/frihet-fra-vold/19.html", "site-measure.png", 1500),
    ("id/org/nkvts.html", "site-organisation.png", 1300),
)


def site_pictures(site: Path, folder: Path, width: int = 1280) -> list[Path]:
    """The README's pictures of a written site, in full colour."""
    written = []
    for page, name, height in SITE_PICTURES:
        settle(site / page, folder / name, width, height)
        written.append(folder / name)
    return written


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("html", type=Path, help="the page (with --site: the site's folder)")
    p.add_argument("png", type=Path, help="the picture (with --site: the folder for the pictures)")
    p.add_argument("--site", action="store_true", help="take the README's pictures of the site in HTML")
    p.add_argument("--width", type=int, default=1200)
    p.add_argument("--height", type=int, default=760)
    a = p.parse_args()
    if a.site:
        for png in site_pictures(a.html, a.png):
            print(f"{png}: written", file=sys.stderr)
        sys.exit(0)
    seconds = settle(a.html, a.png, a.width, a.height)
    print(f"{a.png}: settled in {seconds:.1f} s", file=sys.stderr)
