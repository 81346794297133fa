"""What the Timeline page puts on its time axis: each event at its local time (with its zone), and
each claim at its source's publication date, in one lane per claimant group, a claimant's
revised figures joined (``geo.core.revisions``). Times are kept in UTC for the axis and shown
local in words. Claims whose source has no date cannot be placed: they are counted, not guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from geo.core import revisions
from geo.core.dataset import Dataset
from geo.core.model import Claim, Event
from geo.core.view import GROUPS, group_of

EVENTS_LANE = "Events"
LANES = (EVENTS_LANE, *(label for _, label, _ in GROUPS))


@dataclass(frozen=True)
class Mark:
    """One point on the time axis."""

    kind: str  # "event" or "claim"
    id: str
    lane: str  # EVENTS_LANE or a claimant group's label
    when: dt.datetime  # UTC
    local: str  # the time as a reader there sees it, with its zone
    label: str  # what it is: the event's title, or the claim's figure, claimant and source
    date: dt.date  # the date the sidebar filters by: the event's local date, the claim's publication
    history: str = ""  # the id of the toll history it belongs to ("" for none)


def event_time(e: Event) -> dt.datetime:
    """An event's time in UTC (noon local when only its day is known)."""
    h, m = map(int, (e.time_local or "12:00").split(":"))
    return dt.datetime.combine(e.date, dt.time(h, m), tzinfo=ZoneInfo(e.timezone)).astimezone(dt.UTC)


def marks(ds: Dataset, claims: Iterable[Claim], events: Iterable[str]) -> tuple[list[Mark], int]:
    """The marks for these events and claims, and how many claims had no date to be placed by."""
    out = [
        Mark("event", e.id, EVENTS_LANE, event_time(e), e.local_label(), e.title, e.date)
        for e in (ds.events[eid] for eid in events)
    ]
    claims = list(claims)
    history = revisions.histories(claims, ds.sources)
    undated = 0
    for c in claims:
        published = ds.sources[c.source].date
        if published is None:
            undated += 1
            continue
        out.append(
            Mark(
                "claim",
                c.id,
                group_of(c),
                dt.datetime.combine(published, dt.time(12), tzinfo=dt.UTC),
                f"published {published:%d %b %Y}",
                f"{c.kind}: {c.value_label()} — {c.claimant} [{c.source}]",
                published,
                history[c.id][-1].claim.id if c.id in history else "",
            )
        )
    return sorted(out, key=lambda m: (m.when, m.lane, m.id)), undated


def brushed_dates(start, end, shown: Iterable[Mark] = ()) -> tuple[dt.date, dt.date]:
    """The dates a brushed time range covers, for the sidebar's date filter. The brush gives
    epoch milliseconds (Vega-Lite's temporal scale) or ISO strings, in UTC; an event inside it
    counts with its own local date (a strike at 02:00 in Tehran is on the previous day in UTC),
    so the range is widened to the local dates of the marks inside it."""

    def when(v) -> dt.datetime:
        if isinstance(v, int | float):
            return dt.datetime.fromtimestamp(v / 1000, dt.UTC)
        t = dt.datetime.fromisoformat(str(v).replace("Z", "+00:00"))
        return t if t.tzinfo else t.replace(tzinfo=dt.UTC)

    a, b = sorted((when(start), when(end)))
    dates = [a.date(), b.date(), *(m.date for m in shown if a <= m.when <= b)]
    return min(dates), max(dates)
