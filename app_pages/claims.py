"""Claims: who says what about each event, side by side, with disagreements and their reasons."""

import json

import altair as alt
import pandas as pd
import streamlit as st

from geo.core import claims_view, export, grading, headline, revisions
from geo.core.findings import findings_by_claim
from geo.core.view import source_label
from geo.render import claims_table, feasible_chart
from geo.render.escape import finding_markdown, md, quote_markdown
from geo.render.styles import kind_label
from geo.spatial import boundaries
from geo.store import StoreError
from geo.web import identity, sidebar, state

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

notes = state.claim_notes()  # self-reviewed, dissents, grades: beside each added claim
tolls = revisions.notes(claims, ds.sources)  # 7 → 9: a claimant's revised figures


def said_beside(c) -> None:
    """What the atlas says beside a claim: its toll history and what review says of it."""
    if c.id in tolls:
        st.caption(f"Toll history: {md(tolls[c.id])}")
    if c.id in notes:
        st.caption(f"Review: {md(notes[c.id])}")


def claim_history(c) -> list[dict]:
    """The change log's rows for a claim and its source, oldest first (empty if unreadable)."""
    try:
        store = identity.store()
        rows = store.changes("claim", c.id) + store.changes("source", c.source)
    except StoreError:
        return []
    keep = ("at", "who", "action", "entity", "field", "old", "new", "reason")
    return [{k: r[k] for k in keep} for r in sorted(rows, key=lambda r: r["seq"])]


if focus:
    c = ds.claims[focus]
    st.subheader("Linked claim")
    text = ds.source_text(c.source)
    st.markdown(f"**{md(c.kind)}** — {md(c.value_label())} — {md(c.claimant)} \\[{md(source_label(ds, c.source))}\\]")
    st.markdown("> " + quote_markdown(text, c))
    st.caption(f"Characters {c.quote_start}–{c.quote_end} of {md(ds.sources[c.source].file)}")
    said_beside(c)
    if ds.sources[c.source].origin == "user":
        history = claim_history(c)
        with st.expander(f"History ({len(history)} changes: who, when, what, why)"):
            st.dataframe(history, hide_index=True, width="stretch")
    for f in by_claim.get(c.id, []):
        (st.warning if f.material else st.info)(f"{f.verdict} ({md(f.differs)}): {md(f.summary)} {md(f.why)}")
    if c.kind == "depth":
        try:
            sketch = state.feasible_sketch(c, sel.resolution)
        except boundaries.BoundaryDataError as e:
            st.error(f"The feasible region cannot be drawn: {md(e)}")
            sketch = None
        if sketch is not None:
            st.markdown(f"**Where the strike must lie if this claim is true** — {md(sketch.feasible.describe())}")
            st.altair_chart(feasible_chart.chart(sketch), width="content")
            st.caption(md(feasible_chart.legend()))

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
graded_only = st.toggle(
    "Only figures a reviewer graded corroborated or single-claimant",
    key="ca_graded_only",
    help="Grades and their definitions: Review page, Methodology page. Curated figures are not graded.",
)
counted = claims
if graded_only:
    grades = state.grades()
    counted = [c for c in claims if grades.get(c.id, {}).get("grade") in grading.COUNTED]
heads = headline.headline(counted, rule)
limited = f" Limited to graded figures: {len(counted)} of {len(claims)} shown figures." if graded_only else ""
revised = headline.basis(counted)
st.caption(
    f"Headline rule in use: {headline.RULES[rule]}.{limited} {md(revised)} Headlines for every event the sidebar shows:"
)
if graded_only and not heads:
    st.info("No casualty figure shown is graded corroborated or single-claimant yet.")
if heads:
    st.table(
        pd.DataFrame([{"event": ds.events[e].title, "kind": k, "headline": v} for (e, k), v in heads.items()]),
        hide_index=True,
    )

st.subheader("Side by side: claimants by kind, for the event chosen above")
table = claims_view.claims_table(claims, findings, event_id, ds.sources)
st.html(claims_table.table_html(table))

material = [n for n in table.findings if n.number]
others = [n.finding for n in table.findings if not n.number]
st.subheader(f"Disagreements ({len(material)})")
if not material:
    st.info("No material disagreement among the claims shown: nothing here contradicts another claim.")
for n in material:
    st.markdown(finding_markdown(n.finding, n.number))
if others:
    with st.expander(f"Other findings, not contradictions ({len(others)})"):
        for f in others:
            st.markdown("- " + finding_markdown(f))

with st.expander(f"Quotes ({len(ev_claims)})"):
    for c in ev_claims:
        st.markdown(
            f"**{md(kind_label(c.kind))}: {md(c.value_label())}** — {md(c.claimant)} "
            f"\\[{md(source_label(ds, c.source))}\\]"
        )
        st.markdown("> " + quote_markdown(ds.source_text(c.source), c))
        said_beside(c)
pick = st.selectbox(
    "Open a claim in context", [None, *[c.id for c in ev_claims]], format_func=lambda x: "—" if x is None else x
)
if pick and pick != focus:
    st.query_params["claim"] = pick
    st.rerun()

st.subheader("Killed and injured, by claimant, for every event the sidebar shows")
bars = claims_view.casualty_bars(claims, ds.sources)
if not bars:
    st.info("No casualty figures among the claims shown.")
for eid, event_bars in bars.items():
    st.markdown(f"**{md(ds.events[eid].title)}**")
    frame = pd.DataFrame(
        [
            {
                "who": f"{b.short} · {b.source}",
                "claimant": b.claimant,
                "source": b.source,
                "kind": b.kind,
                "value": b.value,
                "figure": b.figure,
                "label": b.label,
                "history": b.history,
                "quote": b.quote,
                "latest": "superseded" if b.superseded else "latest",
            }
            for b in event_bars
        ]
    )
    base = alt.Chart(frame).encode(
        y=alt.Y("who:N", title=None, sort=None, axis=alt.Axis(labelLimit=0)),
        yOffset=alt.YOffset("kind:N", sort=list(claims_view.CASUALTY_KINDS)),
        # Room to the right of the longest bar for its label.
        # Not stacked: a source's superseded figure and its revision overlap on one row (9 under
        # 11), they do not add up to 20.
        x=alt.X(
            "value:Q",
            stack=None,
            title="people",
            scale=alt.Scale(domain=[0, 1.45 * float(frame["value"].max() or 1)], nice=False),
            axis=alt.Axis(tickMinStep=1, format="d"),
        ),
        tooltip=["claimant", "source", "kind", "label", "history", "quote"],
        # A figure its claimant later revised stays, faint: the history is read from the bars too.
        opacity=alt.Opacity("latest:N", scale=alt.Scale(domain=["latest", "superseded"], range=[1, 0.35]), legend=None),
    )
    colour = alt.Color(
        "kind:N",
        title=None,
        scale=alt.Scale(domain=list(claims_view.CASUALTY_KINDS), range=["#D55E00", "#0072B2"]),
        legend=alt.Legend(orient="top"),
    )
    chart = (
        base.mark_bar().encode(color=colour) + base.mark_text(align="left", dx=3).encode(text="figure:N")
    ).properties(height=alt.Step(18))
    st.altair_chart(chart, width="stretch")

c1, c2 = st.columns(2)
c1.download_button(
    "Download this event's claims (CSV)", export.claims_csv(ds, ev_claims), f"claims_{event_id}.csv", "text/csv"
)
c2.download_button(
    "Download these findings (JSON)",
    json.dumps(export.findings_json(n.finding for n in table.findings), indent=1),
    f"findings_{event_id}.json",
    "application/json",
)
