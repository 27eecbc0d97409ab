"""CAL201 on CCP 2025.450 motions: CRC 3.1345(a) lists motions to compel answers ((a)(4)) and production
((a)(5)) at a deposition, not a motion to compel attendance. Topics only: no statement needed; documents
at issue: an error without one; items not stated: the two readings differ, so a warning."""

from __future__ import annotations

from pathlib import Path

from filelint.findings import Severity
from filelint.testing import run_folder

CASES = Path(__file__).parent / "rules" / "CAL201"


def _cal201(name: str) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in run_folder(CASES / name, select=["CAL201"])]


def test_attendance_on_topics_only_needs_no_statement() -> None:
    assert _cal201("pass-22stcv00253-variant-pmq-attendance-topics-only") == []


def test_documents_demanded_at_a_deposition_need_one() -> None:
    assert _cal201("fail-22stcv00253-variant-pmq-documents-demanded") == [("CAL201", Severity.ERROR)]


def test_items_not_stated_is_a_warning_not_an_error() -> None:
    assert _cal201("fail-22stcv00253-variant-items-not-stated") == [("CAL201", Severity.WARNING)]


def test_answers_at_a_deposition_stay_an_error() -> None:
    assert _cal201("fail-deposition-answers-motion") == [("CAL201", Severity.ERROR)]
