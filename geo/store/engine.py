"""Where the user store lives and how it is reached: one pooled SQLAlchemy engine per database,
migrated once per process, with every database error turned into the store's own error.

``CLAIMS_ATLAS_DB`` takes a path (an embedded SQLite file, the default) or a URL such as
``postgresql+psycopg://user:password@host/db`` (a team's shared store). The same code serves both.

Both back ends let one writer in at a time: SQLite by ``BEGIN IMMEDIATE``, PostgreSQL by a row
lock on the revision counter (see :func:`Database.writing`), so a save's duplicate checks and its
revision bump can never interleave with another server's save.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, exc, text
from sqlalchemy.engine import Connection, Engine, make_url

from geo.store.errors import StoreError, errors
from geo.store.migrate import upgrade

WAL_WAIT_S = 30.0


def default_location() -> str:
    """``CLAIMS_ATLAS_DB`` if set, else ``$XDG_DATA_HOME/claims-atlas/user.db``."""
    if os.environ.get("CLAIMS_ATLAS_DB"):
        return os.environ["CLAIMS_ATLAS_DB"]
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return str(base / "claims-atlas" / "user.db")


def is_url(location: str) -> bool:
    return "://" in location


class Database:
    """One database: its engine (created on first use, pooled) and a once-per-process migration."""

    def __init__(self, location: str):
        self.location = location
        if is_url(location):
            try:
                self.url = make_url(location)
            except exc.ArgumentError as e:
                raise StoreError(f"CLAIMS_ATLAS_DB is not a database URL: {e}") from e
            self.path: Path | None = Path(self.url.database) if self.url.get_backend_name() == "sqlite" else None
        else:
            self.path = Path(location).expanduser().absolute()
            self.url = make_url(f"sqlite:///{self.path}")
        self.sqlite = self.url.get_backend_name() == "sqlite"
        self._engine: Engine | None = None
        self._migrated = False
        self._lock = threading.Lock()

    def __str__(self) -> str:
        """The path, or the URL with its password hidden: for messages."""
        return str(self.path) if self.path and not is_url(self.location) else self.url.render_as_string()

    def exists(self) -> bool:
        """False only for an SQLite file not created yet (reading it gives nothing, and creates nothing)."""
        return not self.sqlite or (self.path is not None and self.path.exists())

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = self._create_engine()
            return self._engine

    def _create_engine(self) -> Engine:
        if not self.sqlite:
            return create_engine(self.url, pool_size=5, max_overflow=10, pool_pre_ping=True, pool_recycle=1800)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot open the database at {self}: {e}") from e
        engine = create_engine(self.url, connect_args={"timeout": 30})

        # pysqlite's own transaction handling cannot say BEGIN IMMEDIATE; take it over (the
        # recipe in SQLAlchemy's SQLite dialect docs) and choose the BEGIN per connection.
        @event.listens_for(engine, "connect")
        def _connect(dbapi_con, _record):
            dbapi_con.isolation_level = None
            dbapi_con.execute("PRAGMA foreign_keys = ON")
            dbapi_con.execute("PRAGMA busy_timeout = 30000")

        @event.listens_for(engine, "begin")
        def _begin(con: Connection):
            con.exec_driver_sql("BEGIN IMMEDIATE" if con.get_execution_options().get("writer") else "BEGIN")

        return engine

    def ready(self) -> Engine:
        """The engine, with the schema migrated to this app's version (once per process)."""
        engine = self.engine
        if self.sqlite and not self.path.exists():  # deleted since: start again
            self._migrated = False
        if not self._migrated:
            with errors(self):
                if self.sqlite:
                    _wal(engine)
                upgrade(engine, str(self), self.sqlite)
            self._migrated = True
        return engine

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction on a migrated database."""
        with errors(self):
            with self.ready().connect() as con, con.begin():
                yield con

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction, the only writer until it ends: committed whole, or rolled back."""
        with errors(self):
            with self.ready().connect() as con:
                con = con.execution_options(writer=True)
                with con.begin():
                    if not self.sqlite:
                        con.execute(text("SELECT value FROM meta WHERE key = 'revision' FOR UPDATE"))
                    yield con


def _wal(engine: Engine) -> None:
    """Switch an SQLite file to WAL journaling (readers never wait for a writer). SQLite does
    not call the busy handler for this switch, so a second process opening a brand-new file
    while the first creates it gets "database is locked" at once: wait for the first instead."""
    deadline = time.monotonic() + WAL_WAIT_S
    while True:
        raw = engine.raw_connection()  # outside any transaction, which the switch needs
        try:
            raw.driver_connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
        finally:
            raw.close()


_databases: dict[str, Database] = {}
_registry_lock = threading.Lock()


def database(location: str | Path | None = None) -> Database:
    """The process's one Database (and pool) for a location; ``None`` means the configured one."""
    key = str(location) if location else default_location()
    with _registry_lock:
        if key not in _databases:
            _databases[key] = Database(key)
        return _databases[key]
