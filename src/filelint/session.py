"""One run over several paths: map each path to its motion folder and lint each folder once."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from filelint.findings import Finding
from filelint.plugins import Plugins
from filelint.runner import MANIFEST_NAME, find_manifest_folder, lint_folder
from filelint.settings import Settings

#: Set (pre-commit sets PRE_COMMIT=1 for its hooks): a *file* in no motion folder is skipped, not
#: an error, because pre-commit passes every changed YAML/PDF of the repository. Folders still fail.
SKIP_OUTSIDE_ENV = ("FILELINT_SKIP_OUTSIDE", "PRE_COMMIT")


def skip_outside_default() -> bool:
    return any(os.environ.get(name) for name in SKIP_OUTSIDE_ENV)


def resolve_folders(paths: Sequence[Path], *, skip_outside: bool | None = None) -> list[Path]:
    """Each path's motion folder, de-duplicated in order; raise UsageError for a bad path."""
    from filelint.errors import UsageError

    skip = skip_outside_default() if skip_outside is None else skip_outside
    folders: dict[Path, None] = {}
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        folder = find_manifest_folder(path)
        if folder is None and skip and path.is_file():
            from filelint.output.escape import plain

            print(f"filelint: note: skipped {plain(str(path))}: not inside a motion folder", file=sys.stderr)
            continue
        if folder is None:
            raise UsageError(f"{path}: no {MANIFEST_NAME} here or in any folder above; "
                             f"run `filelint init {path}` to draft one")
        folders.setdefault(folder, None)
    return list(folders)


def lint_paths(paths: Sequence[Path], plugins: Plugins, settings: Settings
               ) -> tuple[list[Finding], bool]:
    """Findings of every folder, sorted; ``True`` if any check could not run."""
    cwd = Path.cwd()
    findings: list[Finding] = []
    incomplete = False
    for folder in resolve_folders(paths):
        result = lint_folder(folder, plugins, settings, cwd=cwd)
        findings.extend(result.findings)
        incomplete = incomplete or result.incomplete
    findings.sort(key=Finding.sort_key)
    return findings, incomplete
