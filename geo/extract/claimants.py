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
from dataclasses import dataclass
from functools import lru_cache

from geo.extract import nlp
from geo.extract.patterns import MONTHS, WEEKDAYS

REPORT_VERBS = frozenset(
    """said says say told tells stated states reported reports claimed claims announced announces confirmed
    confirms added adds insisted insists alleged alleges noted notes wrote writes tweeted posted quoted cited
    estimated estimates put puts counted acknowledged admitted maintained warned declared explained described
    reiterated asserted telling saying say confirm announce
    tell recorded documented verified tallied registered raised revised lowered updated gives gave informed informs
    briefed briefs recalled recalls counts reckons reckoned denied denies report placed measured calculated
    spoke suggests places given give repeated repeats reporting attribute attributes pointed geolocated
    admits acknowledges concedes conceded place argued argues written write contend contends contended
    maintain maintains
    condemned condemns condemn deplored deplores denounced denounces""".split()
)  # (a condemnation states what it condemns: "Pakistan condemns …, which resulted in the death of two")
SIDE_TYPES = ("iran_official", "pakistan_official")
_NOUN_BEFORE = frozenset("the a an its their his her our your my this that these those".split())  # "your report"
PRONOUNS = frozenset("he she they it we i this that these those his her their its our".split())
BOUNDARY = frozenset(",;:—–()\"“”‘’'".split() + [",", '"', "“", "”", "—", "–", "(", ")", ":", ";", "-", "--"])
# Words that end a speaker phrase without being part of it: "Iranian officials first put …".
_LY_NOUNS = frozenset("daily weekly monthly quarterly fortnightly family assembly ally rally".split())
TRAILING = frozenset(
    "'s ’s in on first also later initially earlier now today yesterday have has had then separately was were is are "
    "been since meanwhile however too though themselves itself himself herself".split()
)  # ("according to the Guards themselves": the reflexive is no part of the name)
ASIDE_START = frozenset(
    "speaking who citing quoting asked adding requesting declining in at on during after before when".split()
)  # "the minister, in answer to reporters, said": an aside, not an apposition
BY_VERBS = frozenset("given provided released published announced issued confirmed reported compiled".split())
_CLAIMED_BY = frozenset("claimed cited stated alleged asserted".split())
_ARMED = re.compile(r"\b(?:jaish|bla|blf|islamic state|isis|isil|iskp|daesh|militants?|group|ttp)\b")
_CARRIED = frozenset("toll tolls figure figures count report reports ticker story statement claim".split())
_CARRYING = frozenset("carried carries carrying ran runs running aired airs airing".split())
_ENVOYS = frozenset("ambassador ambassadors envoy envoys diplomat diplomats commissioner".split())
# what a measurement is made from: "imagery published by Iranian media", "the village name given by …"
_MATERIAL = frozenset(
    "imagery images image photos photographs footage video videos coordinates name names village".split()
)
_DEEDS = frozenset("attack attacks bombing bombings killing killings assault raid ambush".split())
# what an armed group claims (its responsibility), not a figure: "a suicide car bomb claimed by the group"
_CLAIMED_DEEDS = _DEEDS | frozenset(
    "bomb bombs bomber bombers strike strikes raids blast blasts explosion explosions responsibility operation".split()
)
COUNT_NOUNS = frozenset("count tally estimate reckoning figures account accounts".split())
# what a side said, owned: "Islamabad's claim that …", "the authorities' statement that …"
_NOT_OWNERS = frozenset("in on at by for of from the a an this that these our my his her their its your".split())
_LABEL_FOLLOWS = frozenset(": is was are were remain remains stand stands stood show shows".split())
_CLAIM_NOUNS = frozenset("claim claims assertion version line position contention statement announcement".split())
STOP_BEFORE = frozenset("that and but while as when after which who what where because since then so".split())


@dataclass(frozen=True)
class Speaker:
    name: str
    type: str  # a ClaimantType
    start: int  # character span of the speaker's words (for the review's highlight)
    end: int
    channel: bool = False  # the outlet that relays another's words ("was quoted by IRNA as saying")
    cited: bool = False  # the source a speaker cites ("citing a report in a Quetta newspaper")


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
            r"|fellow|observers?|columnist|historian|retired|retd|former|initiative"
            r"|authors)\b"  # a study's or a book's authors ("the authors write that …"): a reviewer reports them
        ),
    ),
    (
        "other_official",
        re.compile(
            r"\b(?:u\.n\.|un\b|united nations|china|chinese|beijing|u\.s\.|united states|"
            r"washington|state department|secretary of state|secretary-general|white house|"
            r"hospitals?|doctors?|medics?|ngo|amnesty|"
            r"dhq|thq|rhc|bhu|"  # Pakistan's district, tehsil, rural and basic health facilities
            r"human rights|red crescent|jaish|bla\b|blf\b|militants?|group|rebels?|"
            r"afghan|taliban|india|indian|new delhi|saudi|european|eu\b|kurdish|kurdistan|iraq|iraqi|syria|syrian|"
            r"gaza|hamas|palestinian|israel|israeli|"
            r"rescue|edhi|ambulance|red cross|icrc|unicef|world health organi[sz]ation|krg\b|ocha\b|unhcr\b|hrw\b|"
            r"undss\b|unama\b|undp\b|unfpa\b|wfp\b|iom\b|"  # more UN agencies, by their acronyms
            r"union|federation|monitor|rights|liberation|charity|foundation|association|"
            r"committee|network|trust|society|coalition|alliance)"
        ),
    ),
    (
        "iran_official",
        re.compile(
            r"\b(?:iran|iranian|iran[’']s|tehran|irna|irib|press ?tv|tasnim|fars|mehr|irgc|isna|mizan|nour news|vahidi|"
            r"revolutionary guards?|s[ei]{1,2}stan|saravan|zahedan|kerman|majlis|raisi|amir-?abdollahian|kanaani|"
            r"islamic republic|"
            r"ir (?:officials?|authorities|government|govt|military|forces|state media|mofa|mfa|ministry)\b)"
        ),
    ),
    (
        "pakistan_official",
        re.compile(
            r"\b(?:pakistan|pakistani|pakistan[’']s|islamabad|ispr|inter[- ]services|"
            r"foreign office|balochistan|baluchistan|panjgur|quetta|kakar|jilani|ptv|radio pakistan|"
            r"associated press of pakistan|app\b|bugti|munir|"
            r"baloch government|fo\b|rawalpindi|frontier corps|levies|pdma|ndma|national assembly|"
            # a brief's country codes: "PK officials: 2 children KIA", "IR state media"
            r"(?:pk|pak) (?:officials?|authorities|government|govt|military|forces|fo|mofa|mfa|ministry)\b)"
        ),
    ),
    (
        "media",
        re.compile(
            r"\b(?:reuters|associated press|balochistan post|ap\b|afp|bbc|al jazeera|cnn|dawn|geo news|geo tv|"
            r"express tribune|the news|media|newspapers?|outlets?|agency|channel|tv\b|television|"
            # "the radio said" is a broadcaster; a crew's "radio estimate" or "radio call" is a handset's
            r"radio\b(?! (?:estimate|message|call|contact|check|operator|log|traffic|link|set|handset)s?\b)|"
            r"broadcaster|correspondent|reporter|journalists?|anadolu|xinhua|al arabiya|trt|sky news|bloomberg|"
            r"new york times|washington post|guardian|samaa|ary news|daily|weekly|website|wire|editorials?|"
            r"kayhan|hamshahri|shargh|etemad|jomhouri|"  # Tehran's dailies (Fars, Tasnim, Mehr are agencies)
            # a letter to the editor's "your report", "your correspondent": the paper's
            r"your (?:report|article|story|paper|newspaper|correspondent|reporter|editorial)|"
            r"(?:the|local|foreign|international|pakistani|iranian) press\b(?! (?:release|conference|secretary|note))|"
            r"(?:some|several|other|many|news|press|media|unconfirmed|early|initial) reports\b|"
            r"press (?:reporting|coverage|accounts?)\b|"
            r"(?:herald|gazette|chronicle|journal|observer|tribune|times|news|courier|dispatch|telegraph|express)\b)"
        ),
    ),
]
_RULE = dict(_RULES)  # each claimant type's rule, built once (classify runs for every phrase)
# Outlets that speak for their state (SCHEMA.md, settled cases)
STATE_OUTLET = re.compile(
    r"\b(?:IRNA|IRIB|APP|PTV|(?i:press ?tv|tasnim|fars news|mehr news|radio pakistan|associated press of pakistan))\b"
)
# The state outlet a side-less speaker talked to or was quoted by: "told IRIB", "Tasnim quotes a
# local official as saying", "IRNA, quoting a provincial official"
_SIDE_STATE = r"(?:iranian|pakistani|iran's|pakistan's) state (?:tv|television|media|radio|news agency)"
# a side's outlets quoting someone: "Iranian state television, however, quoted a local official"
_SIDE_OUTLET = r"(?:iranian|pakistani|iran's|pakistan's)(?: state)? (?:tv|television|media|radio|news agency|channels?)"
_RELAY = re.compile(
    rf"\b(?:told|tells|telling|to|quoted by|cited by)\s+(?:the\s+)?(?P<to>{STATE_OUTLET.pattern}|(?i:{_SIDE_STATE}))"
    rf"|(?P<by>{STATE_OUTLET.pattern}|(?i:{_SIDE_OUTLET}))(?:\s+news agency)?,?(?:\s+\w+,)?(?:\s+(?:is|was))?"
    r"\s+(?:quoting|citing|quotes|quoted|cites)\b"
)
_PRIVATE_OUTLET = re.compile(
    r"\b(?:iranian|pakistani|baloch|local|private|independent|indian|afghan|chinese|american|british|arab|turkish)"
    r"\s+(?:[\w-]+\s+){0,2}?"
    r"(?:daily|dailies|newspapers?|outlets?|weekly|tabloid|websites?|news sites?|news portal|tv channel|channels?|"
    r"television channel|television station|tv station)\b"
    # "Pakistani media reported", "according to Iranian media": a country's press is an outlet
    # unless it is called the state's (_STATE_MEDIA) or named (IRNA, PTV: STATE_OUTLET)
    r"|\b(?:pakistan|iran)(?:i|ian|'s|’s) (?:local )?"
    r"(?:media|press|broadcasters?|newspapers?|daily|dailies|paper)\b(?! release)"
    # a third country's press is its own, not its government's: "Indian media put the toll at 300"
    r"|\b(?:indian|afghan|chinese|american|british|arab|turkish|gulf|western|foreign|syrian|iraqi|kurdish|"
    r"opposition|exile) (?:media|press)\b(?! release)"
    # an outlet described as one: "Roj Monitor, a Kurdish news site"
    r"|, an? (?:[\w-]+ ){0,2}(?:news site|news website|newspaper|news agency|tv channel|broadcaster)\b"
)
_MEDIA_IN = re.compile(r"\b(?:media|newspapers?|outlets?|press|websites?|(?:news )?reports?) in\b")
_PLACE_ONLY = frozenset("sistan seistan siestan saravan zahedan kerman balochistan baluchistan panjgur quetta".split())
_CITIES = frozenset("tehran islamabad rawalpindi karachi lahore peshawar mashhad chabahar gwadar turbat".split())
_WING = re.compile(r"\bmedia (?:wing|cell|office|directorate)|public relations\b")
_SEATED = re.compile(r"\b(?:in|at|to|from) (?:the )?$")  # "Pakistan's embassy in ": a seat follows
_SEAT = re.compile(r"\bin (tehran|islamabad)\b|\bon the (iranian|pakistani) side\b")
OFFICIAL = re.compile(
    r"\b(?:officials?|ministry|minister|ministers|government|military|army|police|spokes"
    r"(?:man|woman|person)|governor|authorities|administration|commissioner|source|sources|"
    r"statement|office|forces|commander|president|premier|prime minister|embassy|ambassador|head|chief|"
    r"director|department|headquarters|directorate|council|services?|corps|guards?|deputy|authority|cabinet|"
    r"lawmakers?|mps?|mnas?|mpas?|senators?|parliamentarians?|member of parliament|representative of|"
    r"administrator|magistrate|inspector|superintendent|mayor|officer|secretary|mofa|mfa)\b"
)
_GENERIC = re.compile(
    r"(?:the |an? |some |several |other |unnamed |senior |local |security |government |two |three )*"
    r"(?:officials?|sources?|authorities|an official|a source)(?: said| say)?"
)
_PERSON_WORDS = re.compile(
    r"\b(?:villagers?|residents?|witness(?:es)?|survivors?|relatives?|locals?|tribal elders?|"
    r"elders?|mother|father|brothers?|sisters?|family|man|woman|shopkeeper|farmer|teacher|people|"
    # "my cousin in Koh-e-Sabz", "a friend in Saravan": unnamed, a private person
    r"friends?|cousins?|uncles?|aunts?|nephews?|nieces?|wife|husband|"
    r"neighbou?rs?|eyewitness(?:es)?|onlookers?|bystanders?|mourners?|"
    # social media's anonymous voices: "posts on X claimed", "users also claimed"
    r"posts?|users?|accounts?|tweets?|bloggers?)\b"
)
SIDE_OF_COUNTRY = {"IRN": "iran_official", "PAK": "pakistan_official"}  # a dateline's country: its officials' side
# "Dad Karim, a neighbour", "Shabir Rind, a Quetta-based rights activist": a person quoted by name
# for no organisation (SCHEMA.md: an interviewee quoted by name is an analyst)
_NAMED = re.compile(r"((?:[A-Z][\w'’-]+\.? ){1,3}[A-Z][\w'’-]+),\s+(.+)", re.S)  # ("Mr. Khan, a shopkeeper")
_PRIVATE_ROLE = re.compile(
    r"\b(?:neighbou?r|resident|villager|shopkeeper|farmer|labou?rer|driver|(?:school)?teacher|student|eyewitness|witness|"
    r"survivor|relative|father|mother|brother|sister|uncle|cousin|son|daughter|widow|elder|activist|trader|"
    r"fisherman|shepherd|grandfather|grandmother|nephew|niece)s?\b"
)
_FOR_ORG = re.compile(r"\b(?:of|for|at|with) (?:the )?[A-Z]")  # ("a tribal elder from Koh-e-Sabz": a place)
# ("Baloch Voice, a news website run by exiled activists": an outlet or a group, not a person)
# the last word of an organisation's name: "Sarhad Rights Watch", "Baloch Families Forum"
_ORG_NAME = re.compile(
    r"\b(?:Watch|Forum|Monitor|Network|Council|Commission|Committee|Foundation|Institute|Centre|Center|"
    r"Society|Association|Union|Front|Army|Group|Trust|Initiative|Desk|Project|Movement|Alliance)\b"
)
_ORG_WORDS = re.compile(
    r"\b(?:website|site|group|organi[sz]ation|network|news|monitor|agency|channel|newspaper|paper|daily|page|"
    r"account|outlet|party|movement|committee|alliance|run by)\b"
)


_RELAYED_BY = re.compile(r",\s*(?:carried|quoted|cited|relayed|reported|published) by [^,]*(?:,|$)")


def _side_label(head: list, name: str) -> bool:
    """ "Pakistan MoFA: 2 killed", "Iran: nine killed": a side's name as a label, every word
    capitalised (no topic's words: "Iranian strike in Panjgur:"), neither a dateline's city
    ("QUETTA:", "TEHRAN:") nor both sides ("Iran-Pakistan: in brief")."""
    low = name.lower()
    return (
        len(head) <= 4
        and all(t.text[:1].isupper() for t in head)
        and classify(name) in SIDE_TYPES
        and not any(t.lower_ in _PLACE_ONLY | _CITIES for t in head)
        and not ("iran" in low and "pakistan" in low)
    )


def _named_person(phrase: str) -> bool:
    """ "Dad Karim, a neighbour", "A relative, Mahnaz Bibi", "Local elder Haji Abdul Ghafoor": a
    person named with a private role, in either order (SCHEMA.md: an analyst)."""
    named = _NAMED.match(phrase)
    if named and is_name(named.group(1)) and not _ORG_NAME.search(named.group(1)):
        # (not "Sarhad Rights Watch, which compiled names from relatives": an organisation's name)
        role = named.group(2)
    else:
        parts = phrase.split(",")
        name = next((x.strip() for x in parts[1:3] if is_name(x.strip())), None)
        role = parts[0]
        if name is None:  # "Local elder Haji Abdul Ghafoor Baloch": the role, then the name
            m = re.match(r"((?:[A-Za-z-]+ ){0,3}?[a-z-]+) ((?:[A-Z][\w'’-]+ ?){2,4})$", phrase)
            if not (m and is_name(m.group(2)) and not re.search(r"[A-Z]", m.group(1)[1:])):
                return False
            role = m.group(1)
    return _private_role(role) and not OFFICIAL.search(role.lower()) and not _FOR_ORG.search(role)


def _private_role(role: str) -> bool:
    """ "a neighbour", "a Quetta-based rights activist": a person's own role, not an organisation."""
    low = role.lower()
    return bool(_PRIVATE_ROLE.search(low)) and not _ORG_WORDS.search(low)


def classify(phrase: str, home: str | None = None) -> str | None:
    """The claimant type of a speaker phrase, or None when it names no one.

    ``home`` is the article's dateline country (IRN / PAK): an unnamed "official" or "police" in
    a report filed from Quetta is Pakistan's.
    """
    # "A statement from the main hospital, carried by local outlets": who relays it is not who speaks
    phrase = _RELAYED_BY.sub("", phrase)
    p = phrase.lower()
    if _named_person(phrase.strip()):
        return "analyst"
    if _STATE_MEDIA.search(p):
        for ctype in ("iran_official", "pakistan_official"):
            if _RULE[ctype].search(p):
                return ctype
        return SIDE_OF_COUNTRY.get(home or "", "media")  # "state media" in a story from Tehran
    if _PRIVATE_OUTLET.search(p) and not STATE_OUTLET.search(phrase):
        return "media"  # "the Pakistani daily Sahil Express": a nationality, not a side
    sides = {c: m for c in SIDE_TYPES if (m := _RULE[c].search(p))}
    for ctype, rule in _RULES:
        if ctype == "media" and _WING.search(p):
            continue  # "the military's media wing": an office of the military, not an outlet
        m = sides.get(ctype) if ctype in SIDE_TYPES else rule.search(p)
        if (
            len(sides) == 2
            and ctype in sides
            and m.start() > min(x.start() for x in sides.values())
            and _SEATED.search(p[: m.start()])
        ):
            continue  # "Pakistan's embassy in Tehran": whose office, not where it sits
        if m and ctype in ("iran_official", "pakistan_official") and m.group(0) in _PLACE_ONLY:
            # "local media in Sistan and Baluchestan", "the people I've talked to in Saravan": a
            # place says where they are, not whose side speaks
            if _RULE["media"].search(p) and not OFFICIAL.search(p):
                return "media"
            if _PERSON_WORDS.search(p) and not OFFICIAL.search(p) or re.match(r"(?:\w+ )*sources? in\b", p):
                return "unattributed"  # "sources in Saravan": where they are, not whose they are
        if m and ctype in ("iran_official", "pakistan_official") and _MEDIA_IN.search(p) and not _STATE_MEDIA.search(p):
            return "media"  # "local media in Iran"
        if m:
            return ctype
    if OFFICIAL.search(p):
        # A specific office ("the interior minister", "police") is the home side's; generic
        # "officials" or "sources" with no side given stay unattributed (SCHEMA.md).
        if _GENERIC.fullmatch(p.strip()):
            return "unattributed"
        return SIDE_OF_COUNTRY.get(home or "", "unattributed")
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
    where = re.sub(r"\s+(?:in|at|from)\s.*$", "", p.strip())  # "sources in Saravan": where, not whose
    ctype = classify(name)
    if ctype not in ("media", "unattributed") or _GENERIC.fullmatch(where):
        return None
    # an outlet's "service" or "office" is still the outlet: "the BBC's Persian service"
    if _STATE_MEDIA.search(p) or ctype == "unattributed" and OFFICIAL.search(p):
        return SIDE_OF_COUNTRY.get(country or "")
    return None


# (not "dawn": "Dawn reports" is a paper)
_WHEN = frozenset([*WEEKDAYS, *"morning afternoon evening night tonight today yesterday midday noon midnight".split()])


def _claimed_deed(doc, a: int, i: int) -> bool:
    """Whether "claimed" at token ``i`` is an attack's claim of responsibility, not a figure's
    source: "a suicide car bomb claimed by the group killed 27", "the Kerman bombing, which killed
    some 95 people and was claimed by the Islamic State" (the attack named up to 20 words back),
    "Kerman -- 95 killed (Ministry of Health), claimed by ISKP" (an armed group claims attacks)."""
    if doc[i].lower_ != "claimed":
        return False
    after = " ".join(x.lower_ for x in doc[i + 2 : i + 7])
    return bool({x.lower_ for x in doc[max(a, i - 20) : i]} & _CLAIMED_DEEDS or _ARMED.search(after))


def _clean(tokens) -> tuple[str, int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].lower_ in ("the", "a", "an", "in", "by", "from", "what") or toks[0].is_punct):
        toks = toks[1:]
    # "By Wednesday afternoon Lango had revised", "On Monday it updated", "Early on Thursday
    # Pakistan's military said": when, not who
    while len(toks) > 1 and (
        toks[0].lower_ in _WHEN
        or toks[0].lower_ in ("on", "early", "late", "later", "earlier")
        and toks[1].lower_ in _WHEN | {"on"}
    ):
        toks = toks[1:]
    while toks and toks[0].lower_ in ("the", "a", "an"):  # "By midday the Foreign Office had said"
        toks = toks[1:]
    # ("FRM has independently confirmed": an adverb in lower case is no part of a name)
    while toks and (
        toks[-1].is_punct
        or toks[-1].lower_ in TRAILING
        or len(toks) > 1
        and toks[-1].text.islower()
        and toks[-1].text.endswith("ly")
        and len(toks[-1].text) > 4
        and toks[-1].text not in _LY_NOUNS
    ):
        toks = toks[:-1]
    if not toks or len(toks) == 1 and toks[0].lower_ in _WHEN:
        return None  # "a message forwarded since Wednesday says": a day says nothing
    text = toks[0].doc[toks[0].i : toks[-1].i + 1].text  # (Doc.text would rebuild the whole text)
    text = re.sub(r"(?:[’']s)?\s+statement$", "", text)
    return text, toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _before(doc, i: int, a: int) -> list:
    """The tokens before token ``i`` back to a clause boundary (at most 10)."""
    out = []
    j = i - 1
    if j > a and doc[j].text == ")":  # "the … Authority (PDMA) said": past the acronym
        k = next((x.i for x in reversed(list(doc[max(a, j - 5) : j])) if x.text == "("), None)
        inner = doc[k + 1 : j] if k is not None else []
        if (
            k is not None
            and (
                _acronym(doc, k, inner.text)
                # "The Director General (Consular) informed", "The Additional Secretary (AFWA)
                # briefed": a title's own bracket, its branch or division
                or k > a
                and doc[k - 1].text[:1].isupper()
                and all(x.text[:1].isupper() for x in inner)
                and (
                    not any(x.text.isupper() for x in inner)
                    or len(inner) == 1
                    and 2 <= len(inner.text) <= 8
                    and classify(inner.text) is None
                )  # (but "the Office for … Affairs (OCHA)": the bracket names who speaks)
                and len(inner) <= 3
            )
        ):
            j = k - 1
    while j > a and doc[j].lower_ in (
        "now",
        "also",
        "later",
        "earlier",
        "today",
        "separately",
        "first",
        "initially",
        "since",
        "still",
    ):
        j -= 1  # "Iranian state television, quoting the same deputy governor, now says"
    if j > a and doc[j].text == ",":
        # "A Pakistani official, speaking on condition of anonymity, said": skip the aside
        k = j - 1
        while k > a and doc[k].text != "," and j - k < 20:
            k -= 1
        if doc[k].text == "," and k + 1 < j and doc[k + 1].lower_ in ("citing", "quoting"):
            cited = [x for x in doc[k + 2 : j] if not x.is_space]
            phrase = " ".join(x.text for x in cited)
            ctype = classify(phrase) if _names(cited) else None
            if ctype not in ("media", None) and (ctype != "unattributed" or OFFICIAL.search(phrase.lower())):
                # "Reuters, citing police in Balochistan, reports": the police; "Reuters, quoting a
                # resident, reports" stays Reuters' (a resident is no side: SCHEMA.md)
                return cited
            j = k - 1
        elif doc[k].text == "," and k + 1 < j and (doc[k + 1].lower_ in ASIDE_START or _participle(doc[k + 1])):
            j = k - 1  # "Tasnim news agency, revisiting the Kerman bombing …, said": the agency
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
        if t.lower_ == "who" and j > a and doc[j - 1].text[:1].isalpha():
            return _before(doc, j, a)  # "The Levies officer who drove me there reckoned": the officer
        if t.text in ("-", "--") and not (t.whitespace_ and doc[j - 1].whitespace_):
            out.insert(0, t)  # "Jaish al-Adl": a hyphen inside a name, not a dash
            j -= 1
            continue
        if t.ent_type_ and j > a and doc[j - 1].lower_ in MONTHS:
            out[:0] = [doc[j - 1], t]  # "Your report of January 18 stated": a day, inside the name
            j -= 2
            continue
        if t.lower_ in MONTHS and j > a and doc[j - 1].ent_type_:
            out[:0] = [doc[j - 1], t]  # "The Foreign Office briefing of 17 January spoke of"
            j -= 2
            continue
        if t.lower_ == "and" and out and (both := _conjoined(doc, j, a, out)):
            return both  # "IRNA and the provincial government still say 9": one voice, IRNA's side
        if t.text in BOUNDARY or t.lower_ in STOP_BEFORE or t.is_space or t.ent_type_:
            break
        out.insert(0, t)
        j -= 1
    return out


def _conjoined(doc, j: int, a: int, out: list) -> list | None:
    """ "IRNA and the provincial government": the two speakers joined at token ``j`` ("and") when
    the one after it names no side and the one before is a short name that does; None otherwise
    (a new clause: "Pakistan retaliated and the government says")."""
    if classify(" ".join(x.text for x in out)) not in (None, "unattributed"):
        return None
    k = j
    while k - 1 >= a and j - k < 5 and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in ("the", "'s", "’s")):
        k -= 1
    first = [x for x in doc[k:j] if x.lower_ != "the"]
    if not first or (k > a and doc[k - 1].text not in BOUNDARY and doc[k - 1].lower_ not in STOP_BEFORE):
        return None
    return list(doc[k : j + 1]) + out if classify(" ".join(x.text for x in first)) in SIDE_TYPES else None


_OWN_FIGURE_FOLLOWS = frozenset("is was remains stands stood says said of : ( at gives gave".split())


def _name_before(doc, i: int, a: int) -> list:
    """The capitalised words just before token ``i`` (not before ``a``): whose figure or claim it
    is in "The Foreign Office figure is …", "Islamabad's claim that …", "the Ministry of Foreign
    Affairs figure" (a name's "of" or "for" between its capitalised words)."""
    k = i
    while k > a and (
        doc[k - 1].text[:1].isupper()
        or doc[k - 1].lower_ in ("of", "for")
        and k - 1 > a
        and doc[k - 2].text[:1].isupper()
        and k < i
    ):
        k -= 1
    return list(doc[k:i])


def _participle(t) -> bool:
    """ "revisiting", "writing": an -ing word opening an aside (not "Beijing", not "thing")."""
    return (
        t.is_lower
        and t.is_alpha
        and len(t.text) > 5
        and t.text.endswith("ing")
        and t.text not in ("during", "morning", "evening")
    )


def _names(tokens) -> bool:
    """Whether the words name a speaker at all (a pronoun does: "…, which it claims")."""
    return bool(tokens) and (tokens[0].lower_ in PRONOUNS or classify(" ".join(t.text for t in tokens)) is not None)


def _after(doc, i: int, b: int) -> list:
    out = []
    j = i + 1
    while j < b and len(out) < 12:
        t = doc[j]
        if not out and t.ent_type_ == "CARDINAL" and j + 1 < b and doc[j + 1].is_alpha:
            out.append(t)  # "according to two Pakistani security sources": the sources, counted
            j += 1
            continue
        hyphen = t.text in ("-", "--") and not (t.whitespace_ and doc[j - 1].whitespace_)  # "Lahore-based"
        # "the report of the officials of Sistan and Baluchestan province": a noun, and a name's "and"
        noun = t.lower_ in REPORT_VERBS and doc[j - 1].lower_ in ("the", "a", "an", "its", "their", "his", "her")
        named = t.lower_ == "and" and doc[j - 1].lower_ in ("sistan", "jammu") and j + 1 < b and doc[j + 1].is_title
        if not (hyphen or noun or named) and (
            t.text in BOUNDARY or t.lower_ in STOP_BEFORE or t.is_space or t.lower_ in REPORT_VERBS or t.ent_type_
        ):
            break
        if t.lower_ in ("as", "on", "in", "at", "late", "earlier", "today", "yesterday") and out:
            break
        out.append(t)
        j += 1
    return out


def _apposed(doc, phrase: list, b: int, stop: tuple[str, ...] = ()) -> list:
    """A speaker phrase after its verb with the apposition that follows its comma ("said Baloch,
    the ministry's spokeswoman"; "quotes Ahmad Kiani, deputy governor of …, as saying"), up to
    token ``b``; not past a number or a word of ``stop``."""
    end = phrase[-1].i + 1 if phrase else b
    if (
        phrase
        and end + 1 < b
        and doc[end].text == ","
        and not doc[end + 1].ent_type_
        and doc[end + 1].lower_ not in stop
    ):
        return phrase + [doc[end]] + _after(doc, end, b)
    return phrase


def asides(doc, a: int, b: int) -> list[tuple[int, int]]:
    """A sentence's asides as token spans: relative clauses set off by commas (", which …,",
    ", who …,"), closed before the sentence ends (not brackets: a bracket is often the figure's
    source). In "Pakistan's Foreign Office said Iran's strike, which Tehran said was aimed at
    Jaish al-Adl, killed two children" Tehran says only what the aside says."""
    out = []
    for t in doc[a:b]:
        if t.lower_ not in ("which", "who") or t.i == a or doc[t.i - 1].text != ",":
            continue
        close = next((u.i for u in doc[t.i + 1 : b] if u.text in (",", ";")), None)
        if close is not None and close < b - 1:
            out.append((t.i, close))
    return out


def main_clause(found: list[tuple[int, Speaker]], spans: list[tuple[int, int]]) -> list[tuple[int, Speaker]]:
    """The speakers outside a sentence's asides (none where every speaker is inside one: "the
    raid, which Tehran says …, killed 11" is the sentence's own)."""
    return [f for f in found if not any(s <= f[0] < e for s, e in spans)]


def in_aside(found: list[tuple[int, Speaker]], spans: list[tuple[int, int]], at: int) -> list[tuple[int, Speaker]]:
    """The speakers of the aside the figure at token ``at`` is in ("…, which Islamabad says killed
    two children, …"); empty when it is in none, or in one that names no one."""
    return [f for s, e in spans if s <= at < e for f in found if s <= f[0] < e]


def best(found: list[tuple[int, Speaker]]) -> Speaker | None:
    """The speaker of a sentence from its :func:`speakers`, or None when it names none.

    Pronouns come back as a Speaker of type "pronoun" for the caller to resolve.
    """
    if not found:
        return None
    # "A news website reported that no one was hurt, where it said …": a pronoun after a speaker
    # the sentence names is that speaker
    named = [f for f in found if f[1].type != "pronoun"]
    if named:
        first = min(n[0] for n in named)
        found = [f for f in found if f[1].type != "pronoun" or f[0] < first or f[1].name.lower() in ("we", "our")]
    # "According to the report of our correspondent, the governor stated": the original source
    # (an official) before the channel (media), before the unplaced; what a speaker cites
    # ("Citing a Quetta newspaper, he said") before the speaker.
    # (A side-less source an outlet cites, "citing relatives of the victims", leaves it the outlet's.)
    return min(
        found,
        key=lambda f: (not (f[1].cited and f[1].type != "unattributed"), f[1].channel, RANK.get(f[1].type, 3), f[0]),
    )[1]


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

    def clause(i: int) -> int:  # "…; Iran says", "…, while a local newspaper reported"
        return sum(1 for t in doc[min(i, at) : max(i, at)] if t.text == ";" or t.lower_ in ("while", "whereas"))

    # within a clause, what its reporter cites before the reporter: "Dawn reported that two
    # children were killed, citing the Foreign Office"
    return min(found, key=lambda f: (clause(f[0]), f[1].type == "pronoun", not f[1].cited, abs(f[0] - at)))[1]


def apart(found: list[tuple[int, Speaker]], doc, at: int) -> bool:
    """Whether every speaker of the sentence reports after a colon that follows the figure at
    token ``at`` (a statement of its own; after a semicolon the clause may still source the
    figure: "…; that distance was reported by a Baloch news website"). A source field's colon is
    no statement's: "Killed ........ 9 source: IRNA (Iranian state news agency)"."""
    colons = [t.i for t in doc[at : max((i for i, _ in found), default=at)] if t.text == ":"]
    colons = [c for c in colons if not (c and _names_source(doc, c - 1))]
    return all(i > at and any(c < i for c in colons) for i, _ in found)


def _text(doc) -> str:
    """The document's text, built once (spaCy rebuilds ``Doc.text`` from its tokens each time)."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def _subject(doc, a: int, i: int, kinds: tuple[str, ...] = SIDE_TYPES) -> list:
    """The proper name a sentence opens with, after any dateline ("ISLAMABAD, Jan 17 (Wire) -
    Pakistan on Wednesday condemned"): "Pakistan", "Iran's"; empty when it opens otherwise or
    names no speaker of ``kinds``."""
    start = a
    for t in doc[a : min(i, a + 16)]:
        # (a hyphen inside a name, "Koh-e-Sabz", is no dateline's dash)
        if t.text in ("-", "–", "—", "--", ":") and not (t.text == "-" and t.i > a and not doc[t.i - 1].whitespace_):
            start = t.i + 1
    if start < i and doc[start].lower_ in ("in", "on", "at", "after", "late", "earlier", "later"):
        # "In a statement issued shortly before midnight, Pakistan's Foreign Office called …": past the opening phrase
        start = next((t.i + 1 for t in doc[start : min(i, start + 20)] if t.text == ","), start)
    out = []
    for t in doc[start:i]:
        if not (t.text[:1].isupper() or t.lower_ in ("'s", "’s", "of", "the") and out):
            break
        out.append(t)
    return out if out and classify(" ".join(x.text for x in out)) in kinds else []


def _office_subject(doc, a: int, i: int) -> list:
    """An office a sentence opens with by its capitalised name alone ("The Ministry of Foreign
    Affairs condemned … and stated that …"): whose it is, the article tells (its home, its voice);
    empty for a name that is no office."""
    out = _subject(doc, a, i, ("unattributed",))
    return out if out and OFFICIAL.search(" ".join(x.text for x in out).lower()) else []


def _noun_subject(doc, a: int, i: int) -> list:
    """The noun phrase a sentence opens with, up to its relative clause or first comma ("A Baloch
    human rights campaign that documents abuses … published … and said"), where it names an
    organisation or an outlet; else empty."""
    if doc[a].lower_ not in ("a", "an", "the"):
        return []
    out = []
    for t in doc[a + 1 : min(i, a + 9)]:
        if t.lower_ in STOP_BEFORE or t.text in BOUNDARY or t.lower_ in REPORT_VERBS:
            break
        out.append(t)
    ctype = classify(" ".join(x.text for x in out)) if out else None
    return out if ctype in ("other_official", "media") else []


def _seat(doc, a: int, i: int, name: str) -> str | None:
    """ "In Tehran, the foreign ministry said": the seat named before a side-less office says whose."""
    if classify(name) != "unattributed" or not OFFICIAL.search(name.lower()):
        return None
    seat = _SEAT.search(doc[a:i].text.lower())
    if seat is None:  # "according to security officials in Islamabad": the seat right after the name
        after = _text(doc)[doc[i].idx : doc[min(i + len(name.split()) + 5, len(doc) - 1)].idx + 12].lower()
        seat = _SEAT.search(after) if name.lower() in after else None
    if seat is None:
        return None
    return "iran_official" if (seat.group(1) or seat.group(2)) in ("tehran", "iranian") else "pakistan_official"


_QUOTE_MARKS = frozenset(['"', "“", "”"])


def _quoted(doc, a: int, b: int) -> list[tuple[int, int]]:
    """Character spans inside quotation marks in tokens [a, b): closed pairs, and a quote the
    sentence opens with and does not close. A straight mark after a word or a comma closes a
    quote the sentence began in ('…150 border guards," he says.'), it opens none."""
    out, start = [], None
    for t in (doc[i] for i in nlp.positions(doc, a, b, _QUOTE_MARKS, "ORTH")):
        opener = t.text == "“" or t.text == '"' and (t.i == a or bool(doc[t.i - 1].whitespace_))
        if start is None and opener:
            start = t.idx
        elif start is not None and not (t.text == "“"):
            out.append((start, t.idx))
            start = None
    if start is not None and start == doc[a].idx:
        out.append((start, doc[b - 1].idx + len(doc[b - 1].text)))
    return out


def _acronym(doc, i: int, inner: str) -> bool:
    """ "Islamic Revolutionary Guard Corps (IRGC)": the bracket spells the words before it."""
    if not (inner.isupper() and 2 <= len(inner) <= 8):
        return False
    initials = "".join(t.text[0] for t in doc[max(0, i - len(inner) - 2) : i] if t.text[:1].isupper())
    return inner in initials


def _progressive(doc, i: int, a: int) -> bool:
    """ "is reporting", "was quoting", "Iran's saying": a verb in -ing after a form of "be"."""
    while i - 1 > a and doc[i - 1].lower_ in ("now", "also", "still", "already"):
        i -= 1  # "IRNA is now quoting"
    return i > a and doc[i - 1].lower_ in ("is", "are", "was", "were", "been", "'s", "’s", "'re", "’re")


def _relayed(doc, a: int, b: int, name: str, ctype: str | None) -> str | None:
    """``ctype``, or, for a speaker whose ``name`` gives no side, the side of the state outlet
    the sentence says they told or were quoted by ("a deputy governor told IRIB": Iran's,
    whatever the dateline)."""
    if classify(name) != "unattributed":
        return ctype
    m = _RELAY.search(doc[a:b].text)
    if m is None:
        return ctype
    if is_name(name.split(",")[0].strip()) and _private_role(doc[a:b].text[: m.start()]):
        return ctype  # "A local resident, Abdolmalek Baluchzehi, 52, told IRNA": the resident's, no side
    outlet = m.group("to") or m.group("by")
    side = classify(outlet)
    if side not in SIDE_TYPES:  # "Pakistani television": a private outlet of that country
        side = "iran_official" if outlet.lower().startswith("iran") else "pakistan_official"
    return side


# an alert's number or a time before a label: "AL-55830", "00:18"
_STAMP = re.compile(r"[A-Za-z]{0,4}-?\d[\d:./-]*")
# "we understand from X that …": what one learns a figure from someone by
_LEARNT = frozenset("understand understood learn learned learnt heard hear told informed gathered".split())
# what can come from a source: "The highest count comes from …"
_SOURCED = frozenset(
    "count counts figure figures number numbers toll tally estimate estimates claim claims report reports word "
    "information confirmation account accounts version list".split()
)


# Roman Urdu's reporting words, each after its particle: "DC office ke mutabiq" (according to the
# DC office), "FO ne kaha" (the FO said); the speaker is the phrase before the particle
_URDU_REPORTING = {"mutabiq": ("ke", "kay"), "kaha": ("ne",)}
# every word :func:`speakers` reads a report from (its loop's tests of ``lower``)
_SPEAKER_CUES = (
    REPORT_VERBS
    | COUNT_NOUNS
    | _CLAIM_NOUNS
    | _CARRYING
    | frozenset(
        "according per place spoke report reports reporting saying claiming adding insisting quotes quoted cites "
        "cited quoting citing sticking stuck sticks stick held holds holding "
        "toll figure figures count tally found finds concluded concludes from by reading assessment calculation "
        "measurement review analysis geolocation statement communique communiqué 's ’s".split()
    )
    | frozenset(_URDU_REPORTING)
)


_HOLDS = frozenset("held holds hold stuck sticks kept keeps stayed stays clung clings adhered".split())
_LINE = frozenset("line position figure figures account version count toll stance".split())


def _held_line(doc, a: int, colon: int) -> int | None:
    """The token of "held" in "X held to its public line:", "X stuck to its figures:" (a
    speaker's stated position, given after the colon) ending at ``colon``, or None."""
    if colon - 2 < a or doc[colon - 1].lower_ not in _LINE:
        return None
    for t in doc[max(a, colon - 6) : colon - 1]:
        if t.lower_ in _HOLDS and doc[t.i + 1].lower_ == "to":
            return t.i
    return None


# the types a name alone speaks for: a side, another organisation, an outlet (not a person, nor
# an unnamed "officials")
_SPEAKING = (*SIDE_TYPES, "other_official", "media")


def _speaker(clean: tuple[str, int, int], ctype: str | None) -> Speaker:
    """The speaker a cleaned name (:func:`_clean`: its words and span) names, under its usual name."""
    name, start, end = clean
    return Speaker(NAMES.get(name.lower(), name), ctype, start, end)


def _known_label(head: list, name: str) -> bool:
    """A label's words that name a speaker by themselves: a state outlet ("IRNA:"), ISPR, or a
    side's name in capitals ("Pakistan MoFA:"), not a topic ("Iranian strike in Panjgur:")."""
    return bool(STATE_OUTLET.fullmatch(name)) or name == "ISPR" or _side_label(head, name)


def _bracket_labels(doc, a: int, b: int) -> list[tuple[int, Speaker]]:
    """A side's label that opens a bracket anywhere in the sentence: "… on Tuesday (Foreign Office:
    2 children killed, 3 girls hurt) to …" speaks for what the bracket holds, from its opening."""
    out = []
    for t in doc[a:b]:
        if t.text not in ("(", "["):
            continue
        colon = next((x.i for x in doc[t.i + 1 : min(b, t.i + 6)] if x.text in (":", ")", "]")), None)
        if colon is None or doc[colon].text != ":":
            continue  # ("Source A (IRNA, first report):" is a label after the bracket, not inside it)
        head = [x for x in doc[t.i + 1 : colon] if not x.is_space]
        clean = _clean(head) if head else None
        if clean and _known_label(head, clean[0]):
            out.append((t.i, _speaker(clean, classify(clean[0]))))
    return out


def speakers(doc, a: int, b: int, home: str | None = None) -> list[tuple[int, Speaker]]:
    """Every speaker named in the sentence in tokens [a, b), with the token of its reporting
    word (the verb, "according", the bracket)."""
    found: list[tuple[int, Speaker]] = []
    # "09:40 - Iranian state TV: at least seven killed"; "ANCHOR: …" (a label, not a claimant)
    # "- Casualties: Pakistan's Foreign Office: two children killed": a label, then the speaker
    # "- 10 Jan: JAA-claimed attack near Rask; IR state media: one police officer killed": after the ";"
    colons = [t.i for t in doc[a : min(b, a + 18)] if t.text == ":"][:2]
    for lo, colon in zip([a, *[c + 1 for c in colons]], colons, strict=False):
        cut = max([lo, *(t.i + 1 for t in doc[lo:colon] if t.text == ";")])
        if colon - a >= 14 and (cut == lo or colon - cut > 6):
            continue  # past a short label's reach: a clause that ends in a colon, unless a ";" began a label
        hold = _held_line(doc, cut, colon)
        if hold is not None:
            # "…, MFA held to its public line: two children killed": who holds the line speaks
            cut = max([cut, *(t.i + 1 for t in doc[cut:hold] if t.text == ",")])
            colon = hold
        head = [t for t in doc[cut:colon] if not (t.like_num or t.text in "-–—" or ":" in t.text or t.is_space)]
        # "AL-55830  17-01-2024 00:18  PAK FO: …": an alert's number and time, then its label
        head = head[1 + max((k for k, t in enumerate(head) if _STAMP.fullmatch(t.text)), default=-1) :]
        if head and head[-1].lower_ in ("said", "says", "told", "stated", "added", "wrote", "writes"):
            continue  # "In Panjgur, the deputy commissioner said: …": a clause, whose verb is read below
        clean = _clean(head)
        if clean and re.search(r"\b(?:ID|No|Ref|Vol|Issue)\.?$", clean[0]):
            break  # "News ID: 85371142": a page's reference, no speaker
        same = clean[0].lower().split(",")[0].split() if clean else []
        if same[:1] == ["same"] and 1 < len(same) <= 3 and is_generic(" ".join(same[1:])):
            # "Same official, live by phone: the toll has risen to nine": the one quoted before
            found.append((a, Speaker(clean[0], "pronoun", clean[1], clean[2])))
            break
        # a speaker, not a topic: "Iranian state TV:", not "Iranian strike in Panjgur:"
        # a known outlet or an organisation's acronym ("KRG:", "OCHA:"), not a dateline ("QUETTA:")
        known = bool(clean) and bool(
            _known_label(head, clean[0])
            or (clean[0].isalpha() and len(clean[0]) <= 5 and classify(clean[0]) == "other_official")
            or hold is not None  # ("Tehran kept to its figures:": a speaker, by what it does)
        )
        if clean and (
            known
            or OFFICIAL.search(clean[0].lower())
            or _STATE_MEDIA.search(clean[0].lower())
            or not clean[0].isupper()
            and _RULE["media"].search(clean[0].lower())
        ):
            ctype = classify(clean[0])
            if ctype in _SPEAKING:
                found.append((a, _speaker(clean, ctype)))
                break
        # "ANALYST NADIA QURESHI: IRANIAN MISSILES TRAVELLED …": an expert's label, title then name
        label = clean[0].rsplit("|", 1)[-1].strip() if clean else ""  # (a log's "17:10 | ANL | …" columns)
        if re.match(r"(?i)(?:analyst|expert|professor|prof\.?|researcher|dr\.?)\s+\w+\s+\w+$", label):
            found.append((a, Speaker(label, "analyst", clean[2] - len(label), clean[2])))
            break
    found.extend(_bracket_labels(doc, a, b))
    quoted = _quoted(doc, a, b)
    for t in (doc[i] for i in nlp.positions(doc, a, b, _SPEAKER_CUES)):  # the words read below, no other
        lower = t.lower_
        phrase = None
        channel = False
        if any(s <= t.idx < e for s, e in quoted):
            continue  # '"… Tehran hurried to tell the world …," said X': the quote's words, not a report
        if lower in ("report", "reports") and t.i > a and doc[t.i - 1].lower_ in _NOUN_BEFORE:
            continue  # "Your report quoted …", "the reports say": a noun, not a verb
        if lower == "place" and not (t.i + 1 < b and doc[t.i + 1].lower_ in ("the", "it", "them", "its", "their")):
            continue  # "officials place the site at …" reports; "took place", "the resting place of" do not
        if lower == "according" and t.i + 1 < b and doc[t.i + 1].lower_ == "to":
            phrase = _after(doc, t.i + 1, b)
            by = next((x.i for x in phrase if x.lower_ == "by"), None)
            end = phrase[-1].i + 1 if phrase else b
            if by is None and end + 1 < b and doc[end].lower_ in BY_VERBS | {"cited"} and doc[end + 1].lower_ == "by":
                by = end + 1  # "according to figures cited by Iranian officials"
            if by is not None and classify(" ".join(x.text for x in phrase if x.i < by)) is None:
                phrase = [x for x in _after(doc, by, b) if x.i < b]  # "according to information gathered by FRM"
                phrase = phrase[: next((k for k, x in enumerate(phrase) if x.lower_ in ("from", "with")), None)]
        elif lower == "per" and t.i > a and (doc[t.i - 1].text == "," or doc[t.i - 1].lower_ == "as"):
            # ", per Tehran"; "As per the report furnished by the Deputy Commissioner": its author
            by = next((x.i for x in doc[t.i + 1 : min(b, t.i + 8)] if x.lower_ == "by"), None)
            phrase = _after(doc, by if by is not None else t.i, b)
        elif lower == "per":
            # "Per the Foreign Office's statement, 2 children …", "9 fatalities per Iranian
            # authorities", "killed 1 officer per IRNA", "village ~90km inside Iran per local
            # media": a source only if the words after it name one (not "per cent", "per site",
            # "one officer per post")
            after = _after(doc, t.i, b)
            named = _clean(after) if after else None
            if named and classify(named[0]) in _SPEAKING:
                phrase = after
        elif lower in _URDU_REPORTING:
            if not (t.i - 1 > a and doc[t.i - 1].lower_ in _URDU_REPORTING[lower]):
                continue
            phrase = _before(doc, t.i - 1, a)
        elif lower in REPORT_VERBS and t.i > a and doc[t.i - 1].lower_ in ("not", "n't", "never"):
            continue  # "a report Iranian officials have not confirmed": no one gives it
        elif lower in ("reporting", "saying", "claiming") and _progressive(doc, t.i, a):
            phrase = _before(doc, t.i - 1, a)  # "The Baloch Voice, a news website …, is reporting that"
        elif lower in _CARRYING and (
            any(x.lower_ in _CARRIED for x in doc[t.i + 1 : min(b, t.i + 8)])
            or t.i + 1 < b
            and doc[t.i + 1].text in ('"', "“")  # 'channels are running "90 km inside Iran"'
        ):
            # "IRNA carried the deputy governor's toll", "a channel ran a ticker"
            phrase = _before(doc, t.i - 1 if _progressive(doc, t.i, a) else t.i, a)
        elif lower == "spoke" and (t.i + 1 >= b or doc[t.i + 1].lower_ not in ("of", "about")):
            continue  # "first spoke of three dead" reports; "spoke by telephone" does not
        elif (
            lower in ("quotes", "quoted", "cites", "cited")
            and not (t.i > a and doc[t.i - 1].lower_ in ("was", "were", "is", "are", "been", "being", "be"))
            or lower in ("quoting", "citing")
            and _progressive(doc, t.i, a)
        ) and any(
            x.lower_ == "as" and doc[x.i + 1].lower_ in ("saying", "stating")
            for x in doc[t.i + 1 : min(b - 1, t.i + 20)]
        ):
            # "Tasnim quoted a local official as saying": the official, the outlet only relays
            # (but "an official was quoted by Sahil News as saying": the official, before the verb);
            # "IRIB quotes Ahmad Kiani, deputy governor of …, as saying": the name and its role
            phrase = _apposed(doc, _after(doc, t.i, b), b, stop=("as",))
        elif (
            lower in ("sticking", "stuck", "sticks", "stick", "held", "holds", "holding")
            and t.i + 1 < b
            and doc[t.i + 1].lower_ in ("to", "with")
        ):
            phrase = _before(doc, t.i, a)  # "Iranian officials are sticking to a figure of nine dead"
        elif (
            lower in ("toll", "figure", "count", "tally")
            and t.i - 3 >= a
            and doc[t.i - 1].lower_ in ("official", "latest", "updated", "revised", "initial", "final", "provisional")
            and doc[t.i - 2].lower_ in ("'s", "’s")
        ):
            phrase = _before(doc, t.i - 2, a)  # "Iran's official toll now stands at 95"
        elif lower in ("found", "finds", "concluded", "concludes") and t.i + 1 < b and doc[t.i + 1].lower_ == "that":
            phrase = _before(doc, t.i, a)  # "Human Rights Watch found that the strike killed two": a finding
        elif lower in REPORT_VERBS and t.i > a and doc[t.i - 1].lower_ in ("'s", "’s"):
            # "Tehran's stated motive": an adjective, no report; "Iran's reported toll": Iran's count
            if t.i + 1 < b and doc[t.i + 1].lower_ in COUNT_NOUNS | {"toll", "figure", "number"}:
                phrase = [doc[t.i - 2]] if t.i - 2 >= a else None
        elif lower in REPORT_VERBS:
            passive = (
                t.i > a
                and doc[t.i - 1].lower_ in ("been", "was", "were", "is", "are", "be", "being")
                and not lower.endswith("ing")  # "is telling us": not passive
                and lower not in ("quoted", "cited")  # "an official was quoted by Sahil News as saying": the official
            )
            # "No casualties have been reported": what comes before a passive verb is what was said
            phrase = [] if passive else _before(doc, t.i, a)
            if phrase and any(x.lower_ in _DISTANCES for x in doc[max(a, phrase[0].i - 2) : t.i]):
                continue  # "~90 km distance inside Iran reported for the strike": a measure, no speaker
            nxt = doc[t.i + 1] if t.i + 1 < b else None
            # "a bombing claimed by Jaish al-Adl", "which the group claimed,": responsibility, not a report
            if (
                lower in ("claimed", "claims", "claim")
                and not (nxt is not None and nxt.lower_ == "that")  # "claimed that the attack had killed seven"
                and (
                    nxt is None
                    or nxt.lower_ in ("by", "responsibility", "lives")
                    or nxt.is_punct
                    or (
                        nxt.lower_ == "the" and t.i + 2 < b and doc[t.i + 2].lower_ == "lives"
                    )  # "claimed the lives of"
                    or any(x.lower_ in _DEEDS for x in doc[t.i + 1 : min(b, t.i + 5)])  # "claimed a December attack"
                    # "…, killing 27; Jaish al-Adl claimed it"
                    or nxt.lower_ in ("it", "them")
                    and (t.i + 2 >= b or doc[t.i + 2].is_punct)
                )
            ):
                continue
            if lower in ("recalled", "recalls") and any(x.lower_ in _ENVOYS for x in doc[t.i + 1 : min(b, t.i + 4)]):
                continue  # "recalled its ambassador from Tehran": no report
            if not phrase or (len(phrase) == 1 and phrase[0].lower_ in ("also", "later", "has", "had", "have")):
                # "…," said the governor.   /   "it has said"
                after = _apposed(doc, _after(doc, t.i, b), b)  # "…, said Baloch, the ministry's spokeswoman."
                subject = (
                    (_subject(doc, a, t.i) or _noun_subject(doc, a, t.i) or _office_subject(doc, a, t.i))
                    if not phrase and t.i > a and doc[t.i - 1].lower_ == "and"
                    else []
                )
                if (passive or lower == "saying" and doc[t.i - 1].lower_ == "as") and after and after[0].lower_ != "by":
                    # "was briefed on the Iranian strike": no speaker after a passive but its agent;
                    # "quoted a Levies official as saying the missiles …": what was said, not who
                    after = []
                if subject:
                    phrase = subject  # "Pakistan on Wednesday recalled its ambassador … and said …": the subject
                elif after and (not phrase or phrase[0].lower_ not in ("also", "later", "has", "had", "have")):
                    phrase = after
                    channel = after[0].lower_ == "by"  # "was quoted as saying by the ISNA news agency"
                else:
                    phrase = _before(doc, phrase[0].i, a) if phrase else None
                if lower in ("saying", "adding", "insisting", "claiming", "reporting") and doc[t.i - 1].text == ",":
                    cleaned = _clean(phrase) if phrase else None
                    if cleaned is None or classify(cleaned[0]) is None:
                        # "Pakistan on Wednesday condemned …, saying …"; "The Indus Courier went further, reporting …"
                        phrase = _subject(doc, a, t.i, (*SIDE_TYPES, "media", "other_official")) or phrase
        elif lower in ("citing", "quoting") and (t.i == a or doc[t.i - 1].text == ","):
            # "Citing a report in a Quetta newspaper, he said": the newspaper is the source
            words = []
            for x in doc[t.i + 1 : min(b, t.i + 14)]:
                if x.text in (",", ";", ":", "(", ")") or x.is_space:
                    break
                words.append(x)
            cited = _clean(words)  # "police in Pakistan's Balochistan province": the place says whose
            if cited and (ctype := classify(cited[0], home)) is not None:
                ctype = _relayed(doc, a, b, cited[0], ctype)  # "IRNA, quoting a provincial official"
                # it stands where the verb it feeds stands, for the clause test of for_figure
                end = next((x.i for x in doc[t.i + 1 : b] if x.text == ";"), b)  # not the next clause's verb
                verb = next((x.i for x in doc[t.i + 1 : end] if x.lower_ in REPORT_VERBS), t.i)
                found.append((verb, Speaker(cited[0], ctype, cited[1], cited[2], cited=True)))
            continue
        elif (
            lower == "from"
            and t.i > a
            and doc[t.i - 1].lower_ in ("comes", "come", "came")
            and any(x.lower_ in _SOURCED for x in doc[max(a, t.i - 14) : t.i - 1])
        ):
            # "The highest count … comes from Sarbaz News"; not "the projectiles came from the
            # Iranian side", where something flew
            phrase = _after(doc, t.i, b)
        elif (
            lower == "from"
            and t.i > a
            and doc[t.i - 1].lower_ in _LEARNT
            and any(x.lower_ == "that" for x in doc[t.i + 1 : min(b, t.i + 14)])
        ):
            # "we understand from the office of the Deputy Commissioner, Panjgur, that two
            # children … died", "I heard from the district administration that …": the source is
            # whom they learnt it from
            phrase = _after(doc, t.i, b)
        elif lower in ("figure", "figures", "count") and t.i + 2 < b and doc[t.i + 1].lower_ == "from":
            # "The official figure from the Foreign Office is still three": a name, capitalised (not
            # "the death toll from the strikes", "our count from open sources")
            k = t.i + 2 + (doc[t.i + 2].lower_ == "the")
            phrase = list(doc[k:b])
            phrase = phrase[: next((n for n, x in enumerate(phrase) if not x.text[:1].isupper()), len(phrase))]
            if t.i > a and doc[t.i - 1].lower_ == "no":
                phrase = None  # "there has been no figure from Tehran": no one gives it
        elif (
            lower in COUNT_NOUNS | {"figure", "toll", "statement", "release"}
            and t.i - 1 > a
            and doc[t.i - 1].text[:1].isupper()
            and t.i + 1 < b
            and doc[t.i + 1].lower_ in _OWN_FIGURE_FOLLOWS
        ):
            # "The Foreign Office figure is two children killed", "the Ministry of Foreign Affairs
            # figure at the time was 2 killed", "Foreign Office statement (00:10) says …", "PAK MoFA
            # statement: 2 children killed", "the Foreign Office figure of two children killed"
            # (an office or an outlet: not "the Durand Line figure of 2,640 km")
            phrase = _name_before(doc, t.i, a)
            named = " ".join(x.text for x in phrase)
            if not (OFFICIAL.search(named.lower()) or classify(named) not in (None, "unattributed")):
                phrase = None
        elif (
            lower in COUNT_NOUNS | {"figure", "toll", "numbers"}
            and 0 < t.i - a <= 3
            and all(x.is_alpha and x.lower_ not in _NOT_OWNERS for x in doc[a : t.i])
            and t.i + 1 < b
            and doc[t.i + 1].lower_ in _LABEL_FOLLOWS
            and classify(doc[a : t.i].text) is not None
        ):
            # a sentence that opens on whose figures they are: "Hospital figures: 9 killed",
            # "District administration figures are unchanged: 2 children killed"
            phrase = list(doc[a : t.i])
        elif (
            lower == "by"
            and t.i > a
            and (
                doc[t.i - 1].lower_ in BY_VERBS
                # "a reach inside Iran claimed by some Pakistani media" (not "the attack, claimed by
                # Jaish al-Adl": who claimed an attack gives no figure)
                or doc[t.i - 1].lower_ in _CLAIMED_BY
                and not _claimed_deed(doc, a, t.i - 1)
                # "given to our correspondent by Iranian provincial officials"
                or any(x.lower_ in BY_VERBS and doc[x.i + 1].lower_ == "to" for x in doc[max(a, t.i - 5) : t.i - 1])
            )
        ):
            if t.i - 2 >= a and doc[t.i - 2].lower_ in _MATERIAL:
                continue  # "the village name given by Iranian media, we measured …": what was measured from
            phrase = _after(doc, t.i, b)  # "the toll given by Iranian officials"
        elif lower in ("reports", "report") and "in" in [x.lower_ for x in doc[max(a, t.i - 2) : t.i]]:
            continue  # "the village named in Iranian reports": where a name was found, not who speaks
        elif (
            lower
            in COUNT_NOUNS
            | {"reading", "assessment", "calculation", "measurement", "review", "analysis", "geolocation"}
            and t.i - 1 >= a
            and (owner := doc[t.i - 2] if doc[t.i - 1].lower_ == "own" and t.i - 2 >= a else doc[t.i - 1]).lower_
            in ("his", "her", "their", "our", "my")
        ):
            phrase = [owner]  # "By his estimate", "by her reading of satellite imagery", "our own review"
        elif (
            lower in _CLAIM_NOUNS
            and t.i - 2 >= a
            and doc[t.i - 1].lower_ in ("'s", "’s", "'", "’")
            and t.i + 1 < b
            and (
                doc[t.i + 1].lower_ in ("that", ":")
                or t.i + 2 < b
                and doc[t.i + 1].lower_ in ("is", "was", "remains")
                and doc[t.i + 2].lower_ == "that"
            )
        ):
            # "repeat Islamabad's claim that two children were killed", "the authorities' statement that",
            # "Iran's position is that no civilians were harmed"
            phrase = [*_name_before(doc, t.i - 2, a), doc[t.i - 2]]
        elif (
            lower in COUNT_NOUNS
            and t.i - 2 >= a
            and (k := next((j for j in range(t.i - 1, max(a, t.i - 4) - 1, -1) if doc[j].lower_ == "by"), None))
            is not None
            and all(x.is_alpha and x.lower_ not in _POSSESSIVES for x in doc[k + 1 : t.i])
            and classify(" ".join(x.text for x in doc[k + 1 : t.i])) in SIDE_TYPES
        ):
            phrase = list(doc[k + 1 : t.i])  # "By Pakistani accounts", "by Iranian official estimates"
        elif lower in COUNT_NOUNS | {"figure", "toll"} and t.i - 2 >= a and doc[t.i - 1].lower_ in _OWNED:
            k = t.i - 1
            while k > a and doc[k].lower_ not in ("by", "to", "in"):
                k -= 1
            k += doc[k].lower_ in ("by", "to", "in")  # "by Tehran's own count"; "Tehran's count" from the start
            phrase = [x for x in doc[k : t.i] if x.lower_ != "own"]
        elif (
            lower in COUNT_NOUNS
            and t.i + 1 < b
            and doc[t.i + 1].lower_ == "of"
            and [x.lower_ for x in doc[max(a, t.i - 2) : t.i]] == ["by", "the"]
        ):
            j = t.i + 1
            while j + 1 < b and doc[j + 1].like_num:
                j += 1  # "by the account of two Pakistani security officials"
            phrase = _after(doc, j, b)  # "By the count of the researcher Mehdi Shafiei, …"
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
        if words and words[0] == "same" and len(words) <= 3 and is_generic(" ".join(words[1:])):
            found.append((t.i, Speaker(text, "pronoun", s, e)))  # "The same official now says": the last one
            continue
        if len(words) > 1 and words[0] in ("our", "my") and _PERSON_WORDS.fullmatch(words[1]):
            found.append((t.i, Speaker(text, "unattributed", s, e)))  # "My cousin in Koh-e-Sabz tells me"
            continue
        if words and words[0] in ("our", "my") and lower not in ("said", "says", "told"):
            found.append((t.i, Speaker(words[0], "pronoun", s, e)))  # "Our review of the imagery suggests"
            continue
        if words and words[0] in ("his", "her", "its", "their") and len(words) <= 3 and OFFICIAL.search(text.lower()):
            found.append((t.i, Speaker(text, "pronoun", s, e)))  # "his office said": the last speaker's side
            continue
        if len(words) > 1 and words[-1] in ("it", "they", "he", "she") and lower in ("said", "says", "claimed"):
            # "the names of nine people it said were killed": the pronoun, not "people it"
            found.append((t.i, Speaker(words[-1], "pronoun", e - len(words[-1]), e)))
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
        if owner and ctype not in ("media", "iran_official", "pakistan_official"):  # not "the BBC's Persian service"
            ctype = introduced(owner.group(1), _text(doc), home) or ctype
        if (
            ctype is None
            and len(words) == 1
            and text[:1].isupper()
            and (s > doc[a].idx or text.isupper() or re.search(rf"\b[A-Z][\w'’-]+ {re.escape(text)}\b", _text(doc)))
        ):
            # "…," Yusuf said: a surname the article introduced with a role ("BRM confirmed": an
            # acronym it spelt out; "Qureshi writes" opening a sentence, after "Sana Qureshi"); the
            # wire of the dateline ("ISLAMABAD, Jan 18 (Meridian) -"): an outlet
            filed = re.search(rf"\({re.escape(text)}\)\s*[-–—]", _text(doc))
            ctype = "media" if filed else introduced(text, _text(doc), home) or _short_form(text, _text(doc), home)
        elif ctype == "unattributed" and len(words) == 1 and text[:1].isupper():
            ctype = _short_form(text, _text(doc), home) or ctype  # "the Guards": whose guards, named before
        if ctype is None:
            continue
        if ctype == "unattributed" and lower in ("reports", "reported") and text[:1].isupper() and len(words) <= 4:
            ctype = "media"  # "Border Post reports that …": a name that reports is an outlet's
        ctype = _seat(doc, a, t.i, text) or _relayed(doc, a, b, text, ctype)
        found.append((t.i, Speaker(NAMES.get(text.lower(), text), ctype, s, e, channel)))
    # "We heard on the radio that nine were killed": where the writer heard or read it, when no
    # one is named ("the Foreign Office statement we heard on the radio": the Foreign Office's)
    if not found:
        start = doc[a].idx
        for m in _HEARD.finditer(doc[a:b].text):
            heard = doc.char_span(start + m.start("o"), start + m.end("o"), alignment_mode="expand")
            if heard is not None:
                found.append((heard.start, Speaker(m.group("o"), "media", start + m.start("o"), start + m.end("o"))))
    # "2 killed, 3 injured (Pakistan Foreign Office)": a source in brackets, where none speaks;
    # "Erbil (4 dead per KRG), Panjgur (2 dead per Pakistan)": each bracket its own
    spoken = bool(found)
    for t in doc[a:b]:
        if t.text == "(" and not spoken:
            close = next((x.i for x in doc[t.i + 1 : min(b, t.i + 9)] if x.text == ")"), None)
            if close is not None and close + 1 < b and doc[close + 1].text in ("-", "–", "—", "--", ":"):
                continue  # a dateline's outlet, "ISLAMABAD, Jan 17 (Global Wire) -", says who filed it
            # ("(per KRG)", "(source: Pakistan Foreign Office)": the source after its word)
            per = next((x.i for x in doc[t.i + 1 : close] if _names_source(doc, x.i)), None) if close else None
            if close:  # (its name, before a time or a date: "(IRNA, 18 Jan 10:05)")
                stamped = (x.i for x in doc[t.i + 1 : close] if x.text == "," and doc[x.i + 1].text[:1].isdigit())
                close = next(stamped, close)
            inner = _clean(doc[(per if per is not None else t.i) + 1 : close]) if close else None
            if inner and _acronym(doc, t.i, inner[0]):
                continue  # "the Islamic Revolutionary Guard Corps (IRGC)": a name spelt out, not a source
            if inner and classify(inner[0]) in _SPEAKING:
                found.append((t.i, _speaker(inner, classify(inner[0], home))))
    if not found:
        # "Killed ........ 2 source: Pakistan, Ministry of Foreign Affairs": a row's source field,
        # after its figure (a label opening the line, "Security sources: a dozen militants killed …",
        # is a headline's speaker, read above or not at all)
        for t in doc[a:b]:
            if t.lower_ in ("source", "sources") and _names_source(doc, t.i) and t.i + 2 < b:
                if not any(x.like_num for x in doc[a : t.i]):
                    break
                reach = min(b, t.i + 10)
                end = next((x.i for x in doc[t.i + 2 : reach] if x.text in _FIELD_ENDS or x.is_space), reach)
                inner = _clean(doc[t.i + 2 : end])
                ctype = classify(inner[0], home) if inner else None
                if ctype in _SPEAKING:
                    found.append((t.i, _speaker(inner, ctype)))
                break
    if not found:
        # 'SAY: "Pakistan's Foreign Office said two children were killed …"': a quote no one outside
        # it speaks names its own source
        for qs, qe in quoted:
            inside = [t.i for t in doc[a:b] if qs < t.idx < qe]
            if inside:
                found += speakers(doc, inside[0], inside[-1] + 1, home)
    return found


_FIELD_ENDS = frozenset("( ) [ ] | ; · •".split())


def _names_source(doc, i: int) -> bool:
    """Token ``i`` is the word a source follows: "per" ("4 dead per KRG"), or a source field's
    label ("source: Pakistan Foreign Office", "Sources: IRNA")."""
    t = doc[i]
    return t.lower_ == "per" or t.lower_ in ("source", "sources") and i + 1 < len(doc) and doc[i + 1].text == ":"


_HEARD = re.compile(
    r"\b(?:heard|hear|saw|seen|read|watched)(?: it)? (?:on|in) "
    r"(?P<o>(?:the )?(?:local |state |evening |morning )?(?:radio|television|tv|news|newspapers?|papers?))"
    r"\s*(?=that\b|:|,|[-–—])",  # what was heard follows (before, it is what was heard: "the statement we heard")
    re.I,
)
_MENTION = re.compile(
    r"\b(?:Iranian|Pakistani|Iran['’]s|Pakistan['’]s)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:officials|ministry|military|army|government|authorities|police|media|foreign office)\b"
)


def mentioned(sentence: str, offset: int, home: str | None = None, person: bool = False) -> Speaker | None:
    """A side's officials named in a sentence without speaking ("Iranian officials changed
    theirs."): whom a "they" in the next sentence refers to; with ``person``, an official met
    ("I spoke to the deputy commissioner of Panjgur."): whom a "he" or "she" refers to."""
    m = (_OFFICE_OF.search(sentence) if person else None) or _MENTION.search(sentence)
    if m is None:
        return None
    ctype = classify(m.group(0), home)
    return Speaker(m.group(0), ctype, offset + m.start(), offset + m.end()) if ctype else None


_OFFICE_OF = re.compile(
    r"\bthe (?:deputy |assistant |district |provincial )?(?:commissioner|governor|minister|spokes(?:man|woman|person)|"
    r"superintendent|police chief|chief|director|officer|ambassador)"
    r"(?: (?:of|for|in) (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)?"
)


SCHOLARLY = re.compile(
    r"\b(?:dr|professor|centre|center|institute|university|studies|studied|analyst|researcher|fellow|expert|"
    r"author of|specialist|scholar|consultancy|think[- ]tank)\b",
    re.I,
)


def is_generic(phrase: str) -> bool:
    """ "officials", "security sources": no side, no office."""
    return bool(_GENERIC.fullmatch(phrase.lower().strip()))


def is_name(phrase: str) -> bool:
    """A person's name and nothing else ("Hossein Zarei", "Mohammad-Reza Shahbakhsh")."""
    words = phrase.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not OFFICIAL.search(phrase.lower())


# a distance's unit: what it measures is no speaker
_DISTANCES = frozenset("km kms kilometres kilometers kilometre kilometer miles mi".split())
_POSSESSIVES = frozenset("his her their our my its".split())
# "Tehran's own count", "Iran's figure", "the authorities' figure" (a plural's mark alone)
_OWNED = frozenset(["own", "'s", "’s", "'", "’"])
# a full stop that ends a sentence, not a title's ("Dr. Saleem", "Gen. Bajwa")
_FULL_STOP = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bGen)(?<!\bCol)(?<!\bLt)(?<!\bMaj)\.")


@lru_cache(maxsize=64)  # asked again at each mention of a person; the key holds the text (str caches its hash)
def introduced(name: str, text: str, home: str | None = None) -> str | None:
    """The type of a person the article introduces by role where it names them elsewhere
    ("Kamran Yusuf, a fellow at …", "the chief inspector, Ghulam Sarwar"); None when no role
    is given with the name."""
    surname = name.split()[-1]
    # (the pattern tries six words at each capital: run only where the bracketed name is)
    org = re.search(rf"((?:[A-Z][\w'’-]+ ){{1,6}})\({re.escape(surname)}\)", text) if f"({surname})" in text else None
    if org and surname.isupper():  # "The Baloch Rights Monitor (BRM)": an organisation speaking for itself
        ctype = classify(org.group(1), home)
        return ctype if ctype in ("iran_official", "pakistan_official") else "other_official"
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        # the sentence around the name, never past its line: a panel's list gives each guest a line
        before = _FULL_STOP.split(text[max(0, m.start() - 80) : m.start()])[-1].split("\n")[-1]
        after = _FULL_STOP.split(text[m.end() : m.end() + 100])[0].split("\n")[0]
        window = f"{before} {surname} {after}"
        # "Dr" alone is a title, not scholarship: "the hospital's Medical Superintendent, Dr Abdul
        # Wahid" speaks for the hospital
        titled = {w.lower() for w in SCHOLARLY.findall(window)} == {"dr"}
        scholarly = bool(SCHOLARLY.search(window) or _RULE["analyst"].search(window.lower()))
        if scholarly and not titled:
            return "analyst"  # settled without classifying the window (the costly step)
        official = classify(window, home) if OFFICIAL.search(window.lower()) else None
        if official in ("iran_official", "pakistan_official", "other_official"):
            return official
        if scholarly:
            return "analyst"
        role = after.split(",", 3)[1:3] if after.startswith(",") else []  # "Abdul Ghani, 54, a farmer"
        if any(_private_role(r) for r in role):
            return "analyst"  # a neighbour, a relative, an eyewitness quoted by name (SCHEMA.md)
    # "A resident of the area, Dad-Karim Baluch, …": the role before the name
    before = _role_before(name, text) if " " in name else None
    if before and _private_role(before) and not OFFICIAL.search(before.lower()):
        return "analyst"
    return None


def _short_form(word: str, text: str, home: str | None = None) -> str | None:
    """The type of a body the article named in full before it speaks by the last word of its
    name ("members of the Revolutionary Guards, according to the Guards"): a side's body or an
    organisation, never a person (a surname is ``introduced``'s) nor an outlet ("Press reports"
    after "Associated Press" are any press's)."""
    full = re.search(rf"\b(?:[A-Z][\w'’-]+ ){{1,4}}{re.escape(word)}\b", text)
    ctype = classify(full.group(0), home) if full else None
    return ctype if ctype in ("iran_official", "pakistan_official", "other_official") else None


def _role_before(name: str, text: str) -> str | None:
    """The words between the last stop and ", <name>" at the name's first mention that has
    three or more ("A resident of the area, Dad-Karim Baluch"). The mentions are found first and
    the text before each read backwards: one pattern over the whole text, trying 60 characters
    at every position, cost a 100 KB article 40 ms a name."""
    for m in re.finditer(rf",\s*{re.escape(name)}\b", text):
        words = re.search(r"[^.,;:\n]{3,60}\Z", text[max(0, m.start() - 60) : m.start()])
        if words:
            return words.group(0)
    return None


def opens_quote(sentence: str) -> bool:
    """A sentence that opens a quotation and does not close it (its speaker comes later)."""
    straight = sentence.count('"')
    return sentence.count("“") > sentence.count("”") or (straight % 2 == 1 and sentence.lstrip().startswith('"'))


def is_quotation(sentence: str) -> bool:
    """A sentence that is, or opens, a direct quotation."""
    return sentence.lstrip()[:1] in '"“‘'
