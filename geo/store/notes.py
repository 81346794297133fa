"""What review says of the added sources and claims, in words a reader sees beside them: the
status (awaiting review, self-reviewed), dissents, grades, quotes a newer snapshot lost."""

from __future__ import annotations

from geo.store.sources import Store

STATUS_WORDS = {"draft": "draft", "ready": "awaiting review", "rejected": "rejected", "withdrawn": "withdrawn"}


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _status(r: dict) -> list[str]:
    """What a reader must know of a source's status: not published yet (or any more), or self-reviewed."""
    if r["status"] == "published":
        return ["self-reviewed"] if r["self_reviewed"] else []
    return [STATUS_WORDS[r["status"]]]


def source_marks(store: Store) -> dict[str, str]:
    """A few words per source, by id, where there is something to say ("self-reviewed, 1 dissent")."""
    marks = {}
    changed = {row["entity_id"] for row in store.changes("source", limit=100_000) if row["action"] == "publish"}
    for r in store.review_state():
        words = _status(r)
        if r["dissents"]:
            words.append(_count(len(r["dissents"]), "dissent"))
        if r["id"] in changed:
            words.append("changed after publication")
        if words:
            marks[r["id"]] = ", ".join(words)
    return marks


def claim_notes(store: Store) -> dict[str, str]:
    """A sentence per claim, by id, where review has something to say of it."""
    records, _ = store.records()
    by_source: dict[str, list[str]] = {}
    dissents: dict[str, list[str]] = {}  # on one claim
    for r in store.review_state():
        by_source[r["id"]] = _status(r) + [
            f"dissent on the source by {d['reviewer']}: {d['reason']}" for d in r["dissents"] if not d["claim_id"]
        ]
        for d in r["dissents"]:
            if d["claim_id"]:
                dissents.setdefault(d["claim_id"], []).append(f"dissent by {d['reviewer']}: {d['reason']}")
    graded, snaps = store.grades(), store.snapshots()
    edited: dict[str, list[str]] = {}  # changes made to a claim after it was saved
    proposed: dict[str, list[dict]] = {}
    for row in reversed(store.changes("claim", limit=100_000)):  # oldest first
        cid = row["entity_id"]
        if row["action"] == "edit":
            edited.setdefault(cid, []).append(f"edited by {row['who']}: {row['field']} {row['old']} → {row['new']}")
        elif row["action"] == "propose":
            proposed.setdefault(cid, []).append(row)
        elif row["action"] in ("publish", "reject"):
            changes = proposed.pop(cid, [])
            if row["action"] == "publish":
                edited.setdefault(cid, []).extend(
                    f"changed after publication: {p['field']} {p['old']} → {p['new']} "
                    f"(by {p['who']}, published by {row['who']})"
                    for p in changes
                )
    out = {}
    for c in records["claims"]:
        notes = list(by_source.get(c["source"], []))
        missing = snaps.get(c["source"], {}).get("missing", {}).get(c["id"])
        if missing:
            notes.insert(0, missing)
        g = graded.get(c["id"])
        if g and g["grade"]:
            first = f" (first graded {g['initial']})" if g["initial"] != g["grade"] else ""
            notes.append(f"graded {g['grade']}{first}")
        notes += dissents.get(c["id"], []) + edited.get(c["id"], [])
        if notes:
            out[c["id"]] = "; ".join(notes)
    return out
