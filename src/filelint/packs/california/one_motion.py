"""One motion asking for orders on several discovery devices (CAL308): a judgment call, so a warning."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import KIND_DEVICE, Authority, Case, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA, is_california

#: Each device, and the statutes its motions rest on (further responses, initial responses).
DEVICES = {
    "srog": ("special interrogatories", "CCP 2030.300, 2030.290"),
    "frog": ("form interrogatories", "CCP 2030.300, 2030.290"),
    "rfp": ("document demands", "CCP 2031.310, 2031.300, 2031.320"),
    "rfa": ("requests for admission", "CCP 2033.290, 2033.280"),
    "deposition": ("a deposition", "CCP 2025.450, 2025.480"),
}
JUSTIS = Authority("Justis v. Hodges (L.A. Super. Ct. No. EC067546, Dept. A, June 8, 2018)", "S")
SABAIERAD = Authority(
    "Sabaierad v. County of Los Angeles (L.A. Super. Ct. No. 23STCV00997, Dept. 28, Sept. 9, 2024)", "S"
)


def devices(case: Case) -> tuple[str, ...]:
    """The discovery devices one motion asks orders on: its kind, its stacked kinds, its device."""
    found = [KIND_DEVICE[k] for k in (case.motion.kind, *case.motion.also_kinds) if k in KIND_DEVICE]
    if case.motion.is_initial and case.motion.device:
        found.insert(0, case.motion.device)
    return tuple(d for d in dict.fromkeys(found) if d in DEVICES)


@rule(
    "CAL308",
    "one-motion-several-devices",
    "warning",
    systems=CALIFORNIA,
    summary="One motion asks for orders on more than one discovery device (e.g. interrogatories, "
    "document demands and requests for admission together).",
    why="Each device has its own motion and statute. Some courts deny a combined "
    "motion: 'There is no legal authority allowing the requested relief to be sought in a single "
    "motion' and, without separate motions and fees, 'this is grounds to deny the entire "
    "motion' (Justis v. Hodges, L.A. Super. Ct. No. EC067546, Dept. A, June 8, 2018); others "
    "hear it but say the party 'should have filed three separate motions, one for each type of "
    "discovery' (Sabaierad v. County of Los Angeles, L.A. Super. Ct. No. 23STCV00997, Dept. 28, "
    "Sept. 9, 2024). Whether a combined motion is heard is the court's call.",
    authority=[JUSTIS, SABAIERAD],
    fix="File one motion (and pay one fee) for each device, each with its own notice, separate "
    "statement and declaration; or confirm that the department hears combined motions.",
    fail_example="motion:\n  kind: compel-further-rfp\n  also_kinds: [compel-further-srog, compel-further-frog]",
    pass_example="motion:\n  kind: compel-further-rfp",
    reads=("motion.kind", "motion.also_kinds", "motion.device"),
    notes="Counted by device, as Sabaierad counts them (special and form interrogatories are two); "
    "a warning because courts differ and the trial-court rulings are [S]. Each device's own "
    "requirements (45 days, separate statement, meet and confer) are checked by the other "
    "rules for every stacked kind.",
)
def several_devices(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    found = devices(case)
    if not is_california(case) or len(found) < 2:
        return
    listed = "; ".join(f"{DEVICES[d][0]} ({DEVICES[d][1]})" for d in found)
    yield Problem(
        f"one motion asks for orders on {len(found)} discovery devices: {listed}; some courts "
        "require a separate motion (and fee) for each device and deny a combined one, others "
        "hear it but call for separate motions",
        at=("motion", "also_kinds") if case.motion.also_kinds else ("motion", "kind"),
        key="several-devices",
    )


RULES = (several_devices,)
