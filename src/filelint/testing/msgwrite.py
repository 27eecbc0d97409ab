"""Write minimal Outlook .msg files for tests (needs extract-msg, whose OLE writer builds the
compound file): the MAPI streams Outlook stores for a received email, its transport headers,
one recipient and attachments. Enough for filelint's reader; not a full Outlook message."""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence

_PROPS = "__properties_version1.0"


def _u(text: str) -> bytes:
    return text.encode("utf-16-le")


def _fixed(tag: int, value: int) -> bytes:
    """A fixed-size property entry: tag, flags (readable, writable), 8-byte value."""
    return struct.pack("<IIQ", tag, 6, value)


def msg_bytes(
    *,
    sender: str,
    to: str,
    date: str,
    subject: str,
    body: str,
    message_id: str,
    in_reply_to: str | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
) -> bytes:
    """An Outlook message; ``sender``/``to`` are bare addresses, ``date`` an RFC 5322 date."""
    from extract_msg.ole_writer import OleWriter

    headers = f"From: <{sender}>\r\nTo: <{to}>\r\nDate: {date}\r\nSubject: {subject}\r\nMessage-ID: <{message_id}>\r\n"
    if in_reply_to:
        headers += f"In-Reply-To: <{in_reply_to}>\r\nReferences: <{in_reply_to}>\r\n"
    writer = OleWriter()
    for tag, text in (
        ("001A001F", "IPM.Note"),
        ("0037001F", subject),
        ("1000001F", body),
        ("0C1F001F", sender),
        ("0C1A001F", sender),
        ("0E04001F", to),
        ("007D001F", headers + "\r\n"),
    ):
        writer.addEntry(f"__substg1.0_{tag}", _u(text))
    writer.addEntry("__nameid_version1.0", storage=True)
    for tag in ("00020102", "00030102", "00040102"):
        writer.addEntry(f"__nameid_version1.0/__substg1.0_{tag}", b"")
    count = len(attachments)
    writer.addEntry(_PROPS, b"\0" * 8 + struct.pack("<IIII", 1, count, 1, count) + b"\0" * 8)
    recipient = "__recip_version1.0_#00000000"
    writer.addEntry(recipient, storage=True)
    writer.addEntry(f"{recipient}/__substg1.0_3001001F", _u(to))
    writer.addEntry(f"{recipient}/__substg1.0_39FE001F", _u(to))
    writer.addEntry(f"{recipient}/{_PROPS}", b"\0" * 8 + _fixed(0x0C150003, 1))  # PR_RECIPIENT_TYPE: To
    for index, (name, data) in enumerate(attachments):
        storage = f"__attach_version1.0_#{index:08X}"
        writer.addEntry(storage, storage=True)
        writer.addEntry(f"{storage}/__substg1.0_37010102", data)
        writer.addEntry(f"{storage}/__substg1.0_3707001F", _u(name))
        writer.addEntry(f"{storage}/{_PROPS}", b"\0" * 8 + _fixed(0x37050003, 1))  # PR_ATTACH_METHOD: by value
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
