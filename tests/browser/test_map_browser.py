"""Journeys on the map, with real input only (mouse, touch taps, keyboard, ``locator.click()``
without ``force``), each at desktop (1400×900) and phone (390×844, touch) size.

Scripts run in the page only to *read* state (what is on top at a point, the map's zoom,
label boxes); nothing is opened, clicked or moved by a script.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SIZES

pytestmark = pytest.mark.browser
STRIKES = ("iran-strike-panjgur", "pakistan-strike-saravan", "iran-strike-iraq", "iran-strike-syria")


@pytest.fixture(params=list(SIZES))
def size(request):
    return SIZES[request.param]


def fit_all(p):
    p.map.get_by_role("button", name=re.compile("zoom to show", re.I)).click()
    p.settle(800)


@pytest.mark.parametrize("event_id", STRIKES)
def test_the_first_click_or_tap_on_a_strike_opens_its_popup_and_it_stays_open(offline, size, event_id):
    p = offline(**size).wait_map()
    if not p.marker(event_id).is_visible() or event_id in ("iran-strike-iraq", "iran-strike-syria"):
        fit_all(p)  # off-screen at the first view: the map's own button brings every event in
    top = p.click_marker(event_id)
    assert f"ca-event-{event_id}" in top.split(), f"on top at the marker's centre: {top}"
    popup = p.popup(event_id)
    popup.wait_for(timeout=10_000)
    # The click reports the event to the server (a rerun writes it to the URL); the popup stays.
    p.page.wait_for_function(f"() => new URL(location).searchParams.get('event') === '{event_id}'")
    p.settle(800)
    assert popup.is_visible()
    assert p.external == [] and p.console_errors == [] and p.failed == []


def test_co_located_events_fan_out_and_each_opens_its_own_popup(offline, size):
    p = offline(**size).wait_map()
    for event_id in ("rask-police-attack-2023", "rask-attack-2024-01-10"):
        popup = p.open_popup(event_id)
        assert popup.is_visible()
        close_popup(p, event_id)
    fit_all(p)
    islamabad = ("pakistan-condemnation", "de-escalation", "ambassadors-return", "china-mediation")
    for event_id in islamabad:
        assert p.open_popup(event_id).is_visible()
        close_popup(p, event_id)


def close_popup(p, event_id):
    p.map.locator(".leaflet-popup").filter(has=p.popup(event_id)).get_by_role("button", name="Close popup").click()
    p.popup(event_id).wait_for(state="detached", timeout=5_000)


def saravan_state(p) -> dict:
    popup = p.popup("pakistan-strike-saravan")
    return {
        "s003_in_popup": popup.locator('li[data-source="s003"]').count(),
        "s001_in_popup": popup.locator('li[data-source="s001"]').count(),
        "count_on_marker": p.marker("pakistan-strike-saravan").inner_text().strip().split()[0],
        "s003_bands": len([t for t in p.map.locator(".ca-lbl-depth").all_text_contents() if "s003" in t]),
        "s003_only_event": p.marker("ambassadors-return").count(),
        "verdict": popup.locator(".ca-verdict").count(),
        "quotes_unfolded": popup.locator("details.ca-details[open]").count(),
    }


def test_a_source_toggled_off_and_on_leaves_and_returns_everywhere_and_the_view_stays(offline, size):
    p = offline(**size).wait_map()
    p.map.get_by_role("button", name="Zoom in").click()
    p.page.wait_for_function("() => new URL(location).searchParams.get('zoom') === '8'")
    popup = p.open_popup("pakistan-strike-saravan")
    # The click's own rerun (it writes the event to the URL) redraws the popup: unfold after it,
    # as a reader does, not in the millisecond the old popup is being replaced (seen under load).
    p.page.wait_for_function("() => new URL(location).searchParams.get('event') === 'pakistan-strike-saravan'")
    p.settle()
    popup.locator("details.ca-details summary").click()
    p.settle()
    before = saravan_state(p)
    assert before["quotes_unfolded"] == 1  # and still after each redraw: the reader unfolded them
    assert before["s003_in_popup"] and before["s003_bands"] and before["s003_only_event"] and before["verdict"]
    assert before["count_on_marker"] == "5"
    zoom = p.frame.evaluate("() => window.map.getZoom()")

    p.toggle_source("s003")
    p.page.wait_for_function("() => new URL(location).searchParams.get('sources') === 's000,s001,s002,s004'")
    p.close_sidebar()
    p.map.locator(".ca-event-ambassadors-return").wait_for(state="detached", timeout=15_000)
    p.settle()
    off = saravan_state(p)  # the popup that was open is open again after the redraw
    assert off == {**off, "s003_in_popup": 0, "s003_bands": 0, "s003_only_event": 0, "verdict": 0}
    assert off["s001_in_popup"] and off["count_on_marker"] == "4"
    assert p.frame.evaluate("() => window.map.getZoom()") == zoom  # no reload: the view is kept

    p.toggle_source("s003")
    p.page.wait_for_function("() => new URL(location).searchParams.get('sources') === 's000,s001,s002,s003,s004'")
    p.close_sidebar()
    p.map.locator(".ca-event-ambassadors-return").wait_for(state="attached", timeout=15_000)
    p.settle()
    assert saravan_state(p) == before
    assert p.frame.evaluate("() => window.map.getZoom()") == zoom


def test_click_to_measure_shows_the_distance_by_the_click_and_leaves_nothing_behind(offline, size):
    p = offline(**size).wait_map()
    box = p.on_screen(p.page.locator('iframe[title="streamlit_folium.st_folium"]'))
    points = [(0.25, 0.30), (0.36, 0.22)]  # inside Iran, away from markers, labels and controls
    for fx, fy in points:
        x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
        assert "not a marker" in p.element_at(x, y)
        p.tap_or_click(x, y)
        p.page.wait_for_function(
            "() => document.querySelectorAll('[data-testid=stDataFrame]').length > 0 && "
            "document.body.innerText.includes('km to the border')"
        )
        label = p.map.locator(".ca-lbl-click")
        label.wait_for(timeout=15_000)
        p.settle()
        assert label.count() == 1, "one measurement drawn: the last one"
        assert p.map.locator(".ca-click-line").count() == 2  # its line to the border and its point
        lb = label.bounding_box()
        assert abs(lb["x"] + lb["width"] / 2 - x) < 200 and abs(lb["y"] + lb["height"] / 2 - y) < 60
        assert lb["height"] < 24 and lb["width"] < 200, lb  # compact
        assert re.fullmatch(r"\d+\.\d km to the border", label.inner_text().strip())
        # No focus ring or outline left on the map or its shapes by the click.
        assert p.frame.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "none"
    msg = p.page.locator('[data-testid="stAlertContentSuccess"]').filter(has_text="km to the border")
    km = float(re.search(r"([\d.]+) km", msg.inner_text()).group(1))
    assert 0 < km < 1000
    p.page.get_by_role("button", name="Clear measurements").click()
    p.map.locator(".ca-lbl-click").wait_for(state="detached", timeout=15_000)
    assert p.map.locator(".ca-click-line").count() == 0


def test_a_copied_url_reopens_the_same_view(offline, size):
    p = offline(**size).wait_map()
    p.open_popup("pakistan-strike-saravan")
    for _ in range(2):
        p.map.get_by_role("button", name="Zoom in").click()
        p.settle(500)
    p.page.wait_for_function(
        "() => { const q = new URL(location).searchParams; return q.get('event') === 'pakistan-strike-saravan'"
        " && q.get('zoom') === '9'; }"
    )
    p.settle(800)
    q = p.query()
    centre = tuple(float(v) for v in q["center"].split(","))
    again = offline(p.page.url.removeprefix(p.base), **size).wait_map()
    again.popup("pakistan-strike-saravan").wait_for(timeout=15_000)
    assert again.frame.evaluate("() => window.map.getZoom()") == 9
    c = again.frame.evaluate("() => { const c = window.map.getCenter(); return [c.lat, c.lng]; }")
    assert abs(c[0] - centre[0]) < 0.05 and abs(c[1] - centre[1]) < 0.05, (c, centre)


def label_overlaps(p) -> list:
    """Pairs of visible labels, or a label and a marker, whose boxes overlap (page pixels)."""
    return p.frame.evaluate(
        """() => {
            const vis = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                return s.visibility !== 'hidden' && r.width > 0 && r.right > 0 && r.bottom > 0
                    && r.left < innerWidth && r.top < innerHeight ? r : null; };
            const labels = [...document.querySelectorAll('.ca-lbl')].map(e => [e.textContent, vis(e)])
                .filter(x => x[1]);
            const marks = [...document.querySelectorAll('.ca-event')].map(e => ['marker ' + e.className, vis(e)])
                .filter(x => x[1]);
            const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
                && a.top < b.bottom - 1 && b.top < a.bottom - 1;
            const out = [];
            labels.forEach((a, i) => {
                labels.slice(i + 1).forEach(b => { if (hit(a[1], b[1])) out.push([a[0], b[0]]); });
                marks.forEach(m => { if (hit(a[1], m[1])) out.push([a[0], m[0]]); });
            });
            return out;
        }"""
    )


def test_labels_never_overlap_each_other_or_a_marker_and_never_take_a_click(offline, size):
    p = offline(**size).wait_map()
    assert label_overlaps(p) == []
    shown = p.map.locator(".ca-lbl:not(.ca-hidden)").count()
    assert shown >= 10, "labels are decluttered, not all hidden"
    for button, back in (("Zoom in", "Zoom out"), ("Zoom out", "Zoom in")):
        p.map.get_by_role("button", name=button).click()
        p.settle(700)
        assert label_overlaps(p) == [], button
        p.map.get_by_role("button", name=back).click()
        p.settle(700)
    # A label's box never receives the pointer: what is on top there is the map, a shape or a marker.
    box = p.map.locator(".ca-lbl-town:not(.ca-hidden)").first.bounding_box()
    top = p.element_at(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert "ca-lbl" not in top


def test_layer_control_is_collapsed_and_holds_base_maps_and_context_layers_only(offline, size):
    p = offline(**size).wait_map()
    control = p.map.locator(".leaflet-control-layers")
    assert "leaflet-control-layers-expanded" not in (control.get_attribute("class") or "")
    toggle = p.map.locator(".leaflet-control-layers-toggle")
    if p.touch:
        toggle.tap()  # a tap opens it
    else:
        b = toggle.bounding_box()
        p.page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)  # a pointer over it opens it
    p.map.locator(".leaflet-control-layers-expanded").wait_for(timeout=5_000)
    text = p.map.locator(".leaflet-control-layers-list").inner_text()
    for name in ("None (offline vector map)", "OpenStreetMap", "Provinces", "Towns (GeoNames)", "Location uncertainty"):
        assert name in text, name
    assert re.search(r"Border, OSM-derived \(10 m\): \d+ km", text) and "Source s0" not in text
    before = p.map.locator("path.leaflet-interactive").count()
    p.map.locator(".leaflet-control-layers-list label").filter(has_text="Border, OSM-derived").locator("input").click()
    p.settle()
    assert p.map.locator("path.leaflet-interactive").count() == before - 1


def test_legend_and_fit_all_are_on_the_map(offline, size):
    p = offline(**size).wait_map()
    legend = p.map.get_by_role("button", name="Show or hide the legend")
    body = p.map.locator("#ca-legend-body")
    if not body.is_visible():
        legend.click()
    assert "Pakistan's strikes" in body.inner_text() and "Sources disagree" in body.inner_text()
    fit_all(p)
    outside = p.frame.evaluate(
        "() => [...document.querySelectorAll('.ca-event')].filter(e => { const r = e.getBoundingClientRect();"
        " return r.right < 0 || r.bottom < 0 || r.left > innerWidth || r.top > innerHeight; }).length"
    )
    assert outside == 0


def test_every_page_stays_on_this_machine(offline):
    for path in ("/", "/claims", "/sources", "/timeline", "/add", "/methodology"):
        p = offline(path)
        p.page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=60_000)
        p.settle(1500)
        assert p.external == [], (path, p.external)
        assert p.console_errors == [] and p.failed == [], (path, p.console_errors, p.failed)


def test_popup_answers_first_and_its_link_opens_the_claims_page(offline):
    p = offline().wait_map()
    popup = p.open_popup("pakistan-strike-saravan")
    summary = popup.locator("table.ca-summary")
    killed = summary.locator('tr[data-kind="killed"]').inner_text()
    assert "Iranian official" in killed and "Pakistani official" in killed and "disagree" in killed
    details = popup.locator("details.ca-details")
    assert not details.get_attribute("open")
    details.locator("summary").click()
    iran = popup.locator('li[data-claim="c-sv-killed-003"]')
    assert "women 3, men 2, children 4" in iran.inner_text() and "Government of Iran" in iran.inner_text()
    with p.context.expect_page() as opened:
        iran.locator("a").click()
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
    assert p.map.locator("path.leaflet-interactive").count() > 5
    assert "OpenStreetMap" in p.map.locator(".leaflet-control-attribution").inner_text()


def map_state(p) -> dict:
    """What the map shows, read off the page: markers (with their counts), depth labels, and the
    open Saravan popup's sources and findings."""
    popup = p.popup("pakistan-strike-saravan")
    return {
        "markers": dict(
            p.frame.evaluate(
                "() => [...document.querySelectorAll('.ca-event')].map(e => "
                "[[...e.classList].find(c => c.startsWith('ca-event-')), e.innerText.trim().split(/\\s/)[0]])"
            )
        ),
        "depths": sorted(p.map.locator(".ca-lbl-depth").all_text_contents()),
        "claims": sorted(popup.locator("li.ca-claim").evaluate_all("els => els.map(e => e.dataset.source)")),
        "flags": popup.locator(".ca-disagree").count(),
    }


def test_every_source_toggled_off_and_on_leaves_and_returns(offline, size):
    p = offline(**size).wait_map()
    p.open_popup("pakistan-strike-saravan")
    before = map_state(p)
    for sid in ("s000", "s001", "s002", "s003", "s004"):
        p.toggle_source(sid)
        p.page.wait_for_function(f"() => !new URL(location).searchParams.get('sources').includes('{sid}')")
        p.close_sidebar()
        p.page.wait_for_function(
            "(sid) => { const f = document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]');"
            " const d = f && f.contentDocument; return d && d.querySelector('.leaflet-popup .ca-popup') &&"
            ' !d.querySelector(`.leaflet-popup li[data-source="${sid}"]`); }',
            arg=sid,
        )
        p.settle()
        off = map_state(p)
        assert sid not in off["claims"] and off["claims"], sid  # its claims left the popup, others stayed
        assert not [t for t in off["depths"] if t.startswith(f"{sid}:")], sid  # and its bands
        assert set(off["markers"]) <= set(before["markers"]), sid
        assert int(off["markers"]["ca-event-pakistan-strike-saravan"]) == len(set(before["claims"])) - 1
        assert off["flags"] <= before["flags"], sid
        p.toggle_source(sid)
        p.page.wait_for_function(f"() => new URL(location).searchParams.get('sources').includes('{sid}')")
        p.close_sidebar()
        p.page.wait_for_function(
            "(sid) => { const f = document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]');"
            " const d = f && f.contentDocument;"
            ' return d && d.querySelector(`.leaflet-popup li[data-source="${sid}"]`); }',
            arg=sid,
        )
        p.settle()
        assert map_state(p) == before, sid
