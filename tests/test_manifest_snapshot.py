"""Every manifest in the repository checks the same as recorded (issue 10: the court-neutral core).

``tests/data/findings-snapshot.json`` holds, for every motion folder in the repo (examples, rule
cases, real cases, pack cases), the sorted ``LINE:COL: CODE message`` lines of a run with the
built-in packs and the federal pack on a fixed date. A refactor must leave it unchanged; a change
of law changes it on purpose: regenerate with ``FILELINT_REGEN=1`` and read the diff.
"""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path

import pytest

from filelint.testing import DEFAULT_TODAY

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "data" / "findings-snapshot.json"
SEARCHED = ("examples", "tests/rules", "tests/realcases", "plugins")
#: The packs in plugins/, loaded for every folder (each folder's own pack must be there to check it).
PACKS = ("filelint_federal.plugin", "filelint_newyork.plugin")


def motion_folders() -> list[Path]:
    found = {p.parent for base in SEARCHED for p in (ROOT / base).rglob("filelint.yaml")}
    return sorted(f for f in found if "hostile" not in f.parts)


def findings_of(folder: Path) -> list[str]:
    from filelint.plugins import load_plugins
    from filelint.runner import lint_folder
    from filelint.settings import Settings

    extra = []
    for module in PACKS:
        try:
            extra.append(importlib.import_module(module))
        except ImportError:  # the pack is not installed: the test is skipped below
            pass
    plugins = load_plugins(autoload=False, extra=extra)
    result = lint_folder(folder, plugins, Settings(today=DEFAULT_TODAY), cwd=folder)
    return sorted(f"{f.location.line}:{f.location.column}: {f.code} {f.message}" for f in result.findings)


def current() -> dict[str, list[str]]:
    return {f.relative_to(ROOT).as_posix(): findings_of(f) for f in motion_folders()}


def test_every_manifest_checks_as_recorded() -> None:
    pytest.importorskip("filelint_federal")
    pytest.importorskip("filelint_newyork")
    got = current()
    if os.environ.get("FILELINT_REGEN"):
        SNAPSHOT.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    changed = sorted(k for k in got.keys() | recorded.keys() if got.get(k) != recorded.get(k))
    assert not changed, f"findings changed in {len(changed)} folders, e.g. {changed[:5]}"
