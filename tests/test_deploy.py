"""The team topology (deploy/): nginx in front of several Streamlit replicas sharing one store.

The configuration is checked by nginx itself; the running set-up is started the way
``make serve-replicas`` starts it (``deploy.replicas``) and driven over Streamlit's websocket
protocol: sessions stick to one replica, both replicas serve, a source saved by any server shows
on every replica at its next rerun, and a stopped replica's browsers are served by another.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from deploy import replicas as deploy
from geo.store import Store
from tests.conftest import IN_CI
from tests.st_client import Session, open_session, page_cookies, run
from tests.store_writer import build

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def nginx():
    if not Path(NGINX).exists():
        if IN_CI:
            pytest.fail("CI needs nginx (Debian's package, installed by .ci/run)")
        pytest.skip("nginx is not installed (apt-get install nginx); the replica tests skip")
    return NGINX


def test_the_compose_proxy_config_is_the_rendered_one():
    """deploy/compose/nginx.conf is made from the same template: regenerate it when that changes."""
    assert deploy.COMPOSE_CONF.read_text(encoding="utf-8") == deploy.render_compose(), (
        "run: python -m deploy.replicas --render-compose > deploy/compose/nginx.conf"
    )


def test_the_template_leaves_no_field_unfilled():
    conf = deploy.render(["127.0.0.1:1"], "127.0.0.1:2", "/run", "/a", "/b", identity_conf="/run/id.conf")
    assert "{{" not in conf and "server 127.0.0.1:1 " in conf
    assert f"client_max_body_size {deploy.MAX_UPLOAD_MB}m;" in conf
    config_toml = (deploy.ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert f"maxUploadSize = {deploy.MAX_UPLOAD_MB}\n" in config_toml, "nginx and Streamlit must take the same uploads"


def test_nginx_accepts_the_rendered_config(nginx, tmp_path):
    conf = tmp_path / "nginx.conf"
    user = "root" if os.geteuid() == 0 else None
    (tmp_path / "identity.conf").write_text(deploy.identity_headers("secret"))
    deploy.passwd("ada", "correct horse", tmp_path / "htpasswd")
    conf.write_text(
        deploy.render(
            ["127.0.0.1:9", "127.0.0.1:10"],
            "127.0.0.1:8080",
            str(tmp_path),
            "/tmp",
            "/tmp",
            identity_conf=str(tmp_path / "identity.conf"),
            htpasswd=str(tmp_path / "htpasswd"),
            user=user,
        )
    )
    out = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


@pytest.fixture(scope="module")
def topology(nginx, tmp_path_factory):
    db = tmp_path_factory.mktemp("shared") / "user.db"
    with deploy.replicas(2, db=str(db)) as top:
        yield top, db


def routed(top, cookie: str) -> list[str]:
    """Each request's upstream(s) for this browser's route cookie, oldest first (nginx's access
    log: a request is logged when it ends, a websocket when it closes)."""
    route = cookie.split("=", 1)[1]
    return re.findall(rf'route={route} upstream="([^"]*)"', top.access_log())


def upstreams(top, cookie: str, requests: int = 1) -> set[str]:
    """The replicas that served this browser, once its first ``requests`` are in the log (nginx
    writes a line just after the answer has gone, so it can lag the client by a moment)."""
    for _ in range(100):
        if len(routed(top, cookie)) >= requests:
            break
        time.sleep(0.05)  # polling nginx's log file
    return set(routed(top, cookie))


def test_nginx_serves_the_static_files_itself(topology):
    """Streamlit's frontend bundles and the map's vendored assets come from disk, not a replica."""
    if not (deploy.ROOT / "static" / "vendor" / "leaflet" / "leaflet.js").exists():
        # (a checkout where `make setup` has not built them: nginx would answer 404, a riddle)
        if IN_CI:
            pytest.fail("CI needs the map's vendored assets (scripts/build_static.py, run by make setup)")
        pytest.skip("static/vendor is not built (make setup); nginx has no assets to serve")
    top, _ = topology
    with urllib.request.urlopen(top.url + "/") as r:
        page = r.read().decode()
    bundle = re.search(r'src="\.?(/static/js/[^"]+\.js)"', page).group(1)
    for path in (bundle, "/app/static/vendor/leaflet/leaflet.js"):
        with urllib.request.urlopen(top.url + path) as r:
            assert r.status == 200 and "javascript" in r.headers["Content-Type"], path
    time.sleep(0.2)  # nginx logs just after answering
    for path in (bundle, "/app/static/vendor/leaflet/leaflet.js"):
        assert re.search(rf'"GET {re.escape(path)} HTTP/1.1" 200 \d+ route=\S+ upstream="-"', top.access_log()), path


def test_sessions_stick_to_one_replica_and_both_replicas_serve(topology):
    top, _ = topology

    async def session(cookie: str) -> int:
        async with await open_session(top.url, cookie) as ws:
            s = Session(ws)
            await s.start()
            for _ in range(2):
                await s.rerun([])
            return s.errors

    cookies = [page_cookies(top.url) for _ in range(8)]
    assert all(c.startswith("claims_atlas_route=") for c in cookies), cookies
    for c in random.Random(1).sample(cookies * 3, 24):  # more page loads, in no particular order
        with urllib.request.urlopen(urllib.request.Request(top.url + "/claims", headers={"Cookie": c})) as r:
            assert r.status == 200

    async def all_of_them():
        return await asyncio.wait_for(asyncio.gather(*(session(c) for c in cookies)), 180)

    assert not any(run(all_of_them()))
    # Each browser's page load and websocket went to one replica; across eight, both served.
    served = {c: upstreams(top, c, requests=5) for c in cookies}
    assert all(len(routed(top, c)) == 5 for c in cookies), {c: routed(top, c) for c in cookies}
    assert all(len(s) == 1 for s in served.values()), served
    used = set().union(*served.values())
    assert used == {u.removeprefix("http://") for u in top.replica_urls}, used


def test_a_source_saved_by_any_server_shows_on_every_replica_at_its_next_rerun(topology):
    top, db = topology

    async def sources_seen(cookie: str) -> tuple[set[str], set[str]]:
        async with await open_session(top.url, cookie) as ws:
            s = Session(ws)
            await s.start()
            before = {label.split(" ")[0] for label in s.checkboxes}
            Store(db).save_source(*build("team1", 2))  # another server (here: this process) saves
            s.checkboxes.clear()
            await s.rerun([])
            return before, {label.split(" ")[0] for label in s.checkboxes}

    # One browser routed to each replica.
    by_replica: dict[str, str] = {}
    while len(by_replica) < 2:
        cookie = page_cookies(top.url)
        (replica,) = upstreams(top, cookie)
        by_replica.setdefault(replica, cookie)
    first, second = by_replica.values()
    before, after = run(sources_seen(first))
    assert "team1" not in before and "team1" in after
    _, seen = run(_other_session(top.url, second))
    assert "team1" in seen


async def _other_session(url: str, cookie: str):
    async with await open_session(url, cookie) as ws:
        s = Session(ws)
        await s.start()
        return s.errors, {label.split(" ")[0] for label in s.checkboxes}


def test_a_stopped_replica_s_browsers_are_served_by_another(topology):
    """Run last in this module: it stops replica 1 (nginx's passive health check takes it out)."""
    top, _ = topology
    victim = top.replica_urls[0].removeprefix("http://")
    cookie = next(c for c in (page_cookies(top.url) for _ in range(50)) if upstreams(top, c) == {victim})
    before = len(routed(top, cookie))
    os.kill(top.replica_pids[0], signal.SIGKILL)
    top.procs[0].wait(10)
    errors, seen = run(_other_session(top.url, cookie))
    assert errors == 0 and seen, "the browser got a working session from the other replica"
    # nginx tried the stopped replica, then went on to the live one ("A, B" in the log).
    upstreams(top, cookie, requests=before + 1)
    assert routed(top, cookie)[-1].endswith(top.replica_urls[1].removeprefix("http://")), routed(top, cookie)
