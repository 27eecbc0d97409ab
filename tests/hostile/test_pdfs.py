"""Hostile PDFs: every broken paper gets a status that is not "ok" in bounded time, and in a
motion folder each becomes a finding for that file and the run never exits 0."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from filelint.pdf import read_documents
from filelint.plugins import load_plugins

from .helpers import TODAY, make_folder, run_cli
from .pdfbytes import BAD_PDFS, GOOD

#: Per-document limit used here, so the pdfminer busy-loop costs seconds, not minutes.
LIMIT = 2.0
BASE = (Path(__file__).parent / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
PAPER_CODES = ("FL110", "FL111", "FL112")
#: Files only pdfminer cannot read: PDFium reads them, and "ok" is then the right answer.
PDFIUM_READS = {"pdfminer-busy-loop.pdf"}
BACKENDS = ("pdfium", "pdfminer")


def test_at_least_fifteen() -> None:
    assert len(BAD_PDFS) >= 15


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", sorted(BAD_PDFS))
def test_reader_status(name: str, backend: str, tmp_path: Path) -> None:
    make, allowed = BAD_PDFS[name]
    path = tmp_path / name
    path.write_bytes(make())
    reads = backend == "pdfium" and name in PDFIUM_READS
    # PDFium reads the pdfminer busy-loop in about a second: a limit of 2 s made that a timeout on a
    # loaded machine, and the point here is the status, so it gets time to finish.
    limit = LIMIT * 5 if reads else LIMIT
    start = time.perf_counter()
    doc = read_documents([path], timeout=limit, cache_dir=None, backend=backend)[path]
    elapsed = time.perf_counter() - start
    if reads:
        assert doc.status == "ok" and elapsed < limit + 5
        return
    assert doc.status != "ok"
    assert doc.status in allowed, (doc.status, doc.detail)
    assert doc.detail  # says why
    assert elapsed < LIMIT + 5  # the per-document limit holds (generous: process start-up)


def test_good_pdf_reads(tmp_path: Path) -> None:
    """The builder itself makes readable PDFs, so the failures above are the bytes' fault."""
    path = tmp_path / "good.pdf"
    path.write_bytes(GOOD)
    doc = read_documents([path], timeout=LIMIT, cache_dir=None)[path]
    assert doc.status == "ok" and "COMPEL FURTHER" in doc.pages[0]


def _folder_with_bad_papers(root: Path) -> Path:
    papers = "".join(
        f"  - {{role: exhibit, exhibit: {i}, path: {name}}}\n" for i, name in enumerate(sorted(BAD_PDFS), start=1)
    )
    folder = make_folder(root, BASE + "papers:\n" + papers)
    for name, (make, _) in BAD_PDFS.items():
        (folder / name).write_bytes(make())
    return folder


@pytest.mark.parametrize("backend", BACKENDS)
def test_bad_papers_in_a_motion_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    from filelint.pdf import pool

    monkeypatch.setattr(pool, "default_timeout", lambda pages: LIMIT)
    monkeypatch.chdir(tmp_path)
    _folder_with_bad_papers(tmp_path)
    run = run_cli(
        capsys, "check", "case", "--today", TODAY, "--no-plugins", "--no-cache", "--jobs", "4", "--pdf-backend", backend
    )
    run.assert_clean_output()
    assert run.code != 0
    assert run.seconds < 60
    if not any(code in load_plugins(autoload=False).rules for code in PAPER_CODES):
        pytest.skip("no rule reports unreadable papers yet (FL110-FL112); statuses are tested above")
    for name in BAD_PDFS:
        if backend == "pdfium" and name in PDFIUM_READS:
            continue
        hits = [m for m in run.findings() if m["code"] in PAPER_CODES and name in m["msg"]]
        assert hits, f"no finding for {name}:\n{run.out}"
