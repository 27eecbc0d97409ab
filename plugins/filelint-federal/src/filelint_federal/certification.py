"""FRCP 37(a)(1) and 26(c)(1): the good-faith conferral certification."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Context, Problem, rule

from filelint_federal import facts
from filelint_federal.facts import FEDERAL

FRCP_37A1 = Authority("FRCP 37(a)(1)")
FRCP_26C1 = Authority("FRCP 26(c)(1)")
GRAYS = Authority("Grays v. Mayorkas, No. 21-10526 (E.D. Mich. Dec. 3, 2021) (order, ECF No. 26)")
SHUFFLE_MASTER = Authority(
    "Shuffle Master, Inc. v. Progressive Games, Inc., 170 F.R.D. 166 (D. Nev. 1996)",
    "S",
    "the certification and actual good-faith conferral are both needed",
)


def applies(ctx: Context) -> bool:
    return facts.is_federal(ctx) and facts.is_discovery_motion(ctx)


def stated(ctx: Context) -> bool | None:
    """True/False when the manifest says whether a certification was filed; None if it is silent."""
    cert = facts.sub(ctx, "certification")
    if cert is not None and isinstance(cert.get("present"), bool):
        return bool(cert["present"])
    if ctx.case.papers_with_role("certification"):
        return True
    return False if ctx.case.papers else None


def _rule_for(ctx: Context) -> str:
    return "FRCP 26(c)(1)" if facts.is_protective_order(ctx) else "FRCP 37(a)(1)"


@rule(
    "FED101",
    "conferral-certification-missing",
    "error",
    systems=FEDERAL,
    summary="A federal motion to compel discovery or for a protective order carries no certification "
    "that the movant conferred, or tried to confer, in good faith before filing.",
    why="FRCP 37(a)(1) says a motion to compel 'must include a certification that the movant has in good "
    "faith conferred or attempted to confer' with the other side; FRCP 26(c)(1) says the same of a "
    "motion for a protective order. In Grays v. Mayorkas (E.D. Mich. 2021) the motion showed no "
    "conferral and no certification and was denied without prejudice, the court adding that a renewed "
    "motion must certify who conferred, when, and what was discussed.",
    authority=[FRCP_37A1, FRCP_26C1, GRAYS, SHUFFLE_MASTER],
    fix="Confer with the other side first; then file a certification (in the motion or as its own paper, "
    "listed under papers with role: certification) stating who conferred, when, how, and what was "
    "discussed, and record it as federal: {certification: {present: true, ...}}.",
    fail_example="court: {system: federal, federal_district: E.D. Mich.}\nmotion: {kind: compel-initial-responses}\n"
    "papers:\n  - {role: notice, path: motion.pdf}\nfederal:\n  certification: {present: false}",
    pass_example="court: {system: federal, federal_district: E.D. Mich.}\nmotion: {kind: compel-initial-responses}\n"
    "papers:\n  - {role: notice, path: motion.pdf}\n  - {role: certification, path: cert.pdf}",
    reads=("court.system", "motion.kind", "papers[].role", "federal.certification.present", "meet_and_confer[].date"),
    notes="Applies to every motion to compel (compel-*) and to protective-order motions in federal court, "
    "whatever the district; local rules that repeat the duty (E.D. Mich. LR 7.1(a)) are not needed to "
    "fire it. A manifest that lists no papers and says nothing of a certification gets FED001 "
    "(needs-input) instead. Whether the conferral itself was in good faith is a judgment this rule "
    "does not make.",
)
def certification_missing(ctx: Context) -> Iterator[Problem]:
    if not applies(ctx) or stated(ctx) is not False:
        return
    conferred = [f"{c.id} {c.date} {c.channel}" for c in ctx.case.before_filing()]
    record = (
        f"; the manifest records conferral before filing ({', '.join(conferred)}), but no certification of it"
        if conferred
        else "; the manifest records no conferral or attempt to confer before filing"
    )
    cert = facts.sub(ctx, "certification")
    at: tuple[str | int, ...] = (facts.SECTION, "certification", "present") if cert is not None else ("papers",)
    yield Problem(
        f"{facts.motion_label(ctx)} includes no certification that the movant conferred or attempted "
        f"to confer in good faith ({_rule_for(ctx)}){record}",
        at=at,
        key="certification",
    )


def missing(ctx: Context) -> Iterator[Problem]:
    """Facts FED101 needs and the manifest leaves out (reported by FED001)."""
    if applies(ctx) and stated(ctx) is None:
        yield Problem(
            f"FED101 ({_rule_for(ctx)}) cannot tell whether the motion includes a good-faith conferral "
            "certification: the manifest lists no papers and no federal.certification",
            at=("motion", "kind"),
            key="FED101:certification",
        )
