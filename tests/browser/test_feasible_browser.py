"""A stated depth's feasible region, reached as a reader reaches it: click (or tap) the strike's
marker, unfold its quotes, follow the depth claim's "open in claims" link, and read on the
Claims page where the strike must lie if the claim is true, drawn and said in words, at desktop
and phone size."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SIZES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_from_a_popup_to_the_feasible_region_of_a_stated_depth(offline, size):
    p = offline("/", **SIZES[size]).wait_map()
    popup = p.open_popup("pakistan-strike-saravan")
    p.unfold(popup)  # again if a redraw of the map took the first click, as a reader would
    link = popup.locator('li[data-claim="c-sv-depth-003"] a', has_text="open in claims")
    with p.context.expect_page() as opened:
        p.press(link)
    claims = opened.value
    try:
        claims.get_by_text("Where the strike must lie if this claim is true").wait_for(timeout=60_000)
        said = claims.get_by_text("Where the strike must lie if this claim is true").locator("..").inner_text()
        assert "Band 81–99 km from the border" in said and "0% of the location's uncertainty area" in said
        assert "inconsistent" in said
        chart = claims.get_by_test_id("stVegaLiteChart").first
        chart.wait_for(timeout=60_000)
        chart.scroll_into_view_if_needed()
        claims.wait_for_timeout(800)
        box = chart.bounding_box()
        assert box["width"] > 200 and box["height"] > 200, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"] + 1  # fits a phone
        claims.screenshot(path=f"artifacts/feasible-{size}.png")
        assert p.axe(claims.main_frame) == []
    finally:
        claims.close()
    assert p.failed == [] and p.console_errors == [] and p.external == []
