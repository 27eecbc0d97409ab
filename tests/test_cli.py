"""The command line as a user meets it: output shape, exit codes, bad invocations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from filelint.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "palominos-cervantes-v-gm"
FIXED = ROOT / "examples" / "palominos-cervantes-v-gm-fixed"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_reports_exactly_the_defects_the_court_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SEED), "--format", "json")
    findings = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert code == 1
    got = sorted((f["code"], tuple(f["requests"]), f["communication"]) for f in findings)
    assert got == [("CAL002", ("34",), None), ("CAL002", ("35",), None), ("CAL003", ("13", "14", "15", "16"), "m2")]
    offer = next(f for f in findings if f["code"] == "CAL003")
    assert "2023-08-30" in offer["message"] and "supplement" in offer["message"]


def test_seed_warns_on_the_single_letter(capsys: pytest.CaptureFixture[str]) -> None:
    """The court also noted that plaintiff 'sent a single meet and confer letter'. CAL204: the
    reconstructed separate statement, like the one in ruling 057, does not set out GM's offer."""
    _, out, _ = run(capsys, "check", str(SEED), "--format", "json")
    warnings = [f for f in json.loads(out)["findings"] if f["severity"] == "warning"]
    assert [f["code"] for f in warnings] == ["CAL004", "CAL204"]
    assert warnings[1]["communication"] == "m2" and warnings[1]["requests"] == ["13", "14", "15", "16"]


def test_fixed_example_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(FIXED), "--format", "json")
    assert code == 0
    severities = {f["severity"] for f in json.loads(out)["findings"]}
    assert severities <= {"info"}, out


def test_json_fields_machines_rely_on(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(SEED), "--format", "json")
    for finding in json.loads(out)["findings"]:
        for key in ("code", "severity", "message", "path", "line", "column", "authority", "fix"):
            assert key in finding, key
        assert finding["authority"]


def test_concise_line_shape(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(SEED), "--select", "CAL002")
    first = out.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path.endswith("palominos-cervantes-v-gm/filelint.yaml")
    assert line.isdigit() and col.isdigit() and rest.startswith(" CAL002 ")


def test_a_file_inside_the_folder_maps_to_the_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SEED / "filelint.yaml"), "--select", "CAL002")
    assert code == 1 and out.count("CAL002") == 2


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "nope"))
    assert code == 2 and "no such file or folder" in err


def test_folder_without_manifest(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "filelint.yaml" in err and "filelint init" in err


def test_broken_manifest_exits_2_with_position(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "filelint.yaml").write_text("filelint: 1\ncourt: [\n")
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert ":3:1: FL001 " in out and "Traceback" not in out + err


def test_unknown_rule_and_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "rule", "XYZ999")[0] == 2
    assert run(capsys, "check", str(SEED), "--format", "nope")[0] == 2


def test_rule_docs_from_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", "request-not-conferred")
    assert code == 0
    for heading in ("What it checks", "Why it matters", "Example (fails)", "Example (passes)", "Fix", "Authority"):
        assert f"## {heading}" in out
    assert "CCP § 2016.040" in out


def test_plugins_lists_versions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins")
    assert code == 0 and "california " in out and "core " in out and "0.1.0" in out


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "filelint", "check", str(SEED), "--select", "CAL003"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and "CAL003" in proc.stdout


def test_exit_zero_and_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", str(SEED), "--select", "CAL", "--exit-zero")[0] == 0


def test_internal_error_is_short_without_verbose(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import filelint.session

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(filelint.session, "lint_paths", boom)
    code, _, err = run(capsys, "check", str(SEED))
    assert code == 2 and "internal error: RuntimeError: kaboom" in err and "Traceback" not in err
    code, _, err = run(capsys, "check", str(SEED), "--verbose")
    assert code == 2 and "Traceback" in err


def test_select_that_picks_no_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(SEED), "--select", "ZZZ")
    assert code == 2 and "unknown rule code, prefix or name 'ZZZ'" in err


def test_the_main_module_imported_under_another_name_runs_nothing() -> None:
    """A spawned worker (Windows, or wherever fork cannot be used) imports the parent's main module
    as ``__mp_main__``: ``python -m filelint`` must not run the command again there."""
    code = "import runpy; runpy.run_module('filelint.__main__', run_name='__mp_main__'); print('done')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == (0, "done\n", "")
