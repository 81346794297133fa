"""A view as files anyone can host: one self-contained ``index.html`` (the map with the same
popups, bands, legend and attributions; every script, style and image inlined; no request
leaves the file with the base map off) and, per strike, a claim card page to photograph.

Drawn from the view core computed (:class:`geo.core.view.MapView`); every data text goes through
the same escapers as the app's map.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path

import folium

from geo.core.view import EventView, MapView
from geo.render import assets, layers
from geo.render.escape import esc
from geo.render.styles import kind_label

PAGE_CSS = """
body{margin:0;font-family:"Source Sans 3","Source Sans Pro",system-ui,sans-serif;color:#31333f}
header,footer{padding:.6rem 1rem}
header h1{font-size:1.4rem;margin:0 0 .2rem}
header p,footer p{margin:.2rem 0;font-size:.9rem}
.ca-standalone-map{height:78vh !important;min-height:420px}
.ca-card{width:760px;padding:12px}
.ca-card table{border-collapse:collapse;width:100%;font-size:13px}
.ca-card th,.ca-card td{border:1px solid #d0d3da;padding:3px 6px;text-align:left;vertical-align:top}
.ca-card .ca-standalone-map{height:380px !important;min-height:0}
.ca-card .leaflet-control-zoom,.ca-card .leaflet-control-layers,.ca-card .ca-ctl{display:none}
"""


class AssetsMissing(RuntimeError):
    """The vendored map files are not installed, so a file that works offline cannot be made."""


def _inline_css(css: str, folder: Path) -> str:
    """A stylesheet with its relative images as data: URIs (it will not sit beside them)."""

    def data_uri(m: re.Match) -> str:
        ref = m.group(2)
        if ref.startswith(("data:", "http:", "https:", "#")):
            return m.group(0)
        path = (folder / ref.split("?")[0].split("#")[0]).resolve()
        if not path.is_file():
            return m.group(0)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return f"url(data:{kind};base64,{base64.b64encode(path.read_bytes()).decode()})"

    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", data_uri, css)


def _vendored(url: str) -> Path:
    if not url.startswith(assets.URL_PREFIX + "/"):
        raise AssetsMissing(f"the map would load {url} from the network: run `make setup` with npm available")
    return assets.VENDOR / url.removeprefix(assets.URL_PREFIX + "/")


def _inline(html: str) -> str:
    """Every <script src> and stylesheet <link> of the page put inside it."""

    def script(m: re.Match) -> str:
        js = _vendored(m.group(1)).read_text(encoding="utf-8")
        return "<script>" + js.replace("</script", "<\\/script") + "</script>"

    def style(m: re.Match) -> str:
        path = _vendored(m.group(1))
        return "<style>" + _inline_css(path.read_text(encoding="utf-8"), path.parent) + "</style>"

    html = re.sub(r'<script\s+src="([^"]+)"\s*>\s*</script>', script, html)
    return re.sub(r'<link\s+rel="stylesheet"\s+href="([^"]+)"\s*/?>', style, html)


def _map(view: MapView, centre: tuple[float, float] | None = None, zoom: int | None = None) -> folium.Map:
    if not assets.use_local_assets():
        raise AssetsMissing("the vendored map files are missing: run `make setup` with npm available")
    m = layers.base_map("none", view.resolution, standalone=True)
    if centre:
        m.location, m.options["zoom"] = list(centre), zoom
    layers.view_layer(view).add_to(m)
    return m


def _page(m: folium.Map, before: str, after: str, title: str) -> str:
    """The map's own document, with our header and footer around its map and everything inlined."""
    root = m.get_root()
    root.header.add_child(folium.Element(f"<title>{esc(title)}</title><style>{PAGE_CSS}</style>"))
    html = root.render().replace("<html>", '<html lang="en">', 1)
    # The map is a landmark a screen reader can find; our class gives it its room on the page
    # (folium sizes it to the whole window).
    html = re.sub(
        r'<div class="folium-map" (id="[^"]+")',
        lambda m: f'<div class="folium-map ca-standalone-map" {m.group(1)} role="region" aria-label="Map"',
        html,
        count=1,
    )
    html = html.replace("<body>", "<body>" + before, 1).replace("</body>", after + "</body>", 1)
    return _inline(html)


def standalone_html(view: MapView, title: str, described: str, attributions: str) -> str:
    """The whole view as one HTML file that works opened from disk, with no network."""
    before = f"<header><h1>{esc(title)}</h1><p>{esc(described)}</p></header><main>"
    after = (
        "</main><footer>"
        f"<p>Click or tap a marker for its claims, quoted with their sources. {esc(attributions)}</p>"
        "</footer>"
    )
    return _page(_map(view), before, after, title)


def card_html(view: MapView, ev: EventView, attributions: str) -> str:
    """One strike's claim card: the map around it and its claims, for a screenshot."""
    history = dict(ev.history)  # a revised figure says so: 9 then 11 is not a disagreement
    rows = "".join(
        f"<tr><td>{esc(kind_label(c.kind))}</td><td>{esc(c.value_label())}"
        + (f"<br><small>{esc(history[c.id])}</small>" if c.id in history else "")
        + f"</td><td>{esc(c.claimant)}</td><td>{esc(c.source)}</td></tr>"
        for c in sorted(ev.claims, key=lambda c: (c.kind, c.claimant))
    )
    n = len(ev.flagged)
    flagged = f"<p>&#9888; {n} claim{'s' * (n != 1)} in a material disagreement.</p>" if n else ""
    before = (
        f'<div class="ca-card"><h1 style="font-size:20px;margin:0 0 4px">{esc(ev.event.title)}</h1>'
        f"<p>{esc(ev.event.local_label())} · {esc(ev.place.name)} · sources {esc(', '.join(ev.sources))}</p>"
    )
    after = (
        f"{flagged}<table><thead><tr><th>kind</th><th>figure</th><th>claimant</th><th>source</th></tr></thead>"
        f"<tbody>{rows}</tbody></table><p style='font-size:11px'>{esc(attributions)}</p></div>"
    )
    return _page(_map(view, (ev.place.lat, ev.place.lon), 9), before, after, ev.event.title)
