"""geo.extract: candidate claims with exact spans, qualifiers, breakdowns, claimants and events."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.extract import Extractor, extract

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="module")
def ex(dataset):
    return Extractor(dataset)


def only(cands, *kinds):
    return [c for c in cands if c.kind in kinds]


@pytest.mark.parametrize(
    "text,kind,value,qualifier",
    [
        ("Officials said at least nine people were killed.", "killed", 9, "at least"),
        ("The strike killed 11 police officers.", "killed", 11, "exact"),
        ("Nearly a dozen villagers were wounded.", "injured", 12, "about"),
        ("The attack left more than 90 dead.", "killed", 90, "more than"),
        ("It resulted in over 90 fatalities.", "killed", 90, "more than"),
        ("Some 1,250 soldiers died in the war.", "killed", 1250, "about"),
    ],
)
def test_casualty_figures(text, kind, value, qualifier):
    [c] = only(extract(text), "killed", "injured")
    assert (c.kind, c.value, c.qualifier) == (kind, value, qualifier)
    assert c.quote == text and text[c.span_start - c.start : c.span_end - c.start]


def test_breakdown_and_second_figure():
    text = "According to Iran, the incursions killed three women, two men, and four children who were not Iranian."
    [c] = only(extract(text), "killed")
    assert c.value == 9 and c.breakdown == {"women": 3, "men": 2, "children": 4}
    assert c.claimant == "Government of Iran"
    text2 = "Islamabad claims two children were killed and three others injured."
    got = {(c.kind, c.value) for c in only(extract(text2), "killed", "injured")}
    assert got == {("killed", 2), ("injured", 3)}


@pytest.mark.parametrize(
    "text,value,qualifier",
    [
        ("missiles streaked more than 50 km deep into Pakistan", 50, "more than"),
        ("about 90 km inside Iran", 90, "about"),
        ("some 30 miles inside Pakistan", 48.3, "about"),
    ],
)
def test_depths(text, value, qualifier):
    [c] = only(extract(text), "depth")
    assert (c.value, c.unit, c.qualifier) == (value, "km", qualifier)


def test_claimant_cues():
    assert (
        extract("Pakistan conducted air attacks in Iran, which it claims killed at least nine separatists.")[0].claimant
        == "Government of Pakistan"
    )
    assert (
        only(extract("Iranian state media said two sites were hit by missiles."), "weapon")[0].claimant
        == "Iranian state media"
    )


def test_places_with_alternate_spellings_and_event_link(ex):
    text = "Pakistani jets struck near Sarawan, about 90 km inside Iran, on January 18."
    cands = ex.extract(text)
    assert {c.value for c in only(cands, "location")} == {"saravan"}
    depth = only(cands, "depth")[0]
    assert depth.event == "pakistan-strike-saravan" and "places it in Iran" in depth.event_reason


def test_unclear_event_is_left_to_the_reviewer(ex):
    [c] = only(ex.extract("Two people were killed."), "killed")
    assert c.event is None and "pick one" in c.event_reason


def test_evaluation_set_meets_the_targets():
    from bench.extract_eval import evaluate

    results = evaluate()
    for kind in ("casualties", "depth"):
        p, r, *_ = results[kind]
        assert p >= 0.9 and r >= 0.9, (kind, p, r)
    p, r, *_ = results["places"]
    assert p >= 0.85 and r >= 0.85


def test_cli_json(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Officials said at least nine people were killed near Saravan.", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "geo.extract", str(article), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    cands = json.loads(out.stdout)
    assert {
        "kind",
        "value",
        "unit",
        "qualifier",
        "breakdown",
        "victims",
        "claimant",
        "place",
        "event",
        "quote",
        "start",
        "end",
    } <= set(cands[0])
    bad = subprocess.run(
        [sys.executable, "-m", "geo.extract", str(tmp_path / "missing.txt")], capture_output=True, text=True, cwd=ROOT
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_new_event_from_the_form(dataset):
    import datetime as dt

    from geo.intake import new_event

    event, problems = new_event(
        {
            "title": "Drone strike near Jalq",
            "type": "strike",
            "date": dt.date(2024, 1, 20),
            "place": "saravan",
            "actor": "PAK",
        },
        set(dataset.events),
        dataset.places,
    )
    assert problems == [] and event.id == "u-drone-strike-near-jalq" and event.target_country == "IRN"
    assert event.timezone == "Asia/Tehran"
    _, problems = new_event({"title": "x", "type": "strike", "date": None, "place": "saravan"}, set(), dataset.places)
    assert problems and "date" in problems[0]
    _, problems = new_event({"title": "Drone strike near Jalq", "place": "nowhere"}, set(), dataset.places)
    assert problems == ["pick the event's place"]


def test_highlight_markdown_escapes_and_bolds():
    from geo.render.escape import highlight_markdown

    text = "Nine <b>killed</b> near [x](javascript:1)."
    out = highlight_markdown(text, [(0, 4), (2, 6)])
    assert out.startswith("**Nine**") and "<b>" not in out and "](javascript" not in out


def test_no_candidate_from_a_conditional_sentence():
    text = (
        "If the strikes had hit Panjgur, nine people would have been killed. "
        "Officials said two children were killed in Panjgur."
    )
    cands = extract(text)
    assert cands and all(not c.quote.startswith("If ") for c in cands)


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Iranian officials said seven people were killed near Saravan.", ("Iranian officials", "iran_official")),
        ("Pakistani officials said two children were killed.", ("Pakistani officials", "pakistan_official")),
        ("Officials said nine people were killed.", ("Officials", "unattributed")),
    ],
)
def test_officials_named_by_country_speak_for_it(sentence, claimant):
    [c] = [c for c in extract(sentence) if c.kind == "killed"]
    assert (c.claimant, c.claimant_type) == claimant
