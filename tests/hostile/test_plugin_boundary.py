"""Every way a plugin can end a run early, at every place it runs (import, the register hooks, a
rule's check): none may give exit 0. In-process faults are reported by name with exit 2 and valid
JSON on stdout; the faults no in-process boundary can stop (os._exit, a call that never yields) end
with exit 2 under --isolate-plugins or through the watchdog, in a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from filelint.plugins import DISABLE_ENV

from .helpers import TODAY, make_folder, run_cli

BASE = (Path(__file__).parent / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
DIST = "boundary-pack"
TEMPLATE = """
import atexit, os, signal, sys, threading, time
from filelint.plugins import hookimpl
from filelint.rules import Problem, make_rule

WHERE = {where!r}

class Custom(BaseException):
    pass

def act():
{action}

if WHERE == "import":
    act()

def _check(ctx):
    value = act() if WHERE == "check" else None
    yield from (value or ())

@hookimpl
def filelint_register_rules():
    value = act() if WHERE == "rules" else None
    return value if value is not None else [make_rule(
        "HBX001", "boundary-probe", "error", summary="s", why="w", authority=["test"], fix="f",
        fail_example="-", pass_example="-", check=_check)]

@hookimpl
def filelint_manifest_schema():
    value = act() if WHERE == "schema" else None
    return value if value is not None else {{}}

@hookimpl
def filelint_court_calendars():
    value = act() if WHERE == "calendars" else None
    return value if value is not None else {{}}

@hookimpl
def filelint_deadlines(case, calendar, today):
    return act() if WHERE == "deadlines" else None
"""
#: (name, body of act()). Each one, at each place, must not give exit 0.
ENDINGS = {
    "sys-exit-0": "sys.exit(0)",
    "system-exit-none": "raise SystemExit(None)",
    "keyboard-interrupt": "raise KeyboardInterrupt",
    "generator-exit": "raise GeneratorExit",
    "custom-base-exception": "raise Custom('not an Exception')",
    "exception": "raise RuntimeError('plain')",
    "hostile-str": "class E(Exception):\n        def __str__(self): raise SystemExit(0)\n    raise E()",
    "prints": "print('{\"not\": \"json\"'); print('noise', file=sys.stderr); raise RuntimeError('after print')",
    "hangs": "while True:\n        time.sleep(0.01)",
    "swallows-the-stop": (
        "end = time.monotonic() + 0.8\n    while time.monotonic() < end:\n        try:\n"
        "            time.sleep(0.01)\n        except BaseException:\n            pass"
    ),
}
PLACES = ("import", "rules", "schema", "calendars", "check")
#: What a hook or rule may wrongly return: (place, name, returned value).
BAD_RETURNS = [
    ("rules", "not-a-list", "return 42"),
    ("rules", "not-a-rule", "return ['HBX001']"),
    ("schema", "not-a-mapping", "return ['federal']"),
    ("schema", "fragment-not-a-mapping", "return {'hbx': 'object'}"),
    ("schema", "invalid-json-schema", "return {'hbx': {'type': 'no-such-type'}}"),
    ("schema", "core-section", "return {'court': {'type': 'object'}}"),
    ("calendars", "not-a-calendar", "return {'hbx-court': object()}"),
    (
        "calendars",
        "replaces-ca-superior",
        (
            "from filelint.courtdays import CourtCalendar\n"
            "    return {'ca-superior': CourtCalendar('fake', lambda year: {})}"
        ),
    ),
    ("check", "problem-at-str", "return [Problem('m', at='motion')]"),
    ("check", "problem-at-none", "return [Problem('m', at=None)]"),
    ("check", "problem-at-float", "return [Problem('m', at=('motion', 1.5))]"),
    ("check", "problem-message-int", "return [Problem(42)]"),
    ("check", "problem-page-zero", "return [Problem('m', document='a.pdf', page=0)]"),
    ("check", "problem-page-no-doc", "return [Problem('m', page=2)]"),
    ("check", "problem-data-junk", "return [Problem('m', data=[1])]"),
    ("check", "problem-doc-nul", "return [Problem('m', document='a\\x00.pdf')]"),
    ("check", "not-a-problem", "return ['text']"),
    ("check", "not-iterable", "return 42"),
]
CASES = [pytest.param(place, body, id=f"{place}-{name}") for name, body in ENDINGS.items() for place in PLACES]
CASES += [pytest.param(place, body, id=f"{place}-{name}") for place, name, body in BAD_RETURNS]


def install_pack(site: Path, module: str, where: str, action: str) -> None:
    """A distribution ``boundary-pack`` whose entry point is ``module`` (on ``site``)."""
    body = "    " + action  # later lines of an action carry their own indent
    (site / f"{module}.py").write_text(TEMPLATE.format(where=where, action=body), "utf-8")
    info = site / "boundary_pack-1.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {DIST}\nVersion: 1.0\n", "utf-8")
    (info / "entry_points.txt").write_text(f"[filelint]\nboundary = {module}\n", "utf-8")


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Path]:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.setenv("FILELINT_RULE_TIMEOUT", "0.5")
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, BASE)
    yield site
    for name in [m for m in sys.modules if m.startswith("hbx_")]:
        del sys.modules[name]


@pytest.mark.parametrize(("where", "action"), CASES)
def test_no_plugin_fault_gives_exit_0(
    where: str, action: str, pack: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    module = "hbx_" + request.node.callspec.id.replace("-", "_")
    install_pack(pack, module, where, action)
    run = run_cli(capsys, "check", "case", "--today", TODAY, "--format", "json")
    assert run.code == 2, (run.code, run.out, run.err)
    assert "Traceback" not in run.out + run.err
    assert "internal error" not in run.err
    report = json.loads(run.out)  # nothing a plugin printed reached stdout
    codes = {f["code"] for f in report["findings"]}
    named = DIST in run.err or "boundary" in run.err or codes & {"FL900", "FL902", "FL903"}
    assert named, (run.out, run.err)
    if where != "import" or "print" not in action:
        assert '{"not": "json"' not in run.out


ISOLATED = [pytest.param(body, id=f"check-{name}") for name, body in ENDINGS.items()]
ISOLATED += [pytest.param(body, id=f"check-{name}") for place, name, body in BAD_RETURNS if place == "check"]


@pytest.mark.parametrize("action", ISOLATED)
def test_no_rule_fault_gives_exit_0_isolated(
    action: str, pack: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same rule faults with --isolate-plugins: the rule runs in a child, the verdict is the same."""
    install_pack(pack, "hbx_iso_" + request.node.callspec.id.replace("-", "_"), "check", action)
    run = run_cli(capsys, "check", "case", "--today", TODAY, "--format", "json", "--isolate-plugins")
    assert run.code == 2, (run.code, run.out, run.err)
    assert "Traceback" not in run.out + run.err
    codes = {f["code"] for f in json.loads(run.out)["findings"]}
    assert codes & {"FL900", "FL902", "FL903"}, (run.out, run.err)
    assert "CAL002" in codes  # the built-in rules ran in-process as usual


def test_plugin_output_is_reported_on_stderr(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install_pack(pack, "hbx_prints_ok", "check", "print('hello from a rule')\n    return []")
    run = run_cli(capsys, "check", "case", "--today", TODAY, "--format", "json")
    json.loads(run.out)
    assert "rule HBX001 boundary-probe (plugin boundary-pack) printed 1 line(s)" in run.err
    assert "| hello from a rule" in run.err


def test_rule_that_swallows_the_stop_is_still_reported(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install_pack(pack, "hbx_swallow_ok", "check", ENDINGS["swallows-the-stop"])
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    assert run.code == 2
    assert "rule HBX001 boundary-probe (plugin boundary-pack) did not finish within 0.5 s" in run.out


def test_calendar_clash_keeps_the_builtin(pack: Path) -> None:
    from filelint.plugins import load_plugins

    install_pack(
        pack,
        "hbx_calendar_clash",
        "calendars",
        "from filelint.courtdays import CourtCalendar\n"
        "    return {'ca-superior': CourtCalendar('fake', lambda year: {})}",
    )
    plugins = load_plugins(autoload=True)
    assert any("court system 'ca-superior' is already registered by 'filelint'" in e for e in plugins.errors), (
        plugins.errors
    )
    assert plugins.calendars["ca-superior"].name != "fake"


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "ten", "1e400"])
def test_bad_rule_timeout_is_a_configuration_error(
    value: str, pack: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FILELINT_RULE_TIMEOUT", value)
    monkeypatch.setenv(DISABLE_ENV, "1")
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    assert run.code == 2
    assert run.out == ""
    assert f"filelint: error: FILELINT_RULE_TIMEOUT={value!r}" in run.err


# --------------------------------------------------------------- real processes: what only the OS can stop

SUBPROCESS_CASES = {
    # name: (place, action, extra arguments, text the error must contain)
    "os-exit-0-isolated": ("check", "os._exit(0)", ["--isolate-plugins"], "ended the process it ran in"),
    "os-exit-0-import-isolated": ("import", "os._exit(0)", ["--isolate-plugins"], "ended the process while loading"),
    "ignores-alarm": (
        "check",
        "signal.signal(signal.SIGALRM, signal.SIG_IGN)\n    time.sleep(60)",
        [],
        "could not be stopped",
    ),
    "catches-every-stop": (
        "check",
        ("while True:\n        try:\n            time.sleep(60)\n        except BaseException:\n            pass"),
        [],
        "could not be stopped",
    ),
    "hangs-isolated": (
        "check",
        "signal.signal(signal.SIGALRM, signal.SIG_IGN)\n    time.sleep(60)",
        ["--isolate-plugins"],
        "FL903",
    ),
    "import-hangs-ignoring-alarm": (
        "import",
        "signal.signal(signal.SIGALRM, signal.SIG_IGN)\n    time.sleep(60)",
        [],
        "could not be stopped",
    ),
    "atexit-exit-0": ("import", "atexit.register(os._exit, 0)\n    raise RuntimeError('x')", [], "failed to load"),
    "thread-left-running": (
        "import",
        ("threading.Thread(target=time.sleep, args=(60,)).start()\n    raise RuntimeError('x')"),
        [],
        "failed to load",
    ),
    "sys-exit-0-import": ("import", "sys.exit(0)", [], "failed to load: SystemExit: 0"),
}


@pytest.mark.parametrize("name", list(SUBPROCESS_CASES))
def test_faults_only_the_os_can_stop_end_with_exit_2(name: str, tmp_path: Path) -> None:
    where, action, extra, expected = SUBPROCESS_CASES[name]
    site = tmp_path / "site"
    site.mkdir()
    install_pack(site, "hbx_sub_" + name.replace("-", "_"), where, action)
    make_folder(tmp_path, BASE)
    env = {**os.environ, "PYTHONPATH": str(site), "FILELINT_RULE_TIMEOUT": "0.5"}
    env.pop(DISABLE_ENV, None)
    proc = subprocess.run(
        [sys.executable, "-m", "filelint", "check", "case", "--today", TODAY, *extra],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert expected in proc.stdout + proc.stderr, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    if expected == "could not be stopped" and where == "check":  # abandoned: what it had found is shown
        assert "found before it was abandoned (INCOMPLETE" in proc.stderr
        assert "case/filelint.yaml:" in proc.stderr and " CAL002 " in proc.stderr


def test_keyboard_interrupt_raised_by_a_rule_is_a_crash_not_an_interrupt(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_pack(pack, "hbx_raises_kbi", "check", "raise KeyboardInterrupt")
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    assert run.code == 2
    assert "rule HBX001 boundary-probe (plugin boundary-pack) crashed: KeyboardInterrupt" in run.out
    assert "CAL002" in run.out  # every other finding is kept
    assert "interrupted" not in run.err


def test_real_interrupt_during_a_rule_stops_the_run(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install_pack(pack, "hbx_real_sigint", "check", "os.kill(os.getpid(), signal.SIGINT)\n    time.sleep(1)")
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    assert run.code == 2
    assert run.err.strip() == "filelint: interrupted"
    assert run.out == ""


@pytest.mark.parametrize(
    "ending", ["sys-exit-0", "keyboard-interrupt", "custom-base-exception", "prints", "hangs", "not-a-report"]
)
def test_deadlines_hook_faults_give_exit_2(ending: str, pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    action = ENDINGS.get(ending, "return 42")
    install_pack(pack, "hbx_deadlines_" + ending.replace("-", "_"), "deadlines", action)
    run = run_cli(capsys, "deadlines", "case", "--today", TODAY, "--format", "json")
    assert run.code == 2, (run.out, run.err)
    json.loads(run.out)  # the other packs' deadlines, still valid JSON
    assert "filelint: error: plugin 'boundary': filelint_deadlines" in run.err
    assert "Traceback" not in run.err
