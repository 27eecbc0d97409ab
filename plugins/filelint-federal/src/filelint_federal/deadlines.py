"""The federal pack's answer to ``filelint deadlines`` (the ``filelint_deadlines`` hook).

The same computations FED202 and FED302 check, as deadlines a litigator can calendar: the C.D. Cal.
L.R. 37-1 conference window after the letter, and the N.D. Cal. Civ. L.R. 37-3 last day to move
after the fact-discovery cutoff. Each is computed under FRCP 6(a)/6(d) by :mod:`timecalc`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from filelint import Case, Context
from filelint.courtdays import CourtCalendar
from filelint.deadlines import Deadline, DeadlineReport, Missing, status_of

from filelint_federal import cdca, facts, ndca, timecalc
from filelint_federal import state_holidays as holidays

SOURCE = "filelint-federal (FRCP 6, C.D. Cal. and N.D. Cal. local rules)"


def report(
    case: Case, calendar: CourtCalendar, today: dt.date, state_holidays: Mapping[str, CourtCalendar] | None = None
) -> DeadlineReport | None:
    """Deadlines of a federal case, or ``None`` for other court systems. ``state_holidays``: every state's
    legal holidays the installed packs registered (FRCP 6(a)(6)(C))."""
    if case.system != "federal":
        return None
    ctx = Context(
        case=case,
        folder=Path("."),
        manifest_path=Path("filelint.yaml"),
        today=today,
        calendars={case.system: calendar},
        sections={facts.SECTION: case.raw.get(facts.SECTION)},
        state_calendars=state_holidays or {},
    )
    out = DeadlineReport(source=SOURCE)
    unknown = holidays.unknown_state(ctx)
    if unknown is not None:
        out.add_missing(unknown_state_missing(ctx, unknown))
    for found in (_cdca_conference(ctx), _ndca_motion(ctx)):
        if isinstance(found, Deadline):
            out.deadlines.append(found)
        elif isinstance(found, Missing):
            out.add_missing(found)
    return out


def unknown_state_missing(ctx: Context, state: str) -> Missing:
    return Missing(
        f"the legal holidays of {facts.STATE_NAMES.get(state, state)}",
        facts.district_at(ctx),
        f"FRCP 6(a)(6)(C) counts them for a period after an event; no installed pack registers {state}'s, "
        "so these dates count federal holidays only (FED002)",
        blocking=False,
    )


def _cdca_conference(ctx: Context) -> Deadline | Missing | None:
    if not cdca.applies(ctx):
        return None
    letter = cdca._letter(ctx)
    served, method = cdca._letter_service(letter) if letter else (None, None)
    if served is None:
        return Missing(
            "federal.cdca_letter.served",
            (facts.SECTION,),
            "the date the L.R. 37-1 letter was served starts the 10-day conference window",
        )
    comp = timecalc.days_after(
        served,
        10,
        ctx.calendar(),
        trigger_event="L.R. 37-1 letter served",
        served_by=method or "electronic",
        state=facts.state_calendar(ctx),
    )
    latest = cdca.mailed_reading(ctx, served).result if method is None else comp.result
    live = [c for c in facts.live_before_filing(ctx) if c.date >= served]
    act = live[0].date if live else None
    return Deadline(
        kind="conference",
        title="Conference of counsel within 10 days after the letter (C.D. Cal. L.R. 37-1)",
        computation=comp,
        deadline=comp.result,
        latest=latest,
        act=act,
        act_label=f"first live conference ({live[0].id})" if live else "live conference",
        status=status_of(act, comp.result, latest, ctx.today),
        at=(facts.SECTION, "cdca_letter"),
        key="cdca-conference",
    )


def _ndca_motion(ctx: Context) -> Deadline | Missing | None:
    if not (facts.district(ctx) == "ndcal" and facts.is_compel(ctx)):
        return None
    cutoff = facts.date_of(facts.section(ctx).get(ndca.CUTOFF))
    if cutoff is None:
        return Missing(
            "federal.fact_discovery_cutoff",
            ("court", "federal_district"),
            "Civ. L.R. 37-3 counts 7 days from the fact-discovery cutoff",
        )
    comp = timecalc.days_after(
        cutoff, 7, ctx.calendar(), trigger_event="fact-discovery cutoff", state=facts.state_calendar(ctx)
    )
    filed = ctx.case.motion.filed
    return Deadline(
        kind="filing",
        title="Last day to file a motion to compel after the fact-discovery cutoff (N.D. Cal. Civ. L.R. 37-3)",
        computation=comp,
        deadline=comp.result,
        latest=comp.result,
        act=filed,
        act_label="motion filed",
        status=status_of(filed, comp.result, comp.result, ctx.today),
        at=("motion", "filed"),
        key="ndca-37-3",
    )
