"""folium map builders. The only module that turns data text into HTML: everything is escaped.

Escaping (GUIDE §3.2): folium embeds popup and tooltip text in JavaScript template literals
and ``GeoJsonPopup`` sets ``innerHTML`` from feature properties, so :func:`esc` escapes HTML
*and* replaces the backslash, backtick and dollar sign with entities; no data text is ever
placed in a URL but our own ids, which are URL-encoded.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote as urlquote

import folium
import folium.plugins
import numpy as np
import shapely
import shapely.ops
from branca.element import Template
from folium.utilities import JsCode
from pyproj import Geod
from shapely.geometry import mapping

from geo import boundaries, gazetteer, map_assets, measure
from geo.dataset import Dataset
from geo.discrepancy import Finding, findings_by_claim, measured_depth_km
from geo.model import Claim, Event

GEOD = Geod(ellps="WGS84")
CENTER = (27.3, 62.9)
# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
ACTOR_COLOURS = {"IRN": "#E69F00", "PAK": "#0072B2"}
TYPE_COLOURS = {
    "attack": "#D55E00",
    "bombing": "#D55E00",
    "diplomatic": "#CC79A7",
    "military_exercise": "#56B4E9",
    "geography": "#999999",
}
OTHER_COLOUR = "#009E73"
KIND_ORDER = [
    "killed",
    "injured",
    "casualties",
    "depth",
    "weapon",
    "target",
    "perpetrator",
    "time",
    "location",
    "border_length",
    "other",
]
KIND_LABELS = {"border_length": "border length", "casualties": "casualties (killed or injured)"}
BASEMAPS = {
    "none": None,
    "osm": (
        "OpenStreetMap",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    "light": (
        "Light (CARTO)",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; OpenStreetMap contributors &copy; <a href="https://carto.com/attributions">CARTO</a>',
    ),
    "satellite": (
        "Satellite (Esri World Imagery)",
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "Tiles &copy; Esri &mdash; Source: Esri, Maxar, Earthstar Geographics, and the GIS User Community",
    ),
}
BASEMAP_LABELS = {"none": "None (offline vector map)", **{k: v[0] for k, v in BASEMAPS.items() if v}}


_ESCAPES = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;", "{": "&#123;", "}": "&#125;"})


def esc(text: object) -> str:
    """Escape text for HTML that folium may place inside a JavaScript template literal, and that
    branca renders as a Jinja2 template a second time: its output is compiled again, so a ``{{``
    from data would run on the server. Braces become entities, like ``\\``, backtick and ``$``."""
    return html.escape(str(text), quote=True).translate(_ESCAPES)


def jinja_inert(script: str) -> str:
    """JSON or JavaScript text with Jinja2's openers (``{{``, ``{%``, ``{#``) broken by a ``\\u007b``
    escape. Those pairs can only occur inside string literals there, where the escape means ``{``."""
    return re.sub(r"\{(?=[{%#])", r"\\u007b", script)


_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$:&\"'=")


def md(text: object) -> str:
    """Escape text for ``st.markdown``: every Markdown/HTML-significant character is backslashed,
    so data can neither format nor link (no ``javascript:`` links, no raw HTML)."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text)).replace("\n", " ")


def quote_in_context(text: str, start: int, end: int, radius: int = 280) -> tuple[str, str, str]:
    """The quote with the text around it, cut at sentence or paragraph ends within ``radius``."""
    left = text[max(0, start - radius) : start]
    cut = max(left.rfind(". "), left.rfind("\n"))
    before = left[cut + 1 :].lstrip() if cut >= 0 else left
    right = text[end : end + radius]
    stops = [i for i in (right.find(". "), right.find("\n")) if i >= 0]
    after = right[: min(stops) + 1] if stops else right
    return before, text[start:end], after


def highlight_markdown(text: str, spans: list[tuple[int, int]]) -> str:
    """The text as escaped Markdown with the given spans in bold (overlapping spans: first wins)."""
    parts, pos = [], 0
    for a, b in sorted(set(spans)):
        if a >= pos:
            parts += [md(text[pos:a]), "**", md(text[a:b]), "**"]
            pos = b
    parts.append(md(text[pos:]))
    return "".join(parts)


def quote_markdown(text: str | None, c: Claim) -> str:
    """The claim's quote in bold inside its surrounding text (escaped Markdown), or the quote
    alone when the source text is not available."""
    if text is None:
        return f"**{md(c.quote)}**"
    before, quote, after = quote_in_context(text, c.quote_start, c.quote_end)
    return f"…{md(before)} **{md(quote)}** {md(after)}…"


def event_colour(e: Event) -> str:
    if e.type == "strike":
        return ACTOR_COLOURS.get(e.actor or "", OTHER_COLOUR)
    return TYPE_COLOURS.get(e.type, OTHER_COLOUR)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


@dataclass(frozen=True)
class MapView:
    """What to draw: the claims already filtered by the sidebar, and the map's settings."""

    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    enabled_sources: tuple[str, ...]
    events: tuple[str, ...]  # events shown (reported by an enabled source and in the date range)
    basemap: str = "none"
    resolution: boundaries.Resolution = "osm"

    def cache_key(self) -> tuple:
        """What identifies this view's map within one dataset: claims by id (the findings follow
        from the claims, the data and the border). Keep it in step with the fields above."""
        return (tuple(c.id for c in self.claims), self.enabled_sources, self.events, self.basemap, self.resolution)


def source_label(ds: Dataset, sid: str, long: bool = True) -> str:
    """How a source is named on screen: id, author (or outlet) and, if ``long``, its title."""
    s = ds.sources[sid]
    who = s.author or s.outlet or "author unknown"
    if not long:
        return f"{sid} · {who}"
    title = s.title or "untitled"
    return f"{sid} · {who} · {title[:48]}{'…' if len(title) > 48 else ''}"


def popup_html(
    ds: Dataset, event: Event, claims: list[Claim], by_claim: dict[str, list[Finding]], depth_note: str | None
) -> str:
    """The popup of one event: the enabled sources' claims grouped by kind, escaped."""
    place = ds.place_of(event)
    parts = [f'<div class="ca-popup" data-event="{esc(event.id)}">', f"<h4>{esc(event.title)}</h4>"]
    meta = esc(event.local_label())
    if place:
        meta += f" · {esc(place.name)} ({esc(place.precision)}, ±{place.uncertainty_km:g} km)"
    parts.append(f'<p class="ca-meta">{meta}</p>')
    if depth_note:
        parts.append(f'<p class="ca-verdict">{esc(depth_note)}</p>')
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        grouped[c.kind].append(c)
    for kind in KIND_ORDER:
        if kind not in grouped:
            continue
        parts.append(f'<h5>{esc(kind_label(kind)).capitalize()}</h5><ul class="ca-kind" data-kind="{esc(kind)}">')
        for c in grouped[kind]:
            flag = ""
            if by_claim.get(c.id):
                why = " / ".join(f.summary for f in by_claim[c.id])
                flag = f'<span class="ca-disagree" title="{esc(why)}">&#9888; disagrees</span> '
            victims = f" ({esc(c.victims)})" if c.victims and c.victims != "not stated" else ""
            # The component iframe may open popups but not navigate the top page: open a new tab.
            link = f'<a href="/claims?claim={urlquote(c.id)}" target="_blank" rel="noopener">open in claims</a>'
            parts.append(
                f'<li class="ca-claim" data-claim="{esc(c.id)}" data-source="{esc(c.source)}">{flag}'
                f"<b>{esc(c.value_label())}</b>{victims} — {esc(c.claimant)} [{esc(c.source)}]"
                f"<br><q>{esc(c.quote)}</q> {link}</li>"
            )
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def circle(lon: float, lat: float, radius_m: float, n: int = 72) -> shapely.Polygon:
    """A geodesic circle of ``radius_m`` metres as a lon/lat polygon."""
    az = np.linspace(0, 360, n, endpoint=False)
    x, y, _ = GEOD.fwd(np.full(n, lon), np.full(n, lat), az, np.full(n, radius_m))
    return shapely.Polygon(np.column_stack([x, y]))


def depth_interval_km(c: Claim) -> tuple[float, float, bool]:
    """The band drawn for a stated depth (km): its range and whether it is open-ended."""
    lo, hi = c.interval()
    if np.isinf(hi):
        return lo, lo + 5.0, True
    if lo == hi:
        return max(lo - 1.0, 0.0), hi + 1.0, False
    return lo, hi, False


def _band(lo_km: float, hi_km: float, country: str, resolution: str):
    """A depth band simplified for drawing (about 300 m; never measured)."""
    return _band_cached(lo_km, hi_km, country, resolution, boundaries.data_dir())


@lru_cache(maxsize=32)
def _band_cached(lo_km: float, hi_km: float, country: str, resolution: str, folder: str):
    band = measure.depth_band(lo_km * 1000, hi_km * 1000, country, resolution)
    return shapely.set_precision(band.simplify(0.003), 1e-4)


def _geojson(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


class PopupStore(folium.MacroElement):
    """Each event's popup HTML once, as a JS object; markers in every source layer bind theirs
    by event id (see BIND_POPUP). Embedding the popup in each source's layer repeated it five
    times and tripled the map's payload. The HTML is escaped already; the JSON is made safe to
    sit inside a <script> element."""

    _template = Template("{% macro script(this, kwargs) %}window.ca_popups = {{ this.data }};{% endmacro %}")

    def __init__(self, popups: dict[str, str]):
        super().__init__()
        self._name = "PopupStore"
        self.data = jinja_inert(
            json.dumps(popups).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        )


BIND_POPUP = JsCode(
    "function(feature, layer) { layer.bindPopup(window.ca_popups[feature.properties.event_id], {maxWidth: 420}); }"
)


def _add_geojson(
    parent, features: list[dict], tooltip: str | None = None, popup: str | None = None, link: str | None = None, **kw
) -> None:
    """Add features as one GeoJson layer. Empty layers are skipped: folium's GeoJsonTooltip and
    GeoJsonPopup reject a collection with no features. Property values must be escaped already.

    With ``link`` (a published static copy of the same features), the browser loads the data
    from that URL instead of the page embedding it: smaller reruns for layers that never change.
    """
    if not features:
        return
    layer = folium.GeoJson(
        _geojson(features),
        tooltip=folium.GeoJsonTooltip(fields=[tooltip], labels=False) if tooltip else None,
        popup=folium.GeoJsonPopup(fields=[popup], labels=False, max_width=420) if popup else None,
        **kw,
    )
    if link:
        layer.embed, layer.embed_link = False, link
    layer.add_to(parent)


def _feature(geom, **props) -> dict:
    return {"type": "Feature", "geometry": geom if isinstance(geom, dict) else mapping(geom), "properties": props}


def build_map(ds: Dataset, view: MapView) -> folium.Map:
    """The whole map for a view. Never cached: st_folium mutates the map it is given."""
    m = folium.Map(location=CENTER, zoom_start=7, tiles=None, control_scale=True, prefer_canvas=False)
    base = BASEMAPS.get(view.basemap)
    if base:
        folium.TileLayer(tiles=base[1], attr=base[2], name=base[0], max_zoom=18).add_to(m)
    _add_regions(m)
    _add_borders(m, view.resolution)
    by_claim = findings_by_claim(view.findings)
    _add_events(m, ds, view, by_claim)
    _add_depths(m, ds, view)
    _add_towns(m)
    folium.plugins.MeasureControl(primary_length_unit="kilometers", secondary_length_unit="miles").add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    m.get_root().header.add_child(folium.Element(MAP_CSS))
    return m


def _region_features(frame) -> list[dict]:
    return [_feature(row.geometry, name=esc(row["name"]), iso_a3=row["iso_a3"]) for _, row in frame.iterrows()]


def static_layers() -> dict[str, tuple[dict, ...]]:
    """The layers that never change (escaped), by name: drawn on every map, published at set-up.

    Cached as tuples of features; callers must not mutate them (folium only reads them)."""
    return _static_layers(boundaries.data_dir())


@lru_cache(maxsize=4)
def _static_layers(folder: str) -> dict[str, tuple[dict, ...]]:
    regions = boundaries.display_layers()
    out = {
        "countries": tuple(_region_features(regions["countries"])),
        "provinces": tuple(_region_features(regions["provinces"])),
    }
    for res in boundaries.RESOLUTIONS:
        info = boundaries.BORDERS[res]
        km = measure.border_length_m(res) / 1000
        label = esc(f"{info.label}: {km:.0f} km measured (geodesic); {info.attribution}")
        out[f"border_{res}"] = (_feature(boundaries.border_display(res), label=label, resolution=res),)
    return out


def _static_link(name: str) -> str | None:
    """The published copy of a static layer, only while it was made from the boundaries in use."""
    return map_assets.layer_url(name) if boundaries.data_dir() == str(boundaries.DATA_DIR) else None


def publish_static_layers(layers_dir=None) -> list[str]:
    """Write the static layers as JSON files for Streamlit to serve (atomic; run by set-up)."""
    from pathlib import Path

    layers_dir = Path(layers_dir or map_assets.LAYERS_DIR)
    layers_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, features in static_layers().items():
        tmp = layers_dir / f"{name}.json.tmp"
        tmp.write_text(json.dumps(_geojson(list(features)), separators=(",", ":")), encoding="utf-8")
        tmp.replace(layers_dir / f"{name}.json")
        written.append(name)
    return written


REGION_STYLES = {
    "countries": (
        "Countries",
        lambda f: {
            "fillColor": "#f3efe6" if f["properties"]["iso_a3"] != "AFG" else "#ececec",
            "color": "#8c8c8c",
            "weight": 1,
            "fillOpacity": 1.0,
        },
    ),
    "provinces": (
        "Provinces: Balochistan, Sistan and Baluchestan",
        lambda f: {"fillColor": "#e2ddcf", "color": "#6b5e3c", "weight": 1.2, "dashArray": "4 3", "fillOpacity": 0.6},
    ),
}


def _add_regions(m):
    layers = boundaries.display_layers()
    static = static_layers()
    groups = {}
    for name, (label, style) in REGION_STYLES.items():
        groups[name] = fg = folium.FeatureGroup(name=label, show=True)
        _add_geojson(fg, list(static[name]), link=_static_link(name), tooltip="name", style_function=style)
        fg.add_to(m)
    prov = groups["provinces"]
    for _, row in layers["provinces"].iterrows():
        p = row.geometry.representative_point()
        folium.Marker(
            [p.y, p.x],
            icon=folium.DivIcon(
                html=f'<div class="ca-province-label">{esc(row["name"])}</div>',
                icon_size=(160, 20),
                icon_anchor=(80, 10),
            ),
        ).add_to(prov)


def _add_borders(m, resolution):
    static = static_layers()
    for res in boundaries.RESOLUTIONS:
        km = measure.border_length_m(res) / 1000
        fg = folium.FeatureGroup(name=f"{boundaries.BORDERS[res].label}: {km:.0f} km", show=(res == resolution))
        _add_geojson(
            fg,
            list(static[f"border_{res}"]),
            link=_static_link(f"border_{res}"),
            tooltip="label",
            style_function=(
                lambda f, r=res: {
                    "color": "#000000" if r == "osm" else "#7a7a7a",
                    "weight": 3 if r == "osm" else 2,
                    "dashArray": None if r == "osm" else "6 4",
                }
            ),
        )
        fg.add_to(m)


def _add_events(m, ds: Dataset, view: MapView, by_claim):
    shown = [ds.events[e] for e in view.events]
    claims_by_event: dict[str, list[Claim]] = defaultdict(list)
    for c in view.claims:
        claims_by_event[c.event].append(c)
    features: dict[str, list[dict]] = defaultdict(list)
    circles = []
    popups: dict[str, str] = {}
    for e in shown:
        place = ds.place_of(e)
        if place is None:
            continue
        note = _depth_note(e, view)
        popups[e.id] = popup_html(ds, e, claims_by_event[e.id], by_claim, note)
        props = {
            "event_id": e.id,
            "title": esc(e.title),
            "colour": event_colour(e),
            "radius": 9 if e.type == "strike" else 6,
        }
        for sid in sorted({c.source for c in claims_by_event[e.id]}):
            features[sid].append(
                _feature(
                    {"type": "Point", "coordinates": [place.lon, place.lat]},
                    **props,
                    css=esc(f"ca-event ca-event-{e.id} ca-src-{sid}"),
                )
            )
        if place.uncertainty_km > 0 and place.precision not in ("country",):
            circles.append(
                _feature(
                    circle(place.lon, place.lat, place.uncertainty_km * 1000).simplify(0.002),
                    label=esc(f"{place.name}: location uncertain by ±{place.uncertainty_km:g} km ({place.precision})"),
                    colour=event_colour(e),
                )
            )
    unc = folium.FeatureGroup(name="Location uncertainty", show=True)
    _add_geojson(
        unc,
        circles,
        tooltip="label",
        style_function=lambda f: {
            "color": f["properties"]["colour"],
            "weight": 1,
            "dashArray": "3 3",
            "fillOpacity": 0.08,
        },
    )
    unc.add_to(m)
    PopupStore(popups).add_to(m)
    for sid in view.enabled_sources:
        fg = folium.FeatureGroup(name=f"Source {esc(source_label(ds, sid, long=False))}", show=True)
        _add_geojson(
            fg,
            features.get(sid, []),
            tooltip="title",
            on_each_feature=BIND_POPUP,
            marker=folium.CircleMarker(radius=8, weight=2, fill=True, fill_opacity=0.95),
            # className lets tests and user styles find an event's markers (ids are [a-z0-9_-]).
            style_function=lambda f: {
                "color": "#222222",
                "fillColor": f["properties"]["colour"],
                "radius": f["properties"]["radius"],
                "className": f["properties"]["css"],
            },
        )
        fg.add_to(m)


def _depth_findings(view: MapView, event_id: str) -> list[Finding]:
    return [f for f in view.findings if f.event == event_id and f.type == "depth_vs_measured"]


def _depth_note(e: Event, view: MapView) -> str | None:
    verdicts = _depth_findings(view, e.id)
    return "Depth check: " + " ".join(f.summary for f in verdicts) if verdicts else None


def _add_depths(m, ds: Dataset, view: MapView):
    bands, lines, tags = [], [], []
    for e in (ds.events[i] for i in view.events):
        depth_claims = [c for c in view.claims if c.event == e.id and c.kind == "depth" and c.interval()]
        place = ds.place_of(e)
        if not depth_claims or place is None or e.target_country not in ("PAK", "IRN"):
            continue
        for c in depth_claims:
            lo, hi, open_ended = depth_interval_km(c)
            label = (
                f"Stated depth: {c.value_label()} into {e.target_country} — {c.claimant} [{c.source}]; "
                f"band drawn {lo:g}–{hi:g} km from the border{' and beyond' if open_ended else ''}"
            )
            band = _band(lo, hi, e.target_country, view.resolution)
            bands.append(_feature(band, label=esc(label)))
            # A permanent label on the band, at its point nearest the strike.
            anchor = shapely.ops.nearest_points(band, shapely.Point(place.lon, place.lat))[0]
            tags.append((anchor, f"{c.source}: {c.value_label()} ({c.claimant})"))
        m_km = measured_depth_km(ds, e.id, view.resolution)
        r = measure.distance_to_border(place.lon, place.lat, view.resolution)
        lines.append((place, r, m_km, e))
    fg = folium.FeatureGroup(name="Stated depths (bands) and measured distance", show=True)
    _add_geojson(
        fg,
        bands,
        tooltip="label",
        style_function=lambda f: {"color": "#CC79A7", "weight": 1, "fillColor": "#CC79A7", "fillOpacity": 0.25},
    )
    for anchor, text in tags:
        folium.Marker(
            [anchor.y, anchor.x],
            icon=folium.DivIcon(
                html=f'<div class="ca-band-label">{esc(text)}</div>', icon_size=(170, 30), icon_anchor=(0, 0)
            ),
        ).add_to(fg)
    for place, r, m_km, e in lines:
        verdicts = "; ".join(f"{view_claim_source(view, f)}: {f.verdict}" for f in _depth_findings(view, e.id))
        text = f"measured {m_km['centre']:.0f} km ({m_km['low']:.0f}–{m_km['high']:.0f}) · {verdicts}"
        folium.PolyLine(
            [(place.lat, place.lon), (r.nearest_lat, r.nearest_lon)],
            color="#000000",
            weight=2,
            dash_array="2 4",
            tooltip=folium.Tooltip(esc(text)),
        ).add_to(fg)
        # A marker label at the line's middle: permanent tooltips on lines are misplaced in the
        # component's iframe.
        folium.Marker(
            [(place.lat + r.nearest_lat) / 2, (place.lon + r.nearest_lon) / 2],
            icon=folium.DivIcon(
                html=f'<div class="ca-measured">{esc(text)}</div>', icon_size=(230, 30), icon_anchor=(115, 34)
            ),
        ).add_to(fg)
    fg.add_to(m)


def view_claim_source(view: MapView, f: Finding) -> str:
    """ "s003 about 90 km" for the (single) claim a depth finding is about."""
    c = next(c for c in view.claims if c.id == f.claims[0])
    return f"{c.source} {c.value_label()}"


def _add_towns(m):
    """Main towns as one GeoJSON layer with permanent labels (one element, not four per town:
    branca compiles a template for every element it renders, which dominated rerun time)."""
    fg = folium.FeatureGroup(name="Towns (GeoNames)", show=True)
    towns = [
        _feature({"type": "Point", "coordinates": [t.lon, t.lat]}, name=esc(t.name)) for t in gazetteer.map_towns()
    ]
    folium.GeoJson(
        _geojson(towns),
        marker=folium.CircleMarker(radius=2.5, weight=1, color="#333333", fill=True, fill_opacity=1),
        # One permanent tooltip per town (a group-level one opens only once). Names are escaped.
        on_each_feature=JsCode(
            "function(feature, layer) { layer.bindTooltip(feature.properties.name,"
            " {permanent: true, direction: 'right', className: 'ca-town', offset: [3, 0]}); }"
        ),
    ).add_to(fg)
    fg.add_to(m)


def click_layer(click: tuple[float, float], resolution) -> folium.FeatureGroup:
    """The user's measurement: a line from the clicked point (lat, lon) to the nearest border point.

    Passed to st_folium as ``feature_group_to_add`` so it updates without remounting the map.
    """
    lat, lon = click
    r = measure.distance_to_border(lon, lat, resolution)
    where = r.country or "outside Pakistan and Iran"
    text = f"{r.distance_km:.1f} km to the border (geodesic); {where}" + (f", {r.province}" if r.province else "")
    fg = folium.FeatureGroup(name="Your measurement", show=True)
    folium.PolyLine(
        [(lat, lon), (r.nearest_lat, r.nearest_lon)],
        color="#D55E00",
        weight=3,
        tooltip=folium.Tooltip(f'<span class="ca-click">{esc(text)}</span>', permanent=True),
    ).add_to(fg)
    folium.CircleMarker([lat, lon], radius=4, color="#D55E00", fill=True).add_to(fg)
    return fg


def border_lengths_km() -> dict[str, float]:
    """Measured (geodesic) and published border lengths, in kilometres, labelled."""
    out = {
        f"{boundaries.BORDERS[r].label} (measured)": measure.border_length_m(r) / 1000 for r in boundaries.RESOLUTIONS
    }
    out.update({f"{k} (published)": v for k, v in boundaries.PUBLISHED_LENGTHS_KM.items()})
    return out


LEGEND_MARKDOWN = (
    "**Legend** — markers: :orange[●] Iran's strikes · :blue[●] Pakistan's strikes · :red[●] attacks and bombings "
    "· :violet[●] diplomatic steps · :blue-background[●] exercises · dashed circle: location uncertainty · "
    ":violet-background[band]: a stated depth · dotted line: measured distance to the border · "
    "⚠ in a popup: the claim disagrees with another (see the Claims page)."
)


MAP_CSS = """
<style>
.ca-popup{max-height:320px;overflow-y:auto;font:13px/1.35 system-ui,sans-serif}
.ca-popup h4{margin:0 0 4px;font-size:15px}.ca-popup h5{margin:8px 0 2px;font-size:13px;text-transform:none}
.ca-popup ul{margin:0;padding-left:16px}.ca-meta{color:#555;margin:0 0 4px}
.ca-disagree{color:#000;background:#F0E442;padding:0 3px;border-radius:3px;font-weight:600}
.ca-verdict{background:#f4f4f4;padding:3px;border-left:3px solid #CC79A7}
.leaflet-tooltip.ca-town{font:11px system-ui,sans-serif;color:#222;background:transparent;border:0;box-shadow:none;
  padding:0 2px;text-shadow:0 0 2px #fff,0 0 2px #fff}.leaflet-tooltip.ca-town:before{display:none}
.leaflet-tooltip.ca-town td{padding:0}
.leaflet-control-layers-expanded{max-height:260px;overflow-y:auto;font-size:12px;line-height:1.3}
@media (max-width:700px){.leaflet-control-layers-expanded .leaflet-control-layers-list{display:none}
  .leaflet-control-layers-expanded:hover .leaflet-control-layers-list{display:block}
  .leaflet-control-layers-expanded:before{content:"Layers";font:600 12px system-ui,sans-serif}
  .ca-popup{max-height:240px}}
.ca-measured{font:600 11px system-ui,sans-serif;background:rgba(255,255,255,.88);border:1px solid #999;
  border-radius:3px;padding:1px 4px;text-align:center}
.ca-band-label{font:600 11px system-ui,sans-serif;color:#7a2b5f;text-shadow:0 0 2px #fff,0 0 2px #fff;
  white-space:normal}
.ca-province-label{font:italic 12px system-ui,sans-serif;color:#6b5e3c;text-align:center;
  text-shadow:0 0 2px #fff}
</style>
"""
