"""The only ways data text reaches HTML or Markdown: :func:`esc` for HTML (folium), :func:`md` for
Markdown (``st.markdown``), and the Markdown quote helpers built on it.

Escaping (GUIDE §3.2): folium embeds popup and tooltip text in JavaScript template literals and
sets ``innerHTML`` from feature properties, so :func:`esc` escapes HTML *and* replaces the
backslash, backtick and dollar sign with entities. branca compiles each element's rendered
output as a Jinja2 template a second time, so braces become entities too (SECURITY.md).
"""

from __future__ import annotations

import html
import json
import re

from geo.core.model import Claim

_ESCAPES = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;", "{": "&#123;", "}": "&#125;"})


def esc(text: object) -> str:
    """Escape text for HTML that folium may place inside a JavaScript template literal, and that
    branca renders as a Jinja2 template a second time: its output is compiled again, so a ``{{``
    from data would run on the server. Braces become entities, like ``\\``, backtick and ``$``."""
    return html.escape(str(text), quote=True).translate(_ESCAPES)


def jinja_inert(script: str) -> str:
    """JSON or JavaScript text with Jinja2's openers (``{{``, ``{%``, ``{#``) broken by a ``\\u007b``
    escape. Those pairs can only occur inside string literals there, where the escape means ``{``."""
    return re.sub(r"\{(?=[{%#])", r"\\u007b", script)


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element and inert to Jinja2."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return jinja_inert(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$:&\"'=")


# Addresses GFM would turn into links even when every character is backslashed (it links the
# parsed text): shown as code spans instead, which are never linked and keep the address exact.
_ADDRESS = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s`<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _md_plain(text: str) -> str:
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def md(text: object) -> str:
    """Escape text for ``st.markdown``: every Markdown/HTML-significant character is backslashed,
    so data can neither format nor link (no ``javascript:`` links, no raw HTML), and bare web
    or mail addresses become code spans, which Markdown does not auto-link."""
    s, parts, pos = str(text), [], 0
    for m in _ADDRESS.finditer(s):
        parts += [_md_plain(s[pos : m.start()]), f"`{m.group(0)}`"]
        pos = m.end()
    parts.append(_md_plain(s[pos:]))
    return "".join(parts).replace("\n", " ")


def quote_in_context(text: str, start: int, end: int, radius: int = 280) -> tuple[str, str, str]:
    """The quote with the text around it, cut at sentence or paragraph ends within ``radius``."""
    left = text[max(0, start - radius) : start]
    cut = max(left.rfind(". "), left.rfind("\n"))
    before = left[cut + 1 :].lstrip() if cut >= 0 else left
    right = text[end : end + radius]
    stops = [i for i in (right.find(". "), right.find("\n")) if i >= 0]
    after = right[: min(stops) + 1] if stops else right
    return before, text[start:end], after


def highlight_markdown(text: str, spans: list[tuple[int, int]]) -> str:
    """The text as escaped Markdown with the given spans in bold (overlapping spans: first wins),
    its lines kept as lines (a masthead, a headline and a dateline do not run into one)."""

    def lines(piece: str) -> str:
        return "  \n".join(md(line) for line in piece.split("\n"))

    parts, pos = [], 0
    for a, b in sorted(set(spans)):
        if a >= pos:
            parts += [lines(text[pos:a]), "**", md(text[a:b]), "**"]
            pos = b
    parts.append(lines(text[pos:]))
    return "".join(parts)


def quote_markdown(text: str | None, c: Claim) -> str:
    """The claim's quote in bold inside its surrounding text (escaped Markdown), or the quote
    alone when the source text is not available."""
    if text is None:
        return f"**{md(c.quote)}**"
    before, quote, after = quote_in_context(text, c.quote_start, c.quote_end)
    return f"…{md(before)} **{md(quote)}** {md(after)}…"


def finding_markdown(f, number: int | None = None) -> str:
    """One finding as escaped Markdown: mark, verdict, what differs, summary, and why it matters.

    ``f`` is a ``geo.core.findings.Finding`` (not imported: render does not judge)."""
    mark = f"⚠ {number} · " if number else ("⚠ " if f.material else "")
    return f"**{mark}{md(f.verdict)} · {md(f.differs)}**: {md(f.summary)} *{md(f.why)}*"
