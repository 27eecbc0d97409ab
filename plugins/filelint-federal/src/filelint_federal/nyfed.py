"""S.D.N.Y. / E.D.N.Y. Local Civ. R. 37.2: a letter asking for an informal conference before a discovery motion.

The pre-2024 joint text is confirmed (quoted in Moore v. Shahine, S.D.N.Y. 2019); the joint local rules were
revised effective July 1, 2024, and the current text is unconfirmed. So FED401 (error) covers motions filed
before that day and FED402 (warning) those filed on or after it, or on an unknown date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from filelint import Authority, Context, Problem, rule

from filelint_federal import facts
from filelint_federal.facts import FEDERAL

REVISED = dt.date(2024, 7, 1)
LR_37_2_OLD = Authority(
    "S.D.N.Y./E.D.N.Y. Local Civ. R. 37.2 (text before July 1, 2024)",
    "C",
    "quoted in Moore v. Shahine, No. 18-CV-463 (S.D.N.Y. Dec. 4, 2019)",
)
MOORE = Authority("Moore v. Shahine, No. 18-CV-463 (S.D.N.Y. Dec. 4, 2019)")
LR_37_2_NEW = Authority(
    "S.D.N.Y./E.D.N.Y. Local Civ. R. 37.2 (as revised effective July 1, 2024)", "U", "current text unconfirmed"
)
LETTER = "pre_motion_letter"
RESOLVED = {"denied": "the request was denied", "conference-held": "the conference did not resolve the dispute"}
DOC: dict[str, Any] = {
    "fix": "Before moving, ask the court by letter for an informal conference, and record it as federal: "
    "{pre_motion_letter: {date: ..., outcome: denied | conference-held}}; also follow the judge's individual "
    "practices (page limits, conferral first).",
    "fail_example": "court: {system: federal, federal_district: S.D.N.Y.}\nmotion: {kind: compel-further-rfp, "
    "filed: 2023-05-10}",
    "pass_example": "court: {system: federal, federal_district: S.D.N.Y.}\nmotion: {kind: compel-further-rfp, "
    "filed: 2023-05-10}\nfederal:\n  pre_motion_letter: {date: 2023-04-20, outcome: conference-held}",
    "reads": ("court.federal_district", "motion.kind", "motion.filed", "federal.pre_motion_letter"),
}


def _applies(ctx: Context) -> bool:
    return facts.is_federal(ctx) and facts.district(ctx) in ("sdny", "edny") and facts.is_discovery_motion(ctx)


def _old_text(ctx: Context) -> bool:
    filed = ctx.case.motion.filed
    return filed is not None and filed < REVISED


def _problems(ctx: Context) -> Iterator[Problem]:
    letter: dict[str, Any] = facts.sub(ctx, LETTER) or {}
    court = facts.DISTRICTS.get(facts.district(ctx) or "", "the court")
    filed = ctx.case.motion.filed
    sent = facts.date_of(letter.get("date"))
    if not letter or sent is None:
        yield Problem(
            f"{facts.motion_label(ctx)} in {court}: the manifest records no letter to the court requesting "
            "an informal conference before the motion (Local Civ. R. 37.2)",
            at=(facts.SECTION, LETTER) if letter else ("motion", "kind"),
            key="letter",
        )
    elif filed is not None and sent > filed:
        yield Problem(
            f"the pre-motion conference letter of {sent} came after the motion was filed ({filed})",
            at=(facts.SECTION, LETTER, "date"),
            key="letter-late",
        )
    elif letter.get("outcome") not in RESOLVED:
        yield Problem(
            f"the pre-motion conference letter of {sent} is recorded with outcome "
            f"{letter.get('outcome') or 'unstated'}; Local Civ. R. 37.2 lets the motion be heard only after "
            "the request was denied or the conference did not resolve the dispute",
            at=(facts.SECTION, LETTER),
            key="outcome",
        )


@rule(
    "FED401",
    "sdny-edny-no-pre-motion-letter",
    "error",
    systems=FEDERAL,
    summary="S.D.N.Y./E.D.N.Y.: a discovery motion filed before July 1, 2024 without first asking the court, by "
    "letter, for an informal conference (or before that request was denied or the conference held).",
    why="Local Civ. R. 37.2 (text before July 1, 2024): no motion under FRCP 26-37 is heard unless counsel first "
    "requested an informal conference with the court by letter and the request was denied or the "
    "conference did not resolve the dispute.",
    authority=[LR_37_2_OLD, MOORE],
    notes="Motions filed on or after July 1, 2024 are FED402 (warning), because "
    "the revised text is unconfirmed. Judges' individual practices are not encoded.",
    **DOC,
)
def pre_motion_letter_old(ctx: Context) -> Iterator[Problem]:
    if _applies(ctx) and _old_text(ctx):
        yield from _problems(ctx)


@rule(
    "FED402",
    "sdny-edny-pre-motion-letter-current",
    "warning",
    systems=FEDERAL,
    summary="S.D.N.Y./E.D.N.Y.: a discovery motion filed on or after July 1, 2024 (or on an unknown date) without "
    "a recorded letter requesting an informal conference; a warning, since the revised rule's text is "
    "unconfirmed.",
    why="Local Civ. R. 37.2 required a pre-motion conference letter before the joint local rules were revised "
    "effective July 1, 2024. The revised text has not been confirmed, so this is a warning: check the "
    "current rule and the judge's individual practices.",
    authority=[LR_37_2_NEW, LR_37_2_OLD],
    notes="Turns into FED401 (error) for motions filed before July 1, "
    "2024. Upgrade its severity in your config once you have confirmed the current text.",
    **DOC,
)
def pre_motion_letter_current(ctx: Context) -> Iterator[Problem]:
    if _applies(ctx) and not _old_text(ctx):
        yield from _problems(ctx)


def missing(ctx: Context) -> Iterator[Problem]:
    """Facts FED401/FED402 need and the manifest leaves out (reported by FED001)."""
    if _applies(ctx) and ctx.case.motion.filed is None:
        yield Problem(
            "FED401/FED402 (Local Civ. R. 37.2) cannot tell which text applies: motion.filed is missing "
            "(the rule was revised effective July 1, 2024)",
            at=("motion",),
            key="FED401:filed",
        )
