"""Compute quote_start/quote_end for each claim in a claims YAML file from its source text.

A curator writes the verbatim quote; this finds it in the source (first occurrence) and writes
the offsets back next to the quote, keeping the file's comments and layout. It refuses a quote
that is not in the source. Usage: python scripts/fill_quote_offsets.py [data/claims.yaml]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.core.dataset import SOURCES_DIR  # noqa: E402


def main(path: Path = ROOT / "data" / "claims.yaml") -> int:
    claims = yaml.safe_load(path.read_text(encoding="utf-8"))
    sources = {s["id"]: s["file"] for s in yaml.safe_load((ROOT / "data" / "sources.yaml").read_text("utf-8"))}
    offsets = []
    for c in claims:
        text = (SOURCES_DIR / sources[c["source"]]).read_text(encoding="utf-8")
        start = text.find(c["quote"])
        if start < 0:
            print(f"{path}: claim {c['id']}: quote not found in {sources[c['source']]}", file=sys.stderr)
            return 1
        offsets.append((start, start + len(c["quote"])))
    out, i = [], -1
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("- id:"):
            i += 1
        if re.match(r"^  quote_(start|end):", line):
            continue
        out.append(line)
        if line.startswith("  quote:"):
            out += [f"  quote_start: {offsets[i][0]}", f"  quote_end: {offsets[i][1]}"]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(out) + "\n", encoding="utf-8")
    tmp.replace(path)
    print(f"{len(claims)} claims located")
    return 0


if __name__ == "__main__":
    sys.exit(main(*(Path(a) for a in sys.argv[1:])))
