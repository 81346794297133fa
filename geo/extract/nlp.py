"""The spaCy pipeline: a blank English tokenizer, paragraph and sentence boundaries, and an
EntityRuler that marks numbers, zero phrases and vague amounts as single tokens.

No downloaded statistical model: none official can be installed here (model weights cannot be
downloaded), so every decision downstream is a rule over these tokens, and explainable; the
rules' event and claimant type get a second opinion from models trained here (learned.py).
Offsets are character offsets into the text given (``token.idx``), unchanged by merging.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

import numpy as np

from geo.extract import numbers
from geo.extract.text import table_lines

CARDINAL, ZERO, VAGUE = "CARDINAL", "ZERO", "VAGUE"
# a reference mark glued to a lower-case word's full stop (the word not preceded by a letter), as
# the tokenizer's suffix splits it off
_NOTE_MARK = re.compile(r"(?<![^\W\d_])[a-z]{4,}\.(\d{1,3})(?![\w.,])")


def _ruler_patterns() -> list[dict]:
    """The EntityRuler's patterns. A fixed phrase is a string, matched by the ruler's
    PhraseMatcher (one lookup per token); only what needs a regex, a set with repeats or an
    optional token is a token pattern: each costs the Matcher about 5 ms on a 100 KB article."""
    words = sorted(numbers.WORDS)
    joiners = [*words, "-", "and"]
    pats = [
        # ("40+ dead": the plus sign is the number's, "more than"; numbers.value reads it only
        # where it touches the digits)
        {
            "label": CARDINAL,
            "pattern": [{"TEXT": {"REGEX": r"^(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$"}}, {"ORTH": "+", "OP": "?"}],
        },
        {
            "label": CARDINAL,
            "pattern": [{"LOWER": {"IN": words}}, {"LOWER": {"IN": joiners}, "OP": "*"}, {"LOWER": {"IN": words}}],
        },
        # "Two (02) minor children": an official notice's number with its digits, one number
        {
            "label": CARDINAL,
            "pattern": [
                {"LOWER": {"IN": words}},
                {"LOWER": {"IN": joiners}, "OP": "*"},
                {"ORTH": "("},
                {"TEXT": {"REGEX": r"^\d{1,4}$"}},
                {"ORTH": ")"},
            ],
        },
        # "02 (two) children": the digits with their words
        {
            "label": CARDINAL,
            "pattern": [
                {"TEXT": {"REGEX": r"^\d{1,4}$"}},
                {"ORTH": "("},
                {"LOWER": {"IN": words}},
                {"LOWER": {"IN": joiners}, "OP": "*"},
                {"ORTH": ")"},
            ],
        },
    ]
    # "two", "two dozen" (24), "a dozen", "a couple of"
    cardinals = [*words, *(f"{w} dozen" for w in words), *numbers.PHRASES]
    zeros = [
        "no one",
        "no-one",  # ("no", "-", "one": the tokenizer splits the hyphen)
        "nobody",
        "none",
        # "not a single person", "not a single one of our soldiers"
        "not a single",
        "not a single one",
        # "not one person had been killed" (not "not one but two": the phrase ends at "one")
        "not one",
        # "denied that any of its fighters were killed": a zero only after a denial (patterns._reading)
        "any",
        "anyone",
        "anybody",
        # a form's or a register's zero: "Killed: nil", "Casualties during clearance : NIL"
        "nil",
    ]
    for label, phrases in ((CARDINAL, cardinals), (ZERO, zeros), (VAGUE, numbers.VAGUE)):
        pats += [{"label": label, "pattern": phrase} for phrase in phrases]
    return pats


# a name joined by an izafe or a particle: "Koh-e-Sabz", "Koh-i-Taftan", "Sistan-va-Baluchestan",
# "Jaish-ul-Adl" (in any case: a PhraseMatcher's lower-case pattern must split as the text does)
_IZAFE = re.compile(r"\b[a-z]{2,}(?:-(?:e|i|o|va|ul|ud|ur|al|el)-[a-z]{2,})+\b", re.I)


# an arrow between a figure and the one that replaced it: "7 → 9", "103 -> 84" (each one token)
ARROW = r"→|⟶|⇒|-{1,2}>|=>|—>"
ARROWS = frozenset(["→", "⟶", "⇒", "->", "-->", "=>", "—>"])


@lru_cache(maxsize=1)
def pipeline():
    """The pipeline, built once per process (importing spaCy takes about a second)."""
    import spacy
    from spacy.attrs import IDX, IS_SPACE, SENT_START
    from spacy.language import Language
    from spacy.tokens import Span

    if "ca_paragraphs" not in Language.factories:

        @Language.component("ca_paragraphs")
        def paragraphs(doc):
            """A line break starts a sentence: headlines, datelines, live-blog entries and
            captions are sentences of their own, never glued to the next paragraph."""
            # One array write, not a token attribute per line break (each such write costs
            # a third of a millisecond); 0 leaves the other tokens to the sentencizer.
            cols = doc.to_array([IDX, IS_SPACE])
            text = doc.user_data["text"]  # (built once, by ca_compounds: the pipeline's first step)
            starts = np.zeros(len(doc), dtype="int64")
            for m in re.finditer(r"\n\s*", text):
                i = int(np.searchsorted(cols[:, 0], m.end()))
                if 0 < i < len(doc) and cols[i, 0] == m.end() and not cols[i, 1]:
                    starts[i] = 1
            # A reference mark after a full stop ("… claimed responsibility.[4] On 3 January",
            # a handout's "… injured.(1) Tehran's position"): it ends its sentence; the next word starts one
            # (or at its line's end: "… his infant\ndaughter.(7)")
            for m in re.finditer(r"(?<=\.)(?:\[\d{1,3}\]|\(\d{1,2}\))+(?:[ \t]+(?=[A-Z])|(?=[ \t]*(?:\n|$)))", text):
                i = int(np.searchsorted(cols[:, 0], m.start()))
                k = int(np.searchsorted(cols[:, 0], m.end()))
                if 0 < i < k and (k == len(doc) or cols[k, 0] == m.end()):
                    starts[i:k] = -1
                    if k < len(doc) and not cols[k, 1]:
                        starts[k] = 1
            # "Bulletin No. 1", "Nos. 3": the number's abbreviation ends no sentence
            for m in re.finditer(r"\bNos?\.[ \t]+(?=\d)", text):
                k = int(np.searchsorted(cols[:, 0], m.end()))
                if 0 < k < len(doc) and cols[k, 0] == m.end():
                    starts[k] = -1
            # An opening quote mark after a full stop and a space (`Hospital. "Two of the …`)
            # opens the next sentence; a closing one (`… in hospital."`) stays with its own
            for m in re.finditer(r"(?<=[.!?])[ \t]+[\"“](?=\S)", text):
                i = int(np.searchsorted(cols[:, 0], m.end() - 1))
                if 0 < i < len(doc) - 1 and cols[i, 0] == m.end() - 1:
                    starts[i], starts[i + 1] = 1, -1
            if starts.any():
                starts[0] = 1
                doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
            return doc

    if "ca_compounds" not in Language.factories:

        @Language.component("ca_compounds")
        def compounds(doc):
            """A Persian or Urdu place name joined by its izafe ("Koh-e-Sabz", "Koh-i-Sultan") is
            one word, as the reader reads it, not five tokens that outrun a phrase's gap ("two
            children of Koh-e-Sabz died")."""
            # spaCy rebuilds Doc.text from its tokens at each call: built once, here, for every
            # reader (merging tokens leaves the text as it is)
            doc.user_data["text"] = text = doc.text
            spans = [doc.char_span(*m.span()) for m in _IZAFE.finditer(text)]
            if spans := [sp for sp in spans if sp is not None and len(sp) > 1]:
                with doc.retokenize() as retokenizer:
                    for sp in spans:
                        retokenizer.merge(sp)
            return doc

    if "ca_note_marks" not in Language.factories:

        @Language.component("ca_note_marks")
        def note_marks(doc):
            """A reference mark glued to a word's full stop ("three girls injured.5 Pakistani
            officials …", a page copied with its footnote numbers): no number, and the end of its
            own sentence, not the start of the next (the tokenizer splits it off)."""
            marks = set()
            for m in _NOTE_MARK.finditer(doc.user_data["text"]):  # (a scan of the text, not of every token)
                mark = doc.char_span(m.start(1), m.end(1))
                if mark is not None and len(mark) == 1 and doc[mark.start - 1].text == ".":
                    marks.add(mark.start)
            if marks:
                doc.ents = [e for e in doc.ents if not (len(e) == 1 and e.start in marks)]
                for i in marks:
                    doc[i].is_sent_start = False
                    if i + 1 < len(doc):
                        doc[i + 1].is_sent_start = True
            return doc

    if "ca_number_dashes" not in Language.factories:

        @Language.component("ca_number_dashes")
        def number_dashes(doc):
            """A dash with spaces on both sides parts two numbers ("put the dead at nine - four
            children, three women …": a toll and its breakdown); only "twenty-five", written
            close, is one. The ruler's pattern joins number words over any hyphen, as the
            tokenizer splits "twenty-five" into three tokens."""
            ents, cut = [], False
            for ent in doc.ents:
                at = [t.i for t in ent[1:-1] if t.text in ("-", "–") and t.whitespace_ and doc[t.i - 1].whitespace_]
                if not at:
                    ents.append(ent)
                    continue
                cut = True
                for a, b in pairwise([ent.start - 1, *at, ent.end]):
                    if b > a + 1:
                        ents.append(Span(doc, a + 1, b, label=ent.label_))
            if cut:
                doc.ents = ents
            return doc

    nlp = spacy.blank("en")
    # "responsibility.[4]", "injured.(1)", Markdown's "injured[^2]", a copied page's bare
    # "injured.5": the reference mark and the full stop are tokens of their own
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(
        [
            *nlp.Defaults.suffixes,
            r"\[\d{1,3}$",
            r"\[\^\w{1,12}$",
            r"(?<=[.,;:\"”])\(\d{1,2}$",
            r"(?<=[a-z]{4}\.)(?<!approx\.)\d{1,3}$",
        ]
    ).search
    # "45–55 km": an en dash between digits is a range's dash, a token of its own as English's
    # infixes already make the hyphen ("45-55")
    # A comma with no space after it splits too, as in a comma-separated export's
    # '9,2024-01-03,"Kerman",IRIB' (but not a thousands separator: "1,000", "12,500")
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(
        [
            *nlp.Defaults.infixes,
            r"(?<=[0-9])–(?=[0-9])",
            r"(?<![0-9]),(?=\S)",
            r"(?<=[0-9]),(?=[^0-9\s])",
            r"(?<=[0-9]),(?=[0-9]{4}|[0-9]{1,2}(?![0-9]))",
            rf"(?<=[0-9])(?:{ARROW})(?=[0-9])",  # a changelog's "7->9", "103→95"
        ]
    ).finditer
    # "~12 km", "≈ 46 km": the tilde is "about", a token of its own
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex([*nlp.Defaults.prefixes, r"~", r"≈"]).search
    # English's emoticons ("):", ":(", "(:") would glue a bracket to a colon: "QUESTION (Anas
    # Malik, Dawn News): Iranian officials say …" needs the bracket and the colon apart
    for face in ("):", ":(", "(:", ":)"):
        nlp.tokenizer.add_special_case(face, [{"ORTH": face[0]}, {"ORTH": face[1]}])
    # an arrow typed in ASCII is one token, as "→" is: "8 (IRNA) -> 9"
    for arrow in ARROWS - {"→", "⟶", "⇒"}:
        nlp.tokenizer.add_special_case(arrow, [{"ORTH": arrow}])
    # an abbreviation's full stop ends no sentence: "approx. 55 km" in a table row
    for abbrev in ("approx.", "Approx.", "est.", "Est."):
        nlp.tokenizer.add_special_case(abbrev, [{"ORTH": abbrev}])
    nlp.add_pipe("ca_compounds")
    nlp.add_pipe("ca_paragraphs")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_ruler_patterns())
    nlp.add_pipe("ca_note_marks")
    nlp.add_pipe("ca_number_dashes")
    nlp.add_pipe("merge_entities")
    return nlp


def phrase(text: str):
    """``text`` tokenized as the pipeline reads it (an izafe name one token): a PhraseMatcher's
    pattern, which must split as the documents it is matched against."""
    nlp = pipeline()
    return nlp.get_pipe("ca_compounds")(nlp.make_doc(text))


_ITEM = re.compile(r"\s*(?:[-*•|+=#>]|\(?\w{1,3}[.)]\s|[A-Z][A-Z .'’-]{2,}:)")  # a bullet, "3. ", "b) ", "HOST:"
_NUMBERED = re.compile(r"\s*\(?\d{1,3}[.)]\s")  # "3. ", "(12) "


def unwrapped(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped prose made spaces (:func:`_prose_unwrapped`)
    and those of a table's last cell running on under itself (:func:`_cells_run_on`). Same length
    as ``text`` (offsets unchanged)."""
    flat = _prose_unwrapped(text)
    runs = _cells_run_on(text)
    if not runs:
        return flat
    chars = list(flat)
    for at in runs:
        chars[at] = " "
    return "".join(chars)


def _cells_run_on(text: str) -> list[int]:
    """The offsets of the line breaks in ``text`` where a table's last cell goes on, on the next
    line, under where it starts (a log's remarks column: "…  Javed / Turbat      EMERGENCY NET
    traffic. Javed says\n" + 67 blanks + "(Panjgur) hit by missiles …"): the next line is one cell
    (no gap of two blanks in it), indented to a cell of this line that starts after a gap and is
    its last. A row whose first cells are blank and whose later cells are not is no such line."""
    if "\n " not in text:
        return []
    out, at = [], 0
    for line, nxt in pairwise(text.split("\n")):
        at += len(line)  # the offset of this line's "\n"
        indent = len(nxt) - len(nxt.lstrip(" "))
        if (
            indent >= 12
            and len(line) > indent
            and line[indent - 2 : indent] == "  "
            and line[indent] != " "
            and "  " not in line[indent:].rstrip()
            and nxt.strip()
            and "  " not in nxt.strip()
            and not _ITEM.match(nxt)
        ):
            out.append(at)
        at += 1
    return out


def _prose_unwrapped(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped prose ("… in which 95 of our\\ncompatriots
    were martyred") made spaces, so a wrapped sentence is one sentence: an e-mailed statement, a
    wire's plain-text feed or a PDF's text breaks every line at about the same width. Same length
    as ``text`` (offsets unchanged). Only when most long lines end near one width (≤ 110
    characters; the width is the 90th percentile, since a wire wraps near its limit and few lines
    reach it exactly), and only a full line's break, never before a bullet, a numbered item or a
    speaker's label, never inside a table set in columns. In a text that is not wrapped as a whole
    (fields between wrapped paragraphs, a chart's wide lines with notes under it, an easy-read text's
    short lines), only a line that stops mid-sentence runs on. In any
    text, a figure alone on its line runs on into what it counts (a "by the numbers" box)."""
    lines = text.split("\n")
    widths = sorted(len(ln.rstrip()) for ln in lines if len(ln.strip()) >= 30)
    width = widths[int(len(widths) * 0.9)] if len(widths) >= 8 else None
    prose = width is None or width <= 110  # a text of longer lines is not hard-wrapped
    # at one width: half the long lines; or, in short paragraphs and lists, where many lines end
    # short, a quarter of them full and run on into a next line that starts in lower case
    runs_on = width is not None and sum(
        len(ln.rstrip()) >= width - 15 and nxt.lstrip()[:1].islower() for ln, nxt in zip(lines, lines[1:], strict=False)
    )
    wrapped = (
        prose
        and width is not None
        and (
            sum(width - 12 <= w <= width for w in widths) >= 0.5 * len(widths) or runs_on >= max(3, 0.25 * len(widths))
        )
    )
    out, at = list(text), 0
    tabled = table_lines(lines)
    for k, (line, nxt) in enumerate(zip(lines, lines[1:], strict=False)):
        at += len(line)  # the offset of this line's "\n"
        end = line.rstrip()
        last = end.rsplit(None, 1)[-1].lower() if end else ""
        # a line that stops on "to" or "the" runs on even into what looks like a numbered item:
        # "… later revised it to\n    95. The Islamic State group …"
        item = _ITEM.match(nxt) and not (last in _RUNS_ON and _NUMBERED.match(nxt))
        if nxt.strip() and not item and k not in tabled and k + 1 not in tabled:
            if _STATISTIC.fullmatch(end.strip()) and not (k and lines[k - 1].strip()):
                # a "by the numbers" box: a figure on a line of its own, then what it counts
                # ("2\nChildren killed in Iran's strike …, according to …")
                join = nxt.lstrip()[:1].isalpha()
            elif wrapped:
                join = len(end) >= width - 15 and not line.lstrip().startswith(("|", "+"))
            else:
                # where the text as a whole is not wrapped (a form's fields between its paragraphs, a
                # Gantt chart's notes under its wide rows), a line that stops mid-sentence: it runs on
                # into a lower-case word, or it ends on a word no sentence ends with ("… according
                # to\nPakistani officials"; "Pakistan said the missiles landed\nmore than 50 km …")
                join = (
                    len(end.strip()) >= 25
                    and not end.endswith((".", "!", "?", ":", ";", '"', "”", "|"))
                    and (nxt.lstrip()[:1].islower() or last in _RUNS_ON)
                    and not _CSV_LINE.fullmatch(nxt.strip())  # (not into a CSV header: "row,event_date,…")
                )
            if join:
                out[at] = " "
        at += 1
    return "".join(out)


# a figure alone on its line: "2", "1,200", "500–600", "~90", "40%"
_STATISTIC = re.compile(r"[~≈]?\d[\d,.]*(?:\s*[–-]\s*\d[\d,.]*)?%?\+?")


_CSV_LINE = re.compile(r"[^\s,]+(?:,[^\s,]*)+")  # fields glued by commas, no blank between


# words a wrapped line can stop on but no sentence ends with
_RUNS_ON = frozenset("to of the a an and in on by with from that according as at for or".split())


# Markdown's emphasis around words ("**7** killed", "*no casualty figure*", "__BLF__"): the marks
# are read as nothing, so the words they wrap are read as written; never across a line, never a
# bullet's star ("* item") nor a footnote's ("killed*")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*)(?=[^\s*_])[^\n]*?(?<=[^\s*_])\1(?![\w*])")


# a subtitle file's cue header (SubRip, WebVTT): its number, if any, and its times
_CUE = re.compile(r"^[ \t]*(?:\d+[ \t]*\n[ \t]*)?\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}[ \t]*-->[^\n]*(?:\n|\Z)", re.M)


def _cues(text: str) -> list[tuple[int, int]]:
    """The cue headers of a subtitle file (three or more), else none: its captions break a
    sentence wherever the screen did ("among them four children\n\n11\n00:00:35,200 --> …\nand
    three women")."""
    if text.count("-->") < 3:
        return []
    cues = [(m.start(), m.end()) for m in _CUE.finditer(text)]
    return cues if len(cues) >= 3 else []


def compacted(text: str) -> tuple[str, np.ndarray | None]:
    """``text`` unwrapped (:func:`unwrapped`), with the blanks around each joined line break
    made one space: an indented, hard-wrapped text ("killed three\n    women") leaves a run of
    spaces that the tokenizer keeps as a token of its own, inside the phrase a pattern reads. A
    word hyphenated at the line's end ("twenty-\nfive", "Koh-e-\nSabz") is joined without a
    space. Markdown's emphasis marks are left out ("**7** killed": "7 killed"), and a subtitle
    file's cue headers, its captions' lines run on as one text; quoting marks at a line's start
    are blanks (:func:`_quote_marks`). Returns the text and, for each of its characters (and its
    end), the offset in ``text``; (text, None) when nothing was joined, left out or blanked.
    Only joined breaks change: a table padded with spaces keeps them."""
    boxes = [m.span() for m in _BOX.finditer(text)] if "|" in text else []
    given, text = text, _quote_marks(text, boxes)
    cues = _cues(text)
    cuts = (_caption_breaks(text, cues) if cues else _wrapped_breaks(text)) + _emphasis_marks(text) + _tex_marks(text)
    # a text box's lines are items of their own, never wrapped prose; its column gaps close up
    cuts = [c for c in cuts if not any(a <= c[0] < b for a, b in boxes)] + _box_gaps(given, boxes)
    if not cuts:
        return text, (None if text is given else np.arange(len(text) + 1))
    keep = np.ones(len(text) + 1, dtype=bool)
    chars = list(text)
    for a, b, space in cuts:  # text[a:b] left out, but for one space at ``space``
        keep[a:b] = False
        if space is not None:
            keep[space], chars[space] = True, " "
    origin = np.flatnonzero(keep)
    return "".join(chars[i] for i in origin[:-1]), origin


def _quote_marks(text: str, boxes: list[tuple[int, int]] | None = None) -> str:
    """``text`` with the marks that quote an earlier message at a line's start made blanks (same
    length): an e-mail's "> > Nine people were killed", a forum's reply nesting "|    |  > And
    Kerman …", so that a quoted paragraph's wrapped lines read, and join, as prose; and the bars
    of a text box's lines (spans ``boxes``, found when None). Not a table's row ("| Panjgur | 2 |"
    ends with its bar too). ``text`` itself where it has none."""
    if ">" not in text and "|" not in text:
        return text
    out, n = _QUOTED.subn(lambda m: " " * len(m.group(0)), text)
    # (quoting marks are on lines that end in no bar, a box's on lines that do: the spans hold)
    boxes = [m.span() for m in _BOX.finditer(text)] if boxes is None else boxes
    for a, b in boxes:
        out = out[:a] + _BOX_BARS.sub(r" \1\2", out[a:b]) + out[b:]
    return out if n or boxes else text


# a line's quoting marks: any with a ">", or two bars or more, before the words of a line not ending in a bar
_QUOTED = re.compile(
    r"(?m)^[ \t]*(?=[|>])"
    r"(?:(?:[|][ \t]*){2,}(?:>[ \t]*)*|(?:[|][ \t]*)*>[ \t]*(?:[|>][ \t]*)*)"  # two bars, or a ">" among them
    r"(?=[^\s|>])(?![^\n]*\|[ \t]*$)"  # then the line's words, not ending in a bar
)


# a text box: three lines or more, each one cell between a bar at its start and one at its end
# ("| KEY FIGURES |", "|  2   children killed in Panjgur … |"), its bars blanks so its lines read
_BOX = re.compile(r"(?m)(?:^[ \t]*\|[^|\n]*\|[ \t]*(?:\n|$)){3,}")
_BOX_BARS = re.compile(r"(?m)^([ \t]*)\||\|([ \t]*)$")  # a box line's two bars


def _box_gaps(text: str, boxes: list[tuple[int, int]]) -> list[tuple[int, int, int | None]]:
    """The runs of blanks that set a text box's lines (spans ``boxes``) in columns ("|  2
    children killed …"), each kept as one space, so that "2 children killed" reads as a phrase."""
    return [(m.start(), m.end(), m.start()) for a, b in boxes for m in _GAP.finditer(text, a, b)]


_GAP = re.compile(r"(?<=[^\s|]) {2,}(?=[^\s|])")


def _wrapped_breaks(text: str) -> list[tuple[int, int, int | None]]:
    """Each line break :func:`unwrapped` joins, with the blanks around it: (start, end, the
    break's offset, kept as one space; None for a word broken at its hyphen)."""
    flat = unwrapped(text)
    out = []
    for m in re.finditer("\n", text):
        p = m.start()
        if flat[p] != " ":
            continue
        a, b = p, p + 1
        while a > 0 and text[a - 1] in " \t":
            a -= 1
        while b < len(text) and text[b] in " \t":
            b += 1
        # "twenty-\nfive": a word broken at its hyphen stays one word; else one space
        hyphen = a >= 2 and text[a - 1] == "-" and text[a - 2].isalpha() and text[b : b + 1].isalpha()
        out.append((a, b, None if hyphen else p))
    return out


def _caption_breaks(text: str, cues: list[tuple[int, int]]) -> list[tuple[int, int, int | None]]:
    """A subtitle file's cue headers, left out, and each break between its captions' lines
    (with the blanks around it), one space once some caption has begun."""
    inside = np.zeros(len(text) + 1, dtype=bool)
    for a, b in cues:
        inside[a:b] = True
    out: list[tuple[int, int, int | None]] = [(a, b, None) for a, b in cues]
    begun, last = False, 0
    for m in re.finditer(r"[ \t]*\n\s*", text):
        if inside[m.start()]:
            continue  # (inside a cue's header: left out with it)
        begun = begun or not inside[last : m.start()].all()
        out.append((m.start(), m.end(), m.start() if begun else None))
        last = m.end()
    return out


def _emphasis_marks(text: str) -> list[tuple[int, int, None]]:
    """Markdown's emphasis marks around words (:data:`_EMPHASIS`), each left out."""
    if "*" not in text and "__" not in text:
        return []
    out = []
    for m in _EMPHASIS.finditer(text):
        n = len(m.group(1))
        out += [(m.start(), m.start() + n, None), (m.end() - n, m.end(), None)]
    return out


_TEX = re.compile(r"\\(?:documentclass|begin\{|section\*?\{|footnote\{|SI\{)")
# LaTeX's markup, each alternative with whether a space stands for it: "\SI{50}{\kilo\metre}" reads
# "50 kilometre", "``more than''" "more than", "\footnote{…}" its words; "%" opens a comment
_TEX_MARK = re.compile(
    r"(?P<tight>\\(?:SI|si|num|qty)\{|(?<=[a-z])\\(?=[a-z]+\})|(?<=\d)-(?=-\d))"
    r"|(?P<spaced>\}\{\\|\\[A-Za-z]+\*?(?:\[[^\]\n]*\])?\{?|\\\\|``|''|[{}$~&]|(?<!\\)%[^\n]*)"
)


def _tex_marks(text: str) -> list[tuple[int, int, int | None]]:
    """LaTeX's markup in a LaTeX source (:data:`_TEX` says whether it is one), each left out,
    with a space kept where it parts words (:data:`_TEX_MARK`)."""
    if "\\" not in text or not _TEX.search(text):
        return []
    out = []
    for m in _TEX_MARK.finditer(text):
        a, b = m.span()
        # (no space of its own beside a blank: a run of blanks is a token, inside a phrase)
        apart = m.group("spaced") and not (a and text[a - 1].isspace() or b < len(text) and text[b].isspace())
        out.append((a, b, a if apart else None))
    return out


def parse(text: str):
    """The spaCy Doc of ``text``."""
    nlp = pipeline()
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    return nlp(text)


def positions(doc, a: int, b: int, words: frozenset[str], attr: str = "LOWER") -> list[int]:
    """The indices of the tokens in [a, b) whose lower-case form (or ``attr``) is one of
    ``words``, read from one array per document: a rule that looks only at a few cue words
    skips building a Token object for every other word of the sentence (what a walk costs)."""
    key = ("positions", attr, words)  # (the mask is marked once a document, then sliced)
    if key not in doc.user_data:
        hashes = np.array([doc.vocab.strings[w] for w in words], dtype="uint64")
        doc.user_data[key] = np.isin(doc.to_array(attr), hashes)
    return (a + np.flatnonzero(doc.user_data[key][a:b])).tolist()


def sentence_spans(doc) -> list[tuple[int, int, object]]:
    """(start, end, span) of each sentence, leading and trailing whitespace left out; the text
    between start and end is the verbatim quote, closing quote marks included."""
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        a, b = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        out.append((a, b, doc[toks[0].i : toks[-1].i + 1]))
    return out
