"""Who gives a figure, read from the reporting structure of its sentence, normalised to the
claimant types of the data model.

Structures: "X said / told / reported …", "… , X said.", "…, said X.", "according to X",
"X's statement said", "in a statement, X said", "X put the toll at", "which it claims"; a
pronoun ("he said", "the ministry added") is the last speaker named before it. A sentence that
is a quotation with no reporting verb continues the speaker of the paragraph's quote. A speaker
the rules cannot place keeps its words and the type ``unattributed``; a phrase that does not
name anyone ("Initial", "Balochistan") is not a speaker at all: unknown stays unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

REPORT_VERBS = frozenset(
    """said says say told tells stated states reported reports claimed claims announced announces confirmed
    confirms added adds insisted insists alleged alleges noted notes wrote writes tweeted posted quoted cited
    estimated estimates put puts counted acknowledged admitted maintained warned declared explained described
    reiterated asserted telling saying say confirm announce
    tell recorded documented verified tallied registered raised revised lowered updated gives gave informed informs
    briefed briefs recalled recalls counts reckons reckoned denied denies report""".split()
)
PRONOUNS = frozenset("he she they it we i this that these those his her their its our".split())
BOUNDARY = frozenset(",;:—–()\"“”‘’'".split() + [",", '"', "“", "”", "—", "–", "(", ")", ":", ";", "-", "--"])
# Words that end a speaker phrase without being part of it: "Iranian officials first put …".
TRAILING = frozenset(
    "'s ’s in on first also later initially earlier now today yesterday have has had then separately was were is are "
    "been".split()
)
ASIDE_START = frozenset("speaking who citing quoting asked adding requesting declining".split())
BY_VERBS = frozenset("given provided released published announced issued confirmed reported compiled".split())
COUNT_NOUNS = frozenset("count tally estimate reckoning figures account accounts".split())
STOP_BEFORE = frozenset("that and but while as when after which who where because since then so".split())


@dataclass(frozen=True)
class Speaker:
    name: str
    type: str  # a ClaimantType
    start: int  # character span of the speaker's words (for the review's highlight)
    end: int
    channel: bool = False  # the outlet that relays another's words ("was quoted by IRNA as saying")


# A country or its capital named as the speaker is its government (metonymy).
NAMES = {
    "iran": "Government of Iran",
    "tehran": "Government of Iran",
    "pakistan": "Government of Pakistan",
    "islamabad": "Government of Pakistan",
    "ispr": "Pakistan's military media wing (ISPR)",
}
_STATE_MEDIA = re.compile(r"\b(?:state|official)\s+(?:media|tv|television|news agency|broadcaster|radio)\b")
_RULES: list[tuple[str, re.Pattern]] = [
    (
        "analyst",
        re.compile(
            r"\b(?:analysts?|experts?|professor|researchers?|scholars?|commentators?|think[- ]tank|consultan(?:cy|t)|"
            r"centre|center|institute|university"
            r"|fellow|observers?|columnist|historian)\b"
        ),
    ),
    (
        "other_official",
        re.compile(
            r"\b(?:u\.n\.|un\b|united nations|china|chinese|beijing|u\.s\.|united states|"
            r"washington|state department|white house|hospitals?|doctors?|medics?|ngo|amnesty|"
            r"human rights|red crescent|jaish|bla\b|blf\b|militants?|group|rebels?|"
            r"afghan|taliban|india|indian|new delhi|saudi|european|eu\b|kurdish|kurdistan|iraq|iraqi|syria|syrian|"
            r"rescue|edhi|ambulance|red cross|icrc|unicef|world health organi[sz]ation|"
            r"union|federation|monitor|rights|liberation|charity|foundation|association)"
        ),
    ),
    (
        "iran_official",
        re.compile(
            r"\b(?:iran|iranian|iran[’']s|tehran|irna|irib|press ?tv|tasnim|fars|mehr|irgc|isna|mizan|nour news|vahidi|"
            r"revolutionary guards?|sistan|saravan|zahedan|raisi|amir-?abdollahian|kanaani|"
            r"islamic republic)"
        ),
    ),
    (
        "pakistan_official",
        re.compile(
            r"\b(?:pakistan|pakistani|pakistan[’']s|islamabad|ispr|inter-services|"
            r"foreign office|balochistan|baluchistan|panjgur|quetta|kakar|jilani|ptv|radio pakistan|"
            r"associated press of pakistan|app\b|bugti|munir|"
            r"baloch government|fo\b|rawalpindi|frontier corps|levies)"
        ),
    ),
    (
        "media",
        re.compile(
            r"\b(?:reuters|associated press|ap\b|afp|bbc|al jazeera|cnn|dawn|geo news|geo tv|"
            r"express tribune|the news|media|newspaper|outlet|agency|channel|tv\b|television|"
            r"broadcaster|correspondent|reporter|journalists?|anadolu|xinhua|al arabiya|trt|sky news|bloomberg|"
            r"new york times|washington post|guardian|samaa|ary news|daily|website|wire|"
            r"(?:herald|gazette|chronicle|journal|observer|tribune|times|news)\b)"
        ),
    ),
]
_MEDIA_IN = re.compile(r"\b(?:media|newspapers?|outlets?|press|websites?) in\b")
_PLACE_ONLY = frozenset("sistan saravan zahedan balochistan baluchistan panjgur quetta".split())
_WING = re.compile(r"\bmedia (?:wing|cell|office|directorate)|public relations\b")
_SEAT = re.compile(r"\bin (tehran|islamabad)\b|\bon the (iranian|pakistani) side\b")
_OFFICIAL = re.compile(
    r"\b(?:officials?|ministry|minister|ministers|government|military|army|police|spokes"
    r"(?:man|woman|person)|governor|authorities|administration|commissioner|source|sources|"
    r"statement|office|forces|commander|president|premier|prime minister|embassy|ambassador|head|chief|"
    r"director|department|headquarters|directorate|council|services?|corps|guards?|deputy|authority|cabinet|"
    r"administrator|magistrate|inspector|superintendent|mayor|officer)\b"
)
_GENERIC = re.compile(
    r"(?:the |an? |some |several |other |unnamed |senior |local |security |government |two |three )*"
    r"(?:officials?|sources?|authorities|an official|a source)(?: said| say)?"
)
_PERSON_WORDS = re.compile(
    r"\b(?:villagers?|residents?|witness(?:es)?|survivors?|relatives?|locals?|tribal elders?|"
    r"elders?|mother|father|brother|family|man|woman|shopkeeper|farmer|teacher|people)\b"
)
_COUNTRY_OF_CITY = {"IRN": "iran_official", "PAK": "pakistan_official"}


def classify(phrase: str, home: str | None = None) -> str | None:
    """The claimant type of a speaker phrase, or None when it names no one.

    ``home`` is the article's dateline country (IRN / PAK): an unnamed "official" or "police" in
    a report filed from Quetta is Pakistan's.
    """
    p = phrase.lower()
    if _STATE_MEDIA.search(p):
        for ctype in ("iran_official", "pakistan_official"):
            if dict(_RULES)[ctype].search(p):
                return ctype
        return _COUNTRY_OF_CITY.get(home or "", "media")  # "state media" in a story from Tehran
    for ctype, rule in _RULES:
        if ctype == "media" and _WING.search(p):
            continue  # "the military's media wing": an office of the military, not an outlet
        m = rule.search(p)
        if m and ctype in ("iran_official", "pakistan_official") and m.group(0) in _PLACE_ONLY:
            # "local media in Sistan and Baluchestan", "the people I've talked to in Saravan": a
            # place says where they are, not whose side speaks
            if dict(_RULES)["media"].search(p) and not _OFFICIAL.search(p):
                return "media"
        if m and ctype in ("iran_official", "pakistan_official") and _MEDIA_IN.search(p) and not _STATE_MEDIA.search(p):
            return "media"  # "local media in Iran"
            if _PERSON_WORDS.search(p) and not _OFFICIAL.search(p):
                return "unattributed"
        if m:
            return ctype
    if _OFFICIAL.search(p):
        # A specific office ("the interior minister", "police") is the home side's; generic
        # "officials" or "sources" with no side given stay unattributed (SCHEMA.md).
        if _GENERIC.fullmatch(p.strip()):
            return "unattributed"
        return _COUNTRY_OF_CITY.get(home or "", "unattributed")
    if _PERSON_WORDS.search(p):
        return "unattributed"
    words = [w for w in re.findall(r"[A-Za-z’'-]+", phrase) if w[0].isupper()]
    if len(words) >= 2:  # a person's name: kept as said, side unknown
        return "unattributed"
    return None


def side_of(name: str, country: str | None) -> str | None:
    """The side of a speaker who names none ("state media", "the interior ministry") when the
    event is in ``country``; None for generic officials and for speakers that name a side."""
    p = name.lower()
    if classify(name) not in ("media", "unattributed") or _GENERIC.fullmatch(p.strip()):
        return None
    if _STATE_MEDIA.search(p) or _OFFICIAL.search(p):
        return _COUNTRY_OF_CITY.get(country or "")
    return None


def _clean(tokens) -> tuple[str, int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].lower_ in ("the", "a", "an", "in", "by", "from") or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in TRAILING):
        toks = toks[:-1]
    if not toks:
        return None
    text = toks[0].doc[toks[0].i : toks[-1].i + 1].text  # (Doc.text would rebuild the whole text)
    text = re.sub(r"(?:[’']s)?\s+statement$", "", text)
    return text, toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _before(doc, i: int, a: int) -> list:
    """The tokens before token ``i`` back to a clause boundary (at most 10)."""
    out = []
    j = i - 1
    while j > a and doc[j].lower_ in ("now", "also", "later", "earlier", "today", "separately", "first", "initially"):
        j -= 1  # "Iranian state television, quoting the same deputy governor, now says"
    if j > a and doc[j].text == ",":
        # "A Pakistani official, speaking on condition of anonymity, said": skip the aside
        k = j - 1
        while k > a and doc[k].text != "," and j - k < 20:
            k -= 1
        if doc[k].text == "," and k + 1 < j and doc[k + 1].lower_ in ("citing", "quoting"):
            cited = [x for x in doc[k + 2 : j] if not x.is_space]
            if _names(cited) and classify(" ".join(x.text for x in cited)) not in ("media", None):
                return cited  # "Reuters, citing police in Balochistan, reports": the police
            j = k - 1
        elif doc[k].text == "," and k + 1 < j and doc[k + 1].lower_ in ASIDE_START:
            j = k - 1
        elif doc[k].text == "," and k + 1 < j:
            # "Ali Reza Marhamati, the deputy governor of Sistan-Baluchestan, said": name and apposition
            return _before(doc, k, a) + list(doc[k:j])
    while j >= a and len(out) < 10:
        t = doc[j]
        if t.lower_ == "and" and out and out[0].text[:1].isupper() and j > a and doc[j - 1].text[:1].isupper():
            out.insert(0, t)  # "a deputy governor of Sistan and Baluchestan tells …": a name, not two clauses
            j -= 1
            continue
        if (
            t.lower_ in ("who", "which")
            and j - 1 > a
            and doc[j - 1].text == ","
            and (t.lower_ == "who" or not _names(out))
        ):
            # "An officer of the Levies, who walked the site with this correspondent, said": the
            # officer; but "…, which Iranian officials first said": the officials
            return _before(doc, j - 1, a)
        if t.text in ("-", "--") and not (t.whitespace_ and doc[j - 1].whitespace_):
            out.insert(0, t)  # "Jaish al-Adl": a hyphen inside a name, not a dash
            j -= 1
            continue
        if t.text in BOUNDARY or t.lower_ in STOP_BEFORE or t.is_space or t.ent_type_:
            break
        out.insert(0, t)
        j -= 1
    return out


def _names(tokens) -> bool:
    """Whether the words name a speaker at all (a pronoun does: "…, which it claims")."""
    return bool(tokens) and (tokens[0].lower_ in PRONOUNS or classify(" ".join(t.text for t in tokens)) is not None)


def _after(doc, i: int, b: int) -> list:
    out = []
    j = i + 1
    while j < b and len(out) < 8:
        t = doc[j]
        hyphen = t.text in ("-", "--") and not (t.whitespace_ and doc[j - 1].whitespace_)  # "Lahore-based"
        if not hyphen and (
            t.text in BOUNDARY or t.lower_ in STOP_BEFORE or t.is_space or t.lower_ in REPORT_VERBS or t.ent_type_
        ):
            break
        if t.lower_ in ("as", "on", "in", "at", "late", "earlier", "today", "yesterday") and out:
            break
        out.append(t)
        j += 1
    return out


def best(found: list[tuple[int, Speaker]]) -> Speaker | None:
    """The speaker of a sentence from its :func:`speakers`, or None when it names none.

    Pronouns come back as a Speaker of type "pronoun" for the caller to resolve.
    """
    if not found:
        return None
    # "According to the report of our correspondent, the governor stated": the original source
    # (an official) before the channel (media), before the unplaced.
    return min(found, key=lambda f: (f[1].channel, RANK.get(f[1].type, 3), f[0]))[1]


RANK = {"iran_official": 0, "pakistan_official": 0, "other_official": 0, "analyst": 0, "pronoun": 1, "media": 2}


def for_figure(found: list[tuple[int, Speaker]], doc, at: int) -> Speaker | None:
    """Which of a sentence's speakers gives the figure at token ``at``: "Pakistan says Iran's
    attack killed two children; Iran says nine died" has one per clause, "nine, by Iran's own
    count, and two, according to Islamabad" one beside each figure. Only where the sentence's
    speakers are of different sides; else None (the sentence's speaker stands)."""
    # A relaying outlet and a side-less "official" do not compete with a named side.
    found = [f for f in found if not f[1].channel and f[1].type != "unattributed"] or found
    sides = {f[1].type for f in found if f[1].type != "pronoun"}
    if len(sides) < 2:
        return None

    def clause(i: int) -> int:
        return sum(1 for t in doc[min(i, at) : max(i, at)] if t.text == ";")

    return min(found, key=lambda f: (clause(f[0]), f[1].type == "pronoun", abs(f[0] - at)))[1]


def _text(doc) -> str:
    """The document's text, built once (spaCy rebuilds ``Doc.text`` from its tokens each time)."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def _subject(doc, a: int, i: int) -> list:
    """The proper name a sentence opens with, after any dateline ("ISLAMABAD, Jan 17 (Wire) -
    Pakistan on Wednesday condemned"): "Pakistan", "Iran's"; empty when it opens otherwise."""
    start = a
    for t in doc[a : min(i, a + 16)]:
        if t.text in ("-", "–", "—", "--", ":"):
            start = t.i + 1
    out = []
    for t in doc[start:i]:
        if not (t.text[:1].isupper() or t.lower_ in ("'s", "’s", "of", "the") and out):
            break
        out.append(t)
    return out if out and classify(" ".join(x.text for x in out)) in ("iran_official", "pakistan_official") else []


def _seat(doc, a: int, i: int, name: str) -> str | None:
    """ "In Tehran, the foreign ministry said": the seat named before a side-less office says whose."""
    if classify(name) != "unattributed" or not _OFFICIAL.search(name.lower()):
        return None
    seat = _SEAT.search(doc[a:i].text.lower())
    if seat is None:
        return None
    return "iran_official" if (seat.group(1) or seat.group(2)) in ("tehran", "iranian") else "pakistan_official"


def speakers(doc, a: int, b: int, home: str | None = None) -> list[tuple[int, Speaker]]:
    """Every speaker named in the sentence in tokens [a, b), with the token of its reporting
    word (the verb, "according", the bracket)."""
    found: list[tuple[int, Speaker]] = []
    # "09:40 - Iranian state TV: at least seven killed"; "ANCHOR: …" (a label, not a claimant)
    colon = next((t.i for t in doc[a : min(b, a + 10)] if t.text == ":"), None)
    if colon is not None:
        head = [t for t in doc[a:colon] if not (t.like_num or t.text in "-–—" or ":" in t.text)]
        clean = _clean(head)
        # a speaker, not a topic: "Iranian state TV:", not "Iranian strike in Panjgur:"
        if (
            clean
            and not clean[0].isupper()
            and (
                _OFFICIAL.search(clean[0].lower())
                or _STATE_MEDIA.search(clean[0].lower())
                or dict(_RULES)["media"].search(clean[0].lower())
            )
        ):
            ctype = classify(clean[0])
            if ctype in ("iran_official", "pakistan_official", "media", "other_official"):
                found.append((a, Speaker(NAMES.get(clean[0].lower(), clean[0]), ctype, clean[1], clean[2])))
    for t in doc[a:b]:
        lower = t.lower_
        phrase = None
        channel = False
        if lower == "according" and t.i + 1 < b and doc[t.i + 1].lower_ == "to":
            phrase = _after(doc, t.i + 1, b)
        elif lower == "per" and t.i > a and doc[t.i - 1].text == ",":
            phrase = _after(doc, t.i, b)
        elif lower in REPORT_VERBS:
            passive = (
                t.i > a
                and doc[t.i - 1].lower_ in ("been", "was", "were", "is", "are", "be", "being")
                and not lower.endswith("ing")  # "is telling us": not passive
                and lower not in ("quoted", "cited")  # "an official was quoted by Sahil News as saying": the official
            )
            # "No casualties have been reported": what comes before a passive verb is what was said
            phrase = [] if passive else _before(doc, t.i, a)
            nxt = doc[t.i + 1] if t.i + 1 < b else None
            # "a bombing claimed by Jaish al-Adl", "which the group claimed,": responsibility, not a report
            if lower in ("claimed", "claims", "claim") and (
                nxt is None or nxt.lower_ in ("by", "responsibility") or nxt.is_punct
            ):
                continue
            if not phrase or (len(phrase) == 1 and phrase[0].lower_ in ("also", "later", "has", "had", "have")):
                # "…," said the governor.   /   "it has said"
                after = _after(doc, t.i, b)
                end = after[-1].i + 1 if after else b
                if after and end + 1 < b and doc[end].text == "," and not doc[end + 1].ent_type_:
                    after += [doc[end]] + _after(doc, end, b)  # "…, said Baloch, the ministry's spokeswoman."
                subject = _subject(doc, a, t.i) if not phrase and t.i > a and doc[t.i - 1].lower_ == "and" else []
                if passive and after and after[0].lower_ != "by":
                    after = []  # "was briefed on the Iranian strike": no speaker after a passive but its agent
                if subject:
                    phrase = subject  # "Pakistan on Wednesday recalled its ambassador … and said …": the subject
                elif after and (not phrase or phrase[0].lower_ not in ("also", "later")):
                    phrase = after
                    channel = after[0].lower_ == "by"  # "was quoted as saying by the ISNA news agency"
                else:
                    phrase = _before(doc, phrase[0].i, a) if phrase else None
                if lower in ("saying", "adding", "insisting", "claiming") and doc[t.i - 1].text == ",":
                    cleaned = _clean(phrase) if phrase else None
                    if cleaned is None or classify(cleaned[0]) is None:
                        phrase = _subject(doc, a, t.i) or phrase  # "Pakistan on Wednesday condemned …, saying …"
        elif lower in ("quotes", "quoted", "cites", "cited") and any(
            x.lower_ == "as" and doc[x.i + 1].lower_ in ("saying", "stating")
            for x in doc[t.i + 1 : min(b - 1, t.i + 10)]
        ):
            # "Tasnim quotes a local official as saying": the official, the outlet only relays
            phrase = _after(doc, t.i, b)
        elif lower == "by" and t.i > a and doc[t.i - 1].lower_ in BY_VERBS:
            phrase = _after(doc, t.i, b)  # "the toll given by Iranian officials"
        elif (
            lower in COUNT_NOUNS | {"reading", "assessment", "calculation"}
            and t.i - 1 >= a
            and doc[t.i - 1].lower_ in ("his", "her", "their", "our", "my")
        ):
            phrase = [doc[t.i - 1]]  # "By his estimate", "by her reading of satellite imagery"
        elif lower in COUNT_NOUNS and t.i - 2 >= a and doc[t.i - 1].lower_ in ("own", "'s", "’s"):
            k = t.i - 1
            while k > a and doc[k].lower_ not in ("by", "to", "in"):
                k -= 1
            k += doc[k].lower_ in ("by", "to", "in")  # "by Tehran's own count"; "Tehran's count" from the start
            phrase = [x for x in doc[k : t.i] if x.lower_ != "own"]
        elif (
            lower in ("'s", "’s")
            and t.i - 2 >= a
            and doc[t.i - 2].lower_ == "by"
            and t.i + 1 < b
            and doc[t.i + 1].text == ","
        ):
            phrase = [doc[t.i - 1]]  # "By Tehran's, Pakistan's strike … killed nine": the count of the last clause
        elif (
            lower in ("statement", "communique", "communiqué") and t.i + 1 < b and doc[t.i + 1].lower_ in ("by", "from")
        ):
            phrase = _after(doc, t.i + 1, b)
        if not phrase:
            continue
        relay = next((x.i for x in phrase if x.lower_ in ("quoted", "cited") and doc[x.i + 1].lower_ == "by"), None)
        if relay is not None and relay > phrase[0].i:
            phrase = [x for x in phrase if x.i < relay]  # "Security sources quoted by several outlets said"
        clean = _clean(phrase)
        if clean is None:
            continue
        text, s, e = clean
        words = text.lower().split()
        if len(words) == 1 and words[0] in ("broadcaster", "agency", "channel", "outlet", "newspaper"):
            found.append((t.i, Speaker(text, "pronoun", s, e)))  # "the broadcaster adds": the outlet named before
            continue
        if words in (["statement"], ["a", "statement"], ["the", "statement"]):
            continue  # "In a statement posted on Telegram, the group … said": the group speaks
        if words and words[0] in ("his", "her", "its", "their") and len(words) <= 3 and _OFFICIAL.search(text.lower()):
            found.append((t.i, Speaker(text, "pronoun", s, e)))  # "his office said": the last speaker's side
            continue
        if words and words[-1] in PRONOUNS | {"officials"} and len(words) == 1 and words[-1] != "officials":
            found.append((t.i, Speaker(text, "pronoun", s, e)))
            continue
        if (
            words
            and words[0]
            in ("ministry", "military", "army", "government", "official", "spokesman", "office", "governor")
            and len(words) <= 2
            and text.lower().startswith(words[0])
        ):
            # "the ministry added": a body named before, resolved by the caller like a pronoun
            ctype = _seat(doc, a, t.i, text) or classify(text, home)
            found.append((t.i, Speaker(text, "pronoun" if ctype == "unattributed" else ctype, s, e)))
            continue
        ctype = classify(text, home)
        owner = re.match(r"([A-Z][A-Z]{1,6})['’]s\b", text)  # "BRM's field researchers": BRM speaks
        if owner:
            ctype = introduced(owner.group(1), _text(doc), home) or ctype
        if ctype is None and len(words) == 1 and text[:1].isupper() and s > doc[a].idx:
            # "…," Yusuf said: a surname the article introduced with a role
            ctype = introduced(text, _text(doc), home)
        if ctype is None:
            continue
        ctype = _seat(doc, a, t.i, text) or ctype
        found.append((t.i, Speaker(NAMES.get(text.lower(), text), ctype, s, e, channel)))
    # "2 killed, 3 injured (Pakistan Foreign Office)": a source in brackets, where none speaks
    for t in doc[a:b]:
        if t.text == "(" and not found:
            close = next((x.i for x in doc[t.i + 1 : min(b, t.i + 9)] if x.text == ")"), None)
            if close is not None and close + 1 < b and doc[close + 1].text in ("-", "–", "—", "--", ":"):
                continue  # a dateline's outlet, "ISLAMABAD, Jan 17 (Global Wire) -", says who filed it
            inner = _clean(doc[t.i + 1 : close]) if close else None
            if inner and classify(inner[0]) in ("iran_official", "pakistan_official", "other_official", "media"):
                found.append(
                    (t.i, Speaker(NAMES.get(inner[0].lower(), inner[0]), classify(inner[0], home), *inner[1:]))
                )
    return found


_OWN_VOICE = re.compile(
    r"^\s*(?:(?:press )?statement (?:by|of|from)|press release(?: by| from|:)?|communiqu[eé] (?:by|of))"
    r"\s+(?P<who>[^\n]{3,80})",
    re.I,
)
_RELEASE_WORDS = re.compile(
    r"\b(?:for immediate release|press release|news release|media release|public statement|handout)\b", re.I
)
_RELEASE_HEADER = re.compile(
    r"(?:(?:for immediate release|press release|news release|media release|statement)[\s.:|–—-]*)+", re.I
)
_DATEISH = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|release|embargo", re.I
)
_DATELINE_OUTLET = re.compile(r"^[A-Z][A-Z .'-]{2,}[^\n(]{0,40}\((?P<who>[A-Za-z .]{2,30})\)")


def voice(text: str, home: str | None = None) -> Speaker | None:
    """Who speaks where the article names no one: the issuer of a statement ("Statement by
    the Ministry of Foreign Affairs", a "FOR IMMEDIATE RELEASE" header over its name) or a
    state outlet in the dateline ("TEHRAN, Jan. 18 (IRNA)")."""
    head = text.lstrip()[:600]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()][:8]
    header = next((i for i, ln in enumerate(lines[:4]) if _RELEASE_WORDS.search(ln)), None)
    if header is not None:
        # A letterhead over the header ("FRONTIER RIGHTS MONITOR / Public statement", "GOVERNMENT
        # OF BALOCHISTAN / … / Press Release No. 112"), else the first line under it that is not a
        # date or a headline, else the organisation its headline opens with
        for ln in lines[:header]:
            ctype = classify(ln, home)
            if ctype in ("iran_official", "pakistan_official", "other_official"):
                return Speaker(ln.title() if ln.isupper() else ln, ctype, 0, 0)
        below = [ln for ln in lines[header + 1 :] if not _DATEISH.search(ln)]
        issuer = next((ln for ln in below if len(ln.split()) <= 6 or _OFFICIAL.search(ln.lower())), None)
        if issuer is None and below:
            lead = re.match(r"(?:The )?((?:[A-Z][\w'’-]+ ){1,5}[A-Z][\w'’-]+)", below[0])
            issuer = lead.group(1) if lead else None
        if issuer:
            ctype = classify(issuer, home)
            return Speaker(issuer, ctype if ctype not in (None, "unattributed", "media") else "other_official", 0, 0)
    # A state outlet's masthead: "IRIB NEWS AGENCY — ENGLISH MONITORING SERVICE"
    if lines and _STATE_OUTLET.search(lines[0]) and len(lines[0].split()) <= 10:
        ctype = classify(_STATE_OUTLET.search(lines[0]).group(0))
        return Speaker(_STATE_OUTLET.search(lines[0]).group(0), ctype, 0, 0)
    for rule, line in [(_OWN_VOICE, head)] + [(_DATELINE_OUTLET, ln) for ln in lines[:8]]:
        m = rule.match(line)
        if m:
            who = m.group("who").strip(" .:-")
            if _RELEASE_HEADER.match(who) or _DATEISH.search(who):
                continue  # "PRESS RELEASE - FOR IMMEDIATE RELEASE": a header, not an issuer
            ctype = classify(who, home)
            if rule is _DATELINE_OUTLET and ctype not in ("iran_official", "pakistan_official"):
                continue  # a wire's own voice is the author's
            if ctype is None and rule is _OWN_VOICE:
                ctype = "other_official"
            if ctype:
                return Speaker(who, ctype, 0, 0)
    return None


# Outlets that speak for their state (SCHEMA.md, settled cases)
_STATE_OUTLET = re.compile(
    r"\b(?:IRNA|IRIB|Press ?TV|Tasnim|Fars News|Mehr News|APP|PTV|Radio Pakistan|Associated Press of Pakistan)\b"
)
_MENTION = re.compile(
    r"\b(?:Iranian|Pakistani|Iran['’]s|Pakistan['’]s)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:officials|ministry|military|army|government|authorities|police|media|foreign office)\b"
)


def mentioned(sentence: str, offset: int) -> Speaker | None:
    """A side's officials named in a sentence without speaking ("Iranian officials changed
    theirs."): whom a "they" in the next sentence refers to."""
    m = _MENTION.search(sentence)
    if m is None:
        return None
    ctype = classify(m.group(0))
    return Speaker(m.group(0), ctype, offset + m.start(), offset + m.end()) if ctype else None


_TURN = re.compile(r"(?P<label>[A-Z][A-Z .'-]{1,40}?)\s*(?:\((?P<role>[^)\n]{1,60})\))?:\s")
_HOSTS = re.compile(
    r"\b(?:anchor|host|presenter|moderator|interviewer|correspondent|reporter|newsreader|narrator|q)\b", re.I
)
_SCHOLARLY = re.compile(
    r"\b(?:dr|professor|centre|center|institute|university|studies|studied|analyst|researcher|fellow|expert|"
    r"author of|specialist|scholar|consultancy|think[- ]tank)\b",
    re.I,
)


def is_transcript(text: str) -> bool:
    """Two or more speakers' labels opening paragraphs, one of them again: a transcript (a brief's
    datelines, "PANJGUR: …", "QUETTA: …", are labels too, each once)."""
    starts = (m for m in _TURN.finditer(text) if m.start() == 0 or text[m.start() - 1] == "\n")
    labels = Counter(m.group("label").strip() for m in starts)
    return len(labels) >= 2 and max(labels.values()) >= 2  # a host speaks more than once; datelines do not repeat


def is_generic(phrase: str) -> bool:
    """ "officials", "security sources": no side, no office."""
    return bool(_GENERIC.fullmatch(phrase.lower().strip()))


def is_name(phrase: str) -> bool:
    """A person's name and nothing else ("Hossein Zarei", "Mohammad-Reza Shahbakhsh")."""
    words = phrase.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _OFFICIAL.search(phrase.lower())


def introduced(name: str, text: str, home: str | None = None) -> str | None:
    """The type of a person the article introduces by role where it names them elsewhere
    ("Kamran Yusuf, a fellow at …", "the chief inspector, Ghulam Sarwar"); None when no role
    is given with the name."""
    surname = name.split()[-1]
    org = re.search(rf"((?:[A-Z][\w'’-]+ ){{1,6}})\({re.escape(surname)}\)", text)
    if org and surname.isupper():  # "The Baloch Rights Monitor (BRM)": an organisation speaking for itself
        ctype = classify(org.group(1), home)
        return ctype if ctype in ("iran_official", "pakistan_official") else "other_official"
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = text[max(0, m.start() - 80) : m.start()].split(".")[-1]
        after = text[m.end() : m.end() + 100].split(".")[0]
        window = f"{before} {surname} {after}"
        if _SCHOLARLY.search(window) or dict(_RULES)["analyst"].search(window.lower()):
            return "analyst"
        if _OFFICIAL.search(window.lower()):
            ctype = classify(window, home)
            if ctype in ("iran_official", "pakistan_official", "other_official"):
                return ctype
    return None


def turn(paragraph: str, text: str, offset: int, home: str | None = None) -> Speaker | None:
    """The speaker of a transcript's turn ("QURESHI: …", "SARAH KEMP (ANCHOR): …") when the
    paragraph is one; None when it is not. A host or the outlet's correspondent speaks in the
    programme's own voice (type "author"); a guest is whom the programme introduced them as: an
    expert ("analyst") unless introduced as speaking for a side."""
    m = _TURN.match(paragraph)
    if m is None or len(m.group("label").split()) > 4:
        return None
    label, role = m.group("label").strip(), m.group("role") or ""
    span = (offset + m.start("label"), offset + m.end("label"))
    if _HOSTS.search(label) or _HOSTS.search(role):
        return Speaker(label.title(), "author", *span)
    if label.lower() in ("guest", "caller", "speaker"):
        return Speaker(label.title(), "analyst", *span)
    intro = ""
    for word in label.split()[-1:]:
        # where the programme introduced them: "our correspondent Bilal Ahmed", "Dr Farhan
        # Qureshi of the Centre for …", "Colonel X, a spokesman for the army"
        n = re.search(rf"(?:\b\w+\W+){{0,4}}\b{re.escape(word.title())}\b[^.?!\n]{{0,120}}", text)
        intro = n.group(0) if n else ""
    if _HOSTS.search(intro):
        return Speaker(label.title(), "author", *span)
    if role and (ctype := classify(role, home)) not in (None, "unattributed"):
        return Speaker(label.title(), ctype, *span)
    if not _SCHOLARLY.search(intro) and _OFFICIAL.search(intro.lower()):
        ctype = classify(intro, home)
        if ctype in ("iran_official", "pakistan_official", "other_official"):
            return Speaker(label.title(), ctype, *span)
    return Speaker(label.title(), "analyst", *span)


_TAGLINE = re.compile(r"\s(?:--|—|–|-|:)\s+(?P<who>[^-—–:]{3,60})$")


def tagline(line: str, offset: int, home: str | None = None) -> Speaker | None:
    """A headline's source after a dash or colon: "Iran strike kills two children -- Balochistan
    government"; only an official side or an outlet, never a topic ("Panjgur: two killed")."""
    m = _TAGLINE.search(line.rstrip())
    if m is None:
        return None
    who = m.group("who").strip()
    ctype = classify(who, home)
    if ctype in ("iran_official", "pakistan_official", "other_official", "media", "unattributed") and (
        _OFFICIAL.search(who.lower()) or ctype == "media"
    ):
        return Speaker(who, ctype, offset + m.start("who"), offset + m.end("who"))
    return None


def opens_quote(sentence: str) -> bool:
    """A sentence that opens a quotation and does not close it (its speaker comes later)."""
    straight = sentence.count('"')
    return sentence.count("“") > sentence.count("”") or (straight % 2 == 1 and sentence.lstrip().startswith('"'))


def is_quotation(sentence: str) -> bool:
    """A sentence that is, or opens, a direct quotation."""
    return sentence.lstrip()[:1] in '"“‘'
