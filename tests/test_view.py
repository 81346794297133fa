"""The view model: what a map view shows, computed before drawing (hand-made cases)."""

from __future__ import annotations

import pytest

from geo.core.claims_view import casualty_bars, claims_table, short_claimant
from geo.core.dataset import load_dataset
from geo.core.findings import find_discrepancies
from geo.core.view import depth_interval_km, view_of
from tests.fixtures import claim


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


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Government of Pakistan", "Pakistan gov."),
        ('Government of Iran ("according to Iran")', "Iran gov."),
        ("the author (section heading)", "author"),
        ("Sharmine Narwani (analyst, on X)", "Sharmine Narwani"),
        ("Pakistan's military media wing", "Pakistan's military…"),
        ("(unnamed)", "(unnamed)"),
    ],
)
def test_short_claimant_names(name, short):
    assert short_claimant(name) == short
    assert len(short) <= 24


def test_casualty_bars_keep_killed_and_injured_apart_and_skip_claimants_without_a_figure():
    ds = load_dataset()
    bars = casualty_bars(ds.claims.values())
    panjgur = bars["iran-strike-panjgur"]
    assert sorted((b.source, b.kind, b.value) for b in panjgur) == [
        ("s001", "injured", 3),
        ("s001", "killed", 2),
        ("s003", "injured", 3),
        ("s003", "killed", 2),
    ]
    assert "pakistan-strike-saravan" in bars and "iran-pakistan-border" not in bars
    assert all(b.value is not None for bs in bars.values() for b in bs)
    [iran] = [b for b in bars["pakistan-strike-saravan"] if b.source == "s003"]
    assert iran.figure == "9" and "women 3" in iran.label


def test_claims_table_numbers_material_findings_and_marks_only_their_claims():
    ds = load_dataset()
    fs = find_discrepancies(ds)
    t = claims_table(ds.claims.values(), fs, "pakistan-strike-saravan")
    numbers = [n.number for n in t.findings if n.number]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers
    marked = {c.claim_id for r in t.rows for cs in r.cells.values() for c in cs if c.refs}
    assert marked == {cid for n in t.findings if n.number for cid in n.finding.claims}
    shown = {c.claim_id for r in t.rows for cs in r.cells.values() for c in cs}
    assert shown == {c.id for c in ds.claims.values() if c.event == "pakistan-strike-saravan"}


def test_conservative_headline_keeps_more_than_apart_from_at_least():
    from geo.core.headline import headline

    more = claim("a", "s1", value=90.0, qualifier="more than")
    least = claim("b", "s2", value=90.0, qualifier="at least")
    assert headline([more], "conservative") == {("e", "killed"): "more than 90"}
    assert headline([more, least], "conservative") == {("e", "killed"): "at least 90"}
    assert headline([more, claim("c", "s3", value=95.0)], "conservative") == {("e", "killed"): "more than 90"}


def test_a_band_names_a_user_added_source_by_its_outlet_not_its_hash():
    from types import SimpleNamespace

    from geo.core.view import _source_label

    sources = {
        "u-4732ace82b": SimpleNamespace(outlet="Frontier Wire"),
        "u-9f00000000": SimpleNamespace(outlet="The Very Long Name of a Provincial Broadcasting Network"),
        "u-1111111111": SimpleNamespace(outlet=None),
        "s003": SimpleNamespace(outlet="Dawn"),
    }
    assert _source_label(sources, "u-4732ace82b") == "Frontier Wire"
    assert _source_label(sources, "u-9f00000000") == "The Very Long Name of a…"
    assert _source_label(sources, "u-1111111111") == "u-1111111111"
    assert _source_label(sources, "s003") == "s003"  # the curated ids are what the Sources page lists
