"""Who a session is (geo.web.identity) and what each role is offered, page by page (AppTest).

The store refuses what a role may not do (tests/test_users.py); these tests check the pages
offer no more than that, and say who the user is.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest

from geo.store import Store, notes
from geo.web.identity import SECRET_HEADER, USER_HEADER, Identity, from_headers
from tests.apptest import run_app
from tests.store_writer import build

SECRET = "s3cret-shared-with-nginx"


@pytest.mark.parametrize(
    ("headers", "secret", "expected"),
    [
        ({}, None, Identity("local", "local")),
        ({USER_HEADER: "ada"}, None, Identity("local", "local")),  # no proxy: the header means nothing
        ({USER_HEADER: "ada", SECRET_HEADER: SECRET}, SECRET, Identity("ada", "proxy")),
        ({USER_HEADER: "ada"}, SECRET, Identity(None, "none")),  # forged: a browser at a replica's port
        ({USER_HEADER: "ada", SECRET_HEADER: "guess"}, SECRET, Identity(None, "none")),
        ({USER_HEADER: "", SECRET_HEADER: SECRET}, SECRET, Identity(None, "none")),  # nginx, no sign-in
        ({}, SECRET, Identity(None, "none")),
    ],
)
def test_the_user_header_is_believed_only_beside_the_proxy_secret(headers, secret, expected):
    assert from_headers(headers, secret) == expected


@pytest.fixture
def team_store(tmp_path, monkeypatch):
    db = tmp_path / "team.db"
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(db))
    Store(db).set_role("ada", "admin")
    admin = Store(db, user="ada")
    admin.set_role("ed", "editor")
    admin.set_role("rea", "reader")
    return db


def run_as(identity: Identity, page: str | None = None):
    """The app as this user; on the map a second run, as the map's first report causes (the
    sidebar follows the map: geo.web.explorer.map_first)."""
    with mock.patch("geo.web.identity.current", return_value=identity):
        at = run_app(page)
        if page is None:
            at.run()
        return at


def shown(markdown: str) -> str:
    """Markdown as read on screen: the escaper's backslashes gone."""
    return re.sub(r"\\(.)", r"\1", markdown)


def offered(at) -> set[str]:
    """The pages the navigation offers (AppTest knows the registered ones)."""
    try:
        at.switch_page("app_pages/add_source.py")
        add = True
    except ValueError:
        add = False
    try:
        at.switch_page("app_pages/team.py")
        team = True
    except ValueError:
        team = False
    return {name for name, ok in (("add", add), ("team", team)) if ok}


@pytest.mark.parametrize(
    ("who", "pages", "says"),
    [
        (Identity("rea", "proxy"), set(), "Signed in as rea (reader)."),
        (Identity("stranger", "proxy"), set(), "Signed in as stranger (reader)."),  # known to nginx, not to the store
        (Identity(None, "none"), set(), "Not signed in"),
        (Identity("ed", "proxy"), {"add"}, "Signed in as ed (editor)."),
        (Identity("ada", "proxy"), {"add", "team"}, "Signed in as ada (admin)."),
    ],
)
def test_each_role_is_offered_only_what_it_may_do_and_told_who_it_is(team_store, who, pages, says):
    at = run_as(who)
    assert not at.exception
    assert any(says in shown(c.value) for c in at.sidebar.caption), [c.value for c in at.sidebar.caption]
    assert offered(at) == pages


def test_the_local_user_of_make_run_is_the_admin_and_is_told_so(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(tmp_path / "user.db"))
    at = run_as(Identity("local", "local"))
    assert any("Local user (admin)" in shown(c.value) for c in at.sidebar.caption)
    assert offered(at) == {"add", "team"}


def test_an_admin_adds_a_user_on_the_team_page_and_the_change_is_logged(team_store):
    with mock.patch("geo.web.identity.current", return_value=Identity("ada", "proxy")):
        at = run_app("team")
        assert not at.exception
        at.text_input(key="ca_team_name").input("bea")
        at.selectbox(key="ca_team_role").select("reviewer")
        at.text_input(key="ca_team_reason").input("second reviewer for the desk")
        at.button[0].click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert ("bea", "reviewer") in [(n, r) for n, r, _ in Store(team_store).users()]
    row = Store(team_store).changes(entity="user", entity_id="bea")[0]
    assert (row["who"], row["new"], row["reason"]) == ("ada", "reviewer", "second reviewer for the desk")


def test_an_editor_s_save_is_logged_under_their_name(team_store):
    Store(team_store, user="ed").save_source(*build("u1", 1))
    assert Store(team_store).changes(entity="source")[0]["who"] == "ed"


def test_a_reviewer_publishes_an_editor_s_source_on_the_review_page(team_store):
    Store(team_store, user="ada").set_role("rev", "reviewer")
    Store(team_store, user="ed").save_source(*build("u1", 2))
    # The author is offered no Publish button for their own source.
    at = run_as(Identity("ed", "proxy"), "review")
    assert not at.exception and not [b for b in at.button if b.label == "Publish"]
    at = run_as(Identity("rev", "proxy"), "review")
    with mock.patch("geo.web.identity.current", return_value=Identity("rev", "proxy")):
        at.text_input(key="ca_reason_u1_1").input("quotes checked against the article")
        next(b for b in at.button if b.label == "Publish").click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    state = next(r for r in Store(team_store).review_state() if r["id"] == "u1")
    assert (state["status"], state["published_by"]) == ("published", "rev")
    assert any("Published: u1." in shown(s.value) for s in at.success)


def test_a_reviewer_grades_a_figure_on_the_review_page_beside_what_the_atlas_computed(team_store):
    Store(team_store, user="ada").set_role("rev", "reviewer")
    Store(team_store, user="ed").save_source(*build("u1", 1))
    with mock.patch("geo.web.identity.current", return_value=Identity("rev", "proxy")):
        at = run_app("review")
        assert not at.exception, [e.value for e in at.exception]
        captions = " ".join(shown(c.value) for c in at.caption)
        assert "grade: not graded" in captions.replace("*", "") and "independent claimant" in captions
        assert at.selectbox(key="ca_grade_u1-c0").value is None  # no grade offered by default
        at.selectbox(key="ca_grade_u1-c0").select("single")
        at.text_input(key="ca_grade_why_u1-c0").input("only the officials give it")
        at.button(key="ca_grade_go_u1-c0").click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert Store(team_store).grades()["u1-c0"]["grade"] == "single"
    assert any("Graded u1-c0 single" in shown(s.value) for s in at.success)


def test_the_headline_can_be_limited_to_graded_figures_and_says_so(tmp_path, monkeypatch):
    db = tmp_path / "user.db"
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(db))
    Store(db).save_source(*build("u1", 1))  # alone: published at once, self-reviewed
    at = run_as(Identity("local", "local"), "claims")
    at.toggle(key="ca_graded_only").set_value(True)
    with mock.patch("geo.web.identity.current", return_value=Identity("local", "local")):
        at.run()
    assert any("No casualty figure shown is graded" in shown(i.value) for i in at.info)
    Store(db).grade("u1-c0", "single", "only officials give it")
    with mock.patch("geo.web.identity.current", return_value=Identity("local", "local")):
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    caption = next(shown(c.value) for c in at.caption if "Limited to graded figures" in shown(c.value))
    assert "Limited to graded figures: 1 of" in caption
    assert list(at.table[0].value["headline"]) == ["1"]


def test_a_dissent_and_the_self_review_show_beside_the_claim_in_the_popup_and_the_claims_page(tmp_path, monkeypatch):
    from geo.render.popups import popup_html
    from geo.store.notes import claim_notes

    db = tmp_path / "user.db"
    monkeypatch.setenv("CLAIMS_ATLAS_DB", str(db))
    Store(db).save_source(*build("u1", 1))  # alone: self-reviewed
    Store(db).set_role("rev2", "reviewer")
    Store(db, user="rev2").decide("u1", "dissent", "<b>the toll</b> is the ministry's")
    notes = claim_notes(Store(db))
    assert notes["u1-c0"] == "self-reviewed; dissent on the source by rev2: <b>the toll</b> is the ministry's"
    at = run_as(Identity("local", "local"), "claims")
    with mock.patch("geo.web.identity.current", return_value=Identity("local", "local")):
        at.query_params["claim"] = "u1-c0"
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Review: self-reviewed; dissent on the source by rev2" in shown(c.value) for c in at.caption)
    history = at.dataframe[0].value  # the claim's history: its source's save and status, the dissent
    assert list(history["action"]) == ["add", "status", "add", "dissent"]
    assert list(history["who"])[-1] == "rev2"
    from geo.core.dataset import load_dataset
    from geo.core.view import view_of

    records, texts = Store(db).records()
    ds = load_dataset(extra=records, extra_texts=texts)
    view = view_of(ds)
    ev = next(e for e in view.events if e.event.id == "pakistan-strike-saravan")
    ev = type(ev)(**{**ev.__dict__, "review": (("u1-c0", notes["u1-c0"]),)})
    html = popup_html(ev)
    assert "Review: self-reviewed; dissent on the source by rev2: &lt;b&gt;the toll&lt;/b&gt;" in html


def test_an_editor_edits_a_claim_and_a_published_one_goes_back_through_review(team_store):
    Store(team_store, user="ada").set_role("rev", "reviewer")
    Store(team_store, user="ed").save_source(*build("u1", 1))
    with mock.patch("geo.web.identity.current", return_value=Identity("ed", "proxy")):
        at = run_app("review")
        at.button(key="ca_edit_u1-c0").click()  # opens the dialog
        at.run()
        at.text_input(key="ca_edit_value_u1-c0").input("7")
        at.text_input(key="ca_edit_note_u1-c0").input("<b>read</b> from the caption")
        at.text_input(key="ca_edit_why_u1-c0").input("misread the figure")
        at.button(key="ca_edit_go_u1-c0").click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Claim u1-c0 changed." in shown(s.value) for s in at.success)
    saved = Store(team_store).records()[0]["claims"][0]
    assert (saved["value"], saved["note"]) == (7, "<b>read</b> from the caption")  # kept as typed, escaped when shown
    Store(team_store, user="rev").decide("u1", "publish", "checked")
    with mock.patch("geo.web.identity.current", return_value=Identity("ed", "proxy")):
        at = run_app("review")
        at.button(key="ca_edit_u1-c0").click()
        at.run()
        at.text_input(key="ca_edit_value_u1-c0").input("9")
        at.button(key="ca_edit_go_u1-c0").click()
        at.run()
    assert any("change proposed" in shown(s.value) for s in at.success)
    assert Store(team_store).records()[0]["claims"][0]["value"] == 7  # published version stays
    with mock.patch("geo.web.identity.current", return_value=Identity("rev", "proxy")):
        at = run_app("review")
        assert any("Change proposed by ed" in shown(i.value) for i in at.info)
        at.text_input(key="ca_change_why_claim_u1-c0").input("the ministry's update")
        at.button(key="ca_change_publish_claim_u1-c0").click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert Store(team_store).records()[0]["claims"][0]["value"] == 9


def test_a_published_source_s_details_and_a_dissent_on_one_figure_through_the_review_page(team_store):
    admin = Store(team_store, user="ada")
    admin.set_role("rev", "reviewer")
    admin.set_role("rev2", "reviewer")
    Store(team_store, user="ed").save_source(*build("u1", 2))
    Store(team_store, user="rev").decide("u1", "publish", "checked")
    with mock.patch("geo.web.identity.current", return_value=Identity("ed", "proxy")):
        at = run_app("review")
        at.button(key="ca_sedit_u1").click()  # opens the dialog
        at.run()
        at.text_input(key="ca_sedit_title_u1").input("<i>Saravan</i> strike")
        at.text_input(key="ca_sedit_url_u1").input("https://example.org/saravan")
        at.text_input(key="ca_sedit_why_u1").input("from the outlet's page")
        at.button(key="ca_sedit_go_u1").click()
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert any("Source u1: change proposed" in shown(s.value) for s in at.success)
        assert not [b.key for b in at.button if b.key.startswith("ca_dissent")]  # editors do not dissent
    assert Store(team_store).records()[0]["sources"][0]["title"] is None  # the published version stays
    with mock.patch("geo.web.identity.current", return_value=Identity("rev2", "proxy")):
        at = run_app("review")
        info = [shown(i.value) for i in at.info]
        assert any("Change proposed by ed" in i and "title: none → <i>Saravan</i> strike" in i for i in info), info
        at.text_input(key="ca_change_why_source_u1").input("matches the page")
        at.button(key="ca_change_publish_source_u1").click()
        at.run()
        at.button(key="ca_dissent_u1-c1").click()
        at.run()
        at.text_input(key="ca_dissent_why_u1-c1").set_value("that toll is the hospital's")
        at.button(key="ca_dissent_go_u1-c1").click()
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert any("Dissent on u1-c1 recorded." in shown(s.value) for s in at.success)
        assert any("_dissent_ on u1-c1 by rev2" in shown(m.value) for m in at.markdown)
        record = [shown(m.value) for m in at.markdown]
        assert any("_change proposed_ by ed" in m and "title: none → <i>Saravan</i> strike" in m for m in record)
        assert any("_published_ by rev2" in m and "the change proposed by ed; matches the page" in m for m in record)
    source = Store(team_store).records()[0]["sources"][0]
    assert (source["title"], source["url"]) == ("<i>Saravan</i> strike", "https://example.org/saravan")
    assert notes.source_marks(Store(team_store)) == {"u1": "1 dissent, changed after publication"}
    assert notes.claim_notes(Store(team_store)) == {"u1-c1": "dissent by rev2: that toll is the hospital's"}
