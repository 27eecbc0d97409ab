"""The California discovery pack: procedural prerequisites of discovery motions (CAL codes).

A built-in plugin, registered through the same hooks as a third-party pack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from filelint import Case, Rule, hookimpl
from filelint.courtdays import CourtCalendar
from filelint.deadlines import DeadlineReport
from filelint.packs.california import (
    deadlines,
    deposition,
    deposition_items,
    effort,
    good_cause,
    idc,
    idc_forms,
    initial_motion,
    limits,
    meet_confer,
    motion_kind,
    motion_parties,
    moving_papers,
    needs_input,
    one_motion,
    papers,
    propounding,
    protective_order,
    sanctions,
    schema,
    separate_statement,
    stale,
    statement_history,
    ud_cutoff,
)

RULES: tuple[Rule, ...] = (
    *meet_confer.RULES,
    *deposition_items.RULES,
    *effort.RULES,
    *separate_statement.RULES,
    *statement_history.RULES,
    *good_cause.RULES,
    *motion_kind.RULES,
    *initial_motion.RULES,
    *deposition.RULES,
    *idc.RULES,
    *idc_forms.RULES,
    *sanctions.RULES,
    *stale.RULES,
    *needs_input.RULES,
    *deadlines.RULES,
    *ud_cutoff.RULES,
    *papers.RULES,
    *moving_papers.RULES,
    *motion_parties.RULES,
    *protective_order.RULES,
    *propounding.RULES,
    *limits.RULES,
    *one_motion.RULES,
)


@hookimpl
def filelint_register_rules() -> Sequence[Rule]:
    return RULES


@hookimpl
def filelint_court_calendars() -> Mapping[str, Any]:
    from filelint.packs.california.calendar import california_calendar

    return {"ca-superior": california_calendar()}


@hookimpl
def filelint_state_holidays() -> Mapping[str, CourtCalendar]:
    """California's legal holidays for other packs (FRCP 6(a)(6)(C) in a California district)."""
    from filelint.packs.california.state_holidays import california_legal_holidays

    return {"CA": california_legal_holidays()}


@hookimpl
def filelint_manifest_schema() -> Mapping[str, Mapping[str, Any]]:
    return schema.SECTIONS


@hookimpl
def filelint_schema_properties() -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
    return schema.PROPERTIES


@hookimpl
def filelint_deadlines(case: Case, calendar: CourtCalendar, today: dt.date) -> DeadlineReport | None:
    if case.system != "ca-superior":
        return None
    from filelint.packs.california.deadline_calc import compute_all

    report = compute_all(case, calendar, today)
    report.source = "California pack (CCP, Cal. Rules of Court)"
    return report
