"""Provenance snapshots (geo.store.provenance): the exact text, its hash and first-added time; a
changed page at the same address is a new snapshot whose missing quotes are flagged."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from geo.core.model import Source
from geo.store import Store, StoreError
from tests.store_writer import build

URL = "https://news.example.org/2024/01/18/saravan"


def with_url(source_id: str, n: int):
    source, text, claims = build(source_id, n)
    return source.model_copy(update={"url": URL}), text, claims


def test_a_snapshot_keeps_the_text_s_hash_and_first_added_time(where):
    import hashlib

    source, text, claims = with_url("u1", 1)
    Store(where).save_source(source, text, claims)
    snap = Store(where).snapshots()["u1"]
    assert snap["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert snap["first_added"].endswith("Z") and snap["url"] == URL and snap["newer"] is None
    with pytest.raises(StoreError, match="already saved"):  # the same text again: recognised by its hash
        Store(where).save_source(source.model_copy(update={"id": "u9"}), text, [])


def test_a_changed_page_is_a_new_snapshot_and_quotes_it_lost_are_flagged(where):
    source, text, claims = with_url("v1", 2)
    Store(where).save_source(source, text, claims)
    # The page changed: its second sentence was rewritten; saved again from the same address.
    changed = text.replace("2 people were killed", "two died")
    kept = [c.model_copy(update={"id": "v2-c0", "source": "v2"}) for c in claims if c.quote in changed]
    Store(where).save_source(source.model_copy(update={"id": "v2"}), changed, kept)
    snaps = Store(where).snapshots()
    assert snaps["v1"]["newer"] == "v2" and snaps["v2"]["newer"] is None
    assert list(snaps["v1"]["missing"]) == ["v1-c1"]  # its quote is gone; v1-c0's is still there
    assert "no longer in the newer snapshot v2" in snaps["v1"]["missing"]["v1-c1"]


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "https://a b", 'https://x"><img src=x>', "ftp://x"])
def test_addresses_are_validated_as_web_addresses(bad):
    for field in ("url", "archive_url"):
        with pytest.raises(ValidationError):
            Source(id="x1", file="x.txt", kind="news_report", argument="a", **{field: bad})
