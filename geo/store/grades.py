"""A reviewer's grade per figure, checked and kept in the store (scale: ``geo.core.grading``).

- Only a reviewer grades, with a reason, and not the figures of a source they wrote (unless
  they are the store's only user).
- Every grade is kept: the first is the claim's initial grade, shown beside the current one.
- The top grade (corroborated) counts once two different reviewers gave it since the last other
  grade; until then the claim keeps its previous grade, marked as awaiting a second reviewer.
- A grade names the last grade its reviewer saw: if another was given since, it is refused with
  who and when (nothing is lost).
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from geo.core.grading import GRADES, TOP
from geo.store import schema as t
from geo.store.errors import StoreError
from geo.store.review import alone
from geo.store.users import Role, authorise, log, need_reason, now


def _history(con: Connection, claim_id: str) -> list:
    g = t.grades.c
    return con.execute(select(t.grades).where(g.claim_id == claim_id).order_by(g.seq)).all()


def state(history: list) -> dict:
    """A claim's grades as shown: current (the top grade only once two reviewers gave it),
    initial, whether the top grade awaits a second reviewer, and every grade given."""
    current, pending, top_by = None, False, set()
    for row in history:
        if row.grade == TOP:
            top_by.add(row.reviewer)
            pending = len(top_by) < 2
            if not pending:
                current = TOP
        else:
            current, pending, top_by = row.grade, False, set()
    return {
        "grade": current,
        "initial": history[0].grade if history else None,
        "awaiting_second": pending,
        "history": [dict(r._mapping) for r in history],
    }


def grade(
    con: Connection, user: str | None, claim_id: str, value: str, reason: str | None, seen: int | None = None
) -> dict:
    """Give ``claim_id`` a grade; its state after. ``seen``: the last grade's number the reviewer saw."""
    if value not in GRADES:
        raise StoreError(f"unknown grade {value!r}: one of {', '.join(GRADES)}")
    reason = need_reason(reason, "grade a figure")
    authorise(con, user, Role.reviewer, "grade a figure")
    claim = con.execute(select(t.claims.c.source_id).where(t.claims.c.id == claim_id)).first()
    if claim is None:
        raise StoreError(f"no claim {claim_id!r} among the added sources (curated claims are graded in data/)")
    author = con.execute(select(t.sources.c.author).where(t.sources.c.id == claim.source_id)).scalar()
    if author == user and not alone(con, user):
        raise StoreError(f"{user} wrote the source of {claim_id}: another reviewer must grade it")
    history = _history(con, claim_id)
    last = history[-1].seq if history else None
    if seen is not None and last is not None and seen != last:
        raise StoreError(
            f"{history[-1].reviewer} graded {claim_id} at {history[-1].at} since you opened it: "
            "nothing was saved; reload it and decide again"
        )
    if history and (history[-1].reviewer, history[-1].grade) == (user, value):
        raise StoreError(f"you already graded {claim_id} {value}")
    before = state(history)["grade"]
    con.execute(insert(t.grades).values(claim_id=claim_id, grade=value, reviewer=user, reason=reason, at=now()))
    after = state(_history(con, claim_id))
    log(con, user, "grade", "claim", claim_id, "grade", before, value, reason)
    return after


def all_states(con: Connection) -> dict[str, dict]:
    """Every graded claim's :func:`state`, by claim id."""
    by: dict[str, list] = {}
    for row in con.execute(select(t.grades).order_by(t.grades.c.seq)):
        by.setdefault(row.claim_id, []).append(row)
    return {cid: state(rows) for cid, rows in by.items()}
