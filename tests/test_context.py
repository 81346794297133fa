"""geo.core.context: ACLED and UCDP GED exports read by column name; a broken file imports nothing."""

from __future__ import annotations

import pytest

from geo.core.context import ContextError, read_csv
from tests.context_files import acled_rows, to_csv, ucdp_rows


def test_acled_rows_keep_their_own_fields():
    events = read_csv(to_csv(acled_rows(6)), "acled.csv")
    assert [e.event_id for e in events] == [f"TST{i}" for i in range(1, 7)]
    e = events[1]
    assert e.dataset == "ACLED" and e.date_start == "2024-01-11" == e.date_end  # "11 January 2024"
    assert (e.source_precision, e.precision) == (2, "district")
    assert e.fatalities == 1 and e.best is None and "ACLED" in e.fatality_label()
    assert e.source == "Test Wire" and e.notes == "Synthetic test row 2."


def test_ucdp_rows_keep_best_low_high():
    events = read_csv(to_csv(ucdp_rows(7)), "ged.csv")
    e = events[3]
    assert e.dataset == "UCDP GED" and (e.best, e.low, e.high) == (3, 2, 5) and e.fatalities is None
    assert (e.date_start, e.date_end) == ("2024-01-13", "2024-01-14")
    assert [x.precision for x in events] == ["exact", "town", "district", "province", "province", "country", "country"]
    assert e.kind == "state-based conflict" and e.source == "Test Wire 4"


def _broken(rows, change: dict):
    for (i, field), value in change.items():
        rows[i][field] = value
    return to_csv(rows)


@pytest.mark.parametrize(
    ("data", "needles"),
    [
        (
            to_csv([{k: v for k, v in r.items() if k != "latitude"} for r in acled_rows()]),
            ["lacks the column(s) latitude"],
        ),
        (to_csv([{"a": 1, "b": 2}]), ["not an ACLED or UCDP GED export"]),
        (b"", ["not a readable CSV file"]),
        (b"\xff\xfe\x00garbage", ["not UTF-8"]),
        (
            _broken(acled_rows(), {(1, "event_date"): "31 February 2024", (2, "latitude"): "95"}),
            ["row 3, field 'event_date'", "row 4, field 'latitude': '95' is not a number from -90 to 90"],
        ),
        (_broken(acled_rows(), {(0, "geo_precision"): "4"}), ["row 2, field 'geo_precision'"]),
        (
            _broken(acled_rows(), {(3, "event_id_cnty"): "TST1"}),
            ["row 5, field 'event_id_cnty': 'TST1' appears twice"],
        ),
        (_broken(ucdp_rows(), {(0, "low"): "9"}), ["row 2, fields 'low'/'best'/'high'"]),
        (_broken(ucdp_rows(), {(1, "date_end"): "2024-01-01 00:00:00.000"}), ["row 3, field 'date_end': before"]),
        (_broken(ucdp_rows(), {(2, "longitude"): "east"}), ["row 4, field 'longitude': 'east'"]),
    ],
)
def test_a_broken_file_names_every_bad_row_and_field_and_gives_nothing(data, needles):
    with pytest.raises(ContextError) as exc:
        read_csv(data, "bad.csv")
    text = str(exc.value)
    assert text.startswith("bad.csv: nothing was imported")
    for n in needles:
        assert n in text, text


def test_import_keeps_rows_in_the_store_and_a_newer_export_replaces_them(tmp_path):
    from geo.context import import_file
    from geo.store import Store

    store = Store(tmp_path / "u.db")
    msg = import_file(to_csv(acled_rows(4)), "acled.csv", store)
    assert msg.startswith("acled.csv: 4 ACLED rows kept as context (4 new, 0 replacing")
    rows = acled_rows(6)
    rows[0]["fatalities"] = "3"
    assert "(2 new, 4 replacing" in import_file(to_csv(rows), "acled2.csv", store)
    kept = {e.key: e for e in store.context_events()}
    assert len(kept) == 6 and kept["ACLED:TST1"].fatalities == 3
    before = store.revision()
    with pytest.raises(ContextError):
        import_file(b"id,nothing\n1,2\n", "bad.csv", store)
    assert store.revision() == before and len(store.context_events()) == 6


def test_cli_imports_exports_and_refuses_broken_files(tmp_path):
    import json
    import subprocess
    import sys

    good, bad, db = tmp_path / "ged.csv", tmp_path / "bad.csv", tmp_path / "u.db"
    good.write_bytes(to_csv(ucdp_rows(5)))
    rows = ucdp_rows(3)
    rows[1]["latitude"] = "-91"
    bad.write_bytes(to_csv(rows))

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "geo.context", *args, "--db", str(db)], capture_output=True, text=True
        )

    ok = run("import", str(good))
    assert ok.returncode == 0 and "5 UCDP GED rows kept" in ok.stdout, ok.stderr
    no = run("import", str(bad))
    assert no.returncode == 1 and "row 3, field 'latitude'" in no.stderr and "Traceback" not in no.stderr
    missing = run("import", str(tmp_path / "nope.csv"))
    assert missing.returncode == 1 and "cannot be read" in missing.stderr
    out = json.loads(run("export").stdout)
    assert len(out["features"]) == 5
    props = out["features"][0]["properties"]
    assert props["dataset"] == "UCDP GED" and props["best"] == 0 and 30 < props["border_distance_km"] < 60


def test_a_damaged_context_row_in_the_database_is_named(tmp_path):
    import sqlite3

    from geo.store import Store, StoreError

    store = Store(tmp_path / "u.db")
    store.save_context(read_csv(to_csv(acled_rows(2)), "a.csv"))
    con = sqlite3.connect(tmp_path / "u.db")
    con.execute("UPDATE context_events SET record = '{\"dataset\": \"ACLED\"}' WHERE key = 'ACLED:TST2'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="context row 'ACLED:TST2' cannot be read"):
        store.context_events()


def test_an_oversized_or_overlong_export_is_refused(monkeypatch):
    from geo.core import context

    monkeypatch.setattr(context, "MAX_BYTES", 500)
    with pytest.raises(ContextError, match="at most 0.0005 MB"):
        read_csv(to_csv(acled_rows(20)), "big.csv")
    monkeypatch.setattr(context, "MAX_BYTES", 50_000_000)
    monkeypatch.setattr(context, "MAX_ROWS", 3)
    with pytest.raises(ContextError, match="more than 3 rows"):
        read_csv(to_csv(acled_rows(5)), "long.csv")
