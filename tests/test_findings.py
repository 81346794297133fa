"""geo.core.findings: findings are computed from the claims and the geometry."""

from __future__ import annotations

import copy
import re

import pytest

from geo.core.dataset import load_dataset
from geo.core.findings import find_discrepancies
from tests.fixtures import RECORDS, claim, write_dataset


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
    assert f.material and f.differs == "victims" and "combatant vs civilian" in f.why
    assert "Baloch separatists" in f.summary and "women 3" in f.summary


def test_border_village_contradicts_more_than_50_km(dataset):
    fs = _by_type(find_discrepancies(dataset), "iran-strike-panjgur", "description_vs_depth")
    assert any(set(f.claims) == {"c-pj-location-004", "c-pj-depth-003"} for f in fs)


def test_panjgur_depth_fits_part_of_the_place_s_uncertainty_area(dataset):
    # "More than 50 km" against a place 37–117 km from the border: most of it, not all.
    [f] = _by_type(find_discrepancies(dataset), "iran-strike-panjgur", "depth_vs_measured")
    assert f.verdict == "partly" and not f.material
    assert re.search(r"partly, (9\d)% of the location's uncertainty area lies in the band", f.summary), f.summary


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
    records["claims"][2]["value"] = 40  # a 2 km strip through a place ~46 km ± 20 km out: part of it fits
    data2, src2 = write_dataset(tmp_path / "b", records)
    fs2 = find_discrepancies(load_dataset(data2, src2))
    assert [f.verdict for f in fs2 if f.type == "different_numbers"] == ["inconsistent"]
    assert [f.verdict for f in fs2 if f.type == "depth_vs_measured"] == ["partly"]


def test_filtering_claims_filters_findings(dataset):
    only_001 = [c for c in dataset.claims.values() if c.source == "s001"]
    assert not _by_type(find_discrepancies(dataset, only_001), "pakistan-strike-saravan", "different_victims")


def _material(dataset, *claims) -> bool:
    fs = find_discrepancies(dataset, claims)
    assert fs, "the pair gives a finding either way: it is listed, flagged only when material"
    return any(f.material for f in fs)


@pytest.mark.parametrize(
    ("a", "b", "material"),
    [
        ("Iranian security officers", "Iranian police officers", False),
        ("Iranian soldiers", "Iranian border security guards", False),
        ("Pakistani separatist insurgents", "Baloch separatists", False),
        ("civilians", "women and children", False),
        ("Baloch separatists", "not Iranian (three women, two men, four children)", True),
        ("children", "IRGC soldiers", True),
        ("police officers", "soldiers", True),  # a source that distinguishes them
        ("Iranian police officers", "Pakistani police officers", True),
        ("not Iranian", "Pakistani civilians", False),
        ("not Iranian", "Iranian civilians", True),
    ],
)
def test_victims_disagree_only_when_their_classes_cannot_both_be_right(dataset, a, b, material):
    assert _material(dataset, claim("a", "s1", victims=a), claim("b", "s2", victims=b)) is material


@pytest.mark.parametrize(
    ("a", "b", "material"),
    [
        (["missiles"], ["rockets"], False),
        (["missiles"], ["missiles", "drones"], False),
        (["drones"], ["drones", "missiles"], False),
        (["airstrikes"], ["missiles", "drones"], False),  # "air strike" names the delivery, not the platform
        (["ballistic missiles", "jets"], ["air attacks"], False),
        (["drones"], ["missiles"], True),
        (["drones"], ["artillery shells"], True),
        (["jets"], ["drones"], True),
    ],
)
def test_weapons_disagree_only_when_two_sources_share_no_class(dataset, a, b, material):
    c1 = claim("a", "s1", kind="weapon", value=a)
    c2 = claim("b", "s2", kind="weapon", value=b)
    assert _material(dataset, c1, c2) is material


def test_one_source_naming_two_weapons_is_not_a_disagreement(dataset):
    assert not find_discrepancies(
        dataset, [claim("a", "s1", kind="weapon", value=["drones"]), claim("b", "s1", kind="weapon", value=["jets"])]
    )


def test_other_categories_are_listed_never_flagged(dataset):
    c1, c2 = claim("a", "s1", kind="target", value=["x"]), claim("b", "s2", kind="target", value=["y"])
    [f] = find_discrepancies(dataset, [c1, c2])
    assert f.verdict == "differ" and not f.material and f.differs == "target"


def test_numbers_disagree_by_interval_qualifiers_included(dataset):
    assert not _numbers_material(dataset, (9, "at least"), (12, "exact"))
    assert _numbers_material(dataset, (9, "exact"), (12, "exact"))
    assert _numbers_material(dataset, (5, "up to"), (9, "at least"))
    assert not _numbers_material(dataset, (90, "about"), (95, "exact"))


def _numbers_material(dataset, a, b) -> bool:
    c1 = claim("a", "s1", value=float(a[0]), qualifier=a[1])
    c2 = claim("b", "s2", value=float(b[0]), qualifier=b[1])
    return any(f.material and f.differs == "figure" for f in find_discrepancies(dataset, [c1, c2]))


SARAVAN = "pakistan-strike-saravan"  # near Saravan, ±20 km, about 46 km from the border


@pytest.mark.parametrize(
    ("value", "verdict"),
    [
        ("sistan and baluchestan", "consistent"),
        ("shared balochistan subregion", "consistent"),
        ("iran", "consistent"),
        ("balochistan", "inconsistent"),  # Pakistan's province: Saravan is ~40 km outside it
        ("border area", "consistent"),  # within 30 km: the ±20 km circle reaches 26 km
        ("border village", "inconsistent"),  # within 15 km: the circle stays 26 km or more away
    ],
)
def test_places_by_containment_and_distance(dataset, value, verdict):
    [f] = _by_type(
        find_discrepancies(dataset, [claim("a", "s1", event=SARAVAN, kind="location", value=value)]),
        SARAVAN,
        "place_vs_measured",
    )
    assert f.verdict == verdict and f.differs == "place"


def test_two_sources_naming_regions_that_share_no_ground_disagree(dataset):
    pk = claim("a", "s1", event=SARAVAN, kind="location", value="balochistan")
    ir = claim("b", "s2", event=SARAVAN, kind="location", value="sistan and baluchestan")
    both = claim("c", "s3", event=SARAVAN, kind="location", value="balochistan subregion")
    assert [f.claims for f in find_discrepancies(dataset, [pk, ir]) if f.type == "different_places"] == [("a", "b")]
    assert not [f for f in find_discrepancies(dataset, [pk, both, ir]) if f.claims in {("a", "c"), ("c", "b")}]


def test_every_finding_says_what_differs_and_why(dataset):
    for f in find_discrepancies(dataset):
        assert f.differs and len(f.why) > 20, f.id
        assert f.to_dict()["material"] is f.material
