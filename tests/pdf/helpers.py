"""Helpers shared by the PDF reader tests."""

from __future__ import annotations

import re

from filelint.pdf import DocumentText

BARE_NUMBER = re.compile(r"^\s*\d{1,2}\s*$")


def doc_of(docs: dict[str, DocumentText], prefix: str) -> DocumentText:
    """The document whose file name starts with ``prefix``."""
    found = [doc for name, doc in docs.items() if name.startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


def flat(doc: DocumentText) -> str:
    """All page text with whitespace runs collapsed (lines joined by spaces)."""
    return " ".join(" ".join(doc.pages).split())


def bare_numbers(page: str) -> list[str]:
    """Lines of a page that are nothing but a one- or two-digit number."""
    return [line.strip() for line in page.split("\n") if BARE_NUMBER.match(line)]
