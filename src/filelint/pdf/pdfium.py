"""Extract page lines with PDFium (pypdfium2): the fast backend, about 25x pdfminer.

Produces the same per-page input as the pdfminer path (`cleanup.Page` of
positioned lines, line numbers stripped by `layout`'s geometry), so footers,
stamps and pleading-paper numbers are removed by the same code. PDFium splits
a page's text into lines itself (generated ``\\r\\n``); a line's box comes from
the loose (font-height) boxes of its first and last characters, and glyph
boxes are read only for the line-number digits `_unglue` inspects. No loop
runs per character on the usual page: the cost over bare PDFium is per line.

pypdfium2 is imported only inside `extract_lines`, in the process that
extracts. Returns None when PDFium cannot be trusted with the document (it
fails to open or load it, or a page shows no text while holding a Form
XObject, whose text PDFium may not see): the caller then uses pdfminer, the
reference, which also gives the established diagnosis of a broken file.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from filelint.pdf import cleanup, layout
from filelint.pdf.pagerange import page_range

#: The page-object type codes of PDFium (fpdf_edit.h), kept here so that
#: this module imports without pypdfium2.
_IMAGE, _FORM = 3, 5
# PDFium's U+FFFE marks a hyphen at a line end (see `_lines`).
_PDFIUM_SOFT_HYPHEN = "\ufffe"
# PDFium passes an unmapped glyph's code through (often a control character);
# pdfminer writes "(cid:N)", which is what `classify` counts as garbled.
_Box = tuple[float, float, float, float]
# A page with this many words is text, whatever its images (classify's limit is 10 words).
_WORD = re.compile(r"[A-Za-z]{3,}")
_WORDY = 40
_WORDY_SCAN = 4000
# A scan has a handful of objects; beyond this many a page is not one (keeps 10^5-object pages cheap).
_MAX_OBJECTS = 5000
_BREAK_SPLIT = re.compile("(\r\n|\ufffe)")
# Pages read before the document is opened again: PDFium holds each parsed object (page
# dictionaries, content streams, fonts) until the document closes, so memory grew with every
# page of a long filing (about 0.1 MB a page); a fresh open costs a fraction of one page.
_REOPEN_PAGES = 50
_UNMAPPED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class _Glyph:
    text: str
    x1: float

    def get_text(self) -> str:
        return self.text


class _Line:
    """One PDFium text line, shaped like pdfminer's ``LTTextLine`` for `layout`.

    ``pieces`` are (first character index, raw text) runs: a superscript that
    PDFium puts on a line of its own is appended to the line it sits on.
    """

    __slots__ = ("chars", "pieces", "size", "text", "x0", "x1", "y0", "y1")

    def __init__(self, raw_text: str, start: int, box: _Box, chars: _Chars, text: str) -> None:
        self.pieces = [(start, raw_text)]
        self.size = len(raw_text) + 1
        self.x0, self.y0, self.x1, self.y1 = box
        self.chars = chars
        self.text = text

    def append(self, other: _Line) -> None:
        """Add a piece that continues this line to the right."""
        self.pieces.extend(other.pieces)
        self.size += other.size - 1
        self.text += other.text
        self.x1 = max(self.x1, other.x1)
        self.y0, self.y1 = min(self.y0, other.y0), max(self.y1, other.y1)

    def continued_by(self, other: _Line) -> bool:
        """True if ``other`` starts where this line ends, overlapping it vertically (a raised
        footnote mark, a piece set in another font)."""
        if other.x0 < self.x1 - 1.0:  # most lines start left of the previous line's end
            return False
        overlap = min(self.y1, other.y1) - max(self.y0, other.y0)
        height = min(self.y1 - self.y0, other.y1 - other.y0)
        return height > 0 and overlap >= 0.5 * height and other.x0 <= self.x1 + 2 * height

    def get_text(self) -> str:
        return self.text + "\n"

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[_Glyph]:
        for start, text in self.pieces:
            for offset, char in enumerate(text):
                yield _Glyph(char, self.chars.box(start + offset)[2])


def _clean(raw_text: str) -> str:
    return _UNMAPPED.sub(_cid, raw_text.replace(_PDFIUM_SOFT_HYPHEN, "-"))


def _hyphens_only(raw_text: str) -> str:
    """`_clean` for a page with no unmapped glyphs (checked once per page)."""
    return raw_text.replace(_PDFIUM_SOFT_HYPHEN, "-")


def _cid(match: re.Match[str]) -> str:
    return f"(cid:{ord(match.group())})"


class _Chars:
    """Character boxes of one text page, read on demand."""

    __slots__ = ("loose_box", "rect", "ref", "textpage")

    def __init__(self, raw: Any, textpage: Any) -> None:
        self.textpage = textpage
        self.rect = raw.FS_RECTF()
        self.ref = ctypes.byref(self.rect)
        self.loose_box = raw.FPDFText_GetLooseCharBox

    def box(self, index: int) -> _Box:
        """(x0, y0, x1, y1) of the character's loose (font-height) box."""
        rect = self.rect
        self.loose_box(self.textpage, index, self.ref)
        return (rect.left, rect.bottom, rect.right, rect.top)


def extract_lines(
    data: bytes, on_page_count: Callable[[int], None] | None = None, part: tuple[int, int] | None = None
) -> tuple[list[cleanup.Page], list[float]] | None:
    """Each page's lines (line numbers stripped) and image cover, or None to
    ask for pdfminer (see the module docstring). ``part`` (i, n) reads only
    the i-th of n equal page ranges (`filelint.pdf.parts.page_range`)."""
    try:
        import pypdfium2 as pdfium
        from pypdfium2 import raw
    except ImportError:
        return None
    try:
        document = pdfium.PdfDocument(data)
    except Exception:  # PdfiumError, or anything odd: pdfminer diagnoses it
        return None
    try:
        if on_page_count is not None:
            on_page_count(len(document))
        pages: list[cleanup.Page] = []
        covers: list[float] = []
        first, last = (0, len(document)) if part is None else page_range(len(document), *part)
        if not len(document):
            return None
        for index in range(first, last):
            if index > first and (index - first) % _REOPEN_PAGES == 0:
                document.close()  # PDFium keeps every object it parsed until the document closes
                document = pdfium.PdfDocument(data)
            page = document[index]
            try:
                result = _page(raw, page)
            finally:
                page.close()
            if result is None:
                return None
            pages.append(result[0])
            covers.append(result[1])
        return (pages, covers) if pages or part is not None else None
    except Exception:
        return None
    finally:
        document.close()


def _page(raw: Any, page: Any) -> tuple[cleanup.Page, float] | None:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        chars = _Chars(raw, textpage.raw)
        count = textpage.count_chars()
        text = textpage.get_text_range() if count else ""
        if len(text) != count:  # surrogates or unmapped glyphs: read per character
            text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))
        cover = 0.0
        if not _wordy(text):  # `classify` reads cover on sparse pages only
            cover, has_form = _object_summary(raw, page.raw, width, height)
            if count == 0 and has_form:
                return None
        lines = _lines(text, chars)
        return _strip_numbers(lines, width, height), cover
    finally:
        textpage.close()


def _wordy(text: str) -> bool:
    """At least `_WORDY` words in the first `_WORDY_SCAN` characters (stops counting there)."""
    for count, _ in enumerate(_WORD.finditer(text, 0, _WORDY_SCAN), 1):
        if count >= _WORDY:
            return True
    return False


def _lines(text: str, chars: _Chars) -> list[_Line]:
    """Split PDFium's page text at its line breaks and box each line.

    PDFium joins a line that ends in a hyphen to the next one, marking the
    hyphen U+FFFE; pdfminer keeps two lines, so split there too (`cleanup`
    decides whether the hyphen joins a word). One pass, no per-character
    work: a line's box comes from its first and last characters.
    """
    clean = _clean if _UNMAPPED.search(text) else _hyphens_only
    loose_box, page, ref, rect = chars.loose_box, chars.textpage, chars.ref, chars.rect
    lines: list[_Line] = []
    parts = _BREAK_SPLIT.split(text)  # piece, break, piece, ..., piece
    start = 0
    for i in range(0, len(parts), 2):
        piece = parts[i]
        brk = parts[i + 1] if i + 1 < len(parts) else ""
        if brk == _PDFIUM_SOFT_HYPHEN:
            piece += brk
        stripped = piece.rstrip()
        if stripped:
            first = len(piece) - len(piece.lstrip())
            loose_box(page, start + first, ref)
            x0, y0, x1, y1 = rect.left, rect.bottom, rect.right, rect.top
            loose_box(page, start + len(stripped) - 1, ref)
            bottom, top, right = rect.bottom, rect.top, rect.right
            # min() and max() spelled out (the same results, NaN included; no call): this runs on every line
            if (top if top < y1 else y1) - (bottom if bottom > y0 else y0) > 0:  # noqa: FURB136
                box = (x0, bottom if bottom < y0 else y0, right if right > x1 else x1, top if top > y1 else y1)  # noqa: FURB136
                line = _Line(piece, start, box, chars, clean(piece))
                if lines and x0 >= lines[-1].x1 - 1.0 and lines[-1].continued_by(line):  # `_add`, inlined
                    lines[-1].append(line)
                else:
                    lines.append(line)
            else:
                for line in _visual_lines(piece, start, first, len(stripped), chars, clean):
                    _add(lines, line)
        start += len(parts[i]) + len(brk)
    return lines


def _add(lines: list[_Line], line: _Line) -> None:
    if lines and lines[-1].continued_by(line):
        lines[-1].append(line)
    else:
        lines.append(line)


def _visual_lines(
    piece: str, start: int, first: int, last: int, chars: _Chars, clean: Callable[[str], str]
) -> Iterator[_Line]:
    """The piece as one line, or, when its first and last characters do not share a line
    (PDFium ran footnotes together), split where a character starts below the previous one."""
    left, right = chars.box(start + first), chars.box(start + last - 1)
    if min(left[3], right[3]) - max(left[1], right[1]) > 0:
        yield _Line(piece, start, _union(left, right), chars, clean(piece))
        return
    cut = first
    low = left
    for offset in range(first + 1, last):
        if piece[offset].isspace():
            continue
        box = chars.box(start + offset)
        if box[3] <= low[1] + 0.5 * (low[3] - low[1]):
            yield from _visual_lines(piece[:offset], start, cut, len(piece[:offset].rstrip()), chars, clean)
            yield from _visual_lines(piece[offset:], start + offset, 0, len(piece[offset:].rstrip()), chars, clean)
            return
        low = box
    yield _Line(piece, start, _union(left, right), chars, clean(piece))


def _union(a: _Box, b: _Box) -> _Box:
    return (a[0], min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _strip_numbers(lines: list[_Line], width: float, height: float) -> cleanup.Page:
    """As the pdfminer path: drop the line-number column, unglue numbers."""
    column = layout.find_number_column(lines, width)
    if column is None:
        kept = [cleanup.Line(ln.text, ln.x0, ln.y0, ln.x1, ln.y1) for ln in lines]  # no "\n": `cleanup` strips it
        return cleanup.Page(tuple(kept), height, None)
    kept = []
    left, right = column.left, column.right
    for line in lines:
        text = line.text
        if left <= line.x0 <= right:  # both layout tests need this; most lines start right of the column
            if line.x1 <= right and layout.is_number_line(line, text, column):
                continue
            glued = _unglue(line, column)
            text = text if glued is None else glued
        kept.append(cleanup.Line(text, line.x0, line.y0, line.x1, line.y1))
    return cleanup.Page(tuple(kept), height, (column.bottom, column.top))


def _unglue(line: _Line, column: layout.Column) -> str | None:
    """`layout.strip_glued_number` for a PDFium line, reading glyph boxes only for the digits
    of the line-number prefix (the rest of the line is kept as it is)."""
    if not (column.left <= line.x0 < column.right < line.x1):
        return None
    for number, (start, text) in enumerate(line.pieces):
        for offset, char in enumerate(text):
            if char.isspace() or (char.isdigit() and line.chars.box(start + offset)[2] <= column.right):
                continue
            return text[offset:] + "".join(rest for _, rest in line.pieces[number + 1 :])
    return ""


def _object_summary(raw: Any, page: Any, width: float, height: float) -> tuple[float, bool]:
    """(share of the page covered by images, whether it holds a Form XObject)."""
    area = width * height
    covered = 0.0
    has_form = False
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    for i in range(min(raw.FPDFPage_CountObjects(page), _MAX_OBJECTS)):
        obj = raw.FPDFPage_GetObject(page, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _FORM:
            has_form = True
        is_image = kind == _IMAGE or (kind == _FORM and _holds_image(raw, obj))
        if is_image and raw.FPDFPageObj_GetBounds(obj, *refs):
            w = min(right.value, width) - max(left.value, 0.0)
            h = min(top.value, height) - max(bottom.value, 0.0)
            covered += max(0.0, w) * max(0.0, h)
    return (min(1.0, covered / area) if area > 0 else 0.0), has_form


def _holds_image(raw: Any, form: Any, depth: int = 0) -> bool:
    for i in range(raw.FPDFFormObj_CountObjects(form)):
        obj = raw.FPDFFormObj_GetObject(form, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _IMAGE or (kind == _FORM and depth < 8 and _holds_image(raw, obj, depth + 1)):
            return True
    return False
