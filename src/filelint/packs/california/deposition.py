"""The two deposition motions, and the inquiry a non-appearance motion needs (CAL005).

CCP 2025.450 lies when a party deponent, after a deposition notice and without a valid objection,
fails to appear, to proceed or to produce: the motion shows good cause for any documents and
carries a meet-and-confer declaration or, after a total non-appearance, a declaration that the
mover contacted the deponent to ask about it (subd. (b)). CCP 2025.480 lies when a deponent refuses
to answer or produce at the deposition: within 60 days of completion of the record, with a
meet-and-confer declaration. Nothing was served after a total non-appearance, so no separate
statement is needed then (CRC 3.1345(b)(1)).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from filelint import Authority, Case, Context, Problem, manifest_date, rule
from filelint.packs.california.deposition_facts import (
    NON_APPEARANCE,
    facts,
    inquiry_date,
    inquiry_route,
    is_deposition,
    statute,
    total_non_appearance,
)
from filelint.packs.california.scope import CALIFORNIA, is_california


@rule(
    "CAL005",
    "nonappearance-inquiry-missing",
    "error",
    systems=CALIFORNIA,
    summary="A motion to compel a party deponent who did not appear (CCP 2025.450) records neither "
    "a meet and confer nor an inquiry to the deponent about the non-appearance before "
    "filing.",
    why="CCP 2025.450(b)(2): the motion 'shall' be accompanied by a meet-and-confer declaration "
    "under section 2016.040 or, when the deponent failed to attend and produce, by a "
    "declaration stating that the moving party contacted the deponent to inquire about the "
    "non-appearance. Courts deny or continue motions without it (LASC Dept 30, 21STCV03868, "
    "Apr. 10, 2023: a declaration of the inquiry must be filed before the hearing).",
    authority=[Authority("CCP § 2025.450(b)(2)")],
    fix="Contact the deponent's counsel to ask why the deponent did not appear, declare it, and "
    "record the date as motion.deposition.inquiry (or record the meet-and-confer "
    "communications under meet_and_confer).",
    fail_example="motion:\n  kind: compel-deposition\n  filed: 2023-12-27\n  deposition: "
    '{statute: "2025.450", date: 2023-11-16, appeared: false}',
    pass_example="motion:\n  kind: compel-deposition\n  filed: 2023-12-27\n  deposition: "
    '{statute: "2025.450", date: 2023-11-16, appeared: false, inquiry: 2023-11-20}',
    reads=(
        "motion.deposition.statute",
        "motion.deposition.appeared",
        "motion.deposition.inquiry",
        "motion.filed",
        "meet_and_confer[]",
        "responses[]",
    ),
    notes="Only a total non-appearance (deposition.appeared: false, no objections or response "
    "served) may rest on the inquiry alone; any other CCP 2025.450 or 2025.480 motion needs "
    "the 2016.040 declaration (CAL001-CAL004). An inquiry after filing does not count. A "
    "moving-side meet-and-confer communication (or a live conference) before filing also "
    "satisfies the subdivision. The declaration paper itself is CAL001's check.",
)
def inquiry_missing(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case) or not total_non_appearance(case) or inquiry_route(case):
        return
    if any(c.side == "moving" or c.live for c in case.before_filing()):
        return
    when = inquiry_date(case)
    late = f"; the inquiry recorded ({when}) came after filing ({case.motion.filed})" if when else ""
    yield Problem(
        "the deponent did not appear, and the manifest records neither an inquiry about the "
        "non-appearance (motion.deposition.inquiry) nor a meet-and-confer communication "
        f"before filing{late}; CCP 2025.450(b)(2) requires a declaration of one of them",
        at=("motion", "deposition") if facts(case) else ("motion", "kind"),
        key="inquiry",
    )


#: CCP 2025.410(a): an objection to a deposition notice is served "at least three calendar days
#: prior to the date for which the deposition is scheduled".
OBJECTION_DAYS = 3


def premature(case: Case, made: dt.date | None) -> Iterator[Problem]:
    """A CCP 2025.450 motion before any failure (CAL304's deposition half).

    The motion lies when the deponent, "without having served a valid objection under Section
    2025.410, fails to appear for examination, or to proceed with it, or to produce" (subd. (a)):
    made before the date set, there is no failure yet (an error). After objections served in time
    under 2025.410(a), the motion lies only if the objection was not valid: a judgment, so a
    warning (confidence U).
    """
    if not is_california(case) or not is_deposition(case) or statute(case) != NON_APPEARANCE:
        return
    f = facts(case)
    date = manifest_date(f.get("date"))
    if date is None:
        return
    if made is not None and made < date:
        yield Problem(
            f"the motion was made {made}, before the deposition set for {date}: a motion under "
            "CCP 2025.450(a) lies only after the deponent fails to appear, proceed or produce, "
            "which cannot happen before that date",
            at=("motion", "deposition", "date"),
            key="deposition:premature",
            fix="Wait for the deposition date; if the deponent then fails to appear, record the "
            "non-appearance, ask why (CCP 2025.450(b)(2)) and move.",
        )
        return
    objected = manifest_date(f.get("objections_served"))
    if objected is not None and (date - objected).days >= OBJECTION_DAYS and not _last_day_not_personal(f, date):
        yield Problem(
            f"the deponent served written objections on {objected}, at least {OBJECTION_DAYS} "
            f"calendar days before the deposition set for {date} (CCP 2025.410(a)); a motion "
            "under CCP 2025.450(a) lies only if they were not a valid objection, which is for "
            "the court to decide: show why they are not, or agree a new date",
            at=("motion", "deposition", "objections_served"),
            key="deposition:objected",
            confidence="U",
        )


def _last_day_not_personal(f: dict[str, Any], date: dt.date) -> bool:
    """Objections made on the last day (three calendar days before the deposition) that were not served
    personally: CCP 2025.410(b) requires personal service then, so they are not objections served in
    time (Ganis v. City of Los Angeles, L.A. Super. Ct. No. 23STCV14815, Dept. 27, Nov. 12, 2024:
    objections e-served three days before the deposition were untimely; the motion was granted)."""
    objected = manifest_date(f.get("objections_served"))
    method = f.get("objections_method")
    return (
        objected is not None
        and (date - objected).days == OBJECTION_DAYS
        and isinstance(method, str)
        and method != "personal"
    )


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts the deposition rules need and the manifest leaves out (reported by CAL490)."""
    if not is_california(case) or not is_deposition(case) or statute(case) is not None:
        return
    yield Problem(
        "motion.deposition.statute is missing, so filelint cannot tell a motion after a "
        "non-appearance (2025.450: no 60-day limit; an inquiry declaration and no separate "
        "statement after a total non-appearance) from one to compel answers or production "
        "at a deposition (2025.480: 60 days from completion of the record)",
        at=("motion",),
        key="deposition:statute",
    )


RULES = (inquiry_missing,)
