"""Add a source: paste or upload an article, review the claims found in it, keep them."""

import json

import streamlit as st

from geo import extract
from geo.context import import_file
from geo.core import context
from geo.core.model import NUMERIC_KINDS, ClaimantType, EventType, Qualifier, SourceKind, value_text
from geo.extract import intake, restated
from geo.render.escape import highlight_markdown, md
from geo.render.styles import kind_label
from geo.store import StoreError, archive
from geo.web import added, identity, state

MAX_NEW_EVENTS = 20  # per session until a save: session state stays bounded
# One article gives a few dozen candidates (the five sources together: 118). A text that gives
# more is a collection; thousands of review cards would freeze the browser, so the review stops here.
MAX_REVIEW = 150
MAX_ZIP_MB = 20  # the store refuses more unpacked (geo.store.archive.import_zip)

ds = state.load_or_stop()
st.title("Add a source")
store = identity.store()  # acting as this session's user: the store checks the role of every write
st.caption(
    "Add an article's claims, share what you added with your team, or import ACLED / UCDP GED rows as "
    "context. What you add is kept "
    + (
        "in a database on this machine."
        if store.db.sqlite and identity.current().how == "local"
        else "in your team's shared database, seen by everyone who signs in."
    )
)

problem = store.write_problem()
if problem:
    st.warning(
        "Saving will not work until this is fixed (set CLAIMS_ATLAS_DB to a writable file or database): " + md(problem)
    )
if st.session_state.get("ca_saved"):
    st.success(md(st.session_state.pop("ca_saved")))

article_tab, share_tab, context_tab = st.tabs(["Add an article", "Share your sources", "Context data"])
with share_tab:
    try:
        st.download_button(
            "Export your sources (ZIP of YAML files and texts, the curated data's format)",
            state.export_zip(),
            "claims-atlas-sources.zip",
            "application/zip",
        )
    except StoreError as e:
        st.error(f"Your sources cannot be read: {md(e)}")
    shared = st.file_uploader(
        "Import sources a colleague exported (ZIP)", type=["zip"], key="ca_import", max_upload_size=MAX_ZIP_MB
    )
    if shared is not None and st.button("Import them"):
        try:
            n = archive.import_zip(store, shared.getvalue(), known_ids=set(ds.sources) | set(ds.claims))
        except StoreError as e:
            st.error(f"Nothing was imported: {md(e)}")
        else:
            st.session_state["ca_saved"] = (
                f"Saved {n} imported source(s): on the map now if you are this atlas's only user, "
                "else once a reviewer publishes them (Review page)."
            )
            st.rerun()

with context_tab:
    st.caption(
        "Upload an ACLED or UCDP GED export (CSV, as either publishes it; at most "
        f"{context.MAX_BYTES // 1_000_000} MB). Its rows become a faint context layer on the map, filtered by "
        "the date range, with their own fatality figures: they are never mixed with the claims."
    )
    ctx_file = st.file_uploader(
        "ACLED or UCDP GED export (CSV)", type=["csv"], key="ca_context", max_upload_size=context.MAX_BYTES // 1_000_000
    )
    # No rerun after an import: it would take the reader back to the first tab. The map reads
    # the database's revision on its next run, and the download below already counts the new rows.
    if ctx_file is not None and st.button("Import these rows as context"):
        try:
            st.success(md(import_file(ctx_file.getvalue(), ctx_file.name, store)))
        except context.ContextError as e:
            st.error(md(e.args[0].split(":\n", 1)[0]) + "\n\n" + "\n".join(f"- {md(p)}" for p in e.problems[:30]))
        except StoreError as e:
            st.error(f"Nothing was imported: {md(e)}")
    try:
        rows = state.context_rows()
    except StoreError as e:
        st.error(f"The imported rows cannot be read: {md(e)}")
        rows = ()
    if rows:
        # Built when clicked, not on every rerun: measuring 100,000 rows takes a second.
        st.download_button(
            f"Download the {len(rows):,} imported rows (GeoJSON, with their distance to the border)",
            lambda: json.dumps(context.geojson(list(rows)), ensure_ascii=False),
            "context.geojson",
            "application/geo+json",
        )

# Last: the article's review stops the script early when there is nothing (yet) to review.
with article_tab:
    st.caption(
        "Paste an article or upload a .txt, .md, .html, .ics (calendar) or .xml/.kml file (at most 1 MB). "
        "Nothing is saved until you press Save, and then only if every kept claim is valid."
    )
    # No max_chars: the browser would drop an over-long paste without a word, leaving the box empty.
    # The limit is checked here instead, and the text stays in the box to be cut down.
    if st.session_state.pop("ca_add_clear", False):
        # Saved: an empty form, so the confirmation above is what shows (the long form of the
        # article just saved stayed filled below it, inviting a second save)
        st.session_state.pop("ca_add_text", None)
        st.session_state["ca_add_round"] = st.session_state.get("ca_add_round", 0) + 1
    pasted = st.text_area("Article text", height=200, key="ca_add_text")
    upload = st.file_uploader(
        "…or upload a file",
        type=["txt", "md", "html", "htm", "ics", "xml", "kml"],
        key=f"ca_add_file_{st.session_state.get('ca_add_round', 0)}",
        max_upload_size=extract.MAX_ARTICLE_BYTES // 1_000_000,
    )
    try:
        article = (
            extract.read_article(upload.getvalue(), upload.name)
            if upload
            else (extract.read_article(pasted) if pasted.strip() else None)
        )
    except extract.InputError as e:
        st.error(f"That article cannot be used: {md(e)}")
        article = None
    text = article.text if article else None
    if pasted and not pasted.strip() and not upload:
        st.warning("The pasted text holds only spaces or line breaks: paste the article's text, or upload its file.")
    if text is None:
        st.stop()

    found = article.meta  # what an HTML page says of itself: offered, for the reviewer to check
    if found:
        st.info(
            ("The page gives its " if article.html else "The article's headline and dateline give its ")
            + md(", ".join(f"{k}: {v}" for k, v in found.items()))
            + ". These fill the source's fields below: check them."
        )
    if article.html:
        st.caption("Only the page's main text is kept (menus, related links and footers are dropped); review it below.")
    cands = state.candidates_for(text, found.get("date"), found.get("outlet"))
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
                    st.success(f"Created {event.id}: pick it for its claims below.")

    all_events = {**ds.events, **new_events}
    if not cands:
        st.info("No claims were found in this text.")
        st.stop()
    if len(cands) > MAX_REVIEW:
        st.error(
            f"This text gives {len(cands):,} candidate claims; a review holds at most {MAX_REVIEW}. "
            "Paste one article at a time, not a collection of them."
        )
        st.stop()

    def event_label(eid: str | None) -> str:
        return "— pick the event —" if eid is None else f"{all_events[eid].date} · {all_events[eid].title}"

    sid = intake.source_id_for(text)  # widget keys per article: another article starts afresh
    if sid in ds.sources:
        # Said before the review, not after it: saving the same text again is refused
        st.info(
            f"This article is already in the atlas as source {md(sid)} ({md(ds.sources[sid].title)}): see it on "
            "the Sources page. Paste another article to add it."
        )
        st.stop()
    for other, common in state.near_copies(text):
        st.warning(
            f"{common:.0%} of this text is already in the atlas as source {md(other)} "
            f"({md(ds.sources[other].title or 'untitled')}): "
            "if it is the same article again, its figures would be cited twice. Save it only if it is another report."
        )
    qualifiers = [None, *Qualifier.__args__]
    claimant_types = list(ClaimantType.__args__)
    with st.form(f"ca_review_{sid}"):
        st.subheader("About the source")
        c1, c2, c3 = st.columns(3)
        title = c1.text_input("Title", found.get("title", ""), max_chars=300)
        author = c2.text_input("Author", found.get("author", ""), max_chars=300)
        outlet = c3.text_input("Outlet", found.get("outlet", ""), max_chars=300)
        c4, c5 = st.columns(2)
        # The page's metadata, else the dateline: offered, for the reviewer to check
        date = c4.date_input("Date (leave empty if unknown)", value=found.get("date") or state.published_date(text))
        kind = c5.selectbox("Kind", list(SourceKind.__args__), format_func=lambda k: k.replace("_", " "))
        # several lines, and Enter is a new line in it (a one-line box submitted the whole form)
        argument = st.text_area("Its line of argument, in your words (required)", max_chars=2000, height=68)
        c6, c7 = st.columns(2)
        url = c6.text_input(
            "Web address of the article (kept as text, never opened)", found.get("url", ""), max_chars=500
        )
        archive_url = c7.text_input("Archived copy (web.archive.org, archive.today…)", max_chars=500)

        st.subheader("Check each claim against its sentence")
        st.caption("Edits here are kept together: nothing reruns until you save.")

        def card(n: int, c) -> dict:
            """One candidate's card: its quote, its fields to check, and the row it saves."""
            key = f"ca_{sid}_{n}"
            revises = False
            with st.container(border=True, key=f"ca_card_{n}"):
                quote = highlight_markdown(c.quote, [(c.span_start - c.start, c.span_end - c.start)])
                increment = c.victims == "more"  # "two more bodies were found": added to a toll, not a toll
                keep = st.checkbox(
                    f"Keep {n}: {kind_label(c.kind)}",
                    value=c.kind in ("killed", "injured", "casualties", "depth")
                    and c.value is not None
                    and not increment,
                    key=f"{key}_keep",
                )
                st.markdown(f"> {quote}")
                if increment:
                    st.caption("Stated as “more”: an increase to an earlier toll, not a total. Left unticked.")
                numeric = c.kind in NUMERIC_KINDS
                kc, a, b, v = st.columns(4) if numeric else (None, *st.columns(3))
                figure_kind = added.kind_picker(kc, c.kind, f"{key}_kind") if numeric else c.kind
                value = a.text_input("Value", value_text(c.value), key=f"{key}_value")
                qualifier = added.qualifier_picker(b, qualifiers, c.qualifier, f"{key}_qualifier")
                victims = v.text_input("Victims", c.victims or "", key=f"{key}_victims")
                claimant, claimant_type = added.claimant_pickers(c.claimant, c.claimant_type, claimant_types, key)
                if c.claimant_reason:
                    sure = f" ({c.claimant_confidence} confidence)" if c.claimant_confidence else ""
                    st.caption(f"Claimant{sure}: {md(c.claimant_reason)}.")
                event = st.selectbox(
                    "Event (type to search)",
                    intake.event_options(all_events, c.event),
                    format_func=event_label,
                    key=f"{key}_event",
                )
                st.caption(
                    f"Suggested first ({c.event_confidence} confidence): {md(event_label(c.event))}. "
                    f"Why: {md(c.event_reason)}."
                    if c.event
                    else f"Unlinked: {md(c.event_reason)}."
                )
                if len(c.quotes) > 1:
                    st.caption(f"Stated in {len(c.quotes)} sentences; one claim. The others:")
                    for qa, qb in c.quotes[1:]:
                        st.markdown(f"> {md(text[qa:qb])}")
                    for note in (n for n in c.notes if n.startswith(restated.NOTE)):
                        st.caption(md(note) + ".")
                if c.revises is not None:
                    old = cands[c.revises]
                    st.caption(
                        f"Proposed as a revision of claim {c.revises + 1} ({md(value_text(old.value))} → "
                        f"{md(value_text(c.value))}), by the same claimant. Earlier: “{md(old.quote)}”"
                    )
                    revises = st.checkbox(
                        f"Save {n} as a revision of {c.revises + 1}", value=True, key=f"{key}_revises"
                    )
                earlier = None
                if c.kind in NUMERIC_KINDS:
                    options = intake.revisable(ds.claims.values(), c.kind, c.event, c.claimant_type)
                    stated = c.updates and c.revises is None  # "rose to", with no earlier figure in the text
                    guess = (
                        intake.likely_revised(
                            ds.claims.values(), ds.sources, c.kind, c.event, c.claimant_type, c.value, date
                        )
                        if stated
                        else None
                    )
                    if guess in options:
                        st.caption(
                            f"Stated as an update: the atlas figure it most likely updates is preselected "
                            f"({md(options[guess])}). Choose “no” if it updates none."
                        )
                    earlier = st.selectbox(
                        "Updates a figure already in the atlas (its claimant is taken over; type to search)",
                        [None, *options],
                        index=1 + list(options).index(guess) if guess in options else 0,
                        format_func=lambda cid, o=options: "— no, a figure of its own" if cid is None else o[cid],
                        key=f"{key}_revises_atlas",
                        help="The later figure replaces the earlier one in headlines and comparisons; both stay, "
                        "shown as a history. The claimant is taken over from the earlier claim.",
                    )
                if c.breakdown:
                    parts = ", ".join(f"{md(k)} {v}" for k, v in c.breakdown.items())
                    st.caption(f"Of whom: {parts}. Kept with the figure while they fit it.")
                if c.detected is not None:
                    st.caption(
                        f"No pattern reads this number: a model trained on annotated articles proposes it "
                        f"({c.detected:.0%} sure). Check the quote before you keep it."
                    )
                if c.vague:
                    st.caption(
                        f"Stated as “{md(c.vague)}”: no number, so if you keep it, it is saved without a value "
                        "and with the word as its note."
                    )
                return {
                    "keep": keep,
                    "kind": figure_kind,
                    "value": value,
                    "qualifier": qualifier,
                    "claimant": claimant,
                    "claimant_type": claimant_type,
                    "victims": victims,
                    "event": event,
                    "start": c.start,
                    "end": c.end,
                    "index": n - 1,
                    "revises": c.revises if c.revises is not None and revises else None,
                    "revises_atlas": earlier,
                    "note": next((x for x in c.notes if x.startswith("stated as")), None),
                    "breakdown": c.breakdown,
                }

        # the figures first; the places, dates, weapons and groups named (kept only if ticked) folded
        # under them: on a phone they were a long scroll past cards nobody keeps
        numbered = list(enumerate(cands, 1))
        rows = [card(n, c) for n, c in numbered if c.kind in NUMERIC_KINDS]
        others = [(n, c) for n, c in numbered if c.kind not in NUMERIC_KINDS]
        if others:
            with st.expander(f"Places, dates, weapons and groups it names ({len(others)}): kept only if ticked"):
                rows += [card(n, c) for n, c in others]
        rows += added.missed_claims(sid, all_events, event_label, qualifiers, claimant_types)
        submitted = st.form_submit_button("Save this source and the kept claims", type="primary")

    if submitted:
        meta = {"title": title, "author": author, "outlet": outlet, "date": date, "kind": kind, "argument": argument}
        meta |= {"url": url.strip(), "archive_url": archive_url.strip()}
        source, claims, problems = intake.build(meta, text, rows, set(all_events), ds.claims, ds.sources)
        if problems:
            st.error("Nothing was saved:\n\n" + "\n".join(f"- {md(p)}" for p in problems[:20]))
        else:
            try:
                used = {c.event for c in claims}
                status = store.save_source(
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
                st.session_state["ca_add_clear"] = True
                st.session_state["ca_saved"] = f"Saved source {source.id} with {len(claims)} claims: " + (
                    "it is now a layer on the map and in every table (self-reviewed: you are this atlas's only user)."
                    if status == "published"
                    else "it waits for a reviewer other than you (Review page); it joins the map once published."
                )
                st.rerun()
