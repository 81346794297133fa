"""The Claims page's comparison as HTML: a table on a wide screen, one card per claimant on a phone.

Streamlit's data grid draws on a canvas and cuts long cells ("⚠ at least"); this is plain HTML
whose cells wrap, so every value is read in full. Only material findings colour a cell; the
mark carries the finding's number (listed under the table) and its reason on hover. Every text
from data goes through :func:`esc`.
"""

from __future__ import annotations

from geo.core.claims_view import CellClaim, ClaimsTable, Row
from geo.render.escape import esc
from geo.render.styles import KIND_ORDER, kind_label

# Okabe-Ito yellow with black text (contrast 14:1); the ⚠ and the number carry the meaning too.
CSS = """
<style>
.ca-cmp{width:100%;border-collapse:collapse;font-size:0.9rem;line-height:1.35;table-layout:auto}
.ca-cmp caption{text-align:left;font-size:0.85rem;color:#31333f;padding:0 0 0.4rem 0}
.ca-cmp th,.ca-cmp td{border:1px solid #d0d3da;padding:0.35rem 0.5rem;vertical-align:top;text-align:left;
  overflow-wrap:break-word;word-break:normal;white-space:normal}
.ca-cmp thead th{background:#f0f2f6}
.ca-cmp th[scope=row]{font-weight:600;min-width:8rem}
.ca-cmp .ca-src{font-weight:400;color:#4a4f5c;font-size:0.8rem}
.ca-cmp .ca-full{display:none}
.ca-cmp .ca-v{display:block}
.ca-cmp .ca-v + .ca-v{margin-top:0.25rem}
.ca-cmp .ca-mat{background:#F0E442;color:#000;padding:0 0.2rem;border-radius:2px}
.ca-cmp .ca-ref{font-weight:600;white-space:nowrap}
.ca-cmp .ca-hist{font-size:0.8rem;color:#4a4f5c}
@media (max-width:640px){
  .ca-cmp caption{display:block}
  .ca-cmp thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  .ca-cmp,.ca-cmp tbody,.ca-cmp tr,.ca-cmp th,.ca-cmp td{display:block;width:auto}
  .ca-cmp tr{border:1px solid #d0d3da;border-radius:4px;margin:0 0 0.6rem 0;padding:0.3rem}
  .ca-cmp th,.ca-cmp td{border:none;padding:0.2rem 0.3rem}
  .ca-cmp td:empty{display:none}
  .ca-cmp td::before{content:attr(data-label);display:block;font-size:0.75rem;color:#4a4f5c;
    text-transform:capitalize}
  .ca-cmp .ca-short{display:none}
  .ca-cmp .ca-full{display:inline}
}
</style>
"""


def ordered_kinds(kinds) -> list[str]:
    return [k for k in KIND_ORDER if k in kinds] + sorted(set(kinds) - set(KIND_ORDER))


def _value(c: CellClaim, reasons: dict[int, str]) -> str:
    text = esc(c.text)
    if c.history:  # said in words, not only by style: a reader without colour or hover reads it
        text += f' <span class="ca-hist">({esc(c.history)})</span>'
    if not c.refs:
        return f'<span class="ca-v" data-claim="{esc(c.claim_id)}" title="{esc(c.quote)}">{text}</span>'
    nums = ",".join(str(n) for n in c.refs)
    why = " / ".join(reasons[n] for n in c.refs)
    return (
        f'<span class="ca-v ca-mat" data-claim="{esc(c.claim_id)}" title="{esc(why)}">'
        f'{text} <span class="ca-ref" aria-label="disagreement {nums}">&#9888;&#8239;{nums}</span></span>'
    )


def _row(r: Row, kinds: list[str], reasons: dict[int, str]) -> str:
    head = (
        f'<th scope="row" title="{esc(r.claimant)}"><span class="ca-short">{esc(r.short)}</span>'
        f'<span class="ca-full">{esc(r.claimant)}</span> <span class="ca-src">{esc(r.source)}</span></th>'
    )
    cells = "".join(
        f'<td data-label="{esc(kind_label(k))}" data-kind="{esc(k)}">'
        + "".join(_value(c, reasons) for c in r.cells.get(k, ()))
        + "</td>"
        for k in kinds
    )
    return f"<tr>{head}{cells}</tr>"


def table_html(t: ClaimsTable) -> str:
    """The comparison table, with its stylesheet, ready for ``st.html``."""
    kinds = ordered_kinds(t.kinds)
    reasons = {n.number: f"{n.finding.summary} {n.finding.why}" for n in t.findings if n.number}
    header = "".join(f'<th scope="col">{esc(kind_label(k))}</th>' for k in kinds)
    body = "".join(_row(r, kinds, reasons) for r in t.rows)
    return (
        CSS + '<table class="ca-cmp"><caption>Each row is one claimant in one source; &#9888; and yellow mark a '
        "material disagreement, numbered as in the list below.</caption>"
        + f'<thead><tr><th scope="col">Claimant, source</th>{header}</tr></thead><tbody>{body}</tbody></table>'
    )
