"""How ``filelint check FOLDER --jobs N`` will read its papers, told from the command line before the
command line parser, the configuration machinery and the packs are imported (`filelint.readahead`).

Only a plain command line is read: ``check`` (or a folder first, which means ``check``), one folder,
and the options of ``check`` spelled out in full. Anything else (an abbreviated option, ``--``, several
paths, ``--config``, ``--isolate-plugins``, the ``html`` format) gives None, and the run starts reading
where it always did. The options that decide how papers are read (jobs, PDF backend, cache) come from
the command line and, when a configuration file is found, from that file read as the run reads it. The
run compares them with its own settings before it takes what was started (`readahead.begin`), so a
command line read differently here costs only the work started, never a different result.
"""

from __future__ import annotations

from pathlib import Path

#: The commands of ``filelint`` (`filelint.cli.app` reads them from here).
COMMANDS = ("check", "plugins", "rules", "rule", "schema", "deadlines", "init", "config", "report", "completion")
#: Configuration file names, closest first (`filelint.config` finds them by these).
CONFIG_NAMES = (".filelint.toml", "filelint.toml", "pyproject.toml")
#: A motion folder's manifest (`filelint.manifest.text` reads it by this name).
MANIFEST_NAME = "filelint.yaml"
#: Options of ``check`` that take a value (the next word, or after ``=``), by their canonical name.
VALUED = {
    "--format": "--format",
    "--output-format": "--format",
    "--output-file": "--output-file",
    "-o": "--output-file",
    "--color": "--color",
    "--select": "--select",
    "--ignore": "--ignore",
    "--fail-on": "--fail-on",
    "--jobs": "--jobs",
    "-j": "--jobs",
    "--pdf-backend": "--pdf-backend",
    "--today": "--today",
    "--disable-pack": "--disable-pack",
    "--extend-select": "--extend-select",
    "--extend-ignore": "--extend-ignore",
    "--exclude": "--exclude",
    "--config": "--config",
}
#: Options of ``check`` that take no value.
FLAGS = {
    "--quiet",
    "-q",
    "--exit-zero",
    "--show-waived",
    "--no-cache",
    "--no-plugins",
    "--isolate-plugins",
    "--statistics",
}
BACKENDS = ("auto", "pdfium", "pdfminer")


class ReadingOptions:
    """What decides how a folder's papers are read (the fields `filelint.paperreader.PaperReader` uses).
    A plain class, not a dataclass: the ``filelint`` command reads it before it imports anything it
    can put off (`dataclasses` costs milliseconds before the reader process forks)."""

    __slots__ = ("cache_dir", "isolate_plugins", "jobs", "no_cache", "pdf_backend")

    def __init__(
        self, jobs: int, pdf_backend: str, no_cache: bool, cache_dir: str | None, isolate_plugins: bool = False
    ) -> None:
        self.jobs, self.pdf_backend, self.no_cache = jobs, pdf_backend, no_cache
        self.cache_dir, self.isolate_plugins = cache_dir, isolate_plugins

    def _fields(self) -> tuple[int, str, bool, str | None, bool]:
        return self.jobs, self.pdf_backend, self.no_cache, self.cache_dir, self.isolate_plugins

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReadingOptions) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "ReadingOptions({}, {!r}, {}, {!r}, {})".format(*self._fields())


def reading_options(argv: list[str]) -> tuple[Path, ReadingOptions] | None:
    """The folder and the reading options of a plain ``check`` command line, or None."""
    words = _check_words(argv)
    parsed = _parse(words) if words is not None else None
    if parsed is None:
        return None
    folder, values, flags = parsed
    if not folder.is_dir() or "--config" in values or "--isolate-plugins" in flags or values.get("--format") == "html":
        return None
    configured = _configured(folder)
    if configured is None:
        return None
    configured_jobs, backend, cache_dir = configured
    jobs = _whole(values["--jobs"]) if "--jobs" in values else configured_jobs
    backend = values.get("--pdf-backend", backend)
    if jobs is None or backend not in BACKENDS:
        return None
    capped = _capped(jobs)
    if capped is None:
        return None
    return folder, ReadingOptions(capped, backend, "--no-cache" in flags, cache_dir)


def _check_words(argv: list[str]) -> list[str] | None:
    """The words after ``check``, as `filelint.cli.app.main` reads the command line."""
    if not argv:
        return None
    if argv[0] == "check":
        rest = argv[1:]
    elif argv[0] not in COMMANDS and not argv[0].startswith("-"):
        rest = list(argv)  # `filelint FOLDER` means `filelint check FOLDER`
    else:
        return None
    return [w for w in rest if w not in ("-v", "--verbose")]


def _parse(words: list[str]) -> tuple[Path, dict[str, str], set[str]] | None:
    """(folder, the last value of each valued option, the flags given), or None if any word is not
    a plain option of ``check`` or there is not exactly one path."""
    folder: str | None = None
    values: dict[str, str] = {}
    flags: set[str] = set()
    i = 0
    while i < len(words):
        word = words[i]
        name, eq, value = word.partition("=")
        if word.startswith("--") and eq and name in VALUED:
            values[VALUED[name]] = value
            i += 1
        elif word in VALUED and i + 1 < len(words):
            values[VALUED[word]] = words[i + 1]
            i += 2
        elif word.startswith("-j") and word[2:].isdigit():
            values["--jobs"] = word[2:]
            i += 1
        elif word in FLAGS:
            flags.add(word)
            i += 1
        elif word.startswith("-") or folder is not None:
            return None  # an option not spelled in full, ``--``, or a second path
        else:
            folder = word
            i += 1
    return (Path(folder), values, flags) if folder is not None else None


def _configured(folder: Path) -> tuple[int, str, str | None] | None:
    """(jobs, PDF backend, cache folder) from the configuration the run will read (the defaults
    when there is no configuration file), or None if it cannot be read here (the run says why)."""
    if not any(_config_files(folder)):
        return 1, "auto", None  # `filelint.settings.Settings`' defaults (a test keeps them equal)
    try:
        from filelint.config import load_settings

        settings = load_settings([folder])
    except Exception:  # a configuration error is the run's to report, with its file and line
        return None
    return settings.jobs, settings.pdf_backend, settings.cache_dir


def _config_files(folder: Path) -> list[Path]:
    start = folder.resolve()
    return [d / name for d in (start, *start.parents) for name in CONFIG_NAMES if (d / name).is_file()]


def _whole(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if value >= 1 else None


def _capped(jobs: int) -> int | None:
    """``jobs`` within the machine's limit, as the run caps it (None: the limit is misconfigured)."""
    try:
        from filelint import limits

        return limits.capped_jobs(jobs)[0]
    except Exception:  # a bad limit is the run's to report
        return None
