"""What the non-PDF readers add to `DocumentText`, and its JSON form for the cache.

A Word paper or an email is still a `DocumentText` (pages of clean text), so every paper rule
reads it exactly as it reads a PDF. `Document` adds what only these formats carry: the format,
Word tables as rows and cells, tracked changes and comments, and the messages of an email or
mailbox (headers, the new text apart from what it quotes, attachments).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from filelint.pdf.model import STATUSES, DocumentText

#: Statuses the new readers add to the PDF reader's.
EXTRA_STATUSES = ("unsupported", "too-large")
Table = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Message:
    """One email: its headers, new text, quoted text and attachments.

    ``date`` is ISO 8601 with the sender's UTC offset (None when missing or unreadable);
    ``page`` is the index in the document's pages where the message's new text starts;
    ``depth`` is 0 for a message of the file itself, 1 for one forwarded inside it, and so on.
    """

    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    subject: str = ""
    sender: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    date: str | None = None
    new_text: str = ""
    quoted_text: str = ""
    attachments: tuple[str, ...] = ()
    page: int = 0
    problems: tuple[str, ...] = ()
    depth: int = 0


@dataclass(frozen=True)
class Document(DocumentText):
    """A `DocumentText` from a reader other than the PDF one.

    ``pagination`` says where page boundaries come from: "rendered" (Word's last layout),
    "breaks" (explicit page breaks) or "estimated" (28 lines of pleading paper per page).
    ``revisions`` lists tracked changes and comments ("2 tracked insertions").
    """

    format: str = "pdf"
    pagination: str = ""
    tables: tuple[Table, ...] = ()
    revisions: tuple[str, ...] = ()
    messages: tuple[Message, ...] = ()


def failed(path: Path, sha256: str, fmt: str, status: str, detail: str) -> Document:
    """A text-less result for a file of this format that could not be read."""
    return Document(path, sha256, (), status, detail, (), 0, format=fmt)


def to_json(doc: Document) -> dict[str, Any]:
    """Everything but the path (the cache is keyed by content)."""
    out: dict[str, Any] = {}
    for f in fields(doc):
        if f.name == "path":
            continue
        value = getattr(doc, f.name)
        out[f.name] = [m.__dict__ for m in value] if f.name == "messages" else value
    return out


def from_json(path: Path, data: Any) -> Document:
    """Rebuild a cached result; raise ValueError, KeyError or TypeError if it is malformed."""
    if not isinstance(data, dict):
        raise TypeError("cache entry is not an object")
    messages = tuple(Message(**_message_fields(m)) for m in data["messages"])
    doc = Document(
        path=path,
        sha256=str(data["sha256"]),
        pages=_strings(data["pages"]),
        status=str(data["status"]),
        detail=str(data["detail"]),
        scanned_pages=tuple(int(n) for n in data["scanned_pages"]),
        page_count=int(data["page_count"]),
        format=str(data["format"]),
        pagination=str(data["pagination"]),
        tables=tuple(tuple(_strings(row) for row in table) for table in data["tables"]),
        revisions=_strings(data["revisions"]),
        messages=messages,
    )
    if doc.status not in STATUSES + EXTRA_STATUSES:
        raise ValueError(f"unknown status {doc.status!r}")
    return doc


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a list of strings")
    return tuple(value)


def _message_fields(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise TypeError("message is not an object")
    out = dict(data)
    for name in ("references", "to", "cc", "attachments", "problems"):
        out[name] = _strings(out[name])
    return out
