"""Browser tests: a real Streamlit server on loopback, driven by Debian's headless Chromium.

The network is made unreachable for the page: every request that is not to the local server
is aborted (and recorded), so the tests prove the map draws offline. Without Chromium the
tests skip with how to install it; in CI (CI=true) a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


# The two sizes every journey runs at: a desktop window and a phone, tapped with a finger.
SIZES = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844, "touch": True}}
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class OfflinePage:
    """A page whose requests off the local server are aborted and recorded.

    Interaction goes through real input only: ``page.mouse`` on desktop, ``page.touchscreen``
    on a phone, keyboard, and ``locator.click()`` without ``force``. Scripts only read state.
    """

    def __init__(
        self,
        browser,
        base_url: str,
        width: int = 1400,
        height: int = 900,
        touch: bool = False,
        credentials: dict | None = None,
    ):
        self.base = base_url
        self.touch = touch
        self.context = browser.new_context(
            viewport={"width": width, "height": height},
            has_touch=touch,
            is_mobile=touch,
            http_credentials=credentials,  # a sign-in at the authenticating proxy, as a browser's dialog gives
        )
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        # which document each request came from: a page left behind (goto, a link) may still be
        # fetching its session's media files, which the server drops with that session (404)
        self._document = 0
        self._requested: dict = {}
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", self._console)
        self.page.on("framenavigated", self._navigated)
        self.page.on("request", lambda r: self._requested.__setitem__(r, self._document))
        self.page.on("requestfailed", lambda r: self._requested.pop(r, None))
        self.page.on("response", self._response)
        self.page.route("**/*", self._route)

    def _console(self, msg):
        # A failed load is recorded with its URL by _response; other errors are kept as they are.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            self.console_errors.append(msg.text)

    def _navigated(self, frame):
        if frame == self.page.main_frame:
            self._document += 1

    def _response(self, response):
        # Streamlit's client, opened on a page's URL (/claims), first looks for its server under
        # that path (/claims/_stcore/health) and then at the root: those two 404s are its own.
        path = urlparse(response.url).path
        probe = re.fullmatch(r"/[a-z_]+/_stcore/(health|host-config)", path)
        # a media file of a document already left: its session, and the file, are gone
        document = self._requested.pop(response.request, self._document)  # (each request kept until answered)
        left = path.startswith("/media/") and document < self._document
        if response.status >= 400 and not probe and not left:
            self.failed.append(f"{response.status} {response.url}")

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

    @property
    def frame(self):
        """The map's frame, to read its state (never to click or open things)."""
        return self.page.locator(MAP_IFRAME).element_handle().content_frame()

    def wait_map(self, timeout: float = 60_000):
        self.map.locator(".ca-event").first.wait_for(timeout=timeout)
        self.map.locator("path.leaflet-interactive").filter(visible=True).first.wait_for(timeout=timeout)
        self.settle()
        return self

    def settle(self, ms: int = 400):
        """Let the map finish a redraw (its layout pass runs on the next animation frame)."""
        self.page.wait_for_timeout(ms)

    def tap_or_click(self, x: float, y: float):
        if self.touch:
            self.page.touchscreen.tap(x, y)
        else:
            self.page.mouse.click(x, y)

    def press(self, locator):
        """Tap ``locator`` on a phone, click it on a desktop (real input either way)."""
        if self.touch:
            locator.tap()
        else:
            locator.click()

    def choose(self, box, search: str, option: str) -> None:
        """Pick ``option`` in a select box as a reader narrows a long list: press the box, type
        ``search``, and once the list has narrowed to it, take it with Enter. A list that did not
        open or narrow (a rerun redrew the widget under the press), or an Enter that took nothing
        (the fresh-clone run at b341a3c, on a phone), is closed and tried again, as the reader
        would; the open list re-renders while it narrows, so a press on an option
        could land on one already replaced."""
        for attempt in range(3):
            self.press(box)
            box.fill(search)
            wanted = self.page.get_by_role("option").filter(has_text=option).first
            try:
                wanted.wait_for(timeout=10_000)
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
                self.page.keyboard.press("Escape")
                continue
            self.page.keyboard.press("Enter")
            self.page.wait_for_timeout(300)
            if option in box.input_value():
                return
            # the Enter went elsewhere (no option had the focus yet): the reader sees the box still
            # showing what they typed, and tries again
            self.page.keyboard.press("Escape")
            self.page.wait_for_timeout(300)

    def unfold(self, popup):
        """Open a popup's "Quotes and details" as a reader does: click (or tap) its summary, and
        again if a redraw of the map landed on the first click (the reader would click again)."""
        details = popup.locator("details.ca-details")
        for _ in range(3):
            self.press(details.locator("summary"))
            try:
                popup.locator("details.ca-details[open]").wait_for(timeout=2_000)
                return details
            except Exception:  # noqa: BLE001 (Playwright's timeout: not open yet)
                self.settle(500)
        raise AssertionError("the popup's quotes did not unfold after three clicks")

    def on_screen(self, locator):
        """Bring ``locator`` on screen as ``locator.click()`` does before it clicks (the reader
        scrolls the page); returns its box in page coordinates."""
        locator.scroll_into_view_if_needed()
        self.page.wait_for_timeout(150)
        return locator.bounding_box()

    def element_at(self, x: float, y: float) -> str:
        """The classes of the element on top at page point (x, y), inside the map frame, and
        whether it lies inside an event marker (``ca-event-…``)."""
        frame_box = self.page.locator(MAP_IFRAME).bounding_box()
        # getAttribute: an SVG element's className is not a string.
        return self.frame.evaluate(
            """([x, y]) => { const e = document.elementFromPoint(x, y); if (!e) return '';
                const m = e.closest('.ca-event'); if (m) return m.className;
                return 'not a marker: ' + (e.getAttribute('class') || e.tagName); }""",
            [x - frame_box["x"], y - frame_box["y"]],
        )

    def marker(self, event_id: str):
        return self.map.locator(f".ca-event-{event_id}")

    def click_marker(self, event_id: str) -> str:
        """Click or tap the centre of an event's marker; returns what was on top there."""
        box = self.on_screen(self.marker(event_id))
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        top = self.element_at(x, y)
        self.tap_or_click(x, y)
        return top

    def popup(self, event_id: str):
        return self.map.locator(f'.leaflet-popup-content .ca-popup[data-event="{event_id}"]')

    def open_popup(self, event_id: str):
        top = self.click_marker(event_id)
        assert f"ca-event-{event_id}" in top.split(), top
        popup = self.popup(event_id)
        popup.wait_for(timeout=15_000)
        return popup

    def sidebar_checkbox(self, source_id: str):
        return self.page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]').filter(has_text=source_id)

    def open_sidebar(self):
        """On a phone the sidebar starts collapsed: open it with its button."""
        expand = self.page.get_by_test_id("stExpandSidebarButton")
        if expand.is_visible():
            expand.click()
        self.page.get_by_test_id("stSidebarUserContent").wait_for(state="visible")
        self.page.wait_for_timeout(400)  # the sidebar slides in

    def close_sidebar(self):
        """On a phone the open sidebar covers the page: close it as a reader would."""
        if not self.touch:
            return
        collapse = self.page.get_by_test_id("stSidebarCollapseButton")
        if collapse.count():
            collapse.locator("button").first.click()
            self.page.get_by_test_id("stExpandSidebarButton").wait_for(state="visible")
            self.page.wait_for_timeout(400)

    def toggle_source(self, source_id: str):
        self.open_sidebar()
        self.sidebar_checkbox(source_id).locator("label").click()

    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlparse(self.page.url).query).items()}

    def axe(self, frame=None, exclude: tuple[str, ...] = ()) -> list[dict]:
        """Serious and critical axe-core violations in the page (or a frame of it), outside the
        elements ``exclude`` selects (each use says why)."""
        target = frame or self.page.main_frame
        target.add_script_tag(path=str(AXE))
        result = target.evaluate(
            "(exclude) => axe.run({include: [document], exclude: exclude.map(s => [s])}, "
            "{resultTypes: ['violations']})",
            list(exclude),
        )
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

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
