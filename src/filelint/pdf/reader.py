"""Public entry points: read PDFs into `DocumentText`, using the cache and
the worker pool. Never raises on a bad file.

Cheap checks run here, in the parent, before any worker starts: unreadable,
empty and non-PDF files, and cache hits (so a warm run never imports
pdfminer). Files with identical bytes are extracted once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from filelint.pdf.backends import resolve_backend
from filelint.pdf.batch import read_batch
from filelint.pdf.cache import TextCache
from filelint.pdf.model import DocumentText, failure
from filelint.pdf.pool import Task
from filelint.safeopen import PathRefused, open_file, read_at_most

# As in other readers, the header may follow up to 1 KB of junk.
_MAGIC_WINDOW = 1024


def read_document(path: Path, *, cache_dir: Path | None = None, timeout: float | None = None) -> DocumentText:
    """Read one PDF. See `read_documents`."""
    return read_documents([path], cache_dir=cache_dir, timeout=timeout)[path]


def read_documents(
    paths: Sequence[Path],
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    timeout: float | None = None,
    progress: bool = False,
    within: Path | None = None,
    backend: str = "auto",
) -> dict[Path, DocumentText]:
    """Read PDFs into clean page text, keyed by the paths as given.

    :param jobs: worker processes extracting files in parallel.
    :param cache_dir: where to keep extracted text between runs (created,
        with a ``.gitignore``); None disables the cache. Use
        `default_cache_dir()` for the per-user cache.
    :param timeout: seconds allowed per document. None means 5 s + 0.5 s per
        page; ``math.inf`` means no limit (with ``jobs=1`` extraction then
        runs in this process).
    :param progress: print ``[3/12] reading decl.pdf`` lines to stderr.
    :param within: the motion folder: a path that leads out of it (even by a symlink swapped in
        while it is opened) is not read (`filelint.safeopen`). FIFOs and devices are never read.
    :param backend: "auto" (pdfium when pypdfium2 is installed), "pdfium" or
        "pdfminer" (the reference); cached text is kept per backend.
    """
    if timeout is not None and not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout}")
    engine = resolve_backend(backend)
    cache = TextCache(cache_dir, engine) if cache_dir is not None else None

    def prepare(path: Path) -> DocumentText | Task:
        return _read_cheaply(path, cache, within, engine)

    def store(task: Task, doc: DocumentText) -> None:
        if cache is not None:
            cache.store(doc)

    return read_batch(paths, prepare, store, jobs=jobs, timeout=timeout, progress=progress)


def _read_cheaply(path: Path, cache: TextCache | None, within: Path | None, backend: str) -> DocumentText | Task:
    """A final result if no extraction is needed, else the task to run."""
    data = read_bounded(path, within)  # one checked open; the size limit holds on the open file
    if isinstance(data, DocumentText):
        return data
    sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        return failure(path, sha256, "empty-file", "file is empty (0 bytes)")
    if b"%PDF-" not in data[:_MAGIC_WINDOW]:
        return failure(path, sha256, "not-pdf", _not_pdf_detail(data))
    if cache is not None:
        cached = cache.load(path, sha256)
        if cached is not None:
            return cached
    return Task(path, data, sha256, backend=backend)


def read_bounded(path: Path, within: Path | None) -> bytes | DocumentText:
    """The file's bytes through one checked open (never outside ``within``, never a FIFO or device,
    never more than FILELINT_MAX_PAPER_MB read into this process), or the failure saying why not."""
    opened = open_bounded(path, within)
    if isinstance(opened, DocumentText):
        return opened
    fd, info = opened
    try:
        return read_opened(path, fd, info)
    finally:
        os.close(fd)


def open_bounded(path: Path, within: Path | None) -> tuple[int, os.stat_result] | DocumentText:
    """`read_bounded`'s checked open: the descriptor (the caller closes it) and its ``fstat``, whose
    size is within FILELINT_MAX_PAPER_MB; or the failure saying why the file is not read."""
    try:
        fd = open_file(path, within)
    except PathRefused as exc:
        return failure(path, "", "error", f"cannot read file: {exc.reason}")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in a name given directly
        return _unreadable(path, exc)
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        return _unreadable(path, exc)
    if info.st_size > _max_bytes():
        os.close(fd)
        return _too_large(path)
    return fd, info


def read_opened(path: Path, fd: int, info: os.stat_result) -> bytes | DocumentText:
    """The bytes of a file `open_bounded` opened (it may have grown past the limit since)."""
    try:
        data = read_at_most(fd, info.st_size, _max_bytes())
    except OSError as exc:
        return _unreadable(path, exc)
    return _too_large(path) if data is None else data


def _max_bytes() -> int:
    from filelint.limits import PAPER_MB

    return PAPER_MB.value() * 1_000_000


def _too_large(path: Path) -> DocumentText:
    from filelint.limits import PAPER_MB

    size = path.stat().st_size if path.exists() else 0  # stat opens nothing
    return failure(path, "", "error", f"is {size // 1_000_000} MB, more than a paper can be ({PAPER_MB.says()})")


def _unreadable(path: Path, exc: OSError | ValueError) -> DocumentText:
    return failure(path, "", "error", f"cannot read file: {getattr(exc, 'strerror', None) or type(exc).__name__}")


def _not_pdf_detail(data: bytes) -> str:
    head = data[:_MAGIC_WINDOW].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "not a PDF (an HTML page saved as .pdf?)"
    return "not a PDF (no %PDF- header)"
