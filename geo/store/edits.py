"""Changing a saved claim without losing anything or anyone's work.

- An edit names the claim's version it was made on; if someone changed the claim since, it is
  refused with who changed it and when (optimistic locking), and the claim stays as it was.
- A claim of a source not yet published changes at once. A published claim is frozen: the change
  is kept apart as a proposal, the published version stays on the map, and the change goes back
  through review: a reviewer other than its author publishes (or rejects) it.
- Every field that changes is one row of the change log, with its old and new value.
- The claim is validated whole (the same model as the curated data) and its quote must still be
  found in the source's snapshot at its offsets.
"""

from __future__ import annotations

import json

from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from geo.core.model import Claim
from geo.store import schema as t
from geo.store.errors import StoreError
from geo.store.review import alone
from geo.store.users import Role, authorise, log, need_reason, refuse_if_changed

EDITABLE = ("value", "qualifier", "unit", "victims", "claimant", "claimant_type", "event", "date", "notes")


def _claim(con: Connection, claim_id: str):
    row = con.execute(select(t.claims).where(t.claims.c.id == claim_id)).first()
    if row is None:
        raise StoreError(f"no claim {claim_id!r} among the added sources")
    return row


def _validated(con: Connection, row, record: dict) -> str:
    try:
        claim = Claim.model_validate(record)
    except ValidationError as e:
        first = e.errors()[0]
        raise StoreError(f"claim {row.id}, {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    text = con.execute(select(t.sources.c.text).where(t.sources.c.id == row.source_id)).scalar_one()
    if text[claim.quote_start : claim.quote_end] != claim.quote:
        raise StoreError(f"claim {row.id}: its quote is no longer at its offsets in the source's snapshot")
    return claim.model_dump_json()


def edit(con: Connection, user: str | None, claim_id: str, changes: dict, version: int, reason: str | None) -> str:
    """Change fields of a claim; "applied" or "proposed" (a published claim's change waits for review)."""
    authorise(con, user, Role.editor, "edit a claim")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise StoreError(f"these fields cannot be edited: {', '.join(sorted(unknown))}")
    row = _claim(con, claim_id)
    refuse_if_changed(con, "claim", row, version)
    status = con.execute(select(t.sources.c.status).where(t.sources.c.id == row.source_id)).scalar_one()
    current = json.loads(row.proposed or row.record)  # a waiting proposal is what is being edited
    new = _validated(con, row, current | changes)
    diff = {k: (current.get(k), v) for k, v in json.loads(new).items() if current.get(k) != v}
    if not diff:
        raise StoreError(f"claim {claim_id}: nothing changed")
    published = status == "published"
    values = {"version": row.version + 1}
    values |= {"proposed": new, "proposed_by": user} if published else {"record": new}
    con.execute(update(t.claims).where(t.claims.c.id == claim_id).values(**values))
    action = "propose" if published else "edit"
    for field, (old, value) in diff.items():
        log(con, user, action, "claim", claim_id, field, _text(old), _text(value), reason)
    return "proposed" if published else "applied"


def decide(con: Connection, user: str | None, claim_id: str, verdict: str, reason: str | None, version: int) -> None:
    """A reviewer publishes or rejects a published claim's proposed change (not their own)."""
    if verdict not in ("publish", "reject"):
        raise StoreError(f"unknown verdict {verdict!r}: publish or reject")
    reason = need_reason(reason, f"{verdict} a change")
    authorise(con, user, Role.reviewer, f"{verdict} a change to a claim")
    row = _claim(con, claim_id)
    refuse_if_changed(con, "claim", row, version)
    if row.proposed is None:
        raise StoreError(f"claim {claim_id} has no change waiting for review")
    if row.proposed_by == user and not alone(con, user):
        raise StoreError(f"{user} proposed this change to {claim_id}: another reviewer must {verdict} it")
    values = {"version": row.version + 1, "proposed": None, "proposed_by": None}
    if verdict == "publish":
        values["record"] = row.proposed
    con.execute(update(t.claims).where(t.claims.c.id == claim_id).values(**values))
    log(con, user, verdict, "claim", claim_id, "change", None, f"proposed by {row.proposed_by}", reason)


def pending(con: Connection) -> dict[str, dict]:
    """Each claim's version, and its proposed change if one waits: {claim id: {...}}."""
    c = t.claims.c
    rows = con.execute(select(c.id, c.version, c.proposed, c.proposed_by)).all()
    ch = t.changes.c
    reasons = {  # the latest proposal's reason per claim (the log keeps one row per changed field)
        cid: reason
        for cid, reason in con.execute(
            select(ch.entity_id, ch.reason).where(ch.entity == "claim", ch.action == "propose").order_by(ch.seq)
        )
    }
    return {
        r.id: {
            "version": r.version,
            "proposed": json.loads(r.proposed) if r.proposed else None,
            "proposed_by": r.proposed_by,
            "reason": reasons.get(r.id) if r.proposed else None,
        }
        for r in rows
    }


def _text(value) -> str | None:
    """A field's value as the log keeps it: text as is, 7.0 as "7", lists as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float):
        return f"{value:g}"
    return json.dumps(value, ensure_ascii=False)
