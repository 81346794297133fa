"""Share what a store holds: export and import in the curated data's format (sources, places,
events and claims YAML plus the article texts, and the change log as JSON lines), as a folder
or a ZIP archive."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import yaml

from geo.core.dataset import FILES, DataIssue, read_records, validate_records
from geo.store.errors import StoreError
from geo.store.sources import Store

MAX_UNPACKED_BYTES = 20_000_000
MAX_FILES = 10_000


def export_folder(store: Store, folder: Path) -> None:
    """Write what was added as data files (YAML) and texts."""
    records, texts = store.records()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "texts").mkdir(exist_ok=True)
    for stem, recs in records.items():
        (folder / f"{stem}.yaml").write_text(yaml.safe_dump(recs, allow_unicode=True, sort_keys=False), "utf-8")
    for sid, body in texts.items():
        (folder / "texts" / f"{sid}.txt").write_text(body, encoding="utf-8")
    # Who did what, oldest first: the history goes with the data (an import reads only the data).
    log = reversed(store.changes(limit=1_000_000))
    (folder / "changes.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in log), "utf-8")


def export_zip(store: Store) -> bytes:
    """:func:`export_folder` as a ZIP archive, for a download button."""
    with tempfile.TemporaryDirectory() as tmp:
        export_folder(store, Path(tmp))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for f in sorted(Path(tmp).rglob("*")):
                if f.is_file():
                    zf.write(f, f.relative_to(tmp).as_posix())
        return buf.getvalue()


def import_zip(store: Store, data: bytes, known_ids: set[str] = frozenset()) -> int:
    """Import a ZIP made by :func:`export_zip` (bounded: 20 MB unpacked, plain paths only)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf, tempfile.TemporaryDirectory() as tmp:
            names = zf.namelist()
            if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED_BYTES or len(names) > MAX_FILES:
                raise StoreError("the archive is too large")
            if any(n.startswith("/") or ".." in Path(n).parts for n in names):
                raise StoreError("the archive has unsafe paths")
            zf.extractall(tmp)
            return import_folder(store, Path(tmp), known_ids)
    except zipfile.BadZipFile as e:
        raise StoreError(f"not a ZIP archive: {e}") from e


def import_folder(store: Store, folder: Path, known_ids: set[str] = frozenset()) -> int:
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
            body = (folder / "texts" / f"{s.id}.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            issues.append(DataIssue(f"texts/{s.id}.txt", None, None, f"missing or unreadable ({e})"))
            continue
        batch.append((s, body, [c for c in parsed["claims"].values() if c.source == s.id]))
    if issues:
        raise StoreError("nothing was imported: " + "; ".join(str(i) for i in issues[:20]))
    store.save_sources(batch, list(parsed["events"].values()), list(parsed["places"].values()), known_ids)
    return len(batch)
