"""Which event of the dataset a figure is about, with a confidence and the reasons.

Each sentence gives facts (places named, dates resolved against the article's date, which
country is named as striking, the words it shares with each event's description). An event is
never proposed when the sentence contradicts it: a date too early or weeks too late, or only
places in another country. Beyond the sentence, the article gives context: the paragraph's
last linked event and the article's main event (the one its sentences point to most). When no
event leads clearly the figure stays unlinked, for the reviewer to choose.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from geo.core.model import COUNTRY_NAMES

VIOLENT = ("strike", "attack", "bombing")
STRIKE_WORDS = frozenset(
    """strike strikes struck striking missiles missile drones drone attack attacks attacked launched carried hit
    hits jets retaliated retaliatory retaliation airstrike airstrikes bombed bombing shelled fired raid raids
    targeted targeting munitions rockets rocket warplanes
    hamla hamle hamlay hamley hamlon""".split()
)
COUNTRY_WORDS = {
    "IRN": frozenset("iran iranian iran's iran’s tehran irgc".split()),
    "PAK": frozenset("pakistan pakistani pakistan's pakistan’s islamabad ispr".split()),
    "IND": frozenset("india indian india's india’s delhi".split()),
}
STOPWORDS = frozenset(
    """the a an of in on at to and or for with by from as is was were be been that this it its into near
    their his her they which who after before during over than also said says iran iranian pakistan pakistani
    strike strikes struck attack attacks killed people province border targets targeted group militant
    militants described reported what where there according""".split()
)
PERIOD_WORDS = frozenset("attacks since between alone decade years".split())
VIOLENCE = STRIKE_WORDS | frozenset("bomb bomber bombs suicide gunmen militants ambush ambushed".split())
FAR_KM = 220  # a town this far from an event's place is somewhere else (Turbat–Panjgur ~120 km, Khuzdar ~260)
LATE_DAYS = 10  # a sentence dated this long after an event is about something later
RECENT_DAYS = 45  # an undated depth in a story of January 2024 is of that month's strikes, not of 2019's
_AUX_BEFORE_SAYING = frozenset("had has have also earlier later then first again".split())
# Incidents of another kind: a sentence about an earthquake is about none of the strikes.
OTHER_INCIDENTS = frozenset(
    "earthquake quake flood floods flooding crash accident landslide avalanche cyclone storm stampede collision "
    "bus train ferry ravine plunged drowned blaze crush match stadium spectators".split()
)
# Words of an incident that is none of the strikes even where an attack is named: "a grenade
# attack on a shop", "a clash with smugglers", "miners", "a coach overturned".
NOT_A_STRIKE = frozenset(
    "grenade smugglers smuggler miners coal methane overturned coach tremor magnitude robbery robbers roadside "
    "gunned gunfight firefight shootout ensuing factory rainfall downpour electrocuted".split()
)
# Verbs of a strike that rain, a flood or a fire also do: "heavy rain hit the province"
SHARED_VERBS = frozenset("hit hits fired launched carried".split())


@dataclass
class Facts:
    """What one sentence says that bears on which event it is about."""

    places: list = field(default_factory=list)  # PlaceHit
    dates: list[tuple[dt.date, str]] = field(default_factory=list)
    strikers: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    paragraph: int = 0
    attackers: set[str] = field(default_factory=set)  # groups named as attacking ("jaish")


@dataclass(frozen=True)
class Link:
    event: str | None
    confidence: str | None  # high, medium, low; None when unlinked
    reason: str
    evidence: int = 0  # the sentence's own score for the event, context left out


def strikers(toks: list[str]) -> set[str]:
    """Countries named as striking: "Iranian missiles", "Pakistan struck", "Iran's strikes".
    ``toks``: a sentence's words in lower case (as the two functions below)."""
    out = set()
    for i, w in enumerate(toks):
        for iso, words in COUNTRY_WORDS.items():
            if w not in words:
                continue
            if i and toks[i - 1] in ("inside", "into", "within"):
                continue  # "20 km inside Iran and were hit with drones": the ground struck
            ahead = toks[i + 1 : i + 5]
            said = next((x for x in ahead if x not in _AUX_BEFORE_SAYING), None)  # "Islamabad had said"
            if ahead and (ahead[0] in GROUND or said in SPEAKS):
                # "Islamabad said that strike killed two": a speaker; "into Iranian territory
                # before striking": the ground struck, not the striker
                continue
            # not across a comma: "According to Pakistani officials, the Iranian munitions landed"
            ahead = ahead[: next((k for k, x in enumerate(ahead) if x in (",", ";", ":")), len(ahead))]
            behind = toks[max(0, i - 7) : i - 1] if i and toks[i - 1] == "by" else []
            if any(x in STRIKE_WORDS for x in ahead) or any(x in STRIKE_WORDS | {"violation"} for x in behind):
                out.add(iso)  # … or the agent: "the violation of its airspace by Iran", "strikes by Pakistan"
                continue
            # what the country's possessive owns (the tokenizer may split "Pakistan" from "'s")
            owned = ahead[1:] if ahead[:1] in (["'s"], ["’s"]) else ahead if w.endswith(("'s", "’s")) else []
            if owned[:1] and owned[0] in _ANSWERS:
                out.add(iso)  # "Pakistan's reply killed nine people", "Pakistan's response two days later"
    return out


_ANSWERS = frozenset("reply response riposte counterstrike counter-strike reprisal".split())
GROUND = frozenset("territory soil airspace land side border borders province".split())
SPEAKS = frozenset("said says say told tells reported reports claimed claims added stated announced".split())
ATTACK_VERBS = frozenset(
    "killed kill kills killing attacks attack attacked stormed ambushed fought carried claimed bombed whose".split()
)


def attackers(toks: list[str], groups=("jaish",)) -> set[str]:
    """Armed groups named as attacking: "Jaish al-Adl, whose attacks have killed …", "attacks
    claimed by Jaish al-Adl"; not the group that speaks ("Jaish al-Adl said") or is targeted."""
    out = set()
    for i, w in enumerate(toks):
        if w not in groups:
            continue
        ahead = [x for x in toks[i + 1 : i + 9] if x not in ("al", "-", "adl", ",", "and", "its")]
        first = next((x for x in ahead if x in ATTACK_VERBS | SPEAKS), None)
        if first in ATTACK_VERBS and first not in SPEAKS or toks[max(0, i - 2) : i] == ["claimed", "by"]:
            out.add(w)
    return out


PASSIVE = frozenset("was were been being is are".split())


def acting(doc, start: int, end: int, stop: int) -> str | None:
    """How a group named at chars [start, end) acts, if it does: "strikes" ("the IRGC fired
    missiles", "missiles launched by the IRGC", "the IRGC's strikes", "the IRGC said it struck")
    or "speaks" ("the IRGC said"); None for a group named as struck ("strikes on Jaish al-Adl",
    "the Jaish al-Adl hideouts were targeted"). ``stop``: the token where the sentence ends."""
    span = doc.char_span(start, end, alignment_mode="expand")
    before = doc[max(0, span.start - 2) : span.start]
    if len(before) == 2 and before[1].lower_ == "by" and before[0].lower_ in STRIKE_WORDS:
        return "strikes"
    ahead = doc[span.end : span.end + 5]
    for k, t in enumerate(ahead):
        if t.text in (",", ";", ":", "."):
            return None
        if t.lower_ in STRIKE_WORDS | SPEAKS:
            if k and ahead[k - 1].lower_ in PASSIVE:
                return None
            if t.lower_ not in SPEAKS:
                return "strikes"
            # "the IRGC said it had struck …", "Jaish al-Adl claimed responsibility for the attack"
            said = doc[t.i + 1 : stop]
            deed = any(x.lower_ in STRIKE_WORDS | ATTACK_VERBS or x.lower_ == "responsibility" for x in said)
            return "strikes" if deed else "speaks"
    return None


TARGET_LEAD = frozenset("in inside into on against struck hit strike strikes attacked attack targeted across".split())


def targets(toks: list[str]) -> set[str]:
    """Countries named as struck: "inside Pakistan", "struck Iran", "on Iranian soil"."""
    out = set()
    for i, w in enumerate(toks):
        if w in TARGET_LEAD and toks[i + 1 : i + 2] != ["by"]:  # "the sites struck by Pakistan": its striker
            for j in range(i + 1, min(i + 3, len(toks))):
                x = toks[j]
                if toks[j + 1 : j + 2] and toks[j + 1] in _ATTACKS:
                    continue  # "martyred in Iranian aggression", "killed in Pakistani strikes": the striker
                for iso, words in COUNTRY_WORDS.items():
                    if x in words and x not in ("tehran", "islamabad", "irgc", "ispr"):
                        out.add(iso)
    return out


# what a striker's adjective goes with: "Iranian aggression", "Pakistani drones"
_ATTACKS = frozenset(
    "aggression attack attacks strike strikes airstrike airstrikes missile missiles drone drones shelling "
    "bombardment raid raids operation fire".split()
)


def _span(e) -> tuple[dt.date, dt.date]:
    """The first and last day an event may be dated by: its day, month or year, or its period."""
    first = e.date.replace(month=1, day=1) if e.date_precision == "year" else e.date
    if e.date_end is not None:
        return first, e.date_end
    return first, first.replace(month=12, day=31) if e.date_precision == "year" else e.date


def _same_time(d: dt.date, prec: str, e) -> bool:
    """A stated date that fits the event: the same day (one day either side: night strikes and
    time zones), or the same month when either is known only to the month; the same year, or a
    date within a period (a campaign of attacks over a decade)."""
    first, last = _span(e)
    if prec in ("year", "since") or e.date_precision == "year" or e.date_end is not None:
        if prec in ("year", "since"):
            return first.year <= d.year <= last.year
        return first.replace(day=1) <= d <= last
    if prec == "month" or e.date_precision in ("month", "week"):
        return (d.year, d.month) == (e.date.year, e.date.month)
    return abs((d - e.date).days) <= 1


def _contradicts(d: dt.date, e, prec: str = "day") -> bool:
    """A date before the event, or too long after it to be a report of it."""
    if prec in ("year", "since"):
        first, last = _span(e)
        return not first.year <= d.year <= (last + dt.timedelta(days=LATE_DAYS)).year
    if e.date_precision == "year" or e.date_end is not None:
        first, last = _span(e)
        return d < first or d > last + dt.timedelta(days=LATE_DAYS)
    start = e.date.replace(day=1) if e.date_precision in ("month", "week") else e.date - dt.timedelta(days=1)
    return d < start or d > e.date + dt.timedelta(days=LATE_DAYS + (31 if e.date_precision == "month" else 0))


class Linker:
    def __init__(self, dataset, known_figures: bool = True):
        self.ds = dataset
        self.events = []
        # (kind, value) → the events the atlas already holds that figure for: a new article that
        # repeats "nine killed" is likelier about the event nine were said to die in.
        self.known: dict[tuple[str, float], set[str]] = {}
        self.near_of: dict[str, set[str]] = {}  # a place → the places described as near it
        if dataset is None:
            return
        if known_figures:
            for c in dataset.claims.values():
                if isinstance(c.value, (int, float)) and c.kind in ("killed", "injured", "casualties", "depth"):
                    self.known.setdefault((c.kind, round(float(c.value), 1)), set()).add(c.event)
        # A curated place described as near another ("near Rask, close to Bidlad Jangal"): what
        # "near Rask" may mean, besides Rask itself
        names = {p.name.lower(): p.id for p in dataset.places.values()}
        for p in dataset.places.values():
            town = p.name.lower().removeprefix("near ").split(",")[0].strip()
            if p.name.lower().startswith("near ") and town in names:
                self.near_of.setdefault(names[town], set()).add(p.id)
        for e in dataset.events.values():
            place = dataset.place_of(e)
            if place is None or not e.happened:
                continue
            words = {w for w in re.findall(r"[a-z]+", f"{e.title} {e.description}".lower()) if len(w) > 3}
            self.events.append((e, place, words - STOPWORDS))
        # Words of one event's description only ("suicide", "revolutionary", "balakot"): two of
        # them tell that event even where the sentence gives no place or date
        # (one of them a name: "Revolutionary", "Indian"; not "back" or "have")
        seen = Counter(w for _, _, words in self.events for w in words)
        self.distinctive = {}
        for e, _, words in self.events:
            names = {w.lower() for w in re.findall(r"(?<![.!?] )\b[A-Z][a-z]+", f"{e.title} {e.description}")}
            own = {w for w in words if seen[w] == 1}
            self.distinctive[e.id] = (own, own & names)

    def _score(self, e, place, words, f: Facts, said: set[str]) -> tuple[int, list[str]] | None:
        """The sentence's own score for event ``e`` and why; None when it contradicts it.
        ``said`` is the sentence's words with plurals also in the singular."""
        score, why = 0, []
        if f.words & OTHER_INCIDENTS and not f.words & (OTHER_INCIDENTS & words | VIOLENCE - SHARED_VERBS):
            return None  # "a coach overturned", not "a car bomb tore through a bus"
        if f.words & NOT_A_STRIKE - words or "shot" in f.words and "down" not in f.words:
            return None  # ("shot dead" is gunfire; "shot down an Indian jet" is the 2019 strikes' story)
        # "since 2012" starts a tally: it dates a period's events, and says nothing of the others
        dated = [(d, prec) for d, prec in f.dates if prec != "since" or e.date_end is not None]
        if dated:
            fits = [(d, prec) for d, prec in dated if _same_time(d, prec, e)]
            matched = [d for d, prec in fits if prec not in ("year", "since")]
            if fits:
                first, last = _span(e)
                if not matched or e.date_end is not None or e.date_precision == "year":
                    score += 1  # within a period or a year: an event dated to its day or month is likelier
                    why.append(f"dated within {first.year}–{last.year}" if last.year > first.year else f"{first.year}")
                    if any(prec == "since" for _, prec in fits):
                        score += 2  # "… have killed at least 150 border guards since 2012": a tally over the period
                        why.append("a tally since its start")
                else:
                    score += 3
                    day = e.date_precision == "day"
                    why.append(f"dated {matched[0]:%-d %B %Y}" if day else f"dated {e.date:%B %Y}")
            elif all(_contradicts(d, e, prec) for d, prec in dated):
                return None
            else:
                score -= 2  # dated, but not on its day: a report days later, or another event
        spots = [p for p in f.places if not p.capital]
        if spots:
            country = place.country
            named = [p for p in spots if p.key == place.id]
            if named and all(p.near for p in named) and self.near_of.get(place.id):
                # "an attack near Rask": likelier the event near the town than the one in it
                score += 2
                why.append(f"names {place.name}")
            elif named:
                score += 4
                why.append(f"names {place.name.removeprefix('near ')}")
            elif any(p.near and place.id in self.near_of.get(p.key, ()) for p in spots):
                score += 4
                why.append(f"names {place.name}")
            elif any(
                p.key == "sistan-baluchestan"
                and place.admin1
                and "sistan" in place.admin1.lower()
                or p.key == "Balochistan"
                and place.admin1
                and "balochistan" in place.admin1.lower()
                for p in spots
            ):
                score += 2
                why.append(f"names {place.admin1}")
            elif any(p.country == country for p in spots):
                near = [p for p in spots if p.country == country and (p.lonlat is None or self._km(p, place) <= FAR_KM)]
                if not near:  # only towns far from it: "an earthquake near Bam" is not the Saravan strike
                    return None
                score += 1
                why.append(f"names a place in {COUNTRY_NAMES.get(country, country)}")
            elif not any(p.country == country for p in spots):
                return None
        if e.type in VIOLENT and e.actor in COUNTRY_WORDS and f.strikers and f.targets:
            if e.actor not in f.strikers and e.target_country not in f.targets:
                return None  # "an Iranian attack on Pakistani soil that … killed two": not Pakistan's strike
        if e.type in VIOLENT and e.actor in COUNTRY_WORDS:
            if e.actor in f.strikers:
                score += 2
                why.append(f"names {COUNTRY_NAMES.get(e.actor, e.actor)} as the striker")
            elif f.strikers:
                score -= 1
        if e.type in VIOLENT and f.targets:
            if e.target_country in f.targets:
                score += 1
                why.append(f"places it in {COUNTRY_NAMES.get(e.target_country, e.target_country)}")
            else:
                score -= 1
        if e.actor and e.actor not in COUNTRY_WORDS and e.actor.split()[0].lower() in f.attackers:
            score += 2  # "Jaish al-Adl, whose attacks have killed …": the attacker named
            why.append(f"names {e.actor}")
            if e.date_end is not None and f.words & PERIOD_WORDS and any(p in ("year", "since") for _, p in f.dates):
                score += 1  # "its attacks killed 150 between 2012 and 2023": a tally over the period
                why.append("a tally over years")
        shared = sorted(words & f.words)
        own_words, own_names = self.distinctive.get(e.id, (set(), set()))
        own = sorted(own_words & said)
        if shared and score >= 2:  # shared words tell events apart; with little else they link nothing
            score += min(2, len(shared))
            why.append("shares the words " + ", ".join(f"“{w}”" for w in shared[:3]))
        elif len(own) >= 2 and own_names & said:  # unless they are this event's own words
            score += 2
            why.append("shares the words " + ", ".join(f"“{w}”" for w in own[:3]))
        return score, why

    @staticmethod
    def _km(hit, place) -> float:
        """Geodesic distance (WGS84) between a named place and an event's place, in km."""
        from geo.spatial.measure import GEOD

        return GEOD.inv(hit.lonlat[0], hit.lonlat[1], place.lon, place.lat)[2] / 1000

    def scores(self, f: Facts, kinds: tuple[str, ...] = VIOLENT) -> dict[str, tuple[int, list[str]]]:
        out = {}
        said = f.words | {w[:-1] for w in f.words if w.endswith("s")}  # "Guards" is the description's "Guard"
        for e, place, words in self.events:
            if e.type not in kinds:
                continue
            s = self._score(e, place, words, f, said)
            if s is not None:
                out[e.id] = s
        return out

    def dated_otherwise(self, eid: str | None, dated: list[tuple[dt.date, str]]) -> bool:
        """Whether dates stated (a paragraph's) all miss event ``eid``'s time: the paragraph tells
        another story than the article's main one ("In August, … 28 people were killed")."""
        return bool(eid and dated and self.ds is not None) and not any(
            _same_time(d, prec, self.ds.events[eid]) for d, prec in dated
        )

    def main_event(self, facts: list[Facts], scored: list[dict] | None = None) -> str | None:
        """The event the article is mostly about, when one clearly leads (``scored``: each
        sentence's :meth:`scores`, when the caller has them already)."""
        totals: dict[str, int] = {}
        for n, f in enumerate(facts):
            for eid, (s, _) in (scored[n] if scored is not None else self.scores(f)).items():
                # A place or a date, not shared words alone; the headline and the lede say what
                # the story is about, so they count more.
                if s >= 3:
                    totals[eid] = totals.get(eid, 0) + s * (3 if n == 0 else 2 if n < 3 else 1)
        ranked = sorted(totals.items(), key=lambda t: -t[1])
        if not ranked or ranked[0][1] < 4:
            return None
        if len(ranked) > 1 and ranked[1][1] * 1.5 > ranked[0][1]:
            return None
        return ranked[0][0]

    def link(
        self,
        f: Facts,
        previous: str | None,
        main: str | None,
        kinds: tuple[str, ...] = VIOLENT,
        clause: Facts | None = None,
        figure: tuple[str, float] | None = None,
        side: str | None = None,
        militants: bool = False,
        published: dt.date | None = None,
        unlike: frozenset[str] = frozenset(),
        scored: dict | None = None,
        section: str | None = None,
    ) -> Link:
        """The event of a sentence (``f``), or of one figure's clause within it (``clause``: its
        facts count twice, so "Iran's strike killed two; Pakistan's killed nine" links each).

        ``side`` is the country whose officials give the figure (in a story of strikes: a flood's
        toll given by Pakistan's officials is no strike's): a toll of civilians, or a depth (four
        times in five in the evaluation articles), is the struck side's to report, a toll of
        ``militants`` the striker's; a depth is only ever a cross-border strike's.

        ``published``: the article's date; a depth the sentence does not date leans to the
        strikes of the weeks before it ("45 km inside Pakistan" in a story of January 2024 is
        Iran's strike, not India's of 2019). Casualty figures do not: measured, the same lean
        moved as many of them away from their event as towards it.

        ``unlike``: events the sentence says it is not about ("in a separate incident"); the
        other story it tells is an event only where the sentence names the event's place or actor,
        since a day alone is shared by the incidents of that day.

        ``section``: the event the heading of the section the sentence is under names; it counts
        more than the article's main event, as much as the paragraph's (``previous``), and not
        again when it is either."""
        if self.ds is None:
            return Link(None, None, "no dataset to link to")
        # (``scored``: the caller's :meth:`scores` of ``f`` for ``kinds``, computed once a sentence)
        own = dict(scored) if scored is not None else self.scores(f, kinds)
        if clause is not None:
            inner = self.scores(clause, kinds)
            if inner:
                # The clause's own facts decide; the sentence's add to them, and where the sentence
                # rules an event out ("on 16 January … and Pakistani strikes near Saravan killed
                # nine two days later") the clause still may not be.
                own = {
                    eid: (s + own.get(eid, (0, []))[0], why + [w for w in own.get(eid, (0, []))[1] if w not in why])
                    for eid, (s, why) in inner.items()
                }
        if unlike:
            own = {k: v for k, v in own.items() if k not in unlike and any(w.startswith("names ") for w in v[1])}
            if not own:
                return Link(None, None, "the sentence tells of a separate incident: choose the event")
        if not any(
            x is not None and (x.words & PERIOD_WORDS or any(p != "day" for _, p in x.dates) or x.attackers)
            for x in (f, clause)
        ):
            # a campaign over years is a tally's or one of its attacks' (dated by month or year, or
            # its attacker named), not a bare toll's nor one day's ("On 30 September 2022, security
            # forces … killed at least 66")
            own = {eid: v for eid, v in own.items() if self.ds.events[eid].date_end is None}
        if figure and figure[0] == "depth":
            own = {eid: v for eid, v in own.items() if self.ds.events[eid].type == "strike"}
            # a depth is measured inside the struck country: "45 km inside Pakistani territory"
            struck = (clause.targets if clause is not None and clause.targets else set()) or f.targets
            for eid, (s, why) in list(own.items()):
                if self.ds.events[eid].target_country in struck:
                    # said outright, it outweighs whose officials give the figure (a lean, +1)
                    own[eid] = (s + 2, why + ["the depth is inside the country it struck"])
        if not own:
            return Link(None, None, "the sentence contradicts every event (its date or place): choose the event")
        if side and figure:
            for eid, (s, why) in list(own.items()):
                e = self.ds.events[eid]
                if e.type == "strike" and (e.actor if militants else e.target_country) == side:
                    who = "striker" if militants else "struck side"
                    own[eid] = (s + 1, why + [f"the {who}'s officials give the figure"])
                elif e.type != "strike" and not militants and (place := self.ds.place_of(e)) and place.country == side:
                    # a bombing's or an attack's toll is the country's where it happened to give
                    own[eid] = (s + 1, why + ["the officials of the country where it happened give the figure"])
        if published and figure and figure[0] == "depth" and not f.dates and not (clause and clause.dates):
            for eid, (s, why) in list(own.items()):
                e = self.ds.events[eid]
                if e.date_end is None and 0 <= (published - e.date).days <= RECENT_DAYS:
                    own[eid] = (s + 1, why + [f"in the {RECENT_DAYS} days before the article's date"])
        held = self.known.get(figure, set()) if figure else set()
        held_by = next(iter(held)) if len(held) == 1 else None
        total = {}
        for eid, (s, why) in own.items():
            bonus, extra = 0, []
            if eid == previous:
                bonus += 3  # the paragraph's own story outweighs the article's
                extra.append("continues the paragraph about it")
            elif eid == section and eid != main:
                # a section's heading names it (in a log or a digest of several events): more than
                # the article's main event, as much as the paragraph's, and not twice for either
                bonus += 3
                extra.append("under a heading about it")
            if eid == main:
                bonus += 2
                extra.append("the article is mostly about it")
            if eid == held_by and (s > 0 or bonus):
                # a hint where the sentence or the article already points there, never alone and
                # never against what the sentence says
                bonus += 2
                extra.append("the atlas holds this figure for it")
            total[eid] = (s + bonus, s, why + extra)
        ranked = sorted(total.items(), key=lambda t: -t[1][0])
        (eid, (t, s, why)), second = ranked[0], ranked[1][1][0] if len(ranked) > 1 else -99
        if t < 2 or t - second < 1:
            return Link(None, None, "no event clearly leads: choose the event")
        conf = "high" if s >= 5 and t - second >= 2 else "medium" if s >= 3 else "low"
        return Link(eid, conf, "; ".join(why), s)
