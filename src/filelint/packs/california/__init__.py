"""The California discovery pack: procedural prerequisites of discovery motions (CAL codes).

A built-in plugin, registered through the same hooks as a third-party pack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from filelint.packs.california import (
    deadlines,
    deposition,
    effort,
    good_cause,
    idc,
    initial_motion,
    meet_confer,
    motion_kind,
    moving_papers,
    needs_input,
    papers,
    protective_order,
    sanctions,
    separate_statement,
    stale,
    statement_history,
)
from filelint.plugins import hookimpl
from filelint.rules import Rule

RULES: tuple[Rule, ...] = (*meet_confer.RULES,
                           *effort.RULES, *separate_statement.RULES, *statement_history.RULES,
                           *good_cause.RULES, *motion_kind.RULES,
                           *initial_motion.RULES, *deposition.RULES, *idc.RULES, *sanctions.RULES, *stale.RULES,
                           *needs_input.RULES,
                           *deadlines.RULES, *papers.RULES, *moving_papers.RULES,
                           *protective_order.RULES)


@hookimpl
def filelint_register_rules() -> Sequence[Rule]:
    return RULES


@hookimpl
def filelint_court_calendars() -> Mapping[str, Any]:
    try:
        from filelint.packs.california.calendar import california_calendar
    except ImportError:  # the engine ships with the pack; absent only mid-development
        return {}
    return {"ca-superior": california_calendar()}
