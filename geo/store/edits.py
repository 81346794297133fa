"""Changing a saved source or claim without losing anything or anyone's work.

- An edit names the version it was made on; if someone changed the source or claim since, it is
  refused with who changed it and when (optimistic locking), and it stays as it was.
- Until its source is published, a change applies at once. A published source or claim is
  frozen: the change is kept apart as a proposal, the published version stays on the map, and
  the change goes back through review: a reviewer other than its author publishes (or rejects) it.
- Every field that changes is one row of the change log, with its old and new value.
- The record is validated whole (the same model as the curated data); a claim's quote must still
  be found in its source's snapshot at its offsets. The snapshot itself never changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError
from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection

from geo.core.model import Claim, Source
from geo.store import schema as t
from geo.store.errors import StoreError
from geo.store.review import alone
from geo.store.users import Role, authorise, log, need_reason, refuse_if_changed


@dataclass(frozen=True)
class Kind:
    """What may be edited of one kind of record, and where it lives."""

    table: Table
    model: type[BaseModel]
    editable: tuple[str, ...]


KINDS = {
    "claim": Kind(
        t.claims,
        Claim,
        ("value", "qualifier", "unit", "victims", "claimant", "claimant_type", "event", "note"),
    ),
    # Not its id, file or text: the snapshot and the quotes' offsets into it stay as first added.
    "source": Kind(
        t.sources,
        Source,
        ("title", "author", "outlet", "date", "date_precision", "date_note", "kind", "argument", "url", "archive_url"),
    ),
}


def _kind(entity: str) -> Kind:
    if entity not in KINDS:
        raise StoreError(f"unknown kind of record {entity!r}: {' or '.join(KINDS)}")
    return KINDS[entity]


def _row(con: Connection, entity: str, rid: str):
    table = _kind(entity).table
    row = con.execute(select(table).where(table.c.id == rid)).first()
    if row is None:
        raise StoreError(f"no {entity} {rid!r} among the added sources")
    return row


def _status(con: Connection, entity: str, row) -> str:
    """A claim is published with its source."""
    if entity == "source":
        return row.status
    return con.execute(select(t.sources.c.status).where(t.sources.c.id == row.source_id)).scalar_one()


def _validated(con: Connection, entity: str, row, record: dict) -> str:
    try:
        item = _kind(entity).model.model_validate(record)
    except ValidationError as e:
        first = e.errors()[0]
        raise StoreError(f"{entity} {row.id}, {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    if entity == "claim":
        text = con.execute(select(t.sources.c.text).where(t.sources.c.id == row.source_id)).scalar_one()
        if text[item.quote_start : item.quote_end] != item.quote:
            raise StoreError(f"claim {row.id}: its quote is no longer at its offsets in the source's snapshot")
    return item.model_dump_json()


HISTORY_FIELDS = ("claimant", "event", "kind")  # what a toll history's claims share


def _keep_history(con: Connection, rid: str, current: dict, changes: dict) -> None:
    """Refuse to move a claim out of its toll history (a revision shares its claimant, event and kind)."""
    moved = [f for f in HISTORY_FIELDS if f in changes and changes[f] != current.get(f)]
    if not moved:
        return
    revised_by = next(
        (
            cid
            for cid, record in con.execute(select(t.claims.c.id, t.claims.c.record))
            if json.loads(record).get("revises") == rid
        ),
        None,
    )
    other = current.get("revises") or revised_by
    if other:
        raise StoreError(
            f"claim {rid} is part of a toll history with {other}: its {', '.join(moved)} stays that of the history"
        )


def edit(
    con: Connection, user: str | None, entity: str, rid: str, changes: dict, version: int, reason: str | None
) -> str:
    """Change fields of a source or claim; "applied", or "proposed" where it is published (the
    change waits for review)."""
    authorise(con, user, Role.editor, f"edit a {entity}")
    unknown = set(changes) - set(_kind(entity).editable)
    if unknown:
        raise StoreError(f"these fields of a {entity} cannot be edited: {', '.join(sorted(unknown))}")
    row = _row(con, entity, rid)
    refuse_if_changed(con, entity, row, version)
    current = json.loads(row.proposed or row.record)  # a waiting proposal is what is being edited
    if entity == "claim":
        _keep_history(con, rid, current, changes)
    new = _validated(con, entity, row, current | changes)
    diff = {k: (current.get(k), v) for k, v in json.loads(new).items() if current.get(k) != v}
    if not diff:
        raise StoreError(f"{entity} {rid}: nothing changed")
    published = _status(con, entity, row) == "published"
    values = {"version": row.version + 1}
    values |= {"proposed": new, "proposed_by": user} if published else {"record": new}
    table = _kind(entity).table
    con.execute(update(table).where(table.c.id == rid).values(**values))
    action = "propose" if published else "edit"
    for field, (old, value) in diff.items():
        log(con, user, action, entity, rid, field, _text(old), _text(value), reason)
    return "proposed" if published else "applied"


def decide(
    con: Connection, user: str | None, entity: str, rid: str, verdict: str, reason: str | None, version: int
) -> None:
    """A reviewer publishes or rejects the proposed change to a published source or claim (not their own)."""
    if verdict not in ("publish", "reject"):
        raise StoreError(f"unknown verdict {verdict!r}: publish or reject")
    reason = need_reason(reason, f"{verdict} a change")
    authorise(con, user, Role.reviewer, f"{verdict} a change to a {entity}")
    row = _row(con, entity, rid)
    refuse_if_changed(con, entity, row, version)
    if row.proposed is None:
        raise StoreError(f"{entity} {rid} has no change waiting for review")
    if row.proposed_by == user and not alone(con, user):
        raise StoreError(f"{user} proposed this change to {rid}: another reviewer must {verdict} it")
    values = {"version": row.version + 1, "proposed": None, "proposed_by": None}
    if verdict == "publish":
        values["record"] = row.proposed
    table = _kind(entity).table
    con.execute(update(table).where(table.c.id == rid).values(**values))
    log(con, user, verdict, entity, rid, "change", None, f"proposed by {row.proposed_by}", reason)


def pending(con: Connection, entity: str) -> dict[str, dict]:
    """Each source's or claim's version, and its proposed change if one waits: {id: {...}}."""
    c = _kind(entity).table.c
    rows = con.execute(select(c.id, c.version, c.proposed, c.proposed_by)).all()
    ch = t.changes.c
    reasons = {  # the latest proposal's reason per record (the log keeps one row per changed field)
        rid: reason
        for rid, reason in con.execute(
            select(ch.entity_id, ch.reason).where(ch.entity == entity, ch.action == "propose").order_by(ch.seq)
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
