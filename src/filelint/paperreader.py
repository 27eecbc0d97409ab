"""How a folder run reads its papers: `PaperReader`, the rule context's reader (`Context.reader`).

Kept apart from the runner so that `filelint.readahead` can start reading a folder's papers before
the runner, the engine and the packs are imported.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from pathlib import Path

from filelint.safeopen import FolderCheck

TYPE_CHECKING = False  # not `typing`'s: this module is imported before the reader process forks
if TYPE_CHECKING:
    from typing import Any, Protocol
else:
    Protocol = object


class ReadingSettings(Protocol):
    """The settings a reader uses: `filelint.settings.Settings`, or the options
    `filelint.earlyargs` tells from the command line before the settings are loaded."""

    @property
    def jobs(self) -> int: ...
    @property
    def pdf_backend(self) -> str: ...
    @property
    def no_cache(self) -> bool: ...
    @property
    def cache_dir(self) -> str | None: ...
    @property
    def isolate_plugins(self) -> bool: ...


def paper_reader(
    folder: Path, settings: ReadingSettings, readers: Sequence[Any] = (), check: FolderCheck | None = None
) -> PaperReader:
    """Context.reader: text of files inside ``folder`` (PDF, Word, email, and formats packs add
    as ``readers``) via filelint.documents (imported lazily), with --jobs workers, the text
    cache (unless --no-cache) and a status line on a TTY. ``check`` is the folder run's
    `filelint.safeopen.FolderCheck` (a new one if not given)."""
    return PaperReader(folder, settings, readers, check if check is not None else FolderCheck(folder))


class PaperReader:
    """Reads the folder's papers when rules ask (``reader(relpaths)``); with ``--jobs`` > 1 the
    runner first starts reading every named paper in the background (`start`), and a rule then
    waits only for the paper it asks for while the rules that need none run."""

    def __init__(self, folder: Path, settings: ReadingSettings, readers: Sequence[Any], check: FolderCheck) -> None:
        self.folder, self.settings, self.readers, self.check = folder, settings, readers, check
        self._caches: list[Path | None] = []  # where the text cache is, found at the first read
        self._background: Any = None
        self.started = False

    def __call__(self, relpaths: list[str]) -> dict[str, Any]:
        from filelint.progress import Status

        paths = self._paths(relpaths)
        found: dict[str, Any] = {}
        if self._background is not None:
            self._background.hurry(list(paths.values()))  # what a rule waits for is read next
            with Status(f"reading {_papers(len(paths))}"):
                for rel, path in paths.items():
                    doc = self._background.result(path)
                    if doc is not None:
                        found[rel] = doc
        rest = {rel: path for rel, path in paths.items() if rel not in found}
        if rest:
            found.update(self._read(rest))
        return found

    def start(self, relpaths: list[str], builtin_only: bool = False) -> None:
        """Begin reading these papers in ``--jobs`` worker processes, and return (``builtin_only``:
        the formats a built-in reader reads; the rest are read when asked, with the packs' readers).
        Where it can, a reader process of its own feeds the workers (`filelint.readerproc`)."""
        from filelint import readerproc

        paths = list(self._paths(relpaths).values())
        self.started = True
        if readerproc.usable():
            self._background = readerproc.ReaderProcess(paths, {"builtin_only": builtin_only, **self._how()})
            return
        from filelint.documents.read import start_documents

        self._background = start_documents(paths, builtin_only=builtin_only, **self._how())

    def start_from_manifest(self) -> bool:
        """Begin reading the papers the folder's manifest names (formats a built-in reader reads) in a
        reader process that reads the manifest itself, so that this process forks before it has
        even imported the YAML parser (`filelint.readahead`); False, and nothing started, where no
        reader process can be forked."""
        from filelint import readerproc

        if not readerproc.usable():
            return False
        self.started = True
        self._background = readerproc.ReaderProcess(self._named, {"builtin_only": True, **self._how()})
        return True

    def _named(self) -> list[Path]:
        """The paths the folder's manifest names, as `start` reads them (in the reader process); none
        when it cannot be read or parsed (the run reports why, and reads what it needs itself)."""
        from filelint.earlyargs import MANIFEST_NAME
        from filelint.manifest.named import named_paths, read_early

        found = read_early(self.folder / MANIFEST_NAME)
        return [] if found is None else list(self._paths(named_paths(found[1].data)).values())

    def close(self) -> None:
        """Stop reading in the background (the folder's rules are done)."""
        if self._background is not None:
            self._background.close()
            self._background = None

    def _paths(self, relpaths: list[str]) -> dict[str, Path]:
        return {rel: (self.folder / rel) for rel in relpaths if self.check(rel) is None}

    def _how(self) -> dict[str, Any]:
        """How this folder's papers are read, in the background or when asked."""
        return {
            "jobs": self.settings.jobs,
            "cache_dir": self._cache(),
            "readers": self.readers,
            "within": self.folder,
            "backend": self.settings.pdf_backend,
        }

    def _cache(self) -> Path | None:
        if not self._caches and self.settings.no_cache:
            self._caches.append(None)
        if not self._caches:
            from filelint.pdf import default_cache_dir

            cache_dir = Path(self.settings.cache_dir or default_cache_dir())
            self._caches.append(usable_cache_dir(cache_dir, self.folder))
        return self._caches[0]

    def _read(self, paths: dict[str, Path]) -> dict[str, Any]:
        from filelint.documents import read_documents
        from filelint.progress import Status

        with Status(f"reading {_papers(len(paths))}"):
            docs = read_documents(list(paths.values()), **self._how())
        return {rel: docs[path] for rel, path in paths.items()}


def _papers(count: int) -> str:
    return f"{count} paper" if count == 1 else f"{count} papers"


def usable_cache_dir(cache_dir: Path, folder: Path) -> Path | None:
    """``cache_dir``, or None (no cache) with a warning when it may not live there (`cache_refusal`)."""
    from filelint.pdf.cache import cache_refusal

    why = cache_refusal(cache_dir, folder)
    if why is not None:
        _warn_once(why)
    return None if why is not None else cache_dir


@functools.cache
def _warn_once(message: str) -> None:
    from filelint.output.escape import plain

    print(f"filelint: warning: {plain(message)}", file=sys.stderr)
