"""Output formats: full, sarif (validated against the official schema), github, colour, statistics."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from filelint.cli import main
from filelint.findings import Finding, Location, Severity
from filelint.output import color, formatters, github
from filelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
WAIVER = 'waivers:\n  - code: CAL002\n    requests: "35"\n    reason: withdrawn from the motion by stipulation\n'


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(
        ROOT / "examples" / "palominos-cervantes-v-gm",
        tmp_path / "motions" / "pc",
        ignore=shutil.ignore_patterns("*.pdf"),
    )  # papers left out: FL010 fires
    monkeypatch.chdir(tmp_path)
    for var in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    manifest = tmp_path / "motions" / "pc" / "filelint.yaml"
    manifest.write_text(manifest.read_text() + WAIVER)
    return Path("motions/pc")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["check", *args, "--today", "2023-12-01", "--select", "CAL00,FL010"])
    return capsys.readouterr().out


def _finding(
    code: str = "CAL002",
    severity: Severity = Severity.ERROR,
    path: str = "m/filelint.yaml",
    line: int = 3,
    message: str = "RFP No. 34 is at issue",
) -> Finding:
    return Finding(
        code=code,
        rule="request-not-conferred",
        severity=severity,
        message=message,
        location=Location(path, line, 5),
        authority="CCP § 2016.040",
        fix="meet and confer",
        fingerprint="abc",
    )


def test_sarif_is_valid_and_carries_rules_fingerprints_and_suppressions(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = json.loads(_run(capsys, str(folder), "--format", "sarif"))
    # The official file declares draft 2020-12 but has a malformed `region.properties.anyOf`
    # (a known quirk), so it is used without jsonschema's own check of the schema.
    jsonschema.Draft202012Validator(SCHEMA).validate(log)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):  # the schema really is applied
        jsonschema.Draft202012Validator(SCHEMA).validate(broken)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "CCP § 2016.040" in rules["CAL002"]["help"]["text"]
    results = run["results"]
    assert {r["ruleId"] for r in results} == {"CAL002", "CAL003", "CAL004", "FL010"}
    for r in results:
        assert r["locations"][0]["physicalLocation"]["artifactLocation"] == {
            "uri": "motions/pc/filelint.yaml",
            "uriBaseId": "%SRCROOT%",
        }
        assert r["partialFingerprints"]
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    waived = [r for r in results if r["suppressions"]]
    assert len(waived) == 1 and "35" in waived[0]["message"]["text"]
    assert waived[0]["suppressions"][0] == {
        "kind": "external",
        "status": "accepted",
        "justification": "withdrawn from the motion by stipulation",
    }
    assert {r["level"] for r in results} == {"error", "warning"}


def test_sarif_fingerprints_do_not_depend_on_line_numbers(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def prints() -> dict[str, tuple[str, int]]:
        results = json.loads(_run(capsys, str(folder), "--format", "sarif"))["runs"][0]["results"]
        return {
            r["message"]["text"]: (
                r["partialFingerprints"]["filelintFingerprint/v1"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in results
        }

    before = prints()
    manifest = folder / "filelint.yaml"
    manifest.write_text("# a comment\n# and another\n" + manifest.read_text())
    after = prints()
    assert {k: v[0] for k, v in before.items()} == {k: v[0] for k, v in after.items()}
    assert all(after[k][1] == before[k][1] + 2 for k in before)
    assert len({v[0] for v in before.values()}) == len(before)  # distinct per finding


def test_full_shows_severity_snippet_caret_authority_and_fix(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, str(folder), "--format", "full", "--select", "CAL002")
    block = out.split("\n\n")[0].splitlines()
    assert block[0].startswith("motions/pc/filelint.yaml:19:22: CAL002 [error] RFP No. 34 is at issue")
    assert '19 |   requests_at_issue: "13-16, 34, 35"' in block
    caret = block[block.index('19 |   requests_at_issue: "13-16, 34, 35"') + 1]
    assert caret.index("^") == block[1].index("|") + 2 + 21  # "| " then column 22
    assert any(line.startswith("  = authority: CCP § 2016.040") for line in block)
    assert any(line.startswith("  = fix: Meet and confer on the request") for line in block)
    assert "35 is at issue" not in out  # waived, hidden without --show-waived


def test_github_annotations_groups_and_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    findings = [_finding(line=n, message=f"problem {n}, 50% done: a") for n in range(1, 13)]
    findings.append(_finding("CAL004", Severity.WARNING, path="other/filelint.yaml", message="one letter"))
    out = io.StringIO()
    github.render(findings, None, Settings(), out)  # type: ignore[arg-type]
    lines = out.getvalue().splitlines()
    assert lines[0] == "::group::m"
    assert lines[1] == (
        "::error file=m/filelint.yaml,line=1,col=5,title=CAL002 request-not-conferred::"
        "problem 1, 50%25 done: a [CCP § 2016.040]"
    )
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert "m/filelint.yaml:11:5: CAL002 problem 11, 50% done: a" in lines
    assert "::group::other" in lines and any(line.startswith("::warning file=other/") for line in lines)
    assert (
        "2 more findings not annotated (GitHub shows 10 per type); all are listed above and in the job summary" in lines
    )
    table = summary.read_text()
    assert table.count("| error | CAL002") == 12 and "| warning | CAL004" in table


def test_github_is_chosen_in_actions(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert _run(capsys, str(folder)).startswith("::group::motions/pc\n::error file=")
    assert _run(capsys, str(folder), "--format", "concise").startswith("motions/pc/filelint.yaml:")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_not_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    findings = [_finding()]
    plain, tty = io.StringIO(), _Tty()
    formatters()["concise"](findings, None, Settings(), plain)  # type: ignore[arg-type]
    formatters()["concise"](findings, None, Settings(), tty)  # type: ignore[arg-type]
    assert "\033[" not in plain.getvalue()
    assert color.SEVERITY[Severity.ERROR] + "CAL002" in tty.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    again = _Tty()
    formatters()["full"](findings, None, Settings(), again)  # type: ignore[arg-type]
    assert "\033[" not in again.getvalue()


def test_statistics_counts_per_code(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, str(folder), "--statistics").splitlines()
    assert out[0].split() == ["7", "FL010", "paper-missing", "error"]
    assert any(line.split()[:2] == ["1", "CAL002"] and "(1 waived)" in line for line in out)
    assert out[-1].endswith("in 4 codes.")
