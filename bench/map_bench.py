"""Map page figures, each next to a bare st_folium map with one marker measured in the same run.

- payload: the folium map's HTML with every layer on, in bytes;
- server: time of a rerun after toggling a source (AppTest, median of N), with the view's map
  already in the shared render cache and with that cache emptied (a view nobody opened yet);
- browser: time from navigation to the map's first vector path in headless Chromium (median of N).

Targets (issue 4): payload <= 300 KB; rerun median <= 0.3 s; browser <= 1.5x the bare map.
Usage: python bench/map_bench.py [--runs N] [--no-browser]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rerun_times(script: Path, toggle_label_prefix: str, runs: int, cold: bool = False) -> list[float]:
    """Rerun times after toggling a source; ``cold`` empties the shared map-render cache first,
    so every rerun builds and renders its map (a view nobody has opened yet)."""
    from streamlit.testing.v1 import AppTest

    from geo import streamlit_adapters

    at = AppTest.from_file(str(script), default_timeout=300)
    at.run()
    box = next(b for b in (at.sidebar.checkbox or at.checkbox) if b.label.startswith(toggle_label_prefix))
    key = box.key
    times = []
    for i in range(runs):
        target = next(b for b in (at.sidebar.checkbox or at.checkbox) if b.key == key)
        (target.uncheck() if i % 2 == 0 else target.check())
        if cold:
            streamlit_adapters._rendered.clear()
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
        assert not at.exception, at.exception
    return times


def browser_times(script: str, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS, OfflinePage
    from tests.server import streamlit_server

    times = []
    with streamlit_server(script=script) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        OfflinePage(browser, url).open("/").wait_map().close()  # warm the server's caches
        for _ in range(runs):
            p = OfflinePage(browser, url)
            t = time.perf_counter()
            p.open("/").wait_map()
            times.append(time.perf_counter() - t)
            p.close()
        browser.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()

    import folium

    from geo.dataset import load_dataset
    from geo.discrepancy import find_discrepancies
    from geo.layers import MapView, build_map

    ds = load_dataset()
    claims = tuple(ds.claims.values())
    events = tuple(e for e in ds.events if any(c.event == e for c in claims))
    html = build_map(ds, MapView(claims, tuple(find_discrepancies(ds)), tuple(ds.sources), events)).get_root().render()
    bare = folium.Map(location=(27.3, 62.9), zoom_start=7, tiles=None)
    folium.CircleMarker((27.37, 62.33), radius=8).add_to(bare)
    print(
        f"payload: {len(html.encode()) / 1024:.0f} KB with every layer on "
        f"(bare map: {len(bare.get_root().render().encode()) / 1024:.1f} KB)"
    )

    app = rerun_times(ROOT / "app.py", "s003", args.runs)
    cold = rerun_times(ROOT / "app.py", "s003", args.runs, cold=True)
    base = rerun_times(ROOT / "bench" / "bare_app.py", "rerun me", args.runs)
    ma, mc, mb = statistics.median(app), statistics.median(cold), statistics.median(base)
    print(
        f"server rerun after toggling a source: median {ma:.3f} s over {args.runs} with the view's map "
        f"already rendered, {mc:.3f} s rendering it afresh (bare map {mb:.3f} s)"
    )

    if not args.no_browser:
        app_b = browser_times("app.py", args.runs)
        base_b = browser_times("bench/bare_app.py", args.runs)
        ma, mb = statistics.median(app_b), statistics.median(base_b)
        print(
            f"browser, navigation to first vector path: median {ma:.2f} s over {args.runs} "
            f"(bare map {mb:.2f} s; ratio {ma / mb:.2f}x)"
        )


if __name__ == "__main__":
    main()
