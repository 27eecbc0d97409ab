"""Which reader reads which format: the built-in ones and those packs add through the
``filelint_document_readers`` hook.

A reader is named by ``"module:function"`` rather than held as a function so that a worker
process can import it (the extraction runs there, under the time limit) and so that listing
readers imports none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from filelint.pdf import DocumentText

#: ``extract(path, data, sha256, on_page_count)`` -> DocumentText; never raises.
Extractor = Callable[..., "DocumentText"]


@dataclass(frozen=True)
class DocumentReader:
    """A reader for one format.

    :param format: short name ("docx", "eml"), also the cache's namespace.
    :param extract: ``"module:function"`` called as ``function(path, data, sha256, report)``
        in a worker process; it must return a `DocumentText` and never raise.
    :param sniff: cheap test on the file's bytes (runs in the main process); None for the
        built-in formats, which `filelint.documents.sniff` recognises.
    :param describe: what the format is, for messages ("Word .docx").
    """

    format: str
    extract: str
    sniff: Callable[[bytes], bool] | None = None
    describe: str = ""


BUILTIN: dict[str, DocumentReader] = {
    r.format: r
    for r in (
        DocumentReader("pdf", "filelint.pdf.extract:extract", describe="PDF"),
        DocumentReader("docx", "filelint.documents.docx:extract", describe="Word .docx"),
        DocumentReader("eml", "filelint.documents.mail:extract_eml", describe="email .eml"),
        DocumentReader("mbox", "filelint.documents.mail:extract_mbox", describe="mailbox .mbox"),
        DocumentReader("msg", "filelint.documents.outlook:extract", describe="Outlook .msg"),
    )
}


def choose(kind: str, data: bytes, extra: Sequence[DocumentReader] = ()) -> DocumentReader | None:
    """The reader for a file ``sniff`` classified as ``kind``: a built-in one, else the first
    pack reader whose sniff accepts the bytes."""
    if kind in BUILTIN:
        return BUILTIN[kind]
    for reader in extra:
        if reader.sniff is not None and _accepts(reader, data):
            return reader
    return None


def _accepts(reader: DocumentReader, data: bytes) -> bool:
    try:
        return bool(reader.sniff(data)) if reader.sniff is not None else False
    except Exception:  # a pack's broken sniff must not stop the run; the file stays unsupported
        return False


def load(spec: str) -> Extractor:
    """Import ``"module:function"`` (looked up on each call: cheap once imported, and a test
    can patch the function)."""
    module, _, name = spec.partition(":")
    func: Extractor = getattr(importlib.import_module(module), name)
    return func


def run(spec: str, path: Path, data: bytes, sha256: str, report: Callable[[int], None] | None = None) -> DocumentText:
    """Run the named extractor (in whatever process calls this)."""
    return load(spec)(path, data, sha256, report)
