"""Precision and recall of geo.extract, reported per split, never pooled.

- Tuning split, ``tests/extract_eval/*.txt``: eight short articles written for this purpose in
  different styles (wire report, official statement, op-ed, live blog, TV transcript,
  explainer, local report, Q&A). The rules were tuned on them: in-sample figures.
- Held-out split, ``tests/extract_eval/heldout/``: twelve articles written on 2026-12-02
  before any tuning on them (README there). Read its figures to report them, never to tune.
- The five real sources against their curated claims (partly seen while the rules were written).

Prints figures; asserts nothing. Usage: python bench/extract_eval.py [-v] (``-v`` lists the
tuning split's misses only: the held-out split's are not printed, so they cannot guide tuning).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.core.dataset import load_dataset  # noqa: E402
from geo.extract import Extractor, article_text  # noqa: E402

EVAL = ROOT / "tests" / "extract_eval"
HELD_OUT = EVAL / "heldout"


def found_items(cands) -> dict[str, Counter]:
    return {
        "casualties": Counter((c.kind, float(c.value)) for c in cands if c.kind in ("killed", "injured", "casualties")),
        "depth": Counter(round(float(c.value), 1) for c in cands if c.kind == "depth"),
        "places": Counter(set(c.value for c in cands if c.kind == "location")),
    }


def expected_items(spec: dict) -> dict[str, Counter]:
    return {
        "casualties": Counter((k, float(v)) for k, v in spec["casualties"]),
        "depth": Counter(round(float(v), 1) for v in spec["depth"]),
        "places": Counter(set(spec["places"])),
    }


def _count(total: Counter, got: Counter, want: Counter) -> None:
    tp = sum((got & want).values())
    total.update(tp=tp, fp=sum(got.values()) - tp, fn=sum(want.values()) - tp)


def _scores(totals: dict[str, Counter]) -> dict[str, tuple[float, float, int, int, int]]:
    """Precision and recall per field, with the counts behind them (1.0 when nothing to count)."""
    out = {}
    for kind, t in totals.items():
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
        out[kind] = (p, r, t["tp"], t["fp"], t["fn"])
    return out


def evaluate(verbose: bool = False) -> dict[str, tuple[float, float, int, int, int]]:
    extractor = Extractor(load_dataset())
    expected = yaml.safe_load((EVAL / "expected.yaml").read_text(encoding="utf-8"))
    totals = {k: Counter() for k in ("casualties", "depth", "places")}
    for name, spec in sorted(expected.items()):
        got = found_items(extractor.extract((EVAL / name).read_text(encoding="utf-8")))
        want = expected_items(spec)
        for kind in totals:
            _count(totals[kind], got[kind], want[kind])
            if verbose and (got[kind] != want[kind]):
                print(f"  {name} {kind}: extra {dict(got[kind] - want[kind])}, missed {dict(want[kind] - got[kind])}")
    return _scores(totals)


def held_out(verbose: bool = False) -> dict[str, tuple[float, float, int, int, int]]:
    """The five real sources against their curated claims (made by reading, before the
    extractor existed): casualty figures and depths, by (source, kind, value)."""
    ds = load_dataset()
    extractor = Extractor(ds)
    got, want = Counter(), Counter()
    for sid in ds.sources:
        text = ds.source_text(sid)
        if text is None:
            continue
        for c in extractor.extract(text):
            if c.kind in ("killed", "injured", "depth"):
                got[(sid, c.kind, float(c.value))] += 1
        for c in ds.claims.values():
            if c.source == sid and c.kind in ("killed", "injured", "depth") and isinstance(c.value, float):
                want[(sid, c.kind, c.value)] = 1  # one claim may be quoted by several claimants
    got = Counter(set(got))
    tp = sum((got & want).values())
    if verbose:
        print(f"  held-out extra {sorted(got - want)}, missed {sorted(want - got)}")
    fp, fn = sum(got.values()) - tp, sum(want.values()) - tp
    return {"casualties+depth (5 real sources)": (tp / (tp + fp), tp / (tp + fn), tp, fp, fn)}


def evaluate_held_out() -> dict[str, tuple[float, float, int, int, int]]:
    """The held-out split: casualty figures (kind, value), depths, and for the casualty figures
    found, whether they are linked to the right event."""
    extractor = Extractor(load_dataset())
    expected = yaml.safe_load((HELD_OUT / "expected.yaml").read_text(encoding="utf-8"))
    totals = {k: Counter() for k in ("casualties", "depth", "event link")}
    for name, spec in sorted(expected.items()):
        raw = (HELD_OUT / name).read_bytes()
        cands = extractor.extract(article_text(raw, name))
        got = found_items(cands)
        want = {
            "casualties": Counter((k, float(v)) for k, v, _ in spec["casualties"]),
            "depth": Counter(round(float(v), 1) for v in spec["depth"]),
        }
        for kind in ("casualties", "depth"):
            _count(totals[kind], got[kind], want[kind])
        # Event links: each expected (kind, value, event) found with that event.
        links = Counter(
            (c.kind, float(c.value), c.event) for c in cands if c.kind in ("killed", "injured", "casualties")
        )
        want_links = Counter((k, float(v), e) for k, v, e in spec["casualties"])
        tp = sum((links & want_links).values())
        totals["event link"].update(tp=tp, fp=0, fn=sum(want_links.values()) - tp)
    return _scores(totals)


def speed() -> tuple[float, float, int]:
    """Seconds to extract a 100 KB article (the five sources repeated; median of 3), next to a
    baseline from the same run: only splitting it into sentences, the least any extractor does."""
    import statistics
    import time

    from geo.core import sentences

    ds = load_dataset()
    text = "\n\n".join(t for t in (ds.source_text(s) for s in ds.sources) if t)
    text = (text * (100_000 // max(len(text), 1) + 1))[:100_000]
    extractor = Extractor(ds)
    extractor.extract(text[:2_000])  # warm: patterns compiled, gazetteer loaded

    def median(f) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            f(text)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    return median(extractor.extract), median(sentences.spans), len(text)


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    print("tuning split (8 articles written for it; in-sample: the rules were tuned on them):")
    for kind, (p, r, tp, fp, fn) in evaluate(verbose).items():
        print(f"  {kind:10s} precision {p:.2f}  recall {r:.2f}  (tp {tp}, fp {fp}, fn {fn})")
    print(
        "the five real sources against their curated claims (partly seen: claimant and event-linking "
        "rules were checked on sources 001 and 003 while they were written):"
    )
    for kind, (p, r, tp, fp, fn) in held_out(verbose).items():
        print(f"  {kind} precision {p:.2f}  recall {r:.2f}  (tp {tp}, fp {fp}, fn {fn})")
    print("held-out split (12 articles written before any tuning on them; figures only, no detail):")
    for kind, (p, r, tp, fp, fn) in evaluate_held_out().items():
        extra = f"; figures not in the article's expected set: {fp}" if kind != "event link" else ""
        print(f"  {kind:10s} precision {p:.2f}  recall {r:.2f}  (tp {tp}, fp {fp}, fn {fn}{extra})")
    t_extract, t_split, n = speed()
    print(
        f"speed: a {n / 1000:.0f} KB article extracted in {t_extract:.2f} s (target 0.5 s); "
        f"baseline, sentence splitting only: {t_split:.3f} s"
    )
