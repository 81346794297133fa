"""Review: sources waiting for a reviewer, drafts, and what was published, with each one's record.

Offered to editors and above; each action is checked again by the store (roles, the two-person
rule, the version the page showed: a source changed meanwhile is refused with who and when).
"""

import streamlit as st

from geo.core.grading import GRADES
from geo.core.model import Claim, Qualifier, Source, value_text
from geo.render.escape import md
from geo.store import Role, StoreError
from geo.web import identity, state

SECTIONS = [
    ("ready", "Waiting for review", "A reviewer other than the author publishes or rejects each one."),
    ("draft", "Drafts", "Not yet submitted for review."),
    ("published", "Published", "On the map for everyone. A reviewer who disagrees records a dissent; it stays."),
    ("rejected", "Rejected", None),
    ("withdrawn", "Withdrawn", None),
]

st.title("Review")
me = identity.current()
role = identity.role()
store = identity.store()
# What the last decision did: set by the buttons' callbacks, which run before this rerun.
# What the last action did is said inside the source acted on, where the reader is (at the
# top when that source is not shown). Not a toast: Streamlit's are unnamed dialogs to a screen reader.
done_ok = md(st.session_state.pop("ca_reviewed", "") or "")
done_no = md(st.session_state.pop("ca_review_refused", "") or "")


def say_done() -> None:
    if done_ok:
        st.success(done_ok)
    if done_no:
        st.error(f"Not done: {done_no}")


try:
    states = store.review_state()
except StoreError as e:
    st.error(f"The store cannot be read: {md(e)}")
    st.stop()
records = state.from_store("records") or {"sources": [], "claims": []}  # read once per revision, not per rerun

sources = {r["id"]: Source.model_validate(r) for r in records["sources"]}
claims: dict[str, list[Claim]] = {}
for r in records["claims"]:
    claims.setdefault(r["source"], []).append(Claim.model_validate(r))
if st.session_state.get("ca_review_open") not in {r["id"] for r in states}:
    say_done()
if not states:
    st.info("No source has been added yet: add one on the Add a source page.")


DONE = {
    "publish": "Published",
    "reject": "Rejected",
    "dissent": "Dissent recorded",
    "submit": "Submitted for review",
    "withdraw": "Withdrawn",
}


def attempt(source: str, action, said) -> None:
    """Run a store action from a button's callback, whose arguments were fixed when the page was
    drawn (so a version is the one the reviewer saw: a thing changed since is refused, with who
    and when). Keeps its source open, and says what it did (``said(result)``) or why not."""
    ss = st.session_state
    ss["ca_review_open"] = source
    try:
        done = action()
    except StoreError as e:
        ss["ca_review_refused"] = str(e)
    else:
        ss["ca_reviewed"] = said(done)


def act(sid: str, step: str, reason_key: str, version: int) -> None:
    reason = st.session_state.get(reason_key, "")

    def action():
        if step == "submit":
            return store.submit(sid, version)
        if step == "withdraw":
            return store.withdraw(sid, reason, version)
        return store.decide(sid, step, reason, version)

    attempt(sid, action, lambda _: f"{DONE[step]}: {sid}.")


def _said_edit(what: str):
    def said(done: str) -> str:
        if done == "applied":
            return f"{what} changed."
        return f"{what}: change proposed; the published version stays until another reviewer publishes it."

    return said


def save_claim_edit(claim_id: str, version: int, source: str) -> None:
    ss = st.session_state
    value = ss.get(f"ca_edit_value_{claim_id}", "").strip()
    changes = {
        "claimant": ss.get(f"ca_edit_claimant_{claim_id}", "").strip(),
        "qualifier": ss.get(f"ca_edit_qualifier_{claim_id}"),
        "value": float(value) if value.replace(".", "", 1).isdigit() else value,
        "note": ss.get(f"ca_edit_note_{claim_id}", "").strip() or None,
    }
    why = ss.get(f"ca_edit_why_{claim_id}") or None
    attempt(source, lambda: store.edit("claim", claim_id, changes, version, why), _said_edit(f"Claim {claim_id}"))


def close_dialog() -> None:
    st.session_state.pop("ca_dialog", None)


def opener(label: str, which: str, key: str) -> bool:
    """A button that opens dialog ``which``; whether it is open (it stays open across reruns until
    it is done or dismissed: one dialog at a time)."""
    st.button(label, key=key, on_click=st.session_state.update, kwargs={"ca_dialog": which})
    return st.session_state.get("ca_dialog") == which


def finish(label: str, key: str, act) -> None:
    """A dialog's last button: close the dialog, ``act`` (which says what it did, or why not, in
    the source acted on) and redraw the whole page."""
    if st.button(label, key=key):
        close_dialog()
        act()
        st.rerun()


@st.dialog("Edit a claim", on_dismiss=close_dialog)
def claim_dialog(c: Claim, version: int, published: bool) -> None:
    """A modal, as for a source's details: a popover's button can fall below a phone's screen."""
    if published:
        st.caption("Published: your change waits for another reviewer; the published version stays meanwhile.")
    st.caption(f"“{md(c.quote)}”")
    st.text_input("Value", value_text(c.value), key=f"ca_edit_value_{c.id}")
    qualifiers = list(Qualifier.__args__)
    st.selectbox(
        "Qualifier",
        qualifiers,
        index=qualifiers.index(c.qualifier) if c.qualifier in qualifiers else qualifiers.index("exact"),
        key=f"ca_edit_qualifier_{c.id}",
    )
    st.text_input("Claimant", c.claimant, key=f"ca_edit_claimant_{c.id}")
    st.text_input("Note (what the figure leaves out, how it was read)", c.note or "", key=f"ca_edit_note_{c.id}")
    st.text_input("Why (kept on the record)", key=f"ca_edit_why_{c.id}", max_chars=500)
    finish("Save the change", f"ca_edit_go_{c.id}", lambda: save_claim_edit(c.id, version, c.source))


def edit_form(c: Claim, version: int, published: bool) -> None:
    label = f"Edit {c.id}" + (" (goes back through review)" if published else "")
    if opener(label, f"claim:{c.id}", f"ca_edit_{c.id}"):
        claim_dialog(c, version, published)


# A source's details an editor may correct after saving (its text, the snapshot, never changes).
SOURCE_FIELDS = [("title", "Title"), ("outlet", "Outlet"), ("author", "Author"), ("date", "Date (YYYY-MM-DD)")]
SOURCE_FIELDS += [("url", "Web address (kept as text, never fetched)"), ("archive_url", "Archived copy's address")]


def save_source_edit(src: Source, version: int) -> None:
    ss = st.session_state
    changes = {f: ss.get(f"ca_sedit_{f}_{src.id}", "").strip() or None for f, _ in SOURCE_FIELDS}
    if changes["date"] and not src.date_precision:
        changes["date_precision"] = "day"
    why = ss.get(f"ca_sedit_why_{src.id}") or None
    attempt(src.id, lambda: store.edit("source", src.id, changes, version, why), _said_edit(f"Source {src.id}"))


@st.dialog("Edit the source's details", width="large", on_dismiss=close_dialog)
def source_dialog(src: Source, version: int, published: bool) -> None:
    """A modal, not a popover: six fields and a button do not fit a popover on a phone."""
    if published:
        st.caption("Published: your change waits for another reviewer; the published version stays meanwhile.")
    for field, label in SOURCE_FIELDS:
        now = getattr(src, field)
        st.text_input(label, "" if now is None else str(now), key=f"ca_sedit_{field}_{src.id}", max_chars=500)
    st.text_input("Why (kept on the record)", key=f"ca_sedit_why_{src.id}", max_chars=500)
    finish("Save the details", f"ca_sedit_go_{src.id}", lambda: save_source_edit(src, version))


def source_form(src: Source, version: int, published: bool) -> None:
    label = "Edit the source's details" + (" (goes back through review)" if published else "")
    if opener(label, f"source:{src.id}", f"ca_sedit_{src.id}"):
        source_dialog(src, version, published)


def decide_change(entity: str, rid: str, verdict: str, version: int, source: str) -> None:
    reason = st.session_state.get(f"ca_change_why_{entity}_{rid}", "")
    attempt(
        source,
        lambda: store.decide_edit(entity, rid, verdict, reason, version),
        lambda _: f"Change to {entity} {rid}: {verdict}ed.",
    )


def proposal(entity: str, rid: str, current: dict, change: dict, may_decide: bool, source: str) -> None:
    """A change waiting for review beside what is published, and (for another reviewer) the verdict."""
    new = change["proposed"]
    what = ", ".join(
        f"{k}: {value_text(current.get(k)) or 'none'} → {value_text(v) or 'none'}"
        for k, v in new.items()
        if v != current.get(k)
    )
    why = f" Their reason: {md(change['reason'])}" if change.get("reason") else ""
    st.info(f"Change proposed by {md(change['proposed_by'])}, waiting for review: {md(what)}.{why}")
    if may_decide:
        st.text_input(
            "Why publish or reject this change (kept on the record)",
            key=f"ca_change_why_{entity}_{rid}",
            max_chars=500,
        )
        left, right = st.columns(2)
        for col, verdict in ((left, "publish"), (right, "reject")):
            col.button(
                f"{verdict.capitalize()} the change",
                key=f"ca_change_{verdict}_{entity}_{rid}",
                on_click=decide_change,
                args=(entity, rid, verdict, change["version"], source),
            )


@st.dialog("Dissent on one figure", on_dismiss=close_dialog)
def dissent_dialog(claim_id: str, source: str) -> None:
    """A modal, not a popover: on a phone a popover low on the screen opens below its edge."""
    st.caption(f"Claim {md(claim_id)} of source {md(source)}. The dissent stays on the record, shown beside it.")
    reason = st.text_input("Why you disagree with this figure (kept on the record)", key=f"ca_dissent_why_{claim_id}")
    finish(
        "Record the dissent",
        f"ca_dissent_go_{claim_id}",
        lambda: attempt(
            source,
            lambda: store.decide(source, "dissent", reason, claim=claim_id),
            lambda _: f"Dissent on {claim_id} recorded.",
        ),
    )


def dissent_form(claim_id: str, source: str) -> None:
    if opener(f"Dissent on {claim_id}", f"dissent:{claim_id}", f"ca_dissent_{claim_id}"):
        dissent_dialog(claim_id, source)


def give_grade(claim_id: str, seen: int | None, source: str) -> None:
    """``seen``: the claim's last grade when the page was drawn."""
    value = st.session_state.get(f"ca_grade_{claim_id}")
    reason = st.session_state.get(f"ca_grade_why_{claim_id}", "")

    def grade():
        if value is None:
            raise StoreError("choose a grade first (their definitions are on the Methodology page)")
        return store.grade(claim_id, value, reason, seen)

    def said(after: dict) -> str:
        if not after["awaiting_second"]:
            return f"Graded {claim_id} {value}."
        now = after["grade"] or "not graded"
        return (
            f"Your grade for {claim_id} is recorded: {value} counts once a second reviewer agrees; "
            f"until then it stays {now}."
        )

    attempt(source, grade, said)


def grade_form(claim_id: str, g: dict, source: str) -> None:
    seen = g["history"][-1]["seq"] if g.get("history") else None
    left, middle, right = st.columns([2, 4, 1], vertical_alignment="bottom")
    left.selectbox(
        "Grade",
        list(GRADES),
        index=None,  # no grade offered by default: the reviewer chooses, the suggestion above is the atlas's
        placeholder="choose a grade",
        key=f"ca_grade_{claim_id}",
        help="Definitions: Methodology page",
    )
    middle.text_input("Why this grade (kept on the record)", key=f"ca_grade_why_{claim_id}", max_chars=500)
    right.button("Grade", key=f"ca_grade_go_{claim_id}", on_click=give_grade, args=(claim_id, seen, source))


try:
    graded = store.grades()
    detail_changes: dict[str, list[dict]] = {}  # edits of a source's details, and verdicts on them
    for row in reversed(store.changes("source", limit=100_000)):
        if row["action"] in ("edit", "propose", "publish", "reject"):
            detail_changes.setdefault(row["entity_id"], []).append(row)
    versions, source_versions = store.pending_edits("claim"), store.pending_edits("source")
    waiting = sum(1 for v in (*versions.values(), *source_versions.values()) if v["proposed"])
    if waiting:
        st.info(
            f"{waiting} proposed change{'s' * (waiting > 1)} to published sources and claims "
            f"wait{'s' * (waiting == 1)} for review (under Published, beside each one)."
        )
except StoreError as e:
    st.error(f"The grades cannot be read: {md(e)}")
    graded, versions, source_versions, detail_changes = {}, {}, {}, {}

reviewer = role is not None and role >= Role.reviewer
for status, heading, note in SECTIONS:
    mine = [r for r in states if r["status"] == status]
    if not mine:
        continue
    st.subheader(f"{heading} ({len(mine)})")
    if note:
        st.caption(note)
    for r in mine:
        sid, src = r["id"], sources.get(r["id"])
        title = (src.title if src and src.title else "untitled") if src else "unreadable"
        # Open: what waits for review, and the source just acted on (a rerun would fold it shut).
        opened = status == "ready" or sid == st.session_state.get("ca_review_open")
        with st.expander(f"{md(sid)} · {md(title)} · by {md(r['author'] or 'unknown')}", expanded=opened):
            published = ""
            if r["published_by"]:
                self_reviewed = " (self-reviewed)" if r["self_reviewed"] else ""
                published = f" · published by {md(r['published_by'])}{self_reviewed}"
            st.caption(f"{md(status)} · version {r['version']}{published}")
            if sid == st.session_state.get("ca_review_open"):
                say_done()
            own = r["author"] == me.name
            figures = claims.get(sid, [])
            computed = state.support_for(figures) if figures and status in ("ready", "published") else {}
            for c in figures:
                st.markdown(f"- **{md(c.kind)}**: {md(c.value_label())} — {md(c.claimant)}: “{md(c.quote)}”")
                g = graded.get(c.id, {})
                line = [f"grade: **{md(g.get('grade') or 'not graded')}**"]
                if g.get("initial") and g["initial"] != g.get("grade"):
                    line.append(f"first graded: {md(g['initial'])}")
                if g.get("awaiting_second"):
                    line.append("corroborated by one reviewer, awaiting a second")
                if c.id in computed:
                    line.append(f"computed: {md(computed[c.id].describe())}")
                st.caption(" · ".join(line))
                if reviewer and status in ("ready", "published"):
                    grade_form(c.id, g, c.source)
                change = versions.get(c.id, {})
                if change.get("proposed"):
                    current = c.model_dump(mode="json")
                    proposal("claim", c.id, current, change, reviewer and change["proposed_by"] != me.name, sid)
                left, right = st.columns(2)
                if status not in ("rejected", "withdrawn"):
                    # A waiting change is what a further edit builds on: the form shows it.
                    shown = Claim.model_validate(change["proposed"]) if change.get("proposed") else c
                    with left:
                        edit_form(shown, change.get("version", 1), published=status == "published")
                if reviewer and status in ("ready", "published"):
                    with right:
                        dissent_form(c.id, sid)
            change = source_versions.get(sid, {})
            if src and change.get("proposed"):
                current = src.model_dump(mode="json")
                proposal("source", sid, current, change, reviewer and change["proposed_by"] != me.name, sid)
            if src and status not in ("rejected", "withdrawn"):
                shown = Source.model_validate(change["proposed"]) if change.get("proposed") else src
                source_form(shown, r["version"], published=status == "published")
            for v in r["reviews"]:
                about = f" on {md(v['claim_id'])}" if v["claim_id"] else ""
                st.markdown(
                    f"- _{md(v['verdict'])}_{about} by {md(v['reviewer'])} ({md(v['at'])}): {md(v['reason'] or '')}"
                )
            for row in detail_changes.get(sid, []):
                what = (
                    f"{row['field']}: {row['old'] or 'none'} → {row['new'] or 'none'}"
                    if row["action"] in ("edit", "propose")
                    else f"the change {row['new']}"
                )
                verb = {"edit": "edited", "propose": "change proposed", "publish": "published", "reject": "rejected"}
                st.markdown(
                    f"- _{verb[row['action']]}_ by {md(row['who'])} ({md(row['at'])}): {md(what)}"
                    + (f"; {md(row['reason'])}" if row["reason"] else "")
                )
            why = f"ca_reason_{sid}_{r['version']}"
            st.text_input("Reason (kept on the record)", key=why, max_chars=500)
            steps = []
            if status == "ready" and reviewer:
                steps += [("Publish", "publish"), ("Reject", "reject")]
            if status == "draft" and (own or reviewer):
                steps.append(("Submit for review", "submit"))
            if reviewer and status in ("ready", "published"):
                steps.append(("Dissent", "dissent"))
            if (own or reviewer) and status != "withdrawn":
                steps.append(("Withdraw", "withdraw"))
            for col, (label, step) in zip(st.columns(4), steps, strict=False):
                col.button(label, key=f"ca_{step}_{sid}", on_click=act, args=(sid, step, why, r["version"]))
