"""Claims: who says what about each event, side by side, with disagreements and their reasons."""

import json

import altair as alt
import pandas as pd
import streamlit as st

from geo.core import export, headline
from geo.core.findings import findings_by_claim
from geo.core.view import source_label
from geo.render.escape import md, quote_markdown
from geo.render.styles import KIND_ORDER
from geo.web import sidebar, state

ds = state.load_or_stop()
sel = sidebar.current_selection()
st.title("Claims compared")

claims = sidebar.filtered_claims(ds, sel)
findings = state.findings_for(claims, sel.resolution)
by_claim = findings_by_claim(findings)
focus = st.query_params.get("claim")
if focus and focus not in ds.claims:
    st.warning("The linked claim is not in the data; showing all claims.")
    focus = None
if focus and focus not in {c.id for c in claims}:
    st.info("The linked claim is hidden by the sidebar selection; it is shown here anyway.")
    claims = [*claims, ds.claims[focus]]

if focus:
    c = ds.claims[focus]
    st.subheader("Linked claim")
    text = ds.source_text(c.source)
    st.markdown(f"**{md(c.kind)}** — {md(c.value_label())} — {md(c.claimant)} \\[{md(source_label(ds, c.source))}\\]")
    st.markdown("> " + quote_markdown(text, c))
    st.caption(f"Characters {c.quote_start}–{c.quote_end} of {md(ds.sources[c.source].file)}")
    for f in by_claim.get(c.id, []):
        st.warning(f"{f.verdict}: {md(f.summary)}")

events = sidebar.shown_events(ds, claims)
if not events:
    st.info("No claims match the sidebar selection.")
    st.stop()
default_event = (
    ds.claims[focus].event
    if focus
    else ("pakistan-strike-saravan" if "pakistan-strike-saravan" in events else events[0])
)
event_id = st.selectbox(
    "Event",
    events,
    index=events.index(default_event),
    format_func=lambda e: f"{ds.events[e].date} · {ds.events[e].title}",
)
ev_claims = [c for c in claims if c.event == event_id]

rule = st.radio(
    "Headline rule for casualty figures",
    list(headline.RULES),
    format_func=headline.RULES.get,
    horizontal=True,
    key="ca_rule",
)
heads = headline.headline(claims, rule)
summary = [
    {"event": ds.events[e].title, "kind": k, "headline": v, "rule": headline.RULES[rule]} for (e, k), v in heads.items()
]
st.caption(f"Headline rule in use: {headline.RULES[rule]}")
if summary:
    st.dataframe(pd.DataFrame(summary), hide_index=True, width="stretch", key="ca_headlines")

st.subheader("Matrix: claimants by kind")
kinds = [k for k in KIND_ORDER if any(c.kind == k for c in ev_claims)]
rows: dict[str, dict[str, str]] = {}
flagged: set[tuple[str, str]] = set()
for c in ev_claims:
    row = f"{c.claimant} [{c.source}]"
    cell = rows.setdefault(row, {}).get(c.kind)
    value = ("⚠ " if c.id in by_claim else "") + c.value_label()
    rows[row][c.kind] = value if cell is None else f"{cell}; {value}"
    if c.id in by_claim:
        flagged.add((row, c.kind))
matrix = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=kinds).fillna("")
matrix.index.name = "claimant [source]"
styled = matrix.style.apply(
    lambda col: ["background-color: #F0E442" if (idx, col.name) in flagged else "" for idx in col.index]
)
st.dataframe(styled, width="stretch")
st.caption("⚠ and yellow: the claim takes part in a disagreement listed below.")

ev_findings = [f for f in findings if f.event == event_id]
if ev_findings:
    st.subheader("Disagreements")
    st.dataframe(
        pd.DataFrame([{"verdict": f.verdict, "kind": f.kind, "finding": f.summary} for f in ev_findings]),
        hide_index=True,
        width="stretch",
    )

st.subheader("Quotes")
st.dataframe(
    pd.DataFrame(export.claims_rows(ds, ev_claims))[
        ["claim_id", "kind", "value", "qualifier", "claimant", "source_id", "victims", "quote", "quote_start"]
    ],
    hide_index=True,
    width="stretch",
)
pick = st.selectbox(
    "Open a claim in context", [None, *[c.id for c in ev_claims]], format_func=lambda x: "—" if x is None else x
)
if pick and pick != focus:
    st.query_params["claim"] = pick
    st.rerun()

st.subheader("Casualty claims by claimant")
chart_rows = [
    {
        "event": ds.events[c.event].title,
        "claimant": f"{c.claimant} [{c.source}]",
        "kind": c.kind,
        "value": c.value,
        "label": c.value_label(),
    }
    for c in claims
    if c.kind in ("killed", "injured") and isinstance(c.value, float)
]
if chart_rows:
    chart = (
        alt.Chart(pd.DataFrame(chart_rows))
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title="people"),
            y=alt.Y("claimant:N", title=None),
            color=alt.Color("kind:N", scale=alt.Scale(domain=["killed", "injured"], range=["#D55E00", "#0072B2"])),
            row=alt.Row("event:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
            tooltip=["event", "claimant", "kind", "label"],
        )
    )
    st.altair_chart(chart, width="stretch")

c1, c2 = st.columns(2)
c1.download_button(
    "Download this event's claims (CSV)", export.claims_csv(ds, ev_claims), f"claims_{event_id}.csv", "text/csv"
)
c2.download_button(
    "Download these findings (JSON)",
    json.dumps(export.findings_json(ev_findings), indent=1),
    f"findings_{event_id}.json",
    "application/json",
)
