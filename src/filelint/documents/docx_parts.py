"""Walk WordprocessingML: the body's paragraphs and tables in order, as the text a reader of
the final document sees (tracked insertions in, deletions out), with page breaks marked and
footnote references collected. Pure lxml element work; no python-docx objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: A page-break marker inside walked text (never in a real document's text).
BREAK = "\x0c"
RENDERED = "\x0b"
_SKIP = {
    W + "del",
    W + "moveFrom",
    W + "delText",
    W + "instrText",
    W + "delInstrText",
    W + "rPr",
    W + "pPr",
    W + "sectPr",
    W + "commentReference",
}
_REVISIONS = {
    W + "ins": "tracked insertion",
    W + "del": "tracked deletion",
    W + "moveFrom": "tracked move",
    W + "rPrChange": "tracked formatting change",
    W + "pPrChange": "tracked formatting change",
}
_NUMBERS_ONLY = re.compile(r"^[\d\s]*$")


@dataclass
class Walk:
    """What a walk over the body collects besides the blocks' text."""

    footnotes: list[str] = field(default_factory=list)
    tables: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)
    rendered_breaks: int = 0
    explicit_breaks: int = 0


def blocks(body: Any, walk: Walk) -> Iterator[str]:
    """Text of each paragraph and table row of ``body`` in order; page breaks as BREAK (explicit)
    or RENDERED (Word's last layout) characters inside the text."""
    for child in body:
        if child.tag == W + "p":
            yield paragraph_text(child, walk)
        elif child.tag == W + "tbl":
            yield from _table(child, walk)
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent")
            yield from blocks(content if content is not None else child, walk)
        elif child.tag == W + "ins":  # a whole inserted paragraph
            yield from blocks(child, walk)


def paragraph_text(p: Any, walk: Walk) -> str:
    parts: list[str] = []
    if _breaks_before(p):
        parts.append(BREAK)
        walk.explicit_breaks += 1
    _collect(p, parts, walk)
    if _section_break(p):
        parts.append(BREAK)
        walk.explicit_breaks += 1
    return "".join(parts)


def _collect(element: Any, parts: list[str], walk: Walk) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            _break(child, parts, walk)
        elif tag == W + "lastRenderedPageBreak":
            parts.append(RENDERED)
            walk.rendered_breaks += 1
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "footnoteReference":
            walk.footnotes.append(child.get(W + "id", ""))
        elif tag == W + "txbxContent":
            _text_box(child, parts, walk)
        else:
            _collect(child, parts, walk)


def _break(br: Any, parts: list[str], walk: Walk) -> None:
    if br.get(W + "type") == "page":
        parts.append(BREAK)
        walk.explicit_breaks += 1
    else:
        parts.append("\n")


def _text_box(box: Any, parts: list[str], walk: Walk) -> None:
    """A text box's paragraphs, unless it only holds numbers: pleading paper's line numbering
    drawn as a column of 1-28 in a box."""
    text = "\n".join(paragraph_text(p, walk) for p in box.iter(W + "p"))
    if not _NUMBERS_ONLY.match(text):
        parts.append("\n" + text + "\n")


def _breaks_before(p: Any) -> bool:
    ppr = p.find(W + "pPr")
    flag = ppr.find(W + "pageBreakBefore") if ppr is not None else None
    return flag is not None and flag.get(W + "val", "true") not in ("0", "false", "off")


def _section_break(p: Any) -> bool:
    """A section ending in this paragraph starts a new page unless it is 'continuous'."""
    ppr = p.find(W + "pPr")
    sect = ppr.find(W + "sectPr") if ppr is not None else None
    if sect is None:
        return False
    kind = sect.find(W + "type")
    return kind is None or kind.get(W + "val") != "continuous"


def _table(tbl: Any, walk: Walk) -> Iterator[str]:
    rows: list[tuple[str, ...]] = []
    for tr in tbl.iter(W + "tr"):
        if _owner_table(tr) is not tbl:
            continue  # a nested table's row: its text is in the enclosing cell
        cells = tuple(_cell_text(tc, walk) for tc in tr if tc.tag == W + "tc")
        rows.append(cells)
        yield "\n".join(c for c in cells if c)
    walk.tables.append(tuple(rows))


def _owner_table(tr: Any) -> Any:
    parent = tr.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _cell_text(tc: Any, walk: Walk) -> str:
    inner = Walk()  # a cell's page breaks and nested tables do not split the page
    lines = [t for t in blocks(tc, inner) if t]
    walk.footnotes.extend(inner.footnotes)
    return "\n".join(lines).replace(BREAK, "").replace(RENDERED, "")


def revisions(root: Any) -> dict[str, int]:
    """Tracked changes in an XML part, counted by kind."""
    counts: dict[str, int] = {}
    for tag, name in _REVISIONS.items():
        n = sum(1 for _ in root.iter(tag))
        if n:
            counts[name] = counts.get(name, 0) + n
    return counts


def footnote_texts(root: Any) -> dict[str, str]:
    """Footnote id -> text, from word/footnotes.xml (separators left out)."""
    out: dict[str, str] = {}
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        walk = Walk()
        text = "\n".join(t for t in blocks(note, walk) if t.strip())
        out[note.get(W + "id", "")] = text.replace(BREAK, "").replace(RENDERED, "")
    return out
