"""Every rule states the court systems whose law it encodes, and never fires outside them.

The motion in tests/jurisdiction/ has defects under California law (a 17-page memorandum without
tables, CRC 3.1113; a late motion and short notice, CCP; no meet-and-confer declaration) and is run
with every registered rule, the federal pack included, as a California, a federal and an `other`
manifest.
"""

from __future__ import annotations

import datetime as dt
import importlib
import shutil
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from filelint.findings import Finding
from filelint.plugins import load_plugins
from filelint.rules import Problem, Rule, rule
from filelint.runner import lint_folder
from filelint.settings import Settings

FOLDER = Path(__file__).parent / "jurisdiction"
#: The court systems the installed packs register, and ``other``.
SYSTEMS = frozenset({"ca-superior", "federal", "ny-supreme", "other"})
PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
PACKS = {
    "filelint_federal.plugin": PLUGINS / "filelint-federal" / "src",
    "filelint_newyork.plugin": PLUGINS / "filelint-newyork" / "src",
}
COURTS = {
    "ca-superior": 'court: {system: ca-superior, county: Los Angeles, department: "52"}',
    "federal": "court: {system: federal, federal_district: N.D. Cal.}",
    "ny-supreme": "court: {system: ny-supreme}",
    "other": "court: {system: other}",
}
CALIFORNIA_LAW = ("CCP", "CRC", "Cal. Rules of Court", "Cal.App", "LASC")
FEDERAL_LAW = ("FRCP", "Fed. R. Civ. P.", "L.R.", "U.S.C.")
NEW_YORK_LAW = ("CPLR", "NYCRR", "N.Y.")


@cache
def _packs() -> tuple[Any, ...]:
    """The packs in plugins/, loaded from the source tree whether or not they are installed."""
    for src in PACKS.values():
        if str(src) not in sys.path:
            sys.path.insert(0, str(src))
    return tuple(importlib.import_module(name) for name in PACKS)


def _all_plugins() -> Any:
    plugins = load_plugins(autoload=False, extra=list(_packs()))
    assert not plugins.errors
    return plugins


def _run(tmp_path: Path, system: str) -> list[Finding]:
    folder = tmp_path / system
    shutil.copytree(FOLDER, folder)
    manifest = folder / "filelint.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(COURTS["ca-superior"], COURTS[system]), encoding="utf-8")
    plugins = _all_plugins()  # every built-in pack and the federal one
    result = lint_folder(folder, plugins, Settings(today=dt.date(2026, 1, 5)), cwd=folder)
    assert result.case is not None, [f.message for f in result.findings]
    return result.findings


@pytest.mark.parametrize("system", sorted(SYSTEMS))
def test_no_rule_fires_outside_its_court_systems(tmp_path: Path, system: str) -> None:
    plugins = _all_plugins()
    findings = _run(tmp_path, system)
    outside = [
        f"{f.code} {f.message}"
        for f in findings
        if f.code in plugins.rules and not plugins.rules[f.code].applies_to(system)
    ]
    assert outside == []


def test_the_california_run_finds_the_california_defects(tmp_path: Path) -> None:
    codes = {f.code for f in _run(tmp_path, "ca-superior")}
    assert {"CAL501", "CAL101", "CAL105", "CAL001"} <= codes


def test_the_federal_run_finds_no_crc_page_limit(tmp_path: Path) -> None:
    codes = {f.code for f in _run(tmp_path, "federal")}
    assert not {"CAL501", "CAL502", "FL104", "FL107"} & codes
    assert any(c.startswith("FED") for c in codes)


def _cites(r: Rule, marks: tuple[str, ...]) -> bool:
    return any(m in a.citation for a in r.authority for m in marks)


@pytest.mark.parametrize("r", sorted(_all_plugins().rules.values(), key=lambda r: r.code), ids=lambda r: r.code)
def test_every_rule_states_the_systems_its_authority_governs(r: Rule) -> None:
    assert r.systems is None or r.systems <= SYSTEMS
    laws = {
        "ca-superior": _cites(r, CALIFORNIA_LAW),
        "federal": _cites(r, FEDERAL_LAW),
        "ny-supreme": _cites(r, NEW_YORK_LAW) and not _cites(r, ("S.D.N.Y.", "E.D.N.Y.")),
    }
    cited = {system for system, yes in laws.items() if yes}
    if len(cited) == 1:
        assert r.systems == frozenset(cited), f"{r.code} cites only {cited.pop()} law"


@rule(
    "TST001",
    "always-fires",
    "error",
    summary="s",
    why="w",
    authority=["FRCP 37(a)(1)"],
    fix="f",
    fail_example="-",
    pass_example="-",
    systems=["federal"],
)
def _federal_only(ctx: object) -> list[Problem]:
    return [Problem("fired")]


class _Plugin:
    @staticmethod
    def filelint_register_rules() -> list[Rule]:
        return [_federal_only]


def test_the_engine_skips_a_rule_outside_its_systems(tmp_path: Path) -> None:
    from filelint.plugins import hookimpl

    plugin = type("P", (), {"filelint_register_rules": staticmethod(hookimpl(_Plugin.filelint_register_rules))})
    plugins = load_plugins(autoload=False, extra=[plugin])
    folder = tmp_path / "ca"
    shutil.copytree(FOLDER, folder)
    result = lint_folder(folder, plugins, Settings(select=["TST"], today=dt.date(2026, 1, 5)), cwd=folder)
    assert [f.code for f in result.findings if f.code == "TST001"] == []
