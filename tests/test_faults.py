"""Faults: broken boundary files and missing map assets give a clear message; the rest works."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

import pytest
from streamlit.testing.v1 import AppTest

from geo import boundaries, measure
from geo.dataset import load_dataset
from geo.discrepancy import find_discrepancies

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def run_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    return at


def unescape(text: str) -> str:
    return text.replace("\\", "")


@pytest.fixture(params=["missing", "corrupt", "empty", "wrong geometry"])
def broken_boundaries(request, tmp_path, monkeypatch):
    folder = tmp_path / "boundaries"
    shutil.copytree(boundaries.DATA_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    target = folder / "border_osm.geojson"
    if request.param == "missing":
        target.unlink()
    elif request.param == "corrupt":
        target.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    elif request.param == "empty":
        target.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    else:
        target.write_text(
            '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
            '"geometry":{"type":"Point","coordinates":[62,27]}}]}',
            encoding="utf-8",
        )
    monkeypatch.setenv("CLAIMS_ATLAS_BOUNDARIES", str(folder))
    return target


def test_measuring_names_the_broken_file(broken_boundaries):
    with pytest.raises(boundaries.BoundaryDataError, match="border_osm.geojson"):
        measure.distance_to_border(62.3, 27.4, "osm")
    # The other resolution still works.
    assert measure.distance_to_border(62.3, 27.4, "ne10m").distance_km > 0


def test_findings_say_cannot_tell_instead_of_failing(broken_boundaries):
    fs = find_discrepancies(load_dataset(), resolution="osm")
    depth = [f for f in fs if f.event == "pakistan-strike-saravan" and f.type == "depth_vs_measured"]
    assert depth and all(f.verdict == "cannot tell" and "border_osm.geojson" in f.summary for f in depth)
    assert any(f.type == "different_victims" for f in fs)  # findings that need no geometry still come


@pytest.mark.parametrize("page", ["map", "claims", "methodology"])
def test_pages_show_a_clear_message_and_keep_working(broken_boundaries, page):
    at = run_page(page)
    assert not at.exception, [e.value for e in at.exception]
    if page != "claims":
        assert any("border_osm.geojson" in unescape(e.value) for e in at.error), [e.value for e in at.error]
    assert at.dataframe, "the page's tables still render"


def test_missing_map_assets_fall_back_to_cdn_with_a_notice():
    with mock.patch("geo.map_assets.missing_assets", return_value=["leaflet/leaflet.js"]):
        at = run_page("map")
    assert not at.exception
    assert any("needs internet" in w.value for w in at.warning)


def test_local_assets_replace_every_cdn_link():
    import folium
    import folium.plugins

    from geo import map_assets

    if map_assets.missing_assets():
        pytest.skip("map assets not installed (run `make setup`)")
    assert map_assets.use_local_assets()
    links = [u for _, u in folium.Map.default_js + folium.Map.default_css]
    links += [u for _, u in folium.plugins.MeasureControl.default_js + folium.plugins.MeasureControl.default_css]
    assert links and all(u.startswith("/app/static/vendor/") for u in links)
    for u in links:
        assert (map_assets.VENDOR / u.removeprefix("/app/static/vendor/")).is_file()
