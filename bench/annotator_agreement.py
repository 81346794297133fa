"""How far two careful people agree when they annotate the same articles per SCHEMA.md.

The extractor's targets (issue #13) are measured against one annotator's reading. Where a second
annotator, working alone from the same SCHEMA.md, reads the same articles differently, no
extractor can score above that agreement except by chance: it is the ceiling of the measure.
This scores a second annotation (``second_annotation.yaml`` beside a split's ``expected.yaml``)
against the first with the very scoring of ``bench/extract_eval.py``: the second annotator's
items stand where the extractor's candidates stand. Precision and recall swap when the two are
swapped; F1 does not.

Prints figures; asserts nothing. Usage: python bench/annotator_agreement.py [split folder …]
(default: every split that has a second annotation).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_eval import EVAL, FIELDS, _prf, print_split, score_article  # noqa: E402

SECOND = "second_annotation.yaml"


def as_candidates(spec: dict) -> list[SimpleNamespace]:
    """An annotation's items in the shape score_article reads from the extractor's candidates."""

    def cand(kind, value, event=None, ctype=None, revises=None):
        return SimpleNamespace(kind=kind, value=value, event=event, claimant_type=ctype, quote="", revises=revises)

    out = [cand(k, v, e, c) for k, v, e, c in spec.get("casualties") or []]
    out += [cand("depth", v, e, c) for v, e, c in spec.get("depth") or []]
    out += [cand("time", str(d)) for d in spec.get("dates") or []]
    out.append(cand("weapon", list(spec.get("weapons") or [])))
    out.append(cand("target", list(spec.get("groups") or [])))
    out += [cand("location", p) for p in spec.get("places") or []]
    return out


def agreement(folder: Path) -> dict:
    """{field: (precision, recall, f1, counts)} of the second annotation against the first."""
    first = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    second = yaml.safe_load((folder / SECOND).read_text(encoding="utf-8"))
    totals = {k: Counter() for k in (*FIELDS, "invented")}
    for name, spec in sorted(first.items()):
        other = second.get(name) or {}
        score_article(as_candidates(other), {**spec, "revisions": []}, totals)
        # revisions compared as sets here: score_article reads them through candidates' links
        want = {tuple(r) for r in spec.get("revisions") or []}
        got = {tuple(r) for r in other.get("revisions") or []}
        totals["revision"].update(tp=len(want & got), fp=len(got - want), fn=len(want - got))
    out = {k: (*_prf(totals[k]), dict(totals[k])) for k in FIELDS}
    out["invented"] = totals["invented"]["n"]
    out["articles"] = len(first)
    return out


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or sorted(p.parent for p in EVAL.glob(f"*/{SECOND}"))
    for folder in folders:
        title = f"{folder.name}, the second annotator against the first"
        print_split(title, agreement(folder), "figures the second lists and the first does not")


if __name__ == "__main__":
    main()
