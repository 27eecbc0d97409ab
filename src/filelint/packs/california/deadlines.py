"""California deadline rules (CAL101-CAL110): 45 and 60 days to move, notice, trial cutoff.

The arithmetic lives in :mod:`filelint.packs.california.deadline_calc` (shared with ``filelint
deadlines``); these rules decide which outcome is a finding and word it with the computation.
"""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Context, Problem, format_requests, rule
from filelint.courtdays import fmt_date
from filelint.deadlines import Deadline
from filelint.deadlines import DeadlineReport as Report
from filelint.packs.california import cutoff_order
from filelint.packs.california.deadline_calc import compute_all
from filelint.packs.california.scope import CALIFORNIA, is_california

CCP_45 = [Authority("CCP § 2030.300(c)"), Authority("CCP § 2031.310(c)"), Authority("CCP § 2033.290(c)")]
TIME = [
    Authority("CCP § 1013(a)"),
    Authority("CCP § 1010.6", "S", "two court days for e-service; current subdivision letter unconfirmed"),
    Authority("CCP §§ 12, 12a"),
]
SEXTON = Authority("Sexton v. Superior Court (1997) 58 Cal.App.4th 1403, 1410")
GOLF = Authority("Golf & Tennis Pro Shop, Inc. v. Superior Court (2022) 84 Cal.App.5th 127")
WEINSTEIN = Authority("Weinstein v. Blumberg (2018) 25 Cal.App.5th 316")
NOTICE = [Authority("CCP § 1005(b)"), Authority("CCP § 12c")]
EX_45 = (
    "responses:\n  - {device: rfp, set: 1, kind: hybrid, served: 2025-04-29, method: electronic,\n"
    "     verified: true, verification_served: 2025-04-29, verification_method: electronic}\n"
)


def report(ctx: Context) -> Report | None:
    """The case's deadlines, or ``None`` outside California or without a court calendar."""
    cal = ctx.calendar()
    if cal is None or not is_california(ctx.case):
        return None
    return ctx.derived("california.deadlines", lambda: compute_all(ctx.case, cal, ctx.today))


def _deadlines(ctx: Context, kind: str) -> list[Deadline]:
    found = report(ctx)
    return [d for d in found.deadlines if d.kind == kind] if found else []


def computation(d: Deadline) -> str:
    """The steps on one line (findings are one line each)."""
    return "; ".join(line.strip().rstrip(".") for line in d.steps())


def _what(d: Deadline) -> str:
    if d.kind == "60-day":
        return "the deposition"
    return format_requests(d.requests) if d.requests else "the responses at issue"


def _late_text(ctx: Context, d: Deadline, label: str) -> str:
    if d.act is None:
        return (
            f"the motion is not yet served and the {label} for {_what(d)} passed on "
            f"{fmt_date(d.latest)} (today {ctx.today})"
        )
    if d.latest != d.deadline:
        return (
            f"motion {d.act_label} is after the legal last day {fmt_date(d.latest)} of the {label} "
            f"(safe date {fmt_date(d.deadline)}) for {_what(d)}"
        )
    return f"motion {d.act_label} is after the {label} {fmt_date(d.deadline)} for {_what(d)}"


@rule(
    "CAL101",
    "deadline-45-days",
    "error",
    systems=CALIFORNIA,
    summary="A motion to compel further responses was made more than 45 days (plus the service "
    "extension) after service of the latest verified response, with no later date agreed "
    "in writing.",
    why="The 45-day limit is mandatory and jurisdictional: a late motion must be denied, even if "
    "the other side raises lateness only orally at the hearing (Sexton). In Martell v. ContextLogic "
    "(S.F. Super. Ct. No. CGC24615358, Dept. 302, Aug. 11, 2025) the deadline from the "
    "2025-04-29 supplemental responses was 2025-06-17 and the motion filed 2025-06-23 was "
    "denied.",
    authority=[
        *CCP_45,
        *TIME,
        SEXTON,
        GOLF,
        Authority(
            "California Accounts, Inc. v. Superior Court (1975) 50 Cal.App.3d 483",
            note="the mail extension applies to the time to move",
        ),
    ],
    fix="Serve the complete motion (notice, memorandum, separate statement, declaration) by the "
    "deadline, or get a specific later date agreed in writing and record it under extensions.",
    fail_example=EX_45 + "motion: {kind: compel-further-rfp, served: {date: 2025-06-23, method: electronic}}",
    pass_example=EX_45 + "motion: {kind: compel-further-rfp, served: {date: 2025-06-16, method: electronic}}",
    reads=("motion.served", "motion.filed", "motion.requests_at_issue", "responses[]", "extensions[]"),
    notes="The trigger is the latest verified response covering each request; for hybrid and "
    "substantive responses, service of the verification (Golf & Tennis). Counting from "
    "unverified objections alone is CAL102 (a warning). When the 45th day is not a court day "
    "and the extension is in court days, the legal last day rolls to a court day first and "
    "then adds them (Henry v. Young); a motion after the earlier safe date but by the legal "
    "day is CAL103 (a warning). Responses e-served on a non-court day count from the next "
    "court day (CCP 1010.6). Only a specific later date agreed in writing "
    "extends the deadline (Oregon Mutual Ins. Co. v. Gilbert, S.F. Super. Ct. No. CGC17558782, Dept. 302, "
    "Nov. 27, 2019). An agreed date on a Saturday, Sunday or holiday is extended to the next court day "
    "(CCP 2016.060: the last day of any act under the Discovery Act): a motion on that day is CAL103, "
    "the agreed date itself being the safe date. The "
    "motion is 'made' when the papers are served (motion.served; "
    "motion.filed if no service date is stated).",
)
def deadline_45(ctx: Context) -> Iterator[Problem]:
    for d in _deadlines(ctx, "45-day"):
        if d.unsettled or d.status not in ("late", "overdue"):
            continue
        yield Problem(
            f"{_late_text(ctx, d, '45-day deadline')}: {computation(d)}",
            at=d.at,
            key=d.key,
            requests=tuple(r.ref for r in d.requests),
        )


@rule(
    "CAL102",
    "deadline-45-objections-only",
    "warning",
    systems=CALIFORNIA,
    summary="Counted from unverified objections alone, a motion to compel further responses is late.",
    why="Golf & Tennis left open whether objections-only responses, which need no verification, "
    "start the 45 days; trial courts have held that they do not. Counting from the objections "
    "gives the conservative date, so a motion after it is at risk but not certainly late.",
    authority=[
        *CCP_45,
        GOLF,
        Authority("CCP § 2031.250", "S", "objection-only responses need only the attorney's signature"),
    ],
    fix="Serve the motion within 45 days (plus the service extension) of the objections to be "
    "safe, or get a specific later date agreed in writing.",
    fail_example="responses:\n  - {device: rfp, set: 1, kind: objections-only, verified: false, "
    "served: 2025-03-03, method: personal}\nmotion: {kind: compel-further-rfp, "
    "served: {date: 2025-05-01, method: personal}}",
    pass_example="responses:\n  - {device: rfp, set: 1, kind: objections-only, verified: false, "
    "served: 2025-03-03, method: personal}\nmotion: {kind: compel-further-rfp, "
    "served: {date: 2025-04-15, method: personal}}",
    reads=("responses[].kind", "responses[].verified", "responses[].served", "motion.served"),
    notes="[U] whether the clock starts at all; a warning, never an error.",
)
def deadline_45_objections(ctx: Context) -> Iterator[Problem]:
    for d in _deadlines(ctx, "45-day"):
        if not d.unsettled or d.status not in ("late", "overdue"):
            continue
        yield Problem(
            f"{_late_text(ctx, d, '45-day date counted from the objections')}; whether "
            f"unverified objections alone start the 45 days is unsettled (Golf & Tennis "
            f"left it open): {computation(d)}",
            at=d.at,
            key=d.key,
            requests=tuple(r.ref for r in d.requests),
        )


@rule(
    "CAL103",
    "deadline-45-order-gap",
    "warning",
    systems=CALIFORNIA,
    summary="The motion was served after the filer's safe 45-day date but on or before the legal "
    "last day: court days added from a non-court 45th day versus rolled to a court day first, "
    "or a 45th day that only CCP 10 makes a holiday.",
    why="When the 45th day is not a court day and service was electronic, overnight or by fax, the "
    "statutes do not state the order of steps. The one ruling found on it rolled to the next "
    "court day first and then added the 2 court days, because they cannot run from a non-court "
    "day (CCP 10, 12a): Henry v. Young (S.F. Super. Ct. No. CGC24612458, Dept. 302, July 11, "
    "2025). That is the legal last day; adding from the 45th day gives the earlier safe date. A "
    "motion between the two is likely timely but at risk before a court that reads it the other "
    "way.",
    authority=[
        *CCP_45,
        Authority("CCP § 1010.6", "S"),
        Authority("CCP §§ 10, 12a"),
        Authority(
            "Henry v. Young (S.F. Super. Ct. No. CGC24612458, Dept. 302, tentative ruling "
            "for the July 11, 2025 hearing)",
            "S",
            "one department's ruling; persuasive at most",
        ),
    ],
    fix="Serve by the safe date, or get a specific later date agreed in writing.",
    fail_example="responses:\n  - {device: rfp, kind: hybrid, verified: true, served: 2023-11-09, "
    "method: electronic}\n# 45th day Sun 2023-12-24: safe Wed 12-27, legal Thu 12-28\n"
    "motion: {kind: compel-further-rfp, served: {date: 2023-12-28, method: electronic}}",
    pass_example="motion: {kind: compel-further-rfp, served: {date: 2023-12-27, method: electronic}}",
    reads=("responses[]", "motion.served"),
    notes="A warning only. Past the legal last day CAL101 reports an error instead. A 45th day that is "
    "a court day under CCP 135 but a holiday under CCP 10 (Columbus Day, Admission Day, Lunar New "
    "Year, Genocide Remembrance Day) is extended by CCP 2016.060 to the next court day: a motion on "
    "that next day is reported here too.",
)
def deadline_45_gap(ctx: Context) -> Iterator[Problem]:
    for d in _deadlines(ctx, "45-day"):
        if d.status != "gap":
            continue
        yield Problem(
            f"motion {d.act_label} is after the safe date {fmt_date(d.deadline)} but not after "
            f"the legal last day {fmt_date(d.latest)} for {_what(d)}; a court reading the time "
            f"the other way would find it late: {computation(d)}",
            at=d.at,
            key=d.key,
            requests=tuple(r.ref for r in d.requests),
            confidence="U",
        )


@rule(
    "CAL104",
    "deadline-60-days-deposition",
    "error",
    systems=CALIFORNIA,
    summary="A motion to compel deposition answers or production was made more than 60 days after "
    "the record of the deposition was completed.",
    why="CCP 2025.480(b) requires the motion within 60 days after completion of the record; the "
    "limit is mandatory, and serving a bare notice by the deadline is not enough (Weinstein).",
    authority=[Authority("CCP § 2025.480(b)"), WEINSTEIN, Authority("CCP §§ 12, 12a")],
    fix="Serve the complete motion within 60 days of completion of the record.",
    fail_example="motion:\n  kind: compel-deposition\n  deposition: {record_completed: 2025-03-03}\n"
    "  served: {date: 2025-05-15, method: personal}",
    pass_example="motion:\n  kind: compel-deposition\n  deposition: {record_completed: 2025-03-03}\n"
    "  served: {date: 2025-04-30, method: personal}",
    reads=("motion.deposition.record_completed", "motion.served", "motion.filed"),
    notes="Counted as 60 calendar days, rolled to the next court day, with no service extension "
    "(completion of the record is not service). Where served objections completed the record, the "
    "60 days run from service of a paper, and CCP 1013 / 1010.6 (applied by CCP 2016.050) would "
    "extend them by the service days of the objections (responses[] of device deposition with a "
    "method, or motion.deposition.objections_method; where neither states it, a mailing is assumed "
    "for the later reading): that later date is an unconfirmed reading [U], so a motion after the 60th day but by "
    "it is a warning, as is one on the day CCP 2016.060 adds past a CCP 10 holiday; an error "
    "only past both. A CCP 2025.450 motion after a party's non-appearance (motion.deposition.statute: "
    '"2025.450") has no 60-day limit. Without record_completed, the record is dated from '
    "what the manifest states: written objections where no testimony was taken "
    "(deposition.objections_served, or a deposition response of objections) [S: Rutledge "
    "v. Hewlett-Packard Co. (2015) 238 Cal.App.4th 1164, 1192]; a bare non-appearance is "
    "CAL111 (a warning).",
)
def deadline_60(ctx: Context) -> Iterator[Problem]:
    for d in _deadlines(ctx, "60-day"):
        if not d.unsettled and d.status in ("late", "overdue"):
            yield Problem(f"{_late_text(ctx, d, '60-day deadline')}: {computation(d)}", at=d.at, key=d.key)
        elif not d.unsettled and d.status == "gap":  # late only on the earlier of two readings
            yield Problem(
                f"motion {d.act_label} is after {fmt_date(d.deadline)}, the 60-day deadline on the earlier "
                f"reading, but not after {fmt_date(d.latest)}, the last day on the later one; a court "
                f"reading the time the earlier way would find it late: {computation(d)}",
                at=d.at,
                key=d.key,
                confidence="U",
            )


@rule(
    "CAL111",
    "deadline-60-days-from-non-appearance",
    "warning",
    systems=CALIFORNIA,
    summary="Counted from the deponent's non-appearance, a motion to compel deposition answers or "
    "production (CCP 2025.480) was made more than 60 days later.",
    why="The 60 days run from completion of the record of the deposition. Where the deponent did "
    "not appear and no record_completed date is stated, filelint dates the record from the "
    "non-appearance (a certificate of non-appearance is usually made that day), a reading no "
    "confirmed authority states: the motion is at risk, not certainly late.",
    authority=[
        Authority("CCP § 2025.480(b)"),
        Authority("completion of the record by a non-appearance", "U", "unconfirmed reading"),
    ],
    fix="Serve the complete motion within 60 days of the non-appearance to be safe, or state the "
    "date the record was completed (motion.deposition.record_completed) if it is later.",
    fail_example='motion:\n  kind: compel-deposition\n  deposition: {statute: "2025.480", date: '
    "2025-03-03, appeared: false}\n  served: {date: 2025-05-15, method: personal}",
    pass_example='motion:\n  kind: compel-deposition\n  deposition: {statute: "2025.480", date: '
    "2025-03-03, appeared: false}\n  served: {date: 2025-04-30, method: personal}",
    reads=("motion.deposition", "motion.served", "motion.filed"),
    notes="[U]: a warning only; with an explicit record_completed date, or written objections "
    "that completed the record, CAL104 reports an error instead.",
)
def deadline_60_unsettled(ctx: Context) -> Iterator[Problem]:
    for d in _deadlines(ctx, "60-day"):
        if d.unsettled and d.status in ("late", "overdue"):
            yield Problem(
                f"{_late_text(ctx, d, '60-day date counted from the non-appearance')}; "
                f"whether a non-appearance completes the record is unconfirmed [U]: "
                f"{computation(d)}",
                at=d.at,
                key=d.key,
            )


@rule(
    "CAL105",
    "notice-period",
    "error",
    systems=CALIFORNIA,
    summary="The moving papers were served (or filed) fewer than 16 court days, plus the service "
    "extension, before the hearing.",
    why="All moving papers must be served and filed at least 16 court days before the hearing, "
    "plus 5 calendar days for mail in California (10 / 20 out of state / abroad), 2 calendar "
    "days for overnight or fax, 2 court days for e-service; courts take short-noticed motions "
    "off calendar (Memarzadeh v. AmGuard Ins. Co., S.F. Super. Ct. No. CGC23609957, Dept. 301, Jan. 7, 2026: "
    "mailed 2025-12-11 for that hearing).",
    authority=[
        *NOTICE,
        Authority("CCP § 1010.6", "S"),
        Authority("Barefield v. Washington Mutual Bank (2006) 136 Cal.App.4th 299, 303", "S"),
    ],
    fix="Move the hearing to a date the service allows, or serve earlier.",
    fail_example="motion: {served: {date: 2025-12-11, method: mail}, hearing: 2026-01-07}",
    pass_example="motion: {served: {date: 2025-12-01, method: mail}, hearing: 2026-01-07}",
    reads=("motion.served", "motion.filed", "motion.hearing"),
    notes="Counted backward from the hearing (CCP 12c): 16 court days, then the service days. A "
    "last day that is not a court day is moved to the preceding court day in practice only [U] "
    "(a mail or overnight deposit on a Saturday is complete service): service after the safe "
    "date but by the day counted is reported as a warning, never an error. Every moving and "
    "supporting paper with its own papers[].served date is checked, not only the notice. "
    "E-service on a non-court day counts from the next court day (CCP 1010.6). Where "
    "the forward count used by some courts says short and the backward count says fine, "
    "CAL106 warns. In an unlawful detainer action (case.type: unlawful-detainer) the 16 "
    "court days do not apply: CAL112 checks 5 days' notice (CCP 1170.8) instead.",
)
def notice_period(ctx: Context) -> Iterator[Problem]:
    for kind, label in (("notice", "last day to serve"), ("filing", "last day to file")):
        for d in _deadlines(ctx, kind):
            if d.status == "late":
                yield Problem(
                    f"{_act(d)} is after the {label} for the hearing on "
                    f"{d.computation.trigger}, {fmt_date(d.latest)}: {computation(d)}",
                    at=d.at,
                    key=d.key,
                )
            elif d.status == "gap":  # short only if the unconfirmed move to the preceding court day holds
                yield Problem(
                    f"{_act(d)} is after {fmt_date(d.deadline)}, the preceding court day that "
                    f"practice uses when the count for the hearing on {d.computation.trigger} "
                    f"ends on a non-court day, but not after {fmt_date(d.latest)}, the day "
                    f"counted (no statute moves it) [U]: {computation(d)}",
                    at=d.at,
                    key=d.key,
                    confidence="U",
                )


@rule(
    "CAL112",
    "notice-period-unlawful-detainer",
    "warning",
    systems=CALIFORNIA,
    summary="In an unlawful detainer action, a discovery motion was served fewer than 5 days (plus "
    "the service extension) before the hearing.",
    why="CCP 1170.8 lets a discovery motion in an unlawful detainer action be made at any time on "
    "five days' notice, in place of the 16 court days of CCP 1005(b); CRC 3.1347 applies CCP "
    "1013 to its service. filelint has this text only from secondary sources, so it warns.",
    authority=[
        Authority("CCP § 1170.8", "S", "five days' notice; text seen only in secondary sources"),
        Authority("Cal. Rules of Court, rule 3.1347", "S"),
        Authority("CCP §§ 12c, 1013"),
    ],
    fix="Serve earlier, or move the hearing.",
    fail_example="case: {number: X, type: unlawful-detainer}\nmotion: {served: {date: 2025-03-07, "
    "method: mail}, hearing: 2025-03-14}",
    pass_example="case: {number: X, type: unlawful-detainer}\nmotion: {served: {date: 2025-03-03, "
    "method: mail}, hearing: 2025-03-14}",
    reads=("case.type", "motion.served", "motion.hearing"),
    notes="With case.type: unlawful-detainer, the 16-court-day rule (CAL105, CAL106) and the "
    "CCP 2024.020 cutoff (CAL107; CCP 2024.040(b)(1) excludes these actions) do not apply; CAL113 checks the "
    "unlawful-detainer limit of CCP 2024.040(b)(1) (discovery completed by the 5th day before trial). "
    "Counted backward from the hearing (CCP 12c): 5 calendar days, then 5/10/20 calendar days "
    "for mail, 2 court days for e-service, overnight or fax; a last day on a non-court day is "
    "not moved.",
)
def notice_period_ud(ctx: Context) -> Iterator[Problem]:
    for d in _deadlines(ctx, "notice-ud"):
        if d.status == "late":
            yield Problem(
                f"motion {d.act_label} is after the last day to serve for the hearing on "
                f"{d.computation.trigger}, {fmt_date(d.deadline)}: {computation(d)}",
                at=d.at,
                key=d.key,
            )


def _act(d: Deadline) -> str:
    """``motion served ...`` for the motion itself; a paper served on its own date names itself."""
    return f"motion {d.act_label}" if d.key in ("notice", "filing") else d.act_label


@rule(
    "CAL106",
    "notice-period-forward-count",
    "warning",
    systems=CALIFORNIA,
    summary="Counted forward from service, the notice is short, although the backward count of "
    "CCP 12c says it is enough.",
    why="Some courts count 16 court days forward from service and then the service days; around "
    "weekends and holidays this differs from the backward count by a day or two (Memarzadeh v. AmGuard Ins. Co., "
    "S.F. Super. Ct. No. CGC23609957, Dept. 301, Jan. 7, 2026, counted forward).",
    authority=[*NOTICE, Authority("forward count used by some courts", "S")],
    fix="Serve a day or two earlier, or set the hearing a little later, so that both counts agree.",
    fail_example="motion: {served: {date: <on the backward last day>, method: mail}, hearing: ...}",
    pass_example="motion: {served: {date: <a few days earlier>, method: mail}, hearing: ...}",
    reads=("motion.served", "motion.hearing"),
    notes="The backward count is the rule (CCP 12c); this is a warning.",
)
def notice_forward(ctx: Context) -> Iterator[Problem]:
    for d in _deadlines(ctx, "notice"):
        if d.status == "met" and d.forward is not None and d.forward.result > d.computation.trigger:
            fwd = "; ".join(d.forward.explain())
            yield Problem(
                f"served {d.act}: counted backward (CCP 12c) the last day was "
                f"{fmt_date(d.deadline)}, but counted forward from service the earliest "
                f"hearing is {fmt_date(d.forward.result)}, after the hearing on "
                f"{d.computation.trigger}: {fwd}",
                at=d.at,
                key=d.key,
            )


@rule(
    "CAL107",
    "discovery-motion-cutoff",
    "error",
    systems=CALIFORNIA,
    summary="A discovery motion is set to be heard after the 15th day (10th for expert "
    "discovery) before the initial trial date.",
    why="Discovery motions must be heard on or before the 15th day before the date initially set "
    "for trial, motions about expert discovery on or before the 10th day; a continuance of "
    "trial does not reopen discovery without a CCP 2024.050 order or 2024.060 written "
    "agreement.",
    authority=[
        Authority("CCP § 2024.020(a)"),
        Authority("CCP § 2024.030"),
        Authority("CCP § 2016.060"),
        Authority("CCP §§ 10, 135; Gov. Code § 6700"),
        Authority("CCP §§ 2024.050, 2024.060"),
    ],
    fix="Set the hearing earlier, or obtain an order reopening discovery (CCP 2024.050) or a written "
    "agreement extending the time (CCP 2024.060) and record it as case.discovery_cutoff_order, with the "
    "last day it sets (case.discovery_motion_cutoff) and, if it is limited to some discovery, the devices "
    "it covers (case.discovery_cutoff_order_devices).",
    fail_example="case: {number: X, initial_trial_date: 2026-03-02}\nmotion: {hearing: 2026-02-20}",
    pass_example="case: {number: X, initial_trial_date: 2026-03-02}\nmotion: {hearing: 2026-02-13}",
    reads=(
        "case.initial_trial_date",
        "case.discovery_cutoff_order",
        "case.discovery_motion_cutoff",
        "case.discovery_cutoff_order_devices",
        "motion.hearing",
        "motion.expert_discovery",
    ),
    notes="With motion.expert_discovery: true (discovery about a designated expert, CCP "
    "2034.010 ff.) the limit is the 10th day (CCP 2024.030); filelint does not guess it "
    "from the requests. When the 15th (or 10th) day is a Saturday, Sunday or CCP 10 "
    "holiday, CCP 2016.060 extends the limit 'until the next court day closer to the trial "
    "date': the following court day. CCP 10's holidays are every Gov. Code holiday (Admission "
    "Day, Columbus Day, Lunar New Year, Genocide Remembrance Day, days the President appoints), "
    "while courts close only on CCP 135's; where the two lists differ, a hearing after the "
    "CCP 135 date but by the CCP 10 date is a warning. The extension runs once, to the next court day (a "
    "day courts are open, even if CCP 10 lists it): trial Mon 2026-03-02, the limit is Tue 02-17 though it "
    "is Lunar New Year. An order or written stipulation changing the "
    "cutoff: with case.discovery_motion_cutoff the hearing is checked against that day (an error after it); "
    "with case.discovery_cutoff_order_devices, a motion about another device keeps the CCP 2024.020 "
    "cutoff (an error: an order extending discovery for certain depositions does not reach a motion on "
    "interrogatories); an order stated only in words is a warning, since filelint cannot tell whether it "
    "reaches this motion.",
)
def discovery_cutoff_rule(ctx: Context) -> Iterator[Problem]:
    order = cutoff_order.read(ctx.case)
    hearing = ctx.case.motion.hearing
    if order.motion_cutoff is not None and not cutoff_order.outside(order, ctx.case):
        if hearing is not None and hearing > order.motion_cutoff:
            yield Problem(
                f"hearing {hearing} is after {fmt_date(order.motion_cutoff)}, the last day to hear discovery "
                f"motions that the order or stipulation sets (case.discovery_motion_cutoff; CCP 2024.050, 2024.060)",
                at=("case", "discovery_motion_cutoff"),
                key="cutoff-order",
            )
        return
    for d in _deadlines(ctx, "cutoff"):
        if order.stated:
            yield from _cutoff_with_order(ctx, order, d)
        elif d.status == "late":
            yield _late(d)
        elif d.status == "gap":  # the CCP 10 and CCP 135 holiday lists differ on the last day
            yield _gap(d)


def _late(d: Deadline, why: str = "") -> Problem:
    return Problem(
        f"{d.act_label} is after the last day to hear discovery motions, {fmt_date(d.latest)}{why}: {computation(d)}",
        at=d.at,
        key=d.key,
    )


def _gap(d: Deadline, why: str = "") -> Problem:
    return Problem(
        f"{d.act_label} is after {fmt_date(d.deadline)}, the last day to hear discovery "
        f"motions counted with the judicial holidays (CCP 135), but not after "
        f"{fmt_date(d.latest)}, the last day with CCP 10's holidays, which CCP 2016.060 "
        f"names; courts may read the list either way{why}: {computation(d)}",
        at=d.at,
        key=d.key,
        confidence="U",
    )


def _cutoff_with_order(ctx: Context, order: cutoff_order.CutoffOrder, d: Deadline) -> Iterator[Problem]:
    """A hearing measured against an order or written stipulation changing the cutoff (CCP 2024.050, 2024.060)."""
    beyond = cutoff_order.outside(order, ctx.case)
    if beyond:  # the order reaches other devices only: this motion keeps the statutory cutoff
        why = (
            f"; the order extends discovery only for {cutoff_order.names(order.devices)} "
            f"(case.discovery_cutoff_order_devices), not for the {cutoff_order.names(beyond)} this motion concerns"
        )
        if d.status == "late":
            yield _late(d, why)
        elif d.status == "gap":
            yield _gap(d, why)
        return
    if d.status in ("late", "gap"):
        said = f" says {order.text!r}" if order.text else " is recorded"
        yield Problem(
            f"{d.act_label} is after the CCP 2024.020 cutoff {fmt_date(d.deadline)}; case.discovery_cutoff_order"
            f"{said}, but filelint cannot tell whether it reaches this motion: unless it reopens discovery for "
            f"it (CCP 2024.050) or is a written agreement extending the time (CCP 2024.060), the motion cannot be "
            f"heard. State the last day it sets (case.discovery_motion_cutoff) and, if it is limited to some "
            f"discovery, the devices it covers (case.discovery_cutoff_order_devices): {computation(d)}",
            at=("case", "discovery_cutoff_order") if order.text else d.at,
            key="cutoff-order",
            confidence="U",
        )


@rule(
    "CAL108",
    "deadline-fact-missing",
    "info",
    systems=CALIFORNIA,
    summary="A fact a deadline needs is not in the manifest, so that deadline was not checked.",
    why="filelint never guesses a date or a service method: a deadline it cannot compute is "
    "reported so that it is not mistaken for one that passed.",
    authority=[
        Authority("CCP §§ 12, 12a, 12c"),
        *CCP_45,
        Authority("CCP § 1005(b)"),
        Authority("CCP § 2024.020(a)"),
        Authority("CCP § 2025.480(b)"),
    ],
    fix="Add the field the message names.",
    fail_example="motion: {kind: compel-further-rfp, hearing: 2025-08-11}   # no served:",
    pass_example="motion: {kind: compel-further-rfp, hearing: 2025-08-11,\n"
    "         served: {date: 2025-06-16, method: electronic}}",
    reads=("motion", "responses[]", "case.initial_trial_date"),
    notes="A hearing after the discovery-motion cutoff where case.discovery_cutoff_order is stated only in "
    "words is CAL107 (a warning: filelint cannot tell whether the order reaches the motion), not a missing fact.",
)
def fact_missing(ctx: Context) -> Iterator[Problem]:
    found = report(ctx)
    if found is None:
        return
    for m in found.missing:
        text = f"{m.field} is not stated: {m.why}" if m.blocking else m.why
        yield Problem(text, at=m.at, key=m.field, fix=f"add {m.field}")


@rule(
    "CAL109",
    "dates-out-of-order",
    "error",
    systems=CALIFORNIA,
    summary="Dates that cannot be in this order: a hearing before the motion was filed or served, "
    "a response served before the discovery it answers.",
    why="Every deadline is computed from these dates; one that is out of order is a typo that "
    "would make each computation wrong.",
    authority=[Authority("CCP § 1005(b)"), Authority("CCP §§ 2030.260, 2031.260, 2033.250", "S")],
    fix="Correct the date (check the proof of service).",
    fail_example="motion: {filed: 2025-06-23, hearing: 2025-05-11}",
    pass_example="motion: {filed: 2025-06-23, hearing: 2025-08-11}",
    reads=("motion.filed", "motion.served", "motion.hearing", "discovery[].served", "responses[].served"),
    notes="Meet and confer after filing is not out of order (it may continue); only dates that "
    "cannot be true are reported.",
)
def dates_out_of_order(ctx: Context) -> Iterator[Problem]:
    m = ctx.case.motion
    if m.hearing is not None:
        for when, label in ((m.filed, "filed"), (m.served.date if m.served else None, "served")):
            if when is not None and m.hearing < when:
                yield Problem(
                    f"the hearing ({m.hearing}) is before the motion was {label} ({when})",
                    at=("motion", "hearing"),
                    key="hearing",
                )
                break  # one typo, one finding
    for i, r in enumerate(ctx.case.responses):
        sets = [
            d for d in ctx.case.discovery if d.device == r.device and (d.set is None or r.set is None or d.set == r.set)
        ]
        if r.served is None or not sets or r.served >= min(d.served for d in sets):
            continue
        first = min(sets, key=lambda d: d.served)
        yield Problem(
            f"responses[{i}] ({r.device.upper()}) was served {r.served}, before the "
            f"discovery it answers (discovery[{first.at[1]}], served {first.served})",
            at=(*r.at, "served"),
            key=f"response-{i}",
        )


@rule(
    "CAL110",
    "request-without-response",
    "error",
    systems=CALIFORNIA,
    summary="A request at issue in a motion to compel further responses has no response in the manifest.",
    why="A motion to compel further responses lies only against a response; with no response the "
    "motion is one to compel initial responses (CCP 2030.290, 2031.300), and the 45-day "
    "deadline cannot be computed.",
    authority=[*CCP_45, Authority("CCP §§ 2030.290, 2031.300")],
    fix="Add the response that answers the request under responses (device, set, requests, "
    "served, method, verified), or drop the request from the motion.",
    fail_example='motion: {kind: compel-further-rfp, requests_at_issue: "1-5"}\nresponses: []',
    pass_example='motion: {kind: compel-further-rfp, requests_at_issue: "1-5"}\n'
    "responses:\n  - {device: rfp, set: 1, served: 2025-03-13, ...}",
    reads=("motion.requests_at_issue", "responses[].device", "responses[].requests"),
)
def request_without_response(ctx: Context) -> Iterator[Problem]:
    found = report(ctx)
    if found is None:
        return
    for device, reqs in found.uncovered:
        what = format_requests(reqs) if reqs else f"the {device.upper()} set"
        yield Problem(
            f"{what} is at issue, but no response in the manifest answers it",
            at=("motion", "requests_at_issue") if reqs else ("motion", "kind"),
            key=f"uncovered:{device}",
            requests=tuple(r.ref for r in reqs),
        )


RULES = (
    deadline_45,
    deadline_45_objections,
    deadline_45_gap,
    deadline_60,
    deadline_60_unsettled,
    notice_period,
    notice_period_ud,
    notice_forward,
    discovery_cutoff_rule,
    fact_missing,
    dates_out_of_order,
    request_without_response,
)
