"""Informal discovery conferences required by a court or department (CAL401).

Which departments require one is data (``data/department_rules.json``, requirement
``idc-before-further-motion``), so it can be updated without code; a firm marks any other case with
``idc.required: true``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from filelint import FURTHER_KINDS, Authority, Case, Context, Problem, rule
from filelint.packs.california.departments import entry_for
from filelint.packs.california.scope import CALIFORNIA, is_california

PI_HUB_ORDER = Authority(
    "LASC Eighth Amended Standing Order for Procedures in the Personal "
    "Injury Hub Courts (eff. Oct. 10, 2022), para. 9E",
    "S",
)
DEPT_RULES = Authority(
    "LASC department Courtroom Information pages (Dept 55, as described in its rulings)",
    "S",
)
DEPT_RULES_UNSEEN = Authority("LASC Depts 14 and 34 Courtroom Information pages", "U", "text not seen")


#: The table's requirement CAL401 and CAL404 read.
REQUIREMENT = "idc-before-further-motion"


def listed_entry(case: Case) -> dict[str, Any] | None:
    return entry_for(case, REQUIREMENT)


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
        f"{entry['court']} Dept {case.court.get('department')} requires an informal "
        "discovery conference before it hears a motion to compel further responses "
        f"({entry['authority']} [{entry['tag']}])"
    )


def confirmed(case: Case) -> bool:
    """The requirement rests on a court order in the manifest or a department rule tagged [C]."""
    if idc_facts(case).get("ordered"):
        return True
    if idc_facts(case).get("required") is not None:
        return False
    entry = listed_entry(case)
    return entry is not None and entry.get("tag") == "C"


def _findings(case: Case) -> Iterator[Problem]:
    required, why = _required(case)
    if not applies(case) or not required:
        return
    problem = _problem(case)
    if problem is not None:
        entry = None if idc_facts(case).get("ordered") or "required" in idc_facts(case) else listed_entry(case)
        yield Problem(
            f"{why}; {problem}; reserving an IDC does not extend the 45-day deadline",
            at=("idc",) if idc_facts(case) else ("court", "department"),
            key="idc",
            confidence="U" if entry is not None and entry.get("tag") == "U" else "C",
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
    authority=[PI_HUB_ORDER, DEPT_RULES, DEPT_RULES_UNSEEN],
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
    notes="Listed departments live in the pack's data/department_rules.json (requirement "
    "idc-before-further-motion), each with its public source, the date it was checked and its "
    "tag: LASC Depts 29 and 27 (PI Hub courts; their standing orders quoted in L.A. Super. Ct. "
    "Nos. 21STCV28882, Mar. 9, 2023, and BC721858, Oct. 17, 2022) and Dept 55 (its Courtroom "
    "Information page as the court describes it in No. 23STCV17171, Mar. 21, 2024) [S]; Depts "
    "14 and 34 [U] (no copy of their pages was found). Dept 52 is not listed: whether it "
    "requires an IDC is unknown. Other PI Hub courts are not listed by number; mark such a "
    "case with idc.required: true. An explicit idc.required: false overrides the table (a "
    "department may change its rule). A warning, because the requirement is not confirmed in "
    "its text ([S]/[U]); where a court order in the manifest (idc.ordered) or a department "
    "rule tagged [C] requires the IDC, CAL404 reports the same facts as an error. The IDC "
    "form deadlines (LASC CIV 239) are CAL406's check.",
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
        Authority("department rules tagged [C] in data/department_rules.json"),
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
    "bundled table is tagged [C] yet (checked 2026-12-05: the standing orders and Courtroom "
    "Information pages were found only as quoted or described in rulings): each entry carries "
    "its source, date checked and tag, and a firm that confirms one records the order "
    "(idc.ordered) in the case or changes the entry's tag to C with the page it read.",
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
