"""Data checks on the towns drawn: each lies in its province and a second gazetteer agrees."""

from __future__ import annotations

from dataclasses import replace

from geo.spatial import gazetteer


def test_every_drawn_town_passes_its_checks():
    drawn = {t.geonames_id for t in gazetteer.map_towns()}
    assert drawn, "no towns drawn"
    assert all(c.ok for c in gazetteer.town_checks() if c.town.geonames_id in drawn)
    assert {1168446, 1159713}.issubset(drawn)  # Panjgur and Saravan stay


def test_arif_wala_beside_bela_is_caught_and_not_drawn():
    check = next(c for c in gazetteer.town_checks() if c.town.geonames_id == 11250625)
    assert check.status == "conflict" and "Punjab" in check.detail
    assert 11250625 not in {t.geonames_id for t in gazetteer.map_towns()}


def test_a_town_moved_out_of_its_province_is_caught():
    panjgur = next(t for t in gazetteer.candidate_towns() if t.geonames_id == 1168446)
    moved = replace(panjgur, lon=60.8629, lat=29.4963)  # Zahedan's position, in Iran
    check = gazetteer.check_town(moved)
    assert check.status == "outside" and "Balochistan" in check.detail


def test_a_real_town_is_confirmed_by_the_second_gazetteer():
    saravan = next(t for t in gazetteer.candidate_towns() if t.geonames_id == 1159713)
    assert gazetteer.check_town(saravan).status == "confirmed"
