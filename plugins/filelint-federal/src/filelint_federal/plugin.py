"""The entry point (``[project.entry-points.filelint] federal = "filelint_federal.plugin"``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from filelint import Case, Rule, hookimpl
from filelint.courtdays import CourtCalendar
from filelint.deadlines import DeadlineReport

from filelint_federal import cdca, certification, deadlines, edca, ndca, needs_input, nyfed, state_holidays
from filelint_federal.calendar import federal_calendar
from filelint_federal.facts import SECTION
from filelint_federal.schema import FEDERAL_DISTRICT, FEDERAL_SECTION

RULES: tuple[Rule, ...] = (
    needs_input.needs_input,
    state_holidays.state_holidays_unknown,
    certification.certification_missing,
    cdca.cdca_letter,
    cdca.cdca_conference_window,
    cdca.cdca_joint_stipulation,
    ndca.ndca_live_conference,
    ndca.ndca_after_cutoff,
    edca.edca_joint_statement,
    edca.edca_after_deadline,
    nyfed.pre_motion_letter_old,
    nyfed.pre_motion_letter_current,
)


@hookimpl
def filelint_register_rules() -> Sequence[Rule]:
    return RULES


@hookimpl
def filelint_manifest_schema() -> Mapping[str, Mapping[str, Any]]:
    return {SECTION: FEDERAL_SECTION}


@hookimpl
def filelint_schema_properties() -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
    return {"court": {"federal_district": FEDERAL_DISTRICT}}


@hookimpl
def filelint_court_calendars() -> Mapping[str, CourtCalendar]:
    return {"federal": federal_calendar()}


@hookimpl
def filelint_deadlines(
    case: Case, calendar: CourtCalendar, today: dt.date, state_holidays: Mapping[str, CourtCalendar]
) -> DeadlineReport | None:
    return deadlines.report(case, calendar, today, state_holidays)
