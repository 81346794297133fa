"""Casualty figures written in Roman Urdu, as Pakistani notes, chats and signs mix it with English.

"do bachay jaan bahaq aur teen bachiyan zakhmi" (two children killed and three girls injured), "9
afraad ki halakat" (nine people's deaths), "koi zakhmi nahi hua" (no one was hurt). The English
patterns cannot read them: the numbers are Urdu words ("do" is also an English verb) and the verbs
are Urdu. This reads a count, at most three Urdu words for who (children, people, labourers), and
a word for dying or being hurt, in that order, the way the language puts them; nothing else.
"""

from __future__ import annotations

import re

from geo.extract.patterns import Figure

# Roman Urdu's numbers as they are usually spelt (Urdu has a word for each number to a hundred;
# these are the ones a toll uses)
NUMBERS = {
    **dict.fromkeys(("ek", "aik", "ik"), 1),
    **dict.fromkeys(("do", "dou"), 2),
    **dict.fromkeys(("teen", "tin"), 3),
    **dict.fromkeys(("char", "chaar", "chār"), 4),
    **dict.fromkeys(("panch", "paanch", "panj"), 5),
    **dict.fromkeys(("chhe", "chay", "chhay", "chheh", "che"), 6),
    **dict.fromkeys(("saat", "sat"), 7),
    **dict.fromkeys(("aath", "ath", "aatth"), 8),
    **dict.fromkeys(("nau", "nao"), 9),
    **dict.fromkeys(("das", "dus"), 10),
    **dict.fromkeys(("gyarah", "gyara", "giyarah"), 11),
    **dict.fromkeys(("barah", "bara", "baara"), 12),
    "bees": 20,
    "sau": 100,
}
# ("shahid", another spelling of martyred, is left out: it is also a man's name)
# who is counted: children, girls, people, persons, labourers, innocents, soldiers, civilians, women
_WHO = (
    r"bach(?:ay|che|chay|e|on|chon|iyan|iyon|chiyan|chi|i)|log|logon|afr[aā]+d|mazdoor(?:on)?|ma+soom|"
    r"beg[u]+nah|sipahi(?:yon)?|jawan(?:on)?|shehri(?:yon)?|khawateen|aurat(?:ein|on)?|mard|admi|insan|ki|ke"
)
_KILLED = r"shaheed|ja+n[ -]?bahaq|hala+k(?:at)?|fot|faut|ma+r(?:e|ay) gaye|ma+r diye|ma+re|ma+ray"
_INJURED = r"zakhmi|zakhmee|zakhmy|ghayal|majrooh"
_NUM = r"\d{1,4}|" + "|".join(sorted(map(re.escape, NUMBERS), key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?<![\w.,-])(?P<q>kam az kam\s+)?(?P<n>{_NUM})(?:\s*\(\d{{1,4}}\))?"
    rf"(?P<who>(?:\s+(?:{_WHO})){{0,3}})\s+(?:(?P<killed>{_KILLED})|(?P<injured>{_INJURED}))\b",
    re.I,
)
_NONE = re.compile(rf"\bkoi(?:\s+bhi)?\s+(?:(?P<killed>{_KILLED})|(?P<injured>{_INJURED}))\s+nah?in?\b", re.I)
_NUMBERED = re.compile(r"(?:\bno\.?|#|\bnumber)\s*$", re.I)


def _kind(m: re.Match) -> str:
    """Which of the two words the match read: dying or being hurt."""
    return "injured" if m.group("injured") else "killed"


def figures(text: str, a: int, b: int) -> list[Figure]:
    """The Roman Urdu casualty figures in ``text[a:b]`` (one sentence), with their character spans."""
    out = []
    for m in _FIGURE.finditer(text, a, b):
        n = m.group("n")
        if _NUMBERED.search(text, max(a, m.start() - 8), m.start()):
            continue  # "Roll No. 22 zakhmi": a pupil's number, not a count
        value = int(n) if n.isdigit() else NUMBERS[n.lower()]
        if n.isdigit() and not m.group("who").strip() and (m.group("killed") or "").lower().startswith("ma"):
            continue  # ("3 mare" with no one counted could be an English mare; a count needs its people)
        who = m.group("who").split()
        victims = next((w.lower() for w in who if w.lower() not in ("ki", "ke")), None)
        qualifier = "at least" if m.group("q") else "exact"
        out.append(Figure(_kind(m), float(value), qualifier, m.start(), m.end(), victims))
    for m in _NONE.finditer(text, a, b):
        out.append(Figure(_kind(m), 0.0, "exact", m.start(), m.end()))
    return out
