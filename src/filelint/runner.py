"""The pipeline for one motion folder: manifest -> schema -> model -> rules -> findings."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelint import gctune
from filelint.context import Context
from filelint.engine import Stamper, run_rules
from filelint.findings import Finding
from filelint.folder_run import FolderRun
from filelint.limits import MANIFEST_KB
from filelint.manifest.aliases import normalize, read_as_message
from filelint.manifest.schema import validate
from filelint.manifest.yamlload import LoadedYaml, ManifestSyntaxError, Mark, load_yaml
from filelint.model import ModelError, build_case, named_paths
from filelint.plugins import Plugins
from filelint.safeopen import CHECK_KEY, FolderCheck
from filelint.settings import Settings
from filelint.suppressions import suppress
from filelint.waivers import Scope

MANIFEST_NAME = "filelint.yaml"


@dataclass
class FolderResult:
    """Findings for one folder; ``incomplete`` means some check could not run (exit 2)."""

    folder: Path
    manifest: Path
    findings: list[Finding] = field(default_factory=list)
    incomplete: bool = False
    case: Any = None
    loaded: LoadedYaml | None = None


def find_manifest_folder(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that holds a manifest."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if (folder / MANIFEST_NAME).is_file():
            return folder
    return None


def lint_folder(folder: Path, plugins: Plugins, settings: Settings, *, cwd: Path, reader: Any = None) -> FolderResult:
    """Check one motion folder. Never raises for bad input: problems become findings."""
    with gctune.folder_run():  # the collector's thresholds for a folder (filelint.gctune)
        return _lint_folder(folder, plugins, settings, cwd=cwd, reader=reader)


def _lint_folder(folder: Path, plugins: Plugins, settings: Settings, *, cwd: Path, reader: Any) -> FolderResult:
    from filelint import readahead

    early = readahead.take(folder) if reader is None else None
    own = early.reader if early is not None else None
    try:
        return _lint_loaded(folder, plugins, settings, cwd, reader, early)
    finally:
        if own is not None:
            own.close()  # also when the manifest changed or failed to load after the early start


def _lint_loaded(
    folder: Path, plugins: Plugins, settings: Settings, cwd: Path, reader: Any, early: Any
) -> FolderResult:
    manifest = folder / MANIFEST_NAME
    result = FolderResult(folder=folder, manifest=manifest)
    stamper = Stamper(plugins, _display_path(manifest, cwd))
    loaded = _load(manifest, stamper, result, early)
    if loaded is None:
        return result
    result.loaded = loaded
    for reading in normalize(loaded.data, plugins.schema()):  # before validation: "email" is read as electronic
        result.findings.append(
            stamper.stamp("FL006", read_as_message(reading), loaded.mark_for(reading.path), key_path=reading.path)
        )
    own = _own_reader(folder, settings, plugins, early) if reader is None else None
    checked = own.check if own is not None else FolderCheck(folder)  # each path resolved once per folder
    try:
        if own is not None and not own.started and settings.jobs > 1 and not settings.isolate_plugins:
            # Every paper the manifest names, read in one parallel batch from now on (one pool start),
            # while the manifest is validated and the rules that need no paper run; not one paper at
            # a time as rules ask. The forks of --isolate-plugins must not copy a running reader thread.
            own.start(named_paths(loaded.data))
        _check_folder(result, loaded, FolderRun(stamper, settings, loaded, cwd), checked, reader or own)
    finally:
        if own is not None:
            own.close()
    return result


def _own_reader(folder: Path, settings: Settings, plugins: Plugins, early: Any) -> PaperReader:
    """The reader started before the packs loaded (`filelint.readahead`), now with the packs'
    readers, or a new one."""
    if early is None:
        return paper_reader(folder, settings, plugins.readers)
    reader: PaperReader = early.reader
    reader.readers = plugins.readers
    return reader


def _check_folder(result: FolderResult, loaded: LoadedYaml, run: FolderRun, checked: FolderCheck, reader: Any) -> None:
    """Validate the loaded manifest, build the case, run the rules and apply the suppressions."""
    folder, settings, stamper = result.folder, run.settings, run.stamper
    schema_problems = _validate(loaded, run.plugins, settings, folder)
    for p in schema_problems:
        result.findings.append(stamper.stamp(p.code, p.message, p.mark, fix=p.fix, key_path=p.path))
    if schema_problems:
        result.incomplete = True  # rules cannot run on a manifest that says something else
        return
    try:
        case = build_case(loaded.data)
    except ModelError as exc:
        result.findings.append(
            stamper.stamp(exc.code, exc.message, loaded.mark_for(exc.at), fix=exc.fix, key_path=exc.at)
        )
        result.incomplete = True
        return
    result.case = case
    ctx = Context(
        case=case,
        folder=folder,
        manifest_path=result.manifest,
        today=settings.today or dt.date.today(),
        calendars=run.plugins.calendars,
        state_calendars=run.plugins.state_holidays,
        sections={k: loaded.data.get(k) for k in run.plugins.sections},
        reader=reader,
    )
    ctx.derived(CHECK_KEY, lambda: checked)
    if settings.jobs > 1 and not (isinstance(reader, PaperReader) and reader.started):
        ctx.prefetch([path for path, _ in case.named_files()])  # one batch up front, all the same
    findings, crashed = run_rules(ctx, run)
    findings = suppress(findings, run, Scope(folder, run.cwd, ctx.today, case.motion.main_device))
    result.findings.extend(findings)
    result.incomplete = result.incomplete or crashed


def _validate(loaded: LoadedYaml, plugins: Plugins, settings: Settings, folder: Path) -> list[Any]:
    """Schema problems of the manifest; an unchanged manifest that passed before is not validated
    again (the verdict cache: filelint.manifest.verdict)."""
    from filelint.manifest import verdict

    schema = plugins.schema()
    cache = _verdict_dir(settings, folder)
    key = verdict.verdict_key(loaded.data, schema) if cache is not None else ""
    if verdict.known_valid(cache, key):
        return []
    problems = validate(loaded, schema)
    if not problems:
        verdict.remember_valid(cache, key)
    return problems


def _verdict_dir(settings: Settings, folder: Path) -> Path | None:
    """Where verdicts live (the PDF cache's folder), or None: --no-cache, or a cache folder inside the
    motion folder (filelint writes nothing there)."""
    if settings.no_cache:
        return None
    from filelint.pdf.cache import cache_refusal, default_cache_dir

    cache = Path(settings.cache_dir or default_cache_dir()).expanduser()
    return None if cache_refusal(cache, folder) is not None else cache.resolve()  # the PDF cache's rule


def paper_reader(
    folder: Path, settings: Settings, readers: Sequence[Any] = (), check: FolderCheck | None = None
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

    def __init__(self, folder: Path, settings: Settings, readers: Sequence[Any], check: FolderCheck) -> None:
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
        the formats a built-in reader reads; the rest are read when asked, with the packs' readers)."""
        from filelint.documents.read import start_documents

        paths = self._paths(relpaths)
        self.started = True
        self._background = start_documents(
            list(paths.values()),
            jobs=self.settings.jobs,
            cache_dir=self._cache(),
            readers=self.readers,
            within=self.folder,
            backend=self.settings.pdf_backend,
            builtin_only=builtin_only,
        )

    def close(self) -> None:
        """Stop reading in the background (the folder's rules are done)."""
        if self._background is not None:
            self._background.close()
            self._background = None

    def _paths(self, relpaths: list[str]) -> dict[str, Path]:
        return {rel: (self.folder / rel) for rel in relpaths if self.check(rel) is None}

    def _cache(self) -> Path | None:
        if not self._caches:
            from filelint.pdf import default_cache_dir

            cache_dir = Path(self.settings.cache_dir or default_cache_dir())
            self._caches.append(None if self.settings.no_cache else usable_cache_dir(cache_dir, self.folder))
        return self._caches[0]

    def _read(self, paths: dict[str, Path]) -> dict[str, Any]:
        from filelint.documents import read_documents
        from filelint.progress import Status

        with Status(f"reading {_papers(len(paths))}"):
            docs = read_documents(
                list(paths.values()),
                jobs=self.settings.jobs,
                cache_dir=self._cache(),
                readers=self.readers,
                within=self.folder,
                backend=self.settings.pdf_backend,
            )
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


def _load(manifest: Path, stamper: Stamper, result: FolderResult, early: Any = None) -> LoadedYaml | None:
    """The parsed manifest (as `filelint.readahead` parsed it, if the file still holds that text),
    or None with the finding that says why not."""
    problem = read_manifest_text(manifest)
    if isinstance(problem, tuple):
        code, message, mark, fix = problem
        result.findings.append(stamper.stamp(code, message, mark, fix=fix))
        result.incomplete = True
        return None
    try:
        loaded = early.loaded if early is not None and early.text == problem else load_yaml(problem)
    except ManifestSyntaxError as exc:
        finding = stamper.stamp(exc.code, exc.message, exc.mark, fix=exc.fix)
        if exc.detail:
            finding.extra["yaml_parser"] = exc.detail  # the parser's words: --verbose and json only
        result.findings.append(finding)
        result.incomplete = True
        return None
    if not isinstance(loaded.data, dict):
        result.findings.append(
            stamper.stamp(
                "FL003",
                "the manifest must be a mapping of keys (court:, case:, motion: ...)",
                Mark(1, 1),
                fix="start from `filelint init` or docs/manifest.md",
            )
        )
        result.incomplete = True
        return None
    return loaded


def read_manifest_text(manifest: Path) -> str | tuple[str, str, Mark, str]:
    """The manifest's text, or (code, message, mark, fix) saying why it cannot be read."""
    try:
        size = manifest.stat().st_size
        if size > MANIFEST_KB.value() * 1024:
            message = f"manifest is {size // 1024} KiB; a manifest is a few KiB ({MANIFEST_KB.says()})"
            return ("FL001", message, Mark(1, 1), "check that this is the right file")
        from filelint.safeopen import read_file

        raw = read_file(manifest, None)  # one open: a FIFO or device swapped in is refused, not read
    except OSError as exc:
        return ("FL001", f"cannot read the manifest: {exc.strerror}", Mark(1, 1), "check the file's permissions")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return (
            "FL001",
            "the manifest is saved as UTF-16; filelint reads UTF-8",
            Mark(1, 1),
            "save the manifest as UTF-8 (most editors: File > Save with Encoding > UTF-8)",
        )
    if b"\x00" in raw:
        return (
            "FL001",
            "the manifest contains binary (NUL) bytes",
            _byte_mark(raw, raw.index(0)),
            "save the manifest as plain UTF-8 text",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)  # utf-8-sig counts after its BOM
        return (
            "FL001",
            f"the manifest is not UTF-8 text (byte 0x{raw[at]:02x})",
            _byte_mark(raw, at),
            "save the manifest as UTF-8",
        )


def _byte_mark(raw: bytes, offset: int) -> Mark:
    """The position of byte ``offset``, its column counted in characters as editors count them (an
    undecodable byte before it counts as one, a BOM as none)."""
    before = raw[:offset]
    line = before.count(b"\n") + 1
    prefix = before[before.rfind(b"\n") + 1 :]
    chars = prefix.decode("utf-8-sig" if line == 1 else "utf-8", errors="replace")
    return Mark(line, len(chars) + 1)


def _display_path(path: Path, cwd: Path) -> str:
    """Relative to the working directory when possible, always with / separators."""
    try:
        rel = path.resolve().relative_to(cwd.resolve())
        return rel.as_posix()
    except ValueError:
        return path.as_posix()
