"""geo.store on both back ends (SQLite file, PostgreSQL server): schema migrations, whole-or-nothing
saves, kill safety, concurrent servers, export/import, and clear errors for unusable databases."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, text

from geo.core.dataset import load_dataset
from geo.store import Store, StoreError, archive
from geo.store.migrate import current, head
from tests.store_writer import build

ROOT = Path(__file__).resolve().parents[1]
LEGACY = ROOT / "tests" / "legacy" / "user-v3.db"  # made by the store before Alembic (user_version 3)


def query(location: str, sql: str):
    engine = create_engine(Store(location).db.url)
    try:
        with engine.connect() as con:
            return con.execute(text(sql)).all()
    finally:
        engine.dispose()


def counts(location: str) -> tuple[int, int]:
    if not Store(location).db.exists():
        return 0, 0
    Store(location).db.ready()  # a new server database: its (empty) tables
    return query(location, "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM claims)")[0]


def writer(location: str, sid: str, n: int, pause: float | None = None) -> subprocess.Popen:
    args = [sys.executable, "-m", "tests.store_writer", location, sid, str(n)] + ([str(pause)] if pause else [])
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_new_database_gets_the_newest_schema(where):
    store = Store(where)
    store.save_source(*build("u1", 1))
    assert current(store.db.engine) == head()
    assert store.revision() == 1


def test_saved_source_joins_the_dataset(where):
    store = Store(where)
    source, body, claims = build("u1", 3)
    store.save_source(source, body, claims)
    records, texts = store.records()
    ds = load_dataset(extra=records, extra_texts=texts)
    assert "u1" in ds.sources and [c.id for c in ds.claims.values() if c.source == "u1"] == ["u1-c0", "u1-c1", "u1-c2"]
    assert ds.source_text("u1") == body


@pytest.mark.parametrize(
    "breakage,message",
    [
        ("quote", "no longer matches"),
        ("empty", "empty"),
        ("huge", "larger than"),
        ("duplicate", "already saved"),
        ("curated id", "already in the atlas"),
        ("event reused", "already saved with other details"),
    ],
)
def test_bad_saves_are_refused_and_write_nothing(where, breakage, message):
    store = Store(where)
    source, body, claims = build("u1", 3)
    known, events = set(), []
    if breakage == "quote":
        body = body.replace("Officials", "Officers", 1)
    elif breakage == "empty":
        body = "   "
    elif breakage == "huge":
        body = body + " " * 1_000_001
    elif breakage == "duplicate":
        store.save_source(source, body, claims)
        source = source.model_copy(update={"id": "u2"})
        claims = [c.model_copy(update={"source": "u2", "id": c.id + "x"}) for c in claims]
    elif breakage == "curated id":
        known = {"u1"}
    elif breakage == "event reused":  # someone on another server made an event with this id first
        event = next(iter(load_dataset().events.values()))
        store.save_source(*build("u0", 1), events=[event.model_copy(update={"id": "new-event"})])
        events = [event.model_copy(update={"id": "new-event", "title": "Another event"})]
    before = counts(where)
    with pytest.raises(StoreError, match=message):
        store.save_source(source, body, claims, events=events, known_ids=known)
    assert counts(where) == before


def test_the_same_event_twice_is_kept_once(where):
    store = Store(where)
    event = next(iter(load_dataset().events.values())).model_copy(update={"id": "new-event"})
    store.save_source(*build("u1", 1), events=[event])
    store.save_source(*build("u2", 1), events=[event])
    assert [e["id"] for e in store.records()[0]["events"]] == ["new-event"]


def test_killed_writer_leaves_all_or_nothing(where):
    Store(where).revision() if Store(where).db.exists() else Store(where).save_source(*build("first", 1))
    before = counts(where)
    proc = writer(where, "k1", 40, pause=0.2)
    assert proc.stdout.readline().strip() == "saving"
    for _ in range(5):  # five claim rows written inside the open transaction, then kill
        assert proc.stdout.readline().strip() == "claim"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    if Store(where).db.sqlite:
        assert query(where, "PRAGMA integrity_check")[0][0] == "ok"
    assert counts(where) == before
    done = writer(where, "k1", 40)  # the same save, not killed, lands whole
    assert done.wait(60) == 0, done.stderr.read()
    assert counts(where) == (before[0] + 1, before[1] + 40)


def test_concurrent_servers_lose_nothing_and_never_interleave(where):
    """Six processes (servers) save at once: every source lands whole, with its own claims in
    order, ids and insertion numbers never reused, one revision per save."""
    Store(where).save_source(*build("first", 1))  # the schema exists: the race is on the saves
    procs = [writer(where, f"p{i}", 15, pause=0.005) for i in range(6)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert counts(where) == (7, 91)
    rows = query(where, "SELECT source_id, id, seq FROM claims ORDER BY seq")
    assert len({seq for _, _, seq in rows}) == len(rows)
    for i in range(6):  # each source's claims are one unbroken run: its save was not interleaved
        mine = [n for n, (sid, _, _) in enumerate(rows) if sid == f"p{i}"]
        assert mine == list(range(mine[0], mine[0] + 15))
    assert Store(where).revision() == 7


def test_first_start_of_two_servers_at_once_migrates_once(where):
    """Two servers opening a brand-new database together: one migrates, the other waits and finds it done."""
    procs = [writer(where, f"s{i}", 2) for i in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert counts(where) == (2, 4)


def test_a_save_by_another_server_shows_at_the_next_read(where):
    """The revision comes from the database, not from this process: what another process saves
    is seen by this one's pooled store at its next read (a Streamlit rerun)."""
    store = Store(where)
    store.save_source(*build("mine", 1))
    seen = store.revision()
    done = writer(where, "theirs", 2)
    assert done.wait(60) == 0, done.stderr.read()
    assert store.revision() == seen + 1
    assert {s["id"] for s in store.records()[0]["sources"]} == {"mine", "theirs"}


def test_export_then_import_round_trip(where, tmp_path):
    a = Store(tmp_path / "a.db")
    a.save_source(*build("u1", 2))
    archive.export_folder(a, tmp_path / "export")
    log = [json.loads(line) for line in (tmp_path / "export" / "changes.jsonl").read_text("utf-8").splitlines()]
    assert [(r["action"], r["entity"], r["entity_id"]) for r in log][1:3] == [
        ("add", "source", "u1"),
        ("status", "source", "u1"),
    ]
    b = Store(where)
    assert archive.import_folder(b, tmp_path / "export") == 1
    assert b.records() == a.records()
    with pytest.raises(StoreError, match="already saved"):
        archive.import_folder(b, tmp_path / "export")


@pytest.mark.parametrize(
    ("breakage", "needle"),
    [
        ("claim field", "claims.yaml, record 'u2-c1'"),
        ("duplicate key", "claims.yaml: line"),
        ("missing text", "texts/u2.txt: missing or unreadable"),
        ("no sources", "sources.yaml: the file holds no records"),
    ],
)
def test_a_broken_import_names_file_record_and_field_and_imports_nothing(tmp_path, breakage, needle):
    a = Store(tmp_path / "a.db")
    for sid in ("u1", "u2"):
        a.save_source(*build(sid, 2))
    folder = tmp_path / "export"
    archive.export_folder(a, folder)
    claims = folder / "claims.yaml"
    if breakage == "claim field":
        recs = yaml.safe_load(claims.read_text("utf-8"))
        next(r for r in recs if r["id"] == "u2-c1")["value"] = "many"
        claims.write_text(yaml.safe_dump(recs), "utf-8")
    elif breakage == "duplicate key":
        claims.write_text(claims.read_text("utf-8").replace("  kind:", "  kind: killed\n  kind:", 1), "utf-8")
    elif breakage == "missing text":
        (folder / "texts" / "u2.txt").unlink()
    else:
        (folder / "sources.yaml").write_text("", "utf-8")
    b = Store(tmp_path / "b.db")
    with pytest.raises(StoreError, match="nothing was imported") as exc:
        archive.import_folder(b, folder)
    assert needle in str(exc.value), str(exc.value)
    assert b.records()[0]["sources"] == []  # not even u1, which was fine


# --- SQLite files: in-place upgrades and damaged files ---------------------------------------


def test_a_file_made_before_alembic_upgrades_in_place(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(LEGACY, db)
    store = Store(db)
    records, texts = store.records()
    assert [s["id"] for s in records["sources"]] == ["legacy1"]
    assert [c["id"] for c in records["claims"]] == ["legacy1-c0", "legacy1-c1", "legacy1-c2"]
    assert len(store.context_events()) == 2 and store.revision() == 2
    assert current(store.db.engine) == head()
    store.save_source(*build("after", 2))  # and it takes new saves after the upgrade
    assert [c["id"] for c in store.records()[0]["claims"]][-2:] == ["after-c0", "after-c1"]


def test_a_version_1_file_upgrades_in_place(tmp_path):
    db = tmp_path / "v1.db"
    with closing(sqlite3.connect(db)) as con:  # the schema of the store's first version
        con.executescript(
            """CREATE TABLE sources (id TEXT PRIMARY KEY, record TEXT NOT NULL, text TEXT NOT NULL,
                                     text_sha256 TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
               CREATE TABLE claims (id TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id)
                                    ON DELETE CASCADE, record TEXT NOT NULL);
               CREATE TABLE events (id TEXT PRIMARY KEY, record TEXT NOT NULL);
               CREATE TABLE places (id TEXT PRIMARY KEY, record TEXT NOT NULL);
               PRAGMA user_version = 1;"""
        )
    store = Store(db)
    assert store.revision() == 0
    store.save_source(*build("u1", 1))
    assert store.revision() == 1 and current(store.db.engine) == head()


def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path):
    db = tmp_path / "new.db"
    Store(db).save_source(*build("u1", 1))
    with closing(sqlite3.connect(db)) as con, con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer than this app"):
        _fresh(db).revision()


def _fresh(db: Path) -> Store:
    """A store for a file this process has already opened, as a newly started server sees it."""
    from geo.store import engine

    engine._databases.pop(str(db), None)
    return Store(db)


@pytest.mark.parametrize("damage", ["not a database", "corrupt pages"])
def test_a_damaged_file_is_the_stores_own_error_naming_it(tmp_path, damage):
    db = tmp_path / "u.db"
    if damage == "not a database":
        db.write_bytes(b"this is not SQLite\x00" * 100)
    else:
        store = Store(db)
        store.save_source(*build("u1", 200))
        store.db.engine.dispose()
        data = bytearray(db.read_bytes())
        page = 4096
        for n in range(3, len(data) // page):  # keep the header and the first pages; wreck the rest
            data[n * page : (n + 1) * page] = b"\xa5" * page
        db.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=r"u\.db") as exc:
        _fresh(db).records()
    assert "Traceback" not in str(exc.value)


def test_unwritable_location_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(blocker / "sub" / "u.db").save_source(*build("u1", 1))


def test_write_problem_names_what_is_wrong_and_not_a_busy_writer(tmp_path):
    assert Store(tmp_path / "new" / "u.db").write_problem() is None
    assert not (tmp_path / "new").exists(), "the check creates nothing"
    (tmp_path / "bad.db").write_bytes(b"not sqlite" * 100)
    assert "bad.db" in Store(tmp_path / "bad.db").write_problem()
    store = Store(tmp_path / "u.db")
    store.save_source(*build("u1", 1))
    with closing(sqlite3.connect(tmp_path / "u.db", isolation_level=None)) as con:
        con.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        assert store.write_problem() is None
        con.execute("ROLLBACK")


# --- PostgreSQL servers -----------------------------------------------------------------------


@pytest.mark.postgres
def test_a_server_that_is_not_there_is_a_clear_error(pg_cluster):
    url = pg_cluster.url("postgres").replace(str(pg_cluster.port), "1")
    with pytest.raises(StoreError, match="cannot be used") as exc:
        Store(url).revision()
    assert "postgresql+psycopg://postgres@127.0.0.1:1/postgres" in str(exc.value)
    assert "cannot be saved" in Store(url).write_problem()


@pytest.mark.postgres
def test_a_database_user_who_may_not_write_is_told_before_the_form(pg_url):
    Store(pg_url).save_source(*build("u1", 1))
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as con:
        con.execute(text("CREATE ROLE reader LOGIN"))
        con.execute(text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader"))
    engine.dispose()
    reader = Store(pg_url.replace("postgres@", "reader@"))
    assert reader.revision() == 1
    assert "may not write" in reader.write_problem()
    with pytest.raises(StoreError, match="permission denied"):
        reader.save_source(*build("u2", 1))
    assert counts(pg_url) == (1, 1)
