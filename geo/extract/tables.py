"""Tables of claims in an article's text: pipe tables ("| Source | Strike | Killed | Injured |"),
plain-text tables set in columns under a rule of dashes and comma-separated exports
("row,event_date,source,killed,injured,claimed_depth_km,notes"), whose header says what each column
holds, so that each row's figures get their kind from the header and their claimant from the
row's source cell (a data piece's "claims by source", an encyclopedia's casualty table, a sitrep's
indicator table with a source column).

Offsets are into the text: a cell's figure is quoted by its own characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract import numbers
from geo.extract.patterns import ANIMALS, NAUTICAL_MILE_KM, QUALIFIERS, UNITS, Figure
from geo.extract.text import aligned_tables, column_tables, field_record

# What a header cell names (the first that matches): the column's role
_HEADERS = (
    (
        "source",
        re.compile(
            r"\b(?:source|sources|claimant|according to|reported by|who says|said by|by whom|claimed by|"
            r"attributed to|stated by|issued by)\b",
            re.I,
        ),
    ),
    # when a row was checked or edited, not when its event happened ("last_checked", "Updated")
    ("stamp", re.compile(r"\b(?:checked|updated|accessed|retrieved|modified|edited|exported|timestamp)\b", re.I)),
    ("depth", re.compile(r"\b(?:depth|distance|how far|km|kilomet(?:re|er)s|miles)\b", re.I)),
    ("injured", re.compile(r"\b(?:injured|wounded|injuries|hurt|wia)\b", re.I)),
    ("killed", re.compile(r"\b(?:killed|dead|deaths?|fatalities|death toll|kia)\b", re.I)),
    # a column that says what each row's value counts ("what", "metric": "killed / Panjgur")
    ("kind", re.compile(r"\b(?:what|kind|type|metric|indicator|category|measure|variable)\b", re.I)),
    # a column of claims of no one kind ("| Strike | Claim | Claimant |"): a distance with its unit
    # in it is a depth ("| Panjgur | "more than 50 km" | Pakistani security officials |"), any
    # figure is of the kind its row's kind cell names
    (
        "claim",
        re.compile(
            r"\b(?:claims?|claimed|stated|reported|figures?|estimates?|values?|number|amount|count|total)\b", re.I
        ),
    ),
)
_FIGURES = ("killed", "injured", "depth")
# what a kind cell's words may name (as a header's would, and "casualties": "no civilian casualties")
_KINDS = (*_HEADERS[2:5], ("casualties", re.compile(r"\bcasualt(?:y|ies)\b", re.I)))
_READ = (*_FIGURES, "claim")  # the columns a row's figures are read from
_NUMBER = re.compile(
    r"(?P<qual>(?:at least|more than|over|about|around|approx\.|approximately|some|nearly|up to|roughly|~|>=|≥|>)\s*)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:" + "|".join(sorted(numbers.UNITS, key=len, reverse=True)) + r")\b)"
    r"(?:\s*(?P<unit>km|kilomet(?:re|er)s?|nautical miles?|nmi|nm|miles?|mi)\b)?",
    re.I,
)


@dataclass(frozen=True)
class Row:
    """A table's data row: its line's span, each cell's span and the role its column's header gives."""

    start: int
    end: int
    cells: tuple[tuple[int, int], ...]
    roles: tuple[str | None, ...]

    def source(self, text: str) -> tuple[int, int] | None:
        """The span of the row's source cell ("Government of Pakistan"), or None."""
        for (a, b), role in zip(self.cells, self.roles, strict=False):
            if role == "source" and text[a:b].strip(" -–—"):
                return a, b
        return None

    def stamped(self, at: int) -> bool:
        """Whether offset ``at`` is in a cell that says when the row was checked or edited (its
        date is the record's, not the event's)."""
        return any(a <= at < b for (a, b), role in zip(self.cells, self.roles, strict=False) if role == "stamp")

    def ditto(self, text: str) -> bool:
        """Whether the row's first cell says "the same as above" ("-do-", "do.", "〃")."""
        a, b = self.cells[0]
        return text[a:b].strip().lower() in _DITTO

    @property
    def counts(self) -> bool:
        """Whether the header gives the row's figures their kinds, itself or by a column of kinds
        (else the row's own words do: "| People killed | 2 | District administration |")."""
        return _counted(self.roles)

    def kind(self, text: str) -> str | None:
        """The kind the row's kind cell names ("killed / Panjgur": killed), or None."""
        for (a, b), role in zip(self.cells, self.roles, strict=False):
            if role == "kind":
                return next((k for k, rule in _KINDS if rule.search(text[a:b].replace("_", " "))), None)
        return None

    def figures(self, text: str) -> list[Figure]:
        """The row's figures: the first number of each cell under a killed, injured or depth
        header (a dash or a phrase without a number is none), and under a header of claims or
        values, the kind the row's kind cell names ("killed / Panjgur"), or else a distance with
        its unit (whose other figures the cell's own words say the kinds of: "2 killed")."""
        a, b = self.cells[0]
        if set(re.findall(r"[a-z]+", text[a:b].lower())) & ANIMALS:
            return []  # "Goats | 17 | 6": a livestock table's row counts animals, not people
        out, named = [], self.kind(text)
        for (a, b), role in zip(self.cells, self.roles, strict=False):
            if role not in _READ:
                continue
            m = _NUMBER.search(text, a, b)
            if m is None or text[a : m.start()].strip(' "“'):
                continue  # "a number of terrorists", "(see note)": not a figure the cell states
            if role == "claim":
                # ("| Saravan | 9 | …" under "Claim": nine what, the header does not say, unless
                # the row's kind cell does)
                role = named if "kind" in self.roles else "depth" if m.group("unit") else None
                if role is None or role != "depth" and _YEAR.fullmatch(m.group("num")):
                    continue  # ("killed / Saravan   2024   ??": a year, no count)
            out.extend(_figure(m, role))
            if role in ("killed", "injured"):
                # the cell's further figures that name their own kind ("4 killed, 6 injured")
                for n in _NUMBER.finditer(text, m.end(), b):
                    if own := _OWN_KIND.match(text, n.end(), b):
                        out.extend(_figure(n, "injured" if own.group(1).lower() in _HURT else "killed"))
        return out


# a kind word just after a cell's figure ("6 injured", "3 girls wounded", "1 police officer dead")
_OWN_KIND = re.compile(r"\s+(?:[a-z]+\s+){0,2}(killed|dead|injured|wounded|hurt)\b", re.I)
_HURT = frozenset({"injured", "wounded", "hurt"})


def _figure(m: re.Match, role: str) -> list[Figure]:
    """The figure a cell's number match states as ``role`` (a depth in kilometres), or none."""
    value = numbers.value(m.group("num"))
    if value is None:
        return []
    unit = (m.group("unit") or "").lower()
    if role == "depth":
        # (no unit is kilometres; "nautical miles" is two words, no key of UNITS)
        per = NAUTICAL_MILE_KM if unit.startswith("nautical") else UNITS.get(unit, 1.0)
        value = round(value * per, 1)
    said = " ".join((m.group("qual") or "").lower().split())
    qual = QUALIFIERS.get(said) or _SIGNS.get(said, "exact")
    end = m.end("unit") if m.group("unit") else m.end("num")
    return [Figure(role, value, qual, m.start(), end)]


def _counted(roles) -> bool:
    """Whether a header gives its rows' figures their kinds: a figure column's name, or a column
    of kinds beside a column of values."""
    return any(role in _FIGURES for role in roles) or "kind" in roles and "claim" in roles


_SIGNS = {">": "more than", ">=": "at least", "≥": "at least"}  # a data export's qualifiers
_YEAR = re.compile(r"(?:19|20)\d\d")


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of a pipe table line's cells, each trimmed of its padding (a line without its
    outer bars, "Claimant | Killed | Injured", has cells before its first bar and after its last)."""
    bars = [i for i in range(a, b) if text[i] == "|"]
    if bars and text[a:b].strip()[:1] != "|":
        bars.insert(0, a - 1)
    if bars and text[a:b].strip()[-1:] != "|":
        bars.append(b)
    spans = []
    for lo, hi in zip(bars, bars[1:], strict=False):
        inner = text[lo + 1 : hi]
        left = len(inner) - len(inner.lstrip())
        spans.append((lo + 1 + left, lo + 1 + len(inner.rstrip())))
    return spans


def _roles(text: str, cells, legend: dict[str, str]) -> tuple[str | None, ...]:
    """The role each header cell names (None where it names none of ours); a dataset's field
    names count as words ("depth_km", "killed_alt"), and an abbreviation the text's ``legend``
    spells out ("LEGEND: K = killed, I = injured" over a log's "| K | I |") as its words."""
    names = [text[lo:hi].replace("_", " ") for lo, hi in cells]
    names = [legend.get(name.strip(), name) for name in names]
    return tuple(next((role for role, rule in _HEADERS if rule.search(name)), None) for name in names)


def _prose(text: str, cells) -> bool:
    """Whether a line's cells hold prose, as a ledger's remark does ("TV now says 84 dead in
    Kerman, first count was wrong."): such a line is a row, never the header that names columns."""
    return any(len(text[lo:hi].split()) > 8 for lo, hi in cells)


def _legend(text: str) -> dict[str, str]:
    """{abbreviation: the words it stands for} from a legend's "K = killed, I = injured"."""
    return {m.group(1): m.group(2) for m in _LEGEND.finditer(text)} if "=" in text else {}


_LEGEND = re.compile(r"\b([A-Z]{1,4})\s*[=:]\s*(killed|dead|deaths|injured|wounded|casualties)\b", re.I)


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with its start offset, without its line break: read once for every
    kind of table :func:`rows` looks for."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def _fixed_rows(text: str, legend: dict[str, str], lines: list[tuple[int, str]]) -> dict[int, Row]:
    """Data rows of plain-text tables set in columns: a header, a rule of dashes under each
    column, rows until a blank line or another rule. The rule's dash groups give the columns
    (a right-aligned "11" under "KILLED" is still in its column); a table with no rule is cut
    at the gutters its rows keep blank (:func:`aligned_tables`)."""
    out: dict[int, Row] = {}
    plain = [line for _, line in lines]
    for k, end in column_tables(plain):
        if k == 0:
            continue  # a rule with no header above it
        groups = [m.span() for m in re.finditer(r"[-=]+", lines[k][1])]
        # a column runs from halfway across the gap before its dashes to halfway across the next
        cuts = [0] + [(groups[i - 1][1] + groups[i][0] + 1) // 2 for i in range(1, len(groups))] + [10**6]
        _add_rows(out, text, lines, k - 1, k + 1, end, cuts, legend)
    for head, end, cuts in aligned_tables(plain):
        _add_rows(out, text, lines, head, head + 1, end, cuts, legend)
    return out


def _add_rows(out, text: str, lines, head: int, first: int, end: int, cuts: list[int], legend) -> None:
    """The rows ``first``..``end`` of a column table under the header line ``head``, cut at
    ``cuts``, where the header names a figure column (or a column of kinds beside one of values)."""
    cells = _columns(cuts, *lines[head])
    if _prose(text, cells):
        return
    roles = _roles(text, cells, legend)
    if not _counted(roles):
        return
    for at, line in lines[first:end]:
        out[at] = Row(at, at + len(line), tuple(_columns(cuts, at, line)), roles)


def records(text: str) -> set[int]:
    """The starts of the lines that are settings records ("label = Kerman bombings, 3 Jan",
    "killed = 95"): a block of them, line after line, is one paragraph, about one thing."""
    return {a for a, _ in _records(_lines(text))} if "=" in text else set()


def _records(lines: list[tuple[int, str]]) -> list[tuple[int, re.Match]]:
    """(line start, match) for each line that is a settings record (:func:`field_record`)."""
    return [(a, m) for a, line in lines if (m := field_record(line))]


def _field_rows(text: str, lines: list[tuple[int, str]]) -> dict[int, Row]:
    """Settings-style records, one per line ("killed_srn   = 2   ; SRN field team, 17 Jan"): a key
    that names a figure the way a header would, "=", its value, and a comment after ";" or "#"
    that says whose it is. A key of a threshold, a limit or a length ("alert_killed_min",
    "border_length_km") is no figure."""
    out: dict[int, Row] = {}
    for a, m in _records(lines):
        key = m.group("key").replace("_", " ").replace(".", " ")
        role = next((role for role, rule in _HEADERS if rule.search(key)), None)
        if role not in _FIGURES or _NOT_FIGURE.search(key) or m.group("key").isupper():
            continue  # (nor is a program's constant: "BUFFER_KM = 10")
        cells = [(a + m.start("key"), a + m.end("key")), (a + m.start("value"), a + m.end("value"))]
        roles: list[str | None] = [None, role]
        if m.group("note"):
            # whose it is, before what they said: "MOFA Pakistan midnight statement: two children"
            note = _SAID.split(m.group("note"), 1)[0].rstrip()
            cells.append((a + m.start("note"), a + m.start("note") + len(note)))
            roles.append("source")
        out[a] = Row(a, a + m.end(), tuple(cells), tuple(roles))  # (a record's match runs to its line's end)
    return out


# a threshold, a limit or a length ("alert_killed_min", "border_length_km"): no claim of ours
_NOT_FIGURE = re.compile(
    r"\b(?:min|max|minimum|maximum|threshold|limit|alert|warn|over|above|below|length|radius|buffer)\b", re.I
)
_SAID = re.compile(r":(?!\d)| -- | [–—] ")


def _csv_rows(text: str, legend: dict[str, str], lines: list[tuple[int, str]]) -> dict[int, Row]:
    """Data rows of comma-separated tables (a spreadsheet's export): a header of four or more
    short field names, one of them a figure column ("killed", "claimed_depth_km"), then every line
    with as many fields, quoted fields and all, until one has another count."""
    out: dict[int, Row] = {}
    roles: tuple[str | None, ...] | None = None
    for a, line in lines:
        cells = _csv_cells(text, a, a + len(line)) if line.count(",") >= 3 else None
        if cells is not None and roles is not None and len(cells) == len(roles):
            out[a] = Row(a, a + len(line), tuple(cells), roles)
            continue
        roles = None  # the table, if any, ended; this line may head the next
        if cells is not None and all(_FIELD.fullmatch(text[x:y]) for x, y in cells):
            named = _roles(text, cells, legend)
            roles = named if _counted(named) else None
    return out


_FIELD = re.compile(r"[A-Za-z][\w()/.-]*(?: [\w()/.-]+){0,2}")  # a field's name: at most three words


def _csv_cells(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """The spans of a comma-separated line's fields, trimmed of blanks and of a quoted field's
    quotes (a comma inside quotes is the field's; a doubled quote is one); None where a quote is
    left open."""
    spans, start, quoted = [], a, False
    for i in range(a, b + 1):
        if i < b and text[i] == '"':
            quoted = not quoted
        elif i == b or (text[i] == "," and not quoted):
            lo, hi = start, i
            while lo < hi and text[lo] in ' "':
                lo += 1
            while hi > lo and text[hi - 1] in ' "':
                hi -= 1
            spans.append((lo, hi))
            start = i + 1
    return None if quoted else spans


def _columns(cuts: list[int], at: int, line: str) -> list[tuple[int, int]]:
    """The spans of a column table's cells in ``line`` (starting at offset ``at``), trimmed."""
    spans = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        part = line[lo:hi]
        left = len(part) - len(part.lstrip())
        spans.append((at + lo + left, at + lo + len(part.rstrip())))
    return spans


_DITTO = frozenset(["-do-", "do", "do.", "-do", "ditto", "〃", '"', "''", "″"])
_RULE = re.compile(r"[\s|:-]+")  # a pipe table's rule ("|---|:--|")
_BARE_RULE = re.compile(r"-{2,}(?:[+|]-{2,})+")
_BORDER = re.compile(r"\+(?:[-=:]+\+){2,}")  # a grid table's


def _caption(text: str, cells, after: list[str]) -> bool:
    """Whether a table's first row is its caption ("| Table 1. Casualty figures by claimant | |
    | |"): text in its first cell alone, a rule under it, then a header with a rule of its own
    (an infobox's title row, over its rule and its rows, is no caption: its table has no header)."""
    if any(text[x:y].strip() for x, y in cells[1:]) or len(after) < 3:
        return False
    return bool(
        _RULE.fullmatch(after[0].strip()) and after[1].strip().startswith("|") and _RULE.fullmatch(after[2].strip())
    )


def rows(text: str) -> dict[int, Row]:
    """{line start: Row} for every data row of every pipe table whose header names a figure
    column (killed, injured, depth) or a source column, of every plain-text table set in
    columns (under a rule of dashes or not) and of every comma-separated export whose header
    names a figure column or a kind column beside a value column, and for every settings record
    whose key names a figure."""
    legend = _legend(text)  # (read once: every table's header may use it)
    lines = _lines(text)
    out: dict[int, Row] = _fixed_rows(text, legend, lines)
    out.update(_csv_rows(text, legend, lines))
    out.update(_field_rows(text, lines) if "=" in text else {})
    roles: tuple[str | None, ...] | None = None
    caption_rule = False  # the next line is the rule under a table's caption row
    bars = 0  # the bars of the table's line before (a bare table's rows have as many as its header)
    for k, (a, line) in enumerate(lines if "|" in text else []):
        b = a + len(line)
        stripped = line.strip()
        if _BORDER.fullmatch(stripped):
            continue  # a grid table's border ("+------+-----+"): above, under the header, below
        if roles is not None and bars and _BARE_RULE.fullmatch(stripped):
            continue  # the rule under a bare table's header ("---+------+----")
        framed = stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3
        # a table without its outer bars ("Claimant | Killed | Injured"), its rows as many bars as its header
        # (not a reply thread's nesting bars at a line's start: "|    |  > And Kerman was 90-something dead")
        # (a row of one whose last cell is empty ends on its bar: "02-01 | Gul Khan | 5,600 |")
        bare = (
            "|" in stripped
            and not stripped.startswith("|")
            and (not stripped.endswith("|") or roles is not None and bars > 1)
            and (roles is None or stripped.count("|") == bars)
        )
        if not (framed or bare):
            roles = None  # the table, if any, ended
            continue
        bars = stripped.count("|")
        cells = _cells(text, a, b)
        rule = _RULE.fullmatch(stripped)
        if caption_rule:
            caption_rule = False
            continue
        if roles is None and _caption(text, cells, [ln for _, ln in lines[k + 1 : k + 4]]):
            caption_rule = True
            continue
        if roles is None:  # a header (lines with bars but no outer ones: only where it names a figure column)
            named = () if _prose(text, cells) else _roles(text, cells, legend)
            ours = any(named) if framed else any(role in _READ for role in named)
            roles = named if ours else ()
            continue
        if rule or not roles:
            continue  # the separator under the header, or a table no column of which is ours
        out[a] = Row(a, b, tuple(cells), roles)
    return out
