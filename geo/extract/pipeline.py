"""Article text in, candidate claims out: the steps of :mod:`geo.extract` put together.

Per sentence: figures (casualties, depths, the border's length), dates, weapons, groups and
places from the token patterns; the speaker from the reporting structure; the event from the
sentence and the article's context. Then across the article: the same figure by the same
claimant about the same event is one candidate with several quotes, and a later figure that
updates a claimant's earlier one ("rose to", "revised") is proposed as its revision.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from geo.core import sentences as core_sentences
from geo.extract import claimants, dates, detector, nlp, numbers, patterns, restated, roman_urdu, tables, voices
from geo.extract.learned import Learned
from geo.extract.linking import LATE_DAYS, STRIKE_WORDS, Facts, Linker, acting, attackers, strikers, targets
from geo.extract.places import CAPITALS, PlaceFinder

COUNTS = ("killed", "injured", "casualties")  # the kinds that count people
FIGURE_KINDS = (*COUNTS, "depth", "border_length")
SIDES = {"iran_official": "IRN", "pakistan_official": "PAK"}
MILITANTS = patterns.MILITANTS
# Words before a figure that make it an update of an earlier one ("the toll rose to nine").
REVISION_CUES = frozenset(
    "rose risen rising climbed increased jumped revised revising updated update later now raised raising new latest "
    "lowered lowering reduced corrected correcting revise revises rises climbs raises bringing cut cuts "
    "moving moved finally settling settled settles".split()
)
# an arrow to the next figure of a chain, past a note: "7 -> 9", "8 (IRNA, 10:05) → 9"
_ARROW = re.compile(nlp.ARROW)
_ARROW_NEXT = re.compile(rf"\s*(?:\([^()\n]{{0,60}}\)\s*)?(?:{nlp.ARROW})\s*\d")
# "final 95", "the final toll: 95": the last of a series of figures, right before it (not "the final
# whistle", "a final chapter" earlier in the sentence)
_FINAL = re.compile(r"\bfinal\W+(?:(?:death )?(?:toll|count|figure|tally)\W+(?:(?:was|is|of|at)\W+)?)?[\w.,-]+$", re.I)
# what a corrected story had said: "An earlier version of this story …", "The earlier version also said"
RETRACTED = re.compile(
    r"\b(?:an )?earlier version of this (?:article|story|report)|\bthe (?:earlier|previous|original) version\b", re.I
)
# In a corrections column, what an earlier piece said is the outlet's error, not a claim: "The same
# article said the site was 80 miles inside Pakistan", "- A report on Iran's strike said …"
_CORRECTIONS = re.compile(r"\bcorrections?\b|\bclarifications?\b", re.I)
_REPORTED_WRONGLY = re.compile(
    # ("A report on page 3 said", "Our front-page report … said", "Last week's round-up said")
    r"^[-•*\s]*(?:corrections?\s*:\s*)?(?:in the same (?:article|report|story|piece),\s*)?"
    r"(?:an?|the|our|this|(?:last|this|yesterday|\w+day)\s*\w*['’]s)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:article|report|story|piece|item|headline|caption|round-?up|feature|bulletin|column|paragraph|passage)\b"
    r"(?:(?!\bcorrect).)*\b(?:said|stated|reported|put|gave|described)\b(?:(?!\bcorrect).)*$",
    re.I,
)
# What a fact-check examines, not what anyone is shown to claim: "Fact check: Did Pakistan's strike
# kill 40 Iranian soldiers?", a yes-or-no question
_EXAMINED = re.compile(
    r"^\W*(?:fact[- ]?check\w*\s*:)"
    r"|^\W*(?:(?:fact[- ]?check\w*|q(?:uestion)?)\s*:\s*)?"
    r"(?:did|do|does|were|was|is|are|has|have|had|could|can)\b[^?]*\?\W*$",
    re.I,
)
# A plain-text page's links to other stories ("-- Related: \"Gaza: 24,000 martyrs …\"", "Read
# more: …"): their figures are other stories' headlines. A wire's "RELATED: QUETTA, Jan 18 (CPA) -
# …" is a story of its own, dateline and all; an encyclopedia's "See also" lines carry sourced
# figures of their own (neither is skipped).
_RELATED_LINE = re.compile(
    r"\W{0,4}(?i:related|read more|also read|more on this story|recommended)\s*:(?!\s*[A-Z]{3,}[A-Z ]*,)"
)
# a passive attribution, with no one named
_PASSIVE = re.compile(
    r"\b(?:(?:is|was|were|are|been) (?:said|reported|believed|thought|claimed|alleged) to|(?:is|was|were|are) "
    r"reported\b|reportedly|reports (?:indicate|suggest|say)|it is (?:claimed|alleged|said))",
    re.I,
)
# A programme's on-screen text ("[LOWER THIRD: IRAN SAYS 9 DEAD …]", "[TICKER: …]"): like a
# headline, its figure is the body's where the body gives it
_GRAPHIC = re.compile(
    r"\W*(?:\d{1,2}:\d{2}(?::\d{2})?\W*)?(?:lower[- ]third|chyron|ticker|on-screen(?: text| graphic)?|graphic|strap)"
    r"\b[^:\]\n]{0,20}[:\]]",
    re.I,
)
# A fact-check's claim line ('Claim 2: "Pakistan's strikes killed 40"'): a claim someone made, which
# the body says who made; like a headline, its figure is the body's where the body repeats it
_CLAIM_LINE = re.compile(r"^\W*(?:claim|rumou?r|viral claim|the claim)\s*(?:\d+|[ivx]+)?\s*[:.–—-]", re.I)
# … or a figure the sentence itself rejects: "the figure of more than 30 soldiers killed has no
# support", "The claimed depth of 120 km is also unsupported"
_REJECTED = re.compile(
    r"^(?=.*\b(?:the (?:earlier |initial |first |original )?(?:figure|claim|number|toll|depth|distance) of|"
    r"the claimed|claims? (?:of|that))\b)"
    r"(?=.*\b(?:no support|unsupported|not supported|no evidence|baseless|fabricated|false|debunked|untrue|"
    r"wrong|incorrect|mistaken|erroneous)\b)",
    re.I,
)
# A figure the next sentence corrects is the speaker's or the outlet's error: "At the top of the
# programme I said three children were killed. The correct figure is two.", "… injured four people.
# That should have been three.", an answer quoted as it read, then "The correct answer should have been:"
_CORRECTED_NEXT = re.compile(
    r"^\W*(?:(?:the|a) )?(?:correct|right|accurate|actual) (?:figure|number|toll|count|answer|text|version)\b"
    r"[^.]{0,40}?\b(?:is|was|should (?:have been|be|read))\b"
    r"|^\W*(?:that|this|it|which) should have (?:been|read|said)\b",
    re.I,
)
# … unless only who gave the figure was wrong: "That figure was given by Iranian officials", "…; that
# distance was reported by a Baloch news website"
_RIGHT_SOURCE = re.compile(r"(?:^\s*|;\s*)(?:that|the|this) (?:figure|toll|number|distance|depth)\b", re.I)
COUNTRY_BY_CITY = {
    "ISLAMABAD": "PAK",
    "QUETTA": "PAK",
    "KARACHI": "PAK",
    "LAHORE": "PAK",
    "PESHAWAR": "PAK",
    "PANJGUR": "PAK",
    "TURBAT": "PAK",
    "GWADAR": "PAK",
    "RAWALPINDI": "PAK",
    "TEHRAN": "IRN",
    "ZAHEDAN": "IRN",
    "SARAVAN": "IRN",
    "MASHHAD": "IRN",
    "CHABAHAR": "IRN",
}


@dataclass(frozen=True)
class Candidate:
    """One candidate claim. ``start``/``end`` delimit its sentence (the quote); ``span_*`` the
    figure; ``quotes`` every sentence that states it (the first is the quote)."""

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
    event_confidence: str | None = None
    quotes: tuple[tuple[int, int], ...] = ()
    revises: int | None = None  # index, in the same list, of the candidate this one updates
    updates: bool = False  # stated as an update ("rose to", "revised to", "the updated figure")
    vague: str | None = None  # "dozens": the word as written, when there is no number
    low: float | None = None
    high: float | None = None
    # how sure the claimant type is, and why (the learned model's reading of it): None without it
    claimant_confidence: str | None = None
    claimant_reason: str | None = None
    detected: float | None = None  # proposed by the figure model, this sure (no pattern read it)


class Extractor:
    """Holds what extraction needs from the dataset (places, events); build once, reuse."""

    def __init__(self, dataset=None, known_figures: bool = True, learned: bool = True):
        self.ds = dataset
        self.places = PlaceFinder(dataset)
        self.linker = Linker(dataset, known_figures)
        # the rules' event link and claimant type, reconsidered by models trained on the annotated
        # articles (geo/extract/models/README.md); ``learned=False`` is the rules alone
        # and whether a figure restates an earlier one the rules credited to another voice or event
        self.learned = Learned.load(restated.load(claim_key)) if learned and dataset is not None else None
        # numbers no pattern reads, proposed as figures by a model trained on the same articles
        self.detector = detector.load() if learned else None
        patterns.matchers()
        ends = [e.date for e in dataset.events.values()] if dataset is not None else []
        # A year-less dateline ("Jan 17") is read as the latest such day before the period's end.
        self.period_end = (max(ends) if ends else dt.date.today()) + dt.timedelta(days=180)

    def _home(self, text: str) -> str | None:
        """The dateline's country: officials unnamed in a report from Quetta are Pakistan's; else
        the country of an institution whose record it is ("SENATE OF PAKISTAN" over a debate)."""
        head = text.lstrip()[:40].split(",")[0].split(" ")[0].strip().upper()
        if head in COUNTRY_BY_CITY:
            return COUNTRY_BY_CITY[head]
        first = text.lstrip().split("\n", 1)[0].strip()
        if first.isupper() and len(first.split()) <= 6:
            return SIDES.get(claimants.classify(first))
        return None

    def published(self, text: str) -> dt.date | None:
        """The article's own date as its dateline or first lines give it (a year-less dateline
        read within the dataset's period): what the review offers as the source's date."""
        return dates.published(text, self.period_end)

    def extract(self, text: str, published: dt.date | None = None, outlet: str | None = None) -> list[Candidate]:
        """Candidate claims in ``text``; ``published`` is the article's date and ``outlet`` its
        site when the reviewer or the page's metadata gives them (else the date is read from the
        dateline, if any, and the outlet from the dateline or masthead)."""
        found, repeats = self.proposals(text, published, outlet)
        if self.learned is not None:
            found = self.learned.apply(found, text)
        return settle(found, text, repeats)

    def proposals(
        self, text: str, published: dt.date | None = None, outlet: str | None = None
    ) -> tuple[list[Candidate], set[int]]:
        """What the rules find, sentence by sentence, before one claim is made of its repeats:
        the candidates and the starts of the headings and captions (whose figures repeat the
        body's). The learned models are trained on these, as they are applied to them."""
        # a hard-wrapped article's lines joined; ``origin`` maps offsets back to the text given
        given, (text, origin) = text, nlp.compacted(text)
        doc = nlp.parse(text)
        sents = nlp.sentence_spans(doc)
        base = published or dates.published(text, self.period_end)
        home = self._home(text)
        dateline = dates.dateline_end(text)
        paragraph, prev_end = 0, 0
        rows = []
        headings: set[int] = set()
        captions: set[int] = set()  # a caption repeating a figure the body attributes is the body's claim
        table_rows, records = tables.rows(text), tables.records(text)
        prev_start = 0
        for a, b, span in sents:
            gap = text[prev_end:a]
            # (a settings block's records, line after line, stay one paragraph: its section's)
            block = "\n\n" not in gap and _line_start(text, a) in records and _line_start(text, prev_start) in records
            if ("\n\n" in gap or "\n" in gap and prev_end) and not block:
                paragraph += 1
            prev_end, prev_start = b, a
            s = text[a:b]
            f = Facts(paragraph=paragraph)
            f.places = self.places.find(doc, span.start, span.end)
            caption, byline = dates.is_caption(s), dates.is_byline(s)
            if caption:
                captions.add(a)
            if not (caption or byline):
                row = table_rows.get(_line_start(text, a))  # (a table's row: its dates' cells)
                for label, ds_, de in patterns.dates(doc, span.start, span.end):
                    # A date without a year, in an article without a date or dated after the dataset's
                    # period (a review a year on: "on 16 January"), is read in the period.
                    d, prec = dates.resolve(
                        label,
                        doc[ds_:de].text,
                        base
                        if label.endswith(("weekday", "relative"))
                        else min(base or self.period_end, self.period_end),
                    )
                    if d is None or doc[ds_].idx < dateline:
                        continue
                    if row is not None and row.stamped(doc[ds_].idx):
                        continue  # a table row's "last checked" date: the record's, not the event's
                    if d == base and (len(rows) < 4 and len(span) <= 14 or _reporting_day(doc, ds_, de)):
                        continue  # the date line ("NEWS AT NINE — 17 January"), or "said on Wednesday"
                    f.dates.append((d, prec, doc[ds_].idx, doc[de - 1].idx + len(doc[de - 1].text)))
            low = [t.lower_ for t in span]
            f.strikers, f.targets, f.attackers = strikers(low), targets(low), attackers(low)
            f.words = {w for w in low if w.isalpha()}
            if _heading(text, a, b) or _CLAIM_LINE.match(s) or _GRAPHIC.match(s):
                headings.add(a)
            rows.append((a, b, span, s, f, caption or byline))
        facts = [
            Facts(
                r[4].places,
                [(d, p) for d, p, *_ in r[4].dates]
                + ([] if r[5] else dates.years(doc, r[2].start, r[2].end, [(s, e) for *_, s, e in r[4].dates])),
                r[4].strikers,
                r[4].targets,
                r[4].words,
                attackers=r[4].attackers,
            )
            for r in rows
        ]
        scored = [self.linker.scores(lf) for lf in facts]  # each sentence's evidence, read once
        told = [k for k, r in enumerate(rows) if not r[5]]
        main = self.linker.main_event([facts[k] for k in told], [scored[k] for k in told])
        # the dates each paragraph states, but the article's own day ("tonight", "said on Friday");
        # and the days the whole body states, for an article with no date of its own
        para_dates: dict[int, list[tuple[dt.date, str]]] = {}
        stated: Counter[dt.date] = Counter()
        for r, lf in zip(rows, facts, strict=True):
            if not r[5]:
                para_dates.setdefault(r[4].paragraph, []).extend(x for x in lf.dates if x[0] != base)
                stated.update(d for d, prec in lf.dates if prec == "day")
        # an article with no date of its own (a parliament's record, an encyclopedia's entry) is
        # taken to be of the day it tells of most: its depths lean to that time's strikes
        around = base or (stated.most_common(1)[0][0] if stated else None)
        # A coach that overturned, a quake: a paragraph (or, from its first lines, an article)
        # about another cause of death; its figures are no strike's unless their sentence says so
        mishaps = [bool(_MISHAP.search(r[3])) for r in rows]  # each sentence searched once
        mishap = {r[4].paragraph for r, m in zip(rows, mishaps, strict=True) if m}
        # (not a first line that names a country striking too: a digest's subject line, "Pakistan
        # hits back | Kerman toll | KKH bus crash | Gaza", lists its stories)
        if any(m and not x.strikers for m, x in zip(mishaps[:3], facts[:3], strict=True)):
            main, mishap = None, mishap | {r[4].paragraph for r in rows}
        story = any(x.strikers or x.targets for x in facts)  # a story of strikes, not of floods
        transcript = voices.is_transcript(text)
        zone = _TIME_ZONE.search(text[:400])
        # (its first two lines: "MINISTRY OF FOREIGN AFFAIRS" over "ISLAMABAD" says whose ministry)
        letterhead = " ".join(text.lstrip().split("\n", 2)[:2])
        if home is None and transcript and zone:
            # a programme "Broadcast: 20:00 PST" is made in Pakistan: its guests' offices are
            # Pakistan's (a live blog's time stamps say less: it quotes both sides' officials)
            home = "PAK" if zone.group(1) else "IRN"
        elif home is None and transcript and claimants.OFFICIAL.search(letterhead.lower()):
            # an office's record of its own press conference ("Governorate-General of Sistan and
            # Baluchestan - Public Relations Office"): its speakers' offices are its side's
            home = SIDES.get(claimants.classify(letterhead))
        voice = voices.voice(text, home)
        state = claimants.STATE_OUTLET.search(outlet or "")
        if voice is None and state and (side := claimants.classify(state.group(0))) in SIDES:
            # the page's own site ("IRIB Hamoun Provincial Network", from its metadata or the
            # reviewer): a state outlet's own voice is its side's (SCHEMA.md)
            voice = claimants.Speaker(outlet, side, 0, 0)
        elif voice is None and outlet and claimants.OFFICIAL.search(outlet.lower()):
            # an office's own site ("Sistan and Baluchestan Police"): its pages speak for it
            voice = claimants.Speaker(outlet, side, 0, 0) if (side := claimants.classify(outlet)) in SIDES else None
        if home is None and voice is not None and voice.type in SIDES:
            home = SIDES[voice.type]  # a state outlet or a government's release: its officials are its side's
        settled = home is not None  # the dateline or the outlet says whose officials are unnamed
        if home is None and main and self.ds is not None:
            # No dateline: unnamed officials in a story about a strike are the struck side's.
            home = self.ds.events[main].target_country
            voice = voices.voice(text, home)
        out: list[Candidate] = []
        last_speaker: claimants.Speaker | None = None
        last_person: claimants.Speaker | None = None  # whom "he", "she", "his" refer to
        quote_speaker: tuple[int, claimants.Speaker] | None = None
        previous: tuple[int, str | None, int] = (-1, None, -9)  # paragraph, event, heading paragraph
        section: str | None = None  # the event of the section heading the text is under
        row_event: str | None = None  # the event of a table's last row with a figure
        found = [claimants.speakers(doc, r[2].start, r[2].end, _labelled(r[3]) or home) for r in rows]
        # (the tokens are walked only where the text has an aside: a walk builds every token)
        asides = [claimants.asides(doc, r[2].start, r[2].end) if _ASIDE.search(r[3]) else [] for r in rows]
        said = [claimants.best(claimants.main_clause(f, sp)) for f, sp in zip(found, asides, strict=True)]
        said_in: tuple[int, claimants.Speaker | None] = (-1, None)
        footnotes = _notes(rows, home)
        on_air: tuple[int, claimants.Speaker | None] = (-1, None)  # a transcript's turn and its speaker
        guest = voices.interviewee(text, home) if not transcript and voices.unlabelled_qa(text) else None
        answering = False
        corrections = bool(_CORRECTIONS.search(text[:300]))  # a corrections column
        listed = _reference_lists(text)  # a page's "References", "Related news": titles, not claims
        bundled = voices.letterheads(text, home)  # a bundle's later documents, each in its own voice
        article_voice = voice

        for k, ((a, b, span, s, f, _), lf) in enumerate(zip(rows, facts, strict=True)):
            if any(lo <= a < hi for lo, hi in listed):
                continue
            if bundled:
                voice = next((v for at, v in reversed(bundled) if at <= a), article_voice)
            opens = k == 0 or rows[k - 1][4].paragraph != f.paragraph  # the paragraph's first sentence
            if transcript and opens:
                at_turn = voices.turn(_line(text, a), text, a, home)
                if at_turn is None and on_air[0] == f.paragraph - 1 and _goes_on(text, a, headings):
                    at_turn = on_air[1]  # a long answer's next paragraph: the same speaker's turn
                on_air = (f.paragraph, at_turn) if at_turn else on_air
            elif guest is not None and opens:
                # an interview without labels: the paragraphs after a question are the guest's
                asking = _line(text, a).rstrip().endswith("?")
                answering = (answering or k > 0 and rows[k - 1][3].rstrip().endswith("?")) and not asking
                on_air = (f.paragraph, guest) if answering else (-1, None)
            turn = on_air[1] if on_air[0] == f.paragraph else None
            if core_sentences.conditional(s):  # asserts nothing about what happened (its turn still opens)
                continue
            named = re.match(r"(?!By )((?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+), ", s)  # not a byline
            if named and claimants.is_name(named.group(1)):
                # "Kamran Yusuf, who heads the … Centre, called …": whom a later "he said" means
                role = claimants.introduced(named.group(1), text, home) or "unattributed"
                last_person = claimants.Speaker(named.group(1), role, a, a + named.end(1))
            who = said[k]
            if who is None and a in headings:
                who = voices.tagline(s, a, home)  # "Iran strike kills two children -- Balochistan government"
            elif who is None and _BULLET.match(s):
                who = voices.source_last(s, a, home)  # "- Panjgur: 2 killed, 3 injured, Pakistan FO."
            if (
                who is not None
                and who.type == "pronoun"
                and who.name.lower() in ("we", "our", "us", "i", "my", "me")
                and not ('"' in s or "“" in s or claimants.is_quotation(s))
            ):
                # "by our estimate", "we measured" outside quotation marks: the article's own voice
                # (a release's issuer, a transcript's speaker, else the author); "our Foreign
                # Office", "our officials" in a writer's own voice: the offices of the writer's country
                phrase = text[who.start : who.end]
                ours = claimants.SIDE_OF_COUNTRY.get(home or "") if claimants.OFFICIAL.search(phrase.lower()) else None
                who = (
                    turn
                    or voice
                    or (claimants.Speaker(phrase, ours, who.start, who.end) if ours else None)
                    or claimants.Speaker("the author", "author", who.start, who.end)
                )
            if who is not None and who.type == "pronoun":
                body = who.name.lower() not in claimants.PRONOUNS  # "the army said", "police said"
                person = who.name.lower() in ("he", "she", "his", "her")  # a person, not "the officials"
                who = (
                    self._subject(doc, span, home)
                    or (last_person if person else None)
                    or (
                        claimants.mentioned(rows[k - 1][3], rows[k - 1][0], home, person=True) if k and person else None
                    )
                    or last_speaker
                    or (claimants.mentioned(rows[k - 1][3], rows[k - 1][0]) if k and not body else None)
                    or (claimants.Speaker(who.name, "unattributed", who.start, who.end) if body else None)
                )
            if who is None and footnotes and (mark := next((m for m in _marks(s) if m in footnotes), None)):
                who = footnotes[mark]  # "… killed nine people.(5)": the source its note gives
            if who is None and claimants.is_quotation(s):
                if claimants.opens_quote(s):  # "Two were killed. … ," the governor said.
                    ahead = [
                        said[j] for j in range(k + 1, min(k + 4, len(rows))) if rows[j][4].paragraph == f.paragraph
                    ]
                    who = next((w for w in ahead if w is not None), None)
                    if who is not None and who.type == "pronoun":
                        who = last_speaker
                elif quote_speaker and quote_speaker[0] == f.paragraph:
                    who = quote_speaker[1]
            # Where the dateline leaves it open (a digest, a wire filed from Dubai), unnamed police
            # are those of the one country the sentence names a place in (not a capital: datelines).
            countries = {p.country for p in f.places if p.key not in CAPITALS and p.start >= dateline} & {"IRN", "PAK"}
            if (
                who is not None
                and not settled
                and len(countries) == 1
                and (side := claimants.side_of(who.name, countries.pop()))
            ):
                who = replace(who, type=side)  # "a coach overturned near Ormara, police said": Pakistan's police
            if (
                who is not None
                and who.type == "unattributed"
                and claimants.is_generic(who.name)
                and "official" in who.name.lower()
                and said_in[0] == f.paragraph
                and said_in[1].type in SIDES
            ):
                who = replace(who, type=said_in[1].type)  # "officials" of the side the paragraph quotes
            elif (
                who is not None
                and who.type == "unattributed"
                and claimants.is_generic(who.name)
                and voice is not None
                and voice.type in SIDES
            ):
                who = replace(who, type=voice.type)  # "a local official" in IRNA's own dispatch: Iran's
            bare = who.name.split(",")[0].strip() if who is not None else ""  # ("Abdolmalek Baluchzehi, 52")
            if who is not None and who.type == "unattributed" and claimants.is_name(bare):
                # A person named without a role: the role the article gives them elsewhere, or
                # the official just described by title ("the deputy governor said … Hossein
                # Zarei said"); an age after the name is no role
                role = claimants.introduced(bare, text, home)
                if role is None and last_speaker is not None and last_speaker.type in SIDES:
                    role = None if claimants.is_name(last_speaker.name) else last_speaker.type
                if role:
                    who = replace(who, type=role)
            if who is not None and voice is not None and re.search(r"\b(?:our|we)\b", who.name.lower()):
                who = voice  # "our researchers" in a press release: its issuer
            opens_with_date = bool(f.dates) and f.dates[0][2] - a < 12  # "In February 2019, …": a new story
            if who is None and turn is not None and turn.type != "author":
                # a guest's own words are the guest's, whomever the turn reported before (a
                # correspondent's go on relaying whom they reported)
                who = turn
            if who is None and voice is not None and voice.type == "analyst":
                who = voice  # a letter writer's own words, whomever the letter reported before
            # a figure of an older story ("on January 3, a bombing in Kerman killed …") is the
            # writer's background, not more of what the paragraph's speaker said
            older = around is not None and any((around - d).days > LATE_DAYS for d, *_ in f.dates)
            if who is None and said_in[0] == f.paragraph and not opens_with_date and not older:
                who = said_in[1]  # the paragraph goes on with what its speaker said
            if who is None:
                # (a state outlet's newscaster reads in its voice, which is its side's: SCHEMA.md)
                host = turn is not None and turn.type == "author" and voice is not None and voice.type in SIDES
                who = voice if host else turn or voice
            if who is not None:
                said_in = (f.paragraph, who)
                # A host's or a Q&A's own turn is no one "they" or "he" can mean ("he told me" is
                # someone the correspondent met), nor is a byline's name (the writer's)
                if who.type != "author":
                    last_speaker = who
                    # (a person named after their office: "the deputy governor …, Ali Mousavi-Nejad")
                    person = claimants.is_name(who.name) or claimants.is_name(who.name.rsplit(",", 1)[-1].strip())
                    if (person or who.type == "analyst") and not rows[k][5]:
                        last_person = who
                if claimants.is_quotation(s) or '"' in s or "“" in s:
                    quote_speaker = (f.paragraph, who)
            # A heading ("Kerman, January 3") gives its event to the paragraph under it; "that
            # strike", "the same attack" point back to the last event told, whatever the paragraph.
            prev_event = previous[1] if previous[0] == f.paragraph or previous[2] == f.paragraph - 1 else None
            if prev_event is None and _BACK.search(s):
                prev_event = previous[1]
            # the events a sentence says it is not about: the paragraph's and the article's
            apart = frozenset(x for x in (prev_event, main) if x) if _APART.search(s) else frozenset()
            # (the heading's line: "## 1." may be a sentence of its own)
            in_heading = bool(_SECTION.match(_line(text, _line_start(text, a))))
            if in_heading and opens:
                section = None  # (set below when the heading names its event)
            link = self.linker.link(lf, prev_event, main, unlike=apart, scored=scored[k], section=section)
            if in_heading and link.event and link.evidence >= 5:  # (a place and more: not "BALOCHISTAN IN 2024")
                # "## 1. Panjgur / Koh-e-Sabz (Iran → Pakistan), 16 Jan": the lines under a section's
                # heading, to the next one, are about its event unless they say otherwise
                section = link.event
            if link.event and link.evidence >= 3:  # context passes on what the sentence itself showed
                # a heading, or a question whose answer is the next paragraph (Q&A, interviews)
                heading = (len(span) <= 8 and not s.rstrip().endswith((".", "!", '"', "”"))) or s.rstrip().endswith("?")
                previous = (f.paragraph, link.event, f.paragraph if heading else -9)
            place = f.places[0].key if f.places else None

            def add(kind, value, start, end, link=link, who=who, sent=(s, a, b, place), **extra):
                s, a, b, place = sent
                if who is not None and link.event and self.ds is not None and home is None:
                    # "state media said", "the interior ministry said" with no dateline: the side of
                    # the country where the event it is about happened
                    where = self.ds.place_of(self.ds.events[link.event])
                    side = claimants.side_of(who.name, where.country if where else None)
                    if side and side != who.type:
                        who = claimants.Speaker(who.name, side, who.start, who.end)
                out.append(
                    Candidate(
                        kind,
                        value,
                        extra.pop("unit", None),
                        extra.pop("qualifier", None),
                        extra.pop("breakdown", None),
                        extra.pop("victims", None),
                        who.name if who else None,
                        who.type if who else None,
                        place,
                        link.event,
                        link.reason,
                        s,
                        a,
                        b,
                        start,
                        end,
                        event_confidence=link.confidence,
                        quotes=((a, b),),
                        **extra,
                    )
                )

            wrong = _REPORTED_WRONGLY.match(s) and (corrections or _correction_block(text, a))
            if wrong and (_RIGHT_SOURCE.search(s) or k + 1 < len(rows) and _RIGHT_SOURCE.match(rows[k + 1][3])):
                wrong = None  # the figure stands; the next sentence, or the clause after it, gives its source
            # a correction's retracted figure is the outlet's error, not a claim (its places and
            # dates are still named)
            corrected = k + 1 < len(rows) and _CORRECTED_NEXT.match(rows[k + 1][3])
            retracted = bool(RETRACTED.search(s) or wrong or _EXAMINED.match(s) or _REJECTED.match(s) or corrected)
            since = a  # where the text before this figure starts (the sentence, or the last figure)
            old_kind = None  # the kind of an old figure the sentence named before its new one
            # "How far inside Pakistan did the missiles land? About 20 miles, …": the answer's figure
            # … or goes on from a sentence of the paragraph that gave a depth ("… put Iran's strike
            # 'more than 50 km' inside. A retired air marshal told me it was closer to 30 miles.")
            asked = k > 0 and (
                bool(_HOW_FAR.search(rows[k - 1][3]))
                or rows[k - 1][4].paragraph == f.paragraph
                and any(c.kind == "depth" and c.start == rows[k - 1][0] for c in out[-6:])
            )
            # "Fifty kilometres. That, officials tell us, is how far inside our territory the missiles
            # landed.": a fragment the next sentence says is how far, and whose speaker gives it
            told = len(span) <= 4 and k + 1 < len(rows) and bool(_TOLD_HOW_FAR.search(rows[k + 1][3]))
            if told and who is None:
                who = said[k + 1]
            # a table's row: its source cell speaks, its header says what each number counts
            line_at = _line_start(text, a)
            row = table_rows.get(line_at)
            cell = row.source(text) if row is not None else None
            cell_speaker = _cell_speaker(text, cell, home) if cell else None
            if retracted or s.startswith("^") or _RELATED_LINE.match(text, line_at):
                figs = []  # (a reference list's entry, '^ "Nine killed near Saravan"', cites a headline)
            elif row is not None and row.counts:
                figs = row.figures(text)
                figs += _apart(roman_urdu.figures(text, a, b), figs)  # (a row's note under it: "Note: 2 bachay …")
            else:
                figs = patterns.figures(doc, span.start, span.end, asked or told)
                # "do bachay jaan bahaq aur teen bachiyan zakhmi": the words no English pattern reads
                figs += _apart(roman_urdu.figures(text, a, b), figs)
                if self.detector is not None:
                    figs += self.detector.figures(doc, span.start, span.end, figs, f.words)
                if row is not None:  # a claim column's distance no pattern read ('| Panjgur | "50 km" |')
                    figs += _apart(row.figures(text), figs)
            for fig in figs:
                if fig.kind == "depth" and mishaps[k]:
                    continue  # "the quake struck at a depth of 10 km": under the ground, not across a border
                if fig.kind in COUNTS and fig.value is not None and fig.value % 1:
                    continue  # "2.1 Casualties. The mission established …": a section's number; people count whole
                clause = self._clause(doc, span, fig, f)
                value = self._km(doc, fig) if fig.kind == "depth" and not (row and row.counts) else fig.value
                held = (fig.kind, round(float(value), 1)) if value is not None else None
                speaker = cell_speaker or _figure_speaker(
                    doc, fig, found[k], asides[k], who, turn or voice, voice, text, a
                )
                if speaker is None and _PASSIVE.search(s):
                    # "was said to have gone 50 kilometres", "Reports indicate …": someone said it,
                    # no one is named (SCHEMA.md: unattributed), not the article's own voice
                    speaker = claimants.Speaker("unnamed reports", "unattributed", a, a)
                flink = self.linker.link(
                    lf,
                    # a table's row marked "-do-" (ditto) is about the row above's event
                    row_event if row is not None and row.ditto(text) and row_event else prev_event,
                    None if self.linker.dated_otherwise(main, para_dates.get(f.paragraph, [])) else main,
                    clause=clause,
                    figure=held,
                    side=SIDES.get(speaker.type) if speaker is not None and story else None,
                    militants=fig.victims in MILITANTS,
                    published=around,
                    unlike=apart,
                    scored=scored[k],
                    section=section,
                )
                if f.paragraph in mishap and flink.event and not (lf.strikers or lf.targets or f.words & STRIKE_WORDS):
                    flink = type(flink)(None, None, "the paragraph tells of another cause of death: choose the event")
                if row is not None:
                    row_event = flink.event
                if flink.event and flink.evidence >= 3:  # the paragraph goes on about the last figure's event
                    previous = (f.paragraph, flink.event, -9)
                between = text[since : fig.end]  # (the words since the sentence's last figure)
                before = {w.strip(".,;:").lower() for w in between.split()}
                final = bool(_FINAL.search(between))  # "lowered to 84, final 95"
                # "put the toll at 89, revising an initial count of 103": the figure the cue names
                # as the old one is not the update; the sentence's other figure is, before it or
                # after it ("had risen from one to two"); "down from 103" says so itself, an
                # "initial" or "first" figure only beside a cue
                old = _OLD_FIGURE.search(between)
                superseded = old is not None and (bool(before & REVISION_CUES) or old.group("from") is not None)
                # the sentence's earlier figure of the same kind is the update ("six killed and 23
                # injured, …, raising its earlier toll of four")
                newer_at = next(
                    (n for n in range(len(out) - 1, -1, -1) if out[n].start == a and out[n].kind == fig.kind), None
                )
                if superseded and newer_at is not None:
                    out[newer_at] = replace(out[newer_at], updates=True)
                elif superseded:
                    old_kind = fig.kind
                newer = old_kind == fig.kind and not superseded
                since = fig.end
                if fig.kind == "border_length":
                    border = self.linker.link(lf, None, None, kinds=("geography",))
                    geo = [e for e in (self.ds.events.values() if self.ds else ()) if e.type == "geography"]
                    blink = (
                        border
                        if border.event
                        else (type(border)(geo[0].id, "medium", "a border's length") if len(geo) == 1 else border)
                    )
                    add("border_length", fig.value, fig.start, fig.end, link=blink, unit="km", qualifier=fig.qualifier)
                    continue
                unit = "km" if fig.kind == "depth" else "people"
                notes = [f"stated as “{fig.vague}”"] if fig.vague else []
                if fig.detected is not None:
                    notes.append(f"no pattern reads this number; {detector.WHO} proposes it ({fig.detected:.0%} sure)")
                add(
                    fig.kind,
                    value,
                    fig.start,
                    fig.end,
                    link=flink,
                    who=speaker,
                    unit=unit,
                    qualifier=fig.qualifier if not fig.vague else None,
                    breakdown=fig.breakdown,
                    updates=bool(_ARROW.search(between))  # (a chain's middle, "103 -> 84 -> 95", is both)
                    or (bool(before & REVISION_CUES) or newer or final)
                    and not superseded
                    and not _ARROW_NEXT.match(text, fig.end),  # ("revised 7 -> 9": 7 is the old one)
                    victims=fig.victims,
                    vague=fig.vague,
                    low=fig.low,
                    high=fig.high,
                    notes=notes,
                    detected=fig.detected,
                )
            for d, prec, ds_, de in f.dates:
                add("time", d.isoformat() if prec == "day" else f"{d:%Y-%m}", ds_, de)
            cats = patterns.categories(doc, span.start, span.end)
            # A group that strikes ("the IRGC fired …") is offered as the perpetrator, one that
            # speaks ("the IRGC said") as neither: only the others as the strike's target.
            groups, cats["group"], cats["perpetrator"] = cats["group"], [], []
            for g in groups:
                role = acting(doc, g[1], g[2], span.end)
                if role != "speaks":
                    cats["perpetrator" if role else "group"].append(g)
            for kind, key in (("weapon", "weapon"), ("target", "group"), ("perpetrator", "perpetrator")):
                if cats[key]:
                    names = sorted({n for n, _, _ in cats[key]})
                    add(kind, names, cats[key][0][1], cats[key][0][2])
            for p in f.places:
                if p.start < dateline:
                    continue  # where the story was filed ("ISLAMABAD, Jan 17 -"), not where anything happened
                add("location", p.key, p.start, p.end)
        if origin is not None:  # offsets into the text given; each quote verbatim, its line breaks kept
            out = [_restored(c, origin, given) for c in out]
            return out, {int(origin[a]) for a in headings | captions}
        return out, headings | captions

    def _clause(self, doc, span, fig, f: Facts) -> Facts | None:
        """The facts of the clause around a figure (between commas, semicolons or colons), or
        None when the clause names no place, date or side of its own."""
        a, b = span.start, span.end
        first = doc.char_span(fig.start, fig.end, alignment_mode="expand")
        i, j = first.start, first.end

        def edge(k: int) -> bool:
            # a comma, a semicolon, or "and" before a new striker: "… killed two in Panjgur and
            # Pakistani strikes near Saravan killed nine"; or before another figure and its place:
            # "two were killed in Panjgur and nine near Saravan"
            ahead = [t.lower_ for t in doc[k + 1 : k + 6]]
            if doc[k].lower_ == "and":
                figure_and_place = len(ahead) > 1 and bool(doc[k + 1].ent_type_) and ahead[1] in patterns.PLACE_BEFORE
                return figure_and_place or bool(strikers(ahead))
            return doc[k].text in (",", ";", ":")

        while i > a and not edge(i - 1):
            i -= 1
        while j < b and not edge(j):
            j += 1
        # A date opening the sentence ("On January 10, …") dates every clause of it.
        opening = span[0].idx + 15
        taken = [(s, e) for *_, s, e in f.dates]
        # … and so does a year opening it ("In 2023, UNICEF verified 14 child casualties")
        lead = next((t.i for t in span if t.idx >= opening), span.end)
        opening_years = dates.years(doc, span.start, min(lead, i), taken) if i > span.start else []
        # "… was followed by the bombing in Kerman on January 3, in which 95 were martyred": a
        # relative clause is about the noun phrase just before it, not the whole segment
        opener = [t.lower_ for t in doc[i : i + 2]]
        relative = opener in (["in", "which"], ["during", "which"]) or opener[:1] == ["which"]

        def facts(start: int, end: int, undated: list) -> Facts:
            """The facts of tokens [start, end); ``undated``: its dates if it states none."""
            lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
            own = [(d, p) for d, p, s, _ in f.dates if lo <= s < hi] + dates.years(doc, start, end, taken)
            low = [t.lower_ for t in doc[start:end]]
            return Facts(
                places=[p for p in f.places if lo <= p.start < hi],
                dates=own or undated,
                strikers=strikers(low),
                targets=targets(low),
                # the sentence up to the clause's end: "smugglers" after it are not its story
                words={t.lower_ for t in doc[a:j] if t.is_alpha},
            )

        if relative and i - 1 > a and doc[i - 1].text == ",":
            end = i - 1  # the comma before "in which"
            # (from its determiner: "the bombing in Kerman", "its strikes of 15 January on Erbil"; or
            # from the "and" or comma before it: "…, and Pakistan's action inside Iran on Thursday")
            starts = [t.i + (t.lower_ in ("and", ",")) for t in doc[a:end] if t.lower_ in _DETERMINERS | {"and", ","}]
            near = facts(max(starts, default=a), end, [])
            if near.places or near.dates:
                return near
        for _ in range(3):
            # the opening date, unless the clause has its own ("In December, … killed 11, and on 10
            # January one officer was killed")
            cf = facts(i, j, [(d, p) for d, p, s, _ in f.dates if s < opening] + opening_years)
            if cf.places or cf.dates or cf.strikers or cf.targets:
                return cf
            # "… and the Kerman bombing, which the Islamic State group claimed, killed 95": the
            # clause's subject is in the segment before, back to an "and" or a semicolon
            if i <= a or doc[i - 1].text != "," or doc[i - 1].i - 1 < a:
                return None
            k = i - 2
            while k > a and doc[k].text not in (",", ";", ":") and doc[k].lower_ != "and":
                k -= 1
            if doc[k].text in (";", ":"):
                return None
            # back to the sentence's start: "Its crimes include the attack on January 10 near
            # Rask, in which one officer was martyred, and the raid … in December"
            i = k + 1 if k > a or doc[k].text == "," or doc[k].lower_ == "and" else a
        return None

    def _subject(self, doc, span, home):
        """ "…, which it claims …": the sentence's subject, when it names a side."""
        if span[0].lower_.endswith("ing") or span[0].lower_ in ("in", "on", "at", "after", "from", "with", "by", "to"):
            return None  # "Speaking on state TV, he said": an opening phrase, not the subject
        head = []
        for t in span:
            if t.is_punct or t.lower_ in claimants.REPORT_VERBS or len(head) >= 4:
                break
            head.append(t.text)
        ctype = claimants.classify(" ".join(head), home) if head else None
        if ctype in ("iran_official", "pakistan_official"):
            name = {"iran_official": "Government of Iran", "pakistan_official": "Government of Pakistan"}[ctype]
            return claimants.Speaker(name, ctype, span[0].idx, span[0].idx + len(span[0].text))
        # "Haalvsh, a rights group that monitors …, published the names of nine people it said were
        # killed": a name the sentence's own apposition says is an organisation or an outlet
        k = span.start + len(head)
        if head and k + 1 < span.end and doc[k].text == "," and doc[k + 1].lower_ in ("a", "an"):
            words = []
            for t in doc[k + 2 : min(span.end, k + 9)]:
                if t.is_punct or t.lower_ in claimants.STOP_BEFORE:
                    break
                words.append(t.text)
            kind = claimants.classify(" ".join(words), home) if words else None
            if kind in ("other_official", "media", "analyst"):
                return claimants.Speaker(" ".join(head), kind, span[0].idx, doc[k - 1].idx + len(doc[k - 1].text))
        return None

    @staticmethod
    def _km(doc, fig) -> float | None:
        span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
        at = next((t for t in span if t.lower_ in patterns.UNITS), None)
        per = patterns.unit_km(doc, at.i) if at is not None else 1.0
        if fig.value is None:
            return None
        after = [t for t in doc[at.i + 1 : at.i + 8] if not t.is_space] if at is not None else []
        # "55 miles (about 89km)": the bracket's own hedge is the figure's, already read
        after = after[:1] + [t for t in after[1:3] if t.lower_ not in _HEDGES] + after[3:] if after else after
        if (
            per != 1.0
            and len(after) >= 4
            and after[0].text == "("
            and after[1].like_num
            and patterns.UNITS.get(after[2].lower_) == 1.0
            and after[3].text == ")"
            and (km := numbers.value(after[1].text)) is not None
        ):
            return km  # "about 28 miles (45 km)": the article's own kilometres, not our conversion
        return round(fig.value * per, 1)


_HEDGES = frozenset("about approximately approx. around roughly some nearly c. ca. ~".split())
_LIST_HEADING = re.compile(
    r"^\W*(?:references|bibliography|works cited|sources|notes and references|see also|further reading|"
    r"related(?: news| stories| articles| coverage| links| reading)?|read more|more on this(?: story)?|most read|"
    r"you may also like)\W*$",
    re.I | re.M,
)
# an entry of such a list: a bullet or a number, a quoted title, a citation's year, or its continuation
_ENTRY = re.compile(
    r"^(?:\s+\S|\s*(?:[-*•]|\[?\d{1,3}[.)\]]|[\"“])|.*(?:\((?:19|20)\d\d[a-z]?\)|\b(?:19|20)\d\d\.?\s*$))"
)


# a correction's own heading or opening words ("CORRECTION", "Correction - Jan 17, 2024:")
_CORRECTION_HEAD = re.compile(rf"\W*(?:{_CORRECTIONS.pattern})[^\n]{{0,40}}", re.I)


def _correction_block(text: str, a: int) -> bool:
    """Whether the sentence at ``a`` is in a correction appended to a piece: its paragraph opens
    "CORRECTION" or sits under a line that says so ("CORRECTION: Last week's round-up said …")."""
    start = text.rfind("\n\n", 0, a)
    block = text[start + 2 if start >= 0 else 0 : a + 20]
    before = text[: max(start, 0)].rstrip().rsplit("\n", 1)[-1]
    return bool(_CORRECTION_HEAD.match(block.lstrip()) or _CORRECTION_HEAD.fullmatch(before.strip()))


def _reference_lists(text: str) -> list[tuple[int, int]]:
    """The spans of a page's lists of other pieces under their heading ("References", "Related
    news:", "See also"): the titles and citations they list are not the article's claims ("'One
    police officer martyred near Rask'. Tasnim. 10 January 2024."). A list runs while its lines
    are entries; the first line that is not one ends it. A wire's advisory line is one too."""
    # (and a wire's note to editors on what a version changed: "(Writethrough; updates death toll
    # in paragraph 2 to nine from seven, adds …)": the story's own paragraphs state it)
    out = [m.span() for m in _ADVISORY.finditer(text)]
    for m in _LIST_HEADING.finditer(text):
        end = pos = m.end()
        for line in text[m.end() :].split("\n")[1:]:
            pos += len(line) + 1
            if line.strip() and not _ENTRY.match(line):
                break
            end = pos
        out.append((m.start(), end))
    return out


_ADVISORY = re.compile(
    r"^[ \t]*\((?:writethrough|updates?|adds|recasts|corrects|changes|fixes|refiles|repeats|rewrites)\b[^\n]*\)[ \t]*$",
    re.I | re.M,
)
# a note's line: "(5) Figure given by …", "[4] Statement of …", "¹ Government of Pakistan"; and a
# mark in the text, after a word ("… (Panjgur)¹")
_SUP = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_NOTE = re.compile(rf"\s*(?:\((\d{{1,3}})\)|\[(\d{{1,3}})\]|([{_SUP}]{{1,3}}))[ \t]+(?=\S)")
_MARK = re.compile(rf"(?<=[^\s(\[])(?:\((\d{{1,3}})\)|\[(\d{{1,3}})\]|([{_SUP}]{{1,3}}))")
# the next note on a line of several: "¹ Government of Pakistan  ² Iranian provincial authorities"
_NEXT_NOTE = re.compile(rf"\s+(?=[{_SUP}]+[ \t])")
_NOT_SOURCES = re.compile(
    r"(?i)\b(?:chronolog(?:y|ies)|timelines?|datasets?|databases?|maps?|measured|measurements?|interviews?|"
    r"registers?|lists?|tables?|see)\b"
)
_NOTE_OPENING = re.compile(
    r"(?i)(?:(?:figures?|tolls?|statements?|data|estimates?)\s+(?:given\s+|as reported\s+)?(?:by|of|from)|source:)\s+"
)


def _marks(s: str) -> list[str]:
    return [m.group(1) or m.group(2) or m.group(3) for m in _MARK.finditer(s)]


def _notes(rows: list, home: str | None) -> dict[str, claimants.Speaker]:
    """The source each footnote gives, by its mark: a handout's "(5) Figure given by the deputy
    governor of Sistan and Baluchestan to IRNA." is whom "… killed nine people.(5)" cites; "(7)
    Statement of the Kurdistan Regional Government." likewise. Only a note whose mark the text
    uses before it, so that a numbered list's "(2) Pakistan retaliated …" is no note."""
    out: dict[str, claimants.Speaker] = {}
    used: set[str] = set()
    for a, _, _, line, *_ in rows:
        for s, at in _one_note_each(line, a):
            _note(s, at, home, used, out)
        used.update(_marks(line))
    return out


def _one_note_each(s: str, a: int) -> list[tuple[str, int]]:
    """A sentence (at offset ``a``) cut before each superscript note after its first, with offsets."""
    cuts = [0] + [m.end() for m in _NEXT_NOTE.finditer(s)] + [len(s)]
    return [(s[i:j], a + i) for i, j in pairwise(cuts)]


def _note(s: str, a: int, home: str | None, used: set[str], out: dict[str, claimants.Speaker]) -> None:
    """The source the note ``s`` (at offset ``a``) gives, into ``out`` by its mark, if the text used
    the mark before it."""
    m = _NOTE.match(s)
    mark = (m.group(1) or m.group(2) or m.group(3)) if m else None
    if mark is None or mark not in used or mark in out:
        return
    # the note's source, to its first semicolon: "(9) IRGC statement; the toll is widely repeated."
    rest = s[m.end() :]
    opening = _NOTE_OPENING.match(rest)
    body = re.split(r"[,;]|\.\s", rest[opening.end() if opening else 0 :])[0].rstrip(" .")
    ctype = claimants.classify(body, home)
    # a source named in a few words, not a sentence of its own ("[3] Pakistani officials told
    # reporters the site was …") nor a document ("[5] Chronology of attacks in Iran, 2024.")
    if ctype not in (None, "unattributed") and len(body.split()) <= 10 and not _NOT_SOURCES.search(body):
        start = a + len(s) - len(rest) + (opening.end() if opening else 0)
        out[mark] = claimants.Speaker(body, ctype, start, start + len(body))


_LABEL = re.compile(r"[A-Z][\w .,'()-]{0,60}:")


def _goes_on(text: str, a: int, headings: set[int]) -> bool:
    """Whether the unlabelled paragraph at ``a``, right after a turn's, is more of that turn: not
    past a rule ("---"), nor a bracketed note ("[Translator's note: …]"), a heading or a line in
    capitals (a bulletin's headlines), or a label the turn pattern does not read ("CLAIM 4:")."""
    line = _line(text, a)
    return (
        line[:1] != ""
        and (line[0].isalnum() or line[0] in "\"“'‘")
        and a not in headings
        and not line.isupper()
        and not _LABEL.match(line)
    )


def _line(text: str, a: int) -> str:
    """The line from ``a`` to its end: a transcript's turn or an interview's question is the
    paragraph's line, not its first sentence ("BRIG. RANA: …" is split after "BRIG.")."""
    end = text.find("\n", a)
    return text[a : end if end >= 0 else len(text)]


def _apart(new: list, figs: list) -> list:
    """The figures of ``new`` whose spans overlap none of ``figs`` (one number, one reading)."""
    return [x for x in new if not any(x.start < y.end and y.start < x.end for y in figs)]


def _line_start(text: str, at: int) -> int:
    """The offset where the line holding offset ``at`` starts."""
    return text.rfind("\n", 0, at) + 1


def _cell_speaker(text: str, cell: tuple[int, int], home: str | None) -> claimants.Speaker:
    """A table's source cell as the speaker of its row: "Sarbaz News (local Baloch outlet)" is
    Sarbaz News, a medium (the bracket says what it is, the name is who); "BCRN GPS reading" is the
    organisation the article spelt out as BCRN."""
    said = text[cell[0] : cell[1]]
    ctype = claimants.classify(said, home)
    first = said.split()[0]
    if ctype in (None, "unattributed") and first.isupper() and len(first) > 1:
        ctype = claimants.introduced(first, text, home) or ctype
    name = said.split(" (")[0].strip().rstrip("*†") or said  # ("Sarhad Rights Watch*": a footnote's mark)
    if _OWN_WORK.search(said):
        ctype = "author"  # "Karez geolocation (this note)": the piece's own finding
    return claimants.Speaker(name, ctype or "unattributed", cell[0], cell[0] + len(name))


_OWN_WORK = re.compile(
    r"(?i)\((?:this|our|the present) (?:note|report|article|study|analysis|piece)\)|\bour own\b|"
    r"\bthis (?:dataset|note|report|article|study|analysis|piece)['’]s own\b"
)


def _figure_speaker(doc, fig, found, asides, who, own_voice, voice, text: str, a: int):
    """Who gives one figure of a sentence whose reporting structure is ``found`` and whose
    speaker is ``who``: the speaker of its own clause where the sentence has several sides;
    the article's own voice (``own_voice``: a transcript's turn or the outlet; ``voice``) for a
    figure told before a colon the speaker follows, or in background the article adds after the
    speaker's words."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    at, last = span.start, span.end - 1  # the figure's first and last tokens
    inner = claimants.best(claimants.in_aside(found, asides, at))
    if inner is not None and inner.type != "pronoun":
        return inner  # "…, which Islamabad says killed two children, …"
    found = claimants.main_clause(found, asides)
    own = claimants.for_figure(found, doc, at)
    speaker = own if own is not None and own.type != "pronoun" else who
    # (a colon after the figure's last word: "Distance from the border: about 50 km, according
    # to …" is no statement after a colon)
    if speaker is not None and found and claimants.apart(found, doc, last):
        # "Nine people died there, and here's the thing: Tehran said they were not Iranian"
        return own_voice
    later = _AFTER.search(text[a : fig.start])
    if (
        speaker is not None
        and later
        and speaker.end <= a + later.start()
        and not claimants.is_quotation(text[a : fig.start])
        # ("a day after what it said was an Iranian attack": said inside the clause)
        and not _SAYS.search(later.group(0))
    ):
        # "Pakistan's military said it struck …, days after an Iranian strike killed two children";
        # but "…, after an Iranian attack … killed two children, the Foreign Office said.": a speaker
        # closing the sentence gives its background too
        end = doc[at].sent.end
        # ("…, the Foreign Office said."; "…, according to the Foreign Office.")
        closing = [
            sp
            for i, sp in found
            if at < i and (end - i <= 3 or doc[i].lower_ == "according" and end - i <= 10) and sp.type != "pronoun"
        ]
        return closing[-1] if closing else voice or claimants.Speaker("the author", "author", fig.start, fig.end)
    return speaker


_ASIDE = re.compile(r",\s+(?:which|who)\b", re.I)
_BULLET = re.compile(r"\s*[-*•–]\s")
# a line under its country's label: "- Iran: deputy governor says nine dead"
_COUNTRY_LABEL = re.compile(r"^[-•*\s]*(?P<country>Iran|Pakistan)\s*:\s", re.I)


def _labelled(sentence: str) -> str | None:
    """The country a sentence's label names, whose officials its unnamed ones are (whatever
    the dateline says): "- Iran: deputy governor says nine dead"."""
    m = _COUNTRY_LABEL.match(sentence)
    return ("IRN" if m.group("country").lower() == "iran" else "PAK") if m else None


# a section's heading: Markdown's ("## 2. Saravan area, 18 Jan"), or a line in capitals, numbered
# or not ("1. PANJGUR (IRANIAN STRIKE)", "RECAP")
# (and an item's title under its bracketed number: "[CARD #095] Kerman bombing toll (3 Jan)", "[STORY 2]")
_SECTION = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+\S|(?:\d{1,2}[.)][ \t]+)?[A-Z][A-Z0-9 &/,.()'’:–—-]{3,}$"
    r"|\[[A-Z][A-Za-z]*[ \t]*#?\d+\](?:[ \t]|$))"
)
# another cause of death than a strike: its figures link to no strike, its depths are none
_MISHAP = re.compile(
    r"\b(?:earthquake|quake|tremors?|magnitude|epicent(?:re|er)|seismic|floods?|flooding|landslides?|avalanche|"
    r"overturned|crash(?:ed)?|collided|collision|road accident|traffic accident|capsized|cyclone|heatwave|blaze)\b",
    re.I,
)
_TIME_ZONE = re.compile(r"\b\d{1,2}:?\d{2}\s*(?:hrs\s*)?(?:(PKT|PST)|IRST)\b")
_HOW_FAR = re.compile(
    r"\bhow (?:far|deep)\b[^?]*\b(?:inside|into|within|across|beyond|border|frontier)\b[^?]*\?\s*$", re.I
)
# the figure a revision names as the old one: "an initial count of 103", "down from 103"
_OLD_FIGURE = re.compile(
    r"\b(?:initial|earlier|previous|original|first|old"
    # "down from 103", "bringing the official toll from 89 to 91": the words themselves say it is
    # the old one
    r"|(?P<from>(?:down|up|risen|rose|revised|raised|lowered|increased|" + "|".join(patterns.MOVING) + r") from"
    r"|(?:toll|tally|count|figure) from"
    r"|\((?:was|previously|earlier|formerly))"  # "now 95 (was 84)"
    # "revising a figure of three dead", "correcting its count of 11"
    r"|(?:revis|correct|rais|lower|updat|replac)\w* (?:a|an|the|its|his|her|their) (?:figure|toll|count|tally) of)"
    r"\s+(?:[\w-]+:?\s+){0,2}[\w.,-]+$",  # ("first reported: 103")
    re.I,
)
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
# a source cell or field that only points to another place in the text: "see Tile 1", "as above"
_POINTER = re.compile(r"(?:see|cf\.?|as above|ditto|ibid\.?)(?:\s|$)", re.I)
_TOLD_HOW_FAR = re.compile(r"\b(?:is|was) how (?:far|deep)\b", re.I)
_AFTER = re.compile(r",\s[^,]{0,20}\b(?:after|following)\b[^,]*$")
_SAYS = re.compile(r"\b(?:said|says|say|claimed|claims|according|reported|reports)\b")
_BACK = re.compile(r"\b(?:that|this|the same) (?:strike|attack|raid|bombing|operation|incident)\b", re.I)
# A sentence that says it tells another story: neither the paragraph's event nor the article's
# ("In a separate incident, one Levies personnel was martyred …", "(not strike-related)")
_APART = re.compile(
    r"\bin an? (?:separate|unrelated) (?:incident|attack|blast|explosion|bombing|shooting)\b"
    r"|\b(?:unrelated|not related) to the (?:strikes?|attacks?)\b|\bnot strike-related\b",
    re.I,
)


def _reporting_day(doc, s: int, e: int) -> bool:
    """ "said on Wednesday", "on Wednesday told": the day something was said, not done."""
    near = [t.lower_ for t in doc[max(0, s - 3) : e + 2]]
    return any(w in claimants.REPORT_VERBS for w in near)


def claim_key(c: Candidate):
    """What makes two figures one claim: kind, value, who (a side for officials, else the name)
    and event (:func:`settle`; the restatement model asks about figures it keeps apart)."""
    # Not the qualifier: "nine" in a headline and "at least nine" in the body are one claim.
    # a claimant by name, not by the apposition or bracket one sentence adds ("Kech Times, a local daily")
    name = re.split(r",|\s\(", c.claimant or "")[0].strip().lower()
    who = c.claimant_type if c.claimant_type in ("iran_official", "pakistan_official") else name
    # unlinked, whose dead tells figures apart: "two children" and "two terrorists" are two claims
    return (c.kind, json.dumps(c.value), who, c.event or ("militants" if c.victims in MILITANTS else ""))


def _heading(text: str, a: int, b: int) -> bool:
    """A headline or subheading: a line of its own, short, with no full stop at its end."""
    line_start = a == 0 or text[a - 1] == "\n" or not text[:a].strip()
    line_end = b >= len(text.rstrip()) or text[b : b + 1] == "\n"
    line = text[a:b].rstrip()
    return line_start and line_end and len(line.split()) <= 20 and not line.endswith((".", "!", "?", '"', "”", ":"))


def _fold(cands: list[Candidate], repeats, source) -> list[Candidate]:
    """Each figure no one gives that ``repeats(c)`` accepts becomes one more quote of the first
    attributed candidate of the same figure (kind, value, event) that ``source(o, c)`` accepts."""
    out = list(cands)
    for c in cands:
        if _given(c) or c.kind not in FIGURE_KINDS or c.value is None or not repeats(c):
            continue
        given = [
            o
            for o in out
            if source(o, c)
            and o.kind == c.kind
            and o.value == c.value
            and _given(o)
            and (c.event is None or o.event in (c.event, None))
        ]
        if given:
            i, o = out.index(given[0]), given[0]
            if o.event is None and c.event is not None:
                # the headline says which strike the body's unlinked figure is about
                o = replace(o, event=c.event, event_reason=c.event_reason, event_confidence=c.event_confidence)
            out[i] = replace(o, quotes=o.quotes + ((c.start, c.end),))
            out.remove(c)
    return out


def _given(c: Candidate) -> bool:
    """Someone gives the figure: it has a claimant, and not one that only points elsewhere in the
    text (a table row's source cell "see Tile 1" repeats the tile's figure)."""
    return bool(c.claimant_type) and not _POINTER.match(c.claimant or "")


def _headline_repeats(cands: list[Candidate], headings: set[int]) -> list[Candidate]:
    """A headline (or caption) repeating a figure the body attributes is the body's claim, not the
    author's own (SCHEMA.md, settled cases): its sentence becomes one more quote of the body's."""
    out = _fold(cands, lambda c: c.start in headings, lambda o, c: o.start not in headings)
    # a headline that names its source ("IRAN SAYS 9 DEAD IN PAKISTANI STRIKE") repeats the body's
    # claim by that side, whichever event its terse words seemed to name
    for c in [c for c in out if c.start in headings and c.claimant_type and c.kind in FIGURE_KINDS]:
        body = next(
            (
                o
                for o in out
                if o.start not in headings
                and (o.kind, o.value, o.claimant_type) == (c.kind, c.value, c.claimant_type)
                and o.event is not None
            ),
            None,
        )
        if body is not None and c.value is not None:
            i = out.index(body)
            out[i] = replace(body, quotes=body.quotes + ((c.start, c.end),), updates=body.updates or c.updates)
            out.remove(c)
    return out


def _references(cands: list[Candidate], text: str) -> list[Candidate]:
    """A figure no one gives that points back with "the" ("the girls kept asking about the two
    children who had died"), or whose source only points elsewhere ("see Tile 1"), to a figure
    already given earlier is that figure again: one more quote of it, not a new claim."""

    def pointing_back(c: Candidate) -> bool:
        before = text[max(0, c.span_start - 8) : c.span_start]
        return bool(_THE_BEFORE.search(before) or _POINTER.match(c.claimant or ""))

    return _fold(cands, pointing_back, lambda o, c: o.start < c.start)


def _dedupe(cands: list[Candidate], headings: set[int] = frozenset()) -> list[Candidate]:
    """One candidate per figure, claimant and event: the sentences that repeat it become extra
    quotes of the first. Categories and places stay per sentence (their quote is their claim)."""
    first: dict[tuple, int] = {}
    out: list[Candidate] = []
    cands = _headline_repeats(cands, headings)
    linked = {claim_key(c)[:-1]: c.event for c in cands if c.kind in FIGURE_KINDS and c.event}
    for c in sorted(cands, key=lambda c: (c.start, c.span_start)):
        if c.kind in FIGURE_KINDS and c.value is not None:
            if c.event is None and linked.get(claim_key(c)[:-1]):
                # the same figure by the same claimant, linked where stated elsewhere: one claim
                c = replace(c, event=linked[claim_key(c)[:-1]], event_reason="the same figure by the same claimant")
            k = claim_key(c)
            if k in first:
                i = first[k]
                if (c.start, c.end) not in out[i].quotes:
                    # the body's sentence, not the headline over it, is the claim's quote
                    base, more = (c, out[i]) if out[i].start in headings and c.start not in headings else (out[i], c)
                    out[i] = replace(
                        base,
                        quotes=base.quotes + tuple(q for q in more.quotes if q not in base.quotes),
                        updates=base.updates or more.updates,
                        # the more telling qualifier ("at least nine" over a headline's "nine")
                        qualifier=base.qualifier if base.qualifier not in (None, "exact") else more.qualifier,
                        breakdown=base.breakdown or more.breakdown,
                        victims=base.victims if base.breakdown or not more.breakdown else more.victims,
                        # a restatement's note says how the claim took this sentence in; the
                        # sentence's other notes ("stated as", a detector's) were its own
                        notes=[*base.notes, *(n for n in more.notes if n.startswith(restated.NOTE))],
                    )
                continue
            first[k] = len(out)
        elif any(o.start == c.start and o.kind == c.kind and o.value == c.value for o in out):
            continue
        out.append(c)
    return out


def _restored(c: Candidate, origin, given: str) -> Candidate:
    """``c`` found in the compacted text, its offsets and quote put back into the text given."""

    def back(a: int, b: int) -> tuple[int, int]:
        return int(origin[a]), (int(origin[b - 1]) + 1 if b > a else int(origin[a]))

    (start, end), (span_start, span_end) = back(c.start, c.end), back(c.span_start, c.span_end)
    quotes = tuple(back(a, b) for a, b in c.quotes)
    return replace(
        c, start=start, end=end, span_start=span_start, span_end=span_end, quotes=quotes, quote=given[start:end]
    )


def settle(cands: list[Candidate], text: str, repeats: set[int]) -> list[Candidate]:
    """One claim once (a figure pointing back, a heading's or caption's repeat, the same figure
    by the same claimant about the same event), then each update proposed as a revision."""
    return _revisions(_circulating(_dedupe(_references(cands, text), repeats), text))


def _circulating(cands: list[Candidate], text: str) -> list[Candidate]:
    """A fact-check's claim line whose figure no sentence of its body gives (after the fold):
    a claim in circulation, as the annotators read it (media), not the fact-checker's own."""
    return [
        replace(c, claimant="a claim in circulation", claimant_type="media")
        if not c.claimant_type and c.kind in FIGURE_KINDS and _CLAIM_LINE.match(text[c.start : c.end])
        else c
        for c in cands
    ]


def _revisions(cands: list[Candidate]) -> list[Candidate]:
    """Propose each figure stated as an update ("rose to nine", "the updated figure is nine")
    as the revision of the same claimant's other figure about the same event and kind, the
    nearest in the text (it may come after: "nine … had announced seven earlier"; an update before
    it is the chain's last link: 103, "lowered to 84", "settled on 95")."""
    out = list(cands)
    for i, c in enumerate(out):
        if not c.updates or c.kind not in COUNTS or c.value is None:
            continue
        olds = [
            # (nearest sentence first, then the nearest figure in it)
            (min(abs(qa - pa) for qa, _ in o.quotes for pa, _ in c.quotes), abs(o.span_start - c.span_start), j)
            for j, o in enumerate(out)
            if j != i
            and o.kind == c.kind
            and (o.event == c.event or None in (o.event, c.event))  # one left unlinked: the reviewer links both
            and o.value is not None
            and o.value != c.value
            and 0 not in (o.value, c.value)
            # a count revised is one count corrected: none of the 144 annotated revisions changes a
            # toll more than 2.25 times ("nine killed" is no earlier figure of "24,000 martyred")
            and max(o.value, c.value) <= 5 * min(o.value, c.value)
            # (an earlier update is a link of the chain: "lowered it to 84 and later settled on 95")
            and (not o.updates or o.span_start < c.span_start)
            and (o.claimant_type == c.claimant_type or None in (c.claimant_type, o.claimant_type))
        ]
        if olds:
            j = min(olds)[2]
            note = f"revises candidate {j + 1} ({out[j].value:g} → {c.value:g})"
            out[i] = replace(c, revises=j, notes=[*c.notes, note])
    return out
