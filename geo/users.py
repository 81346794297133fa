"""Manage who may do what in the user store, and read its change log.

    python -m geo.users list [--db PATH_OR_URL]
    python -m geo.users set NAME ROLE [--reason TEXT] [--as USER] [--db PATH_OR_URL]
    python -m geo.users log [--entity KIND] [--id ID] [--limit N] [--db PATH_OR_URL]

ROLE is reader, editor, reviewer or admin. In a store with no users the first one must be an
admin, and anyone who can open the database may add it (that is how a team store is set up);
after that only an admin may set roles (``--as`` names who acts; default the local user).
Names are the ones the authenticating proxy passes (nginx's ``$remote_user``).
"""

from __future__ import annotations

import argparse
import json
import sys

from geo.store import LOCAL_USER, Role, Store, StoreError
from geo.store.users import a


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.users", description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=None, help="the user store: path or URL (default: CLAIMS_ATLAS_DB)")
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="every user and role")
    st = sub.add_parser("set", help="add a user or change a user's role")
    st.add_argument("name")
    st.add_argument("role", choices=["reader", "editor", "reviewer", "admin"])
    st.add_argument("--reason", default=None)
    st.add_argument("--as", dest="actor", default=LOCAL_USER, help="who acts (an admin of the store)")
    lg = sub.add_parser("log", help="the change log, newest first (JSON lines)")
    lg.add_argument("--entity", default=None, help="source, claim, event, place, user, context")
    lg.add_argument("--id", default=None)
    lg.add_argument("--limit", type=int, default=100)
    args = ap.parse_args(argv)
    try:
        if args.command == "list":
            for name, role, since in Store(args.db).users():
                print(f"{name}\t{role}\tsince {since}")
        elif args.command == "set":
            Store(args.db, user=args.actor).set_role(args.name, args.role, args.reason)
            print(f"{args.name} is now {a(Role[args.role])}")
        else:
            for row in Store(args.db).changes(args.entity, args.id, args.limit):
                print(json.dumps(row, ensure_ascii=False))
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main())
