"""Where the headless Chromium is and how to start it quietly: shared by the screenshot script and the tests."""

from __future__ import annotations

import os
import shutil

#: Flags for a quiet, sandbox-free (we may run as root) headless Chromium that fetches nothing by itself.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """$TILTAKSGRAF_CHROMIUM, else `chromium` on the PATH, else None."""
    return os.environ.get("TILTAKSGRAF_CHROMIUM") or shutil.which("chromium")
