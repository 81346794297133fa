"""The view model: what a map view shows, computed before drawing (hand-made cases)."""

from __future__ import annotations

import pytest

from geo.core.dataset import load_dataset
from geo.core.model import Claim
from geo.core.view import depth_interval_km, view_of


def claim(cid, source, **kw) -> Claim:
    base = dict(
        id=cid,
        event="e",
        source=source,
        claimant="x",
        claimant_type="author",
        kind="killed",
        value=9.0,
        quote="q",
        quote_start=0,
        quote_end=1,
    )
    return Claim(**{**base, **kw})


def test_depth_interval_for_open_and_exact_figures():
    assert depth_interval_km(claim("a", "s", kind="depth", value=50.0, qualifier="more than")) == (50.0, 55.0, True)
    assert depth_interval_km(claim("a", "s", kind="depth", value=90.0, qualifier="about")) == pytest.approx(
        (81.0, 99.0, False)
    )


@pytest.fixture(scope="module")
def view():
    return view_of(load_dataset())


def test_saravan_summary_puts_each_claimant_group_first(view):
    ev = next(e for e in view.events if e.event.id == "pakistan-strike-saravan")
    killed = next(s for s in ev.summary if s.kind == "killed")
    groups = {g.group: g.values for g in killed.groups}
    assert any("women 3, men 2, children 4" in v for v in groups["Iranian official"])
    assert any("at least 9" in v for v in groups["Pakistani official"])
    assert killed.disagrees  # separatists vs women and children
    assert ev.measured and 20 < ev.measured.low < ev.measured.centre < ev.measured.high < 80
    assert [b.label for b in ev.bands] == ["s003: about 90 km"]


def test_only_material_disagreements_are_flagged(view):
    flagged = sum(len(e.flagged) for e in view.events)
    total = sum(len(e.claims) for e in view.events)
    assert 0 < flagged < total / 3


def test_tooltips_are_unique_and_lead_back_to_their_event(view):
    tips = [e.tooltip for e in view.events]
    assert len(tips) == len(set(tips))
    for e in view.events:
        assert view.by_tooltip(e.tooltip) == e.event.id
    assert view.by_tooltip("something else") is None
