"""The map as rendered from data: escaping on the server (branca renders folium's output as a
Jinja2 template again), one marker per event, popups that answer first, map.js kept inert."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from geo.core.dataset import load_dataset
from geo.core.view import view_of
from geo.render import layers
from geo.render.escape import esc
from geo.web.map_component import layer_script, render_map
from tests.fixtures import write_dataset
from tests.hostile import PAYLOADS, SOURCE_TEXT, TEMPLATE_PAYLOADS, hostile_records


def view_data(script: str) -> dict:
    """The data object the view layer's script hands to ``CA.view``."""
    return json.loads(re.search(r"CA\.view\(\w+, (\{.*\})\);", script, re.S).group(1))


def make_view(ds, sources=None):
    claims = tuple(c for c in ds.claims.values() if sources is None or c.source in sources)
    return view_of(ds, claims, sources)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    data, src = write_dataset(tmp_path_factory.mktemp("hostile"), hostile_records(), SOURCE_TEXT)
    ds = load_dataset(data, src)
    base = render_map(layers.base_map())
    script = layer_script(layers.view_layer(make_view(ds)), base.map_id, 0)
    return base, script


def test_template_payloads_are_not_evaluated_on_the_server(hostile):
    base, script = hostile
    assert "SSTI-EVAL" not in script + base.script  # the payload's concatenation was not computed
    assert "CA_SSTI" not in os.environ  # the payload's Python did not run in this process
    popups = " ".join(e["popup"] for e in view_data(script)["events"])
    for key in TEMPLATE_PAYLOADS:
        assert esc(PAYLOADS[key]) in popups, key  # still there, as text


def test_html_payloads_reach_the_map_escaped(hostile):
    _, script = hostile
    popups = " ".join(e["popup"] + e["tooltip"] for e in view_data(script)["events"])
    for key in ("img", "script", "svg"):
        assert PAYLOADS[key] not in script, key
        assert esc(PAYLOADS[key]) in popups, key


def test_map_js_holds_nothing_jinja_would_read():
    text = Path(layers.__file__).with_name("map.js").read_text(encoding="utf-8")
    assert not re.search(r"\{[{%#]", text)


@pytest.fixture(scope="module")
def curated():
    return load_dataset()


def test_one_marker_per_event_with_its_sources_and_disagreement(curated):
    data = view_data(layer_script(layers.view_layer(make_view(curated)), "map_x", 0))
    ids = [e["id"] for e in data["events"]]
    assert len(ids) == len(set(ids))
    saravan = next(e for e in data["events"] if e["id"] == "pakistan-strike-saravan")
    assert "ca-event-pakistan-strike-saravan" in saravan["css"].split()
    assert re.search(r">5<", saravan["icon"]) and "ca-pin-disagree" in saravan["icon"]
    assert 'data-claim="c-sv-killed-003"' in saravan["popup"] and "<table" in saravan["popup"]
    # Summary first, quotes below in a collapsed <details>.
    assert saravan["popup"].index("ca-summary") < saravan["popup"].index("<details")


def test_turning_a_source_off_takes_its_claims_bands_and_markers(curated):
    full = view_data(layer_script(layers.view_layer(make_view(curated)), "map_x", 0))
    less = view_data(layer_script(layers.view_layer(make_view(curated, ("s000", "s001", "s002", "s004"))), "map_x", 0))
    assert "ambassadors-return" in {e["id"] for e in full["events"]}
    assert "ambassadors-return" not in {e["id"] for e in less["events"]}  # reported only by s003
    assert full["bands"]["features"] and not less["bands"]["features"]  # the depths come from s003
    saravan = next(e for e in less["events"] if e["id"] == "pakistan-strike-saravan")
    assert 'data-source="s003"' not in saravan["popup"] and ">4<" in saravan["icon"]


def test_open_event_is_only_asked_for_when_it_is_on_the_map(curated):
    v = make_view(curated)
    assert view_data(layer_script(layers.view_layer(v, "pakistan-strike-saravan"), "m", 0))["open"] == (
        "pakistan-strike-saravan"
    )
    assert view_data(layer_script(layers.view_layer(v, "no-such-event"), "m", 0))["open"] is None


def test_popup_gives_reasons_only_for_material_findings(curated):
    """A consistent check on a flagged claim is not a reason for its ⚠."""
    from geo.render.popups import popup_html

    ev = next(e for e in make_view(curated).events if e.event.id == "iran-strike-panjgur")
    html = popup_html(ev)
    why = html[html.index("Why &#9888;") : html.index("</ul>", html.index("Why &#9888;"))]
    consistent = [f for f in ev.findings if f.verdict == "consistent"]
    assert consistent and not any(esc(f.summary) in why for f in consistent)
    assert all(esc(f.summary) in why for f in ev.findings if f.material)
    assert "Other findings (not contradictions)" in html


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("see https://evil.example/x?q=1 now", "see `https://evil.example/x?q=1` now"),
        ("www.evil.example", "`www.evil.example`"),
        ("mail someone@evil.example", "mail `someone@evil.example`"),
        ("https://x.example/`;alert(1)", "`https://x.example/`\\`;alert\\(1\\)"),  # a backtick cannot break out
        ("javascript:alert(1)", "javascript\\:alert\\(1\\)"),
    ],
)
def test_markdown_addresses_from_data_become_code_not_links(text, shown):
    from geo.render.escape import md

    assert md(text) == shown


def test_a_figure_says_whom_it_counts_once():
    from tests.fixtures import claim

    assert claim("c1", "s").described() == "9 people"
    assert claim("c2", "s", victims="children", value=2.0).described() == "2 people (children)"
    assert claim("c3", "s", victims="people").described() == "9 people"  # not "9 people (people)"
    two = claim("c4", "s", victims="children", value=2.0, breakdown={"children": 2})
    assert two.described() == "2 people (children 2)"  # not "(children 2) (children)"
