"""A second opinion on each figure's event and claimant type, learned from annotated articles.

The rules (:mod:`~geo.extract.linking`, :mod:`~geo.extract.claimants`) weigh a sentence's dates,
places, strikers and speakers by hand; twelve rounds of rules written from misses stopped moving
the event link and the claimant on text they had not seen. Two multinomial logistic regressions
read what the rules proposed (their event, its confidence and reasons, their claimant and its
type), the words of the figure's sentence, of the words either side of the figure and of the text
just before the sentence, the event and claimant type the rules give most of the article's figures
and the previous figure's event and claimant. They are trained from scratch on the tuning splits
only (``bench/train_models.py``, scikit-learn); no downloaded weights. Here they are applied with
the standard library: a sparse dot product per class and a softmax.

Each model decides: the event model each figure's event, the claimant model its claimant type.
The claimant model once changed a type only when at least 40% sure, never made a speaker the rules
had found "the author", never gave a speaker whose own name says its side the other side, and made
a speaker keep one type in an article; those guards had been chosen by cross-validation on the
rules' proposals for the splits they were tuned on, which flatter the rules. Measured instead on
the rules' proposals as they met each clean split (``bench/models_then.py``), each guard lost
right claimants, so the model's every call is followed; where its type contradicts the speaker
the rules named, the figure is credited to the type's generic name and the reason names who the
rules had. Its probability is always shown to the reviewer with the rules' reading.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from geo.core.model import CLAIMANT_TYPE_LABELS
from geo.extract.claimants import SIDE_TYPES as SIDES
from geo.extract.claimants import classify

MODELS = Path(__file__).resolve().parent / "models"
EVENT_MODEL, CLAIMANT_MODEL = MODELS / "event_link.json", MODELS / "claimant_type.json"
FIGURES = frozenset(("killed", "injured", "casualties", "depth"))
NONE = "None"  # the event class "about none of the events: leave it unlinked"
# the name a claimant gets where the model gives a type and the rules named no one, or named a
# speaker the type contradicts (_retyped)
GENERIC = {
    "iran_official": "Iranian officials (unnamed)",
    "pakistan_official": "Pakistani officials (unnamed)",
    "other_official": "an organisation (unnamed)",
    "media": "a media outlet (unnamed)",
    "analyst": "an analyst (unnamed)",
    "unattributed": "unnamed sources",
    "author": "the author",
}
_WORD = re.compile(r"[a-z]+")
_DAY = re.compile(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b")
BEFORE = 300  # characters of text before the sentence that the models read (the paragraph so far)
NEAR = 60  # characters either side of the figure, within its sentence


def _words(prefix: str, s: str, out: dict[str, float]) -> None:
    for w in set(_WORD.findall(s.lower())):
        out[prefix + w] = 1.0


def is_figure(c) -> bool:
    return c.kind in FIGURES and c.value is not None


def features(cands: list, i: int, text: str, leading: tuple[str | None, str | None]) -> dict[str, float]:
    """The features of candidate ``cands[i]`` (a figure, as the rules proposed it): ``leading``
    is what the rules give most of the article's figures (:func:`leading`)."""
    c = cands[i]
    f = {
        f"rule={c.event}": 1.0,
        f"conf={c.event_confidence}": 1.0,
        f"claimant={c.claimant_type or 'author'}": 1.0,
        f"kind={c.kind}": 1.0,
    }
    _words("w:", c.quote, f)
    _words("n:", c.claimant or "", f)  # the words of whom the rules credit ("the medical superintendent")
    _words("r:", c.event_reason, f)  # why the rules chose their event, or why none led
    for n in set(_DAY.findall(c.quote)):
        f["d:" + n] = 1.0  # days of the month ("16 January", "on the 18th")
    _words("b:", text[max(c.start, c.span_start - NEAR) : c.span_start], f)
    _words("a:", text[c.span_end : min(c.end, c.span_end + NEAR)], f)
    _words("p:", text[max(0, c.start - BEFORE) : c.start], f)
    opened = text[c.start : c.span_start]
    f["inquote"] = float((opened.count('"') + opened.count("“")) % 2 == 1)
    event, claimant = leading
    if event:
        f[f"leading={event}"] = 1.0
    f[f"leading_claimant={claimant}"] = 1.0  # whose figures the article mostly gives
    previous = next((cands[j] for j in range(i - 1, -1, -1) if is_figure(cands[j])), None)
    if previous is not None:
        f[f"previous={previous.event}"] = 1.0
        f[f"previous_claimant={previous.claimant_type}"] = 1.0
    return f


def leading(cands: list) -> tuple[str | None, str | None]:
    """The event the rules link most of the article's figures to, and the claimant type they
    give most of them: worked out once per article, read by every figure's features."""
    figures = [c for c in cands if is_figure(c)]
    linked = Counter(c.event for c in figures if c.event)
    voices = Counter(c.claimant_type or "author" for c in figures)
    return (
        linked.most_common(1)[0][0] if linked else None,
        voices.most_common(1)[0][0] if voices else None,
    )


class Model:
    """Trained weights: per feature, one weight per class; one intercept per class; a card
    saying what it was trained on."""

    def __init__(self, classes: list[str], intercept: list[float], weights: dict[str, list[float]], card: dict):
        self.classes, self.intercept, self.weights, self.card = classes, intercept, weights, card

    @classmethod
    def load(cls, path: Path) -> Model | None:
        """The model in ``path``, or None where there is none (the rules alone then decide)."""
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data["classes"], data["intercept"], data["weights"], data["card"])
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{path}: not a model file ({e})") from e

    def probabilities(self, f: dict[str, float]) -> dict[str, float]:
        z = list(self.intercept)
        for name, x in f.items():
            for k, w in enumerate(self.weights.get(name, ())):
                z[k] += w * x
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {c: v / total for c, v in zip(self.classes, e, strict=True)}

    def best(self, f: dict[str, float]) -> tuple[str, float]:
        p = self.probabilities(f)
        label = max(p, key=p.get)
        return label, p[label]


class Learned:
    """The models, applied to what the rules proposed: the event and claimant models, and the
    restatement model (:class:`geo.extract.restated.Restater`, or None)."""

    def __init__(self, event: Model | None, claimant: Model | None, restater=None):
        self.event, self.claimant, self.restater = event, claimant, restater

    @classmethod
    def load(cls, restater=None) -> Learned | None:
        event, claimant = Model.load(EVENT_MODEL), Model.load(CLAIMANT_MODEL)
        return cls(event, claimant, restater) if event or claimant or restater else None

    def apply(self, cands: list, text: str) -> list:
        """``cands`` with each figure's event and claimant type as the models decide them, and
        each restatement given its earlier figure's; each model reads the rules' proposals, never
        another model's output."""
        context = leading(cands)
        restated = self.restater.decide(cands, text, context) if self.restater is not None else {}
        out = list(cands)
        for i, c in enumerate(cands):
            if not is_figure(c):
                continue
            f = features(cands, i, text, context)
            if self.event is not None:
                out[i] = _relinked(out[i], *self.event.best(f), self.event.card)
            if self.claimant is not None:
                out[i] = _retyped(out[i], self.claimant.probabilities(f), self.claimant.card)
        return self.restater.apply(out, restated) if restated else out


def _own_side(c) -> str | None:
    """The side a speaker's own name gives ("IRNA", "Government of Iran"), or None."""
    side = classify(c.claimant) if c.claimant and c.claimant not in GENERIC.values() else None
    return side if side in SIDES else None


def trained_on(card: dict) -> str:
    """Who decided, as the reviewer reads it: the model and what it was trained on."""
    return f"a model trained on {card.get('articles', 'the')} annotated articles"


def _relinked(c, label: str, sure: float, card: dict):
    event = None if label == NONE else label
    if event == c.event:
        return c
    if event is None:
        why = f"{trained_on(card)} finds it about none of the events (its probability: {percent(sure)})"
        why += ": choose the event"
        return replace(c, event=None, event_confidence=None, event_reason=f"{why} (the rules: {c.event_reason})")
    why = f"{trained_on(card)} links it (its probability: {percent(sure)}); the rules: {c.event_reason}"
    return replace(c, event=event, event_confidence=_confidence(sure), event_reason=why)


def percent(p: float) -> str:
    """A model's probability as a reader takes it: never a certain 100% or 0%."""
    return ">99%" if p >= 0.995 else "<1%" if p < 0.005 else f"{p:.0%}"


def _confidence(p: float) -> str:
    return "high" if p >= 0.9 else "medium" if p >= 0.7 else "low"


def _retyped(c, p: dict[str, float], card: dict):
    """``c`` with the claimant type the model finds likeliest and, always, how sure it is and why.
    The name the rules found is kept unless the type contradicts it: a speaker found in the text
    made the article's own voice is "the author"; one whose own name says a side ("Tasnim", "the
    Government of Iran") given the other side takes that side's generic name."""
    label = max(p, key=p.get)
    sure, ruled = p[label], c.claimant_type or "author"
    said = CLAIMANT_TYPE_LABELS
    if label == ruled:
        why = f"the rules' reading; {trained_on(card)} agrees (its probability: {percent(sure)})"
        return replace(c, claimant_confidence=_confidence(sure), claimant_reason=why)
    named = c.claimant not in (None, "the author")
    kept = named and label != "author" and (label not in SIDES or _own_side(c) in (None, label))
    why = (
        f"{trained_on(card)} reads it as {said[label]} (its probability: {percent(sure)}; "
        f"{said[ruled]} {percent(p.get(ruled, 0))}); the rules read {c.claimant or 'the author'} as {said[ruled]}"
    )
    return replace(
        c,
        claimant=c.claimant if kept else GENERIC[label],
        claimant_type=label,
        claimant_confidence=_confidence(sure),
        claimant_reason=why,
    )
