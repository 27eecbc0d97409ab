"""Read a separate statement laid out as a Word table into the same sections as a headed one.

Two layouts are common: a column per element (a header row "Request | Response | Reasons",
then one row per request), and a two-column table with the element's name on the left of
each row ("Request No. 13:" | text, "Response:" | text, "Reasons:" | text). PDF tables have
no reliable cell structure, so only Word tables (``doc.tables``) are read this way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from filelint.papers.statement_parse import Element, Section, classify

if TYPE_CHECKING:
    from filelint.pdf import DocumentText

_COLUMN = (
    ("reasons", re.compile(r"reason|why|good\s+cause|position|argument|grounds", re.IGNORECASE)),
    ("response", re.compile(r"response|objection|answer", re.IGNORECASE)),
    ("request", re.compile(r"request|interrogator|demand|category", re.IGNORECASE)),
)
_NUMBER = re.compile(r"^\s*(?:no\.?|#)?\s*(\d+(?:\.\d+)?)\b", re.IGNORECASE)
Row = tuple[str, ...]


def table_sections(doc: DocumentText) -> dict[str, Section]:
    """Request number -> section, from every table of the document that reads as a statement."""
    sections: dict[str, Section] = {}
    for table in getattr(doc, "tables", ()):
        columns = _header_columns(table[0]) if table else None
        if columns:
            _column_rows(doc, table[1:], columns, sections)
        else:
            _labelled_rows(doc, table, sections)
    return sections


def _header_columns(row: Row) -> dict[str, int] | None:
    """Element -> column index when ``row`` is a header naming the request and the response."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        head = " ".join(cell.split())[:60]
        element = next((e for e, pattern in _COLUMN if pattern.search(head)), None)
        if element and element not in columns and len(head) < 60:
            columns[element] = index
    return columns if {"request", "response"} <= set(columns) else None


def _column_rows(doc: DocumentText, rows: Any, columns: dict[str, int], sections: dict[str, Section]) -> None:
    for row in rows:
        cell = row[columns["request"]] if columns["request"] < len(row) else ""
        numbers, request_text = _request_numbers(cell, row)
        if not numbers:
            continue
        page = _page_of(doc, cell)
        for number in numbers:
            section = sections.setdefault(number, Section(number))
            section.pages.append(page)
            for element, index in columns.items():
                text = request_text if element == "request" else (row[index] if index < len(row) else "")
                section.elements.setdefault(element, []).append(Element(page, text + "\n"))


def _request_numbers(cell: str, row: Row) -> tuple[tuple[str, ...], str]:
    """Numbers from a 'REQUEST NO. 13: text' cell, or from a number cell ('13', 'No. 13')."""
    first, _, rest = cell.partition("\n")
    heading = classify(first)
    if heading is not None and heading.element == "request" and heading.numbers:
        return heading.numbers, (heading.rest + "\n" + rest).strip()
    for other in row:
        match = _NUMBER.match(other)
        if match and len(other.strip()) <= 12:
            return (match.group(1),), cell
    return (), cell


def _labelled_rows(doc: DocumentText, table: Any, sections: dict[str, Section]) -> None:
    current: Section | None = None
    for row in table:
        if len(row) < 2:
            continue
        heading = classify(row[0] if ":" in row[0] else row[0] + ":")
        if heading is None:
            continue
        page = _page_of(doc, row[1] or row[0])
        if heading.element == "request" and heading.numbers:
            current = sections.setdefault(heading.numbers[0], Section(heading.numbers[0]))
            current.pages.append(page)
        if current is not None:
            current.elements.setdefault(heading.element, []).append(Element(page, row[1] + "\n"))


def _page_of(doc: DocumentText, text: str) -> int:
    """The page whose text holds the cell's first line (1 if not found)."""
    probe = " ".join(text.split("\n", 1)[0].split())[:80]
    for number, page in enumerate(doc.pages, 1):
        if probe and probe in " ".join(page.split()):
            return number
    return 1
