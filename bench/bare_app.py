"""Baseline for bench/map_bench.py: a bare st_folium map with one marker and a checkbox."""

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.map_assets import use_local_assets

use_local_assets()
st.checkbox("rerun me", key="toggle")
m = folium.Map(location=(27.3, 62.9), zoom_start=7, tiles=None)
folium.CircleMarker((27.37, 62.33), radius=8).add_to(m)
st_folium(m, height=620, returned_objects=["last_clicked"], key="bare")
