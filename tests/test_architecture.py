"""Imports point one way: nothing in geo/ imports streamlit but the one adapter module."""

from __future__ import annotations

import ast
from pathlib import Path

GEO = Path(__file__).resolve().parents[1] / "geo"
ADAPTER = "streamlit_adapters.py"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_geo_does_not_import_streamlit():
    offenders = [
        p.name
        for p in GEO.glob("*.py")
        if p.name != ADAPTER and {"streamlit", "streamlit_folium"} & imported_modules(p)
    ]
    assert offenders == []
