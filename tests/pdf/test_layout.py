"""What the corpus suite proves about layout, on PDFs the tests generate (runs without the corpus).

Pleading-paper line numbers, CM/ECF stamps, running footers and page numbers go; a real number at
the start of a line stays; a declaration whose exhibits are scans is "partial" and lists them.
"""

from __future__ import annotations

from pathlib import Path

from filelint.pdf import read_document
from filelint.testing.pdfwrite import build, literal, write_pdf

from .helpers import bare_numbers

STAMP = "Case 2:21-cv-01234-ABC-DEF Document 42-1 Filed 03/04/22 Page {page} of {pages} Page ID #:5{page}"
FOOTER = "DECLARATION OF COUNSEL IN SUPPORT OF MOTION TO COMPEL"


def _body(page: int) -> list[str]:
    return [f"{page}{n:02d}. Counsel wrote again about Request for Production No. {n}." for n in range(1, 29)]


def test_pleading_paper_stamp_footer_and_page_numbers_are_gone(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "decl.pdf", [_body(p) for p in (1, 2, 3)], pleading_paper=True, footer=FOOTER, stamp=STAMP
    )
    doc = read_document(path)
    assert doc.status == "ok", doc.detail
    for number, page in enumerate(doc.pages, 1):
        assert page.split("\n") == _body(number)
        assert bare_numbers(page) == []
        assert "Document 42-1" not in page and FOOTER not in page


def test_number_at_line_start_is_kept_on_pleading_paper(tmp_path: Path) -> None:
    lines = ["11 [Dkt. 854-2] is the order the court entered.", "12 days later the responses came."]
    doc = read_document(write_pdf(tmp_path / "brief.pdf", [lines, lines], pleading_paper=True))
    assert doc.pages[0].split("\n") == lines


def test_caption_on_page_one_stays_while_the_running_footer_goes(tmp_path: Path) -> None:
    pages = [
        ["NOTICE OF MOTION AND MOTION TO COMPEL FURTHER RESPONSES", "Plaintiff moves."],
        ["The motion is made on the following grounds."],
        ["Dated: March 4, 2022"],
    ]
    doc = read_document(write_pdf(tmp_path / "notice.pdf", pages, footer="NOTICE OF MOTION AND MOTION"))
    assert doc.pages[0].startswith("NOTICE OF MOTION AND MOTION TO COMPEL FURTHER RESPONSES")
    assert not any(page.rstrip().endswith("NOTICE OF MOTION AND MOTION") for page in doc.pages)


def _declaration_with_scanned_exhibits(path: Path, text_pages: int, scans: int) -> Path:
    """Typed pages, then exhibit pages that are page-sized images with no text layer."""
    count = text_pages + scans
    first = 4  # 1 catalog, 2 page tree, 3 font, then page + content pairs, then the image
    image = first + 2 * count
    kids = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
    ]
    for i in range(count):
        if i < text_pages:
            content = b"".join(
                b"BT /F1 12 Tf 1 0 0 1 72 %d Tm %s Tj ET\n"
                % (720 - 14 * n, literal(f"Paragraph {i + 1}.{n}: counsel conferred by letter on the requests."))
                for n in range(20)
            )
            resources = b"<< /Font << /F1 3 0 R >> >>"
        else:
            content = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % image
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources %s >>" % (first + 2 * i + 1, resources)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    pixels = bytes([0, 255, 255, 0])
    objects.append(
        b"<< /Length 4 /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 >>\nstream\n" + pixels + b"\nendstream"
    )
    path.write_bytes(build(objects))
    return path


def test_scanned_exhibits_make_the_paper_partial_and_are_listed(tmp_path: Path) -> None:
    doc = read_document(_declaration_with_scanned_exhibits(tmp_path / "decl.pdf", text_pages=2, scans=3))
    assert doc.status == "partial", doc.detail
    assert doc.scanned_pages == (3, 4, 5)
    assert "pages 3-5" in doc.detail and "OCR" in doc.detail
    assert "Paragraph 1.0: counsel conferred" in doc.pages[0]
