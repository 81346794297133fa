"""Distance throughput and accuracy of geo.spatial.measure (the map payload is in bench/map_bench.py).

Prints figures; asserts nothing (target: >= 50k points/s for 100k points).
Usage: python bench/measure_bench.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
from pyproj import Geod

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.spatial import boundaries, measure  # noqa: E402

GEOD = Geod(ellps="WGS84")


def reference_min(lon, lat, ref_lon, ref_lat):
    _, _, d = GEOD.inv(np.full(ref_lon.shape, lon), np.full(ref_lat.shape, lat), ref_lon, ref_lat)
    return d.min()


def densify(line, step_m=10.0):
    lons, lats = [], []
    coords = list(line.coords)
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:], strict=True):
        _, _, d = GEOD.inv(x0, y0, x1, y1)
        lons.append(x0)
        lats.append(y0)
        n = int(d // step_m)
        if n:
            pts = GEOD.npts(x0, y0, x1, y1, n)
            lons += [p[0] for p in pts]
            lats += [p[1] for p in pts]
    return np.array(lons), np.array(lats)


def main() -> None:
    rng = np.random.default_rng(1)
    n = 100_000
    lon = rng.uniform(59.0, 66.0, n)
    lat = rng.uniform(24.5, 31.0, n)
    for res in boundaries.RESOLUTIONS:
        measure.distances_to_border(lon[:10], lat[:10], res)  # build the index once
        times = []
        for _ in range(5):
            t = time.perf_counter()
            d, _, _ = measure.distances_to_border(lon, lat, res)
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        ref_lon, ref_lat = densify(boundaries.border(res))
        sample = rng.choice(n, 40, replace=False)
        err = max(abs(d[i] - reference_min(lon[i], lat[i], ref_lon, ref_lat)) for i in sample)
        print(
            f"{res:6s} distance: {n / med:,.0f} points/s (median of 5 runs of {n:,}; {med:.2f} s); "
            f"max error vs 10 m geodesic reference on 40 points: {err:.3f} m"
        )


if __name__ == "__main__":
    main()
