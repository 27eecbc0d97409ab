"""The suppressions stage: manifest waivers, then configured per-path ignores, in one place.

Waivers are marked (and shown with ``--show-waived``) and produce their own FL01x/FL03x findings when
stale or malformed; per-path ignores (``per-path-ignores`` in the configuration) drop findings.
"""

from __future__ import annotations

from collections.abc import Sequence

from filelint.config import per_path_ignored
from filelint.findings import Finding
from filelint.folder_run import FolderRun
from filelint.waivers import Scope, apply_waivers


def suppress(findings: Sequence[Finding], run: FolderRun, scope: Scope) -> list[Finding]:
    """``findings`` after the manifest's waivers and the configuration's per-path ignores."""
    waived = apply_waivers(findings, run, scope)
    return [f for f in waived if not per_path_ignored(run.settings, f, run.plugins, run.cwd)]
