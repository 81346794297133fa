"""Imports point one way (../shared/LAYOUT.md): spatial -> core -> extract, store -> render -> web.

A module imports only from its own layer or the ones below it; only geo/web imports streamlit;
render neither measures nor judges (no geo.spatial.measure, no geo.core.findings). Modules still flat in
geo/ are placed in the layer they are headed for.
"""

from __future__ import annotations

import ast
from pathlib import Path

GEO = Path(__file__).resolve().parents[1] / "geo"
LAYERS = ["spatial", "core", "extract", "store", "render", "web"]
RANK = {"spatial": 0, "core": 1, "extract": 2, "store": 2, "render": 3, "web": 4}
# Flat modules not yet moved, by the layer they are headed for.
FLAT = {
    "context": "store",  # the import command: reads with core, keeps with the store
    "users": "store",  # the user command: roles and the change log, kept by the store
    "publish": "render",  # the publish command: a view drawn as files
}


def layer_of(module: str) -> str | None:
    """The layer of a ``geo.…`` module name (None for anything outside geo)."""
    parts = module.split(".")
    if parts[0] != "geo" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in RANK else FLAT[parts[1]]


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "geo":
                names |= {f"geo.{a.name}" for a in node.names}
    return names


def modules():
    for path in GEO.rglob("*.py"):
        rel = path.relative_to(GEO.parent).with_suffix("")
        yield path, ".".join(p for p in rel.parts if p != "__init__")


def test_every_geo_module_has_a_layer():
    for _, name in modules():
        if name != "geo":
            assert layer_of(name), name


def test_imports_point_one_way():
    bad = []
    for path, name in modules():
        mine = layer_of(name)
        if mine is None:
            continue
        for imp in imports(path):
            theirs = layer_of(imp)
            if theirs and theirs != mine and RANK[theirs] >= RANK[mine]:
                bad.append(f"{name} ({mine}) imports {imp} ({theirs})")
    assert bad == []


def test_only_web_imports_streamlit():
    bad = [
        name
        for path, name in modules()
        if layer_of(name) != "web" and {i.split(".")[0] for i in imports(path)} & {"streamlit", "streamlit_folium"}
    ]
    assert bad == []


def test_streamlit_folium_privates_only_in_the_map_component():
    users = [name for path, name in modules() if "streamlit_folium._" in path.read_text(encoding="utf-8")]
    assert users == ["geo.web.map_component"]


def test_render_neither_measures_nor_judges():
    bad = [
        f"{name} imports {imp}"
        for path, name in modules()
        if layer_of(name) == "render"
        for imp in imports(path)
        if imp in ("geo.spatial.measure", "geo.core.findings")
    ]
    assert bad == []
