"""geo.core.findings: findings are computed from the claims and the geometry."""

from __future__ import annotations

import copy

from geo.core.findings import find_discrepancies
from geo.dataset import load_dataset
from tests.fixtures import RECORDS, write_dataset


def _by_type(findings, event, type_):
    return [f for f in findings if f.event == event and f.type == type_]


def test_saravan_depth_contradiction_is_measured(dataset):
    [f] = [f for f in _by_type(find_discrepancies(dataset), "pakistan-strike-saravan", "depth_vs_measured")]
    assert f.verdict == "inconsistent"
    assert f.claims == ("c-sv-depth-003",)
    # The measured range comes from the geometry: Saravan is ~46 km from the border, ±20 km.
    assert 20 < f.measured_km["low"] < 35 and 55 < f.measured_km["high"] < 70
    assert "90" in f.summary and "inconsistent" in f.summary


def test_nine_separatists_versus_three_women_two_men_four_children(dataset):
    [f] = _by_type(find_discrepancies(dataset), "pakistan-strike-saravan", "different_victims")
    assert set(f.claims) == {"c-sv-killed-001", "c-sv-killed-003"}
    assert "numbers agree but the victims differ" in f.summary
    assert "Baloch separatists" in f.summary and "women 3" in f.summary


def test_border_village_contradicts_more_than_50_km(dataset):
    fs = _by_type(find_discrepancies(dataset), "iran-strike-panjgur", "description_vs_depth")
    assert any(set(f.claims) == {"c-pj-location-004", "c-pj-depth-003"} for f in fs)


def test_panjgur_depth_consistent_within_uncertainty(dataset):
    [f] = _by_type(find_discrepancies(dataset), "iran-strike-panjgur", "depth_vs_measured")
    assert f.verdict == "consistent"


def test_border_length_against_both_resolutions(dataset):
    [f] = _by_type(find_discrepancies(dataset), "iran-pakistan-border", "length_vs_measured")
    assert f.verdict == "consistent" and set(f.measured_km) == {"osm", "ne10m"}


def test_findings_follow_the_data(tmp_path):
    """Change the data and the findings change: nothing is typed in."""
    data, src = write_dataset(tmp_path)
    ds = load_dataset(data, src)
    fs = find_discrepancies(ds)
    assert [f.type for f in fs if f.type == "different_victims"] == ["different_victims"]
    assert not [f for f in fs if f.type == "different_numbers"]
    records = copy.deepcopy(RECORDS)
    records["claims"][0]["value"] = 4
    records["claims"][2]["value"] = 40  # now consistent with ~46 km ± 20 km
    data2, src2 = write_dataset(tmp_path / "b", records)
    fs2 = find_discrepancies(load_dataset(data2, src2))
    assert [f.verdict for f in fs2 if f.type == "different_numbers"] == ["inconsistent"]
    assert [f.verdict for f in fs2 if f.type == "depth_vs_measured"] == ["consistent"]


def test_filtering_claims_filters_findings(dataset):
    only_001 = [c for c in dataset.claims.values() if c.source == "s001"]
    assert not _by_type(find_discrepancies(dataset, only_001), "pakistan-strike-saravan", "different_victims")
