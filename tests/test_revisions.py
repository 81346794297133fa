"""Toll history (geo.core.revisions): a claimant's later figure revises their earlier one; it is a
history everywhere it shows, never a disagreement, and the latest figure counts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from geo.core import claims_view, export, headline, revisions
from geo.core.findings import find_discrepancies
from geo.core.model import Claim, Source
from geo.core.view import build_view
from geo.render.claims_table import table_html
from geo.render.popups import popup_html

EVENT = "pakistan-strike-saravan"


def source(sid: str, day: int | None) -> Source:
    date = dt.date(2024, 1, day) if day else None
    return Source(
        id=sid, file=f"{sid}.txt", kind="news_report", argument="A test source.", date=date,
        date_precision="day" if day else None, origin="user",
    )  # fmt: skip


def claim(cid: str, sid: str, value: float, claimant="Iran's interior ministry", revises=None, kind="killed"):
    quote = f"The ministry said {value:g} people were killed."
    return Claim(
        id=cid, event=EVENT, source=sid, claimant=claimant, claimant_type="iran_official", kind=kind,
        value=value, unit="people" if kind == "killed" else "km", qualifier="exact", quote=quote,
        quote_start=0, quote_end=len(quote), revises=revises,
    )  # fmt: skip


SOURCES = {"r1": source("r1", 18), "r2": source("r2", 19), "r3": source("r3", 20), "o1": source("o1", 19)}
SEVEN, NINE, TEN = claim("c7", "r1", 7), claim("c9", "r2", 9, revises="c7"), claim("c10", "r3", 10, revises="c9")


def test_a_history_runs_oldest_first_and_every_claim_of_it_points_to_the_whole():
    h = revisions.histories([NINE, TEN, SEVEN], SOURCES)
    assert set(h) == {"c7", "c9", "c10"} and h["c7"] is h["c10"]
    assert [s.claim.id for s in h["c9"]] == ["c7", "c9", "c10"]
    assert revisions.history_text(h["c7"]) == (
        "7 people (18 Jan 2024, r1) → 9 people (19 Jan 2024, r2) → 10 people (20 Jan 2024, r3)"
    )
    assert revisions.note("c10", h["c10"]).startswith("revised figure, the claimant's latest: 7 people")
    assert revisions.note("c7", h["c7"]).startswith("superseded by the claimant's later figure")
    assert [c.id for c in revisions.latest([SEVEN, NINE, TEN])] == ["c10"]


def test_only_the_claims_shown_count_a_switched_off_revision_leaves_the_earlier_figure_latest():
    assert revisions.latest([SEVEN]) == [SEVEN]
    assert revisions.histories([SEVEN], SOURCES) == {}
    assert [c.id for c in revisions.latest([SEVEN, TEN])] == ["c7", "c10"]  # c10 revises c9, not shown


@pytest.fixture
def ds(dataset):
    return dataclasses.replace(dataset, sources={**dataset.sources, **SOURCES})


def test_a_revision_is_a_history_not_a_disagreement_and_the_latest_figure_is_compared(ds):
    other = claim("o9", "o1", 9, claimant="Pakistan's foreign office")
    found = find_discrepancies(ds, [SEVEN, NINE, other])
    assert [f.type for f in found] == ["revision"]
    [rev] = found
    assert not rev.material and rev.claims == ("c7", "c9")
    assert rev.summary == (
        "Iran's interior ministry revised their figure for killed: "
        "7 people (18 Jan 2024, r1) → 9 people (19 Jan 2024, r2)."
    )
    # Without the link, the same side's higher figure a day later reads as a likely update: listed, not flagged.
    unlinked = claim("c9", "r2", 9)
    [later] = [f for f in find_discrepancies(ds, [SEVEN, unlinked, other]) if f.type == "different_numbers"]
    assert (later.verdict, later.material, later.claims) == ("differ", False, ("c7", "c9", "o9"))
    assert later.summary.startswith("A later count of killed from the same side is higher: ")
    # A third claimant's 7 disagrees with the ministry's latest figure, not with its superseded one.
    low = claim("o7", "o1", 7, claimant="a local official")
    numbers = [f for f in find_discrepancies(ds, [SEVEN, NINE, low]) if f.type == "different_numbers"]
    assert [f.claims for f in numbers] == [("c9", "o7")]


def test_headlines_use_each_claimant_s_latest_figure_and_say_which_were_left_out():
    claims = [SEVEN, NINE]
    assert headline.headline(claims, "range") == {(EVENT, "killed"): "9"}
    assert headline.headline(claims, "conservative") == {(EVENT, "killed"): "9"}
    assert headline.headline(claims, "each")[(EVENT, "killed")] == "Iran's interior ministry [r2]: 9 people"
    assert headline.basis(claims) == (
        "Each claimant's latest figure counts; revised earlier figures are left out "
        "(Iran's interior ministry 7 people → 9 people)."
    )
    assert headline.basis([SEVEN]) == ""


def test_the_popup_the_matrix_and_the_chart_show_the_history_with_dates(ds):
    claims = (SEVEN, NINE)
    findings = tuple(find_discrepancies(ds, list(claims)))
    view = build_view(ds, claims, findings, (EVENT,), ("r1", "r2"))
    [ev] = view.events
    html = popup_html(ev)
    assert "History: superseded by the claimant&#x27;s later figure: 7 people (18 Jan 2024, r1) → 9 people" in html
    assert "History: revised figure, the claimant&#x27;s latest" in html
    assert "9 people (revised from 7 people) [r2]" in html  # the summary shows the latest, and what it replaced
    assert "&#9888;" not in html  # nothing is flagged
    table = claims_view.claims_table(claims, findings, EVENT, ds.sources)
    cells = {c.claim_id: c for r in table.rows for cs in r.cells.values() for c in cs}
    assert cells["c7"].history.startswith("superseded") and cells["c9"].history.startswith("revised figure")
    assert "(superseded by the claimant&#x27;s later figure: 7 people (18 Jan 2024, r1)" in table_html(table)
    bars = {b.source: b for b in claims_view.casualty_bars(claims, ds.sources)[EVENT]}
    assert bars["r1"].superseded and bars["r1"].figure == "7 (superseded)" and not bars["r2"].superseded
    assert bars["r2"].history == cells["c9"].history


def test_exports_carry_the_link(ds):
    rows = export.claims_rows(ds, [SEVEN, NINE])
    assert [r["revises"] for r in rows] == ["", "c7"]
    assert "revises" in export.claims_csv(ds, [SEVEN, NINE]).splitlines()[0]


def test_a_revision_within_an_article_takes_over_its_earlier_figure_s_claimant(dataset):
    from geo.extract import intake

    text = "A deputy governor first said seven died. IRNA later said the toll had risen to nine."
    common = {"keep": True, "kind": "killed", "qualifier": "exact", "event": EVENT, "claimant_type": "iran_official"}
    cut = text.index(" IRNA")
    first = common | {"value": "7", "claimant": "deputy governor", "start": 0, "end": cut, "index": 3}
    later = common | {"value": "9", "claimant": "IRNA", "start": cut + 1, "end": len(text), "index": 5, "revises": 3}
    meta = {"title": "Toll rises", "date": dt.date(2024, 1, 19), "kind": "news_report", "argument": "An update."}
    _, claims, problems = intake.build(meta, text, [first, later], set(dataset.events), dataset.claims, dataset.sources)
    assert problems == []
    seven, nine = claims
    assert (nine.revises, nine.claimant, nine.claimant_type) == (seven.id, "deputy governor", "iran_official")


def test_an_added_article_revises_a_figure_already_in_the_atlas_as_its_claimant(dataset):
    from geo.extract import intake

    text = "Iran said on Saturday that the toll had risen to 11, including children."
    row = {
        "keep": True, "kind": "killed", "value": "11", "qualifier": "exact", "claimant": "Iran",
        "claimant_type": "iran_official", "event": EVENT, "start": 0, "end": len(text), "index": 0,
        "revises_atlas": "c-sv-killed-003",
    }  # fmt: skip
    meta = {"title": "Toll rises", "date": dt.date(2024, 2, 3), "kind": "news_report", "argument": "An update."}
    events = set(dataset.events)
    source, [new], problems = intake.build(meta, text, [row], events, dataset.claims, dataset.sources)
    assert problems == []
    earlier = dataset.claims["c-sv-killed-003"]
    assert (new.revises, new.claimant, new.claimant_type) == (earlier.id, earlier.claimant, earlier.claimant_type)
    assert "c-sv-killed-003" in intake.revisable(dataset.claims.values(), "killed")
    # Dated before the figure it revises: refused, saying why.
    _, _, problems = intake.build(
        meta | {"date": dt.date(2024, 1, 20)}, text, [row], events, dataset.claims, dataset.sources
    )
    assert problems and "published later (2024-02-02) than this claim (2024-01-20)" in problems[0]
    # About another event: refused too, and an id the atlas does not have is named.
    other = next(e for e in events if e != EVENT)
    _, _, problems = intake.build(meta, text, [row | {"event": other}], events, dataset.claims, dataset.sources)
    assert problems and "whose event is 'pakistan-strike-saravan'" in problems[0]
    _, _, problems = intake.build(meta, text, [row | {"revises_atlas": "nope"}], events, dataset.claims, {})
    assert problems == ["claim 1 (killed): the claim it revises, 'nope', is not in the atlas"]
    # Named as the page numbers the candidate ("Keep 5"), and a missing field by its label.
    _, _, problems = intake.build(
        meta | {"argument": ""}, text, [row | {"revises_atlas": "nope", "index": 4}], events, dataset.claims, {}
    )
    assert problems == [
        "Its line of argument: required",
        "claim 5 (killed): the claim it revises, 'nope', is not in the atlas",
    ]


def test_a_kept_figure_keeps_the_breakdown_its_sentence_gave_while_it_fits(dataset):
    from geo.extract import Extractor, intake

    text = "Three women, two men and four children were killed in the strike near Saravan, Iranian officials said."
    [c] = [c for c in Extractor(dataset).extract(text) if c.kind == "killed"]
    assert (c.value, c.breakdown) == (9, {"women": 3, "men": 2, "children": 4})
    row = {
        "keep": True, "kind": "killed", "value": "9", "qualifier": None, "claimant": "Iranian officials",
        "claimant_type": "iran_official", "event": EVENT, "start": c.start, "end": c.end, "index": 0,
        "breakdown": c.breakdown,
    }  # fmt: skip
    meta = {"title": "Nine killed", "date": dt.date(2024, 1, 18), "kind": "news_report", "argument": "A toll."}
    events = set(dataset.events)
    _, [kept], problems = intake.build(meta, text, [row], events, dataset.claims, dataset.sources)
    assert problems == [] and kept.breakdown == c.breakdown and "children 4" in kept.value_label()
    # Edited below the parts' sum, or to another kind: the parts no longer describe it.
    _, [edited], problems = intake.build(meta, text, [row | {"value": "3"}], events, dataset.claims, {})
    assert problems == [] and edited.breakdown is None
    _, [depth], _ = intake.build(meta, text, [row | {"kind": "depth"}], events, dataset.claims, {})
    assert depth.breakdown is None


@pytest.mark.parametrize(
    ("later", "material"),
    [
        (claim("x", "r2", 9), False),  # the same ministry, a day later, higher: a likely update
        (claim("x", "r2", 9, claimant="Sistan-Baluchestan's governor"), False),  # the same government
        (claim("x", "r2", 5), True),  # a later toll revised down is not how tolls move: flagged
        # the other side
        (claim("x", "o1", 9, claimant="ISPR").model_copy(update={"claimant_type": "pakistan_official"}), True),
        (claim("x", "r1", 9, claimant="the provincial coroner"), True),  # the same day
        (claim("x", "undated", 9), True),  # no date to order them by
        (claim("x", "r2", 90, kind="depth"), True),  # a depth does not grow with time
    ],
)
def test_a_higher_toll_from_the_same_side_on_a_later_day_is_an_update_not_a_contradiction(ds, later, material):
    ds = dataclasses.replace(ds, sources={**ds.sources, "undated": source("undated", None)})
    earlier = claim("e", "r1", 7, kind=later.kind)
    [f] = [f for f in find_discrepancies(ds, [earlier, later]) if f.type == "different_numbers"]
    assert f.material is material and f.claims == ("e", "x")


def test_the_atlas_figure_a_stated_update_most_likely_revises(dataset):
    from geo.extract import intake

    claims, sources = dataset.claims.values(), dataset.sources
    # Iran's standing toll for Saravan is 9 (one source); Pakistan's officials' for Panjgur is 2,
    # repeated by two sources: the latest published one is offered
    assert intake.likely_revised(claims, sources, "killed", "pakistan-strike-saravan", "iran_official", 11) == (
        "c-sv-killed-003"
    )
    pj = intake.likely_revised(claims, sources, "killed", "iran-strike-panjgur", "pakistan_official", 3)
    assert pj in ("c-pj-killed-001", "c-pj-killed-003")
    dated = {i: sources[dataset.claims[i].source].date or dt.date.min for i in ("c-pj-killed-001", "c-pj-killed-003")}
    assert pj == max(dated, key=lambda i: (dated[i], i))
    # the same value is no update; no event, the author's voice, or no figure of that claimant: none
    assert intake.likely_revised(claims, sources, "killed", "pakistan-strike-saravan", "iran_official", 9) is None
    # an article dated before the standing figure's source cannot revise it (the save would refuse)
    published = sources[dataset.claims["c-sv-killed-003"].source].date
    args = (claims, sources, "killed", "pakistan-strike-saravan", "iran_official", 11)
    assert intake.likely_revised(*args, published) == "c-sv-killed-003"
    assert intake.likely_revised(*args, published - dt.timedelta(days=1)) is None
    assert intake.likely_revised(claims, sources, "killed", None, "iran_official", 11) is None
    assert intake.likely_revised(claims, sources, "killed", "rask-police-attack-2023", "author", 12) is None
    assert intake.likely_revised(claims, sources, "injured", "pakistan-strike-saravan", "iran_official", 4) is None


def test_a_zero_said_of_a_group_is_no_headline_toll_but_no_one_killed_is():
    fighters = claim("f0", "r2", 0, claimant="a militant group").model_copy(update={"victims": "fighters"})
    nobody = claim("n0", "r2", 0, claimant="a local official").model_copy(update={"victims": "people"})
    assert headline.headline([NINE, fighters], "conservative") == {(EVENT, "killed"): "9"}
    assert headline.headline([NINE, fighters], "range") == {(EVENT, "killed"): "9"}
    assert headline.headline([NINE, nobody], "conservative") == {(EVENT, "killed"): "0"}
