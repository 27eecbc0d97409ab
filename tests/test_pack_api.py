"""A third-party pack adds a court system, its fields, its calendar and its deadlines without
touching the core (issue 10), and cannot take what another pack registered."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from filelint import Authority, Case, Context, Problem, Rule, hookimpl, rule
from filelint.courtdays import CourtCalendar, HolidayDef, fixed_date, rule_from_definitions
from filelint.deadlines import Deadline, DeadlineReport, status_of
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

TODAY = dt.date(2026, 11, 28)


@rule(
    "TSX001",
    "division-named",
    "warning",
    summary="The manifest names no division.",
    why="Test rule.",
    fix="Add court.division.",
    authority=[Authority("XX R. 1")],
    fail_example="",
    pass_example="",
)
def division_named(ctx: Context) -> Iterator[Problem]:
    if ctx.case.system == "xx-court" and not ctx.case.court.get("division"):
        yield Problem("no division", at=("court",))
    for c in ctx.case.communications:
        if c.extra.get("minutes") is not None and c.extra["minutes"] < 10:
            yield Problem(f"{c.id} lasted {c.extra['minutes']} minutes", at=(*c.at, "minutes"), key=c.id)


class XPack:
    """A pack for an imaginary court system, written only against the public API."""

    @hookimpl
    def filelint_register_rules(self) -> Sequence[Rule]:
        return [division_named]

    @hookimpl
    def filelint_court_calendars(self) -> Mapping[str, CourtCalendar]:
        newyear = HolidayDef("New Year's Day", fixed_date(1, 1), "XX R. 2")
        return {"xx-court": CourtCalendar(name="xx", holiday_rule=rule_from_definitions([newyear]))}

    @hookimpl
    def filelint_schema_properties(self) -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
        return {
            "court": {"division": {"type": "string"}},
            "communication": {"minutes": {"type": "integer", "minimum": 0}},
        }

    @hookimpl
    def filelint_deadlines(self, case: Case, calendar: CourtCalendar, today: dt.date) -> DeadlineReport | None:
        if case.system != "xx-court" or case.motion.hearing is None:
            return None
        from filelint.courtdays import Computation, Step

        day = calendar.add_court_days(case.motion.hearing, -5)
        comp = Computation(case.motion.hearing, "hearing", (Step(day, "5 court days before", "XX R. 1"),), day)
        filed = case.motion.filed
        return DeadlineReport(
            [
                Deadline(
                    "notice",
                    "Notice",
                    comp,
                    day,
                    day,
                    filed,
                    "filed",
                    status_of(filed, day, day, today),
                    ("motion", "filed"),
                    "notice",
                )
            ],
            source="xx pack",
        )


MANIFEST = """\
    filelint: 1
    court: {{system: xx-court{division}}}
    case: {{number: "X-1"}}
    motion: {{kind: other, filed: 2026-01-05, hearing: 2026-01-09}}
    meet_and_confer:
      - {{id: m1, date: 2026-01-02, from: moving, channel: phone, minutes: 5}}
"""


def _folder(tmp_path: Path, division: str = "") -> Path:
    (tmp_path / "filelint.yaml").write_text(textwrap.dedent(MANIFEST.format(division=division)))
    return tmp_path


def test_a_pack_adds_a_court_system_fields_rules_and_deadlines(tmp_path: Path) -> None:
    plugins = load_plugins(autoload=False, extra=[XPack()])
    assert not plugins.errors
    assert "xx-court" in plugins.schema()["properties"]["court"]["properties"]["system"]["enum"]
    result = lint_folder(_folder(tmp_path), plugins, Settings(select=["TSX"], today=TODAY), cwd=tmp_path)
    assert sorted(f.message for f in result.findings) == ["m1 lasted 5 minutes", "no division"]
    reports = plugins.deadline_reports(result.case, TODAY)
    assert [(r.source, r.deadlines[0].deadline) for r in reports] == [("xx pack", dt.date(2026, 1, 2))]
    assert reports[0].deadlines[0].status == "late"


def test_without_the_pack_its_system_and_fields_are_unknown(tmp_path: Path) -> None:
    plugins = load_plugins(autoload=False)
    result = lint_folder(_folder(tmp_path, ", division: A"), plugins, Settings(today=TODAY), cwd=tmp_path)
    codes = sorted({f.code for f in result.findings})
    assert codes == ["FL003", "FL004"] and result.incomplete


class Thief:
    @hookimpl
    def filelint_court_calendars(self) -> Mapping[str, CourtCalendar]:
        return {"ca-superior": CourtCalendar(name="fake", holiday_rule=lambda year: {})}


class CoreShadow:
    @hookimpl
    def filelint_schema_properties(self) -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
        return {"motion": {"kind": {"type": "string"}}}


class NotACalendar:
    @hookimpl
    def filelint_court_calendars(self) -> Mapping[str, Any]:
        return {"zz": object()}


def test_a_pack_cannot_replace_another_packs_court_system() -> None:
    plugins = load_plugins(autoload=False, extra=[Thief()])
    assert any("court system 'ca-superior' is already registered by 'filelint'" in e for e in plugins.errors)
    assert plugins.calendars["ca-superior"].name != "fake"


def test_a_pack_cannot_redefine_a_core_property_or_register_a_non_calendar() -> None:
    plugins = load_plugins(autoload=False, extra=[CoreShadow(), NotACalendar()])
    assert any("property motion.kind is a core property" in e for e in plugins.errors)
    assert any("not a filelint.courtdays.CourtCalendar" in e for e in plugins.errors)


def test_builtin_packs_are_filelints_own_entry_points() -> None:
    import tomllib

    from filelint.plugins import BUILTIN_PACKS, builtin_packs

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert pyproject["project"]["entry-points"]["filelint"] == BUILTIN_PACKS == builtin_packs()


def test_a_pack_can_be_disabled_but_not_an_essential_one(tmp_path: Path) -> None:
    import pytest

    from filelint.cli import main
    from filelint.errors import UsageError

    plugins = load_plugins(autoload=False, blocked=["california"])
    assert not any(code.startswith("CAL") for code in plugins.rules) and "ca-superior" not in plugins.calendars
    with pytest.raises(UsageError, match="essential"):
        load_plugins(autoload=False, blocked=["core"])
    with pytest.raises(UsageError, match="no such pack"):
        load_plugins(autoload=False, blocked=["californai"])
    (tmp_path / "filelint.toml").write_text('disable-packs = ["core"]\n')
    assert main(["check", str(tmp_path)]) == 2


def test_format_names_match_the_formatters() -> None:
    from filelint.output import FORMAT_NAMES, formatters

    assert sorted(FORMAT_NAMES) == sorted(formatters())


def test_rule_command_says_where_the_rule_is_defined(capsys) -> None:  # type: ignore[no-untyped-def]
    from filelint.cli import main

    assert main(["rule", "CAL002"]) == 0
    assert "Defined in: filelint.packs.california.meet_confer:" in capsys.readouterr().out
