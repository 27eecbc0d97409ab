"""Read emails (.eml) and mailboxes (.mbox) with the standard library's `email` package.

Each message becomes a `Message` (sender, recipients, date, ids, its new text apart from what it
quotes) and a page of new text; readable attachments (a letter as PDF or .docx, a forwarded
message) follow as pages of their own, read recursively. Bounded: nesting depth, parts per file
and attachment size are limited, and the whole read runs under the worker's time limit.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from pathlib import Path

from filelint.documents import mailtext
from filelint.documents.model import Document, Message, failed
from filelint.documents.nested import MAX_ATTACHMENT_BYTES, read_attachment
from filelint.pdf.cleanup import normalise

MAX_DEPTH = 4
MAX_PARTS = 500
#: The email package needs about 9 times a message's size in memory (378 MiB for 42 MB).
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_MBOX_SPLIT = re.compile(rb"^From [^\n]*\n", re.MULTILINE)
_REPLY_PREFIX = re.compile(r"^\s*(?:re|fwd?|aw|wg)\s*:", re.IGNORECASE)


@dataclass
class _Reading:
    """Pages and messages collected so far, and the budget left."""

    pages: list[str] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    parts: int = 0


def extract_eml(path: Path, data: bytes, sha256: str, on_page_count: Callable[[int], None] | None = None) -> Document:
    return _extract(path, data, sha256, "eml", [data])


def extract_mbox(path: Path, data: bytes, sha256: str, on_page_count: Callable[[int], None] | None = None) -> Document:
    raw = [m.replace(b"\n>From ", b"\nFrom ") for m in _MBOX_SPLIT.split(data) if m.strip()]
    return _extract(path, data, sha256, "mbox", raw)


def _extract(path: Path, data: bytes, sha256: str, fmt: str, raw: list[bytes]) -> Document:
    reading = _Reading()
    skipped = [
        f"message {i} is {len(one) // (1024 * 1024)} MiB, over the {MAX_MESSAGE_BYTES // (1024 * 1024)} "
        "MiB limit; not read (save its attachments as separate files)"
        for i, one in enumerate(raw, 1)
        if len(one) > MAX_MESSAGE_BYTES
    ]
    if skipped and len(skipped) == len(raw):
        return failed(path, sha256, fmt, "too-large", "; ".join(skipped))
    try:
        for one in (r for r in raw if len(r) <= MAX_MESSAGE_BYTES):
            parsed = BytesParser(policy=policy.default).parsebytes(one)
            if isinstance(parsed, EmailMessage):
                read_message(parsed, reading, 0)
    except RecursionError:
        return failed(path, sha256, fmt, "corrupt", "messages nested too deeply to read")
    except Exception as exc:  # the email package raises many types on malformed input
        return failed(path, sha256, fmt, "corrupt", f"unreadable email ({type(exc).__name__}: {str(exc)[:120]})")
    if not reading.messages:
        return failed(path, sha256, fmt, "corrupt", "no email message found")
    pages = [p if p.strip() else "(no new text)" for p in reading.pages]
    status, detail = ("partial", "; ".join(skipped)) if skipped else ("ok", "")
    return Document(
        path, sha256, tuple(pages), status, detail, (), len(pages), format=fmt, messages=tuple(reading.messages)
    )


def read_message(msg: EmailMessage, reading: _Reading, depth: int) -> None:
    """Add ``msg`` (and its readable attachments) to ``reading``."""
    problems: list[str] = []
    new, quoted = mailtext.split_reply(_body_text(msg, problems))
    subject = _header(msg, "subject", problems)
    # A thread's first subject often names the requests ("RFP Nos. 13-16"); a reply's repeats it.
    heading = f"Subject: {subject}\n" if subject and not _REPLY_PREFIX.match(subject) else ""
    page = len(reading.pages)
    reading.pages.append(_clean(heading + new))
    names = _attachments(msg, reading, depth, problems)
    reading.messages.insert(
        _position(reading, page),
        Message(
            message_id=_header(msg, "message-id", problems).strip("<> "),
            in_reply_to=_header(msg, "in-reply-to", problems).strip("<> "),
            references=tuple(r.strip("<>") for r in _header(msg, "references", problems).split()),
            subject=subject,
            sender=next(iter(_addresses(msg, "from", problems)), ""),
            to=_addresses(msg, "to", problems),
            cc=_addresses(msg, "cc", problems),
            date=_date(msg, problems),
            new_text=_clean(new),
            quoted_text=quoted,
            attachments=tuple(names),
            page=page,
            problems=tuple(problems),
            depth=depth,
        ),
    )


def _position(reading: _Reading, page: int) -> int:
    """Messages are listed in page order (a forwarded message read while walking the outer
    one's attachments comes after it)."""
    return sum(1 for m in reading.messages if m.page < page)


def _clean(text: str) -> str:
    return "\n".join(n for line in text.split("\n") if (n := normalise(line)))


def _body_text(msg: EmailMessage, problems: list[str]) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = _content(body, problems)
    return mailtext.html_to_text(text) if body.get_content_subtype() == "html" else text


def _content(part: MIMEPart, problems: list[str]) -> str:
    """Decoded text of a part; an unknown or wrong charset falls back to Windows-1252."""
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError, ValueError, AssertionError) as exc:
        problems.append(f"body charset {part.get_content_charset()!r} unreadable ({type(exc).__name__})")
    payload = part.get_payload(decode=True)
    return payload.decode("cp1252", errors="replace") if isinstance(payload, bytes) else ""


def _header(msg: EmailMessage, name: str, problems: list[str]) -> str:
    try:
        value = msg.get(name)
        return " ".join(str(value).split()) if value is not None else ""
    except Exception as exc:  # a malformed header: reported, the rest of the message still read
        problems.append(f"{name} header unreadable ({type(exc).__name__})")
        return ""


def _addresses(msg: EmailMessage, name: str, problems: list[str]) -> tuple[str, ...]:
    raw = _header(msg, name, problems)
    pairs = email.utils.getaddresses([raw]) if raw else []
    return tuple(addr.lower() for _, addr in pairs if "@" in addr)


def _date(msg: EmailMessage, problems: list[str]) -> str | None:
    raw = _header(msg, "date", problems)
    if not raw:
        problems.append("no Date header")
        return None
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        problems.append(f"Date header unreadable ({raw[:60]!r})")
        return None
    if when.tzinfo is None:
        problems.append("Date header has no time zone; read as UTC")
    return when.isoformat()


def _attachments(msg: EmailMessage, reading: _Reading, depth: int, problems: list[str]) -> list[str]:
    names: list[str] = []
    for part in msg.iter_attachments():
        reading.parts += 1
        if reading.parts > MAX_PARTS:
            problems.append(f"more than {MAX_PARTS} attachments; the rest not read")
            break
        if not isinstance(part, EmailMessage):
            continue
        name = part.get_filename() or f"attachment-{len(names) + 1}"
        names.append(name)
        _attachment(part, name, reading, depth, problems)
    return names


def _attachment(part: EmailMessage, name: str, reading: _Reading, depth: int, problems: list[str]) -> None:
    if part.get_content_type() == "message/rfc822":
        if depth + 1 > MAX_DEPTH:
            problems.append(f"{name}: forwarded messages nested over {MAX_DEPTH} deep; not read")
            return
        inner = part.get_content()
        if isinstance(inner, EmailMessage):
            read_message(inner, reading, depth + 1)
        return
    encoded = part.get_payload()
    if isinstance(encoded, str) and len(encoded) * 3 // 4 > MAX_ATTACHMENT_BYTES:
        # Decoding would copy tens of MB only to refuse them.
        problems.append(
            f"attachment {name}: about {len(encoded) * 3 // 4 // (1024 * 1024)} MiB, over the "
            f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MiB limit; not read"
        )
        return
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload:
        return
    doc = read_attachment(name, payload)
    if isinstance(doc, str):
        problems.append(f"attachment {name}: {doc}")
    elif doc.status in ("ok", "partial"):
        reading.pages.extend(f"[attachment {name}]\n{p}" if i == 0 else p for i, p in enumerate(doc.pages))
    else:
        problems.append(f"attachment {name}: {doc.detail or doc.status}")
