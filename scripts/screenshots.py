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
        p.on_screen(frame)
        p.page.wait_for_timeout(1500)
        frame.screenshot(path=str(args.out / "map.png"))
        p.open_popup("pakistan-strike-saravan")  # a real click at the marker's centre
        p.page.wait_for_timeout(1200)
        frame.screenshot(path=str(args.out / "popup.png"))
        p.close()
        phone = OfflinePage(browser, url, width=390, height=844, touch=True).open("/")
        phone.wait_map()
        phone.open_popup("iran-strike-panjgur")  # a tap
        phone.page.wait_for_timeout(1200)
        phone.page.screenshot(path=str(args.out / "phone-popup.png"))
        phone.close()
        browser.close()
    print(f"screenshots written to {args.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
