"""The Word reader: body text in order, tables, footnotes; headers, footers and line numbers out;
tracked changes and comments listed; pages from breaks or estimated."""

from __future__ import annotations

from pathlib import Path

from filelint.documents.docx import extract
from filelint.documents.model import Document
from filelint.testing.docxwrite import docx_bytes, zip_bomb_docx


def read(data: bytes) -> Document:
    return extract(Path("paper.docx"), data, "0" * 64)


def test_pages_tables_and_header_left_out() -> None:
    doc = read(
        docx_bytes(
            [["NOTICE OF MOTION", "Nos. 13-16"], ["Second page \u201cquoted\u201d \u2014 dash"]],
            tables={1: [["Request", "Response"], ["REQUEST NO. 13:", "Objection."]]},
            header="PLAINTIFF'S NOTICE",
            pleading_numbers=True,
        )
    )
    assert doc.status == "ok" and doc.pagination == "breaks"
    assert doc.pages == (
        "NOTICE OF MOTION\nNos. 13-16",
        'Second page "quoted" - dash\nRequest\nResponse\nREQUEST NO. 13:\nObjection.',
    )
    assert doc.tables == ((("Request", "Response"), ("REQUEST NO. 13:", "Objection.")),)


def test_revisions_listed_and_text_as_accepted() -> None:
    doc = read(
        docx_bytes(
            [["The motion concerns No. 13"]], tracked=["and No. 14"], deleted=["and No. 12"], comments=["check this"]
        )
    )
    assert doc.pages == ("The motion concerns No. 13 and No. 14",)
    assert doc.revisions == ("1 tracked insertion", "1 tracked deletion", "1 comment")


def test_long_draft_without_breaks_is_paginated_by_estimate() -> None:
    doc = read(docx_bytes([[f"Paragraph {i} " + "word " * 20 for i in range(60)]]))
    assert doc.pagination == "estimated"
    assert len(doc.pages) == 5  # 60 two-line paragraphs, 14 per 28-line page


def test_footnotes_at_the_foot_of_their_page() -> None:
    import io

    import docx
    from docx.oxml import parse_xml

    data = docx_bytes([["Body cites a note."], ["Page two."]])
    document = docx.Document(io.BytesIO(data))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    run = parse_xml(f'<w:r xmlns:w="{w}"><w:footnoteReference w:id="1"/></w:r>')
    document.paragraphs[0]._p.append(run)
    notes_part = _footnotes_part(document, w)
    document.part.relate_to(notes_part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")
    out = io.BytesIO()
    document.save(out)
    doc = read(out.getvalue())
    assert doc.pages == ("Body cites a note.\nSee RFP No. 35 (footnote).", "Page two.")


def _footnotes_part(document: object, w: str) -> object:
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    xml = (
        f'<w:footnotes xmlns:w="{w}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>See RFP No. 35 (footnote).</w:t></w:r>'
        "</w:p></w:footnote></w:footnotes>"
    )
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    return Part(PackURI("/word/footnotes.xml"), ct, xml.encode(), document.part.package)  # type: ignore[attr-defined]


def test_zip_bomb_refused_without_inflating() -> None:
    doc = read(zip_bomb_docx())
    assert doc.status == "corrupt" and "would inflate to 2048 MiB" in doc.detail


def test_damaged_package_is_a_status() -> None:
    data = docx_bytes([["x"]])
    doc = read(data[: len(data) // 2])
    assert doc.status == "corrupt" and doc.detail.startswith("damaged Word file")


def test_empty_document_has_no_text() -> None:
    assert read(docx_bytes([[]])).status == "no-text"


def test_word_rendered_layout_wins_over_breaks() -> None:
    import io

    import docx
    from docx.oxml import parse_xml

    data = docx_bytes([["First page, start.", "First page, end.", "Second page as Word laid it out."]])
    document = docx.Document(io.BytesIO(data))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    third = document.paragraphs[2]._p
    third.insert(0, parse_xml(f'<w:r xmlns:w="{w}"><w:lastRenderedPageBreak/></w:r>'))
    out = io.BytesIO()
    document.save(out)
    doc = read(out.getvalue())
    assert doc.pagination == "rendered"
    assert doc.pages == ("First page, start.\nFirst page, end.", "Second page as Word laid it out.")


def test_entity_expansion_bomb_refused_quickly() -> None:
    import io
    import time
    import zipfile

    entities = "".join(f'<!ENTITY e{i} "' + f"&e{i - 1};" * 10 + '">' for i in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e0 "lol">{entities}]><w:document xmlns:w="'
        'http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&e9;</w:t>'
        "</w:r></w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes([["x"]]))) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml.encode() if info.filename == "word/document.xml" else src.read(info))
    started = time.monotonic()
    doc = read(out.getvalue())
    assert time.monotonic() - started < 2 and doc.status == "corrupt" and doc.pages == ()
