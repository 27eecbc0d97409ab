"""Read an Outlook .msg with extract-msg (imported only here, in the worker): the same
`Message` and pages as an .eml, from the MAPI properties Outlook stores."""

from __future__ import annotations

import email.utils
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

from filelint.documents import mailtext
from filelint.documents.model import Document, Message, failed
from filelint.documents.nested import read_attachment
from filelint.pdf.cleanup import normalise

MAX_ATTACHMENTS = 200


def extract(path: Path, data: bytes, sha256: str, on_page_count: Callable[[int], None] | None = None) -> Document:
    """Never raises: a file that cannot be read becomes a failed `Document`."""
    try:
        return _extract(path, data, sha256)
    except ImportError:  # extract-msg is GPL-licensed; an install may leave it out
        return failed(
            path,
            sha256,
            "msg",
            "unsupported",
            "reading Outlook .msg files needs extract-msg (pip install extract-msg), or save it as .eml",
        )
    except Exception as exc:  # extract-msg and olefile raise many types on damaged files
        detail = f"unreadable Outlook message ({type(exc).__name__}: {str(exc)[:120]})"
        return failed(path, sha256, "msg", "corrupt", detail)


def _extract(path: Path, data: bytes, sha256: str) -> Document:
    import logging

    import extract_msg

    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
    msg = extract_msg.openMsg(BytesIO(data), delayAttachments=False)
    try:
        pages: list[str] = []
        message = _message(msg, pages)
    finally:
        msg.close()
    return Document(
        path,
        sha256,
        tuple(p or "(no new text)" for p in pages),
        "ok",
        "",
        (),
        len(pages),
        format="msg",
        messages=(message,),
    )


def _message(msg: Any, pages: list[str]) -> Message:
    problems: list[str] = []
    body = msg.body or ""
    if not body.strip() and getattr(msg, "htmlBody", None):
        body = mailtext.html_to_text(msg.htmlBody.decode("utf-8", errors="replace"))
    new, quoted = mailtext.split_reply(body)
    new = "\n".join(n for line in new.split("\n") if (n := normalise(line)))
    page = len(pages)
    pages.append(new)
    names = _attachments(msg, pages, problems)
    return Message(
        message_id=(msg.messageId or _header(msg, "Message-ID")).strip("<> "),
        in_reply_to=(msg.inReplyTo or _header(msg, "In-Reply-To")).strip("<> "),
        references=tuple(r.strip("<>") for r in _header(msg, "References").split()),
        subject=msg.subject or "",
        sender=_first(msg.sender),
        to=_all(msg.to),
        cc=_all(msg.cc),
        date=_date(msg, problems),
        new_text=new,
        quoted_text=quoted,
        attachments=tuple(names),
        page=page,
        problems=tuple(problems),
    )


def _header(msg: Any, name: str) -> str:
    """A transport header Outlook kept (messages received by mail carry them all)."""
    header = getattr(msg, "header", None)
    value = header.get(name) if header is not None else None
    return " ".join(str(value).split()) if value else ""


def _date(msg: Any, problems: list[str]) -> str | None:
    """When it was sent: the submit time Outlook stores, else the Date header."""
    when = msg.date
    if when is None and _header(msg, "Date"):
        try:
            when = email.utils.parsedate_to_datetime(_header(msg, "Date"))
        except (TypeError, ValueError, IndexError):
            when = None
    if when is None:
        problems.append("no readable sent date")
        return None
    return str(when.isoformat())


def _all(value: str | None) -> tuple[str, ...]:
    return tuple(a.lower() for _, a in email.utils.getaddresses([value or ""]) if "@" in a)


def _first(value: str | None) -> str:
    return next(iter(_all(value)), "")


def _attachments(msg: Any, pages: list[str], problems: list[str]) -> list[str]:
    names: list[str] = []
    for attachment in list(msg.attachments)[:MAX_ATTACHMENTS]:
        name = attachment.longFilename or attachment.shortFilename or f"attachment-{len(names) + 1}"
        names.append(name)
        data = attachment.data
        if not isinstance(data, bytes):
            problems.append(f"attachment {name}: an embedded item; not read")
            continue
        doc = read_attachment(name, data)
        if isinstance(doc, str):
            problems.append(f"attachment {name}: {doc}")
        elif doc.status in ("ok", "partial"):
            pages.extend(f"[attachment {name}]\n{p}" if i == 0 else p for i, p in enumerate(doc.pages))
    return names
