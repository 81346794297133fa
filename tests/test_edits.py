"""Editing saved claims (geo.store.edits): frozen once published, no silent overwrite, all logged."""

from __future__ import annotations

import pytest

from geo.store import Store, StoreError
from geo.store.review import VISIBLE
from tests.store_writer import build


def team(where: str) -> None:
    Store(where).set_role("ada", "admin")
    for name, role in (("ed", "editor"), ("ed2", "editor"), ("rev", "reviewer"), ("rea", "reader")):
        Store(where, user="ada").set_role(name, role)


def shown_value(where: str, cid: str):
    return next(c["value"] for c in Store(where).records(VISIBLE)[0]["claims"] if c["id"] == cid)


def test_a_claim_awaiting_review_changes_at_once_and_every_field_is_logged(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    changes = {"value": 7, "qualifier": "at least"}
    assert Store(where, user="ed").edit("claim", "u1-c0", changes, 1, "misread") == "applied"
    claim = Store(where).records()[0]["claims"][0]
    assert (claim["value"], claim["qualifier"]) == (7, "at least")
    rows = {r["field"]: r for r in Store(where).changes(entity="claim", entity_id="u1-c0") if r["action"] == "edit"}
    assert (rows["value"]["old"], rows["value"]["new"], rows["value"]["reason"]) == ("1", "7", "misread")
    assert (rows["qualifier"]["old"], rows["qualifier"]["new"]) == ("exact", "at least")


def test_every_editable_field_is_a_field_of_its_record_and_a_claim_s_note_can_be_edited(where):
    from geo.store.edits import KINDS

    for entity, kind in KINDS.items():
        assert set(kind.editable) <= set(kind.model.model_fields), entity  # a renamed field would be uneditable
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    assert Store(where, user="ed").edit("claim", "u1-c0", {"note": "the ministry's later count"}, 1, "add") == "applied"
    assert Store(where).records()[0]["claims"][0]["note"] == "the ministry's later count"


def test_the_second_of_two_edits_on_the_same_version_is_refused_with_who_and_when(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    Store(where, user="ed").edit("claim", "u1-c0", {"value": 7}, 1, "first")
    with pytest.raises(StoreError, match=r"claim u1-c0 was changed by ed at .* since you opened it"):
        Store(where, user="ed2").edit("claim", "u1-c0", {"value": 9}, 1, "second, on the old version")
    assert Store(where).records()[0]["claims"][0]["value"] == 7  # the first edit stands, nothing lost


def test_a_published_claim_is_frozen_its_change_waits_for_another_reviewer(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    Store(where, user="rev").decide("u1", "publish", "checked")
    assert Store(where, user="ed").edit("claim", "u1-c0", {"value": 9}, 1, "the toll rose") == "proposed"
    assert shown_value(where, "u1-c0") == 1  # the published version stays on the map
    assert Store(where).pending_edits("claim")["u1-c0"]["proposed"]["value"] == 9
    with pytest.raises(StoreError, match="only a reviewer"):
        Store(where, user="ed").decide_edit("claim", "u1-c0", "publish", "mine", 2)
    Store(where, user="rev").decide_edit("claim", "u1-c0", "publish", "the ministry's update", 2)
    assert shown_value(where, "u1-c0") == 9 and Store(where).pending_edits("claim")["u1-c0"]["proposed"] is None


def test_edits_are_validated_and_readers_may_not_edit(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    with pytest.raises(StoreError, match="is a reader"):
        Store(where, user="rea").edit("claim", "u1-c0", {"value": 2}, 1)
    with pytest.raises(StoreError, match="of a claim cannot be edited: quote"):
        Store(where, user="ed").edit("claim", "u1-c0", {"quote": "something else"}, 1)
    with pytest.raises(StoreError, match="u1-c0, qualifier"):
        Store(where, user="ed").edit("claim", "u1-c0", {"qualifier": "roughly"}, 1)
    with pytest.raises(StoreError, match="nothing changed"):
        Store(where, user="ed").edit("claim", "u1-c0", {"value": 1}, 1)
    assert Store(where).pending_edits("claim")["u1-c0"]["version"] == 1


def test_a_source_s_details_change_at_once_until_published_then_go_back_through_review(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    snapshot = Store(where).records()[1]["u1"]
    assert Store(where, user="ed").edit("source", "u1", {"title": "Strike on Saravan"}, 1, "from the page") == "applied"
    Store(where, user="rev").decide("u1", "publish", "checked", version=2)
    address = {"url": "https://example.org/a", "date": "2024-01-18", "date_precision": "day"}
    assert Store(where, user="ed").edit("source", "u1", address, 3, "the address and date") == "proposed"
    shown = Store(where).records(VISIBLE)[0]["sources"][0]
    assert (shown["title"], shown["url"]) == ("Strike on Saravan", None)  # the published version stays
    waiting = Store(where).pending_edits("source")["u1"]
    assert waiting["proposed"]["url"] == "https://example.org/a" and waiting["proposed_by"] == "ed"
    assert waiting["reason"] == "the address and date"
    Store(where, user="ada").set_role("ed", "reviewer", "promoted")
    with pytest.raises(StoreError, match="ed proposed this change to u1: another reviewer must publish it"):
        Store(where, user="ed").decide_edit("source", "u1", "publish", "mine", 4)
    Store(where, user="rev").decide_edit("source", "u1", "publish", "matches the outlet's page", 4)
    shown = Store(where).records(VISIBLE)[0]["sources"][0]
    assert (shown["url"], shown["date"]) == ("https://example.org/a", "2024-01-18")
    assert Store(where).records()[1]["u1"] == snapshot  # the snapshot the quotes point into never changes
    log = [(r["action"], r["field"], r["old"], r["new"]) for r in Store(where).changes("source", "u1")]
    assert ("propose", "url", None, "https://example.org/a") in log
    assert ("edit", "title", None, "Strike on Saravan") in log
    assert log[0] == ("publish", "change", None, "proposed by ed")


def test_a_source_s_text_and_id_cannot_be_edited_and_bad_details_name_the_field(where):
    team(where)
    Store(where, user="ed").save_source(*build("u1", 1))
    with pytest.raises(StoreError, match="of a source cannot be edited: file, text"):
        Store(where, user="ed").edit("source", "u1", {"text": "another article", "file": "x.txt"}, 1)
    with pytest.raises(StoreError, match="source u1, url"):
        Store(where, user="ed").edit("source", "u1", {"url": "javascript:alert(1)"}, 1)
    with pytest.raises(StoreError, match="source u1, .*date_precision is required"):
        Store(where, user="ed").edit("source", "u1", {"date": "2024-01-18"}, 1)
    with pytest.raises(StoreError, match="no source 'u9'"):
        Store(where, user="ed").edit("source", "u9", {"title": "x"}, 1)
    with pytest.raises(StoreError, match="is a reader"):
        Store(where, user="rea").edit("source", "u1", {"title": "x"}, 1)
    assert Store(where).pending_edits("source")["u1"]["version"] == 1  # nothing was written


def test_a_claim_of_a_toll_history_keeps_its_claimant_event_and_kind(where):
    team(where)
    source, text, claims = build("u1", 2)
    claims[1] = claims[1].model_copy(update={"revises": "u1-c0"})  # 1 → 2 by the same officials
    Store(where, user="ed").save_source(source, text, claims)
    for cid in ("u1-c0", "u1-c1"):  # the revised claim and the one revising it
        with pytest.raises(StoreError, match=f"claim {cid} is part of a toll history with u1-c[01]: its claimant"):
            Store(where, user="ed").edit("claim", cid, {"claimant": "someone else"}, 1)
    assert Store(where, user="ed").edit("claim", "u1-c1", {"value": 3}, 1, "the toll rose again") == "applied"
