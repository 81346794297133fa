"""Find candidate claims in plain article text: no network, no model, every span explained.

Rules, not learning: casualty figures (digits and number words, qualifiers, breakdowns such as
"three women and four children", killed versus injured), depths ("about 90 km inside"), dates,
weapons, named groups and targets, places (GeoNames via the gazetteer, alternate spellings
included, plus the dataset's curated places), and the claimant cues around them ("according
to", "X said", "state media reported", "which it claims"). Each candidate is linked to the most
likely event of the dataset, with the reason. A reviewer accepts, edits or rejects each one.

Command line::

    python -m geo.extract ARTICLE.txt --json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from geo.core import sentences
from geo.core.model import COUNTRY_NAMES
from geo.spatial import gazetteer

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "a couple of": 2,
}
NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
QUALIFIERS = {
    "at least": "at least",
    "no fewer than": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "nearly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "some": "about",
    "roughly": "about",
    "an estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "fewer than": "less than",
    "less than": "less than",
}
QUAL = r"(?:(?P<qual>" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)) + r")\s+)?"
VICTIM_NOUNS = (
    r"(?:people|persons|civilians|children|kids|women|men|girls|boys|soldiers|troops|guards|"
    r"border guards|police(?:men)?|police officers|officers|security officers|security personnel|"
    r"militants|fighters|insurgents|separatists|terrorists|villagers|residents|members|personnel)"
)
KILL = r"(?:killed|dead|died|slain|lost their lives|deaths|fatalities|dead bodies)"
HURT = r"(?:injured|wounded|hurt|treated for (?:their )?injuries)"
# "three women, two men and four children": a list of counted groups.
GROUP = rf"{NUM}\s+(?:[a-z-]+\s+)?{VICTIM_NOUNS}"
BREAKDOWN = rf"(?P<groups>{GROUP}(?:\s*,\s*(?:and\s+)?{GROUP})*(?:\s*,?\s*and\s+{GROUP}))"

CASUALTY_PATTERNS = [
    # "killed three women, two men and four children"; "killing at least nine people"
    re.compile(
        rf"\b(?P<verb>killed|killing|killing of|wounded|wounding|injured|injuring):?\s+{QUAL}"
        rf"(?:{BREAKDOWN}|(?P<num>{NUM})(?:\s+(?:[a-z-]+\s+)?(?P<noun>{VICTIM_NOUNS}))?)",
        re.I,
    ),
    # "nine people were killed"; "at least 11 police officers died"; "two children were killed and three others injured"
    re.compile(
        rf"{QUAL}(?:{BREAKDOWN}|(?P<num>{NUM})(?:\s+(?:[a-z-]+\s+)?(?P<noun>{VICTIM_NOUNS}))?)"
        rf"(?:\s+\w+){{0,6}}?\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?P<verb>{KILL}|{HURT})",
        re.I,
    ),
    # "the deaths of at least nine Baloch separatists"; "left 11 dead"; "death toll rose to 90"
    re.compile(
        rf"\b(?P<verb>deaths of|death of|death toll (?:rose to|of|stood at|reached)|left)\s+{QUAL}"
        rf"(?P<num>{NUM})(?:\s+(?:[A-Za-z-]+\s+)?(?P<noun>{VICTIM_NOUNS}))?",
        re.I,
    ),
    # "over 90 fatalities"
    re.compile(rf"{QUAL}(?P<num>{NUM})\s+(?P<verb>fatalities|deaths|casualties)", re.I),
]
DEPTH = re.compile(
    rf"{QUAL}(?P<num>{NUM})\s*(?P<unit>km|kilometres|kilometers|miles)\s+(?:deep\s+)?"
    rf"(?P<rel>deep|inside|into|within|from the border|across the border|beyond the border)",
    re.I,
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTHS})|(?P<m2>{MONTHS}|Jan\.)\s+(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)(?:,?\s+(?P<y>20\d\d))?",
    re.I,
)
WEAPONS = {
    "ballistic missiles": r"ballistic missiles?",
    "missiles": r"(?<!ballistic )missiles?",
    "drones": r"drones?",
    "rockets": r"rockets?",
    "jets": r"(?:fighter )?jets",
    "airstrikes": r"air\s*strikes?|air attacks?|air raids?",
    "artillery": r"artillery|shelling",
    "car bomb": r"car bomb(?:ing)?s?",
}
GROUPS = {
    "jaish al-adl": r"jaish[\s-](?:al|ul)[\s-]adl|army of justice",
    "bla": r"\bBLA\b|balochistan liberation army",
    "blf": r"\bBLF\b|balochistan liberation front|baloch liberation front",
    "irgc": r"\bIRGC\b|revolutionary guards?",
    "bras": r"\bBRAS\b|baloch raji ajoi sangar",
}
PROVINCES = {
    "Balochistan": r"(?:Balochistan|Baluchistan)(?! Liberation)",
    "Sistan and Baluchestan": r"Sistan[\s-](?:and\s+)?Baluchestan",
}
CLAIMANT_MAP = {
    "islamabad": ("Government of Pakistan", "pakistan_official"),
    "pakistan": ("Government of Pakistan", "pakistan_official"),
    "tehran": ("Government of Iran", "iran_official"),
    "iran": ("Government of Iran", "iran_official"),
    "ispr": ("Pakistan's military media wing", "pakistan_official"),
    "irna": ("Iranian state media", "iran_official"),
    "iranian state media": ("Iranian state media", "iran_official"),
    "state media": ("state media", "media"),
    # Officials named by their country speak for it (the lens for Iranian officials must find them).
    "iranian officials": ("Iranian officials", "iran_official"),
    "pakistani officials": ("Pakistani officials", "pakistan_official"),
}
CLAIMANT_CUES = [
    re.compile(r"\b(?i:according to) (?:the\s+)?(?P<who>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|for))*)"),
    re.compile(r"\bper (?P<who>[A-Z][\w’'.-]*)"),
    re.compile(
        r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|(?:Iranian |Pakistani )?(?:state media|officials))"
        r",?\s+(?:said|says|claimed|claims|reported|reports|stated|announced|confirmed|told)\b"
    ),
    re.compile(r"\b(?P<who>Iranian state media|state media|officials)\s+(?:said|claimed|reported)"),
    re.compile(r"(?P<who>[A-Z][\w’'.-]*),?\s+(?:which|who) (?:they )?claims?\b"),
]
# "..., which it claims ...": "it" is the sentence's subject, the country that struck.
IT_CLAIMS = re.compile(r"\bwhich it (?:claims|claimed|says|said)\b", re.I)
STRIKE_WORDS = r"(?:strikes?|struck|missiles?|drones?|attacks?|launched|carried out|hit|jets|retaliat\w*|air ?strikes?)"
ACTOR_CUES = {  # the country as the subject of a strike: "Iranian missiles", "Pakistan struck"
    "IRN": re.compile(rf"\bIran(?:ian)?(?:’s|'s)?\s+(?:\w+\s+){{0,3}}?{STRIKE_WORDS}\b", re.I),
    "PAK": re.compile(rf"\bPakistan(?:i)?(?:’s|'s)?\s+(?:\w+\s+){{0,3}}?{STRIKE_WORDS}\b", re.I),
}
TARGET_CUES = {  # where it hit
    "IRN": re.compile(r"\b(?:inside|in|into|on|struck|striking) Iran\b|Sistan|Saravan|Sarawan", re.I),
    "PAK": re.compile(
        r"\b(?:inside|in|into|on|struck|striking) Pakistan\b|Balochistan(?! Liberation)|Panjgur|Koh-e-Sabz|Sabz Koh",
        re.I,
    ),
}


MAX_ARTICLE_BYTES = 1_000_000


class InputError(ValueError):
    """Article input that cannot be used; the message says why, for the person who gave it."""


class _TextOnly(HTMLParser):
    """Collects the visible text of an HTML page; scripts, styles and other non-text dropped."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html_text: str) -> str:
    """The visible text of an HTML document, paragraphs kept apart."""
    parser = _TextOnly()
    parser.feed(html_text)
    parser.close()
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.parts))
    return re.sub(r"\s*\n\s*(?:\n\s*)+", "\n\n", text).strip()


def article_text(data: bytes | str, name: str = "pasted.txt") -> str:
    """Validated article text from pasted text or an uploaded file (.txt, .md, .html)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(
            f"it is {len(raw) / 1_000_000:.1f} MB and the limit is {MAX_ARTICLE_BYTES // 1_000_000} MB: "
            "cut it down to the article itself (the text stays in the box) or upload a shorter file"
        )
    if b"\x00" in raw:
        raise InputError("this looks like a binary file, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"the file is not UTF-8 text (byte {e.start}); save it as UTF-8 and try again") from e
    if name.lower().endswith((".html", ".htm")) or re.match(r"\s*<(?:!doctype|html|body|p|div)\b", text, re.I):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("the article is empty")
    return text


@dataclass(frozen=True)
class Candidate:
    """One candidate claim. ``start``/``end`` delimit its sentence (the quote); ``span_*`` the figure."""

    kind: str
    value: float | str | list[str] | None
    unit: str | None
    qualifier: str | None
    breakdown: dict[str, int] | None
    victims: str | None
    claimant: str | None
    claimant_type: str | None
    place: str | None
    event: str | None
    event_reason: str
    quote: str
    start: int
    end: int
    span_start: int
    span_end: int
    notes: list[str] = field(default_factory=list)


def number(text: str) -> float | None:
    t = text.lower().strip()
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None


def _breakdown(groups: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in re.finditer(rf"(?P<n>{NUM})\s+(?:[a-z-]+\s+)?(?P<noun>{VICTIM_NOUNS})", groups, re.I):
        n = number(m.group("n"))
        if n is not None:
            key = m.group("noun").lower()
            out[key] = out.get(key, 0) + int(n)
    return out


def _claimant(sentence: str) -> tuple[str | None, str | None]:
    if IT_CLAIMS.search(sentence):
        actors = sorted((m.start(), iso) for iso, cue in ACTOR_CUES.items() for m in cue.finditer(sentence))
        if actors:
            return {
                "IRN": ("Government of Iran", "iran_official"),
                "PAK": ("Government of Pakistan", "pakistan_official"),
            }[actors[0][1]]
    for cue in CLAIMANT_CUES:
        m = cue.search(sentence)
        if m:
            who = m.group("who").strip(" ,")
            if who.lower() in ("the", "it", "he", "she", "they", "this", "that"):
                continue
            mapped = CLAIMANT_MAP.get(who.lower())
            if mapped:
                return mapped
            for key, value in CLAIMANT_MAP.items():
                if who.lower().startswith(key + "'s") or who.lower().startswith(key + "’s"):
                    return value
            return who, "unattributed" if who.lower() == "officials" else "other_official"
    return None, None


class Extractor:
    """Holds the place names to look for (gazetteer plus curated places) and the events to link."""

    def __init__(self, dataset=None):
        self.ds = dataset
        names: dict[str, str] = {}
        if dataset is not None:
            for p in dataset.places.values():
                for n in (p.name, *p.alt_names):
                    if len(n) > 3 and not n.lower().startswith(("near ", "iran", "strait")):
                        names[n] = p.id
        for t in gazetteer.map_towns():
            for n in {t.name, *t.alt_names}:
                if n.isascii() and len(n) > 3 and n[0].isupper():
                    names.setdefault(n, t.name)
        self.place_names = names
        self.place_re = (
            re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
            if names
            else None
        )

    def places(self, sentence: str) -> list[tuple[str, int, int]]:
        """(place, start, end) in the sentence: curated places first, then towns, then provinces;
        a span already taken by an earlier match is not matched again."""
        found: list[tuple[str, int, int]] = []
        if self.place_re:
            found += [(self.place_names[m.group(1)], m.start(), m.end()) for m in self.place_re.finditer(sentence)]
        for name, pat in PROVINCES.items():
            for m in re.finditer(pat, sentence):
                if not any(m.start() < e and s < m.end() for _, s, e in found):
                    found.append((name, m.start(), m.end()))
        return found

    def link_event(self, sentence: str, context: str, places: list[str]) -> tuple[str | None, str]:
        """The dataset event this sentence most likely speaks of, and why (place, month, striker,
        target country); None when no event clearly leads."""
        if self.ds is None:
            return None, "no dataset to link to"
        months = {m.group(0).lower()[:3] for m in re.finditer(MONTHS, sentence, re.I)}
        scores = []
        for e in self.ds.events.values():
            place = self.ds.place_of(e)
            if place is None or not e.happened:
                continue
            score, why = 0, []
            if place.id in places:
                score += 3
                why.append(f"names {place.name}")
            if months:
                if f"{e.date:%b}".lower() in months:
                    score += 2
                    why.append(f"mentions {e.date:%B}")
                else:
                    score -= 2
            violent = e.type in ("strike", "attack", "bombing")
            if violent and e.actor in ACTOR_CUES and ACTOR_CUES[e.actor].search(sentence):
                score += 2
                why.append(f"names {COUNTRY_NAMES.get(e.actor, e.actor)} as the striker")
            if violent and e.target_country in TARGET_CUES:
                if TARGET_CUES[e.target_country].search(sentence):
                    score += 2
                    why.append(f"places it in {COUNTRY_NAMES[e.target_country]}")
                elif TARGET_CUES[e.target_country].search(context):
                    score += 1
                    why.append(f"the sentence before places it in {COUNTRY_NAMES[e.target_country]}")
            for m in DATE.finditer(sentence):
                day = m.group("d1") or m.group("d2")
                if day and int(day) == e.date.day:
                    score += 1
                    why.append(f"dated the {e.date.day}th")
            scores.append((score, e.id, why))
        scores.sort(key=lambda t: -t[0])
        if not scores or scores[0][0] < 2 or (len(scores) > 1 and scores[0][0] == scores[1][0]):
            return None, "no event clearly matches: pick one"
        return scores[0][1], "; ".join(scores[0][2])

    def extract(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        spans = sentences.spans(text)
        previous: tuple[str | None, int] = (None, -1)  # the last linked event and where its sentence ended
        for i, (a, b) in enumerate(spans):
            s = text[a:b]
            if sentences.conditional(s):  # asserts nothing about what happened
                continue
            context = text[spans[i - 1][0] : spans[i - 1][1]] if i else ""
            who, who_type = _claimant(s)
            places = self.places(s)
            place = places[0][0] if places else None
            event, reason = self.link_event(s, context, [p for p, _, _ in places])
            same_paragraph = previous[1] >= 0 and "\n" not in text[previous[1] : a]
            if event is None and previous[0] and same_paragraph:
                title = self.ds.events[previous[0]].title if self.ds else previous[0]
                event, reason = previous[0], f"continues the previous sentence, about {title}"
            previous = (event, b)

            ctx = (who, who_type, place, event, reason, s, a)

            def add(kind, value, m, unit=None, qualifier=None, breakdown=None, victims=None, ctx=ctx):
                who, who_type, place, event, reason, s, a = ctx
                out.append(
                    Candidate(
                        kind,
                        value,
                        unit,
                        qualifier,
                        breakdown,
                        victims,
                        who,
                        who_type,
                        place,
                        event,
                        reason,
                        s,
                        a,
                        a + len(s),
                        a + m.start(),
                        a + m.end(),
                    )
                )

            seen: list[tuple[int, int]] = []
            for pat in CASUALTY_PATTERNS:
                for m in pat.finditer(s):
                    if any(m.start() < e2 and s2 < m.end() for s2, e2 in seen):
                        continue
                    verb = m.group("verb").lower()
                    kind = "injured" if re.search(HURT, verb) or verb.startswith(("wound", "injur")) else "killed"
                    if verb == "casualties":
                        kind = "casualties"
                    groups = m.groupdict().get("groups")
                    breakdown = _breakdown(groups) if groups else None
                    value = float(sum(breakdown.values())) if breakdown else number(m.groupdict().get("num") or "")
                    if value is None:
                        continue
                    noun = m.groupdict().get("noun")
                    qual = QUALIFIERS.get((m.group("qual") or "").lower()) if m.groupdict().get("qual") else None
                    add(
                        kind,
                        value,
                        m,
                        "people",
                        qual or "exact",
                        breakdown or None,
                        ", ".join(breakdown) if breakdown else (noun.lower() if noun else None),
                    )
                    seen.append((m.start(), m.end()))
                    # "two children were killed and three others injured": the second figure.
                    tail = re.match(
                        rf"\s+and\s+{QUAL}(?P<num>{NUM})\s+(?:others?\s+|more\s+)?(?:were\s+)?"
                        rf"(?P<verb>{HURT}|{KILL})",
                        s[m.end() :],
                        re.I,
                    )
                    if tail:
                        n2 = number(tail.group("num"))
                        k2 = "injured" if re.match(HURT, tail.group("verb"), re.I) else "killed"
                        if n2 is not None:
                            tm = re.compile(re.escape(tail.group(0).strip())).search(s, m.end())
                            add(k2, n2, tm or m, "people", QUALIFIERS.get((tail.group("qual") or "").lower(), "exact"))
                            seen.append(((tm or m).start(), (tm or m).end()))
            for m in DEPTH.finditer(s):
                value = number(m.group("num"))
                if value is None:
                    continue
                if m.group("unit").lower() == "miles":
                    value = round(value * 1.609344, 1)
                qual = QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
                add("depth", value, m, "km", qual)
            for m in DATE.finditer(s):
                day = m.group("d1") or m.group("d2")
                month = (m.group("m1") or m.group("m2") or "").rstrip(".")
                add("time", f"{day} {month}" + (f" {m.group('y')}" if m.group("y") else ""), m)
            weapons = sorted({w for w, pat in WEAPONS.items() if re.search(pat, s, re.I)})
            if weapons:
                m = re.search("|".join(WEAPONS[w] for w in weapons), s, re.I)
                add("weapon", weapons, m)
            groups = sorted({g for g, pat in GROUPS.items() if re.search(pat, s, re.I)})
            if groups:
                m = re.search("|".join(GROUPS[g] for g in groups), s, re.I)
                add("target", groups, m)
            for name, ps, pe in places:
                add("location", name, _Span(ps, pe))
        return _dedupe(out)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per sentence, kind and value: "nine people were killed: three women, two
    men and four children" is one claim (the one with the breakdown is kept)."""
    best: dict[tuple, Candidate] = {}
    for c in cands:
        key = (c.start, c.kind, json.dumps(c.value))
        if key not in best or (c.breakdown and not best[key].breakdown):
            best[key] = c
    return sorted(best.values(), key=lambda c: (c.start, c.span_start))


@dataclass(frozen=True)
class _Span:
    """A match-like span for places found by look-up rather than by a pattern."""

    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


def extract(text: str, dataset=None) -> list[Candidate]:
    """Candidate claims in ``text`` (see the module docstring)."""
    return Extractor(dataset).extract(text)


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.extract", description="Find candidate claims in an article")
    ap.add_argument("article", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    try:
        text = args.article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        print(f"error: cannot read {args.article}: {e}", file=sys.stderr)
        return 2
    from geo.core.dataset import DatasetError, load_dataset

    try:
        ds = load_dataset()
    except DatasetError:
        ds = None
    cands = extract(text, ds)
    if args.json:
        print(json.dumps([asdict(c) for c in cands], ensure_ascii=False, indent=1))
    else:
        for c in cands:
            print(
                f"{c.kind:9s} {c.value!s:30.30s} {c.qualifier or '':9s} {c.claimant or '-':25.25s} "
                f"{c.event or '-':25s} {c.quote[:60]!r}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(_main())
