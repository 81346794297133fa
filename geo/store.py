"""User-added sources, kept in an embedded SQLite database (the curated data/ stays read-only).

- Where: ``CLAIMS_ATLAS_DB`` if set, else ``$XDG_DATA_HOME/claims-atlas/user.db``
  (``~/.local/share/claims-atlas/user.db``).
- Schema versioned with ``PRAGMA user_version`` and applied by ordered migrations.
- One save is one ``BEGIN IMMEDIATE`` transaction: a source with all its claims, or nothing.
  WAL journaling and a busy timeout let concurrent saves queue instead of failing.
- Everything is validated with the same models and checks as the curated data before anything
  is written (quotes must be found in the article at their offsets).
- Export and import use the curated data's format: sources/places/events/claims YAML plus the
  article texts, so a team can share what it added.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from contextlib import closing
from pathlib import Path

import yaml

from geo.core.context import ContextEvent
from geo.core.dataset import FILES, DataIssue, read_records, validate_records
from geo.core.model import Claim, Event, Place, Source

MIGRATIONS: list[str] = [
    # 1: sources with their texts, and their claims; user-made events and places.
    """
    CREATE TABLE sources (id TEXT PRIMARY KEY, record TEXT NOT NULL, text TEXT NOT NULL,
                          text_sha256 TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
    CREATE TABLE claims (id TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                         record TEXT NOT NULL);
    CREATE TABLE events (id TEXT PRIMARY KEY, record TEXT NOT NULL);
    CREATE TABLE places (id TEXT PRIMARY KEY, record TEXT NOT NULL);
    """,
    # 2: a counter bumped by every change, so caches can tell the data changed.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO meta VALUES ('revision', 0);
    """,
    # 3: ACLED / UCDP GED rows imported as context, apart from the claims.
    """
    CREATE TABLE context_events (key TEXT PRIMARY KEY, dataset TEXT NOT NULL, record TEXT NOT NULL,
                                 imported TEXT NOT NULL);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
MAX_TEXT_BYTES = 1_000_000


class StoreError(ValueError):
    """A save or import was refused; nothing was written. The message says why."""


def default_path() -> Path:
    if os.environ.get("CLAIMS_ATLAS_DB"):
        return Path(os.environ["CLAIMS_ATLAS_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "claims-atlas" / "user.db"


def _wal(con: sqlite3.Connection, wait_s: float = 30.0) -> None:
    """Switch to WAL journaling. SQLite does not call the busy handler for this switch, so a
    second process opening a brand-new file while the first creates it gets "database is
    locked" at once; wait for the first instead of failing the save."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class Store:
    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else default_path()

    def connect(self) -> sqlite3.Connection:
        """A connection with the schema migrated to the current version."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open the database at {self.path}: {e}") from e
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA busy_timeout = 30000")
        try:
            _wal(con)
            self._migrate(con)
        except sqlite3.DatabaseError as e:  # read-only (OperationalError) or not a database at all
            con.close()
            raise StoreError(f"the database at {self.path} cannot be used: {e}") from e
        return con

    def _migrate(self, con: sqlite3.Connection) -> None:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema {version}, newer than this app's {SCHEMA_VERSION}")
        for number in range(version, SCHEMA_VERSION):
            con.execute("BEGIN IMMEDIATE")
            try:
                # Re-read inside the lock: another process may have migrated meanwhile.
                if con.execute("PRAGMA user_version").fetchone()[0] != number:
                    con.execute("ROLLBACK")
                    continue
                for statement in filter(str.strip, MIGRATIONS[number].split(";")):
                    con.execute(statement)
                con.execute(f"PRAGMA user_version = {number + 1}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def write_problem(self) -> str | None:
        """Why a save would fail here (read-only or unusable location or file), or None. Pages ask
        before a user spends time on a form; nothing is left behind by the check."""
        try:
            if self.path.exists():
                with closing(self.connect()) as con:
                    con.execute("PRAGMA busy_timeout = 200")
                    try:
                        con.execute("BEGIN IMMEDIATE")
                        con.execute("ROLLBACK")
                    except sqlite3.OperationalError as e:
                        if "locked" not in str(e):  # another save in progress is not a problem
                            raise
            else:
                folder = next(p for p in self.path.parents if p.exists())
                if not folder.is_dir():
                    return f"your sources cannot be saved at {self.path}: {folder} is not a folder"
                with tempfile.TemporaryFile(dir=folder):
                    pass
        except (OSError, StoreError, sqlite3.Error) as e:
            return f"your sources cannot be saved at {self.path}: {e}"
        return None

    def revision(self) -> int:
        """A number that changes with every save (0 for a new database)."""
        if not self.path.exists():
            return 0
        with closing(self.connect()) as con:
            return con.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]

    def save_source(
        self,
        source: Source,
        text: str,
        claims: list[Claim],
        events: list[Event] = (),
        places: list[Place] = (),
        known_ids: set[str] = frozenset(),
    ) -> None:
        """Save a source with its claims (and any new events/places) in one transaction.

        Raises StoreError, writing nothing, if anything does not validate: empty or oversized
        text, a quote not at its offsets, a claim of another source, an id already used (in the
        curated data: ``known_ids``; or here), or the same article saved before.
        """
        self.save_sources([(source, text, claims)], events, places, known_ids)

    def save_sources(
        self,
        batch: list[tuple[Source, str, list[Claim]]],
        events: list[Event] = (),
        places: list[Place] = (),
        known_ids: set[str] = frozenset(),
    ) -> None:
        """Save several sources in one transaction: all of them, or (StoreError) none."""
        # One source's problems read as they always have; several sources' name the source.
        prefix = (lambda s: f"{s.id}: ") if len(batch) > 1 else (lambda s: "")
        problems = [prefix(s) + p for s, text, claims in batch for p in _check(s, text, claims, known_ids)]
        if problems:
            raise StoreError("; ".join(problems))
        slow = float(os.environ.get("CLAIMS_ATLAS_TEST_SLOW_SAVE", "0"))  # tests: widen the kill window
        with closing(self.connect()) as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                for source, text, claims in batch:
                    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
                    dup = con.execute("SELECT id FROM sources WHERE id = ? OR text_sha256 = ?", (source.id, digest))
                    row = dup.fetchone()
                    if row:
                        raise StoreError(f"this article or the id {source.id!r} is already saved (as {row[0]!r})")
                    con.execute(
                        "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
                        (
                            source.id,
                            source.model_dump_json(),
                            text,
                            digest,
                            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                        ),
                    )
                    for claim in claims:
                        con.execute(
                            "INSERT INTO claims VALUES (?, ?, ?)", (claim.id, source.id, claim.model_dump_json())
                        )
                        if slow:
                            time.sleep(slow)
                for table, items in (("events", events), ("places", places)):
                    for item in items:
                        con.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", (item.id, item.model_dump_json()))
                con.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'")
                con.execute("COMMIT")
            except sqlite3.IntegrityError as e:
                con.execute("ROLLBACK")
                raise StoreError(f"not saved: {e}") from e
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def save_context(self, events: list[ContextEvent]) -> tuple[int, int]:
        """Keep imported context rows in one transaction; a row imported before is replaced by
        the newer export's. Returns (new, replaced)."""
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        with closing(self.connect()) as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                keys = {e.key for e in events}
                known = {k for (k,) in con.execute("SELECT key FROM context_events")} & keys
                con.executemany(
                    "INSERT OR REPLACE INTO context_events VALUES (?, ?, ?, ?)",
                    [(e.key, e.dataset, json.dumps(e.to_dict()), now) for e in events],
                )
                con.execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return len(keys - known), len(known)

    def context_events(self) -> list[ContextEvent]:
        """Every imported context row, oldest first."""
        if not self.path.exists():
            return []
        with closing(self.connect()) as con:
            rows = con.execute("SELECT key, record FROM context_events ORDER BY rowid").fetchall()
        out = []
        for key, record in rows:
            try:
                out.append(ContextEvent(**json.loads(record)))
            except (TypeError, ValueError) as e:
                raise StoreError(f"{self.path}: context row {key!r} cannot be read: {e}") from e
        return out

    def records(self) -> tuple[dict[str, list[dict]], dict[str, str]]:
        """Everything saved, as records per data file (like data/*.yaml), and the texts by source id."""
        out: dict[str, list[dict]] = {"sources": [], "places": [], "events": [], "claims": []}
        texts: dict[str, str] = {}
        if not self.path.exists():
            return out, texts
        with closing(self.connect()) as con:
            for sid, record, text in con.execute("SELECT id, record, text FROM sources ORDER BY created, id"):
                out["sources"].append(json.loads(record))
                texts[sid] = text
            for table in ("places", "events", "claims"):
                out[table] = [json.loads(r) for (r,) in con.execute(f"SELECT record FROM {table} ORDER BY rowid")]
        return out, texts

    def export(self, folder: Path) -> None:
        """Write what was added as data files (YAML) and texts, in the curated data's format."""
        records, texts = self.records()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "texts").mkdir(exist_ok=True)
        for stem, recs in records.items():
            (folder / f"{stem}.yaml").write_text(yaml.safe_dump(recs, allow_unicode=True, sort_keys=False), "utf-8")
        for sid, text in texts.items():
            (folder / "texts" / f"{sid}.txt").write_text(text, encoding="utf-8")

    def export_zip(self) -> bytes:
        """:meth:`export` as a ZIP archive, for a download button."""
        with tempfile.TemporaryDirectory() as tmp:
            self.export(Path(tmp))
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for f in sorted(Path(tmp).rglob("*")):
                    if f.is_file():
                        zf.write(f, f.relative_to(tmp).as_posix())
            return buf.getvalue()

    def import_zip(self, data: bytes, known_ids: set[str] = frozenset()) -> int:
        """Import a ZIP made by :meth:`export_zip` (bounded: 20 MB unpacked, plain paths only)."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf, tempfile.TemporaryDirectory() as tmp:
                names = zf.namelist()
                if sum(i.file_size for i in zf.infolist()) > 20_000_000 or len(names) > 10_000:
                    raise StoreError("the archive is too large")
                if any(n.startswith("/") or ".." in Path(n).parts for n in names):
                    raise StoreError("the archive has unsafe paths")
                zf.extractall(tmp)
                return self.import_folder(Path(tmp), known_ids)
        except zipfile.BadZipFile as e:
            raise StoreError(f"not a ZIP archive: {e}") from e

    def import_folder(self, folder: Path, known_ids: set[str] = frozenset()) -> int:
        """Import an exported folder, all of it or (StoreError naming file, record and field) nothing."""
        issues: list[DataIssue] = []
        parsed: dict[str, dict] = {}
        for stem, model in FILES.items():
            path = folder / f"{stem}.yaml"
            records = read_records(path, issues, allow_empty=stem in ("places", "events"))
            parsed[stem] = validate_records(path.name, model, records, issues, set())
        batch = []
        for s in parsed["sources"].values():
            try:
                text = (folder / "texts" / f"{s.id}.txt").read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                issues.append(DataIssue(f"texts/{s.id}.txt", None, None, f"missing or unreadable ({e})"))
                continue
            batch.append((s, text, [c for c in parsed["claims"].values() if c.source == s.id]))
        if issues:
            raise StoreError("nothing was imported: " + "; ".join(str(i) for i in issues[:20]))
        self.save_sources(batch, list(parsed["events"].values()), list(parsed["places"].values()), known_ids)
        return len(batch)


def _check(source: Source, text: str, claims: list[Claim], known_ids: set[str]) -> list[str]:
    problems = []
    if not text.strip():
        problems.append("the article is empty")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        problems.append(f"the article is larger than {MAX_TEXT_BYTES // 1_000_000} MB")
    if source.id in known_ids:
        problems.append(f"the id {source.id!r} is already used by the curated data")
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
