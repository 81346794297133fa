"""Casualty figures and depths the token patterns missed, found by a model that reads every number.

Fifteen rounds of patterns written from misses left about one figure in eight of unseen
reporting unread: each new article phrases a few tolls in a way no pattern had seen ("the
hospital received the bodies of two children", "Injured now 4: three girls and a woman"). This
model reads each number of a sentence that speaks of killing or wounding and that no pattern
read, from the words around it, and proposes the ones it is sure of as figures of a kind
(killed, injured, casualties); a distance no pattern read ("something like 50 kilometres for the
Iranian strike") is likewise a depth or nothing. It is trained from scratch on the tuning splits
only (``bench/train_models.py``): a number is labelled with the kind of an annotated figure of its
value that the patterns did not find, else as none. Its figures go through the same attribution
and event linking as the patterns', and the reviewer sees that a model proposed them.
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import numpy as np

from geo.extract import numbers
from geo.extract.learned import Model
from geo.extract.nlp import CARDINAL, ZERO
from geo.extract.patterns import (
    FIGURE_CUES,
    HURT,
    HURT_ACTIVE,
    KILL,
    KILL_ACTIVE,
    MONTHS,
    NOUNS,
    QUAL_WORDS,
    UNITS,
    VICTIMS,
    Figure,
    qualifier_before,
)

MODEL = Path(__file__).resolve().parent / "models" / "figure_detector.json"
WHO = "a model trained on annotated articles"
NONE = "none"
KINDS = ("killed", "injured", "casualties")
DEPTH = "depth"
CLASSES = (*KINDS, DEPTH)
_RANGE = frozenset(("to", "-", "–", "or", "and"))
_DATE_JOINS = frozenset(("-", "/", ":", "."))
WINDOW = 6  # tokens either side of the number that the model reads as a bag of words
_KILLING = KILL | KILL_ACTIVE | NOUNS["killed"]
_HURTING = HURT | HURT_ACTIVE | NOUNS["injured"]
_NOT_COUNTS = frozenset("am pm a.m. p.m. gmt pst hrs per percent % cent".split()) | set(UNITS) | set(MONTHS)


def _shape(tok) -> str:
    t = tok.text
    if tok.ent_type_ == ZERO:
        return "zero"
    if t[:1].isdigit():
        return "digits" if len(t) < 4 else "digits4"
    return "word"


def value(tok) -> float | None:
    """The number a mention states (a zero phrase states 0)."""
    return numbers.value(tok.text) if tok.ent_type_ == CARDINAL else 0.0


def _numbers(doc) -> list[int]:
    """The indices of the doc's number tokens, found once per doc from its array of entity types
    (walking the tokens would build a Python object per token: a tenth of a second per 100 KB)."""
    if "ca_numbers" not in doc.user_data:
        ids = [doc.vocab.strings[CARDINAL], doc.vocab.strings[ZERO]]
        doc.user_data["ca_numbers"] = np.flatnonzero(np.isin(doc.to_array("ENT_TYPE"), ids)).tolist()
    return doc.user_data["ca_numbers"]


def _in_date(doc, i: int) -> bool:
    """A number inside a date or a time written with separators ("2024-01-18", "18/01/2024",
    "11:02"): a part of it, not a count."""
    t = doc[i]
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    joined = before is not None and not before.whitespace_ and before.text in _DATE_JOINS
    joins = after is not None and not t.whitespace_ and after.text in _DATE_JOINS and i + 2 < len(doc)
    return bool(joined or joins and doc[i + 2].text[:1].isdigit() or any(c in t.text for c in "/:"))


def unit_of(doc, i: int, b: int) -> int | None:
    """The token of the distance unit that the number at ``i`` states, in a sentence ending at
    ``b`` ("50 km"; "15 to 20km": a range's unit, after its second number), or None."""
    j = i + 1
    if j + 1 < b and doc[j].lower_ in _RANGE and doc[j + 1].ent_type_ == CARDINAL:
        j += 2
    return j if j < b and doc[j].lower_ in UNITS else None


def _range_end(doc, i: int, a: int, b: int) -> bool:
    """The second number of a range of distances ("15 to 20km"): its first number is the figure."""
    return i - 2 >= a and doc[i - 1].lower_ in _RANGE and doc[i - 2].ent_type_ == CARDINAL and unit_of(doc, i - 2, b)


def mentions(doc, a: int, b: int, covered: list[tuple[int, int]], words: set[str]) -> list[int]:
    """The numbers of sentence [a, b) a model may read: counts in a sentence with a casualty
    word (``words``: the sentence's, lower-cased) and distances ("50 km", "30 miles") in any
    sentence, outside the spans the patterns read (``covered``: character spans), not a year
    or a part of a date."""
    cued = bool(words & FIGURE_CUES)
    at = _numbers(doc)
    out = []
    for i in at[bisect_left(at, a) : bisect_left(at, b)]:
        t = doc[i]
        if t.lower_ in ("any", "anyone", "anybody") or not cued and unit_of(doc, i, b) is None:
            continue
        if any(s <= t.idx < e for s, e in covered) or numbers.is_year(t.text) or _in_date(doc, t.i):
            continue
        if _range_end(doc, i, a, b):
            continue
        out.append(t.i)
    return out


def read(doc, i: int, a: int, b: int, found: list[Figure]) -> tuple[int | None, dict[str, float]]:
    """The number at token ``i`` of sentence [a, b) as the model sees it: the token of its
    distance unit (:func:`unit_of`, or None) and its features, given the figures the patterns
    read in the sentence (``found``). The detector and its training both read numbers so."""
    unit = unit_of(doc, i, b)
    return unit, features(doc, i, a, b, others(found, unit is not None), unit)


def features(doc, i: int, a: int, b: int, others: int, unit: int | None) -> dict[str, float]:
    """What the model reads of the number at token ``i`` of sentence [a, b); ``others``: how many
    figures of its family (:func:`others`) the patterns read elsewhere in the sentence (a number
    beside a count they read is most often its breakdown: "nine people, including four children,
    were killed"); ``unit``: the token of its distance unit, or None."""
    tok = doc[i]
    v = value(tok)
    f = {f"shape={_shape(tok)}": 1.0}
    if v is not None:
        f["v=" + ("0" if v == 0 else "1" if v == 1 else "2-9" if v < 10 else "10-99" if v < 100 else "100+")] = 1.0
    for k in (1, 2, 3):
        f[f"b{k}:{doc[i - k].lower_ if i - k >= a else '<s>'}"] = 1.0
        f[f"a{k}:{doc[i + k].lower_ if i + k < b else '</s>'}"] = 1.0
    before = [t.lower_ for t in doc[max(a, i - WINDOW) : i]]
    after = [t.lower_ for t in doc[i + 1 : min(b, i + 1 + WINDOW)]]
    for w in before:
        f["bw:" + w] = 1.0
    for w in after:
        f["aw:" + w] = 1.0
    sent = {t.lower_ for t in doc[a:b]}
    for w in sent:
        f["s:" + w] = 1.0  # the sentence's words (its casualty words among them)
    f["victim_after"] = float(bool(after[:3] and set(after[:3]) & VICTIMS))
    f["kill_near"] = float(bool(set(before + after) & _KILLING))
    f["hurt_near"] = float(bool(set(before + after) & _HURTING))
    f["qualified"] = float(bool(before[-1:] and before[-1] in QUAL_WORDS))
    f["not_count_after"] = float(bool(after[:1] and after[0] in _NOT_COUNTS))
    f["month_before"] = float(bool(before[-1:] and before[-1] in MONTHS))
    f["quoted"] = float(any(t.text in ('"', "“", "”") for t in doc[a:b]))
    f["first"] = float(i == a)
    f["others=" + str(min(others, 2))] = 1.0
    if unit is not None:
        f["unit=" + ("km" if UNITS[doc[unit].lower_] == 1.0 else "mi")] = 1.0
    return f


class Detector:
    """A model (``learned.Model``, classes ``none`` and the kinds) and how sure it must be."""

    def __init__(self, model, sure: float):
        self.model, self.sure = model, sure

    def figures(self, doc, a: int, b: int, found: list[Figure], words: set[str]) -> list[Figure]:
        """Figures for the numbers of sentence [a, b) (``words``: its lower-cased words) that the
        patterns did not read (``found``)."""
        out = []
        for i in mentions(doc, a, b, [(f.start, f.end) for f in found], words):
            unit, x = read(doc, i, a, b, found)
            probs = self.model.probabilities(x)
            # a number with a distance unit is a depth or nothing; one without, a count or nothing
            kind, p = max(((k, probs.get(k, 0.0)) for k in ((DEPTH,) if unit else KINDS)), key=lambda kp: kp[1])
            if p < self.sure:
                continue
            tok, v = doc[i], value(doc[i])
            if v is None or any(f.kind == kind and f.value is not None and f.value >= v for f in found):
                continue  # (a part of a total the patterns read: "Injured now 4: three girls and a woman")
            qualifier, q = qualifier_before(doc, i)
            if unit is not None:  # the figure runs to its unit, which says how many km it is
                out.append(Figure(DEPTH, v, qualifier, doc[q].idx, doc[unit].idx + len(doc[unit]), detected=p))
                continue
            victims = doc[i + 1].lower_ if i + 1 < b and doc[i + 1].lower_ in VICTIMS else None
            out.append(Figure(kind, v, qualifier, doc[q].idx, tok.idx + len(tok.text), victims, detected=p))
        return out


def others(found: list[Figure], depth: bool) -> int:
    """How many figures of a number's family (depths, or counts) the patterns read in its sentence."""
    return sum((f.kind == DEPTH) if depth else (f.kind in KINDS) for f in found)


def load() -> Detector | None:
    """The shipped detector, or None where no model file is shipped (the patterns alone then).
    How sure it must be is on its card, chosen by cross-validation when it was trained."""
    model = Model.load(MODEL)
    return Detector(model, model.card["sure"]) if model is not None else None
