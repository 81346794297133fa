"""Install the pinned npm map assets into static/vendor/ and publish the static map layers.

Run by ``make setup``. Without npm it prints a warning and exits 0: the app then falls back to
CDN links and says so on screen (the map draws only online).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.render.assets import ASSETS, VENDOR, missing_assets  # noqa: E402


def warm_default_view() -> int:
    """Compute the map's first view once, so its slow geometry (depth bands) is on disk before
    the server's first visitor asks for it."""
    from geo.core.dataset import load_dataset
    from geo.core.view import view_of

    return len(view_of(load_dataset()).events)


def main() -> int:
    from geo.render.layers import publish_static_layers

    print(f"static map layers published: {', '.join(publish_static_layers())}")
    try:
        print(f"map's first view computed: {warm_default_view()} events (its depth bands are cached on disk)")
    except Exception as e:  # set-up goes on: the app shows the data's problems readably itself
        print(f"warning: the map's first view was not computed ahead: {e}", file=sys.stderr)
    if shutil.which("npm") is None:
        print("warning: npm not found; the map will load Leaflet from CDNs and need internet", file=sys.stderr)
        return 0
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True
    )
    tmp = VENDOR.with_name("vendor.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for target, source in ASSETS.items():
        src, dst = ROOT / "node_modules" / source, tmp / target
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            shutil.copy2(src, dst)
    # Swap in whole, so a failed copy never leaves half a vendor folder behind.
    shutil.rmtree(VENDOR, ignore_errors=True)
    tmp.rename(VENDOR)
    missing = missing_assets()
    if missing:
        print(f"error: assets missing after copy: {missing}", file=sys.stderr)
        return 1
    print(f"map assets ready in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
