"""The text cache for the non-PDF readers: the PDF cache's directory and rules (private,
``.gitignore``d, keyed by content hash, damaged entries ignored), one namespace per format,
and a version that hashes these readers' source (so a change to them invalidates entries)."""

from __future__ import annotations

import contextlib
import functools
import json
from dataclasses import fields
from pathlib import Path

from filelint.documents.model import Document, from_json, to_json
from filelint.pdf.cache import TextCache, prepare_entries, read_entry, source_version, write_atomically
from filelint.pdf.model import DocumentText

READER_VERSION = "1"
_SOURCES = (
    "model.py",
    "docx.py",
    "docx_parts.py",
    "zipguard.py",
    "mail.py",
    "mailtext.py",
    "outlook.py",
    "nested.py",
    "sniff.py",
)
_LIBRARIES = ("docx", "extract_msg")
_UNCACHED = frozenset({"timeout", "error", "empty-file", "unsupported"})


@functools.cache
def reader_version() -> str:
    """READER_VERSION plus a hash of the readers' source and of the installed libraries."""
    return source_version(READER_VERSION, Path(__file__).parent, _SOURCES, _LIBRARIES)


class DocumentCache(TextCache):
    """`TextCache` for one non-PDF format."""

    def __init__(self, root: Path, fmt: str) -> None:
        super().__init__(root)
        # A pack names its format; keep the name from steering the path out of the cache.
        safe = "".join(c for c in fmt.lower() if c.isalnum() or c == "-")[:32] or "other"
        self.entries = root / f"{safe}-text"

    def entry(self, sha256: str) -> Path:
        return self.entries / f"{sha256}.{reader_version()}.json"

    def load(self, path: Path, sha256: str) -> Document | None:
        raw = read_entry(self.entry(sha256))  # as the PDF cache: no FIFO, device or link; bounded
        if raw is None:
            return None
        try:
            doc = from_json(path, json.loads(raw))
        except (ValueError, KeyError, TypeError, RecursionError):  # damaged, or nested to exhaust the parser
            return None
        return doc if doc.sha256 == sha256 else None

    def store(self, doc: object) -> None:
        if isinstance(doc, DocumentText) and not isinstance(doc, Document):
            doc = Document(**{f.name: getattr(doc, f.name) for f in fields(DocumentText)})  # a pack's reader
        if not isinstance(doc, Document) or doc.status in _UNCACHED:
            return
        with contextlib.suppress(OSError):
            prepare_entries(self.root, self.entries)
            write_atomically(self.entry(doc.sha256), json.dumps(to_json(doc)))
