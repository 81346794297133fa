"""A strike's popup: the answer first (each figure by claimant group, with the spread and a ⚠
only where sources disagree materially), then the quotes and details, collapsed. Every data
text goes through :func:`esc`; the only link is our own, with a URL-encoded id."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import quote as urlquote

from geo.core.model import Claim
from geo.core.view import ContextPoint, EventView
from geo.render.escape import esc
from geo.render.styles import KIND_ORDER, kind_label


def _summary_html(ev: EventView) -> str:
    if not ev.summary:
        return ""
    rows = []
    for s in ev.summary:
        flag = f' <span class="ca-disagree" title="{esc(s.why)}">&#9888; disagree</span>' if s.disagrees else ""
        cells = "<br>".join(f'<span class="ca-who">{esc(g.group)}:</span> {esc("; ".join(g.values))}' for g in s.groups)
        spread = f"<br><i>range {esc(s.spread)}</i>" if s.spread else ""
        rows.append(
            f'<tr data-kind="{esc(s.kind)}"><th scope="row">{esc(kind_label(s.kind)).capitalize()}{flag}</th>'
            f"<td>{cells}{spread}</td></tr>"
        )
    return '<table class="ca-summary">' + "".join(rows) + "</table>"


def _claim_li(c: Claim, flagged: bool, why: str, review: str | None = None, history: str | None = None) -> str:
    flag = f'<span class="ca-disagree" title="{esc(why)}">&#9888; disagrees</span> ' if flagged else ""
    # The component iframe may open popups but not navigate the top page: open a new tab.
    link = f'<a href="/claims?claim={urlquote(c.id)}" target="_blank" rel="noopener">open in claims</a>'
    return (
        f'<li class="ca-claim" data-claim="{esc(c.id)}" data-source="{esc(c.source)}">{flag}'
        f'<b>{esc(c.described())}</b> — {esc(c.claimant)} [<span class="ca-id">{esc(c.source)}</span>]'
        f"<br><q>{esc(c.quote)}</q> {link}"
        + (f'<br><span class="ca-history">History: {esc(history)}</span>' if history else "")
        + (f'<br><span class="ca-review">Review: {esc(review)}</span>' if review else "")
        + "</li>"
    )


def popup_html(ev: EventView) -> str:
    """The popup of one event, escaped."""
    e, place = ev.event, ev.place
    n = len(ev.sources)
    parts = [f'<div class="ca-popup" data-event="{esc(e.id)}">', f"<h2>{esc(e.title)}</h2>"]
    ids = ", ".join(f'<span class="ca-id">{esc(s)}</span>' for s in ev.sources)  # never broken at "u-"
    meta = (
        f"{esc(e.local_label())} · {esc(place.name)} ({esc(place.precision)}, ±{place.uncertainty_km:g} km)"
        f" · {n} source{'s' if n != 1 else ''}: {ids}"
    )
    parts.append(f'<p class="ca-meta">{meta}</p>')
    parts.append(_summary_html(ev))
    if ev.depth_note:
        parts.append(f'<p class="ca-verdict">{esc(ev.depth_note)}</p>')
    why: dict[str, list[str]] = defaultdict(list)
    for f in ev.findings:
        for cid in f.claims:
            if f.material and cid in ev.flagged:
                why[cid].append(f.summary)
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for c in ev.claims:
        grouped[c.kind].append(c)
    body = []
    flagged = [f for f in ev.findings if f.material and set(f.claims) & ev.flagged]
    if flagged:  # the reasons behind each ⚠, readable where there is no pointer to hover with
        body.append("<h3>Why &#9888;</h3><ul>")
        body += [f'<li class="ca-finding ca-material">{esc(f.summary)} {esc(f.why)}</li>' for f in flagged]
        body.append("</ul>")
    for kind in KIND_ORDER:
        if kind not in grouped:
            continue
        body.append(f'<h3>{esc(kind_label(kind)).capitalize()}</h3><ul class="ca-kind" data-kind="{esc(kind)}">')
        notes, history = dict(ev.review), dict(ev.history)
        body += [
            _claim_li(c, c.id in ev.flagged, " / ".join(why[c.id]), notes.get(c.id), history.get(c.id))
            for c in grouped[kind]
        ]
        body.append("</ul>")
    others = [f for f in ev.findings if f not in flagged]
    if others:
        body.append("<h3>Other findings (not contradictions)</h3><ul>")
        body += [f'<li class="ca-finding">{esc(f.summary)}</li>' for f in others]
        body.append("</ul>")
    if body:
        parts.append(
            f'<details class="ca-details"><summary>Quotes and details ({len(ev.claims)} claims)</summary>'
            + "".join(body)
            + "</details>"
        )
    parts.append("</div>")
    return "".join(parts)


def context_popup_html(p: ContextPoint) -> str:
    """An ACLED / UCDP GED row's popup: the dataset, its event id and its source field first, so a
    reader can find the row in the dataset; its own fatality fields, never the claims'."""
    r = p.row
    when = r.date_start if r.date_start == r.date_end else f"{r.date_start} to {r.date_end}"
    rows = [
        ("Event id", r.event_id),
        ("Date", when),
        ("Type", r.kind),
        ("Actors", r.actors),
        ("Where", r.where),
        ("Precision", f"{r.precision} (the dataset's code {r.source_precision}; ±{r.radius_km:g} km)"),
        ("Fatalities", r.fatality_label()),
        ("To the border", f"{p.border_km:.1f} km (geodesic)"),
        ("Source", r.source),
        ("Notes", r.notes),
    ]
    body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows if v)
    return (
        f'<div class="ca-popup ca-context" data-context="{esc(r.key)}"><h2>{esc(r.dataset)} {esc(r.event_id)}</h2>'
        f'<p class="ca-meta">Context from {esc(r.dataset)}, not a claim of the sources.</p>'
        f"<table>{body}</table></div>"
    )
