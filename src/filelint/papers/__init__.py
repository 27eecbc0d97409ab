"""The paper readers rules share (public API for packs).

A rule never opens a PDF itself: it asks ``ctx.document(path)`` for the cleaned text and reads it
with these helpers, so every pack reads papers the same way:

* :mod:`.common`: the papers of a role, their pages, the pages that name a request;
* :mod:`.passages`: the passage of a declaration that starts at a communication's date;
* :mod:`.statement_parse`: a separate statement or response paper split into one section per
  request (request, response, reasons);
* :mod:`.statement_table`: the same sections from a statement laid out as a Word table;
* :mod:`.correspondence` and :mod:`.sides`: what a communication's source (an email, a letter) shows,
  with its date in the court's time zone, and whose an email address is;
* :mod:`.dates`: the ways a paper writes a date, and where each page writes one;
* request references in text: :func:`find_request_refs`, :func:`find_request_mentions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from filelint.papers.common import (
    NamedFile,
    iter_docs,
    missing_requests,
    named_files,
    number_key,
    number_list,
    page_list,
    prefetch,
    present,
    readable,
    refusal,
    request_pages,
    searched_pages,
    unnamed_missing,
)
from filelint.papers.dates import date_patterns, page_date_hits
from filelint.papers.passages import PaperText, read_paper
from filelint.papers.statement_parse import ELEMENTS, Section, incorporates, parse_sections

if TYPE_CHECKING:
    from filelint.pdf import DocumentText
    from filelint.refs import find_request_mentions, find_request_refs, parse_number_list

#: Imported on first use: the reference patterns and the PDF model are not needed at start-up.
_LAZY = {
    "find_request_refs": "filelint.refs",
    "find_request_mentions": "filelint.refs",
    "parse_number_list": "filelint.refs",
    "DocumentText": "filelint.pdf",
    "page_ranges": "filelint.pdf.classify",
}

__all__ = [
    "ELEMENTS",
    "DocumentText",
    "NamedFile",
    "PaperText",
    "Section",
    "date_patterns",
    "find_request_mentions",
    "find_request_refs",
    "incorporates",
    "iter_docs",
    "missing_requests",
    "named_files",
    "number_key",
    "number_list",
    "page_date_hits",
    "page_list",
    "page_ranges",
    "parse_number_list",
    "parse_sections",
    "prefetch",
    "present",
    "read_paper",
    "readable",
    "refusal",
    "request_pages",
    "searched_pages",
    "unnamed_missing",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'filelint.papers' has no attribute {name!r}")
