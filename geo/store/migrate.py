"""Schema migrations by Alembic, for SQLite and PostgreSQL alike, run once per process.

Files made before Alembic kept their schema number in ``PRAGMA user_version`` (1 to 3); the first
three revisions are those same steps, so such a file is stamped at its number and upgraded in
place. Concurrent first starts are safe: the upgrade runs inside one writer transaction
(``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so the second server finds the
schema current and does nothing.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from geo.store.errors import StoreError

SCRIPTS = Path(__file__).with_name("migrations")
LOCK_KEY = 0x0C1A1A5  # PostgreSQL advisory lock id for migrations


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def legacy_revisions() -> list[str]:
    """Revision ids by old ``user_version`` (index 0 is version 1)."""
    script = ScriptDirectory.from_config(config())
    return [r.revision for r in reversed(list(script.walk_revisions()))][:3]


def current(engine: Engine) -> str | None:
    with engine.connect() as con:
        return MigrationContext.configure(con).get_current_revision()


def upgrade(engine: Engine, db: str, sqlite: bool) -> None:
    """Bring the database to this app's head revision; StoreError if it is newer than the app."""
    cfg = config()
    known = {r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()}
    with engine.connect() as con:
        con = con.execution_options(writer=True)
        with con.begin():
            if not sqlite:
                con.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
            here = MigrationContext.configure(con).get_current_revision()
            if here is None and sqlite:
                version = con.exec_driver_sql("PRAGMA user_version").scalar()
                if version > len(legacy_revisions()):
                    raise StoreError(f"{db} has schema {version}, newer than this app's")
                if version:
                    cfg.attributes["connection"] = con
                    command.stamp(cfg, legacy_revisions()[version - 1])
                    here = legacy_revisions()[version - 1]
            elif here is None and inspect(con).has_table("sources"):
                raise StoreError(f"{db} holds tables but no schema version; it was not made by this app")
            if here is not None and here not in known:
                raise StoreError(f"{db} has schema {here}, newer than this app's {head()}: update the app")
            cfg.attributes["connection"] = con
            try:
                command.upgrade(cfg, "head")
            except CommandError as e:
                raise StoreError(f"{db} cannot be migrated: {e}") from e
