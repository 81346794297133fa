"""Sources: one view per source: metadata, line of argument, every claim in context."""

import pandas as pd
import streamlit as st

from geo.core import export
from geo.core.findings import findings_by_claim
from geo.core.view import source_label
from geo.render.escape import finding_markdown, md, quote_markdown
from geo.render.styles import kind_label
from geo.web import sidebar, state

ds = state.load_or_stop()
sel = sidebar.current_selection()
st.title("Sources")
ids = list(ds.sources)
linked = st.query_params.get("source")
if linked and linked not in ids:
    st.warning(f"The linked source {md(linked[:80])} is not in the data; showing the first source instead.")
sid = st.selectbox(
    "Source", ids, index=ids.index(linked) if linked in ids else 0, format_func=lambda s: source_label(ds, s)
)
s = ds.sources[sid]
if sid not in sel.sources:
    st.info("This source is turned off in the sidebar: its claims are hidden on the map.")

UNKNOWN = "unknown (not stated)"
meta = {
    "file": s.file,
    "title": s.title or UNKNOWN,
    "author": s.author or UNKNOWN,
    "outlet": s.outlet or UNKNOWN,
    "date": f"{s.date} ({s.date_precision})" if s.date else UNKNOWN,
    "date note": s.date_note or "",
    "kind": s.kind.replace("_", " "),
    "origin": s.origin,
    "web address (as given, not followed)": s.url or UNKNOWN,
    "archived copy (as given, not followed)": s.archive_url or UNKNOWN,
}
snap = state.snapshots().get(sid)
if snap:  # an added source: the exact text its quotes were checked against
    meta["snapshot SHA-256"] = snap["sha256"]
    meta["snapshot first added"] = snap["first_added"]
    if snap["newer"]:
        meta["newer snapshot of the same address"] = f"{snap['newer']} ({len(snap['missing'])} quotes no longer in it)"
st.dataframe(pd.DataFrame(meta.items(), columns=["field", "value"]), hide_index=True, width="stretch")
st.markdown(f"**Line of argument (our summary):** {md(s.argument)}")

claims = [c for c in ds.claims.values() if c.source == sid]
all_findings = state.findings_for(list(ds.claims.values()), sel.resolution)
by_claim = findings_by_claim(all_findings)
st.subheader(f"{len(claims)} claims")
text = ds.source_text(sid)
if text is None:
    st.warning(f"The source text {md(s.file)} is not available here, so quotes are shown without their context.")
for c in claims:
    with st.container(border=True):
        mine = by_claim.get(c.id, [])
        flag = " ⚠ disagrees" if any(f.material for f in mine) else ""
        st.markdown(
            f"**{md(ds.events[c.event].title)}** · {md(kind_label(c.kind))}: "
            f"**{md(c.value_label())}** — {md(c.claimant)}{flag}"
        )
        st.markdown(quote_markdown(text, c))
        for f in mine:
            st.caption(finding_markdown(f))
st.download_button(
    "Download this source's claims (CSV)", export.claims_csv(ds, claims), f"claims_{sid}.csv", "text/csv"
)
