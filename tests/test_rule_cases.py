"""Data-driven rule tests: ``tests/rules/<CODE>/{pass,fail}-<name>/``.

Each case folder is a motion folder (``filelint.yaml`` and any papers). A ``fail-*`` folder
holds ``expected.txt``: the exact findings of that code, one ``LINE:COL: CODE message`` per
line. A ``pass-*`` folder must produce no finding of that code. An optional ``plugin.py`` in a
case folder is registered as an extra plugin (to test crash isolation). A meta-test demands a
pass and a fail case for every registered rule. Set FILELINT_REGEN=1 to rewrite expected.txt.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from pathlib import Path

import pytest

from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

CASES = Path(__file__).parent / "rules"
TODAY = dt.date(2026, 11, 28)
#: FL901 (a plugin that fails to load) is global to a run, not a folder: tests/test_plugins.py.
NO_FOLDER_CASES = {"FL901"}


def _cases() -> list[Path]:
    return sorted(p for p in CASES.glob("*/*") if p.is_dir() and p.name.startswith(("pass-", "fail-")))


def _extra_plugins(case: Path) -> list[object]:
    plugin_file = case / "plugin.py"
    if not plugin_file.exists():
        return []
    spec = importlib.util.spec_from_file_location(f"case_plugin_{case.parent.name}_{case.name}",
                                                  plugin_file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [module]


def _run(case: Path) -> list[str]:
    code = case.parent.name
    plugins = load_plugins(autoload=False, extra=_extra_plugins(case))
    settings = Settings(select=[code, "TST"], today=TODAY)  # TST: case plugins
    result = lint_folder(case, plugins, settings, cwd=case)
    return [f"{f.location.line}:{f.location.column}: {f.code} {f.message}"
            for f in sorted(result.findings, key=lambda f: f.sort_key()) if f.code == code]


@pytest.mark.parametrize("case", _cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rule_case(case: Path) -> None:
    got = _run(case)
    if case.name.startswith("pass-"):
        assert got == [], f"{case.parent.name} should not fire on {case.name}"
        return
    expected_file = case / "expected.txt"
    if os.environ.get("FILELINT_REGEN"):
        expected_file.write_text("\n".join(got) + "\n", encoding="utf-8")
    expected = [line for line in expected_file.read_text("utf-8").splitlines() if line.strip()]
    assert got, f"{case.parent.name} did not fire on {case.name}"
    assert got == expected


def test_every_rule_has_pass_and_fail_cases(plugins) -> None:  # type: ignore[no-untyped-def]
    missing = []
    for code in sorted(plugins.rules):
        if code in NO_FOLDER_CASES:
            continue
        kinds = {p.name.split("-")[0] for p in (CASES / code).glob("*-*") if p.is_dir()}
        for kind in ("pass", "fail"):
            if kind not in kinds:
                missing.append(f"{code}: no {kind}-* case")
    assert not missing, "\n".join(missing)
