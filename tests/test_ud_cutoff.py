"""CAL113 (CCP 2024.040(b)(1)): the severity of each unlawful-detainer cutoff finding.

The expected.txt files under tests/rules/CAL113 hold the messages; these tests hold the severities: an error
only where the discovery is late on every reading of one trial date, a warning where the initial and the
current trial dates differ, where the holiday lists part, or where an order is recorded only in words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from filelint.cli.app import main
from filelint.findings import Severity
from filelint.testing import run_folder

CASES = Path(__file__).parent / "rules" / "CAL113"


def _cal113(name: str) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in run_folder(CASES / name, select=["CAL113"])]


def test_gill_facts_with_one_trial_date_are_an_error() -> None:
    assert _cal113("fail-rfa-responses-due-after-fifth-day") == [("CAL113", Severity.ERROR)]


def test_a_continued_trial_date_is_only_a_warning() -> None:
    assert _cal113("fail-continued-trial-is-a-warning") == [("CAL113", Severity.WARNING)]


def test_the_message_names_both_trial_dates() -> None:
    (finding,) = run_folder(CASES / "fail-continued-trial-is-a-warning", select=["CAL113"])
    assert "initial trial date Tue 2024-06-25" in finding.message
    assert "current trial date Mon 2024-08-12" in finding.message


def test_an_order_stated_only_in_words_is_a_warning() -> None:
    assert _cal113("fail-order-in-words-is-a-warning") == [("CAL113", Severity.WARNING)]


def test_an_order_covering_the_device_silences_the_rule() -> None:
    assert _cal113("pass-order-reopens-discovery-for-rfa") == []


def test_a_weekend_limit_is_extended_to_the_next_court_day() -> None:
    assert _cal113("pass-due-on-the-extended-limit") == []
    assert _cal113("fail-due-the-day-after-the-extended-limit") == [("CAL113", Severity.ERROR)]


def test_a_ccp10_holiday_limit_is_a_warning() -> None:
    assert _cal113("fail-due-on-the-ccp10-extension-is-a-warning") == [("CAL113", Severity.WARNING)]


def test_a_hearing_after_trial_is_an_error() -> None:
    assert _cal113("fail-hearing-after-trial") == [("CAL113", Severity.ERROR)]


def test_a_deposition_begun_after_the_limit_is_an_error() -> None:
    assert _cal113("fail-deposition-begins-after-fifth-day") == [("CAL113", Severity.ERROR)]


def test_silent_outside_unlawful_detainer() -> None:
    assert _cal113("pass-not-unlawful-detainer") == []


def test_only_the_sets_at_issue_are_measured() -> None:
    assert _cal113("pass-late-set-not-at-issue") == []


def _report(name: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    """The unlawful-detainer limits ``filelint deadlines`` reports: (its trial date's label, status)."""
    assert main(["deadlines", str(CASES / name), "--today", "2026-11-28", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)["deadlines"]
    assert not [d for d in found if d["kind"] == "cutoff"]  # CCP 2024.020's cutoff is not an UD action's
    return [(d["computation"]["trigger_event"], d["status"]) for d in found if d["kind"] == "ud-cutoff"]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("fail-rfa-responses-due-after-fifth-day", [("date set for trial", "late")]),
        ("fail-deposition-begins-after-fifth-day", [("date set for trial", "late")]),
        ("fail-due-on-the-ccp10-extension-is-a-warning", [("date set for trial", "gap")]),
        ("fail-continued-trial-is-a-warning", [("initial trial date", "late"), ("current trial date", "met")]),
        ("pass-due-on-the-extended-limit", [("date set for trial", "met")]),
        ("pass-rfa-responses-due-before-fifth-day", [("date set for trial", "met")]),
        ("pass-not-unlawful-detainer", []),
    ],
)
def test_the_deadline_report_shows_cal113s_limits(
    name: str, expected: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _report(name, capsys) == expected


def test_the_deadline_report_says_when_an_order_lifts_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadlines", str(CASES / "pass-order-reopens-discovery-for-rfa"), "--today", "2026-11-28"]) == 0
    assert "this limit does not bind the motion" in capsys.readouterr().out
