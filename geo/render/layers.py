"""The map, drawn from a view model: a base map that changes only with the base map and border
chosen, and a view layer that streamlit-folium swaps in place (no reload, zoom and popups kept).

- :func:`base_map`: panes, controls (layers, fit all, legend, measure), static context layers
  (countries, provinces, the border at two resolutions, towns) and ``map.js``;
- :func:`view_layer`: one marker per event (how many enabled sources speak of it, whether they
  disagree), popups, location uncertainty, stated depths as bands, measured distances, labels;
- :func:`click_layer`: the reader's measurement.

Nothing here measures or judges: :mod:`geo.core.view` did. Every data text is escaped
(:func:`geo.render.escape.esc`) before it reaches HTML, and JSON goes through ``script_json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import folium
import folium.plugins
from branca.element import Template
from shapely.geometry import mapping

from geo.core.view import EventView, MapView, border_km
from geo.render import assets
from geo.render.escape import esc, script_json
from geo.render.popups import context_popup_html, popup_html
from geo.render.styles import (
    BASEMAPS,
    CENTER,
    DEFAULT_ZOOM,
    LABEL_PRIORITY,
    LEGEND_ITEMS,
    LEGEND_NOTE,
    MAP_CSS,
    event_colour,
)
from geo.spatial import boundaries, gazetteer

MAP_JS = (Path(__file__).with_name("map.js")).read_text(encoding="utf-8")
ACTOR_NAMES = {"IRN": "Iran", "PAK": "Pakistan"}
UNCERTAINTY_LAYER = "Location uncertainty"
DEPTHS_LAYER = "Stated depths and measured distances"
REGION_STYLES = {
    "countries": {"fillColor": "#f3efe6", "color": "#8c8c8c", "weight": 1, "fillOpacity": 1.0},
    "provinces": {"fillColor": "#e2ddcf", "color": "#6b5e3c", "weight": 1.2, "dashArray": "4 3", "fillOpacity": 0.6},
}
# Over a tiled base map the land fills would hide the tiles: outlines only.
TILED_STYLES = {
    "countries": {"fillOpacity": 0.0, "color": "#8c8c8c", "weight": 1},
    "provinces": {"fillOpacity": 0.08, "fillColor": "#6b5e3c", "color": "#6b5e3c", "weight": 1.5, "dashArray": "4 3"},
}
BORDER_STYLES = {
    "osm": {"color": "#000000", "weight": 3},
    "ne10m": {"color": "#7a7a7a", "weight": 2, "dashArray": "6 4"},
}


class _Script(folium.MacroElement):
    """A piece of our own JavaScript, called with its parent layer: ``CA.<fn>(parent, data)``."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "CA.{{ this.fn }}({{ this._parent.get_name() }}, {{ this.data }});"
        "{% endmacro %}"
    )

    def __init__(self, fn: str, data: object):
        super().__init__()
        self._name = "CAScript"
        self.fn = fn
        self.data = script_json(data)


class _Init(folium.MacroElement):
    """``map.js`` and the call that sets up the base map (the JS is Jinja-inert: see map.js)."""

    _template = Template(
        "{% macro script(this, kwargs) %}{{ this.lib }}\n"
        "CA.setup({{ this._parent.get_name() }}, {{ this.opts }});{% endmacro %}"
    )

    def __init__(self, opts: dict):
        super().__init__()
        self._name = "CAInit"
        self.lib = MAP_JS
        self.opts = script_json(opts)


def _feature(geom, **props) -> dict:
    return {"type": "Feature", "geometry": geom if isinstance(geom, dict) else mapping(geom), "properties": props}


def _collection(features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def static_layers() -> dict[str, tuple[dict, ...]]:
    """The layers that never change (escaped), by name: drawn on every map, published at set-up.

    Cached as tuples of features; callers must not mutate them."""
    return _static_layers(boundaries.data_dir())


@lru_cache(maxsize=4)
def _static_layers(folder: str) -> dict[str, tuple[dict, ...]]:
    regions = boundaries.display_layers()
    out = {
        name: tuple(_feature(r.geometry, name=esc(r["name"]), iso_a3=r["iso_a3"]) for _, r in regions[name].iterrows())
        for name in ("countries", "provinces")
    }
    out["province_labels"] = tuple(
        _feature(r.geometry.representative_point(), name=esc(r["name"])) for _, r in regions["provinces"].iterrows()
    )
    for res in boundaries.RESOLUTIONS:
        info = boundaries.BORDERS[res]
        km = border_km(res)
        label = esc(f"{info.label}: {km:.0f} km measured (geodesic); {info.attribution}")
        out[f"border_{res}"] = (_feature(boundaries.border_display(res), label=label, resolution=res),)
    out["towns"] = tuple(
        _feature({"type": "Point", "coordinates": [t.lon, t.lat]}, name=esc(t.name)) for t in gazetteer.map_towns()
    )
    return out


def _static_source(name: str, embed: bool = False) -> dict:
    """Where the browser gets a static layer: its published file (only while it was made from the
    boundaries in use), else (or ``embed``: a map that must work from a file) the data in the map."""
    url = None if embed else _static_url(name)
    return {"url": url} if url else {"data": _collection(static_layers()[name])}


def _static_url(name: str) -> str | None:
    return assets.layer_url(name) if boundaries.data_dir() == str(boundaries.DATA_DIR) else None


def _published_or_built(name: str) -> list[dict]:
    """A static layer's features: read from its published file when there is one (so the first
    map after a server start need not load GeoNames or the boundaries), else built."""
    if _static_url(name):
        try:
            return json.loads((assets.LAYERS_DIR / f"{name}.json").read_text(encoding="utf-8"))["features"]
        except (OSError, ValueError, KeyError):
            pass  # a damaged published file: build the layer instead
    return list(static_layers()[name])


def publish_static_layers(layers_dir=None) -> list[str]:
    """Write the static layers as JSON files for Streamlit to serve (atomic; run by set-up)."""
    layers_dir = Path(layers_dir or assets.LAYERS_DIR)
    layers_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, features in static_layers().items():
        tmp = layers_dir / f"{name}.json.tmp"
        tmp.write_text(json.dumps(_collection(features), separators=(",", ":")), encoding="utf-8")
        tmp.replace(layers_dir / f"{name}.json")
        written.append(name)
    return written


def credits() -> str:
    """The map data's credits, as the map page and a published view give them (plain text)."""
    borders = "; ".join(f"{b.source} ({b.license}, {b.attribution})" for b in boundaries.BORDERS.values())
    return f"Boundaries: {borders}. Towns: GeoNames (CC BY 4.0)."


def _legend_html() -> str:
    rows = "".join(f'<div><span class="ca-sw {cls}"></span>{esc(text)}</div>' for cls, text in LEGEND_ITEMS)
    return rows + f"<div>{esc(LEGEND_NOTE)}</div>"


def base_map(
    basemap: str = "none", resolution: boundaries.Resolution = boundaries.DEFAULT_RESOLUTION, standalone: bool = False
) -> folium.Map:
    """The map every view is drawn into. Never cached as an object: rendering consumes it.
    ``standalone``: for a file opened from disk: every layer embedded, no tool loaded later."""
    m = folium.Map(location=CENTER, zoom_start=DEFAULT_ZOOM, tiles=None, control_scale=True)
    tiles = [
        {
            "name": "None (offline vector map)",
            "url": None,
            "attr": None,
            "show": basemap not in BASEMAPS or basemap == "none",
        }
    ]
    tiles += [{"name": b[0], "url": b[1], "attr": b[2], "show": key == basemap} for key, b in BASEMAPS.items() if b]
    province_labels = [
        {
            "lat": f["geometry"]["coordinates"][1],
            "lon": f["geometry"]["coordinates"][0],
            "html": f["properties"]["name"],
            "cls": "province",
            "p": LABEL_PRIORITY["province"],
            "z": 5,
            "pos": "centre",
        }
        for f in _published_or_built("province_labels")
    ]
    static = [
        {
            "name": None,
            "show": True,
            "pane": "ca-regions",
            "style": REGION_STYLES["countries"],
            "tiledStyle": TILED_STYLES["countries"],
            **_static_source("countries", standalone),
        },
        {
            "name": "Provinces: Balochistan, Sistan and Baluchestan",
            "show": True,
            "style": REGION_STYLES["provinces"],
            "pane": "ca-regions",
            "tiledStyle": TILED_STYLES["provinces"],
            "items": province_labels,
            **_static_source("provinces", standalone),
        },
    ]
    for res in boundaries.RESOLUTIONS:
        km = border_km(res)
        static.append(
            {
                "name": f"{boundaries.BORDERS[res].label}: {km:.0f} km",
                "show": res == resolution,
                "style": BORDER_STYLES[res],
                "tooltip": "label",
                **_static_source(f"border_{res}", standalone),
            }
        )
    static.append(
        {"name": "Towns (GeoNames)", "show": True, "town": True, "style": {}, **_static_source("towns", standalone)}
    )
    # folium's measure tool, loaded after the map has drawn (its 237 KB are not needed to show it).
    measure = {
        "js": [src for _, src in folium.plugins.MeasureControl.default_js],
        "css": [href for _, href in folium.plugins.MeasureControl.default_css],
        "options": {"position": "bottomright", "primaryLengthUnit": "kilometers", "secondaryLengthUnit": "miles"},
    }
    opts = {"tiles": tiles, "static": static, "legend": _legend_html(), "measure": None if standalone else measure}
    _Init(opts).add_to(m)
    m.get_root().header.add_child(folium.Element(MAP_CSS))
    return m


def _pin(ev: EventView) -> tuple[str, int]:
    """The marker's HTML and size (px): a disc in the event's colour with the number of enabled
    sources that speak of it, ringed and badged when they disagree."""
    size = 28 if ev.is_strike else 22
    n = len(ev.sources)
    colour = event_colour(ev.event)
    light = " ca-pin-light" if colour in ("#E69F00", "#56B4E9", "#F0E442", "#999999", "#CC79A7") else ""
    ring = " ca-pin-disagree" if ev.disagrees else ""
    badge = '<span class="ca-badge" aria-hidden="true">&#9888;</span>' if ev.disagrees else ""
    said = f"{n} source{'s' if n != 1 else ''}" + (", which disagree" if ev.disagrees else "")
    html = (
        f'<div class="ca-pin{light}{ring}" style="--c:{colour}"><span aria-hidden="true">{n}</span>{badge}'
        f'<span class="ca-sr">{esc(ev.event.title)}, {esc(said)}</span></div>'
    )
    return html, size


def _event_data(ev: EventView) -> dict:
    icon, size = _pin(ev)
    kind = "ca-strike" if ev.is_strike else "ca-other"
    return {
        "id": ev.event.id,
        "lat": ev.place.lat,
        "lon": ev.place.lon,
        "css": f"ca-event ca-event-{ev.event.id} {kind}",  # ids are [a-z0-9_-]
        "icon": icon,
        "size": size,
        "z": 1000 if ev.is_strike else 0,
        "popup": popup_html(ev),
        "tooltip": esc(ev.tooltip),
    }


def _labels(ev: EventView) -> list[dict]:
    out = []
    if ev.is_strike:
        who = ACTOR_NAMES.get(ev.event.actor or "", ev.event.actor or "")
        text = f"{who}'s strike · {ev.event.date:%d %b}" if who else f"Strike · {ev.event.date:%d %b}"
        out.append(
            {
                "lat": ev.place.lat,
                "lon": ev.place.lon,
                "html": esc(text),
                "cls": "strike",
                "p": LABEL_PRIORITY["strike"],
                "r": 14,
                "z": 5,
                "ev": ev.event.id,  # drawn beside its marker, wherever that is fanned out to
            }
        )
    if ev.measured:
        m = ev.measured
        mid = ((ev.place.lat + m.nearest[1]) / 2, (ev.place.lon + m.nearest[0]) / 2)
        out.append(
            {
                "lat": mid[0],
                "lon": mid[1],
                "html": esc(f"measured {m.label}"),
                "cls": "measured",
                "p": LABEL_PRIORITY["measured"],
                "z": 6,
                "pos": "centre",
            }
        )
    for b in ev.bands:
        out.append(
            {
                "lat": b.anchor[1],
                "lon": b.anchor[0],
                "html": esc(b.label),
                "cls": "depth",
                "p": LABEL_PRIORITY["depth"],
                "z": 5,
            }
        )
    return out


def view_layer(view: MapView, open_event: str | None = None) -> folium.FeatureGroup:
    """The view's own layers, handed to streamlit-folium as a feature group: it swaps them in
    place on every change, so the map keeps its zoom, centre and open popup."""
    fg = folium.FeatureGroup(name="This view", control=False)
    data = {
        "names": {"uncertainty": UNCERTAINTY_LAYER, "depths": DEPTHS_LAYER, "context": esc(view.context.label)},
        "events": [_event_data(ev) for ev in view.events],
        "uncertainty": _collection(
            _feature(
                ev.uncertainty,
                colour=event_colour(ev.event),
                label=esc(
                    f"{ev.place.name}: location uncertain by ±{ev.place.uncertainty_km:g} km ({ev.place.precision})"
                ),
            )
            for ev in view.events
            if ev.uncertainty is not None
        ),
        "bands": _collection(_feature(b.geometry, label=esc(b.detail)) for ev in view.events for b in ev.bands),
        "lines": [
            {
                "path": [[ev.place.lat, ev.place.lon], [ev.measured.nearest[1], ev.measured.nearest[0]]],
                "detail": esc(ev.measured.detail),
            }
            for ev in view.events
            if ev.measured
        ],
        "labels": [lab for ev in view.events for lab in _labels(ev)],
        # ACLED / UCDP GED rows: faint, in a layer of their own the reader can switch off.
        "context": [
            {
                "lat": p.row.lat,
                "lon": p.row.lon,
                "popup": context_popup_html(p),
                "tooltip": esc(f"{p.row.dataset} {p.row.event_id} · {p.row.date_start}"),
            }
            for p in view.context.points
        ],
        "open": open_event if any(ev.event.id == open_event for ev in view.events) else None,
    }
    _Script("view", data).add_to(fg)
    return fg


def click_layer(
    lat: float, lon: float, nearest_lat: float, nearest_lon: float, distance_km: float
) -> folium.FeatureGroup:
    """The reader's measurement, already made: a line from the clicked point to the nearest
    border point and the distance beside the click."""
    fg = folium.FeatureGroup(name="Your measurement", control=False)
    _Script(
        "click", {"path": [[lat, lon], [nearest_lat, nearest_lon]], "html": esc(f"{distance_km:.1f} km to the border")}
    ).add_to(fg)
    return fg
