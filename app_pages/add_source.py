"""Add a source: paste or upload an article, review the claims found in it, keep them."""

import pandas as pd
import streamlit as st

from geo import extract, intake
from geo.core.model import ClaimantType, EventType, Qualifier, SourceKind, value_text
from geo.render.escape import highlight_markdown, md
from geo.store import Store, StoreError
from geo.web import state

MAX_NEW_EVENTS = 20  # per session until a save: session state stays bounded

ds = state.load_or_stop()
st.title("Add a source")
st.caption(
    "Paste an article or upload a .txt, .md or .html file (at most 1 MB). Nothing is saved until you press "
    "Save, and then only if every kept claim is valid. Your sources are kept in a database on this machine."
)

problem = Store().write_problem()
if problem:
    st.warning(f"Saving will not work until this is fixed (set CLAIMS_ATLAS_DB to a writable file): {md(problem)}")
if st.session_state.get("ca_saved"):
    st.success(f"Saved source {st.session_state.pop('ca_saved')}: it is now a layer on the map and in every table.")

pasted = st.text_area("Article text", height=200, key="ca_add_text", max_chars=extract.MAX_ARTICLE_BYTES)
upload = st.file_uploader("…or upload a file", type=["txt", "md", "html", "htm"], key="ca_add_file")
try:
    text = (
        extract.article_text(upload.getvalue(), upload.name)
        if upload
        else (extract.article_text(pasted) if pasted.strip() else None)
    )
except extract.InputError as e:
    st.error(f"That article cannot be used: {md(e)}")
    text = None
if text is None:
    st.stop()

with st.form("ca_meta"):
    st.subheader("About the source")
    c1, c2, c3 = st.columns(3)
    title = c1.text_input("Title", max_chars=300)
    author = c2.text_input("Author", max_chars=300)
    outlet = c3.text_input("Outlet", max_chars=300)
    c4, c5 = st.columns(2)
    date = c4.date_input("Date (leave empty if unknown)", value=None)
    kind = c5.selectbox("Kind", list(SourceKind.__args__))
    argument = st.text_input("Its line of argument, in your words (required)", max_chars=2000)
    st.form_submit_button("Use these details")
meta = {"title": title, "author": author, "outlet": outlet, "date": date, "kind": kind, "argument": argument}

cands = extract.Extractor(ds).extract(text)
st.subheader(f"{len(cands)} candidate claims")
with st.expander("The article with the figures found in bold", expanded=False):
    st.markdown(highlight_markdown(text, [(c.span_start, c.span_end) for c in cands]))

new_events = st.session_state.setdefault("ca_new_events", {})
with st.expander("None of the events fits? Create one"):
    with st.form("ca_new_event", clear_on_submit=True):
        e1, e2 = st.columns(2)
        ev_title = e1.text_input("Event title", max_chars=300)
        ev_type = e2.selectbox("Type", list(EventType.__args__))
        e3, e4, e5 = st.columns(3)
        ev_date = e3.date_input("Date", value=None)
        ev_place = e4.selectbox("Place", list(ds.places), format_func=lambda pid: ds.places[pid].name)
        ev_actor = e5.text_input("Actor (ISO code or group)", max_chars=80)
        if st.form_submit_button("Create the event"):
            event, problems = intake.new_event(
                {"title": ev_title, "type": ev_type, "date": ev_date, "place": ev_place, "actor": ev_actor},
                set(ds.events) | set(new_events),
                ds.places,
            )
            if len(new_events) >= MAX_NEW_EVENTS:
                problems = [f"at most {MAX_NEW_EVENTS} new events per source; save this one first"]
            if problems:
                st.error("The event was not created: " + md("; ".join(problems)))
            else:
                new_events[event.id] = event
                st.success(f"Created {event.id}: pick it in the table below.")

events = {e.id: f"{e.date} · {e.title}" for e in [*ds.events.values(), *new_events.values()]}
rows = pd.DataFrame(
    [
        {
            "keep": c.kind in ("killed", "injured", "casualties", "depth") and c.value is not None,
            "kind": c.kind,
            "value": value_text(c.value),
            "qualifier": c.qualifier,
            "claimant": c.claimant or "the author",
            "claimant_type": c.claimant_type or "author",
            "victims": c.victims or "",
            "event": c.event,
            "why this event": c.event_reason,
            "quote": c.quote,
            "start": c.start,
            "end": c.end,
        }
        for c in cands
    ]
)
if rows.empty:
    st.info("No claims were found in this text.")
    st.stop()
edited = st.data_editor(
    rows,
    hide_index=True,
    width="stretch",
    key="ca_add_rows",
    disabled=["kind", "quote", "start", "end", "why this event"],
    column_config={
        "keep": st.column_config.CheckboxColumn("keep"),
        "qualifier": st.column_config.SelectboxColumn(options=list(Qualifier.__args__)),
        "claimant_type": st.column_config.SelectboxColumn(options=list(ClaimantType.__args__)),
        "event": st.column_config.SelectboxColumn(options=list(events), help="The event this claim is about"),
    },
)
if st.button("Save this source and the kept claims", type="primary"):
    source, claims, problems = intake.build(meta, text, edited.to_dict("records"), set(events))
    if problems:
        st.error("Nothing was saved:\n\n" + "\n".join(f"- {md(p)}" for p in problems[:20]))
    else:
        try:
            used = {c.event for c in claims}
            Store().save_source(
                source,
                text,
                claims,
                events=[e for i, e in new_events.items() if i in used],
                known_ids=set(ds.sources) | set(ds.claims),
            )
            new_events.clear()
        except StoreError as e:
            st.error(f"Nothing was saved: {md(e)}")
        else:
            st.session_state[f"ca_src_{source.id}"] = True
            st.session_state["ca_saved"] = f"{source.id} with {len(claims)} claims"
            st.rerun()

st.divider()
st.subheader("Share your sources")
store = Store()
try:
    st.download_button(
        "Export your sources (ZIP of YAML files and texts, the curated data's format)",
        store.export_zip(),
        "claims-atlas-sources.zip",
        "application/zip",
    )
except StoreError as e:
    st.error(f"Your sources cannot be read: {md(e)}")
shared = st.file_uploader("Import sources a colleague exported (ZIP)", type=["zip"], key="ca_import")
if shared is not None and st.button("Import them"):
    try:
        n = store.import_zip(shared.getvalue(), known_ids=set(ds.sources) | set(ds.claims))
    except StoreError as e:
        st.error(f"Nothing was imported: {md(e)}")
    else:
        st.session_state["ca_saved"] = f"{n} imported source(s)"
        st.rerun()
