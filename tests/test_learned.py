"""The learned second opinion on events and claimants (geo/extract/learned.py) and the figure
detector (geo/extract/detector.py): what the shipped models were trained on, that their
standard-library inference is scikit-learn's, and how an override or a proposal reaches the
reviewer."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from geo.extract import Extractor, detector, restated
from geo.extract.learned import CLAIMANT_MODEL, EVENT_MODEL, GENERIC, Learned, Model

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def only(cands, kind):
    return [c for c in cands if c.kind == kind]


def test_the_shipped_models_were_trained_only_on_splits_marked_tuned():
    from extract_eval import SPLITS

    tuned = {f.relative_to(ROOT).as_posix() for f, _, t in SPLITS if t}
    clean = {f.relative_to(ROOT).as_posix() for f, _, t in SPLITS if not t}
    for path in (EVENT_MODEL, CLAIMANT_MODEL, detector.MODEL, restated.MODEL):
        card = Model.load(path).card
        assert card["trained_on"], path
        assert set(card["trained_on"]) <= tuned, f"{path.name} was trained on a split not marked tuned"
        assert not set(card["trained_on"]) & clean


@pytest.mark.parametrize("n_classes", [2, 4])
def test_inference_is_scikit_learns(n_classes):
    """The shipped files' weights, applied by Model.probabilities, give the probabilities of the
    scikit-learn model they were fitted as (within the rounding and pruning of small weights)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from train_models import C, fit

    rng = random.Random(7)
    vocab = [f"w:{w}" for w in "alpha beta gamma delta eps zeta eta theta iota kappa".split()]
    xs, ys = [], []
    for _ in range(300):
        y = rng.randrange(n_classes)
        x = {v: 1.0 for v in rng.sample(vocab, 3)}
        x[vocab[y]] = 1.0  # a word that tells the class, most of the time
        xs.append(x)
        ys.append(f"class{y}")
    w = fit(xs, ys)
    ours = Model(w["classes"], w["intercept"], w["weights"], {})
    vec = DictVectorizer()
    ref = LogisticRegression(C=C, max_iter=5000).fit(vec.fit_transform(xs), ys)
    probe = [{v: 1.0 for v in rng.sample(vocab, 4)} for _ in range(50)]
    for x, row in zip(probe, ref.predict_proba(vec.transform(probe)), strict=True):
        p = ours.probabilities(x)
        for cls, q in zip(ref.classes_, row, strict=True):
            assert p[str(cls)] == pytest.approx(q, abs=0.02)


def test_an_event_override_keeps_the_rules_reasons(dataset):
    text = "ISLAMABAD, Jan 17 - Iranian missiles struck a village in Panjgur on Tuesday, killing two children."
    rules = only(Extractor(dataset, learned=False).extract(text), "killed")[0]
    assert rules.event == "iran-strike-panjgur"
    # a model that finds every figure about none of the events
    doubt = Model(["None", "iran-strike-panjgur"], [0.0, 0.0], {"kind=killed": [9.0, 0.0]}, {"articles": 3})
    ex = Extractor(dataset, learned=False)
    ex.learned = Learned(doubt, None)
    [c] = only(ex.extract(text), "killed")
    assert c.event is None and c.event_confidence is None
    assert "trained on 3 annotated articles" in c.event_reason and rules.event_reason in c.event_reason
    # and one that agrees with the rules changes nothing
    ex.learned = Learned(Model(["None", "iran-strike-panjgur"], [0.0, 9.0], {}, {}), None)
    assert only(ex.extract(text), "killed")[0] == rules


def test_the_claimant_model_decides_and_says_how_sure_it_is(dataset):
    """The model's likeliest type is taken however sure it is (bench/models_then.py measured every
    guard as a loss on unseen text); how sure it is, and the rules' reading, go to the reviewer."""
    text = "Two people were killed in Panjgur on 16 January 2024."
    rules = only(Extractor(dataset, learned=False).extract(text), "killed")[0]
    assert rules.claimant_type in (None, "author")
    ex = Extractor(dataset, learned=False)
    ex.learned = Learned(None, Model(["author", "media"], [0.0, 5.0], {}, {"articles": 3}))
    [c] = only(ex.extract(text), "killed")
    assert c.claimant_type == "media" and c.claimant == GENERIC["media"] and c.claimant_confidence == "high"
    assert "reads it as media (its probability: 99%; the author 1%); the rules read the author as the author" in (
        c.claimant_reason
    )
    # an unsure call is followed too, marked as low confidence
    unsure = Model(["author", "media", "analyst"], [0.0, 0.1, 0.05], {}, {})
    assert max(unsure.probabilities({}).values()) < 0.4
    ex.learned = Learned(None, unsure)
    [low] = only(ex.extract(text), "killed")
    assert (low.claimant, low.claimant_type, low.claimant_confidence) == (GENERIC["media"], "media", "low")
    # one that agrees says so, with how sure it is
    ex.learned = Learned(None, Model(["author", "media"], [9.0, 0.0], {}, {"articles": 3}))
    [agreed] = only(ex.extract(text), "killed")
    assert agreed.claimant_type == rules.claimant_type and agreed.claimant_confidence == "high"
    assert agreed.claimant_reason.startswith("the rules' reading; a model trained on 3 annotated articles agrees")


def test_a_broken_model_file_is_named(tmp_path):
    bad = tmp_path / "event_link.json"
    bad.write_text(json.dumps({"classes": ["a"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="event_link.json"):
        Model.load(bad)
    assert Model.load(tmp_path / "missing.json") is None


def test_the_extractor_uses_the_shipped_models_unless_told_not_to(dataset):
    assert Extractor(dataset).learned is not None
    assert Extractor(dataset, learned=False).learned is None
    shipped = Extractor(dataset).detector
    assert shipped is not None and Extractor(dataset, learned=False).detector is None
    # how sure the detector must be is what its cross-validation chose, on its card
    card = shipped.model.card
    assert shipped.sure == card["sure"] and f"{card['sure']:.0%}" in card["cross_validation"]["gained"]


def test_the_detector_proposes_only_numbers_no_pattern_read_and_says_so(dataset):
    """A number no pattern reads becomes a figure when the model is sure enough, marked as the
    model's; a number a pattern read is never proposed twice; below the threshold, nothing."""
    model = Model(["none", "killed", "injured"], [0.0, -2.0, -2.0], {"a1:children": [0.0, 6.0, 0.0]}, {})
    ex = Extractor(dataset, learned=False)
    ex.detector = detector.Detector(model, 0.9)
    [c] = only(ex.extract("The dead included two children from the village."), "killed")
    assert (c.value, c.detected) == (2, pytest.approx(0.980, abs=0.001))
    assert any("no pattern reads this number" in n and "98% sure" in n for n in c.notes)
    [read] = only(ex.extract("Two children were killed."), "killed")
    assert read.detected is None and read.notes == []
    ex.detector = detector.Detector(model, 0.99)
    assert only(ex.extract("The dead included two children from the village."), "killed") == []


def test_the_detector_proposes_a_distance_as_a_depth_in_km_and_never_a_count(dataset):
    """A number with a distance unit is a depth or nothing, valued in km from its own unit (a
    range by its first number); a count model's weights cannot make it a count; a part of a date
    is never read."""
    model = Model(
        ["none", "killed", "depth"],
        [0.0, -2.0, -2.0],
        {"unit=km": [0.0, 0.0, 6.0], "unit=mi": [0.0, 0.0, 6.0], "s:dead": [0.0, 9.0, 0.0]},
        {},
    )
    ex = Extractor(dataset, learned=False)
    ex.detector = detector.Detector(model, 0.9)
    [d] = only(ex.extract("Officials spoke of something like 50 kilometres for the Iranian strike."), "depth")
    assert (d.value, d.detected is not None) == (50, True)
    [m] = only(ex.extract("Our measurement suggests 15 to 20 miles for the Pakistani strike."), "depth")
    assert m.value == pytest.approx(24.1, abs=0.05)  # 15 miles, the range's lower bound
    assert only(ex.extract("2024-01-18 11:02 record created; the dead are listed below."), "killed") == []
    from geo.extract import nlp

    doc = nlp.parse("2024-01-18 11:02 record created; the dead, 7 of them, are listed below.")
    words = {t.lower_ for t in doc}
    assert [doc[i].text for i in detector.mentions(doc, 0, len(doc), [], words)] == ["7"]


def test_a_type_that_contradicts_the_named_speaker_takes_its_generic_name():
    """'A Tasnim report spoke of 12 killed': the rules read Tasnim as Iran's. A model that reads the
    figure as Pakistan's does not make Tasnim Pakistan's: the figure goes to Pakistan's unnamed
    officials, and the reason says whom the rules had. A speaker with no side of its own keeps its
    name; one the model reads as the article's own voice becomes the author."""
    from geo.extract import Candidate
    from geo.extract.learned import _retyped

    def fig(who, ctype):
        return Candidate("killed", 12, "people", None, None, None, who, ctype, None, None, "", "", 0, 1, 0, 1)

    p = {"pakistan_official": 0.51, "iran_official": 0.19, "media": 0.3}
    got = _retyped(fig("Tasnim", "iran_official"), p, {"articles": 9})
    assert (got.claimant, got.claimant_type, got.claimant_confidence) == (
        GENERIC["pakistan_official"],
        "pakistan_official",
        "low",
    )
    assert "the rules read Tasnim as Iranian official" in got.claimant_reason
    assert _retyped(fig("officials", "unattributed"), p, {}).claimant == "officials"  # no side of its own
    mine = _retyped(fig("Pakistani officials", "pakistan_official"), {"author": 0.6, "pakistan_official": 0.4}, {})
    assert (mine.claimant, mine.claimant_type) == ("the author", "author")


def test_the_kinds_to_avoid_come_only_from_splits_tuned_on(tmp_path, monkeypatch):
    """The list handed to the helpers who write the next pair never opens a split not yet read."""
    import heldout_kinds

    splits = []
    for name, style, tuned in (("a", "Wire ", True), ("b", "ship's log", None), ("c", "diary", False)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "expected.yaml").write_text(f"x.txt:\n  style: {style}\n", encoding="utf-8")
        splits.append((tmp_path / name, name, tuned))
    monkeypatch.setattr(heldout_kinds, "SPLITS", splits)
    assert heldout_kinds.kinds() == ["wire"]


RESTATED_TEXT = (
    "Pakistan's Foreign Office said on Wednesday that two children were killed in the Iranian strike on Panjgur.\n\n"
    "Residents described the night. A week on, the toll stands at two children killed, and nobody has explained why.\n"
)


def _restating(dataset, sure_it_restates: bool):
    """An extractor whose only model is a restatement model that is (or is not) sure."""
    from geo.extract.pipeline import claim_key
    from geo.extract.restated import APART, MERGE, Restater

    intercept = [0.0, 5.0] if sure_it_restates else [5.0, 0.0]
    model = Model([APART, MERGE], intercept, {}, {"articles": 3})
    ex = Extractor(dataset)
    ex.learned = Learned(None, None, Restater(model, 0.5, claim_key))
    return ex


def test_a_figure_the_model_reads_as_a_restatement_is_one_claim_with_the_earlier_voice(dataset):
    """The rules credit the repeated toll to "Residents"; a sure restatement model makes it one
    claim of the Foreign Office's, with both sentences as its quotes, and says why."""
    rules = only(Extractor(dataset, learned=False).extract(RESTATED_TEXT), "killed")
    assert [c.claimant_type for c in rules] == ["pakistan_official", "unattributed"]
    (one,) = only(_restating(dataset, True).extract(RESTATED_TEXT), "killed")
    assert one.claimant == "Pakistan's Foreign Office" and one.claimant_type == "pakistan_official"
    assert one.event == "iran-strike-panjgur"
    assert len(one.quotes) == 2 and RESTATED_TEXT[slice(*one.quotes[1])].startswith("A week on")
    (note,) = one.notes  # the review page shows it under the claim's other sentences
    assert note.startswith("Restated in “A week on") and note.endswith("the rules credited that sentence to Residents")


def test_a_figure_the_model_keeps_apart_stays_its_own_claim(dataset):
    two = only(_restating(dataset, False).extract(RESTATED_TEXT), "killed")
    assert [c.claimant_type for c in two] == ["pakistan_official", "unattributed"]


def test_the_restatement_reason_names_the_earlier_figure_and_whom_the_rules_had(dataset):
    from geo.extract.pipeline import claim_key

    ex = _restating(dataset, True)
    found, _ = ex.proposals(RESTATED_TEXT)
    first, second = (i for i, c in enumerate(found) if c.kind == "killed")
    assert restated.pairs(found, claim_key) == [(second, first)]
    decided = ex.learned.restater.decide(found, RESTATED_TEXT, ("iran-strike-panjgur", "pakistan_official"))
    second = ex.learned.restater.apply(found, decided)[second]
    assert "of the figure in “Pakistan's Foreign Office said" in second.claimant_reason
    assert "the rules credited Residents" in second.claimant_reason


def test_only_figures_the_rules_keep_apart_are_asked_about(dataset):
    """A repeat the rules already make one claim of (same claimant and event) is no question."""
    from geo.extract.pipeline import claim_key

    same = "Pakistan's Foreign Office said two children were killed. The Foreign Office said two were killed.\n"
    found, _ = Extractor(dataset, learned=False).proposals(same)
    figures = only(found, "killed")
    assert len(figures) == 2 and claim_key(figures[0]) == claim_key(figures[1])
    assert restated.pairs(found, claim_key) == []
