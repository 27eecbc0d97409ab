"""Read a Word .docx paper into page text, the way the PDF of the same paper reads.

Body paragraphs and tables in order (a table row's cells one per line), footnotes at the foot
of the page that cites them; headers, footers and pleading-paper line numbering (a header text
box or Word's line numbering, which is not text) are left out. Tracked changes and comments are
listed in ``revisions`` (FL113 reports them: a filed paper must not carry them); the text is
the document as it would print with the changes accepted.

Pages follow Word's own last layout when the file records it (``lastRenderedPageBreak``, saved
by Word), else its explicit page and section breaks, else an estimate of 28 pleading-paper
lines per page, so page-based rules (memorandum length) work on a draft too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

from filelint.documents import docx_parts, zipguard
from filelint.documents.docx_parts import BREAK, RENDERED, Walk
from filelint.documents.model import Document, failed
from filelint.pdf.cleanup import normalise

#: Estimated pagination: pleading paper holds 28 double-spaced lines of about 75 characters.
LINES_PER_PAGE = 28
CHARS_PER_LINE = 75


def extract(path: Path, data: bytes, sha256: str, on_page_count: Callable[[int], None] | None = None) -> Document:
    """Never raises: a file that cannot be read becomes a failed `Document`."""
    refused = zipguard.check(data)
    if refused is not None:
        status = "encrypted" if "encrypted" in refused else "corrupt"
        return failed(path, sha256, "docx", status, refused)
    try:
        return _extract(path, data, sha256, on_page_count)
    except Exception as exc:  # python-docx and lxml raise many types on damaged packages
        return failed(path, sha256, "docx", "corrupt", f"damaged Word file ({type(exc).__name__}: {str(exc)[:120]})")


def _extract(path: Path, data: bytes, sha256: str, on_page_count: Callable[[int], None] | None) -> Document:
    import docx

    package = docx.Document(BytesIO(data))
    body = package.element.body
    walk = Walk()
    notes = _part_root(package, "/word/footnotes.xml")
    footnotes = docx_parts.footnote_texts(notes) if notes is not None else {}
    pages, pagination = _paginate(body, walk, footnotes)
    if on_page_count is not None:
        on_page_count(len(pages))
    revisions = _revisions(package, body, notes)
    if not any(p.strip() for p in pages):
        return Document(
            path, sha256, (), "no-text", "the Word document has no text", (), 0, format="docx", revisions=revisions
        )
    return Document(
        path,
        sha256,
        tuple(pages),
        "ok",
        "",
        (),
        len(pages),
        format="docx",
        pagination=pagination,
        tables=tuple(walk.tables),
        revisions=revisions,
    )


def _paginate(body: Any, walk: Walk, footnotes: dict[str, str]) -> tuple[list[str], str]:
    raw = list(_blocks_with_notes(body, walk, footnotes))
    if walk.rendered_breaks:
        marker, mode = RENDERED, "rendered"
    elif walk.explicit_breaks:
        marker, mode = BREAK, "breaks"
    else:
        return _estimate([line for text in raw for line in _lines(text)]), "estimated"
    pages: list[list[str]] = [[]]
    for text in raw:
        for i, piece in enumerate(text.split(marker)):
            if i:
                pages.append([])
            pages[-1].extend(_lines(piece))
    return ["\n".join(p) for p in pages if p], mode


def _blocks_with_notes(body: Any, walk: Walk, footnotes: dict[str, str]) -> Any:
    """Each block, followed by the text of the footnotes it cites (as the foot of its page)."""
    for text in docx_parts.blocks(body, walk):
        cited = walk.footnotes
        walk.footnotes = []
        yield text + "".join("\n" + footnotes[i] for i in cited if footnotes.get(i))


def _lines(text: str) -> list[str]:
    clean = (normalise(line) for line in text.replace(BREAK, "").replace(RENDERED, "").split("\n"))
    return [line for line in clean if line]


def _estimate(lines: list[str]) -> list[str]:
    pages: list[list[str]] = [[]]
    used = 0
    for line in lines:
        height = max(1, math.ceil(len(line) / CHARS_PER_LINE))
        if used and used + height > LINES_PER_PAGE:
            pages.append([])
            used = 0
        pages[-1].append(line)
        used += height
    return ["\n".join(p) for p in pages if p]


def _part_root(package: Any, name: str) -> Any:
    """The parsed XML of a part by name, or None (python-docx's parser resolves no entities)."""
    from docx.oxml import parse_xml

    for part in package.part.package.iter_parts():
        if str(part.partname) == name:
            return parse_xml(part.blob)
    return None


def _revisions(package: Any, body: Any, notes: Any) -> tuple[str, ...]:
    counts = docx_parts.revisions(body)
    for name, n in (docx_parts.revisions(notes) if notes is not None else {}).items():
        counts[name] = counts.get(name, 0) + n
    comments = _part_root(package, "/word/comments.xml")
    n_comments = 0 if comments is None else sum(1 for _ in comments.iter(docx_parts.W + "comment"))
    if n_comments:
        counts["comment"] = n_comments
    return tuple(f"{n} {name}{'s' if n > 1 else ''}" for name, n in counts.items())
