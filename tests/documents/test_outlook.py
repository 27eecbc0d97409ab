"""The Outlook .msg reader, on messages built by `filelint.testing.msgwrite` (no third-party
.msg fixture is used: extract-msg's own test files are under its GPL licence)."""

from __future__ import annotations

from pathlib import Path

from filelint.documents import read_documents
from filelint.documents.outlook import extract
from filelint.testing.docxwrite import docx_bytes
from filelint.testing.msgwrite import msg_bytes

BODY = (
    "GM will supplement its responses to RFP Nos. 13-16 if plaintiff agrees to a protective order.\r\n\r\n"
    "From: Jane Lawyer\r\nSent: Thursday, August 17, 2023 11:40 PM\r\nTo: Bob Counsel\r\nSubject: RFP\r\n\r\n"
    "We also need RFP No. 34."
)


def reply() -> bytes:
    return msg_bytes(
        sender="bob@defensefirm.com",
        to="jane@plaintifflaw.com",
        date="Wed, 30 Aug 2023 23:30:00 -0700",
        subject="RE: RFP",
        body=BODY,
        message_id="m2@defensefirm.com",
        in_reply_to="m1@plaintifflaw.com",
        attachments=[("letter.docx", docx_bytes([["Letter", "As to RFP No. 35, see below."]]))],
    )


def test_outlook_message_read_like_an_email(tmp_path: Path) -> None:
    path = tmp_path / "reply.bin"  # no extension: the format is read from the bytes
    path.write_bytes(reply())
    doc = read_documents([path])[path]
    assert doc.status == "ok" and getattr(doc, "format", "") == "msg"
    m = doc.messages[0]  # type: ignore[attr-defined]
    assert (m.sender, m.to, m.message_id, m.in_reply_to) == (
        "bob@defensefirm.com",
        ("jane@plaintifflaw.com",),
        "m2@defensefirm.com",
        "m1@plaintifflaw.com",
    )
    assert m.date == "2023-08-30T23:30:00-07:00"
    assert "No. 34" not in "".join(doc.pages) and "No. 34" in m.quoted_text
    assert doc.pages[1] == "[attachment letter.docx]\nLetter\nAs to RFP No. 35, see below."


def test_damaged_outlook_message_is_a_status() -> None:
    data = reply()
    doc = extract(Path("m.msg"), data[:2048], "0" * 64)
    assert doc.status == "corrupt" and doc.detail.startswith("unreadable Outlook message")


def test_outlook_source_dated_in_the_court_time_zone(tmp_path: Path) -> None:
    import datetime as dt

    from filelint.papers.correspondence import court_zone, source_facts

    path = tmp_path / "reply.msg"
    path.write_bytes(reply())
    facts = source_facts(read_documents([path])[path], court_zone(None))
    assert facts.date == dt.date(2023, 8, 30) and facts.offers == ("supplement",)
    assert facts.asks == ("protective-order",) and facts.sender == "bob@defensefirm.com"
