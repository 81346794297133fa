"""Team: who may do what in the store, and the change log (admins only; the store checks again)."""

import streamlit as st

from geo.render.escape import md
from geo.store import Role, StoreError
from geo.store.users import a
from geo.web import identity

st.title("Team")
me = identity.current()
store = identity.store()
st.caption(
    "Roles: a reader sees and exports what is published; an editor adds sources; a reviewer also "
    "reviews them; an admin also manages who may do what. Every change is kept in the change log below."
)
if me.how == "local":
    st.info(
        "This atlas runs without sign-in (one person, on this machine): you are its local user and its admin. "
        "For a team, serve it behind the authenticating proxy (README, “Deploying for a team”)."
    )

try:
    users = store.users()
    log = store.changes(limit=200)
except StoreError as e:
    st.error(f"The store cannot be read: {md(e)}")
    st.stop()

st.subheader("Users")
if users:
    st.dataframe([{"user": n, "role": r, "since": since} for n, r, since in users], hide_index=True, width="stretch")
else:
    st.caption("No users yet: the local user is the admin until the first one is added.")

with st.form("ca_role_form", clear_on_submit=True):
    st.markdown("**Add a user or change a role** (the name the sign-in gives, e.g. the proxy's user name)")
    name = st.text_input("User name", max_chars=200, key="ca_team_name")
    new_role = st.selectbox("Role", [r.name for r in Role], index=1, key="ca_team_role")
    reason = st.text_input("Reason (kept in the change log)", max_chars=500, key="ca_team_reason")
    if st.form_submit_button("Save role"):
        try:
            store.set_role(name.strip(), new_role, reason.strip() or None)
        except StoreError as e:
            st.error(f"Not saved: {md(e)}")
        else:
            st.session_state["ca_team_saved"] = f"{name.strip()} is now {a(Role[new_role])}."
            st.rerun()
if st.session_state.get("ca_team_saved"):
    st.success(md(st.session_state.pop("ca_team_saved")))


def short(value, limit: int = 80):
    """A cell of the log's table: long values (a whole record) cut, so the columns stay readable."""
    return value[:limit] + "…" if isinstance(value, str) and len(value) > limit else value


st.subheader("Change log")
st.caption(
    "Newest first; append-only (the database refuses to change or delete a row). The last 200 changes; "
    "long values are cut here, whole in `python -m geo.users log`."
)
if log:
    st.dataframe(
        [
            {k: short(row[k]) for k in ("at", "who", "action", "entity", "entity_id", "field", "reason", "old", "new")}
            for row in log
        ],
        hide_index=True,
        width="stretch",
    )
else:
    st.caption("Nothing has changed yet.")
