"""Baseline for bench/map_bench.py: a bare st_folium map with one marker and a checkbox.

It uses the same vendored Leaflet as the app (so it draws offline); map_bench starts it from a
folder that has the app's ``static/`` and ``.streamlit/`` beside it, as Streamlit needs.
``CA_BENCH_DELAY`` (seconds) makes it deliberately slow, to check the bench can see a change.
"""

import os
import time

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.render.assets import use_local_assets

use_local_assets()
time.sleep(float(os.environ.get("CA_BENCH_DELAY", "0")))
st.checkbox("rerun me", key="toggle")
m = folium.Map(location=(27.3, 62.9), zoom_start=7, tiles=None)
folium.CircleMarker((27.37, 62.33), radius=8).add_to(m)
st_folium(m, height=600, returned_objects=["last_clicked"], key="bare")
