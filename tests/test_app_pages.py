"""Streamlit AppTest for each page: runs clean, follows the sidebar, handles bad input readably."""

from __future__ import annotations

import copy
import datetime as dt
import html
import json
import re
from unittest import mock

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import ARTICLE, run_app
from tests.fixtures import RECORDS, write_dataset

PAGES = ["map", "claims", "sources", "timeline", "methodology", "add_source", "review", "team"]


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("page", PAGES)
def test_each_page_runs_without_exceptions(page):
    at = run_app(page)
    assert_clean(at)
    assert at.title, "page has a title"
    assert len(at.sidebar.checkbox) == 5  # one toggle per source, shared by every page


def test_simulated_map_click_yields_a_distance():
    click = {"last_clicked": {"lat": 27.371, "lng": 62.331}}
    with mock.patch("geo.web.map_component.show_map", return_value=click):
        at = run_app("map")
    assert_clean(at)
    msg = at.success[0].value
    km = float(re.search(r"([\d.]+) km", msg).group(1))
    assert 35 < km < 50 and "IRN" in msg and "Sistan and Baluchestan" in msg
    assert at.dataframe[0].value.iloc[-1]["country"] == "IRN"


def test_a_marker_click_and_the_map_view_reach_the_url():
    tip = "Pakistan's strike near Saravan, Sistan and Baluchestan · 18 Jan 2024"  # the marker's tooltip
    value = {"last_object_clicked_tooltip": tip, "zoom": 9, "center": {"lat": 27.41234, "lng": 62.3}}
    with mock.patch("geo.web.map_component.show_map", return_value=value):
        at = run_app("map")
    assert_clean(at)
    assert at.query_params["event"] == "pakistan-strike-saravan"
    assert at.query_params["zoom"] == "9" and at.query_params["center"] == "27.4123,62.3000"
    assert not at.success  # opening a popup measures nothing


def test_a_link_with_a_view_opens_the_map_there():
    with mock.patch("geo.web.map_component.show_map", return_value=None) as show:
        run_app("map", params={"zoom": "9", "center": "27.4,62.3", "event": "iran-strike-panjgur"})
    kwargs = show.call_args.kwargs
    assert kwargs["zoom"] == 9 and kwargs["center"] == (27.4, 62.3)
    assert '"open":"iran-strike-panjgur"' in kwargs["layers"]


@pytest.mark.parametrize("bad", ["zoom=99&center=27,62", "zoom=8", "zoom=8&center=100,62", "center=x,y&zoom=8"])
def test_bad_view_parameters_are_ignored_with_a_notice(bad):
    params = dict(p.split("=") for p in bad.split("&"))
    with mock.patch("geo.web.map_component.show_map", return_value=None) as show:
        at = run_app("map", params=params)
    assert_clean(at)
    assert any("ignored" in w.value for w in at.sidebar.warning)
    assert show.call_args.kwargs["zoom"] is None


@pytest.mark.parametrize("linked", ["../../etc/passwd", "s999"])
def test_an_unknown_linked_source_says_so(linked):
    at = run_app("sources", params={"source": linked})
    assert_clean(at)
    assert any("is not in the data" in w.value for w in at.warning)


def test_timeline_lists_no_geography():
    at = run_app("timeline")
    assert_clean(at)
    shown = at.dataframe[0].value
    assert len(shown) > 0 and "geography" not in set(shown["type"])
    assert "The Iran–Pakistan border" not in set(shown["event"])


def test_sidebar_selection_changes_the_tables():
    at = run_app("timeline")
    before = len(at.dataframe[0].value)
    for box in at.sidebar.checkbox:
        if not box.label.startswith("s001"):
            box.uncheck()
    at.run()
    assert_clean(at)
    after = at.dataframe[0].value
    assert 0 < len(after) < before
    assert set(after["sources"]) == {"s001"}


def claimant_rows(at) -> set[str]:
    """The full claimant names heading the comparison table's rows."""
    return {html.unescape(t) for t in re.findall(r'<th scope="row" title="([^"]*)"', at.html[0].value)}


def test_lens_changes_the_claims_matrix():
    at = run_app("claims")
    rows_all = claimant_rows(at)
    at.sidebar.radio[0].set_value("iran_official")
    at.run()
    assert_clean(at)
    rows_iran = claimant_rows(at)
    assert rows_iran and rows_iran < rows_all
    assert all("Iran" in r for r in rows_iran)


def test_comparison_shows_every_value_in_full_and_flags_only_material_ones():
    """Saravan: every claim's full value text is in its cell; only material findings mark a cell."""
    from geo.core.dataset import load_dataset
    from geo.core.findings import find_discrepancies

    at = run_app("claims")
    assert_clean(at)
    page = at.html[0].value
    ds = load_dataset()
    mine = [c for c in ds.claims.values() if c.event == "pakistan-strike-saravan"]
    material = {cid for f in find_discrepancies(ds) if f.material for cid in f.claims}
    for c in mine:
        cell = re.search(rf'<span class="ca-v( ca-mat)?" data-claim="{re.escape(c.id)}"[^>]*>(.*?)</span>', page)
        assert cell, c.id
        assert html.unescape(cell.group(2)).startswith(c.value_label()), c.id
        assert bool(cell.group(1)) is (c.id in material), c.id
    assert any(c.id in material for c in mine) and not all(c.id in material for c in mine)
    assert any(m.value.startswith("**⚠ 1 ·") for m in at.markdown)


@pytest.fixture
def fixture_data(tmp_path, monkeypatch):
    records = copy.deepcopy(RECORDS)
    records["claims"][0].update(value=4, qualifier="at least")  # Officials: at least 4; the other: 9
    data, src = write_dataset(tmp_path, records)
    monkeypatch.setenv("CLAIMS_ATLAS_DATA", str(data))
    monkeypatch.setenv("CLAIMS_ATLAS_SOURCES", str(src))


def test_headline_rule_changes_the_summary(fixture_data):
    at = run_app("claims")
    assert_clean(at)

    def headline():
        return at.table[0].value.iloc[0]["headline"]

    assert headline() == "at least 4"
    at.radio(key="ca_rule").set_value("range").run()
    assert headline() == "4–9"
    at.radio(key="ca_rule").set_value("each").run()
    assert "Officials [t1]: at least 4" in headline() and "Another account [t1]: 9" in headline()
    assert any("Headline rule in use: Each claimant separately" in c.value for c in at.caption)


def test_bad_url_parameters_are_ignored_with_a_notice():
    at = run_app("map", {"lens": "<script>", "from": "yesterday", "sources": "s001,nope", "zoom": "9"})
    assert_clean(at)
    warning = at.sidebar.warning[0].value
    assert "lens" in warning and "from" in warning and "unknown source" in warning and "zoom" in warning
    assert [b.value for b in at.sidebar.checkbox] == [False, True, False, False, False]


def test_url_parameters_restore_the_view():
    at = run_app("timeline", {"sources": "s003", "lens": "pakistan_official", "from": "2024-01-01", "to": "2024-01-31"})
    assert_clean(at)
    assert at.sidebar.radio[0].value == "pakistan_official"
    assert set(at.dataframe[0].value["sources"]) == {"s003"}


def test_broken_data_shows_a_readable_error(tmp_path, monkeypatch):
    records = copy.deepcopy(RECORDS)
    records["places"][0]["lat"] = 95
    data, src = write_dataset(tmp_path, records)
    monkeypatch.setenv("CLAIMS_ATLAS_DATA", str(data))
    monkeypatch.setenv("CLAIMS_ATLAS_SOURCES", str(src))
    at = run_app()
    assert not at.exception
    shown = at.error[0].value.replace("\\", "")  # the message is Markdown-escaped
    assert "places.yaml, record 'sv', field 'lat'" in shown


def test_half_chosen_date_range_keeps_the_last_complete_one():
    at = run_app("timeline")
    rows = len(at.dataframe[0].value)
    at.sidebar.date_input[0].set_value((dt.date(2024, 1, 10),)).run()  # only the start picked so far
    assert_clean(at)
    assert len(at.dataframe[0].value) == rows
    at.sidebar.date_input[0].set_value((dt.date(2024, 1, 10), dt.date(2024, 1, 20))).run()
    assert_clean(at)
    assert 0 < len(at.dataframe[0].value) < rows


def review(at) -> list[dict]:
    """Each candidate's review widgets, by what they are for ("keep", "value", "event", ...)."""
    out: dict[str, dict] = {}
    for w in [*at.checkbox, *at.text_input, *at.selectbox]:
        m = re.fullmatch(r"ca_u-[0-9a-f]{10}_(\d+)_(\w+)", w.key or "")
        if m:
            out.setdefault(m.group(1), {})[m.group(2)] = w
    return [out[n] for n in sorted(out, key=int)]


def test_add_a_source_end_to_end(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    assert_clean(at)
    at.text_area(key="ca_add_text").input(ARTICLE).run()
    assert_clean(at)
    cands = review(at)
    kept = [c for c in cands if c["keep"].value]
    assert {("Depth", "40"), ("Killed", "7")} <= {
        (c["keep"].label.split(": ")[1].capitalize(), c["value"].value) for c in kept
    }
    assert {c["event"].value for c in kept} == {"pakistan-strike-saravan"}
    # The dateline's date is offered as the source's ("ISLAMABAD, Jan 18 (Test Wire)")
    assert next(d for d in at.date_input if d.label.startswith("Date (leave")).value == dt.date(2024, 1, 18)
    # The suggested event comes first, with its title and date, and the reason beside it.
    assert kept[0]["event"].options[0] == "2024-01-18 · Pakistan's strike near Saravan, Sistan and Baluchestan"
    assert any(re.match(r"Suggested first \((high|medium|low) confidence\)", cap.value) for cap in at.caption)
    # and each figure's claimant type says how sure it is
    sure = [cap.value for cap in at.caption if re.match(r"Claimant \((high|medium|low) confidence\): ", cap.value)]
    assert len(sure) >= len(kept), sure
    # A quote is visible beside each candidate.
    assert sum(m.value.startswith("> ") for m in at.markdown) == len(cands)
    # The figures come first; what else it names (kept only if ticked) is folded under them.
    [others] = [e for e in at.expander if e.label.startswith("Places, dates, weapons and groups it names")]
    folded = {w.key for w in others.checkbox}
    assert folded and all(not at.checkbox(key=k).value for k in folded)
    assert all(c["keep"].key not in folded for c in kept)
    # Unkeep one: a form, so nothing reruns until the save.
    kept[-1]["keep"].uncheck()
    next(t for t in at.text_area if t.label.startswith("Its line of argument")).input("A test wire report.")
    save = next(b for b in at.button if b.label.startswith("Save this source"))
    save.click().run()
    assert_clean(at)
    assert any(f"with {len(kept) - 1} claims" in s.value for s in at.success), [e.value for e in at.error]
    assert len(at.sidebar.checkbox) == 6  # the new source is a layer everywhere
    assert at.text_area(key="ca_add_text").value in ("", None) and not review(at)  # the form is empty again
    # The same article pasted again: said at once, before a review whose save would be refused
    at.text_area(key="ca_add_text").input(ARTICLE).run()
    assert_clean(at)
    assert not review(at) and any("is already in the atlas as source" in i.value for i in at.info)


@pytest.mark.parametrize(
    "text,message",
    [
        ("  \n\t ", "only spaces or line breaks"),
        ("\x00\x01binary", "binary"),
        ("x" * 1_100_000, "1.1 MB and the limit is 1 MB"),
    ],
)
def test_add_a_source_rejects_bad_input(tmp_path, monkeypatch, text, message):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(text).run()
    assert_clean(at)
    shown = [e.value for e in at.error] + [w.value for w in at.warning]
    assert any(message in m.replace("\\", "") for m in shown), shown
    assert at.text_area(key="ca_add_text").value == text  # the box keeps what was pasted
    assert not (tmp_path / "user.db").exists() or len(at.sidebar.checkbox) == 5


def test_create_events_in_the_form_bounded_per_session(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(ARTICLE).run()

    def create(title: str) -> AppTest:
        next(t for t in at.text_input if t.label == "Event title").input(title)
        next(d for d in at.date_input if d.label == "Date").set_value(dt.date(2024, 1, 20))
        next(t for t in at.text_input if t.label.startswith("Actor")).input("PAK")
        return next(b for b in at.button if b.label == "Create the event").click().run()

    create("Drone strike near Jalq")
    assert_clean(at)
    assert any("Created" in s.value for s in at.success), [e.value for e in at.error]
    for i in range(19):
        create(f"Follow-up strike {i}")
    assert len(at.session_state["ca_new_events"]) == 20
    create("One too many")
    assert_clean(at)
    assert any("at most 20 new events" in e.value for e in at.error), [e.value for e in at.error]
    assert len(at.session_state["ca_new_events"]) == 20


def test_a_collection_of_articles_is_refused_before_the_review(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    many = " ".join(f"Officials said {n} people were killed near Saravan on January 18." for n in range(2, 200))
    at.text_area(key="ca_add_text").input(many).run()
    assert_clean(at)
    assert any("a review holds at most 150" in e.value for e in at.error), [e.value for e in at.error]
    assert not review(at)


def test_sources_page_flags_only_material_disagreements():
    """s002's "11 Iranian police officers" differs in wording from s001's "security officers": listed, not ⚠."""
    at = run_app("sources", params={"source": "s002"})
    assert_clean(at)
    heads = [m.value for m in at.markdown if "Attack on a police station in Rask" in m.value and "killed" in m.value]
    assert heads and not any("⚠" in h for h in heads)
    assert any("differ · victims" in c.value and "compatible" in c.value for c in at.caption)
    at = run_app("sources", params={"source": "s003"})
    assert any("about 90 km" in m.value and "⚠ disagrees" in m.value for m in at.markdown)


def test_the_article_is_extracted_once_not_on_every_rerun(tmp_path, monkeypatch):
    from geo.extract import Extractor

    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    text = ARTICLE.replace("seven people", "eight people") + f" (test {tmp_path.name})"
    calls = []
    real = Extractor.extract
    monkeypatch.setattr(
        Extractor,
        "extract",
        lambda self, t, published=None, outlet=None: calls.append(t) or real(self, t, published, outlet),
    )
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(text).run()
    assert_clean(at)
    at.run()
    next(t for t in at.text_input if t.label == "Event title").input("A rerun").run()
    assert review(at) and calls.count(text) == 1, len(calls)


def test_an_increment_to_a_toll_is_offered_unticked(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    text = ARTICLE + "On Friday two more bodies were found under the rubble, officials said.\n"
    at.text_area(key="ca_add_text").input(text).run()
    assert_clean(at)
    by_value = {c["value"].value: c["keep"].value for c in review(at) if "keep" in c and "value" in c}
    assert by_value.get("7") is True and by_value.get("2") is False, by_value
    assert any("an increase to an earlier toll" in cap.value for cap in at.caption)


REVISED = (
    "TEHRAN, Jan. 18 (Wire) - Pakistani drones struck a village near Saravan early on Thursday. "
    "Iranian officials said seven people were killed.\n\n"
    "Later, Iranian officials said the toll rose to nine."
)


def test_review_shows_a_revision_and_saves_its_link(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(REVISED).run()
    assert_clean(at)
    captions = [c.value for c in at.caption]
    assert any(re.match(r"Proposed as a revision of claim \d+ \(7 → 9\)", c) for c in captions), captions
    assert any("confidence" in c and "strike near Saravan" in c for c in captions)
    cards = review(at)
    killed = [c for c in cards if c["keep"].label.endswith("killed")]
    assert [c["claimant"].value for c in killed] == ["Iranian officials", "Iranian officials"]
    next(t for t in at.text_area if t.label.startswith("Its line of argument")).input("Tolls that change.")
    next(b for b in at.button if b.label.startswith("Save this source")).click().run()
    assert_clean(at)
    assert at.success, [e.value for e in at.error]
    from geo.store import Store

    records, _ = Store(tmp_path / "user.db").records()
    claims = {c["id"]: c for c in records["claims"]}
    [new] = [c for c in claims.values() if c["value"] == 9 and c["kind"] == "killed"]
    assert claims[new["revises"]]["value"] == 7


def test_an_html_page_fills_the_source_fields(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    page = (
        "<html><head><meta property='og:title' content='Strike near Saravan'>"
        "<meta property='article:published_time' content='2024-01-18T09:00:00Z'>"
        "<meta property='og:site_name' content='Example Daily'></head><body><nav>Home | World | 5 killed in Kabul</nav>"
        "<article><p>Iranian officials said nine people were killed when Pakistani drones struck a village near "
        "Saravan early on Thursday, in what Islamabad called a strike on militant hideouts.</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(page).run()
    assert_clean(at)
    assert any("The page gives its" in i.value for i in at.info)
    title = next(t for t in at.text_input if t.label == "Title")
    assert title.value == "Strike near Saravan"
    assert next(t for t in at.text_input if t.label == "Outlet").value == "Example Daily"
    values = {c["value"].value for c in review(at)}
    assert "9" in values and "5" not in values  # the menu's "5 killed" is not the article's


UPDATE = (
    "TEHRAN, Feb. 3 (Wire) - The toll of last month's Pakistani strike near Saravan rose again: "
    "Iran said eleven people had been killed."
)


def test_an_added_article_revises_an_atlas_figure_and_the_claims_page_shows_the_history(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(UPDATE).run()
    assert_clean(at)
    [card] = [c for c in review(at) if c["keep"].label.endswith("killed")]
    # Stated as an update ("rose again") by Iran: Iran's standing figure for the event is preselected
    assert card["revises_atlas"].value == "c-sv-killed-003"
    assert any(
        c.value.startswith("Stated as an update") and "c-sv-killed-003" in c.value.replace("\\", "") for c in at.caption
    )
    offered = card["revises_atlas"].options
    assert "saravan" in offered[1] and any("c-pj-killed" in o for o in offered)  # this event's first, then all
    next(t for t in at.text_area if t.label.startswith("Its line of argument")).input("A later toll.")
    next(b for b in at.button if b.label.startswith("Save this source")).click().run()
    assert_clean(at)
    assert at.success, [e.value for e in at.error]
    at = run_app("claims")
    assert_clean(at)
    caption = next(c.value for c in at.caption if c.value.startswith("Headline rule in use")).replace("\\", "")
    assert "Each claimant's latest figure counts; revised earlier figures are left out" in caption
    assert "9 people (women 3, men 2, children 4) → 11 people" in caption
    history = [c.value.replace("\\", "") for c in at.caption if c.value.startswith("Toll history")]
    assert any(h.startswith("Toll history: superseded by the claimant's later figure: 9 people") for h in history)
    assert any("revised figure, the claimant's latest" in h and "11 people" in h for h in history), history


def test_a_figure_not_stated_as_an_update_revises_nothing_unless_the_reader_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    text = "TEHRAN, Feb. 3 (Wire) - Iran said eleven people had been killed in the Pakistani strike near Saravan."
    at.text_area(key="ca_add_text").input(text).run()
    assert_clean(at)
    [card] = [c for c in review(at) if c["keep"].label.endswith("killed")]
    assert card["revises_atlas"].value is None  # a figure of its own
    assert not any(c.value.startswith("Stated as an update") for c in at.caption)


def test_a_linked_depth_claim_shows_where_the_strike_must_lie():
    at = run_app("claims")
    at.query_params["claim"] = "c-pj-depth-003"
    at.run()
    assert_clean(at)
    said = [m.value for m in at.markdown if "Where the strike must lie" in m.value]
    assert said and "feasible region" in said[0] and "partly" in said[0]
    assert at.get("vega_lite_chart"), "the region is drawn"
    at.query_params["claim"] = "c-sv-killed-003"  # not a depth: no region
    at.run()
    assert not [m for m in at.markdown if "Where the strike must lie" in m.value]


def test_the_claimant_split_draws_one_map_per_group_whatever_the_lens():
    at = run_app("map")
    at.session_state["ca_lens"] = "iran_official"  # the split is the lens three times: it ignores this one
    at.toggle(key="ca_split").set_value(True).run()
    assert_clean(at)
    said = [m.value for m in at.markdown if "claims about" in m.value]
    assert [s.split(":")[0] for s in said] == ["**Iranian official**", "**Pakistani official**", "**Others**"]
    assert all(not s.endswith(": 0 claims about 0 events") for s in said), said


def test_the_casualty_bars_are_not_stacked_a_revision_overlaps_its_earlier_figure():
    at = run_app("claims")
    assert_clean(at)
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    bars = [layer for spec in specs for layer in spec.get("layer", []) if layer["mark"]["type"] == "bar"]
    assert bars and all(layer["encoding"]["x"].get("stack", "unset") is None for layer in bars)


MISSED = (
    "QUETTA, Jan 18 (Test Wire) - Pakistani jets struck hideouts near Saravan, about 40 km inside Iran, on "
    "January 18. Iranian officials said seven people were killed.\n\nIn the village the elder spoke of eleven\n"
    "fresh graves dug before noon."
)


def test_a_reviewer_corrects_a_figure_s_kind_and_adds_a_claim_the_extractor_missed(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(MISSED).run()
    assert_clean(at)
    cards = review(at)
    assert "11" not in {c["value"].value for c in cards}  # missed: the reviewer adds it
    [seven] = [c for c in cards if c["value"].value == "7"]
    seven["kind"].select("casualties")  # the reviewer reads it otherwise
    slot = {
        w.key.rsplit("_", 1)[1]: w for w in [*at.text_area, *at.text_input, *at.selectbox] if "_add1_" in (w.key or "")
    }
    # pasted with the line break in another place and quote marks around it
    slot["quote"].input('"the elder spoke\nof eleven fresh graves dug before noon."')
    slot["value"].input("11")
    slot["ctype"].select("unattributed")
    slot["claimant"].input("a village elder")
    slot["event"].select("pakistan-strike-saravan")
    # a second slot whose sentence is not the article's: refused, nothing saved
    at.text_area(key=next(w.key for w in at.text_area if "_add2_quote" in (w.key or ""))).input("Twelve graves.")
    next(t for t in at.text_area if t.label.startswith("Its line of argument")).input("A wire report.")
    next(b for b in at.button if b.label.startswith("Save this source")).click().run()
    assert_clean(at)
    assert any(
        "added claim 2 (killed): its quote is not in the article" in e.value.replace("\\", "") for e in at.error
    ), [e.value for e in at.error]
    assert not at.success
    at.text_area(key=next(w.key for w in at.text_area if "_add2_quote" in (w.key or ""))).input("")
    next(b for b in at.button if b.label.startswith("Save this source")).click().run()
    assert_clean(at)
    assert at.success, [e.value for e in at.error]
    from geo.store import Store

    records, _ = Store(tmp_path / "user.db").records()
    mine = {(c["kind"], c["value"]): c for c in records["claims"] if c["source"].startswith("u-")}
    assert ("casualties", 7) in mine and ("killed", 7) not in mine
    graves = mine[("killed", 11)]
    assert graves["quote"] == "the elder spoke of eleven\nfresh graves dug before noon."
    assert MISSED[graves["quote_start"] : graves["quote_end"]] == graves["quote"]
    assert (graves["claimant"], graves["claimant_type"], graves["event"]) == (
        "a village elder",
        "unattributed",
        "pakistan-strike-saravan",
    )


def test_an_article_pasted_again_with_a_line_changed_is_flagged_before_its_review(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input(ARTICLE).run()
    assert not any("already in the atlas" in w.value for w in at.warning)  # a new article: no warning
    next(t for t in at.text_area if t.label.startswith("Its line of argument")).input("A test wire report.")
    next(b for b in at.button if b.label.startswith("Save this source")).click().run()
    assert at.success, [e.value for e in at.error]
    at.text_area(key="ca_add_text").input(ARTICLE + "Updated at noon with a correction.\n").run()
    assert_clean(at)
    warned = [w.value.replace("\\", "") for w in at.warning if "already in the atlas as source u" in w.value]
    assert warned and "cited twice" in warned[0], [w.value for w in at.warning]
    assert review(at)  # a warning, not a refusal: another outlet's copy may be worth keeping


def test_a_model_s_claimant_shows_on_the_card_with_the_rules_reading(tmp_path, monkeypatch):
    """Where the learned claimant model overrides the rules, the review card says so, with its
    probability and what the rules read; the claimant type picker starts on the model's type."""
    from dataclasses import replace

    from geo.extract.learned import Learned

    def retyped(self, cands, text):
        why = "a model trained on 3 annotated articles reads it as media (its probability: 97%); the rules read …"
        return [
            replace(c, claimant_type="media", claimant="a media outlet (unnamed)", claimant_reason=why)
            if c.kind == "killed"
            else c
            for c in cands
        ]

    monkeypatch.setattr(Learned, "apply", retyped)
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_app("add_source")
    at.text_area(key="ca_add_text").input("Eleven people were killed near Saravan on 18 January 2024.").run()
    assert_clean(at)
    [card] = [c for c in review(at) if c["keep"].label.endswith("killed")]
    assert card["ctype"].value == "media" and card["claimant"].value == "a media outlet (unnamed)"
    shown = [c.value.replace("\\", "") for c in at.caption]
    said = "Claimant: a model trained on 3 annotated articles reads it as media (its probability: 97%)"
    assert any(c.startswith(said) for c in shown), shown
