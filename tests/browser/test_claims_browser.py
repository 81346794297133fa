"""The Claims page as a reader sees it, at desktop and phone size: every value in full, nothing
cut, the table stacked into cards on a phone, another event chosen with real input.

Screenshots land in ``artifacts/claims_<size>.png`` to be looked at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.core.dataset import load_dataset
from tests.browser.conftest import SIZES

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

# For each value shown: its text, and whether its box or its cell is narrower than its content.
READ_CELLS = """() => [...document.querySelectorAll('table.ca-cmp .ca-v')].map(v => {
    const td = v.closest('td');
    return {claim: v.dataset.claim, text: v.innerText.trim(),
            cut: v.scrollWidth > v.clientWidth + 1 || td.scrollWidth > td.clientWidth + 1,
            visible: v.getClientRects().length > 0};
})"""


def _expected(event_id: str) -> dict[str, str]:
    ds = load_dataset()
    return {c.id: c.value_label() for c in ds.claims.values() if c.event == event_id}


def _check_table(p, event_id: str):
    table = p.page.locator("table.ca-cmp")
    table.wait_for(timeout=60_000)
    p.settle(800)
    cells = {c["claim"]: c for c in p.page.evaluate(READ_CELLS)}
    expected = _expected(event_id)
    assert set(cells) == set(expected)
    for cid, label in expected.items():
        cell = cells[cid]
        assert cell["visible"] and not cell["cut"], cell
        assert cell["text"] == label or cell["text"].startswith(label + " ⚠"), (cid, cell["text"], label)
    return table


@pytest.mark.parametrize("size", list(SIZES))
def test_every_value_reads_in_full(offline, size):
    p = offline("/claims", **SIZES[size])
    table = _check_table(p, "pakistan-strike-saravan")
    # Nothing on the page is wider than the screen: no sideways scrolling to find a column.
    width = p.page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width
    row = table.locator("tbody tr").first
    display = row.evaluate("r => getComputedStyle(r).display")
    if size == "phone":
        assert display == "block"  # one card per claimant
        full = row.locator(".ca-full")
        assert full.is_visible() and full.inner_text() == row.locator("th").get_attribute("title")
        # A card lists only the kinds this claimant speaks to: no empty rows.
        for td in row.locator("td").all():
            assert td.is_visible() == bool(td.inner_text().strip())
    else:
        assert display == "table-row"
        assert row.locator(".ca-short").is_visible()
    marked = table.locator(".ca-mat")
    assert 0 < marked.count() < table.locator(".ca-v").count()  # only the material ones
    ARTIFACTS.mkdir(exist_ok=True)
    p.page.screenshot(path=str(ARTIFACTS / f"claims_{size}.png"))
    # The whole page at once, to look at: same width, a window tall enough to hold it all.
    p.page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
    p.page.set_viewport_size({"width": SIZES[size]["width"], "height": 5200})
    p.settle(1500)
    p.page.screenshot(path=str(ARTIFACTS / f"claims_{size}_whole.png"))


@pytest.mark.parametrize("size", list(SIZES))
def test_choose_another_event_with_real_input(offline, size):
    p = offline("/claims", **SIZES[size])
    p.page.locator("table.ca-cmp").wait_for(timeout=60_000)
    box = p.page.get_by_test_id("stSelectbox").filter(has_text="Event").first
    box.click()
    p.page.keyboard.type("Panjgur")
    p.page.keyboard.press("Enter")
    p.page.locator("table.ca-cmp .ca-v[data-claim^='c-pj-']").first.wait_for(timeout=30_000)
    _check_table(p, "iran-strike-panjgur")
