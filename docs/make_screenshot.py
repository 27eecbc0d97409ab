"""Make docs/report.png: the seed example's report, rendered by Debian's Chromium.

    python docs/make_screenshot.py          # needs `pip install -e '.[browser]'` and `apt-get install chromium`

The page is the real output of `filelint report examples/palominos-cervantes-v-gm`; nothing is
staged. `--today` is fixed so the picture does not change from day to day.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "report.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "filelint",
                "report",
                "examples/palominos-cervantes-v-gm",
                "--today",
                "2023-12-05",
                "-o",
                str(html),
            ],
            cwd=ROOT,
            check=False,
        )
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1240, "height": 1000}, device_scale_factor=1)
            page.goto(html.as_uri())
            # from the top through the coverage matrix: the glance, the findings, the timeline, the matrix
            bottom = page.evaluate("document.querySelector('.matrix-wrap').getBoundingClientRect().bottom")
            page.screenshot(
                path=str(ROOT / "docs" / "report.png"),
                full_page=True,
                clip={"x": 0, "y": 0, "width": 1240, "height": bottom + 16},
            )
            browser.close()
    print("wrote docs/report.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
