"""Reading the facts this pack needs: the ``federal:`` section, the district, the motion's scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from filelint import Context
from filelint.courtdays import CourtCalendar

SECTION = "federal"
#: The court system every rule of this pack applies to (Rule.systems).
FEDERAL = frozenset({"federal"})
#: Normalized district -> the short name used in messages.
DISTRICTS = {"cdcal": "C.D. Cal.", "ndcal": "N.D. Cal.", "sdny": "S.D.N.Y.", "edny": "E.D.N.Y."}
LIVE_CHANNELS = ("phone", "video", "in-person")
#: Districts whose local discovery rules this pack encodes.
ENCODED = frozenset(DISTRICTS)
#: The state each district sits in (FRCP 6(a)(6)(C) counts that state's holidays after an event).
#: The holidays themselves come from the pack that knows the state (``filelint_state_holidays``).
STATE_OF = {
    "cdcal": "CA",
    "ndcal": "CA",
    "edcal": "CA",
    "sdcal": "CA",
    "sdny": "NY",
    "edny": "NY",
    "ndny": "NY",
    "wdny": "NY",
}


def section(ctx: Context) -> dict[str, Any]:
    """The manifest's ``federal:`` mapping ({} when the manifest leaves it out)."""
    data = ctx.section(SECTION)
    return data if isinstance(data, dict) else {}


def sub(ctx: Context, key: str) -> dict[str, Any] | None:
    value = section(ctx).get(key)
    return value if isinstance(value, dict) else None


def is_federal(ctx: Context) -> bool:
    return ctx.case.system == "federal"


def district_raw(ctx: Context) -> str | None:
    value = section(ctx).get("district") or ctx.case.court.get("federal_district")
    return str(value) if value else None


def district(ctx: Context) -> str | None:
    """``cdcal``, ``ndcal``, ``sdny``, ``edny``, or another normalized key (``edmich``)."""
    raw = district_raw(ctx)
    if raw is None:
        return None
    return "".join(ch for ch in raw.lower() if ch.isalnum())


#: Names of the states in messages.
STATE_NAMES = {"CA": "California", "NY": "New York"}


def forum_state(ctx: Context) -> str | None:
    """The postal code of the state the district sits in (``"CA"``), or None for a district not listed."""
    key = district(ctx)
    return STATE_OF.get(key) if key else None


def state_calendar(ctx: Context) -> CourtCalendar | None:
    """The forum state's legal holidays (FRCP 6(a)(6)(C)) as the pack that knows the state registered them
    (``ctx.state_holidays``); None when no installed pack does (FED002 says so)."""
    state = forum_state(ctx)
    return ctx.state_holidays(state) if state else None


def district_at(ctx: Context) -> tuple[str | int, ...]:
    return (SECTION, "district") if section(ctx).get("district") else ("court", "federal_district")


def is_compel(ctx: Context) -> bool:
    """A motion to compel disclosure or discovery (FRCP 37(a))."""
    return ctx.case.motion.kind.startswith("compel-")


def is_protective_order(ctx: Context) -> bool:
    return ctx.case.motion.kind == "protective-order"


def is_discovery_motion(ctx: Context) -> bool:
    """A motion under FRCP 26-37 as the local rules put it: to compel or for a protective order."""
    return is_compel(ctx) or is_protective_order(ctx)


def date_of(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def live_before_filing(ctx: Context) -> list[Any]:
    """Phone, video or in-person conferences dated on or before filing."""
    return [c for c in ctx.case.before_filing() if c.channel in LIVE_CHANNELS]


def motion_label(ctx: Context) -> str:
    filed = ctx.case.motion.filed
    return f"the {ctx.case.motion.kind} motion" + (f" (filed {filed})" if filed else "")
