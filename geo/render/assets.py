"""Serve the map's JavaScript and CSS from the app instead of CDNs, so the map draws offline.

folium and streamlit-folium load Leaflet, jQuery, Bootstrap and plugin files from CDNs
(``default_js`` / ``default_css`` on each element class). ``make setup`` installs the pinned
npm packages (package.json + package-lock.json) and copies the files listed in ``ASSETS``
into ``static/vendor/``; Streamlit serves that folder at ``/app/static/`` (static serving is
enabled in ``.streamlit/config.toml``). :func:`use_local_assets` then points folium at them.
If the files are missing (no npm on the machine), folium keeps its CDN links and the app says
so on screen: the map then draws only online.
"""

from __future__ import annotations

from pathlib import Path

import folium
import folium.plugins

ROOT = Path(__file__).resolve().parents[2]
STATIC_DIR = ROOT / "static"
VENDOR = STATIC_DIR / "vendor"
URL_PREFIX = "/app/static/vendor"
# Static map layers (boundaries), published at set-up so reruns need not embed them.
LAYERS_DIR = STATIC_DIR / "layers"
LAYERS_URL_PREFIX = "/app/static/layers"

# static/vendor/<target> <- node_modules/<source>. Directories are copied whole.
ASSETS: dict[str, str] = {
    "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet/images": "leaflet/dist/images",
    "leaflet-measure/leaflet-measure.js": "leaflet-measure/dist/leaflet-measure.js",
    "leaflet-measure/leaflet-measure.css": "leaflet-measure/dist/leaflet-measure.css",
    "leaflet-measure/images": "leaflet-measure/dist/images",
}

_MAP_JS = [("leaflet", "leaflet/leaflet.js")]
_MAP_CSS = [("leaflet_css", "leaflet/leaflet.css")]
_MEASURE_JS = [("leaflet_measure_js", "leaflet-measure/leaflet-measure.js")]
_MEASURE_CSS = [("leaflet_measure_css", "leaflet-measure/leaflet-measure.css")]


def missing_assets(vendor: Path = VENDOR) -> list[str]:
    """Targets under static/vendor/ that are not there."""
    return [t for t in ASSETS if not (vendor / t).exists()]


def _local(pairs):
    return [(name, f"{URL_PREFIX}/{target}") for name, target in pairs]


def use_local_assets(vendor: Path = VENDOR) -> bool:
    """Point folium's Map and MeasureControl at the vendored files; False (CDN kept) if missing.

    Only the files this app uses are listed: jQuery, Bootstrap, Font Awesome and awesome-markers
    are dropped, because the map draws no icon markers and loads its layers with ``fetch``.
    """
    if missing_assets(vendor):
        return False
    folium.Map.default_js = _local(_MAP_JS)
    folium.Map.default_css = _local(_MAP_CSS)
    folium.plugins.MeasureControl.default_js = _local(_MEASURE_JS)
    folium.plugins.MeasureControl.default_css = _local(_MEASURE_CSS)
    return True


def layer_url(name: str, layers_dir: Path = LAYERS_DIR) -> str | None:
    """URL of a published static layer, or None when it is not there (the map then embeds it)."""
    return f"{LAYERS_URL_PREFIX}/{name}.json" if (layers_dir / f"{name}.json").is_file() else None
