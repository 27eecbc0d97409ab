"""Meet-and-confer effort (CAL004): a judgment rule, so it warns and never errs.

Obregon v. Superior Court (1998) 67 Cal.App.4th 424, 431-434 judges adequacy case by case; the
manifest can show the patterns courts have called inadequate: no attempt at all, no live
conference where the court requires one, a last message sent too close to filing for an answer,
one letter and nothing more, and a motion filed before the answer date the movant's own letter
set (The Gap, Inc. v. SVES GO, LLC, S.F. Super. Ct. No. CGC24615167, Dept. 301, Aug. 26, 2025).
At most one of the first four is reported (one finding per problem).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from filelint import Authority, Case, Communication, Context, Problem, rule
from filelint.packs.california.effort_patterns import patterns
from filelint.packs.california.live_conference import AT as LIVE_AT
from filelint.packs.california.live_conference import LiveRequirement, live_requirement
from filelint.packs.california.meet_confer import CCP_2016_040, CLEMENT, brief_list
from filelint.packs.california.scope import CALIFORNIA, needs_meet_and_confer

OBREGON = Authority("Obregon v. Superior Court (1998) 67 Cal.App.4th 424, 431-434")
#: filelint's threshold, not a rule of court: a message sent fewer than this many calendar days
#: before filing leaves the other side no realistic time to answer it (see the rule's notes).
ANSWER_DAYS = 7


@rule(
    "CAL004",
    "mc-effort",
    "warning",
    systems=CALIFORNIA,
    summary="The meet and confer looks too thin to be a reasonable, good-faith attempt: no "
    "attempt, no live conference where the court requires one, a last message sent too "
    "close to filing for an answer, one letter and nothing more, or a motion filed "
    "before the answer date the movant's own letter set.",
    why="CCP 2016.040 asks for a reasonable and good-faith attempt at informal resolution; "
    "Obregon holds that one letter followed by a motion can fall short, and Clement calls for "
    "a 'serious attempt'. In The Gap, Inc. v. SVES GO, LLC (S.F. Super. Ct. No. CGC24615167, Dept. 301, "
    "Aug. 26, 2025) the movant's letter "
    "demanded amended responses by July 1, 2025 and the motion was filed on June 25: the "
    "court continued it, ordered a live meet and confer and set an OSC re sanctions.",
    authority=[OBREGON, CLEMENT, CCP_2016_040],
    fix="Follow up the letter (a second letter, then a phone or video call), give the other side "
    "time to answer (at least the date your own letter gave), hold a live conference where "
    "the court requires one, and record each step under meet_and_confer.",
    fail_example="motion: {kind: compel-further-rfp, filed: 2025-07-01}\nmeet_and_confer:\n"
    "  - {id: m1, date: 2025-06-27, from: moving, channel: email, raises: all}",
    pass_example="motion: {kind: compel-further-rfp, filed: 2025-07-08}\nmeet_and_confer:\n"
    "  - {id: m3, date: 2025-06-19, from: moving, channel: letter, raises: all,\n"
    "     respond_by: 2025-07-01}\n"
    "  - {id: m4, date: 2025-07-02, from: moving, channel: phone, raises: all}",
    reads=(
        "motion.kind",
        "motion.filed",
        "court.live_conference",
        "meet_and_confer[].from",
        "meet_and_confer[].channel",
        "meet_and_confer[].date",
        "meet_and_confer[].respond_by",
        "meet_and_confer[].answers",
        "meet_and_confer[].offers",
        "meet_and_confer[].asks",
        "meet_and_confer[].substantive",
    ),
    notes="A warning, because adequacy is a judgment the manifest cannot settle (Obregon: case by "
    "case). Never applies to a motion to compel initial responses (Sinaiko (2007) 148 "
    "Cal.App.4th 390). Messages marked `substantive: false` do not count as effort, calls and "
    "meetings included: a call that only announces the motion is no attempt at informal "
    "resolution (Flores v. A & A Hearing Aids, Inc., L.A. Super. Ct. No. 21STCV41682, Dept. 27, "
    "Aug. 30, 2022). "
    "Patterns, at most one of the first four per motion: (1) no attempt. (2) No live "
    "conference where one is required: only where the manifest says so "
    "(court.live_conference.required: true, for a department rule, standing order or court "
    "order). No statute requires California counsel to confer by phone or in person (CCP "
    "2023.010(i) speaks of conferring 'in person, by telephone, or by letter'), and courts "
    "have accepted exchanges of letters (Brosnan v. Lam, Rogian v. Unagi Inc. and Siotto v. "
    "Rock and Rose Landscaping, S.F. Super. Ct. Nos. CGC24616878, CGC23610299, CGC13533765), so paper-only "
    "conferral is not reported otherwise. filelint keeps no table of departments: secondary "
    "sources say many LASC and Orange County departments order live conferring [S] but names none, "
    "and no ruling we have read states a department rule; mark each case. With "
    "court.live_conference.ordered_on (a court order, e.g. on continuing the motion, as in "
    "The Gap, Inc. v. SVES GO, LLC) the conference must fall on or after the order and by "
    "court.live_conference.by; the findings about the effort before filing still stand (in "
    "012 the court kept the OSC re sanctions). (3) Too close to filing: the moving side's "
    "last message was sent fewer than 7 calendar days (ANSWER_DAYS) before filing, no answer "
    "came before filing, and either every moving-side message fell in those days with no "
    "answer to any, or the last message itself proposed or asked for something. The 7 days "
    "are filelint's choice, not a rule of court (none sets how long to wait): deliberately "
    "short, below the 12 days the movant in The Gap, Inc. v. SVES GO, LLC gave itself and the 13 days GM took "
    "to answer the seed case's letter, so that it catches only messages that could not "
    "have been answered. In Amy F. v. California Physicians' Service (S.F. Super. Ct. "
    "No. CGC23606916, Dept. 302, July 23, 2025) filelint's test assumes a single email "
    "four days before filing; the ruling finds no meaningful meet and confer but does not describe the "
    "record. (4) One letter and nothing more (Obregon). It stays on whether or not the "
    "other side answered: the facts in Obregon are one letter, a reply that repeated the "
    "objections and a motion with no further contact, which is what filelint's tests "
    "assume for Martell, Mai, Gould and L.A. No. 21STCV28882 (those rulings turned on other "
    "grounds and say nothing of the effort). Where the other side answered with an offer "
    "(Viveros, Richard R., Palominos Cervantes) CAL003 reports the unanswered offer and "
    "CAL004 the thin effort, as the seed "
    "ruling does ('a single meet and confer letter'). (5) Filed before the movant's own "
    "answer date (The Gap, Inc. v. SVES GO, LLC), reported on its own. When the filing date "
    "is missing, patterns 3 and 5 are reported as missing facts by CAL490 instead. Further "
    "patterns, each reported on its own (effort_patterns.py): (6) the moving side's first "
    "message came fewer than 7 days before the 45-day deadline; (7) the moving side declined "
    "an offered protective order or extension (meet_and_confer[].declines); (8) the motion "
    "was filed while the other side's promise to supplement or produce by a date "
    "(promised_by) was still running; (9) every request at issue (10 or more) raised in one "
    "omnibus letter and none taken up again before filing; (10) an offer from the other side "
    "within 7 days of the 45-day deadline, with no promised_by date and no written extension "
    "since: filing to preserve the motion is allowed [S: trial-court rulings], so CAL003 does "
    "not err on it, and this warns instead. The 7 and 10 are filelint's thresholds, not "
    "rules of court.",
)
def mc_effort(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not needs_meet_and_confer(case):
        return
    required = live_requirement(case)
    thin = _thin_effort(case, required)
    if thin is not None:
        yield thin
    if required is not None and _after_filing(case, required):
        ordered = _no_live(case, required, ())
        if ordered is not None:
            yield ordered
    yield from _premature(case)
    yield from patterns(ctx)


def _thin_effort(case: Case, required: LiveRequirement | None) -> Problem | None:
    """The first of: no effort, no required live conference, too close to filing, one letter."""
    before = case.before_filing()
    moving = sorted((c for c in before if c.side == "moving" and c.substantive), key=lambda c: c.date)
    if not moving and not any(_engaged_live(c) for c in before):
        idle = [c.id for c in before if c.side == "moving" and not c.substantive]
        what = (
            f"the moving side's only communications before filing ({brief_list(idle)}) do not engage the "
            "dispute (substantive: false)"
            if idle
            else "the manifest records no meet-and-confer communication by the moving side before filing"
        )
        return Problem(
            f"{what}; a motion that needs a 2016.040 declaration needs a good-faith attempt first",
            at=_at(case),
            key="no-effort",
        )
    if required is not None and not _after_filing(case, required):
        missing = _no_live(case, required, moving)
        if missing is not None:
            return missing
    return _too_close(case, moving, before) or _one_letter(case, moving, before)


def _engaged_live(c: Communication) -> bool:
    """A call or meeting counts as an exchange only if it engaged the dispute: a call that only
    announces the motion (`substantive: false`) is no attempt at informal resolution (Clement)."""
    return c.live and c.substantive


def _after_filing(case: Case, required: LiveRequirement) -> bool:
    filed = case.motion.filed
    return required.ordered_on is not None and filed is not None and required.ordered_on > filed


def _no_live(case: Case, required: LiveRequirement, moving: Sequence[Communication]) -> Problem | None:
    if any(required.counts(c) for c in case.communications):
        return None
    basis = f" ({required.basis or 'court.live_conference.required'})"
    if required.ordered_on is not None:
        what = f"the court's order of {required.ordered_on}{basis} requires"
        by = f" by {required.end}" if required.end else ""
        window = (
            f" between {required.ordered_on} and {required.end}" if required.end else f" since {required.ordered_on}"
        )
    else:
        what, by, window = f"the court requires{basis}", "", f" before filing{_filed(case)}"
    wrote = f"; the moving side only wrote ({brief_list([c.id for c in moving])})" if moving else ""
    return Problem(
        f"{what} a phone, video or in-person meet and confer{by}, but none is recorded{window}{wrote}",
        at=LIVE_AT,
        key="no-live",
        fix="Hold the conference by phone, video or in person and record it under "
        "meet_and_confer (channel: phone, video or in-person).",
    )


def _too_close(case: Case, moving: Sequence[Communication], before: Sequence[Communication]) -> Problem | None:
    """The last message could not be answered before filing (The Gap's respond_by variant aside).

    A live conversation is an exchange in itself, so any before filing rules this pattern out.
    """
    filed = case.motion.filed
    if filed is None or not moving or any(_engaged_live(c) for c in before):
        return None
    first, last = moving[0], moving[-1]
    days = (filed - last.date).days
    if days >= ANSWER_DAYS or _waits_for(last, filed):
        return None
    replies = _replies(case, moving, filed)
    if any(r.date >= last.date for r in replies):
        return None
    all_late = (filed - first.date).days < ANSWER_DAYS and not any(r.date >= first.date for r in replies)
    if not all_late and not (last.offers or last.asks):
        return None
    only = "only" if len(moving) == 1 else "last"
    return Problem(
        f"the moving side's {only} meet-and-confer message, {_a(last.channel)} of {last.date} "
        f"({last.id}), was sent {_when(days)}{_filed(case)}, too soon for an "
        f"answer, and none came (filelint expects at least {ANSWER_DAYS} days; Obregon: a "
        "letter sent shortly before the motion can fall short)",
        at=last.at,
        communication=last.id,
        key="too-close",
        fix=f"Give the other side at least {ANSWER_DAYS} days to answer, follow up, and "
        "record the answer or the silence under meet_and_confer.",
    )


def _one_letter(case: Case, moving: Sequence[Communication], before: Sequence[Communication]) -> Problem | None:
    if len(moving) != 1 or any(_engaged_live(c) for c in before):
        return None
    only = moving[0]
    reply = next((c for c in before if c.side == "responding" and c.answers == only.id), None)
    answered = (
        f"; the other side answered on {reply.date} ({reply.id}) and nothing of substance followed" if reply else ""
    )
    return Problem(
        f"the moving side's only meet-and-confer effort was one {only.channel} "
        f"({only.id}, {only.date}) with no follow-up or live conversation before "
        f"filing{_filed(case)}{answered} (Obregon: one letter and then a motion can fall "
        "short)",
        at=only.at,
        communication=only.id,
        key="one-letter",
    )


def _replies(case: Case, moving: Sequence[Communication], filed: dt.date) -> list[Communication]:
    """Messages from the other side up to filing, leaving out those the movant itself answered."""
    answered = {c.answers for c in moving}
    return [c for c in case.communications if c.side == "responding" and c.date <= filed and c.id not in answered]


def _waits_for(message: Communication, filed: dt.date) -> bool:
    """The message set its own answer date after the filing: _premature reports that."""
    return message.respond_by is not None and filed < message.respond_by


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
        yield Problem(
            f"the moving side's {c.channel} of {c.date} ({c.id}) asked for an answer by "
            f"{c.respond_by}, but the motion was filed on {filed}, before that date and "
            "with no answer in between (The Gap, Inc. v. SVES GO, LLC, S.F. Super. Ct. No. CGC24615167, "
            "Dept. 301, Aug. 26, 2025: not waiting is not a good-faith effort)",
            at=(*c.at, "respond_by"),
            communication=c.id,
            key=f"premature:{c.id}",
        )


def _answered(case: Case, message: Communication, filed: dt.date) -> bool:
    return any(c.side != "moving" and c.answers == message.id and c.date <= filed for c in case.communications)


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _when(days: int) -> str:
    return "on the day of filing" if days == 0 else f"{days} day{'s' if days != 1 else ''} before filing"


def _filed(case: Case) -> str:
    return f" (filed {case.motion.filed})" if case.motion.filed else ""


def _at(case: Case) -> tuple[str | int, ...]:
    return ("meet_and_confer",) if case.communications else ("motion", "kind")


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL004 needs and the manifest leaves out (reported by CAL490)."""
    if not needs_meet_and_confer(case) or case.motion.filed is not None:
        return
    moving = [c for c in case.communications if c.side == "moving" and c.substantive]
    dated = [c for c in moving if c.respond_by is not None]
    for c in dated:
        yield Problem(
            f"motion.filed is missing, so CAL004 cannot tell whether the motion was "
            f"filed before {c.respond_by}, the answer date {c.id} set",
            at=("motion",),
            key=f"CAL004:filed:{c.id}",
        )
    if moving and not dated:  # one finding per missing fact: adding the date runs both checks
        last = max(moving, key=lambda c: c.date)
        yield Problem(
            f"motion.filed is missing, so CAL004 cannot tell whether the moving side's "
            f"last message ({last.id}, {last.date}) left the other side time to answer "
            "before filing",
            at=("motion",),
            key="CAL004:filed:too-close",
        )


RULES = (mc_effort,)
