"""Meet-and-confer effort (CAL004): a judgment rule, so it warns and never errs.

Obregon v. Superior Court (1998) 67 Cal.App.4th 424, 431-434 judges adequacy case by case; the
manifest can show three patterns courts have called inadequate: no attempt at all, one letter and
nothing more, and a motion filed before the answer date the movant's own letter set (ruling 012).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from filelint.california.meet_confer import CCP_2016_040, CLEMENT
from filelint.california.scope import needs_meet_and_confer
from filelint.context import Context
from filelint.model import Case, Communication
from filelint.rules import Authority, Problem, rule

OBREGON = Authority("Obregon v. Superior Court (1998) 67 Cal.App.4th 424, 431-434")
WRITTEN = frozenset({"letter", "email", "text", "voicemail"})


@rule("CAL004", "mc-effort", "warning",
      summary="The meet and confer looks too thin to be a reasonable, good-faith attempt: no "
              "attempt, one letter and nothing more, only paper with no live conversation, or a "
              "motion filed before the answer date the movant's own letter set.",
      why="CCP 2016.040 asks for a reasonable and good-faith attempt at informal resolution; "
          "Obregon holds that one letter followed by a motion can fall short, and Clement calls for "
          "a 'serious attempt'. In ruling 012 (SF Dept 301, CGC24615167, 2025) the movant's letter "
          "demanded amended responses by July 1, 2025 and the motion was filed on June 25: the "
          "court continued it, ordered a live meet and confer and set an OSC re sanctions.",
      authority=[OBREGON, CLEMENT, CCP_2016_040],
      fix="Follow up the letter (a second letter, then a phone or video call), wait for the date "
          "your own letter gave, and record each step under meet_and_confer.",
      fail_example="motion: {kind: compel-further-rfp, filed: 2025-06-25}\nmeet_and_confer:\n"
                   "  - {id: m3, date: 2025-06-19, from: moving, channel: letter, raises: all,\n"
                   "     asks: [amend-responses], respond_by: 2025-07-01}",
      pass_example="motion: {kind: compel-further-rfp, filed: 2025-07-08}\nmeet_and_confer:\n"
                   "  - {id: m3, date: 2025-06-19, from: moving, channel: letter, raises: all,\n"
                   "     respond_by: 2025-07-01}\n"
                   "  - {id: m4, date: 2025-07-02, from: moving, channel: phone, raises: all}",
      reads=("motion.kind", "motion.filed", "meet_and_confer[].from", "meet_and_confer[].channel",
             "meet_and_confer[].date", "meet_and_confer[].respond_by",
             "meet_and_confer[].answers", "meet_and_confer[].substantive"),
      notes="A warning, because adequacy is a judgment the manifest cannot settle (Obregon: "
            "case by case). Paper-only conferral is reported because many LASC and Orange County "
            "departments order live conferring before they hear a motion [S: trial-court "
            "tentatives]; courts have also accepted exchanges of letters (rulings 025, 032, 051), "
            "so treat that finding as a prompt to say why a call was not needed. Never applies to "
            "a motion to compel initial responses (Sinaiko (2007) 148 Cal.App.4th 390). Messages "
            "marked `substantive: false` do not count as effort. When the filing date is missing, "
            "the respond_by comparison is reported by CAL490 instead.")
def mc_effort(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not needs_meet_and_confer(case):
        return
    before = case.before_filing()
    moving = [c for c in before if c.side == "moving" and c.substantive]
    live = [c for c in before if c.live]
    if not moving and not live:
        yield Problem("the manifest records no meet-and-confer communication by the moving side "
                      "before filing; a motion that needs a 2016.040 declaration needs a "
                      "good-faith attempt first", at=_at(case), key="no-effort")
        return
    if not live and len(moving) == 1:
        only = moving[0]
        yield Problem(f"the moving side's only meet-and-confer effort was one {only.channel} "
                      f"({only.id}, {only.date}) with no follow-up or live conversation before "
                      f"filing{_filed(case)} (Obregon: one letter and then a motion can fall short)",
                      at=only.at, communication=only.id, key="one-letter")
    elif not live and all(c.channel in WRITTEN for c in moving):
        ids = ", ".join(c.id for c in moving)
        yield Problem(f"the moving side only wrote ({ids}); no phone, video or in-person "
                      f"conversation took place before filing{_filed(case)}; many departments "
                      "expect a live conference", at=_at(case), key="no-live")
    yield from _premature(case)


def _premature(case: Case) -> Iterator[Problem]:
    """The movant's own message asked for an answer by a date, and the motion came first."""
    filed = case.motion.filed
    if filed is None:
        return
    for c in case.communications:
        if c.side != "moving" or c.respond_by is None or not c.date <= filed < c.respond_by:
            continue
        if _answered(case, c, filed):
            continue
        yield Problem(f"the moving side's {c.channel} of {c.date} ({c.id}) asked for an answer by "
                      f"{c.respond_by}, but the motion was filed on {filed}, before that date and "
                      "with no answer in between (ruling 012: not waiting is not a good-faith effort)",
                      at=(*c.at, "respond_by"), communication=c.id, key=f"premature:{c.id}")


def _answered(case: Case, message: Communication, filed: dt.date) -> bool:
    return any(c.side != "moving" and c.answers == message.id and c.date <= filed
               for c in case.communications)


def _filed(case: Case) -> str:
    return f" (filed {case.motion.filed})" if case.motion.filed else ""


def _at(case: Case) -> tuple[str | int, ...]:
    return ("meet_and_confer",) if case.communications else ("motion", "kind")


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL004 needs and the manifest leaves out (reported by CAL490)."""
    if not needs_meet_and_confer(case) or case.motion.filed is not None:
        return
    for c in case.communications:
        if c.side == "moving" and c.respond_by is not None:
            yield Problem(f"motion.filed is missing, so CAL004 cannot tell whether the motion was "
                          f"filed before {c.respond_by}, the answer date {c.id} set",
                          at=("motion",), key=f"CAL004:filed:{c.id}")


RULES = (mc_effort,)
