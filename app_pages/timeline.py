"""Timeline: events in time order, with local times and zones; focus one on the map."""

import json

import pandas as pd
import streamlit as st

from geo.core import export
from geo.web import explorer, sidebar, state

ds = state.load_or_stop()
sel = sidebar.current_selection()
st.title("Timeline")
st.caption(f"Events reported by the enabled sources between {sel.date_from} and {sel.date_to} (sidebar).")
claims = sidebar.filtered_claims(ds, sel)
events = [e for e in sidebar.shown_events(ds, claims) if ds.events[e].happened]
rows = []
for eid in events:
    e = ds.events[eid]
    place = ds.place_of(e)
    rows.append(
        {
            "date (local)": e.local_label(),
            "event": e.title,
            "type": e.type.replace("_", " "),
            "place": place.name if place else "",
            "claims": sum(c.event == eid for c in claims),
            "sources": ", ".join(sorted({c.source for c in claims if c.event == eid})),
            "date basis": e.date_basis,
        }
    )
if not rows:
    st.info("No events match the sidebar selection: widen the dates or enable a source.")
    st.stop()
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="ca_timeline")
chosen = st.selectbox(
    "Focus an event on the map", events, format_func=lambda e: f"{ds.events[e].date} · {ds.events[e].title}"
)
if st.button("Show on the map"):
    explorer.focus_event(chosen)
    st.switch_page("app_pages/map.py")
c1, c2 = st.columns(2)
c1.download_button("Download the timeline (CSV)", pd.DataFrame(rows).to_csv(index=False), "timeline.csv", "text/csv")
c2.download_button(
    "Download these events (GeoJSON)",
    json.dumps(export.events_geojson(ds, [ds.events[e] for e in events], claims), ensure_ascii=False),
    "timeline_events.geojson",
    "application/geo+json",
)
