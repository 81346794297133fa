"""Read and validate the curated data files into a :class:`Dataset`.

One function, :func:`load_dataset`, reads ``data/{sources,places,events,claims}.yaml``,
validates every record against :mod:`geo.core.model`, checks the cross-references, the quotes at
their offsets in the source texts and the coordinates against the stated country, and
collects *every* problem before failing, each naming the file, the record and the field.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError
from shapely.geometry import Point

from geo.core import yamlfile
from geo.core.model import Claim, Event, Place, Source

ROOT = Path(__file__).resolve().parents[2]
# CLAIMS_ATLAS_DATA and CLAIMS_ATLAS_SOURCES point the app at other data (tests use fixtures).
DATA_DIR = Path(os.environ.get("CLAIMS_ATLAS_DATA", ROOT / "data"))
# The source texts live beside the project (../shared/sources).
SOURCES_DIR = Path(os.environ.get("CLAIMS_ATLAS_SOURCES", ROOT.parent / "shared" / "sources"))
FILES = {"sources": Source, "places": Place, "events": Event, "claims": Claim}


@dataclass(frozen=True)
class DataIssue:
    """One problem in one data file, located by record id (or position) and field."""

    file: str
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.record is not None:
            where += f", record {self.record}"
        if self.field is not None:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class DatasetError(ValueError):
    """The data files have problems; ``issues`` lists every one of them."""

    def __init__(self, issues: list[DataIssue]):
        self.issues = issues
        super().__init__(f"{len(issues)} problem(s) in the data files:\n" + "\n".join(f"- {i}" for i in issues))


@dataclass(frozen=True)
class Dataset:
    sources: dict[str, Source]
    places: dict[str, Place]
    events: dict[str, Event]
    claims: dict[str, Claim]
    sources_dir: Path
    # Source ids whose text was not available, so their quotes were not checked.
    unchecked_sources: frozenset[str] = field(default_factory=frozenset)
    # Texts of user-added sources (kept in the user database, not in the sources folder).
    texts: dict[str, str] = field(default_factory=dict)

    def claims_for(self, event_id: str) -> list[Claim]:
        return [c for c in self.claims.values() if c.event == event_id]

    def source_text(self, source_id: str) -> str | None:
        """The full text of a source, read on demand (never stored in the project)."""
        if source_id in self.texts:
            return self.texts[source_id]
        path = self.sources_dir / self.sources[source_id].file
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def place_of(self, event: Event) -> Place | None:
        return self.places.get(event.place) if event.place else None


def revision_problem(claim, claims: dict, sources: dict) -> str | None:
    """Why ``claim.revises`` is not a revision (None when it is): the earlier claim must exist
    and be by the same claimant, about the same event and kind, and not be dated later."""
    old = claims.get(claim.revises)
    if old is None:
        return f"unknown claim {claim.revises!r}"
    if old.id == claim.id:
        return "a claim cannot revise itself"
    for name in ("claimant", "event", "kind"):
        if getattr(old, name) != getattr(claim, name):
            return f"revises {old.id!r}, whose {name} is {getattr(old, name)!r}, not {getattr(claim, name)!r}"
    seen, step = {claim.id}, old
    while step.revises is not None and step.revises in claims:  # a history runs one way, oldest first
        if step.revises in seen:
            return f"revises {old.id!r}, which (through {step.id!r}) revises it back: a history cannot loop"
        seen.add(step.id)
        step = claims[step.revises]
    other = next((c.id for c in claims.values() if c.revises == old.id and c.id != claim.id), None)
    if other is not None:
        return f"{old.id!r} is already revised by {other!r}: revise the latest figure instead"
    d_old = sources[old.source].date if old.source in sources else None
    d_new = sources[claim.source].date if claim.source in sources else None
    if d_old and d_new and d_old > d_new:
        return f"revises {old.id!r}, published later ({d_old}) than this claim ({d_new})"
    return None


def read_records(path: Path, issues: list[DataIssue], allow_empty: bool = False) -> list:
    """The records of one data file; what is wrong with it goes to ``issues`` (then: [])."""
    try:
        return yamlfile.read_records(path, allow_empty)
    except FileNotFoundError:
        issues.append(DataIssue(path.name, None, None, f"file not found at {path}"))
    except (OSError, yamlfile.YamlError) as e:
        issues.append(DataIssue(path.name, None, None, str(e)))
    return []


def validate_records(
    name: str, model: type[BaseModel], records: list, issues: list[DataIssue], rejected: set[str]
) -> dict:
    """Valid records by id; ids of invalid records go to ``rejected`` (already reported)."""
    out: dict = {}
    for i, rec in enumerate(records):
        rid = rec.get("id") if isinstance(rec, dict) and isinstance(rec.get("id"), str) else None
        label = repr(rid) if rid else f"#{i + 1}"
        if not isinstance(rec, dict):
            issues.append(DataIssue(name, label, None, f"expected a mapping, got {type(rec).__name__}"))
            continue
        try:
            obj = model.model_validate(rec)
        except ValidationError as e:
            if rid:
                rejected.add(rid)
            for err in e.errors():
                loc = ".".join(str(p) for p in err["loc"]) or None
                issues.append(DataIssue(name, label, loc, err["msg"]))
            continue
        if obj.id in out:
            issues.append(DataIssue(name, label, "id", "duplicate id"))
            continue
        out[obj.id] = obj
    return out


def _check_quotes(
    claims: Iterable[Claim],
    sources: dict[str, Source],
    sources_dir: Path,
    issues,
    strict: bool,
    known_texts: dict[str, str],
):
    texts: dict[str, str | None] = dict(known_texts)
    unchecked = set()
    for c in claims:
        src = sources.get(c.source)
        if src is None:
            continue
        if c.source not in texts:
            try:
                texts[c.source] = (sources_dir / src.file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                texts[c.source] = None
                if strict:
                    issues.append(DataIssue("sources.yaml", repr(src.id), "file", f"source text unreadable: {e}"))
        text = texts[c.source]
        if text is None:
            unchecked.add(c.source)
            continue
        found = text[c.quote_start : c.quote_end]
        if found != c.quote:
            elsewhere = text.find(c.quote)
            hint = f"; the quote is at {elsewhere}..{elsewhere + len(c.quote)}" if elsewhere >= 0 else ""
            issues.append(
                DataIssue(
                    "claims.yaml",
                    repr(c.id),
                    "quote",
                    f"quote not found at {c.quote_start}..{c.quote_end} in {src.file}{hint}",
                )
            )
    return frozenset(unchecked)


def _check_coordinates(places: dict[str, Place], issues: list[DataIssue]) -> None:
    """Places in Pakistan or Iran must lie inside that country (Natural Earth 1:10m)."""
    from geo.spatial import boundaries

    for p in places.values():
        if p.country not in ("PAK", "IRN"):
            continue
        poly = boundaries.country_polygon(p.country)
        if not poly.contains(Point(p.lon, p.lat)):
            issues.append(
                DataIssue("places.yaml", repr(p.id), "lon/lat", f"({p.lon}, {p.lat}) lies outside {p.country}")
            )


def load_dataset(
    data_dir: Path = DATA_DIR,
    sources_dir: Path = SOURCES_DIR,
    require_source_texts: bool = False,
    extra: dict[str, list[dict]] | None = None,
    extra_texts: dict[str, str] | None = None,
) -> Dataset:
    """Load and validate the data files; raise :class:`DatasetError` listing every problem.

    ``require_source_texts``: fail when a source text is missing (CI has them); otherwise their
    quotes are left unchecked and listed in ``Dataset.unchecked_sources``.
    ``extra``: further records per file name (user-added sources), validated the same way;
    ``extra_texts``: their article texts by source id.
    """
    issues: list[DataIssue] = []
    parsed = {}
    unreadable = set()  # files that failed whole: references into them are not reported again
    rejected: dict[str, set[str]] = {stem: set() for stem in FILES}  # ids of records already reported
    for stem, model in FILES.items():
        before = len(issues)
        records = read_records(data_dir / f"{stem}.yaml", issues)
        if len(issues) > before:
            unreadable.add(stem)
        records = records + list((extra or {}).get(stem, []))
        parsed[stem] = validate_records(f"{stem}.yaml", model, records, issues, rejected[stem])

    def dangling(stem: str, ref: str, known: dict) -> bool:
        return ref not in known and stem not in unreadable and ref not in rejected[stem]

    sources, places, events, claims = (parsed[k] for k in FILES)

    for e in events.values():
        if e.place is not None and dangling("places", e.place, places):
            issues.append(DataIssue("events.yaml", repr(e.id), "place", f"unknown place {e.place!r}"))
        place = places.get(e.place) if e.place else None
        if place and e.type == "strike" and e.target_country and place.country != e.target_country:
            issues.append(
                DataIssue(
                    "events.yaml",
                    repr(e.id),
                    "place",
                    f"place {place.id!r} is in {place.country}, but the event's target country is {e.target_country}",
                )
            )
    for c in claims.values():
        if dangling("events", c.event, events):
            issues.append(DataIssue("claims.yaml", repr(c.id), "event", f"unknown event {c.event!r}"))
        if dangling("sources", c.source, sources):
            issues.append(DataIssue("claims.yaml", repr(c.id), "source", f"unknown source {c.source!r}"))
        if c.revises is not None:
            problem = revision_problem(c, claims, sources)
            if problem:
                issues.append(DataIssue("claims.yaml", repr(c.id), "revises", problem))
    unchecked = _check_quotes(claims.values(), sources, sources_dir, issues, require_source_texts, extra_texts or {})
    _check_coordinates(places, issues)
    if issues:
        raise DatasetError(issues)
    return Dataset(sources, places, events, claims, sources_dir, unchecked, dict(extra_texts or {}))
