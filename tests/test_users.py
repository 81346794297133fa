"""Roles checked by the store itself and the append-only change log, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from geo.core import context
from geo.store import LOCAL_USER, Role, Store, StoreError
from tests.context_files import acled_rows, to_csv
from tests.store_writer import build

ROOT = Path(__file__).resolve().parents[1]


def sources(where: str) -> list[str]:
    return [s["id"] for s in Store(where).records()[0]["sources"]]


def team(where: str) -> None:
    """A team store: an admin (set up from the command line), an editor, a reviewer, a reader."""
    Store(where).set_role("ada", "admin")
    admin = Store(where, user="ada")
    for name, role in (("ed", "editor"), ("rev", "reviewer"), ("rea", "reader")):
        admin.set_role(name, role, reason="joined the desk")


def test_the_local_user_of_a_new_store_is_its_admin_and_is_logged_by_name(where):
    store = Store(where)
    assert store.role() is Role.admin
    store.save_source(*build("u1", 2))
    assert store.users()[0][:2] == (LOCAL_USER, "admin")
    log = store.changes()
    assert [(c["who"], c["action"], c["entity"], c["entity_id"]) for c in reversed(log)] == [
        (LOCAL_USER, "add", "user", LOCAL_USER),
        (LOCAL_USER, "add", "source", "u1"),
        (LOCAL_USER, "status", "source", "u1"),  # published at once, self-reviewed: the store's only user
        (LOCAL_USER, "add", "claim", "u1-c0"),
        (LOCAL_USER, "add", "claim", "u1-c1"),
    ]
    assert '"id":"u1-c0"' in log[1]["new"].replace(" ", "") and log[1]["old"] is None


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        ("ed", True),
        ("rev", True),
        ("ada", True),
        ("rea", False),
        ("stranger", False),
        (None, False),
        (LOCAL_USER, False),
    ],
)
def test_the_store_refuses_a_write_by_anyone_whose_role_does_not_allow_it(where, user, allowed):
    team(where)
    store = Store(where, user=user)
    before = (len(store.changes()), Store(where).revision())
    if allowed:
        store.save_source(*build("u1", 1))
        assert sources(where) == ["u1"] and store.changes(entity="source")[0]["who"] == user
        return
    with pytest.raises(StoreError, match="only a signed-in user who is an editor|only an editor or above") as e:
        store.save_source(*build("u1", 1))
    assert "editor" in str(e.value)
    with pytest.raises(StoreError):
        store.save_context(_context_rows())
    assert sources(where) == [] and Store(where).context_events() == []
    assert (len(store.changes()), Store(where).revision()) == before, "nothing written, not even a log row"


def _context_rows() -> list:
    return context.read_csv(to_csv(acled_rows(1)), "acled.csv")


def test_only_an_admin_sets_roles_and_every_change_is_logged_with_old_new_and_reason(where):
    team(where)
    with pytest.raises(StoreError, match="ed is an editor here: only an admin or above may manage users"):
        Store(where, user="ed").set_role("ed", "admin")
    with pytest.raises(StoreError, match="is a reader"):
        Store(where, user=LOCAL_USER).set_role("x", "editor")  # once a store has users, "local" is nobody
    Store(where, user="ada").set_role("ed", "reviewer", reason="trained")
    assert dict((n, r) for n, r, _ in Store(where).users())["ed"] == "reviewer"
    row = Store(where).changes(entity="user", entity_id="ed")[0]
    assert (row["who"], row["field"], row["old"], row["new"], row["reason"]) == (
        "ada",
        "role",
        "editor",
        "reviewer",
        "trained",
    )


def test_a_store_always_keeps_an_admin(where):
    with pytest.raises(StoreError, match="first user of a store must be an admin"):
        Store(where).set_role("ed", "editor")
    team(where)
    with pytest.raises(StoreError, match="only admin"):
        Store(where, user="ada").set_role("ada", "editor")
    with pytest.raises(StoreError, match="unknown role"):
        Store(where, user="ada").set_role("ed", "owner")
    with pytest.raises(StoreError, match="user name"):
        Store(where, user="ada").set_role(" ed", "editor")


@pytest.mark.parametrize("sql", ["UPDATE changes SET who = 'someone else'", "DELETE FROM changes"])
def test_the_change_log_refuses_updates_and_deletes_in_the_database_itself(where, sql):
    store = Store(where)
    store.save_source(*build("u1", 1))
    before = store.changes()
    engine = create_engine(store.db.url)
    try:
        with pytest.raises(Exception, match="append-only"), engine.begin() as con:
            con.execute(text(sql))
        if not store.db.sqlite:
            with pytest.raises(Exception, match="append-only"), engine.begin() as con:
                con.execute(text("TRUNCATE changes"))
    finally:
        engine.dispose()
    assert store.changes() == before


def test_the_users_command_sets_up_a_team_store_and_reads_the_log(tmp_path):
    db = str(tmp_path / "team.db")

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "geo.users", "--db", db, *args], cwd=ROOT, capture_output=True, text=True
        )

    assert cli("set", "ada", "admin").returncode == 0
    refused = cli("set", "bob", "editor")  # the local user is nobody in a store with users
    assert refused.returncode == 1 and "error: local is a reader" in refused.stderr
    done = cli("set", "bob", "editor", "--as", "ada", "--reason", "new on the desk")
    assert done.returncode == 0, done.stderr
    assert cli("list").stdout.splitlines()[1].startswith("bob\teditor\t")
    assert '"reason": "new on the desk"' in cli("log", "--entity", "user", "--id", "bob").stdout
    bad = cli("set", "carol", "owner", "--as", "ada")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
