"""The result type of PDF reading, and its JSON form for the cache.

Kept free of pdfminer so that the parent process, the cache and callers can
use it without paying pdfminer's import cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Every value ``DocumentText.status`` can take.
STATUSES = (
    "ok",
    "no-text",
    "garbled",
    "partial",
    "encrypted",
    "corrupt",
    "timeout",
    "not-pdf",
    "empty-file",
    "error",
)


@dataclass(frozen=True)
class DocumentText:
    """Cleaned page text of one PDF, or why there is none.

    ``pages[0]`` is page 1. Page text has pleading-paper line numbers, CM/ECF
    stamps and running headers/footers removed, words hyphenated across a line
    end joined, runs of spaces collapsed, and dashes/quotes normalised to
    ASCII. Lines are separated by ``"\\n"``.
    """

    path: Path
    sha256: str
    pages: tuple[str, ...]
    status: str
    detail: str
    scanned_pages: tuple[int, ...] = ()
    page_count: int = 0


def failure(path: Path, sha256: str, status: str, detail: str, page_count: int = 0) -> DocumentText:
    """Build a text-less result for a file that could not be read."""
    return DocumentText(path, sha256, (), status, detail, (), page_count)


def to_json(doc: DocumentText) -> dict[str, Any]:
    """Serialise everything but the path (the cache is keyed by content)."""
    return {
        "sha256": doc.sha256,
        "pages": list(doc.pages),
        "status": doc.status,
        "detail": doc.detail,
        "scanned_pages": list(doc.scanned_pages),
        "page_count": doc.page_count,
    }


def from_json(path: Path, data: Any) -> DocumentText:
    """Rebuild a result read from the cache; raise ValueError, KeyError or
    TypeError if the entry is malformed."""
    if not isinstance(data, dict):
        raise TypeError("cache entry is not an object")
    pages = data["pages"]
    scanned = data["scanned_pages"]
    doc = DocumentText(
        path=path,
        sha256=str(data["sha256"]),
        pages=tuple(pages),
        status=str(data["status"]),
        detail=str(data["detail"]),
        scanned_pages=tuple(scanned),
        page_count=int(data["page_count"]),
    )
    # Validate types strictly: a hand-edited or truncated entry must not leak
    # wrong types into the linter; the caller then re-extracts.
    if doc.status not in STATUSES:
        raise ValueError(f"unknown status {doc.status!r}")
    if not all(isinstance(p, str) for p in doc.pages):
        raise TypeError("page text is not a string")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in doc.scanned_pages):
        raise TypeError("scanned page is not an int")
    return doc
