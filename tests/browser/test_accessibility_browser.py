"""An axe-core audit (npm's axe-core, pinned) of every page and of the map, at desktop and
phone size: no serious or critical violation in what this app draws.

Streamlit's own chrome is audited too; rules it breaks by itself, where the app can do
nothing, are listed in ``STREAMLIT_OWN`` with the reason, and only on Streamlit's elements.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import AXE, IN_CI, SIZES

pytestmark = pytest.mark.browser
PAGES = ("/", "/claims", "/sources", "/timeline", "/add", "/methodology")
# rule id -> selector prefixes of Streamlit's (or its charting library's) own elements where it
# is allowed, and why.
STREAMLIT_OWN: dict[str, tuple[tuple[str, ...], str]] = {
    "svg-img-alt": (
        ("['.brush_brush",),
        "Vega-Lite draws an interval selection's brush as two unnamed rectangles with an image role and "
        "offers no way to name or hide them (the Timeline's brush); the range is said in words beside it "
        "and the sidebar's date field chooses it from the keyboard",
    ),
}


def ours(violations: list[dict]) -> list[dict]:
    out = []
    for v in violations:
        allowed, _ = STREAMLIT_OWN.get(v["id"], ((), ""))
        nodes = [n for n in v["nodes"] if not any(str(n).startswith(a) for a in allowed)]
        if nodes:
            out.append({**v, "nodes": nodes})
    return out


@pytest.fixture(scope="module", autouse=True)
def axe_installed():
    if not AXE.is_file():
        msg = f"axe-core is missing at {AXE}: run `make setup` with npm available (it installs it)"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violations(offline, size, path):
    p = offline(path, **SIZES[size])
    p.page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=60_000)
    if path == "/":
        p.wait_map()
    p.settle(1500)
    assert ours(p.axe()) == []
    if path == "/":
        assert ours(p.axe(p.frame)) == [], "inside the map"
