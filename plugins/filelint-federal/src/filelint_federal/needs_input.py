"""FED001: the facts a federal rule needs and the manifest does not state (never a silent pass)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from filelint import Authority, Context, Problem, rule

from filelint_federal import cdca, certification, facts, ndca, nyfed
from filelint_federal.facts import FEDERAL

MISSING: tuple[Callable[[Context], Iterable[Problem]], ...] = (
    certification.missing,
    cdca.missing,
    ndca.missing,
    nyfed.missing,
)
LOCAL = (
    "C.D. Cal. L.R. 37-1/37-2, N.D. Cal. Civ. L.R. 37-1/37-3, E.D. Cal. L.R. 251, S.D.N.Y./E.D.N.Y. Local Civ. R. 37.2"
)


def _district(ctx: Context) -> Iterator[Problem]:
    if not facts.is_discovery_motion(ctx):
        return
    district = facts.district(ctx)
    if district is None:
        yield Problem(
            f"the federal district is not stated (court.federal_district), so the local rules ({LOCAL}) "
            "were not checked",
            at=("court",),
            key="district",
        )
    elif district not in facts.ENCODED:
        yield Problem(
            f"filelint-federal does not encode the local discovery rules of {facts.district_raw(ctx)} "
            f"(it encodes {LOCAL} only): that district's local rules and the judge's standing order were "
            "NOT checked; check them by hand",
            at=facts.district_at(ctx),
            key="district-not-encoded",
        )


@rule(
    "FED001",
    "federal-needs-input",
    "info",
    systems=FEDERAL,
    summary="A federal rule could not be checked because the manifest leaves out a fact it needs.",
    why="A check that cannot run must say so rather than pass silently: this finding names the missing fact "
    "and the rule waiting for it.",
    authority=[Authority("FRCP 37(a)(1)"), Authority("FRCP 26(c)(1)"), Authority("FRCP 6(a)")],
    fix="Add the named fact to the manifest (see the message); leave it out only where the rule says so.",
    fail_example="court: {system: federal}\nmotion: {kind: compel-further-rfp}",
    pass_example="court: {system: federal, federal_district: N.D. Cal.}\nmotion: {kind: compel-further-rfp}\n"
    "papers:\n  - {role: certification, path: cert.pdf}\nfederal: {fact_discovery_cutoff: 2024-03-01}",
    reads=("court.federal_district", "papers", "federal", "motion.filed"),
    notes="Info level: it never fails a run on its own. Each message names the rule (FED101, FED201, ...) that "
    "is waiting for the fact. A discovery motion in a district whose local rules the pack does not encode "
    "(anything but C.D. Cal., N.D. Cal., E.D. Cal., S.D.N.Y. and E.D.N.Y.) gets one info finding saying so: a district "
    "without encoded rules is never a silent pass.",
)
def needs_input(ctx: Context) -> Iterator[Problem]:
    if not facts.is_federal(ctx):
        return
    yield from _district(ctx)
    for source in MISSING:
        yield from source(ctx)
