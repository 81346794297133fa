"""A small on-disk cache for geometry that is slow to compute and never changes for the same
inputs (a depth band takes about 0.3 s): the first map after a server start reads it instead.

Entries are files named by a hash of their key, written atomically; the key must name every
input, including the boundary files' identity (:func:`files_stamp`). A missing, unreadable or
unwritable cache only costs the computation. Set ``CLAIMS_ATLAS_CACHE`` to move it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cache_dir() -> Path:
    return Path(os.environ.get("CLAIMS_ATLAS_CACHE", ROOT / ".cache" / "geometry"))


def files_stamp(*paths: Path) -> str:
    """Identity of input files (size and modification time), for cache keys."""
    parts = []
    for p in paths:
        try:
            st = p.stat()
            parts.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{p}:missing")
    return "|".join(parts)


def cached_bytes(key: str, make: Callable[[], bytes]) -> bytes:
    """The bytes stored under ``key``, made (and stored) when absent or unreadable."""
    path = cache_dir() / f"{hashlib.sha256(key.encode()).hexdigest()}.bin"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass  # a read-only or full disk: computed again next time
    return data
