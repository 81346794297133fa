"""Paste an article, keep its claims, and see the new layer and its claims in a strike's popup.

The article and its title carry script payloads: they must show as text and run nothing.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import OfflinePage
from tests.server import streamlit_server

pytestmark = pytest.mark.browser

PAYLOAD = "<img src=x onerror=\"window.__xss='pasted'\">"
ARTICLE = (
    "Pakistani jets struck hideouts near Saravan, about 40 km inside Iran, on January 18. "
    f"Iranian officials said seven people were killed {PAYLOAD} in the raid."
)


@pytest.fixture(scope="module")
def server_with_empty_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("adddb") / "user.db"
    with streamlit_server({"CLAIMS_ATLAS_DB": str(db)}) as url:
        yield url


def test_paste_keep_and_see_the_new_layer(browser, server_with_empty_db):
    p = OfflinePage(browser, server_with_empty_db).open("/add")
    try:
        page = p.page
        area = page.get_by_label("Article text")
        area.wait_for(timeout=60_000)
        area.fill(ARTICLE)
        area.press("Control+Enter")
        page.get_by_label("Title", exact=True).fill("<script>window.__xss='title'</script>Test wire")
        page.get_by_label("Its line of argument, in your words (required)").fill("A wire report used in a test.")
        page.get_by_role("button", name="Use these details").click()
        save = page.get_by_role("button", name="Save this source and the kept claims")
        save.wait_for(timeout=30_000)
        page.wait_for_timeout(500)  # let the form's rerun settle before saving
        save.click()
        page.get_by_text(re.compile("Saved source u-")).wait_for(timeout=60_000)
        label = page.locator('[data-testid="stSidebar"] [data-testid="stCheckbox"]').filter(has_text="u-")
        assert label.count() == 1 and "<script>window.__xss='title'</script>Test wire" in label.inner_text()

        page.goto(server_with_empty_db + "/")
        p.wait_map()
        sid = re.search(r"(u-[0-9a-f]{10})", label.inner_text() if label.count() else page.content()).group(1)
        popup = p.open_popup("pakistan-strike-saravan")
        popup.locator("details.ca-details summary").click()
        mine = popup.locator(f'li[data-source="{sid}"]')
        texts = " ".join(mine.all_inner_texts())
        assert "7 people" in texts and "about 40 km" in texts
        assert PAYLOAD in texts  # the quote, shown as text
        assert popup.locator("img").count() == 0
        assert sid in popup.locator(".ca-meta").inner_text()  # counted among the event's sources
        assert page.evaluate("() => window.__xss") is None
        for frame in page.frames:
            assert frame.evaluate("() => window.__xss") is None
        assert p.dialogs == []
    finally:
        p.close()


UPLOAD_HTML = (
    "<!doctype html><html><head><script>window.__xss='upload-head'</script><title>x</title></head><body>"
    "<p>Pakistani jets struck hideouts near Saravan, about 35 km inside Iran, on January 18.</p>"
    "<p>Iranian officials said eight people were killed near Saravan "
    "&lt;img src=x onerror=\"window.__xss='upload'\"&gt; "
    "{{ 'SSTI' ~ '-EVAL' }} {# in the raid.</p></body></html>"
)


def test_uploaded_html_article_shows_as_text_and_runs_nothing(browser, server_with_empty_db, tmp_path):
    """An uploaded .html file: its own scripts are dropped, the markup its text spells out (entities)
    is shown as text, and Jinja2 syntax reaches the map's popup as text, not computed on the server."""
    upload = tmp_path / "wire.html"
    upload.write_text(UPLOAD_HTML, encoding="utf-8")
    p = OfflinePage(browser, server_with_empty_db).open("/add")
    try:
        page = p.page
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').wait_for(state="attached", timeout=60_000)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
        page.get_by_text("The article with the figures found in bold").click()
        main = page.locator('[data-testid="stMain"]')
        main.get_by_text("window.__xss='upload'", exact=False).first.wait_for(timeout=30_000)
        article = main.locator('[data-testid="stExpander"]').first.inner_text()
        assert "<img src=x onerror=\"window.__xss='upload'\">" in article
        assert "{{ 'SSTI' ~ '-EVAL' }}" in article and "upload-head" not in article
        assert main.locator("img[src='x']").count() == 0

        page.get_by_label("Title", exact=True).fill("Uploaded wire")
        page.get_by_label("Its line of argument, in your words (required)").fill("An uploaded file, in a test.")
        page.get_by_role("button", name="Use these details").click()
        save = page.get_by_role("button", name="Save this source and the kept claims")
        save.wait_for(timeout=30_000)
        page.wait_for_timeout(500)
        save.click()
        sid = re.search(
            r"Saved source (u-[0-9a-f]{10})", page.get_by_text(re.compile("Saved source u-")).inner_text(timeout=60_000)
        ).group(1)

        page.goto(server_with_empty_db + "/")
        p.wait_map()
        popup = p.open_popup("pakistan-strike-saravan")
        popup.locator("details.ca-details summary").click()
        texts = " ".join(popup.locator(f'li[data-source="{sid}"]').all_inner_texts())
        assert "8 people" in texts and "{{ 'SSTI' ~ '-EVAL' }} {# in the raid" in texts
        assert "SSTI-EVAL" not in popup.inner_text()
        assert popup.locator("img").count() == 0
        for frame in page.frames:
            assert frame.evaluate("() => window.__xss") is None
        assert p.dialogs == []
    finally:
        p.close()
