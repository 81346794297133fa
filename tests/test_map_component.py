"""The map component sends streamlit-folium's frontend exactly what ``st_folium`` would.

``geo.web.map_component`` re-implements ``st_folium``'s argument assembly so that a base map
is rendered once and shared, and the view's layers travel as its ``feature_group``. This pins
that contract to the installed streamlit-folium, so an upgrade that changes it fails here
rather than on users' screens.
"""

from __future__ import annotations

from unittest import mock

import pytest
import streamlit_folium

from geo.core.dataset import load_dataset
from geo.core.view import view_of
from geo.render import layers
from geo.web import map_component as mc


@pytest.fixture(scope="module")
def view():
    ds = load_dataset()
    claims = tuple(c for c in ds.claims.values() if c.source != "s002")
    return view_of(ds, claims, ("s000", "s001"))


def component_args(call) -> dict:
    with mock.patch.object(streamlit_folium, "_component_func") as component:
        call()
    kwargs = component.call_args.kwargs
    kwargs.pop("on_change")
    return kwargs


@pytest.mark.parametrize("click", [False, True])
def test_cached_render_sends_what_st_folium_sends(view, click):
    common = dict(key="ca_map", height=600, returned_objects=mc.RETURNED, center=(27.0, 62.0), zoom=8)

    def groups():
        out = [layers.view_layer(view, "pakistan-strike-saravan")]
        if click:
            out.append(layers.click_layer(27.1, 62.4, 27.3, 62.9, 40.0))
        return out

    def theirs():
        streamlit_folium.st_folium(
            layers.base_map(), use_container_width=True, render=False, feature_group_to_add=groups(), **common
        )

    def ours():
        base = mc.render_map(layers.base_map())
        scripts = "".join(mc.layer_script(g, base.map_id, i) for i, g in enumerate(groups()))
        mc.show_map(base, layers=scripts, **common)

    expected, got = component_args(theirs), component_args(ours)
    assert expected.keys() == got.keys()
    for name in expected:
        assert got[name] == expected[name], name
    assert "CA.view(" in got["feature_group"] and ("CA.click(" in got["feature_group"]) == click
