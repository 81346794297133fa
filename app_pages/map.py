"""Map explorer: strikes and their claims, stated depths against measured distances, click to measure."""

import json

import pandas as pd
import streamlit as st

from geo import publish
from geo.core import export
from geo.core.view import border_lengths_km
from geo.render import assets, layers
from geo.render.escape import finding_markdown, md
from geo.spatial.boundaries import BoundaryDataError
from geo.web import explorer, sidebar, state
from geo.web import split as explorer_split

ds = state.load_or_stop()
sel = sidebar.current_selection()
st.title("Claims Atlas")
st.caption(
    "What the reports claim about the January 2024 Iran–Pakistan strikes. One marker per event: the number "
    "is how many enabled sources speak of it, a ringed ⚠ that they disagree. Click or tap a marker for its "
    "claims; click anywhere else for the geodesic distance to the border."
)
if not assets.use_local_assets():
    st.warning(
        "Map files are not installed (npm was missing at set-up), so the map loads Leaflet from CDNs "
        "and needs internet. Run `make setup` with npm available to draw it offline."
    )

claims = sidebar.filtered_claims(ds, sel)
events = sidebar.shown_events(ds, claims)
if not sel.sources:
    st.info("No source is enabled: turn one on in the sidebar.")

split = st.toggle(
    "Compare claimants side by side",
    key="ca_split",
    help="Iranian official, Pakistani official and other claims on three maps that move together "
    "(the sidebar's claimant lens does not apply here).",
)
if split:
    view = None
    explorer_split.show(ds, sel)
else:
    view = explorer.show(ds, sel, claims, events)
if view and view.context.total:
    st.caption(view.context.note)

left, right = st.columns([3, 2])
with left:
    st.subheader("Measurements")
    rows = state.measurements()
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
            explorer.clear_measurements()
            st.rerun()
    else:
        st.write("Click anywhere on the map to measure its geodesic distance to the border.")
with right:
    st.subheader("Border length")
    try:
        lengths = [{"figure": k, "km": int(round(v))} for k, v in border_lengths_km().items()]
    except BoundaryDataError as e:
        st.error(f"Border lengths unavailable: {md(e)}")
        lengths = []
    lengths += [
        {"figure": f"{c.claimant} [{c.source}] (stated)", "km": int(round(c.value))}
        for c in claims
        if c.kind == "border_length" and isinstance(c.value, float)
    ]
    st.table(pd.DataFrame(lengths).set_index("figure") if lengths else pd.DataFrame(lengths))

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
        explorer.focus_event(chosen)
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
        ev = next((v for v in view.events if v.event.id == chosen), None) if view else None
        if ev and ev.findings:  # as text, which wraps: a data grid cuts long findings
            for f in sorted(ev.findings, key=lambda f: not f.material):
                st.markdown("- " + finding_markdown(f))

try:
    published = view or state.view_for(claims, events, sel.sources, sel.resolution, (sel.date_from, sel.date_to))
except BoundaryDataError:
    published = None  # said above, where the map would be
if published is not None:
    described = publish.describe(
        len(claims), len(sel.sources), len(published.events), sel.lens, sel.date_from, sel.date_to
    )
    st.download_button(
        "Publish this view (ZIP: a web page that works offline, and a picture per strike)",
        data=lambda: publish.zipped(published, described),  # made when clicked, in its own thread
        file_name="claims-atlas.zip",
        mime="application/zip",
        on_click="ignore",
        help="index.html holds the map with its popups, bands, legend and credits, every file inside it: "
        "put it on any static host. The same from a terminal: python -m geo.publish --out FOLDER.",
    )
c1, c2 = st.columns(2)
c1.download_button("Download these claims (CSV)", export.claims_csv(ds, claims), "claims_filtered.csv", "text/csv")
c2.download_button(
    "Download these events (GeoJSON)",
    json.dumps(export.events_geojson(ds, [ds.events[e] for e in events], claims), ensure_ascii=False),
    "events_filtered.geojson",
    "application/geo+json",
)
st.caption(md(layers.credits()))
