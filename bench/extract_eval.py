"""Precision, recall and F1 of geo.extract per field, reported per split, never pooled.

- Tuning split, ``tests/extract_eval/`` (``expected.yaml``): articles written for this project
  on which the rules were tuned: in-sample figures.
- Held-out splits (``heldout/``, ``heldout2/`` … ``heldoutN/``): each written by a helper with no
  access to the extractor or any other evaluation article, committed before the extractor ran on
  it, and read once as a clean measure after a round of tuning; the next round then tunes on it
  while a new pair is written. ``SPLITS`` says of each when it was read and whether it has been
  tuned on since (None: a later round's pair, written ahead, not even run); bench/README.md
  records every reading.
- The five real sources against their curated claims (partly seen while the rules were written).

Fields: casualty figures (kind, value), depths, dates, weapons, groups, places, and, for the
figures found, their claimant type and their event; "invented" counts found figures that the
article's annotation does not have. Each split's event link is also printed without the atlas's
own figures as a hint (``Extractor(known_figures=False)``), and its claimant and event link with
the rules alone (``Extractor(learned=False)``: the learned models' baseline). The models were
trained on the tuned splits, so on those their figures are no measure (the cross-validation in
``bench/train_models.py`` is). Schema: tests/extract_eval/SCHEMA.md.

Prints figures; asserts nothing. Usage: python bench/extract_eval.py [-v] [--tuning-only] (``-v``
lists the misses of the splits tuned on, never of the splits not yet tuned on).
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.core.dataset import load_dataset  # noqa: E402
from geo.extract import Extractor, read_article  # noqa: E402

EVAL = ROOT / "tests" / "extract_eval"
# (folder, label, tuned on): a split is clean until the round after its one reading; then its
# misses are listed with -v and tuned on, while a new clean pair is written.
SPLITS = [
    (EVAL, "tuning split", True),
    (EVAL / "heldout", "held-out 1 (tuned on since 2026-12-04)", True),
    (EVAL / "heldout2", "held-out 2 (tuned on since 2026-12-04)", True),
    (EVAL / "heldout3", "held-out 3 (tuned on since 2026-12-04)", True),
    (EVAL / "heldout4", "held-out 4 (clean on 2026-12-02; tuned on since 2026-12-04)", True),
    (EVAL / "heldout5", "held-out 5 (clean at ac41c5e; tuned on since)", True),
    (EVAL / "heldout6", "held-out 6 (clean at ac41c5e; tuned on since)", True),
    (EVAL / "heldout7", "held-out 7 (clean at ee9a8e6; tuned on since)", True),
    (EVAL / "heldout8", "held-out 8 (clean at ee9a8e6; tuned on since)", True),
    (EVAL / "heldout9", "held-out 9 (clean at efb6d22; tuned on since)", True),
    (EVAL / "heldout10", "held-out 10 (clean at efb6d22; tuned on since)", True),
    (EVAL / "heldout11", "held-out 11 (clean at 8379328; tuned on since)", True),
    (EVAL / "heldout12", "held-out 12 (clean at 8379328; tuned on since)", True),
    (EVAL / "heldout13", "held-out 13 (clean at 81159e6; tuned on since)", True),
    (EVAL / "heldout14", "held-out 14 (clean at 81159e6; tuned on since)", True),
    (EVAL / "heldout15", "held-out 15 (clean at d1a26f3; tuned on since)", True),
    (EVAL / "heldout16", "held-out 16 (clean at d1a26f3; tuned on since)", True),
    (EVAL / "heldout17", "held-out 17 (clean at ce9b45c; tuned on since)", True),
    (EVAL / "heldout18", "held-out 18 (clean at ce9b45c; tuned on since)", True),
    (EVAL / "heldout19", "held-out 19 (clean at 8f3d9f7; tuned on since)", True),
    (EVAL / "heldout20", "held-out 20 (clean at 8f3d9f7; tuned on since)", True),
    (EVAL / "heldout21", "held-out 21 (clean at e931940; tuned on since)", True),
    (EVAL / "heldout22", "held-out 22 (clean at e931940; tuned on since)", True),
    (EVAL / "heldout23", "held-out 23 (clean at d0f6ed6; tuned on since)", True),
    (EVAL / "heldout24", "held-out 24 (clean at d0f6ed6; tuned on since)", True),
    (EVAL / "heldout25", "held-out 25 (clean at 42f1fd3; tuned on since)", True),
    (EVAL / "heldout26", "held-out 26 (clean at 42f1fd3; tuned on since)", True),
    (EVAL / "heldout27", "held-out 27 (clean at d89827d; tuned on since)", True),
    (EVAL / "heldout28", "held-out 28 (clean at d89827d; tuned on since)", True),
    (EVAL / "heldout29", "held-out 29 (clean at 2add95c; tuned on since)", True),
    (EVAL / "heldout30", "held-out 30 (clean at 2add95c; tuned on since)", True),
    (EVAL / "heldout31", "held-out 31 (clean at d85961d; tuned on since)", True),
    (EVAL / "heldout32", "held-out 32 (clean at d85961d; tuned on since)", True),
    (EVAL / "heldout33", "held-out 33 (clean at 938ccd3; tuned on since)", True),
    (EVAL / "heldout34", "held-out 34 (clean at 938ccd3; tuned on since)", True),
    (EVAL / "heldout35", "held-out 35 (clean at aaddc61; tuned on since)", True),
    (EVAL / "heldout36", "held-out 36 (clean at aaddc61; tuned on since)", True),
    (EVAL / "heldout37", "held-out 37 (clean at fbb79e7; tuned on since)", True),
    (EVAL / "heldout38", "held-out 38 (clean at fbb79e7; tuned on since)", True),
    (EVAL / "heldout39", "held-out 39 (clean at 7bbf7ed; tuned on since)", True),
    (EVAL / "heldout40", "held-out 40 (clean at 7bbf7ed; tuned on since)", True),
    (EVAL / "heldout41", "held-out 41 (clean at e4b9eb0; tuned on since)", True),
    (EVAL / "heldout42", "held-out 42 (clean at e4b9eb0; tuned on since)", True),
    (EVAL / "heldout43", "held-out 43 (clean at a4d43be; tuned on since)", True),
    (EVAL / "heldout44", "held-out 44 (clean at a4d43be; tuned on since)", True),
    (EVAL / "heldout45", "held-out 45 (clean at 82c0ed0; tuned on since)", True),
    (EVAL / "heldout46", "held-out 46 (clean at 82c0ed0; tuned on since)", True),
    (EVAL / "heldout47", "held-out 47 (clean at 030288c; tuned on since)", True),
    (EVAL / "heldout48", "held-out 48 (clean at 030288c; tuned on since)", True),
    (EVAL / "heldout49", "held-out 49 (clean at 86cb374; tuned on since)", True),
    (EVAL / "heldout50", "held-out 50 (clean at 86cb374; tuned on since)", True),
    (EVAL / "heldout51", "held-out 51 (clean at 569c104; tuned on since)", True),
    (EVAL / "heldout52", "held-out 52 (clean at 569c104; tuned on since)", True),
    # the next rounds' clean pairs, written ahead: not even run until their round's reading (None)
    (EVAL / "heldout53", "held-out 53 (clean at 59d8453; tuned on since)", True),
    (EVAL / "heldout54", "held-out 54 (clean at 59d8453; tuned on since)", True),
    (EVAL / "heldout55", "held-out 55 (clean at b510dec; tuned on since)", True),
    (EVAL / "heldout56", "held-out 56 (clean at b510dec; tuned on since)", True),
    (EVAL / "heldout57", "held-out 57 (clean at b36e873; tuned on since)", True),
    (EVAL / "heldout58", "held-out 58 (clean at b36e873; tuned on since)", True),
    (EVAL / "heldout59", "held-out 59 (clean at 1d83382; tuned on since)", True),
    (EVAL / "heldout60", "held-out 60 (clean at 1d83382; tuned on since)", True),
    (EVAL / "heldout61", "held-out 61 (clean at ee717b0; tuned on since)", True),
    (EVAL / "heldout62", "held-out 62 (clean at ee717b0; tuned on since)", True),
    (EVAL / "heldout63", "held-out 63 (clean at f92d7b1; tuned on since)", True),
    (EVAL / "heldout64", "held-out 64 (clean at f92d7b1; tuned on since)", True),
    (EVAL / "heldout65", "held-out 65 (clean at 7dc1cc3; tuned on since)", True),
    (EVAL / "heldout66", "held-out 66 (clean at 7dc1cc3; tuned on since)", True),
    (EVAL / "heldout67", "held-out 67 (clean at 7f3b17f; tuned on since)", True),
    (EVAL / "heldout68", "held-out 68 (clean at 7f3b17f; tuned on since)", True),
    (EVAL / "heldout69", "held-out 69 (clean at 1a74eac; tuned on since)", True),
    (EVAL / "heldout70", "held-out 70 (clean at 1a74eac; tuned on since)", True),
    (EVAL / "heldout71", "held-out 71 (clean at 5dd4b39; tuned on since)", True),
    (EVAL / "heldout72", "held-out 72 (clean at 5dd4b39; tuned on since)", True),
    (EVAL / "heldout73", "held-out 73 (clean at 926bf43; tuned on since)", True),
    (EVAL / "heldout74", "held-out 74 (clean at 926bf43; tuned on since)", True),
    (EVAL / "heldout75", "held-out 75 (clean at 979f32f; tuned on since)", True),
    (EVAL / "heldout76", "held-out 76 (clean at 979f32f; tuned on since)", True),
    (EVAL / "heldout77", "held-out 77 (clean at 4897260; tuned on since)", True),
    (EVAL / "heldout78", "held-out 78 (clean at 4897260; tuned on since)", True),
    (EVAL / "heldout79", "held-out 79 (clean at cf1b9de; tuned on since)", True),
    (EVAL / "heldout80", "held-out 80 (clean at cf1b9de; tuned on since)", True),
    (EVAL / "heldout81", "held-out 81 (clean at cdbfb53; tuned on since)", True),
    (EVAL / "heldout82", "held-out 82 (clean at cdbfb53; tuned on since)", True),
    (EVAL / "heldout83", "held-out 83 (clean at 7339f55; tuned on since)", True),
    (EVAL / "heldout84", "held-out 84 (clean at 7339f55; tuned on since)", True),
    (EVAL / "heldout85", "held-out 85 (clean; the forty-first round's, not run)", None),
    (EVAL / "heldout86", "held-out 86 (clean; the forty-first round's, not run)", None),
]
CASUALTY_KINDS = ("killed", "injured", "casualties")
FIELDS = ("casualties", "depth", "date", "weapon", "group", "place", "claimant", "event link", "revision")


def _f(x) -> float:
    return round(float(x), 1)


def _match(cands, items, kinds):
    """Pairs (expected item, candidate or None): each expected figure gets at most one found
    figure of the same kind and value, the one agreeing on event and claimant preferred."""
    pool = [c for c in cands if c.kind in kinds and c.value is not None]
    pairs = []
    for item in items:
        kind, value, event, ctype = item
        same = [c for c in pool if c.kind == kind and _f(c.value) == _f(value)]
        same.sort(key=lambda c: (c.event != event, (c.claimant_type or "author") != ctype))
        c = same[0] if same else None
        if c is not None:
            pool.remove(c)
        pairs.append((item, c))
    return pairs, pool  # pool: found figures nobody expected


def expected_figures(spec: dict) -> list[tuple[str, list[tuple], tuple[str, ...]]]:
    """An article's annotated figures: (field, [(kind, value, event, claimant type)], kinds)."""
    cas = [(k, v, e, c) for k, v, e, c in spec.get("casualties") or []]
    dep = [("depth", v, e, c) for v, e, c in spec.get("depth") or []]
    return [("casualties", cas, CASUALTY_KINDS), ("depth", dep, ("depth",))]


def score_article(cands, spec: dict, totals: dict[str, Counter], log=None) -> None:
    for name, items, kinds in expected_figures(spec):
        pairs, extra = _match(cands, items, kinds)
        tp = sum(1 for _, c in pairs if c is not None)
        totals[name].update(tp=tp, fp=len(extra), fn=len(items) - tp)
        totals["invented"].update(n=len(extra))
        for (kind, value, event, ctype), c in pairs:
            if c is None:
                totals["event link"].update(fn=1)
                totals["claimant"].update(fn=1)
                continue
            ok_e = c.event == event
            totals["event link"].update(tp=ok_e, fp=not ok_e and c.event is not None, fn=not ok_e)
            got_type = c.claimant_type or "author"
            ok_c = got_type == ctype
            totals["claimant"].update(tp=ok_c, fp=not ok_c, fn=not ok_c)
            if log and not (ok_e and ok_c):
                log(f"{kind} {value}: event {c.event} (want {event}), claimant {got_type} (want {ctype})")
        if log and (extra or any(c is None for _, c in pairs)):
            log(
                f"{name}: missed {[i[:2] for i, c in pairs if c is None]}, extra "
                f"{[(c.kind, c.value, c.quote[:50]) for c in extra]}"
            )
    got_sets = {
        "date": {c.value for c in cands if c.kind == "time" and len(str(c.value)) == 10},
        "weapon": {w for c in cands if c.kind == "weapon" for w in c.value},
        "group": {g for c in cands if c.kind in ("target", "perpetrator") for g in c.value},
        "place": {c.value for c in cands if c.kind == "location"},
        "revision": {(c.kind, _f(cands[c.revises].value), _f(c.value)) for c in cands if c.revises is not None},
    }
    want_sets = {
        "date": {str(d) for d in spec.get("dates") or []},
        "weapon": set(spec.get("weapons") or []),
        "group": set(spec.get("groups") or []),
        "place": set(spec.get("places") or []),
        "revision": {(k, _f(a), _f(b)) for k, a, b in spec.get("revisions") or []},
    }
    for name in got_sets:
        g, w = got_sets[name], want_sets[name]
        totals[name].update(tp=len(g & w), fp=len(g - w), fn=len(w - g))
        if log and g != w:
            log(f"{name}: extra {sorted(map(str, g - w))}, missed {sorted(map(str, w - g))}")


def _prf(t: Counter) -> tuple[float, float, float]:
    p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
    r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_split(folder: Path, verbose: bool = False, extractor: Extractor | None = None) -> dict:
    """{field: (precision, recall, f1, counts)} for one split, plus "invented" and "articles"."""
    extractor = extractor or Extractor(load_dataset())
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    totals = {k: Counter() for k in (*FIELDS, "invented")}
    for name, spec in sorted(expected.items()):
        article = read_article((folder / name).read_bytes(), name)
        cands = extractor.extract(article.text, article.meta.get("date"), article.meta.get("outlet"))
        log = (lambda msg, name=name: print(f"  {name} {msg}")) if verbose else None
        score_article(cands, spec, totals, log)
    out = {k: (*_prf(totals[k]), dict(totals[k])) for k in FIELDS}
    out["invented"] = totals["invented"]["n"]
    out["articles"] = len(expected)
    return out


def real_sources(extractor: Extractor) -> tuple[float, float, float, dict]:
    """The five real sources against their curated claims (made by reading, before the
    extractor existed): casualty figures and depths, by (source, kind, value)."""
    ds = extractor.ds
    got, want = Counter(), Counter()
    for sid in ds.sources:
        text = ds.source_text(sid)
        if text is None:
            continue
        for c in extractor.extract(text):
            if c.kind in ("killed", "injured", "depth") and c.value is not None:
                got[(sid, c.kind, float(c.value))] = 1
        for c in ds.claims.values():
            if c.source == sid and c.kind in ("killed", "injured", "depth") and isinstance(c.value, float):
                want[(sid, c.kind, c.value)] = 1  # one figure may be quoted by several claimants
    t = Counter(tp=sum((got & want).values()))
    t.update(fp=sum(got.values()) - t["tp"], fn=sum(want.values()) - t["tp"])
    return (*_prf(t), dict(t))


def speed(extractor: Extractor) -> tuple[float, float, int]:
    """Seconds to extract a 100 KB article (the five sources repeated; median of 3), next to a
    baseline from the same run: only splitting it into sentences, the least any extractor does."""
    from geo.core import sentences

    ds = extractor.ds
    text = "\n\n".join(t for t in (ds.source_text(s) for s in ds.sources) if t)
    text = (text * (100_000 // max(len(text), 1) + 1))[:100_000]
    extractor.extract(text[:2_000])  # warm: patterns compiled, gazetteer and date parser loaded

    def median(f) -> float:
        times = []
        for k in range(3):
            # a new string each run (the same article): no cache keyed by the text serves a later run;
            # the garbage of the runs before collected first: a collection they left due fell into
            # one run or another, by chance, and moved the median by a third (0.65 s or 0.9 s)
            gc.collect()
            t0 = time.perf_counter()
            f(text + "\n" * k)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    return median(extractor.extract), median(sentences.spans), len(text)


def print_split(title: str, res: dict, invented: str = "invented figures (found, not in the annotation)") -> None:
    print(f"{title} ({res['articles']} articles):")
    for k in FIELDS:
        p, r, f1, t = res[k]
        print(f"  {k:11s} precision {p:.2f}  recall {r:.2f}  F1 {f1:.2f}  {t}")
    print(f"  {invented}: {res['invented']}")


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    dataset = load_dataset()
    extractor = Extractor(dataset)
    # The same extractor without the atlas's own figures as a hint for the event: how much of the
    # event link comes from reading the sentence and the article alone.
    blind = Extractor(dataset, known_figures=False)
    # The baseline of the learned models (geo/extract/learned.py), from the same run: the rules alone.
    rules = Extractor(dataset, learned=False)
    for folder, label, tuned in SPLITS:
        if not (folder / "expected.yaml").exists():
            continue
        if not tuned and "--tuning-only" in sys.argv:  # while tuning: the held-out splits are not even run
            break
        if tuned is None:  # a later round's clean pair: never run before its round
            print(f"{label}: not run")
            continue
        if verbose and tuned:
            print(f"{label}: misses")
        print_split(label, evaluate_split(folder, verbose and tuned, extractor))
        p, r, f1, t = evaluate_split(folder, False, blind)["event link"]
        print(f"  (event link without the atlas's figures as a hint: precision {p:.2f}  recall {r:.2f}  F1 {f1:.2f})")
        alone = evaluate_split(folder, False, rules)
        print(
            "  (the rules alone, without the learned models or the figure detector: "
            + "  ".join(
                f"{k} precision {alone[k][0]:.2f} recall {alone[k][1]:.2f}"
                for k in ("casualties", "claimant", "event link")
            )
            + f"; invented {alone['invented']})"
        )
    if "--tuning-only" in sys.argv:
        sys.exit(0)
    p, r, f1, t = real_sources(extractor)
    print(f"the five real sources, casualty figures and depths: precision {p:.2f}  recall {r:.2f}  F1 {f1:.2f}  {t}")
    t_extract, t_split, n = speed(extractor)
    print(
        f"speed: a {n / 1000:.0f} KB article extracted in {t_extract:.2f} s (target 0.5 s); "
        f"baseline, sentence splitting only: {t_split:.3f} s"
    )
