"""The review workflow, checked in the store on SQLite and PostgreSQL (geo.store.review)."""

from __future__ import annotations

import pytest

from geo.store import Store, StoreError
from geo.store.review import VISIBLE
from tests.store_writer import build


def team(where: str) -> None:
    Store(where).set_role("ada", "admin")
    for name, role in (("ed", "editor"), ("rev", "reviewer"), ("rev2", "reviewer"), ("rea", "reader")):
        Store(where, user="ada").set_role(name, role)


def state(where: str, sid: str) -> dict:
    return next(r for r in Store(where).review_state() if r["id"] == sid)


def visible(where: str) -> list[str]:
    return [s["id"] for s in Store(where).records(VISIBLE)[0]["sources"]]


def test_alone_in_the_store_the_local_user_publishes_at_save_marked_self_reviewed(where):
    assert Store(where).save_source(*build("u1", 1)) == "published"
    st = state(where, "u1")
    assert (st["status"], st["author"], st["published_by"], st["self_reviewed"]) == (
        "published",
        "local",
        "local",
        True,
    )
    assert visible(where) == ["u1"]


def test_an_editor_s_source_waits_for_a_reviewer_who_is_not_its_author(where):
    team(where)
    assert Store(where, user="ed").save_source(*build("u1", 2)) == "ready"
    assert visible(where) == [] and [s["id"] for s in Store(where).records()[0]["sources"]] == ["u1"]
    assert Store(where).records(VISIBLE)[0]["claims"] == []  # a hidden source's claims are hidden too
    for who, message in (("ed", "only a reviewer"), ("rea", "only a reviewer")):
        with pytest.raises(StoreError, match=message):
            Store(where, user=who).decide("u1", "publish", "looks right")
    with pytest.raises(StoreError, match="reason is required"):
        Store(where, user="rev").decide("u1", "publish", " ")
    Store(where, user="rev").decide("u1", "publish", "quotes checked against the article")
    st = state(where, "u1")
    assert (st["status"], st["published_by"], st["self_reviewed"], st["version"]) == ("published", "rev", False, 2)
    assert visible(where) == ["u1"] and len(Store(where).records(VISIBLE)[0]["claims"]) == 2
    row = Store(where).changes(entity="source", entity_id="u1")[0]
    assert (row["who"], row["field"], row["old"], row["new"], row["reason"]) == (
        "rev",
        "status",
        "ready",
        "published",
        "quotes checked against the article",
    )


def test_a_reviewer_never_publishes_their_own_work_once_the_store_has_two_users(where):
    team(where)
    Store(where, user="rev").save_source(*build("u1", 1))
    with pytest.raises(StoreError, match="rev wrote source u1: another reviewer must publish it"):
        Store(where, user="rev").decide("u1", "publish", "mine")
    Store(where, user="rev2").decide("u1", "publish", "checked")
    assert state(where, "u1")["self_reviewed"] is False


def test_the_two_person_rule_starts_when_a_second_user_exists(where):
    Store(where).save_source(*build("u1", 1))  # alone: published, self-reviewed
    Store(where).set_role("bob", "editor")  # the local admin adds a colleague
    assert Store(where).save_source(*build("u2", 1)) == "ready"
    with pytest.raises(StoreError, match="local wrote source u2"):
        Store(where).decide("u2", "publish", "mine")
    assert state(where, "u1")["self_reviewed"] is True  # what was self-reviewed stays marked so


def test_a_dissent_stays_on_the_record_and_a_rejection_needs_a_reason(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    Store(where, user="rev").decide("u1", "publish", "fine")
    Store(where, user="rev2").decide("u1", "dissent", "the toll is the ministry's, not the army's")
    st = state(where, "u1")
    assert st["status"] == "published"
    assert [(d["reviewer"], d["reason"]) for d in st["dissents"]] == [
        ("rev2", "the toll is the ministry's, not the army's")
    ]
    Store(where, user="ed").save_source(*build("u2", 1))
    with pytest.raises(StoreError, match="reason is required"):
        Store(where, user="rev").decide("u2", "reject", "")
    Store(where, user="rev").decide("u2", "reject", "the article is an opinion piece")
    assert state(where, "u2")["status"] == "rejected" and visible(where) == ["u1"]


def test_a_second_decision_on_an_old_version_is_refused_with_who_and_when_and_nothing_is_lost(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    opened = state(where, "u1")["version"]  # both reviewers open the source at this version
    Store(where, user="rev").decide("u1", "publish", "checked", version=opened)
    with pytest.raises(StoreError, match=r"source u1 was changed by rev at \d{4}-\d\d-\d\dT.* since you opened it"):
        Store(where, user="rev2").decide("u1", "reject", "not checked", version=opened)
    st = state(where, "u1")
    assert st["status"] == "published" and [r["verdict"] for r in st["reviews"]] == ["publish"]


def test_withdrawn_sources_leave_the_map_and_stay_in_the_store(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    Store(where, user="rev").decide("u1", "publish", "checked")
    with pytest.raises(StoreError, match="only an editor or above may withdraw"):
        Store(where, user="rea").withdraw("u1", "I do not like it")
    Store(where, user="ada").set_role("ed2", "editor")
    with pytest.raises(StoreError, match=r"only its author \(ed\) or a reviewer"):
        Store(where, user="ed2").withdraw("u1", "not mine but I want it gone")
    Store(where, user="ed").withdraw("u1", "the outlet retracted the story")
    assert visible(where) == [] and state(where, "u1")["status"] == "withdrawn"


def test_a_draft_is_submitted_by_its_author(where):
    team(where)
    assert Store(where, user="ed").save_source(*build("u1", 1), submit=False) == "draft"
    with pytest.raises(StoreError, match="only a source ready for review"):
        Store(where, user="rev").decide("u1", "publish", "too early")
    Store(where, user="ed").submit("u1")
    assert state(where, "u1")["status"] == "ready"


def test_a_dissent_on_one_figure_shows_beside_that_claim_only(where):
    from geo.store.notes import claim_notes, source_marks

    Store(where).set_role("ada", "admin")
    for name, role in (("ed", "editor"), ("rev", "reviewer"), ("rev2", "reviewer")):
        Store(where, user="ada").set_role(name, role)
    Store(where, user="ed").save_source(*build("u1", 2))
    Store(where, user="ed").save_source(*build("u2", 1))
    Store(where, user="rev").decide("u1", "publish", "checked", version=1)
    Store(where, user="rev2").decide("u1", "dissent", "the second toll is the hospital's", claim="u1-c1")
    notes = claim_notes(Store(where))
    assert notes["u1-c1"] == "dissent by rev2: the second toll is the hospital's"
    assert "u1-c0" not in notes  # the other figure of the same source is not disputed
    assert source_marks(Store(where))["u1"] == "1 dissent"
    rows = Store(where).changes("claim", "u1-c1")
    newest = (rows[0]["action"], rows[0]["who"], rows[0]["reason"])
    assert newest == ("dissent", "rev2", "the second toll is the hospital's")
    with pytest.raises(StoreError, match="source u1 has no claim 'u2-c0'"):
        Store(where, user="rev2").decide("u1", "dissent", "wrong source", claim="u2-c0")
    with pytest.raises(StoreError, match="a source is published whole"):
        Store(where, user="rev2").decide("u2", "publish", "only one figure", claim="u2-c0")
    with pytest.raises(StoreError, match="is an editor"):
        Store(where, user="ed").decide("u1", "dissent", "editors do not dissent", claim="u1-c0")
