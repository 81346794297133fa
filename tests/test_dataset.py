"""geo.core.dataset: the real data validates; broken files give one readable error each."""

from __future__ import annotations

import copy

import pytest

from geo.core.dataset import DatasetError, load_dataset
from geo.spatial import measure
from tests.fixtures import RECORDS, SOURCE_TEXT, write_dataset


def test_fixture_quotes_are_at_their_offsets():
    for c in RECORDS["claims"]:
        assert SOURCE_TEXT[c["quote_start"] : c["quote_end"]] == c["quote"]


def test_real_data_quotes_match_sources(need_sources):
    ds = load_dataset(require_source_texts=True)
    assert not ds.unchecked_sources
    for c in ds.claims.values():
        assert ds.source_text(c.source)[c.quote_start : c.quote_end] == c.quote, c.id


def test_real_data_cross_references(dataset):
    for c in dataset.claims.values():
        assert c.event in dataset.events and c.source in dataset.sources
    for e in dataset.events.values():
        assert e.place is None or e.place in dataset.places
    assert len(dataset.sources) == 5
    assert {c.source for c in dataset.claims.values()} == set(dataset.sources)


def test_real_data_coordinates_in_the_stated_country(dataset):
    for e in dataset.events.values():
        place = dataset.place_of(e)
        if place and place.country in ("PAK", "IRN"):
            assert measure.locate(place.lon, place.lat, "ne10m")[0] == place.country, e.id
        if place and e.type == "strike" and e.target_country in ("PAK", "IRN"):
            assert measure.locate(place.lon, place.lat, "osm")[0] == e.target_country, e.id


def test_the_two_strikes_have_their_key_claims(dataset):
    sv = {(c.kind, c.source) for c in dataset.claims_for("pakistan-strike-saravan")}
    pj = {(c.kind, c.source) for c in dataset.claims_for("iran-strike-panjgur")}
    assert {("killed", "s001"), ("killed", "s003"), ("depth", "s003")} <= sv
    assert {("killed", "s001"), ("injured", "s003"), ("depth", "s003"), ("location", "s004")} <= pj


def test_valid_fixture_loads(tmp_path):
    data, src = write_dataset(tmp_path)
    ds = load_dataset(data, src, require_source_texts=True)
    assert set(ds.claims) == {"k1", "k2", "d1"}


def _break(path, value):
    def apply(records):
        stem, idx, key = path
        if key is None:
            del records[stem][idx]
        else:
            records[stem][idx][key] = value
        return records

    return apply


def _dup(records):
    records["claims"].append(copy.deepcopy(records["claims"][0]))
    return records


def _drop_field(stem, idx, key):
    def apply(records):
        del records[stem][idx][key]
        return records

    return apply


# Each case: how to break the fixture, and the file, record and field the error must name.
BREAKAGES = {
    "latitude out of range": (_break(("places", 0, "lat"), 95), "places.yaml", "'sv'", "lat"),
    "longitude not a number": (_break(("places", 0, "lon"), "east"), "places.yaml", "'sv'", "lon"),
    "unknown source": (_break(("claims", 0, "source"), "nope"), "claims.yaml", "'k1'", "source"),
    "unknown event": (_break(("claims", 0, "event"), "nope"), "claims.yaml", "'k1'", "event"),
    "unknown place": (_break(("events", 0, "place"), "nowhere"), "events.yaml", "'ev'", "place"),
    "duplicate id": (_dup, "claims.yaml", "'k1'", "id"),
    "quote offsets shifted": (_break(("claims", 0, "quote_start"), 1), "claims.yaml", "'k1'", None),
    "quote not in source": (
        _break(("claims", 0, "quote"), "Officials said the strike killed many people near the town."),
        "claims.yaml",
        "'k1'",
        "quote",
    ),
    "missing claimant": (_drop_field("claims", 0, "claimant"), "claims.yaml", "'k1'", "claimant"),
    "unknown kind": (_break(("claims", 0, "kind"), "vibes"), "claims.yaml", "'k1'", "kind"),
    "negative count": (_break(("claims", 0, "value"), -9), "claims.yaml", "'k1'", None),
    "text for a count": (_break(("claims", 0, "value"), "nine"), "claims.yaml", "'k1'", None),
    "breakdown exceeds value": (
        _break(("claims", 1, "breakdown"), {"women": 30}),
        "claims.yaml",
        "'k2'",
        None,
    ),
    "bad time zone": (_break(("events", 0, "timezone"), "Mars/Olympus"), "events.yaml", "'ev'", "timezone"),
    "bad date": (_break(("events", 0, "date"), "2024-02-30"), "events.yaml", "'ev'", "date"),
    "place outside its country": (_break(("places", 0, "lon"), 66.0), "places.yaml", "'sv'", "lon/lat"),
    "unexpected field": (_break(("sources", 0, "publisher"), "x"), "sources.yaml", "'t1'", "publisher"),
    "revises an unknown claim": (_break(("claims", 0, "revises"), "nope"), "claims.yaml", "'k1'", "revises"),
    "revises itself": (_break(("claims", 0, "revises"), "k1"), "claims.yaml", "'k1'", "revises"),
}


def test_a_revision_must_share_claimant_event_and_kind(tmp_path):
    records = copy.deepcopy(RECORDS)
    later = {**records["claims"][0], "id": "k9", "value": 11.0, "revises": "k1"}
    records["claims"].append(later)
    data, src = write_dataset(tmp_path, records)
    ds = load_dataset(data, src)
    assert ds.claims["k9"].revises == "k1"
    records["claims"][-1] = {**later, "claimant": "someone else"}
    data, src = write_dataset(tmp_path / "b", records)
    with pytest.raises(DatasetError) as exc:
        load_dataset(data, src)
    [issue] = exc.value.issues
    assert (issue.record, issue.field) == ("'k9'", "revises") and "claimant" in issue.message


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_each_breakage_gives_one_readable_error(tmp_path, name):
    mutate, file, record, field = BREAKAGES[name]
    records = mutate(copy.deepcopy(RECORDS))
    data, src = write_dataset(tmp_path, records)
    with pytest.raises(DatasetError) as exc:
        load_dataset(data, src, require_source_texts=True)
    issues = exc.value.issues
    assert len(issues) == 1, [str(i) for i in issues]
    issue = issues[0]
    assert issue.file == file and issue.record == record
    if field is not None:
        assert issue.field == field
    assert file in str(exc.value) and record in str(exc.value)


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"- id: [unclosed\n", "not valid YAML at line"),
        (b"\xff\xfe not utf-8 \xff", "not UTF-8"),
        (b"just: a mapping\n", "expected a list of records"),
        (b"- 42\n", "expected a mapping"),
        (b"", "holds no records"),
        (b"# nothing but a comment\n", "holds no records"),
        (b"[]\n", "holds no records"),
        (b"- " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested more than"),
        (b"".join(b"  " * i + b"- \n" for i in range(200)), "nested more than"),
        (b"- id: a\n  name: x\n  id: b\n", "line 3: duplicate key 'id' (first at line 1)"),
        (b"- &a {id: a}\n- *a\n", "anchors and aliases"),
        (b"- {[1, 2]: x}\n", "a key must be plain text"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path, content, needle):
    data, src = write_dataset(tmp_path)
    (data / "places.yaml").write_bytes(content)
    with pytest.raises(DatasetError) as exc:
        load_dataset(data, src)
    assert any(i.file == "places.yaml" and needle in i.message for i in exc.value.issues), str(exc.value)


def test_missing_file_is_named(tmp_path):
    data, src = write_dataset(tmp_path)
    (data / "events.yaml").unlink()
    with pytest.raises(DatasetError, match="events.yaml: file not found"):
        load_dataset(data, src)


def test_missing_source_text_is_unchecked_unless_required(tmp_path):
    data, src = write_dataset(tmp_path)
    (src / "t1.txt").unlink()
    assert load_dataset(data, src).unchecked_sources == {"t1"}
    with pytest.raises(DatasetError, match="source text unreadable"):
        load_dataset(data, src, require_source_texts=True)


def test_two_sentence_quote_rejected(tmp_path):
    records = copy.deepcopy(RECORDS)
    whole = SOURCE_TEXT[:156]
    records["claims"][0].update(quote=whole, quote_start=0, quote_end=156)
    data, src = write_dataset(tmp_path, records)
    with pytest.raises(DatasetError, match="at most one sentence"):
        load_dataset(data, src)


@pytest.mark.parametrize(
    "sentence",
    [
        "If the strikes had gone deeper inland, air defences would likely have fired.",
        "Had the strike hit the town, nine people would have died.",
        "Officials said the strike could have killed nine people near the town.",
    ],
)
def test_a_conditional_or_counterfactual_quote_is_not_a_claim(tmp_path, sentence):
    """The slip in s000 ("If their strikes took place deeper inland ..."): named file, record, field."""
    records = copy.deepcopy(RECORDS)
    start = len(SOURCE_TEXT)
    records["claims"][0].update(quote=sentence, quote_start=start, quote_end=start + len(sentence))
    data, src = write_dataset(tmp_path, records, SOURCE_TEXT + sentence)
    with pytest.raises(DatasetError) as exc:
        load_dataset(data, src)
    [issue] = exc.value.issues
    assert (issue.file, issue.record, issue.field) == ("claims.yaml", "'k1'", "quote")
    assert "condition or counterfactual" in issue.message


def test_curated_location_claims_state_where(dataset):
    """Every location claim quotes a statement, and names a region or a distance the findings can check."""
    from geo.core.compare import DESCRIPTOR_DEPTH_KM, REGIONS
    from geo.core.sentences import conditional

    checked = set(DESCRIPTOR_DEPTH_KM) | set(REGIONS)
    for c in dataset.claims.values():
        if c.kind != "location":
            continue
        assert conditional(c.quote) is None, c.id
        place = dataset.place_of(dataset.events[c.event])
        if place is not None and place.admin1 in ("Balochistan", "Sistan and Baluchestan"):
            assert c.value in checked, f"{c.id}: {c.value!r} cannot be checked against geometry"
    assert "c-pj-location-000" not in dataset.claims
    assert dataset.claims["c-sv-location-000"].value == "shared balochistan subregion"


def test_an_oversized_data_file_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    from geo.core import yamlfile

    monkeypatch.setattr(yamlfile, "MAX_BYTES", 1_000)
    data, src = write_dataset(tmp_path)
    (data / "claims.yaml").write_text("# padding\n" * 200, encoding="utf-8")
    with pytest.raises(DatasetError, match="claims.yaml: file is larger than 1,000 bytes"):
        load_dataset(data, src)


def test_a_history_neither_loops_nor_forks(tmp_path):
    records = copy.deepcopy(RECORDS)
    first = records["claims"][0]
    records["claims"] += [
        {**first, "id": "k8", "value": 10.0, "revises": "k9"},
        {**first, "id": "k9", "value": 11.0, "revises": "k8"},
    ]
    data, src = write_dataset(tmp_path, records)
    with pytest.raises(DatasetError) as exc:
        load_dataset(data, src)
    assert {(i.record, i.field) for i in exc.value.issues} == {("'k8'", "revises"), ("'k9'", "revises")}
    assert all("cannot loop" in i.message for i in exc.value.issues)
    records = copy.deepcopy(RECORDS)
    records["claims"] += [
        {**first, "id": "k8", "value": 10.0, "revises": "k1"},
        {**first, "id": "k9", "value": 11.0, "revises": "k1"},
    ]
    data, src = write_dataset(tmp_path / "fork", records)
    with pytest.raises(DatasetError) as exc:
        load_dataset(data, src)
    assert any("'k1' is already revised by" in i.message for i in exc.value.issues)
