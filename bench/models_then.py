"""The learned models on the rules' proposals as they were when each split was clean.

``bench/train_models.py`` cross-validates on what today's rules propose for every tuned split,
but today's rules were tuned on those splits: they read them better than they read new text, so
the folds flatter any choice that trusts the rules. Here each pair read as a clean measure
(``SPLITS``: "clean at <commit>") is read again by the rules *of that commit*, in a temporary
git worktree: the rules as they met the pair, unseen. Models trained, as shipped, on today's
rules' proposals for every other tuned split are applied to those proposals (the restatement
model at the shipped file's threshold), and the fold is scored as the bench scores it, beside the
rules alone. Commits older than
``Extractor.proposals`` are skipped.

Needs the repository's history (not a shallow clone) and scikit-learn. Prints figures; asserts
nothing. Usage: python bench/models_then.py [-v] (``-v``: every fold's figures).
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import train_models as tm  # noqa: E402
from extract_eval import SPLITS  # noqa: E402

from geo.core.dataset import load_dataset  # noqa: E402
from geo.extract import Candidate, Extractor, learned, restated  # noqa: E402

# Run in a worktree at an old commit (its code on sys.path): the proposals of the rules of that
# commit for the articles named on stdin, as JSON, with each article's text as that commit read it
# (the proposals' offsets are into it; today's reading of an HTML page may differ).
_THEN = """
import dataclasses, json, sys
sys.path.insert(0, ".")
from geo.core.dataset import load_dataset
from geo.extract import Extractor, read_article
ex, out = Extractor(load_dataset(), learned=False), []
for path in json.load(sys.stdin):
    a = read_article(open(path, "rb").read(), path.rsplit("/", 1)[-1])
    found, repeats = ex.proposals(a.text, a.meta.get("date"), a.meta.get("outlet"))
    out.append({"text": a.text, "found": [dataclasses.asdict(c) for c in found], "repeats": sorted(repeats)})
json.dump(out, sys.stdout)
"""
_FIELDS = {f.name: f for f in dataclasses.fields(Candidate)}


def _candidate(d: dict) -> Candidate:
    """A proposal of an older commit as today's Candidate (fields it lacked take their defaults)."""
    kept = {k: v for k, v in d.items() if k in _FIELDS}
    kept["quotes"] = tuple(tuple(q) for q in kept.get("quotes") or ())
    for name, f in _FIELDS.items():
        if name not in kept and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            kept[name] = None
    return Candidate(**kept)


def clean_pairs() -> dict[str, list[tuple[Path, str]]]:
    """{commit: [(folder, label)]} for each pair read clean at a commit that has ``proposals``."""
    out: dict[str, list[tuple[Path, str]]] = {}
    for folder, label, _ in SPLITS:
        m = re.search(r"clean at ([0-9a-f]{7,40})", label)
        if m:
            out.setdefault(m.group(1), []).append((folder, label))
    return {c: v for c, v in out.items() if "def proposals" in _show(c, "geo/extract/pipeline.py")}


def _show(commit: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True).stdout


def read_then(commit: str, pairs: list[tuple[Path, str]]) -> list[dict]:
    """One record per article of ``pairs`` (what ``train_models.score`` reads: its split, text,
    annotation, and the proposals and repeats of the rules of ``commit``)."""
    items = []
    for folder, label in pairs:
        for name, spec in sorted(yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")).items()):
            items.append((folder / name, label, spec))
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "then"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(tree), commit], cwd=ROOT, check=True)
        try:
            run = subprocess.run(
                [sys.executable, "-c", _THEN],
                cwd=tree,
                input=json.dumps([str(p) for p, _, _ in items]),
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True)
    out = []
    for (_, label, spec), got in zip(items, json.loads(run.stdout), strict=True):
        found = [_candidate(d) for d in got["found"]]
        out.append({"split": label, "text": got["text"], "found": found, "repeats": set(got["repeats"]), "spec": spec})
    return out


def main() -> None:
    verbose = "-v" in sys.argv
    tuned = tm.read_splits(Extractor(load_dataset(), learned=False))
    examples = [tm.examples(r) for r in tuned]
    repeats = [tm.restatements(r) for r in tuned]
    shipped = learned.Model.load(restated.MODEL)  # its threshold; no file: no restatement model
    then = [r for commit, pairs in clean_pairs().items() for r in read_then(commit, pairs)]
    folds = sorted({r["split"] for r in then}, key=tm.LABELS.index)
    print(f"{len(folds)} clean splits, read by the rules of their reading; models trained on today's rules' proposals")
    rows = []
    for s in folds:
        train = tm.others(tuned, examples, s)
        w = tm.models(train, {})
        said = tm.others(tuned, repeats, s)
        restater = tm.restater(said, shipped.card["sure"]) if shipped else None
        models = learned.Learned(*(learned.Model(**w[t]) for t in tm.TARGETS), restater)
        held = [r for r in then if r["split"] == s]
        row = {"the rules alone": tm.score(held, None), "with the models": tm.score(held, models)}
        rows.append(row)
        if verbose:
            print(f"  {s}: " + "; ".join(_figures(v) for v in row.values()))
    for name in rows[0]:
        means = {t: tuple(sum(r[name][t][k] for r in rows) / len(rows) for k in (0, 1)) for t in tm.SCORED}
        invented = sum(r[name]["invented"] for r in rows)
        print(f"  {name}: mean over the folds {_figures(means)}; invented figures, all folds: {invented}")
    for t in tm.TARGETS:
        up = sum(r["with the models"][t][0] > r["the rules alone"][t][0] for r in rows)
        down = sum(r["with the models"][t][0] < r["the rules alone"][t][0] for r in rows)
        print(f"  {t} precision with the models above/below the rules alone in {up}/{down} folds")


def _figures(scores: dict) -> str:
    return "  ".join(f"{t} {scores[t][0]:.3f}/{scores[t][1]:.3f}" for t in tm.SCORED)


if __name__ == "__main__":
    main()
