"""ACLED and UCDP GED exports read as *context*: the conflict data analysts already hold, set
beside the claims but never mixed with them.

Each dataset is read by its published column names (ACLED's export CSV; UCDP GED's CSV), with
pandas. Its fatality fields stay what they are: ACLED gives one figure (``fatalities``), UCDP a
best estimate with a low and a high one. Its location precision is mapped onto this project's
scale (see :data:`PRECISION`, stated on the Methodology page). A file with a wrong or missing
column, a bad date or a coordinate out of range gives one :class:`ContextError` that lists every
bad row and field, and nothing of it is kept.
"""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
import pandas as pd

from geo.spatial import measure

Dataset = Literal["ACLED", "UCDP GED"]
MAX_BYTES = 50_000_000
MAX_ROWS = 500_000
COLUMNS: dict[str, tuple[str, ...]] = {
    "ACLED": (
        "event_id_cnty",
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
    ),
    "UCDP GED": (
        "id",
        "date_start",
        "date_end",
        "side_a",
        "side_b",
        "latitude",
        "longitude",
        "where_prec",
        "best",
        "low",
        "high",
        "source_article",
    ),
}
# Their precision codes on this project's scale, with the radius (km) drawn around the point.
# ACLED geo_precision: 1 the town itself, 2 near a town or a part of a district, 3 only a larger
# region (a province). UCDP where_prec: 1 exact, 2 within 25 km of a known point, 3 a district
# (ADM2), 4 a province (ADM1), 5 a part of a country, 6 the country, 7 waters or airspace.
PRECISION: dict[Dataset, dict[int, tuple[str, float]]] = {
    "ACLED": {1: ("town", 5.0), 2: ("district", 25.0), 3: ("province", 100.0)},
    "UCDP GED": {
        1: ("exact", 1.0),
        2: ("town", 25.0),
        3: ("district", 50.0),
        4: ("province", 100.0),
        5: ("province", 200.0),
        6: ("country", 500.0),
        7: ("country", 500.0),
    },
}


class ContextError(ValueError):
    """A context file cannot be used; ``problems`` lists every bad row and field (or the file's)."""

    def __init__(self, name: str, problems: list[str]):
        self.problems = problems
        shown = problems[:30] + ([f"… and {len(problems) - 30} more"] if len(problems) > 30 else [])
        super().__init__(
            f"{name}: nothing was imported (rows are counted as in a spreadsheet, the header is row 1):\n"
            + "\n".join(f"- {p}" for p in shown)
        )


@dataclass(frozen=True)
class ContextEvent:
    """One row of ACLED or UCDP GED, as the dataset has it."""

    dataset: Dataset
    event_id: str
    date_start: str  # ISO dates
    date_end: str
    kind: str  # ACLED event_type / sub_event_type; UCDP: "state-based or other violence"
    actors: str
    where: str
    lat: float
    lon: float
    precision: str  # this project's scale
    source_precision: int  # the dataset's own code
    radius_km: float
    source: str  # ACLED source / UCDP source_article
    notes: str
    fatalities: int | None  # ACLED
    best: int | None  # UCDP
    low: int | None
    high: int | None

    @property
    def key(self) -> str:
        return f"{self.dataset}:{self.event_id}"

    def to_dict(self) -> dict:
        return asdict(self)

    def fatality_label(self) -> str:
        if self.dataset == "ACLED":
            return f"{self.fatalities} fatalities (ACLED)" if self.fatalities is not None else "fatalities not given"
        return f"best {self.best} (low {self.low}, high {self.high}) deaths (UCDP GED)"


def detect(columns: list[str]) -> Dataset | None:
    """Which dataset a header is from: every published column of one of them present."""
    have = set(columns)
    for name, needed in COLUMNS.items():
        if set(needed) <= have:
            return name
    return None


def _closest(columns: list[str]) -> str:
    """Which published format the header is nearest to, and what it lacks, for the error."""
    have = set(columns)
    name, needed = max(COLUMNS.items(), key=lambda kv: len(set(kv[1]) & have))
    missing = [c for c in needed if c not in have]
    return f"it looks like {name} but lacks the column(s) {', '.join(missing)}"


def read_csv(data: bytes, name: str = "upload.csv") -> list[ContextEvent]:
    """Every row of an ACLED or UCDP GED CSV export, validated; :class:`ContextError` otherwise."""
    if len(data) > MAX_BYTES:
        raise ContextError(name, [f"the file is {len(data) / 1e6:.1f} MB; at most {MAX_BYTES / 1e6:g} MB"])
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, nrows=MAX_ROWS + 1)
    except UnicodeDecodeError as e:
        raise ContextError(name, [f"not UTF-8 text (byte {e.start})"]) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as e:
        raise ContextError(name, [f"not a readable CSV file: {str(e).strip()}"]) from None
    if len(frame) > MAX_ROWS:
        raise ContextError(name, [f"more than {MAX_ROWS:,} rows"])
    columns = [str(c).strip() for c in frame.columns]
    frame.columns = columns
    dataset = detect(columns)
    if dataset is None:
        raise ContextError(name, [f"not an ACLED or UCDP GED export: {_closest(columns)}"])
    if frame.empty:
        raise ContextError(name, ["the file has a header but no rows"])
    return (_acled if dataset == "ACLED" else _ucdp)(frame, name)


def _number(frame: pd.DataFrame, col: str, problems: list[str], lo: float, hi: float, required=True) -> pd.Series:
    raw = frame[col].str.strip()
    values = pd.to_numeric(raw, errors="coerce")
    bad = (values.isna() & ((raw != "") | required)) | (values < lo) | (values > hi)
    for i in np.flatnonzero(bad.to_numpy()):
        problems.append(f"row {i + 2}, field {col!r}: {raw.iloc[i]!r} is not a number from {lo:g} to {hi:g}")
    return values


def _dates(frame: pd.DataFrame, col: str, problems: list[str]) -> pd.Series:
    raw = frame[col].str.strip()
    # ACLED writes "18 January 2024" in older exports and "2024-01-18" in newer ones; UCDP adds a time.
    iso = pd.to_datetime(raw.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    long = pd.to_datetime(raw, format="%d %B %Y", errors="coerce")
    values = iso.fillna(long)
    for i in np.flatnonzero(values.isna().to_numpy()):
        problems.append(f"row {i + 2}, field {col!r}: {raw.iloc[i]!r} is not a date (2024-01-18 or 18 January 2024)")
    return values


def _ids(frame: pd.DataFrame, col: str, problems: list[str]) -> pd.Series:
    ids = frame[col].str.strip()
    for i in np.flatnonzero((ids == "").to_numpy()):
        problems.append(f"row {i + 2}, field {col!r}: empty")
    dup = ids.duplicated(keep="first") & (ids != "")
    for i in np.flatnonzero(dup.to_numpy()):
        problems.append(f"row {i + 2}, field {col!r}: {ids.iloc[i]!r} appears twice")
    return ids


def _precision(codes: pd.Series, dataset: Dataset, col: str, problems: list[str]) -> pd.Series:
    known = PRECISION[dataset]
    bad = ~codes.isin(list(known))
    for i in np.flatnonzero(bad.to_numpy()):
        if not pd.isna(codes.iloc[i]):  # a non-number was reported already
            problems.append(f"row {i + 2}, field {col!r}: {codes.iloc[i]:g} is not one of {sorted(known)}")
    return codes


def _int(v) -> int | None:
    return None if pd.isna(v) else int(v)


def _acled(frame: pd.DataFrame, name: str) -> list[ContextEvent]:
    problems: list[str] = []
    ids = _ids(frame, "event_id_cnty", problems)
    dates = _dates(frame, "event_date", problems)
    lat = _number(frame, "latitude", problems, -90, 90)
    lon = _number(frame, "longitude", problems, -180, 180)
    prec = _precision(_number(frame, "geo_precision", problems, 1, 3), "ACLED", "geo_precision", problems)
    deaths = _number(frame, "fatalities", problems, 0, 1e6, required=False)
    if problems:
        raise ContextError(name, problems)
    rows = frame.to_dict("records")
    out = []
    for row, eid, day, y, x, p, d in zip(rows, ids, dates, lat, lon, prec, deaths, strict=True):
        level, radius = PRECISION["ACLED"][int(p)]
        iso = day.date().isoformat()
        out.append(
            ContextEvent(
                "ACLED",
                eid,
                iso,
                iso,
                " / ".join(v for v in (row["event_type"], row["sub_event_type"]) if v),
                " vs ".join(v for v in (row["actor1"], row["actor2"]) if v),
                ", ".join(v for v in (row["location"], row["admin1"]) if v),
                float(y),
                float(x),
                level,
                int(p),
                radius,
                row["source"],
                row["notes"],
                _int(d),
                None,
                None,
                None,
            )
        )
    return out


def _ucdp(frame: pd.DataFrame, name: str) -> list[ContextEvent]:
    problems: list[str] = []
    ids = _ids(frame, "id", problems)
    start = _dates(frame, "date_start", problems)
    end = _dates(frame, "date_end", problems)
    lat = _number(frame, "latitude", problems, -90, 90)
    lon = _number(frame, "longitude", problems, -180, 180)
    prec = _precision(_number(frame, "where_prec", problems, 1, 7), "UCDP GED", "where_prec", problems)
    best = _number(frame, "best", problems, 0, 1e6)
    low = _number(frame, "low", problems, 0, 1e6)
    high = _number(frame, "high", problems, 0, 1e6)
    for i in np.flatnonzero(((start > end) & start.notna() & end.notna()).to_numpy()):
        problems.append(f"row {i + 2}, field 'date_end': before date_start")
    for i in np.flatnonzero(((low > best) | (best > high)).to_numpy()):
        problems.append(f"row {i + 2}, fields 'low'/'best'/'high': not low ≤ best ≤ high")
    if problems:
        raise ContextError(name, problems)
    where_cols = [c for c in ("where_coordinates", "adm_1", "country") if c in frame.columns]
    kind_col = "type_of_violence" if "type_of_violence" in frame.columns else None
    violence = {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"}
    rows = frame.to_dict("records")
    columns = zip(rows, ids, start, end, lat, lon, prec, best, low, high, strict=True)
    out = []
    for row, eid, a, b, y, x, p, bst, lo, hi in columns:
        level, radius = PRECISION["UCDP GED"][int(p)]
        out.append(
            ContextEvent(
                "UCDP GED",
                eid,
                a.date().isoformat(),
                b.date().isoformat(),
                violence.get(row[kind_col].strip(), row[kind_col]) if kind_col else "",
                " vs ".join(v for v in (row["side_a"], row["side_b"]) if v),
                ", ".join(row[c] for c in where_cols if row[c]),
                float(y),
                float(x),
                level,
                int(p),
                radius,
                row["source_article"],
                "",
                None,
                _int(bst),
                _int(lo),
                _int(hi),
            )
        )
    return out


def border_distances_km(events: list[ContextEvent], resolution: str = "osm") -> np.ndarray:
    """Geodesic distance (km) from each row's point to the border, all rows at once (numpy arrays
    through the geodesic core: bench/context_bench.py)."""
    if not events:
        return np.empty(0)
    lon = np.fromiter((e.lon for e in events), float, len(events))
    lat = np.fromiter((e.lat for e in events), float, len(events))
    return measure.distances_to_border(lon, lat, resolution)[0] / 1000.0


def in_range(events: list[ContextEvent], start, end) -> list[ContextEvent]:
    """Rows whose dates overlap ``start``..``end`` (``datetime.date`` or ISO strings)."""
    lo, hi = str(start), str(end)
    return [e for e in events if e.date_start <= hi and e.date_end >= lo]


def geojson(events: list[ContextEvent], resolution: str = "osm") -> dict:
    """The rows as RFC 7946 GeoJSON points, each with its fields and its distance to the border."""
    dist = border_distances_km(events, resolution)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
                "properties": {**e.to_dict(), "border_distance_km": round(float(d), 2), "border": resolution},
            }
            for e, d in zip(events, dist, strict=True)
        ],
    }
