"""A protective order sought against the movant's own discovery (CAL303)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from filelint import Authority, Case, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA, is_california

STATUTES = "CCP §§ 2025.420(a), 2030.090(a), 2031.060(a), 2033.080(a)"


def _sets(case: Case) -> list[tuple[int, dict[str, Any]]]:
    """The discovery sets of the motion's device (every set when the device is unknown)."""
    device = case.motion.device
    return [
        (i, d)
        for i, d in enumerate(case.raw.get("discovery") or [])
        if isinstance(d, dict) and (device is None or d.get("device") == device)
    ]


@rule(
    "CAL303",
    "protective-order-own-discovery",
    "warning",
    systems=CALIFORNIA,
    summary="A motion for a protective order seeks protection from discovery that, by the manifest, "
    "the moving side itself propounded.",
    why="A protective order protects the party or person from whom discovery is sought: the "
    "statutes give the motion to the responding party, a deponent, or another affected party "
    "or person. A propounding party that wants its own discovery answered moves to compel; "
    "one that wants it limited can withdraw or amend it. In LASC Dept C, 23NWCV00934 (Apr. 18, "
    "2024) a plaintiff's protective-order motion about subpoenas it had issued itself was "
    "denied: 'It is unclear why Plaintiff would move for a protective order on behalf of the "
    "answering parties'.",
    authority=[Authority(STATUTES, "S", "text as quoted in trial-court rulings")],
    fix="Check discovery[].propounded_by. If the moving side served the discovery, bring the "
    "motion the situation calls for (to compel, or to amend the discovery) instead.",
    fail_example="motion: {kind: protective-order, device: rfp}\ndiscovery:\n"
    "  - {device: rfp, set: 1, served: 2024-02-20, propounded_by: moving}",
    pass_example="motion: {kind: protective-order, device: rfp}\ndiscovery:\n"
    "  - {device: rfp, set: 1, served: 2024-02-20, propounded_by: responding}",
    reads=("motion.kind", "motion.device", "discovery[].propounded_by", "discovery[].device"),
    notes="A warning: 'any other party' may also move under the statutes, so a propounding party "
    "is not barred outright; the manifest may also have the side wrong. Reported only when "
    "every set of the motion's device whose propounding side is stated was served by the "
    "moving side.",
)
def protective_order_own_discovery(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case) or case.motion.kind != "protective-order":
        return
    stated = [(i, d) for i, d in _sets(case) if d.get("propounded_by")]
    if not stated or any(d["propounded_by"] != "moving" for _, d in stated):
        return
    i, first = stated[0]
    yield Problem(
        f"the motion seeks a protective order, but the manifest says the moving side "
        f"propounded the {str(first.get('device', 'discovery')).upper()} discovery it concerns "
        f"(discovery[{i}].propounded_by: moving); a protective order protects the side "
        "from whom discovery is sought",
        at=("discovery", i, "propounded_by"),
        key="own-discovery",
    )


RULES = (protective_order_own_discovery,)
