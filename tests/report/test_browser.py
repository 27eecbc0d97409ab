"""The report in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium).

Marked ``browser``. Without Chromium or Playwright the tests skip, unless FILELINT_REQUIRE_BROWSER=1
(as in CI, .ci/run), where a missing browser is a failure: these tests must run there.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from filelint.cli import main

from .large_motion import write as write_large

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "palominos-cervantes-v-gm"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
#: Every label and mark's box, and the pairs of them that intersect (a label against anything).
OVERLAPS = """() => {
  const els = [...document.querySelectorAll('svg.timeline .lbl, svg.timeline .mark')];
  const boxes = els.map(e => { const r = e.getBoundingClientRect();
    return {l: r.left, t: r.top, r: r.right, b: r.bottom, label: e.classList.contains('lbl'), text: e.textContent}; });
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], c = boxes[j];
    if (!(a.label || c.label)) continue;
    if (a.l < c.r - 0.5 && c.l < a.r - 0.5 && a.t < c.b - 0.5 && c.t < a.b - 0.5) hits.push([a.text, c.text]);
  }
  return {count: boxes.length, labels: boxes.filter(b => b.label).length, hits: hits.slice(0, 10),
          zero: boxes.filter(b => b.r - b.l <= 0).length};
}"""


def _unavailable(why: str) -> None:
    if os.environ.get("FILELINT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required here (FILELINT_REQUIRE_BROWSER=1) but {why}")
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[browser]')")
    if not Path(CHROMIUM).is_file():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield launched
        launched.close()


def render(folder: Path, out: Path) -> Path:
    code = main(["report", str(folder), "-o", str(out), "--today", "2023-12-05"])
    assert code in (0, 1)
    return out


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(SEED, tmp_path_factory.mktemp("seed") / "report.html")


def open_page(browser: Any, path: Path, **options: Any) -> tuple[Any, dict[str, list[str]]]:
    """A fresh page on ``path`` that records console errors, page errors and every request."""
    seen: dict[str, list[str]] = {"console": [], "errors": [], "requests": []}
    page = browser.new_page(**options)
    page.on("console", lambda m: seen["console"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto(path.as_uri())
    return page, seen


def test_page_loads_with_no_console_error_and_no_request_leaving(browser: Any, seed_page: Path) -> None:
    page, seen = open_page(browser, seed_page)
    page.wait_for_load_state("networkidle")
    assert seen["console"] == [] and seen["errors"] == []
    assert seen["requests"] == [seed_page.as_uri()]  # the page itself, nothing else
    assert page.title() == "filelint report: 23STCV03596"
    page.close()


def test_one_timeline_mark_per_event_in_the_manifest(browser: Any, seed_page: Path) -> None:
    manifest = yaml.safe_load((SEED / "filelint.yaml").read_text())
    motion = manifest["motion"]
    dated = (
        len(manifest["discovery"])
        + len(manifest["responses"])
        + sum("verification_served" in r for r in manifest["responses"])
        + len(manifest["meet_and_confer"])
        + sum(k in motion for k in ("filed", "served", "hearing"))
    )
    page, _ = open_page(browser, seed_page)
    marks = page.locator("svg.timeline g.ev")
    assert marks.count() == dated == 8
    assert all(marks.nth(i).locator(".mark").is_visible() for i in range(dated))
    assert page.locator("svg.timeline g.ev.unanswered .lbl").text_content() == "Aug 30 m2 letter +OFFER+ASK UNANSWERED"
    page.close()


def test_following_a_findings_link_focuses_its_event(browser: Any, seed_page: Path) -> None:
    page, _ = open_page(browser, seed_page)
    finding = page.locator("ul.findings li", has_text="CAL003")
    finding.get_by_role("link", name="event on the timeline: m2 letter, Aug 30").click()
    assert page.evaluate("document.activeElement.id") == "ev-mc-1"
    assert page.locator("#tip").inner_text().startswith("2023-08-30 · letter from the responding side")
    assert page.locator("#tip").inner_text().endswith("exhibits/ex4-gm-reply.pdf, manifest line 45")
    page.keyboard.press("Shift+Tab")  # keyboard: the previous event (m1) takes focus and shows its facts
    assert page.evaluate("document.activeElement.id") == "ev-mc-0"
    assert "manifest line 39" in page.locator("#tip").inner_text()
    page.locator("#ev-hearing .mark").hover()
    assert page.locator("#tip").inner_text().startswith("2023-12-05 · the hearing")
    page.close()


def test_printed_pdf_has_the_timeline_and_the_matrix(browser: Any, seed_page: Path) -> None:
    from pdfminer.high_level import extract_text

    page, _ = open_page(browser, seed_page)
    pdf = page.pdf(format="Letter", print_background=False)
    page.close()
    assert re.search(rb"/MediaBox \[0 0 612 792\]", pdf)  # letter paper
    assert re.search(rb"/MediaBox \[0 0 792 612\]", pdf)  # the timeline and the matrix: letter landscape
    text = extract_text(io.BytesIO(pdf))
    assert "Timeline" in text and "Aug 30 m2 letter +OFFER+ASK UNANSWERED" in text
    assert "Coverage: requests at issue by communication" in text and "RFP No. 34" in text
    assert "Sep 20 last day to move (45 days)" in text


def test_large_motion_renders_with_no_overlapping_labels(browser: Any, tmp_path: Path) -> None:
    out = render(write_large(tmp_path / "large"), tmp_path / "large.html")
    page, seen = open_page(browser, out, viewport={"width": 1280, "height": 900})
    measured = page.evaluate(OVERLAPS)
    assert page.locator("svg.timeline g.ev").count() == 307  # 300 communications + 7 other events
    assert measured["labels"] >= 307 and measured["zero"] == 0
    assert measured["hits"] == []
    assert page.locator("table.matrix tbody tr").count() >= 1 and seen["errors"] == []
    height = page.evaluate("document.querySelector('svg.timeline').getBoundingClientRect().height")
    assert height < 700  # dense sides are stretched sideways (scrolled), not stacked sky-high
    page.close()
