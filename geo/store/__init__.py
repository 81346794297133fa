"""The user store: sources people add and context rows they import, on SQLite (embedded default)
or PostgreSQL (a team's shared store). See ``engine`` for where it lives, ``migrate`` for its
schema versions, ``sources`` for saving and reading, ``archive`` for sharing."""

from geo.store.engine import database, default_location
from geo.store.errors import StoreError
from geo.store.sources import Store
from geo.store.users import LOCAL_USER, Role

__all__ = ["LOCAL_USER", "Role", "Store", "StoreError", "database", "default_location"]
