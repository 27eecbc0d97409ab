"""Which motions a California rule applies to."""

from __future__ import annotations

from filelint import Case

#: The court system every rule of this pack applies to (Rule.systems).
CALIFORNIA = frozenset({"ca-superior"})

#: Motions that must be accompanied by a CCP 2016.040 meet-and-confer declaration.
MC_KINDS = frozenset({"compel-further-rfp", "compel-further-srog", "compel-further-frog",
                      "compel-further-rfa", "compel-deposition"})


def is_california(case: Case) -> bool:
    return case.system == "ca-superior"


def needs_meet_and_confer(case: Case) -> bool:
    """Further-response and deposition motions do; initial-response motions never do
    (Sinaiko Healthcare Consulting v. Pacific Healthcare Consultants (2007) 148 Cal.App.4th 390)."""
    return is_california(case) and case.motion.kind in MC_KINDS
