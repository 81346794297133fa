"""How the map looks: colours (Okabe–Ito, readable with colour-vision deficiencies), kinds and
their order, base maps, the map's CSS. No data text here."""

from __future__ import annotations

from geo.core.model import Event

CENTER = (27.3, 62.9)
DEFAULT_ZOOM = 7
ACTOR_COLOURS = {"IRN": "#E69F00", "PAK": "#0072B2"}
TYPE_COLOURS = {
    "attack": "#D55E00",
    "bombing": "#D55E00",
    "diplomatic": "#CC79A7",
    "military_exercise": "#56B4E9",
    "geography": "#999999",
}
OTHER_COLOUR = "#009E73"
KIND_ORDER = [
    "killed",
    "injured",
    "casualties",
    "depth",
    "weapon",
    "target",
    "perpetrator",
    "time",
    "location",
    "border_length",
    "other",
]
KIND_LABELS = {"border_length": "border length", "casualties": "casualties (killed or injured)"}
BASEMAPS = {
    "none": None,
    "osm": (
        "OpenStreetMap",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    "light": (
        "Light (CARTO)",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; OpenStreetMap contributors &copy; <a href="https://carto.com/attributions">CARTO</a>',
    ),
    "satellite": (
        "Satellite (Esri World Imagery)",
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "Tiles &copy; Esri &mdash; Source: Esri, Maxar, Earthstar Geographics, and the GIS User Community",
    ),
}
BASEMAP_LABELS = {"none": "None (offline vector map)", **{k: v[0] for k, v in BASEMAPS.items() if v}}
# Label priorities for decluttering (lower wins a place; see map.js).
LABEL_PRIORITY = {"click": 0, "strike": 1, "measured": 2, "depth": 3, "town": 4, "province": 5}


def event_colour(e: Event) -> str:
    if e.type == "strike":
        return ACTOR_COLOURS.get(e.actor or "", OTHER_COLOUR)
    return TYPE_COLOURS.get(e.type, OTHER_COLOUR)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


LEGEND_ITEMS = (
    ("ca-sw-irn", "Iran's strikes"),
    ("ca-sw-pak", "Pakistan's strikes"),
    ("ca-sw-attack", "Attacks and bombings"),
    ("ca-sw-dipl", "Diplomatic steps"),
    ("ca-sw-other", "Other events"),
    ("ca-sw-disagree", "Sources disagree (⚠)"),
    ("ca-sw-unc", "Location uncertainty"),
    ("ca-sw-band", "A stated depth (band)"),
    ("ca-sw-line", "Measured distance to the border"),
    ("ca-sw-context", "Context rows (ACLED / UCDP GED, if imported)"),
)
LEGEND_NOTE = "The number on a marker: how many enabled sources speak of the event."

MAP_CSS = """
<style>
.leaflet-container{font:12px/1.3 system-ui,sans-serif}
.leaflet-container .leaflet-interactive:focus,.leaflet-container path:focus{outline:none}
.leaflet-container.ca-pointer:focus,.leaflet-container.ca-pointer :focus{outline:none}
.leaflet-pane.leaflet-ca-labels-pane,.leaflet-pane.leaflet-ca-labels-pane *{pointer-events:none!important}
.ca-label{background:none;border:0}
.ca-lbl{position:absolute;left:0;top:0;white-space:nowrap;font:11px/1.2 system-ui,sans-serif;color:#222;
  text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}
.ca-lbl.ca-hidden{visibility:hidden}
.ca-lbl-province{font-style:italic;font-size:12px;color:#5b4f30}
.ca-lbl-depth{font-weight:600;color:#7a2b5f}
.ca-lbl-strike{font-weight:700;color:#111}
.ca-lbl-measured{font-weight:600;background:rgba(255,255,255,.9);border:1px solid #999;border-radius:3px;
  padding:0 3px;text-shadow:none}
.ca-lbl-click{font-weight:700;color:#fff;background:#A33A00;border-radius:3px;padding:1px 4px;text-shadow:none}
.ca-dot{position:absolute;left:-2px;top:-2px;width:4px;height:4px;border-radius:50%;background:#333}
.ca-pin{box-sizing:border-box;border-radius:50%;border:2px solid #222;color:#fff;font:700 12px/1 system-ui,sans-serif;
  display:flex;align-items:center;justify-content:center;width:100%;height:100%;background:var(--c);
  box-shadow:0 0 0 2px #fff}
.ca-pin.ca-pin-light{color:#111}
.ca-pin.ca-pin-disagree{border:3px solid #000;box-shadow:0 0 0 2px #F0E442,0 0 0 3px #000}
.ca-pin .ca-badge{position:absolute;right:-7px;top:-8px;font-size:11px;background:#F0E442;color:#000;
  border:1px solid #000;border-radius:8px;padding:0 2px;line-height:13px}
.leaflet-marker-icon.ca-event:focus{outline:none}
.leaflet-marker-icon.ca-event:focus-visible .ca-pin{outline:3px solid #000;outline-offset:2px}
.ca-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ca-popup{max-height:360px;overflow-y:auto;font:13px/1.35 system-ui,sans-serif;color:#111}
.ca-popup h2{margin:0 0 2px;font-size:15px}.ca-popup h3{margin:8px 0 2px;font-size:13px}
.ca-popup ul{margin:0;padding-left:16px}.ca-meta{color:#444;margin:0 0 6px}
.ca-summary{border-collapse:collapse;width:100%;margin:0 0 6px}
.ca-summary th,.ca-summary td{text-align:left;vertical-align:top;padding:2px 4px;border-bottom:1px solid #ddd}
.ca-summary th{font-weight:600;white-space:nowrap}
.ca-summary .ca-who{color:#444;font-size:12px}
@media (max-width:480px){.ca-summary th,.ca-summary td{display:block;border-bottom:0}
  .ca-summary td{border-bottom:1px solid #ddd;padding-left:10px}}
.ca-id{white-space:nowrap}
.ca-disagree{color:#000;background:#F0E442;padding:0 3px;border-radius:3px;font-weight:600}
.ca-verdict{background:#f4f4f4;padding:3px;border-left:3px solid #CC79A7;margin:4px 0}
.ca-popup details{margin-top:4px}.ca-popup summary{cursor:pointer;font-weight:600;color:#00527a}
.ca-popup a{color:#00527a}
.leaflet-control.ca-ctl{background:#fff;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.35);
  font:12px system-ui,sans-serif}
.ca-ctl button{font:600 12px system-ui,sans-serif;background:#fff;color:#111;border:0;border-radius:4px;padding:6px 8px;
  cursor:pointer;min-height:30px}
.ca-ctl button:focus-visible{outline:3px solid #0072B2}
.ca-legend-body{padding:4px 8px 6px;max-width:230px}
.ca-legend-body.ca-closed{display:none}
.ca-legend-body div{display:flex;align-items:center;gap:6px;margin:2px 0}
.ca-sw{display:inline-block;width:12px;height:12px;border-radius:50%;border:1px solid #222;flex:none}
.ca-sw-irn{background:#E69F00}.ca-sw-pak{background:#0072B2}.ca-sw-attack{background:#D55E00}
.ca-sw-dipl{background:#CC79A7}.ca-sw-other{background:#009E73}
.ca-sw-disagree{background:#fff;border:3px solid #000;box-shadow:0 0 0 2px #F0E442}
.ca-sw-unc{border:1px dashed #555;background:rgba(0,0,0,.06)}
.ca-sw-band{border-radius:2px;background:rgba(204,121,167,.45);border-color:#CC79A7}
.ca-sw-line{border:0;border-top:2px dotted #000;border-radius:0;height:0}
.ca-sw-context{width:9px;height:9px;background:rgba(153,153,153,.5);border-color:#555}
@media (max-width:600px){.ca-popup{max-height:300px;font-size:12px}.ca-legend-body{max-width:190px}}
</style>
"""
