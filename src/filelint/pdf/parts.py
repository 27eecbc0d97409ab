"""Read a long PDF in page ranges on several workers, and merge them into one whole-file result.

With ``--jobs 2`` a batch whose pages sit mostly in one long exhibit would otherwise keep one
worker busy while the other idles. `Split` cuts each long PDF into parts of roughly equal pages
(the length is estimated from the bytes, never trusted: each worker reads the real page count
and takes its share, `page_range`), orders the work longest first, and merges the parts in page
order. The merged pages are cleaned and classified once, as a whole (running headers, hyphens,
scanned pages are document-wide), so the result, and its cache entry, are those of a whole-file
read. A part that PDFium cannot be trusted with, or any part's failure, decides for the file:
the first sends the whole file back to the pool as one task (PDFium then hands it to pdfminer),
the second is the file's result.
"""

from __future__ import annotations

import dataclasses
import math
import pickle
import re
from collections.abc import Callable, Sequence
from typing import Any

from filelint.pdf import cleanup
from filelint.pdf.model import DocumentText
from filelint.pdf.pool import PDF_READER, Task

#: Never a part shorter than this many pages (each part opens the document again).
MIN_PART_PAGES = 16
#: Parts per job at most: small parts balance the load, each costs an open.
PARTS_PER_JOB = 4
#: `estimate_pages` stops counting here (more pages change no plan).
MOST_PAGES = 100_000
# A page object ("/Type /Page", not "/Pages"): counts the pages of a file without object streams;
# a file that hides them in compressed streams estimates 0 and is read whole.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


class Part:
    """One page range's lines and image covers, as a worker sends them (each page as
    `cleanup.strip_stamps` leaves it); ``status`` "untrusted" means PDFium cannot be trusted with the
    file (`filelint.pdf.pdfium`).

    A part crosses the pipe with its pages pickled once more inside it (`packed`): the parent does
    not open them, it hands the blobs of a file's parts to the worker that cleans them (`merge`), so
    that work (about 10 ms for 200 pages) stays off the parent, whose rules hold the interpreter lock."""

    __slots__ = ("_blob", "_body", "count", "detail", "status")

    def __init__(self, pages: list[cleanup.Page], covers: list[float], status: str = "ok", detail: str = "") -> None:
        self.status, self.detail, self.count = status, detail, len(pages)
        self._body: tuple[list[cleanup.Page], list[float]] | None = (pages, covers)
        self._blob: bytes | None = None

    @property
    def pages(self) -> list[cleanup.Page]:
        return self._open()[0]

    @property
    def covers(self) -> list[float]:
        return self._open()[1]

    def packed(self) -> bytes:
        """The pages and covers, pickled (once)."""
        if self._blob is None:
            self._blob = pickle.dumps(self._body, protocol=pickle.HIGHEST_PROTOCOL)
        return self._blob

    def _open(self) -> tuple[list[cleanup.Page], list[float]]:
        if self._body is None:
            assert self._blob is not None
            self._body = unpack([self._blob])
        return self._body

    def __reduce__(self) -> tuple[Any, ...]:
        return (_received, (self.packed(), self.count, self.status, self.detail))


def _received(blob: bytes, count: int, status: str, detail: str) -> Part:
    """A part as the parent receives it: its pages still packed."""
    part = Part.__new__(Part)
    part.status, part.detail, part.count = status, detail, count
    part._body, part._blob = None, blob
    return part


def unpack(blobs: Sequence[bytes]) -> tuple[list[cleanup.Page], list[float]]:
    """The pages and covers of packed parts, in order (in the worker that cleans them)."""
    pages: list[cleanup.Page] = []
    covers: list[float] = []
    for blob in blobs:
        more_pages, more_covers = pickle.loads(blob)
        pages.extend(more_pages)
        covers.extend(more_covers)
    return pages, covers


def estimate_pages(data: bytes) -> int:
    """Page objects visible in the bytes, up to `MOST_PAGES`: a guess for planning, never for
    reading (counted without a list: a hostile file may repeat the marker millions of times)."""
    count = 0
    for count, _ in enumerate(_PAGE_OBJECT.finditer(data), 1):
        if count >= MOST_PAGES:
            break
    return count


def plan(task: Task, pages: int, part_pages: int, jobs: int) -> list[Task]:
    """The task itself, or its parts when it has room for two parts of ``part_pages``."""
    count = min(pages // part_pages, PARTS_PER_JOB * jobs)
    if task.reader != PDF_READER or task.part is not None or count < 2:
        return [task]
    return [dataclasses.replace(task, part=(i, count)) for i in range(count)]


def _part_pages(task: Task, balanced: int, in_order: bool) -> int:
    """Pages per part: in order, as few as allowed for PDFium (a part costs it one cheap open, and the
    first papers are ready soonest); pdfminer parses the file again for each part, so its parts stay
    as long as an even share of the batch allows."""
    return MIN_PART_PAGES if in_order and task.backend == "pdfium" else balanced


def extract_part(
    task: Task, on_page_count: Callable[..., None] | None = None, on_page_done: Callable[..., None] | None = None
) -> Part | DocumentText:
    """Read one part (in a worker): its pages' lines, or the failure that decides the file."""
    assert task.part is not None
    if task.backend == "pdfium":
        from filelint.pdf.pdfium import extract_lines

        read = extract_lines(task.data, on_page_count, task.part)
        return Part([], [], "untrusted") if read is None else Part(_stripped(read[0]), read[1])
    from filelint.pdf.extract import describe_exception, read_pages
    from filelint.pdf.model import failure

    try:
        pages, covers = read_pages(task.data, on_page_count, on_page_done, task.part)
    except Exception as exc:  # as `filelint.pdf.extract.extract`: the file's diagnosis
        return failure(task.path, task.sha256, *describe_exception(exc))
    return Part(_stripped(pages), covers)


def _stripped(pages: list[cleanup.Page]) -> list[cleanup.Page]:
    """The page-by-page first step of cleaning (`cleanup.strip_stamps`), done where the range is read:
    the rest needs the whole document and waits for every part."""
    return [cleanup.strip_stamps(page) for page in pages]


class Split:
    """The pool's work for a batch: whole tasks and parts, longest first (or, ``in_order``, in the
    tasks' order, each file's parts in page order: a reader in the background reads the papers in the
    order the rules ask for them, and parts keep the workers evenly busy); merges parts as they come
    back (`done`) and gives each task's result in task order (`results`)."""

    def __init__(
        self, tasks: Sequence[Task], jobs: int, on_start: Callable[[Task], None] | None, in_order: bool = False
    ) -> None:
        self.tasks = list(tasks)
        self.on_start = on_start
        self.units: list[Task] = []
        self.owner: list[int] = []
        self.merged: list[DocumentText | None] = [None] * len(self.tasks)
        self.parts: dict[int, dict[int, Any]] = {}
        self.begun: set[int] = set()
        sizes = [estimate_pages(t.data) if jobs > 1 and t.reader == PDF_READER else 0 for t in self.tasks]
        balanced = max(MIN_PART_PAGES, math.ceil(sum(sizes) / (jobs * PARTS_PER_JOB)))
        planned = [
            (size, i, plan(task, size, _part_pages(task, balanced, in_order), jobs))
            for i, (task, size) in enumerate(zip(self.tasks, sizes, strict=True))
        ]
        units = [(size // len(parts), i, part) for size, i, parts in planned for part in parts]
        if jobs > 1 and not in_order:
            units.sort(key=lambda unit: -unit[0])  # longest first: the last to finish is short
        for _, owner, unit in units:
            self.units.append(unit)
            self.owner.append(owner)

    def started(self, unit: Task) -> None:
        """The pool starts a unit: report its file once (progress)."""
        owner = self.owner[next(i for i, u in enumerate(self.units) if u is unit)]
        if self.on_start is not None and owner not in self.begun:
            self.on_start(self.tasks[owner])
        self.begun.add(owner)

    def done(self, index: int, result: Any) -> list[Task]:
        """A unit's result; returns the follow-up task when the file's last part is in: the parts'
        pages to clean as one document, or the file itself if it must be read whole."""
        owner, unit = self.owner[index], self.units[index]
        if unit.part is None:  # a whole file, or the cleaning of a file read in parts
            self.merged[owner] = result
            return []
        got = self.parts.setdefault(owner, {})
        got[unit.part[0]] = result
        if len(got) < unit.part[1]:
            return []
        follow = merge(self.tasks[owner], [got.pop(i) for i in range(unit.part[1])])
        if isinstance(follow, DocumentText):
            self.merged[owner] = follow
            return []
        self.units.append(follow)
        self.owner.append(owner)
        return [follow]

    def results(self) -> list[DocumentText]:
        """Each task's result, in task order."""
        return [doc for doc in self.merged if doc is not None]


def merge(task: Task, results: Sequence[Any]) -> DocumentText | Task:
    """What the parts, in page order, make of the file: a part's failure (the file's result); the file
    itself, when it must be read whole; or the task that cleans and classifies their pages as one
    document, in a worker (that work is the size of a page range's reading: off the parent, which
    runs the rules meanwhile)."""
    if any(isinstance(r, Part) and r.status == "untrusted" for r in results):
        return task
    failed = next((r for r in results if isinstance(r, DocumentText)), None)
    if failed is not None:
        return dataclasses.replace(failed, path=task.path, sha256=task.sha256)
    count = sum(r.count for r in results)
    if not count:
        return task  # as a whole-file read: PDFium finds nothing, pdfminer diagnoses
    return dataclasses.replace(task, data=b"", part=None, raw=(tuple(r.packed() for r in results), count))
