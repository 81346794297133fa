"""The map explorer's session logic: what the map reported (a click to measure, a marker
opened, where the reader moved it) and what the map is asked to do next (move, open a popup).

The map reports through streamlit-folium's returned values; each is acted on once, when it
changes. Moves are sent only when the server wants one (a link opened, an event focused, a
base map that had to be reloaded), never echoed back, so the map never jumps under the reader.
"""

from __future__ import annotations

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.view import MapView
from geo.render import layers
from geo.render.escape import md
from geo.spatial import measure
from geo.spatial.boundaries import BoundaryDataError
from geo.web import map_component, sidebar, state

FOCUS_ZOOM = 8
MAP_HEIGHT = 600


def show(ds: Dataset, sel: sidebar.Selection, claims: list, events: list[str]) -> MapView | None:
    """Draw the map for the selection and act on what it reported; the view it showed, or None
    (with a readable error) when the boundary data cannot be read."""
    try:
        view = state.view_for(claims, events, sel.sources, sel.resolution, (sel.date_from, sel.date_to))
        base = map_component.cached_base(
            (sel.basemap, sel.resolution), lambda: layers.base_map(sel.basemap, sel.resolution)
        )
    except BoundaryDataError as e:
        st.error(f"The map cannot be drawn: {md(e)}. The tables below still work.")
        map_first(ds, drawn=False)
        return None
    # The map's last report (put in session state by the component before this run).
    take_map_value(st.session_state.get("ca_map"), view, sel.resolution)
    asked = initial_event()
    scripts = map_component.cached_layer((view.cache_key(), asked), base, lambda: layers.view_layer(view, asked))
    click = last_measurement()
    if click:
        line = layers.click_layer(
            click["lat"], click["lon"], click["nearest_lat"], click["nearest_lon"], click["distance_km"]
        )
        scripts += map_component.layer_script(line, base.map_id, 1)
    move = pending_move(ds, base.map_id)
    out = map_component.show_map(
        base,
        key="ca_map",
        height=MAP_HEIGHT,
        returned_objects=map_component.RETURNED,
        layers=scripts,
        center=move["center"] if move else None,
        zoom=move["zoom"] if move else None,
    )
    # A value that did not come through session state (first run of a session, tests): use it now.
    if out != st.session_state.get("ca_map") and take_map_value(out, view, sel.resolution):
        st.rerun()
    map_first(ds, drawn=True)
    return view


def _row(r: measure.BorderDistance) -> dict:
    return {
        "lat": round(r.lat, 5),
        "lon": round(r.lon, 5),
        "distance_km": round(r.distance_km, 2),
        "country": r.country or "outside PAK/IRN",
        "province": r.province or "",
        "nearest_lat": round(r.nearest_lat, 5),
        "nearest_lon": round(r.nearest_lon, 5),
        "border": r.resolution,
    }


def take_map_value(value: dict | None, view: MapView, resolution) -> bool:
    """Act on what the map reported, and mirror it in the URL; True if a new point was measured."""
    if not value:
        return False
    measured = _take(value, view, resolution)
    sidebar.sync_url()
    return measured


def _take(value: dict, view: MapView, resolution) -> bool:
    ss = st.session_state
    if value.get("zoom") is not None and value.get("center"):
        sidebar.set_map_position(value["zoom"], value["center"])
    tip = value.get("last_object_clicked_tooltip")
    if tip and tip != ss.get("ca_last_tip"):
        ss["ca_last_tip"] = tip
        opened = view.by_tooltip(tip)
        if opened:
            sidebar.select_event(opened)
    last = value.get("last_clicked")
    if not last or (last.get("lat"), last.get("lng")) == ss.get("ca_click"):
        return False
    ss["ca_click"] = (last.get("lat"), last.get("lng"))
    sidebar.select_event(None)  # a click on the map closes the open popup
    try:
        r = measure.distance_to_border(last["lng"], last["lat"], resolution)
    except (measure.InvalidCoordinate, BoundaryDataError, KeyError, TypeError) as e:
        st.error(f"That point cannot be measured: {md(e)}")
        return False
    row = _row(r)
    state.add_measurement(row)
    ss["ca_measured"] = row
    return True


def last_measurement() -> dict | None:
    """The newest measurement, drawn on the map until cleared."""
    return st.session_state.get("ca_measured")


def clear_measurements() -> None:
    state.clear_measurements()
    st.session_state.pop("ca_measured", None)


def initial_event() -> str | None:
    """The event whose popup the map is asked to open: from the link the session began with,
    or the last event focused from the page. A marker the reader clicks opens by itself."""
    ss = st.session_state
    if "ca_open_request" not in ss:
        ss["ca_open_request"] = sidebar.current_selection().event
    return ss["ca_open_request"]


def focus_event(event_id: str | None) -> None:
    """Focus an event from the page: centre the map on it and open its popup."""
    ss = st.session_state
    sidebar.select_event(event_id)
    ss["ca_open_request"] = event_id
    if event_id:
        ss["ca_move_for"] = event_id
        ss.pop("ca_move", None)


def pending_move(ds: Dataset, map_id: str) -> dict | None:
    """Where the map should move to, if anywhere: ``{"center": (lat, lon), "zoom": z}``.

    Kept until replaced (streamlit-folium's frontend applies a move only when it differs from
    the last one it was given); replaced when the session starts from a link, when an event
    is focused, and when the base map changed (its iframe reloads: carry the reader's view over).
    """
    ss = st.session_state
    if ss.get("ca_map_id") not in (None, map_id) and (left := _where_left()):
        ss["ca_move"] = left
    ss["ca_map_id"] = map_id
    if "ca_move_for" in ss:
        event = ds.events.get(ss.pop("ca_move_for"))
        place = ds.place_of(event) if event else None
        if place:
            n = ss.get("ca_move_n", 0) + 1  # a repeated focus must still differ from the last move
            ss["ca_move_n"] = n
            ss["ca_move"] = {"center": (place.lat + n * 1e-9, place.lon), "zoom": FOCUS_ZOOM}
    if "ca_move" not in ss:
        event = ds.events.get(sidebar.current_selection().event or "")
        place = ds.place_of(event) if event else None
        if left := _where_left():
            ss["ca_move"] = left
        elif place:
            ss["ca_move"] = {"center": (place.lat, place.lon), "zoom": FOCUS_ZOOM}
        else:
            ss["ca_move"] = None
    return ss["ca_move"]


def _where_left() -> dict | None:
    """The reader's last zoom and centre (or a link's) as a move, or None."""
    pos = sidebar.map_position()
    return {"center": tuple(pos["center"]), "zoom": pos["zoom"]} if pos and pos.get("center") else None


def map_first(ds: Dataset, drawn: bool) -> None:
    """On a session's first run, stop after the map: the browser then builds the map alone (the
    sidebar's widgets and the tables share its main thread and would delay it by about a
    second, bench/README.md). The map reports its view as soon as it has drawn, which reruns
    the page in full a moment later. app.py left the sidebar out of this run; a map that could
    not be drawn will not report, so then the sidebar is drawn here and the page goes on."""
    if sidebar.first_run():
        if drawn:
            st.stop()
        sidebar.draw(ds)
