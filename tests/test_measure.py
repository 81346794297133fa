"""geo.spatial.measure: geodesic accuracy against an independent dense reference, known places, bands."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest
import shapely
from pyproj import Geod

from geo.spatial import boundaries, measure

GEOD = Geod(ellps="WGS84")


def dense_reference(line, step_m: float = 10.0):
    """The border densified along geodesics every ``step_m`` metres (independent of geo.spatial.measure)."""
    lons, lats = [], []
    coords = list(line.coords)
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:], strict=True):
        _, _, d = GEOD.inv(x0, y0, x1, y1)
        n = max(int(d // step_m), 0)
        lons.append(x0)
        lats.append(y0)
        if n:
            pts = GEOD.npts(x0, y0, x1, y1, n)
            lons += [p[0] for p in pts]
            lats += [p[1] for p in pts]
    lons.append(coords[-1][0])
    lats.append(coords[-1][1])
    return np.array(lons), np.array(lats)


@pytest.mark.parametrize("resolution", ["ne10m", "osm"])
def test_distance_within_1m_of_dense_geodesic_reference(resolution):
    ref_lon, ref_lat = dense_reference(boundaries.border(resolution))
    rng = np.random.default_rng(7)
    lon = rng.uniform(59.5, 65.0, 25)
    lat = rng.uniform(25.0, 30.5, 25)
    got, _, _ = measure.distances_to_border(lon, lat, resolution)
    for i in range(len(lon)):
        _, _, d = GEOD.inv(np.full(ref_lon.shape, lon[i]), np.full(ref_lat.shape, lat[i]), ref_lon, ref_lat)
        # The reference's points are at most 5 m from the true nearest point, which changes
        # the distance by far less than 1 m unless the point is that close to the border.
        assert abs(got[i] - d.min()) < 1.0, (lon[i], lat[i], got[i], d.min())


@pytest.mark.parametrize("resolution", ["ne10m", "osm"])
def test_panjgur_and_saravan(resolution):
    pj = measure.distance_to_border(64.095, 26.972, resolution)
    assert (pj.country, pj.province) == ("PAK", "Balochistan")
    assert 70 <= pj.distance_km <= 85
    sv = measure.distance_to_border(62.331, 27.371, resolution)
    assert (sv.country, sv.province) == ("IRN", "Sistan and Baluchestan")
    assert 35 <= sv.distance_km <= 50


def test_nearest_point_is_on_the_border():
    r = measure.distance_to_border(62.331, 27.371, "osm")
    d, _, _ = measure.distances_to_border(r.nearest_lon, r.nearest_lat, "osm")
    assert d[0] < 0.5


def test_border_lengths_plausible_per_resolution():
    ne = measure.border_length_m("ne10m") / 1000
    osm = measure.border_length_m("osm") / 1000
    assert 780 <= ne <= 860  # a 1:10m line cuts corners
    assert 950 <= osm <= 1050  # the 10 m line follows every bend
    assert osm > ne


@pytest.mark.parametrize("resolution,country,km", [("osm", "IRN", 90), ("osm", "PAK", 50), ("ne10m", "PAK", 50)])
def test_depth_line_measures_back_within_half_a_percent(resolution, country, km):
    line = measure.depth_line(km * 1000, country, resolution)
    coords = np.concatenate([np.asarray(g.coords) for g in getattr(line, "geoms", [line])])
    assert len(coords) > 20
    d, _, _ = measure.distances_to_border(coords[:, 0], coords[:, 1], resolution)
    # Vertices cut by the country outline (coast, other borders) lie on that outline, not on
    # the band: drop the few within 1 km of the ends of each piece.
    inner = np.abs(d - km * 1000) / (km * 1000)
    assert np.median(inner) < 0.001
    assert np.quantile(inner, 0.98) < 0.005, inner.max()
    sides = {measure.locate(x, y, resolution)[0] for x, y in coords[:: max(1, len(coords) // 20)]}
    assert sides == {country}


def test_depth_band_is_between_its_distances():
    band = measure.depth_band(80_000, 100_000, "IRN", "osm")
    assert band.area > 0
    minx, miny, maxx, maxy = band.bounds
    gx, gy = np.meshgrid(np.linspace(minx, maxx, 60), np.linspace(miny, maxy, 60))
    inside = shapely.contains_xy(band, gx.ravel(), gy.ravel())
    assert inside.sum() > 50
    d, _, _ = measure.distances_to_border(gx.ravel()[inside], gy.ravel()[inside], "osm")
    assert d.min() >= 80_000 * 0.995 and d.max() <= 100_000 * 1.005


def test_distance_range_over_uncertainty_circle():
    lo, mid, hi = measure.distance_range_m(62.331, 27.371, 20_000, "osm")
    assert math.isclose(lo, mid - 20_000)
    assert mid + 15_000 < hi <= mid + 20_000 + 1


@pytest.mark.parametrize(
    "lon,lat,msg",
    [(62.0, 95.0, "latitude"), (200.0, 27.0, "longitude"), (float("nan"), 27.0, "finite"), ("east", 27.0, "numbers")],
)
def test_invalid_input_raises_clear_error(lon, lat, msg):
    with pytest.raises(measure.InvalidCoordinate, match=msg):
        measure.distance_to_border(lon, lat)


def test_unknown_resolution():
    with pytest.raises(ValueError, match="unknown border resolution"):
        measure.distance_to_border(62.0, 27.0, "mercator")


def test_cli_json():
    out = subprocess.run(
        [sys.executable, "-m", "geo.spatial.measure", "distance", "--lat", "27.371", "--lon", "62.331", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(out.stdout)
    assert r["country"] == "IRN" and 35 < r["distance_km"] < 50
    bad = subprocess.run(
        [sys.executable, "-m", "geo.spatial.measure", "distance", "--lat", "95", "--lon", "62"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "latitude" in bad.stderr and "Traceback" not in bad.stderr


def test_local_projection_pipelines_match_the_crs():
    """The fast pipelines are the same projection as LOCAL_CRS (used by GeoPandas for bands)."""
    from pyproj import Transformer

    lon, lat = np.meshgrid(np.linspace(55, 70, 16), np.linspace(20, 35, 16))
    ref = Transformer.from_crs("EPSG:4326", measure.LOCAL_CRS, always_xy=True)
    x, y = measure._TO_LOCAL.transform(lon.ravel(), lat.ravel())
    rx, ry = ref.transform(lon.ravel(), lat.ravel())
    assert np.abs(x - rx).max() < 1e-6 and np.abs(y - ry).max() < 1e-6
    back_lon, back_lat = measure._TO_LONLAT.transform(x, y)
    assert np.abs(back_lon - lon.ravel()).max() < 1e-9 and np.abs(back_lat - lat.ravel()).max() < 1e-9
