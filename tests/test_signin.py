"""Sign-in through nginx (``make serve-replicas``): who the replicas believe, and who may write.

nginx asks for a user name and password (auth_basic) and passes the user with a secret it
shares with the replicas; a request without credentials gets no page, a forged identity header
is replaced (through nginx) or not believed (straight to a replica's port), and the store
refuses writes by anyone whose role does not allow them.
"""

from __future__ import annotations

import base64
import re
import urllib.error
import urllib.request

import pytest

from deploy import replicas as deploy
from geo.store import Store, StoreError
from geo.web.identity import USER_HEADER
from tests.st_client import Session, open_session, run
from tests.store_writer import build
from tests.test_deploy import nginx  # noqa: F401 (fixture: skips without nginx, fails in CI)

PASSWORDS = {"ada": "ada's long password", "ed": "ed's long password", "rea": "rea's long password"}


def basic(name: str) -> dict:
    token = base64.b64encode(f"{name}:{PASSWORDS[name]}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.fixture(scope="module")
def signed(nginx, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("signin")
    db = folder / "team.db"
    for name, password in PASSWORDS.items():
        deploy.passwd(name, password, folder / "htpasswd")
    Store(db).set_role("ada", "admin")
    Store(db, user="ada").set_role("ed", "editor")
    Store(db, user="ada").set_role("rea", "reader")
    with deploy.replicas(2, db=str(db), htpasswd=folder / "htpasswd") as top:
        yield top, db


def sidebar_says(url: str, headers: dict | None = None, cookies: str | None = None) -> str:
    """What a session's sidebar says of its user (its last caption)."""

    async def go():
        async with await open_session(url, cookies, headers) as ws:
            s = Session(ws)
            await s.start()
            return next(t for t in reversed(s.texts) if "Signed in" in t or "Not signed in" in t or "Local" in t)

    return re.sub(r"\\(.)", r"\1", run(go()))


def status(url: str, headers: dict | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_without_credentials_there_is_no_page_and_wrong_ones_are_refused(signed):
    top, _ = signed
    assert status(top.url + "/") == 401
    assert status(top.url + "/app/static/vendor/leaflet/leaflet.js") == 401
    assert status(top.url + "/", {"Authorization": "Basic " + base64.b64encode(b"ada:guess").decode()}) == 401
    assert status(top.url + "/", basic("ada")) == 200
    assert status(top.url + "/healthz") == 200  # for load balancers and monitors, says only "ok"


@pytest.mark.parametrize(("name", "role"), [("ada", "admin"), ("ed", "editor"), ("rea", "reader")])
def test_each_signed_in_user_is_who_nginx_says_with_their_role_from_the_store(signed, name, role):
    top, _ = signed
    assert f"Signed in as {name} ({role})." in sidebar_says(top.url, basic(name))


def test_a_forged_identity_header_is_replaced_by_nginx_and_not_believed_by_a_replica(signed):
    top, _ = signed
    # Through nginx: signed in as rea, claiming to be ada in the header nginx sets itself.
    assert "Signed in as rea (reader)." in sidebar_says(top.url, {**basic("rea"), USER_HEADER: "ada"})
    # Straight to a replica's loopback port, past nginx: the header without the secret is nobody.
    said = sidebar_says(top.replica_urls[0], {USER_HEADER: "ada"}, cookies="")
    assert "Not signed in" in said


def test_the_store_refuses_what_a_reader_or_a_stranger_would_write(signed):
    _, db = signed
    for who in ("rea", "someone-nginx-knows-but-the-store-does-not", None):
        with pytest.raises(StoreError):
            Store(db, user=who).save_source(*build("x1", 1))
    assert Store(db).records()[0]["sources"] == []
    Store(db, user="ed").save_source(*build("x1", 1))
    assert Store(db).changes(entity="source")[0]["who"] == "ed"
