"""Formats are chosen by content; every failure is a status; results are cached by content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from filelint.documents import Document, read_documents
from filelint.documents.sniff import sniff
from filelint.testing.docxwrite import docx_bytes, encrypted_docx
from filelint.testing.pdfwrite import pdf_bytes

from .mailbuild import mbox, message

NOTICE = [["NOTICE OF MOTION", "Requests for Production Nos. 13-16, 34 and 35."]]


def test_sniff_by_content() -> None:
    assert sniff(pdf_bytes(NOTICE)) == "pdf"
    assert sniff(b"junk" * 10 + pdf_bytes(NOTICE)) == "pdf"
    assert sniff(docx_bytes(NOTICE)) == "docx"
    assert sniff(message("Hello").as_bytes()) == "eml"
    assert sniff(mbox(message("a"), message("b"))) == "mbox"
    assert sniff(encrypted_docx()) == "encrypted-office"
    assert sniff(b"<html><body>x</body></html>") == "html"
    assert sniff(b"\x00\x01binary") == "unknown"


def test_a_word_file_named_pdf_is_read_as_word(tmp_path: Path) -> None:
    path = tmp_path / "notice.pdf"
    path.write_bytes(docx_bytes(NOTICE))
    doc = read_documents([path])[path]
    assert isinstance(doc, Document) and doc.format == "docx" and doc.status == "ok"
    assert "Nos. 13-16, 34 and 35" in doc.pages[0]


def test_unknown_and_unsupported_are_findings_not_passes(tmp_path: Path) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_bytes(b"\x00\x01 binary blob")
    fake = tmp_path / "notice.pdf"
    fake.write_bytes(b"<html><body>login</body></html>")
    locked = tmp_path / "memo.docx"
    locked.write_bytes(encrypted_docx())
    docs = read_documents([odd, fake, locked])
    assert docs[odd].status == "unsupported"
    assert (docs[fake].status, docs[fake].detail) == ("not-pdf", "not a PDF (an HTML page saved as .pdf?)")
    assert docs[locked].status == "encrypted" and "password" in docs[locked].detail


def test_warm_run_is_cached_and_imports_no_reader_library(tmp_path: Path) -> None:
    path = tmp_path / "notice.docx"
    path.write_bytes(docx_bytes(NOTICE))
    cache = tmp_path / "cache"
    cold = read_documents([path], cache_dir=cache)[path]
    assert list((cache / "docx-text").iterdir())
    code = (
        "import sys; from pathlib import Path; from filelint.documents import read_documents; "
        f"d = read_documents([Path({str(path)!r})], cache_dir=Path({str(cache)!r}))[Path({str(path)!r})]; "
        "print(d.pages[0]); print('docx' in sys.modules, 'lxml' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [*cold.pages[0].splitlines(), "False False"]


def test_same_bytes_read_once_per_reader(tmp_path: Path) -> None:
    a, b = tmp_path / "a.eml", tmp_path / "b.eml"
    a.write_bytes(message("Please produce RFP No. 2.").as_bytes())
    b.write_bytes(a.read_bytes())
    docs = read_documents([a, b])
    assert docs[a].pages == docs[b].pages and docs[b].path == b
