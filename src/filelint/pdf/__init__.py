"""Page text of court PDFs, cleaned for linting.

    >>> from filelint.pdf import read_documents, default_cache_dir
    >>> docs = read_documents(paths, jobs=2, cache_dir=default_cache_dir())

Importing this package imports nothing heavy: the reader (and its worker pool) loads on first use,
and pdfminer only when a paper is extracted (in a worker process unless ``timeout=math.inf`` and
``jobs=1``).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelint.pdf.cache import default_cache_dir
    from filelint.pdf.model import DocumentText
    from filelint.pdf.reader import read_document, read_documents

_LAZY = {
    "default_cache_dir": "filelint.pdf.cache",
    "DocumentText": "filelint.pdf.model",
    "read_document": "filelint.pdf.reader",
    "read_documents": "filelint.pdf.reader",
}
__all__ = ["DocumentText", "default_cache_dir", "read_document", "read_documents"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'filelint.pdf' has no attribute {name!r}")
