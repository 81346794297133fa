"""The view's state in the URL query string: parse untrusted parameters into valid settings.

Pure (no streamlit): :func:`parse` takes the query parameters as a mapping of strings and returns
only valid values plus a readable notice for everything it dropped. Nothing here raises on bad
input, and a notice never echoes more than a bounded, shortened piece of what was sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from geo.core.dataset import Dataset
from geo.core.model import LENSES
from geo.render.styles import BASEMAP_LABELS
from geo.spatial import boundaries

KNOWN = ("sources", "lens", "from", "to", "basemap", "border", "event", "zoom", "center", "claim", "source")
MIN_ZOOM, MAX_ZOOM = 3, 18
MAX_PARAM_LEN = 500
MAX_PARAMS = 30


def _short(text: str, n: int = 40) -> str:
    return text[:n] + ("…" if len(text) > n else "")


def parse(ds: Dataset, params: Mapping[str, str]) -> tuple[dict, list[str]]:
    """Valid settings from URL parameters, and notices for what was ignored."""
    out: dict = {}
    notices: list[str] = []
    keys = list(params.keys())
    if len(keys) > MAX_PARAMS:
        notices.append(f"only the first {MAX_PARAMS} parameters were read")
        keys = keys[:MAX_PARAMS]
    for key in keys:
        if key not in KNOWN:
            notices.append(f"unknown parameter '{_short(str(key))}'")
    for key in ("sources", "lens", "from", "to", "basemap", "border", "event", "zoom", "center"):
        value = params.get(key)
        if value is None or key not in keys:
            continue
        value = str(value)
        if len(value) > MAX_PARAM_LEN:
            notices.append(f"parameter '{key}' is too long")
        elif key == "sources":
            wanted = [s for s in value.split(",") if s]
            good = [s for s in wanted if s in ds.sources]
            if len(good) != len(wanted):
                notices.append("unknown source ids in 'sources' were ignored")
            out["sources"] = good
        elif key == "zoom":
            if value.isascii() and value.isdigit() and MIN_ZOOM <= int(value) <= MAX_ZOOM:
                out["zoom"] = int(value)
            else:
                notices.append(f"'zoom' must be a whole number from {MIN_ZOOM} to {MAX_ZOOM}")
        elif key == "center":
            try:
                lat, lon = (float(v) for v in value.split(","))
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
                out["center"] = (lat, lon)
            except ValueError:
                notices.append("'center' must be 'latitude,longitude' in degrees")
        elif key in ("from", "to"):
            try:
                out[key] = dt.date.fromisoformat(value)
            except ValueError:
                notices.append(f"'{key}' must be a date like 2024-01-16")
        else:
            allowed = {"lens": LENSES, "basemap": BASEMAP_LABELS, "border": boundaries.BORDERS, "event": ds.events}[key]
            if value in allowed:
                out[key] = value
            elif key == "event":
                notices.append("unknown event in 'event'")
            else:
                notices.append(f"'{key}' must be one of " + ", ".join(allowed))
    if ("zoom" in out) != ("center" in out):
        notices.append("'zoom' and 'center' go together; the map opens at its default view")
        out.pop("zoom", None)
        out.pop("center", None)
    if "from" in out and "to" in out and out["from"] > out["to"]:
        notices.append("'from' is after 'to'; both were ignored")
        del out["from"], out["to"]
    return out, notices
