"""User-added sources and imported context rows, kept in the store (the curated data/ stays read-only).

- One save is one writer transaction: a source with all its claims, or nothing.
- Everything is validated with the same models and checks as the curated data before anything
  is written (quotes must be found in the article at their offsets).
- Ids are never reused: a source's id comes from its text, a second save of the same article or
  id is refused, and an event or place id already saved with other details is refused too.
- The revision counter lives in the database, so every server sees another's save at its next rerun.
- Every write is checked against its author's role and logged, in the same transaction
  (``geo.store.users``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import func, insert, or_, select, text, update

from geo.core.context import ContextEvent
from geo.core.model import Claim, Event, Place, Source
from geo.store import edits, grades, provenance, review
from geo.store import schema as t
from geo.store.engine import database
from geo.store.errors import StoreError
from geo.store.users import LOCAL_USER, Role, authorise, log, now, role_in_new_store, role_of, set_role

MAX_TEXT_BYTES = 1_000_000


class Store:
    """The user store at a path or URL (default: ``CLAIMS_ATLAS_DB``), used by one user (default:
    the local user; None: an anonymous request, which may not write). Cheap to make: the pool is shared."""

    def __init__(self, location: Path | str | None = None, user: str | None = LOCAL_USER):
        self.db = database(location)
        self.location = str(self.db.location)
        self.path = self.db.path  # the SQLite file, or None for a server database
        self.user = user

    def write_problem(self) -> str | None:
        """Why a save would fail here (read-only or unusable location, file or database user), or
        None. Pages ask before a user spends time on a form; the check creates nothing."""
        try:
            if not self.db.exists():
                folder = next(p for p in self.path.parents if p.exists())
                if not folder.is_dir():
                    return f"your sources cannot be saved at {self.db}: {folder} is not a folder"
                with tempfile.TemporaryFile(dir=folder):
                    pass
            elif self.db.sqlite:
                self._try_sqlite_write_lock()
            else:
                with self.db.reading() as con:
                    if not con.execute(text("SELECT has_table_privilege('sources', 'INSERT')")).scalar():
                        return f"your sources cannot be saved at {self.db}: this database user may not write"
        except (OSError, StoreError, sqlite3.Error) as e:
            return f"your sources cannot be saved at {self.db}: {e}"
        return None

    def _try_sqlite_write_lock(self) -> None:
        """Check the file's pages (a damaged file would refuse the save) and take and drop
        SQLite's write lock (a read-only file fails); another save holding it is fine."""
        raw = self.db.ready().raw_connection()
        try:
            con = raw.driver_connection
            verdict = con.execute("PRAGMA quick_check(1)").fetchone()[0]  # milliseconds for a user's file
            if verdict != "ok":
                raise StoreError(f"the file is damaged ({verdict})")
            con.execute("PRAGMA busy_timeout = 200")
            try:
                con.execute("BEGIN IMMEDIATE")
                con.execute("ROLLBACK")
            except sqlite3.OperationalError as e:
                if "locked" not in str(e):
                    raise
            finally:
                con.execute("PRAGMA busy_timeout = 30000")
        finally:
            raw.close()

    def revision(self) -> int:
        """A number that changes with every save by any server (0 for a new database)."""
        return self._read(
            lambda con: con.execute(select(t.meta.c.value).where(t.meta.c.key == "revision")).scalar_one(), 0
        )

    def save_source(
        self,
        source: Source,
        text: str,
        claims: list[Claim],
        events: list[Event] = (),
        places: list[Place] = (),
        known_ids: set[str] = frozenset(),
        submit: bool = True,
    ) -> str:
        """Save a source with its claims (and any new events/places) in one transaction; its
        review status (:func:`geo.store.review.initial`: ready for review, or a draft unless
        ``submit``; published and self-reviewed where the user is the store's only one).

        Raises StoreError, writing nothing, if anything does not validate: empty or oversized
        text, a quote not at its offsets, a claim of another source, an id already used (in the
        curated data: ``known_ids``; or here), or the same article saved before.
        """
        return self.save_sources([(source, text, claims)], events, places, known_ids, submit)

    def save_sources(
        self,
        batch: list[tuple[Source, str, list[Claim]]],
        events: list[Event] = (),
        places: list[Place] = (),
        known_ids: set[str] = frozenset(),
        submit: bool = True,
    ) -> str:
        """Save several sources in one transaction: all of them, or (StoreError) none. Returns
        their review status."""
        # One source's problems read as they always have; several sources' name the source.
        prefix = (lambda s: f"{s.id}: ") if len(batch) > 1 else (lambda s: "")
        problems = [prefix(s) + p for s, text, claims in batch for p in _check(s, text, claims, known_ids)]
        if problems:
            raise StoreError("; ".join(problems))
        with self.db.writing() as con:
            authorise(con, self.user, Role.editor, "add sources")
            state = review.initial(con, self.user, submit)
            for source, body, claims in batch:
                digest, record = hashlib.sha256(body.encode("utf-8")).hexdigest(), source.model_dump_json()
                row = con.execute(
                    select(t.sources.c.id).where(or_(t.sources.c.id == source.id, t.sources.c.text_sha256 == digest))
                ).first()
                if row:
                    raise StoreError(f"this article or the id {source.id!r} is already saved (as {row[0]!r})")
                con.execute(
                    insert(t.sources).values(
                        id=source.id,
                        record=record,
                        text=body,
                        text_sha256=digest,
                        created=now(),
                        seq=_next(con, t.sources),
                        **state,
                    )
                )
                log(con, self.user, "add", "source", source.id, new=record)
                log(con, self.user, "status", "source", source.id, "status", None, state["status"], "saved")
                first = _next(con, t.claims)
                for n, claim in enumerate(claims):
                    record = claim.model_dump_json()
                    con.execute(insert(t.claims).values(id=claim.id, source_id=source.id, record=record, seq=first + n))
                    log(con, self.user, "add", "claim", claim.id, new=record)
            for table, items in ((t.events, events), (t.places, places)):
                for item in items:
                    if _keep_once(con, table, item):
                        log(con, self.user, "add", table.name[:-1], item.id, new=item.model_dump_json())
            _bump(con)
        return state["status"]

    def save_context(self, events: list[ContextEvent]) -> tuple[int, int]:
        """Keep imported context rows in one transaction; a row imported before is replaced by
        the newer export's. Returns (new, replaced)."""
        imported, keys = now(), [e.key for e in events]
        table = t.context_events
        with self.db.writing() as con:
            authorise(con, self.user, Role.editor, "import context rows")
            known = set()
            for chunk in range(0, len(keys), 500):  # bounded IN lists
                part = keys[chunk : chunk + 500]
                known |= set(con.execute(select(table.c.key).where(table.c.key.in_(part))).scalars())
                con.execute(table.delete().where(table.c.key.in_(part)))
            first = _next(con, table)
            if events:
                con.execute(
                    insert(table),
                    [
                        {"key": e.key, "dataset": e.dataset, "record": json.dumps(e.to_dict()), "imported": imported}
                        | {"seq": first + n}
                        for n, e in enumerate(events)
                    ],
                )
            datasets = sorted({e.dataset for e in events})
            log(con, self.user, "import", "context", ", ".join(datasets) or "none", new=f"{len(events)} rows")
            _bump(con)
        return len(set(keys) - known), len(known)

    def context_events(self) -> list[ContextEvent]:
        """Every imported context row, oldest first."""
        if not self.db.exists():
            return []
        table = t.context_events
        with self.db.reading() as con:
            rows = con.execute(select(table.c.key, table.c.record).order_by(table.c.seq, table.c.key)).all()
        out = []
        for key, record in rows:
            try:
                out.append(ContextEvent(**json.loads(record)))
            except (TypeError, ValueError) as e:
                raise StoreError(f"{self.db}: context row {key!r} cannot be read: {e}") from e
        return out

    def records(self, statuses: tuple[str, ...] | None = None) -> tuple[dict[str, list[dict]], dict[str, str]]:
        """What was saved, as records per data file (like data/*.yaml), and the texts by source
        id: every source, or those with one of ``statuses`` (and only their claims)."""
        out: dict[str, list[dict]] = {"sources": [], "places": [], "events": [], "claims": []}
        texts: dict[str, str] = {}
        if not self.db.exists():
            return out, texts
        with self.db.reading() as con:
            s = t.sources
            q = select(s.c.id, s.c.record, s.c.text).order_by(s.c.seq, s.c.id)
            for sid, record, body in con.execute(q.where(s.c.status.in_(statuses)) if statuses else q):
                out["sources"].append(_json(self.db, "sources", sid, record))
                texts[sid] = body
            for name, table in (("places", t.places), ("events", t.events), ("claims", t.claims)):
                q = select(table.c.id, table.c.record).order_by(table.c.seq, table.c.id)
                if name == "claims" and statuses:
                    q = q.where(table.c.source_id.in_(list(texts)))
                out[name] = [_json(self.db, name, rid, record) for rid, record in con.execute(q)]
        return out, texts

    def submit(self, sid: str, version: int | None = None) -> None:
        """A draft is ready for review (its author, or a reviewer)."""
        self._write(review.submit, sid, version=version)

    def decide(self, sid: str, verdict: str, reason: str, version: int | None = None, claim: str | None = None) -> None:
        """A reviewer publishes, rejects or dissents, on a source or one of its claims (see :mod:`geo.store.review`)."""
        self._write(review.decide, sid, verdict, reason, version=version, claim=claim)

    def withdraw(self, sid: str, reason: str, version: int | None = None) -> None:
        self._write(review.withdraw, sid, reason, version=version)

    def _write(self, step, *args, **kw):
        """One step as this store's user, in a writer transaction that bumps the revision."""
        with self.db.writing() as con:
            out = step(con, self.user, *args, **kw)
            _bump(con)
        return out

    def _read(self, reader, empty):
        """A reading of the store (``empty`` for a store not created yet)."""
        if not self.db.exists():
            return empty
        with self.db.reading() as con:
            return reader(con)

    def grade(self, claim_id: str, value: str, reason: str, seen: int | None = None) -> dict:
        """A reviewer grades a figure (see :mod:`geo.store.grades`); the claim's grades after."""
        return self._write(grades.grade, claim_id, value, reason, seen)

    def grades(self) -> dict[str, dict]:
        """Every graded claim's grades: current, initial, awaiting a second reviewer, history."""
        return self._read(grades.all_states, {})

    def edit(self, entity: str, rid: str, changes: dict, version: int, reason: str | None = None) -> str:
        """Change a source or claim (see :mod:`geo.store.edits`): "applied", or "proposed" if published."""
        return self._write(edits.edit, entity, rid, changes, version, reason)

    def decide_edit(self, entity: str, rid: str, verdict: str, reason: str, version: int) -> None:
        """A reviewer publishes or rejects the proposed change to a published source or claim."""
        self._write(edits.decide, entity, rid, verdict, reason, version)

    def pending_edits(self, entity: str) -> dict[str, dict]:
        """Each added source's or claim's version and its proposed change, if one waits for review."""
        return self._read(lambda con: edits.pending(con, entity), {})

    def snapshots(self) -> dict[str, dict]:
        """Each added source's snapshot: SHA-256, first added, address, newer snapshot, flagged quotes."""
        return self._read(provenance.snapshots, {})

    def review_state(self) -> list[dict]:
        """Each source's status, author, publisher, self-review, version and dissents."""
        return self._read(review.overview, [])

    def role(self) -> Role | None:
        """This store's user's role (None: anonymous); the local user of a store with no users is its admin."""
        return self._read(lambda con: role_of(con, self.user), role_in_new_store(self.user))

    def users(self) -> list[tuple[str, str, str]]:
        """(name, role, since) of every user, by name."""
        u = t.users.c
        q = select(u.name, u.role, u.created).order_by(u.name)
        return self._read(lambda con: [tuple(r) for r in con.execute(q)], [])

    def set_role(self, name: str, role: Role | str, reason: str | None = None) -> None:
        """Add a user or change a user's role, as this store's user (an admin), logged."""
        self._write(set_role, name, role if isinstance(role, Role) else Role.parse(role), reason)

    def changes(self, entity: str | None = None, entity_id: str | None = None, limit: int = 500) -> list[dict]:
        """The change log, newest first (optionally one entity's), at most ``limit`` rows."""
        c = t.changes.c
        q = select(t.changes).order_by(c.seq.desc()).limit(limit)
        if entity:
            q = q.where(c.entity == entity)
        if entity_id:
            q = q.where(c.entity_id == entity_id)
        return self._read(lambda con: [dict(r._mapping) for r in con.execute(q)], [])


def _json(db, table: str, rid: str, record: str) -> dict:
    try:
        return json.loads(record)
    except ValueError as e:
        raise StoreError(f"{db}: {table} row {rid!r} cannot be read: {e}") from e


def _next(con, table) -> int:
    """The next insertion number (writers are serialised, so max + 1 is never taken twice)."""
    return con.execute(select(func.coalesce(func.max(table.c.seq), 0))).scalar_one() + 1


def _keep_once(con, table, item: Event | Place) -> bool:
    """Insert an event or place (True); the same one again is kept as is (False); the id with
    other details is refused."""
    record = item.model_dump_json()
    saved = con.execute(select(table.c.record).where(table.c.id == item.id)).scalar()
    if saved is None:
        con.execute(insert(table).values(id=item.id, record=record, seq=_next(con, table)))
        return True
    if json.loads(saved) != json.loads(record):
        raise StoreError(f"the {table.name[:-1]} id {item.id!r} is already saved with other details; pick that one")
    return False


def _bump(con) -> None:
    con.execute(update(t.meta).where(t.meta.c.key == "revision").values(value=t.meta.c.value + 1))


def _check(source: Source, text: str, claims: list[Claim], known_ids: set[str]) -> list[str]:
    problems = []
    if not text.strip():
        problems.append("the article is empty")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        problems.append(f"the article is larger than {MAX_TEXT_BYTES // 1_000_000} MB")
    if source.id in known_ids:
        # the same text gives the same id: this article is in the atlas already (its claims' ids too)
        return [f"this article is already in the atlas as source {source.id!r}: it was saved before"]
    seen = set()
    for c in claims:
        if c.source != source.id:
            problems.append(f"claim {c.id} belongs to source {c.source}, not {source.id}")
        if c.id in known_ids or c.id in seen:
            problems.append(f"claim id {c.id} is already used")
        seen.add(c.id)
        if text[c.quote_start : c.quote_end] != c.quote:
            problems.append(f"claim {c.id}: its quote no longer matches the article at {c.quote_start}..{c.quote_end}")
    return problems
