"""Map layers: what folium renders from hostile data.

branca compiles each element's rendered output as a new Jinja2 template and renders it again,
so data text containing ``{{ ... }}`` would be *evaluated on the server* (and ``{#`` would break
the map). These tests render the real map from a dataset whose every text carries such payloads.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from geo import layers
from geo.dataset import load_dataset
from tests.fixtures import write_dataset
from tests.hostile import PAYLOADS, SOURCE_TEXT, TEMPLATE_PAYLOADS, hostile_records


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory):
    data, src = write_dataset(tmp_path_factory.mktemp("hostile"), hostile_records(), SOURCE_TEXT)
    ds = load_dataset(data, src)
    claims = tuple(ds.claims.values())
    events = tuple(dict.fromkeys(c.event for c in claims))
    view = layers.MapView(claims, (), tuple(ds.sources), events)
    return layers.build_map(ds, view).get_root().render()


def popups(html: str) -> str:
    """The popups' HTML, decoded from the JSON object the map embeds them in."""
    data = re.search(r"window\.ca_popups = (\{.*?\});", html).group(1)
    return "\n".join(json.loads(data).values())


def test_template_payloads_are_not_evaluated_on_the_server(hostile_html):
    assert "SSTI-EVAL" not in hostile_html  # the payload's concatenation was not computed (ids are hex: no false hit)
    assert "CA_SSTI" not in os.environ  # the payload's Python did not run in this process
    for key in TEMPLATE_PAYLOADS:
        assert layers.esc(PAYLOADS[key]) in popups(hostile_html), key  # still there, as text


def test_html_payloads_reach_the_map_escaped(hostile_html):
    for key in ("img", "script", "svg"):
        assert PAYLOADS[key] not in hostile_html, key
        assert layers.esc(PAYLOADS[key]) in popups(hostile_html), key
