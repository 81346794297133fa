"""Hostile text in the data and the URL renders as text and runs nothing, in a real browser."""

from __future__ import annotations

import pytest

from tests.browser.conftest import OfflinePage
from tests.fixtures import write_dataset
from tests.hostile import PAYLOADS, SOURCE_TEXT, URL_PAYLOADS, hostile_records
from tests.server import streamlit_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data, src = write_dataset(tmp_path_factory.mktemp("hostile"), hostile_records(), SOURCE_TEXT)
    with streamlit_server({"CLAIMS_ATLAS_DATA": str(data), "CLAIMS_ATLAS_SOURCES": str(src)}) as url:
        yield url


def assert_nothing_ran(p: OfflinePage):
    assert p.page.evaluate("() => window.__xss") is None
    for frame in p.page.frames:
        assert frame.evaluate("() => window.__xss") is None, frame.url
    assert p.dialogs == []
    assert not [u for u in p.external if "javascript" in u or u.startswith("http://x")]


def test_map_popups_and_tooltips_show_payloads_as_text(browser, hostile_server):
    p = OfflinePage(browser, hostile_server).open("/")
    try:
        p.wait_map()
        popup = p.open_popup("ev")  # a real click at the marker's centre
        p.unfold(popup)
        text = popup.inner_text()
        for key in ("img", "script", "template", "backtick", "iframe", "ahref", "jinja", "jinja_rce", "jinja_comment"):
            assert PAYLOADS[key] in text or PAYLOADS[key].replace("\n", " ") in text, key
        assert popup.locator("img, script, svg, iframe").count() == 0
        assert popup.locator("a[href^='javascript']").count() == 0
        p.map.locator(".leaflet-popup").get_by_role("button", name="Close popup").click()
        box = p.marker("ev").bounding_box()
        p.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # hover: its tooltip
        tooltip = p.map.locator(".leaflet-tooltip").filter(has_text="window.__xss='template'")
        tooltip.first.wait_for(timeout=10_000)
        assert tooltip.first.locator("script, img, svg").count() == 0
        band = " ".join(p.map.locator(".ca-lbl-depth").all_text_contents())
        assert "t1:" in band  # the band's label, drawn from the data, as text
        assert p.map.locator(".leaflet-pane img[src='x'], .leaflet-pane svg[onload]").count() == 0
        sidebar = p.page.locator('[data-testid="stSidebar"]').inner_text()
        assert "<script>window.__xss='script'</script>" in sidebar
        assert_nothing_ran(p)
    finally:
        p.close()


@pytest.mark.parametrize("path", ["/claims?claim=k1", "/sources", "/timeline", "/methodology"])
def test_pages_show_payloads_as_text(browser, hostile_server, path):
    p = OfflinePage(browser, hostile_server).open(path)
    try:
        main = p.page.locator('[data-testid="stMain"]')
        main.locator("h1").first.wait_for(timeout=60_000)
        p.page.wait_for_timeout(1500)  # let every element of the page render
        assert main.locator("img[src='x'], script:not([type]), svg[onload], iframe[src^='javascript']").count() == 0
        assert main.locator("a[href^='javascript']").count() == 0
        # Bare addresses from data stay text: no link anywhere on the page, sidebar included.
        assert p.page.locator("a[href*='evil.example']").count() == 0, p.page.locator("a[href*='evil']").first.evaluate(
            "a => a.outerHTML"
        )
        if path == "/sources":
            assert all(PAYLOADS[k] in main.inner_text() for k in URL_PAYLOADS)
        if path in ("/claims?claim=k1", "/sources"):  # elsewhere the text sits in canvas-drawn tables
            assert "window.__xss='img'" in main.inner_text()
        if path.startswith("/claims"):  # the comparison table (st.html): claimants as text, full and short
            table = main.locator("table.ca-cmp")
            head = table.locator("th[scope=row]").first
            assert head.get_attribute("title") == PAYLOADS["svg"] + PAYLOADS["backtick"]
            assert head.inner_text().startswith("<svg")
            assert table.locator("svg, img, iframe, script").count() == 0
        assert_nothing_ran(p)
    finally:
        p.close()


def test_url_parameter_payloads_are_shown_as_text(browser, hostile_server):
    evil = "%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D1%22%3E"
    p = OfflinePage(browser, hostile_server).open(f"/?{evil}=1&lens={evil}&event={evil}")
    try:
        warning = p.page.locator('[data-testid="stSidebar"] [data-testid="stAlert"]')
        warning.wait_for(timeout=60_000)
        assert "<img src=x" in warning.inner_text()
        assert warning.locator("img").count() == 0
        assert_nothing_ran(p)
    finally:
        p.close()
