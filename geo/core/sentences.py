"""Sentence spans and conditional sentences in plain text, shared by the model (quote checks) and
the extractor. It lives in core, not extract as LAYOUT.md sketches, because the model needs it."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s+(?=[A-Z“\"‘(])|\n\s*\n|\n(?=[A-Z“\"‘])")
_ABBREV = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Dr|Mr|Mrs|Ms|St|U\.S|No|vs|Gen|Lt|Col)\.\s*$"
)


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, not splitting after "Jan." or "Dr."."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREV.search(text[start : m.start() + 1]):
            continue
        out.append((start, m.start() + 1))
        start = m.end()
    out.append((start, len(text)))
    trimmed = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


# A sentence that states a condition or a counterfactual asserts nothing about what happened:
# "If their strikes took place deeper inland, ... would likely have attempted ...".
_CONDITIONAL_START = re.compile(r"^[\"“‘(]*(?:if|unless|had|were|should|suppose|supposing|imagine)\b", re.I)
_COUNTERFACTUAL = re.compile(
    r"\b(?:would|could|might|should)(?:n[’']t|\s+not)?\s+(?:\w+ly\s+)?have\s+(?:been\s+)?\w+", re.I
)


_ASKED = re.compile(r"\b(?:how|why|whether)\s+(?:\w+\s+){0,3}$", re.I)


def conditional(sentence: str) -> str | None:
    """Why a sentence is a condition or counterfactual rather than a statement, or None."""
    s = sentence.strip()
    if m := _CONDITIONAL_START.match(s):
        word = m.group(0).lstrip('"“‘(')
        return f"it opens with a condition ({word!r})"
    for m in _COUNTERFACTUAL.finditer(s):
        if _ASKED.search(s[: m.start()]):
            continue  # "asked how this could have happened": a question about what did happen
        return f"its {m.group(0)!r} is a counterfactual"
    return None
