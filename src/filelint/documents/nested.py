"""Read a document found inside another (an email's attachment) in the same worker process,
under the enclosing document's time limit."""

from __future__ import annotations

from pathlib import Path

from filelint.documents import sniff
from filelint.documents.registry import BUILTIN
from filelint.pdf.model import DocumentText

#: Attachments larger than this are listed, not read.
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def read_attachment(name: str, data: bytes) -> DocumentText | str:
    """The attachment's text, or why it was not read."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        return f"{len(data) // (1024 * 1024)} MiB, over the {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MiB limit; not read"
    kind = sniff.sniff(data)
    reader = BUILTIN.get(kind)
    if reader is None or kind in ("eml", "mbox"):  # nested messages are walked by mail.py itself
        return f"not read ({kind})"
    from filelint.documents.registry import run

    return run(reader.extract, Path(name), data, "")
