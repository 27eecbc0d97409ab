"""Content-addressed cache of extracted text, so repeat lint runs skip extraction.

One JSON file per (sha256 of the PDF bytes, extractor version, backend). The version
hashes the source of the modules that shape the text, so any change to the
extraction code invalidates old entries without anyone remembering to bump
a number. The directory holds privileged text: it is created private, with a
``.gitignore`` of ``*`` so it never ends up in a repository. Nothing is
written anywhere else, and a damaged entry is ignored (the file is re-read).

Entries are read like papers: never a FIFO, device or symlink (`O_NOFOLLOW`, `O_NONBLOCK`,
``fstat``), never more than ``MAX_ENTRY_BYTES``, only if this user owns them and nobody else may
write them; then checked for shape (`valid_entry`) and against a checksum of their content, so
a damaged, truncated, deeply nested or planted entry is ignored and rewritten. The cache never
lives in a motion folder or at a relative path (`cache_refusal`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from filelint.pdf.model import STATUSES, DocumentText, from_json, to_json

#: Bump on a change that neither the source hash nor the pdfminer install
#: stamp can see.
EXTRACTOR_VERSION = "1"
# Modules whose code determines the cached text.
_SOURCES = ("model.py", "extract.py", "layout.py", "cleanup.py", "classify.py", "pdfium.py")
# Results that depend on the machine or the moment are not cached.
_UNCACHED = frozenset({"timeout", "error", "not-pdf", "empty-file"})
#: Larger than the text of any real filing (a 5,000-page PDF gives ~15 MB); a larger entry is not read.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ENTRY_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def default_cache_dir() -> Path:
    """$FILELINT_CACHE_DIR, else $XDG_CACHE_HOME/filelint, else ~/.cache/filelint."""
    explicit = os.environ.get("FILELINT_CACHE_DIR")
    if explicit:
        return Path(explicit)  # a relative one is refused by cache_refusal (no cache, a warning)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative value is invalid and ignored
        return Path(xdg) / "filelint"
    return Path.home() / ".cache" / "filelint"


def cache_refusal(cache_dir: Path, folder: Path) -> str | None:
    """Why the cache may not live at ``cache_dir`` for this motion folder, or None if it may: a
    relative path would follow the working directory into a motion folder, and a cache in the
    motion folder would put extracted privileged text beside the papers."""
    if not cache_dir.is_absolute():
        return f"cache-dir {cache_dir} is a relative path; the text cache is off (use an absolute path)"
    real, root = os.path.realpath(cache_dir), os.path.realpath(folder)
    if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
        return (
            f"cache-dir {cache_dir} is inside the motion folder {folder}; the text cache is off "
            "(it would write extracted text beside the papers)"
        )
    return None


@functools.cache
def extractor_version() -> str:
    """EXTRACTOR_VERSION plus a short hash of the extraction source code and
    of where and when pdfminer was installed (an upgrade changes its output)."""
    return source_version(EXTRACTOR_VERSION, Path(__file__).parent, _SOURCES, ("pdfminer", "pypdfium2"))


def source_version(version: str, folder: Path, sources: Sequence[str], libraries: Sequence[str] = ()) -> str:
    """``version`` plus a short hash of the ``sources`` (paths under ``folder``) and of where and when
    each library was installed: a cache entry made by other code, or another library, is never read."""
    digest = hashlib.sha256(version.encode())
    for name in sources:
        with contextlib.suppress(OSError):  # e.g. zipped install: version only
            digest.update((folder / name).read_bytes())
    for library in libraries:
        digest.update(_install_stamp(library).encode())
    return f"{version}-{digest.hexdigest()[:12]}"


def _install_stamp(package: str) -> str:
    """Path, size and mtime of the package's __init__, found without importing
    it (a warm run must stay free of pdfminer's ~200 ms import)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package} missing"
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return spec.origin
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


class TextCache:
    """Extraction results stored under ``root`` by content hash."""

    def __init__(self, root: Path, backend: str = "pdfminer") -> None:
        self.root = root
        self.entries = root / "pdf-text"
        self.backend = backend

    def entry(self, sha256: str) -> Path:
        """Where the result for this content hash (and backend) lives."""
        return self.entries / f"{sha256}.{extractor_version()}.{self.backend}.json"

    def load(self, path: Path, sha256: str) -> DocumentText | None:
        """The cached result for these bytes, reported under ``path``; None on
        a miss or an unreadable entry."""
        raw = read_entry(self.entry(sha256))
        if raw is None:
            return None
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):  # damaged, or nested to exhaust the parser
            return None
        if not valid_entry(data, sha256):
            return None
        return from_json(path, data["doc"])

    def store(self, doc: DocumentText) -> None:
        """Save a result; failures to write are ignored (the cache is optional)."""
        if doc.status in _UNCACHED:
            return
        with contextlib.suppress(OSError):
            prepare_entries(self.root, self.entries)
            write_atomically(self.entry(doc.sha256), json.dumps(_entry(doc)))


def prepare_entries(root: Path, entries: Path) -> None:
    """Create the cache folder ``root`` (private, with a ``.gitignore`` of ``*``) and its sub-folder
    ``entries`` (private); raise OSError if that cannot be done."""
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# filelint cache: extracted text of privileged papers\n*\n")
    entries.mkdir(mode=0o700, exist_ok=True)


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a private temporary file in its folder, then rename it:
    a concurrent run or a crash never leaves a half-written entry."""
    import tempfile  # on writing only: a run that starts reading imports no more than it needs

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _entry(doc: DocumentText) -> dict[str, Any]:
    payload = to_json(doc)
    return {"version": extractor_version(), "check": _checksum(payload), "doc": payload}


def _checksum(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()


def valid_entry(data: Any, sha256: str) -> bool:
    """The entry has the shape `_entry` writes, is for these bytes and this extractor, and its
    content matches its checksum (a hand-edited or planted entry is not trusted)."""
    if not isinstance(data, dict) or set(data) != {"version", "check", "doc"}:
        return False
    doc = data["doc"]
    if data["version"] != extractor_version() or not isinstance(doc, dict) or doc.get("sha256") != sha256:
        return False
    pages, scanned = doc.get("pages"), doc.get("scanned_pages")
    shape = (
        isinstance(pages, list)
        and all(isinstance(p, str) for p in pages)
        and isinstance(scanned, list)
        and all(type(n) is int and 1 <= n <= len(pages) for n in scanned)
        and doc.get("status") in STATUSES
        and isinstance(doc.get("detail"), str)
        and type(doc.get("page_count")) is int
        and doc["page_count"] >= 0
        and set(doc) == {"sha256", "pages", "status", "detail", "scanned_pages", "page_count"}
    )
    return shape and _SHA256.fullmatch(sha256) is not None and data["check"] == _checksum(doc)


def read_entry(path: Path) -> bytes | None:
    """The entry's bytes, or None for a missing, special, foreign, writable-by-others or oversized one."""
    try:
        fd = os.open(path, _ENTRY_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not _trusted(info):
            return None
        from filelint.safeopen import read_at_most

        return read_at_most(fd, info.st_size, MAX_ENTRY_BYTES)  # None if it grew too large while read
    except OSError:
        return None
    finally:
        os.close(fd)


def _trusted(info: os.stat_result) -> bool:
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES or info.st_mode & 0o022:
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()
