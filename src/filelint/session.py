"""One run over several paths: find the motion folders they name and lint each folder once.

A path inside a motion folder (a file, or a folder below the manifest) means that motion folder; a
folder means every motion folder at or below it (``filelint check .`` at a repository root), found by
a walk that skips ``.git``, hidden folders and the ``exclude`` patterns of config and ``--exclude``.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from filelint.findings import Finding
from filelint.plugins import Plugins
from filelint.runner import MANIFEST_NAME, find_manifest_folder, lint_folder
from filelint.settings import Settings

#: Set (pre-commit sets PRE_COMMIT=1 for its hooks): a *file* in no motion folder is skipped, not
#: an error, because pre-commit passes every changed YAML/PDF of the repository. Folders still fail.
SKIP_OUTSIDE_ENV = ("FILELINT_SKIP_OUTSIDE", "PRE_COMMIT")


def skip_outside_default() -> bool:
    return any(os.environ.get(name) for name in SKIP_OUTSIDE_ENV)


def excluded(rel: PurePosixPath, patterns: Sequence[str]) -> bool:
    """A folder (relative to the walk's start) is excluded when a pattern matches its name or its path."""
    for pattern in patterns:
        pattern = pattern.strip().rstrip("/")
        if pattern and (fnmatch.fnmatchcase(rel.name, pattern) or fnmatch.fnmatchcase(rel.as_posix(), pattern)):
            return True
    return False


def walk_motion_folders(top: Path, exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Every folder at or below ``top`` holding a manifest, in path order; never follows links."""
    for here, dirs, files in os.walk(top):
        # Pruning in place stops os.walk from descending: hidden folders (.git, .venv, caches) and exclusions.
        if exclude:
            rel = PurePosixPath(Path(here).relative_to(top).as_posix())
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(rel / d, exclude))
        else:
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if MANIFEST_NAME in files and os.path.isfile(os.path.join(here, MANIFEST_NAME)):  # stat: a FIFO would block
            yield Path(here)


def resolve_folders(
    paths: Sequence[Path], *, skip_outside: bool | None = None, walk: bool = True, exclude: Sequence[str] = ()
) -> list[Path]:
    """The motion folders ``paths`` name, de-duplicated in order; UsageError when none is found."""
    from filelint.errors import UsageError

    skip = skip_outside_default() if skip_outside is None else skip_outside
    folders: dict[Path, None] = {}
    empty: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        found = _folders_for(path, walk, exclude)
        if not found and path.is_file():
            if not skip:
                raise UsageError(
                    f"{path}: not inside a motion folder (no {MANIFEST_NAME} in its folder or any "
                    f"folder above); run `filelint init FOLDER` on the folder holding the motion's papers"
                )
            from filelint.output.escape import plain

            print(f"filelint: note: skipped {plain(str(path))}: not inside a motion folder", file=sys.stderr)
        elif not found and not walk:  # one named motion folder (`filelint deadlines FOLDER`)
            raise UsageError(
                f"{path}: no {MANIFEST_NAME} here or in any folder above; run `filelint init {path}` to draft one"
            )
        elif not found:
            empty.append(path)
        folders.update(dict.fromkeys(found))
    if empty and not folders:
        raise UsageError(_nothing_found(empty))
    for path in empty:
        from filelint.output.escape import plain

        print(f"filelint: note: no motion folder at or below {plain(str(path))}", file=sys.stderr)
    return list(folders)


def _folders_for(path: Path, walk: bool, exclude: Sequence[str]) -> list[Path]:
    """The motion folders at or below a folder (with ``walk``), else the one ``path`` is in."""
    if walk and path.is_dir():
        below = list(walk_motion_folders(path, exclude))
        if below:
            return below
    folder = find_manifest_folder(path)
    return [folder] if folder is not None else []


def _nothing_found(paths: Sequence[Path]) -> str:
    names = ", ".join(str(p) for p in paths)
    return (
        f"no motion folder at or below {names} (no {MANIFEST_NAME} there or in any folder below): a motion "
        f"folder holds {MANIFEST_NAME} beside the motion's papers. To start one, run `filelint init FOLDER` "
        f"on the folder that holds a motion's "
        f"papers (not on the repository root); folders named in `exclude` and hidden folders are skipped"
    )


def lint_paths(paths: Sequence[Path], plugins: Plugins, settings: Settings) -> tuple[list[Finding], bool]:
    """Findings of every folder, sorted; ``True`` if any check could not run."""
    cwd = Path.cwd()
    findings: list[Finding] = []
    incomplete = False
    for folder in resolve_folders(paths, exclude=settings.exclude):
        result = lint_folder(folder, plugins, settings, cwd=cwd)
        findings.extend(result.findings)
        incomplete = incomplete or result.incomplete
    findings.sort(key=Finding.sort_key)
    return findings, incomplete
