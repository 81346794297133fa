"""The claimant split on the map page, as a reader uses it at desktop and phone size: switch it
on, see three maps (one per claimant group, each with only its own claims), move one by
dragging it and see the others follow, and open a strike's popup on one of them with a real
click or tap: it holds that group's claims only."""

from __future__ import annotations

import pytest

from tests.browser.conftest import MAP_IFRAME, SIZES

pytestmark = pytest.mark.browser
CENTRE = """() => { for (const k in window) { const m = window[k];
    if (k.startsWith('map_') && m && m.getCenter) { const c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; } }
    return null; }"""


@pytest.mark.parametrize("size", list(SIZES))
def test_three_claimant_maps_move_together_and_hold_their_own_claims(offline, size):
    p = offline("/", **SIZES[size]).wait_map()
    page = p.page
    p.press(page.get_by_text("Compare claimants side by side"))
    maps = page.locator(MAP_IFRAME)
    page.wait_for_function(f"() => document.querySelectorAll('{MAP_IFRAME}').length === 3", timeout=60_000)
    frames = [page.frame_locator(MAP_IFRAME).nth(i) for i in range(3)]
    for f in frames:
        f.locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
    p.settle(1500)

    def centres():
        return [maps.nth(i).element_handle().content_frame().evaluate(CENTRE) for i in range(3)]

    before = centres()[0]
    # Drag the first map (a mouse drag: a finger's drag is not in Playwright's touch API).
    box = p.on_screen(maps.nth(0))
    x, y = box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.7
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 100, y + 60, steps=12)
    page.mouse.up()

    # The three agree again, away from where they were (the dragged map glides to a stop first).
    page.wait_for_function(
        f"""() => {{ const cs = [...document.querySelectorAll('{MAP_IFRAME}')].map(f => {{
                const w = f.contentWindow;
                for (const k in w) {{ const m = w[k];
                    if (k.startsWith('map_') && m && m.getCenter) return m.getCenter(); }}
                return null; }});
            return cs.every(c => c) && Math.abs(cs[0].lng - {before[1]}) > 0.2
                && cs.every(c => Math.abs(c.lat - cs[0].lat) < 0.05 && Math.abs(c.lng - cs[0].lng) < 0.05); }}""",
        timeout=30_000,
    )
    moved = centres()[0]
    assert all(c[2] == moved[2] for c in centres())
    # The Pakistani officials' map: its Saravan popup gives their figures only.
    pak = frames[1]
    marker = pak.locator(".ca-event-pakistan-strike-saravan")
    mbox = p.on_screen(marker)
    p.tap_or_click(mbox["x"] + mbox["width"] / 2, mbox["y"] + mbox["height"] / 2)
    popup = pak.locator('.leaflet-popup-content .ca-popup[data-event="pakistan-strike-saravan"]')
    popup.wait_for(timeout=15_000)
    groups = popup.locator("table.ca-summary .ca-who").all_inner_texts()
    assert groups and set(groups) == {"Pakistani official:"}, groups
    assert p.axe() == [] and p.axe(maps.nth(1).element_handle().content_frame()) == []
    page.screenshot(path=f"artifacts/split-{size}.png")
    assert p.failed == [] and p.console_errors == [] and p.external == []
