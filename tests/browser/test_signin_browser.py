"""The team set-up in a browser, signed in at nginx with real credentials (as ``make
serve-replicas`` starts it), at desktop and phone size: an editor adds a source; a second
person, a reviewer, publishes it on the Review page; a third disagrees with one of its figures;
a reader then sees it on the map with the dissent beside that figure and is offered no way to
write; a browser without credentials gets no page.
"""

from __future__ import annotations

import base64
import re
from contextlib import contextmanager

import pytest

from deploy import replicas as deploy
from geo.store import Store
from tests.browser.conftest import SIZES, OfflinePage
from tests.st_client import page_cookies
from tests.store_writer import build
from tests.test_deploy import (
    nginx,  # noqa: F401 (fixture: skips without nginx, fails in CI)
    upstreams,
)

pytestmark = pytest.mark.browser
DISSENT = "<img src=x onerror=\"window.__xss='dissent'\"> the toll is the ministry's"
USERS = {
    "ed": ("editor", "ed's long password"),
    "ed2": ("editor", "ed2's long password"),
    "rev": ("reviewer", "rev's long password"),
    "rev2": ("reviewer", "rev2's long password"),
    "rea": ("reader", "rea's long password"),
}


def article(size: str) -> str:
    return (
        f"Pakistani jets struck hideouts near Saravan, about 40 km inside Iran, on January 18 ({size} desk). "
        "Iranian officials said seven people were killed in the raid."
    )


@pytest.fixture(scope="module")
def team(nginx, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("team-signin")
    db = folder / "team.db"
    Store(db).set_role("ada", "admin")
    for name, (role, password) in USERS.items():
        deploy.passwd(name, password, folder / "htpasswd")
        Store(db, user="ada").set_role(name, role)
    with deploy.replicas(2, db=str(db), htpasswd=folder / "htpasswd") as top:
        top.db = db  # the store the replicas share, for the tests to set up and check
        yield top


def signed_in(browser, top, name: str, size: str) -> OfflinePage:
    return OfflinePage(browser, top.url, **SIZES[size], credentials={"username": name, "password": USERS[name][1]})


def nav_links(p: OfflinePage) -> list[str]:
    p.open_sidebar()
    links = p.page.get_by_test_id("stSidebarNav").locator("a")
    links.first.wait_for(timeout=60_000)
    names = [t.strip().splitlines()[-1] for t in links.all_inner_texts()]  # after the icon's name
    p.close_sidebar()
    return names


@pytest.mark.parametrize("size", list(SIZES))
def test_an_editor_adds_a_source_and_a_reader_sees_it_with_no_write_controls(browser, team, size):
    ed = signed_in(browser, team, "ed", size).open("/add")
    try:
        page = ed.page
        area = page.get_by_label("Article text")
        area.wait_for(timeout=60_000)
        area.fill(article(size))
        area.press("Control+Enter")
        page.get_by_label("Title", exact=True).fill(f"Desk report ({size})")
        page.get_by_label("Its line of argument, in your words (required)").fill("A wire report used in a test.")
        page.get_by_role("button", name="Save this source and the kept claims").click()
        page.get_by_text(re.compile("Saved source u-.*waits for a reviewer other than you")).wait_for(timeout=60_000)
        sid = re.search(r"Saved source (u-[0-9a-f]+)", page.get_by_test_id("stAlert").first.inner_text()).group(1)
        assert "Add a source" in nav_links(ed)
        assert ed.failed == [] and ed.console_errors == [] and ed.external == []
    finally:
        ed.close()

    rev = signed_in(browser, team, "rev", size).open("/review")
    try:
        page = rev.page
        card = page.get_by_test_id("stExpander").filter(has_text=sid)
        card.wait_for(timeout=60_000)
        card.get_by_label("Reason (kept on the record)").fill("Quotes checked against the article.")
        card.get_by_label("Reason (kept on the record)").press("Enter")
        card.get_by_role("button", name="Publish").click()
        page.get_by_text(f"Published: {sid}.").wait_for(timeout=60_000)
        assert rev.axe() == []
        assert rev.failed == [] and rev.console_errors == [] and rev.external == []
    finally:
        rev.close()

    # A second reviewer disagrees with one figure, in words that carry markup: the dissent is
    # recorded on that claim and shown beside it, as text.
    claim = next(c["id"] for c in Store(team.db).records()[0]["claims"] if c["source"] == sid)
    rev2 = signed_in(browser, team, "rev2", size).open("/review")
    try:
        page = rev2.page
        card = page.get_by_test_id("stExpander").filter(has_text=sid)
        card.wait_for(timeout=60_000)
        rev2.press(card.locator("summary"))  # published sources are folded: open this one
        rev2.press(card.get_by_role("button", name=f"Dissent on {claim}"))
        dialog = page.get_by_role("dialog")
        why = dialog.get_by_label("Why you disagree with this figure (kept on the record)")
        why.wait_for(timeout=30_000)
        why.fill(DISSENT)
        why.press("Enter")
        rev2.settle(600)
        assert rev2.axe() == []  # the dialog open
        rev2.press(dialog.get_by_role("button", name="Record the dissent"))
        page.get_by_text(f"Dissent on {claim} recorded.").wait_for(timeout=60_000)
        assert page.evaluate("() => window.__xss") is None
        assert rev2.axe() == []
        assert rev2.failed == [] and rev2.console_errors == [] and rev2.external == []
    finally:
        rev2.close()
    dissents = next(r for r in Store(team.db).review_state() if r["id"] == sid)["dissents"]
    assert [(d["claim_id"], d["reviewer"], d["reason"]) for d in dissents] == [(claim, "rev2", DISSENT)]
    rea = signed_in(browser, team, "rea", size).open("/").wait_map()
    try:
        links = nav_links(rea)
        assert "Add a source" not in links and "Team" not in links, links
        rea.open_sidebar()
        sidebar = rea.page.get_by_test_id("stSidebar")
        assert sidebar.get_by_text(f"Desk report ({size})", exact=False).count() == 1  # the editor's source
        assert "Signed in as rea (reader)." in sidebar.inner_text()
        rea.close_sidebar()
        popup = rea.open_popup("pakistan-strike-saravan")
        rea.unfold(popup)
        mine = popup.locator(f'li[data-claim="{claim}"]')
        assert f"dissent by rev2: {DISSENT}" in mine.inner_text()
        others = popup.locator(f'li[data-source="{sid}"]:not([data-claim="{claim}"])')
        assert all("dissent" not in t for t in others.all_inner_texts())  # beside that figure only
        assert mine.locator("img").count() == 0
        assert rea.page.evaluate("() => window.__xss") is None
        assert all(f.evaluate("() => window.__xss") is None for f in rea.page.frames)
        assert rea.axe() == []
        # The page's address typed by hand: no form to add anything.
        rea.page.goto(team.url + "/add")
        rea.page.locator('[data-testid="stMain"]').first.wait_for(timeout=60_000)
        rea.settle(1500)
        assert rea.page.get_by_label("Article text").count() == 0
        assert rea.failed == [] and rea.external == []
    finally:
        rea.close()


def test_a_browser_without_credentials_gets_no_page(browser, team):
    from playwright.sync_api import Error

    p = OfflinePage(browser, team.url)
    try:
        with pytest.raises(Error, match="ERR_INVALID_AUTH_CREDENTIALS"):  # nginx asked; the browser had none
            p.page.goto(team.url + "/")
        assert p.page.get_by_label("Article text").count() == 0
    finally:
        p.close()


def route_to_each_replica(top) -> list[str]:
    """One route cookie value per replica (a browser holding it is sent there by nginx)."""
    auth = {"Authorization": "Basic " + base64.b64encode(b"rev:" + USERS["rev"][1].encode()).decode()}
    found: dict[str, str] = {}
    for _ in range(60):
        cookie = page_cookies(top.url, auth)
        (replica,) = upstreams(top, cookie)
        found.setdefault(replica, cookie.split("=", 1)[1])
        if len(found) == len(top.replica_urls):
            return list(found.values())
    raise AssertionError(f"nginx sent sixty browsers to {sorted(found)} only")


@contextmanager
def on_two_replicas(browser, team, names: tuple[str, str], sid: str):
    """Two people's desktop browsers, each routed to a different replica, on the Review page with
    source ``sid``'s card showing: [(page, card), (page, card)]."""
    pages = []
    try:
        for name, route in zip(names, route_to_each_replica(team), strict=True):
            p = signed_in(browser, team, name, "desktop")
            p.context.add_cookies([{"name": "claims_atlas_route", "value": route, "url": team.url}])
            p.open("/review")
            card = p.page.get_by_test_id("stExpander").filter(has_text=sid)
            card.wait_for(timeout=60_000)
            pages.append((p, card))
        yield pages
    finally:
        for p, _ in pages:
            p.close()


def test_two_reviewers_on_two_replicas_decide_at_once_and_the_second_is_refused_with_who_and_when(browser, team):
    Store(team.db, user="ed").save_source(*build("lock1", 1))
    with on_two_replicas(browser, team, ("rev", "rev2"), "lock1") as pages:
        for (p, card), name in zip(pages, ("rev", "rev2"), strict=True):
            reason = card.get_by_label("Reason (kept on the record)")
            reason.fill(f"{name} read the quotes")
            reason.press("Enter")
            p.settle(800)
        (first, first_card), (second, second_card) = pages
        first_card.get_by_role("button", name="Publish").click()
        first.page.get_by_text("Published: lock1.").wait_for(timeout=60_000)
        # The second reviewer's page still shows version 1: their decision is refused, not applied.
        second_card.get_by_role("button", name="Reject").click()
        refusal = second.page.get_by_text(re.compile(r"source lock1 was changed by rev at .* since you opened it"))
        refusal.wait_for(timeout=60_000)
        state = next(r for r in Store(team.db).review_state() if r["id"] == "lock1")
        assert state["status"] == "published" and [v["verdict"] for v in state["reviews"]] == ["publish"]


def test_two_editors_on_two_replicas_edit_one_claim_and_the_second_save_is_refused_with_who_and_when(browser, team):
    Store(team.db, user="ed").save_source(*build("lock2", 1))
    with on_two_replicas(browser, team, ("ed", "ed2"), "lock2") as pages:
        for (p, _), value in zip(pages, ("7", "8"), strict=True):  # both open the editor on version 1
            p.page.get_by_role("button", name="Edit lock2-c0").click()
            field = p.page.get_by_role("dialog").get_by_label("Value")
            field.wait_for(timeout=30_000)
            field.fill(value)
            field.press("Enter")
            p.settle(600)
        (first, _), (second, _) = pages
        first.page.get_by_role("button", name="Save the change").click()
        first.page.get_by_text("Claim lock2-c0 changed.").wait_for(timeout=60_000)
        second.page.get_by_role("button", name="Save the change").click()
        refusal = second.page.get_by_text(re.compile(r"claim lock2-c0 was changed by ed at .* since you opened it"))
        refusal.wait_for(timeout=60_000)
        claim = next(c for c in Store(team.db).records()[0]["claims"] if c["id"] == "lock2-c0")
        assert claim["value"] == 7  # the first save stands; the second changed nothing
