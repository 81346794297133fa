"""Map page figures, each next to a bare st_folium map with one marker measured in the same run.

- payload: what the map component is sent, with every source on (base map + view layers);
- server: time of a rerun after toggling a source (AppTest, median of N), with the view already
  in the shared caches and with them emptied (a view nobody opened yet);
- browser, cold: from a fresh server start, the time from navigation until the map has drawn
  (for the app: its event markers and a vector shape on screen; for the bare map: its marker),
  by the page's own clock, checked on every animation frame, over several fresh starts;
- browser, warm: the same on a running server, median of N.

Targets (issue 12): cold <= 1.5x the bare map, warm <= 1.1x.
``--check`` also runs the bare map made slow on purpose (``CA_BENCH_DELAY``), once, to show that
the figures move when the thing measured does.

Usage: python bench/map_bench.py [--runs N] [--cold N] [--no-browser] [--check]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rerun_times(script: Path, toggle_label_prefix: str, runs: int, cold: bool = False) -> list[float]:
    """Rerun times after toggling a source; ``cold`` empties the shared caches first, so every
    rerun computes its view and renders its layers (a view nobody has opened yet)."""
    from streamlit.testing.v1 import AppTest

    from geo.web import map_component, state

    at = AppTest.from_file(str(script), default_timeout=300)
    at.run()
    at.run()  # a session's first run sends the map alone (the map's first report reruns it)
    box = next(b for b in (at.sidebar.checkbox or at.checkbox) if b.label.startswith(toggle_label_prefix))
    key = box.key
    times = []
    for i in range(runs):
        target = next(b for b in (at.sidebar.checkbox or at.checkbox) if b.key == key)
        (target.uncheck() if i % 2 == 0 else target.check())
        if cold:
            state._view.clear()
            map_component._layer.clear()
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
        assert not at.exception, at.exception
    return times


@contextmanager
def bare_server(delay: float = 0.0):
    """The bare app, started from a folder with the app's static files and settings beside it."""
    from tests.server import streamlit_server

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(ROOT / "bench" / "bare_app.py", folder / "bare_app.py")
        (folder / "static").symlink_to(ROOT / "static")
        shutil.copytree(ROOT / ".streamlit", folder / ".streamlit")
        env = {"PYTHONPATH": str(ROOT), "CA_BENCH_DELAY": str(delay)}
        with streamlit_server(env, script="bare_app.py", cwd=folder) as url:
            yield url


@contextmanager
def app_server():
    from tests.server import streamlit_server

    with streamlit_server() as url:
        yield url


# Checked on every animation frame in the page (Playwright's own waits poll at up to 500 ms
# intervals, which is more than the differences measured here): the map's frame holds what the
# map is for, drawn on screen. Returns the page's clock (ms since navigation started).
DRAWN = """([frameSel, needEvents]) => {
    const f = document.querySelector(frameSel);
    const d = f && f.contentDocument;
    if (!d) return false;
    const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const paths = [...d.querySelectorAll('path.leaflet-interactive')].some(shown);
    const events = !needEvents || [...d.querySelectorAll('.ca-event')].some(shown);
    return paths && events ? performance.now() : false;
}"""


def load_time(browser, url: str, app: bool) -> float:
    """Seconds from navigation until the map has drawn what it is for (for the app its event
    markers and a vector shape, for the bare map its marker), measured by the page's clock."""
    from tests.browser.conftest import MAP_IFRAME, OfflinePage

    p = OfflinePage(browser, url)
    try:
        p.open("/")
        ms = p.page.wait_for_function(DRAWN, arg=[MAP_IFRAME, app], polling="raf", timeout=90_000).json_value()
        assert not [u for u in p.external if "leaflet" in u], p.external  # drew from local files
        return ms / 1000
    finally:
        p.close()


def browser_figures(server, app: bool, runs: int, cold_starts: int) -> tuple[list[float], list[float]]:
    """(cold, warm) times: the first load after each of ``cold_starts`` fresh server starts,
    then ``runs`` loads on the last server."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS

    cold, warm = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for i in range(cold_starts):
            with server() as url:
                cold.append(load_time(browser, url, app))
                if i == cold_starts - 1:
                    warm = [load_time(browser, url, app) for _ in range(runs)]
        browser.close()
    return cold, warm


def ratio_line(name: str, app: list[float], bare: list[float], what: str = "app") -> str:
    ma, mb = statistics.median(app), statistics.median(bare)
    spread = f"{what} {min(app):.2f}–{max(app):.2f}, bare {min(bare):.2f}–{max(bare):.2f}"
    return f"{name}: {what} median {ma:.2f} s, bare map {mb:.2f} s, ratio {ma / mb:.2f}x ({len(app)} runs; {spread})"


def payload() -> None:
    import folium

    from geo.core.dataset import load_dataset
    from geo.core.view import view_of
    from geo.render import layers
    from geo.web.map_component import layer_script, render_map

    view = view_of(load_dataset())
    base = render_map(layers.base_map())
    script = layer_script(layers.view_layer(view), base.map_id, 0)
    bare = folium.Map(location=(27.3, 62.9), zoom_start=7, tiles=None)
    folium.CircleMarker((27.37, 62.33), radius=8).add_to(bare)
    sent = len((base.script + base.header + base.html + script).encode())
    print(
        f"payload: {sent / 1024:.0f} KB sent to the map component with every source on "
        f"(base map {len(base.script.encode()) / 1024:.0f} KB, of which map.js "
        f"{len(layers.MAP_JS.encode()) / 1024:.0f} KB; view layers {len(script.encode()) / 1024:.0f} KB; "
        f"static layers fetched as files); bare map {len(bare.get_root().render().encode()) / 1024:.1f} KB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--cold", type=int, default=3, help="fresh server starts per app")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--check", action="store_true", help="also time a deliberately slow bare map")
    args = ap.parse_args()

    payload()
    app = rerun_times(ROOT / "app.py", "s003", args.runs)
    cold = rerun_times(ROOT / "app.py", "s003", args.runs, cold=True)
    base = rerun_times(ROOT / "bench" / "bare_app.py", "rerun me", args.runs)
    ma, mc, mb = statistics.median(app), statistics.median(cold), statistics.median(base)
    print(
        f"server rerun after toggling a source: median {ma:.3f} s over {args.runs} with the view cached, "
        f"{mc:.3f} s computing it afresh (bare map {mb:.3f} s)"
    )
    if args.no_browser:
        return
    os.environ.setdefault("CI", "")
    app_cold, app_warm = browser_figures(app_server, True, args.runs, args.cold)
    bare_cold, bare_warm = browser_figures(bare_server, False, args.runs, args.cold)
    print(ratio_line("browser, first map after a fresh server start", app_cold, bare_cold))
    print(ratio_line("browser, warm", app_warm, bare_warm))
    if args.check:
        slow_cold, slow_warm = browser_figures(lambda: bare_server(delay=1.0), False, args.runs, 1)
        print(ratio_line("check, warm", slow_warm, bare_warm, what="bare map slowed by 1 s"))


if __name__ == "__main__":
    main()
