"""Turn a reviewed article (metadata plus the candidate rows a person kept) into a Source and Claims.

Pure and validated: every problem is collected and reported per row, so the page can show them
all and save nothing until everything is right.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from pydantic import ValidationError

from geo.core.dataset import revision_problem
from geo.core.model import NUMERIC_KINDS, UNITS, Claim, Event, Source

CATEGORY_LIST_KINDS = frozenset({"weapon", "target"})


def source_id_for(text: str) -> str:
    """A stable id for a user-added article: the same text always gets the same id."""
    return "u-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def _value(kind: str, raw) -> float | str | list[str] | None:
    text = "" if raw is None else str(raw).strip()
    if kind in NUMERIC_KINDS:
        return float(text.replace(",", "")) if text else None
    if kind in CATEGORY_LIST_KINDS:
        return [v.strip() for v in re.split(r"[;,]", text.strip("[]").replace("'", "")) if v.strip()]
    return text or None


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where a reviewer's pasted quote stands in the article: its character offsets, or None.

    A claim the extractor missed is added by pasting its sentence; the claim keeps the article's
    own words at those offsets. Spacing and line breaks may differ (a copy from the page joins or
    splits lines) and quote marks around it are dropped; the words themselves must be the text's."""
    words = quote.strip().strip('"“”').split()
    if not words:
        return None
    m = re.search(r"\s+".join(map(re.escape, words)), text)
    return (m.start(), m.end()) if m else None


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))} if words else set()


def near_copies(text: str, others: dict[str, str | None], share: float = 0.6) -> list[tuple[str, float]]:
    """The sources whose text this one mostly repeats, or is mostly repeated in: (id, the share of
    the shorter text's five-word runs found in the other), largest first. An article pasted again
    with a line changed, or a wire story as two outlets ran it, would cite every figure twice."""
    mine = _shingles(text)
    out = []
    for sid, other in others.items():
        theirs = _shingles(other or "")
        if mine and theirs:
            common = len(mine & theirs) / min(len(mine), len(theirs))
            if common >= share:
                out.append((sid, common))
    return sorted(out, key=lambda t: -t[1])


def revisable(claims, kind: str, event: str | None = None, claimant_type: str | None = None) -> dict[str, str]:
    """{claim id: a line saying what it is} for the atlas's figures of ``kind`` a new one may
    revise: those of the suggested event first, then those of the same claimant type."""
    mine = sorted(
        (c for c in claims if c.kind == kind and c.interval() is not None),
        key=lambda c: (c.event != event, c.claimant_type != claimant_type, c.event, c.id),
    )
    return {c.id: f"{c.value_label()} · {c.claimant} · {c.event} · {c.source} ({c.id})" for c in mine}


def likely_revised(
    claims, sources, kind: str, event: str | None, claimant_type: str | None, value, published: dt.date | None = None
) -> str | None:
    """The atlas figure a candidate stated as an update ("rose to", "revised") most likely revises:
    the standing figure of the same kind and event by the same claimant type (not revised since,
    of another value, not published after the new article's date ``published``: :func:`build`
    would refuse it; the latest published where sources repeat it); None where there is none,
    where the standing figures differ (the reviewer chooses), or for the author's or an unnamed
    voice (a revision is a claimant's own)."""
    if event is None or claimant_type in (None, "author", "unattributed") or value is None:
        return None
    revised = {c.revises for c in claims if c.revises is not None}
    later = {sid for sid, src in sources.items() if published and getattr(src, "date", None) and src.date > published}
    heads = [
        c
        for c in claims
        if c.kind == kind
        and c.event == event
        and c.claimant_type == claimant_type
        and isinstance(c.value, (int, float))
        and c.value != value
        and c.id not in revised
        and c.source not in later
    ]
    if not heads or len({c.value for c in heads}) > 1:
        return None
    undated = dt.date.min
    return max(heads, key=lambda c: (getattr(sources.get(c.source), "date", None) or undated, c.id)).id


def build(
    meta: dict,
    text: str,
    rows: list[dict],
    events: set[str],
    atlas: dict[str, Claim] | None = None,
    atlas_sources: dict[str, Source] | None = None,
) -> tuple[Source | None, list[Claim], list[str]]:
    """Source and claims from the form; problems as readable sentences (empty when all is valid).

    A row may revise a figure of this article (``revises``: its candidate index) or one already
    in the atlas (``revises_atlas``: a claim id of ``atlas``, whose sources date it). A revision
    is by the same claimant, so the earlier claim's claimant (in the atlas or in this article) is
    taken over; its event and kind
    must be the same, and the earlier claim not published later, or the row is refused."""
    atlas, atlas_sources = atlas or {}, atlas_sources or {}
    problems: list[str] = []
    sid = source_id_for(text)
    source = None
    try:
        date = meta.get("date")
        source = Source(
            id=sid,
            file=f"{sid}.txt",
            title=meta.get("title") or None,
            author=meta.get("author") or None,
            outlet=meta.get("outlet") or None,
            date=date if isinstance(date, dt.date) else None,
            date_precision="day" if isinstance(date, dt.date) else None,
            kind=meta.get("kind") or "news_report",
            argument=meta.get("argument") or "",
            origin="user",
            url=meta.get("url") or None,
            archive_url=meta.get("archive_url") or None,
        )
    except ValidationError as e:
        problems += [
            f"{FIELD_LABELS.get(str(err['loc'][0]), str(err['loc'][0]))}: "
            + ("required" if err["type"] in ("string_too_short", "missing") else err["msg"])
            for err in e.errors()
        ]
    claims = []
    kept = [r for r in rows if r.get("keep")]
    if not kept:
        problems.append("keep at least one claim")
    # A kept revision points at the claim id its earlier figure gets (None if that one is dropped).
    ids = {r.get("index"): f"{sid}-{n}" for n, r in enumerate(kept, 1) if r.get("index") is not None}
    rows_at = {r.get("index"): r for r in kept if r.get("index") is not None}
    for n, row in enumerate(kept, 1):
        where = _where(row, n)
        if "quote" in row:  # a claim the reviewer added: its offsets are where its quote stands
            at = locate(text, row.get("quote") or "")
            if at is None:
                problems.append(
                    f"{where}: "
                    + (
                        "its quote is not in the article: copy the sentence from the text exactly"
                        if (row.get("quote") or "").strip()
                        else "paste the sentence it comes from"
                    )
                )
                continue
            row = row | {"start": at[0], "end": at[1]}
        if row.get("event") not in events:
            problems.append(f"{where}: pick the event it is about")
            continue
        earlier = atlas.get(row.get("revises_atlas") or "")
        if row.get("revises_atlas") and earlier is None:
            problems.append(f"{where}: the claim it revises, {row['revises_atlas']!r}, is not in the atlas")
            continue
        # the article's own earlier figure: its claimant, as the review offered ("by the same
        # claimant": "IRNA" and "the deputy governor" it quotes are one side's one speaker)
        first = rows_at.get(row.get("revises")) if earlier is None else None
        if first is not None:
            row = row | {"claimant": first.get("claimant"), "claimant_type": first.get("claimant_type")}
        try:
            kind = row["kind"]
            value = _value(kind, row.get("value"))
            claims.append(
                Claim(
                    id=f"{sid}-{n}",
                    event=row["event"],
                    source=sid,
                    claimant=earlier.claimant if earlier else (row.get("claimant") or "").strip() or "the author",
                    claimant_type=earlier.claimant_type if earlier else row.get("claimant_type") or "author",
                    kind=kind,
                    value=value,
                    unit=UNITS.get(kind),
                    breakdown=_breakdown(kind, value, row.get("breakdown")),
                    qualifier=row.get("qualifier") or None,
                    victims=row.get("victims") or None,
                    quote=text[int(row["start"]) : int(row["end"])],
                    quote_start=int(row["start"]),
                    quote_end=int(row["end"]),
                    note=row.get("note")
                    or (None if row.get("value") not in (None, "") or kind not in NUMERIC_KINDS else "no number given"),
                    revises=earlier.id if earlier else ids.get(row.get("revises")),
                )
            )
        except (ValidationError, ValueError, KeyError, TypeError) as e:
            msgs = [err["msg"] for err in e.errors()] if isinstance(e, ValidationError) else [str(e)]
            problems += [f"{where}: {m}" for m in msgs]
    by_id = atlas | {c.id: c for c in claims}
    dated = atlas_sources | ({sid: source} if source else {})
    for c in claims:
        if c.revises and (why := revision_problem(c, by_id, dated)):
            n = int(c.id.rsplit("-", 1)[1])
            problems.append(f"{_where(kept[n - 1], n)}: {why}; edit it or save it as a figure of its own")
    return source, claims, problems


def _breakdown(kind: str, value, parts: dict[str, int] | None) -> dict[str, int] | None:
    """The parts the sentence gave ("nine, including four children"), kept while they still fit
    the figure the reviewer kept: an edited value below their sum, or another kind, drops them."""
    if not parts or kind not in ("killed", "injured", "casualties"):
        return None
    return parts if value is None or sum(parts.values()) <= value else None


def _where(row: dict, n: int) -> str:
    """A kept claim as the page numbers it ("Keep 5", "Added 1"), not by its place ``n`` among the kept."""
    if row.get("added"):
        return f"added claim {row['added']} ({row.get('kind')})"
    shown = row["index"] + 1 if row.get("index") is not None else n
    return f"claim {shown} ({row.get('kind')})"


# The Add page's labels of the source's fields, for its error messages
FIELD_LABELS = {
    "argument": "Its line of argument",
    "title": "Title",
    "author": "Author",
    "outlet": "Outlet",
    "date": "Date",
    "kind": "Kind",
    "url": "Web address",
    "archive_url": "Archived copy",
}


def new_event(form: dict, existing: set[str], places: dict) -> tuple[Event | None, list[str]]:
    """An event a person creates while adding a source; its place must be a known place id."""
    title = (form.get("title") or "").strip()
    slug = "u-" + "-".join("".join(ch if ch.isalnum() else " " for ch in title.lower()).split())[:40]
    if slug in existing:
        return None, [f"an event with the id {slug} already exists: pick it instead"]
    if form.get("place") not in places:
        return None, ["pick the event's place"]
    place = places[form["place"]]
    try:
        return Event(
            id=slug,
            title=title,
            type=form.get("type") or "strike",
            actor=form.get("actor") or None,
            target_country=place.country if form.get("type") == "strike" else None,
            place=place.id,
            date=form.get("date"),
            date_precision="day",
            date_basis="Entered by the person who added the source.",
            timezone={"IRN": "Asia/Tehran", "PAK": "Asia/Karachi"}.get(place.country, "UTC"),
            description=(form.get("description") or title).strip(),
        ), []
    except ValidationError as e:
        return None, [f"new event, {'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors()]


def event_options(events: dict[str, Event], suggested: str | None) -> list[str | None]:
    """Event ids for one candidate's picker: the suggested event first, then the rest newest first.

    Without a suggestion the first option is None ("pick the event"), so nothing is chosen for
    the reviewer. Geography records (the border, for its length) come last.
    """
    rest = sorted(
        (e for e in events.values() if e.id != suggested), key=lambda e: (e.happened, e.date, e.id), reverse=True
    )
    head: list[str | None] = [suggested] if suggested in events else [None]
    return head + [e.id for e in rest]
