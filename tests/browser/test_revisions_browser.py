"""A toll that changed, in a browser at desktop and phone size: a reader adds a later article
whose figure updates one already in the atlas (chosen with the keyboard in the card's search
box), then opens the strike's popup with a real click or tap and reads the history, 9 → 11,
beside both figures, with nothing flagged as a disagreement between them.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SIZES, OfflinePage
from tests.server import streamlit_server

pytestmark = pytest.mark.browser
EARLIER = "c-sv-killed-003"  # the Government of Iran's 9, in the curated data


def update(size: str) -> str:
    return (
        f"TEHRAN, Feb. 3 (Wire, {size} desk) - The toll of last month's Pakistani strike near Saravan rose again: "
        "Iran said eleven people had been killed."
    )


@pytest.fixture
def server_with_empty_db(tmp_path):
    with streamlit_server({"CLAIMS_ATLAS_DB": str(tmp_path / "user.db")}) as url:
        yield url


@pytest.mark.parametrize("size", list(SIZES))
def test_a_revised_toll_reads_as_a_history_in_the_popup(browser, server_with_empty_db, size):
    p = OfflinePage(browser, server_with_empty_db, **SIZES[size]).open("/add")
    try:
        page = p.page
        area = page.get_by_label("Article text")
        area.wait_for(timeout=60_000)
        area.fill(update(size))
        area.press("Control+Enter")
        card = page.get_by_test_id("stVerticalBlock").filter(has=page.get_by_text(re.compile(r"Keep \d+: killed")))
        choose = card.last.get_by_role("combobox", name="Updates a figure already in the atlas")
        choose.wait_for(timeout=60_000)
        # stated as an update ("rose again"): Iran's standing figure is already chosen, and said so
        assert EARLIER in card.last.inner_text()
        assert "Stated as an update" in card.last.inner_text()
        card.last.screenshot(path=f"artifacts/revision-preselected-{size}.png")
        page.get_by_label("Its line of argument, in your words (required)").fill("A later toll.")
        p.press(page.get_by_role("button", name="Save this source and the kept claims"))
        page.get_by_text(re.compile("Saved source u-")).wait_for(timeout=60_000)
        sid = re.search(r"Saved source (u-[0-9a-f]{10})", page.get_by_test_id("stAlert").first.inner_text()).group(1)

        page.goto(server_with_empty_db + "/")
        p.wait_map()
        popup = p.open_popup("pakistan-strike-saravan")
        p.unfold(popup)
        new = popup.locator(f'li[data-source="{sid}"]')
        assert "History: revised figure, the claimant's latest: 9 people" in new.inner_text()
        assert "11 people" in new.inner_text() and "disagrees" not in new.inner_text()
        old = popup.locator(f'li[data-claim="{EARLIER}"]')
        assert "History: superseded by the claimant's later figure" in old.inner_text()
        assert "revised from 9 people" in popup.locator("table.ca-summary").inner_text()
        findings = popup.locator("li.ca-finding").all_inner_texts()
        assert any("revised their figure for killed" in f for f in findings), findings
        assert p.axe(p.frame) == [] and p.axe() == []
        page.screenshot(path=f"artifacts/revision-popup-{size}.png")
        assert p.failed == [] and p.console_errors == [] and p.external == []
    finally:
        p.close()
