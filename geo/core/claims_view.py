"""What the Claims page compares for one event: claimants by kind, the findings, the casualty figures.

Computed here, drawn by ``geo.render.claims_table`` and the page's chart: each cell holds every
claim of one claimant and source about one kind, with its full value text; a cell is marked
only when one of its claims takes part in a *material* finding, and points to that finding by
number so a reader without a pointer to hover with can find the reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from geo.core import revisions
from geo.core.findings import Finding
from geo.core.model import Claim, Source

CASUALTY_KINDS = ("killed", "injured")
SHORT_MAX = 24


def short_claimant(name: str) -> str:
    """A claimant's name short enough for a row label; the full name goes on hover.

    "Government of Pakistan" -> "Pakistan gov.", "the author (section heading)" -> "author",
    "Sharmine Narwani (analyst, on X)" -> "Sharmine Narwani". Distinct names stay distinct
    because the row also shows the source.
    """
    s = re.sub(r"\s*\([^)]*\)", "", name).strip() or name.strip()
    s = re.sub(r"^(?:the\s+)?government of\s+(.+)$", r"\1 gov.", s, flags=re.I)
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    if len(s) > SHORT_MAX:
        cut = s[: SHORT_MAX - 1].rsplit(" ", 1)[0]
        s = cut + "…"
    return s


@dataclass(frozen=True)
class CellClaim:
    claim_id: str
    text: str  # the value as a reader sees it: qualifier, number, unit, breakdown
    refs: tuple[int, ...]  # numbers of the material findings it takes part in
    quote: str
    history: str = ""  # its toll history, where a claim revises it or it revises one


@dataclass(frozen=True)
class Row:
    claimant: str
    short: str
    source: str
    cells: dict[str, tuple[CellClaim, ...]]


@dataclass(frozen=True)
class NumberedFinding:
    number: int  # 1.. for material findings, 0 for the others
    finding: Finding


@dataclass(frozen=True)
class Bar:
    claimant: str
    short: str
    source: str
    kind: str
    value: float
    figure: str  # qualifier and number, short enough to sit beside its bar on a phone: "at least 9"
    label: str  # the full value, breakdown included, for the tooltip
    history: str = ""  # its toll history, where there is one
    superseded: bool = False  # a later figure by the same claimant revises it
    quote: str = ""  # the claim's words, for the tooltip


@dataclass(frozen=True)
class ClaimsTable:
    event: str
    kinds: tuple[str, ...]  # the kinds present, in no particular order: render orders them
    rows: tuple[Row, ...]
    findings: tuple[NumberedFinding, ...]  # material first, numbered


def claims_table(
    claims: Iterable[Claim], findings: Iterable[Finding], event_id: str, sources: Mapping[str, Source] | None = None
) -> ClaimsTable:
    """The comparison for one event: claims given here are already filtered by the sidebar;
    ``sources`` date the figures of a toll history."""
    mine = [c for c in claims if c.event == event_id]
    history = revisions.notes(mine, sources or {})
    ids = {c.id for c in mine}
    ev_findings = [f for f in findings if f.event == event_id and set(f.claims) & ids]
    material = [f for f in ev_findings if f.material]
    numbered = [NumberedFinding(i, f) for i, f in enumerate(material, 1)]
    numbered += [NumberedFinding(0, f) for f in ev_findings if not f.material]
    refs: dict[str, list[int]] = defaultdict(list)
    for n in numbered:
        if n.number:
            for cid in n.finding.claims:
                refs[cid].append(n.number)
    grouped: dict[tuple[str, str], dict[str, list[CellClaim]]] = {}
    for c in mine:
        cell = CellClaim(c.id, c.value_label(), tuple(refs.get(c.id, ())), c.quote, history.get(c.id, ""))
        grouped.setdefault((c.claimant, c.source), defaultdict(list))[c.kind].append(cell)
    rows = tuple(
        Row(claimant, short_claimant(claimant), source, {k: tuple(v) for k, v in cells.items()})
        for (claimant, source), cells in grouped.items()
    )
    return ClaimsTable(event_id, tuple(sorted({c.kind for c in mine})), rows, tuple(numbered))


def casualty_bars(claims: Iterable[Claim], sources: Mapping[str, Source] | None = None) -> dict[str, list[Bar]]:
    """Event id -> one bar per killed or injured figure, for events that have any; a figure a
    later one revises is marked superseded, and both carry their history."""
    claims = [c for c in claims if c.kind in CASUALTY_KINDS and isinstance(c.value, float)]
    history, old = revisions.notes(claims, sources or {}), revisions.superseded(claims)
    out: dict[str, list[Bar]] = defaultdict(list)
    for c in claims:
        figure = c.figure_label() + (" (superseded)" if c.id in old else "")
        out[c.event].append(
            Bar(
                c.claimant,
                short_claimant(c.claimant),
                c.source,
                c.kind,
                c.value,
                figure,
                c.value_label(),
                history.get(c.id, ""),
                c.id in old,
                c.quote,
            )
        )
    return dict(out)
