"""Test kit for rule packs: the core's data-driven scheme, usable from any distribution.

A pack keeps one folder per rule code, each holding motion folders named ``pass-<name>`` (the
rule must stay silent) and ``fail-<name>`` (the rule fires; ``expected.txt`` holds the exact
``LINE:COL: CODE message`` lines)::

    tests/rules/FED101/fail-no-certification/filelint.yaml
    tests/rules/FED101/fail-no-certification/expected.txt
    tests/rules/FED101/pass-certified/filelint.yaml

and tests them with three calls::

    from filelint.testing import assert_every_rule_has_cases, check_rule_case, filelint_rule_cases
    import filelint_federal.plugin as pack

    CASES = Path(__file__).parent / "rules"

    @pytest.mark.parametrize("case", filelint_rule_cases(CASES), ids=str)
    def test_rule_case(case):
        check_rule_case(case, plugins=[pack])

    def test_every_rule_has_cases():
        assert_every_rule_has_cases(pack, CASES)

A case that must run without one of the packs (e.g. to show what a pack reports when another is
disabled) holds a ``filelint.toml`` with ``disable-packs = ["california"]``, as a user's
configuration would.

``FILELINT_REGEN=1`` rewrites the expected.txt files (read each one before keeping it). The
pytest plugin (:mod:`filelint.testing.plugin`, loaded through the ``pytest11`` entry point)
adds the ``filelint_run`` fixture.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from filelint.findings import Finding
from filelint.plugins import Plugins, load_plugins
from filelint.runner import MANIFEST_NAME, lint_folder
from filelint.settings import Settings

#: Every case runs on this date unless the caller says otherwise, so deadline rules are stable.
DEFAULT_TODAY = dt.date(2026, 11, 28)
REGEN_ENV = "FILELINT_REGEN"
EXPECTED = "expected.txt"
CASE_CONFIG = "filelint.toml"
KINDS = ("pass", "fail")

__all__ = [
    "DEFAULT_TODAY",
    "RuleCase",
    "assert_every_rule_has_cases",
    "case_lines",
    "check_rule_case",
    "disabled_packs",
    "filelint_rule_cases",
    "load_with",
    "missing_cases",
    "plugin_rule_codes",
    "run_folder",
]


@dataclass(frozen=True)
class RuleCase:
    """One ``<CODE>/{pass,fail}-<name>/`` folder."""

    code: str
    kind: str  # "pass" or "fail"
    name: str
    path: Path

    def __str__(self) -> str:  # the pytest id
        return f"{self.code}/{self.kind}-{self.name}"

    @property
    def expected_file(self) -> Path:
        return self.path / EXPECTED


def filelint_rule_cases(root: Path | str) -> list[RuleCase]:
    """Every ``<CODE>/{pass,fail}-*/`` case folder under ``root``, sorted."""
    cases = []
    for folder in sorted(Path(root).glob("*/*")):
        kind, _, name = folder.name.partition("-")
        if folder.is_dir() and kind in KINDS and name:
            cases.append(RuleCase(folder.parent.name, kind, name, folder))
    return cases


def load_with(plugins: Iterable[object] = (), *, blocked: Iterable[str] = ()) -> Plugins:
    """Built-in rules plus ``plugins`` (modules or objects with ``@hookimpl`` functions), without the
    packs named in ``blocked``.

    Installed packs are *not* auto-loaded, so a test sees exactly what it asks for.
    """
    loaded = load_plugins(autoload=False, extra=list(plugins), blocked=list(blocked))
    if loaded.errors:
        raise AssertionError("plugin failed to load: " + "; ".join(loaded.errors))
    return loaded


def run_folder(
    folder: Path | str,
    plugins: Iterable[object] | Plugins = (),
    *,
    select: Sequence[str] = ("ALL",),
    today: dt.date = DEFAULT_TODAY,
) -> list[Finding]:
    """Run filelint on one motion folder; findings sorted by location and code. The packs the
    folder's own ``filelint.toml`` disables (``disable-packs``) are not loaded."""
    folder = Path(folder)
    loaded = plugins if isinstance(plugins, Plugins) else load_with(plugins, blocked=disabled_packs(folder))
    if not (folder / MANIFEST_NAME).is_file():
        raise AssertionError(f"{folder}: no {MANIFEST_NAME}")
    settings = Settings(select=list(select), today=today)
    result = lint_folder(folder, loaded, settings, cwd=folder)
    return sorted(result.findings, key=Finding.sort_key)


def disabled_packs(folder: Path) -> list[str]:
    """``disable-packs`` of a case folder's own ``filelint.toml`` (empty without one)."""
    import tomllib

    config = folder / CASE_CONFIG
    if not config.is_file():
        return []
    packs = tomllib.loads(config.read_text("utf-8")).get("disable-packs", [])
    if not isinstance(packs, list) or not all(isinstance(p, str) for p in packs):
        raise AssertionError(f"{config}: disable-packs must be a list of pack names")
    return packs


def case_lines(findings: Iterable[Finding], code: str) -> list[str]:
    """The ``LINE:COL: CODE message`` lines of one code, as expected.txt holds them."""
    return [f"{f.location.line}:{f.location.column}: {f.code} {f.message}" for f in findings if f.code == code]


def check_rule_case(
    case: RuleCase,
    plugins: Iterable[object] | Plugins = (),
    *,
    today: dt.date = DEFAULT_TODAY,
    also_select: Sequence[str] = (),
) -> None:
    """Assert a case: silent for ``pass-*``, exactly expected.txt for ``fail-*``.

    ``also_select`` runs more rules beside the case's own (e.g. a test plugin's rule whose crash
    the case expects the core to report); only the case's code is compared.
    """
    found = run_folder(case.path, plugins, select=[case.code, *also_select], today=today)
    got = case_lines(found, case.code)
    if case.kind == "pass":
        assert got == [], f"{case.code} should not fire on {case}:\n" + "\n".join(got)
        return
    if os.environ.get(REGEN_ENV):
        case.expected_file.write_text("\n".join(got) + "\n", encoding="utf-8")
    if not case.expected_file.is_file():
        raise AssertionError(f"{case}: no {EXPECTED}; run with {REGEN_ENV}=1 and review it")
    expected = [line for line in case.expected_file.read_text("utf-8").splitlines() if line.strip()]
    assert got, f"{case.code} did not fire on {case}"
    assert got == expected, f"{case}: findings differ from {EXPECTED}"


def plugin_rule_codes(plugin: object) -> list[str]:
    """The codes a plugin registers (through its own ``filelint_register_rules``)."""
    loaded = load_with([plugin])
    name = getattr(plugin, "__name__", None)
    return sorted(code for code, rule in loaded.rules.items() if rule.plugin == name)


def missing_cases(plugin: object, root: Path | str) -> list[str]:
    """One line per rule of ``plugin`` that lacks a pass or a fail case under ``root``."""
    have: dict[str, set[str]] = {}
    for case in filelint_rule_cases(root):
        have.setdefault(case.code, set()).add(case.kind)
    missing = []
    for code in plugin_rule_codes(plugin):
        missing += [f"{code}: no {kind}-* case under {root}" for kind in KINDS if kind not in have.get(code, set())]
    return missing


def assert_every_rule_has_cases(plugin: object, root: Path | str) -> None:
    """The meta-check: every rule ``plugin`` registers has a pass and a fail case."""
    codes = plugin_rule_codes(plugin)
    assert codes, f"{plugin!r} registers no rules"
    missing = missing_cases(plugin, root)
    assert not missing, "\n".join(missing)
