"""How a paper writes a date, for finding the passage about a communication."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelint.pdf import DocumentText


@functools.lru_cache(maxsize=512)
def date_patterns(day: dt.date) -> re.Pattern[str]:
    """'August 17, 2023', 'Aug. 17, 2023', '8/17/2023', '8/17/23', '2023-08-17', '17 August 2023'."""
    month = day.strftime("%B")
    abbr = month[:3] + (r"t?" if month == "September" else "")
    months = rf"(?:{month}|{abbr}\.?)"
    forms = [
        rf"{months}\s+0?{day.day}(?:st|nd|rd|th)?,?\s+{day.year}",
        rf"0?{day.day}\s+{months}\s+{day.year}",
        rf"\b0?{day.month}/0?{day.day}/(?:{day.year}|{day.year % 100:02d})\b",
        rf"\b{day.isoformat()}\b",
    ]
    # Every form starts with one of these characters; saying so first lets the search skip the
    # other positions at once (about 3x faster on a paper's text, with the same matches).
    firsts = "".join(sorted({month[0].lower(), "0", str(day.day)[0], str(day.month)[0], str(day.year)[0]}))
    return re.compile(rf"(?=[{firsts}])(?:{'|'.join(forms)})", re.IGNORECASE)


def page_date_hits(doc: DocumentText, day: dt.date) -> list[tuple[int, int]]:
    """(page, offset) of each place a page writes ``day``, offsets into the page's text with every
    run of whitespace read as one space (``" ".join(text.split())``). A derived fact of the
    document, cached with its text (`filelint.documents.derived`)."""
    from filelint.documents.derived import fact

    return fact(doc, f"page-date:{day.isoformat()}", lambda: _page_date_hits(doc, day), _encode, _decode)


def _page_date_hits(doc: DocumentText, day: dt.date) -> list[tuple[int, int]]:
    pattern = date_patterns(day)
    pages = [" ".join(text.split()) for text in doc.pages]
    return [(i, m.start()) for i, text in enumerate(pages, 1) for m in pattern.finditer(text)]


def _encode(hits: list[tuple[int, int]]) -> list[list[int]]:
    return [[page, pos] for page, pos in hits]


def _decode(data: Any) -> list[tuple[int, int]]:
    hits = [(page, pos) for page, pos in data]
    if not all(type(page) is int and type(pos) is int and page >= 1 and pos >= 0 for page, pos in hits):
        raise ValueError("not a list of date hits")
    return hits
