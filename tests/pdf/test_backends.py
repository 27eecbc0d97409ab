"""pdfium and pdfminer give the same findings: every motion folder in the repository that carries
PDFs (tests/rules, tests/realcases, examples), and the real filings of the corpus suite, are
linted once with each backend and the findings compared."""

from __future__ import annotations

import datetime as dt
import shutil
from functools import cache
from pathlib import Path

import pytest
import yaml

from filelint.pdf.backends import resolve_backend
from filelint.plugins import Plugins, load_plugins
from filelint.runner import MANIFEST_NAME, lint_folder
from filelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 28)

pytest.importorskip("pypdfium2")


def _folders() -> list[Path]:
    found = []
    for top in (ROOT / "tests", ROOT / "examples"):
        for manifest in sorted(top.rglob(MANIFEST_NAME)):
            if any(manifest.parent.rglob("*.pdf")):
                found.append(manifest.parent)
    return found


@cache
def _plugins() -> Plugins:
    return load_plugins(autoload=True)


def _findings(folder: Path, backend: str) -> list[tuple[object, ...]]:
    settings = Settings(today=TODAY, no_cache=True, pdf_backend=backend)
    result = lint_folder(folder, _plugins(), settings, cwd=folder)
    return sorted(
        (f.code, str(f.severity), f.message, f.location.line, f.location.column, f.location.page)
        for f in result.findings
    )


def test_auto_prefers_pdfium() -> None:
    assert resolve_backend("auto") == "pdfium"
    assert resolve_backend("pdfminer") == "pdfminer"
    with pytest.raises(ValueError, match="unknown PDF backend"):
        resolve_backend("poppler")


def test_every_pdf_in_the_repository_is_in_a_compared_folder() -> None:
    folders = _folders()
    pdfs = {p for top in (ROOT / "tests", ROOT / "examples") for p in top.rglob("*.pdf")}
    covered = {p for folder in folders for p in folder.rglob("*.pdf")}
    assert len(folders) > 20
    assert not pdfs - covered, sorted(str(p.relative_to(ROOT)) for p in pdfs - covered)[:10]


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: str(p.relative_to(ROOT)))
def test_same_findings_with_either_backend(folder: Path) -> None:
    assert _findings(folder, "pdfium") == _findings(folder, "pdfminer")


@pytest.mark.corpus
def test_same_findings_on_real_filings(corpus: Path, tmp_path: Path) -> None:
    """The seed case's manifest with real filings as its papers: the paper-reading rules read
    pleading paper, scans, a Form XObject transcript and broken fonts."""
    real = corpus / "real-pdfs"
    seed = ROOT / "examples" / "palominos-cervantes-v-gm"
    data = yaml.safe_load((seed / MANIFEST_NAME).read_text("utf-8"))
    files = sorted(p.name for p in real.glob("*.pdf"))
    for name in files:
        shutil.copy(real / name, tmp_path / name)
    pick = {
        role: next(f for f in files if key in f)
        for role, key in (
            ("notice", "notice-of-motion"),
            ("memorandum", "memorandum"),
            ("declaration", "counsel-declaration"),
            ("separate-statement", "joint-stip"),
        )
    }
    papers = [{"role": role, "path": name} for role, name in pick.items()]
    others = [f for f in files if f not in pick.values()]
    papers += [{"role": "exhibit", "exhibit": i + 1, "path": name} for i, name in enumerate(others)]
    data["papers"] = papers
    data["responses"][0]["file"] = next(f for f in files if "rfp-responses" in f)
    for comm, key in zip(data["meet_and_confer"], ("letter-to-opposing", "joint-discovery-letter"), strict=False):
        comm["file"] = next(f for f in files if key in f)
    (tmp_path / MANIFEST_NAME).write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    pdfium = _findings(tmp_path, "pdfium")
    assert pdfium == _findings(tmp_path, "pdfminer")
    assert any(code.startswith("FL1") for code, *_ in pdfium), "no paper-reading rule looked at the filings"
