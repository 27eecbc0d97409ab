"""``filelint deadlines``: every deadline with its computation, text and JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from filelint.cli import main

RULES = Path(__file__).resolve().parents[1] / "rules"
R015 = RULES / "CAL101" / "fail-ruling-015-supplemental-responses"
R018 = RULES / "CAL101" / "fail-ruling-018-oral-extension-does-not-count"
R021 = RULES / "CAL101" / "pass-ruling-021-verification-mailed"
R064 = RULES / "CAL105" / "fail-ruling-064-mail-notice-short"
GAP = RULES / "CAL103" / "fail-served-between-readings"
UNSERVED = RULES / "CAL108" / "fail-ruling-015-not-served-initial-trial-date-unknown"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["deadlines", *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> dict[str, Any]:
    code, out, _ = run(capsys, str(folder), "--format", "json", "--today", "2026-11-28", *extra)
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def of_kind(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [d for d in data["deadlines"] if d["kind"] == kind]


def test_text_shows_each_step_and_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(R015), "--today", "2026-11-28")
    assert code == 0  # explains; `filelint check` is the one that fails
    assert "Trigger: Tue 2025-04-29 (service of the verified supplemental RFP Set 1 response" in out
    assert "1. Fri 2025-06-13: 45 calendar days after 2025-04-29" in out
    assert (
        "2. Tue 2025-06-17: 2 court days after 2025-06-13 for electronic service [CCP 1010.6] (S: secondary source)"
    ) in out
    assert "Motion: served 2025-06-23 (electronic): LATE (legal last day Tue 2025-06-17)" in out


def test_ruling_015_every_device_runs_from_the_supplemental_responses(capsys: pytest.CaptureFixture[str]) -> None:
    rows = of_kind(as_json(capsys, R015), "45-day")
    assert sorted(r["requests"][0].split(":")[0] for r in rows) == ["frog", "rfa", "rfp", "srog"]
    assert {(r["deadline"], r["status"]) for r in rows} == {("2025-06-17", "late")}


def test_ruling_021_counts_from_the_mailed_verification(capsys: pytest.CaptureFixture[str]) -> None:
    (row,) = of_kind(as_json(capsys, R021), "45-day")
    assert row["computation"]["trigger"] == "2019-05-08"
    assert (row["deadline"], row["status"]) == ("2019-06-27", "met")


def test_ruling_018_written_extension_governs_oral_one_does_not(capsys: pytest.CaptureFixture[str]) -> None:
    (row,) = of_kind(as_json(capsys, R018), "45-day")
    assert row["computation"]["result"] == "2019-08-26"
    assert (row["deadline"], row["status"]) == ("2019-10-17", "late")
    assert any("extensions[1] is not in writing" in n for n in row["notes"])


def test_ruling_064_notice_legal_and_safe_dates(capsys: pytest.CaptureFixture[str]) -> None:
    (row,) = of_kind(as_json(capsys, R064), "notice")
    # Counted back: Sun 2025-12-07 (legal); practice moves it to Fri 12-05 [U] (safe). Mailed 12-11: late on both.
    assert (row["legal"], row["safe"], row["status"]) == ("2025-12-07", "2025-12-05", "late")
    assert [s["confidence"] for s in row["computation"]["steps"]] == ["C", "C", "U"]
    assert {s["confidence"] for s in row["computation"]["alternative_steps"]} == {"C"}
    # The executive-order closures of 2025-12-24 and -26 are court days under CCP 135: no warning.
    assert row["computation"]["uncertain_days"] == []


def test_text_shows_legal_and_safe_dates_and_each_steps_confidence(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(GAP), "--today", "2026-11-28")
    assert "  Legal last day: Wed 2025-06-25\n  Safe date: Tue 2025-06-24" in out
    assert "(U: unconfirmed)" in out and "(S: secondary source)" in out and "(C: confirmed in the text)" in out
    assert "Henry v. Young" in out


def test_order_of_steps_gap_keeps_both_readings(capsys: pytest.CaptureFixture[str]) -> None:
    (row,) = of_kind(as_json(capsys, GAP), "45-day")
    assert (row["deadline"], row["latest"], row["status"]) == ("2025-06-24", "2025-06-25", "gap")
    assert row["computation"]["alternative_note"]


def test_unserved_motion_lists_the_missing_fact(capsys: pytest.CaptureFixture[str]) -> None:
    data = as_json(capsys, UNSERVED, "--today", "2025-05-01")
    assert {d["status"] for d in of_kind(data, "45-day")} == {"pending"}
    fields = [m["field"] for m in data["missing"]]
    assert "motion.served" in fields and "case.initial_trial_date" in fields
    served = next(m for m in data["missing"] if m["field"] == "motion.served")
    assert "Tue 2025-06-17" in served["why"]  # the 45-day deadline still ahead
    assert "2025-07-16 (electronic)" in served["why"]  # and the last day to e-serve for the hearing


def test_broken_manifest_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "filelint.yaml").write_text(
        "filelint: 1\ncourt: {system: ca-superior}\n"
        "case: {number: X}\nmotion: {kind: compel-further-rfp, "
        "hearing: 2025-13-40}\n"
    )
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert "FL003" in err


def test_no_manifest_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert "no filelint.yaml" in err


def test_other_court_systems_are_explained_not_computed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "filelint.yaml").write_text(
        "filelint: 1\ncourt: {system: other}\ncase: {number: X}\nmotion: {kind: other}\n"
    )
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 0
    assert "No deadline rules for this court system" in out


def test_disable_pack_applies_to_deadlines_as_to_check(capsys: pytest.CaptureFixture[str]) -> None:
    # Disabling a pack the folder does not use changes nothing; disabling the one that owns the
    # court system makes the manifest unreadable, exactly as `filelint check` reports it.
    with_all = as_json(capsys, R015)
    assert as_json(capsys, R015, "--disable-pack", "newyork") == with_all
    code, out, err = run(capsys, str(R015), "--today", "2026-11-28", "--disable-pack", "california")
    assert code == 2 and out == ""
    assert "deadlines not computed" in err


def test_configured_disable_packs_apply_to_deadlines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "motion"
    folder.mkdir()
    (folder / "filelint.yaml").write_text((R015 / "filelint.yaml").read_text("utf-8"), "utf-8")
    assert run(capsys, str(folder), "--today", "2026-11-28")[0] == 0
    (tmp_path / "filelint.toml").write_text('disable-packs = ["california"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, str(folder), "--today", "2026-11-28")
    assert code == 2 and "deadlines not computed" in err


def test_unknown_pack_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(R015), "--disable-pack", "no-such-pack")
    assert code == 2 and out == ""
    assert "no-such-pack" in err


def test_idc_form_deadlines_are_shown_with_their_count(capsys: pytest.CaptureFixture[str]) -> None:
    late = of_kind(as_json(capsys, RULES / "CAL406" / "fail-pi-case-form-late"), "idc-form")
    assert [d["status"] for d in late] == ["late"]  # no responsive form filed: it is optional, not overdue
    in_time = of_kind(as_json(capsys, RULES / "CAL406" / "pass-035-forms-in-time"), "idc-form")
    assert [d["status"] for d in in_time] == ["met", "met"]
    code, out, _ = run(capsys, str(RULES / "CAL406" / "fail-pi-case-form-late"), "--today", "2026-11-28")
    assert code == 0 and "15 court days before the IDC (the IDC day excluded)" in out
