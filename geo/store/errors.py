"""The store's one error type, and the place where database and file errors become it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc


class StoreError(ValueError):
    """A save, import or read was refused or failed; nothing was written. The message says why."""


@contextmanager
def errors(db: object) -> Iterator[None]:
    """Turn any database or file error into a StoreError naming the database."""
    try:
        yield
    except StoreError:
        raise
    except exc.IntegrityError as e:
        raise StoreError(f"not saved: {_reason(e)}") from e
    except (exc.SQLAlchemyError, sqlite3.Error, OSError) as e:
        raise StoreError(f"the database at {db} cannot be used: {_reason(e)}") from e


def _reason(e: Exception) -> str:
    """The driver's own words, without SQLAlchemy's statement dump and help link."""
    orig = getattr(e, "orig", None) or e
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
