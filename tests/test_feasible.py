"""Feasible regions (geo.core.feasible) against cases whose answer is known by hand: a place put
60 km from the border along the perpendicular, and bands placed through, around or away from
its uncertainty circle, whose share of the circle is worked out from plane geometry (at 60 km the
band's edges are nearly straight across a 2 km circle: a few per cent of tolerance)."""

from __future__ import annotations

import math

import pytest

from geo.core.feasible import feasible, interval_km, region_for
from geo.core.model import Claim
from geo.spatial import measure

SARAVAN = (62.33096, 27.37089)
R_KM = 2.0


def depth(value: float, qualifier: str = "exact") -> Claim:
    quote = f"The strike hit {value:g} km inside Iran."
    return Claim(
        id="d1", event="pakistan-strike-saravan", source="s003", claimant="the author", claimant_type="author",
        kind="depth", value=value, unit="km", qualifier=qualifier, quote=quote, quote_start=0, quote_end=len(quote),
    )  # fmt: skip


@pytest.fixture(scope="module")
def place():
    """A point 60 km inside Iran, straight away from the border's nearest point to Saravan."""
    near = measure.distance_to_border(*SARAVAN)
    az, _, _ = measure.GEOD.inv(near.nearest_lon, near.nearest_lat, *SARAVAN)
    lon, lat, _ = measure.GEOD.fwd(near.nearest_lon, near.nearest_lat, az, 60_000)
    d = measure.distance_to_border(lon, lat).distance_km
    assert 59.0 < d < 61.0, d  # nothing else of the border is nearer
    return lon, lat, d


def strip_share(half_width: float, offset: float = 0.0, r: float = R_KM) -> float:
    """Share of a circle of radius r between two parallel lines at offset ± half_width from its centre."""

    def below(x):  # area of the circle at signed distance < x from the centre line
        x = max(-r, min(r, x))
        return r * r * math.acos(-x / r) + x * math.sqrt(r * r - x * x)

    return (below(offset + half_width) - below(offset - half_width)) / (math.pi * r * r)


def share(place, value, qualifier="exact"):
    lon, lat, _ = place
    return region_for(depth(value, qualifier), lon, lat, R_KM, "town", "IRN")


def test_a_band_around_the_whole_circle_is_consistent(place):
    f = share(place, place[2], "about")  # ±10 %: 54–66 km around a circle 58–62 km out
    assert f.verdict == "consistent" and f.share > 0.995
    assert f.place_km2 == pytest.approx(math.pi * R_KM**2, rel=0.002)  # equal-area: the circle's own area
    assert f.region_km2 == pytest.approx(f.place_km2, rel=0.005)


def test_an_exact_figure_through_the_centre_covers_the_strip_it_allows(place):
    f = share(place, round(place[2]))  # read to the kilometre: a strip 2 km wide
    offset = round(place[2]) - place[2]
    assert f.verdict == "partly"
    assert f.share == pytest.approx(strip_share(1.0, offset), abs=0.03)
    assert f.region_km2 == pytest.approx(f.share * f.place_km2, rel=1e-6)
    assert "partly" in f.describe() and "km²" in f.describe()


def test_more_than_the_centre_s_distance_is_about_half(place):
    f = share(place, place[2], "more than")
    assert f.open_ended and f.high_km > place[2] + R_KM  # the open band runs past the circle
    assert f.share == pytest.approx(0.5, abs=0.03)


def test_a_band_beyond_the_circle_is_inconsistent_and_up_to_nearer_too(place):
    assert share(place, 90, "about").verdict == "inconsistent"  # 81–99 km: the whole circle is nearer
    f = share(place, 50, "up to")  # 0–50 km: the circle is farther
    assert f.verdict == "inconsistent" and f.share == 0 and f.region.is_empty


def test_a_coarse_or_misplaced_place_cannot_tell_and_a_point_is_in_or_out(place):
    lon, lat, d = place
    assert region_for(depth(60), lon, lat, 50, "province", "IRN").verdict == "cannot tell"
    assert region_for(depth(60), lon, lat, R_KM, "town", "PAK").verdict == "cannot tell"  # it is in Iran
    assert region_for(depth(round(d)), lon, lat, 0, "exact", "IRN").verdict == "consistent"
    assert region_for(depth(round(d) + 5), lon, lat, 0, "exact", "IRN").verdict == "inconsistent"


def test_qualifiers_become_intervals():
    assert interval_km(depth(90, "about"), 70) == pytest.approx((81, 99, False))
    assert interval_km(depth(50, "more than"), 117) == (50, 118, True)
    assert interval_km(depth(50, "up to"), 117) == (0, 50, False)
    assert interval_km(depth(90), 70) == (89, 91, False)


def test_the_curated_depth_claims_have_regions(dataset):
    verdicts = {}
    for c in dataset.claims.values():
        f = feasible(dataset, c)
        if f is not None:
            verdicts[c.id] = f
            assert 0 <= f.share <= 1 and f.region_km2 <= f.place_km2 + 1e-6
    assert verdicts, "the curated data has depth claims"
    about_90 = next(f for cid, f in verdicts.items() if dataset.claims[cid].value == 90)
    assert about_90.verdict == "inconsistent"  # the measured 26–66 km, as the distance check says


def test_the_sketch_is_in_kilometres_around_the_place_and_the_chart_says_what_it_shows(dataset):
    from geo.core.feasible import sketch
    from geo.render.feasible_chart import chart

    s = sketch(dataset, dataset.claims["c-sv-depth-003"])
    assert s.circle.bounds == pytest.approx((-20, -20, 20, 20), abs=0.1)  # ±20 km, centred on the place
    h = s.half_km + 1e-6
    for g in (s.band, s.border):  # clipped to the window around the place
        assert not g.is_empty
        x0, y0, x1, y1 = g.bounds
        assert -h <= x0 and -h <= y0 and x1 <= h and y1 <= h
    assert s.region.is_empty and s.feasible.verdict == "inconsistent"
    spec = chart(s).to_dict()
    assert spec["description"].startswith("Feasible region of claim c-sv-depth-003 near ")
    assert "0% of the location's uncertainty area" in spec["description"]
    parts = {
        layer["data"]["values"][0]["properties"]["part"]
        for layer in spec["layer"]
        if "properties" in layer["data"]["values"][0]
    }
    assert "the border" in parts and "the place's uncertainty area" in parts
    assert "the feasible region: both at once" not in parts  # nothing to draw: no part of the place fits
