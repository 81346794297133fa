"""The kinds of text the tuned splits used, for the prompt of the helpers who write the next pair.

Each new held-out pair is to be written in kinds of text no earlier split used
(``bench/heldout_prompt.md``). This lists the ``style`` of every article of the splits
``extract_eval.SPLITS`` marks as tuned on, once each, sorted; the splits not yet read (``None``)
or being read (``False``) are never opened. Kinds of the unread splits seen by a slip (the split
table of bench/README.md) are added by hand. Usage: python bench/heldout_kinds.py > avoid_kinds.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_eval import SPLITS  # noqa: E402


def kinds() -> list[str]:
    """The tuned splits' styles, lower-cased, each once."""
    out = set()
    for folder, _, tuned in SPLITS:
        if tuned is True:
            for spec in yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")).values():
                if spec.get("style"):
                    out.add(str(spec["style"]).strip().lower())
    return sorted(out)


if __name__ == "__main__":
    print("\n".join(kinds()))
