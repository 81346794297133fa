"""Claims Atlas: the router. Page config, navigation and the shared sidebar; nothing else.

Pages live in app_pages/, not pages/: a folder named pages/ makes Streamlit fall back to its
legacy multipage mode for a fresh server's first request to a page URL, which skips this router.
"""

import streamlit as st

from geo.web import sidebar, state

st.set_page_config(page_title="Claims Atlas: Iran–Pakistan strikes, January 2024", page_icon="🗺️", layout="wide")

PAGES = [
    st.Page("app_pages/map.py", title="Map explorer", icon=":material/map:", url_path="map", default=True),
    st.Page("app_pages/claims.py", title="Claims", icon=":material/balance:", url_path="claims"),
    st.Page("app_pages/sources.py", title="Sources", icon=":material/article:", url_path="sources"),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/schedule:", url_path="timeline"),
    st.Page("app_pages/add_source.py", title="Add a source", icon=":material/add_circle:", url_path="add"),
    st.Page("app_pages/methodology.py", title="Methodology", icon=":material/straighten:", url_path="methodology"),
]

page = st.navigation(PAGES)
sidebar.sidebar(state.load_or_stop())
page.run()
