"""``python -m geo.extract ARTICLE [--json]``: the candidate claims of one article file."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from geo.extract import Extractor, InputError, read_article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.extract", description="Find candidate claims in an article")
    ap.add_argument("article", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    try:
        article = read_article(args.article.read_bytes(), args.article.name)
    except (OSError, InputError) as e:
        print(f"error: cannot read {args.article}: {e}", file=sys.stderr)
        return 2
    from geo.core.dataset import DatasetError, load_dataset

    try:
        ds = load_dataset()
    except DatasetError:
        ds = None
    cands = Extractor(ds).extract(article.text, article.meta.get("date"))
    if args.json:
        print(json.dumps([asdict(c) for c in cands], ensure_ascii=False, indent=1))
    else:
        for c in cands:
            print(
                f"{c.kind:9s} {c.value!s:30.30s} {c.qualifier or '':9s} {c.claimant or '-':25.25s} "
                f"{c.event or '-':25s} {c.event_confidence or '':6s} {c.quote[:60]!r}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
