"""A tiny, dependency-free PDF writer for tests and reproducible example papers.

Writes text-only PDFs in a base-14 font (no embedding), WinAnsi-encoded,
612 x 792 pt, with uncompressed content streams and no timestamps or IDs, so
the same input always gives the same bytes. ``pleading_paper=True`` draws the
numbers 1-28 right-aligned down the left margin (right edge at 90 pt) and the
margin rules, like California pleading paper, with one body line beside each
number.

Also builds broken files for reader tests: encrypted, truncated, image-only,
with a garbage cross-reference table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

PAGE_WIDTH = 612
PAGE_HEIGHT = 792
FONT_SIZE = 12
#: Pleading paper: 28 numbered lines, 24 pt apart (double spacing), first
#: baseline, right edge of the numbers and left edge of the body (pt).
PLEADING_LINES = 28
PLEADING_LEADING = 24.0
PLEADING_TOP = 715.0
NUMBER_RIGHT = 90.0
PLEADING_BODY_X = 108.0
#: Plain paper: single-spaced lines from the top margin.
PLAIN_LEADING = 14.0
PLAIN_TOP = 720.0
PLAIN_BODY_X = 72.0
PLAIN_LINES = 46
#: Times-Roman digits are all 500/1000 em wide: enough to right-align numbers.
_DIGIT_WIDTH = 0.5 * FONT_SIZE
_HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


def write_pdf(
    path: Path,
    pages: list[list[str]],
    *,
    pleading_paper: bool = False,
    title: str | None = None,
    footer: str | None = None,
    stamp: str | None = None,
    font: str = "Times-Roman",
) -> Path:
    """Write ``pages`` (each a list of text lines) as a PDF at ``path``.

    :param pleading_paper: number the lines 1-28 in the left margin; at most
        28 lines per page, each beside its number.
    :param title: the document's /Title metadata.
    :param footer: a running footer on every page, with the page number above it.
    :param stamp: a header line on every page, like the CM/ECF stamp;
        ``{page}`` and ``{pages}`` are replaced by the page number and count.
    :param font: a base-14 font name, e.g. "Times-Roman" or "Helvetica".
    """
    path.write_bytes(
        pdf_bytes(pages, pleading_paper=pleading_paper, title=title, footer=footer, stamp=stamp, font=font)
    )
    return path


def pdf_bytes(
    pages: Sequence[Sequence[str]],
    *,
    pleading_paper: bool = False,
    title: str | None = None,
    footer: str | None = None,
    stamp: str | None = None,
    font: str = "Times-Roman",
) -> bytes:
    """The bytes `write_pdf` would write."""
    contents = [
        _page_content(lines, number, len(pages), pleading_paper, footer, stamp)
        for number, lines in enumerate(pages, start=1)
    ]
    return _assemble(contents, font=font, title=title)


def literal(text: str) -> bytes:
    """A PDF literal string for ``text`` in WinAnsi; parentheses and
    backslashes escaped, non-ASCII bytes as octal so the file stays ASCII."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252", errors="replace"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 0x20 or byte > 0x7E:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def _text(x: float, y: float, text: str, size: int = FONT_SIZE) -> bytes:
    return b"BT /F1 %d Tf 1 0 0 1 %.2f %.2f Tm %s Tj ET\n" % (size, x, y, literal(text))


def _page_content(
    lines: Sequence[str],
    number: int,
    count: int,
    pleading: bool,
    footer: str | None,
    stamp: str | None,
) -> bytes:
    limit = PLEADING_LINES if pleading else PLAIN_LINES
    if len(lines) > limit:
        raise ValueError(f"page {number} has {len(lines)} lines; at most {limit} fit")
    out = bytearray()
    if stamp is not None:
        out += _text(60, 766, stamp.format(page=number, pages=count), size=10)
    if pleading:
        out += _pleading_margin()
    x, top, leading = (
        (PLEADING_BODY_X, PLEADING_TOP, PLEADING_LEADING) if pleading else (PLAIN_BODY_X, PLAIN_TOP, PLAIN_LEADING)
    )
    for i, line in enumerate(lines):
        if line:
            out += _text(x, top - i * leading, line)
    if footer is not None:
        out += _text(PAGE_WIDTH / 2 - 3, 46, str(number), size=10)
        out += _text(x, 30, footer, size=9)
    return bytes(out)


def _pleading_margin() -> bytes:
    """Line numbers right-aligned at NUMBER_RIGHT and the margin rules."""
    out = bytearray(b"0.5 w 100 0 m 100 792 l S 103 0 m 103 792 l S 580 0 m 580 792 l S\n")
    for n in range(1, PLEADING_LINES + 1):
        label = str(n)
        x = NUMBER_RIGHT - len(label) * _DIGIT_WIDTH
        out += _text(x, PLEADING_TOP - (n - 1) * PLEADING_LEADING, label)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _assemble(contents: Sequence[bytes], *, font: str, title: str | None) -> bytes:
    """Objects: 1 catalog, 2 page tree, 3 font, 4 info, then page + content pairs."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(len(contents)))
    info = b"<< /Producer (filelint pdfwrite)" + (b" /Title " + literal(title) if title is not None else b"") + b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(contents),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /" + font.encode("ascii") + b" /Encoding /WinAnsiEncoding >>",
        info,
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (PAGE_WIDTH, PAGE_HEIGHT, first_page + 2 * i + 1)
        )
        objects.append(_stream(content))
    return build(objects, trailer=b"/Info 4 0 R ")


def build(objects: Sequence[bytes], *, trailer: bytes = b"", root: int = 1) -> bytes:
    """A PDF of ``objects`` (numbered from 1; object ``root`` is the catalog) with a
    correct cross-reference table."""
    out = bytearray(_HEADER)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer, xref)
    return bytes(out)


# ---------------------------------------------------------------- bad files


def write_encrypted_stub(path: Path) -> Path:
    """A PDF under the standard security handler whose user password is not
    empty (O/U entries match no password): unreadable without the password."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + b"1f" * 32 + b"> /U <" + b"2e" * 32 + b"> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        _stream(b"\x8f\x11\x02ciphertext"),
        encrypt,
    ]
    file_id = b"<0123456789abcdef0123456789abcdef>"
    path.write_bytes(build(objects, trailer=b"/Encrypt 5 0 R /ID [" + file_id + b" " + file_id + b"] "))
    return path


def write_truncated(path: Path, pages: int = 3, keep: float = 0.5) -> Path:
    """A text PDF cut off after ``keep`` of its bytes (an interrupted download)."""
    data = pdf_bytes([[f"Page {n} of a truncated paper."] for n in range(1, pages + 1)])
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def write_garbage_xref(path: Path, pages: list[list[str]]) -> Path:
    """A text PDF whose cross-reference table and startxref are garbage, as
    after a bad edit; objects and trailer are intact, so a reader that
    rebuilds the table (pdfminer does) still finds the text."""
    data = pdf_bytes(pages)
    start = data.rindex(b"\nxref\n") + 1
    end = data.index(b"trailer", start)
    body = data[:start] + b"xref\n0 9\n" + b"9999999999 00000 n \n" * 8 + data[end:]
    body = body[: body.rindex(b"startxref")] + b"startxref\n123456789\n%%EOF\n"
    path.write_bytes(body)
    return path


def write_image_only(path: Path, pages: int = 1) -> Path:
    """A scan: each page paints one page-sized grey image and has no text."""
    image_number = 3 + 2 * pages
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    for i in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /XObject << /Im1 %d 0 R >> >> >>" % (4 + 2 * i, image_number)
        )
        objects.append(_stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"))
    objects.append(
        _stream(
            bytes([0, 255, 255, 0]),
            b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 ",
        )
    )
    path.write_bytes(build(objects))
    return path
