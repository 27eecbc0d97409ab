"""Hostile plugins: a rule that raises (FL900), yields junk (FL902) or hangs (FL903), a pack
that fails to import, two packs claiming one code. Each is reported naming the distribution and
the rule, the other rules still report, and the run exits 2."""

from __future__ import annotations

import sys
import textwrap
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from filelint.plugins import DISABLE_ENV, hookimpl, load_plugins
from filelint.rules import Problem, make_rule
from filelint.runner import lint_folder
from filelint.settings import Settings

from .helpers import SLOW, TODAY, make_folder, run_cli

BASE = (Path(__file__).parent / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
PACK = """
import time
from filelint.plugins import hookimpl
from filelint.rules import Problem, make_rule

def _raises(ctx):
    raise ZeroDivisionError("division by zero in a plugin")
    yield

def _junk(ctx):
    yield Problem("a real problem", at=("motion", "kind"))
    yield "not a Problem"

def _hangs(ctx):
    while True:
        time.sleep(0.01)
    yield

def _meta(code, name, check):
    return make_rule(code, name, "error", summary="s", why="w", authority=["test"], fix="f",
                     fail_example="-", pass_example="-", check=check)

@hookimpl
def filelint_register_rules():
    return [_meta("HST001", "raises", _raises), _meta("HST002", "yields-junk", _junk),
            _meta("HST003", "hangs", _hangs)]
"""
CLASH = """
from filelint.plugins import hookimpl
from filelint.rules import make_rule

@hookimpl
def filelint_register_rules():
    return [make_rule("HST001", "clashing", "error", summary="s", why="w", authority=["test"], fix="f",
                      fail_example="-", pass_example="-", check=lambda ctx: iter(()))]
"""
MODULES = ("hostile_pack_rules", "hostile_pack_broken", "clash_pack_rules")


def _dist(site: Path, name: str, entry_points: dict[str, str]) -> None:
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", "utf-8")
    lines = "".join(f"{k} = {v}\n" for k, v in entry_points.items())
    (info / "entry_points.txt").write_text("[filelint]\n" + lines, "utf-8")


@pytest.fixture
def fake_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Two installed distributions on sys.path, found through entry points (autoload on)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "hostile_pack_rules.py").write_text(textwrap.dedent(PACK), "utf-8")
    (site / "hostile_pack_broken.py").write_text("import a_module_that_is_not_installed\n", "utf-8")
    (site / "clash_pack_rules.py").write_text(textwrap.dedent(CLASH), "utf-8")
    _dist(site, "hostile-pack", {"hostile": "hostile_pack_rules", "hostile_broken": "hostile_pack_broken"})
    _dist(site, "clash-pack", {"zz_clash": "clash_pack_rules"})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.setenv("FILELINT_RULE_TIMEOUT", "0.5")
    yield site
    for name in MODULES:
        sys.modules.pop(name, None)


def test_entry_point_plugins_fail_loudly(
    fake_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, BASE)
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    run.assert_clean_output()
    assert run.code == 2
    assert run.seconds < SLOW
    by_code = {m["code"]: m["msg"] for m in run.findings()}
    assert "rule HST001 raises (plugin hostile-pack) crashed: ZeroDivisionError" in by_code["FL900"]
    assert "rule HST002 (hostile-pack) yielded str, not a Problem" in by_code["FL902"]
    assert "rule HST003 hangs (plugin hostile-pack) did not finish within 0.5 s" in by_code["FL903"]
    assert "CAL002" in by_code  # the other rules still report
    assert "HST002" in by_code  # and so do the junk rule's real problems
    errors = [line for line in run.err.splitlines() if line.startswith("filelint: error:")]
    assert any(
        "'hostile_broken' from distribution 'hostile-pack' failed to load: ModuleNotFoundError" in e for e in errors
    ), run.err
    assert any(
        "'zz_clash' from distribution 'clash-pack'" in e
        and "HST001 is claimed by both 'hostile-pack' and 'clash-pack'" in e
        for e in errors
    ), run.err


@pytest.mark.parametrize("command", [["rules"], ["plugins"], ["schema"]])
def test_info_commands_report_broken_packs(
    command: list[str], fake_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_cli(capsys, *command)
    assert run.code == 2
    assert "Traceback" not in run.out + run.err
    assert "hostile-pack" in run.err and "clash-pack" in run.err


def _rule_module(**checks: object) -> types.ModuleType:
    module = types.ModuleType("extra_hostile_rules")
    rules = [
        make_rule(
            code,
            f"extra-{code.lower()}",
            "error",
            summary="s",
            why="w",
            authority=["test"],
            fix="f",
            fail_example="-",
            pass_example="-",
            check=check,
        )  # type: ignore[arg-type]
        for code, check in checks.items()
    ]

    @hookimpl
    def filelint_register_rules() -> list[object]:
        return list(rules)

    module.filelint_register_rules = filelint_register_rules  # type: ignore[attr-defined]
    return module


def test_extra_plugins_in_process(tmp_path: Path) -> None:
    def raises(ctx: object) -> Iterator[Problem]:
        raise RuntimeError("boom")

    def junk(ctx: object) -> Iterator[object]:
        yield 42

    plugins = load_plugins(autoload=False, extra=[_rule_module(XTR001=raises, XTR002=junk)])
    assert not plugins.errors
    folder = make_folder(tmp_path, BASE)
    result = lint_folder(folder, plugins, Settings(today=None), cwd=tmp_path)
    codes = [f.code for f in result.findings]
    assert result.incomplete
    assert "FL900" in codes and "FL902" in codes and "CAL002" in codes


def test_extra_pack_that_clashes_with_a_builtin_code() -> None:
    clash = _rule_module(CAL002=lambda ctx: iter(()))
    plugins = load_plugins(autoload=False, extra=[clash])
    assert len(plugins.errors) == 1
    assert "CAL002 is claimed by both 'filelint' and 'extra_hostile_rules'" in plugins.errors[0]
    assert plugins.rules["CAL002"].plugin == "filelint"  # the built-in keeps its code
