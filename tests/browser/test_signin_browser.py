"""The team set-up in a browser, signed in at nginx with real credentials (as ``make
serve-replicas`` starts it), at desktop and phone size: an editor adds a source; a reader sees
it on the map and is offered no way to write; a browser without credentials gets no page.

Review and publishing (a second person's step between the two) are not built yet (issue 19).
"""

from __future__ import annotations

import re

import pytest

from deploy import replicas as deploy
from geo.store import Store
from tests.browser.conftest import SIZES, OfflinePage
from tests.test_deploy import nginx  # noqa: F401 (fixture: skips without nginx, fails in CI)

pytestmark = pytest.mark.browser
USERS = {"ed": ("editor", "ed's long password"), "rea": ("reader", "rea's long password")}


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
        page.get_by_text(re.compile("Saved source u-")).wait_for(timeout=60_000)
        assert "Add a source" in nav_links(ed)
        assert ed.failed == [] and ed.console_errors == [] and ed.external == []
    finally:
        ed.close()

    rea = signed_in(browser, team, "rea", size).open("/").wait_map()
    try:
        links = nav_links(rea)
        assert "Add a source" not in links and "Team" not in links, links
        rea.open_sidebar()
        sidebar = rea.page.get_by_test_id("stSidebar")
        assert sidebar.get_by_text(f"Desk report ({size})", exact=False).count() == 1  # the editor's source
        assert "Signed in as rea (reader)." in sidebar.inner_text()
        rea.close_sidebar()
        assert rea.open_popup("pakistan-strike-saravan").is_visible()
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
