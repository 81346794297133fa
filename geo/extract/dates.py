"""Dates in a sentence, resolved against the article's own date; the article's date from its
dateline, "Published" line or page metadata; captions and bylines told apart from the story.

dateparser reads the explicit dates the token patterns found ("Jan. 17", "16 January 2024"),
its year taken from the article's date; a weekday ("on Tuesday") is the latest such day on or
before the article's date, as news English means it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from geo.extract.patterns import MONTHS, ORDINAL_DAYS, WEEKDAYS

_CAPTION = re.compile(r"^\s*(?:\(?(?:photo|image|picture|caption|file photo|video|graphic)\b|\[photo)", re.I)
# "By Saima Khurshid", "BY STAFF"; not "By the count of …" (the name's capital is required)
_BYLINE = re.compile(
    r"^\s*(?:(?i:by)\s+(?:[A-Z]\w*|(?i:(?:our|a) (?:own |special )?(?:staff|correspondent|reporter)s?)\b)"
    r"|(?i:published|updated|posted|last updated|first published|filed))\b"
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z .]+)?,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)"
)


_FULL_DATE = re.compile(r"(\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d)")


def is_caption(sentence: str) -> bool:
    """A photo caption or credit: its dates are the photo's, not the story's."""
    return bool(_CAPTION.match(sentence))


def is_byline(sentence: str) -> bool:
    """A byline or a publication line ("Published 17 January 2024")."""
    return bool(_BYLINE.match(sentence))


@lru_cache(maxsize=4096)
def _parse(text: str, base: dt.date | None) -> dt.date | None:
    import dateparser  # imported on first use: it loads its language data (about a second)

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["day", "month"]}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base + dt.timedelta(days=1), dt.time())
    got = dateparser.parse(text, languages=["en"], settings=settings)
    if got is None:
        return None
    d = got.date()
    if not re.search(r"\b\d{4}\b", text) and base is not None and d > base:
        d = d.replace(year=d.year - 1)
    return d


def resolve(label: str, text: str, base: dt.date | None) -> tuple[dt.date | None, str]:
    """(date, precision) of one date expression ("day" or "month"); None when it cannot be placed."""
    low = text.lower().strip()
    if label == "date:weekday":
        if base is None:
            return None, "day"
        back = (base.weekday() - WEEKDAYS.index(low)) % 7
        return base - dt.timedelta(days=back), "day"
    if label == "date:relative":
        if base is None:
            return None, "day"
        return (base - dt.timedelta(days=1) if low in ("yesterday", "last night") else base), "day"
    if label == "date:numeric":
        return _numeric(low), "day"
    if label == "date:month":
        words = re.split(r"[\s-]+", low)  # "mid-december 2023"
        month = next((MONTHS[w] for w in words if w in MONTHS), None)
        year = next((int(w) for w in words if w.isdigit()), None)
        if month is None:
            return None, "month"
        if year is None:
            year = base.year if base else None
            if year is not None and base is not None and month > base.month:
                year -= 1
        return (dt.date(year, month, 1) if year else None), "month"
    # "the tenth of January": the day as a number, for the date parser
    words = text.lower().split()
    if words and words[0] == "the" and len(words) > 1 and words[1] in ORDINAL_DAYS:
        day = ORDINAL_DAYS.index(words[1]) + 1 if words[1] != "thirtieth" else 30
        text = " ".join([str(day), *text.split()[2:]])
    return _parse(text, base), "day"


def _numeric(text: str) -> dt.date | None:
    """ "2024-01-16" (ISO), "16.01.2024", "16/01/2024": day first, as the region writes it, unless
    only the month-first reading is a date ("01/16/2024"); None when neither is."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        year, month, day = map(int, text.split("-"))
    else:
        day, month, year = map(int, re.split(r"[./-]", text))
        if month > 12 >= day:
            day, month = month, day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dateline_end(text: str) -> int:
    """Where a dateline ("ISLAMABAD, Jan 17 (Wire) -") ends: its date is the article's, not the story's."""
    m = _DATELINE.match(text.lstrip())
    return (len(text) - len(text.lstrip()) + m.end()) if m else 0


def published(text: str, yearless_base: dt.date | None = None) -> dt.date | None:
    """The article's own date: a dateline ("ISLAMABAD, Jan 17 (Wire) -"), or a "Published" /
    "Updated" / "Posted" line or a date alone on one of the first lines (a byline or such a line
    among the first ten, under a notice's long letterhead; any other among the first six). A
    dateline without a year takes the latest such date on or before ``yearless_base`` (the end
    of the dataset's period)."""
    head = text[:600]
    for n, line in enumerate(head.splitlines()[:10]):
        line = line.strip()
        if not line or n >= 6 and not is_byline(line):
            continue  # (past the first six lines, only a byline or a "Posted:" / "Published" line dates it)
        m = _DATELINE.match(line)
        if m:
            return _parse(m.group("date"), None if re.search(r"\d{4}", m.group("date")) else yearless_base)
        if is_byline(line) or len(line) <= 70:  # "IN BRIEF | Saturday, January 20, 2024"
            m2 = _FULL_DATE.search(line)
            if m2:
                return _parse(m2.group(1), None)
        elif line.endswith((".", '"', "”")):
            break  # the story has begun: a date line after it is a section's ("Kerman, 3 January 2024")
    return None


_YEAR_LEAD = frozenset("in between and during from to until through of".split())
_DEEDS = frozenset("attack attacks bombing bombings strike strikes raid raids assault ambush operation blast".split())


def years(doc, a: int, b: int, taken: list[tuple[int, int]] = ()) -> list[tuple[dt.date, str]]:
    """Bare years that date what a sentence tells ("in 2023 alone", "between 2012 and 2023"), as
    (1 January of the year, "year"); "since 2012" as (…, "since"): a tally's start, not when
    anything happened, which only a period's events use; not a year inside a fuller date
    already read (``taken``: character spans)."""
    out = []
    for t in doc[a:b]:
        if not (t.is_digit and len(t.text) == 4 and 1950 <= int(t.text) <= 2035):
            continue
        # "in 2023", "between 2012 and 2023", "a 2022 attack on a camp", "the 2019 bombing"
        deed = (
            t.i + 1 < b and doc[t.i + 1].lower_ in _DEEDS and doc[t.i - 1].lower_ in ("a", "an", "the", "its", "their")
        )
        since = t.i > a and doc[t.i - 1].lower_ == "since"
        lead = t.i > a and (doc[t.i - 1].lower_ in _YEAR_LEAD or deed)
        if not (lead or since) or any(s <= t.idx < e for s, e in taken):
            continue
        if t.i + 1 < b and doc[t.i + 1].lower_ in ("revolution", "election", "elections", "war"):
            continue  # "the 1979 revolution": a landmark, not when the story happens
        out.append((dt.date(int(t.text), 1, 1), "since" if since else "year"))
    return out
