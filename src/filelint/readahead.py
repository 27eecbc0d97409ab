"""Start reading the papers of the motion folder named on the command line before the packs load.

With ``--jobs`` above 1, loading the packs and validating the manifest take about as long as
reading a motion's papers with pdfium, and the workers would wait for both. `begin` starts the workers
on the papers the manifest of the one folder ``filelint check FOLDER`` names (formats a built-in reader
reads; a pack's format waits for its pack), so the two overlap. Where a reader process can be forked
(`filelint.readerproc`), it reads and parses the manifest itself, so that this process forks before it
imports the YAML parser; otherwise the manifest is parsed here. The folder's run then takes the started
reader (`take`) and the manifest parsed here, if any (used only if the file still holds the same text).
Nothing is started for several paths, a walk, or --isolate-plugins (whose forks must not copy a running
reader thread).

The ``filelint`` command starts even earlier (`begin_from_argv`): before the command line parser, the
configuration machinery and the packs are imported, with the reading options `filelint.earlyargs`
tells from a plain command line. `begin` then keeps that start only if the run's own settings read the
papers the same way (jobs, PDF backend, cache), and stops it otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

TYPE_CHECKING = False  # not `typing`'s: this module is imported before the reader process forks
if TYPE_CHECKING:
    from filelint.manifest.yamlload import LoadedYaml
    from filelint.paperreader import PaperReader, ReadingSettings


class Early:
    """A folder's manifest text, as parsed, and the reader started on the papers it names. ``text`` and
    ``loaded`` are None when a reader process reads the manifest (the run parses it itself); ``reading``
    is how it reads (`_reading`): a run that reads otherwise does not take it. (Not a dataclass: see
    `filelint.earlyargs.ReadingOptions`.)"""

    __slots__ = ("loaded", "reader", "reading", "text")

    def __init__(
        self, text: str | None, loaded: LoadedYaml | None, reader: PaperReader, reading: tuple[object, ...]
    ) -> None:
        self.text, self.loaded, self.reader, self.reading = text, loaded, reader, reading


_STARTED: dict[Path, Early] = {}


def begin_from_argv(argv: list[str]) -> None:
    """Start reading as `begin` does, for the command line of ``filelint`` itself, before anything
    else is imported (`filelint.earlyargs`); nothing for a command line that is not a plain ``check``."""
    try:
        from filelint.earlyargs import reading_options

        found = reading_options(argv)
        if found is not None and found[1].jobs > 1:
            _start(found[0], found[1])
    except Exception:  # only a head start: the run reads, and reports any problem, as it always does
        discard()


def begin(paths: Sequence[Path], settings: ReadingSettings) -> None:
    """Start reading the papers of the motion folder ``paths`` names, when it names exactly one
    (or keep what `begin_from_argv` started for it, if it reads the papers as ``settings`` say)."""
    if settings.jobs < 2 or settings.isolate_plugins or len(paths) != 1:
        discard()  # the forks of --isolate-plugins must not copy a running reader thread
        return
    early = _STARTED.get(_key(paths[0])) if _STARTED else None
    if early is not None and early.reading == _reading(settings):
        early.reader.settings = settings
        return
    discard()
    _start(paths[0], settings)


def _start(folder: Path, settings: ReadingSettings) -> None:
    from filelint.earlyargs import MANIFEST_NAME

    if not (folder / MANIFEST_NAME).is_file():  # a file, or a folder to walk: the run finds them
        return
    from filelint.paperreader import paper_reader

    reader = paper_reader(folder, settings)  # the packs' readers join when the packs are loaded
    if reader.start_from_manifest():
        _STARTED[_key(folder)] = Early(None, None, reader, _reading(settings))
        return
    from filelint.manifest.named import named_paths, read_early

    found = read_early(folder / MANIFEST_NAME)
    if found is None:
        return  # the run reports why the manifest cannot be read
    text, loaded = found
    named = named_paths(loaded.data)
    if named:
        reader.start(named, builtin_only=True)
        _STARTED[_key(folder)] = Early(text, loaded, reader, _reading(settings))


def _reading(settings: ReadingSettings) -> tuple[object, ...]:
    """What decides how the papers are read (the PDF backend as resolved: "auto" is one of the two)."""
    from filelint.pdf.backends import resolve_backend

    cache = None if settings.no_cache else settings.cache_dir
    return settings.jobs, resolve_backend(settings.pdf_backend), settings.no_cache, cache


def take(folder: Path) -> Early | None:
    """What `begin` started for ``folder`` (once), or None."""
    return _STARTED.pop(_key(folder), None) if _STARTED else None


def discard() -> None:
    """Stop what no folder's run took (the run ended early: a usage error, an interrupt)."""
    while _STARTED:
        _STARTED.popitem()[1].reader.close()


def _key(folder: Path) -> Path:
    return folder.resolve()
