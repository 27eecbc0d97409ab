"""Split a separate statement's text into one section per request: the request, the response
and the reasons (CRC 3.1345(c)).

Separate statements are written under headings, one block per request::

    REQUEST FOR PRODUCTION NO. 13:
    <the request>
    RESPONSE TO REQUEST FOR PRODUCTION NO. 13:
    <the response and objections>
    REASONS WHY A FURTHER RESPONSE SHOULD BE COMPELLED:
    <the reasons>

A heading is a line that starts with the heading words and either ends in a colon (text may
follow it on the same line) or is written in capitals. A line such as "Request No. 13 seeks
..." in running text is not a heading, so a reference inside the reasons does not start a new
section. Statements laid out as tables read in an order pdfminer cannot guarantee; when no
heading is found the caller says so instead of judging the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from filelint.lazyre import LazyPattern

if TYPE_CHECKING:
    from filelint.pdf import DocumentText

#: The names a request goes by in a heading (any device; the motion's device is not assumed).
_DEVICE = (
    r"(?:requests?\s+for\s+(?:the\s+)?production(?:\s+of\s+documents)?"
    r"|demands?\s+for\s+(?:production|inspection)(?:\s+of\s+documents)?"
    r"|(?:inspection|document|production)\s+(?:requests?|demands?)"
    r"|requests?\s+for\s+admissions?|(?:special(?:ly\s+prepared)?\s+|form\s+)?interrogator(?:y|ies)"
    r"|requests?|categor(?:y|ies))"
)
_NUMBERS = r"(?:nos?\.?|numbers?|#)\s*(?P<list>\d[\d.,\s&-]*(?:(?:and|through|to)\s*\d[\d.]*)*)"
_REQUEST = LazyPattern(rf"^(?:[\w'.]+\s+){{0,2}}?{_DEVICE}\s+{_NUMBERS}\s*(?P<end>:|$)", re.IGNORECASE)
_RESPONSE = LazyPattern(
    r"^(?:[\w'.]+\s+){0,3}?(?:(?:further|supplemental|amended|verified|initial|original)\s+)*"
    r"(?:responses?|answers?|objections?)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_REASONS = LazyPattern(
    r"^(?:[\w'.(),]+\s+){0,4}?(?:reasons?|reason\(s\)|grounds|good\s+cause|factual\s+and\s+legal"
    r"|(?:moving|propounding|demanding)\s+party'?s?\s+(?:position|contentions?|argument)"
    r"|why\s+(?:a\s+|the\s+)?further)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
#: Text that points elsewhere instead of setting the element out (CRC 3.1345(c): the statement
#: must be complete so that no one needs another document).
INCORPORATION = LazyPattern(
    r"\bincorporat\w*\b.{0,60}?\bby\s+reference\b"
    r"|^\W*(?:see|refer\s+to)\s+(?:the\s+)?(?:attached\s+)?(?:exhibits?|ex\.)"
    r"|\b(?:set\s+(?:forth|out)|stated|contained)\s+in\s+(?:the\s+)?(?:attached\s+)?(?:exhibits?|ex\.)",
    re.IGNORECASE | re.DOTALL,
)
#: An element whose text is longer than this sets something out even if it also cites an exhibit.
SHORT_BODY = 300
ELEMENTS = ("request", "response", "reasons")


@dataclass
class Element:
    """One element of a request's section: where its heading is and the text under it."""

    page: int
    text: str = ""


@dataclass
class Section:
    """Everything the statement says under the headings for one request number."""

    number: str
    pages: list[int] = field(default_factory=list)
    elements: dict[str, list[Element]] = field(default_factory=dict)

    def body(self, element: str) -> str:
        return "\n".join(e.text for e in self.elements.get(element, ())).strip()

    def has(self, element: str) -> bool:
        return element in self.elements


@dataclass(frozen=True)
class _Heading:
    element: str
    numbers: tuple[str, ...]
    rest: str


#: A colon right after the heading words, perhaps after a tag: "Response [CONFIDENTIAL]:".
_COLON = LazyPattern(r"^\s*(?:\[[^\]]{0,40}\]|\([^)]{0,40}\))?\s*:")


def _heading_like(line: str, rest: str) -> bool:
    """A colon right after the heading words, or a line in capitals."""
    letters = [c for c in line if c.isalpha()]
    return bool(_COLON.match(rest)) or (bool(letters) and all(c.isupper() for c in letters))


def _numbers(text: str) -> tuple[str, ...]:
    from filelint.refs import parse_number_list  # lazy: refs compiles many patterns

    cleaned = text.strip().rstrip(".,:;&-").strip()
    try:
        return tuple(parse_number_list(cleaned))
    except ValueError:
        return ()


def classify(line: str) -> _Heading | None:
    """The heading a line is, or None for body text."""
    text = " ".join(line.split())
    if not text:
        return None
    for element, pattern in (("reasons", _REASONS), ("response", _RESPONSE)):
        match = pattern.match(text)
        if match and _heading_like(text, match.group("rest")):
            inner = _REQUEST.search(match.group("rest").split(":")[0].strip(" :"))
            numbers = _numbers(inner.group("list")) if inner else ()
            return _Heading(element, numbers, match.group("rest").partition(":")[2])
    match = _REQUEST.match(text.split(":")[0].strip() + (":" if ":" in text else ""))
    if match:
        numbers = _numbers(match.group("list"))
        if numbers:
            return _Heading("request", numbers, text.partition(":")[2])
    return None


def parse_sections(doc: DocumentText) -> dict[str, Section]:
    """Request number -> its section. Empty when the statement has no request headings.

    A derived fact of the document (FL107, FL108 and FL109 all read the same statement), cached
    with its text (`filelint.documents.derived`). Callers must not change the result. A Word
    statement laid out as a table is read by its cells (its text reads cell by cell, where
    "Objection: ..." would look like a heading)."""
    from filelint.documents.derived import fact

    return fact(doc, "sections", lambda: _parse_sections(doc), _encode_sections, _decode_sections)


def _encode_sections(sections: dict[str, Section]) -> list[Any]:
    return [
        [s.number, s.pages, [[name, [[e.page, e.text] for e in elements]] for name, elements in s.elements.items()]]
        for s in sections.values()
    ]


def _decode_sections(data: Any) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    for number, pages, elements in data:
        if not isinstance(number, str) or not all(type(p) is int for p in pages):
            raise ValueError("not a section")
        section = sections[number] = Section(number, list(pages))
        for name, found in elements:
            if name not in ELEMENTS or not all(type(p) is int and isinstance(t, str) for p, t in found):
                raise ValueError("not a section element")
            section.elements[name] = [Element(p, t) for p, t in found]
    return sections


def _parse_sections(doc: DocumentText) -> dict[str, Section]:
    if getattr(doc, "tables", ()):
        from filelint.papers.statement_table import table_sections

        tabled = table_sections(doc)
        if tabled:
            return tabled
    sections: dict[str, Section] = {}
    current: list[Section] = []
    open_elements: list[Element] = []
    for page_no, text in enumerate(doc.pages, 1):
        if page_no in doc.scanned_pages:
            continue
        for line in text.splitlines():
            heading = classify(line)
            if heading is None:
                for element in open_elements:
                    element.text += line + "\n"
                continue
            if heading.element == "request" or (heading.numbers and not current):
                current = [sections.setdefault(n, Section(n)) for n in heading.numbers]
            elif heading.numbers and {s.number for s in current} != set(heading.numbers):
                # "RESPONSE TO REQUEST NO. 14" after the request heading of No. 13
                current = [sections.setdefault(n, Section(n)) for n in heading.numbers]
            open_elements = []
            for section in current:
                element = Element(page_no, heading.rest.strip() + "\n")
                section.elements.setdefault(heading.element, []).append(element)
                open_elements.append(element)
                if page_no not in section.pages:
                    section.pages.append(page_no)
    return sections


def incorporates(body: str) -> bool:
    """The element points to another document instead of setting its text out."""
    return len(body) <= SHORT_BODY and bool(INCORPORATION.search(body))
