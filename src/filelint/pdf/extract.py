"""Extract clean page text from PDF bytes with pdfminer (the only module that
imports it, and only inside functions: importing it costs ~200 ms and most
filelint commands never read a PDF).

One pass per page: interpret, lay out, strip line numbers by geometry,
measure image cover. Never raises: every failure becomes a ``DocumentText``
with a non-ok status.

Layout settings (`LAYOUT`): ``all_texts=True`` so that text inside Form
XObjects is grouped into lines (the transcript fixture), and
``boxes_flow=None``, boxes in plain top-to-bottom order. The default flow
is the usual advice, because with None the line numbers interleave with the
body; we strip them by geometry first, so that hazard is gone, and skipping
pdfminer's box clustering (super-linear in the number of boxes) took the 15
fixtures from 1.14x to 0.93-0.95x the time of bare ``extract_text``.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelint.pdf import cleanup, layout
from filelint.pdf.classify import PageInfo, classify
from filelint.pdf.model import DocumentText, failure
from filelint.pdf.pagerange import page_range

if TYPE_CHECKING:
    from pdfminer.layout import LTPage, LTTextLine

PageCountCallback = Callable[[int], None]

#: pdfminer ``LAParams`` used for every page (see the module docstring).
LAYOUT: dict[str, Any] = {"all_texts": True, "boxes_flow": None}


def extract(
    path: Path,
    data: bytes,
    sha256: str,
    on_page_count: PageCountCallback | None = None,
    on_page_done: PageCountCallback | None = None,
    backend: str = "pdfminer",
) -> DocumentText:
    """Extract and classify the text of one PDF given as bytes.

    ``on_page_count`` is called with the page count declared by the document
    as soon as it is known (for messages only: a file can declare anything);
    ``on_page_done`` with the number of pages finished, after each page (the
    worker pool earns time from it). ``backend`` "pdfium" reads with
    `filelint.pdf.pdfium` and falls back to pdfminer (the reference) for a
    file PDFium cannot be trusted with.
    """
    if backend == "pdfium":
        from filelint.pdf.pdfium import extract_lines

        read = extract_lines(data, on_page_count)
        if read is not None:
            return finish(path, sha256, *read)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            # pdfminer warns on recoverable damage; under "-W error" that
            # would abort a file it can read.
            warnings.simplefilter("ignore")
            return _extract(path, data, sha256, on_page_count, on_page_done)
    except Exception as exc:  # pdfminer lets non-pdfminer errors escape
        status, detail = describe_exception(exc)
        return failure(path, sha256, status, detail)


def describe_exception(exc: BaseException) -> tuple[str, str]:
    """Map an exception raised while reading a PDF to (status, detail)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException

    if isinstance(exc, PDFPasswordIncorrect):
        return "encrypted", "encrypted, needs a password"
    if isinstance(exc, PDFEncryptionError):
        return "encrypted", f"encrypted ({str(exc) or type(exc).__name__})"
    # PSEOF and PDFSyntaxError both derive from PSException; PSEOF is not a
    # PDFException, so catching only that would miss truncated files.
    if isinstance(exc, PSException):
        return "corrupt", f"truncated or corrupt PDF ({type(exc).__name__}: {str(exc)[:120]})"
    kind = type(exc)
    name = kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
    return "error", f"pdfminer failed: {name}"


def _extract(
    path: Path,
    data: bytes,
    sha256: str,
    on_page_count: PageCountCallback | None,
    on_page_done: PageCountCallback | None = None,
) -> DocumentText:
    raw, covers = read_pages(data, on_page_count, on_page_done)
    if not raw:
        return failure(path, sha256, "corrupt", "no pages found (broken page tree)")
    return finish(path, sha256, raw, covers)


def read_pages(
    data: bytes,
    on_page_count: PageCountCallback | None = None,
    on_page_done: PageCountCallback | None = None,
    part: tuple[int, int] | None = None,
) -> tuple[list[cleanup.Page], list[float]]:
    """Each page's lines and image cover, with pdfminer; ``part`` (i, n) reads only the i-th
    of n equal page ranges (the page tree is walked whole, only those pages are laid out).
    Raises what pdfminer raises."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    if on_page_count is not None:
        on_page_count(declared_page_count(document))
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=LAParams(**LAYOUT))
    interpreter = PDFPageInterpreter(resources, device)
    raw: list[cleanup.Page] = []
    covers: list[float] = []
    pages: Iterator[Any] = PDFPage.create_pages(document)
    if part is not None:
        every = list(pages)
        pages = _consume(deque(every[slice(*page_range(len(every), *part))]))
        del every
    for page in pages:
        interpreter.process_page(page)
        _forget_contents(document, page)
        lt_page = device.get_result()
        raw.append(_page_lines(lt_page))
        covers.append(_image_cover(lt_page))
        if on_page_done is not None:
            on_page_done(len(raw))
    return raw, covers


def _consume(pages: deque[Any]) -> Iterator[Any]:
    """The pages in order, each let go of once read (its decoded content goes with it)."""
    while pages:
        yield pages.popleft()


def _forget_contents(document: Any, page: Any) -> None:
    """Drop a read page's content streams from pdfminer's object cache: it keeps every object it
    parsed, decoded streams included, so memory grew with each page of a long file (about 35 KB
    a page on real filings). A stream another page also uses is parsed again there."""
    cached = getattr(document, "_cached_objs", None)
    if not isinstance(cached, dict):
        return
    for stream in getattr(page, "contents", None) or ():
        cached.pop(getattr(stream, "objid", None), None)


def finish(
    path: Path, sha256: str, raw: list[cleanup.Page], covers: list[float], stripped: bool = False
) -> DocumentText:
    """Clean and classify the pages' lines (either backend; ``stripped``: see `cleanup.page_texts`)."""
    texts = cleanup.page_texts(raw, stripped)
    verdict = classify([PageInfo(t, c) for t, c in zip(texts, covers, strict=True)])
    return DocumentText(
        path,
        sha256,
        tuple(texts),
        verdict.status,
        verdict.detail,
        verdict.scanned_pages,
        len(texts),
    )


def declared_page_count(document: Any) -> int:
    """The /Count of the page tree: cheap (no page is parsed); 0 if unreadable."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(document.catalog["Pages"])["Count"])
    except Exception:  # a broken tree is reported later as "no pages"
        return 0
    return count if isinstance(count, int) and count >= 0 else 0


def _iter_lines(container: Any) -> Iterator[LTTextLine]:
    """Text lines in reading order, including those inside figures."""
    from pdfminer.layout import LTFigure, LTTextBox, LTTextLine

    for item in container:
        if isinstance(item, LTTextLine):
            yield item
        elif isinstance(item, (LTTextBox, LTFigure)):
            yield from _iter_lines(item)


def _page_lines(lt_page: LTPage) -> cleanup.Page:
    """The page's lines with pleading-paper line numbers removed."""
    lines = list(_iter_lines(lt_page))
    column = layout.find_number_column(lines, lt_page.width)
    kept: list[cleanup.Line] = []
    for line in lines:
        text = line.get_text()
        if column is not None:
            if layout.is_number_line(line, text, column):
                continue
            glued = layout.strip_glued_number(line, column)
            text = text if glued is None else glued
        kept.append(cleanup.Line(text, line.x0, line.y0, line.x1, line.y1))
    body = None if column is None else (column.bottom, column.top)
    return cleanup.Page(tuple(kept), lt_page.height, body)


def _image_cover(lt_page: LTPage) -> float:
    """Share of the page area covered by images (scans are one big image)."""
    area = lt_page.width * lt_page.height
    if area <= 0:
        return 0.0
    covered = sum(_clipped_area(img, lt_page) for img in _iter_images(lt_page))
    return min(1.0, covered / area)


def _iter_images(container: Any) -> Iterator[Any]:
    from pdfminer.layout import LTFigure, LTImage

    for item in container:
        if isinstance(item, LTImage):
            yield item
        elif isinstance(item, LTFigure):
            yield from _iter_images(item)


def _clipped_area(item: Any, page: LTPage) -> float:
    width = float(min(item.x1, page.x1) - max(item.x0, page.x0))
    height = float(min(item.y1, page.y1) - max(item.y0, page.y0))
    return max(0.0, width) * max(0.0, height)
