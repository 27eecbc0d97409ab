"""The California discovery pack: procedural prerequisites of discovery motions (CAL codes).

A built-in plugin, registered through the same hooks as a third-party pack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from filelint.packs.california import (
    deadlines,
    effort,
    good_cause,
    idc,
    meet_confer,
    motion_kind,
    needs_input,
    papers,
    sanctions,
    separate_statement,
    stale,
)
from filelint.plugins import hookimpl
from filelint.rules import Rule

RULES: tuple[Rule, ...] = (*meet_confer.RULES,
                           *effort.RULES, *separate_statement.RULES, *good_cause.RULES, *motion_kind.RULES,
                           *idc.RULES, *sanctions.RULES, *stale.RULES, *needs_input.RULES,
                           *deadlines.RULES, *papers.RULES)


@hookimpl
def filelint_register_rules() -> Sequence[Rule]:
    return RULES


@hookimpl
def filelint_court_calendars() -> Mapping[str, Any]:
    try:
        from filelint.packs.california.calendar import california_calendar, ccp10_calendar
    except ImportError:  # the engine ships with the pack; absent only mid-development
        return {}
    # "state:CA": California's own holidays (Gov. Code 6700 and CCP 135), which FRCP 6(a)(6)(C)
    # counts for federal periods after an event in a California district.
    return {"ca-superior": california_calendar(), "state:CA": ccp10_calendar()}
