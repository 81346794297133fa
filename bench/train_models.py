"""Train the extractor's two models (geo/extract/learned.py) on the tuning splits, from scratch.

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

from extract_eval import FIELDS, SPLITS, _match, _prf, expected_figures, score_article  # noqa: E402

from geo.core.dataset import load_dataset  # noqa: E402
from geo.extract import Extractor, read_article  # noqa: E402
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
from geo.extract.pipeline import settle  # noqa: E402

C = 1.0  # inverse regularisation strength; 0.3 and 1.0 gave the same cross-validated figures
MIN_WEIGHT = 0.02  # smaller weights are left out of the shipped files (measured: no prediction changes)
TARGETS = {"event link": EVENT_MODEL, "claimant": CLAIMANT_MODEL}
LABELS = [s[1] for s in SPLITS]


def read_splits(extractor: Extractor) -> list[dict]:
    """One record per article of the tuned splits: its text, the rules' proposals, the starts
    of its headings and captions, its annotation and its split."""
    out = []
    for folder, label, tuned in SPLITS:
        if not tuned:
            continue
        expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
        for name, spec in sorted(expected.items()):
            article = read_article((folder / name).read_bytes(), name)
            found, repeats = extractor.proposals(article.text, article.meta.get("date"), article.meta.get("outlet"))
            out.append(
                {
                    "split": label,
                    "folder": folder.relative_to(ROOT).as_posix(),
                    "name": name,
                    "text": article.text,
                    "found": found,
                    "repeats": repeats,
                    "spec": spec,
                }
            )
    return out


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


def score(records: list[dict], learned: Learned | None) -> dict:
    """The bench's figures for ``records``, with ``learned`` deciding (None: the rules alone)."""
    totals = {k: Counter() for k in (*FIELDS, "invented")}
    for r in records:
        found = learned.apply(r["found"], r["text"]) if learned is not None else r["found"]
        score_article(settle(found, r["text"], r["repeats"]), r["spec"], totals)
    return {k: _prf(totals[k])[:2] for k in TARGETS}


def cross_validate(records: list[dict], pairs: list[list[tuple]]) -> dict:
    """``pairs``: each record's :func:`examples`, in the order of ``records``."""
    out = {}
    for s in sorted({r["split"] for r in records}, key=LABELS.index):
        train = [p for r, ps in zip(records, pairs, strict=True) if r["split"] != s for p in ps]
        w = models(train, {})
        learned = Learned(*(Model(**w[t]) for t in TARGETS))
        held = [r for r in records if r["split"] == s]
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
    return out


def main() -> None:
    records = read_splits(Extractor(load_dataset(), learned=False))
    pairs = [examples(r) for r in records]  # once: the folds and the final fit share them
    cv = None
    if "--no-cv" not in sys.argv:
        print("leave-one-split-out cross-validation, precision/recall (each split scored by models trained on others):")
        cv = cross_validate(records, pairs)
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
        if "--dry-run" not in sys.argv:
            path = TARGETS[target]
            path.parent.mkdir(exist_ok=True)
            path.write_text(json.dumps(w, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
            print(f"  written {path.relative_to(ROOT)} ({path.stat().st_size / 1000:.0f} KB)")


if __name__ == "__main__":
    main()
