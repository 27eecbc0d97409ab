"""No error through an unconfirmed step: a computation carries the confidence of its weakest step, and
a finding that depends on a [U] step (or on the earlier of two readings) is a warning.

Checked over every deadline the California pack computes, for a grid of realistic facts (every hearing
day of 2025 and 2026, every service method, service on each day around the last day), and through the
engine for every rule: no error-level finding rests on a [U] step.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from filelint.findings import Severity
from filelint.model import build_case
from filelint.packs.california.calendar import california_calendar
from filelint.packs.california.deadline_calc import compute_all
from filelint.packs.california.timecalc import SERVICE_METHODS
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

CA = california_calendar()
TODAY = dt.date(2027, 1, 4)
D = dt.date


def _manifest(hearing: D, served: D, method: str, response: D, trial: D | None = None) -> dict[str, Any]:
    case: dict[str, Any] = {"number": "CGC00000000"}
    if trial is not None:
        case["initial_trial_date"] = trial.isoformat()
    return {
        "filelint": 1,
        "court": {"system": "ca-superior", "county": "San Francisco"},
        "case": case,
        "motion": {
            "kind": "compel-further-rfp",
            "requests_at_issue": "1-3",
            "hearing": hearing.isoformat(),
            "served": {"date": served.isoformat(), "method": method},
        },
        "responses": [
            {
                "device": "rfp",
                "set": 1,
                "served": response.isoformat(),
                "method": method,
                "verified": True,
                "kind": "hybrid",
            }
        ],
    }


def _grid() -> list[dict[str, Any]]:
    out = []
    hearing = D(2025, 1, 6)
    while hearing < D(2027, 1, 1):
        if CA.is_court_day(hearing):
            for i, method in enumerate(SERVICE_METHODS):
                served = hearing - dt.timedelta(days=22 + (hearing.toordinal() + i) % 14)
                response = served - dt.timedelta(days=44 + (hearing.toordinal() + 3 * i) % 8)
                trial = hearing + dt.timedelta(days=12 + hearing.toordinal() % 7)
                out.append(_manifest(hearing, served, method, response, trial))
        hearing += dt.timedelta(days=1)
    return out


GRID = _grid()


def test_the_grid_reaches_every_status() -> None:
    statuses = {d.status for m in GRID for d in compute_all(build_case(m), CA, TODAY).deadlines}
    assert {"met", "late", "gap"} <= statuses


def test_a_late_deadline_never_rests_on_an_unconfirmed_step() -> None:
    for m in GRID:
        for d in compute_all(build_case(m), CA, TODAY).deadlines:
            if d.status in ("late", "overdue"):
                assert d.computation.latest_confidence != "U", (m["motion"], d.kind, d.computation.explain())
            if d.computation.confidence == "U":  # a [U] step only ever gives the safe (earlier) date
                assert d.latest > d.deadline or d.computation.alternative is None


@pytest.mark.parametrize("start", range(0, len(GRID), 97))
def test_no_error_finding_depends_on_an_unconfirmed_step(tmp_path: Path, start: int) -> None:
    plugins = load_plugins(autoload=False)
    for n, m in enumerate(GRID[start : start + 4]):
        folder = tmp_path / str(n)
        folder.mkdir()
        (folder / "filelint.yaml").write_text(yaml.safe_dump(m, sort_keys=False), encoding="utf-8")
        result = lint_folder(folder, plugins, Settings(today=TODAY), cwd=folder)
        gaps = [d for d in compute_all(build_case(m), CA, TODAY).deadlines if d.status == "gap"]
        for f in result.findings:
            if f.severity == Severity.ERROR:
                assert f.extra.get("confidence") != "U", f.message
        # Every gap (late only on the earlier reading) is reported, and never as an error.
        reported = [
            f for f in result.findings if f.code in ("CAL103", "CAL105", "CAL107") and f.extra.get("confidence") == "U"
        ]
        assert len(reported) >= len(gaps)
        assert all(f.severity == Severity.WARNING for f in reported)


def _severity(tmp_path: Path, text: str, code: str) -> list[Severity]:
    folder = tmp_path / "case"
    folder.mkdir(exist_ok=True)
    (folder / "filelint.yaml").write_text(text, encoding="utf-8")
    result = lint_folder(folder, load_plugins(autoload=False), Settings(select=[code], today=TODAY), cwd=folder)
    return [f.severity for f in result.findings if f.code == code]


RULES = Path(__file__).parent / "rules"


@pytest.mark.parametrize(
    ("case", "code", "expected"),
    [
        ("CAL105/fail-overnight-saturday-deposit-is-a-warning", "CAL105", [Severity.WARNING]),
        ("CAL105/fail-ruling-064-mail-notice-short", "CAL105", [Severity.ERROR]),
        ("CAL105/fail-separate-statement-served-late", "CAL105", [Severity.ERROR]),
        ("CAL103/fail-served-between-readings", "CAL103", [Severity.WARNING]),
        ("CAL101/fail-after-both-readings", "CAL101", [Severity.ERROR]),
        ("CAL103/fail-45th-day-on-columbus-day", "CAL103", [Severity.WARNING]),
        ("CAL101/fail-day-after-the-columbus-day-extension", "CAL101", [Severity.ERROR]),
        ("CAL107/fail-hearing-on-the-ccp10-day-is-a-warning", "CAL107", [Severity.WARNING]),
        ("CAL107/fail-hearing-the-day-after-the-extended-limit", "CAL107", [Severity.ERROR]),
        ("CAL107/fail-hearing-after-cutoff", "CAL107", [Severity.ERROR]),
        ("CAL301/fail-henry-v-young-response-by-the-legal-day-is-a-warning", "CAL301", [Severity.WARNING]),
        ("CAL301/fail-henry-v-young-response-by-the-safe-day", "CAL301", [Severity.ERROR]),
    ],
)
def test_severity_follows_the_weakest_step(tmp_path: Path, case: str, code: str, expected: list[Severity]) -> None:
    text = (RULES / case / "filelint.yaml").read_text(encoding="utf-8")
    assert _severity(tmp_path, text, code) == expected
