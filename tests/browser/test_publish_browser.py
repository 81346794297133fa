"""A published view, used as a reader of a static site would: the folder ``python -m geo.publish``
writes, its index.html opened from disk with every network request blocked, at desktop and
phone size: the map draws, and a real click or tap on a strike opens its popup with its claims.
The claim cards are real pictures of each strike."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import SIZES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The command as a reporter runs it (its own process: it drives Chromium itself)."""
    out = tmp_path_factory.mktemp("published")
    done = subprocess.run(
        [sys.executable, "-m", "geo.publish", "--out", str(out)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return out, [Path(line) for line in done.stdout.splitlines()]


def test_the_folder_holds_the_page_and_a_card_per_strike(published):
    out, written = published
    assert out / "index.html" in written
    cards = sorted((out / "cards").glob("*.png"))
    assert {c.stem for c in cards} >= {"iran-strike-panjgur", "pakistan-strike-saravan"}
    for card in cards:
        data = card.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a picture, not an empty frame
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<script src=" not in html and 'rel="stylesheet"' not in html  # everything inside


@pytest.mark.parametrize("size", list(SIZES))
def test_the_page_works_from_disk_with_no_network(browser, published, size):
    out, _ = published
    dims = SIZES[size]
    context = browser.new_context(
        viewport={"width": dims["width"], "height": dims["height"]}, has_touch=dims.get("touch", False)
    )
    asked: list[str] = []

    def block(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", block)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto((out / "index.html").as_uri())
        marker = page.locator(".ca-event-pakistan-strike-saravan")
        marker.wait_for(timeout=30_000)
        page.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        page.wait_for_timeout(600)
        marker.scroll_into_view_if_needed()
        box = marker.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        if dims.get("touch"):
            page.touchscreen.tap(x, y)
        else:
            page.mouse.click(x, y)
        popup = page.locator('.leaflet-popup-content .ca-popup[data-event="pakistan-strike-saravan"]')
        popup.wait_for(timeout=15_000)
        assert "Pakistan's strike near Saravan" in popup.inner_text()
        assert "Killed" in popup.inner_text()
        assert "GeoNames" in page.locator("footer").inner_text()  # the attributions travel with the map
        page.wait_for_timeout(400)  # the popup's fade-in, for the picture
        page.screenshot(path=f"artifacts/published-{size}.png")
        assert asked == [] and errors == []
    finally:
        context.close()


def test_the_map_page_publishes_the_view_it_shows(offline):
    p = offline("/?sources=s001,s003&lens=all").wait_map()
    with p.page.expect_download(timeout=120_000) as got:
        p.press(p.page.get_by_role("button", name=re.compile("^Publish this view")))
    with zipfile.ZipFile(got.value.path()) as z:
        names = set(z.namelist())
        html = z.read("claims-atlas/index.html").decode()
    assert {"claims-atlas/cards/pakistan-strike-saravan.png", "claims-atlas/cards/iran-strike-panjgur.png"} <= names
    assert "from 2 sources" in html and "<script src=" not in html
    assert p.failed == [] and p.console_errors == [] and p.external == []
