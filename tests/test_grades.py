"""Grades per figure: what the atlas computes (geo.core.grading) and what reviewers decide (the store)."""

from __future__ import annotations

import pytest

from geo.core.findings import find_discrepancies
from geo.core.grading import GRADES, support
from geo.store import Store, StoreError
from tests.store_writer import build


def test_support_counts_independent_claimants_and_reads_the_geometry(dataset):
    claims = list(dataset.claims.values())
    findings = find_discrepancies(dataset)
    killed = [c for c in claims if c.event == "pakistan-strike-saravan" and c.kind == "killed"]
    s = support(killed[0], claims, findings)
    assert len(s.compatible) == len(set(s.compatible)) >= 1  # each claimant once, however many sources
    depth = next(c for c in claims if c.event == "pakistan-strike-saravan" and c.kind == "depth")
    d = support(depth, claims, findings)
    assert d.geometry in ("inconsistent", "cannot tell", "consistent")
    assert d.suggestion() in GRADES and "geometry:" in d.describe()


def test_a_figure_repeated_by_the_same_claimant_is_one_claimant(dataset):
    claim = next(c for c in dataset.claims.values() if c.kind == "killed")
    echo = claim.model_copy(update={"id": claim.id + "-echo", "source": "other"})
    other = claim.model_copy(
        update={"id": claim.id + "-other", "claimant": "A hospital director", "claimant_type": "other_official"}
    )
    assert len(support(claim, [claim, echo], []).compatible) == 1
    s = support(claim, [claim, echo, other], [])
    assert len(s.compatible) == 2 and s.suggestion() == "corroborated"


def team(where):
    Store(where).set_role("ada", "admin")
    for name, role in (("ed", "editor"), ("rev", "reviewer"), ("rev2", "reviewer")):
        Store(where, user="ada").set_role(name, role)
    Store(where, user="ed").save_source(*build("u1", 1))
    return "u1-c0"


def test_the_top_grade_counts_once_two_reviewers_gave_it_and_the_initial_grade_stays(where):
    cid = team(where)
    Store(where, user="rev").grade(cid, "single", "only the ministry gives it")
    after = Store(where, user="rev").grade(cid, "corroborated", "the hospital gives it too")
    assert (after["grade"], after["awaiting_second"]) == ("single", True)
    with pytest.raises(StoreError, match="already graded"):
        Store(where, user="rev").grade(cid, "corroborated", "again")
    after = Store(where, user="rev2").grade(cid, "corroborated", "agreed: two independent claimants")
    assert (after["grade"], after["initial"], after["awaiting_second"]) == ("corroborated", "single", False)
    row = Store(where).changes(entity="claim", entity_id=cid)[0]
    assert (row["who"], row["field"], row["old"], row["new"]) == ("rev2", "grade", "single", "corroborated")


def test_grades_need_a_reviewer_a_reason_and_someone_other_than_the_author(where):
    cid = team(where)
    with pytest.raises(StoreError, match="reason is required"):
        Store(where, user="rev").grade(cid, "single", "")
    with pytest.raises(StoreError, match="only a reviewer"):
        Store(where, user="ed").grade(cid, "single", "mine is fine")
    with pytest.raises(StoreError, match="unknown grade"):
        Store(where, user="rev").grade(cid, "confirmed", "x")
    Store(where, user="ada").set_role("ed", "reviewer")
    with pytest.raises(StoreError, match="ed wrote the source"):
        Store(where, user="ed").grade(cid, "single", "mine is fine")
    assert Store(where).grades() == {}


def test_a_grade_given_meanwhile_refuses_the_second_with_who_and_when(where):
    cid = team(where)
    Store(where, user="rev").grade(cid, "single", "one claimant")
    seen = Store(where).grades()[cid]["history"][-1]["seq"]
    Store(where, user="rev").grade(cid, "contested", "a second figure came in", seen=seen)
    with pytest.raises(StoreError, match=r"rev graded u1-c0 at .* since you opened it"):
        Store(where, user="rev2").grade(cid, "retracted", "the ministry withdrew it", seen=seen)
    assert Store(where).grades()[cid]["grade"] == "contested"


def test_a_government_s_officials_are_one_claimant_however_named(dataset):
    claim = next(c for c in dataset.claims.values() if c.kind == "killed").model_copy(
        update={"claimant": "Iranian officials", "claimant_type": "iran_official"}
    )
    other = claim.model_copy(update={"id": "x-2", "claimant": "Government of Iran"})
    assert support(claim, [claim, other], []).compatible == ("Iran's officials",)
