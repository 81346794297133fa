"""Faults: broken boundary files, missing map assets and an unusable user database give a clear
message; the rest works."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from unittest import mock

import pytest

from geo.core.dataset import load_dataset
from geo.core.findings import find_discrepancies
from geo.spatial import boundaries, measure
from tests.apptest import ARTICLE, run_app


def unescape(text: str) -> str:
    return text.replace("\\", "")


@pytest.fixture(params=["missing", "corrupt", "empty", "wrong geometry"])
def broken_boundaries(request, tmp_path, monkeypatch):
    folder = tmp_path / "boundaries"
    shutil.copytree(boundaries.DATA_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    target = folder / "border_osm.geojson"
    if request.param == "missing":
        target.unlink()
    elif request.param == "corrupt":
        target.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    elif request.param == "empty":
        target.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    else:
        target.write_text(
            '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
            '"geometry":{"type":"Point","coordinates":[62,27]}}]}',
            encoding="utf-8",
        )
    monkeypatch.setenv("CLAIMS_ATLAS_BOUNDARIES", str(folder))
    return target


def test_measuring_names_the_broken_file(broken_boundaries):
    with pytest.raises(boundaries.BoundaryDataError, match="border_osm.geojson"):
        measure.distance_to_border(62.3, 27.4, "osm")
    # The other resolution still works.
    assert measure.distance_to_border(62.3, 27.4, "ne10m").distance_km > 0


def test_findings_say_cannot_tell_instead_of_failing(broken_boundaries):
    fs = find_discrepancies(load_dataset(), resolution="osm")
    depth = [f for f in fs if f.event == "pakistan-strike-saravan" and f.type == "depth_vs_measured"]
    assert depth and all(f.verdict == "cannot tell" and "border_osm.geojson" in f.summary for f in depth)
    assert any(f.type == "different_victims" for f in fs)  # findings that need no geometry still come


@pytest.mark.parametrize("page", ["map", "claims", "methodology"])
def test_pages_show_a_clear_message_and_keep_working(broken_boundaries, page):
    at = run_app(page)
    assert not at.exception, [e.value for e in at.exception]
    if page != "claims":
        assert any("border_osm.geojson" in unescape(e.value) for e in at.error), [e.value for e in at.error]
    assert at.dataframe or at.table, "the page's tables still render"


def test_missing_map_assets_fall_back_to_cdn_with_a_notice():
    with mock.patch("geo.render.assets.missing_assets", return_value=["leaflet/leaflet.js"]):
        at = run_app("map")
    assert not at.exception
    assert any("needs internet" in w.value for w in at.warning)


def test_local_assets_replace_every_cdn_link():
    import folium
    import folium.plugins

    from geo.render import assets as map_assets

    if map_assets.missing_assets():
        pytest.skip("map assets not installed (run `make setup`)")
    assert map_assets.use_local_assets()
    links = [u for _, u in folium.Map.default_js + folium.Map.default_css]
    links += [u for _, u in folium.plugins.MeasureControl.default_js + folium.plugins.MeasureControl.default_css]
    assert links and all(u.startswith("/app/static/vendor/") for u in links)
    for u in links:
        assert (map_assets.VENDOR / u.removeprefix("/app/static/vendor/")).is_file()


def readonly_folder(tmp_path: Path) -> Path:
    """A folder on a read-only bind mount (this machine runs tests as root, which ignores file
    modes, so ``chmod`` proves nothing); the test skips where mounting is not permitted."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    src, folder = tmp_path / "src", tmp_path / "ro"
    src.mkdir()
    folder.mkdir()
    for cmd in (["mount", "--bind", src, folder], ["mount", "-o", "remount,bind,ro", folder]):
        if subprocess.run(cmd, capture_output=True).returncode:
            subprocess.run(["umount", folder], capture_output=True)
            pytest.skip("cannot make a read-only folder here (mount not permitted)")
    return folder


def wreck_pages(db: Path) -> None:
    """A real database with a saved source whose pages after the first three are overwritten:
    the header reads, the tables do not (SQLite: "database disk image is malformed")."""
    from geo.store import Store
    from tests.store_writer import build

    store = Store(db)
    store.save_source(*build("wrecked", 200))
    store.db.engine.dispose()
    data = bytearray(db.read_bytes())
    for n in range(3, len(data) // 4096):
        data[n * 4096 : (n + 1) * 4096] = b"\xa5" * 4096
    db.write_bytes(bytes(data))
    store.db._migrated = False  # a newly started server sees it as it is now


@pytest.fixture(params=["read-only folder", "parent is a file", "corrupt file", "corrupt pages"])
def unusable_db(request, tmp_path, monkeypatch):
    if request.param == "read-only folder":
        folder = readonly_folder(tmp_path)
        db = folder / "user.db"
    elif request.param == "parent is a file":
        (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
        db = tmp_path / "blocker" / "user.db"
    elif request.param == "corrupt file":
        db = tmp_path / "user.db"
        db.write_bytes(b"this is not SQLite\x00" * 100)
    else:
        db = tmp_path / "user.db"
        wreck_pages(db)
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(db))
    sqlite_own = {db.name + "-wal", db.name + "-shm"}  # SQLite's journal files, not records

    def listing():
        return sorted(p.name for p in db.parent.iterdir() if p.name not in sqlite_own) if db.parent.is_dir() else None

    before = listing()
    yield db
    after = listing()
    if request.param == "read-only folder":
        subprocess.run(["umount", db.parent], capture_output=True)
    assert before == after, "nothing was written next to the database"


@pytest.mark.parametrize("page", ["map", "claims", "add_source"])
def test_unusable_user_database_is_a_notice_and_curated_data_works(unusable_db, page):
    at = run_app(page)
    assert not at.exception, [e.value for e in at.exception]
    notices = [unescape(w.value) for w in at.warning]
    if unusable_db.exists():  # a file that is there but cannot be read
        assert any("Your added sources cannot be read" in n and "user.db" in n for n in notices), notices
    if page == "add_source":  # said before the user fills in a form that cannot be saved
        assert any("Saving will not work" in n and "user.db" in n for n in notices), notices
    else:
        assert at.dataframe or at.table, "the page's tables still render"
    assert len(at.sidebar.checkbox) == 5, "the five curated sources are still there"


def test_a_writable_location_gets_no_notice(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "new" / "user.db"))
    at = run_app("add_source")
    assert not at.warning, [w.value for w in at.warning]
    assert list(tmp_path.iterdir()) == [], "the check wrote nothing"


def test_saving_to_an_unusable_database_says_so_and_keeps_the_form(unusable_db):
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(ARTICLE).run()
    next(t for t in at.text_area if t.label.startswith("Its line of argument")).input("A test wire report.")
    next(b for b in at.button if b.label.startswith("Save this source")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Nothing was saved" in e.value and "user.db" in unescape(e.value) for e in at.error), [
        e.value for e in at.error
    ]
    assert at.text_area(key="ca_add_text").value == ARTICLE, "the pasted article is kept for another try"
    assert not at.success


BROKEN_YAML = {
    "empty": (b"", "holds no records"),
    "deep nesting": (b"- " + b"[" * 3000 + b"]" * 3000 + b"\n", "nested more than"),
    "duplicate key": (b"- id: a\n  id: b\n", "duplicate key 'id'"),
}


@pytest.mark.parametrize("kind", list(BROKEN_YAML))
def test_a_broken_data_file_is_named_by_the_loader_the_cli_and_the_app(tmp_path, monkeypatch, kind):
    """An empty claims.yaml used to load as no claims (an empty map); deep nesting was a traceback."""
    import sys

    from geo.core.dataset import DatasetError
    from tests.fixtures import write_dataset

    content, needle = BROKEN_YAML[kind]
    data, src = write_dataset(tmp_path)
    (data / "claims.yaml").write_bytes(content)
    with pytest.raises(DatasetError, match=f"claims.yaml: .*{needle}"):
        load_dataset(data, src)
    env = {**os.environ, "CLAIMS_ATLAS_DATA": str(data), "CLAIMS_ATLAS_SOURCES": str(src)}
    run = subprocess.run(
        [sys.executable, "-m", "geo.core.export", "claims", "--format", "csv"], capture_output=True, text=True, env=env
    )
    assert run.returncode == 1 and needle in run.stderr and "Traceback" not in run.stderr, run.stderr
    monkeypatch.setenv("CLAIMS_ATLAS_DATA", str(data))
    monkeypatch.setenv("CLAIMS_ATLAS_SOURCES", str(src))
    at = run_app()
    assert not at.exception
    assert any("claims.yaml" in unescape(e.value) and needle in unescape(e.value) for e in at.error)
