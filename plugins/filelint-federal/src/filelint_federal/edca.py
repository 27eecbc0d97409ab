"""E.D. Cal. L.R. 251: the Joint Statement re Discovery Disagreement (or the 251(d) affidavit)."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Context, Problem, rule

from filelint_federal import facts
from filelint_federal.facts import FEDERAL

LR_251 = Authority(
    "E.D. Cal. L.R. 251(a)-(e)",
    "S",
    "as E.D. Cal. orders quote and apply it (e.g. Lawrence v. Costco Wholesale Corp., No. 1:22-cv-00931-ADA-EPG, "
    "Oct. 10, 2023; Hugunin v. Rocklin Unified School Dist., No. 2:15-cv-00939, Feb. 22, 2016)",
)
STATEMENT = "joint_statement"
#: L.R. 251(a): the joint statement is filed at least seven days before the hearing.
DAYS_BEFORE_HEARING = 7


def applies(ctx: Context) -> bool:
    return facts.is_federal(ctx) and facts.district(ctx) == "edcal" and facts.is_discovery_motion(ctx)


@rule(
    "FED501",
    "edca-joint-statement-missing",
    "error",
    systems=FEDERAL,
    summary="E.D. Cal.: a discovery motion without a Joint Statement re Discovery Disagreement signed by the "
    "parties concerned and filed at least 7 days before the hearing (L.R. 251), and no L.R. 251(e) exception.",
    why="L.R. 251 hears a motion under FRCP 26-37 only after counsel confer and file one Joint Statement re "
    "Discovery Disagreement, prepared and signed by every party concerned, at least seven days before the "
    "hearing; where the other side refuses to confer or to sign, the mover files an affidavit instead "
    "(251(d)). L.R. 251(e) excuses the statement only where there has been a complete and total failure to "
    "respond to a discovery request or order, or where the only relief sought is sanctions. E.D. Cal. "
    "magistrate judges deny or drop motions filed as a motion, opposition and reply instead.",
    authority=[LR_251],
    fix="Confer, then prepare the joint statement with the other side, list it under papers with role: "
    "joint-stipulation and record federal: {joint_statement: {present: true, signed_by_all: true, filed: "
    "...}}; if the other side refused, file the L.R. 251(d) affidavit and record joint_statement: "
    "{affidavit: true}; if the motion seeks only sanctions, record joint_statement: {excused_by: "
    '"L.R. 251(e)(2)"}.',
    fail_example="court: {system: federal, federal_district: E.D. Cal.}\nmotion: {kind: compel-further-rfp}\n"
    "papers:\n  - {role: notice, path: motion.pdf}",
    pass_example="court: {system: federal, federal_district: E.D. Cal.}\n"
    "motion: {kind: compel-further-rfp, hearing: 2024-05-08}\n"
    "papers:\n  - {role: joint-stipulation, path: joint-statement.pdf}\n"
    "federal:\n  joint_statement: {present: true, signed_by_all: true, filed: 2024-05-01}",
    reads=("court.federal_district", "motion.kind", "motion.hearing", "papers[].role", "federal.joint_statement"),
    notes="A motion to compel initial responses (motion.kind: compel-initial-responses: nothing was served) "
    "falls under the 251(e)(1) exception. A 'joint stipulation' with no statement of the other side and "
    "without its counsel's signature is not a joint statement (record signed_by_all: false). Judges' "
    "standing orders (page limits, live conferences) are not checked.",
)
def edca_joint_statement(ctx: Context) -> Iterator[Problem]:
    if not applies(ctx) or ctx.case.motion.is_initial:
        return
    stmt = facts.sub(ctx, STATEMENT) or {}
    if stmt.get("excused_by") or stmt.get("affidavit") is True:
        return
    if stmt.get("present") is not True and not ctx.case.papers_with_role("joint-stipulation"):
        yield Problem(
            f"{facts.motion_label(ctx)} is an E.D. Cal. discovery motion, but no Joint Statement re Discovery "
            "Disagreement (L.R. 251(a), (c)) or L.R. 251(d) affidavit is among its papers, and L.R. 251(e) "
            "excuses it only for a complete and total failure to respond or a motion for sanctions alone",
            at=("papers",) if ctx.case.papers else ("motion", "kind"),
            key="joint-statement",
        )
        return
    if stmt.get("signed_by_all") is False:
        yield Problem(
            "the joint statement is not signed by every party concerned (L.R. 251(c): all parties concerned "
            "assist in preparing it and sign it); without the other side's part it is not a joint statement",
            at=(facts.SECTION, STATEMENT, "signed_by_all"),
            key="signatures",
        )
    filed = facts.date_of(stmt.get("filed"))
    hearing = ctx.case.motion.hearing
    if filed is not None and hearing is not None and (hearing - filed).days < DAYS_BEFORE_HEARING:
        yield Problem(
            f"the joint statement was filed {filed}, {(hearing - filed).days} days before the hearing on "
            f"{hearing}; L.R. 251(a) requires it at least {DAYS_BEFORE_HEARING} days before",
            at=(facts.SECTION, STATEMENT, "filed"),
            key="filed-late",
        )


GREEN_AIRE = Authority(
    "Green Aire for Air Conditioning W.L.L. v. Salem (E.D. Cal. No. 1:18-cv-00873-LJO-SKO, Jan. 6, 2020)",
    "S",
    "motions to compel filed twelve days after the non-expert discovery deadline denied without prejudice",
)
FRCP_16B4 = Authority(
    "FRCP 16(b)(4)", "C", "a schedule may be modified only for good cause and with the judge's consent"
)
#: The manifest's date of the scheduling order's (non-expert) discovery deadline.
CUTOFF = "fact_discovery_cutoff"


@rule(
    "FED502",
    "edca-motion-after-discovery-deadline",
    "warning",
    systems=FEDERAL,
    summary="E.D. Cal.: a motion to compel filed after the scheduling order's (non-expert) discovery deadline.",
    why="E.D. Cal. scheduling orders set a date by which non-expert discovery must be completed, and a motion "
    "to compel filed after it is generally untimely: the court hears it only if the schedule is modified, "
    "which FRCP 16(b)(4) allows only for good cause and with the judge's consent. In Green Aire for Air "
    "Conditioning W.L.L. v. Salem the motions, filed twelve days after the deadline, were denied without "
    "prejudice for want of a showing of good cause.",
    authority=[FRCP_16B4, GREEN_AIRE],
    fix="Move before the deadline, or first ask the court to modify the scheduling order (FRCP 16(b)(4)) and "
    "show the diligence that makes good cause.",
    fail_example="court: {system: federal, federal_district: E.D. Cal.}\nmotion: {kind: compel-further-rfp, "
    "filed: 2024-03-15}\nfederal: {fact_discovery_cutoff: 2024-03-01}",
    pass_example="court: {system: federal, federal_district: E.D. Cal.}\nmotion: {kind: compel-further-rfp, "
    "filed: 2024-02-20}\nfederal: {fact_discovery_cutoff: 2024-03-01}",
    reads=("court.federal_district", "motion.kind", "motion.filed", "federal.fact_discovery_cutoff"),
    notes="A warning: the court may still hear a late motion on good cause, and what 'completed' means is "
    "the scheduling order's (E.D. Cal. orders commonly require discovery disputes to be resolved by the "
    "deadline, which a motion filed on the last day does not meet either; that is not checked). Record the "
    "order's non-expert discovery deadline as federal.fact_discovery_cutoff. Motions to compel only "
    "(compel-*); expert discovery deadlines are not checked.",
)
def edca_after_deadline(ctx: Context) -> Iterator[Problem]:
    if not (applies(ctx) and facts.is_compel(ctx)):
        return
    cutoff, filed = facts.date_of(facts.section(ctx).get(CUTOFF)), ctx.case.motion.filed
    if cutoff is None or filed is None or filed <= cutoff:
        return
    late = (filed - cutoff).days
    yield Problem(
        f"{facts.motion_label(ctx)}: {late} day{'s' if late != 1 else ''} after the scheduling order's "
        f"discovery deadline of {cutoff} (federal.fact_discovery_cutoff); a motion to compel after the close "
        "of discovery is heard only if the court modifies the schedule for good cause (FRCP 16(b)(4))",
        at=("motion", "filed"),
        key="after-deadline",
    )
