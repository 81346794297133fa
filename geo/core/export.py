"""Exports of claims (CSV), events (GeoJSON, RFC 7946) and findings (JSON).

Used by the app's download buttons (on exactly the filtered view) and by the command line::

    python -m geo.core.export claims --format csv
    python -m geo.core.export events --format geojson
    python -m geo.core.export findings --format json
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable

from geo.core.dataset import Dataset, DatasetError, load_dataset
from geo.core.findings import Finding, find_discrepancies
from geo.core.model import Claim, Event, value_text

CLAIM_COLUMNS = [
    "claim_id",
    "event_id",
    "source_id",
    "source_file",
    "source_title",
    "source_author",
    "source_outlet",
    "claimant",
    "claimant_type",
    "kind",
    "value",
    "unit",
    "qualifier",
    "breakdown",
    "victims",
    "quote",
    "quote_start",
    "quote_end",
    "note",
    "revises",
]


def _csv_safe(value: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection): a cell may not start with = + - @."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def claims_rows(ds: Dataset, claims: Iterable[Claim]) -> list[dict]:
    rows = []
    for c in claims:
        s = ds.sources[c.source]
        rows.append(
            {
                "claim_id": c.id,
                "event_id": c.event,
                "source_id": c.source,
                "source_file": s.file,
                "source_title": s.title or "",
                "source_author": s.author or "",
                "source_outlet": s.outlet or "",
                "claimant": c.claimant,
                "claimant_type": c.claimant_type,
                "kind": c.kind,
                "value": value_text(c.value),
                "unit": c.unit or "",
                "qualifier": c.qualifier or "",
                "breakdown": "; ".join(f"{k}={v}" for k, v in (c.breakdown or {}).items()),
                "victims": c.victims or "",
                "quote": c.quote,
                "quote_start": c.quote_start,
                "quote_end": c.quote_end,
                "note": c.note or "",
                "revises": c.revises or "",  # the same claimant's earlier claim this one updates
            }
        )
    return rows


def claims_csv(ds: Dataset, claims: Iterable[Claim] | None = None) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in claims_rows(ds, ds.claims.values() if claims is None else claims):
        w.writerow({k: _csv_safe(v) if isinstance(v, str) else v for k, v in row.items()})
    return buf.getvalue()


def events_geojson(ds: Dataset, events: Iterable[Event] | None = None, claims: Iterable[Claim] | None = None) -> dict:
    """Events with a place as RFC 7946 Point features (lon, lat), with a summary of their claims.

    The sources of the included claims are listed in the collection's ``sources`` member.
    """
    claims = list(ds.claims.values() if claims is None else claims)
    features = []
    used_sources = set()
    for e in ds.events.values() if events is None else events:
        place = ds.place_of(e)
        if place is None:
            continue
        ecl = [c for c in claims if c.event == e.id]
        used_sources |= {c.source for c in ecl}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": {
                    "event_id": e.id,
                    "title": e.title,
                    "type": e.type,
                    "date": e.date.isoformat(),
                    "date_precision": e.date_precision,
                    "timezone": e.timezone,
                    "actor": e.actor,
                    "country": place.country,
                    "target_country": e.target_country,
                    "place": place.name,
                    "precision": place.precision,
                    "where_prec": place.where_prec,
                    "uncertainty_km": place.uncertainty_km,
                    "claims_summary": [
                        {
                            "claim_id": c.id,
                            "source_id": c.source,
                            "claimant": c.claimant,
                            "kind": c.kind,
                            "value": c.value_label(),
                        }
                        for c in ecl
                    ],
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "sources": [ds.sources[s].model_dump(mode="json") for s in sorted(used_sources)],
    }


def findings_json(findings: Iterable[Finding]) -> list[dict]:
    return [f.to_dict() for f in findings]


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.core.export", description="Export claims, events or findings")
    ap.add_argument("what", choices=["claims", "events", "findings"])
    ap.add_argument("--format", choices=["csv", "geojson", "json"], required=True)
    args = ap.parse_args(argv)
    allowed = {"claims": "csv", "events": "geojson", "findings": "json"}
    if args.format != allowed[args.what]:
        print(f"error: {args.what} export as {allowed[args.what]}, not {args.format}", file=sys.stderr)
        return 2
    try:
        ds = load_dataset()
    except DatasetError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.what == "claims":
        sys.stdout.write(claims_csv(ds))
    elif args.what == "events":
        print(json.dumps(events_geojson(ds), ensure_ascii=False, indent=1))
    else:
        print(json.dumps(findings_json(find_discrepancies(ds)), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
