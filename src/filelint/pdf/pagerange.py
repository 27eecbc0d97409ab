"""The page range of one part of a PDF read in parts (no import beyond the standard library)."""

from __future__ import annotations


def page_range(pages: int, index: int, parts: int) -> tuple[int, int]:
    """(first, end) page indexes of part ``index`` of ``parts`` equal ranges of ``pages`` pages:
    computed by each worker from the page count it reads itself, so the parts always tile the
    document, whatever the parent guessed."""
    return pages * index // parts, pages * (index + 1) // parts
