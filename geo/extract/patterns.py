"""Token patterns (spaCy ``Matcher`` and ``PhraseMatcher``) for the figures and categories of a claim.

Casualty figures, depths and the border's length are sequences of tokens around a number that
:mod:`geo.extract.nlp` merged into one token ("twenty-five", "one hundred and twenty"); a pattern
names the number's role (victims, verb, qualifier), never a substring of a longer word. Each
family of patterns is a list of token dicts built here once; :func:`figures` turns a sentence's
matches into one reading per number (the nearest verb wins when several patterns reach it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from geo.extract import numbers
from geo.extract.nlp import ARROWS, CARDINAL, VAGUE, ZERO

QUALIFIERS = {
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "not fewer than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "well over": "more than",
    "just over": "more than",
    "upwards of": "more than",
    "nearly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "~": "about",
    "≈": "about",
    "a mere": "exact",
    "some": "about",
    "roughly": "about",
    "close to": "about",
    "closer to": "about",
    "nearer to": "about",
    "an estimated": "about",
    "estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "not more than": "up to",
    "fewer than": "less than",
    "less than": "less than",
    "under": "less than",
}
QUAL_WORDS = sorted({w for q in QUALIFIERS for w in q.split()})
VICTIMS = frozenset(
    """people persons person civilians civilian children child kids kid women woman men man girls girl boys boy
    soldiers soldier troops guards guard policemen policeman police officers officer personnel militants militant
    fighters fighter insurgents insurgent separatists separatist terrorists terrorist villagers villager residents
    resident members member nationals individuals others more worshippers pilgrims students workers labourers
    laborers infants toddlers teenagers minors passengers commanders commander recruits family relatives
    citizens locals victims adults elders forces lives cousins brothers sisters daughters sons guardsmen guardsman
    miners miner foreigners foreigner fishermen fisherman compatriots tribesmen troopers rangers shepherds farmers
    drivers traders gunmen assailants attackers hostages paramilitaries smugglers neighbours neighbors beings
    souls spectators fans mourners shoppers tourists patients refugees migrants pedestrians bystanders
    journalists reporters doctors nurses teachers pupils labourer worker student passenger grandchildren
    grandsons granddaughters nephews nieces siblings husbands wives uncles aunts parents babies citizen guys
    minor defenders sarmachars sarmachar players ones employees youths staffers colleagues""".split()
)
# the people of a nation, as victims ("three other Pakistanis had been wounded"); not in a zero
# ("no Iranians died" says whose the dead were, not how many)
NATIONALS = frozenset("pakistanis iranians afghans palestinians iraqis syrians indians israelis baloch balochs".split())
# ("four civilians die in Erbil": a timeline's present; "seven terrorists were eliminated": a military's word)
KILL = frozenset("killed dead died die dies slain perished martyred drowned eliminated neutralised neutralized".split())
HURT = frozenset("injured wounded hurt harmed maimed hospitalised hospitalized".split())
KILL_ACTIVE = frozenset(
    "killed killing kill kills claimed martyred martyring buried eliminated eliminating neutralised neutralized".split()
)
HURT_ACTIVE = frozenset("injured injuring injure injures wounded wounding wound wounds maimed maiming".split())
NOUNS = {
    "killed": frozenset("dead deaths fatalities martyrs bodies killings".split()),
    "injured": frozenset("injured wounded injuries".split()),
    "casualties": frozenset(["casualties"]),
}
AUX = sorted(
    """were was have has had been are is being be reportedly also all later since subsequently confirmed
    believed said thought feared now later reported among them both brought found pronounced declared""".split()
)
# Words that end a victim phrase's gap: a new clause or figure begins.
GAP_STOP = sorted(
    """and but while whereas or as when after before because which who that said says told according
    killed killing injured injuring wounded wounding dead died""".split()
)
# ("how": not "No one asked how many terrorists the Guards eliminated")
MOD_STOP = sorted({*GAP_STOP, *AUX, *KILL, *HURT, "of", "in", "on", "at", "to", "from", "by", "the", "a", "an", "how"})
INCLUDING = sorted("including among mostly most all many incl".split())
UPDATE_VERBS = sorted(
    "revised raised lowered rose risen climbed increased jumped updated corrected reached grew revising raising "
    "lowering revise revises raise raises rises climbs updates "  # a timeline's present: "then revise it to 95"
    "cut cuts cutting".split()  # "cut it to 84 after double-counting was found"
)
# verbs of a toll that goes from one figure to another: "watched the toll go from 103 to 84"
MOVING = "go goes going gone went moved moving fell fall falling dropped".split()
# what puts a figure somewhere: "put the number at 95" (a toll), "put it at about 50 kilometres" (a depth)
_PUTTING = ("put", "puts", "putting", "placed")
# what gives the figure a revision then revises: "Iranian officials first said 103, then …"
_REPORTED = frozenset("said gave put reported announced".split())
DEATH_WORDS = frozenset("dead deaths died killed toll martyred martyrs lives fatalities".split())
TOLL_WORDS = frozenset("toll figure figures count tally number death deaths".split())
HOSPITAL_VERBS = sorted("taken rushed admitted brought shifted airlifted moved evacuated treated".split())
NAUTICAL_MILE_KM = 1.852
UNITS = {
    "km": 1.0,
    "kms": 1.0,
    "kilometres": 1.0,
    "kilometers": 1.0,
    "kilometre": 1.0,
    "kilometer": 1.0,
    "miles": 1.609344,
    "mile": 1.609344,
    "mi": 1.609344,
    # a nautical mile, 1,852 m exactly: "nm", "nmi", or "miles" after "nautical" (see unit_km)
    "nm": NAUTICAL_MILE_KM,
    "nmi": NAUTICAL_MILE_KM,
}


def unit_km(doc, i: int) -> float:
    """Kilometres per unit of the unit word at token ``i``: "nautical miles" are 1.852 km each,
    not the statute mile's 1.609344 (an advisory for shipping or aviation counts in them)."""
    unit = doc[i].lower_
    if unit in ("miles", "mile") and i > 0 and doc[i - 1].lower_ == "nautical":
        return NAUTICAL_MILE_KM
    return UNITS[unit]


BORDER_WORDS = sorted("border frontier boundary pillar".split())  # ("from the nearest pillar": a border pillar)
MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan", "jan."),
            ("february", "feb", "feb."),
            ("march", "mar", "mar."),
            ("april", "apr", "apr."),
            ("may",),
            ("june", "jun", "jun."),
            ("july", "jul", "jul."),
            ("august", "aug", "aug."),
            ("september", "sep", "sep.", "sept", "sept."),
            ("october", "oct", "oct."),
            ("november", "nov", "nov."),
            ("december", "dec", "dec."),
        ],
        1,
    )
    for m in names
}
DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight last".split())
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEAPONS = {
    "ballistic missiles": ["ballistic missile", "ballistic missiles"],
    "missiles": ["missile", "missiles", "cruise missile", "cruise missiles"],
    "drones": ["drone", "drones", "uav", "uavs", "unmanned aerial vehicles", "kamikaze drones"],
    "rockets": ["rocket", "rockets"],
    "jets": ["jets", "fighter jets", "warplanes", "fighter aircraft", "combat aircraft", "aircraft"],
    "airstrikes": [
        "airstrike",
        "airstrikes",
        "air strike",
        "air strikes",
        "air attack",
        "air attacks",
        "air raid",
        "air raids",
        "aerial strikes",
        "air-strikes",
    ],
    "artillery": ["artillery", "shelling", "mortar", "mortars"],
    "car bomb": ["car bomb", "car bombs", "car bombing", "suicide car bombing"],
}
GROUPS = {
    "jaish al-adl": [
        "jaish al-adl",
        "jaish al adl",
        "jaish ul-adl",
        "jaish-al-adl",
        "jaish ul adl",
        "army of justice",
        "jaish-ul-adl",
    ],
    "bla": ["bla", "balochistan liberation army", "baloch liberation army"],
    "blf": ["blf", "balochistan liberation front", "baloch liberation front"],
    "irgc": [
        "irgc",
        "revolutionary guards",
        "revolutionary guard",
        "islamic revolutionary guard corps",
        "revolutionary guard corps",
    ],
    "bras": ["bras", "baloch raji ajoi sangar", "baloch raaji aajoi sangar", "baloch raji aajoi sangar"],
}
# Uppercase abbreviations match only as written ("BLA", not "bla" inside a name).
ABBREVIATIONS = {"bla", "blf", "irgc", "bras", "uav", "uavs"}


# A sentence can hold a figure only if it has one of these words (checked before matching).
# what people are treated for: "treated five people with cuts from shattered glass"
WOUNDS = frozenset("injuries wounds burns shrapnel cuts fractures lacerations bruises".split())
# animals, whose deaths and wounds are no casualty figure (a livestock table's "Goats | 17 | 6")
ANIMALS = frozenset(
    """goat goats sheep camel camels cattle cow cows buffalo buffaloes donkey donkeys horse horses mule mules
    poultry chicken chickens bird birds livestock animals oxen bullocks""".split()
)
# the words before a place: "2 killed in Panjgur and 9 near Saravan"
PLACE_BEFORE = frozenset(["in", "near", "at", "around", "inside", "outside"])
FIGURE_CUES = frozenset(
    KILL
    | HURT
    | KILL_ACTIVE
    | HURT_ACTIVE
    | set().union(*NOUNS.values())
    | set(UNITS)
    | set(UPDATE_VERBS)
    | {"toll", "hospital", "hospitals", "lives", "figure", "tally", "count", "number", "injuries", "wounds", "left"}
    | WOUNDS
    | {"treatment", "injury", "lost", "lose", "loses", "losing", "loss", "life", "total"}
    | {"shahadat", "martyrdom", "kia", "wia", "hell", "graves", "inj"}
    | {"death", "deaths", "killing", "killings", "depth", "deceased", "sacrificed", "fatality", "casualty"}
    # an incident record's or a data export's field (its unit in its name)
    | {"dist_from_border_km", "distance_from_border_km", "depth_km", "depth_inside_km"}
)


def _num(types=(CARDINAL, ZERO)):
    return {"ENT_TYPE": {"IN": list(types)}}


# the verbs of an echoed count ("Iran's health ministry said 95."): the echo patterns', and figures()'s
# cue for a sentence whose noun is left out
_ECHO_SAID = ["said", "say", "says", "saying", "put", "gave", "counted", "reported"]
_ECHO_TOLD = ["told", "tells", "telling"]
_ECHO_VERBS = frozenset(_ECHO_SAID + _ECHO_TOLD)
ODD = {"LOWER": "odd", "OP": "?"}  # "50-odd kilometres": about 50 (see _reading)
MOD = {"LOWER": {"NOT_IN": MOD_STOP}, "TEXT": {"REGEX": r"^(?:[A-Za-z’'-]+)$"}, "OP": "{0,3}"}
VICT = {"LOWER": {"IN": sorted(VICTIMS | NATIONALS)}}
GAP = {
    "LOWER": {"NOT_IN": GAP_STOP},
    "IS_PUNCT": False,
    "ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]},
    "OP": "{0,5}",
}
AUXS = {"LOWER": {"IN": AUX}, "OP": "{0,4}"}
DASHES = ["--", "—", "–", "-"]
DASH = {"ORTH": {"IN": DASHES}}
# a list of victims' names ("border guards, police and soldiers"): no number, no verb, no "lives"
SEP = {"LOWER": {"IN": [",", "and", "or"]}, "OP": "{1,2}"}
LMOD = {**MOD, "ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]}, "OP": "{0,2}"}
LVICT = {"LOWER": {"IN": sorted(VICTIMS - {"lives", "others", "more", "souls", "beings"})}}
DASHED = {"ORTH": {"NOT_IN": [*DASHES, ".", ";", ":"]}, "LOWER": {"NOT_IN": sorted(KILL | HURT)}}
# what the victims were of, names joined by "and" and quoted words allowed: "of the BLA and BLF"
OF_GAP = {
    "LOWER": {"NOT_IN": sorted(set(GAP_STOP) - {"and"})},
    "ORTH": {"NOT_IN": [",", ";", ".", ":", "(", ")", "-", "—", "–"]},
    "ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]},
    "OP": "{1,6}",
}
QUALS = {"LOWER": {"IN": QUAL_WORDS}, "OP": "{0,3}"}
OPENQ_ONE = {"ORTH": {"IN": ['"', "“"]}}
OPENQ = {**OPENQ_ONE, "OP": "?"}  # a quoted figure's opening mark
NOT_NUM = {"ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]}, "IS_PUNCT": False}
# a word or a comma, but no number, never past a full stop or a semicolon ("the dead in his
# village, Nazir told him, numbered nine")
IN_CLAUSE = {"ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]}, "ORTH": {"NOT_IN": [".", ";"]}}


def _in(words) -> dict:
    return {"LOWER": {"IN": sorted(words)}}


_STANDING = {"killed": ("deaths", "fatalities"), "injured": ("injuries",)}  # nouns that "stand at" a count


def _casualty_patterns() -> dict[str, list[list[dict]]]:
    """Pattern families by label ``family:kind``."""
    any_num = _num((CARDINAL, ZERO, VAGUE))
    out: dict[str, list[list[dict]]] = {}
    passive = {"killed": KILL, "injured": HURT}
    active = {"killed": KILL_ACTIVE, "injured": HURT_ACTIVE}
    aside = {"ORTH": {"NOT_IN": [",", ")", ";", "."]}, "LOWER": {"NOT_IN": sorted(KILL | HURT)}, "OP": "{1,10}"}
    of_none = {**NOT_NUM, "LOWER": {"NOT_IN": ["dead", "how", "whether"]}}  # between "none (of)" and its verb
    for kind in ("killed", "injured"):
        verb = _in(passive[kind])
        out[f"passive:{kind}"] = [
            [any_num, MOD, VICT, GAP, AUXS, verb],
            # a quoted count: 'that "over 30 terrorists" had been killed', 'that "at least seven" were killed'
            [any_num, MOD, VICT, {"ORTH": {"IN": ['"', "”", "’"]}}, AUXS, verb],
            # 'that "at least a dozen" militants had died': the quote closes before the victims
            [any_num, {"ORTH": {"IN": ['"', "”", "’"]}}, MOD, VICT, AUXS, verb],
            # 'at least seven "high-value terrorists" had been killed'
            [any_num, {"ORTH": {"IN": ['"', "“"]}}, MOD, VICT, {"ORTH": {"IN": ['"', "”"]}}, AUXS, verb],
            [any_num, {"ORTH": {"IN": ['"', "”", "’"]}}, AUXS, verb],
            # "12 militants of the BLA and BLF were killed", 'seven members of "terrorist groups" had been killed'
            [any_num, MOD, VICT, {"LOWER": "of"}, OF_GAP, AUXS, verb],
            # "the two children who were killed"
            [any_num, MOD, VICT, _in(["who", "that"]), AUXS, verb],
            # "dozens of people were injured", "two of the guards died"
            [
                any_num,
                {"LOWER": "of"},
                {"LOWER": {"IN": ["the", "them", "those", "whom"]}, "OP": "?"},
                MOD,
                VICT,
                GAP,
                AUXS,
                verb,
            ],
            # "11 of the defenders of security of the province were martyred"
            [
                any_num,
                {"LOWER": "of"},
                _in(["the", "our", "its", "their"]),
                {**GAP, "OP": "{1,7}"},
                {"LOWER": {"IN": ["were", "was", "have", "had", "are"]}},
                AUXS,
                verb,
            ],
            # "and 27 of them were killed", '"Four of us were hurt"'
            [any_num, {"LOWER": "of"}, _in(["them", "those", "us"]), AUXS, verb],
            # "150 Iranian border guards, police and soldiers were killed": victims named in a list
            [any_num, LMOD, LVICT, SEP, LMOD, LVICT, AUXS, verb],
            [any_num, LMOD, LVICT, SEP, LMOD, LVICT, SEP, LMOD, LVICT, AUXS, verb],
            # "163 police officers and border guards of this Command have been martyred"
            [any_num, LMOD, LVICT, SEP, LMOD, LVICT, {"LOWER": "of"}, OF_GAP, AUXS, verb],
            # "seven people -- three women and four children -- were killed": an aside between dashes
            # (its numbers are the total's parts, taken with it)
            [any_num, MOD, VICT, DASH, {**DASHED, "OP": "{1,12}"}, DASH, AUXS, verb],
            # "three of their cousins, all girls, were wounded"
            [
                any_num,
                {"LOWER": "of"},
                _in(["the", "their", "his", "her", "its", "our"]),
                MOD,
                VICT,
                {"ORTH": ","},
                {"ORTH": {"NOT_IN": [",", ")", ";", "."]}, "LOWER": {"NOT_IN": sorted(KILL | HURT)}, "OP": "{1,14}"},
                {"ORTH": ","},
                AUXS,
                verb,
            ],
            [any_num, {"LOWER": {"IN": AUX}, "OP": "{1,4}"}, verb],
            [any_num, verb],
            # "27 IRGC killed, 13 injured", "11 FC personnel martyred": a force's acronym as the victims
            [any_num, {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2}}, {**MOD, "OP": "{0,1}"}, verb],
            # a speaker inside the phrase: "the nine people Tehran says were killed"
            [
                any_num,
                MOD,
                VICT,
                {"IS_TITLE": True, "OP": "{1,3}"},
                _in(["says", "said", "claims", "claimed", "believes"]),
                AUXS,
                verb,
            ],
            # "nine people, including four children, were killed": the total, not the part
            [
                any_num,
                MOD,
                VICT,
                {"ORTH": ","},
                _in(INCLUDING),
                {**NOT_NUM, "OP": "{0,8}"},
                any_num,
                MOD,
                VICT,
                {"ORTH": ","},
                AUXS,
                verb,
            ],
            # "9 people including 4 children and 3 women killed": the total, not the parts
            [
                any_num,
                MOD,
                VICT,
                _in(["including", "among"]),
                {
                    "ORTH": {"NOT_IN": [",", ")", ";", ".", ":"]},
                    "LOWER": {"NOT_IN": sorted(KILL | HURT)},
                    "OP": "{1,10}",
                },
                AUXS,
                verb,
            ],
            # any aside: "two girls, aged 8 and 10, were killed", "nine people (four of them children) died"
            # ('"at least 10" people, most of them women and children, had been killed': a quote's close)
            [
                any_num,
                {"ORTH": {"IN": ['"', "”", "’"]}, "OP": "?"},
                MOD,
                VICT,
                {"ORTH": {"IN": [",", "("]}},
                {"ORTH": {"NOT_IN": [",", ")", ";", "."]}, "LOWER": {"NOT_IN": sorted(KILL | HURT)}, "OP": "{1,14}"},
                {"ORTH": {"IN": [",", ")"]}},
                AUXS,
                verb,
            ],
            # asides in a row: "nine people, three women, two men and four children, all of them
            # foreigners, lost their lives" (the total; the parts are taken with it)
            *([any_num, MOD, VICT, *([{"ORTH": ","}, aside] * n), {"ORTH": ","}, AUXS, verb] for n in (2, 3)),
            # "no one was killed", "none of the guards were hurt" (not "none of the dead were …")
            [
                _num((ZERO,)),
                {"LOWER": "of", "OP": "?"},
                # ("none of the Levies or FC personnel deployed in the area had been hurt")
                # (not "No one asked how many terrorists the Guards eliminated": another verb's subject)
                {**of_none, "OP": "{0,9}"},
                AUXS,
                _in(passive[kind] - {"dead"}),
            ],
            # "None of MDC's 46 permanent employees was hurt": the group's size is no toll; its
            # none is the figure
            [
                _num((ZERO,)),
                {"LOWER": "of"},
                {**of_none, "OP": "{0,3}"},
                {"LIKE_NUM": True},
                {**of_none, "OP": "{1,5}"},
                AUXS,
                _in(passive[kind] - {"dead"}),
            ],
            [{"LOWER": "no"}, MOD, _in(VICTIMS), GAP, AUXS, verb],
            # "left two dead"
            [{"LOWER": "left"}, QUALS, any_num, MOD, {**VICT, "OP": "?"}, verb],
            # a brief's military shorthand, upper case only: "2 children KIA, 3 girls WIA", "9 KIA"
            [any_num, MOD, {**VICT, "OP": "?"}, {"ORTH": {"killed": "KIA", "injured": "WIA"}[kind]}],
        ]
        if kind == "killed":  # "three women … lost their lives", "two soldiers … embraced shahadat"
            lost = [_in(["lost", "sacrificed", "gave"]), _in(["their", "his", "her"]), _in(["lives", "life"])]
            embraced = [{"LOWER": "embraced"}, _in(["shahadat", "martyrdom"])]
            out["passive:killed"] += [p[:-1] + lost for p in out["passive:killed"] if p[-1] is verb]
            out["passive:killed"] += [p[:-1] + embraced for p in out["passive:killed"] if p[-1] is verb]
            # "43 personnel of the Levies, police and Frontier Corps have embraced martyrdom": the
            # phrase says who died whatever the units named between
            out["passive:killed"].append(
                [any_num, MOD, VICT, {"LOWER": "of"}, {**IN_CLAUSE, "OP": "{1,10}"}, AUXS, *embraced]
            )
        out[f"active:{kind}"] = [
            [_in(active[kind]), {"ORTH": {"IN": [":", '"', "“"]}, "OP": "?"}, QUALS, any_num, MOD, VICT],
            # "likely killed between seven and twelve people": the range's lower bound
            [_in(active[kind]), {"LOWER": "between"}, _num((CARDINAL,)), _in(["and", "to"]), _num((CARDINAL,))]
            + [MOD, VICT],
            [_in(active[kind]), {"LOWER": "between"}, _num((CARDINAL,)), MOD, VICT],  # "seven and twelve": one token
            # "the strike killed the two children" (a count the article gave before: the same figure)
            [_in(active[kind]), _in(["the", "its", "their"]), QUALS, _num((CARDINAL,)), MOD, VICT],
            [_in(active[kind]), {"ORTH": {"IN": ['"', "“"]}, "OP": "?"}, QUALS, any_num],
            # "had killed, by Iran's own count, one hundred and three people": an aside before the count
            [
                _in(active[kind]),
                {"ORTH": ","},
                {"ORTH": {"NOT_IN": [",", ";", "."]}, "ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]}, "OP": "{1,6}"},
                {"ORTH": ","},
                QUALS,
                any_num,
                MOD,
                VICT,
            ],
        ]
        if kind == "killed":  # "we lost two children that night" (people only: not "lost two houses")
            out["active:killed"].append([_in(["lost", "lose", "loses", "losing"]), QUALS, any_num, MOD, VICT])
            # "sent 11 terrorists of Jaish al-Zolm to hell": a fighting statement's "killed"
            out["active:killed"].append(
                [_in(["sent", "send", "sending"]), QUALS, any_num, MOD, VICT]
                + [
                    {
                        "ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]},
                        "ORTH": {"NOT_IN": [".", ",", ";"]},
                        "OP": "{0,6}",
                    }
                ]
                + [{"LOWER": "to"}, {"LOWER": "hell"}]
            )
            out["active:killed"].append(  # "… to their graves" (not "sent two officers to their posts")
                out["active:killed"][-1][:-1] + [{"LOWER": "their"}, _in(["graves", "deaths"])]
            )
    # "the hospital received the bodies of two children"
    out["bodies:killed"] = [[{"LOWER": "bodies"}, {"LOWER": "of"}, QUALS, any_num, MOD, VICT]]
    out["hospital:injured"] = [
        # "the deaths of two children and injuries to four girls"
        [_in(["injuries", "wounds"]), {"LOWER": "to"}, QUALS, any_num, MOD, VICT],
        # "the deaths of two children and the injury of four other people"
        [_in(["injury", "injuries", "wounding"]), {"LOWER": "of"}, QUALS, any_num, MOD, VICT],
        # "four people, including one adult woman, received treatment at the district hospital"
        *(
            [
                any_num,
                MOD,
                VICT,
                *aside,
                AUXS,
                _in(["received", "receiving", "needed", "required"]),
                {"LOWER": "treatment"},
            ]
            for aside in (
                [],
                [
                    {"ORTH": ","},
                    _in(["including", "among", "all"]),
                    {"ORTH": {"NOT_IN": [",", ";", "."]}, "OP": "{1,5}"},
                    {"ORTH": ","},
                ],
            )
        ),
        # "treated five people for wounds"
        [
            _in(["treated", "treating", "admitted", "received"]),
            QUALS,
            any_num,
            MOD,
            {**VICT, "OP": "?"},
            _in(["for", "with"]),
            {**NOT_NUM, "OP": "{0,3}"},  # "14 patients with blast and gunshot injuries"
            _in(WOUNDS),
        ],
        [
            any_num,
            MOD,
            {**VICT, "OP": "?"},
            GAP,
            AUXS,
            _in(HOSPITAL_VERBS),
            {"LOWER": "to", "OP": "?"},
            {**NOT_NUM, "OP": "{0,2}"},
            _in(["hospital", "hospitals"]),
        ],
        # "Three girls are still in the hospital", "two remain under treatment", '"four persons,
        # including three girls" were under treatment' (the part named inside the total)
        *(
            [
                any_num,
                MOD,
                {**VICT, "OP": "?"},
                *aside,
                _in(["are", "were", "is", "remain", "remained", "remains", "stayed"]),
                {"LOWER": {"IN": ["still", "now"]}, "OP": "?"},
                {"LOWER": {"IN": ["in", "under"]}},
                {"LOWER": "the", "OP": "?"},
                _in(["hospital", "treatment"]),
            ]
            for aside in (
                [],
                [
                    {"ORTH": ","},
                    _in(["including", "among", "all"]),
                    {"ORTH": {"NOT_IN": [",", ";", "."]}, "OP": "{1,5}"},
                    {"ORTH": {"IN": [",", '"', "”"]}},
                ],
            )
        ),
        # "the three girls in the hospital are his daughters": those the hospital holds
        [{"LOWER": "the"}, any_num, MOD, VICT, {"LOWER": "in"}, {"LOWER": "the", "OP": "?"}, _in(["hospital"])],
        # "four people had been brought in for treatment"
        [
            any_num,
            MOD,
            VICT,
            AUXS,
            _in(HOSPITAL_VERBS),
            {"LOWER": "in", "OP": "?"},
            {"LOWER": "for"},
            _in(["treatment", "treating", "care"]),
        ],
        # ("Three (03) girls, aged 11, 12 and 14 years, received injuries": past the ages' aside)
        *(
            [
                any_num,
                MOD,
                {**VICT, "OP": "?"},
                *aged,
                AUXS,
                _in(["suffered", "sustained", "received", "treated"]),
                {**NOT_NUM, "OP": "{0,3}"},
                _in(["injuries", "wounds", "wounded"]),
            ]
            for aged in (
                [],
                [{"ORTH": ","}, {"LOWER": "aged"}, {"ORTH": {"NOT_IN": [";", "."]}, "OP": "{1,8}"}, {"ORTH": ","}],
            )
        ),
        # "three girls brought in with shrapnel wounds", "Three (03) female patients aged 6 to 11 years
        # were admitted with splinter wounds" (the ages are not counts: see _is_age)
        *(
            [
                any_num,
                MOD,
                {**VICT, "OP": "?"},
                *aged,
                GAP,
                AUXS,
                _in(["brought", "admitted", "taken", "received"]),
                {"LOWER": "in", "OP": "?"},
                {**NOT_NUM, "LOWER": {"NOT_IN": ["with"]}, "OP": "{0,4}"},  # "in the emergency department"
                {"LOWER": "with"},
                {**NOT_NUM, "OP": "{0,2}"},
                _in(["injuries", "wounds", "burns"]),
            ]
            for aged in ([], [{"LOWER": "aged"}, {"ORTH": {"NOT_IN": [",", ";", "."]}, "OP": "{1,5}"}])
        ),
        # "two children brought in dead, and three girls with splinter wounds": no verb of their own
        [any_num, MOD, VICT, {"LOWER": "with"}, {**NOT_NUM, "OP": "{0,2}"}, _in(["injuries", "wounds", "burns"])],
    ]
    for kind, nouns in NOUNS.items():
        out[f"noun:{kind}"] = [
            [any_num, MOD, _in(nouns)],
            [_in(["no", "zero"]), MOD, _in(nouns)],
            # "no UN personnel were among the casualties"
            [{"LOWER": "no"}, MOD, VICT, AUXS, {"LOWER": "the"}, _in(nouns)],
        ]
    # "recorded one fatality", "1 casualty": one, the noun singular (not "the 3 casualty figures",
    # nor "no casualty figure")
    one = {"LOWER": {"IN": ["one", "1"]}}
    out["noun:killed"].append([one, MOD, {"LOWER": "fatality"}])
    out["noun:casualties"].append([one, MOD, {"LOWER": "casualty"}])
    # "confirmed the identities of seven of the dead", "has named nine of the victims": a count of
    # the dead someone vouches for, not a breakdown of a toll
    out["noun:killed"].append(
        [
            _in(["identities", "names", "identified", "named", "identify", "name", "identifying", "naming"]),
            {"LOWER": "of", "OP": "?"},
            any_num,
            {"LOWER": "of"},
            {"LOWER": "the"},
            _in(["dead", "victims", "killed"]),
        ]
    )
    # "it was later revised to 84", "the figure rose to nine": counted only where the sentence
    # speaks of a toll (see figures()).
    out["update:killed"] = [
        # (a quoted figure: 'revised their figure to "seven confirmed" militants killed')
        [_in(UPDATE_VERBS), {"LOWER": {"IN": ["to", "at"]}}, OPENQ, QUALS, any_num],
        # "revised the toll … down to 95" ("up to" is a qualifier, not a revision)
        [{"LOWER": "down"}, {"LOWER": "to"}, QUALS, any_num],
        # "84 killed (the revised figure, down from 103)", "had risen from one to two" (both figures)
        # ("up from its revised 84")
        [
            _in(["down", "up", *UPDATE_VERBS]),
            {"LOWER": "from"},
            {"LOWER": {"IN": ["the", "its", "their", "an", "a"]}, "OP": "?"},
            {"LOWER": {"IN": ["revised", "earlier", "initial", "original", "previous", "first"]}, "OP": "?"},
            QUALS,
            any_num,
        ],
        # "toll revised to 95 from 103": the old figure after the new one
        [
            _in(["down", "toll", "tally", "count", *UPDATE_VERBS]),
            {"LOWER": "to"},
            QUALS,
            any_num,
            {"LOWER": "from"},
            QUALS,
            any_num,
        ],
        # "revised from 7 to 9", "watched the toll go from 103 to 84", "fell from 103 to 84", "moved
        # from 103 dead to 84" (the counted between the figures)
        [
            _in([*UPDATE_VERBS, *MOVING]),
            {"LOWER": "from"},
            QUALS,
            any_num,
            {**_in(["dead", "killed", "deaths", "people", "injured", "wounded", "martyrs"]), "OP": "?"},
            {"LOWER": "to"},
            QUALS,
            any_num,
        ],
        # "(first reported: 103)": the first figure, revised since
        [
            {"LOWER": "first"},
            _in(["reported", "given", "announced", "stated"]),
            {"ORTH": ":", "OP": "?"},
            QUALS,
            any_num,
        ],
        # "Tasnim first reported eight before moving to nine"; "first 103, lowered to 84, final 95"
        [_in(["moving", "moved"]), {"LOWER": "to"}, QUALS, any_num],
        [_in(["final", "finally"]), {"ORTH": ":", "OP": "?"}, QUALS, any_num],
        # "raised the toll of the 3 January bombing in Kerman to 95 from 84": the toll named between
        # the verb and its figures; the new figure and the old each a match
        [{"LOWER": "to"}, QUALS, any_num, {"LOWER": "from"}, QUALS, any_num],
        [{"LOWER": "to"}, QUALS, any_num, {"LOWER": "from"}],
        # "bringing the official toll from 89 to 91"
        [_in(["toll", "tally", "count", "figure"]), {"LOWER": "from"}, QUALS, any_num, {"LOWER": "to"}, QUALS, any_num],
        # a changelog's or a note's arrow: "Saravan killed 7 -> 9", "Kerman 84 → 95"
        [{"ORTH": {"IN": ["->", "→", "=>", "⟶"]}}, QUALS, any_num],
        [{"ORTH": {"IN": ["-", "="]}, "SPACY": False}, {"ORTH": ">"}, QUALS, any_num],
        # "Iran now says 95 (was 84)": the old figure in brackets after the new
        [{"ORTH": "("}, _in(["was", "previously", "earlier", "formerly"]), QUALS, any_num, {"ORTH": ")"}],
        # "revise the toll down to 84, then to 95"
        [_in(["then", "later", "and", "finally", "subsequently"]), {"LOWER": "to"}, QUALS, any_num],
        # "lowered it to 84 and later settled on 95": the last of a series of revisions
        [_in(["settled", "settling", "settles"]), _in(["on", "at"]), QUALS, any_num],
        # "was later revised by the health ministry to 95"
        [_in(UPDATE_VERBS), {"LOWER": "by"}, {**NOT_NUM, "OP": "{1,4}"}, {"LOWER": "to"}, QUALS, any_num],
        # "later it went back up to 95", "the toll came down to 84" ("up to" alone is a qualifier)
        [
            _in(["it", "toll", "figure", "count", "tally", "number"]),
            _in(["went", "came", "has", "had", "was"]),
            {"LOWER": {"IN": ["gone", "come", "back"]}, "OP": "{0,2}"},
            _in(["up", "down"]),
            {"LOWER": "to"},
            QUALS,
            any_num,
        ],
        # "Iranian officials first said 103, then revised it down to 84": the figure revised
        [_in(sorted(_REPORTED)), QUALS, any_num, {"ORTH": ","}, _in(["then", "later"])],
        # "revised it to 84", "revising the toll to 95"
        [
            _in(UPDATE_VERBS),
            {
                "LOWER": {"IN": ["it", "itself", "the", "that", "its", "their", "toll", "death", "figure", "count"]},
                "OP": "{1,3}",
            },
            {"LOWER": "to"},
            OPENQ,
            QUALS,
            any_num,
        ],
    ]
    # "put the number of wounded at more than 280", "the number of martyrs has reached ninety-four"
    # "putting the number hurt at four", "put the dead at two"
    for kind, nouns in (
        ("injured", ["wounded", "injured", "hurt"]),
        ("casualties", ["casualties"]),
        ("killed", ["martyrs", "dead", "killed"]),
    ):
        out[f"tally:{kind}"] = [
            [
                _in(["number", "count", "tally", "figure"]),
                {"LOWER": "of", "OP": "?"},
                {"LOWER": "the", "OP": "?"},
                _in(nouns),
                {**NOT_NUM, "OP": "{0,8}"},
                {"LOWER": {"IN": ["is", "was", "been", "as", "at", "to", "stood", "reached"]}},
                {"LOWER": {"IN": ["now", "still", "currently"]}, "OP": "?"},  # "is now three"
                QUALS,
                any_num,
            ],
            # 'put the dead at "closer to a dozen"', "put the Saravan dead at nine", "puts the dead at
            # between eight and ten" (the range's lower bound)
            [
                _in(["put", "puts", "putting"]),
                {"LOWER": "the"},
                {"IS_ALPHA": True, "IS_TITLE": True, "OP": "{0,2}"},
                _in(nouns),
                # ("put the dead in Saravan at nine")
                {"LOWER": "in", "OP": "?"},
                {"IS_ALPHA": True, "IS_TITLE": True, "OP": "{0,2}"},
                {"LOWER": "at"},
                {"LOWER": "between", "OP": "?"},
                OPENQ,
                QUALS,
                any_num,
            ],
            # "Injured per our register now stand at 4", "deaths stood at nine by evening"
            [
                _in([*nouns, *_STANDING.get(kind, ())]),
                {**IN_CLAUSE, "OP": "{0,6}"},
                _in(["stand", "stands", "stood", "standing"]),
                {"LOWER": "at"},
                QUALS,
                any_num,
            ],
            # "the dead in Iran numbered 11", "whose dead, Tehran says, numbered nine"
            [
                {"LOWER": {"IN": ["the", "whose", "its", "their"]}},
                _in(nouns),
                {**IN_CLAUSE, "OP": "{0,6}"},
                _in(["numbered", "number", "totalled", "totaled", "total"]),
                QUALS,
                any_num,
            ],
        ]

    # "the number of the dead as seven", "the updated figure is nine persons" (where the
    # sentence speaks of the dead: see figures())
    out["tally:killed"] += [
        [
            _in(["figure", "tally", "count", "number"]),
            {**NOT_NUM, "OP": "{0,12}"},
            # ("their first count had been 103")
            {"LOWER": {"IN": ["is", "was", "as", "at", "to", "stood", "been"]}},
            QUALS,
            any_num,
        ],
    ]
    # "put the number of militants killed at \"not less than 20\"": who is counted, then the verb
    for kind, verbs in (("killed", KILL), ("injured", HURT)):
        out[f"tally:{kind}"].append(
            [
                _in(["number", "count", "tally", "figure", "toll"]),
                {"LOWER": "of"},
                MOD,
                VICT,
                _in(verbs),
                # "killed near Saravan at": where, between the verb and the figure
                {**NOT_NUM, "OP": "{0,4}"},
                _in(["at", "to", "as"]),
                {"ORTH": {"IN": ['"', "“"]}, "OP": "?"},
                {"LOWER": "between", "OP": "?"},  # 'at "between 12 and 15"': the range's first
                QUALS,
                any_num,
            ]
        )
    # "taking the total to 11", "bringing the toll to nine" (where the sentence speaks of the dead
    # or the hurt: see _reading)
    out["total:killed"] = [
        [
            _in(["taking", "bringing", "took", "brought", "takes", "brings", "pushing", "pushed"]),
            _in(["the", "its", "their"]),
            {**NOT_NUM, "OP": "{0,2}"},
            _in(["total", "toll", "tally", "count", "number", "figure"]),
            {"LOWER": "to"},
            QUALS,
            any_num,
        ]
    ]
    # "no loss of life or injury was suffered": a zero (of both when injury is named too)
    out["noloss:killed"] = [[{"LOWER": "no"}, {"LOWER": "loss"}, {"LOWER": "of"}, _in(["life", "lives"])]]
    # "revising an initial count of 103 given on the day" (where the sentence speaks of the dead)
    out["countof:killed"] = [[_in(["figure", "tally", "count"]), {"LOWER": "of"}, QUALS, any_num]]
    # 'the dead in Saravan were "ten members of two families"', "the injured are three girls"
    for kind, nouns in (("killed", ["dead"]), ("injured", ["injured", "wounded"])):
        out.setdefault(f"countof:{kind}", []).append(
            [{"LOWER": "the"}, _in(nouns), {**NOT_NUM, "OP": "{0,4}"}, _in(["were", "are", "numbered", "number"])]
            + [OPENQ, QUALS, any_num]
        )
    # "the girls who were hurt were three", "those killed in the village were nine": the people the
    # verb names, then their number
    for kind in ("killed", "injured"):
        rest = [{**NOT_NUM, "OP": "{0,4}"}, _in(["were", "are", "numbered", "number"]), OPENQ, QUALS, any_num]
        out[f"countof:{kind}"] += [
            [_in(["the", "those"]), {**LVICT, "OP": "?"}, {"LOWER": "who"}, _in(["were", "are", "had", "have"])]
            + [{"LOWER": "been", "OP": "?"}, _in(passive[kind]), *rest],
            [{"LOWER": "those"}, _in(passive[kind]), *rest],
        ]
    # "2 killed in Panjgur and 9 near Saravan", "two children were killed in Panjgur and nine near
    # Saravan": the verb left out before the second place (the figure after "and": see figures())
    where = _in(PLACE_BEFORE)
    for kind in ("killed", "injured"):
        out[f"ellipsis:{kind}"] = [
            [
                _in(passive[kind]),
                where,
                {**NOT_NUM, "OP": "{1,4}", "LOWER": {"NOT_IN": ["and", "while", "but", "of"]}},
                {"ORTH": ",", "OP": "?"},
                _in(["and", "while", "but"]),
                QUALS,
                _num((CARDINAL, ZERO)),
                where,
            ]
        ]
    # "first said seven people had died; they later said nine": the kind of the figure before it
    out["echo:killed"] = [
        [_in(_ECHO_SAID), QUALS, any_num],
        # "his cousin told me thirteen"
        [_in(_ECHO_TOLD), _in(["me", "us", "him", "her", "them"]), QUALS, any_num],
        # "the number of martyrs, which was first announced as 103"
        [_in(["announced", "given", "reported", "stated", "put", "declared"]), _in(["as", "at"]), QUALS, any_num],
        # "The ministry had earlier put the number at 95" (of the martyrs the sentence before counted)
        [_in(_PUTTING), {"LOWER": "the"}, _in(["number", "figure", "count"])] + [{"LOWER": "at"}, QUALS, any_num],
    ]
    out["toll:killed"] = [
        # "the death toll from last night's Iranian strike stands at two"
        [{"LOWER": "toll"}, {**NOT_NUM, "OP": "{0,9}"}, any_num],
        # 'the toll "remains two"', 'put the toll at "at least 90"': the figure quoted
        [{"LOWER": "toll"}, {**NOT_NUM, "OP": "{0,6}"}, OPENQ_ONE, {**NOT_NUM, "OP": "{0,3}"}, any_num],
        # "The dead in his village, Nazir told him, numbered nine"
        [
            _in(["dead", "deaths", "fatalities", "martyrs"]),
            {**IN_CLAUSE, "OP": "{0,8}"},
            {"LOWER": "numbered"},
            QUALS,
            any_num,
        ],
        # "the death toll from the January 3 bombings in Kerman now stood at 95": past a date's day
        [
            {"LOWER": "toll"},
            {**NOT_NUM, "OP": "{0,4}"},
            _in(MONTHS),
            {"ENT_TYPE": CARDINAL},
            {**NOT_NUM, "OP": "{0,8}"},
            any_num,
        ],
        # "the death toll of that attack, initially announced as 103"
        [
            {"LOWER": "toll"},
            {**NOT_NUM, "OP": "{0,4}"},
            {"ORTH": ","},
            {**NOT_NUM, "OP": "{1,3}"},
            {"LOWER": "as"},
            QUALS,
            any_num,
        ],
        # "which took 27 lives", "has lost more than 80,000 lives"
        [
            _in(["took", "taken", "taking", "claimed", "claiming", "cost", "costing", "lost", "losing"]),
            QUALS,
            any_num,
            MOD,
            {"LOWER": "lives"},
        ],
        # "local reports put the toll higher, at 12"
        [{"LOWER": "toll"}, _in(["higher", "lower"]), {"ORTH": ",", "OP": "?"}, {"LOWER": "at"}, QUALS, any_num],
        # "deplores the loss of at least 11 lives"
        [{"LOWER": "loss"}, {"LOWER": "of"}, QUALS, any_num, MOD, _in(["lives", *VICTIMS])],
        # "in which 95 innocent lives were lost"
        [any_num, MOD, {"LOWER": "lives"}, AUXS, {"LOWER": "lost"}],
        # "revised the death toll from the bombings down to 89"
        [_in(UPDATE_VERBS), {**NOT_NUM, "OP": "{0,8}"}, _in(["down", "up"]), {"LOWER": "to"}, QUALS, any_num],
        [
            _in(["deaths", "death", "killing", "killings", "lives", "martyrdom", "shahadat"]),
            {"LOWER": "of"},
            {"ORTH": {"IN": ['"', "“"]}, "OP": "?"},  # 'the deaths of "at least 160 soldiers"'
            QUALS,
            any_num,
        ],
    ]
    # a table's or a summary line's label and value: "Killed: 2 | Injured: 3", "| People injured | 3 (girls) |"
    for kind, labels in (
        ("killed", ["killed", "dead", "deaths", "fatalities", "deceased"]),
        ("injured", ["injured", "wounded", "injuries", "hurt"]),
    ):
        # a factbox's line, the figure first: "* 9 - killed near Saravan, …", "* 95 - Kerman
        # bombings (Jan. 3) death toll, Iranian officials" (only opening its line: see figures())
        out[f"fact:{kind}"] = [[_num((CARDINAL, ZERO)), DASH, _in(passive[kind])]]
        if kind == "killed":
            # (a date may come between: "Kerman bombings (Jan. 3) death toll")
            out["fact:killed"].append(
                [_num((CARDINAL,)), DASH, {"ORTH": {"NOT_IN": [";"]}, "OP": "{0,9}"}, {"LOWER": "toll"}]
            )
        out[f"label:{kind}"] = [
            # "Killed:   02 (two)": a form's padding after the colon
            [_in(labels), {"ORTH": {"IN": [":", "|"]}}, {"IS_SPACE": True, "OP": "?"}, QUALS, _num((CARDINAL, ZERO))],
            # a register's qualified label: "Injured, admitted: 3", "Dead (on arrival): 2"
            [
                _in(labels),
                {"ORTH": {"IN": [",", "("]}},
                {"IS_ALPHA": True, "OP": "{1,2}"},
                {"ORTH": ")", "OP": "?"},
                {"ORTH": ":"},
                QUALS,
                _num((CARDINAL, ZERO)),
            ],
            # a bulletin's leader dots: "Brought dead to DHQ Hospital Panjgur ...... 02 (two) children"
            [
                _in(labels),
                {**NOT_NUM, "OP": "{0,5}"},
                {"TEXT": {"REGEX": r"^(?:\.{3,}|…+)$"}},
                QUALS,
                _num((CARDINAL, ZERO)),
            ],
            # a board's or a form's field, padded instead of a colon: "KILLED   2 kids", "INJ      3
            # girls (FO)", "Killed   02 (minors)" (title case only opening its line: see figures())
            *(
                [
                    {"LOWER": {"IN": [*labels, *(["inj"] if kind == "injured" else [])]}, case: True},
                    {"IS_SPACE": True},
                    *struck,
                    QUALS,
                    _num((CARDINAL, ZERO)),
                ]
                for case in ("IS_UPPER", "IS_TITLE")
                # (a figure struck through on the board before it: "KILLED   ~~3~~  2 kids" is 2; the
                # tokenizer splits it "~", "~", "3~~")
                for struck in ([], [{"ORTH": "~"}, {"ORTH": "~"}, {"TEXT": {"REGEX": r"^\d+~~$"}}, {"IS_SPACE": True}])
            ),
            # a post's running count: "Injured now 4: three girls and a woman"
            [_in(labels), {"LOWER": "now"}, {"ORTH": {"IN": [":", "|"]}, "OP": "?"}, QUALS, _num((CARDINAL, ZERO))],
        ]
    # a form's or a register's zero for both kinds: "Casualties: nil", "Casualties during clearance : NIL"
    # (a count there is left alone: "Casualties: 2 killed, 3 injured" is read by the kinds' patterns)
    out["label:casualties"] = [
        [_in(["casualties", "casualty"]), {"IS_ALPHA": True, "OP": "{0,3}"}, {"ORTH": ":"}, zero]
        for zero in (_num((ZERO,)), {"ORTH": {"IN": ["0", "00"]}})
    ]
    return out


def _list_patterns() -> dict[str, list[list[dict]]]:
    """Counted groups with no total: "three women, two men and four children were killed"."""
    # not "more": "killed nine people, and one more was injured" is two figures, not one list
    vict = {"LOWER": {"IN": sorted((VICTIMS | NATIONALS) - {"more"})}}
    group = [_num((CARDINAL,)), {**MOD, "OP": "{0,1}"}, vict]
    single = [_in(["a", "an"]), {**MOD, "OP": "{0,1}"}, vict]  # "a woman and two girls": one and two
    # "a boy of ten and a girl of six": one each, their ages after "of"
    single = [*single, {"LOWER": "of", "OP": "?"}, {**_num((CARDINAL,)), "OP": "?"}]
    out: dict[str, list[list[dict]]] = {}
    for kind, passive, active in (("killed", KILL, KILL_ACTIVE), ("injured", HURT, HURT_ACTIVE)):
        pats = []
        shapes = [(group,) * n for n in (2, 3, 4)]
        shapes += [s for n in (2, 3) for s in product((group, single), repeat=n) if single in s]
        for shape in shapes:
            n = len(shape)
            seq = list(shape[0])
            for i in range(1, n):
                last = i == n - 1
                sep = [{"ORTH": ",", "OP": "?"}, {"LOWER": "and"}] if last else [{"ORTH": ","}]
                seq += sep + shape[i]
            # "… four children who were not Iranian nationals lost their lives": past a short relative clause
            who = [{"LOWER": "who"}, {"IS_PUNCT": False, "ENT_TYPE": {"NOT_IN": [CARDINAL]}, "OP": "{1,5}"}]
            # "three women, two men and four children, all of them non-Iranian nationals, were killed"
            aside = [
                {"ORTH": ","},
                {"ORTH": {"NOT_IN": [",", ";", ".", ":"]}, "LOWER": {"NOT_IN": sorted(passive)}, "OP": "{1,8}"},
                {"ORTH": ","},
            ]
            # 'He said "three women, four children and two men" had lost their lives': a quote's close
            closed = [{"ORTH": {"IN": ['"', "”", "’"]}, "OP": "?"}]
            for rel in ([], who, aside):
                pats.append(seq + rel + closed + [AUXS, _in(passive)])
                if kind == "killed":
                    pats.append(seq + rel + closed + [AUXS, {"LOWER": "lost"}, {"LOWER": "their"}, {"LOWER": "lives"}])
            pats.append([_in(active), {"ORTH": ":", "OP": "?"}, QUALS] + seq)
            # "the names of the dead: two men, three women and four children"
            nouns = NOUNS[kind] | ({"dead"} if kind == "killed" else {"injured", "wounded"})
            # … "the dead were three women and four children"
            pats.append([{"LOWER": "the"}, _in(nouns), _in([":", "were", "are"]), QUALS] + seq)
        out[f"list:{kind}"] = pats
    return out


def _measure_patterns() -> dict[str, list[list[dict]]]:
    num, unit = _num((CARDINAL,)), _in(UNITS)
    naut = {"LOWER": "nautical", "OP": "?"}  # "30 nautical miles"
    # "50 km", "50-km", "50-odd kilometres", "50+ km" (more than 50: see _reading)
    per_unit = [{"ORTH": {"IN": ["-", "+"]}, "OP": "?"}, ODD, naut, unit]
    paren = [{"ORTH": "("}, {"OP": "{1,4}", "ORTH": {"NOT_IN": [")"]}}, {"ORTH": ")"}]
    border_rel = [
        {"LOWER": {"IN": ["away", "off", "in"]}, "OP": "?"},  # "30 miles in from the border"
        # "20 kilometres west of the border"
        {"LOWER": {"IN": "west east north south northwest northeast southwest southeast".split()}, "OP": "?"},
        _in(["from", "across", "beyond", "of", "past"]),
        {"LOWER": "the"},
        # "the Pak-Iran border", "the Pakistan-Iran frontier"
        # "the zero-point line of the common border"
        # ("the Iran–Pakistan border": an en dash too)
        {"TEXT": {"REGEX": r"^[\w–-]+$"}, "OP": "{0,7}", "LOWER": {"NOT_IN": BORDER_WORDS}},
        _in(BORDER_WORDS),
    ]
    # "57 kilometres from the zero line", "from the zero point": Pakistan's words for the border
    # ("almost 50 kilometer from zero point of the border": a translation's dropped article)
    zero = [
        _in(["from", "of"]),
        {"LOWER": "the", "OP": "?"},
        {"LOWER": "zero"},
        {"ORTH": "-", "OP": "?"},
        _in(["line", "point"]),
    ]
    inside = [_in(["inside", "into", "within", "deep"])]
    # "25 km across the line", "beyond the frontier" (not "1,100 km across the Gulf from Saravan")
    over = [_in(["across", "beyond"]), {"LOWER": "the", "OP": "?"}, _in([*BORDER_WORDS, "line", "iran", "pakistan"])]
    closing = {"ORTH": {"IN": ['"', "”", "’", "'"]}, "OP": "?"}  # '"well over forty kilometres" inside'
    depth = []
    # "40 kilometres from our frontier", "within 50 kilometres of our border" (not "900 kilometres
    # of our border": its length, refused in _reading where no "within" comes before)
    own = [_in(["from", "of"]), _in(["our", "its", "their"]), _in(BORDER_WORDS)]
    # '"barely 10 kilometres" from the line', "within 20 or 30 kilometres of the line": the border's line
    line = [_in(["from", "of"]), {"LOWER": "the"}, {"LOWER": "line"}]
    # "some 50 km — about 31 miles — inside our border": an aside between dashes
    long_dash = {"ORTH": {"IN": ["—", "–", "--"]}}
    aside = [long_dash, {"ORTH": {"NOT_IN": ["—", "–", "--", "."]}, "OP": "{1,5}"}, long_dash]
    for rel in (inside, over, own, border_rel, zero, line):
        for p in ([], paren, aside):
            # ("~90 km distance inside Iran")
            depth.append([num, *per_unit, closing, *p, {**_in(["deep", "distance"]), "OP": "?"}, *rel])
        # "within twenty kilometres or so of the border" (about twenty: see _reading)
        depth.append([num, *per_unit, {"LOWER": "or"}, {"LOWER": "so"}, *rel])
    depth.append([{"LOWER": "depth"}, {"LOWER": {"IN": ["of", "at"]}}, QUALS, num, naut, unit])
    # a depth quoted as a claim: 'not the "more than 50 km" cited by Pakistani officials', 'the
    # "90 km" figure some Iranian outlets gave' (where the sentence speaks of depth: see _reading)
    depth.append(
        [
            _in(["the", "a", "their", "its"]),
            {"ORTH": {"IN": ['"', "“"]}},
            QUALS,
            num,
            *per_unit,
            {"ORTH": {"IN": ['"', "”"]}},
            _in(["figure", "claim", "cited", "claimed", "given", "quoted", "estimate", "reported", "mentioned"]),
        ]
    )
    # the same unquoted, with who gave it: "not the 90 km that several Indian channels have been
    # reporting", "the 90 km claimed by Pakistani TV" (not "the 90 km figure does not fit", which
    # only refutes a figure given before)
    claimed = ["cited", "claimed", "given", "quoted", "reported", "mentioned"]
    depth.append([_in(["the"]), QUALS, num, *per_unit, _in([*claimed, "carried", "repeated"]), _in(["by"])])
    depth.append(
        [
            _in(["the"]),
            QUALS,
            num,
            *per_unit,
            _in(["that", "which"]),
            {**NOT_NUM, "OP": "{1,6}"},
            _in([*claimed, "reporting", "repeating", "claiming", "claim", "claims", "say", "says", "said", "gave"]),
        ]
    )
    # a distance quoted on its own: 'Dawn has "more than 50 km"', 'the "80 km" carried by some
    # outlets', 'the figure of "about 90 km"' (a depth only where the words around make it a
    # claim or the sentence speaks of depth: see _reading)
    quoted = [[OPENQ_ONE, QUALS, num, *per_unit, {"ORTH": {"IN": ['"', "”"]}}]]
    # "the border, some 50 km away"; "50 km inland"
    depth.append([_in(BORDER_WORDS), {"ORTH": ",", "OP": "?"}, QUALS, num, *per_unit, _in(["away"])])
    # "located a short distance from the common border, less than 20 kilometres, in an area …"
    depth.append(
        [
            {"LOWER": "from"},
            {"LOWER": "the"},
            {"IS_ALPHA": True, "OP": "{0,3}", "LOWER": {"NOT_IN": BORDER_WORDS}},
            _in(BORDER_WORDS),
            {"ORTH": ","},
            {**QUALS, "OP": "{1,3}"},
            num,
            *per_unit,
            {"ORTH": {"IN": [",", ".", ";"]}},
        ]
    )
    depth.append([num, *per_unit, _in(["inland"])])
    # "by my reckoning it is about 50 kilometres in." (the clause ends there)
    depth.append([num, *per_unit, {"LOWER": "in"}, {"ORTH": {"IN": [".", ",", ";", "!"]}}])
    # "our drones went in about 30 kilometres", "flew some 40 km in"
    went = _in(["went", "gone", "go", "goes", "going", "flew", "flown", "pushed", "penetrated"])
    depth.append([went, {"LOWER": "in", "OP": "?"}, QUALS, num, *per_unit])
    # an explainer's figure as its paragraph's heading: "About 30 miles -- How far inside Iran …"
    dash = {"ORTH": {"IN": [*DASHES, ":"]}}
    # ("more than 50 kilometres -- that's how far Pakistan says Iran's missiles reached")
    that = {"LOWER": {"IN": ["that", "that's", "thats", "'s", "’s", "is", "was"]}, "OP": "{0,2}"}
    depth.append([num, *per_unit, dash, that, {"LOWER": "how"}, _in(["far", "deep"])])
    # a box's line: "50+ km how far inside Pakistan Iran's missiles landed"
    depth.append([num, *per_unit, {"LOWER": "how"}, _in(["far", "deep"]), _in(["inside", "into"])])
    # "Pakistani officials put it at about 50 kilometres", "placed the site some 40 km in"
    placing = _in([*_PUTTING, "places", "placing"])
    site = _in(["site", "distance", "depth", "village", "target", "targets", "compound"])
    # "I'd put it closer to 45 kilometres" (not "put it 30 km ahead of the column")
    closer = [{"LOWER": "it"}, _in(["closer", "nearer"]), {"LOWER": "to"}]
    for what in ([{"LOWER": "it"}, {"LOWER": "at"}], closer, [{"LOWER": "the"}, site, {"LOWER": "at", "OP": "?"}]):
        depth.append([placing, *what, QUALS, num, *per_unit])
    # "put the distance from the border at around 50 kilometres"
    depth.append([placing, {"LOWER": "the"}, site, {**NOT_NUM, "OP": "{1,5}"}, {"LOWER": "at"}, QUALS, num, naut, unit])
    # "measured the distance from the site to the nearest point on the border, on a map, at 48 km"
    depth.append(
        [
            _in(["measured", "measures", "measuring", "measure"]),
            {"LOWER": "the"},
            _in(["distance", "depth"]),
            {**IN_CLAUSE, "OP": "{1,16}"},
            {"LOWER": "at"},
            QUALS,
            num,
            naut,
            unit,
        ]
    )
    # "Ali himself measures 61 km to the closest structure hit" (a measure of something to somewhere)
    depth.append(
        [_in(["measured", "measures", "measuring"]), QUALS, num, *per_unit, _in(["to", "from"]), {"LOWER": "the"}]
    )
    # "My own measurement on imagery, from the compound to the nearest border pillar, gives 23 km"
    depth.append(
        [
            _in(["measurement", "measurements", "reckoning"]),
            {"ORTH": {"NOT_IN": [".", ";"]}, "OP": "{1,20}"},
            _in(["gives", "gave", "shows", "showed", "puts", "put", "yields", "yielded"]),
            QUALS,
            num,
            *per_unit,
        ]
    )
    # 'measured on his phone, from the border to the village: "barely 25 km"'
    depth.append(
        [
            {"LOWER": "from"},
            {"LOWER": "the"},
            _in(BORDER_WORDS),
            {"LOWER": "to"},
            {"IS_ALPHA": True, "OP": "{1,4}"},
            {"ORTH": {"IN": [":", ","]}, "OP": "?"},
            OPENQ,
            {**_in(["barely", "just", "only", "maybe", "perhaps"]), "OP": "?"},
            QUALS,
            num,
            *per_unit,
        ]
    )
    border = [
        [
            num,
            *per_unit,
            {"ORTH": "-", "OP": "?"},
            {"LOWER": "long", "OP": "?"},
            {
                "IS_ALPHA": True,
                "OP": "{0,3}",
                "LOWER": {
                    "NOT_IN": [
                        "from",
                        "of",
                        "inside",
                        "into",
                        "to",
                        "off",
                        "across",
                        "beyond",
                        "within",
                        "away",
                        "deep",
                    ]
                },
            },
            _in(BORDER_WORDS),
        ],
        [
            _in(BORDER_WORDS),
            {"LOWER": {"IN": ["stretches", "runs", "is", "of", "spans", "extends"]}},
            {
                "LOWER": {"IN": ["for", "some", "about", "nearly", "roughly", "around", "over", "more", "than"]},
                "OP": "{0,3}",
            },
            num,
            unit,
        ],
    ]
    # the answer to a question that asked how far ("How far inside …? About 20 miles, …"): only
    # opening a sentence that follows such a question (figures' ``asked``)
    answer = [[QUALS, num, *per_unit]]
    # a table row: "| Distance of site from border | approx. 55 km |", "Distance from the border: 50 km"
    depth.append(
        [
            _in(["distance", "depth"]),
            # "Distance from the Pak-Iran border: approximately 45 km"
            {"ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]}, "ORTH": {"NOT_IN": [":", "|", ".", ";"]}, "OP": "{0,6}"},
            _in(BORDER_WORDS),
            {"IS_SPACE": True, "OP": "?"},  # a table's padding
            {"ORTH": {"IN": ["|", ":"]}},
            {"IS_SPACE": True, "OP": "?"},
            QUALS,
            num,
            *per_unit,
        ]
    )
    # an incident record's field: "DIST:       approx. 45 km", "DIST_FROM_BORDER_KM:  50+"
    # … and a data export's, quoted: '"depth_km": 50' (not a bare "depth", which a quake catalogue has)
    field = {"LOWER": {"REGEX": r"^dist(?:ance)?(?:_from_(?:the_)?border)?$"}}
    field_km = {"LOWER": {"REGEX": r"^(?:dist(?:ance)?(?:_from_(?:the_)?border)?|depth(?:_inside)?)_km$"}}
    pad = [{"ORTH": '"', "OP": "?"}, {"ORTH": ":"}, {"IS_SPACE": True, "OP": "?"}, QUALS]
    depth += [[field, *pad, num, *per_unit], [field, *pad, num, {"ORTH": "-"}, num, *per_unit], [field_km, *pad, num]]
    # a field named in words: "Depth inside Pakistan: more than 50 km", "Distance inside Iran: about 90
    # km", "Distance of S-07 from the border line, as measured by the DHO on the district map: approx. 48 km"
    named = [{"LOWER": {"IN": ["depth", "distance", "penetration"]}, "IS_TITLE": True}]
    cell = {"ENT_TYPE": {"NOT_IN": [CARDINAL, ZERO, VAGUE]}, "ORTH": {"NOT_IN": [":", ".", ";", "|"]}}
    colon = [{"ORTH": ":"}, {"IS_SPACE": True, "OP": "?"}, QUALS, num, *per_unit]
    depth.append(
        [*named, _in(["inside", "into"]), {"LOWER": "the", "OP": "?"}, {"IS_ALPHA": True, "OP": "{1,2}"}, *colon]
    )
    depth.append(
        [
            *named,
            {**cell, "OP": "{0,4}"},
            {"LOWER": "from"},
            {"LOWER": "the"},
            _in([*BORDER_WORDS, "zero"]),
            # (not past "to": 'from the border to the village: "barely 25 km"' is read above, by its own
            # pattern, which cannot tell a village from a city on a route: "… to Quetta: 600 km" is read too)
            {**cell, "LOWER": {"NOT_IN": ["to", "and"]}, "OP": "{0,12}"},
            *colon,
        ]
    )
    # a factbox's line, the distance first: "* 50+ km - depth inside Pakistan, per …", "* ~90 km -
    # reach inside Iran claimed by …" (only opening its line, as the casualty factbox's: see figures())
    fact = [[QUALS, num, *per_unit, dash, {"ORTH": {"NOT_IN": [";", "."]}, "OP": "{0,3}"}, _in(_FACT_DEPTH)]]
    return {
        "depth:depth": depth,
        "border:border_length": border,
        "answer:depth": answer,
        "fact:depth": fact,
        "quoted:depth": quoted,
    }


_FACT_DEPTH = ("depth", "deep", "reach", "inside", "into", "penetration")


ORDINAL_DAYS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth"
).split()


def _date_patterns() -> dict[str, list[list[dict]]]:
    day = {"TEXT": {"REGEX": r"^(?:[0-3]?\d)(?:st|nd|rd|th)?$"}}
    month = _in(MONTHS)
    year = {"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}, "OP": "?"}
    comma = {"ORTH": ",", "OP": "?"}
    two = {"TEXT": {"REGEX": r"^\d\d$"}}
    return {
        "date:day": [
            [day, {"LOWER": "of", "OP": "?"}, month, comma, year],
            [month, day, comma, year],
            # "on the tenth of January" (spoken)
            [{"LOWER": "the"}, _in(ORDINAL_DAYS), {"LOWER": "of"}, month, comma, year],
        ],
        "date:month": [
            [_in(["in", "during", "since", "early", "late", "mid", "mid-"]), month, year],
            # "Mid-December 2023 — militants storm …", "December 2023:" (a timeline's entry): the year
            # makes a bare month a date ("May" alone is a verb as often)
            [
                {**_in(["mid", "early", "late"]), "OP": "?"},
                {"ORTH": "-", "OP": "?"},
                {**month, "IS_TITLE": True},
                {"TEXT": year["TEXT"]},
            ],
            # "the December raid on a police station", "last January's attack"
            [
                _in(["the", "last", "a"]),
                {**month, "IS_TITLE": True},
                _in("raid raids attack attacks bombing bombings strike strikes assault ambush".split()),
            ],
        ],
        # "2024-01-16", "16.01.2024", "16/01/2024": a form's, a table's, an official letter's
        "date:numeric": [
            [{"TEXT": {"REGEX": r"^\d{1,2}([./-])\d{1,2}\1(?:19|20)\d\d$"}}],
            # (ISO's hyphens split the date into five tokens)
            [{"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}}, {"ORTH": "-"}, two, {"ORTH": "-"}, two],
        ],
        "date:weekday": [[_in(WEEKDAYS)]],
        "date:relative": [[_in(["yesterday", "today", "tonight"])], [{"LOWER": "last"}, _in(["night", "week"])]],
    }


@lru_cache(maxsize=1)
def matchers():
    """(figure Matcher, PhraseMatchers for weapons and groups (any case, abbreviations as
    written), date Matcher), built once on the pipeline's vocabulary."""
    from spacy.matcher import Matcher, PhraseMatcher

    from geo.extract.nlp import phrase, pipeline

    nlp = pipeline()
    m = Matcher(nlp.vocab)
    for families in (_casualty_patterns(), _list_patterns(), _measure_patterns()):
        for label, pats in families.items():
            m.add(label, pats)
    dm = Matcher(nlp.vocab)
    for label, pats in _date_patterns().items():
        dm.add(label, pats)
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab)  # abbreviations as written
    for prefix, vocab in (("weapon", WEAPONS), ("group", GROUPS)):
        for name, variants in vocab.items():
            low = [v for v in variants if v not in ABBREVIATIONS]
            phrases.add(f"{prefix}:{name}", [phrase(v) for v in low])
            up = [v.upper() for v in variants if v in ABBREVIATIONS]
            if up:
                exact.add(f"{prefix}:{name}", [phrase(v) for v in up + [u.rstrip("S") + "s" for u in up]])
    return m, phrases, exact, dm


@dataclass(frozen=True)
class Figure:
    """One number read in its role: what it counts and the tokens that say so."""

    kind: str  # killed, injured, casualties, depth, border_length
    value: float | None
    qualifier: str
    start: int  # character span of the figure, qualifier included
    end: int
    victims: str | None = None
    breakdown: dict[str, int] | None = None
    vague: str | None = None  # "dozens": the word kept, value None
    low: float | None = None
    high: float | None = None
    detected: float | None = None  # proposed by the figure model (detector.py), this sure; not a pattern


_NEGATED = frozenset("nobody no never not n't none".split())
_TOLD = KILL | HURT | {"toll", "deaths", "martyrs"}  # what a count's echo counts, told before it


def _parts_follow(doc, i: int) -> bool:
    """ "…, four of them children": the figure's breakdown after its comma."""
    after = [t.lower_ for t in doc[i + 2 : i + 5]]
    return len(after) == 3 and doc[i + 2].ent_type_ == CARDINAL and after[1:] == ["of", "them"]


def qualifier_before(doc, i: int) -> tuple[str, int]:
    """The qualifier ending just before token ``i`` ("at least", "nearly") and its first token."""
    for n in (3, 2, 1):
        if i - n < 0:
            continue
        words = " ".join(t.lower_ for t in doc[i - n : i])
        if words in QUALIFIERS:
            return QUALIFIERS[words], i - n
    return "exact", i


_DENIALS = frozenset("denied denies deny denying".split())
_COUNT_ENDS = VICTIMS | frozenset(
    "given reported announced issued on in by from and but at via per according said says including".split()
)


# one person, whose "of six" is an age
_ONE_PERSON = frozenset("boy girl child son daughter man woman baby infant toddler".split())


def _is_age(doc, i: int) -> bool:
    """ "a 7-year-old", "12 years old", "aged 6 to 11 years": an age or a time, not a count."""
    nxt = [t.lower_ for t in doc[i + 1 : i + 4]]
    if nxt[:1] and nxt[0] in ("years", "months", "weeks", "days", "hours"):
        return True  # "girls aged between 6 and 11 years": a span of time, never a count of people
    if (nxt[:2] == ["-", "year"] or nxt[:2] == ["-", "month"]) or nxt[:2] in (["years", "old"], ["year", "old"]):
        return True
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _ONE_PERSON:
        return True  # "a boy of ten and a girl of six were killed": their ages
    # "girls between the ages of nine and 14", "aged 6 and 11": the numbers after "ages" / "aged"
    for t in reversed(doc[max(0, i - 6) : i]):
        if t.lower_ in ("aged", "ages", "age"):
            return True
        if not (t.ent_type_ == CARDINAL or t.lower_ in ("and", "to", "-", "–", "of", "the", "between", "from")):
            return False
    return False


def _day_of_month(doc, i: int) -> bool:
    """A day's digits after its month ("January 3"): a date, not a count."""
    return i > 0 and doc[i - 1].lower_ in MONTHS and doc[i].text.isdigit()


def _num_tokens(doc, a: int, b: int) -> list[int]:
    """The number tokens in [a, b): a "no" that begins a qualifier ("no fewer than 300") is none."""
    return [
        t.i
        for t in doc[a:b]
        if (t.ent_type_ in (CARDINAL, ZERO, VAGUE) or t.lower_ in ("no", "zero")) and not _qualifying_no(doc, t.i)
    ]


def _qualifying_no(doc, i: int) -> bool:
    return doc[i].lower_ == "no" and i + 2 < len(doc) and doc[i + 1].lower_ in ("fewer", "less", "more")


# Victims a striker counts (its targets), not the struck side (its dead)
MILITANTS = frozenset(
    "militants militant fighters fighter insurgents insurgent separatists separatist terrorists terrorist commanders "
    "commander gunmen assailants attackers sarmachars sarmachar".split()  # (Balochi: the insurgents' fighters)
)
# ("any stretch within 20 km of the border": a part of a road or of the border, not a strike)
_ZONES = frozenset(
    "areas area travel zone zones belt districts villages places anywhere everywhere stretch stretches".split()
)
_DEEP = frozenset("inside into deep depth border frontier far penetrated".split())
_TOWNS = frozenset("town towns city cities capital port".split())
_MONEY = frozenset("rs rs. pkr inr usd $ € £ rupees rupee rials rial tomans toman dollars dollar euros".split())
# (the tokenizer splits "No." in two: "No. 1" is read past its full stop, see _reading)
_NUMBERED = frozenset(
    """paragraph paragraphs para paras graf grafs page pages section item point annex no nos rule rules article
    articles clause chapter slide step""".split()
)
_ONE_BEFORE = frozenset(
    "the this that each every another any which earlier later latest last first second other new same".split()
)


def _either(doc, a: int, b: int) -> bool:
    """ "killed or wounded", "injured or killed" in or just after the match."""
    words = [t.lower_ for t in doc[a : min(len(doc), b + 3)]]
    return any(
        x in KILL | HURT and y == "or" and z in KILL | HURT and (x in KILL) != (z in KILL)
        for x, y, z in zip(words, words[1:], words[2:], strict=False)
    )


def _pronoun_one(doc, i: int) -> bool:
    """ "the earlier one killed two": "one" standing for a noun, not a count."""
    if doc[i].lower_ == "one" and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
        j = i + 3 if doc[i + 2].lower_ in ("the", "its", "their") else i + 2
        if j < len(doc) and doc[j].ent_type_ == CARDINAL:
            return True  # "one of (the) two children killed": the two are the figure
    if doc[i].lower_ == "one" and i + 3 < len(doc) and doc[i + 1].lower_ == "of":
        # one of a group counted elsewhere: "one of those girls had died", "one of the children killed";
        # not "one of the guards was killed" (a count of one)
        group, after = doc[i + 2].lower_, doc[i + 4].lower_ if i + 4 < len(doc) else ""
        if group in ("those", "these") or group == "the" and after in KILL | HURT:
            return True
    if i + 1 < len(doc) and (doc[i + 1].lower_ in VICTIMS or i + 2 < len(doc) and doc[i + 2].lower_ in VICTIMS):
        return False  # "in which one police officer was martyred": a count
    return doc[i].lower_ == "one" and i > 0 and doc[i - 1].lower_ in _ONE_BEFORE


_CODE = re.compile(r"[A-Za-z]{2,}-\d+-\d+|\d-0\d")  # a record's code: "SWA-24-0309", "24-0309"


def _chunk(doc, i: int) -> str:
    """The tokens around token ``i`` with no whitespace between them ("SWA-24-0309"), read from
    the tokens (``doc.text`` rebuilds the whole article's text on every call)."""
    lo = hi = i
    while lo > 0 and not doc[lo - 1].whitespace_:
        lo -= 1
    while hi + 1 < len(doc) and not doc[hi].whitespace_:
        hi += 1
    return "".join(t.text for t in doc[lo : hi + 1])


def _reading(doc, label: str, a: int, b: int, i: int, sent_words: set[str]):
    """A Figure for the number at token ``i`` of match ``label`` over tokens [a, b); ``sent_words``:
    the lower-cased words of its sentence (built once per sentence by :func:`figures`)."""
    family, kind = label.split(":")
    tok = doc[i]
    vague = None
    low = high = None
    if tok.ent_type_ == ZERO or tok.lower_ in ("no", "zero"):
        value = 0.0
        if tok.lower_ in ("any", "anyone", "anybody") and not any(t.lower_ in _DENIALS for t in doc[max(0, i - 3) : i]):
            return None  # "were any soldiers killed?": a zero only where it is denied
        if i + 1 < len(doc) and doc[i + 1].lower_ in ("further", "more", "new", "additional", "fresh", "other"):
            return None  # "no further casualties have been received": none since, not none at all
        if (
            b < len(doc)
            and doc[b - 1].lower_ in KILL | HURT
            and doc[b].lower_ in ("was", "were", "is", "are", "had", "has", "have")
            and not (b + 1 < len(doc) and doc[b + 1].lower_ in KILL | HURT)
        ):
            # "none of those killed were Iranian": who the dead were, not how many ("no
            # casualties were reported" is a count)
            return None
        if b - 2 > i and doc[b - 1].lower_ in KILL | HURT and doc[b - 2].lower_ in ("those", "the"):
            return None  # "None of those martyred in this incident held Iranian nationality": the same
    elif tok.ent_type_ == VAGUE:
        vague, value = tok.lower_, None
        low, high = numbers.VAGUE[vague]
    else:
        value = numbers.value(tok.text)
        if value is None and i > 0 and doc[i - 1].lower_ == "between" and " and " in tok.lower_:
            # "between seven and twelve" (one token: number words joined by "and"): the lower bound
            lower, upper = (numbers.value(x) for x in tok.lower_.split(" and ", 1))
            if lower is not None and upper is not None and lower < upper:
                value, low, high = lower, lower, upper
        if value is None or _is_age(doc, i) or _pronoun_one(doc, i):
            return None
        if numbers.is_year(tok.text) and not (i + 1 < len(doc) and doc[i + 1].lower_ in VICTIMS):
            return None
        before = doc[i - 2] if i > 1 and doc[i - 1].text == "." else doc[i - 1] if i else None
        if before is not None and before.lower_ in _NUMBERED:
            return None  # "in paragraph 3", "item 2", "Bulletin No. 1": a place in a series, not a count
        if before is not None and before.lower_ in _MONEY or i + 1 < len(doc) and doc[i + 1].lower_ in _MONEY:
            return None  # "Rs 500,000 for each injured person", "Rs. 300,000 for each": a sum, not people
        if (
            tok.is_digit
            and i == doc[i].sent.start
            and doc[i].sent.end - i == 2
            and doc[i + 1].is_title
            and doc[i + 1].lower_ not in KILL | HURT
        ):
            return None  # "4 Casualties": a numbered section heading (not "2 Killed")
        if tok.is_digit and i + 2 < len(doc) and doc[i + 1].is_title and doc[i + 2].is_digit:
            return None  # "… 3 Pakistani strike near Saravan 4 Casualties 5 Reactions": a table of contents
        if tok.is_digit and any(t.lower_ in MONTHS for t in doc[max(0, i - 1) : i + 2] if t.i != i):
            return None  # "its strikes of 18 January", "January 18": a day of the month
        if (
            i + 1 < len(doc)
            and doc[i + 1].lower_ in ("more", "additional", "further")
            and sent_words & {*UPDATE_VERBS, "total", "taking", "bringing"}
        ):
            return None  # "rose to nine after two more bodies were recovered": the step, not a toll
        if any(t.lower_ == "bodies" and doc[t.i - 1].lower_ == "foreign" for t in doc[i + 1 : b]):
            return None  # "two metallic foreign bodies in soft tissue": shrapnel, not the dead
        after = [t.lower_ for t in doc[i + 1 : min(len(doc), i + 6)]]
        if after[:1] in (["more"], ["fewer"], ["less"], ["higher"], ["lower"]) and "than" in after:
            return None  # "counts two more injured than MoFA", "one higher than": a difference
        if i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and _CODE.search(_chunk(doc, i)):
            return None  # "SWA-24-0309": a part of a code, not a count (but "40-50 km" is a range)
    if family == "bodies" and sent_words & {*UPDATE_VERBS, "toll", "total", "taking", "bringing"}:
        return None  # "the toll rose to five after the bodies of two fishermen were recovered": the step
    if family == "echo":
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and not (nxt.is_punct or nxt.lower_ in ("and", "but", "adding", "while")):
            return None
        start = doc[i].sent.start
        prior = [t for t in doc[start:i] if t.lower_ in _TOLD]
        ends = nxt is None or nxt.text in (".", "!") or nxt.text == "," and _parts_follow(doc, i)
        # (not "Who counted three?", "nobody has said 11", nor "…; the government said more than
        # fifty" of a distance)
        ends = ends and not (_NEGATED & {t.lower_ for t in doc[max(start, a - 3) : a]} or sent_words & UNITS.keys())
        if not prior and (doc[a].lower_ in _PUTTING or ends) and start > 0:
            # "… martyrs … stands at 89. The ministry had earlier put the number at 95", "Nine were
            # killed, IRNA said. Iran's health ministry said 95.": the number the sentence before
            # told of, where the figure ends its own sentence (or its breakdown follows)
            prior = [t for t in doc[start - 1].sent if t.lower_ in _TOLD]
        if not prior:
            return None
        kind = "injured" if prior[-1].lower_ in HURT else "killed"
    if family in ("tally", "countof") and kind == "killed" and not sent_words & DEATH_WORDS:
        return None
    if family == "countof" and doc[a].lower_ in ("the", "those"):
        if a > 0 and doc[a - 1].lower_ == "among":
            return None  # "Among the dead were three women", "among those killed are …": a part of the toll
        if any(
            t.ent_type_ == CARDINAL and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in VICTIMS
            for t in doc[i + 1 : min(i + 6, len(doc))]
        ):
            return None  # "the dead were three women, four children and two men": its parts, listed
    if (
        family in ("countof", "label")
        and i + 1 < len(doc)
        and doc[i + 1].is_alpha
        and doc[i + 1].lower_ not in _COUNT_ENDS
        # (a field's label after it is no thing counted: "Killed: 2 source: Foreign Office")
        and not (i + 2 < len(doc) and doc[i + 2].text == ":")
    ):
        return None  # "a tally of 14 attacks", "wounded: 3 times": a count of something else
    if family == "update":
        if (
            not sent_words & TOLL_WORDS
            and not (
                # "saying 9 dead in a village near Saravan, up from 7": the dead named, no toll word
                doc[i - 1].lower_ == "from"
                and sent_words & DEATH_WORDS
                # "first reported 7 killed, later revised to 9", "fatalities updated from 1 to 2": what
                # is revised is the count the sentence named before
                # ("moved from 103 dead to 84": the count the match itself names)
                or any(t.lower_ in DEATH_WORDS | HURT for t in doc[doc[a].sent.start : i])
                # "On the Iranian side, the toll was first given as seven. Officials later raised
                # it to nine": "it" is the toll the sentence before told of
                or _toll_told(doc, a, b, sent_words)
            )
        ):
            return None
        if sent_words & {"injured", "wounded", "injuries", "injury"} and not sent_words & DEATH_WORDS:
            kind = "injured"
    if family == "total":
        if not sent_words & (DEATH_WORDS | HURT | {"bodies", "injuries", "casualties"}):
            return None  # "taking the total to 14 attacks this year"
        if sent_words & (HURT | {"injuries", "injury"}) and not sent_words & (DEATH_WORDS | {"bodies"}):
            kind = "injured"
    if family == "noloss" and b + 1 < len(doc) and doc[b].lower_ in ("or", "and"):
        if doc[b + 1].lower_ in ("injury", "injuries", "limb"):
            kind = "casualties"
    if family == "toll" and doc[i].ent_type_ == ZERO and i and doc[i - 1].lower_ in TOLL_WORDS:
        return None  # "The toll nobody counts": the subject of the clause after the toll, no figure
    if family in ("passive", "toll") and _day_of_month(doc, i):
        return None  # "the toll from the January 3 bombings …": a date's day
    last_two = [t.lower_ for t in doc[max(a, b - 3) : b - 1]]  # the two words before the match's last
    if last_two == ["of", "the"] and doc[b - 1].lower_ in ("wounded", "injured"):
        return None  # "two more of the wounded died": who died, not how many were wounded
    if (
        family == "passive"
        and (last_two in (["among", "the"], ["among", "those"]) or last_two[-1:] == ["among"])  # "… AMONG DEAD"
        and not any(t.lower_ in MILITANTS for t in doc[a:b])
    ):
        # "four children were among the dead": a part of a toll given elsewhere, not a toll (but
        # "seven militants were among the dead" is a side's claim of whom it killed)
        return None
    if family == "toll":
        before = doc[a - 1].lower_ if a else ""
        kind = {"casualty": "casualties", "injury": "injured"}.get(before, "killed")
    if family == "active" and not any(t.lower_ in VICTIMS for t in doc[i + 1 : b]) and i + 1 < len(doc):
        # "killed two days later": without a victim noun, the number must end the phrase
        nxt = doc[i + 1]
        if nxt.is_alpha and nxt.lower_ not in {
            "and",
            "of",
            "in",
            "on",
            "at",
            "near",
            "when",
            "while",
            "as",
            "after",
            "including",
            "inside",
            "across",
            "during",
            "people",
        }:
            return None
    if kind in ("killed", "injured") and _either(doc, a, b) or kind == "injured" and doc[b - 1].lower_ == "harmed":
        kind = "casualties"  # "no one was killed or wounded", "no one was harmed": not told apart
    qual, q0 = qualifier_before(doc, i)
    if family == "update" and qual == "up to" and doc[q0 - 1].lower_ in ("went", "came", "back", "gone", "come"):
        qual = "exact"  # "it went back up to 95": a revision's new figure, not a ceiling
    if [t.lower_ for t in doc[max(0, q0 - 2) : q0]] in (["anywhere", "near"], ["anything", "like"]):
        return None  # "no credible report of a toll anywhere near 30": a figure denied, not stated
    if qual == "exact" and i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ == "odd":
        qual = "about"
    if qual == "exact" and [t.lower_ for t in doc[i + 2 : i + 4]] == ["or", "so"] and doc[i + 1].lower_ in UNITS:
        qual = "about"  # "twenty kilometres or so"
    if qual == "exact" and (tok.text.endswith("+") or i + 1 < len(doc) and doc[i + 1].text == "+"):
        qual = "more than"
    if family == "quoted":
        if not _quoted_depth(doc, a, b, sent_words):
            return None
        family, a = "depth", a + 1  # (the figure's span starts inside the quote, as other depths' do)
    if family == "depth" and doc[a].lower_ in ("the", "a", "their", "its") and not sent_words & _DEEP:
        return None  # a quoted distance named a claim where the sentence says nothing of how deep
    if family == "depth" and doc[a].lower_ == "from" and sent_words & _OTHER_LENGTHS:
        return None  # "the road runs from the border, about 20 km, to Panjgur": a road's length
    if family == "depth" and [t.lower_ for t in doc[b : b + 2]] == ["by", "road"]:
        return None  # "roughly 100 km from the frontier by road": a drive, not how deep a strike went
    if family == "depth" and any(t.lower_ in _TOWNS for t in doc[max(0, q0 - 2) : q0]):
        return None  # "Turbat, a town about 40 km from the border": where a town lies, not how deep a strike went
    if family == "depth" and i + 2 < len(doc) and doc[i + 1].lower_ in UNITS and doc[i + 2].lower_ == "of":
        # (a qualifier's "within" too, and a range's: "within 20 or 30 kilometres of the line")
        if "within" not in {t.lower_ for t in doc[max(0, q0 - 3) : q0 + 1]}:
            return None  # "fencing on 830 km of the 909 km border": a stretch of the border, not a depth
        # ("the Saravan-area sites": a compound's word is no zone)
        if any(t.lower_ in _ZONES and doc[t.i - 1].text != "-" for t in doc[max(doc[i].sent.start, q0 - 12) : q0]):
            # "Do not travel to areas within 100 km of the border with Afghanistan or within 50 km of
            # the border with Pakistan": a zone, not how deep a strike went
            return None
    # a range, stated by its lower bound (the higher kept as its top): "between nine and 12 people
    # died" (read at the 12), "killed between 7 and 12 people" (at the 7), "between seven and twelve"
    before = [t.lower_ for t in doc[max(0, q0 - 3) : q0]]
    if vague is None and before[:1] == ["between"] and len(before) == 3 and before[2] in ("and", "to"):
        lower = numbers.value(doc[q0 - 2].text) if doc[q0 - 2].ent_type_ == CARDINAL else None
        if lower is not None and value is not None and lower < value:
            value, qual, low, high, q0 = lower, "at least", lower, value, q0 - 3
    elif vague is None and before[-1:] == ["between"]:
        if high is None and i + 2 < len(doc) and doc[i + 1].lower_ in ("and", "to"):
            upper = numbers.value(doc[i + 2].text) if doc[i + 2].ent_type_ == CARDINAL else None
            if upper is not None and value is not None and value < upper:
                low, high = value, upper
        if high is not None:
            qual, q0 = "at least", q0 - 1
    elif vague is None and family != "update" and len(before) >= 2 and before[-1] in ("to", "-", "–"):
        # "roughly 20 to 25 km", "20-25 km": a range without "between" (not "from 89 to 91": an update)
        lower = numbers.value(doc[q0 - 2].text) if doc[q0 - 2].ent_type_ == CARDINAL else None
        if lower is not None and value is not None and lower < value and before[-3:-2] != ["from"]:
            value, qual, low, high = lower, "at least", lower, value
            q0 = qualifier_before(doc, q0 - 2)[1]
    elif vague is None and family == "depth" and before[-1:] in ([","], ["maybe"], ["perhaps"], ["or"]):
        # "forty, forty-five kilometres", "forty-five, maybe forty-seven kilometres": a range
        j = q0 - 1 - (before[-2:] in ([",", "maybe"], [",", "perhaps"]))
        lower = numbers.value(doc[j - 1].text) if j > 0 and doc[j - 1].ent_type_ == CARDINAL else None
        if lower is not None and value is not None and lower < value and not numbers.is_year(doc[j - 1].text):
            value, qual, low, high = lower, "at least", lower, value
            q0 = qualifier_before(doc, j - 1)[1]
    elif vague is None and family != "update" and before[-1:] == ["or"] and q0 > 1:
        # "eight or nine people were hurt", 'told him "eleven or twelve" died': a range, at its
        # lower bound (SCHEMA.md); not two far-apart counts set against each other ("9 or 90")
        lower = numbers.value(doc[q0 - 2].text) if doc[q0 - 2].ent_type_ == CARDINAL else None
        if lower is not None and value is not None and lower < value <= 2 * lower + 1:
            value, qual, low, high = lower, "at least", lower, value
            q0 = qualifier_before(doc, q0 - 2)[1]
    victims = None
    for t in doc[i + 1 : b]:
        if t.lower_ in VICTIMS:
            victims = t.lower_
            break
    if victims is None and family in ("toll", "tally", "echo", "update"):
        # "put the number of militants killed at seven": who the toll counts, named before it
        of = [t for t in doc[a:i] if t.lower_ in VICTIMS and t.i > a and doc[t.i - 1].lower_ == "of"]
        victims = of[0].lower_ if of else None
    start = doc[q0].idx
    end_tok = doc[b - 1]
    return Figure(
        kind, value, qual, min(start, doc[a].idx), end_tok.idx + len(end_tok.text), victims, None, vague, low, high
    )


# words that make a distance quoted on its own someone's claim: 'the figure of "about 90 km"',
# 'Dawn has "more than 50 km"', 'the "80 km" carried by several outlets'
_CLAIMING = frozenset(
    """figure figures claim claims claimed phrase estimate estimates cited quoted reported carried advanced
    given gave ran has had put puts said says told short circulated circulating repeated""".split()
)
# what a sentence says when it speaks of how deep a strike went (not the border: "The border: you
# will see "900 km", "909 km" …" gives its length)
# ("into" and "far" are too common: "convert one into the other", "so far")
_DEPTH_TALK = frozenset("inside deep depth penetrated distance distances".split())


def _quoted_depth(doc, a: int, b: int, sent_words: set[str]) -> bool:
    """Whether a distance quoted on its own in tokens [a, b) is a depth: a claim's words just
    around it, or a sentence about how deep, and no other length in the sentence (a road's, the
    border's: "the "900 km"-long border")."""
    # (the sentence's words, and those just before it: "Border length: use 959 km. The "900 km" figure …")
    if sent_words & _LENGTHS or any(t.lower_ in _LENGTHS for t in doc[max(0, a - 12) : a]):
        return False
    around = {t.lower_ for t in doc[max(doc[a].sent.start, a - 3) : a]} | {t.lower_ for t in doc[b : b + 3]}
    return bool(around & _CLAIMING or sent_words & _DEPTH_TALK)


def _toll_told(doc, a: int, b: int, sent_words: set[str]) -> bool:
    """Whether update match [a, b) revises "it", or gives the figure a revision then revised
    ("first said 103, then …"), where this sentence or the one before speaks of a toll."""
    if not (doc[a].lower_ in _REPORTED or any(t.lower_ == "it" for t in doc[max(doc[a].sent.start, a - 3) : b])):
        return False
    toll = TOLL_WORDS | DEATH_WORDS
    start = doc[a].sent.start
    return bool(sent_words & toll) or start > 0 and bool({t.lower_ for t in doc[start - 1].sent} & toll)


def _verb_distance(doc, a: int, b: int, i: int) -> int:
    verbs = KILL | HURT | KILL_ACTIVE | HURT_ACTIVE | {"toll", "hospital", "injuries", "casualties", "deaths"}
    ds = [abs(t.i - i) for t in doc[a:b] if t.lower_ in verbs and t.i != i]
    return min(ds) if ds else 99


# what puts a distance as someone's reckoning of the one just told: "closer to 30 miles", "say 30 miles"
_RECKONED = frozenset("to like say says said put estimated estimates reckoned reckons".split())


def _restated(doc, s: int, e: int, b: int) -> bool:
    """Whether the distance in tokens [s, e) ends its clause, qualified, quoted or reckoned, in a sentence
    (ending at token ``b``) that goes on about how far ("A retired air marshal told me it was closer
    to 30 miles."): another figure for the depth the sentence before gave."""
    ends = e >= b or doc[e].text in (".", ",", "!", "?", ";", '"', "”")
    if not ends or not (doc[s].lower_ in QUAL_WORDS or s > 0 and doc[s - 1].lower_ in _RECKONED | {'"', "“"}):
        return False
    start = doc[s].sent.start
    # not another length: the border's ("the border itself runs for roughly 900 km"), a road's
    return not {t.lower_ for t in doc[start:b]} & _OTHER_LENGTHS


_DENIED = frozenset(["not", "no", "none", "nor"])
_OTHER_LENGTHS = frozenset("runs stretches spans extends share shares length road roads drive drove highway".split())
# what a quoted distance measures where these are near: a road, a journey, the border's length
_LENGTHS = _OTHER_LENGTHS | frozenset("long wide radius covered travelled traveled journey".split())


def figures(doc, a: int, b: int, asked: bool = False) -> list[Figure]:
    """Casualty figures, depths and border lengths in tokens [a, b) (one sentence); ``asked``:
    the sentence answers a question of how far ("How far inside Pakistan did they strike?"), or
    goes on from a sentence that gave a depth (a distance it restates is one: :func:`_restated`)."""
    m = matchers()[0]
    sent = doc[a:b]
    if _contents_line(doc, a, b):
        return []
    words = {t.lower_ for t in sent}
    if not (words & FIGURE_CUES and (words & {"no", "zero"} or any(t.ent_type_ for t in sent))) and not (
        # "Nine were killed, IRNA said. Iran's health ministry said 95.": a count of the sentence
        # before, its noun left out (the echo patterns, see _reading)
        words & _ECHO_VERBS
        and a > 0
        and any(t.ent_type_ == CARDINAL for t in sent)
        and {t.lower_ for t in doc[a - 1].sent} & _TOLD
    ):
        return []  # no number, or nothing a number could count: the patterns are not run
    best: dict[int, list[tuple]] = {}
    lists = []
    for match_id, s, e in m(sent):
        label = doc.vocab.strings[match_id]
        s, e = s + a, e + a
        if label.startswith("list:"):
            if s > a and doc[s - 1].lower_ == "among":
                continue  # "Among the dead were three women and four children": a toll's parts
            lists.append((label, s, e))
            continue
        if label.startswith("fact:") and any(not t.is_punct for t in doc[a:s]):
            continue  # (a factbox's figure opens its line, after a bullet at most)
        if label.startswith("answer:") and not (
            asked
            and (s == a or _restated(doc, s, e, b))
            and not _DENIED & {t.lower_ for t in doc[max(a, s - 3) : s + 1]}
        ):
            continue  # (not a distance denied: "Not 90 km", "none close to 200 km")
        # a count right before the label, or words away, makes the label its word: "nine dead: three
        # women, two men and four children" (a breakdown), "2 CHILDREN KILLED | 3 GIRLS INJURED" (the
        # count's verb)
        if label.startswith("label:") and any(
            doc[k].like_num and all(t.is_alpha for t in doc[k + 1 : s]) for k in range(max(a, s - 3), s)
        ):
            continue
        if label.startswith("label:") and doc[s].is_title and doc[s + 1].is_space and s > a:
            continue  # (a padded title-case field opens its line: "Killed   02 (minors)", not a word mid-line)
        nums = _num_tokens(doc, s, e)
        if not nums:
            continue
        # The number the pattern is about: the first for most families, the one after the verb
        # for active and toll patterns (the qualifier words come between).
        i = nums[0]
        if label.startswith("toll:"):  # past a date's day: "the toll from the January 3 bombings … stood at 95"
            i = next((n for n in nums if not _day_of_month(doc, n)), i)
        if label.startswith("ellipsis:"):
            i = nums[-1]  # (the figure after "and"; the first has its own match)
        elif label.startswith("update:") and doc[nums[-1] - 1].lower_ in ("to", *QUAL_WORDS) and len(nums) > 1:
            i = nums[-1]  # "risen from one to two": the new figure (the old one has its own match)
        elif label.startswith("update:") and doc[nums[-1] - 1].lower_ == "from" and len(nums) > 1:
            i = nums[-1]  # "revised to 95 from 103": the old figure (the new one has its own match)
        rank = (_verb_distance(doc, s, e, i), -(e - s))
        best.setdefault(i, []).append((rank, label, s, e))
    out: list[Figure] = []
    taken: set[int] = set()
    for label, s, e in sorted(lists, key=lambda t: -(t[2] - t[1])):
        nums = [
            t.i
            for t in doc[s:e]
            if t.ent_type_ == CARDINAL
            and not _is_age(doc, t.i)
            or t.lower_ in ("a", "an")
            and any(x.lower_ in VICTIMS for x in doc[t.i + 1 : t.i + 3])
        ]
        if taken & set(nums):
            continue
        parts: dict[str, int] = {}
        for j in nums:
            v = 1 if doc[j].lower_ in ("a", "an") else numbers.value(doc[j].text)
            noun = next((t.lower_ for t in doc[j + 1 : e] if t.lower_ in VICTIMS), None)
            if v is None or noun is None:
                parts = {}
                break
            parts[noun] = parts.get(noun, 0) + int(v)
        if len(parts) < 2:
            continue
        taken |= set(nums)
        kind = label.split(":")[1]
        total = sum(parts.values())
        first, *rest = parts.values()
        if len(rest) >= 2 and first == sum(rest):
            total = first  # "nine people, three women, two men and four children, …": a total, then its parts
        qual, q0 = qualifier_before(doc, nums[0])
        out.append(
            Figure(
                kind,
                float(total),
                qual,
                doc[min(s, q0)].idx,
                doc[e - 1].idx + len(doc[e - 1].text),
                ", ".join(parts),
                parts,
            )
        )
    # A number inside a total's "including …" aside is part of it, not a figure of its own.
    for i, readings in sorted(best.items()):
        if i in taken:
            continue
        # The reading with the nearest verb; the next one if a check refuses it.
        f = None
        for _, label, s, e in sorted(readings):
            f = _reading(doc, label, s, e, i, words)
            if f is not None:
                break
        if f is None:
            continue
        if label.startswith("passive"):
            taken |= set(_num_tokens(doc, s, e))
        taken.add(i)
        out.append(f)
    out += _chained(doc, a, b, out, taken)
    return _parts_dropped(doc[a:b], sorted(out, key=lambda f: f.start))


def _chained(doc, a: int, b: int, found: list[Figure], taken: set[int]) -> list[Figure]:
    """The other figures of a changelog's chain through a count read: "7 → 9 killed", "Killed:
    103 -> 84 -> 95", "8 (IRNA, 10:05) -> 9 (IRNA, 14:20)" (a note in brackets after each). Each
    is a figure of the same kind; the pipeline reads the arrow as an update."""
    out = []
    for f in found:
        if f.kind not in ("killed", "injured") or f.value is None or f.breakdown:
            continue
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        first = next((t.i for t in span if t.ent_type_ == CARDINAL), None) if span is not None else None
        for step in (-1, 1):
            i = first
            while i is not None:
                i = _linked(doc, a, b, i, step)
                if i is None or i in taken or (value := numbers.value(doc[i].text)) is None:
                    break
                taken.add(i)
                out.append(Figure(f.kind, value, "exact", doc[i].idx, doc[i].idx + len(doc[i].text)))
    return out


def _linked(doc, a: int, b: int, i: int, step: int) -> int | None:
    """The number an arrow links to the number at token ``i`` (step 1: the next in the chain;
    -1: the one before), past a note in brackets; None where there is none."""
    j = i + step
    if step == 1 and j < b and doc[j].text == "(":
        j = next((t.i + 1 for t in doc[j : min(b, j + 12)] if t.text == ")"), b)
    if not (a <= j < b and doc[j].text in ARROWS):
        return None
    j += step
    if step == -1 and j >= a and doc[j].text == ")":
        j = next((t.i - 1 for t in reversed(doc[max(a, j - 12) : j]) if t.text == "("), a - 1)
    return j if a <= j < b and doc[j].ent_type_ == CARDINAL and doc[j].is_digit else None


_PART_OF = re.compile(r"^\s*,?\s*(?:including|among them|among whom|of whom|of them)\s+(?:[\w-]+\s+){0,2}$", re.I)
# "treated four people for injuries on the night, including two adults …": the clause goes on
# about the total before it names the part
_PART_AFTER = re.compile(
    r"^[^,;:()]{0,60},\s*(?:including|among them|among whom|of whom|of them)\s+(?:[\w-]+\s+){0,2}$", re.I
)


_INSIDE_PART = re.compile(r"\b(?:including|among)\b", re.I)


def _contents_line(doc, a: int, b: int) -> bool:
    """A numbered heading in a table of contents ("4 Casualties" between "3 February 2024" and
    "5 See also"): a number and a title-cased word alone, with another numbered line beside it."""
    toks = [t for t in doc[a:b] if not t.is_space]
    if not (len(toks) == 2 and toks[0].like_num and toks[1].text.istitle()):
        return False

    def numbered(i: int, step: int) -> bool:  # the next line (step 1) or the line before (step -1)
        while 0 <= i < len(doc) and doc[i].is_space:
            i += step
        if step == -1:  # back to the start of that line
            while i > 0 and not doc[i - 1].is_space:
                i -= 1
        return 0 <= i < len(doc) - 1 and doc[i].like_num and doc[i + 1].text[:1].isupper()

    return numbered(b, 1) or numbered(a - 1, -1)


def _parts_dropped(sent, found: list[Figure]) -> list[Figure]:
    """Without the parts of a total stated just after it: "eleven deaths, including two people who
    died in hospital" is one figure (11), not two. ``sent``: the sentence's tokens (not
    ``doc.text``, which rebuilds the whole article's text on every call)."""
    out: list[Figure] = []
    for f in found:
        last = out[-1] if out else None
        if last is not None and last.value and f.kind in CASUALTY_OF.get(last.kind, ()):
            between = "".join(t.text_with_ws for t in sent if last.end <= t.idx < f.start)
            if _PART_OF.match(between) or _PART_AFTER.match(between):
                continue
            inside = "".join(t.text_with_ws for t in sent if last.start <= t.idx < f.start)
            if f.end <= last.end and _INSIDE_PART.search(inside):
                continue  # "9 people including 4 children and 3 women killed": the parts, inside the total
            if f.start < last.end and next((t.text for t in sent if last.end <= t.idx < f.end), "").startswith(":"):
                continue  # "nine people were killed: three women, four children": a breakdown after a colon
        out.append(f)
    return out


CASUALTY_OF = {"killed": ("killed",), "injured": ("injured",), "casualties": ("killed", "injured", "casualties")}


def dates(doc, a: int, b: int) -> list[tuple[str, int, int]]:
    """(label, start token, end token) of each date expression in tokens [a, b), longest first."""
    m = matchers()[3]
    # (a month's or a day's word, a number as long as a numeric date, "16.01.2024", or a year's)
    if not any(
        t.lower_ in MONTHS or t.lower_ in DATE_WORDS or t.text[:1].isdigit() and (len(t) >= 8 or len(t) == 4)
        for t in doc[a:b]
    ):
        return []
    spans = [
        (doc.vocab.strings[mid], s + a, e + a)
        for mid, s, e in m(doc[a:b])
        if doc.vocab.strings[mid].startswith("date:")
    ]
    spans.sort(key=lambda t: (t[1], -(t[2] - t[1])))
    out, end = [], -1
    for label, s, e in spans:
        if s >= end:
            out.append((label, s, e))
            end = e
    return out


def categories(doc, a: int, b: int) -> dict[str, list[tuple[str, int, int]]]:
    """Weapons and groups named in tokens [a, b): {"weapon": [(name, start char, end char)], "group": …}."""
    _, phrases, exact, _ = matchers()
    sent = doc[a:b]
    out: dict[str, list[tuple[str, int, int]]] = {"weapon": [], "group": []}
    seen: list[tuple[int, int]] = []
    # PhraseMatcher gives offsets into the doc (the token Matcher's are into the span)
    hits = sorted(
        ((doc.vocab.strings[mid], s, e) for mid, s, e in [*phrases(sent), *exact(sent)]),
        key=lambda t: (t[1], -(t[2] - t[1])),
    )
    for label, s, e in hits:
        if any(s < e2 and s2 < e for s2, e2 in seen):
            continue
        seen.append((s, e))
        prefix, name = label.split(":", 1)
        if prefix == "group" and name == "bla" and doc[s].text != "BLA" and doc[s].lower_ != "balochistan":
            continue
        out[prefix].append((name, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))
    return out
