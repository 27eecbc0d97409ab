"""The email readers: headers, new text apart from quotes and signatures, HTML-only bodies,
charsets, attachments read recursively, mailboxes, and hostile messages."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from filelint.documents.mail import MAX_DEPTH, extract_eml, extract_mbox
from filelint.documents.mailtext import html_to_text, split_reply
from filelint.documents.model import Document
from filelint.testing.docxwrite import docx_bytes
from filelint.testing.pdfwrite import pdf_bytes

from .mailbuild import DEFENSE, PLAINTIFF, mbox, message

REPLY = """Counsel,

GM will supplement its responses to RFP Nos. 13-16 if plaintiff agrees to a protective order.

Regards,
Bob
--
Bob Counsel | Defense Firm LLP

On Thu, Aug 17, 2023 at 4:12 PM Jane Lawyer <jane@plaintifflaw.com> wrote:
> Please provide further responses to RFP Nos. 2, 3, 8 and 13-16.
> We also need RFP No. 34.
"""


def eml(msg: EmailMessage) -> Document:
    return extract_eml(Path("m.eml"), msg.as_bytes(), "0" * 64)


def test_reply_new_text_apart_from_quote_and_signature() -> None:
    doc = eml(message(REPLY, sender=DEFENSE, to=PLAINTIFF, msgid="m2@defensefirm.com", reply_to="m1@plaintifflaw.com"))
    m = doc.messages[0]
    assert m.sender == "bob@defensefirm.com" and m.to == ("jane@plaintifflaw.com",)
    assert m.in_reply_to == "m1@plaintifflaw.com" and m.references == ("m1@plaintifflaw.com",)
    assert "RFP Nos. 13-16" in m.new_text and "No. 34" not in m.new_text and "Defense Firm" not in m.new_text
    assert "No. 34" in m.quoted_text and "No. 34" not in "".join(doc.pages)
    assert m.date == "2023-08-17T16:12:00-07:00"


def test_outlook_and_wrapped_quote_headers() -> None:
    outlook = (
        "Agreed on Nos. 13-16.\n\nFrom: Jane Lawyer <jane@x.com>\nSent: Thursday, August 17, 2023 4:12 PM\n"
        "To: Bob\nSubject: RFP\n\nWe need No. 34."
    )
    assert split_reply(outlook) == ("Agreed on Nos. 13-16.", outlook[outlook.index("From:") :])
    wrapped = "Fine.\n\nOn Thu, Aug 17, 2023 at 4:12 PM Jane Lawyer <jane@x.com>\nwrote:\n> No. 34"
    assert split_reply(wrapped)[0] == "Fine."


def test_forwarded_chain_new_text_only_above_the_forward() -> None:
    body = (
        "See below; we still need No. 35.\n\n---------- Forwarded message ---------\nFrom: Bob\n"
        "Date: Aug 30, 2023\nSubject: RFP\n\nGM offers to supplement Nos. 13-16."
    )
    m = eml(message(body)).messages[0]
    assert m.new_text.endswith("we still need No. 35.") and "13-16" in m.quoted_text


def test_html_only_body_with_gmail_quote() -> None:
    html = (
        "<html><head><style>p{}</style></head><body><div>We still need <b>RFP No. 35</b>.</div>"
        '<div class="gmail_quote"><div>On Aug 30 Bob wrote:</div><blockquote>GM will supplement'
        " Nos. 13-16</blockquote></div></body></html>"
    )
    m = eml(message("", html=html)).messages[0]
    assert m.new_text == "We still need RFP No. 35." and "13-16" in m.quoted_text
    assert html_to_text("<p>a</p><blockquote>b</blockquote>") == "a\n> b"


def test_non_utf8_charsets() -> None:
    latin = eml(message("Café: RFP No. 13 - señor", charset="iso-8859-1"))
    assert latin.messages[0].new_text.startswith("Café: RFP No. 13 - señor")
    raw = message("placeholder").as_bytes().replace(b"placeholder", "Résumé No. 14".encode("cp1252"))
    raw = raw.replace(b'charset="utf-8"', b"charset=x-unknown-charset").replace(b"charset=utf-8", b"charset=x-unknown")
    doc = extract_eml(Path("m.eml"), raw, "0" * 64)
    assert doc.status == "ok" and "No. 14" in doc.pages[0]


def test_attachments_read_recursively() -> None:
    msg = message("Attached is our letter.")
    msg.add_attachment(
        pdf_bytes([["Dear Counsel:", "RFP Nos. 2, 3, 8 and 13-16 are deficient."]]),
        maintype="application",
        subtype="pdf",
        filename="letter.pdf",
    )
    msg.add_attachment(
        docx_bytes([["Proposed stipulation", "RFP No. 34"]]),
        maintype="application",
        subtype="octet-stream",
        filename="stip.docx",
    )
    forwarded = message("Earlier: RFP No. 35.", msgid="old@x")
    msg.add_attachment(forwarded)
    doc = eml(msg)
    assert doc.messages[0].attachments == ("letter.pdf", "stip.docx", "attachment-3")
    text = "\n".join(doc.pages)
    assert "[attachment letter.pdf]" in text and "13-16 are deficient" in text and "RFP No. 34" in text
    assert [m.message_id for m in doc.messages] == ["m1@plaintifflaw.com", "old@x"]


def test_mbox_thread() -> None:
    first = message("Please supplement RFP Nos. 13-16.")
    second = message(
        REPLY,
        sender=DEFENSE,
        msgid="m2@defensefirm.com",
        reply_to="m1@plaintifflaw.com",
        date="Wed, 30 Aug 2023 09:00:00 -0700",
        subject="Re: Palominos v. GM: RFP responses",
    )
    doc = extract_mbox(Path("t.mbox"), mbox(first, second), "0" * 64)
    assert doc.status == "ok" and len(doc.messages) == 2
    assert doc.messages[1].page == 1 and doc.messages[1].in_reply_to == "m1@plaintifflaw.com"


def test_nested_forwards_are_bounded() -> None:
    inner = message("the bottom: No. 99")
    for depth in range(MAX_DEPTH + 5):
        outer = message(f"level {depth}", msgid=f"l{depth}@x")
        outer.add_attachment(inner)
        inner = outer
    doc = eml(inner)
    assert doc.status == "ok" and len(doc.messages) == MAX_DEPTH + 1
    assert any("nested over" in p for m in doc.messages for p in m.problems)


def test_malformed_headers_are_problems_not_crashes() -> None:
    raw = (
        b'From: "unterminated <bob@\nTo: ,,,@@@\nDate: the day after tomorrow\nSubject: =?bogus?Q?x?=\n'
        b"Message-ID: <<<>>>\n\nRFP No. 13.\n"
    )
    doc = extract_eml(Path("m.eml"), raw, "0" * 64)
    assert doc.status == "ok" and doc.messages[0].date is None
    assert any("Date header unreadable" in p for p in doc.messages[0].problems)


def test_huge_attachment_listed_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from filelint.documents import nested

    msg = message("big file attached")
    msg.add_attachment(b"%PDF-1.4 " + b"0" * 2000, maintype="application", subtype="pdf", filename="big.pdf")
    monkeypatch.setattr(nested, "MAX_ATTACHMENT_BYTES", 1000)
    doc = eml(msg)
    assert any("big.pdf" in p and "over the" in p for p in doc.messages[0].problems)


def test_garbage_is_a_status() -> None:
    doc = extract_eml(Path("m.eml"), b"\xff\xfe\x00garbage", "0" * 64)
    assert doc.status in ("ok", "corrupt")
