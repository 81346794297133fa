"""The timeline as a reader uses it, at desktop and phone size: drag across the chart with the
pointer to choose a time range; the table below, the link and every other page follow (the
shared date filter), and the default dates come back with one button."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SIZES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_brushing_a_time_range_filters_every_page(offline, size):
    p = offline("/timeline", **SIZES[size])
    page = p.page
    chart = page.get_by_test_id("stVegaLiteChart").first
    chart.wait_for(timeout=60_000)
    p.settle(1500)
    page.get_by_role("heading", name="Events from 2023-12-01 to 2024-01-31").wait_for(timeout=30_000)
    box = p.on_screen(chart)
    # A drag across the right half of the chart (clear of the lane labels, even on a phone).
    y = box["y"] + box["height"] * 0.4
    page.mouse.move(box["x"] + box["width"] * 0.5, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.85, y, steps=10)
    page.mouse.up()
    page.wait_for_function("() => new URL(location.href).searchParams.get('from') !== '2023-12-01'", timeout=30_000)
    q = p.query()
    assert q["from"] > "2023-12-01" or q["to"] < "2024-01-31", q
    heading = page.get_by_role("heading", name=f"Events from {q['from']} to {q['to']}")
    heading.wait_for(timeout=30_000)
    # Vega-Lite draws the brush as two unnamed rectangles with an image role and offers no way to
    # name or hide them; the range they show is said in the heading above and in the sidebar's date
    # field, which does the same from the keyboard. Everything else is audited.
    assert p.axe(exclude=(".brush_brush_bg", ".brush_brush")) == []
    # Every page follows: the claims page opened from the same link shows the same range.
    page.goto(p.base + f"/claims?{page.url.split('?', 1)[1]}")
    page.get_by_text("Claims compared").wait_for(timeout=60_000)
    assert p.query()["from"] == q["from"] and p.query()["to"] == q["to"]
    page.goto(p.base + f"/timeline?{page.url.split('?', 1)[1]}")
    p.press(page.get_by_role("button", name="Show the default dates again"))
    page.wait_for_function("() => new URL(location.href).searchParams.get('from') === '2023-12-01'", timeout=30_000)
    assert p.failed == [] and p.console_errors == [] and p.external == []
