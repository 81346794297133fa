"""Browser tests: a real Streamlit server on loopback, driven by Debian's headless Chromium.

The network is made unreachable for the page: every request that is not to the local server
is aborted (and recorded), so the tests prove the map draws offline. Without Chromium the
tests skip with how to install it; in CI (CI=true) a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.server import streamlit_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() == "true"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        msg = "Chromium not found: install Debian's package (`sudo apt-get install chromium`) to run browser tests"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def server():
    with streamlit_server() as url:
        yield url


class OfflinePage:
    """A page whose requests off the local server are aborted and recorded."""

    def __init__(self, browser, base_url: str, width: int = 1400, height: int = 1000):
        self.base = base_url
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)

    def _route(self, route):
        if route.request.url.startswith(self.base) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort("internetdisconnected")

    def open(self, path: str = "/"):
        self.page.goto(self.base + path)
        return self

    @property
    def map(self):
        return self.page.frame_locator(MAP_IFRAME)

    def wait_map(self, timeout: float = 60_000):
        self.map.locator("path.leaflet-interactive").first.wait_for(timeout=timeout)
        return self

    def wait_map_state(self, present: str, absent: str | None = None, timeout: float = 30_000):
        """Wait until exactly one map is mounted whose document has ``present`` and lacks ``absent``.

        A changed map remounts its iframe; for a moment the old and new ones coexist.
        """
        self.page.wait_for_function(
            """([sel, present, absent]) => {
                const f = document.querySelectorAll(sel);
                if (f.length !== 1) return false;
                const d = f[0].contentDocument;
                return !!d && !!d.querySelector(present) && !(absent && d.querySelector(absent));
            }""",
            arg=[MAP_IFRAME, present, absent],
            timeout=timeout,
        )
        return self

    def close(self):
        self.context.close()


@pytest.fixture
def offline(browser, server):
    pages = []

    def make(path: str = "/", base: str | None = None, **kw) -> OfflinePage:
        p = OfflinePage(browser, base or server, **kw).open(path)
        pages.append(p)
        return p

    yield make
    for p in pages:
        p.close()
