"""Article input: pasted text or an uploaded file in, the text a person reviews out.

HTML pages go through trafilatura, which keeps the article's main text and drops menus, related
links, cookie banners and footers, and reads the page's title, site, author and date; those are
offered as the source's metadata for review, never trusted silently. Every offset the extractor
gives is into the returned text, which is what the review shows and what is saved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_ARTICLE_BYTES = 1_000_000
_LOOKS_HTML = re.compile(r"\s*<(?:!doctype|html|head|body|article|p|div)\b", re.I)


_RULE_LINE = re.compile(r"[ \t]*[-=]{2,}(?:[ \t]+[-=]{2,})+[ \t]*")  # a column table's rule: "-----  ------"


def column_tables(lines: list[str]) -> list[tuple[int, int]]:
    """Plain-text tables set in columns, as (rule, end): the line index of each rule of dashes
    (its header is the line above it) and the index just past its rows, which run down to a
    blank line or the next rule."""
    out = []
    for k, line in enumerate(lines):
        if _RULE_LINE.fullmatch(line):
            j = k + 1
            while j < len(lines) and lines[j].strip() and not _RULE_LINE.fullmatch(lines[j]):
                j += 1
            out.append((k, j))
    return out


def aligned_tables(lines: list[str]) -> list[tuple[int, int, list[int]]]:
    """Plain-text tables set in columns with no rule under their header, as (header, end, cuts):
    a header of three or more short names two or more spaces apart ("#   what   value
    attributed to   conf"), then two or more rows down to a blank line, each with a blank at
    every gutter between the header's names; ``cuts`` are those gutters' columns (a cell may
    reach left of its name, as a right-aligned number does, but never across a gutter)."""
    out: list[tuple[int, int, list[int]]] = []
    k = 0
    while k < len(lines) - 2:
        names = [m.span() for m in _NAME.finditer(lines[k])]
        if (
            len(names) < 3
            or _RULE_LINE.fullmatch(lines[k + 1])
            or not all(_HEADER_NAME.fullmatch(lines[k][a:b]) for a, b in names)
        ):
            k += 1
            continue
        j, gaps = k + 1, [set(range(names[i - 1][1], names[i][0] + 1)) for i in range(1, len(names))]
        while j < len(lines) and len(_NAME.findall(lines[j])) >= 2:
            kept = [{c for c in gap if c >= len(lines[j]) or lines[j][c] == " "} for gap in gaps]
            if not all(kept):
                break
            gaps, j = kept, j + 1
        if j - k >= 3:
            out.append((k, j, [0, *(max(gap) for gap in gaps), 10**6]))
            k = j
        else:
            k += 1
    return out


_NAME = re.compile(r"\S+(?: \S+)*")  # a cell of a line set in columns: words one space apart
_HEADER_NAME = re.compile(r"[#A-Za-z][\w()/.#%-]*(?: [\w()/.#%-]+){0,3}")  # a header's: at most four words


# a settings file's record ("killed_srn   = 2   ; SRN field team"): a key, "=", a value, a comment
_FIELD_LINE = re.compile(
    r"[ \t]*(?P<key>[A-Za-z][\w.-]{0,40})[ \t]*=[ \t]*(?P<value>[^;#\s][^;#]*?)[ \t]*"
    r"(?:[;#][ \t]*(?P<note>.*?))?[ \t]*$"
)


def field_record(line: str) -> re.Match | None:
    """A settings record's key, value and comment ("killed_srn = 2 ; SRN field team"), or None
    when ``line`` is no record (the regex runs only on lines with an "=")."""
    return _FIELD_LINE.match(line) if "=" in line else None


def table_lines(lines: list[str]) -> set[int]:
    """The indices of the lines of plain-text tables set in columns (a header, its rule of
    dashes if any, the rows down to a blank line) and of settings records ("killed = 2"): rows
    and records, never wrapped prose."""
    ruled = {i for rule, end in column_tables(lines) for i in range(rule - 1, end)}
    fields = {i for i, line in enumerate(lines) if field_record(line)}
    return ruled | fields | {i for head, end, _ in aligned_tables(lines) for i in range(head, end)}


class InputError(ValueError):
    """Article input that cannot be used; the message says why, for the person who gave it."""


@dataclass(frozen=True)
class Article:
    """The text to review and what the page itself says about where it comes from."""

    text: str
    meta: dict[str, str | dt.date] = field(default_factory=dict)  # title, author, outlet, date
    html: bool = False


class _TextOnly(HTMLParser):
    """The visible text of an HTML page (fallback when trafilatura finds no main text)."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav", "footer"}
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


_PIPE_ROW = re.compile(r"\s*\|.*\|\s*")  # a table's row as trafilatura writes it: "| Saravan | 9 killed |"


def _paragraphs(text: str) -> str:
    """Paragraphs a blank line apart, their spacing collapsed; a table set in columns (a page's
    <pre>) keeps its lines and their spacing, which say which column a number is in, and a
    table's rows stay together under their header, which says what each column holds."""
    lines = text.split("\n")
    tabled = table_lines(lines)
    out: list[str] = []
    last_row = False  # whether the last line kept was a table's row
    for k, line in enumerate(lines):
        row = bool(_PIPE_ROW.fullmatch(line))
        if k in tabled:
            out.append(("\n" if k - 1 in tabled else "\n\n") + line.rstrip())
        elif line.strip():
            out.append(("\n" if row and last_row else "\n\n") + re.sub(r"[ \t\r\f\v]+", " ", line).strip())
        if line.strip():
            last_row = row
    return "".join(out).strip("\n")


def html_to_text(html_text: str) -> str:
    """The visible text of an HTML document, paragraphs kept apart (no boilerplate removal)."""
    parser = _TextOnly()
    parser.feed(html_text)
    parser.close()
    return _paragraphs("".join(parser.parts))


# A page's furniture named by its class or id: tickers, banners, "most read" and related-story
# boxes. Their headlines carry numbers ("Karachi: 3 injured in building collapse") that are not
# the article's claims; trafilatura drops most such boxes by itself, not all of them.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:ticker|marquee|trending|most-?(?:read|viewed|popular)|related|cookie|consent|"
    r"newsletter|subscribe|share|social|promo|advert|ads?|widget|weather)"
    r"(?:$|[\s_-])",
    re.I,
)


# a bullet, a diff's line ("+ | casualties2 = 10 killed"), a numbered item, a "LABEL:" (nlp.py's
# _ITEM reads plain text's lines, where a dash may open an attribution; a <pre>'s minus is a diff's)
_ITEM_START = re.compile(r"\s*(?:[-*•·+−–—>]|\d{1,2}[.)]|[A-Z]{2,}[ A-Z]*:)\s")


def _pre_unwrapped(el) -> None:
    """A page's preformatted block of hard-wrapped prose (a forecast office's discussion, a
    mailing list's post) with each wrapped line joined to the next: trafilatura gives every line
    of a <pre> as a line of its own, which reads as a paragraph, and a sentence broken at the
    line's end was two. Only where no line is a table's (columns keep their lines, which say
    which column a number is in) and only a line near the block's width running on into a line
    that is no bullet, numbered item or label."""
    lines = (el.text or "").split("\n")
    if table_lines(lines):
        return
    width = max((len(ln.rstrip()) for ln in lines), default=0)
    if width < 40 or width > 110:
        return  # (short lines are a list or a poem; long ones are not wrapped)
    out = []
    for line, nxt in zip(lines, [*lines[1:], ""], strict=True):
        full = len(line.rstrip()) >= 0.7 * width and not line.rstrip().endswith(":")
        joined = full and nxt.strip() and not _ITEM_START.match(nxt)
        out.append(line.rstrip() + (" " if joined else "\n"))
    el.text = "".join(out)


def _prepared(html_text: str):
    """The page as an lxml tree for trafilatura: without the elements its class or id names as
    furniture (never the page, its body or the article itself), and with each photo's caption
    made a paragraph of its own (trafilatura drops captions, or runs them together with image
    links; a photo essay tells its story in them), and a <pre> block's wrapped prose joined
    (:func:`_pre_unwrapped`)."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html_text)
    except (ValueError, lxml.etree.ParserError):
        return html_text  # (an XML declaration, a page lxml cannot parse): trafilatura reads it as it is
    page = len(tree.text_content())
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "head", "body", "article", "main"):
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}"
        # (never most of the page: a story's wrapper may carry "has-related" or "social-share")
        if _FURNITURE.search(names) and el.getparent() is not None and len(el.text_content()) < page / 3:
            el.drop_tree()
        elif el.tag == "pre" and not len(el):
            _pre_unwrapped(el)
        elif el.tag == "figcaption":
            el.tag = "p"
        elif el.tag == "figure":
            el.tag = "div"
    return tree


def _from_html(html_text: str) -> Article:
    import trafilatura  # imported on first HTML page: it loads lxml and its date finder

    # Tables are the page's text (a fact box). Readers' comments are set apart (trafilatura then
    # keeps them out of the main text) and not read: annotators disagree on whether a comment
    # thread is the page's claims.
    page = _prepared(html_text)  # (parsed once: trafilatura reads the tree without changing it)
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=True, include_tables=True)
    meta: dict[str, str | dt.date] = {}
    text = ""
    if doc is not None:
        text = _paragraphs(doc.text or "")
        fields = (("title", doc.title), ("author", doc.author), ("outlet", doc.sitename), ("url", doc.url))
        for ours, theirs in fields:
            if theirs and theirs.strip():
                meta[ours] = theirs.strip()
        if doc.date:
            try:
                meta["date"] = dt.date.fromisoformat(doc.date[:10])
            except ValueError:
                pass
    if len(text) < 80:  # a page trafilatura cannot read: its visible text, unfiltered
        text = html_to_text(html_text)
    else:
        text += _more_articles(html_text, text, page)
    return Article(text, meta, html=True)


def _more_articles(html_text: str, text: str, tree=None) -> str:
    """What trafilatura left out of the page's main text that is the page's own prose, as
    paragraphs after it: its other ``<article>`` elements (a fundraiser's dated updates, a live
    page's entries: trafilatura keeps one article of several), and its asides and alerts written
    in sentences (an estate agent's "note on last week, for buyers abroad", a courier's service
    alert), never a box of links. Furniture is dropped first, as for trafilatura (``tree``: the
    page as :func:`_prepared` gave it to trafilatura, else parsed here)."""
    several = html_text.count("<article") >= 2
    if not several and "<aside" not in html_text and not _BOX.search(html_text):
        return ""
    import lxml.html

    tree = _prepared(html_text) if tree is None else tree
    if isinstance(tree, str):
        return ""
    seen = " ".join(text.split())
    out = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "head", "body", "main"):
            continue  # (a page's body may be classed "page-alerts": a box is a part of the page)
        box = el.tag == "aside" or el.get("role") == "alert" or _BOX.search(f"{el.get('class', '')} {el.get('id', '')}")
        if not (el.tag == "article" and several or box):
            continue
        body = _paragraphs(html_to_text(lxml.html.tostring(el, encoding="unicode")))
        words = " ".join(body.split())
        if box:
            linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
            if len(words.split()) < 25 or ". " not in words or linked > len(words) / 2:
                continue  # a box of links or labels, not prose
        if len(words.split()) >= 12 and words[:80] not in seen and words[-80:] not in seen:
            out.append(body)
            seen += " " + words
    return "".join(f"\n\n{b}" for b in out)


# a box a page sets apart by its class or id: "service-alert", "agent-note", "notice"
_BOX = re.compile(r"(?:^|[\s_\"'-])(?:alert|notice|announcement|note)s?(?:$|[\s_\"'-])", re.I)


_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .,/'-]{2,40}[^\n(]{0,40}\((?P<outlet>[^)\n]{2,40})\)\s*(?:--|[-–—:])")


def _text_meta(text: str) -> dict[str, str]:
    """What a pasted article says of itself, offered for review like an HTML page's metadata:
    its headline (a first line of four words or more that is not a sentence or a masthead) and
    the outlet in its dateline ("QUETTA, Jan 17 (Frontier Wire) -")."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()][:6]
    meta: dict[str, str] = {}
    name = lines[0].split() if lines else []
    if (
        len(lines) > 1
        and len(name) <= 6
        and _MASTHEAD.search(lines[0])
        and lines[0][-1:].isalnum()
        and all(w[:1].isupper() or w in ("of", "and", "the") for w in name)  # a name, not "Good news for …"
    ):
        # "The Makran Courier" over the headline: the outlet's name, then the title
        meta["outlet"], lines = lines[0], lines[1:]
    if lines and len(lines[0]) <= 140 and len(lines[0].split()) >= 4 and not lines[0].isupper():
        if not lines[0].endswith((".", ":")) and not _WIRE_DATELINE.match(lines[0]):
            meta["title"] = lines[0]
    outlet = next((m.group("outlet").strip() for ln in lines if (m := _WIRE_DATELINE.match(ln))), None)
    if outlet and not _NO_OUTLET.match(outlet):  # "QUETTA (Desk report) --": who wrote it, not where
        meta["outlet"] = outlet
    return meta


# A dateline's bracket that names a desk or a writer, not an outlet: "(Desk report)", "(Our Correspondent)"
_NO_OUTLET = re.compile(
    r"^(?:our |news |web |monitoring |staff |city |special |a )?"
    r"(?:desk|staff|correspondents?|reporters?|agencies|report|desk report|staff report|news desk)$",
    re.I,
)


# Words of an outlet's name standing alone on an article's first line
_MASTHEAD = re.compile(
    r"\b(?:courier|times|post|daily|news|tribune|herald|gazette|journal|express|observer|chronicle|review|"
    r"voice|monitor|mail|star|telegraph|today|weekly|tonight|radio|tv|television|agency|wire|dispatch)\b",
    re.I,
)


# an XML document ("<?xml …?>"): a web page (XHTML) or an export (a map's KML, a translation memory)
_LOOKS_XML = re.compile(r"\s*<\?xml\b", re.I)
_LOOKS_XHTML = re.compile(r"\s*<\?xml[^>]*\?>\s*(?:<!--.*?-->\s*)*<(?:!doctype html|html)\b", re.I | re.S)


def _from_xml(xml: str) -> Article:
    """An XML export (a map's KML, a translation memory, a feed) as its text: each element that
    holds words is a paragraph, read whole (its inline markup's words in place); a value named by
    its element's "name" attribute reads as "name: value" (KML's <Data name="killed"><value>2");
    HTML inside it (a KML description's CDATA) is read as HTML. No entity is resolved and nothing
    is fetched (a DTD or an external entity is ignored). A file that is no XML reads as text."""
    import lxml.etree

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=False)
    try:
        root = lxml.etree.fromstring(xml.encode("utf-8"), parser)
    except lxml.etree.XMLSyntaxError:
        return Article(xml, _text_meta(xml))
    parts: list[str] = []

    def walk(el, label: str | None = None) -> None:
        if not isinstance(el.tag, str):
            return  # a comment or a processing instruction
        label = el.get("name") or label
        own = (el.text or "").strip() or any((c.tail or "").strip() for c in el)
        if own:
            words = "".join(el.itertext()).strip()
            if "<" in words and ">" in words:
                words = html_to_text(words)  # (a description's CDATA is a page's markup)
            if not label and _BARE_NUMBERS.fullmatch(words) and not _ISO_DATE.search(words):
                return  # a pin's coordinates, a style's colour or scale: no words to review
            short = label and len(words) <= 60 and "\n" not in words and not len(el)
            parts.append(f"{label}: {words}" if short and label != words else words)
            return
        for child in el:
            walk(child, label if el.get("name") else None)

    walk(root)
    text = "\n\n".join(p for p in parts if p)
    return Article(text, _text_meta(text)) if text.strip() else Article(xml, _text_meta(xml))


_BARE_NUMBERS = re.compile(r"[-+#\d.,\s]+|#?[0-9a-fA-F]{6,8}")  # "62.33,27.37,0", "1.1", "ff00aa00"
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}\b")


_LOOKS_CALENDAR = re.compile(r"\s*BEGIN:VCALENDAR\b")


def _from_calendar(ics: str) -> Article:
    """A calendar export (iCalendar, RFC 5545) as the text of its entries: each event's summary,
    then its description, its folded lines joined and its escapes ("\\,", "\\n") read, as a
    planning desk wrote them; the newest entry's time stamp is the export's date, offered for
    review. The entries' own times are not part of the text (a meeting's date is no event's)."""
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(ics)
    except ValueError as e:
        raise InputError(f"the calendar file cannot be read: {e}") from e
    parts, stamps = [], []
    for n, entry in enumerate(cal.walk(), 1):
        if entry.name not in ("VEVENT", "VTODO", "VJOURNAL"):
            continue
        for key in ("SUMMARY", "DESCRIPTION"):
            if (value := entry.get(key)) is not None and str(value).strip():
                parts.append(str(value).strip())
        try:
            stamp = entry.decoded("DTSTAMP") if "DTSTAMP" in entry else None
        except (ValueError, TypeError) as e:
            raise InputError(f"the calendar's entry {n} has a DTSTAMP that is no time: {e}") from e
        if isinstance(stamp, dt.datetime):
            stamps.append(stamp.date())
    meta: dict[str, str | dt.date] = {}
    if name := cal.get("X-WR-CALNAME"):
        meta["title"] = str(name)
    if stamps:
        meta["date"] = max(stamps)
    return Article("\n\n".join(parts), meta)


def read_article(data: bytes | str, name: str = "pasted.txt") -> Article:
    """Validated article from pasted text or an uploaded file (.txt, .md, .html, a calendar's .ics,
    an XML export's .xml or .kml); InputError says what is wrong with it."""
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = name.lower()
    html = kind.endswith((".html", ".htm", ".xhtml")) or _LOOKS_HTML.match(text) or _LOOKS_XHTML.match(text)
    if kind.endswith(".ics") or _LOOKS_CALENDAR.match(text):
        article = _from_calendar(text)
    elif not html and (kind.endswith((".xml", ".kml", ".tmx", ".rss")) or _LOOKS_XML.match(text)):
        article = _from_xml(text)
    else:
        article = _from_html(text) if html else Article(text, _text_meta(text))
    if not article.text.strip():
        raise InputError("the article is empty")
    return article
