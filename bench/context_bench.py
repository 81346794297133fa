"""Import throughput for ACLED / UCDP GED context files: read and validate a 100,000-row CSV,
then measure every row's geodesic distance to the border, vectorised.

Prints figures next to a baseline from the same run: the same distances one row at a time
(``measure.distance_to_border`` per row, timed on a sample and scaled). Asserts nothing.
``--slow`` swaps the vectorised path for the per-row one, to check the figure can move.

Usage: python bench/context_bench.py [--rows 100000] [--slow]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.core import context  # noqa: E402
from geo.spatial import measure  # noqa: E402
from tests.context_files import acled_rows, to_csv  # noqa: E402


def synthetic(n: int) -> bytes:
    """n ACLED rows spread over Balochistan and Sistan and Baluchestan (fixed seed)."""
    rng = np.random.default_rng(7)
    template = acled_rows(1)[0]
    lat = rng.uniform(25.2, 30.5, n)
    lon = rng.uniform(58.5, 66.5, n)
    rows = [
        {**template, "event_id_cnty": f"BENCH{i}", "latitude": f"{lat[i]:.4f}", "longitude": f"{lon[i]:.4f}"}
        for i in range(n)
    ]
    return to_csv(rows)


def per_row_km(events) -> np.ndarray:
    return np.array([measure.distance_to_border(e.lon, e.lat).distance_km for e in events])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--slow", action="store_true", help="measure one row at a time (the baseline's way)")
    args = ap.parse_args()
    data = synthetic(args.rows)
    measure.distance_to_border(62.0, 27.0)  # load the border and its index once, outside the timings

    t0 = time.perf_counter()
    events = context.read_csv(data, "bench.csv")
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    dist = per_row_km(events) if args.slow else context.border_distances_km(events)
    t_dist = time.perf_counter() - t0

    sample = events[:2_000]
    t0 = time.perf_counter()
    base = per_row_km(sample)
    t_base = (time.perf_counter() - t0) * len(events) / len(sample)
    agree = float(np.max(np.abs(base - dist[: len(sample)])))

    print(f"rows: {len(events):,} ({len(data) / 1e6:.1f} MB CSV){' [--slow]' if args.slow else ''}")
    print(f"read and validate: {t_read:.2f} s ({len(events) / t_read:,.0f} rows/s)")
    print(f"distances to the border: {t_dist:.2f} s ({len(events) / t_dist:,.0f} rows/s)")
    print(f"baseline, one row at a time (2,000-row sample, scaled): {t_base:.1f} s")
    print(f"speed-up over the baseline: {t_base / t_dist:.1f}x; largest difference: {agree * 1000:.3f} m")


if __name__ == "__main__":
    main()
