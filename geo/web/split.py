"""The claimant split: Iranian official, Pakistani official and other claims on three maps side
by side (stacked on a phone), each with its own markers, depth bands, popups and findings, moved
together: when the reader pans or zooms one, the others follow at the end of the gesture.

Each map reports its zoom and centre; a report that changed since that map's last one, and
differs from the shared view, is a move by the reader and becomes the shared view sent to all
three (the mover is sent where it already is, so nothing jumps). The others' reports of having
followed equal the shared view, and a map's first report is its loading: neither is a move, so
the maps never echo each other, and one that loads late does not pull the others back.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.model import LENSES
from geo.render import layers
from geo.render.escape import finding_markdown, md
from geo.spatial.boundaries import BoundaryDataError
from geo.web import map_component, sidebar, state

GROUPS = (("iran_official", "Iranian official"), ("pakistan_official", "Pakistani official"), ("others", "Others"))
HEIGHT = 440
SHARED = "ca_split_view"  # the view all three show: {"zoom": int, "center": (lat, lon)}


def _position(out: dict | None) -> tuple[int, tuple[float, float]] | None:
    """A map's report as (zoom, (lat, lon)), rounded so a map that followed equals the shared view."""
    try:
        return int(out["zoom"]), (round(float(out["center"]["lat"]), 4), round(float(out["center"]["lng"]), 4))
    except (TypeError, KeyError, ValueError):
        return None


def _moved(lens: str, out: dict | None) -> bool:
    """Whether this map's report is a move by the reader; if so it becomes the shared view."""
    ss = st.session_state
    now, last = _position(out), ss.get(f"ca_split_last_{lens}")
    ss[f"ca_split_last_{lens}"] = now
    shared = ss.get(SHARED)
    if now is None or now == last or (shared and now == (shared["zoom"], shared["center"])):
        return False
    if last is None and shared:  # a map's first report is it loading, not the reader moving it
        return False
    ss[SHARED] = {"zoom": now[0], "center": now[1]}
    return True


def show(ds: Dataset, sel: sidebar.Selection) -> None:
    """The three maps for the sidebar's selection (its claimant lens aside: the split is the
    lens, three times), each limited to one claimant group."""
    claims = sidebar.filtered_claims(ds, replace(sel, lens="all"))
    try:
        base = map_component.cached_base(
            (sel.basemap, sel.resolution), lambda: layers.base_map(sel.basemap, sel.resolution)
        )
    except BoundaryDataError as e:
        st.error(f"The maps cannot be drawn: {md(e)}. The tables below still work.")
        return
    shared = st.session_state.get(SHARED) or {}
    moved = False
    for col, (lens, label) in zip(st.columns(len(GROUPS)), GROUPS, strict=True):
        mine = [c for c in claims if c.claimant_type in LENSES[lens]]
        events = sidebar.shown_events(ds, mine)
        view = state.view_for(mine, events, sel.sources, sel.resolution, (sel.date_from, sel.date_to))
        material = [f for ev in view.events for f in ev.findings if f.material]
        with col:
            st.markdown(f"**{md(label)}**: {len(mine)} claims about {len(events)} events")
            scripts = map_component.cached_layer((view.cache_key(), None), base, lambda v=view: layers.view_layer(v))
            out = map_component.show_map(
                base,
                key=f"ca_split_{lens}",
                height=HEIGHT,
                returned_objects=["zoom", "center"],
                layers=scripts,
                center=shared.get("center"),
                zoom=shared.get("zoom"),
            )
            moved = _moved(lens, out) or moved
            if material:
                st.caption(f"Material disagreements within these claims ({len(material)}):")
                for f in material:
                    st.markdown("- " + finding_markdown(f))
            else:
                st.caption("No material disagreement within these claims.")
    if moved:
        st.rerun()
