"""Publish a view as static files: ``python -m geo.publish --out DIR [view options]``.

Writes ``DIR/index.html`` (the map of the view, self-contained: it works opened from disk with
no network) and, unless ``--no-cards``, ``DIR/cards/<event>.png`` per strike: the map around it
and its claims, photographed in Debian's headless Chromium. The view is chosen as in the app
(sources, claimant lens, dates, border), from the curated data and the published sources of the
store (``CLAIMS_ATLAS_DB``); a reporter can put the folder on any static host.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from geo.core.dataset import DatasetError, load_dataset
from geo.core.model import LENSES
from geo.core.view import DEFAULT_FROM, DEFAULT_TO, selected_claims, view_of
from geo.render import layers, publish
from geo.spatial import boundaries
from geo.store import Store, StoreError
from geo.store.review import VISIBLE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def attributions() -> str:
    """The data's credits, as the app's map page gives them, and what made the files."""
    return f"{layers.credits()} Made with Claims Atlas."


def describe(n_claims: int, n_sources: int, n_events: int, lens: str, date_from, date_to) -> str:
    """The line under the published page's title: what the view holds and when it was made."""
    return (
        f"{n_claims} claims from {n_sources} sources about {n_events} events, "
        f"{date_from:%d %b %Y} to {date_to:%d %b %Y}; claimants: {lens.replace('_', ' ')}. "
        f"Published {dt.date.today():%d %b %Y}."
    )


def files(view, described: str, cards: bool = True) -> dict[str, bytes]:
    """The view's files by name: ``index.html`` and (``cards``, where Chromium can draw them)
    ``cards/<event>.png`` per strike."""
    out = {"index.html": publish.standalone_html(view, "Claims Atlas", described, attributions()).encode()}
    if cards:
        out |= {f"cards/{name}.png": png for name, png in _cards(view).items()}
    return out


def zipped(view, described: str, cards: bool = True) -> bytes:
    """The view's files as one ZIP, for a download."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files(view, described, cards).items():
            z.writestr(f"claims-atlas/{name}", data)
    return buf.getvalue()


def write(out: Path, sources=None, lens="all", date_from=DEFAULT_FROM, date_to=DEFAULT_TO, resolution="osm",
          cards=True) -> list[Path]:  # fmt: skip
    """Write the view's files into ``out``; the paths written."""
    try:
        records, texts = Store().records(VISIBLE)
    except StoreError as e:
        print(f"the store cannot be read, so only the curated data is published: {e}", file=sys.stderr)
        records, texts = {}, {}
    ds = load_dataset(extra=records, extra_texts=texts)
    chosen = tuple(ds.sources) if not sources else tuple(sources)
    unknown = sorted(set(chosen) - set(ds.sources))
    if unknown:
        raise SystemExit(f"unknown sources: {', '.join(unknown)} (known: {', '.join(ds.sources)})")
    claims = selected_claims(ds, chosen, lens, date_from, date_to)
    view = view_of(ds, tuple(claims), chosen, resolution)
    described = describe(len(claims), len(chosen), len(view.events), lens, date_from, date_to)
    written = []
    for name, data in files(view, described, cards).items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def _cards(view) -> dict[str, bytes]:
    """One PNG per strike by event id, photographed in headless Chromium (none, saying why, without it)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("claim cards skipped: Playwright is not installed (`make publish` installs it)", file=sys.stderr)
        return {}
    if not Path(CHROMIUM).exists():
        print("claim cards skipped: Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return {}
    out = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 800, "height": 900})
        page.route("http*://**", lambda route: route.abort())  # a card is drawn from its file alone
        for ev in view.events:
            if not ev.is_strike:
                continue
            html = Path(tmp) / f"{ev.event.id}.html"
            html.write_text(publish.card_html(view, ev, attributions()), encoding="utf-8")
            page.goto(html.as_uri())
            page.locator(".ca-event").first.wait_for(timeout=30_000)
            page.wait_for_timeout(500)  # the labels' layout pass
            out[ev.event.id] = page.locator(".ca-card").screenshot()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.publish", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="folder to write (created)")
    ap.add_argument("--sources", help="comma-separated source ids (default: all)")
    ap.add_argument("--lens", default="all", choices=list(LENSES))
    ap.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, default=DEFAULT_FROM)
    ap.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, default=DEFAULT_TO)
    ap.add_argument("--border", default=boundaries.DEFAULT_RESOLUTION, choices=list(boundaries.RESOLUTIONS))
    ap.add_argument("--no-cards", action="store_true", help="only index.html")
    args = ap.parse_args(argv)
    if args.date_from > args.date_to:
        ap.error(f"--from {args.date_from} is after --to {args.date_to}")
    try:
        written = write(
            args.out,
            args.sources.split(",") if args.sources else None,
            args.lens,
            args.date_from,
            args.date_to,
            args.border,
            not args.no_cards,
        )
    except (DatasetError, boundaries.BoundaryDataError, publish.AssetsMissing) as e:
        print(f"nothing published: {e}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
