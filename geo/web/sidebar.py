"""The shared sidebar and the view's state in the URL: which sources, which claimants, which
dates, which border, and where the map is (zoom, centre, open event).

Sources are toggled here and only here (the map's layer control holds base maps and context
layers). The selection lives in session state and is mirrored in the URL query string, so a
copied link reopens the same view; query params are cleared when switching pages, so they are
written again on every run. Bad parameters are ignored with a notice (:mod:`geo.web.urlstate`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.model import Claim
from geo.core.view import DEFAULT_FROM, DEFAULT_TO, selected_claims, source_label
from geo.render.escape import md
from geo.spatial import boundaries
from geo.store import Role
from geo.web import identity, state, urlstate

LENS_LABELS = {
    "all": "All claimants",
    "iran_official": "Iranian official",
    "pakistan_official": "Pakistani official",
    "others": "Others (authors, analysts, media, unattributed)",
}


@dataclass(frozen=True)
class Selection:
    sources: tuple[str, ...]
    lens: str
    date_from: dt.date
    date_to: dt.date
    basemap: str  # the base map the map opens with (switched in the map's layer control)
    resolution: boundaries.Resolution
    event: str | None  # the event whose popup is open (or that was focused)


def filtered_claims(ds: Dataset, sel: Selection) -> list[Claim]:
    """Claims from the enabled sources, by the chosen claimant lens, about events in the date range."""
    return selected_claims(ds, sel.sources, sel.lens, sel.date_from, sel.date_to)


def shown_events(ds: Dataset, claims: list[Claim]) -> list[str]:
    """Events reported by at least one of the given claims, in date order."""
    ids = {c.event for c in claims}
    return [e.id for e in sorted(ds.events.values(), key=lambda e: (e.date, e.id)) if e.id in ids]


def _date_bounds(ds: Dataset) -> tuple[dt.date, dt.date]:
    dates = [e.date for e in ds.events.values()]
    return min(min(dates), DEFAULT_FROM).replace(month=1, day=1), max(max(dates), DEFAULT_TO)


def _init(ds: Dataset) -> None:
    ss = st.session_state
    params, notices = urlstate.parse(ds, st.query_params.to_dict())
    ss["ca_notices"] = notices
    for sid in ds.sources:
        ss[f"ca_src_{sid}"] = sid in params.get("sources", ds.sources)
    ss["ca_lens"] = params.get("lens", "all")
    lo, hi = _date_bounds(ds)
    ss["ca_dates"] = (
        min(max(params.get("from", DEFAULT_FROM), lo), hi),
        min(max(params.get("to", DEFAULT_TO), lo), hi),
    )
    ss["ca_basemap"] = params.get("basemap", "none")
    ss["ca_border"] = params.get("border", boundaries.DEFAULT_RESOLUTION)
    ss["ca_event"] = params.get("event")
    if "zoom" in params:
        ss["ca_mapview"] = {"zoom": params["zoom"], "center": params.get("center")}
    ss["ca_init"] = True


def select(ds: Dataset) -> Selection:
    """The selection for this run, from the URL (a session's first run) and session state,
    where the sidebar's widgets keep their values; stored for the pages and written to the URL.

    app.py calls this, then :func:`draw` (the widgets), then the page."""
    ss = st.session_state
    if "ca_init" not in ss:
        _init(ds)
    ss["ca_runs"] = ss.get("ca_runs", 0) + 1
    for sid in ds.sources:
        ss.setdefault(f"ca_src_{sid}", True)  # a source added since the session began
    # While a reader has picked only the start of a range, the widget holds one date: keep
    # using the last complete range until the second date is chosen.
    dates = ss.get("ca_dates")
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


def first_run() -> bool:
    """Whether this is the session's first run."""
    return st.session_state.get("ca_runs") == 1


def draw(ds: Dataset) -> None:
    """The shared sidebar's widgets (keyed in session state, which :func:`select` read)."""
    ss = st.session_state
    with st.sidebar:
        if ss.get("ca_notices"):
            st.warning("Some link parameters were ignored: " + md("; ".join(ss["ca_notices"])))
        st.subheader("Sources")
        marks = state.review_marks()
        for sid in ds.sources:
            mark = f" ({marks[sid]})" if sid in marks else ""
            st.checkbox(md(source_label(ds, sid) + mark), key=f"ca_src_{sid}")
        if identity.may(Role.editor):
            st.toggle("Also show drafts and sources awaiting review", key=state.DRAFTS_KEY)
        else:
            ss[state.DRAFTS_KEY] = False
        st.radio("Claimant lens", list(LENS_LABELS), format_func=LENS_LABELS.get, key="ca_lens")
        lo, hi = _date_bounds(ds)
        st.date_input("Event dates", min_value=lo, max_value=hi, key="ca_dates")
        st.selectbox(
            "Border used to measure",
            list(boundaries.BORDERS),
            format_func=lambda r: boundaries.BORDERS[r].label,
            key="ca_border",
        )
        st.caption("Base maps and context layers: the layers button on the map.")


def set_dates(ds: Dataset, date_from: dt.date, date_to: dt.date) -> None:
    """Set the date range from elsewhere than the sidebar's own widget (the timeline's brush),
    kept within the widget's bounds. Call it from a widget's callback, before the sidebar is
    drawn; every page and the URL follow from the next run."""
    lo, hi = _date_bounds(ds)
    dates = (min(max(date_from, lo), hi), min(max(date_to, lo), hi))
    ss = st.session_state
    ss["ca_dates"] = ss["ca_dates_last"] = dates


def map_position() -> dict | None:
    """Where the reader left the map: ``{"zoom": int, "center": (lat, lon)}``, or None."""
    return st.session_state.get("ca_mapview")


def set_map_position(zoom, center) -> None:
    """Remember the map's zoom and centre as the map reported them (rounded for the URL)."""
    try:
        z = int(round(float(zoom)))
        c = (round(float(center["lat"]), 4), round(float(center["lng"]), 4))
    except (TypeError, KeyError, ValueError):
        return
    st.session_state["ca_mapview"] = {"zoom": z, "center": c}


def write_params(sel: Selection) -> None:
    """Mirror the selection and the map's position in the URL so the view can be shared."""
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
    pos = map_position()
    if pos and pos.get("center"):
        qp["zoom"] = str(pos["zoom"])
        qp["center"] = f"{pos['center'][0]:.4f},{pos['center'][1]:.4f}"
    # Page-specific links (a claim or source to open) stay in the URL.
    qp.update({k: st.query_params[k] for k in ("claim", "source") if st.query_params.get(k)})
    if dict(st.query_params) != qp:
        st.query_params.from_dict(qp)


def current_selection() -> Selection:
    return st.session_state["ca_selection"]


def select_event(event_id: str | None) -> None:
    """Record the open (or focused) event, in the selection and the URL."""
    ss = st.session_state
    ss["ca_event"] = event_id
    if "ca_selection" in ss:
        ss["ca_selection"] = replace(ss["ca_selection"], event=event_id)


def sync_url() -> None:
    """Write the URL again after the page changed the selection or the map moved (the sidebar
    wrote it at the start of this run, before the map's report was read)."""
    write_params(current_selection())
