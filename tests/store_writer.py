"""A separate process that saves one source with N claims (for the kill and concurrency tests).

Usage: python -m tests.store_writer DB SOURCE_ID N_CLAIMS [PAUSE_S]

With a pause, the writer prints "claim" and waits after each claim row it inserts, inside the
save's transaction, so a test knows the save is half done when it kills the process.
"""

from __future__ import annotations

import sys
import time

from sqlalchemy import event

from geo.core.model import Claim, Source
from geo.store import Store

SENTENCE = "Officials said {n} people were killed in the strike number {i}."


def article(source_id: str, n: int) -> tuple[str, list[tuple[int, int, str]]]:
    parts, spans, pos = [], [], 0
    for i in range(n):
        s = SENTENCE.format(n=i + 1, i=f"{source_id}-{i}")
        spans.append((pos, pos + len(s), s))
        parts.append(s)
        pos += len(s) + 1
    return " ".join(parts), spans


def build(source_id: str, n: int):
    text, spans = article(source_id, n)
    source = Source(id=source_id, file=f"{source_id}.txt", kind="news_report", argument="A test source.", origin="user")
    claims = [
        Claim(
            id=f"{source_id}-c{i}",
            event="pakistan-strike-saravan",
            source=source_id,
            claimant="Officials",
            claimant_type="unattributed",
            kind="killed",
            value=i + 1,
            unit="people",
            qualifier="exact",
            quote=q,
            quote_start=a,
            quote_end=b,
        )
        for i, (a, b, q) in enumerate(spans)
    ]
    return source, text, claims


def pause_after_claims(store: Store, seconds: float) -> None:
    @event.listens_for(store.db.engine, "after_cursor_execute")
    def _pause(_con, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("INSERT INTO CLAIMS"):
            print("claim", flush=True)
            time.sleep(seconds)


if __name__ == "__main__":
    db, sid, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store(db)
    if len(sys.argv) > 4:
        pause_after_claims(store, float(sys.argv[4]))
    print("saving", flush=True)
    store.save_source(*build(sid, n))
    print("saved", flush=True)
