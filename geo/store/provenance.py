"""Provenance: every added source keeps the exact text it was read from (its snapshot), with its
SHA-256 and the time it was first added; quotes' offsets refer to that snapshot.

The same text added again is recognised by its hash (and refused as already saved). A changed
version of the same web address is a new source, a new snapshot; the claims of the earlier
snapshots whose quotes no longer appear in the newest one are flagged, so a reader knows the
page no longer says what was quoted. Addresses are kept as text and never fetched.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.engine import Connection

from geo.store import schema as t


def snapshots(con: Connection) -> dict[str, dict]:
    """Each added source's snapshot: its SHA-256, when it was first added, its address, the newer
    snapshot of the same address (if any) and, by claim id, the quotes that newer one lacks."""
    s = t.sources.c
    rows = con.execute(select(s.id, s.record, s.text, s.text_sha256, s.created).order_by(s.seq, s.id)).all()
    out: dict[str, dict] = {}
    by_url: dict[str, list] = {}
    for r in rows:
        url = json.loads(r.record).get("url")
        out[r.id] = {"sha256": r.text_sha256, "first_added": r.created, "url": url, "newer": None, "missing": {}}
        if url:
            by_url.setdefault(url, []).append(r)
    for versions in by_url.values():
        newest = versions[-1]
        for old in versions[:-1]:
            out[old.id]["newer"] = newest.id
            claims = con.execute(select(t.claims.c.id, t.claims.c.record).where(t.claims.c.source_id == old.id)).all()
            for cid, record in claims:
                if json.loads(record)["quote"] not in newest.text:
                    out[old.id]["missing"][cid] = (
                        f"its quote is no longer in the newer snapshot {newest.id} of the same address "
                        f"(first added {newest.created})"
                    )
    return out
