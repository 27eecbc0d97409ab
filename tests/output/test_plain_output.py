"""Output a user can read without colour, and the formats CI services read.

Severity on every concise line; ``--quiet``; ``--output-file``; ``--color`` with NO_COLOR/FORCE_COLOR;
``--format junit`` (parsed with xml.etree) and ``--format rdjson`` (reviewdog's documented shape);
``filelint completion bash|zsh|fish``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from filelint.cli import main

ROOT = Path(__file__).resolve().parents[2]
WAIVER = 'waivers:\n  - code: CAL002\n    requests: "35"\n    reason: withdrawn from the motion by stipulation\n'
LINE = re.compile(
    r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<code>[A-Z]{2,4}\d{3}) \[(?P<sev>error|warning|info)\] "
)
ANSI = "\033["
#: reviewdog's DiagnosticResult (proto/rdf/jsonschema), the parts filelint writes.
POSITION = {
    "type": "object",
    "required": ["line"],
    "additionalProperties": False,
    "properties": {"line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1}},
}
RDJSON = {
    "type": "object",
    "required": ["diagnostics"],
    "properties": {
        "source": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
        "diagnostics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["message", "location"],
                "properties": {
                    "message": {"type": "string", "minLength": 1},
                    "location": {
                        "type": "object",
                        "required": ["path"],
                        "properties": {
                            "path": {"type": "string"},
                            "range": {
                                "type": "object",
                                "required": ["start"],
                                "properties": {"start": POSITION, "end": POSITION},
                            },
                        },
                    },
                    "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
                    "source": {"type": "object", "properties": {"name": {"type": "string"}}},
                    "code": {
                        "type": "object",
                        "required": ["value"],
                        "properties": {"value": {"type": "string"}, "url": {"type": "string"}},
                    },
                    "original_output": {"type": "string"},
                },
            },
        },
    },
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples" / "palominos-cervantes-v-gm", tmp_path / "motions" / "pc")
    monkeypatch.chdir(tmp_path)
    for var in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)
    manifest = tmp_path / "motions" / "pc" / "filelint.yaml"
    manifest.write_text(manifest.read_text() + WAIVER)
    return Path("motions/pc")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--today", "2023-12-01"])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], folder: Path) -> list[dict[str, object]]:
    _, out, _ = _run(capsys, str(folder), "--format", "json")
    return [f for f in json.loads(out)["findings"] if not f.get("waived")]


def test_every_concise_line_carries_its_severity(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = [(f["path"], f["line"], f["code"], f["severity"]) for f in _json(capsys, folder)]
    code, out, _ = _run(capsys, str(folder))
    lines = out.splitlines()
    assert code == 1 and lines[-1].startswith("Found ")
    found = [LINE.match(line) for line in lines[:-1]]
    assert all(found), lines
    assert [(m["path"], int(m["line"]), m["code"], m["sev"]) for m in found if m] == expected
    assert {"error", "warning", "info"} <= {m["sev"] for m in found if m}
    assert ANSI not in out  # not a terminal


def test_quiet_prints_findings_only(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(folder), "--quiet")
    assert code == 1 and out and all(LINE.match(line) for line in out.splitlines())
    code, out, _ = _run(capsys, str(folder), "-q", "--select", "FL003")
    assert (code, out) == (0, "")


def test_output_file(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "reports" / "filelint.txt"
    report.parent.mkdir()
    code, out, _ = _run(capsys, str(folder), "--output-file", str(report), "--color", "auto")
    assert (code, out) == (1, "")
    text = report.read_text("utf-8")
    assert "CAL002 [error] RFP No. 34" in text and text.rstrip().splitlines()[-1].startswith("Found ")
    assert ANSI not in text
    code, _, err = _run(capsys, str(folder), "--output-file", str(tmp_path / "no-such-dir" / "r.txt"))
    assert code == 2 and "no-such-dir/r.txt: cannot write the report" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("flag", "env", "coloured"),
    [
        ("auto", {}, False),
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"NO_COLOR": "1"}, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ("always", {"NO_COLOR": "1"}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    flag: str,
    env: dict[str, str],
    coloured: bool,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    _, out, _ = _run(capsys, str(folder), "--color", flag)
    assert (ANSI in out) is coloured
    plain = re.sub(r"\033\[[0-9;]*m", "", out)
    assert "CAL002 [error] RFP No. 34" in plain  # the severity word stays with colour too


def test_junit(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    findings = _json(capsys, folder)
    code, out, _ = _run(capsys, str(folder), "--format", "junit", "--show-waived")
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites" and root.get("name") == "filelint"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "motions/pc/filelint.yaml"
    failures = suite.findall("testcase/failure")
    assert len(failures) == len(findings) == int(suite.get("failures", "-1")) == int(root.get("failures", "-1"))
    assert [f.get("type") for f in failures] == [f["severity"] for f in findings]
    skipped = suite.findall("testcase/skipped")
    assert len(skipped) == 1 and "withdrawn from the motion by stipulation" in (skipped[0].get("message") or "")
    assert int(suite.get("tests", "0")) == len(findings) + 1
    first = suite.find("testcase")
    assert first is not None and first.get("file") == "motions/pc/filelint.yaml" and first.get("line")
    names = [case.get("name") for case in suite.findall("testcase")]
    assert len(set(names)) == len(names)  # two findings on one line stay two test cases


def test_junit_clean_run_is_one_passing_case(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(folder), "--format", "junit", "--select", "FL003")
    root = ET.fromstring(out)
    assert code == 0 and root.get("failures") == "0"
    assert [c.get("name") for c in root.iter("testcase")] == ["no problems"]


def test_rdjson_has_reviewdogs_documented_shape(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    findings = _json(capsys, folder)
    code, out, _ = _run(capsys, str(folder), "--format", "rdjson")
    data = json.loads(out)
    jsonschema.Draft7Validator(RDJSON).validate(data)
    assert code == 1 and data["source"]["name"] == "filelint" and data["severity"] == "ERROR"
    got = [
        (d["location"]["path"], d["location"]["range"]["start"]["line"], d["code"]["value"], d["severity"])
        for d in data["diagnostics"]
    ]
    assert got == [(f["path"], f["line"], f["code"], str(f["severity"]).upper()) for f in findings]
    with pytest.raises(jsonschema.ValidationError):  # the schema really is applied
        jsonschema.Draft7Validator(RDJSON).validate(
            {"diagnostics": [{"message": "x", "location": {}, "severity": "FATAL"}]}
        )


def _completion(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["filelint", "ch"], ["check"]),
        (["filelint", "check", "--qu"], ["--quiet"]),
        (["filelint", "check", "--format", "j"], ["json", "junit"]),
        (["filelint", "check", "--color", ""], ["auto", "always", "never"]),
        (["filelint", "completion", "--he"], []),
        (["filelint", "rules", "--format", ""], ["text", "json"]),
    ],
)
def test_bash_completion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, words: list[str], expected: list[str]
) -> None:
    script = tmp_path / "filelint.bash"
    script.write_text(_completion("bash", capsys), encoding="utf-8")
    line = " ".join(f"'{w}'" for w in words)
    probe = f'source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _filelint; echo "${{COMPREPLY[@]}}"'
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True, timeout=30)
    assert done.stdout.split() == expected, done.stderr


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_completion(shell: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = _completion(shell, capsys)
    if shell == "zsh":
        assert text.startswith("#compdef filelint\n") and "compdef _filelint filelint" in text
        assert "'check:lint motion folders" in text and "(concise full github json junit rdjson sarif)" in text
    else:
        assert "complete -c filelint -n __fish_use_subcommand -a check" in text
        assert "-l color -r -a 'auto always never'" in text and "-l output-file -s o -r -F" in text
    assert text.count("'") % 2 == 0  # help texts cannot break the quoting
    if shutil.which(shell):  # a syntax check where the shell is installed
        script = tmp_path / f"filelint.{shell}"
        script.write_text(text, encoding="utf-8")
        subprocess.run([shell, "-n", str(script)], check=True, timeout=30)
