"""Informal discovery conferences required by a court or department (CAL401).

Which departments require one is data (``data/idc_departments.json``), so it can be updated
without code; a firm marks any other case with ``idc.required: true``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from filelint import FURTHER_KINDS, Authority, Case, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA, is_california

PI_HUB_ORDER = Authority(
    "LASC Eighth Amended Standing Order for Procedures in the Personal "
    "Injury Hub Courts (eff. Oct. 10, 2022), para. 9E",
    "S",
)
DEPT_RULES = Authority("LASC department courtroom rules (Depts 14, 34, 55)", "S")


@cache
def idc_table() -> tuple[dict[str, Any], ...]:
    """The listed courts and departments (read once)."""
    text = resources.files("filelint.packs.california").joinpath("data/idc_departments.json").read_text("utf-8")
    return tuple(json.loads(text)["entries"])


def listed_entry(case: Case) -> dict[str, Any] | None:
    county = str(case.court.get("county") or "").strip().lower()
    dept = str(case.court.get("department") or "").strip().lower().removeprefix("dept").strip(". ")
    for entry in idc_table():
        if entry["county"].lower() == county and dept in entry["departments"]:
            return entry
    return None


def _required(case: Case) -> tuple[bool, str]:
    """Whether an IDC is required, and why; a court order or an explicit ``idc.required`` wins
    over the table."""
    if idc_facts(case).get("ordered"):
        return True, f"the court ordered an informal discovery conference ({idc_facts(case)['ordered']})"
    stated = idc_facts(case).get("required")
    if stated is not None:
        return bool(stated), "the manifest says an IDC is required (idc.required)"
    entry = listed_entry(case)
    if entry is None:
        return False, ""
    return True, (
        f"{entry['county']} Dept {case.court.get('department')} requires an informal "
        "discovery conference before it hears a motion to compel further responses "
        f"({entry['authority']} [{entry['confidence']}])"
    )


def confirmed(case: Case) -> bool:
    """The requirement rests on a court order in the manifest or a department rule tagged [C]."""
    if idc_facts(case).get("ordered"):
        return True
    if idc_facts(case).get("required") is not None:
        return False
    entry = listed_entry(case)
    return entry is not None and entry.get("confidence") == "C"


def _findings(case: Case) -> Iterator[Problem]:
    required, why = _required(case)
    if not applies(case) or not required:
        return
    problem = _problem(case)
    if problem is not None:
        yield Problem(
            f"{why}; {problem}; reserving an IDC does not extend the 45-day deadline",
            at=("idc",) if idc_facts(case) else ("court", "department"),
            key="idc",
        )


def applies(case: Case) -> bool:
    kinds = (case.motion.kind, *case.motion.also_kinds)
    return is_california(case) and any(k in FURTHER_KINDS for k in kinds)


@rule(
    "CAL401",
    "idc-not-held",
    "warning",
    systems=CALIFORNIA,
    summary="A department rule not confirmed in its text (or idc.required) calls for an informal "
    "discovery conference before a motion to compel further responses, and none was held "
    "before the hearing, or the moving party did not appear at it.",
    why="LASC Personal Injury Hub courts will not hear a motion to compel further responses until "
    "the parties have held an IDC, and several departments require one by their courtroom "
    "rules. In L.A. Super. Ct. No. 21STCV28882 (Dept. 29, Mar. 9, 2023) the moving defendant did "
    "not appear at the IDC it had reserved; 'no IDC was held as required' and the motions "
    "were taken off calendar.",
    authority=[PI_HUB_ORDER, DEPT_RULES],
    fix="Reserve an IDC early enough to hold it before the hearing, attend it, and record it "
    "under idc (date, held: true). Reserving an IDC does not extend the 45 days to file the "
    "motion: file on time or get a written extension to a specific date.",
    fail_example='court: {system: ca-superior, county: Los Angeles, department: "29"}\n'
    "idc: {requested: 2022-05-20, date: 2023-02-02, held: false, moving_party_appeared: false}",
    pass_example='court: {system: ca-superior, county: Los Angeles, department: "29"}\n'
    "idc: {requested: 2022-05-20, date: 2023-02-02, held: true}",
    reads=(
        "court.county",
        "court.department",
        "idc.required",
        "idc.date",
        "idc.held",
        "idc.moving_party_appeared",
        "motion.kind",
        "motion.hearing",
    ),
    notes="Listed departments live in the pack's data/idc_departments.json, each "
    "with its source: LASC Dept 29 (a PI Hub court; L.A. Super. Ct. No. 21STCV28882, "
    "Mar. 9, 2023) and Depts 14, 34 and 55 "
    "(courtroom rules) [all S]. Dept 52 is not listed: its rule is [U]. PI Hub courts other "
    "than Dept 29 are not listed by number; mark such a case with idc.required: true. An "
    "explicit idc.required: false overrides the table (a department may change its rule). "
    "A warning, because the requirement is not confirmed in its text ([S]/[U]); where a "
    "court order in the manifest (idc.ordered) or a department rule tagged [C] requires the "
    "IDC, CAL404 reports the same facts as an error. The IDC form deadlines (LASC CIV 239, "
    "15 court days before the IDC) are not checked.",
)
def idc_not_held(ctx: Context) -> Iterator[Problem]:
    if not confirmed(ctx.case):
        yield from _findings(ctx.case)


@rule(
    "CAL404",
    "idc-ordered-not-held",
    "error",
    systems=CALIFORNIA,
    summary="A court order (or a department rule confirmed in its text) requires an informal "
    "discovery conference before the motion, and none was held before the hearing, or the "
    "moving party did not appear at it.",
    why="Where the requirement is confirmed, a motion heard without the IDC is taken off calendar "
    "or denied: in LASC Dept 29, 21STCV28882 (Mar. 9, 2023), 'no IDC was held as required' "
    "because the moving defendant did not appear, and its motions went off calendar.",
    authority=[
        Authority("the court's order requiring an IDC (idc.ordered)"),
        Authority("department rules tagged [C] in data/idc_departments.json"),
    ],
    fix="Hold the IDC the order requires before the hearing (attend it), or have the hearing moved, "
    "and record it under idc (date, held: true).",
    fail_example='idc: {ordered: "minute order of 2025-03-04", held: false}',
    pass_example='idc: {ordered: "minute order of 2025-03-04", date: 2025-04-10, held: true}',
    reads=(
        "idc.ordered",
        "idc.date",
        "idc.held",
        "idc.moving_party_appeared",
        "motion.hearing",
        "court.county",
        "court.department",
    ),
    notes="Where the requirement rests on a department rule tagged [S] or [U], or only on "
    "idc.required, CAL401 reports the same facts as a warning. No department rule in the "
    "bundled table is tagged [C] yet: each entry carries its source and tag, and a firm that "
    "confirms one records the order (idc.ordered) in the case.",
)
def idc_ordered_not_held(ctx: Context) -> Iterator[Problem]:
    if confirmed(ctx.case):
        yield from _findings(ctx.case)


def _problem(case: Case) -> str | None:
    idc, hearing = idc_facts(case), case.motion.hearing
    date = idc.get("date")
    if idc.get("moving_party_appeared") is False:
        when = f" on {date}" if date else ""
        return (
            f"the moving party did not appear at the IDC{when}, so no IDC was held "
            "(L.A. Super. Ct. No. 21STCV28882, Dept. 29, Mar. 9, 2023)"
        )
    if idc.get("held") is False:
        return "the manifest says no IDC was held" + (f" before the {hearing} hearing" if hearing else "")
    if not date and idc.get("held") is not True:
        return "no IDC is recorded (idc.date, idc.held)"
    if date and hearing and str(date) >= hearing.isoformat():
        return f"the IDC ({date}) is not before the hearing ({hearing})"
    return None


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL401 needs and the manifest leaves out (reported by CAL490)."""
    if not applies(case) or not _required(case)[0]:
        return
    if idc_facts(case).get("date") and case.motion.hearing is None and idc_facts(case).get("held") is None:
        yield Problem(
            "an IDC is required and dated, but motion.hearing is missing, so CAL401 cannot "
            "tell whether it comes before the hearing",
            at=("motion",),
            key="CAL401:hearing",
        )


RULES = (idc_not_held, idc_ordered_not_held)


def idc_facts(case: Case) -> dict[str, Any]:
    """The manifest's ``idc:`` section (this pack's own), or an empty mapping."""
    facts = case.raw.get("idc")
    return facts if isinstance(facts, dict) else {}
