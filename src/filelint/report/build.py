"""Lint folders and turn each into report data: the glue between the runner and the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from filelint.plugins import Plugins
from filelint.report.gather import gather
from filelint.report.model import ReportData
from filelint.report.source import deadline_report
from filelint.runner import MANIFEST_NAME, FolderResult, lint_folder
from filelint.settings import Settings


def folder_reports(
    paths: Sequence[Path], plugins: Plugins, settings: Settings
) -> list[tuple[ReportData, FolderResult]]:
    """Check each path's folder (as ``filelint check`` does) and gather its report data."""
    from filelint.session import resolve_folders

    cwd = Path.cwd()
    today = settings.today or dt.date.today()
    out = []
    for folder in resolve_folders(paths):
        result = lint_folder(folder, plugins, settings, cwd=cwd)
        result.findings.sort(key=lambda f: f.sort_key())
        report = deadline_report(result.case, plugins, today) if result.case is not None else None
        out.append((gather(result, report, today, _shown(folder / MANIFEST_NAME, cwd)), result))
    return out


def _shown(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
