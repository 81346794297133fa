"""Train the extractor's models (geo/extract/learned.py, detector.py) on the tuning splits, from scratch.

Only the splits ``bench/extract_eval.py`` marks as tuned on are read: the clean pair is never
trained on. Each article is read by the rules alone (``Extractor(learned=False).proposals``);
each figure the rules found that the annotation also has is one example, labelled with the
annotated event ("None": about none of the events) and claimant type. A multinomial logistic
regression (scikit-learn, L2) learns each from :func:`geo.extract.learned.features`.

Before the final fit, leave-one-split-out cross-validation: for each tuned split, models trained
on the others are put in the extractor and the split is scored as the bench scores it, next to
the rules alone. The splits the rules were tuned on flatter the rules, so the folds whose rules
never saw them (the last pair, until the next round tunes on it) say most. Prints those figures
and writes geo/extract/models/{event_link,claimant_type}.json with a card each.

The figure detector (detector.py) reads the numbers no pattern read: each is labelled with the kind
of an annotated figure of its value that the rules did not find (a distance: an annotated depth of
its value in km), else "none". Its cross-validation scores each split's casualty figures and depths
with the detector's proposals kept at several thresholds; the
threshold shipped (on its card) is the one that gains most found figures less twice the invented
ones it adds (an invented figure costs a reviewer more than a missed one).

The restatement model (restated.py) reads each figure that has an earlier figure of its kind and
value which the rules keep apart from it (:func:`restatements` labels the pairs); its threshold is
chosen in the same leave-one-split-out folds, against the event and claimant models alone, by the
detector's rule.

Usage: python bench/train_models.py [--no-cv] [--dry-run]
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_eval import FIELDS, SPLITS, _f, _match, _prf, expected_figures, score_article  # noqa: E402

from geo.core.dataset import load_dataset  # noqa: E402
from geo.extract import Extractor, detector, read_article, restated  # noqa: E402
from geo.extract.learned import (  # noqa: E402
    CLAIMANT_MODEL,
    EVENT_MODEL,
    NONE,
    Learned,
    Model,
    features,
    is_figure,
    leading,
)
from geo.extract.patterns import UNITS  # noqa: E402
from geo.extract.pipeline import claim_key, settle  # noqa: E402

C = 1.0  # inverse regularisation strength; 0.3 and 1.0 gave the same cross-validated figures
MIN_WEIGHT = 0.02  # smaller weights are left out of the shipped files (measured: no prediction changes)
TARGETS = {"event link": EVENT_MODEL, "claimant": CLAIMANT_MODEL}
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)  # the detector's, tried by cross-validation
RESTATED = (0.5, 0.6, 0.7, 0.8, 0.9)  # the restatement model's, likewise
SCORED = (*TARGETS, "casualties", "depth")  # the fields score() reports
LABELS = [s[1] for s in SPLITS]


class _Mentions:
    """Stands in for the detector while the rules read an article: keeps the features of each
    number no pattern read and how an annotation would hold it, proposes nothing."""

    def __init__(self):
        self.seen: list[tuple[dict[str, float], tuple[str, float] | None]] = []

    def figures(self, doc, a: int, b: int, found: list, words: set[str]) -> list:
        for i in detector.mentions(doc, a, b, [(f.start, f.end) for f in found], words):
            unit, x = detector.read(doc, i, a, b, found)
            self.seen.append((x, _held(detector.value(doc[i]), doc[unit].lower_ if unit else None)))
        return []


def _held(v: float | None, unit: str | None) -> tuple[str, float] | None:
    """How an annotation would hold a number: (family, value), a distance in km to one decimal."""
    if v is None:
        return None
    return ("depth", round(v * UNITS[unit], 1)) if unit else ("count", float(v))


def others(records: list[dict], per_record: list[list], split: str) -> list:
    """The examples (``per_record``: one list per record, in the order of ``records``) of every
    record not of ``split``: a fold's training data."""
    return [e for r, es in zip(records, per_record, strict=True) if r["split"] != split for e in es]


def read_splits(extractor: Extractor) -> list[dict]:
    """One record per article of the tuned splits: its text, the rules' proposals, the starts
    of its headings and captions, the numbers no pattern read, its annotation and its split."""
    out = []
    for folder, label, tuned in SPLITS:
        if not tuned:
            continue
        expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
        for name, spec in sorted(expected.items()):
            article = read_article((folder / name).read_bytes(), name)
            extractor.detector = mentions = _Mentions()
            found, repeats = extractor.proposals(article.text, article.meta.get("date"), article.meta.get("outlet"))
            out.append(
                {
                    "split": label,
                    "folder": folder.relative_to(ROOT).as_posix(),
                    "name": name,
                    "article": article,
                    "text": article.text,
                    "found": found,
                    "repeats": repeats,
                    "mentions": mentions.seen,
                    "spec": spec,
                }
            )
    extractor.detector = None
    return out


def mention_examples(record: dict) -> list[tuple[dict[str, float], str]]:
    """(features, label) for each number no pattern read: the kind of an annotated casualty
    figure of the same value that the rules did not find (for a distance, an annotated depth of
    its value in km), else "none" (a weak label: a number of that value elsewhere in the article
    takes it too)."""
    settled = settle(record["found"], record["text"], record["repeats"])
    missed = Counter()
    for _, items, kinds in expected_figures(record["spec"]):
        missed.update((item[0], _f(item[1])) for item, c in _match(settled, items, kinds)[0] if c is None)
    out = []
    for x, held in record["mentions"]:
        kinds = () if held is None else (detector.DEPTH,) if held[0] == "depth" else detector.KINDS
        out.append((x, next((k for k in kinds if missed[(k, held[1])]), detector.NONE)))
    return out


def cross_validate_detector(records: list[dict], examples: list[list[tuple]], extractor: Extractor) -> dict:
    """Leave-one-split-out: each split read again with a detector trained on the others; the
    casualty figures found and invented at each threshold against the rules alone. Returns the
    threshold chosen and the table."""
    gained = {t: Counter() for t in THRESHOLDS}
    for s in sorted({r["split"] for r in records}, key=LABELS.index):
        train = others(records, examples, s)
        w = fit([x for x, _ in train], [y for _, y in train])
        extractor.detector = detector.Detector(Model(**w, card={}), min(THRESHOLDS))
        for r in (r for r in records if r["split"] == s):
            a = r["article"]
            found, repeats = extractor.proposals(a.text, a.meta.get("date"), a.meta.get("outlet"))
            base = {k: Counter() for k in (*FIELDS, "invented")}
            score_article(settle(r["found"], r["text"], r["repeats"]), r["spec"], base)
            for t in THRESHOLDS:
                kept = [c for c in found if c.detected is None or c.detected >= t]
                got = {k: Counter() for k in (*FIELDS, "invented")}
                score_article(settle(kept, a.text, repeats), r["spec"], got)
                gained[t].update(
                    found=got["casualties"]["tp"] - base["casualties"]["tp"],
                    depths=got["depth"]["tp"] - base["depth"]["tp"],
                    invented=got["invented"]["n"] - base["invented"]["n"],
                )
    extractor.detector = None
    for t in THRESHOLDS:
        g = gained[t]
        found = f"{g['found']:+d} casualty figures and {g['depths']:+d} depths found"
        print(f"  at {t:.0%}: {found}, {g['invented']:+d} invented")
    sure = max(THRESHOLDS, key=lambda t: (gained[t]["found"] + gained[t]["depths"] - 2 * gained[t]["invented"], t))
    return {"sure": sure, "gained": {f"{t:.0%}": dict(gained[t]) for t in THRESHOLDS}}


def examples(record: dict) -> list[tuple[dict[str, float], str, str]]:
    """(features, annotated event, annotated claimant type) for each proposal the annotation
    has: a proposal is labelled through the settled claim whose quotes include its sentence."""
    found, text, spec = record["found"], record["text"], record["spec"]
    settled = settle(found, text, record["repeats"])
    label = {}
    for _, wanted, kinds in expected_figures(spec):
        for (_, _, event, ctype), c in _match(settled, wanted, kinds)[0]:
            if c is not None:
                for q in c.quotes:
                    label[(c.kind, c.value, q)] = (event or NONE, ctype)
    context = leading(found)
    out = []
    for i, c in enumerate(found):
        y = label.get((c.kind, c.value, (c.start, c.end))) if is_figure(c) else None
        if y is not None:
            out.append((features(found, i, text, context), *y))
    return out


def restatements(record: dict) -> list[tuple[dict[str, float], str]]:
    """(features, label) for each figure that has an earlier figure of its kind and value which
    the rules keep apart from it (``restated.pairs``): "restates" where the annotation lists that
    kind and value once, or where the figure's claim is one the annotation does not have (a
    second claim of a figure already matched), or where both are matched to the same annotated
    claimant and event; "apart" where they are matched to different ones; else no example."""
    found, text = record["found"], record["text"]
    settled = settle(found, text, record["repeats"])
    matched, extra, listed = {}, set(), Counter()
    for _, items, kinds in expected_figures(record["spec"]):
        listed.update((k, _f(v)) for k, v, _, _ in items)
        pairs, unmatched = _match(settled, items, kinds)
        for (_, _, event, ctype), c in pairs:
            for q in c.quotes if c is not None else ():
                matched[(c.kind, c.value, q)] = (event, ctype)
        extra.update((c.kind, c.value, q) for c in unmatched for q in c.quotes)
    context = leading(found)
    out = []
    for i, j in restated.pairs(found, claim_key):
        c, d = found[i], found[j]
        ki, kj = (c.kind, c.value, (c.start, c.end)), (d.kind, d.value, (d.start, d.end))
        if listed[(c.kind, _f(c.value))] <= 1 or ki in extra:
            label = restated.MERGE
        elif ki in matched and kj in matched:
            label = restated.MERGE if matched[ki] == matched[kj] else restated.APART
        else:
            continue
        out.append((restated.pair_features(found, i, j, text, context), label))
    return out


def fit(xs: list[dict[str, float]], ys: list[str]) -> dict:
    """The weights of a logistic regression trained on (xs, ys), in the shipped files' shape."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    m = LogisticRegression(C=C, max_iter=5000).fit(vec.fit_transform(xs), ys)
    classes = [str(c) for c in m.classes_]
    if len(classes) == 2:  # one row of weights: the second class's log-odds against the first's 0
        coef, intercept = [0 * m.coef_[0], m.coef_[0]], [0.0, m.intercept_[0]]
    else:
        coef, intercept = m.coef_, m.intercept_
    weights = {}
    for j, name in enumerate(vec.feature_names_):
        row = [float(coef[k][j]) for k in range(len(classes))]
        if max(abs(w) for w in row) >= MIN_WEIGHT:
            weights[name] = [round(w, 3) for w in row]
    return {"classes": classes, "intercept": [round(float(b), 3) for b in intercept], "weights": weights}


def models(data: list[tuple], card: dict) -> dict[str, dict]:
    """Both models' weights, fitted on ``data`` (features, event, claimant type)."""
    xs = [x for x, *_ in data]
    return {target: fit(xs, [d[1 + k] for d in data]) | {"card": card} for k, target in enumerate(TARGETS)}


def totals(records: list[dict], learned: Learned | None) -> dict[str, Counter]:
    """The bench's counts for ``records``, with ``learned`` deciding (None: the rules alone)."""
    out = {k: Counter() for k in (*FIELDS, "invented")}
    for r in records:
        found = learned.apply(r["found"], r["text"]) if learned is not None else r["found"]
        score_article(settle(found, r["text"], r["repeats"]), r["spec"], out)
    return out


def score(records: list[dict], learned: Learned | None) -> dict:
    """The bench's precision and recall for ``records`` (:data:`SCORED`), and the invented figures."""
    t = totals(records, learned)
    return {k: _prf(t[k])[:2] for k in SCORED} | {"invented": t["invented"]["n"]}


def restater(train: list[tuple], sure: float) -> restated.Restater:
    """A restatement model fitted on ``train`` (:func:`restatements`), deciding at ``sure``."""
    return restated.Restater(Model(**fit([x for x, _ in train], [y for _, y in train]), card={}), sure, claim_key)


def cross_validate(records: list[dict], pairs: list[list[tuple]], repeats: list[list[tuple]]) -> tuple[dict, dict]:
    """``pairs``, ``repeats``: each record's :func:`examples` and :func:`restatements`, in the
    order of ``records``. Returns the event and claimant models' folds, and the restatement
    model's threshold with its table: the casualty figures and depths found and invented at each
    threshold against the two models alone, summed over the folds; the one chosen gains most
    found less twice the invented (as the detector's)."""
    out = {}
    gained = {t: Counter() for t in RESTATED}
    for s in sorted({r["split"] for r in records}, key=LABELS.index):
        train = others(records, pairs, s)
        w = models(train, {})
        learned = Learned(*(Model(**w[t]) for t in TARGETS))
        held = [r for r in records if r["split"] == s]
        base = totals(held, learned)
        rtrain = others(records, repeats, s)
        for t in RESTATED:
            got = totals(held, Learned(learned.event, learned.claimant, restater(rtrain, t)))
            gained[t].update(
                found=got["casualties"]["tp"] + got["depth"]["tp"] - base["casualties"]["tp"] - base["depth"]["tp"],
                invented=got["invented"]["n"] - base["invented"]["n"],
                claimants=got["claimant"]["tp"] - base["claimant"]["tp"],
                events=got["event link"]["tp"] - base["event link"]["tp"],
            )
        out[s] = {"rules": score(held, None), "learned": score(held, learned)}
        row = "  ".join(
            f"{t} rules {out[s]['rules'][t][0]:.2f}/{out[s]['rules'][t][1]:.2f} "
            f"learned {out[s]['learned'][t][0]:.2f}/{out[s]['learned'][t][1]:.2f}"
            for t in TARGETS
        )
        print(f"  {s[:40]:40s} {row}")
    for who in ("rules", "learned"):
        means = "  ".join(
            f"{t} P {sum(f[who][t][0] for f in out.values()) / len(out):.3f} "
            f"R {sum(f[who][t][1] for f in out.values()) / len(out):.3f}"
            for t in TARGETS
        )
        print(f"  mean over {len(out)} folds, {who:7s}: {means}")
    print("restatement model, leave-one-split-out, against the two models alone (casualty figures and depths):")
    for t in RESTATED:
        g = gained[t]
        print(
            f"  at {t:.0%}: {g['found']:+d} found, {g['invented']:+d} invented, "
            f"{g['claimants']:+d} right claimants, {g['events']:+d} right events"
        )
    sure = max(RESTATED, key=lambda t: (gained[t]["found"] - 2 * gained[t]["invented"], t))
    return out, {"sure": sure, "gained": {f"{t:.0%}": dict(gained[t]) for t in RESTATED}}


def _write(path: Path, weights: dict) -> None:
    if "--dry-run" in sys.argv:
        return
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(weights, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"  written {path.relative_to(ROOT)} ({path.stat().st_size / 1000:.0f} KB)")


def main() -> None:
    extractor = Extractor(load_dataset(), learned=False)
    records = read_splits(extractor)
    pairs = [examples(r) for r in records]  # once: the folds and the final fit share them
    repeats = [restatements(r) for r in records]
    numbers = [mention_examples(r) for r in records]
    cv = dcv = rcv = None
    if "--no-cv" not in sys.argv:
        print("leave-one-split-out cross-validation, precision/recall (each split scored by models trained on others):")
        cv, rcv = cross_validate(records, pairs, repeats)
        print("figure detector, leave-one-split-out, casualty figures against the rules alone:")
        dcv = cross_validate_detector(records, numbers, extractor)
    data = [p for ps in pairs for p in ps]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    card = {
        "what": f"multinomial logistic regression (scikit-learn, L2, C={C:g}) on geo.extract.learned.features",
        "trained_on": list(dict.fromkeys(r["folder"] for r in records)),  # the tuned splits' folders
        "articles": len(records),
        "figures": len(data),
        "rules_at": commit.stdout.strip(),
        "trained": dt.date.today().isoformat(),
        "cross_validation": cv,
    }
    for target, w in models(data, card).items():
        print(f"{target}: trained on {len(records)} articles, {len(data)} figures; {len(w['weights'])} features kept")
        _write(TARGETS[target], w)
    said = [e for es in repeats for e in es]
    old = Model.load(restated.MODEL)
    rcard = card | {
        "what": f"logistic regression (scikit-learn, L2, C={C:g}) on geo.extract.restated.pair_features",
        "figures": None,
        "pairs": len(said),
        "labelled": dict(Counter(y for _, y in said)),
        "sure": rcv["sure"] if rcv else old.card["sure"] if old else max(RESTATED),
        "cross_validation": rcv,
    }
    w = fit([x for x, _ in said], [y for _, y in said]) | {"card": rcard}
    print(f"restatement model: {len(said)} pairs, making one claim at {rcard['sure']:.0%} sure")
    _write(restated.MODEL, w)
    mentions = [e for es in numbers for e in es]
    dcard = card | {
        "what": f"multinomial logistic regression (scikit-learn, L2, C={C:g}) on geo.extract.detector.features",
        "figures": None,
        "numbers": len(mentions),
        "labelled": dict(Counter(y for _, y in mentions)),
        "sure": dcv["sure"] if dcv else Model.load(detector.MODEL).card["sure"],
        "cross_validation": dcv,
    }
    w = fit([x for x, _ in mentions], [y for _, y in mentions]) | {"card": dcard}
    print(f"figure detector: {len(mentions)} numbers no pattern read, proposing at {dcard['sure']:.0%} sure")
    _write(detector.MODEL, w)


if __name__ == "__main__":
    main()
