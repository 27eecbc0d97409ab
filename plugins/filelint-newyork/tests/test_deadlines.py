"""The notice deadlines the pack gives `filelint deadlines`, and the hook that hands them over."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path
from types import SimpleNamespace

import pytest

from filelint_newyork.calendar import new_york_calendar
from filelint_newyork.deadlines import compute

D = dt.date
CAL = new_york_calendar()
TODAY = D(2026, 11, 28)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _case(hearing: dt.date | None, served: dt.date | None, method: str | None, demand: bool = False) -> object:
    service = SimpleNamespace(date=served, method=method) if served else None
    motion = SimpleNamespace(hearing=hearing, served=service, extra={"answering_papers_demanded": demand})
    return SimpleNamespace(
        motion=motion,
        system="ny-supreme",
        court={"system": "ny-supreme"},
        papers=(),
        communications=(),
        responses=(),
        discovery=(),
        extensions=(),
    )


def test_mailed_one_day_too_late() -> None:
    report = compute(_case(D(2024, 6, 14), D(2024, 6, 4), "mail"), CAL, TODAY)
    [notice] = report.deadlines
    assert (notice.deadline, notice.latest, notice.status) == (D(2024, 6, 1), D(2024, 6, 3), "late")
    assert any("Answering papers due Wed 2024-06-12" in n for n in notice.notes)


def test_served_on_the_rolled_day_is_a_gap() -> None:
    [notice] = compute(_case(D(2024, 6, 17), D(2024, 6, 10), "electronic"), CAL, TODAY).deadlines
    assert notice.status == "gap"


def test_demand_that_binds_gives_seven_day_answering_papers() -> None:
    report = compute(_case(D(2024, 6, 14), D(2024, 5, 24), "mail", demand=True), CAL, TODAY)
    notice, demand = report.deadlines
    assert notice.status == demand.status == "met"
    assert demand.deadline == D(2024, 5, 24)
    assert any("Answering papers and any cross-motion due Fri 2024-06-07" in n for n in demand.notes)


def test_demand_that_fails_falls_back_to_two_days() -> None:
    _, demand = compute(_case(D(2024, 6, 14), D(2024, 6, 4), "mail", demand=True), CAL, TODAY).deadlines
    assert demand.status == "late"
    assert any("Answering papers due Wed 2024-06-12 (2 days" in n for n in demand.notes)


def test_missing_facts_are_named() -> None:
    report = compute(_case(None, None, None), CAL, TODAY)
    assert [m.field for m in report.missing] == ["motion.hearing", "motion.served"]
    assert report.deadlines == []


def test_filelint_deadlines_shows_the_new_york_computation() -> None:
    if "newyork" not in {ep.name for ep in entry_points(group="filelint")}:
        pytest.skip("the command finds packs through entry points: pip install -e plugins/filelint-newyork")
    env = {k: v for k, v in os.environ.items() if k != "FILELINT_DISABLE_PLUGIN_AUTOLOAD"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "filelint",
            "deadlines",
            str(EXAMPLES / "alvarez-v-hudson-yards"),
            "--today",
            "2024-06-20",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Computed by: newyork" in proc.stdout
    assert "8 days before the return date, the day of service excluded [CPLR 2214(b)]" in proc.stdout
    assert "by mail: LATE (deadline Sat 2024-06-01, later reading Mon 2024-06-03)" in proc.stdout
    assert "5 days more for service by mail within the state [CPLR 2103(b)(2)]" in proc.stdout


def test_hook_answers_only_for_ny_supreme() -> None:
    from filelint.testing import load_with

    import filelint_newyork.plugin as pack

    hook = load_with([pack]).manager.hook.filelint_deadlines
    ny = _case(D(2024, 6, 14), D(2024, 6, 4), "mail")
    reports = [
        r
        for r in hook(case=ny, calendar=CAL, today=TODAY, state_holidays={})
        if r is not None and r.source == "newyork"
    ]
    assert [d.status for d in reports[0].deadlines] == ["late"]
    other = SimpleNamespace(**{**vars(ny), "system": "other", "court": {"system": "other"}})
    assert [
        r
        for r in hook(case=other, calendar=CAL, today=TODAY, state_holidays={})
        if r is not None and r.source == "newyork"
    ] == []
