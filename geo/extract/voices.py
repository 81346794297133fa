"""Who speaks where a sentence names no one: the article's own voice (a press release's issuer,
a state outlet's masthead or dateline), a transcript's turns, and a headline's tagline. The
claimant types come from :mod:`geo.extract.claimants`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from geo.extract.claimants import OFFICIAL, SCHOLARLY, SIDE_TYPES, STATE_OUTLET, Speaker, classify, introduced, is_name

_OWN_VOICE = re.compile(
    r"^\s*(?:(?:press )?statement (?:by|of|from)|press release(?: by| from|:)?|communiqu[eé] (?:by|of))"
    r"\s+(?P<who>[^\n]{3,80})",
    re.I,
)
_RELEASE_WORDS = re.compile(
    r"\b(?:for immediate release|press release|news release|media release|public statement|handout|press note|"
    r"operational note|situation report|sitrep|flash update|fact sheet|media advisory|briefing note)\b",
    re.I,
)
_RELEASE_HEADER = re.compile(
    r"(?:(?:for immediate release|press release|news release|media release|statement)[\s.:|–—-]*)+", re.I
)
_DATEISH = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|release|embargo", re.I
)
# A document's type alone on its line: "Statement | 19 January 2024", "NOTICE No. DHQ/117",
# "PUBLIC NOTICE", "MEDICAL BULLETIN No. 2", "Emergency Appeal: …", "Situation Update No. 3 -- …",
# "Field Report No. 7 | Published …"
_DOC_LINE = re.compile(
    # a numbered one in capitals, whatever two words come first: "PATIENT STATUS UPDATE No. 2"
    r"(?-i:(?:[A-Z]+ ){1,2}(?:UPDATE|BULLETIN|REPORT|NOTICE|STATEMENT))\s+no\.?\s*\d|"
    r"(?:(?:public|press|official|joint|medical|health|emergency|urgent|flash|situation|field|casualty) )?"
    r"(?:statement|notice|communiqu[eé]|advisory|bulletin|appeal|update|report)\b(?:\s*(?:[|:–—-]|no\.?)|\s*$)"
    r"|statement (?:on|regarding|concerning|about) the\b",  # "Statement on the attack by …"
    re.I,
)
_MADE_BY = re.compile(
    r"\b(?:is|was) (?:produced|issued|published|prepared) by (?:the )?(?P<who>[A-Z][^.(,]{3,90}?)"
    r"(?=\s*(?:\(|,|\.| in collaboration| with ))"
)
_BRIEF = re.compile(
    r"\b(?:policy brief|issue brief|research brief|briefing paper|policy paper|working paper|research paper|"
    r"occasional paper|commentary|analysis|report)\b",
    re.I,
)
_DATELINE_OUTLET = re.compile(
    r"^[A-Z][A-Z .'-]{2,}[^\n(]{0,40}\((?P<who>[A-Za-z .]{2,30})\)"
    # IRNA's own form: "Tehran, Jan 17, IRNA -- The IRGC destroyed …"
    r"|^[A-Z][A-Za-z .'-]{2,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?P<agency>[A-Z][A-Za-z]{2,12})\s*(?:--|—|–)"
    # a translated dateline with both calendars: "Zahedan, 28 Dey 1402 (18 January 2024), IRNA -- …"
    r"|^[A-Z][A-Za-z .'-]{2,30},\s+\d{1,2} [A-Z][a-z]{2,10} \d{4}\s*\([^)\n]{4,30}\),\s+"
    r"(?P<agency2>[A-Z][A-Za-z]{2,12})\s*(?:--|—|–)"
)


_HOSPITAL = re.compile(r"\bhospital\b", re.I)
_OFFICIAL_TYPES = (*SIDE_TYPES, "other_official")  # the claimant types of an office
_RECORD_LINE = re.compile(r"\b(?:LOG|REGISTER|LOGBOOK)\s*$")  # a record's title line, in capitals
# an office's letter: its reference number ("No. DHQ/PJG/MS/2024/117"; an e-mail's or a private
# letter's "Subject:" says no office wrote it)
_LETTER_LINE = re.compile(r"(?:No\.|Ref(?:erence)?(?: No)?\.?:?)\s*[A-Z0-9][\w.-]*/[\w/.-]+", re.I)
_FROM = re.compile(r"^[ \t]*From[ \t]*:[ \t]*([^\n<]{3,90})$", re.M)
_BOTH = re.compile(r"\b(?:iran|pakistan)\b", re.I)


def _letterhead(line: str, home: str | None) -> str | None:
    """A letterhead's claimant type; one naming both countries ("… SERVICE - PAKISTAN / IRAN
    BORDER AREAS") is an organisation of neither side."""
    ctype = classify(line, home)
    if ctype in SIDE_TYPES and len({w.lower() for w in _BOTH.findall(line)}) == 2:
        return "other_official"
    return ctype


# what names an office in a letterhead ("DISTRICT HEADQUARTERS HOSPITAL PANJGUR")
_OFFICE_NAME = re.compile(
    r"\b(?:GOVERNMENT|GOVERNORATE|OFFICE|MINISTRY|HOSPITAL|DEPARTMENT|DIRECTORATE|COMMISSION(?:ER)?|AUTHORITY|"
    r"POLICE|EMBASSY|SECRETARIAT|ASSEMBLY|COUNCIL|ADMINISTRATION)\b"
)
_RULE_LINE = re.compile(r"[-=_*~ ]{3,}")


def letterheads(text: str, home: str | None = None) -> list[tuple[int, Speaker]]:
    """The later documents of a bundle, each under its own letterhead, and who speaks in each:
    a district's situation report followed by the hospital's bulletin ("DISTRICT HEADQUARTERS
    HOSPITAL PANJGUR / Office of the Medical Superintendent / PATIENT STATUS BULLETIN") speaks,
    from that line on, in the hospital's voice. A letterhead is a line in capitals after a blank
    line or a rule, naming an office (not a numbered section heading: "2. CASUALTIES"), with a
    document's type ("BULLETIN", "Press Note", "Statement No. 14") among its next three lines.
    Returns (offset of the line, its speaker) in order."""
    lines, out, at = text.split("\n"), [], 0
    first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    for i, ln in enumerate(lines):
        line, start, at = ln.strip(), at, at + len(ln) + 1
        if (
            i <= first + 2
            or not line.isupper()
            or not 2 <= len(line.split()) <= 8
            or ":" in line
            or re.match(r"[\d(]|[A-Z]\.", line)
            or not _OFFICE_NAME.search(line)
            or lines[i - 1].strip()
            and not _RULE_LINE.fullmatch(lines[i - 1].strip())
        ):
            continue
        below = [x.strip() for x in lines[i + 1 : i + 6] if x.strip()][:3]
        if any(_DOC_LINE.search(x) or _RELEASE_WORDS.search(x) for x in below) and (who := _office(line, home)):
            out.append((start, who))
    return out


def _office(line: str, home: str | None) -> Speaker | None:
    """The office a letterhead's line names, as a speaker: a hospital speaks for itself (SCHEMA.md),
    whoever runs it; else a side's or another official body; else None."""
    if _HOSPITAL.search(line):
        return Speaker(line.title() if line.isupper() else line, "other_official", 0, 0)
    ctype = _letterhead(line, home)
    return Speaker(line.title() if line.isupper() else line, ctype, 0, 0) if ctype in _OFFICIAL_TYPES else None


def _official_writer(text: str, home: str | None) -> Speaker | None:
    """An official who wrote or spoke the piece: an op-ed's closing line ("The writer is the
    Ambassador of the Islamic Republic of Iran to Malaysia."), a speech's header ("Speech
    delivered in the open session of the … Majlis"). Only a serving office speaks so: an
    analyst's or a former official's op-ed stays the author's."""
    for m in _WRITER.finditer(text[-600:]):
        if _FORMER.search(m.group("role")):
            continue  # "a former diplomat who served in Tehran": no office now
        if (ctype := classify(m.group("role"), home)) in _OFFICIAL_TYPES:
            return Speaker(m.group("role").strip(" ."), ctype, 0, 0)
    for line in text.lstrip()[:400].splitlines()[:3]:
        if _SPEECH.search(line) and (ctype := classify(line, home)) in SIDE_TYPES:
            named = re.search(r"\bSpeaker:\s*([^,;\]\n]{3,60})", line)
            return Speaker(named.group(1).strip() if named else "the speech's speaker", ctype, 0, 0)
    return None


_WRITER = re.compile(r"^\s*(?:the|this) (?:writer|author|columnist) (?:is|was) (?P<role>[^\n]{5,160})$", re.I | re.M)
_SPEECH = re.compile(r"\b(?:speech|address|remarks)\b[^\n]{0,200}?\b(?:delivered|made|given)\b[^\n]*", re.I)


def _titled(name: str) -> str:
    """A name set in capitals, as a reader writes it: "Baluch Human Rights Forum (BHRF)"."""
    small = {"of", "for", "and", "the", "in", "on"}
    words = [w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(name.split())]
    return re.sub(r"\((\w+)\)", lambda m: f"({m.group(1).upper()})", " ".join(words))


_WE = re.compile(r"\b(?:we|our|us)\b", re.I)
_SIR = re.compile(r"^\s*(?:SIR|Sir|Dear (?:Sir|Madam|Editor))\s*(?:--|—|–|,|:)", re.M)
_LETTERS = re.compile(r"\bletters?\b", re.I)


def voice(text: str, home: str | None = None) -> Speaker | None:
    """Who speaks where the article names no one: the issuer of a statement ("Statement by
    the Ministry of Foreign Affairs", a "FOR IMMEDIATE RELEASE" header over its name), a
    state outlet in the dateline ("TEHRAN, Jan. 18 (IRNA)"), or an official who wrote or
    delivered it (:func:`_official_writer`)."""
    written = _official_writer(text, home)
    if written is not None:
        return written
    if len(_SIR.findall(text)) >= 2 or _SIR.search(text) and _LETTERS.search(text[:800]):
        # a letters page: its writers speak in their own voice, persons for no organisation
        # (SCHEMA.md: "a letter's writer" is an analyst)
        return Speaker("the letter's writer", "analyst", 0, 0)
    head = text.lstrip()[:600]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()][:8]
    # (under a letterhead of up to five lines: "INTER SERVICES PUBLIC RELATIONS / DIRECTORATE
    # GENERAL / Rawalpindi - Pakistan / No PR-14/2024-ISPR … / PRESS RELEASE")
    header = next(
        (
            i
            for i, ln in enumerate(lines[:6])
            if _RELEASE_WORDS.search(ln)
            or _DOC_LINE.match(ln)
            # an office's own record or letter under its letterhead ("GOVERNMENT OF BALOCHISTAN /
            # LEVIES FORCE … / DISTRICT CONTROL ROOM: WIRELESS MESSAGE LOG", "… HOSPITAL, PANJGUR /
            # No. DHQ/PJG/MS/2024/117"); a log or a letter under no office is no one's
            or (_RECORD_LINE.search(ln) or _LETTER_LINE.match(ln))
            and any(_office(x, home) for x in lines[:i])
        ),
        None,
    )
    if header is not None:
        # A letterhead over the header ("FRONTIER RIGHTS MONITOR / Public statement", "GOVERNMENT
        # OF BALOCHISTAN / … / Press Release No. 112"), else the first line under it that is not a
        # date or a headline, else the organisation its headline opens with
        heads = [(ln, _letterhead(ln, home)) for ln in lines[:header] if ":" not in ln]  # not a title ("PAKISTAN: …")
        side = next(((ln, t) for ln, t in heads if t in SIDE_TYPES), None)
        unknown = [ln for ln, t in heads if t == "unattributed" and ln.isupper() and len(ln.split()) <= 6]
        if side and unknown and heads[0][0] == unknown[0]:
            # "MINISTRY OF FOREIGN AFFAIRS / ISLAMABAD": the ministry, of the side its second line names
            return Speaker(unknown[0].title(), side[1], 0, 0)
        hospital = next((ln for ln, _ in heads if _HOSPITAL.search(ln)), None)
        if hospital is not None:
            # "GOVERNMENT OF BALOCHISTAN - HEALTH DEPARTMENT / DISTRICT HEADQUARTERS TEACHING HOSPITAL":
            # the hospital speaks for itself (SCHEMA.md), whoever runs it
            return Speaker(hospital.title() if hospital.isupper() else hospital, "other_official", 0, 0)
        for ln, ctype in heads:
            if ctype in _OFFICIAL_TYPES:
                return Speaker(ln.title() if ln.isupper() else ln, ctype, 0, 0)
        if unknown:  # a letterhead no rule knows ("MAKRAN RELIEF NETWORK"): an organisation speaking for itself
            return Speaker(unknown[0].title(), "other_official", 0, 0)
        # The issuer on the header's own line, before its words ("IHRC OPERATIONAL NOTE", "ISPR PRESS
        # RELEASE") or after them ("PRESS STATEMENT -- Balochistan Rural Health Network")
        words = _RELEASE_WORDS.search(lines[header]) or _DOC_LINE.match(lines[header])
        line = lines[header]
        for part, most in ((line[: words.start()], 6), (line[words.end() :], 8)) if words else ():
            who = part.strip(" -–—:|")
            if who and len(who.split()) <= most and not _DATEISH.search(who) and who[:1].isupper():
                ctype = classify(who, home)
                if ctype not in ("media", "analyst"):
                    kind = ctype if ctype in SIDE_TYPES else "other_official"
                    return Speaker(who.title() if who.isupper() and len(who) > 6 else who, kind, 0, 0)
        signed = re.search(r"^(?:signatories|signed by|endorsed by)\s*:\s*([^\n;,(]{3,80})", head, re.I | re.M)
        if signed:  # a joint statement's signatories: the first named, for all (SCHEMA.md: an organisation)
            ctype = classify(signed.group(1), home)
            return Speaker(signed.group(1).strip(), ctype if ctype in SIDE_TYPES else "other_official", 0, 0)
        made = _MADE_BY.search(head)  # "This Flash Update is produced by the United Nations Office …"
        if made:
            return Speaker(made.group("who").strip(), classify(made.group("who"), home) or "other_official", 0, 0)
        below = [ln for ln in lines[header + 1 :] if not _DATEISH.search(ln)]
        issuer = next((ln for ln in below if len(ln.split()) <= 6 or OFFICIAL.search(ln.lower())), None)
        if issuer is None and below:
            lead = re.match(r"(?:The )?((?:[A-Z][\w'’-]+ ){1,5}[A-Z][\w'’-]+)", below[0])
            issuer = lead.group(1) if lead else None
        if issuer:
            ctype = classify(issuer, home)
            return Speaker(issuer, ctype if ctype not in (None, "unattributed", "media") else "other_official", 0, 0)
    # A think tank's own publication ("CENTRE FOR … STUDIES / Policy Brief No. 4"): its voice is
    # an analyst's (SCHEMA.md), whatever it states without attribution
    if any(_BRIEF.search(ln) for ln in lines[:4]):
        for ln in lines[:4]:
            if ln.lower().startswith("by "):
                continue  # a byline ("By a Staff Analyst") is a writer, not the publisher
            name = re.split(r"\s[|–—-]\s|,", ln)[0].strip()
            if classify(name, home) == "analyst" and not _BRIEF.search(name) and len(name.split()) <= 8:
                return Speaker(name.title() if name.isupper() else name, "analyst", 0, 0)
    # A translation's note of its source: "[Unofficial translation from Persian. Source: Islamic
    # Republic News Agency (IRNA), provincial desk …]": the state outlet's own voice
    for ln in lines[:2]:
        source = re.search(r"\bsource:\s*([^.;\]\n]{3,80})", ln, re.I)
        state = STATE_OUTLET.search(source.group(1)) if source else None
        if state and (side := classify(state.group(0))) in SIDE_TYPES:
            return Speaker(state.group(0), side, 0, 0)
    # A state outlet's masthead: "IRIB NEWS AGENCY — ENGLISH MONITORING SERVICE"
    outlet = STATE_OUTLET.search(lines[0]) if lines and len(lines[0].split()) <= 10 else None
    if outlet:
        return Speaker(outlet.group(0), classify(outlet.group(0)), 0, 0)
    # An organisation's own report or channel under its name ("BALUCH HUMAN RIGHTS FORUM (BHRF)",
    # "Saravan Rights Monitor / public channel"), speaking as "we": the organisation throughout
    if lines and len(lines[0].split()) <= 8 and classify(lines[0], home) == "other_official":
        if len(_WE.findall(text)) >= 3:
            name = re.split(r"\s(?:--|[|–—])\s", lines[0])[0].strip()
            return Speaker(_titled(name) if name.isupper() else name, "other_official", 0, 0)
    # A memo's or a form's one sender, if an office ("From:  Blood Bank Officer, DHQ Hospital
    # Panjgur"); an e-mail chain has several, a newsletter's is its title, a person's is no office's
    senders = _FROM.findall(text[:1500])
    sender = senders[0].strip() if len(senders) == 1 else ""
    if sender and not is_name(re.split(r"[(,]", sender)[0].strip()) and (who := _office(sender, home)):
        return who
    for rule, line in [(_OWN_VOICE, head)] + [(_DATELINE_OUTLET, ln) for ln in lines[:8]]:
        m = rule.match(line)
        if m:
            who = (m.group("who") or m.group("agency") or m.group("agency2")).strip(" .:-")
            if _RELEASE_HEADER.match(who) or _DATEISH.search(who):
                continue  # "PRESS RELEASE - FOR IMMEDIATE RELEASE": a header, not an issuer
            # The dateline's bracket names an outlet: the home country cannot make it an office ("(MPA)")
            ctype = classify(who, None if rule is _DATELINE_OUTLET else home)
            if rule is _DATELINE_OUTLET and ctype not in SIDE_TYPES:
                continue  # a wire's own voice is the author's
            if ctype is None and rule is _OWN_VOICE:
                ctype = "other_official"
            if ctype:
                return Speaker(who, ctype, 0, 0)
    return None


# A speaker's label: in capitals ("QURESHI:", "Q (IRNA):"), or in a record's title case with a
# title in it ("Senator Naseema Dashti:", "Mr. Khurram Naveed (Minister of State):"), never
# "Update:" or "Correction:"
_TITLED = (
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?|Senator|Minister|Chairman|Chairperson|Speaker|President|Secretary|"
    r"Spokes(?:man|woman|person)|Ambassador|Deputy|Member|Governor|General|Colonel|Host|Anchor|Question|Answer)"
)
_TITLED_NAME = rf"(?:[A-Z][\w.'-]* ){{0,3}}{_TITLED}"  # "Senator Raza Rabbani", "Minister for …"
_TITLE_WORD = re.compile(rf"^{_TITLED_NAME}\b")
_TURN = re.compile(
    r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?"  # a podcast's time code: "[00:01:07] KAVEH MOSTOFI:"
    rf"(?P<label>[A-Z][A-Z .'-]{{0,40}}?|{_TITLED_NAME}(?: [A-Z][\w.'-]*| for| of| the){{0,6}})"
    r"\s*(?:\((?P<role>[^)\n]{1,60})\))?:\s"
)
_FORMER = re.compile(r"\b(?:former|retired|retd|ex-)", re.I)
_OFFICE = re.compile(r"\b(?:MINISTER|SECRETARY|ADVISER|ADVISOR|SPOKES(?:MAN|WOMAN|PERSON)|GOVERNOR|COMMISSIONER)\b")
_HOSTS = re.compile(
    r"\b(?:anchor|host|presenter|moderator|interviewer|correspondent|reporter|newsreader|newscaster|narrator"
    r"|q|question)\b",
    re.I,
)


def is_transcript(text: str) -> bool:
    """Two or more speakers' labels opening paragraphs, one of them again: a transcript (a brief's
    datelines, "PANJGUR: …", "QUETTA: …", are labels too, each once)."""
    starts = (m for m in _TURN.finditer(text) if m.start() == 0 or text[m.start() - 1] == "\n")
    labels = Counter(m.group("label").strip() for m in starts)
    # a host speaks more than once, datelines do not repeat; a record's titled speakers
    # ("Senator Raza Rabbani:", "Minister for Foreign Affairs:") may each speak once
    titled = [label for label in labels if _TITLE_WORD.search(label)]
    return len(labels) >= 2 and (max(labels.values()) >= 2 or len(titled) >= 2)


def turn(paragraph: str, text: str, offset: int, home: str | None = None) -> Speaker | None:
    """The speaker of a transcript's turn ("QURESHI: …", "SARAH KEMP (ANCHOR): …") when the
    paragraph is one; None when it is not. A host or the outlet's correspondent speaks in the
    programme's own voice (type "author"); a guest is whom the programme introduced them as: an
    expert ("analyst") unless introduced as speaking for a side."""
    m = _TURN.match(paragraph)
    # (a label in capitals is a name, at most four words, or an office's title: "MINISTER FOR
    # HOME AND TRIBAL AFFAIRS (MIR SHOAIB JAMALI):")
    upper = m is not None and m.group("label").isupper() and not _OFFICE.search(m.group("label"))
    if m is None or len(m.group("label").split()) > (4 if upper else 8):
        return None
    label, role = m.group("label").strip(), m.group("role") or ""
    span = (offset + m.start("label"), offset + m.end("label"))
    if label in ("A", "ANSWER") and (guest := interviewee(text, home)) is not None:
        return Speaker(guest.name, guest.type, *span)  # an interview's answers are the guest's
    first = label.split()[0].lower().replace("’", "'").removesuffix("n't")  # ("DON'T SAY": "do")
    if label.isupper() and first != "the" and first in STOP_WORDS:
        # a style memo's "SAY:", "DON'T SAY:", "SEE:", "NEVER:": an instruction, no one speaking
        return None
    if _HOSTS.search(label) or _HOSTS.search(role) or label in ("A", "ANSWER", "QUESTION"):  # a Q&A's own voice
        return Speaker(label.title(), "author", *span)
    if label.lower() in ("guest", "caller", "speaker"):
        return Speaker(label.title(), "analyst", *span)
    intro = titled = ""
    for word in label.split()[-1:]:
        # where the programme introduced them: "our correspondent Bilal Ahmed", "Dr Farhan
        # Qureshi of the Centre for …", "Colonel X, a spokesman for the army", a briefing's title
        # ("PRESS BRIEFING OF THE FOREIGN MINISTRY SPOKESMAN"); not another of their turns, but
        # their first turn's fuller label ("GOVERNOR-GENERAL HOSSEIN NAKHAEI:" before "NAKHAEI:")
        for n in re.finditer(rf"(?:\b\w+\W+){{0,4}}(?P<w>\b{re.escape(word)}\b)[^.?!\n]{{0,120}}", text, re.I):
            w = n.start("w")
            label_at = _TURN.match(text, text.rfind("\n", 0, w) + 1)  # the line's own label, if any
            if not (label_at and label_at.start("label") <= w < label_at.end("label")):
                intro = n.group(0)
                break
            longer = label_at.group("label").strip()
            if not titled and len(longer.split()) > len(label.split()):
                titled = longer
    intro = intro or titled
    if _HOSTS.search(intro):
        return Speaker(label.title(), "author", *span)
    if _FORMER.search(role or intro):  # "a former ambassador", "Lt Gen (retd)": speaks for no office now
        return Speaker(label.title(), "analyst", *span)
    if role and (ctype := classify(role, home)) not in (None, "unattributed"):
        return Speaker(label.title(), ctype, *span)
    if not SCHOLARLY.search(intro) and OFFICIAL.search(intro.lower()):
        ctype = classify(intro, home)
        if ctype in _OFFICIAL_TYPES:
            return Speaker(label.title(), ctype, *span)
    # a record's office as the label ("Minister for Foreign Affairs:"), of the record's country
    if (ctype := classify(label, home)) in SIDE_TYPES:  # "DG ISPR:" too
        return Speaker(label if not label.isupper() else label.title(), ctype, *span)
    return Speaker(label.title(), "analyst", *span)


_INTERVIEW = re.compile(r"\binterview(?:ed|s)?\b|\bin conversation with\b", re.I)


def unlabelled_qa(text: str) -> bool:
    """An interview whose questions are paragraphs of their own, ending with "?", and whose
    answers carry no label ("How deep did the strikes go?" / "Not deep. …"); whose the answers
    are is :func:`interviewee`'s to say (an explainer's Q&A has no guest)."""
    questions = [p for p in re.split(r"\n\s*\n", text) if p.strip().endswith("?") and "\n" not in p.strip()]
    return len(questions) >= 2 and bool(_INTERVIEW.search(text[:600]))


_ADDRESSED = re.compile(
    r"^(?:Q|QUESTION)\s*:\s*(?:Mr|Mrs|Ms|Dr|Ambassador|General|Minister|Professor|Senator|Excellency|Sir)\b",
    re.M,
)
_GUEST = re.compile(
    r"\b(?:interview(?:ed|s)?|spoke|speaks|talked|talks|conversation)\s+(?:with|to)\s+(?P<who>[^,.;:\n]{3,90})",
    re.I,
)


@lru_cache(maxsize=8)  # asked at every "A:" turn of the same text
def interviewee(text: str, home: str | None = None) -> Speaker | None:
    """Whom an interview's answers ("A: …") are by: the guest its introduction names ("Dawn spoke
    to former ambassador Asif Durrani") or its questions address ("Q: Ambassador, …"), an
    analyst unless introduced as speaking for a side or an organisation now; None for an
    explainer's Q&A, whose answers are the outlet's own."""
    first_q = re.search(r"^(?:Q|QUESTION)\s*:", text, re.M)
    head = text[: first_q.start()] if first_q else text[:600]
    if not (_INTERVIEW.search(head) or _ADDRESSED.search(text)):
        return None
    m = _GUEST.search(head)
    # "spoke to former ambassador Asif Karim about the strikes": the guest, not the topic
    who = re.split(r"\s+(?:about|on|in|for|at|who|after|over|regarding|last|this)\b", m.group("who"))[0] if m else ""
    who = who.strip() or "the interviewee"
    if re.match(r"(?:him|her|them)\b", who, re.I):
        # "We spoke to him by phone": the person the introduction opens with ("Tariq Rana served …")
        named = re.search(r"^((?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+) [a-z]", head, re.M)
        return Speaker(named.group(1) if named else "the interviewee", "analyst", 0, 0)
    if re.match(r"(?:us|me)\b", who, re.I):
        # "Dr. Naseer Baloch has been its medical superintendent … He spoke to us by telephone": the
        # person named last before, as whom the introduction gives them
        names = re.findall(
            r"\b((?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+) (?:is|has|was|had|heads|runs)\b", head[: m.start()]
        )
        if names:
            role = introduced(names[-1], text, home)
            return Speaker(names[-1], _interviewed(role), 0, 0)
    ctype = classify(who, home) if m and not _FORMER.search(who) else None
    return Speaker(who, _interviewed(ctype), 0, 0)


def _interviewed(ctype: str | None) -> str:
    """An interviewee's type: the side or organisation they speak for, else an analyst."""
    return ctype if ctype in _OFFICIAL_TYPES else "analyst"


_TAGLINE = re.compile(r"(?:\s(?:--|—|–|-)|:)\s+(?P<who>[^-—–:]{3,60})$")


# a note's source at its end: "- Panjgur: 2 killed, 3 injured, Pakistan FO.", "… -- Foreign Office"
_SOURCE_LAST = re.compile(r"(?:,|\s(?:--|—|–))\s+(?P<who>[A-Z][^,;:()—–\d]{1,40}?)\s*\.?$")


def source_last(line: str, offset: int, home: str | None = None) -> Speaker | None:
    """A bulleted note's source named last, after a comma or a dash: an official side or an
    outlet of at most five words, never a place or a topic ("…, near Saravan.")."""
    m = _SOURCE_LAST.search(line.rstrip())
    if m is None or len(m.group("who").split()) > 5:
        return None
    who = m.group("who").strip()
    ctype = classify(who, home)
    # (an office, a state outlet or an acronym, "Pakistan FO": "Sistan-Baluchestan" names a place)
    named = (
        OFFICIAL.search(who.lower()) or STATE_OUTLET.search(who) or any(len(w) > 1 and w.isupper() for w in who.split())
    )
    if ctype in (*_OFFICIAL_TYPES, "media") and (named or ctype == "media"):
        return Speaker(who, ctype, offset + m.start("who"), offset + m.end("who"))
    return None


def tagline(line: str, offset: int, home: str | None = None) -> Speaker | None:
    """A headline's source after a dash or colon: "Iran strike kills two children -- Balochistan
    government"; only an official side or an outlet, never a topic ("Panjgur: two killed")."""
    m = _TAGLINE.search(line.rstrip())
    if m is None:
        return None
    who = m.group("who").strip()
    ctype = classify(who, home)
    if ctype in (*_OFFICIAL_TYPES, "media", "unattributed") and (OFFICIAL.search(who.lower()) or ctype == "media"):
        return Speaker(who, ctype, offset + m.start("who"), offset + m.end("who"))
    return None
