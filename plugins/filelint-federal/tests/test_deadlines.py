"""The federal pack answers `filelint deadlines` through the filelint_deadlines hook."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

import filelint_federal.plugin as pack

RULES = Path(__file__).parent / "rules"
TODAY = dt.date(2026, 11, 28)


def _reports(folder: Path) -> list:  # type: ignore[type-arg]
    plugins = load_plugins(autoload=False, extra=[pack])
    case = lint_folder(folder, plugins, Settings(select=[], today=TODAY), cwd=folder).case
    return plugins.deadline_reports(case, TODAY)


def test_ndcal_last_day_to_move_rolls_over_memorial_day() -> None:
    (report,) = _reports(RULES / "FED302" / "fail-memorial-day-roll-still-late")
    (deadline,) = report.deadlines
    assert deadline.deadline == dt.date(2024, 5, 28) and deadline.status == "late"
    assert "Memorial Day" in "\n".join(deadline.steps())


def test_ndcal_filed_in_time_is_met() -> None:
    (report,) = _reports(RULES / "FED302" / "pass-within-7-days")
    assert [d.status for d in report.deadlines] == ["met"]


def test_cdcal_conference_window_appears(tmp_path: Path) -> None:
    (report,) = _reports(RULES / "FED202" / "pass-mail-adds-3-days")
    assert [d.key for d in report.deadlines] == ["cdca-conference"]
    assert report.deadlines[0].status == "met"


def test_state_court_case_gets_no_federal_report() -> None:
    assert all(r.source.startswith("California") for r in _reports(RULES / "FED101" / "pass-state-court-motion"))


def test_deadlines_command_shows_federal_deadlines(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from filelint.cli import main

    monkeypatch.delenv("FILELINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    folder = RULES / "FED302" / "fail-filed-3-days-late"
    assert main(["deadlines", str(folder), "--format", "json", "--today", "2026-11-28"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["supported"] and out["source"].startswith("filelint-federal")
    assert [d["status"] for d in out["deadlines"]] == ["late"]


def test_deadlines_and_rules_agree_on_state_holidays() -> None:
    # N.D. Cal., cutoff Mon 2025-03-24: day 7 is Cesar Chavez Day (FRCP 6(a)(6)(C)), so Tue 04-01; filed 04-01.
    import datetime as dt

    from filelint.model import build_case

    from filelint_federal.calendar import federal_calendar
    from filelint_federal.deadlines import report

    case = build_case(
        {
            "court": {"system": "federal", "federal_district": "N.D. Cal."},
            "case": {"number": "x"},
            "motion": {"kind": "compel-further-rfp", "filed": "2025-04-01"},
            "federal": {"fact_discovery_cutoff": "2025-03-24"},
        }
    )
    states = load_plugins(autoload=False).state_holidays  # the california pack registers "CA"
    found = report(case, federal_calendar(), dt.date(2026, 1, 1), states)
    assert found is not None
    (d,) = found.deadlines
    assert (d.deadline, d.status) == (dt.date(2025, 4, 1), "met")
    assert found.missing == []


def test_without_californias_holidays_the_report_says_so() -> None:
    plugins = load_plugins(autoload=False, extra=[pack], blocked=["california"])
    assert "CA" not in plugins.state_holidays
    folder = RULES / "FED002" / "fail-california-pack-disabled-ndcal"
    result = lint_folder(folder, plugins, Settings(select=["FED"], today=TODAY), cwd=folder)
    codes = {f.code for f in result.findings}
    assert {"FED002", "FED302"} <= codes  # FED302 now reports the motion filed on 04-01 a day late
    (report,) = [r for r in plugins.deadline_reports(result.case, TODAY) if r.source.startswith("filelint-federal")]
    assert [(d.deadline, d.status) for d in report.deadlines] == [(dt.date(2025, 3, 31), "late")]
    (missing,) = report.missing
    assert missing.field == "the legal holidays of California" and "FED002" in missing.why
    assert not missing.blocking
