"""What only a browser shows: the map draws offline, layers toggle, popups carry the right claims."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser


def sidebar_checkbox(page, source_id: str):
    return page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]').filter(has_text=source_id)


def open_popup(p, event_id: str):
    # Dispatched on the marker itself: labels and tooltips may lie over it.
    p.map.locator(f"path.ca-event-{event_id}").last.dispatch_event("click")
    popup = p.map.locator(f'.leaflet-popup-content .ca-popup[data-event="{event_id}"]')
    popup.wait_for(timeout=15_000)
    return popup


def test_map_draws_offline_with_its_layers(offline):
    p = offline().wait_map()
    assert p.map.locator("path.leaflet-interactive").count() > 20
    control = p.map.locator(".leaflet-control-layers-list").inner_text()
    assert re.search(r"Border, OSM-derived \(10 m\): \d+ km", control)
    assert re.search(r"Border, Natural Earth 1:10m: \d+ km", control)
    assert "Provinces: Balochistan, Sistan and Baluchestan" in control
    for sid in ("s000", "s001", "s002", "s003", "s004"):
        assert f"Source {sid}" in control
        assert sidebar_checkbox(p.page, sid).count() == 1
    # Everything the map needed came from the app itself.
    assert not [u for u in p.external if "leaflet" in u or "jquery" in u or "bootstrap" in u], p.external


def test_layer_toggle_hides_the_border_line(offline):
    p = offline().wait_map()
    before = p.map.locator("path.leaflet-interactive").count()
    p.map.locator(".leaflet-control-layers-list label").filter(has_text="Border, OSM-derived").locator("input").click()
    p.page.wait_for_timeout(300)
    assert p.map.locator("path.leaflet-interactive").count() == before - 1


def test_click_on_the_map_shows_a_distance(offline):
    p = offline().wait_map()
    box = p.page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
    # A point in the map's lower left, away from markers and controls.
    p.page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.75)
    msg = p.page.locator('[data-testid="stAlertContentSuccess"]').filter(has_text="km to the border")
    msg.wait_for(timeout=30_000)
    km = float(re.search(r"([\d.]+) km", msg.inner_text()).group(1))
    assert 0 < km < 1000
    p.map.locator(".ca-click").wait_for(timeout=15_000)
    assert "km to the border" in p.map.locator(".ca-click").inner_text()


def test_saravan_popup_puts_the_two_accounts_of_the_dead_side_by_side(offline):
    p = offline().wait_map()
    popup = open_popup(p, "pakistan-strike-saravan")
    killed = popup.locator('ul[data-kind="killed"]')
    iran = killed.locator('li[data-claim="c-sv-killed-003"]')
    pakistan = killed.locator('li[data-claim="c-sv-killed-001"]')
    assert "women 3, men 2, children 4" in iran.inner_text()
    assert "Government of Iran" in iran.inner_text()
    assert "Baloch separatists" in pakistan.inner_text() and "Government of Pakistan" in pakistan.inner_text()
    assert iran.locator(".ca-disagree").count() == 1 and pakistan.locator(".ca-disagree").count() == 1
    assert "inconsistent" in popup.locator(".ca-verdict").inner_text()


def test_turning_a_source_off_removes_its_claims_and_its_own_events(offline):
    p = offline().wait_map()
    popup = open_popup(p, "pakistan-strike-saravan")
    assert popup.locator('li[data-source="s003"]').count() > 0
    assert p.map.locator("path.ca-event-ambassadors-return").count() > 0  # reported only by s003
    sidebar_checkbox(p.page, "s003").locator("label").click()
    p.page.wait_for_function("() => new URL(location).searchParams.get('sources') === 's000,s001,s002,s004'")
    p.wait_map_state("path.ca-event", absent="path.ca-src-s003")
    popup = open_popup(p, "pakistan-strike-saravan")
    assert popup.locator('li[data-source="s003"]').count() == 0
    assert popup.locator('li[data-source="s001"]').count() > 0
    assert p.map.locator("path.ca-event-ambassadors-return").count() == 0
    assert p.map.locator("path.ca-event-pakistan-strike-saravan").count() > 0


def test_depth_bands_and_measured_lines_are_labelled(offline):
    p = offline().wait_map()
    labels = p.map.locator(".ca-band-label").all_inner_texts()
    assert any("s003: about 90 km" in t for t in labels), labels
    assert any("s003: more than 50 km" in t for t in labels), labels
    measured = " ".join(p.map.locator(".ca-measured").all_inner_texts())
    assert re.search(r"measured \d+ km \(\d+–\d+\) · s003 about 90 km: inconsistent", measured), measured


def test_url_parameters_restore_the_view(offline):
    p = offline("/?sources=s001,s004&lens=pakistan_official&from=2024-01-01&to=2024-01-31").wait_map()
    checked = {
        sid: sidebar_checkbox(p.page, sid).locator("input").is_checked()
        for sid in ("s000", "s001", "s002", "s003", "s004")
    }
    assert checked == {"s000": False, "s001": True, "s002": False, "s003": False, "s004": True}
    assert p.page.locator('[data-testid="stSidebar"] [role="radiogroup"] input:checked').count() == 1
    assert (
        "Pakistani official"
        in p.page.locator('[data-testid="stSidebar"] [role="radiogroup"] label')
        .filter(has=p.page.locator("input:checked"))
        .inner_text()
    )
    qs = parse_qs(urlparse(p.page.url).query)
    assert qs["sources"] == ["s001,s004"] and qs["lens"] == ["pakistan_official"]
    again = offline(urlparse(p.page.url).path + "?" + urlparse(p.page.url).query).wait_map()
    assert again.map.locator("path.ca-src-s003").count() == 0
    assert again.map.locator("path.ca-src-s001").count() > 0


def test_popup_link_opens_the_claims_page_on_that_claim(offline):
    p = offline().wait_map()
    popup = open_popup(p, "pakistan-strike-saravan")
    with p.context.expect_page() as opened:
        popup.locator('li[data-claim="c-sv-killed-003"] a').click()
    claims_page = opened.value
    claims_page.route("**/*", p._route)
    claims_page.wait_for_url(re.compile(r"/claims\?claim=c-sv-killed-003"), timeout=30_000)
    claims_page.get_by_text("Linked claim").wait_for(timeout=60_000)
    body = claims_page.locator('[data-testid="stMain"]').inner_text()
    assert "According to Iran, the incursions killed three women, two men, and four children" in body
    assert "Characters" in body and "003_e3cf4c531f3c8fa3.txt" in body


def test_unreachable_tile_server_still_draws_the_vector_map(offline):
    p = offline("/?basemap=osm").wait_map()
    p.map.locator("img.leaflet-tile").first.wait_for(state="attached", timeout=30_000)
    assert any("tile.openstreetmap.org" in u for u in p.external)  # tiles were asked for, and failed
    assert p.map.locator("path.leaflet-interactive").count() > 20
    assert "OpenStreetMap" in p.map.locator(".leaflet-control-attribution").inner_text()
