"""Import ACLED or UCDP GED exports as context layers, and export what was imported.

    python -m geo.context import FILE.csv [--db PATH]
    python -m geo.context export [--db PATH] > context.geojson

Rows are read and validated by ``geo.core.context`` and kept in the user database beside the
user's sources (``geo.store``); a broken file imports nothing and the command says why.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geo.core import context
from geo.store import Store, StoreError


def import_file(data: bytes, name: str, store: Store) -> str:
    """Read, validate and keep one export; a sentence saying what was kept (ContextError otherwise)."""
    events = context.read_csv(data, name)
    new, replaced = store.save_context(events)
    return (
        f"{name}: {len(events)} {events[0].dataset} rows kept as context ({new} new, {replaced} replacing "
        "an earlier import); they are never mixed with the claims."
    )


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.context", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="import an ACLED or UCDP GED CSV export")
    imp.add_argument("file", type=Path)
    exp = sub.add_parser("export", help="write the imported rows as GeoJSON, with their distance to the border")
    for p in (imp, exp):
        p.add_argument("--db", default=None, help="the user store: path or URL (default: CLAIMS_ATLAS_DB)")
    args = ap.parse_args(argv)
    store = Store(args.db)
    try:
        if args.command == "import":
            try:
                data = args.file.read_bytes()
            except OSError as e:
                print(f"error: {args.file}: cannot be read: {e.strerror or e}", file=sys.stderr)
                return 1
            print(import_file(data, args.file.name, store))
        else:
            print(json.dumps(context.geojson(store.context_events()), ensure_ascii=False, indent=1))
    except (context.ContextError, StoreError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main())
