"""Claims Atlas: the router. Page config, navigation and the shared sidebar; nothing else.

Pages live in app_pages/, not pages/: a folder named pages/ makes Streamlit fall back to its
legacy multipage mode for a fresh server's first request to a page URL, which skips this router.
"""

import streamlit as st

from geo.render.escape import md
from geo.store import Role
from geo.web import identity, sidebar, state

st.set_page_config(page_title="Claims Atlas: Iran–Pakistan strikes, January 2024", page_icon="🗺️", layout="wide")

MAP = st.Page("app_pages/map.py", title="Map explorer", icon=":material/map:", url_path="map", default=True)
READ = [
    MAP,
    st.Page("app_pages/claims.py", title="Claims", icon=":material/balance:", url_path="claims"),
    st.Page("app_pages/sources.py", title="Sources", icon=":material/article:", url_path="sources"),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/schedule:", url_path="timeline"),
]
ADD = st.Page("app_pages/add_source.py", title="Add a source", icon=":material/add_circle:", url_path="add")
REVIEW = st.Page("app_pages/review.py", title="Review", icon=":material/fact_check:", url_path="review")
TEAM = st.Page("app_pages/team.py", title="Team", icon=":material/group:", url_path="team")
METHOD = st.Page("app_pages/methodology.py", title="Methodology", icon=":material/straighten:", url_path="methodology")

# Pages offer only what the store would accept from this user (the store checks again).
role = identity.role()
page = st.navigation(
    READ
    + ([ADD, REVIEW] if role is not None and role >= Role.editor else [])
    + ([TEAM] if role is Role.admin else [])
    + [METHOD]
)
ds = state.load_or_stop()
sidebar.select(ds)
# A session's first run on the map sends the map alone (the page stops after it): the sidebar
# follows in the rerun the map's first report causes (geo.web.explorer.map_first).
if not (page == MAP and sidebar.first_run()):
    sidebar.draw(ds)
    st.sidebar.caption(md(identity.current().describe(role)))
page.run()
