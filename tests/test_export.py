"""geo.core.export: CSV columns, RFC 7946 GeoJSON, findings JSON and the command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from geo.core.dataset import load_dataset
from geo.core.export import claims_csv, events_geojson
from tests.fixtures import write_dataset

REQUIRED = (
    "claim_id, event_id, source_id, source_file, claimant, kind, value, unit, qualifier, breakdown, victims, "
    "quote, quote_start, quote_end"
)


def test_claims_csv_columns_and_rows(dataset):
    rows = list(csv.DictReader(io.StringIO(claims_csv(dataset))))
    assert set(REQUIRED.split(", ")) <= set(rows[0])
    assert len(rows) == len(dataset.claims)
    row = next(r for r in rows if r["claim_id"] == "c-sv-killed-003")
    assert row["breakdown"] == "women=3; men=2; children=4" and row["value"] == "9"


def test_csv_neutralises_formulas(tmp_path):
    import copy

    from tests.fixtures import RECORDS

    records = copy.deepcopy(RECORDS)
    records["claims"][0]["claimant"] = '=HYPERLINK("http://x")'
    data, src = write_dataset(tmp_path, records)
    text = claims_csv(load_dataset(data, src))
    assert "\"'=HYPERLINK" in text


def test_events_geojson_is_rfc7946(dataset):
    fc = events_geojson(dataset)
    f = next(f for f in fc["features"] if f["properties"]["event_id"] == "pakistan-strike-saravan")
    lon, lat = f["geometry"]["coordinates"]
    assert 60 < lon < 64 and 26 < lat < 29  # lon first
    for key in ("event_id", "date", "country", "precision", "uncertainty_km", "claims_summary"):
        assert key in f["properties"]
    assert {s["id"] for s in fc["sources"]} == set(dataset.sources)


def test_cli_exports():
    run = lambda *a: subprocess.run([sys.executable, "-m", "geo.core.export", *a], capture_output=True, text=True)  # noqa: E731
    assert run("claims", "--format", "csv").stdout.startswith("claim_id,")
    assert json.loads(run("events", "--format", "geojson").stdout)["type"] == "FeatureCollection"
    assert any(f["type"] == "depth_vs_measured" for f in json.loads(run("findings", "--format", "json").stdout))
    bad = run("claims", "--format", "geojson")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
