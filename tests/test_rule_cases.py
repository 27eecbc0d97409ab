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
from pathlib import Path

import pytest

from filelint.plugins import load_plugins
from filelint.testing import RuleCase, check_rule_case, filelint_rule_cases

CASES = Path(__file__).parent / "rules"
TODAY = dt.date(2026, 11, 28)
#: FL901 (a plugin that fails to load) is global to a run, not a folder: tests/test_plugins.py.
NO_FOLDER_CASES = {"FL901"}


def _extra_plugins(case: Path) -> list[object]:
    plugin_file = case / "plugin.py"
    if not plugin_file.exists():
        return []
    spec = importlib.util.spec_from_file_location(f"case_plugin_{case.parent.name}_{case.name}", plugin_file)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [module]


@pytest.mark.parametrize("case", filelint_rule_cases(CASES), ids=str)
def test_rule_case(case: RuleCase) -> None:
    # The shipped kit (filelint.testing), exactly as a third-party pack runs its cases; TST selects
    # the rules of a case's own plugin.py (crash-isolation cases).
    check_rule_case(
        case, load_plugins(autoload=False, extra=_extra_plugins(case.path)), today=TODAY, also_select=["TST"]
    )


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
