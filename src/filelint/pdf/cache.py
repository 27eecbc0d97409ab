"""Content-addressed cache of extracted text, so repeat lint runs skip extraction.

One JSON file per (sha256 of the PDF bytes, extractor version, backend). The version
hashes the source of the modules that shape the text, so any change to the
extraction code invalidates old entries without anyone remembering to bump
a number. The directory holds privileged text: it is created private, with a
``.gitignore`` of ``*`` so it never ends up in a repository. Nothing is
written anywhere else, and a damaged entry is ignored (the file is re-read).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import tempfile
from pathlib import Path

from filelint.pdf.model import DocumentText, from_json, to_json

#: Bump on a change that neither the source hash nor the pdfminer install
#: stamp can see.
EXTRACTOR_VERSION = "1"
# Modules whose code determines the cached text.
_SOURCES = ("model.py", "extract.py", "layout.py", "cleanup.py", "classify.py", "pdfium.py")
# Results that depend on the machine or the moment are not cached.
_UNCACHED = frozenset({"timeout", "error", "not-pdf", "empty-file"})


def default_cache_dir() -> Path:
    """$FILELINT_CACHE_DIR, else $XDG_CACHE_HOME/filelint, else ~/.cache/filelint."""
    explicit = os.environ.get("FILELINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "filelint"
    return Path.home() / ".cache" / "filelint"


@functools.cache
def extractor_version() -> str:
    """EXTRACTOR_VERSION plus a short hash of the extraction source code and
    of where and when pdfminer was installed (an upgrade changes its output)."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        with contextlib.suppress(OSError):  # e.g. zipped install: version only
            digest.update((here / name).read_bytes())
    digest.update(_install_stamp("pdfminer").encode())
    digest.update(_install_stamp("pypdfium2").encode())
    return f"{EXTRACTOR_VERSION}-{digest.hexdigest()[:12]}"


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
        try:
            data = json.loads(self.entry(sha256).read_text(encoding="utf-8"))
            doc = from_json(path, data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return doc if doc.sha256 == sha256 else None

    def store(self, doc: DocumentText) -> None:
        """Save a result; failures to write are ignored (the cache is optional)."""
        if doc.status in _UNCACHED:
            return
        with contextlib.suppress(OSError):
            self._prepare()
            self._write_atomically(self.entry(doc.sha256), json.dumps(to_json(doc)))

    def _prepare(self) -> None:
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# filelint cache: extracted text of privileged papers\n*\n")
        self.entries.mkdir(mode=0o700, exist_ok=True)

    @staticmethod
    def _write_atomically(target: Path, text: str) -> None:
        # A concurrent run or a crash must never leave a half-written entry.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
