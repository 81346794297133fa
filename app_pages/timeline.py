"""Timeline: events at their local times and claims at their publication dates on one axis;
brushing a time range sets the shared date filter (the map, the claims page and the URL follow).
The table of events stays below it, and the sidebar's date field does the same without a pointer."""

import json

import altair as alt
import pandas as pd
import streamlit as st

from geo.core import export, timeline
from geo.render.escape import md
from geo.web import explorer, sidebar, state

COLOURS = {"Events": "#000000", "Iranian official": "#E69F00", "Pakistani official": "#0072B2", "Others": "#009E73"}

ds = state.load_or_stop()
sel = sidebar.current_selection()
st.title("Timeline")
claims = sidebar.filtered_claims(ds, sel)
events = [e for e in sidebar.shown_events(ds, claims) if ds.events[e].happened]
marks, undated = timeline.marks(ds, claims, events)  # the brush narrows; the sidebar widens


def brushed() -> None:
    """The brush's callback: the range it covers becomes the shared date filter."""
    chosen = st.session_state.get("ca_timeline_chart", {}).get("selection", {}).get("brush", {})
    span = chosen.get("when") if isinstance(chosen, dict) else None
    if span and len(span) == 2:
        sidebar.set_dates(ds, *timeline.brushed_dates(span[0], span[1], marks))


st.caption(
    f"Showing {sel.date_from:%d %b %Y} to {sel.date_to:%d %b %Y} (sidebar). Drag across the chart to choose "
    "a time range: the map, the claims page and the link follow. Times are UTC on the axis; hover or tap a "
    "point for its local time and zone (Iran UTC+3:30, Pakistan UTC+5)."
)
if marks:
    frame = pd.DataFrame(
        [
            {
                "when": m.when.replace(tzinfo=None),  # UTC, as Vega-Lite's utc scale reads it
                "lane": m.lane,
                "what": m.kind,
                "label": m.label,
                "local": m.local,
                "history": m.history,
            }
            for m in marks
        ]
    )
    brush = alt.selection_interval(name="brush", encodings=["x"])
    x = alt.X("when:T", title="UTC", scale=alt.Scale(type="utc"), axis=alt.Axis(format="%d %b", labelAngle=0))
    y = alt.Y("lane:N", scale=alt.Scale(domain=list(timeline.LANES)), title=None, axis=alt.Axis(labelLimit=0))
    colour = alt.Color("lane:N", scale=alt.Scale(domain=list(COLOURS), range=list(COLOURS.values())), legend=None)
    points = (
        alt.Chart(frame)
        .mark_point(filled=True, size=110)
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape("what:N", scale=alt.Scale(domain=["event", "claim"], range=["diamond", "circle"])),
            tooltip=[alt.Tooltip("label:N", title="what"), alt.Tooltip("local:N", title="when"), "lane:N"],
        )
        .add_params(brush)
    )
    revised = (
        alt.Chart(frame[frame["history"] != ""])
        .mark_line(strokeWidth=2)
        .encode(x=x, y=y, detail="history:N", color=colour)
    )
    chart = (revised + points).properties(
        height=230,
        description="Events and claims on a time axis; a claimant's revised figures are joined by a line.",
    )
    st.altair_chart(chart, on_select=brushed, selection_mode="brush", key="ca_timeline_chart", width="stretch")
    notes = ["Diamonds: events; dots: claims at their source's publication date; lines join a revised figure."]
    if undated:
        notes.append(f"{undated} claims come from undated sources and are not on the axis.")
    st.caption(" ".join(notes))
else:
    st.info("Nothing in this date range has a time to place on the axis.")
# Always offered when the dates were changed: a brush over an empty range must not be a dead end.
if (sel.date_from, sel.date_to) != (sidebar.DEFAULT_FROM, sidebar.DEFAULT_TO):
    st.button(
        "Show the default dates again",
        on_click=sidebar.set_dates,  # a callback: the sidebar's date field is drawn already
        args=(ds, sidebar.DEFAULT_FROM, sidebar.DEFAULT_TO),
    )

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
st.subheader(f"Events from {md(sel.date_from.isoformat())} to {md(sel.date_to.isoformat())}")
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
