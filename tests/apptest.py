"""Running the app under Streamlit's AppTest, shared by the page and fault tests."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")

# An article the extractor reads as a depth and a death toll, both linked to the Saravan strike.
ARTICLE = (
    "ISLAMABAD, Jan 18 (Test Wire) - Pakistani jets struck hideouts near Saravan, about 40 km inside Iran, "
    "on January 18. Iranian officials said seven people were killed.\n"
)


def run_app(page: str | None = None, params: dict | None = None) -> AppTest:
    """The app run once, then switched to ``app_pages/<page>.py`` and run again."""
    at = AppTest.from_file(APP, default_timeout=180)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    return at
