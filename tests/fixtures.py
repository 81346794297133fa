"""A tiny, valid dataset written to a temporary folder, for tests that break it on purpose."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

SOURCE_TEXT = (
    "Officials said the strike killed nine people near the town. "
    "Another account said three women, two men and four children died about 90 km inside the country.\n"
)

RECORDS = {
    "sources": [
        {
            "id": "t1",
            "file": "t1.txt",
            "title": "Test report",
            "author": None,
            "outlet": None,
            "date": None,
            "date_precision": None,
            "kind": "news_report",
            "argument": "A test source.",
        },
    ],
    "places": [
        {
            "id": "sv",
            "name": "near Saravan",
            "lon": 62.331,
            "lat": 27.371,
            "admin1": "Sistan and Baluchestan",
            "country": "IRN",
            "precision": "town",
            "uncertainty_km": 20,
            "geonames_id": 1159713,
            "basis": "GeoNames",
        },
    ],
    "events": [
        {
            "id": "ev",
            "title": "A strike",
            "type": "strike",
            "actor": "PAK",
            "target_country": "IRN",
            "place": "sv",
            "date": "2024-01-18",
            "date_precision": "day",
            "date_basis": "test",
            "timezone": "Asia/Tehran",
            "description": "A test event.",
        },
    ],
    "claims": [
        {
            "id": "k1",
            "event": "ev",
            "source": "t1",
            "claimant": "Officials",
            "claimant_type": "pakistan_official",
            "kind": "killed",
            "value": 9,
            "unit": "people",
            "qualifier": "exact",
            "victims": "militants",
            "quote": "Officials said the strike killed nine people near the town.",
            "quote_start": 0,
            "quote_end": 59,
        },
        {
            "id": "k2",
            "event": "ev",
            "source": "t1",
            "claimant": "Another account",
            "claimant_type": "iran_official",
            "kind": "killed",
            "value": 9,
            "unit": "people",
            "qualifier": "exact",
            "breakdown": {"women": 3, "men": 2, "children": 4},
            "victims": "civilians",
            "quote": "Another account said three women, two men and four children died about 90 km inside the country.",
            "quote_start": 60,
            "quote_end": 156,
        },
        {
            "id": "d1",
            "event": "ev",
            "source": "t1",
            "claimant": "Another account",
            "claimant_type": "iran_official",
            "kind": "depth",
            "value": 90,
            "unit": "km",
            "qualifier": "about",
            "quote": "Another account said three women, two men and four children died about 90 km inside the country.",
            "quote_start": 60,
            "quote_end": 156,
        },
    ],
}


def write_dataset(root: Path, records: dict | None = None, text: str = SOURCE_TEXT) -> tuple[Path, Path]:
    """Write the records (default: the valid fixture) and the source text t1.txt as files.

    Returns (data_dir, sources_dir).
    """
    records = copy.deepcopy(RECORDS if records is None else records)
    data, src = root / "data", root / "sources"
    data.mkdir(parents=True, exist_ok=True)
    src.mkdir(parents=True, exist_ok=True)
    (src / "t1.txt").write_text(text, encoding="utf-8")
    for stem, recs in records.items():
        (data / f"{stem}.yaml").write_text(yaml.safe_dump(recs, allow_unicode=True, sort_keys=False), "utf-8")
    return data, src


def claim(cid: str, source: str, event: str = "e", **kw):
    """A hand-made claim for rule tests: 9 killed, quote "q", whatever ``kw`` overrides."""
    from geo.core.model import Claim

    base = dict(
        id=cid,
        event=event,
        source=source,
        claimant="x",
        claimant_type="author",
        kind="killed",
        value=9.0,
        quote="q",
        quote_start=0,
        quote_end=1,
    )
    return Claim(**{**base, **kw})
