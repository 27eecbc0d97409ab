"""Which motions a California rule applies to."""

from __future__ import annotations

from filelint import Case
from filelint.packs.california.deposition_facts import inquiry_route

#: The court system every rule of this pack applies to (Rule.systems).
CALIFORNIA = frozenset({"ca-superior"})

#: Motions that must be accompanied by a CCP 2016.040 meet-and-confer declaration: further
#: responses (CCP 2030.300(b)(1), 2031.310(b)(2), 2033.290(b)(1)), deposition motions (CCP
#: 2025.450(b)(2), 2025.480(b)) and protective orders (CCP 2025.420(a), 2030.090(a), 2031.060(a),
#: 2033.080(a)).
MC_KINDS = frozenset(
    {
        "compel-further-rfp",
        "compel-further-srog",
        "compel-further-frog",
        "compel-further-rfa",
        "compel-deposition",
        "protective-order",
    }
)


def is_california(case: Case) -> bool:
    return case.system == "ca-superior"


def attacks_content(case: Case) -> bool:
    """The manifest marks the motion as attacking the content of served responses."""
    return case.motion.extra.get("attacks_responses") is True


def needs_declaration(case: Case) -> bool:
    """Further-response, deposition and protective-order motions need a declaration; so does a
    motion titled as one to compel initial responses that attacks served responses. A true
    initial-response motion never does (Sinaiko Healthcare Consulting v. Pacific Healthcare
    Consultants (2007) 148 Cal.App.4th 390)."""
    if not is_california(case):
        return False
    return case.motion.kind in MC_KINDS or (case.motion.is_initial and attacks_content(case))


def needs_meet_and_confer(case: Case) -> bool:
    """The motion needs a meet and confer: a declaration is needed and it is not the inquiry
    declaration a total deposition non-appearance allows instead (CCP 2025.450(b)(2))."""
    return needs_declaration(case) and not inquiry_route(case)
