"""The map component: streamlit-folium's frontend, fed with maps rendered once and shared.

The only module that uses streamlit-folium's private names (``_get_html``, ``_get_header``,
``_get_map_string``, ``_get_feature_group_string``, ``_component_func``), pinned to 0.27.4;
tests/test_map_component.py checks that what we send is what ``st_folium`` would send.

The base map (which changes only with the base map and border chosen) keeps one component
key, so the iframe is never reloaded by a sidebar change; the view's layers travel as
streamlit-folium's ``feature_group``, which its frontend swaps in place. Zoom, centre, layer
choices and the open popup therefore survive every rerun.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import folium
import streamlit as st
import streamlit_folium

from geo.spatial import boundaries
from geo.web import state

# What the map reports back: a click to measure, the marker clicked (by its tooltip), the view.
RETURNED = ["last_clicked", "last_object_clicked_tooltip", "zoom", "center"]


@dataclass(frozen=True)
class RenderedMap:
    """What streamlit-folium's component needs to draw one map: strings made once per map."""

    script: str
    header: str
    html: str
    map_id: str
    bounds: tuple[tuple[float | None, float | None], tuple[float | None, float | None]]
    zoom: float | None
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]


def render_map(fmap: folium.Map) -> RenderedMap:
    """Render a map as ``st_folium(fmap, render=False)`` does (streamlit-folium 0.27.4, pinned;
    tests/test_map_component.py checks the two agree). ``fmap`` is consumed: rendering renames
    its elements."""
    fmap.render()
    # Before _get_map_string, which alters the map.
    html, header = streamlit_folium._get_html(fmap), streamlit_folium._get_header(fmap)
    script = streamlit_folium._get_map_string(fmap)
    css: list[str] = []
    js: list[str] = []
    stack: list = [fmap]
    while stack:  # st_folium's walk: the CSS/JS each element declares, depth first, in order
        el = stack.pop()
        if isinstance(el, folium.elements.JSCSSMixin):
            css += [href for _, href in el.default_css]
            js += [src for _, src in el.default_js]
        stack.extend(reversed(list(getattr(el, "_children", {}).values())))
    (s, w), (n, e) = fmap.get_bounds()
    return RenderedMap(
        script,
        header,
        html,
        streamlit_folium.get_full_id(fmap),
        ((s, w), (n, e)),
        fmap.options.get("zoom"),
        tuple(dict.fromkeys(css)),
        tuple(dict.fromkeys(js)),
    )


def layer_script(layer: folium.FeatureGroup, map_id: str, idx: int) -> str:
    """A feature group as the JavaScript streamlit-folium's frontend evaluates into the map."""
    host = folium.Map(tiles=None)  # stands in for the rendered map: same id, so references resolve
    host._id = map_id.removeprefix("map_")
    return streamlit_folium._get_feature_group_string(layer, map=host, idx=idx)


@st.cache_resource(max_entries=8, show_spinner=False)
def _base(key: tuple, _build: Callable[[], folium.Map]) -> RenderedMap:
    return render_map(_build())


def cached_base(key: tuple, build: Callable[[], folium.Map]) -> RenderedMap:
    """The rendered base map for ``key`` (everything ``build`` draws), shared by all sessions."""
    return _base((boundaries.data_dir(), *key), build)


@st.cache_resource(max_entries=64, show_spinner=False)
def _layer(key: tuple, map_id: str, _build: Callable[[], folium.FeatureGroup]) -> str:
    return layer_script(_build(), map_id, 0)


def cached_layer(key: tuple, base: RenderedMap, build: Callable[[], folium.FeatureGroup]) -> str:
    """The view layer's script for ``key`` (everything ``build`` draws), shared by all sessions.
    The data revision is added here."""
    return _layer((state.data_key(), boundaries.data_dir(), *key), base.map_id, build)


@lru_cache(maxsize=64)
def _component_key(script: str, key: str) -> str:
    """st_folium's widget key for a map (4 ms of regex over the script; the cached script's
    string hash is computed once, so a lookup here is cheap)."""
    return streamlit_folium.generate_js_hash(script, key, False)


def show_map(
    rendered: RenderedMap,
    *,
    key: str,
    height: int,
    returned_objects: list[str],
    layers: str | None = None,
    center: tuple[float, float] | None = None,
    zoom: int | None = None,
) -> dict | None:
    """Send a rendered map to streamlit-folium's component, as ``st_folium`` does, with the
    view's layers as scripts (``layers``: :func:`layer_script` outputs, joined) drawn into the
    map without reloading it."""
    (s, w), (n, e) = rendered.bounds
    defaults = {
        "last_clicked": None,
        "last_object_clicked_tooltip": None,
        "bounds": {"_southWest": {"lat": s, "lng": w}, "_northEast": {"lat": n, "lng": e}},
        "zoom": rendered.zoom,
    }
    hash_key = _component_key(rendered.script, key)

    def on_change():
        st.session_state[key] = st.session_state.get(hash_key, {})

    return streamlit_folium._component_func(
        script=rendered.script,
        header=rendered.header,
        html=rendered.html,
        id=rendered.map_id,
        key=hash_key,
        height=height,
        width=None,
        returned_objects=returned_objects,
        default={k: v for k, v in defaults.items() if k in returned_objects},
        zoom=zoom,
        center=center,
        feature_group=layers,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(rendered.css_links),
        js_links=list(rendered.js_links),
        on_change=on_change,
        wrap_longitude=False,
    )
