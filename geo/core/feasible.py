"""Where a strike must lie if a stated depth were true, and how much of its place that leaves.

A depth claim ("more than 50 km into Pakistan") allows a band of distances from the border
inside the target country. Its qualifier makes the band (as the Methodology page states):
"about" ±10 %, "more than" / "at least" open above, "up to" / "less than" from the border, and an
exact figure is read to the kilometre (±1 km). The *feasible region* is that band intersected
with the uncertainty area of the place the event is geocoded to: where the strike could be if
both the claim and the place are right.

The verdict is geometric: the share of the place's uncertainty area inside the band. All of it:
consistent; none: inconsistent; some: partly, with the share. Areas are computed in metres on a
Lambert azimuthal equal-area projection centred on the place, never in degrees or Web Mercator;
the band itself is built geodesically (``geo.spatial.measure.depth_band``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer

from geo.core.dataset import Dataset
from geo.core.model import Claim
from geo.spatial import boundaries, measure

COARSE_PRECISIONS = frozenset({"province", "country"})  # too coarse to confirm or refute a depth
EXACT_KM = 1.0  # an exact figure is read to the kilometre
FULL = 0.995  # a share this close to 1 is all of it (the circle is a 144-gon)


@dataclass(frozen=True)
class Feasible:
    """One depth claim's feasible region and geometric verdict."""

    claim: str
    low_km: float
    high_km: float  # the band searched; an open band ends just beyond the place's farthest point
    open_ended: bool
    band: object  # lon/lat: the whole band inside the target country (empty when not computed)
    region: object  # lon/lat: the band inside the place's uncertainty area
    region_km2: float
    place_km2: float  # the uncertainty area's (0 for a point)
    share: float  # of the uncertainty area inside the band, 0..1
    verdict: str  # "consistent", "partly", "inconsistent" or "cannot tell"
    why: str

    def describe(self) -> str:
        """One sentence: the band, the region's area, the share and the verdict."""
        band = f"{self.low_km:g} km and beyond" if self.open_ended else f"{self.low_km:g}–{self.high_km:g} km"
        if self.verdict == "cannot tell":
            return f"Band {band} from the border: cannot tell, {self.why}."
        return (
            f"Band {band} from the border; feasible region {self.region_km2:,.0f} km², "
            f"{self.share:.0%} of the location's uncertainty area ({self.place_km2:,.0f} km²): {self.verdict}."
        )


def interval_km(c: Claim, farthest_km: float) -> tuple[float, float, bool]:
    """The band a depth claim allows (km), its open upper end cut just beyond ``farthest_km``
    (nothing farther can change the region); and whether it was open."""
    lo, hi = c.interval()
    if lo == hi:
        lo, hi = max(lo - EXACT_KM, 0.0), hi + EXACT_KM
    open_ended = math.isinf(hi)
    if open_ended:
        hi = max(farthest_km + 1.0, lo + 1.0)
    return lo, min(hi, measure.MAX_DEPTH_M / 1000), open_ended


def geodesic_circle(lon: float, lat: float, radius_m: float, n: int = 144) -> shapely.Polygon:
    """A geodesic circle as a lon/lat polygon (every vertex exactly ``radius_m`` from the centre)."""
    az = np.linspace(0, 360, n, endpoint=False)
    x, y, _ = measure.GEOD.fwd(np.full(n, lon), np.full(n, lat), az, np.full(n, radius_m))
    return shapely.Polygon(np.column_stack([x, y]))


def _equal_area(lon: float, lat: float):
    """lon/lat -> metres on a Lambert azimuthal equal-area projection centred at (lon, lat)."""
    t = Transformer.from_crs("EPSG:4326", f"+proj=laea +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m", always_xy=True)
    return lambda g: shapely.transform(g, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


@lru_cache(maxsize=64)
def _band(lo_km: float, hi_km: float, country: str, resolution: str):
    if hi_km <= lo_km:
        return shapely.Polygon()
    return measure.depth_band(lo_km * 1000, hi_km * 1000, country, resolution)


def feasible(ds: Dataset, c: Claim, resolution: boundaries.Resolution = "osm") -> Feasible | None:
    """The feasible region of a depth claim about its event's place (None: not a depth figure,
    or its event has no place or target country). Raises BoundaryDataError when the border
    cannot be read."""
    event = ds.events.get(c.event)
    place = ds.place_of(event) if event else None
    if c.kind != "depth" or c.interval() is None or place is None or event.target_country not in ("PAK", "IRN"):
        return None
    return region_for(c, place.lon, place.lat, place.uncertainty_km, place.precision, event.target_country, resolution)


def region_for(
    c: Claim,
    lon: float,
    lat: float,
    radius_km: float,
    precision: str,
    country: str,
    resolution: boundaries.Resolution = "osm",
) -> Feasible:
    """The feasible region of depth claim ``c`` for a place at (lon, lat) known to ±``radius_km``
    (``precision``: coarse places cannot tell), the strike being in ``country``."""
    radius = radius_km * 1000
    _, _, far_m = measure.distance_range_m(lon, lat, radius, resolution)
    lo, hi, open_ended = interval_km(c, far_m / 1000)
    empty = shapely.Polygon()
    side, _ = measure.locate(lon, lat, resolution)
    if precision in COARSE_PRECISIONS or side != country:
        why = (
            f"the location is known only to {precision} level"
            if precision in COARSE_PRECISIONS
            else "the place is not inside the target country"
        )
        return Feasible(c.id, lo, hi, open_ended, empty, empty, 0.0, 0.0, 0.0, "cannot tell", why)
    band = _band(lo, hi, country, resolution)
    if radius <= 0:  # a point: inside the band or not
        d = measure.distance_to_border(lon, lat, resolution).distance_km
        inside = lo <= d <= hi
        verdict = "consistent" if inside else "inconsistent"
        why = f"the place, a point, is {d:.1f} km from the border"
        return Feasible(c.id, lo, hi, open_ended, band, empty, 0.0, 0.0, float(inside), verdict, why)
    circle = geodesic_circle(lon, lat, radius)
    to_m = _equal_area(lon, lat)
    region = band.intersection(circle)  # in lon/lat for drawing; measured below in metres
    region_m2 = to_m(band).intersection(to_m(circle)).area
    circle_m2 = to_m(circle).area
    share = min(region_m2 / circle_m2, 1.0)
    if share >= FULL:
        verdict, why = "consistent", "all of the location's uncertainty area lies in the band"
    elif share <= 0:
        verdict, why = "inconsistent", "no part of the location's uncertainty area lies in the band"
    else:
        verdict, why = "partly", f"{share:.0%} of the location's uncertainty area lies in the band"
    return Feasible(c.id, lo, hi, open_ended, band, region, region_m2 / 1e6, circle_m2 / 1e6, share, verdict, why)


@dataclass(frozen=True)
class Sketch:
    """What the Claims page draws of a feasible region: geometries in kilometres on the equal-area
    projection, the place at the origin, clipped to a square window of ``half_km`` around it."""

    feasible: Feasible
    place: str
    half_km: float
    band: object
    region: object
    circle: object
    border: object


def sketch(ds: Dataset, c: Claim, resolution: boundaries.Resolution = "osm") -> Sketch | None:
    """The drawing of ``c``'s feasible region with the border nearby (None: not a depth figure)."""
    f = feasible(ds, c, resolution)
    if f is None:
        return None
    place = ds.place_of(ds.events[c.event])
    r_km = place.uncertainty_km
    _, d_m, _ = measure.distance_range_m(place.lon, place.lat, r_km * 1000, resolution)  # cached by region_for
    d_km = d_m / 1000
    half = max(1.6 * r_km, min(1.15 * d_km + 2.0, 150.0), 5.0)  # the circle, and the border if near
    to_m = _equal_area(place.lon, place.lat)
    window = shapely.box(-half * 1000, -half * 1000, half * 1000, half * 1000)

    def km(g):
        if g is None or g.is_empty:
            return shapely.Polygon()
        clipped = to_m(g).intersection(window).simplify(half * 2.5)  # ~1/400 of the window, in metres
        return shapely.transform(clipped, lambda xy: xy / 1000)

    circle = geodesic_circle(place.lon, place.lat, r_km * 1000) if r_km > 0 else shapely.Point(place.lon, place.lat)
    band = f.band
    if f.open_ended and not band.is_empty:  # drawn on past the window's edge: "and beyond" has no end
        far = min(d_km + 1.5 * half, measure.MAX_DEPTH_M / 1000)
        band = _band(f.low_km, max(far, f.high_km), ds.events[c.event].target_country, resolution)
    return Sketch(f, place.name, half, km(band), km(f.region), km(circle), km(boundaries.border(resolution)))
