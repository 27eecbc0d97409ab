"""N.D. Cal. Civ. L.R. 37-1(a) (a live conference) and 37-3 (7 days after the fact-discovery cutoff)."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Context, Problem, rule

from filelint_federal import facts, timecalc
from filelint_federal.facts import FEDERAL

LR_37_1A = Authority("N.D. Cal. Civ. L.R. 37-1(a); Civ. L.R. 1-5(n)")
DOE = Authority("Doe v. City of San Mateo (N.D. Cal. 2009)")
LR_37_3 = Authority("N.D. Cal. Civ. L.R. 37-3")
EVANS = Authority("Evans v. Linden Research (N.D. Cal. 2012)")
FRCP_6A = Authority("FRCP 6(a)(1)")
CUTOFF = "fact_discovery_cutoff"


def _in_ndcal(ctx: Context) -> bool:
    return facts.is_federal(ctx) and facts.district(ctx) == "ndcal"


@rule(
    "FED301",
    "ndca-no-live-conference",
    "error",
    systems=FEDERAL,
    summary="N.D. Cal.: the discovery motion was filed after letters, emails or voicemails only, with no "
    "conference in person or by telephone.",
    why="Civ. L.R. 37-1(a): the court will not entertain a discovery motion unless counsel previously conferred "
    "to resolve all disputed issues, and Civ. L.R. 1-5(n) defines meeting and conferring as direct dialogue; "
    "sending letters, emails or voicemails alone does not satisfy it (Doe v. City of San Mateo).",
    authority=[LR_37_1A, DOE],
    fix="Talk to opposing counsel (in person or by telephone) about every disputed issue before filing and "
    "record the conference under meet_and_confer with channel: phone or in-person.",
    fail_example="court: {system: federal, federal_district: N.D. Cal.}\nmeet_and_confer:\n"
    "  - {id: m1, date: 2024-02-01, from: moving, channel: letter}",
    pass_example="court: {system: federal, federal_district: N.D. Cal.}\nmeet_and_confer:\n"
    "  - {id: m1, date: 2024-02-01, from: moving, channel: letter}\n"
    "  - {id: m2, date: 2024-02-08, from: moving, channel: phone}",
    reads=(
        "court.federal_district",
        "motion.kind",
        "motion.filed",
        "meet_and_confer[].channel",
        "meet_and_confer[].date",
    ),
    notes="A video conference is counted as direct dialogue (face to face). Whether the conference covered every "
    "issue is not checked here. Many N.D. Cal. judges' standing orders require a lead-counsel conference "
    "and a joint letter instead of a motion; those orders are not encoded.",
)
def ndca_live_conference(ctx: Context) -> Iterator[Problem]:
    if not (_in_ndcal(ctx) and facts.is_discovery_motion(ctx)) or facts.live_before_filing(ctx):
        return
    written = [f"{c.id} {c.channel} {c.date}" for c in ctx.case.before_filing()]
    record = f"only {', '.join(written)}" if written else "no meet-and-confer communication at all"
    at: tuple[str | int, ...] = ("meet_and_confer",) if ctx.case.communications else ("motion", "kind")
    yield Problem(
        f"{facts.motion_label(ctx)}: the manifest records {record} before filing; N.D. Cal. Civ. L.R. "
        "37-1(a) requires direct dialogue (in person or by telephone), not letters, emails or voicemails "
        "alone",
        at=at,
        key="live-conference",
    )


@rule(
    "FED302",
    "ndca-motion-after-fact-cutoff",
    "error",
    systems=FEDERAL,
    summary="N.D. Cal.: a motion to compel fact discovery filed more than 7 days after the fact-discovery cutoff.",
    why="Civ. L.R. 37-3: where the court has set a fact-discovery cutoff, no motion to compel fact discovery may "
    "be filed more than 7 days after it (Evans v. Linden Research). The 7 days are counted under FRCP "
    "6(a)(1): the cutoff day excluded, every day counted, a last day on a weekend or legal holiday moved to "
    "the next day.",
    authority=[LR_37_3, EVANS, FRCP_6A],
    fix="File within 7 days after the cutoff, or ask the court to extend the cutoff before it passes.",
    fail_example="court: {system: federal, federal_district: N.D. Cal.}\nmotion: {kind: compel-further-rfp, "
    "filed: 2024-03-15}\nfederal: {fact_discovery_cutoff: 2024-03-01}",
    pass_example="court: {system: federal, federal_district: N.D. Cal.}\nmotion: {kind: compel-further-rfp, "
    "filed: 2024-03-08}\nfederal: {fact_discovery_cutoff: 2024-03-01}",
    reads=("court.federal_district", "motion.kind", "motion.filed", "federal.fact_discovery_cutoff", "court.closures"),
    notes="Motions to compel only (compel-*); protective-order motions are not covered by L.R. 37-3. Expert "
    "discovery cutoffs are not checked.",
)
def ndca_after_cutoff(ctx: Context) -> Iterator[Problem]:
    if not (_in_ndcal(ctx) and facts.is_compel(ctx)):
        return
    cutoff, filed = facts.date_of(facts.section(ctx).get(CUTOFF)), ctx.case.motion.filed
    if cutoff is None or filed is None:
        return  # FED001 asks for the missing fact
    comp = timecalc.days_after(
        cutoff, 7, ctx.calendar(), trigger_event="fact-discovery cutoff", state=facts.state_calendar(ctx)
    )
    if filed <= comp.result:
        return
    late = (filed - comp.result).days
    yield Problem(
        f"the motion to compel was filed {filed}, {late} day{'s' if late != 1 else ''} after the last day "
        f"under Civ. L.R. 37-3, {timecalc.summary(comp)}",
        at=("motion", "filed"),
        key="cutoff",
        data={"computation": comp.explain()},
    )


def missing(ctx: Context) -> Iterator[Problem]:
    """Facts FED302 needs and the manifest leaves out (reported by FED001)."""
    if not (_in_ndcal(ctx) and facts.is_compel(ctx)):
        return
    if CUTOFF not in facts.section(ctx):
        yield Problem(
            "FED302 (N.D. Cal. Civ. L.R. 37-3) cannot check timing: if the court set a fact-discovery "
            "cutoff, add federal.fact_discovery_cutoff (leave it out only if none is set)",
            at=("court", "federal_district"),
            key="FED302:cutoff",
        )
    if ctx.case.motion.filed is None:
        yield Problem(
            "FED302 (N.D. Cal. Civ. L.R. 37-3) cannot check timing: motion.filed is missing",
            at=("motion",),
            key="FED302:filed",
        )
