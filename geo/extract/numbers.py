"""Numbers as written: digits ("1,250"), number words ("twenty-five", "one hundred and twenty")
and the counting phrases of news English ("a dozen"); vague amounts ("dozens") as ranges.

text2num reads the number words of a span the patterns already found, never the whole text, so
"one of the deadliest" is never a number: only a span in a casualty pattern is read.
"""

from __future__ import annotations

import re

from text_to_num import text2num

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
WORDS = frozenset(UNITS + ["hundred", "thousand"])
PHRASES = {"a dozen": 12, "dozen": 12, "half a dozen": 6, "a hundred": 100, "a thousand": 1000, "a couple of": 2}
# Vague amounts keep their word; the range is what the word can mean at the least (and at most).
VAGUE = {
    "several": (3, 9),
    "a few": (2, 5),
    "dozens": (24, None),
    "scores": (40, None),
    "hundreds": (200, None),
    "thousands": (2000, None),
}
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


def value(text: str) -> float | None:
    """The number a span states, or None when it is not one number."""
    text = re.sub(r"(?<=\d)\+$", "", text)  # "40+": more than 40 (the qualifier is the reader's)
    text = re.sub(r"\s*\(\s*\d+\s*\)$", "", text)  # "two (02)": the words say it
    text = re.sub(r"^(\d+)\s*\([a-z -]+\)$", r"\1", text, flags=re.I)  # "02 (two)": the digits do
    t = " ".join(text.lower().replace("-", " - ").split()).replace(" - ", "-")
    if _DIGITS.fullmatch(t):
        return float(t.replace(",", ""))
    if t in PHRASES:
        return float(PHRASES[t])
    if t.endswith(" dozen") and (n := value(t.removesuffix(" dozen"))) is not None:
        return n * 12  # "two dozen"
    if t.startswith("a ") and t[2:] in ("hundred", "thousand"):
        return float(PHRASES[t])
    try:
        return float(text2num(t, "en"))
    except ValueError:
        return None


def is_year(text: str) -> bool:
    """A four-digit number that reads as a year (1900–2100), not a count."""
    return bool(re.fullmatch(r"(?:19|20)\d\d", text.strip()))
