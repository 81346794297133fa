"""The team topology in a browser: the app through nginx in front of two replicas (as
``make serve-replicas`` starts it), at desktop and phone size, with real input only.

Everything the page loads (Streamlit's frontend and the map's assets, served by nginx; the
session's websocket, upgraded by nginx) must come through the proxy, and the map must work
there as it does on one server: a real click or tap opens a strike's popup.
"""

from __future__ import annotations

import pytest

from deploy.replicas import replicas
from tests.browser.conftest import SIZES
from tests.test_deploy import nginx  # noqa: F401 (fixture: skips without nginx, fails in CI)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def team(nginx, tmp_path_factory):  # noqa: F811
    with replicas(2, db=str(tmp_path_factory.mktemp("team") / "user.db")) as top:
        yield top


@pytest.mark.parametrize("size", list(SIZES))
def test_through_nginx_the_map_draws_a_tap_opens_a_popup_and_every_page_loads(offline, team, size):
    p = offline(base=team.url, **SIZES[size]).wait_map()
    popup = p.open_popup("pakistan-strike-saravan")  # real mouse click or touch tap at the marker
    p.settle(800)
    assert popup.is_visible()
    assert p.axe() == []
    assert p.external == [] and p.console_errors == [] and p.failed == []
    log = team.access_log()
    assert "GET /static/" in log and "GET /app/static/vendor/" in log, "nginx served the static files"
    assert "GET /_stcore/stream" in log or p.page.evaluate("() => !!window.WebSocket")
    for path in ("/claims", "/add"):
        q = offline(path, base=team.url, **SIZES[size])
        q.page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=60_000)
        q.settle(1000)
        assert q.external == [] and q.console_errors == [] and q.failed == [], (path, q.failed)
