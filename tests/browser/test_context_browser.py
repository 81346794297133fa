"""ACLED / UCDP GED context, end to end as a reader does it: upload an export on the Add page,
see its rows as a faint layer on the map, click one for its popup, switch the layer off.

The rows are synthetic (tests/context_files.py); one carries a script payload in its notes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import SIZES, OfflinePage
from tests.context_files import acled_rows, to_csv, ucdp_rows
from tests.server import streamlit_server

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
PAYLOAD = "<img src=x onerror=\"window.__xss='context'\">"
# The row the reader clicks: under Saravan's depth band, which must not take the click.
TARGET = {"lat": "28.1000", "lon": "61.2000", "id": "TST-CLICK"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("ctxdb") / "user.db"
    with streamlit_server({"CLAIMS_ATLAS_DB": str(db)}) as url:
        yield url


def _upload(browser, server, size: str, path, rows: list[dict]) -> OfflinePage:
    """Write ``rows`` as a CSV at ``path``, open the Add page and import it on the Context data tab."""
    path.write_bytes(to_csv(rows))
    p = OfflinePage(browser, server, **SIZES[size]).open("/add")
    page = p.page
    tab = page.get_by_role("tab", name="Context data")
    tab.wait_for(timeout=60_000)
    tab.click()
    chooser = page.get_by_label("ACLED or UCDP GED export (CSV)").get_by_test_id("stFileUploaderDropzoneInput")
    chooser.set_input_files(str(path))
    page.get_by_role("button", name="Import these rows as context").click()
    return p


def _download(page, name) -> str:
    """Click a download button and return the file's path. The button's data is built when it is
    clicked (a server round trip); a click that lands while the page is still rerunning after the
    import is lost (seen once in CI), so, as a user would, click again once."""
    button = page.get_by_role("button", name=name)
    for attempt in (1, 2):
        try:
            with page.expect_download(timeout=20_000) as dl:
                button.click()
            return dl.value.path()
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    raise AssertionError("no download")


@pytest.mark.parametrize("size", list(SIZES))
def test_upload_then_see_and_open_a_context_row(browser, server, tmp_path, size):
    rows = acled_rows(5)
    for r in rows:  # each size its own rows: the database is shared
        r["event_id_cnty"] += f"-{size}"
    target = f"{TARGET['id']}-{size}"
    rows[0].update(event_id_cnty=target, latitude=TARGET["lat"], longitude=TARGET["lon"], notes=PAYLOAD)
    rows[0].update(event_date="2024-01-17", geo_precision="1", fatalities="2")
    p = _upload(browser, server, size, tmp_path / "acled_export.csv", rows)
    try:
        p.page.get_by_text(re.compile(r"acled_export\.csv: 5 ACLED rows kept as context \(5 new")).wait_for(
            timeout=60_000
        )
        # ...and the export holds them, with their distance to the border (the tab stays open).
        exported = json.loads(Path(_download(p.page, re.compile(r"Download the \d+ imported rows"))).read_text("utf-8"))
        assert target in {f["properties"]["event_id"] for f in exported["features"]}

        p.page.goto(server + "/")
        p.wait_map()
        p.page.get_by_text(re.compile(r"Context layer: all \d+ imported")).wait_for(timeout=30_000)
        frame_box = p.page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()

        def where() -> tuple[float, float]:
            pt = p.frame.evaluate(
                "([lat, lon]) => { const q = window.map.latLngToContainerPoint([lat, lon]); return [q.x, q.y]; }",
                [float(TARGET["lat"]), float(TARGET["lon"])],
            )
            return frame_box["x"] + pt[0], frame_box["y"] + pt[1]

        x, y = where()
        for _ in range(3):  # a phone shows less of the region: zoom out, as a reader would, to see the row
            inside = frame_box["x"] + 40 < x < frame_box["x"] + frame_box["width"] - 40
            if inside and frame_box["y"] + 40 < y < frame_box["y"] + frame_box["height"] - 40:
                break
            p.map.get_by_role("button", name="Zoom out").click()
            p.settle(800)
            x, y = where()
        assert "ca-context-point" in p.element_at(x, y)  # the row is on top, not the band beneath it
        p.tap_or_click(x, y)
        popup = p.map.locator(f'.ca-context[data-context="ACLED:{target}"]')
        popup.wait_for(timeout=15_000)
        text = popup.inner_text()
        assert f"ACLED {target}" in text and "Test Wire" in text and "2 fatalities (ACLED)" in text
        assert "town (the dataset's code 1" in text and "km (geodesic)" in text
        assert PAYLOAD in text and popup.locator("img").count() == 0
        assert p.page.evaluate("() => window.__xss") is None

        p.settle(800)  # the popup fades in and the map pans to fit it
        p.page.screenshot(path=str(ARTIFACTS / f"context_popup_{size}.png"))
        # The layer control switches the context off, like any overlay.
        p.map.locator(".leaflet-popup-close-button").click()
        circles = "() => { let n = 0; window.map.eachLayer(l => { if (l instanceof L.CircleMarker) n++; }); return n; }"
        assert p.frame.evaluate(circles) >= 5
        toggle = p.map.locator(".leaflet-control-layers-toggle")
        if p.touch:
            toggle.tap()  # a tap opens the layer control
        else:
            b = toggle.bounding_box()
            p.page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)  # a pointer over it opens it
        p.map.locator(".leaflet-control-layers-expanded").wait_for(timeout=5_000)
        box = p.map.locator(".leaflet-control-layers-list label").filter(has_text="Context: ACLED / UCDP GED")
        box.locator("input").click()
        p.settle()
        assert p.frame.evaluate(circles) == 0
    finally:
        p.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_a_broken_export_lists_its_bad_rows_and_imports_nothing(browser, server, tmp_path, size):
    rows = ucdp_rows(3)
    rows[1]["latitude"] = "-95"
    rows[2]["date_start"] = "yesterday"
    p = _upload(browser, server, size, tmp_path / "ged_broken.csv", rows)
    try:
        alert = p.page.get_by_test_id("stAlert").filter(has_text="nothing was imported")
        alert.wait_for(timeout=30_000)
        text = alert.inner_text()
        assert "row 3, field 'latitude'" in text and "row 4, field 'date_start'" in text
    finally:
        p.close()
