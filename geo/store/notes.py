"""What review says of the added sources and claims, in words a reader sees beside them: the
status (awaiting review, self-reviewed), dissents, grades, quotes a newer snapshot lost."""

from __future__ import annotations

from geo.store.sources import Store


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def source_marks(store: Store) -> dict[str, str]:
    """A few words per source, by id, where there is something to say ("self-reviewed, 1 dissent")."""
    marks = {}
    for r in store.review_state():
        words = {"draft": ["draft"], "ready": ["awaiting review"]}.get(r["status"], [])
        if r["status"] == "published" and r["self_reviewed"]:
            words.append("self-reviewed")
        if r["dissents"]:
            words.append(_count(len(r["dissents"]), "dissent"))
        if words:
            marks[r["id"]] = ", ".join(words)
    return marks


def claim_notes(store: Store) -> dict[str, str]:
    """A sentence per claim, by id, where review has something to say of it."""
    records, _ = store.records()
    by_source: dict[str, list[str]] = {}
    for r in store.review_state():
        notes = [f"dissent by {d['reviewer']}: {d['reason']}" for d in r["dissents"]]
        if r["status"] == "published" and r["self_reviewed"]:
            notes.insert(0, "self-reviewed")
        elif r["status"] != "published":
            notes.insert(0, {"ready": "awaiting review"}.get(r["status"], r["status"]))
        by_source[r["id"]] = notes
    graded, snaps = store.grades(), store.snapshots()
    out = {}
    for c in records["claims"]:
        notes = list(by_source.get(c["source"], []))
        missing = snaps.get(c["source"], {}).get("missing", {}).get(c["id"])
        if missing:
            notes.insert(0, missing)
        g = graded.get(c["id"])
        if g and g["grade"]:
            initially = f" (initially {g['initial']})" if g["initial"] != g["grade"] else ""
            notes.append(f"graded {g['grade']}{initially}")
        if notes:
            out[c["id"]] = "; ".join(notes)
    return out
