"""Write Word .docx papers for tests and the worked examples (needs python-docx).

`write_docx` lays out the same ``pages`` (lists of lines) that `pdfwrite.write_pdf` takes, one
paragraph per line and a page break between pages, so a test can write one paper both ways and
expect the same findings. Extras build what only Word has: tables, footnotes, tracked changes,
comments, a pleading-paper header, and broken files (zip bombs, encrypted packages).
Output is byte-for-byte reproducible (fixed zip timestamps and document properties).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_EPOCH = (2024, 1, 1, 0, 0, 0)
Table = Sequence[Sequence[str]]


def docx_bytes(
    pages: Sequence[Sequence[str]],
    *,
    tables: dict[int, Table] | None = None,
    header: str | None = None,
    pleading_numbers: bool = False,
    tracked: Sequence[str] = (),
    deleted: Sequence[str] = (),
    comments: Sequence[str] = (),
) -> bytes:
    """A .docx of ``pages``.

    :param tables: page index -> rows of cells, added after that page's lines.
    :param header: text of a running header (left out by the reader, as in a PDF).
    :param pleading_numbers: a header text box numbering lines 1-28, as pleading templates do.
    :param tracked: text added as tracked insertions at the end of the first page.
    :param deleted: text added as tracked deletions at the end of the first page.
    :param comments: comments anchored on the first paragraph.
    """
    import docx

    document: Any = docx.Document()
    first_paragraph = None
    for index, lines in enumerate(pages):
        if index:
            document.add_page_break()
        for line in lines:
            paragraph = document.add_paragraph(line)
            first_paragraph = first_paragraph or paragraph
        if tables and index in tables:
            _add_table(document, tables[index])
    if first_paragraph is not None:
        _revise(first_paragraph, tracked, deleted)
        for text in comments:
            document.add_comment(first_paragraph.runs[0], text=text, author="Reviewer", initials="R")
    if header or pleading_numbers:
        _header(document, header, pleading_numbers)
    props = document.core_properties
    props.created = props.modified = dt.datetime(2024, 1, 1)
    props.author = props.last_modified_by = "filelint tests"
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return _reproducible(out.getvalue())


def write_docx(path: Path, pages: Sequence[Sequence[str]], **options: Any) -> Path:
    """Write `docx_bytes` to ``path``."""
    path.write_bytes(docx_bytes(pages, **options))
    return path


def _add_table(document: Any, rows: Table) -> None:
    table = document.add_table(rows=0, cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for cells in rows:
        for cell, text in zip(table.add_row().cells, cells, strict=False):
            cell.text = text


def _revise(paragraph: Any, tracked: Sequence[str], deleted: Sequence[str]) -> None:
    from docx.oxml import parse_xml

    for i, text in enumerate(tracked):
        paragraph._p.append(
            parse_xml(
                f'<w:ins xmlns:w="{_W}" w:id="{900 + i}" w:author="Reviewer" w:date="2024-01-01T00:00:00Z">'
                f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:ins>'
            )
        )
    for i, text in enumerate(deleted):
        paragraph._p.append(
            parse_xml(
                f'<w:del xmlns:w="{_W}" w:id="{950 + i}" w:author="Reviewer" w:date="2024-01-01T00:00:00Z">'
                f'<w:r><w:delText xml:space="preserve"> {text}</w:delText></w:r></w:del>'
            )
        )


def _header(document: Any, text: str | None, numbers: bool) -> None:
    from docx.oxml import parse_xml

    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph.text = text or ""
    if numbers:
        lines = "".join(f"<w:p><w:r><w:t>{n}</w:t></w:r></w:p>" for n in range(1, 29))
        paragraph._p.append(
            parse_xml(
                f'<w:r xmlns:w="{_W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape>'
                f"<v:textbox><w:txbxContent>{lines}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
            )
        )


def _reproducible(data: bytes) -> bytes:
    """The same zip with fixed timestamps (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, _EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def zip_bomb_docx(size: int = 2 * 1024**3) -> bytes:
    """A small .docx whose document.xml claims (and would inflate to) ``size`` bytes.

    Built by hand: the local and central headers declare the size and the deflate stream is
    only a prefix, so the file stays tiny whatever ``size`` is.
    """
    import struct
    import zlib

    chunk = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = chunk.compress(b"\0" * (4 * 1024 * 1024)) + chunk.flush(zlib.Z_SYNC_FLUSH)
    name = b"word/document.xml"
    local = (
        struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, 0, len(body), size & 0xFFFFFFFF, len(name), 0) + name
    )
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0x21,
            0,
            len(body),
            size & 0xFFFFFFFF,
            len(name),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + name
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(body), 0)
    return local + body + central + end


def encrypted_docx() -> bytes:
    """The start of an encrypted Word file: an OLE compound file with an EncryptionInfo stream
    (what Word writes for File > Protect > Encrypt with Password)."""
    magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    return magic + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 2000
