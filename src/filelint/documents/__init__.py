"""Documents of any supported format (PDF, Word .docx, email .eml/.msg/.mbox) read into the
`DocumentText` the paper rules use; importing this package imports no reader library.

    >>> from filelint.documents import read_documents
    >>> docs = read_documents(paths, jobs=2, cache_dir=default_cache_dir())
"""

from filelint.documents.model import Document, Message
from filelint.documents.read import SUPPORTED, read_documents
from filelint.documents.registry import DocumentReader

__all__ = ["SUPPORTED", "Document", "DocumentReader", "Message", "read_documents"]
