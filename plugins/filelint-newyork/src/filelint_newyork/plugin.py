"""The entry point (``[project.entry-points.filelint] newyork = "filelint_newyork.plugin"``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from filelint import Case, Rule, hookimpl
from filelint.courtdays import CourtCalendar

from filelint_newyork import affirmation, conference, needs_input, notice
from filelint_newyork.calendar import SYSTEM, new_york_calendar

if TYPE_CHECKING:
    from filelint.deadlines import DeadlineReport

RULES: tuple[Rule, ...] = (
    needs_input.needs_input,
    affirmation.affirmation_missing,
    affirmation.affirmation_incomplete,
    conference.no_live_conference,
    conference.video_conference_only,
    conference.conference_details_missing,
    notice.notice_too_short,
    notice.notice_short_unless_rolled,
    notice.answering_demand_ineffective,
)


@hookimpl
def filelint_register_rules() -> Sequence[Rule]:
    return RULES


@hookimpl
def filelint_court_calendars() -> Mapping[str, CourtCalendar]:
    return {SYSTEM: new_york_calendar()}


@hookimpl
def filelint_schema_properties() -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
    from filelint_newyork.schema import PROPERTIES

    return PROPERTIES


@hookimpl
def filelint_deadlines(case: Case, calendar: CourtCalendar, today: dt.date) -> DeadlineReport | None:
    if case.system != SYSTEM:
        return None
    from filelint_newyork.deadlines import compute  # imported only when a ny-supreme case asks

    return compute(case, calendar, today)
