"""What a notice must say when it asks for sanctions (CAL402, CCP 2023.040)."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Case, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA, is_california

CCP_2023_040 = Authority("CCP § 2023.040")
CORRALEJO = Authority("Corralejo v. Quiroga (1984) 152 Cal.App.3d 871, 874", "S")
SOLE_ENERGY = Authority("Sole Energy Co. v. Hodges (2005) 128 Cal.App.4th 199, 207-210", "S")


@rule(
    "CAL402",
    "sanctions-notice",
    "error",
    systems=CALIFORNIA,
    summary="The motion asks for sanctions but the notice does not name each person, party and "
    "attorney against whom they are sought, or the type of sanction.",
    why="CCP 2023.040: a request for a sanction 'shall, in the notice of motion, identify every "
    "person, party, and attorney against whom the sanction is sought, and specify the type "
    "of sanction sought'. A sanction against someone the notice did not name is open to "
    "reversal (Corralejo; Sole Energy).",
    authority=[CCP_2023_040, CORRALEJO, SOLE_ENERGY],
    fix="Name every target in the notice (the party and each attorney or firm) and the type "
    "(monetary, issue, evidence, terminating), and record them in motion.sanctions_against "
    "and motion.sanctions_types.",
    fail_example="motion:\n  kind: compel-further-srog\n  sanctions_requested: true\n"
    "  sanctions_against: []\n  sanctions_types: []",
    pass_example="motion:\n  kind: compel-further-srog\n  sanctions_requested: true\n"
    "  sanctions_against: [Raymond DiGiacomo]\n  sanctions_types: [monetary]",
    reads=("motion.sanctions_requested", "motion.sanctions_against", "motion.sanctions_types"),
    notes="Checks the manifest's record of the notice; reading the notice's own text is left to a "
    "later PDF rule. When sanctions_against or sanctions_types is left out altogether the "
    "fact is missing, and CAL490 (info) says so; an empty list is the error. The second "
    "sentence of 2023.040 (memorandum and a declaration of the "
    "amount) is [S]: CAL405 checks it as a warning. Corralejo and Sole Energy are [S].",
)
def sanctions_notice(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    raw = case.motion.extra
    if not is_california(case) or raw.get("sanctions_requested") is not True:
        return
    # An absent field is a missing fact (CAL490); an empty list says the notice names no one.
    if raw.get("sanctions_against") == []:
        yield Problem(
            "sanctions are requested, but the notice names no person, party or attorney "
            "against whom they are sought (motion.sanctions_against; CCP 2023.040)",
            at=("motion", "sanctions_requested"),
            key="against",
        )
    if raw.get("sanctions_types") == []:
        yield Problem(
            "sanctions are requested, but the notice does not specify the type of "
            "sanction (motion.sanctions_types: monetary, issue, evidence, terminating; "
            "CCP 2023.040)",
            at=("motion", "sanctions_requested"),
            key="types",
        )


@rule(
    "CAL405",
    "sanctions-amount-unsupported",
    "warning",
    systems=CALIFORNIA,
    summary="A monetary sanction is requested, and the manifest says no declaration sets out the "
    "facts supporting the amount.",
    why="CCP 2023.040 is read to require a request for sanctions to be supported by a memorandum and "
    "a declaration setting out facts supporting the amount of any monetary sanction (hours, "
    "rate, costs); without one the court has no evidence of the amount.",
    authority=[
        Authority("CCP § 2023.040", "S", "second sentence (memorandum and declaration) seen only in secondary sources")
    ],
    fix="Add to the declaration the hours spent, the rate and the costs, and set motion.sanctions_declaration: true.",
    fail_example="motion:\n  sanctions_requested: true\n  sanctions_types: [monetary]\n  sanctions_declaration: false",
    pass_example="motion:\n  sanctions_requested: true\n  sanctions_types: [monetary]\n  sanctions_declaration: true",
    reads=("motion.sanctions_requested", "motion.sanctions_types", "motion.sanctions_declaration"),
    notes="[S]: a warning. Reported when motion.sanctions_declaration is false; when it is left out, "
    "filelint does not ask (most motions set the amount out in the meet-and-confer "
    "declaration). The memorandum itself is CAL503's check.",
)
def sanctions_amount(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    raw = case.motion.extra
    if not is_california(case) or raw.get("sanctions_requested") is not True:
        return
    types = raw.get("sanctions_types")
    if raw.get("sanctions_declaration") is False and (not types or "monetary" in types):
        yield Problem(
            "monetary sanctions are requested, but no declaration sets out the facts supporting "
            "the amount (hours, rate, costs; CCP 2023.040)",
            at=("motion", "sanctions_requested"),
            key="amount",
        )


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL402 needs and the manifest leaves out (reported by CAL490)."""
    raw = case.motion.extra
    if not is_california(case) or raw.get("sanctions_requested") is not True:
        return
    for key, what in (("sanctions_against", "whom the notice names"), ("sanctions_types", "the type")):
        if key not in raw:
            yield Problem(
                f"sanctions are requested but motion.{key} is missing, so CAL402 cannot check "
                f"{what} for sanctions (CCP 2023.040)",
                at=("motion", "sanctions_requested"),
                key=f"CAL402:{key}",
            )


RULES = (sanctions_notice, sanctions_amount)
