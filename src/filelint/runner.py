"""The pipeline for one motion folder: manifest -> schema -> model -> rules -> findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelint import gctune
from filelint.context import Context
from filelint.engine import Stamper, run_rules
from filelint.findings import Finding
from filelint.folder_run import FolderRun
from filelint.manifest.aliases import normalize, read_as_message
from filelint.manifest.named import named_paths
from filelint.manifest.schema import validate
from filelint.manifest.text import MANIFEST_NAME, read_manifest_text
from filelint.manifest.yamlload import LoadedYaml, ManifestSyntaxError, Mark, load_yaml
from filelint.model import ModelError, build_case
from filelint.paperreader import PaperReader, paper_reader, usable_cache_dir
from filelint.plugins import Plugins
from filelint.safeopen import CHECK_KEY, FolderCheck
from filelint.settings import Settings
from filelint.suppressions import suppress
from filelint.waivers import Scope

__all__ = [
    "MANIFEST_NAME",
    "FolderResult",
    "PaperReader",
    "find_manifest_folder",
    "lint_folder",
    "paper_reader",
    "read_manifest_text",
    "usable_cache_dir",
]


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
    own = _own_reader(folder, settings, plugins, early) if reader is None else None
    try:
        return _lint_loaded(folder, plugins, settings, cwd, reader or own, own, early)
    finally:
        if own is not None:
            own.close()  # also when the manifest changed or failed to load after the early start


def _lint_loaded(
    folder: Path, plugins: Plugins, settings: Settings, cwd: Path, reader: Any, own: PaperReader | None, early: Any
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
    checked = own.check if own is not None else FolderCheck(folder)  # each path resolved once per folder
    if own is not None and not own.started and settings.jobs > 1 and not settings.isolate_plugins:
        # Every paper the manifest names, read in one parallel batch from now on (one pool start),
        # while the manifest is validated and the rules that need no paper run; not one paper at
        # a time as rules ask. The forks of --isolate-plugins must not copy a running reader thread.
        own.start(named_paths(loaded.data))
    _check_folder(result, loaded, FolderRun(stamper, settings, loaded, cwd), checked, reader)
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


def _display_path(path: Path, cwd: Path) -> str:
    """Relative to the working directory when possible, always with / separators."""
    try:
        rel = path.resolve().relative_to(cwd.resolve())
        return rel.as_posix()
    except ValueError:
        return path.as_posix()
