"""Compare the claims made about each event and say, in plain words, where they disagree.

Findings are computed from the data, never typed in:

- ``different_numbers``: casualty or distance figures whose ranges (after qualifiers) do not overlap;
- ``different_victims``: figures that agree but describe the victims differently;
- ``depth_vs_measured``: a stated depth against the geodesic distance from the geocoded place
  to the border, measured over the place's uncertainty circle (consistent / inconsistent /
  cannot tell);
- ``description_vs_depth``: a description ("a border village") whose implied depth contradicts
  a stated depth;
- ``length_vs_measured``: a stated border length against the lengths measured at each resolution;
- ``different_values``: categorical claims (weapon, target, perpetrator, time) that differ.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

from geo.dataset import Dataset
from geo.model import Claim
from geo.spatial import boundaries, measure

FindingType = Literal[
    "different_numbers",
    "different_victims",
    "depth_vs_measured",
    "description_vs_depth",
    "length_vs_measured",
    "different_values",
]
Verdict = Literal["inconsistent", "consistent", "cannot tell", "differ"]
# Depths (km) implied by descriptions of where a strike hit. Deliberately generous.
DESCRIPTOR_DEPTH_KM: dict[str, tuple[float, float]] = {
    "border village": (0.0, 15.0),
    "border area": (0.0, 30.0),
}
# A location this coarse cannot confirm or refute a depth.
COARSE_PRECISIONS = frozenset({"province", "country"})
QUANTITY_KINDS = ("killed", "injured", "casualties", "depth")
CATEGORY_KINDS = ("weapon", "target", "perpetrator", "time")


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

    def to_dict(self) -> dict:
        return asdict(self)


def _who(c: Claim) -> str:
    return f"{c.claimant} ({c.source})"


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _norm_victims(v: str | None) -> str | None:
    if v is None or v.strip().lower() in ("not stated", ""):
        return None
    return v.strip().lower()


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
        if kind in QUANTITY_KINDS:
            out += _numbers(event, kind, group)
        if kind in CATEGORY_KINDS:
            out += _categories(event, kind, group)
        if kind == "depth":
            out += _measured(_depth_vs_measured, ds, event, group, resolution)
            out += _description_vs_depth(event, group, by.get((event, "location"), []))
        if kind == "border_length":
            out += _measured(_length_vs_measured, ds, event, group)
    return out


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
                "depth_vs_measured" if kind == "depth" else "length_vs_measured",
                "cannot tell",
                tuple(c.id for c in group),
                f"Cannot measure against the border: {e}",
            )
        ]


def _numbers(event, kind, group) -> list[Finding]:
    numeric = [c for c in group if c.interval() is not None]
    out = []
    pairs = [
        (a, b) for i, a in enumerate(numeric) for b in numeric[i + 1 :] if not _overlap(a.interval(), b.interval())
    ]
    if pairs:
        ids = tuple(sorted({c.id for p in pairs for c in p}))
        text = "; ".join(f"{_who(c)} says {c.value_label()}" for c in numeric if c.id in ids)
        out.append(
            Finding(
                f"{event}:{kind}:numbers",
                event,
                kind,
                "different_numbers",
                "inconsistent",
                ids,
                f"The figures for {kind} do not agree: {text}.",
            )
        )
    victims = {}
    for c in numeric:
        v = _norm_victims(c.victims)
        if v is not None:
            victims.setdefault(v, c)
    if len(victims) > 1:
        agreeing = [c for c in victims.values()]
        same_number = all(_overlap(a.interval(), b.interval()) for a in agreeing for b in agreeing)
        ids = tuple(sorted(c.id for c in agreeing))
        lead = "The numbers agree but the victims differ" if same_number else "The victims are described differently"
        text = "; ".join(f"{_who(c)}: {c.value_label()}, {c.victims}" for c in agreeing)
        out.append(
            Finding(
                f"{event}:{kind}:victims", event, kind, "different_victims", "inconsistent", ids, f"{lead}: {text}."
            )
        )
    return out


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
    return [
        Finding(
            f"{event}:{kind}:values",
            event,
            kind,
            "different_values",
            "differ",
            ids,
            f"Sources differ on {kind}: " + " vs ".join(parts) + ".",
        )
    ]


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
        measured = f"{m['low']:.0f}–{m['high']:.0f} km (centre {m['centre']:.0f} km, ±{m['uncertainty']:g} km location)"
        if place.precision in COARSE_PRECISIONS or (ev.target_country and side != ev.target_country):
            verdict, why = "cannot tell", f"the location is known only to {place.precision} level"
        elif _overlap(iv, (m["low"], m["high"])):
            verdict, why = "consistent", "the stated depth lies within the measured range"
        else:
            verdict, why = "inconsistent", "the stated depth lies outside the measured range"
        summary = (
            f"{_who(c)} says {c.value_label()} into {ev.target_country}; the geodesic distance from "
            f"{place.name} to the border ({boundaries.BORDERS[resolution].label}) is {measured}: {verdict}, {why}."
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
            )
        )
    return out


def _description_vs_depth(event, depths, locations) -> list[Finding]:
    out = []
    for loc in locations:
        implied = DESCRIPTOR_DEPTH_KM.get(str(loc.value).lower()) if isinstance(loc.value, str) else None
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


# Words that put victims or weapons into classes: two descriptions disagree materially only
# when their classes differ ("security officers" vs "police officers" is the same class;
# "separatists" vs "women and children" is not). A class is only ever compared with a class.
VICTIM_CLASSES = {
    "combatant": ("militant", "separatist", "terrorist", "fighter", "insurgent", "rebel", "sarmachar"),
    "civilian": ("civilian", "woman", "women", "child", "children", "girl", "boy", "villager", "resident"),
    "security": ("officer", "police", "guard", "soldier", "security", "personnel", "troop", "army", "border force"),
    "non-national": ("not iranian", "non-iranian", "pakistani national", "not pakistani", "foreign"),
}
WEAPON_CLASSES = {
    "missiles or rockets": ("missile", "rocket", "ballistic", "cruise", "projectile"),
    "drones": ("drone", "uav", "unmanned", "kamikaze"),
    "aircraft": ("aircraft", "jet", "warplane", "air strike", "airstrike", "air attack", "air raid", "helicopter"),
    "artillery": ("artillery", "shell", "mortar"),
}


def word_classes(text: str, classes: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The classes whose words occur in ``text`` (whole words, lower case, plurals allowed)."""
    low = text.lower()
    return frozenset(
        name for name, words in classes.items() if any(re.search(rf"\b{re.escape(w)}(e?s)?\b", low) for w in words)
    )


def is_material(f: Finding, claims: dict[str, Claim]) -> bool:
    """Whether a finding is a real disagreement a reader must see flagged (⚠).

    Figures whose ranges do not overlap, and measured or described depths that contradict a
    stated one, always are. Victims count only when their classes differ; weapons only when a
    source names no weapon class the others name (missiles vs missiles and drones is not a
    contradiction); other categories (targets, times) and "cannot tell" are listed, not flagged.
    """
    if f.verdict != "inconsistent" and f.type != "different_values":
        return False
    members = [claims[c] for c in f.claims if c in claims]
    if f.type == "different_victims":
        sets = {word_classes(c.victims or "", VICTIM_CLASSES) for c in members}
        sets.discard(frozenset())
        return len(sets) > 1
    if f.type == "different_values":
        if f.kind != "weapon":
            return False
        # One source's account contradicts the others' only if it shares no class with them.
        by_source: dict[str, frozenset[str]] = defaultdict(frozenset)
        for c in members:
            by_source[c.source] |= word_classes(" ".join(c.values), WEAPON_CLASSES)
        for sid, mine in by_source.items():
            others = frozenset().union(*(v for k, v in by_source.items() if k != sid))
            if mine and others and not mine & others:
                return True
        return False
    return True
