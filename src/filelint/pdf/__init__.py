"""Page text of court PDFs, cleaned for linting.

    >>> from filelint.pdf import read_documents, default_cache_dir
    >>> docs = read_documents(paths, jobs=2, cache_dir=default_cache_dir())

Importing this package does not import pdfminer; only extraction does (in a
worker process unless ``timeout=math.inf`` and ``jobs=1``).
"""

from filelint.pdf.cache import default_cache_dir
from filelint.pdf.model import DocumentText
from filelint.pdf.reader import read_document, read_documents

__all__ = ["DocumentText", "default_cache_dir", "read_document", "read_documents"]
