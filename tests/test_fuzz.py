"""Property tests: no input makes geo/ raise anything but its own clear errors."""

from __future__ import annotations

import copy
import math

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo.core.dataset import DatasetError, load_dataset
from geo.spatial import measure
from geo.web import urlstate
from tests.fixtures import RECORDS, write_dataset

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
text = st.text(max_size=80)
param_keys = st.one_of(st.sampled_from(urlstate.KNOWN), text)
param_values = st.one_of(
    text,
    st.sampled_from(["s001", "s001,s003", "2024-01-16", "osm", "ne10m", "none", "iran_official"]),
    st.text(min_size=490, max_size=600),
)


@FAST
@given(st.dictionaries(param_keys, param_values, max_size=40))
@example(params={"zoom": "¹"})  # a digit to str.isdigit(), not to int(): found by this test
@example(params={"zoom": "7"})
def test_url_parameters_never_raise_and_only_valid_values_pass(dataset, params):
    out, notices = urlstate.parse(dataset, params)
    assert set(out) <= {"sources", "lens", "from", "to", "basemap", "border", "event", "zoom"}
    assert out.get("zoom") is None or isinstance(out["zoom"], int)
    assert all(s in dataset.sources for s in out.get("sources", []))
    assert out.get("event") is None or out["event"] in dataset.events
    if "from" in out and "to" in out:
        assert out["from"] <= out["to"]
    assert all(len(n) < 300 for n in notices)


coord = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**6), 10**6),
    text,
    st.none(),
    st.lists(st.floats(-200, 200), max_size=3),
)


@FAST
@given(coord, coord)
def test_coordinates_raise_only_invalid_coordinate(lon, lat):
    try:
        r = measure.distance_to_border(lon, lat, "ne10m")
    except measure.InvalidCoordinate as e:
        assert str(e)
        return
    assert math.isfinite(r.distance_m) and r.distance_m >= 0
    assert r.country in (None, "PAK", "IRN", "AFG")


@FAST
@given(st.floats(-90, 90), st.floats(-180, 180))
@example(-90.0, 0.0)
@example(90.0, 0.0)
@example(-27.4, -117.7)  # near the border's antipode
@example(0.0, 180.0)
def test_distance_is_defined_everywhere_on_earth(lat, lon):
    r = measure.distance_to_border(lon, lat, "osm")
    assert 0 <= r.distance_m < 20_100_000  # at most half the Earth's circumference


yaml_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=12,
)


@SLOW
@given(
    st.sampled_from(["sources", "places", "events", "claims"]),
    st.integers(0, 2),
    st.text(min_size=1, max_size=20),
    yaml_value,
)
def test_loader_reports_any_broken_field_as_a_dataset_error(tmp_path_factory, stem, idx, field, value):
    records = copy.deepcopy(RECORDS)
    recs = records[stem]
    recs[idx % len(recs)][field] = value
    data, src = write_dataset(tmp_path_factory.mktemp("fuzz"), records)
    try:
        load_dataset(data, src, require_source_texts=True)
    except DatasetError as e:
        assert e.issues and all(i.file.endswith(".yaml") for i in e.issues)


@SLOW
@given(st.sampled_from(["sources", "places", "events", "claims"]), st.binary(max_size=300))
def test_loader_survives_arbitrary_file_bytes(tmp_path_factory, stem, content):
    data, src = write_dataset(tmp_path_factory.mktemp("fuzzbytes"))
    (data / f"{stem}.yaml").write_bytes(content)
    try:
        load_dataset(data, src)
    except DatasetError as e:
        assert e.issues


@SLOW
@given(yaml_value)
def test_loader_survives_arbitrary_yaml_documents(tmp_path_factory, doc):
    data, src = write_dataset(tmp_path_factory.mktemp("fuzzdoc"))
    (data / "claims.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    try:
        load_dataset(data, src)
    except DatasetError as e:
        assert e.issues


@FAST
@given(st.text(max_size=200))
@example("{{ lipsum.__globals__ }}{% if 1 %}{# x")
@example("${x}`\\</script>")
def test_escaped_text_survives_folium_unchanged_and_inert(text):
    """Any text through ``esc`` renders in a folium popup and tooltip without raising, reads back
    as itself in HTML, and leaves nothing Jinja2, HTML or a JS template literal would act on."""
    import html

    import folium

    from geo.render.escape import esc

    out = esc(text)
    assert html.unescape(out) == text
    assert not set(out) & set("<>{}`$\\\"'")
    m = folium.Map(tiles=None)
    folium.Marker((27, 62), popup=folium.Popup(out), tooltip=folium.Tooltip(out)).add_to(m)
    # Jinja2 normalises line endings to "\n"; nothing else may change.
    assert out.replace("\r\n", "\n").replace("\r", "\n") in m.get_root().render()
