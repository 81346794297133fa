"""Who a session is (geo.web.identity) and what each role is offered, page by page (AppTest).

The store refuses what a role may not do (tests/test_users.py); these tests check the pages
offer no more than that, and say who the user is.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest

from geo.store import Store
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
