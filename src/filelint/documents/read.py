"""Read any supported document into `DocumentText`: the format is sniffed from the bytes, the
reader runs in the PDF worker pool (same time limit per document), results are cached by
content hash, and every failure is a status with a detail, never an exception."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from filelint.documents import derived, sniff
from filelint.documents.cache import DocumentCache
from filelint.documents.fileids import FileIds, identity
from filelint.documents.model import failed
from filelint.documents.registry import DocumentReader, choose
from filelint.pdf.backends import resolve_backend
from filelint.pdf.batch import Background, read_batch, start_batch
from filelint.pdf.cache import TextCache
from filelint.pdf.model import DocumentText, failure
from filelint.pdf.pool import Task

SUPPORTED = "PDF, Word .docx, email .eml/.msg/.mbox"
#: Why a file of a known but unread kind is not read, and what to do.
_UNSUPPORTED = {
    "encrypted-office": ("encrypted", "encrypted Word file (password protected); save an unprotected copy"),
    "doc": ("unsupported", "an old Word .doc file; save it as .docx or PDF"),
    "zip": ("unsupported", "a zip archive, not a Word .docx; unzip it or save the paper as .docx or PDF"),
}


def read_documents(
    paths: Sequence[Path],
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    timeout: float | None = None,
    progress: bool = False,
    readers: Sequence[DocumentReader] = (),
    within: Path | None = None,
    backend: str = "auto",
) -> dict[Path, DocumentText]:
    """Like `filelint.pdf.read_documents`, for every supported format.

    :param readers: readers added by packs (the ``filelint_document_readers`` hook), tried for
        files no built-in reader recognises.
    :param within: the motion folder: a path that leads out of it (even by a symlink swapped in
        while it is opened) is not read (`filelint.safeopen`). FIFOs and devices are never read.
    :param backend: the PDF backend, "auto" (pdfium when pypdfium2 is installed), "pdfium" or
        "pdfminer"; PDF text is cached per backend.
    """
    prepare, store = _steps(cache_dir, readers, within, backend)
    return read_batch(paths, prepare, store, jobs=jobs, timeout=timeout, progress=progress)


def start_documents(
    paths: Sequence[Path],
    *,
    jobs: int,
    cache_dir: Path | None = None,
    readers: Sequence[DocumentReader] = (),
    within: Path | None = None,
    backend: str = "auto",
    builtin_only: bool = False,
    timeout: float | None = None,
    thread: bool = True,
) -> Background:
    """`read_documents` in the background (``jobs`` worker processes): returns at once, after the
    cache lookups; `Background.result` waits for one path's result. ``builtin_only``: leave out the
    files no built-in reader reads (before the packs, and their readers, are loaded); their result
    is None. ``thread`` False: the caller feeds the workers (`Background.serve`)."""
    prepare, store = _steps(cache_dir, readers, within, backend, later=builtin_only)
    return start_batch(paths, prepare, store, jobs=jobs, timeout=timeout, thread=thread)


def _steps(
    cache_dir: Path | None,
    readers: Sequence[DocumentReader],
    within: Path | None,
    backend: str,
    later: bool = False,
) -> tuple[Callable[[Path], DocumentText | Task | None], Callable[[Task, DocumentText], None]]:
    """How one path becomes a result or a task (or, ``later``, None: no reader known yet), and how a
    result is cached."""
    engine = resolve_backend(backend)
    ids = _file_ids(cache_dir, readers, engine) if cache_dir is not None else None

    def prepare(path: Path) -> DocumentText | Task | None:
        return _read_cheaply(path, cache_dir, readers, within, engine, later, ids)

    def store(task: Task, doc: DocumentText) -> None:
        if cache_dir is not None:
            _cache(cache_dir, task.reader, readers, engine).store(doc)
            derived.remember(doc.sha256, cache_dir)  # its derived facts are kept beside its text

    return prepare, store


def _read_cheaply(
    path: Path,
    cache_dir: Path | None,
    readers: Sequence[DocumentReader],
    within: Path | None = None,
    engine: str = "pdfminer",
    later: bool = False,
    ids: FileIds | None = None,
) -> DocumentText | Task | None:
    """A final result when no extraction is needed, else the task to run; None (with ``later``) for
    a file none of ``readers`` reads. With ``ids``, a file whose identity says which cached bytes it
    holds is not read again (`filelint.documents.fileids`)."""
    from filelint.pdf.reader import open_bounded, read_opened

    opened = open_bounded(path, within)  # one checked, bounded open, as for PDFs
    if isinstance(opened, DocumentText):
        return opened
    fd, info = opened
    try:
        ident = identity(info) if ids is not None else None
        if ids is not None and ident is not None and cache_dir is not None:
            known = _known(path, ids.lookup(ident), cache_dir, readers, engine)
            if known is not None:
                return known
        data = read_opened(path, fd, info)
    finally:
        os.close(fd)
    if isinstance(data, DocumentText):
        return data
    sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        return failure(path, sha256, "empty-file", "file is empty (0 bytes)")
    kind = sniff.sniff(data)
    reader = choose(kind, data, readers)
    if reader is None:
        return None if later else _not_readable(path, sha256, kind)
    if cache_dir is not None:
        cached = _cache(cache_dir, reader.extract, readers, engine).load(path, sha256)
        if cached is not None:
            derived.remember(sha256, cache_dir)
            if ids is not None and ident is not None:
                ids.remember(ident, sha256, reader.extract)
            return cached
    return Task(path, data, sha256, reader.extract, backend=engine)


def _known(
    path: Path, hit: tuple[str, str] | None, cache_dir: Path, readers: Sequence[DocumentReader], engine: str
) -> DocumentText | None:
    """The cached text of the bytes an identity was recorded with, if that reader is still here."""
    if hit is None:
        return None
    sha256, spec = hit
    if spec not in {r.extract for r in (*_builtin().values(), *readers)}:
        return None
    cached = _cache(cache_dir, spec, readers, engine).load(path, sha256)
    if cached is not None:
        derived.remember(sha256, cache_dir)
    return cached


def _file_ids(cache_dir: Path, readers: Sequence[DocumentReader], engine: str) -> FileIds:
    """The identity index for this reading context: the sniffer and readers (their version), the
    PDF backend and extractor, and the packs' readers in order (the first that accepts wins)."""
    from filelint.documents.cache import reader_version
    from filelint.pdf.cache import extractor_version

    context = "\0".join([reader_version(), extractor_version(), engine, *(r.extract for r in readers)])
    return FileIds(cache_dir, context)


def _not_readable(path: Path, sha256: str, kind: str) -> DocumentText:
    if kind in _UNSUPPORTED:
        status, detail = _UNSUPPORTED[kind]
        return failed(path, sha256, kind, status, detail)
    if path.suffix.lower() == ".pdf":
        detail = "not a PDF (an HTML page saved as .pdf?)" if kind == "html" else "not a PDF (no %PDF- header)"
        return failure(path, sha256, "not-pdf", detail)
    return failed(path, sha256, kind, "unsupported", f"not a format filelint reads ({SUPPORTED})")


def _cache(root: Path, spec: str, readers: Sequence[DocumentReader], engine: str = "pdfminer") -> TextCache:
    """The PDF cache for PDFs (shared with `filelint.pdf`, per backend), a per-format one otherwise."""
    if spec == "filelint.pdf.extract:extract":
        return TextCache(root, engine)
    fmt = next((r.format for r in readers if r.extract == spec), None)
    fmt = fmt or next(name for name, r in _builtin().items() if r.extract == spec)
    return DocumentCache(root, fmt)


def _builtin() -> dict[str, DocumentReader]:
    from filelint.documents.registry import BUILTIN

    return BUILTIN
