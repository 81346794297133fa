"""The view model: what a map view shows, computed before drawing (hand-made cases)."""

from __future__ import annotations

import pytest

from geo.core.findings import Finding, is_material
from geo.core.view import depth_interval_km, view_of
from geo.dataset import load_dataset
from geo.model import Claim


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


def finding(ftype, kind, *claims) -> Finding:
    verdict = "differ" if ftype == "different_values" else "inconsistent"
    return Finding("f", "e", kind, ftype, verdict, tuple(c.id for c in claims), "s")


@pytest.mark.parametrize(
    ("a", "b", "material"),
    [
        ("Iranian security officers", "Iranian police officers", False),
        ("Baloch separatists", "not Iranian (three women, two men, four children)", True),
        ("Pakistani separatist insurgents", "Baloch separatists", False),
        ("children", "IRGC soldiers", True),
    ],
)
def test_victims_disagree_only_when_their_classes_differ(a, b, material):
    c1, c2 = claim("a", "s1", victims=a), claim("b", "s2", victims=b)
    assert is_material(finding("different_victims", "killed", c1, c2), {"a": c1, "b": c2}) is material


@pytest.mark.parametrize(
    ("a", "b", "material"),
    [
        (["missiles"], ["rockets"], False),
        (["missiles"], ["missiles", "drones"], False),
        (["airstrikes"], ["missiles", "drones"], True),
        (["drones"], ["artillery shells"], True),
    ],
)
def test_weapons_disagree_only_when_a_source_names_no_class_the_others_name(a, b, material):
    c1 = claim("a", "s1", kind="weapon", value=a)
    c2 = claim("b", "s2", kind="weapon", value=b)
    assert is_material(finding("different_values", "weapon", c1, c2), {"a": c1, "b": c2}) is material


def test_other_categories_and_cannot_tell_are_not_flagged():
    c1, c2 = claim("a", "s1", kind="target", value="x"), claim("b", "s2", kind="target", value="y")
    assert not is_material(finding("different_values", "target", c1, c2), {"a": c1, "b": c2})
    f = Finding("f", "e", "depth", "depth_vs_measured", "cannot tell", ("a",), "s")
    assert not is_material(f, {"a": c1})


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
