"""A motion to compel responses brought by a side that did not propound the set (CAL307).

The mirror of CAL303: there the movant seeks protection from its own discovery, here it seeks to
compel answers to discovery someone else served. Only the propounding (demanding, requesting)
party may move to compel responses or further responses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from filelint import FURTHER_KINDS, KIND_DEVICE, Authority, Case, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA, is_california

DEVICE_WORDS = {
    "rfp": "requests for production",
    "srog": "special interrogatories",
    "frog": "form interrogatories",
    "rfa": "requests for admission",
}


#: The statute that gives the motion to the propounding party: (further responses, initial responses).
STATUTE = {
    "rfp": ("CCP 2031.310(a)", "CCP 2031.300(b)"),
    "srog": ("CCP 2030.300(a)", "CCP 2030.290(b)"),
    "frog": ("CCP 2030.300(a)", "CCP 2030.290(b)"),
    "rfa": ("CCP 2033.290(a)", "CCP 2033.280(b)"),
}


def _devices(case: Case) -> list[str]:
    """The devices whose responses the motion seeks to compel, in the manifest's order."""
    motion = case.motion
    devices = [KIND_DEVICE[k] for k in (motion.kind, *motion.also_kinds) if k in FURTHER_KINDS]
    if motion.is_initial and motion.device in DEVICE_WORDS:
        devices.insert(0, motion.device)
    return list(dict.fromkeys(devices))


def _named_sets(case: Case, device: str) -> set[int]:
    """The set numbers the motion's requests name for ``device`` (empty: every set)."""
    return {r.set for r in case.motion.requests if r.device == device and r.set}


def _sets(case: Case, device: str) -> list[tuple[int, dict[str, Any]]]:
    named = _named_sets(case, device)
    return [
        (i, d)
        for i, d in enumerate(case.raw.get("discovery") or [])
        if isinstance(d, dict) and d.get("device") == device and (not named or d.get("set") in named)
    ]


def _label(device: str, entry: dict[str, Any]) -> str:
    words = DEVICE_WORDS.get(device, device.upper())
    return f"{words}, set {entry['set']}" if entry.get("set") else words


@rule(
    "CAL307",
    "compel-motion-not-propounding-party",
    "error",
    systems=CALIFORNIA,
    summary="A motion to compel responses or further responses concerns a set of discovery that, by the "
    "manifest, the moving side did not propound.",
    why="The statutes give the motion to the party who served the discovery: 'the propounding party may "
    "move for an order compelling a further response' (CCP 2030.300(a)), 'the demanding party may "
    "move' (CCP 2031.310(a)), 'the party requesting admissions may move' (CCP 2033.290(a)); for "
    "no response at all, 'the party making the demand' (CCP 2031.300(b)) and 'the requesting party' "
    "(CCP 2033.280(b)). A co-party that joins or brings a motion about another party's discovery "
    "has no statutory right to compel it. In S.F. Super. Ct. No. CGC19581651 (Dept. 301, Jan. 31, "
    "2025) the propounding defendant's motions were granted and a co-defendant's joinders in them "
    "were denied (for want of a meet-and-confer declaration; the ruling does not reach standing).",
    authority=[
        Authority("CCP §§ 2030.300(a), 2031.310(a), 2033.290(a)"),
        Authority("CCP §§ 2031.300(b), 2033.280(b)"),
        Authority("CCP § 2030.290(b)", "S", "text seen in secondary sources"),
    ],
    fix="Check discovery[].propounded_by. If another party served the set, that party must bring the "
    "motion; serve your own discovery if you need the answers.",
    fail_example="motion: {kind: compel-further-rfp}\ndiscovery:\n"
    "  - {device: rfp, set: 1, served: 2024-09-16, propounded_by: other}",
    pass_example="motion: {kind: compel-further-rfp}\ndiscovery:\n"
    "  - {device: rfp, set: 1, served: 2024-09-16, propounded_by: moving}",
    reads=(
        "motion.kind",
        "motion.also_kinds",
        "motion.device",
        "motion.requests_at_issue",
        "discovery[].device",
        "discovery[].set",
        "discovery[].propounded_by",
        "parties[].side",
    ),
    notes="Reported per device when every set of it that the motion concerns (the sets its "
    "requests_at_issue name, or every set of the device) and whose propounding side is stated "
    "was served by the responding side or another party; one set served by the moving side is "
    "enough to pass. Deposition motions (the party giving notice, CCP 2025.450) and motions to "
    "compel compliance are not checked. Where no set of the device states propounded_by, the rule "
    "does not run; CAL490 asks for the fact only where the parties list shows co-parties (a "
    "party of neither side, or more than one moving party), because in a two-party case the "
    "movant is the propounding party.",
)
def compel_not_propounding(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case):
        return
    for device in _devices(case):
        stated = [(i, d) for i, d in _sets(case, device) if d.get("propounded_by")]
        if not stated or any(d["propounded_by"] == "moving" for _, d in stated):
            continue
        i, first = stated[0]
        by = "the responding side" if first["propounded_by"] == "responding" else "another party"
        further = device != case.motion.device or not case.motion.is_initial
        statute = STATUTE[device][0 if further else 1]
        yield Problem(
            f"the motion seeks to compel {'further ' if further else ''}responses to {_label(device, first)}, "
            f"but the manifest says {by} propounded it (discovery[{i}].propounded_by: "
            f"{first['propounded_by']}); only the propounding party may move to compel them ({statute})",
            at=("discovery", i, "propounded_by"),
            key=device,
        )


def _co_parties(case: Case) -> bool:
    parties = [p for p in case.raw.get("parties") or [] if isinstance(p, dict)]
    sides = [p.get("side") for p in parties]
    return "other" in sides or sides.count("moving") > 1


def missing_facts(case: Case) -> Iterator[Problem]:
    """CAL307 needs discovery[].propounded_by where co-parties make it a question (CAL490)."""
    if not is_california(case) or not _co_parties(case):
        return
    for device in _devices(case):
        sets = _sets(case, device)
        if sets and not any(d.get("propounded_by") for _, d in sets):
            i, first = sets[0]
            yield Problem(
                f"the parties list shows co-parties, but discovery[{i}] ({_label(device, first)}) does "
                "not say who propounded it, so CAL307 cannot check that the moving side may compel "
                "responses to it; add propounded_by",
                at=("discovery", i),
                key=f"CAL307:{device}",
            )


RULES = (compel_not_propounding,)
