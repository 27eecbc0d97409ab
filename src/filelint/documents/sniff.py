"""Tell a document's format from its bytes, not its name.

A Word file saved as ``letter.pdf``, an email exported without an extension and a PDF behind
1 KB of junk are all common in litigation folders. The extension only breaks ties (a zip that
is neither Word nor anything else known is reported by what its name claims).
"""

from __future__ import annotations

import re
from io import BytesIO

# A PDF header may follow up to 1 KB of junk (readers tolerate it; the PDF specification's implementation notes).
_PDF_WINDOW = 1024
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .msg, .doc, encrypted .docx


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


# Header lines an email starts with (RFC 5322 field names as mail clients write them).
_EMAIL_HEADER = re.compile(
    rb"^(?:From|To|Cc|Date|Subject|Message-ID|Received|Return-Path|MIME-Version|Reply-To|"
    rb"In-Reply-To|References|Delivered-To|X-[\w-]+|Content-Type|Sender|Thread-\w+|DKIM-Signature|"
    rb"ARC-[\w-]+|Authentication-Results)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
_MBOX_FROM = re.compile(rb"^From \S+ ", re.MULTILINE)


def sniff(data: bytes) -> str:
    """One of pdf, docx, eml, mbox, msg, encrypted-office, doc, zip, html, unknown."""
    head = data[:_PDF_WINDOW]
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "docx" if _is_word_zip(data) else "zip"
    if data[:8] == _CFB:
        return _cfb_kind(data)
    if head.startswith(b"From ") and _MBOX_FROM.match(head):
        return "mbox"
    if _looks_like_email(head):
        return "eml"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "html"
    return "unknown"


def _is_word_zip(data: bytes) -> bool:
    """An OOXML word-processing package: a zip with word/document.xml (the name may vary,
    so the content types are the authority when present)."""
    import zipfile  # only for zip data: every run sniffs its papers before it reads them

    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # A damaged package (truncated, no central directory) still names its parts in the
        # local headers: report it as a damaged Word file, not as some other zip.
        return b"word/" in data[:65536]
    return "word/document.xml" in names or any(n.startswith("word/") for n in names)


def _cfb_kind(data: bytes) -> str:
    """Encrypted OOXML, an Outlook message or a legacy Word file: told apart by the names
    of their streams, stored UTF-16 in the compound file's directory."""
    if _utf16("EncryptionInfo") in data or _utf16("EncryptedPackage") in data:
        return "encrypted-office"
    if _utf16("__substg1.0_") in data or _utf16("__properties_version1.0") in data:
        return "msg"
    if _utf16("WordDocument") in data:
        return "doc"
    return "unknown"


def _looks_like_email(head: bytes) -> bool:
    """At least two known header fields before the first blank line."""
    block = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    return len(_EMAIL_HEADER.findall(block)) >= 2 and bool(_EMAIL_HEADER.match(block.lstrip()))
