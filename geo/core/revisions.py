"""Toll history: a claimant's later figure that revises their own earlier one (``Claim.revises``).

A revision is not a disagreement: "seven killed" on the 17th and "nine killed" on the 18th by
the same ministry is one account that changed, and the later figure replaces the earlier in
headlines and comparisons. Both stay on the record and are shown as a history (7 → 9), each with
its date and quote. Only the claims given are considered: when the revising claim's source is
switched off, the earlier figure is the latest one shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from geo.core.model import Claim, Source


@dataclass(frozen=True)
class Step:
    """One figure of a history, oldest first."""

    claim: Claim
    date: dt.date | None  # its source's date

    def label(self) -> str:
        when = f"{self.date:%d %b %Y}" if self.date else "undated"
        return f"{self.claim.value_label()} ({when}, {self.claim.source})"


def superseded(claims: Iterable[Claim]) -> dict[str, str]:
    """{earlier claim id: the id of the claim that revises it}, among these claims."""
    shown = {c.id for c in claims}
    return {c.revises: c.id for c in claims if c.revises in shown and c.id in shown}


def latest(claims: Iterable[Claim]) -> list[Claim]:
    """These claims without those a later one among them revises: each claimant's latest figure."""
    claims = list(claims)
    old = superseded(claims)
    return [c for c in claims if c.id not in old]


def histories(claims: Iterable[Claim], sources: Mapping[str, Source]) -> dict[str, tuple[Step, ...]]:
    """{claim id: its whole history, oldest first} for every claim that revises or is revised
    among these claims; every claim of one history maps to the same tuple."""
    claims = list(claims)
    by_id = {c.id: c for c in claims}
    newer = superseded(claims)
    out: dict[str, tuple[Step, ...]] = {}
    for c in claims:
        if c.id in newer or c.revises not in by_id:
            continue  # not the newest of a history, or no history at all
        chain, seen = [c], {c.id}
        while chain[-1].revises in by_id and chain[-1].revises not in seen:  # a cycle is refused on load
            chain.append(by_id[chain[-1].revises])
            seen.add(chain[-1].id)
        steps = tuple(Step(x, sources[x.source].date if x.source in sources else None) for x in reversed(chain))
        for x in chain:
            out[x.id] = steps
    return out


def history_text(steps: tuple[Step, ...]) -> str:
    """ "7 people (17 Jan 2024, s1) → 9 people (18 Jan 2024, s2)"."""
    return " → ".join(s.label() for s in steps)


def note(claim_id: str, steps: tuple[Step, ...]) -> str:
    """What a reader is told beside one claim of a history."""
    if steps[-1].claim.id == claim_id:
        return f"revised figure, the claimant's latest: {history_text(steps)}"
    return f"superseded by the claimant's later figure: {history_text(steps)}"


def notes(claims: Iterable[Claim], sources: Mapping[str, Source]) -> dict[str, str]:
    """{claim id: :func:`note`} for every claim of a history among these claims."""
    return {cid: note(cid, steps) for cid, steps in histories(claims, sources).items()}
