"""Headline figures for casualty claims under a stated rule, for summaries.

Rules: ``conservative`` (the lowest figure any claimant gives), ``range`` (lowest to highest
figure claimed; "+" marks an open-ended "at least"/"more than"), ``each`` (every claimant
separately). The rule in use is always shown on screen next to the figures. Every rule counts
each claimant's latest figure: one that a later claim by the same claimant revises is left out,
and :func:`basis` says which. A zero said of a group ("none of its fighters was killed") is no
toll of the event and no headline's lowest figure; it stays a claim, shown with its victims.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from geo.core import revisions
from geo.core.model import Claim

RULES = {
    "conservative": "Most conservative: the lowest figure any claimant gives",
    "range": "Range: lowest to highest figure claimed",
    "each": "Each claimant separately",
}
HEADLINE_KINDS = ("killed", "injured")
# victims a zero may name and still be the whole toll ("no one", "no civilians", "no people")
WHOLE = frozenset("people persons person civilians civilian anyone one".split())


def _toll(c: Claim) -> bool:
    """Whether the claim counts toward a headline: not a zero about a group ("fighters")."""
    return not (c.value == 0 and c.victims and c.victims.strip().lower() not in WHOLE)


def _fmt(x: float) -> str:
    return f"{x:g}"


def headline(claims: Iterable[Claim], rule: str) -> dict[tuple[str, str], str]:
    """(event, kind) -> headline text for the numeric casualty claims under ``rule``."""
    if rule not in RULES:
        raise ValueError(f"unknown headline rule {rule!r}; choose one of {', '.join(RULES)}")
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in revisions.latest(claims):
        if c.kind in HEADLINE_KINDS and c.interval() is not None and _toll(c):
            groups[(c.event, c.kind)].append(c)
    out = {}
    for key, cs in sorted(groups.items()):
        if rule == "conservative":
            low = min(c.interval()[0] for c in cs)
            lowest = [c for c in cs if c.interval()[0] == low]
            open_ended = all(math.isinf(c.interval()[1]) for c in lowest)
            # "more than 90" stays "more than": "at least 90" would claim 90 is possible.
            strict = open_ended and all(c.qualifier == "more than" for c in lowest)
            out[key] = ("more than " if strict else "at least " if open_ended else "") + _fmt(low)
        elif rule == "range":
            low = min(c.interval()[0] for c in cs)
            high = max(c.interval()[0] if math.isinf(c.interval()[1]) else c.interval()[1] for c in cs)
            plus = "+" if any(math.isinf(c.interval()[1]) and c.interval()[0] >= high for c in cs) else ""
            out[key] = _fmt(low) if low == high and not plus else f"{_fmt(low)}–{_fmt(high)}{plus}"
        else:
            out[key] = "; ".join(f"{c.claimant} [{c.source}]: {c.value_label()}" for c in cs)
    return out


def basis(claims: Iterable[Claim]) -> str:
    """What the headline left out as revised, in a sentence ("" when nothing was)."""
    claims = [c for c in claims if c.kind in HEADLINE_KINDS]
    by_id = {c.id: c for c in claims}
    old = revisions.superseded(claims)
    if not old:
        return ""
    pairs = "; ".join(
        f"{by_id[o].claimant} {by_id[o].value_label()} → {by_id[n].value_label()}" for o, n in old.items()
    )
    return f"Each claimant's latest figure counts; revised earlier figures are left out ({pairs})."
