"""IDC forms filed too close to the IDC (CAL406): the LASC Personal Injury Hub order's court-day limits.

The moving/propounding party files and serves the IDC form (LASC CIV 239) at least 15 court days
before the IDC; the opposing party may file a responsive form at least 10 court days before it.
Where the limits apply is data (``data/department_rules.json``, requirement ``idc-form-deadlines``);
a personal-injury case in Los Angeles is taken to be in the PI Hub as well.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from filelint import Authority, Case, Context, Problem, manifest_date, rule
from filelint.courtdays import CourtCalendar, Step, build_computation, fmt_date, ordinal
from filelint.deadlines import Deadline, status_of
from filelint.packs.california.departments import entry_for
from filelint.packs.california.idc import PI_HUB_ORDER, applies, idc_facts
from filelint.packs.california.scope import CALIFORNIA

REQUIREMENT = "idc-form-deadlines"
#: The PI Hub order's limits where no table entry gives them (a personal-injury case in Los Angeles).
PI_HUB: dict[str, Any] = {
    "authority": PI_HUB_ORDER.citation,
    "tag": "S",
    "movant_form_court_days": 15,
    "response_form_court_days": 10,
}


def limits(case: Case) -> dict[str, Any] | None:
    """The form limits that apply to this case: its department's table entry, or the PI Hub order's."""
    entry = entry_for(case, REQUIREMENT)
    if entry is not None:
        return entry
    in_la = str(case.court.get("county") or "").strip().lower() == "los angeles"
    pi = (case.raw.get("case") or {}).get("type") == "personal-injury"
    return PI_HUB if in_la and pi else None


def _movant_form(case: Case) -> tuple[dt.date | None, str]:
    idc = idc_facts(case)
    if idc.get("form_filed"):
        return manifest_date(idc["form_filed"]), "form_filed"
    return manifest_date(idc.get("requested")), "requested"


KIND = "idc-form"
#: Each form by the manifest key its filing date is read from: what it is, and the limit that times it.
FORMS = {
    "form_filed": ("moving party's IDC form", "movant_form_court_days"),
    "requested": ("moving party's IDC form", "movant_form_court_days"),
    "response_form_filed": ("responsive IDC form", "response_form_court_days"),
}


def form_deadlines(case: Case, cal: CourtCalendar, today: dt.date) -> list[Deadline]:
    """The IDC form deadlines (movant's and responsive form) where the limits apply, for the
    deadline report: ``filelint deadlines`` shows them and CAL406 reads them."""
    rule_limits = limits(case)
    idc_date = manifest_date(idc_facts(case).get("date"))
    if rule_limits is None or idc_date is None or not applies(case):
        return []
    filed, field = _movant_form(case)
    acts = [(field, filed)]
    response = manifest_date(idc_facts(case).get("response_form_filed"))
    if response is not None:  # the responsive form is optional ("may file"): shown once one was filed
        acts.append(("response_form_filed", response))
    return [_form_deadline(cal, today, idc_date, rule_limits, key, act) for key, act in acts]


def _form_deadline(
    cal: CourtCalendar, today: dt.date, idc_date: dt.date, rule_limits: dict[str, Any], key: str, act: dt.date | None
) -> Deadline:
    what, limit = FORMS[key]
    days = int(rule_limits[limit])
    last = cal.add_court_days(idc_date, -days)
    # A backward count of court days always lands on a court day: no roll, so no unconfirmed step.
    step = Step(
        last,
        f"{days} court days before the IDC (the IDC day excluded)",
        f"{rule_limits['authority']}; CCP § 12c by analogy",
        str(rule_limits["tag"]),
    )
    computation = build_computation(cal, idc_date, "the informal discovery conference (idc.date)", [step])
    return Deadline(
        kind=KIND,
        title=f"last day to file the {what}",
        computation=computation,
        deadline=last,
        latest=last,
        act=act,
        act_label=f"{what} filed (idc.{key})",
        status=status_of(act, last, last, today),
        at=("idc", key),
        key=key,
        notes=("only where the department's order sets form deadlines (LASC PI Hub courts)",),
    )


def _short(filed: dt.date, idc_date: dt.date, days: int, cal: CourtCalendar) -> int:
    """How many court days short of the limit a late filing is."""
    return sum(1 for n in range(1, days + 1) if cal.add_court_days(idc_date, -n) < filed)


@rule(
    "CAL406",
    "idc-form-late",
    "warning",
    systems=CALIFORNIA,
    summary="An informal discovery conference form was filed fewer court days before the IDC than the "
    "department's order requires (LASC PI Hub: the movant's form 15 court days before, the "
    "opposing party's 10).",
    why="LASC PI Hub standing order, para. 9E: the moving/propounding party 'shall reserve an IDC "
    "... and provide notice of the reserved IDC to the opposing/responding party by filing and "
    "serving an Informal Discovery Conference Form for Personal Injury Courts (LASC CIV 239) at "
    "least 15 court days before the IDC'; 'The IDC will not be \"scheduled\" by the court until "
    "the IDC Form is filed'; the opposing party 'may file and serve a responsive IDC Form at "
    "least 10 court days before the IDC' (as quoted in L.A. Super. Ct. No. 21STCV28882, Dept. 29, "
    "Mar. 9, 2023). A late form leaves the other side and the court less time than the order "
    "gives, and the IDC may not go ahead before the hearing.",
    authority=[PI_HUB_ORDER, Authority("CCP § 12c", "S", "backward count, applied by analogy")],
    fix="File and serve the IDC form at least 15 court days before the IDC (the responsive form at least "
    "10), or reserve a later IDC date that still comes before the motion's hearing.",
    fail_example='court: {system: ca-superior, county: Los Angeles, department: "29"}\n'
    "idc: {form_filed: 2023-01-20, date: 2023-02-02}",
    pass_example='court: {system: ca-superior, county: Los Angeles, department: "29"}\n'
    "idc: {form_filed: 2022-05-20, response_form_filed: 2023-01-19, date: 2023-02-02}",
    reads=(
        "idc.form_filed",
        "idc.requested",
        "idc.response_form_filed",
        "idc.date",
        "court.county",
        "court.department",
        "case.type",
        "court.closures",
    ),
    notes="Applies where data/department_rules.json lists the department under idc-form-deadlines "
    "(LASC Dept 29 [S]) or the case is a personal-injury case in Los Angeles (the PI Hub order "
    "[S]). Counted backward from the IDC (the IDC day excluded, CCP 12c by analogy), in court "
    "days of the California calendar with court.closures; no days are added for the method of "
    "service [U: the order says 'filing and serving' and nothing on service extensions]. "
    "Without idc.form_filed, idc.requested is read as the movant's form date (in the PI Hub "
    "the form is the request). A warning: the order is known from the rulings that quote it "
    "[S]. Only for motions to compel further responses, as the IDC requirement itself "
    "(CAL401).",
)
def idc_form_late(ctx: Context) -> Iterator[Problem]:
    from filelint.packs.california.deadline_calc import calendar_for
    from filelint.packs.california.deadlines import report

    found, court_cal = report(ctx), ctx.calendar()
    rule_limits = limits(ctx.case)
    if found is None or court_cal is None or rule_limits is None:
        return
    cal = calendar_for(ctx.case, court_cal)  # with court.closures, as the report counted
    for d in found.deadlines:
        if d.kind != KIND or d.status != "late" or d.act is None:
            continue
        what, limit = FORMS[d.key]
        idc_date, days = d.computation.trigger, int(rule_limits[limit])
        short = _short(d.act, idc_date, days, cal)
        yield Problem(
            f"the {what} was filed {d.act} (idc.{d.key}), after {fmt_date(d.deadline)}, "
            f"the {ordinal(days)} court day before the IDC on {idc_date} ({short} court day"
            f"{'s' if short != 1 else ''} short; {rule_limits['authority']} [{rule_limits['tag']}])",
            at=d.at,
            key=d.key,
        )


def missing_facts(case: Case) -> Iterator[Problem]:
    """CAL406 needs the IDC date and the movant's form date where the limits apply (CAL490)."""
    if limits(case) is None or not applies(case):
        return
    idc = idc_facts(case)
    filed, _ = _movant_form(case)
    if filed is not None and not idc.get("date"):
        yield Problem(
            "the IDC form's filing date is given but not the IDC's (idc.date), so CAL406 cannot check "
            "that the form was filed in time before the IDC",
            at=("idc",),
            key="CAL406:date",
        )
    elif idc.get("date") and filed is None and idc.get("held") is not False:
        yield Problem(
            "the IDC is dated but the manifest does not say when the IDC form was filed "
            "(idc.form_filed), so CAL406 cannot check that it was filed in time before the IDC",
            at=("idc",),
            key="CAL406:form",
        )


RULES = (idc_form_late,)
