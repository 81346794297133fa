"""Take the README's screenshots from the running app in headless Chromium (offline).

Usage: python scripts/screenshots.py [--out docs/screenshots]. Starts its own server.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS, OfflinePage  # noqa: E402
from tests.server import streamlit_server  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with streamlit_server() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        p = OfflinePage(browser, url, width=1440, height=1000).open("/")
        p.wait_map()
        frame = p.page.locator("iframe[title='streamlit_folium.st_folium']")
        frame.scroll_into_view_if_needed()
        p.page.wait_for_timeout(1500)
        frame.screenshot(path=str(args.out / "map.png"))
        p.map.locator("path.ca-event-pakistan-strike-saravan").last.dispatch_event("click")
        p.map.locator(".leaflet-popup-content .ca-popup").wait_for(timeout=15_000)
        p.page.wait_for_timeout(800)
        frame.screenshot(path=str(args.out / "popup.png"))
        p.close()
        browser.close()
    print(f"screenshots written to {args.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
