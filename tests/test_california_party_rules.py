"""Severities of the rules on who moves (CAL307, CAL506) and the IDC forms (CAL406), on their own rule cases:
CAL307 is an error; CAL506 is a warning and stays silent on a notice it cannot read (CAL490 says so at info
level); CAL406 is a warning."""

from __future__ import annotations

from pathlib import Path

from filelint.findings import Severity
from filelint.testing import run_folder

CASES = Path(__file__).parent / "rules"


def test_cal307_is_an_error() -> None:
    found = run_folder(CASES / "CAL307" / "fail-cgc19581651-co-defendant-moves-on-mydatt-sets", select=["CAL307"])
    assert [(f.code, f.severity) for f in found] == [("CAL307", Severity.ERROR)] * 2


def test_cal506_warns_and_never_errs_on_an_unreadable_notice() -> None:
    found = run_folder(CASES / "CAL506" / "fail-cgc19581651-defendant-unnamed", select=["CAL506"])
    assert [(f.code, f.severity) for f in found] == [("CAL506", Severity.WARNING)]
    unreadable = CASES / "CAL490" / "fail-notice-unreadable-cal506-cannot-run"
    assert run_folder(unreadable, select=["CAL506"]) == []
    infos = [f for f in run_folder(unreadable, select=["CAL490"]) if "CAL506" in f.message]
    assert [f.severity for f in infos] == [Severity.INFO]


def test_cal406_warns() -> None:
    found = run_folder(CASES / "CAL406" / "fail-035-variant-forms-filed-late", select=["CAL406"])
    assert [(f.code, f.severity) for f in found] == [("CAL406", Severity.WARNING)] * 2
