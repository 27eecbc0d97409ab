"""A state's legal holidays reach other packs through the public API (``filelint_state_holidays``,
``ctx.state_holidays``, the ``state_holidays`` argument of ``filelint_deadlines``), never by importing the
pack that knows the state (issue 11)."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from filelint import Authority, Case, Context, Problem, Rule, hookimpl, rule
from filelint.courtdays import CourtCalendar, HolidayDef, fixed_date, rule_from_definitions
from filelint.deadlines import DeadlineReport
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

D = dt.date
TODAY = D(2026, 11, 28)


@rule(
    "TSH001",
    "state-holiday-named",
    "info",
    summary="Names the forum state's holiday on the hearing date.",
    why="Test rule.",
    fix="None.",
    authority=[Authority("XX R. 1")],
    fail_example="",
    pass_example="",
)
def state_holiday_named(ctx: Context) -> Iterator[Problem]:
    hearing = ctx.case.motion.hearing
    for state in ("CA", "NY"):
        cal = ctx.state_holidays(state)
        said = "unknown" if cal is None else (cal.holiday_name(hearing) if hearing else None)
        yield Problem(f"{state}: {said}", at=("motion",), key=state)


class Reader:
    """A pack that reads California's holidays without importing the California pack."""

    seen: Mapping[str, CourtCalendar] | None = None

    @hookimpl
    def filelint_register_rules(self) -> Sequence[Rule]:
        return [state_holiday_named]

    @hookimpl
    def filelint_court_calendars(self) -> Mapping[str, CourtCalendar]:
        return {"xx-district": CourtCalendar(name="xx", holiday_rule=lambda year: {})}

    @hookimpl
    def filelint_deadlines(
        self, case: Case, calendar: CourtCalendar, today: dt.date, state_holidays: Mapping[str, CourtCalendar]
    ) -> DeadlineReport | None:
        Reader.seen = state_holidays
        return None


def _lint(tmp_path: Path, blocked: Sequence[str] = ()) -> list[str]:
    (tmp_path / "filelint.yaml").write_text(
        textwrap.dedent("""\
            filelint: 1
            court: {system: xx-district}
            case: {number: "2:25-cv-01000"}
            motion: {kind: other, hearing: 2025-09-09}
            """)
    )
    Reader.seen = None
    plugins = load_plugins(autoload=False, extra=[Reader()], blocked=list(blocked))
    result = lint_folder(tmp_path, plugins, Settings(select=["TSH"], today=TODAY), cwd=tmp_path)
    plugins.deadline_reports(result.case, TODAY)
    return [f.message for f in result.findings]


def test_a_rule_reads_the_state_holidays_another_pack_registered(tmp_path: Path) -> None:
    # Admission Day (Sept. 9) is a California legal holiday (Gov. Code 6700), though not a judicial one.
    assert _lint(tmp_path) == ["CA: Admission Day (Gov. Code 6700; not a judicial holiday, CCP 135)", "NY: unknown"]
    assert Reader.seen is not None and set(Reader.seen) == {"CA"}


def test_without_the_california_pack_its_holidays_are_unknown(tmp_path: Path) -> None:
    assert _lint(tmp_path, blocked=["california"]) == ["CA: unknown", "NY: unknown"]
    assert Reader.seen == {}


def test_california_registers_its_legal_holidays_not_only_its_court_holidays() -> None:
    plugins = load_plugins(autoload=False)
    legal, courts = plugins.state_holidays["CA"], plugins.calendars["ca-superior"]
    # Days Gov. Code 6700 declares holidays and CCP 135 keeps as court days.
    for day in (D(2025, 9, 9), D(2025, 10, 13), D(2025, 1, 29), D(2025, 4, 24), D(2024, 12, 24)):
        assert not legal.is_court_day(day) and courts.is_court_day(day), day
    # Both lists: Cesar Chavez Day, Lincoln Day, the day after Thanksgiving (CCP 135).
    for day in (D(2025, 3, 31), D(2025, 2, 12), D(2025, 11, 28)):
        assert not legal.is_court_day(day) and not courts.is_court_day(day), day
    assert legal.holiday_name(D(2025, 3, 31)) == "Cesar Chavez Day"


class Claimant:
    @hookimpl
    def filelint_state_holidays(self) -> Mapping[str, Any]:
        newyear = HolidayDef("New Year's Day", fixed_date(1, 1), "XX R. 2")
        return {"CA": CourtCalendar(name="fake", holiday_rule=rule_from_definitions([newyear]))}


class BadState:
    @hookimpl
    def filelint_state_holidays(self) -> Mapping[str, Any]:
        return {"California": CourtCalendar(name="x", holiday_rule=lambda year: {})}


class NotACalendar:
    @hookimpl
    def filelint_state_holidays(self) -> Mapping[str, Any]:
        return {"NY": {"2025-01-01": "New Year's Day"}}


def test_a_state_belongs_to_one_pack_and_must_be_a_calendar() -> None:
    plugins = load_plugins(autoload=False, extra=[Claimant(), BadState(), NotACalendar()])
    assert any("the holidays of state 'CA' are already registered by 'filelint'" in e for e in plugins.errors)
    assert plugins.state_holidays["CA"].name == "California state holidays"
    assert any("names the state 'California', not a two-letter postal code" in e for e in plugins.errors)
    assert any("the holidays of NY are a dict, not a filelint.courtdays.CourtCalendar" in e for e in plugins.errors)
    assert set(plugins.state_holidays) == {"CA"}
