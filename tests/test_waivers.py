"""Waivers: what they cover, what they hide, and that they never change the exit code wrongly."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from filelint.cli import main
from filelint.findings import Finding, Location, Severity
from filelint.waivers import Scope, Waiver, covers

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "palominos-cervantes-v-gm"
SCOPE = Scope(Path("/case"), Path("/case"), dt.date(2026, 11, 28))


def _finding(
    code: str = "CAL002",
    requests: tuple[str, ...] = ("34",),
    communication: str | None = None,
    path: str = "filelint.yaml",
) -> Finding:
    return Finding(
        code=code,
        rule="r",
        severity=Severity.ERROR,
        message="m",
        location=Location(path),
        authority="a",
        fix="f",
        extra={"requests": list(requests), "communication": communication},
    )


def test_requests_cover_when_every_finding_request_is_waived() -> None:
    waiver = Waiver(0, "CAL002", "resolved at IDC", requests=frozenset({"34", "35"}))
    assert covers(waiver, _finding(requests=("34",)), SCOPE)
    assert not covers(waiver, _finding(requests=("34", "36")), SCOPE)
    assert not covers(waiver, _finding(requests=()), SCOPE)
    assert not covers(waiver, _finding(code="CAL003"), SCOPE)


def test_all_targets_must_match() -> None:
    waiver = Waiver(0, "CAL003", "resolved at IDC", requests=frozenset({"34"}), communication="m2")
    assert covers(waiver, _finding("CAL003", ("34",), "m2"), SCOPE)
    assert not covers(waiver, _finding("CAL003", ("34",), "m1"), SCOPE)


def test_document_waiver_matches_the_document_path() -> None:
    waiver = Waiver(0, "CAL010", "resolved at IDC", document="memo.pdf")
    assert covers(waiver, _finding("CAL010", (), path="memo.pdf"), SCOPE)
    assert not covers(waiver, _finding("CAL010", (), path="other.pdf"), SCOPE)


def test_blanket_waiver_never_applies() -> None:
    assert not covers(Waiver(0, "CAL002", "we think it is fine"), _finding(), SCOPE)


@pytest.fixture
def waived_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "motion"
    shutil.copytree(EXAMPLE, folder)
    manifest = folder / "filelint.yaml"
    manifest.write_text(
        manifest.read_text()
        + (
            'waivers:\n  - code: CAL002\n    requests: "34, 35"\n'
            "    reason: withdrawn from the motion by stipulation\n    by: A. Yashar\n"
            "  - code: CAL003\n    communication: m2\n    reason: answered by phone on 2023-09-01\n"
            "  - code: CAL001\n    document: memorandum.pdf\n    reason: never fires, so this is unused\n"
        )
    )
    return folder


def _check(folder: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(folder), "--today", "2023-12-01", "--select", "CAL,FL03", *args])
    return code, capsys.readouterr().out


def test_waived_findings_are_hidden_and_do_not_fail(waived_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(waived_folder, capsys=capsys)
    assert "CAL002" not in out and "CAL003" not in out
    assert "FL030 [warning] waiver 3 for CAL001 (document memorandum.pdf) matches no finding" in out
    assert code == 0  # FL030 is a warning; every error is waived


def test_show_waived_lists_them(waived_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _check(waived_folder, "--show-waived", capsys=capsys)
    assert out.count("[waived]") == 3


def test_json_keeps_waived_findings_with_reason(waived_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _check(waived_folder, "--format", "json", capsys=capsys)
    data = json.loads(out)
    waived = [f for f in data["findings"] if f.get("waived")]
    assert {f["code"] for f in waived} == {"CAL002", "CAL003"}
    assert {f["waiver_reason"] for f in waived if f["code"] == "CAL002"} == {"withdrawn from the motion by stipulation"}


def test_expired_waiver_stops_applying(waived_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = waived_folder / "filelint.yaml"
    manifest.write_text(manifest.read_text().replace("    by: A. Yashar\n", "    expires: 2023-11-01\n"))
    code, out = _check(waived_folder, capsys=capsys)
    assert "FL031 [error] waiver 1 for CAL002 expired on 2023-11-01 (today is 2023-12-01)" in out
    assert "CAL002 [error] RFP No. 34 is at issue" in out
    assert code == 1


def test_a_document_waiver_covers_a_missing_paper(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """FL010 is located at the manifest line that names the paper; `document:` names the paper."""
    folder = tmp_path / "motion"
    shutil.copytree(EXAMPLE, folder)
    (folder / "memorandum.pdf").unlink()
    manifest = folder / "filelint.yaml"
    manifest.write_text(
        manifest.read_text()
        + (
            "waivers:\n  - code: FL010\n    document: ./memorandum.pdf\n"
            "    reason: the memorandum is lodged separately under seal\n"
        )
    )
    code = main(["check", str(folder), "--today", "2023-12-01", "--select", "FL010,FL03"])
    out = capsys.readouterr().out
    assert "FL010" not in out and "FL030" not in out and code == 0, out
    code = main(["check", str(folder), "--today", "2023-12-01", "--select", "FL010", "--show-waived"])
    assert "memorandum.pdf is named in the manifest but is not in the motion folder" in capsys.readouterr().out
