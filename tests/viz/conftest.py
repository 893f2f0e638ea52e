"""A real headless Chromium for the browser tests, with every request that is not a local file refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tiltaksgraf.viz.chromium import CHROMIUM_ARGS, find_chromium


def chromium_path() -> str:
    """The Chromium to drive: $TILTAKSGRAF_CHROMIUM, else `chromium` on the PATH; fail (never skip) without one."""
    path = find_chromium()
    if not path:
        pytest.fail(
            "Chromium is not installed, so the HTML cannot be tested in a browser: run "
            "`bash scripts/ensure-chromium.sh` (make test does) or set TILTAKSGRAF_CHROMIUM=/path/to/chromium",
            pytrace=False,
        )
    return path


@dataclass
class Visit:
    """A page loaded offline, with what it tried to fetch and the errors it raised."""

    page: object
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A persistent Chromium context in a fresh profile; all network access refused and recorded."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 860},
            service_workers="block",
        )
        yield context
        context.close()


def open_visit(browser, url: str, allowed: str) -> Visit:
    """Open ``url`` in a new page where every request not starting with ``allowed`` is aborted and
    recorded, and wait until the page says it is stable."""
    v = Visit(browser.new_page())

    def route(r) -> None:
        if r.request.url.startswith(allowed):
            r.continue_()
        else:
            v.blocked.append(r.request.url)
            r.abort()

    v.page.route("**/*", route)
    v.page.on("request", lambda request: v.requests.append(request.url))
    v.page.on("console", lambda m: v.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    v.page.on("pageerror", lambda e: v.errors.append(f"page error: {e}"))
    v.page.goto(url)
    v.page.wait_for_selector("body[data-state=stable]", timeout=60_000)
    return v


@pytest.fixture
def visit(browser):
    """Open a local HTML file with no network: every non-file request is aborted and recorded."""
    opened = []

    def open_page(path: Path) -> Visit:
        v = open_visit(browser, path.as_uri(), "file:")
        opened.append(v.page)
        return v

    yield open_page
    for page in opened:
        page.close()
