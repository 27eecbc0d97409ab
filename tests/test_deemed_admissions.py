"""CAL305 (CCP 2033.280(c)): verified responses served before the hearing defeat a deemed-admission motion
(an error); served on the hearing day it depends on the hour, which the manifest does not hold (a warning)."""

from __future__ import annotations

from pathlib import Path

from filelint.findings import Severity
from filelint.testing import run_folder

CASES = Path(__file__).parent / "rules" / "CAL305"


def _cal305(name: str) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in run_folder(CASES / name, select=["CAL305"])]


def test_responses_before_the_hearing_day_are_an_error() -> None:
    assert _cal305("fail-069-rfa-responses-before-hearing") == [("CAL305", Severity.ERROR)]


def test_responses_on_the_hearing_day_are_a_warning() -> None:
    assert _cal305("fail-069-variant-responses-on-the-hearing-day") == [("CAL305", Severity.WARNING)]


def test_responses_after_the_hearing_do_not_count() -> None:
    assert _cal305("pass-069-variant-responses-after-the-hearing") == []
