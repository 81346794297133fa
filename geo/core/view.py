"""The view model: everything one map view shows, computed once per view, before drawing.

:func:`build_view` takes the claims the sidebar selected and returns a frozen :class:`MapView`:
per event its enabled claims, which sources speak of it and whether they disagree materially,
a summary of each figure by claimant group, its stated depths as bands (geometry in lon/lat,
measured in metres), the measured geodesic distance from its place to the border with the
verdicts, and the labels to draw with their priority. ``geo/render`` only turns this into
HTML and layers; it neither measures nor judges.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
import shapely.ops

from geo.core import revisions
from geo.core.context import ContextEvent, border_distances_km
from geo.core.dataset import Dataset
from geo.core.feasible import geodesic_circle
from geo.core.findings import Finding, find_discrepancies, measured_depth_km
from geo.core.model import COUNTRY_NAMES, LENSES, UNITS, Claim, Event, Place
from geo.spatial import boundaries, diskcache, measure

# The claimant groups a reader compares first (the sidebar's lens uses the same split).
GROUPS = (
    ("iran_official", "Iranian official", ("iran_official",)),
    ("pakistan_official", "Pakistani official", ("pakistan_official",)),
    ("others", "Others", ("other_official", "media", "author", "analyst", "unattributed")),
)
SUMMARY_KINDS = ("killed", "injured", "casualties", "depth", "weapon", "target", "perpetrator")
NUMBER_KINDS = frozenset({"killed", "injured", "casualties", "depth", "border_length"})


@dataclass(frozen=True)
class GroupFigures:
    group: str  # label: "Iranian official", ...
    values: tuple[str, ...]  # "9 (women 3, men 2, children 4) [s003]", ...


@dataclass(frozen=True)
class FigureSummary:
    """One row of a popup's summary: a kind of claim, each group's figures, their spread."""

    kind: str
    groups: tuple[GroupFigures, ...]
    spread: str  # "7–9", "more than 50 km – about 90 km", or "" when a single figure
    disagrees: bool  # a material finding among these claims
    why: str  # the findings' summaries, for the ⚠'s explanation


@dataclass(frozen=True)
class Band:
    """A stated depth drawn as a band inside the target country (lon/lat, simplified)."""

    geometry: object
    anchor: tuple[float, float]  # lon, lat: the band's point nearest the strike
    label: str  # short: "s003: about 90 km"
    detail: str  # tooltip: who, how it was drawn


@dataclass(frozen=True)
class Measured:
    """The measured geodesic distance from the event's place to the border (km)."""

    low: float
    centre: float
    high: float
    nearest: tuple[float, float]  # lon, lat on the border
    label: str  # short: "46 km (26–66)"
    detail: str  # with the verdicts


@dataclass(frozen=True)
class EventView:
    event: Event
    place: Place
    claims: tuple[Claim, ...]
    sources: tuple[str, ...]
    findings: tuple[Finding, ...]
    flagged: frozenset[str]  # claims in a material disagreement
    summary: tuple[FigureSummary, ...]
    depth_note: str | None
    bands: tuple[Band, ...]
    measured: Measured | None
    uncertainty: object | None  # lon/lat polygon of the location's uncertainty circle
    tooltip: str  # unique within the view: the map reports it back when the marker is clicked
    # What review says of a claim (self-reviewed, dissents, its grade), by claim id: added sources only.
    review: tuple[tuple[str, str], ...] = ()
    # A claim's toll history (7 → 9, each with its date), by claim id: claims that revise or are revised.
    history: tuple[tuple[str, str], ...] = ()

    @property
    def disagrees(self) -> bool:
        return bool(self.flagged)

    @property
    def is_strike(self) -> bool:
        return self.event.type == "strike"


@dataclass(frozen=True)
class ContextPoint:
    """One ACLED or UCDP GED row in this view, with its measured geodesic distance to the border."""

    row: ContextEvent
    border_km: float


@dataclass(frozen=True)
class ContextLayer:
    """The context rows of the view's date range: at most :data:`MAX_CONTEXT` drawn, all counted."""

    points: tuple[ContextPoint, ...] = ()
    total: int = 0
    digest: str = ""  # identifies the rows drawn (ids and fields), for the layer cache

    # A fixed name: the layer control remembers by name whether the reader switched it off.
    label = "Context: ACLED / UCDP GED"

    @property
    def note(self) -> str:
        """What the layer holds, for the page: how many rows are drawn of how many in range."""
        if self.total == 0:
            return ""
        drawn = (
            f"all {self.total:,}"
            if len(self.points) == self.total
            else f"{len(self.points):,} (nearest the border) of {self.total:,}"
        )
        return (
            f"Context layer: {drawn} imported ACLED / UCDP GED rows in the date range, drawn faint; "
            "never mixed with the claims."
        )


MAX_CONTEXT = 5_000


def context_layer(rows: tuple[ContextEvent, ...], resolution: boundaries.Resolution) -> ContextLayer:
    """The context rows to draw, nearest the border first when there are more than can be drawn."""
    if not rows:
        return ContextLayer()
    dist = border_distances_km(list(rows), resolution)
    order = np.argsort(dist, kind="stable")[:MAX_CONTEXT]
    points = tuple(ContextPoint(rows[i], round(float(dist[i]), 2)) for i in sorted(order))
    digest = hashlib.sha1(
        "\n".join(f"{p.row.key}|{p.row.to_dict()}" for p in points).encode("utf-8"), usedforsecurity=False
    ).hexdigest()
    return ContextLayer(points, len(rows), digest)


@dataclass(frozen=True)
class MapView:
    """What one view of the map shows. Frozen; cacheable on :meth:`cache_key`."""

    events: tuple[EventView, ...]
    enabled_sources: tuple[str, ...]
    resolution: boundaries.Resolution
    claim_ids: tuple[str, ...]
    context: ContextLayer = ContextLayer()

    def cache_key(self) -> tuple:
        """What identifies this view within one dataset: the claims by id (findings, bands and
        distances follow from them, the data and the border) and the context rows drawn. Keep
        it in step with the fields."""
        return (
            self.claim_ids,
            self.enabled_sources,
            tuple(e.event.id for e in self.events),
            self.resolution,
            self.context.digest,
        )

    def by_tooltip(self, tooltip: str | None) -> str | None:
        """The event whose marker carries this tooltip (what the map reports on a click)."""
        return next((e.event.id for e in self.events if e.tooltip == tooltip), None)


def depth_interval_km(c: Claim) -> tuple[float, float, bool]:
    """The band drawn for a stated depth (km): its range and whether it is open-ended."""
    lo, hi = c.interval()
    if math.isinf(hi):
        return lo, lo + 5.0, True
    if lo == hi:
        return max(lo - 1.0, 0.0), hi + 1.0, False
    return lo, hi, False


BAND_VERSION = 1  # bump when the drawn band's computation changes: old cache entries are ignored


@lru_cache(maxsize=32)
def _band_cached(lo_km: float, hi_km: float, country: str, resolution: str, folder: str):
    def make() -> bytes:
        band = measure.depth_band(lo_km * 1000, hi_km * 1000, country, resolution)
        return shapely.to_wkb(shapely.set_precision(band.simplify(0.003), 1e-4))  # ~300 m: drawn, never measured

    inputs = diskcache.files_stamp(*sorted(Path(folder).glob("*.geojson")))
    key = f"band:{BAND_VERSION}:{lo_km!r}:{hi_km!r}:{country}:{resolution}:{inputs}"
    return shapely.from_wkb(diskcache.cached_bytes(key, make))


def band_geometry(lo_km: float, hi_km: float, country: str, resolution: str):
    """A depth band simplified for drawing (about 300 m; never measured)."""
    return _band_cached(lo_km, hi_km, country, resolution, boundaries.data_dir())


def source_label(ds: Dataset, sid: str, long: bool = True) -> str:
    """How a source is named on screen: id, author (or outlet) and, if ``long``, its title."""
    s = ds.sources[sid]
    who = s.author or s.outlet or "author unknown"
    if not long:
        return f"{sid} · {who}"
    title = s.title or "untitled"
    return f"{sid} · {who} · {title[:48]}{'…' if len(title) > 48 else ''}"


# The date range a view opens with: the strikes and the weeks before them.
DEFAULT_FROM, DEFAULT_TO = dt.date(2023, 12, 1), dt.date(2024, 1, 31)


def selected_claims(
    ds: Dataset, sources: Iterable[str], lens: str, date_from: dt.date, date_to: dt.date
) -> list[Claim]:
    """Claims from these sources, by a claimant lens (``LENSES``), about events in the date range:
    what a view shows (the app's sidebar and ``python -m geo.publish`` choose the same way)."""
    sources, types = set(sources), LENSES.get(lens, ())
    return [
        c
        for c in ds.claims.values()
        if c.source in sources
        and (not types or c.claimant_type in types)
        and date_from <= ds.events[c.event].date <= date_to
    ]


def group_of(c: Claim) -> str:
    return next(label for _, label, types in GROUPS if c.claimant_type in types)


def _spread(claims: list[Claim]) -> str:
    """The range of the figures, lowest to highest ("7–9 people"), or "" when they are one."""
    numbers = [c for c in claims if isinstance(c.value, float)]
    if not numbers:
        return ""
    lo, hi = min(c.value for c in numbers), max(c.value for c in numbers)
    if lo == hi:
        return ""
    return f"{lo:g}–{hi:g} {numbers[0].unit or UNITS.get(numbers[0].kind, '')}".rstrip()


def _summary(
    claims: list[Claim], findings: list[Finding], flagged: frozenset[str], history: Mapping[str, tuple]
) -> tuple[FigureSummary, ...]:
    """Each kind's latest figures by claimant group (a revised one says what it replaced)."""
    out = []
    by_kind: dict[str, list[Claim]] = defaultdict(list)
    for c in revisions.latest(claims):
        by_kind[c.kind].append(c)
    for kind in SUMMARY_KINDS:
        group = by_kind.get(kind)
        if not group:
            continue
        rows = []
        for _, label, types in GROUPS:
            mine = [c for c in group if c.claimant_type in types]
            if not mine:
                continue
            values: dict[str, list[str]] = defaultdict(list)
            for c in mine:
                earlier = history.get(c.id, ())[:-1]
                was = f" (revised from {', '.join(x.claim.value_label() for x in earlier)})" if earlier else ""
                values[c.described() + was].append(c.source)
            rows.append(GroupFigures(label, tuple(f"{v} [{', '.join(sorted(set(s)))}]" for v, s in values.items())))
        bad = [f for f in findings if f.kind == kind and set(f.claims) & flagged]
        out.append(
            FigureSummary(
                kind,
                tuple(rows),
                _spread(group) if kind in NUMBER_KINDS else "",
                bool(bad),
                " ".join(f.summary for f in bad),
            )
        )
    return tuple(out)


def _tooltip(e: Event, taken: set[str]) -> str:
    text = f"{e.title} · {e.date:%d %b %Y}"
    if text in taken:
        text = f"{text} ({e.id})"
    taken.add(text)
    return text


def _source_label(sources: dict, sid: str) -> str:
    """What a map label calls a source: its id for the curated ones ("s003", listed on the Sources
    page), the outlet of one a user added ("Frontier Wire", not "u-4732ace82b"), shortened."""
    src = sources.get(sid)
    outlet = (getattr(src, "outlet", None) or "").strip() if sid.startswith("u-") else ""
    return (outlet if len(outlet) <= 24 else outlet[:23].rstrip() + "…") if outlet else sid


def _bands(e: Event, place: Place, claims: list[Claim], resolution, sources: dict) -> tuple[Band, ...]:
    out = []
    if e.target_country not in ("PAK", "IRN"):
        return ()
    for c in claims:
        if c.kind != "depth" or c.interval() is None:
            continue
        lo, hi, open_ended = depth_interval_km(c)
        geom = band_geometry(lo, hi, e.target_country, resolution)
        if geom.is_empty:
            continue
        anchor = shapely.ops.nearest_points(geom, shapely.Point(place.lon, place.lat))[0]
        detail = (
            f"Stated depth: {c.value_label()} into {COUNTRY_NAMES.get(e.target_country, e.target_country)}, "
            f"{c.claimant} [{c.source}]; "
            f"band drawn {lo:g}–{hi:g} km from the border{' and beyond' if open_ended else ''}"
        )
        out.append(Band(geom, (anchor.x, anchor.y), f"{_source_label(sources, c.source)}: {c.value_label()}", detail))
    return tuple(out)


def _measured(ds: Dataset, e: Event, place: Place, verdicts: list[Finding], by_id: dict[str, Claim], resolution):
    """The measured distance for an event whose stated depths were checked (``verdicts``)."""
    m = measured_depth_km(ds, e.id, resolution)
    r = measure.distance_to_border(place.lon, place.lat, resolution)
    said = "; ".join(
        f"{by_id[f.claims[0]].source} {by_id[f.claims[0]].value_label()}: {f.verdict}"
        for f in verdicts
        if f.claims[0] in by_id
    )
    label = f"{m['centre']:.0f} km ({m['low']:.0f}–{m['high']:.0f})"
    detail = (
        f"Measured to the border: {m['centre']:.0f} km, {m['low']:.0f}–{m['high']:.0f} km "
        f"over ±{m['uncertainty']:g} km · {said}"
    )
    return Measured(m["low"], m["centre"], m["high"], (r.nearest_lon, r.nearest_lat), label, detail)


def build_view(
    ds: Dataset,
    claims: tuple[Claim, ...],
    findings: tuple[Finding, ...],
    events: tuple[str, ...],
    enabled_sources: tuple[str, ...],
    resolution: boundaries.Resolution = boundaries.DEFAULT_RESOLUTION,
    context: tuple[ContextEvent, ...] = (),
    review: Mapping[str, str] | None = None,
) -> MapView:
    """Compute what the map shows for these claims (already filtered by the sidebar), and the
    context rows of its date range (already filtered), never mixed with the claims; ``review``:
    what review says of a claim, by claim id (from the store), shown beside it.

    Raises :class:`geo.spatial.boundaries.BoundaryDataError` when the border cannot be read."""
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_event[c.event].append(c)
    by_id = {c.id: c for c in claims}
    all_flagged = frozenset(cid for f in findings if f.material for cid in f.claims)
    taken: set[str] = set()
    out = []
    for eid in events:
        e = ds.events[eid]
        place = ds.place_of(e)
        if place is None:
            continue
        mine = by_event[eid]
        history = revisions.histories(mine, ds.sources)
        ev_findings = [f for f in findings if f.event == eid]
        flagged = frozenset(c.id for c in mine if c.id in all_flagged)
        verdicts = [f for f in ev_findings if f.type == "depth_vs_measured"]
        unc = None
        if place.uncertainty_km > 0 and place.precision != "country":
            unc = geodesic_circle(place.lon, place.lat, place.uncertainty_km * 1000, n=72).simplify(0.002)
        out.append(
            EventView(
                event=e,
                place=place,
                claims=tuple(mine),
                sources=tuple(sorted({c.source for c in mine})),
                findings=tuple(ev_findings),
                flagged=flagged,
                summary=_summary(mine, ev_findings, flagged, history),
                depth_note=("Depth check: " + " ".join(f.summary for f in verdicts)) if verdicts else None,
                bands=_bands(e, place, revisions.latest(mine), resolution, ds.sources),
                measured=_measured(ds, e, place, verdicts, by_id, resolution) if verdicts else None,
                uncertainty=unc,
                tooltip=_tooltip(e, taken),
                review=tuple((c.id, review[c.id]) for c in mine if review and c.id in review),
                history=tuple((c.id, revisions.note(c.id, history[c.id])) for c in mine if c.id in history),
            )
        )
    return MapView(
        tuple(out), tuple(enabled_sources), resolution, tuple(c.id for c in claims), context_layer(context, resolution)
    )


def view_of(
    ds: Dataset,
    claims: tuple[Claim, ...] | None = None,
    sources: tuple[str, ...] | None = None,
    resolution: boundaries.Resolution = boundaries.DEFAULT_RESOLUTION,
) -> MapView:
    """The view of these claims (default: all of them, every source on), findings and events
    included, computed from scratch: for set-up, benches and tests. The app caches the parts
    separately (geo.web.state)."""
    claims = tuple(ds.claims.values() if claims is None else claims)
    shown = {c.event for c in claims}
    events = tuple(e.id for e in sorted(ds.events.values(), key=lambda e: (e.date, e.id)) if e.id in shown)
    findings = tuple(find_discrepancies(ds, list(claims), resolution))
    return build_view(ds, claims, findings, events, tuple(ds.sources if sources is None else sources), resolution)


def border_km(resolution: boundaries.Resolution) -> float:
    """The border's geodesic length at a resolution, in kilometres."""
    return measure.border_length_m(resolution) / 1000


def border_lengths_km() -> dict[str, float]:
    """Measured (geodesic) and published border lengths, in kilometres, labelled."""
    out = {f"{boundaries.BORDERS[r].label} (measured)": border_km(r) for r in boundaries.RESOLUTIONS}
    out.update({f"{k} (published)": v for k, v in boundaries.PUBLISHED_LENGTHS_KM.items()})
    return out
