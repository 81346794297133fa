"""The one module in geo/ that imports streamlit: cached loaders, the shared sidebar, URL state.

Pages call :func:`load_or_stop` for the data and :func:`current_selection` for what the sidebar
selected. The selection lives in the URL query string (shareable) and in session state
(query params are cleared when switching pages). Bad parameters are ignored with a notice.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import folium
import streamlit as st
import streamlit_folium

from geo import boundaries, urlstate
from geo.dataset import DATA_DIR, SOURCES_DIR, Dataset, DatasetError, load_dataset
from geo.discrepancy import Finding, find_discrepancies
from geo.layers import BASEMAP_LABELS, md, source_label
from geo.model import LENSES, Claim
from geo.store import Store, StoreError

LENS_LABELS = {
    "all": "All claimants",
    "iran_official": "Iranian official",
    "pakistan_official": "Pakistani official",
    "others": "Others (authors, analysts, media, unattributed)",
}
DEFAULT_FROM = dt.date(2023, 12, 1)
DEFAULT_TO = dt.date(2024, 1, 31)
MAX_MEASUREMENTS = 50


@dataclass(frozen=True)
class Selection:
    sources: tuple[str, ...]
    lens: str
    date_from: dt.date
    date_to: dt.date
    basemap: str
    resolution: boundaries.Resolution
    event: str | None


@st.cache_resource(show_spinner="Loading the dataset…", max_entries=4)
def _dataset(data_dir: str, sources_dir: str, db_path: str, revision: int) -> Dataset:
    records, texts = Store(db_path).records() if db_path else ({}, {})
    return load_dataset(Path(data_dir), Path(sources_dir), extra=records, extra_texts=texts)


def _data_key() -> tuple[str, str, str, int]:
    """The data folders and the user database with its revision, read on every call: tests
    point them at fixtures, and a save changes the revision, so the cache reloads."""
    data = os.environ.get("CLAIMS_ATLAS_DATA", str(DATA_DIR))
    sources = os.environ.get("CLAIMS_ATLAS_SOURCES", str(SOURCES_DIR))
    store = Store()
    try:
        return data, sources, str(store.path), store.revision()
    except StoreError as e:
        st.warning(f"Your added sources cannot be read, so only the curated data is shown: {md(e)}")
        return data, sources, "", -1


def dataset() -> Dataset:
    """The validated dataset, shared read-only across sessions (models are frozen)."""
    return _dataset(*_data_key())


def load_or_stop() -> Dataset:
    """The dataset, or a readable error on the page (never a traceback) and stop."""
    try:
        return dataset()
    except DatasetError as e:
        st.error(
            "The data files have problems, so the app cannot show them:\n\n"
            + "\n".join(f"- {md(i)}" for i in e.issues[:30])
        )
    except boundaries.BoundaryDataError as e:
        st.error(f"Boundary data problem: {md(e)}")
    st.stop()
    raise AssertionError("unreachable")


@st.cache_resource(max_entries=64, show_spinner=False)
def _findings(data_key: tuple[str, str, str, int], claim_ids: tuple[str, ...], resolution: str) -> tuple[Finding, ...]:
    ds = _dataset(*data_key)
    return tuple(find_discrepancies(ds, [ds.claims[c] for c in claim_ids], resolution))


def findings_for(claims: list[Claim], resolution: str) -> tuple[Finding, ...]:
    """Findings among the given claims (cached on their ids: frozen, shared read-only)."""
    return _findings(_data_key(), tuple(c.id for c in claims), resolution)


def filtered_claims(ds: Dataset, sel: Selection) -> list[Claim]:
    """Claims from the enabled sources, by the chosen claimant lens, about events in the date range."""
    types = LENSES.get(sel.lens, ())
    return [
        c
        for c in ds.claims.values()
        if c.source in sel.sources
        and (not types or c.claimant_type in types)
        and sel.date_from <= ds.events[c.event].date <= sel.date_to
    ]


def shown_events(ds: Dataset, claims: list[Claim]) -> list[str]:
    """Events reported by at least one of the given claims, in date order."""
    ids = {c.event for c in claims}
    return [e.id for e in sorted(ds.events.values(), key=lambda e: (e.date, e.id)) if e.id in ids]


def _date_bounds(ds: Dataset) -> tuple[dt.date, dt.date]:
    dates = [e.date for e in ds.events.values()]
    return min(min(dates), DEFAULT_FROM).replace(month=1, day=1), max(max(dates), DEFAULT_TO)


def sidebar(ds: Dataset) -> Selection:
    """The shared sidebar (called once per run by app.py); returns and stores the selection."""
    ss = st.session_state
    if "ca_init" not in ss:
        params, notices = urlstate.parse(ds, st.query_params.to_dict())
        ss["ca_notices"] = notices
        for sid in ds.sources:
            ss[f"ca_src_{sid}"] = sid in params.get("sources", ds.sources)
        ss["ca_lens"] = params.get("lens", "all")
        lo, hi = _date_bounds(ds)
        d_from = min(max(params.get("from", DEFAULT_FROM), lo), hi)
        d_to = min(max(params.get("to", DEFAULT_TO), lo), hi)
        ss["ca_dates"] = (d_from, d_to)
        ss["ca_basemap"] = params.get("basemap", "none")
        ss["ca_border"] = params.get("border", boundaries.DEFAULT_RESOLUTION)
        ss["ca_event"] = params.get("event")
        ss["ca_init"] = True
    with st.sidebar:
        if ss.get("ca_notices"):
            st.warning("Some link parameters were ignored: " + md("; ".join(ss["ca_notices"])))
        st.subheader("Sources")
        for sid in ds.sources:
            ss.setdefault(f"ca_src_{sid}", True)  # a source added since the session began
            st.checkbox(md(source_label(ds, sid)), key=f"ca_src_{sid}")
        st.radio("Claimant lens", list(LENS_LABELS), format_func=LENS_LABELS.get, key="ca_lens")
        lo, hi = _date_bounds(ds)
        dates = st.date_input("Event dates", min_value=lo, max_value=hi, key="ca_dates")
        st.selectbox(
            "Basemap",
            list(BASEMAP_LABELS),
            format_func=BASEMAP_LABELS.get,
            key="ca_basemap",
            help="Tiles need internet; the default vector map works offline.",
        )
        st.selectbox(
            "Border used to measure",
            list(boundaries.BORDERS),
            format_func=lambda r: boundaries.BORDERS[r].label,
            key="ca_border",
        )
    # While a user has picked only the start of a range, the widget holds one date: keep using
    # the last complete range until the second date is chosen.
    if isinstance(dates, (tuple, list)) and len(dates) == 2:
        ss["ca_dates_last"] = (dates[0], dates[1])
    d_from, d_to = ss.get("ca_dates_last", (DEFAULT_FROM, DEFAULT_TO))
    sel = Selection(
        sources=tuple(s for s in ds.sources if ss[f"ca_src_{s}"]),
        lens=ss["ca_lens"],
        date_from=d_from,
        date_to=d_to,
        basemap=ss["ca_basemap"],
        resolution=ss["ca_border"],
        event=ss.get("ca_event"),
    )
    ss["ca_selection"] = sel
    write_params(sel)
    return sel


def write_params(sel: Selection) -> None:
    """Mirror the selection in the URL so the view can be shared."""
    qp = {
        "sources": ",".join(sel.sources),
        "lens": sel.lens,
        "from": sel.date_from.isoformat(),
        "to": sel.date_to.isoformat(),
        "basemap": sel.basemap,
        "border": sel.resolution,
    }
    if sel.event:
        qp["event"] = sel.event
    # Page-specific links (a claim or source to open) stay in the URL.
    qp.update({k: st.query_params[k] for k in ("claim", "source") if st.query_params.get(k)})
    if dict(st.query_params) != qp:
        st.query_params.from_dict(qp)


def current_selection() -> Selection:
    return st.session_state["ca_selection"]


def select_event(event_id: str | None) -> None:
    st.session_state["ca_event"] = event_id


def add_measurement(row: dict) -> None:
    rows = st.session_state.setdefault("ca_measurements", [])
    if not rows or rows[-1] != row:
        rows.append(row)
    del rows[:-MAX_MEASUREMENTS]


def measurements() -> list[dict]:
    return st.session_state.get("ca_measurements", [])


def clear_measurements() -> None:
    st.session_state["ca_measurements"] = []


@dataclass(frozen=True)
class RenderedMap:
    """What streamlit-folium's component needs to draw one map: strings made once per view."""

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
    sf = streamlit_folium
    fmap.render()
    html, header = sf._get_html(fmap), sf._get_header(fmap)  # before _get_map_string alters the map
    script = sf._get_map_string(fmap)
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
        sf.get_full_id(fmap),
        ((s, w), (n, e)),
        fmap.options.get("zoom"),
        tuple(dict.fromkeys(css)),
        tuple(dict.fromkeys(js)),
    )


@st.cache_resource(max_entries=48, show_spinner=False)
def _rendered(view_key: tuple, _build: Callable[[], folium.Map]) -> RenderedMap:
    return render_map(_build())


def cached_map(view_key: tuple, build: Callable[[], folium.Map]) -> RenderedMap:
    """The rendered map for a view, made once and shared by every session showing that view.

    Building and rendering the folium map was most of a rerun's CPU (py-spy under load, see
    bench/README.md), though the map only changes when the view does. ``view_key`` must
    identify everything ``build`` draws; the data revision is added here."""
    return _rendered((_data_key(), boundaries.data_dir(), *view_key), build)


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
    extra_layer: folium.FeatureGroup | None = None,
    center: tuple[float, float] | None = None,
    zoom: int | None = None,
) -> dict | None:
    """Send a rendered map to streamlit-folium's component, as ``st_folium`` does, with an
    optional small per-session layer (drawn into the map without reloading it)."""
    sf = streamlit_folium
    layer_js = None
    if extra_layer is not None:
        host = folium.Map(tiles=None)  # stands in for the rendered map: same id, so references resolve
        host._id = rendered.map_id.removeprefix("map_")
        layer_js = sf._get_feature_group_string(extra_layer, map=host, idx=0)
    (s, w), (n, e) = rendered.bounds
    defaults = {
        "last_clicked": None,
        "bounds": {"_southWest": {"lat": s, "lng": w}, "_northEast": {"lat": n, "lng": e}},
        "zoom": rendered.zoom,
    }
    hash_key = _component_key(rendered.script, key)

    def on_change():
        st.session_state[key] = st.session_state.get(hash_key, {})

    return sf._component_func(
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
        feature_group=layer_js,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(rendered.css_links),
        js_links=list(rendered.js_links),
        on_change=on_change,
        wrap_longitude=False,
    )
