"""A feasible region drawn as a small chart, for the Claims page: the band a stated depth allows
inside the target country (pale), the place's uncertainty area (dashed), the part of the band
inside it (solid), the border (black), the place and a scale bar. Drawn with Vega-Lite from what
:func:`geo.core.feasible.sketch` computed (kilometres on the place's equal-area projection,
north up); it needs no network and no tiles. Text reaches the chart as data, never as markup."""

from __future__ import annotations

import altair as alt
import shapely

from geo.core.feasible import Sketch

PARTS = {  # what each layer is, as the tooltip and the legend say it
    "band": "where the stated depth puts the strike (inside the target country)",
    "uncertainty": "the place's uncertainty area",
    "feasible": "the feasible region: both at once",
    "border": "the border",
}
BAND, REGION = "#E6C3D8", "#A8457F"  # pale and strong reddish purple (Okabe-Ito #CC79A7's family)


def _feature(g, part: str) -> dict | None:
    if g is None or g.is_empty:
        return None
    return {"type": "Feature", "geometry": shapely.geometry.mapping(g), "properties": {"part": PARTS[part]}}


def _scale(half: float) -> float:
    """A round scale-bar length, about a quarter of the window."""
    return next((float(s) for s in (1, 2, 5, 10, 20, 25, 50, 100) if s >= half / 2.5), 100.0)


def chart(s: Sketch, size: int = 320) -> alt.LayerChart:
    """The sketch as a layered chart whose description says what it shows (for screen readers)."""
    h = s.half_km
    view = alt.Projection(type="identity", reflectY=True, fit=_feature(shapely.box(-h, -h, h, h), "band"))

    def layer(g, part: str | None, **mark) -> alt.Chart | None:
        """One shape; ``part`` None: the background or the scale bar, with no tooltip."""
        feature = _feature(g, part or "band")
        if feature is None:
            return None
        chart = alt.Chart(alt.Data(values=[feature]))
        if part is None:  # no tooltip (Streamlit would show raw coordinates), hidden from screen readers
            chart = chart.mark_geoshape(tooltip=None, aria=False, **mark)
        else:
            chart = chart.mark_geoshape(**mark).encode(tooltip=alt.Tooltip("properties.part:N", title="what"))
        return chart.project(**view.to_dict())

    bar, x0, y0 = _scale(h), -0.9 * h, -0.9 * h
    scale = shapely.LineString([(x0, y0), (x0 + bar, y0)])
    layers = [
        layer(shapely.box(-h, -h, h, h), None, fill="#f7f7f4", stroke=None),
        layer(s.band, "band", fill=BAND, stroke=None),
        layer(s.region, "feasible", fill=REGION, stroke=None),
        layer(s.border, "border", filled=False, stroke="#000", strokeWidth=2),
        # A place known to a point is a dot; otherwise its uncertainty circle, dashed, unfilled.
        layer(s.circle.buffer(h / 80), "uncertainty", fill="#000", stroke=None)
        if s.circle.geom_type == "Point"
        else layer(s.circle, "uncertainty", filled=False, fill=None, stroke="#000", strokeDash=[5, 4], strokeWidth=1.2),
        layer(scale, None, filled=False, stroke="#000", strokeWidth=2),
    ]
    label = (
        alt.Chart(alt.Data(values=[{"x": x0, "y": y0 + h / 14, "text": f"{bar:g} km"}]))
        .mark_text(align="left", fontSize=12, color="#000", tooltip=None)
        .encode(longitude="x:Q", latitude="y:Q", text="text:N")
        .project(**view.to_dict())
    )
    f = s.feasible
    return (
        alt.layer(*[x for x in layers if x is not None], label)
        .properties(
            width=size,
            height=size,
            description=f"Feasible region of claim {f.claim} near {s.place}: {f.describe()}",
        )
        .configure_view(stroke=None)
    )


def legend() -> str:
    """What each mark means (plain text; the page escapes it)."""
    return (
        "Pale: where the stated depth puts the strike inside the target country. Dashed: the place's "
        "uncertainty area. Solid: the feasible region, both at once. Black line: the border. North is up, "
        "on an equal-area projection centred on the place. With a pointer, hover for what each shape is."
    )
