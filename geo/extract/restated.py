"""Whether a figure restates an earlier figure of the same kind and value, learned from annotated articles.

One claim is made of a figure's repeats only where the rules give them the same claimant and event
(:func:`geo.extract.pipeline.settle`). On reporting they had not seen, about one found casualty
figure in twenty-six was a second claim of a figure the article states once: the toll repeated in
a closing line, a table or a quoted correction that the rules credited to another voice or event
("the only official figure remains the Foreign Office's two"; bench/README.md, thirty-second
round). This model reads each figure that has an earlier figure of the same kind and value with
another claimant or event, and says whether it restates it (one claim: it takes the earlier
figure's claimant and event, and its sentence becomes one more quote of that claim) or is another
claim of the same number ("Iran said nine; the UN also counted nine"). It is trained from scratch
on the tuning splits only (``bench/train_models.py``) and decides on the rules' proposals, before
the other models, whose claimant and event the restatement then takes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from geo.extract.learned import MODELS, Model, features, is_figure, percent, trained_on

MODEL = MODELS / "restated.json"
MERGE, APART = "restates", "apart"
NOTE = "Restated"  # how the note a restatement leaves on its claim begins (the review page shows it)


def pairs(cands: list, key: Callable) -> list[tuple[int, int]]:
    """(i, j) for each figure ``cands[i]`` with an earlier figure of the same kind and value, none
    of them one claim with it (``key``: what makes two figures one claim, the pipeline's): ``j``
    is the nearest of them."""
    earlier: dict[tuple, list[int]] = {}  # (kind, value): the figures stating it so far
    out = []
    for i, c in enumerate(cands):
        if not is_figure(c):
            continue
        same = earlier.setdefault((c.kind, c.value), [])
        if same and all(key(cands[j]) != key(c) for j in same):
            out.append((i, same[-1]))
        same.append(i)
    return out


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n < 4 else "4-9" if n < 10 else "10+"


def pair_features(cands: list, i: int, j: int, text: str, leading: tuple) -> dict[str, float]:
    """What the model reads of figure ``i`` and the earlier figure ``j`` it may restate: the
    figure's own features (:func:`geo.extract.learned.features`), the two claimant types the rules
    gave, whether they agree on type and event, and how far apart they are in figures and sentences."""
    c, d = cands[i], cands[j]
    f = features(cands, i, text, leading)
    ti, tj = c.claimant_type or "author", d.claimant_type or "author"
    f[f"types={ti}|{tj}"] = 1.0
    f["same_type"] = float(ti == tj)
    f["same_event"] = float(c.event == d.event)
    f["unlinked"] = float(c.event is None)
    f["earlier_unlinked"] = float(d.event is None)
    f["same_sentence"] = float(c.start == d.start)
    f["figures_between=" + _bucket(sum(is_figure(cands[k]) for k in range(j + 1, i)))] = 1.0
    f["sentences_between=" + _bucket(len({cands[k].start for k in range(j, i + 1)}) - 1)] = 1.0
    earlier = sum(is_figure(cands[k]) and (cands[k].kind, cands[k].value) == (c.kind, c.value) for k in range(i))
    f["earlier=" + _bucket(earlier)] = 1.0
    return f


class Restater:
    """The model (classes ``restates`` and ``apart``), how sure it must be to make one claim, and
    what makes two figures one claim (the pipeline's key)."""

    def __init__(self, model: Model, sure: float, key: Callable):
        self.model, self.sure, self.key = model, sure, key

    def decide(self, cands: list, text: str, leading: tuple) -> dict[int, tuple[int, float]]:
        """{i: (j, probability)} for each figure the model finds restates figure ``j``."""
        out = {}
        for i, j in pairs(cands, self.key):
            p = self.model.probabilities(pair_features(cands, i, j, text, leading)).get(MERGE, 0.0)
            if p >= self.sure:
                out[i] = (j, p)
        return out

    def apply(self, cands: list, decided: dict[int, tuple[int, float]]) -> list:
        """``cands`` with each restatement given its earlier figure's claimant and event (in text
        order, so that a chain of restatements takes the first figure's), saying why: in its
        claimant's reason and in a note that stays with the one claim they become."""
        out = list(cands)
        for i in sorted(decided):
            j, p = decided[i]
            d, c = out[j], out[i]
            model = f"{trained_on(self.model.card)} reads it as a restatement (its probability: {percent(p)})"
            rules = c.claimant or "the author"
            why = f"{model} of the figure in “{d.quote[:80]}”; the rules credited {rules}"
            note = f"{NOTE} in “{c.quote[:80]}”: {model}; the rules credited that sentence to {rules}"
            out[i] = replace(
                c,
                notes=[*c.notes, note],
                claimant=d.claimant,
                claimant_type=d.claimant_type,
                claimant_confidence=d.claimant_confidence,
                claimant_reason=why,
                event=d.event,
                event_confidence=d.event_confidence,
                event_reason=d.event_reason,
            )
        return out


def load(key: Callable, path: Path = MODEL) -> Restater | None:
    """The shipped model, or None where no file is shipped (the rules alone then say what is one
    claim); how sure it must be is on its card, chosen by cross-validation when it was trained."""
    model = Model.load(path)
    return Restater(model, model.card["sure"], key) if model is not None else None
