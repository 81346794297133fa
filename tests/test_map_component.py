"""The cached map renderer sends streamlit-folium's component exactly what ``st_folium`` would.

``geo.streamlit_adapters.render_map``/``show_map`` re-implement ``st_folium``'s argument
assembly so a view's map is rendered once and shared; this pins that contract to the installed
streamlit-folium, so an upgrade that changes it fails here rather than on users' screens.
"""

from __future__ import annotations

from unittest import mock

import pytest
import streamlit_folium

from geo import layers
from geo import streamlit_adapters as sa
from geo.dataset import load_dataset
from geo.discrepancy import find_discrepancies


@pytest.fixture(scope="module")
def view():
    ds = load_dataset()
    claims = tuple(c for c in ds.claims.values() if c.source != "s002")
    events = tuple(dict.fromkeys(c.event for c in claims))
    return ds, layers.MapView(claims, tuple(find_discrepancies(ds, list(claims))), ("s000", "s001"), events)


def component_args(call) -> dict:
    with mock.patch.object(streamlit_folium, "_component_func") as component:
        call()
    kwargs = component.call_args.kwargs
    kwargs.pop("on_change")
    return kwargs


@pytest.mark.parametrize("click", [None, (27.1, 62.4)])
def test_cached_render_sends_what_st_folium_sends(view, click):
    ds, v = view
    common = dict(key="ca_map", height=620, returned_objects=["last_clicked"], center=(27.0, 62.0), zoom=8)

    def theirs():
        streamlit_folium.st_folium(
            layers.build_map(ds, v),
            use_container_width=True,
            render=False,
            feature_group_to_add=layers.click_layer(click, "osm") if click else None,
            **common,
        )

    def ours():
        extra = layers.click_layer(click, "osm") if click else None
        sa.show_map(sa.render_map(layers.build_map(ds, v)), extra_layer=extra, **common)

    expected, got = component_args(theirs), component_args(ours)
    assert expected.keys() == got.keys()
    for name in expected:
        assert got[name] == expected[name], name
    assert len(got["script"]) > 10_000 and ("feature_group_0" in (got["feature_group"] or "")) == bool(click)
