"""Documents of any supported format (PDF, Word .docx, email .eml/.msg/.mbox) read into the
`DocumentText` the paper rules use; importing this package imports no reader library.

    >>> from filelint.documents import read_documents
    >>> docs = read_documents(paths, jobs=2, cache_dir=default_cache_dir())

The names are imported on first use (PEP 562), as `filelint.pdf`'s are: a module of this package
that a rule needs (`filelint.documents.derived`, `filelint.documents.model`) does not bring the
reader and its worker pool with it, which a run whose papers a reader process reads
(`filelint.readerproc`) never needs in the parent.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelint.documents.model import Document, Message
    from filelint.documents.read import SUPPORTED, read_documents
    from filelint.documents.registry import DocumentReader

_LAZY = {
    "Document": "filelint.documents.model",
    "Message": "filelint.documents.model",
    "SUPPORTED": "filelint.documents.read",
    "read_documents": "filelint.documents.read",
    "DocumentReader": "filelint.documents.registry",
}
__all__ = ["SUPPORTED", "Document", "DocumentReader", "Message", "read_documents"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'filelint.documents' has no attribute {name!r}")
