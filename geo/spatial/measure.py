"""Geodesic measurements against the Iran–Pakistan border, in metres on the WGS84 ellipsoid.

Method (see the Methodology page): the nearest border segment is found in a local conformal
projection (Lambert conformal conic fitted to the border region) with an STRtree over the
border's segments; the nearest point on that segment is taken there and brought back to
lon/lat; the distance to it is then measured on the ellipsoid with ``pyproj.Geod.inv``.
Nothing is ever measured in degrees or in Web Mercator.

Command line::

    python -m geo.spatial.measure distance --lat 27.371 --lon 62.331 [--border osm|ne10m] [--json]
    python -m geo.spatial.measure length [--border osm|ne10m] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np
import shapely
from pyproj import CRS, Geod, Transformer
from shapely.geometry import LineString, MultiLineString, Point, Polygon

from geo.spatial import boundaries
from geo.spatial.boundaries import DEFAULT_RESOLUTION, Resolution

GEOD = Geod(ellps="WGS84")
# Lambert conformal conic fitted to the border region (lat 25-30 N, lon 60.8-63.4 E).
LCC = "+proj=lcc +lat_1=25.5 +lat_2=29.5 +lat_0=27.5 +lon_0=62.2 +ellps=WGS84"
LOCAL_CRS = f"{LCC} +datum=WGS84 +units=m +no_defs"
# Explicit pipelines, not Transformer.from_crs: pyproj builds a transformer per thread and
# Streamlit runs every rerun in a new thread; resolving "EPSG:4326" in PROJ's database cost
# 15-20 ms per transformer per rerun, a pipeline 0.5 ms. Same numbers (tests/test_measure.py).
_TO_LOCAL = Transformer.from_pipeline(f"+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step {LCC}")
_TO_LONLAT = Transformer.from_pipeline(
    f"+proj=pipeline +step +inv {LCC} +step +proj=unitconvert +xy_in=rad +xy_out=deg"
)
# Depth bands are drawn only this far into each country, so the far side of a buffer is cut off.
MAX_DEPTH_M = 500_000.0


class InvalidCoordinate(ValueError):
    """A longitude/latitude that is not a finite number in range."""


def validate_lonlat(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Return lon/lat as float arrays, or raise InvalidCoordinate saying what is wrong."""
    try:
        lon_a = np.atleast_1d(np.asarray(lon, dtype=float))
        lat_a = np.atleast_1d(np.asarray(lat, dtype=float))
    except (TypeError, ValueError) as e:
        raise InvalidCoordinate(f"coordinates must be numbers, got lon={lon!r}, lat={lat!r}") from e
    if lon_a.shape != lat_a.shape:
        raise InvalidCoordinate(f"lon and lat differ in shape: {lon_a.shape} vs {lat_a.shape}")
    if lon_a.size == 0:
        raise InvalidCoordinate("no coordinates given")
    if not (np.isfinite(lon_a).all() and np.isfinite(lat_a).all()):
        raise InvalidCoordinate("coordinates must be finite numbers (got NaN or infinity)")
    if (np.abs(lat_a) > 90).any():
        raise InvalidCoordinate(f"latitude must be within -90..90, got {lat_a[np.abs(lat_a) > 90][0]:g}")
    if (np.abs(lon_a) > 180).any():
        raise InvalidCoordinate(f"longitude must be within -180..180, got {lon_a[np.abs(lon_a) > 180][0]:g}")
    return lon_a, lat_a


# Beyond this distance from the region's centre the local projection is not trusted (and at the
# far side of the Earth it is undefined): such points are measured by brute force instead.
REGION_CENTRE = (62.2, 27.5)
LOCAL_RADIUS_M = 2_500_000.0
FAR_DENSIFY_M = 1_000.0


class BorderIndex:
    """The border's segments in the local projection, with an STRtree to find the nearest."""

    def __init__(self, line: LineString):
        self.line = line
        x, y = _TO_LOCAL.transform(*np.asarray(line.coords).T)
        self.start = np.column_stack([x[:-1], y[:-1]])
        self.end = np.column_stack([x[1:], y[1:]])
        # Small nodes: the nearest-segment search was twice as fast with 2 as with the default 10
        # (bench/measure_bench.py).
        self.tree = shapely.STRtree(shapely.linestrings(np.stack([self.start, self.end], axis=1)), node_capacity=2)

    def nearest_lonlat(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Nearest border point (lon, lat) for each input point."""
        px, py = _TO_LOCAL.transform(lon, lat)
        pts = shapely.points(px, py)
        idx_pt, idx_seg = self.tree.query_nearest(pts, all_matches=False)
        order = np.argsort(idx_pt)
        seg = idx_seg[order]
        a, b = self.start[seg], self.end[seg]
        ab = b - a
        ap = np.column_stack([px, py]) - a
        denom = np.einsum("ij,ij->i", ab, ab)
        t = np.clip(np.einsum("ij,ij->i", ap, ab) / np.where(denom == 0, 1, denom), 0.0, 1.0)
        q = a + ab * t[:, None]
        return _TO_LONLAT.transform(q[:, 0], q[:, 1])

    @property
    def dense(self) -> tuple[np.ndarray, np.ndarray]:
        """The border densified along geodesics every FAR_DENSIFY_M metres (for far points)."""
        if not hasattr(self, "_dense"):
            lons, lats = [], []
            coords = list(self.line.coords)
            for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:], strict=True):
                lons.append(x0)
                lats.append(y0)
                n = int(GEOD.inv(x0, y0, x1, y1)[2] // FAR_DENSIFY_M)
                for x, y in GEOD.npts(x0, y0, x1, y1, n) if n else []:
                    lons.append(x)
                    lats.append(y)
            lons.append(coords[-1][0])
            lats.append(coords[-1][1])
            self._dense = (np.array(lons), np.array(lats))
        return self._dense

    def nearest_far(self, lon: float, lat: float) -> tuple[float, float]:
        """Nearest densified border point by brute force: within a few metres for far points."""
        dl, dp = self.dense
        _, _, d = GEOD.inv(np.full(dl.shape, lon), np.full(dp.shape, lat), dl, dp)
        i = int(np.argmin(d))
        return float(dl[i]), float(dp[i])


def border_index(resolution: Resolution = DEFAULT_RESOLUTION) -> BorderIndex:
    return _border_index(resolution, boundaries.data_dir())


@lru_cache(maxsize=8)
def _border_index(resolution: Resolution, folder: str) -> BorderIndex:
    return BorderIndex(boundaries.border(resolution))


@dataclass(frozen=True)
class BorderDistance:
    """Distance from one point to the border. ``distance_m`` is in metres (geodesic, WGS84)."""

    lon: float
    lat: float
    distance_m: float
    nearest_lon: float
    nearest_lat: float
    country: str | None  # ISO A3 of the side the point is on, None outside PAK/IRN
    province: str | None
    resolution: str

    @property
    def distance_km(self) -> float:
        """Distance in kilometres."""
        return self.distance_m / 1000.0


def distances_to_border(lon, lat, resolution: Resolution = DEFAULT_RESOLUTION):
    """Geodesic distance from many points to the border.

    Parameters: ``lon``, ``lat`` array-likes in degrees (WGS84). Returns
    ``(distance_m, nearest_lon, nearest_lat)`` as arrays; distances in **metres**. Within
    2,500 km of the region the nearest point is exact (see the module docstring); beyond, it is
    the nearest of points 1 km apart along the border, which overstates the distance by
    centimetres at such ranges.
    """
    lon_a, lat_a = validate_lonlat(lon, lat)
    index = border_index(resolution)
    _, _, from_centre = GEOD.inv(
        np.full(lon_a.shape, REGION_CENTRE[0]), np.full(lat_a.shape, REGION_CENTRE[1]), lon_a, lat_a
    )
    near = np.asarray(from_centre) <= LOCAL_RADIUS_M
    nlon = np.empty_like(lon_a)
    nlat = np.empty_like(lat_a)
    if near.any():
        nlon[near], nlat[near] = index.nearest_lonlat(lon_a[near], lat_a[near])
    for i in np.flatnonzero(~near):
        nlon[i], nlat[i] = index.nearest_far(lon_a[i], lat_a[i])
    _, _, dist = GEOD.inv(lon_a, lat_a, nlon, nlat)
    return np.asarray(dist, dtype=float), nlon, nlat


def _one_point(lon, lat) -> tuple[float, float]:
    lon_a, lat_a = validate_lonlat(lon, lat)
    if lon_a.size != 1:
        raise InvalidCoordinate(f"expected one point, got {lon_a.size}")
    return float(lon_a[0]), float(lat_a[0])


def distance_to_border(lon: float, lat: float, resolution: Resolution = DEFAULT_RESOLUTION) -> BorderDistance:
    """Geodesic distance in **metres** from one point to the border, with side and province."""
    lon, lat = _one_point(lon, lat)
    dist, nlon, nlat = distances_to_border(lon, lat, resolution)
    country, province = locate(lon, lat, resolution)
    return BorderDistance(lon, lat, float(dist[0]), float(nlon[0]), float(nlat[0]), country, province, resolution)


def locate(lon: float, lat: float, resolution: Resolution = DEFAULT_RESOLUTION) -> tuple[str | None, str | None]:
    """Which country (ISO A3) and province a point lies in.

    The side is decided with the country polygons of the chosen border resolution (the OSM
    ones cover only the border region; outside it Natural Earth decides). The province comes
    from Natural Earth admin-1; a point on the chosen side but outside that side's Natural Earth
    province only by the two datasets' disagreement (within 5 km, measured in local metres)
    still gets the province of its side.
    """
    pt = Point(*_one_point(lon, lat))
    country = _country_at(pt, resolution)
    provinces = _province_shapes(boundaries.data_dir())
    hit = next(((name, iso) for name, iso, poly, _ in provinces if poly.contains(pt)), None)
    province = hit[0] if hit else None
    if country is not None and (hit is None or hit[1] != country):
        local = shapely.Point(*_TO_LOCAL.transform(pt.x, pt.y))
        province = next(
            (name for name, iso, _, poly_local in provinces if iso == country and poly_local.distance(local) < 5_000),
            None,
        )
    return country, province


@lru_cache(maxsize=4)
def _country_shapes(resolution: Resolution, folder: str) -> tuple[tuple[str, object], ...]:
    """(iso_a3, prepared polygon) per country: read once, tested many times."""
    frame = boundaries.countries(resolution)
    out = []
    for iso, geom in zip(frame["iso_a3"], frame.geometry, strict=True):
        shapely.prepare(geom)
        out.append((str(iso), geom))
    return tuple(out)


@lru_cache(maxsize=4)
def _province_shapes(folder: str) -> tuple[tuple[str, str, object, object], ...]:
    """(name, iso_a3, prepared lon/lat polygon, polygon in local metres) per province."""
    frame = boundaries.provinces()
    local = frame.to_crs(LOCAL_CRS)
    out = []
    for name, iso, geom, geom_local in zip(frame["name"], frame["iso_a3"], frame.geometry, local.geometry, strict=True):
        shapely.prepare(geom)
        out.append((str(name), str(iso), geom, geom_local))
    return tuple(out)


def _country_at(pt: Point, resolution: Resolution) -> str | None:
    # The OSM polygons cover only the border region and cut out lakes (Hamun-i-Mashkel):
    # where they say nothing, Natural Earth decides.
    for res in ("osm", "ne10m") if resolution == "osm" else ("ne10m",):
        for iso, poly in _country_shapes(res, boundaries.data_dir()):
            if poly.contains(pt):
                return iso
    return None


def metres_outside(lon: float, lat: float, polygon) -> float:
    """Geodesic distance (m) from a point to a polygon, 0 inside. An azimuthal equidistant
    projection centred on the point keeps every distance from it true."""
    if polygon.covers(Point(lon, lat)):
        return 0.0
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    to_local = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    local = shapely.transform(polygon, lambda xy: np.column_stack(to_local.transform(xy[:, 0], xy[:, 1])))
    return float(shapely.distance(Point(0, 0), local))


def border_length_m(resolution: Resolution = DEFAULT_RESOLUTION) -> float:
    """Geodesic length of the border in **metres** (sum of ellipsoidal segment lengths)."""
    return _border_length_m(resolution, boundaries.data_dir())


@lru_cache(maxsize=8)
def _border_length_m(resolution: Resolution, folder: str) -> float:
    return float(GEOD.geometry_length(boundaries.border(resolution)))


def _buffer_local(distance_m: float, resolution: Resolution) -> Polygon:
    """Buffer of the border by ``distance_m`` (metres) in the local projection, corrected so
    that every vertex of its outline lies at exactly ``distance_m`` geodesically from the border."""
    line = boundaries.border(resolution)
    x, y = _TO_LOCAL.transform(*np.asarray(line.coords).T)
    buf = shapely.buffer(LineString(np.column_stack([x, y])), distance_m, quad_segs=16)
    # Curves at these distances are smooth: 50 m simplification keeps the band faithful and light.
    buf = buf.simplify(50.0)
    rings = [buf.exterior, *buf.interiors]
    fixed = []
    for ring in rings:
        rx, ry = np.asarray(ring.coords).T
        lon, lat = _TO_LONLAT.transform(rx, ry)
        _, nlon, nlat = distances_to_border(lon, lat, resolution)
        az, _, _ = GEOD.inv(nlon, nlat, lon, lat)
        flon, flat, _ = GEOD.fwd(nlon, nlat, az, np.full(len(lon), distance_m))
        fixed.append(np.column_stack([flon, flat]))
    # Moving vertices can make tiny loops where two arcs of the outline meet: repair, then drop
    # the slivers that repair leaves.
    repaired = shapely.make_valid(Polygon(fixed[0], fixed[1:]))
    parts = [g for g in getattr(repaired, "geoms", [repaired]) if g.geom_type == "Polygon"]
    biggest = max(p.area for p in parts)
    return shapely.union_all([p for p in parts if p.area > 0.01 * biggest])


def depth_band(low_m: float, high_m: float, country: str, resolution: Resolution = DEFAULT_RESOLUTION):
    """Points between ``low_m`` and ``high_m`` metres (geodesic) from the border inside ``country``.

    Returns a shapely (Multi)Polygon in lon/lat, for drawing a stated depth as a band.
    """
    if not (0 <= low_m < high_m <= MAX_DEPTH_M):
        raise ValueError(f"depth band must satisfy 0 <= low < high <= {MAX_DEPTH_M:.0f} m, got {low_m}..{high_m}")
    outer = _buffer_local(high_m, resolution)
    inner = _buffer_local(low_m, resolution) if low_m > 0 else None
    band = outer.difference(inner) if inner is not None else outer
    return shapely.make_valid(band.intersection(boundaries.country_polygon(country)))


def depth_line(distance_m: float, country: str, resolution: Resolution = DEFAULT_RESOLUTION):
    """The line of points at ``distance_m`` metres (geodesic) from the border inside ``country``.

    Returns a shapely (Multi)LineString in lon/lat.
    """
    if not (0 < distance_m <= MAX_DEPTH_M):
        raise ValueError(f"depth must be within 0..{MAX_DEPTH_M:.0f} m, got {distance_m}")
    outline = _buffer_local(distance_m, resolution).boundary
    out = outline.intersection(boundaries.country_polygon(country))
    if out.geom_type == "GeometryCollection":
        out = MultiLineString([g for g in out.geoms if g.geom_type == "LineString"])
    return out


def distance_range_m(lon: float, lat: float, radius_m: float, resolution: Resolution = DEFAULT_RESOLUTION):
    """Range of geodesic distances (metres) to the border over a circle of ``radius_m`` metres.

    The centre's distance ``d`` gives ``max(0, d - r) .. d + r`` exactly for the minimum when
    the circle does not reach the border (the nearest point moves straight towards the
    border); the maximum is measured on 72 points of the circle's rim. Returns
    ``(low_m, centre_m, high_m)``.
    """
    lon, lat = _one_point(lon, lat)
    return _distance_range_m(lon, lat, float(radius_m), resolution, boundaries.data_dir())


@lru_cache(maxsize=256)
def _distance_range_m(lon: float, lat: float, radius_m: float, resolution: Resolution, folder: str):
    d = float(distances_to_border(lon, lat, resolution)[0][0])
    if radius_m <= 0:
        return d, d, d
    az = np.linspace(0, 360, 72, endpoint=False)
    rlon, rlat, _ = GEOD.fwd(np.full(72, lon), np.full(72, lat), az, np.full(72, radius_m))
    rim, _, _ = distances_to_border(rlon, rlat, resolution)
    low = max(0.0, d - radius_m) if d > radius_m else 0.0
    return low, d, float(max(rim.max(), d))


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.spatial.measure", description="Geodesic border measurements")
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("distance", help="distance from a point to the Iran–Pakistan border")
    d.add_argument("--lat", required=True, type=float)
    d.add_argument("--lon", required=True, type=float)
    for p in (d, sub.add_parser("length", help="geodesic length of the border")):
        p.add_argument("--border", choices=list(boundaries.BORDERS), default=DEFAULT_RESOLUTION)
        p.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "distance":
            r = distance_to_border(args.lon, args.lat, args.border)
            if args.json:
                print(json.dumps({**asdict(r), "distance_km": round(r.distance_km, 3)}))
            else:
                print(
                    f"{r.distance_km:.2f} km to the {args.border} border; nearest border point "
                    f"{r.nearest_lat:.5f}, {r.nearest_lon:.5f} (lat, lon); "
                    f"country {r.country or 'outside Pakistan and Iran'}; province {r.province or 'n/a'}"
                )
        else:
            km = border_length_m(args.border) / 1000
            print(json.dumps({"border": args.border, "length_km": round(km, 1)}) if args.json else f"{km:.1f} km")
    except (InvalidCoordinate, boundaries.BoundaryDataError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(_main())
