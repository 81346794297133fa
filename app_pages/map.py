"""Map explorer: strikes and their claims, stated depths against measured distances, click to measure."""

import json

import pandas as pd
import streamlit as st

from geo import export, layers, map_assets, measure
from geo import streamlit_adapters as sa
from geo.boundaries import BoundaryDataError

ds = sa.load_or_stop()
sel = sa.current_selection()
st.title("Claims Atlas: the January 2024 Iran–Pakistan strikes")
st.caption(
    "Each marker is an event; its popup lists what each enabled source claims about it, quoted verbatim. "
    "Bands show stated depths; dotted lines the measured geodesic distance to the border."
)
if not map_assets.use_local_assets():
    st.warning(
        "Map files are not installed (npm was missing at set-up), so the map loads Leaflet from CDNs "
        "and needs internet. Run `make setup` with npm available to draw it offline."
    )

claims = sa.filtered_claims(ds, sel)
events = sa.shown_events(ds, claims)
findings = sa.findings_for(claims, sel.resolution)
if not sel.sources:
    st.info("No source is enabled: turn one on in the sidebar.")


def take_click(last: dict | None) -> bool:
    """Measure a new map click and remember it; True if it was new and measured."""
    if not last or (last.get("lat"), last.get("lng")) == st.session_state.get("ca_click", (None, None)):
        return False
    try:
        r = measure.distance_to_border(last["lng"], last["lat"], sel.resolution)
    except (measure.InvalidCoordinate, BoundaryDataError, KeyError, TypeError) as e:
        st.error(f"That point cannot be measured: {layers.md(e)}")
        return False
    st.session_state["ca_click"] = (last["lat"], last["lng"])
    sa.add_measurement(
        {
            "lat": round(r.lat, 5),
            "lon": round(r.lon, 5),
            "distance_km": round(r.distance_km, 2),
            "country": r.country or "outside PAK/IRN",
            "province": r.province or "",
            "nearest_lat": round(r.nearest_lat, 5),
            "nearest_lon": round(r.nearest_lon, 5),
            "border": r.resolution,
        }
    )
    return True


# streamlit-folium's on_change puts the map's new value in session state before this run, so
# a click is measured and drawn in the same run (no second rerun).
take_click((st.session_state.get("ca_map") or {}).get("last_clicked"))
click = st.session_state.get("ca_click")
view = layers.MapView(tuple(claims), findings, sel.sources, tuple(events), sel.basemap, sel.resolution)
try:
    rendered = sa.cached_map(view.cache_key(), lambda: layers.build_map(ds, view))
except BoundaryDataError as e:
    st.error(f"The map cannot be drawn: {layers.md(e)}. The tables below still work.")
    rendered = None
focus = ds.place_of(ds.events[sel.event]) if sel.event in events else None
out = rendered and sa.show_map(
    rendered,
    key="ca_map",
    height=620,
    returned_objects=["last_clicked"],
    extra_layer=layers.click_layer(click, sel.resolution) if click else None,
    center=(focus.lat, focus.lon) if focus else None,
    zoom=8 if focus else None,
)
# A value that did not come through session state (first run of a session, tests): draw it now.
if take_click((out or {}).get("last_clicked")):
    st.rerun()

st.markdown(layers.LEGEND_MARKDOWN)

left, right = st.columns([3, 2])
with left:
    st.subheader("Measurements")
    rows = sa.measurements()
    if rows:
        last_row = rows[-1]
        st.success(
            f"{last_row['distance_km']:.1f} km to the border (geodesic, {last_row['border']} border) — "
            f"{last_row['country']}{', ' + last_row['province'] if last_row['province'] else ''}"
        )
        df = pd.DataFrame(rows)
        st.dataframe(df, hide_index=True, width="stretch")
        c1, c2 = st.columns(2)
        c1.download_button("Download measurements (CSV)", df.to_csv(index=False), "measurements.csv", "text/csv")
        if c2.button("Clear measurements"):
            sa.clear_measurements()
            st.session_state.pop("ca_click", None)
            st.rerun()
    else:
        st.write("Click anywhere on the map to measure its geodesic distance to the border.")
with right:
    st.subheader("Border length")
    try:
        lengths = [{"figure": k, "km": round(v)} for k, v in layers.border_lengths_km().items()]
    except BoundaryDataError as e:
        st.error(f"Border lengths unavailable: {layers.md(e)}")
        lengths = []
    lengths += [
        {"figure": f"{c.claimant} [{c.source}] (stated)", "km": c.value}
        for c in claims
        if c.kind == "border_length" and isinstance(c.value, float)
    ]
    st.dataframe(pd.DataFrame(lengths), hide_index=True, width="stretch")

st.subheader("Events on the map")
if events:
    labels = {e: f"{ds.events[e].date} · {ds.events[e].title}" for e in events}
    chosen = st.selectbox(
        "Focus an event",
        [None, *events],
        format_func=lambda e: "—" if e is None else labels[e],
        index=([None, *events].index(sel.event) if sel.event in events else 0),
    )
    if chosen != sel.event:
        sa.select_event(chosen)
        st.rerun()
    if chosen:
        ev_claims = [c for c in claims if c.event == chosen]
        st.dataframe(
            pd.DataFrame(export.claims_rows(ds, ev_claims))[
                ["kind", "value", "qualifier", "claimant", "source_id", "victims", "quote"]
            ],
            hide_index=True,
            width="stretch",
        )
        ev_findings = [{"verdict": f.verdict, "finding": f.summary} for f in findings if f.event == chosen]
        if ev_findings:
            st.dataframe(pd.DataFrame(ev_findings), hide_index=True, width="stretch")

c1, c2 = st.columns(2)
c1.download_button("Download these claims (CSV)", export.claims_csv(ds, claims), "claims_filtered.csv", "text/csv")
c2.download_button(
    "Download these events (GeoJSON)",
    json.dumps(export.events_geojson(ds, [ds.events[e] for e in events], claims), ensure_ascii=False),
    "events_filtered.geojson",
    "application/geo+json",
)
st.caption(
    "Boundaries: "
    + "; ".join(f"{b.source} ({b.license}, {b.attribution})" for b in layers.boundaries.BORDERS.values())
    + ". Towns: GeoNames (CC BY 4.0)."
)
