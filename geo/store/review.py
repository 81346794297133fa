"""Review: how a source goes from its author's save to what everyone sees, checked in the store.

    draft ──submit──▶ ready ──publish──▶ published
                        └────reject───▶ rejected         any ──withdraw──▶ withdrawn

- Only a reviewer (or an admin) publishes or rejects, and never their own work: a source needs a
  reviewer other than its author. Where the store has a single user (the embedded default), that
  user may publish their own work, and the source is marked self-reviewed; the two-person rule
  applies as soon as a second user exists.
- A reviewer who disagrees records a dissent with a reason, about the whole source or about one
  of its figures; it stays on the record whatever happens to the source.
- Every status change gives a reason, is logged (who, when, old and new status, reason), and
  names the version it was made on: if someone changed the source since, it is refused with who
  and when (optimistic locking), and nothing is lost.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from geo.store import schema as t
from geo.store.errors import StoreError
from geo.store.users import Role, authorise, log, need_reason, now, refuse_if_changed, role_of

VISIBLE = ("published",)  # what readers see


def _source(con: Connection, sid: str):
    row = con.execute(select(t.sources).where(t.sources.c.id == sid)).first()
    if row is None:
        raise StoreError(f"no source {sid!r} in the store")
    return row


def initial(con: Connection, user: str, submit: bool) -> dict:
    """The review columns of a source ``user`` saves now: published and self-reviewed if the
    store's only user may review; else ready for review (``submit``) or a draft."""
    if alone(con, user) and role_of(con, user) >= Role.reviewer:
        return {"status": "published", "author": user, "published_by": user, "self_reviewed": True, "version": 1}
    return {"status": "ready" if submit else "draft", "author": user, "self_reviewed": False, "version": 1}


def alone(con: Connection, user: str) -> bool:
    """Whether ``user`` is the store's only user (so may review their own work, marked self-reviewed)."""
    names = set(con.execute(select(t.users.c.name)).scalars())
    return names <= {user}


def _set_status(con: Connection, user: str, row, new: str, reason: str, **values) -> None:
    con.execute(update(t.sources).where(t.sources.c.id == row.id).values(status=new, version=row.version + 1, **values))
    log(con, user, "status", "source", row.id, "status", row.status, new, reason)


def _author_or_reviewer(con: Connection, user: str | None, row, what: str, doing: str) -> None:
    """Refuse unless ``user`` wrote the source or is a reviewer (an editor at least either way)."""
    authorise(con, user, Role.editor, doing)
    if row.author != user and role_of(con, user) < Role.reviewer:
        raise StoreError(f"only its author ({row.author}) or a reviewer may {what} source {row.id}")


def submit(con: Connection, user: str | None, sid: str, version: int | None = None, reason: str | None = None) -> None:
    """A draft is ready for review (its author, or a reviewer)."""
    row = _source(con, sid)
    _author_or_reviewer(con, user, row, "submit", "submit a source for review")
    refuse_if_changed(con, "source", row, version)
    if row.status != "draft":
        raise StoreError(f"source {sid} is {row.status}, not a draft")
    _set_status(con, user, row, "ready", reason or "ready for review")


def decide(
    con: Connection,
    user: str | None,
    sid: str,
    verdict: str,
    reason: str | None,
    version: int | None = None,
    claim: str | None = None,
) -> None:
    """A reviewer's verdict: publish, reject, or dissent (kept on the record; the status stays),
    about the whole source or (a dissent only) about one of its claims."""
    if verdict not in ("publish", "reject", "dissent"):
        raise StoreError(f"unknown verdict {verdict!r}: publish, reject or dissent")
    if claim is not None and verdict != "dissent":
        raise StoreError(f"a source is {verdict}ed whole, not claim by claim: {claim} goes with {sid}")
    reason = need_reason(reason, f"{verdict} a source")
    row = _source(con, sid)
    authorise(con, user, Role.reviewer, f"{verdict} a source")
    if claim is not None:
        owner = con.execute(select(t.claims.c.source_id).where(t.claims.c.id == claim)).scalar()
        if owner != sid:
            raise StoreError(f"source {sid} has no claim {claim!r}")
    else:  # a dissent on one claim changes nothing of the source, so needs no version of it
        refuse_if_changed(con, "source", row, version)
    own = row.author == user
    by_one = alone(con, user)
    if verdict != "dissent" and own and not by_one:
        raise StoreError(f"{user} wrote source {sid}: another reviewer must {verdict} it")
    if verdict == "publish":
        if row.status not in ("ready", "draft") or (row.status == "draft" and not by_one):
            raise StoreError(f"source {sid} is {row.status}: only a source ready for review is published")
        _set_status(con, user, row, "published", reason, published_by=user, self_reviewed=own)
    elif verdict == "reject":
        if row.status != "ready":
            raise StoreError(f"source {sid} is {row.status}: only a source ready for review is rejected")
        _set_status(con, user, row, "rejected", reason)
    con.execute(
        insert(t.reviews).values(source_id=sid, claim_id=claim, reviewer=user, verdict=verdict, reason=reason, at=now())
    )
    if verdict == "dissent":
        log(con, user, "dissent", "claim" if claim else "source", claim or sid, None, None, None, reason)


def withdraw(con: Connection, user: str | None, sid: str, reason: str | None, version: int | None = None) -> None:
    """Take a source off the map (its author, or a reviewer), with a reason; it stays in the store."""
    reason = need_reason(reason, "withdraw a source")
    row = _source(con, sid)
    _author_or_reviewer(con, user, row, "withdraw", "withdraw a source")
    refuse_if_changed(con, "source", row, version)
    if row.status == "withdrawn":
        raise StoreError(f"source {sid} is already withdrawn")
    _set_status(con, user, row, "withdrawn", reason)


def overview(con: Connection) -> list[dict]:
    """Each source's review state: status, author, publisher, self-review, version, dissents."""
    s = t.sources.c
    rows = con.execute(
        select(s.id, s.status, s.author, s.published_by, s.self_reviewed, s.version, s.created).order_by(s.seq, s.id)
    ).all()
    verdicts: dict[str, list[dict]] = {}
    for r in con.execute(select(t.reviews).order_by(t.reviews.c.seq)):
        verdicts.setdefault(r.source_id, []).append(dict(r._mapping))
    return [
        dict(r._mapping)
        | {
            "dissents": [v for v in verdicts.get(r.id, []) if v["verdict"] == "dissent"],
            "reviews": verdicts.get(r.id, []),
        }
        for r in rows
    ]
