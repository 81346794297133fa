"""Who may do what in a store, checked inside the store's own write transaction, and the
append-only change log every write adds to.

Roles, from least to most: reader (sees and exports what is published), editor (adds and edits
sources), reviewer (and reviews them), admin (and manages users). A user the store does not know
is a reader.

The embedded default (``make run``) has one person and no user list: while the store has no
users, the local user (:data:`LOCAL_USER`, what command-line tools and an app without an
authenticating proxy act as) is its admin, and is written in as admin at its first save, so the
change log names it. Once a store has users, every write must come from one of them with a
role that allows it; adding the first user of a store is how a team store is set up
(``python -m geo.users add NAME admin``).
"""

from __future__ import annotations

import enum
import time

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from geo.store import schema as t
from geo.store.errors import StoreError

LOCAL_USER = "local"
MAX_NAME = 200


class Role(enum.IntEnum):
    reader = 1
    editor = 2
    reviewer = 3
    admin = 4

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls[text]
        except KeyError:
            raise StoreError(f"unknown role {text!r}: one of {', '.join(r.name for r in cls)}") from None


def a(role: Role) -> str:
    """The role with its article: "an editor", "a reader"."""
    return ("an " if role.name[0] in "aeiou" else "a ") + role.name


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def need_reason(reason: str | None, what: str) -> str:
    """The reason a status, grade or change needs, stripped; StoreError if there is none."""
    if not reason or not reason.strip():
        raise StoreError(f"a reason is required to {what}")
    return reason.strip()


def check_name(name: str) -> str:
    """A user name as the proxy gives it: printable, no surrounding space, bounded."""
    if not name or name != name.strip() or len(name) > MAX_NAME or not name.isprintable():
        raise StoreError(f"not a usable user name: {name[:MAX_NAME]!r}")
    return name


def role_of(con: Connection, name: str | None) -> Role | None:
    """The user's role: as registered; the local user's admin role in a store with no users;
    None for an anonymous request."""
    if name is None:
        return None
    role = con.execute(select(t.users.c.role).where(t.users.c.name == name)).scalar()
    if role is not None:
        return Role[role]
    if name == LOCAL_USER and not con.execute(select(func.count()).select_from(t.users)).scalar_one():
        return Role.admin
    return Role.reader


def role_in_new_store(name: str | None) -> Role | None:
    """:func:`role_of` in a store not created yet (it has no users)."""
    if name is None:
        return None
    return Role.admin if name == LOCAL_USER else Role.reader


def authorise(con: Connection, name: str | None, need: Role, what: str) -> None:
    """Refuse (StoreError, nothing written) unless ``name`` holds at least ``need``. The local
    admin of a store with no users is written in as its admin, so its changes are logged by name."""
    role = role_of(con, name)
    if role is None:
        raise StoreError(f"not signed in: only a signed-in user who is {a(need)} or above may {what}")
    if role < need:
        raise StoreError(f"{name} is {a(role)} here: only {a(need)} or above may {what}")
    if name == LOCAL_USER and not con.execute(select(t.users.c.name).where(t.users.c.name == name)).first():
        con.execute(insert(t.users).values(name=name, role=Role.admin.name, created=now()))
        log(con, name, "add", "user", name, "role", None, Role.admin.name, "the local user of a store with no users")


def log(
    con: Connection,
    who: str,
    action: str,
    entity: str,
    entity_id: str,
    field: str | None = None,
    old: str | None = None,
    new: str | None = None,
    reason: str | None = None,
) -> None:
    """Append one row to the change log (in the caller's transaction: it lands with the change or not at all)."""
    con.execute(
        insert(t.changes).values(
            at=now(),
            who=who,
            action=action,
            entity=entity,
            entity_id=entity_id,
            field=field,
            old=old,
            new=new,
            reason=reason,
        )
    )


def refuse_if_changed(con: Connection, entity: str, row, version: int | None) -> None:
    """Optimistic locking: refuse (StoreError, nothing written) a change made on an older version
    of a source or claim than the stored one, naming who changed it last and when."""
    if version is None or version == row.version:
        return
    c = t.changes.c
    last = con.execute(
        select(c.who, c.at).where(c.entity == entity, c.entity_id == row.id).order_by(c.seq.desc()).limit(1)
    ).first()
    who = f" by {last.who} at {last.at}" if last else ""
    raise StoreError(
        f"{entity} {row.id} was changed{who} since you opened it (version {row.version}, yours {version}): "
        "nothing was saved; reload it and decide again"
    )


def set_role(con: Connection, by: str | None, name: str, role: Role, reason: str | None = None) -> None:
    """Add a user or change a user's role (admins only; the first user of a store may be added
    by the local user, and must be an admin so the store is never left without one)."""
    check_name(name)
    users = con.execute(select(t.users.c.name, t.users.c.role)).all()
    if not users and by == LOCAL_USER:
        if role is not Role.admin:
            raise StoreError("the first user of a store must be an admin (who then adds the others)")
    else:
        authorise(con, by, Role.admin, "manage users")
    old = dict(users).get(name)
    admins = [n for n, r in users if r == Role.admin.name]
    if old == Role.admin.name and role is not Role.admin and admins == [name]:
        raise StoreError(f"{name} is the store's only admin: make another admin first")
    if old == role.name:
        return
    if old is None:
        con.execute(insert(t.users).values(name=name, role=role.name, created=now()))
    else:
        con.execute(update(t.users).where(t.users.c.name == name).values(role=role.name))
    log(con, by or "", "add" if old is None else "change", "user", name, "role", old, role.name, reason)
