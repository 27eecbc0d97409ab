"""Memory stays flat on long files: PDFium's document is opened again every few pages and
pdfminer forgets each read page's content streams; neither changes a character of the text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from filelint.pdf import extract, pdfium
from filelint.testing.pdfwrite import PAGE_HEIGHT, PAGE_WIDTH, build, write_pdf


def long_paper(path: Path, pages: int) -> bytes:
    texts = [[f"Page {n}: the responses to Requests Nos. {n} through {n + 9} are evasive."] * 12 for n in range(pages)]
    return write_pdf(path, texts, pleading_paper=True, footer="DECLARATION OF COUNSEL").read_bytes()


def test_pdfium_reads_the_same_text_across_a_reopen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    every = pdfium._REOPEN_PAGES
    data = long_paper(tmp_path / "declaration.pdf", 2 * every + 7)
    reopened = pdfium.extract_lines(data)
    monkeypatch.setattr(pdfium, "_REOPEN_PAGES", 10**6)
    assert reopened is not None and reopened == pdfium.extract_lines(data)
    assert reopened[0][every].lines[0].text.startswith(f"Page {every}:")


def test_pdfium_parts_across_a_reopen_tile_the_file(tmp_path: Path) -> None:
    data = long_paper(tmp_path / "declaration.pdf", pdfium._REOPEN_PAGES + 30)
    whole = pdfium.extract_lines(data)
    parts = [pdfium.extract_lines(data, part=(i, 3)) for i in range(3)]
    assert whole is not None and all(p is not None for p in parts)
    assert [page for p in parts if p for page in p[0]] == whole[0]


def test_pdfminer_reads_a_content_stream_two_pages_share(tmp_path: Path) -> None:
    """Two pages drawn by one content stream (a repeated slip sheet): the second page parses the
    stream again after the first page's copy was forgotten."""
    content = b"BT /F1 12 Tf 72 700 Td (Exhibit 4: Defendant's Responses to Requests for Production) Tj ET"
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
        % (PAGE_WIDTH, PAGE_HEIGHT)
    )
    data = build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R 6 0 R] /Count 2 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            page,
            page,
        ]
    )
    doc = extract.extract(tmp_path / "slip.pdf", data, hashlib.sha256(data).hexdigest(), backend="pdfminer")
    assert doc.pages == ("Exhibit 4: Defendant's Responses to Requests for Production",) * 2
