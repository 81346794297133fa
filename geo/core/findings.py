"""Compare the claims made about each event and say, in plain words, where they disagree.

Findings are computed from the data, never typed in. Each says what differs (``differs``: a
figure, the victims, the place, the weapon, ...), why that matters (``why``), and whether it
is material: only an ``inconsistent`` verdict is, and only a material finding is flagged ⚠.

- ``different_numbers``: figures whose ranges (qualifiers included) do not overlap; a higher
  toll given on a later day by the same side (claimant, or government) is listed as a likely
  update, not flagged: tolls rise as the dead are found;
- ``different_victims``: victims described differently; material only when their classes
  cannot both be right (``geo.core.compare``: police and security officers are one class);
- ``depth_vs_measured``: a stated depth against the geodesic distance from the geocoded place
  to the border, measured over the place's uncertainty circle; the verdict is geometric
  (``geo.core.feasible``): the share of the place's uncertainty area inside the stated band,
  all (consistent), none (inconsistent) or some (partly);
- ``description_vs_depth``: a description ("a border village") whose implied depth
  contradicts a stated depth;
- ``place_vs_measured``: a description or a named region against where the place is measured
  to lie (its distance to the border; inside or outside the province polygons);
- ``different_places``: two sources name regions that share no ground;
- ``length_vs_measured``: a stated border length against the lengths measured at each resolution;
- ``different_values``: categorical claims that differ. Weapons are compared by class
  (missiles vs missiles and drones is no contradiction, drones vs missiles is); targets,
  perpetrators and times are listed, never flagged;
- ``revision``: a claimant's later figure replacing their own earlier one (``Claim.revises``),
  listed, never flagged. Every other check compares each claimant's latest figure only, so a
  toll that rose from 7 to 9 is a history, not a disagreement (``geo.core.revisions``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

from geo.core import compare, feasible, revisions
from geo.core.compare import DESCRIPTOR_DEPTH_KM
from geo.core.dataset import Dataset
from geo.core.model import COUNTRY_NAMES, Claim
from geo.spatial import boundaries, measure

FindingType = Literal[
    "different_numbers",
    "different_victims",
    "depth_vs_measured",
    "description_vs_depth",
    "place_vs_measured",
    "different_places",
    "length_vs_measured",
    "different_values",
    "revision",
]
Verdict = Literal["inconsistent", "partly", "consistent", "cannot tell", "differ"]
Differs = Literal["figure", "victims", "place", "weapon", "target", "perpetrator", "time"]
COARSE_PRECISIONS = feasible.COARSE_PRECISIONS
TOLL_KINDS = ("killed", "injured", "casualties")
GOVERNMENTS = ("iran_official", "pakistan_official")  # claimant types that are one side each
QUANTITY_KINDS = (*TOLL_KINDS, "depth")
CATEGORY_KINDS = ("weapon", "target", "perpetrator", "time")
__all__ = ["DESCRIPTOR_DEPTH_KM", "Finding", "find_discrepancies", "findings_by_claim", "measured_depth_km"]


@dataclass(frozen=True)
class Finding:
    id: str
    event: str
    kind: str
    type: FindingType
    verdict: Verdict
    claims: tuple[str, ...]
    summary: str
    measured_km: dict[str, float] | None = field(default=None)
    differs: Differs = "figure"
    why: str = ""

    @property
    def material(self) -> bool:
        """A real disagreement a reader must see flagged: the claims cannot all be right."""
        return self.verdict == "inconsistent"

    def to_dict(self) -> dict:
        return {**asdict(self), "material": self.material}


def _who(c: Claim) -> str:
    return f"{c.claimant} ({c.source})"


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def find_discrepancies(
    ds: Dataset, claims: Iterable[Claim] | None = None, resolution: boundaries.Resolution = "osm"
) -> list[Finding]:
    """All findings for the given claims (default: every claim in the dataset)."""
    selected = list(ds.claims.values() if claims is None else claims)
    by: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in selected:
        by[(c.event, c.kind)].append(c)
    out: list[Finding] = []
    for (event, kind), group in sorted(by.items()):
        out += _revisions(ds, event, kind, group)
        group = revisions.latest(group)
        if kind in QUANTITY_KINDS:
            out += _numbers(ds, event, kind, group)
            out += _victims(event, kind, group)
        if kind in CATEGORY_KINDS:
            out += _categories(event, kind, group)
        if kind == "depth":
            out += _measured(_depth_vs_measured, ds, event, group, resolution)
            out += _description_vs_depth(event, group, by.get((event, "location"), []))
        if kind == "location":
            out += _measured(_place_vs_measured, ds, event, group, resolution)
            out += _measured(_different_places, ds, event, group)
        if kind == "border_length":
            out += _measured(_length_vs_measured, ds, event, group)
    return out


_UNMEASURED_TYPE: dict[str, FindingType] = {
    "depth": "depth_vs_measured",
    "location": "place_vs_measured",
    "border_length": "length_vs_measured",
}


def _measured(check, ds, event, group, *args) -> list[Finding]:
    """Run a check that measures; if the boundary data is broken, say so instead of failing."""
    try:
        return check(ds, event, group, *args)
    except boundaries.BoundaryDataError as e:
        kind = group[0].kind
        return [
            Finding(
                f"{event}:{kind}:unmeasured",
                event,
                kind,
                _UNMEASURED_TYPE[kind],
                "cannot tell",
                tuple(c.id for c in group),
                f"Cannot measure against the border: {e}",
                differs="place" if kind == "location" else "figure",
                why="Without the boundary data nothing can be checked against geometry.",
            )
        ]


def _numbers(ds: Dataset, event, kind, group) -> list[Finding]:
    numeric = [c for c in group if c.interval() is not None]
    pairs = [
        (a, b) for i, a in enumerate(numeric) for b in numeric[i + 1 :] if not _overlap(a.interval(), b.interval())
    ]
    rising = [p for p in pairs if kind in TOLL_KINDS and _later_count(ds, *p)]
    out = []
    if conflicting := [p for p in pairs if p not in rising]:
        out.append(
            _numbers_finding(
                event,
                kind,
                conflicting,
                f"{event}:{kind}:numbers",
                "inconsistent",
                f"The figures for {kind} do not agree",
                "Their ranges, qualifiers included, do not overlap: the sources cannot all be right.",
            )
        )
    if rising:
        out.append(
            _numbers_finding(
                event,
                kind,
                rising,
                f"{event}:{kind}:later",
                "differ",
                f"A later count of {kind} from the same side is higher",
                "Tolls rise as the dead are found and the injured die: a higher figure from the same side, "
                "given on a later day, reads as an update rather than a contradiction. Where the later source "
                "says it revises the earlier figure, link the two as a revision.",
            )
        )
    return out


def _numbers_finding(event, kind, pairs, fid, verdict, lead, why) -> Finding:
    members = sorted({c.id: c for p in pairs for c in p}.values(), key=lambda c: c.id)
    text = "; ".join(f"{_who(c)} says {c.value_label()}" for c in members)
    ids = tuple(c.id for c in members)
    return Finding(fid, event, kind, "different_numbers", verdict, ids, f"{lead}: {text}.", differs="figure", why=why)


def _later_count(ds: Dataset, a: Claim, b: Claim) -> bool:
    """Whether one of two figures that do not overlap is the same side's higher count of a later day.

    The same side is the same claimant, or two claimants of one government; undated sources or
    a lower later figure (a toll revised down) stay a disagreement."""
    same_side = a.claimant.casefold() == b.claimant.casefold() or (
        a.claimant_type == b.claimant_type and a.claimant_type in GOVERNMENTS
    )
    da, db = (ds.sources[c.source].date if c.source in ds.sources else None for c in (a, b))
    if not same_side or da is None or db is None or da == db:
        return False
    early, late = (a, b) if da < db else (b, a)
    return late.interval()[0] > early.interval()[1]


def _revisions(ds: Dataset, event, kind, group) -> list[Finding]:
    out, done = [], set()
    for steps in revisions.histories(group, ds.sources).values():
        newest = steps[-1].claim
        if newest.id in done:
            continue
        done.add(newest.id)
        out.append(
            Finding(
                f"{event}:{kind}:revision:{newest.id}",
                event,
                kind,
                "revision",
                "differ",
                tuple(s.claim.id for s in steps),
                f"{newest.claimant} revised their figure for {kind}: {revisions.history_text(steps)}.",
                differs="figure",
                why="A later figure by the same claimant replaces the earlier one: a revision, not a disagreement "
                "between claimants. Comparisons and headlines use the latest.",
            )
        )
    return out


def _victims(event, kind, group) -> list[Finding]:
    described: dict[str, Claim] = {}
    for c in group:
        v = (c.victims or "").strip()
        if v and v.lower() != "not stated":
            described.setdefault(v.lower(), c)
    if len(described) < 2:
        return []
    members = list(described.values())
    ids = tuple(sorted(c.id for c in members))
    text = "; ".join(f"{_who(c)}: {c.value_label() or 'no figure'}, {c.victims}" for c in members)
    conflicts = [
        (a, b, why)
        for i, a in enumerate(members)
        for b in members[i + 1 :]
        if a.source != b.source and (why := compare.Victims.of(a.victims).conflict(compare.Victims.of(b.victims)))
    ]
    if conflicts:
        a, b, why = conflicts[0]
        verdict, reason = (
            "inconsistent",
            (
                f"{_who(a)} and {_who(b)} put the victims in classes that cannot both be right ({why}): "
                "who was hit is what each side's account of the strike rests on."
            ),
        )
    else:
        classes = "; ".join(f"{c.victims} → {compare.Victims.of(c.victims).label()}" for c in members)
        verdict, reason = "differ", f"The wording differs but the classes are compatible ({classes})."
    return [
        Finding(
            f"{event}:{kind}:victims",
            event,
            kind,
            "different_victims",
            verdict,
            ids,
            f"The victims are described differently: {text}.",
            differs="victims",
            why=reason,
        )
    ]


def _categories(event, kind, group) -> list[Finding]:
    distinct: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for c in group:
        if c.values:
            distinct[c.values].append(c)
    # Differences within one source are its own nuance, not a disagreement between sources.
    if len(distinct) < 2 or len({c.source for cs in distinct.values() for c in cs}) < 2:
        return []
    parts = [f"{', '.join(vals)} ({'; '.join(_who(c) for c in cs)})" for vals, cs in sorted(distinct.items())]
    ids = tuple(sorted(c.id for cs in distinct.values() for c in cs))
    verdict, why = "differ", f"Listed for comparison; differing {kind} wording is not judged a contradiction."
    if kind == "weapon":
        verdict, why = _weapon_verdict([c for cs in distinct.values() for c in cs])
    return [
        Finding(
            f"{event}:{kind}:values",
            event,
            kind,
            "different_values",
            verdict,
            ids,
            f"Sources differ on {kind}: " + " vs ".join(parts) + ".",
            differs=kind,
            why=why,
        )
    ]


def _weapon_verdict(claims: list[Claim]) -> tuple[Verdict, str]:
    """Weapons by class, per source: two sources contradict when they share no class."""
    by_source: dict[str, frozenset[str]] = defaultdict(frozenset)
    for c in claims:
        by_source[c.source] |= compare.classes(" ".join(c.values), compare.WEAPONS)
    sources = sorted(by_source)
    for i, a in enumerate(sources):
        for b in sources[i + 1 :]:
            if compare.disjoint(by_source[a], by_source[b]):
                return "inconsistent", (
                    f"{a} names only {compare.label(by_source[a])}, {b} only {compare.label(by_source[b])}: "
                    "no weapon class in common, so their accounts of how the strike was made contradict."
                )
    return "differ", (
        "Every source shares a weapon class with every other (missiles and rockets are one class; "
        "air strikes cover drones, missiles and aircraft): the wording differs, the accounts do not contradict."
    )


def measured_depth_km(ds: Dataset, event_id: str, resolution: boundaries.Resolution = "osm"):
    """Measured distance (km) from an event's place to the border over its uncertainty circle.

    Returns ``{"low": .., "centre": .., "high": .., "uncertainty": ..}`` in kilometres, or None
    when the event has no place.
    """
    event = ds.events[event_id]
    place = ds.place_of(event)
    if place is None:
        return None
    lo, mid, hi = measure.distance_range_m(place.lon, place.lat, place.uncertainty_km * 1000, resolution)
    return {"low": lo / 1000, "centre": mid / 1000, "high": hi / 1000, "uncertainty": place.uncertainty_km}


def _measured_text(m: dict) -> str:
    return f"{m['low']:.0f}–{m['high']:.0f} km (centre {m['centre']:.0f} km, ±{m['uncertainty']:g} km location)"


def _depth_vs_measured(ds, event, group, resolution) -> list[Finding]:
    ev = ds.events[event]
    place = ds.place_of(ev)
    if place is None:
        return []
    m = measured_depth_km(ds, event, resolution)
    side, _ = measure.locate(place.lon, place.lat, resolution)
    out = []
    for c in group:
        iv = c.interval()
        if iv is None:
            continue
        if place.precision in COARSE_PRECISIONS or (ev.target_country and side != ev.target_country):
            verdict, why = "cannot tell", f"the location is known only to {place.precision} level"
        elif (region := feasible.feasible(ds, c, resolution)) is not None:
            # geometric: how much of the place's uncertainty area the band leaves
            verdict, why = region.verdict, region.why
        elif _overlap(iv, (m["low"], m["high"])):
            verdict, why = "consistent", "the stated depth lies within the measured range"
        else:
            verdict, why = "inconsistent", "the stated depth lies outside the measured range"
        summary = (
            f"{_who(c)} says {c.value_label()} into {COUNTRY_NAMES.get(ev.target_country, ev.target_country)}; "
            "the geodesic distance from "
            f"{place.name} to the border ({boundaries.BORDERS[resolution].label}) is {_measured_text(m)}: "
            f"{verdict}, {why}."
        )
        out.append(
            Finding(
                f"{event}:depth:measured:{c.id}",
                event,
                "depth",
                "depth_vs_measured",
                verdict,
                (c.id,),
                summary,
                {k: round(v, 2) for k, v in m.items()},
                differs="figure",
                why="How deep a strike went is how far each side carried the fight into the other's territory.",
            )
        )
    return out


def _descriptor(c: Claim) -> tuple[float, float] | None:
    return DESCRIPTOR_DEPTH_KM.get(c.value.lower()) if isinstance(c.value, str) else None


def _description_vs_depth(event, depths, locations) -> list[Finding]:
    out = []
    for loc in locations:
        implied = _descriptor(loc)
        if implied is None:
            continue
        for d in depths:
            iv = d.interval()
            if iv is None or _overlap(iv, implied):
                continue
            out.append(
                Finding(
                    f"{event}:depth:description:{loc.id}:{d.id}",
                    event,
                    "depth",
                    "description_vs_depth",
                    "inconsistent",
                    (loc.id, d.id),
                    f"{_who(loc)} describes the target as \u201c{loc.value}\u201d (within {implied[1]:g} km of the "
                    f"border), but {_who(d)} says {d.value_label()} deep.",
                    differs="place",
                    why="A strike at the border and one far inland are different escalations; both cannot be right.",
                )
            )
    return out


def _place_vs_measured(ds, event, group, resolution) -> list[Finding]:
    """Each described or named place against where the event's place is measured to lie."""
    place = ds.place_of(ds.events[event])
    if place is None:
        return []
    out = []
    for c in group:
        implied = _descriptor(c)
        if implied is not None:
            if place.precision in COARSE_PRECISIONS:
                continue
            m = measured_depth_km(ds, event, resolution)
            verdict = "consistent" if _overlap(implied, (m["low"], m["high"])) else "inconsistent"
            summary = (
                f"{_who(c)} describes the target as \u201c{c.value}\u201d (within {implied[1]:g} km of the border); "
                f"{place.name} is measured at {_measured_text(m)} from it: {verdict}."
            )
            out.append(_place_finding(event, c, verdict, summary, {k: round(v, 2) for k, v in m.items()}))
            continue
        polygon = compare.region_polygon(c.value) if isinstance(c.value, str) else None
        if polygon is None:
            continue
        outside_km = measure.metres_outside(place.lon, place.lat, polygon) / 1000
        if outside_km == 0:
            verdict, where = "consistent", "lies inside it"
        elif outside_km > place.uncertainty_km:
            verdict, where = (
                "inconsistent",
                f"lies {outside_km:.0f} km outside it, beyond its ±{place.uncertainty_km:g} km",
            )
        else:
            verdict, where = (
                "cannot tell",
                f"lies {outside_km:.0f} km outside it, within its ±{place.uncertainty_km:g} km",
            )
        summary = f"{_who(c)} places it in {c.value}; {place.name} {where}: {verdict}."
        out.append(_place_finding(event, c, verdict, summary, {"outside": round(outside_km, 2)}))
    return out


def _place_finding(event, c: Claim, verdict: Verdict, summary: str, measured: dict) -> Finding:
    return Finding(
        f"{event}:location:measured:{c.id}",
        event,
        "location",
        "place_vs_measured",
        verdict,
        (c.id,),
        summary,
        measured,
        differs="place",
        why="Where a source puts a strike is checked against where the atlas locates it, in metres.",
    )


def _different_places(ds, event, group) -> list[Finding]:
    """Two sources naming regions that share no ground cannot both be right."""
    out = []
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            if a.source == b.source or not (isinstance(a.value, str) and isinstance(b.value, str)):
                continue
            if compare.regions_disjoint(a.value, b.value):
                out.append(
                    Finding(
                        f"{event}:location:places:{a.id}:{b.id}",
                        event,
                        "location",
                        "different_places",
                        "inconsistent",
                        (a.id, b.id),
                        f"{_who(a)} places it in {a.value}, {_who(b)} in {b.value}: the regions share no ground.",
                        differs="place",
                        why="A strike cannot have hit two regions that do not overlap.",
                    )
                )
    return out


def _length_vs_measured(ds, event, group) -> list[Finding]:
    lengths = {r: measure.border_length_m(r) / 1000 for r in boundaries.RESOLUTIONS}
    lo, hi = min(lengths.values()), max(lengths.values())
    published = ", ".join(f"{v:g} km ({k})" for k, v in boundaries.PUBLISHED_LENGTHS_KM.items())
    measured = ", ".join(f"{v:.0f} km ({boundaries.BORDERS[r].label})" for r, v in lengths.items())
    out = []
    for c in group:
        iv = c.interval()
        if iv is None:
            continue
        verdict = "consistent" if _overlap(iv, (lo, hi)) else "inconsistent"
        out.append(
            Finding(
                f"{event}:border_length:{c.id}",
                event,
                "border_length",
                "length_vs_measured",
                verdict,
                (c.id,),
                f"{_who(c)} says {c.value_label()}. Measured geodesically: {measured}; the length grows with "
                f"the resolution of the line. Published: {published}. Verdict: {verdict} with the measured range.",
                {r: round(v, 1) for r, v in lengths.items()},
                differs="figure",
                why="A border length says how much frontier there is to watch; it depends on the map's detail.",
            )
        )
    return out


def findings_by_claim(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Claim id -> the findings it takes part in (for disagreement markers)."""
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        for cid in f.claims:
            out[cid].append(f)
    return dict(out)
