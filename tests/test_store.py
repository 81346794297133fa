"""geo.store: versioned schema, whole-or-nothing saves, kill safety, concurrency, export/import."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
import yaml

from geo.core.dataset import load_dataset
from geo.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError
from tests.store_writer import build

ROOT = Path(__file__).resolve().parents[1]


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        return (
            con.execute("SELECT count(*) FROM sources").fetchone()[0],
            con.execute("SELECT count(*) FROM claims").fetchone()[0],
        )


def test_new_database_gets_the_current_schema(tmp_path):
    store = Store(tmp_path / "u.db")
    assert store.revision() == 0
    with store.connect() as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_old_schema_is_migrated(tmp_path):
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as con:
        con.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    store = Store(db)
    with store.connect() as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.revision() == 0


def test_saved_source_joins_the_dataset(tmp_path):
    store = Store(tmp_path / "u.db")
    source, text, claims = build("u1", 3)
    store.save_source(source, text, claims)
    assert store.revision() == 1
    records, texts = store.records()
    ds = load_dataset(extra=records, extra_texts=texts)
    assert "u1" in ds.sources and len([c for c in ds.claims.values() if c.source == "u1"]) == 3
    assert ds.source_text("u1") == text


@pytest.mark.parametrize(
    "breakage,message",
    [
        ("quote", "no longer matches"),
        ("empty", "empty"),
        ("huge", "larger than"),
        ("duplicate", "already saved"),
        ("curated id", "curated data"),
    ],
)
def test_bad_saves_are_refused_and_write_nothing(tmp_path, breakage, message):
    store = Store(tmp_path / "u.db")
    source, text, claims = build("u1", 3)
    known = set()
    if breakage == "quote":
        text = text.replace("Officials", "Officers", 1)
    elif breakage == "empty":
        text = "   "
    elif breakage == "huge":
        text = text + " " * 1_000_001
    elif breakage == "duplicate":
        store.save_source(source, text, claims)
        source = source.model_copy(update={"id": "u2"})
        claims = [c.model_copy(update={"source": "u2", "id": c.id + "x"}) for c in claims]
    elif breakage == "curated id":
        known = {"u1"}
    before = counts(store.path) if store.path.exists() else (0, 0)
    with pytest.raises(StoreError, match=message):
        store.save_source(source, text, claims, known_ids=known)
    assert (counts(store.path) if store.path.exists() else (0, 0)) == before


def test_killed_writer_leaves_all_or_nothing(tmp_path):
    db = tmp_path / "u.db"
    Store(db).revision()  # create the schema first
    env = {**os.environ, "CLAIMS_ATLAS_TEST_SLOW_SAVE": "0.05"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.store_writer", str(db), "k1", "40"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "saving"
    # Wait until the transaction has written some claims into the WAL, then kill mid-save.
    deadline = time.monotonic() + 20
    wal = db.with_name(db.name + "-wal")
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 8192):
        time.sleep(0.02)  # polling a subprocess, not a browser
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert counts(db) == (0, 0)
    # The same save, not killed, lands whole.
    subprocess.run(
        [sys.executable, "-m", "tests.store_writer", str(db), "k1", "40"], cwd=ROOT, check=True, capture_output=True
    )
    assert counts(db) == (1, 40)


def test_two_concurrent_saves_both_land(tmp_path):
    db = tmp_path / "u.db"
    env = {**os.environ, "CLAIMS_ATLAS_TEST_SLOW_SAVE": "0.01"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store_writer", str(db), sid, "30"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for sid in ("a1", "b1")
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert counts(db) == (2, 60)
    assert Store(db).revision() == 2


def test_export_then_import_round_trip(tmp_path):
    a = Store(tmp_path / "a.db")
    source, text, claims = build("u1", 2)
    a.save_source(source, text, claims)
    a.export(tmp_path / "export")
    b = Store(tmp_path / "b.db")
    assert b.import_folder(tmp_path / "export") == 1
    assert b.records() == a.records()
    with pytest.raises(StoreError, match="already saved"):
        b.import_folder(tmp_path / "export")


def test_unwritable_location_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(blocker / "sub" / "u.db").connect()


def test_write_problem_names_what_is_wrong_and_not_a_busy_writer(tmp_path):
    assert Store(tmp_path / "new" / "u.db").write_problem() is None
    assert not (tmp_path / "new").exists(), "the check creates nothing"
    (tmp_path / "bad.db").write_bytes(b"not sqlite" * 100)
    assert "bad.db" in Store(tmp_path / "bad.db").write_problem()
    store = Store(tmp_path / "u.db")
    with closing(store.connect()) as con:
        con.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        assert store.write_problem() is None
        con.execute("ROLLBACK")


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
    a.export(folder)
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
        b.import_folder(folder)
    assert needle in str(exc.value), str(exc.value)
    assert b.records()[0]["sources"] == []  # not even u1, which was fine
