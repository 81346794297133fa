"""Shared caches and per-session state: the dataset, findings and view models (shared read-only
across sessions), and the reader's measurements (per session).

Pages call :func:`load_or_stop` for the data. Loaders are keyed on strings (GUIDE §3.5); the
user database's revision is part of the key, so a save reloads everything that depends on it.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from geo.core import feasible
from geo.core.context import ContextEvent, in_range
from geo.core.dataset import DATA_DIR, SOURCES_DIR, Dataset, DatasetError, load_dataset
from geo.core.feasible import Sketch
from geo.core.findings import Finding, find_discrepancies
from geo.core.grading import Support, support
from geo.core.model import Claim
from geo.core.view import MapView, build_view
from geo.extract import Candidate, Extractor, intake
from geo.render.escape import md
from geo.spatial import boundaries
from geo.store import Store, StoreError, archive, notes
from geo.store.review import VISIBLE

MAX_MEASUREMENTS = 50


# What the map and the pages show of the user's sources: what is published, or (an editor's
# choice in the sidebar) also what is drafted or waiting for review.
PUBLISHED = VISIBLE
WITH_DRAFTS = ("draft", "ready", *VISIBLE)
DRAFTS_KEY = "ca_drafts"


@st.cache_resource(max_entries=8, show_spinner=False)
def _added(db: str, revision: int, shown: tuple[str, ...]) -> tuple[dict, dict] | StoreError:
    """The user's sources at one revision, read once; a damaged store gives its error instead."""
    try:
        return Store(db).records(shown)
    except StoreError as e:
        return e


@st.cache_resource(show_spinner="Loading the dataset…", max_entries=4)
def _dataset(data_dir: str, sources_dir: str, db: str, revision: int, shown: tuple[str, ...]) -> Dataset:
    records, texts = _added(db, revision, shown) if db else ({}, {})
    return load_dataset(Path(data_dir), Path(sources_dir), extra=records, extra_texts=texts)


def data_key() -> tuple[str, str, str, int, tuple[str, ...]]:
    """The data folders, the user store with its revision, and which statuses are shown, read on
    every call (one query on a pooled connection): tests point them at fixtures, and a save or
    review by any server changes the revision, so the caches reload. A store that cannot be read
    leaves the curated data alone."""
    data = os.environ.get("CLAIMS_ATLAS_DATA", str(DATA_DIR))
    sources = os.environ.get("CLAIMS_ATLAS_SOURCES", str(SOURCES_DIR))
    shown = WITH_DRAFTS if st.session_state.get(DRAFTS_KEY) else PUBLISHED
    store = Store()
    try:
        revision = store.revision()
        added = _added(store.location, revision, shown)
        if isinstance(added, StoreError):
            raise added
    except StoreError as e:
        st.warning(f"Your added sources cannot be read, so only the curated data is shown: {md(e)}")
        return data, sources, "", -1, shown
    return data, sources, store.location, revision, shown


@st.cache_resource(max_entries=16, show_spinner=False)
def _read(what: str, db: str, revision: int):
    return READERS[what](Store(db))


READERS = {
    "records": lambda store: store.records()[0],  # every added record, drafts too (no texts)
    "grades": Store.grades,
    "snapshots": Store.snapshots,
    "marks": notes.source_marks,
    "notes": notes.claim_notes,
}


def from_store(what: str) -> dict:
    """One of the store's review readings (:data:`READERS`), read once per store revision and
    shared; empty where the store cannot be read (the pages work on without it)."""
    _, _, db, revision, _ = data_key()
    try:
        return _read(what, db, revision) if db else {}
    except StoreError:
        return {}


def grades() -> dict[str, dict]:
    """Every graded figure's grades (current, initial, awaiting a second reviewer), by claim id."""
    return from_store("grades")


def snapshots() -> dict[str, dict]:
    """Each added source's snapshot (SHA-256, first added, newer snapshot, lost quotes), by source id."""
    return from_store("snapshots")


def review_marks() -> dict[str, str]:
    """A few words on each added source's review ("self-reviewed, 1 dissent"), by source id."""
    return from_store("marks")


def claim_notes() -> dict[str, str]:
    """What review says of each added claim (status, dissents, grade, lost quote), by claim id."""
    return from_store("notes")


def dataset() -> Dataset:
    """The validated dataset, shared read-only across sessions (models are frozen)."""
    return _dataset(*data_key())


@st.cache_resource(max_entries=2, show_spinner=False)
def _export_zip(db: str, revision: int) -> bytes:
    return archive.export_zip(Store(db))


def export_zip() -> bytes:
    """The user's sources as a ZIP, built once per database revision (not on every rerun)."""
    _, _, db, revision, _ = data_key()
    if not db:
        raise StoreError("the database cannot be read")
    return _export_zip(db, revision)


def load_or_stop() -> Dataset:
    """The dataset, or a readable error on the page (never a traceback) and stop."""
    try:
        return dataset()
    except DatasetError as e:
        st.error(
            "The data files have problems, so the app cannot show them:\n\n"
            + "\n".join(f"- {md(i)}" for i in e.issues[:30])
        )
    except boundaries.BoundaryDataError as e:
        st.error(f"Boundary data problem: {md(e)}")
    st.stop()
    raise AssertionError("unreachable")


@st.cache_resource(max_entries=64, show_spinner=False)
def _findings(key: tuple[str, str, str, int], claim_ids: tuple[str, ...], resolution: str) -> tuple[Finding, ...]:
    ds = _dataset(*key)
    return tuple(find_discrepancies(ds, [ds.claims[c] for c in claim_ids], resolution))


def findings_for(claims: list[Claim], resolution: str) -> tuple[Finding, ...]:
    """Findings among the given claims (cached on their ids: frozen, shared read-only)."""
    return _findings(data_key(), tuple(c.id for c in claims), resolution)


@st.cache_resource(max_entries=32, show_spinner="Drawing where the strike must lie…")
def _sketch(key: tuple[str, str, str, int], claim_id: str, resolution: str) -> Sketch | None:
    ds = _dataset(*key)
    return feasible.sketch(ds, ds.claims[claim_id], resolution)


def feasible_sketch(claim: Claim, resolution: str) -> Sketch | None:
    """A depth claim's feasible region, drawn once per data revision (None: not a depth figure)."""
    return _sketch(data_key(), claim.id, resolution)


@st.cache_resource(max_entries=16, show_spinner="Finding the claims in the article…")
def _candidates(key: tuple[str, str, str, int], text: str, published, outlet) -> tuple[Candidate, ...]:
    return tuple(_extractor(key).extract(text, published, outlet))


@st.cache_resource(max_entries=2, show_spinner="Loading the extraction rules…")
def _extractor(key: tuple[str, str, str, int]) -> Extractor:
    return Extractor(_dataset(*key))


def published_date(text: str):
    """The article's own date read from its dateline or first lines, or None."""
    return _extractor(data_key()).published(text)


def candidates_for(text: str, published=None, outlet: str | None = None) -> tuple[Candidate, ...]:
    """The candidate claims in an article, extracted once per text, date, outlet and data (every
    rerun of the review used to extract again: 6.2 s for a 419 KB article). Candidates are frozen."""
    return _candidates(data_key(), text, published, outlet)


@st.cache_resource(max_entries=16, show_spinner=False)
def _near_copies(key: tuple[str, str, str, int], text: str) -> tuple[tuple[str, float], ...]:
    ds = _dataset(*key)
    return tuple(intake.near_copies(text, {s: ds.source_text(s) for s in ds.sources}))


def near_copies(text: str) -> tuple[tuple[str, float], ...]:
    """The sources an article mostly repeats (``intake.near_copies``), worked out once per text and
    data revision: it reads every source's text, and the Add page reruns on every action."""
    return _near_copies(data_key(), text)


@st.cache_resource(max_entries=32, show_spinner="Checking the figures against the others and the geometry…")
def _support(key: tuple, records: tuple[str, ...]) -> dict[str, Support]:
    ds = _dataset(*key)
    claims = [Claim.model_validate_json(r) for r in records]
    events = {c.event for c in claims}
    pool = [c for c in ds.claims.values() if c.event in events] + [c for c in claims if c.id not in ds.claims]
    found = find_discrepancies(ds, [c for c in pool if c.event in ds.events])
    return {c.id: support(c, pool, found) for c in claims}


def support_for(claims: list[Claim]) -> dict[str, Support]:
    """What the atlas computes for each of these claims (shown or not on the map: a source under
    review), against every shown claim of its event: independent claimants, geometry."""
    return _support(data_key(), tuple(c.model_dump_json() for c in claims))


@st.cache_resource(max_entries=4, show_spinner=False)
def _context(db_path: str, revision: int) -> tuple[ContextEvent, ...]:
    return tuple(Store(db_path).context_events()) if db_path else ()


def context_rows() -> tuple[ContextEvent, ...]:
    """Every imported ACLED / UCDP GED row, read once per database revision (StoreError if unreadable)."""
    _, _, db_path, revision, _ = data_key()
    return _context(db_path, revision)


@st.cache_resource(max_entries=64, show_spinner=False)
def _view(
    key: tuple,
    folder: str,
    claim_ids: tuple[str, ...],
    events: tuple[str, ...],
    sources: tuple[str, ...],
    resolution: str,
    dates: tuple[str, str],
    with_context: bool,
) -> MapView:
    ds = _dataset(*key)
    claims = tuple(ds.claims[c] for c in claim_ids)
    context = tuple(in_range(list(_context(key[2], key[3])), *dates)) if with_context else ()
    try:
        said = _read("notes", key[2], key[3]) if key[2] else {}
    except StoreError:  # the map still draws, without what review says
        said = {}
    return build_view(ds, claims, _findings(key, claim_ids, resolution), events, sources, resolution, context, said)


def view_for(
    claims: list[Claim], events: list[str], sources: tuple[str, ...], resolution: str, dates: tuple[str, str]
) -> MapView:
    """The map's view model for these claims, and the context rows of the date range, computed
    once and shared by every session."""
    key = data_key()
    try:
        with_context = bool(context_rows())
    except StoreError as e:
        st.warning(f"The imported context rows cannot be read, so the map shows none: {md(e)}")
        with_context = False
    return _view(
        key,
        boundaries.data_dir(),
        tuple(c.id for c in claims),
        tuple(events),
        tuple(sources),
        resolution,
        tuple(map(str, dates)),
        with_context,
    )


def add_measurement(row: dict) -> None:
    rows = st.session_state.setdefault("ca_measurements", [])
    if not rows or rows[-1] != row:
        rows.append(row)
    del rows[:-MAX_MEASUREMENTS]


def measurements() -> list[dict]:
    return st.session_state.get("ca_measurements", [])


def clear_measurements() -> None:
    st.session_state["ca_measurements"] = []
