"""22 NYCRR 202.20-f(b): the consultation is an in-person or telephonic conference, and the affirmation details it."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Context, Problem, rule

from filelint_newyork import facts
from filelint_newyork.authorities import AO_270_20, FIFTH_AVE, R202_20FB, R202_20FC, VIDEO
from filelint_newyork.facts import NEW_YORK

#: 202.20-f(b): the affirmation sets out "the date and time of such conference, persons participating, and the
#: length of time of the conference" (the date is the entry's own date).
DETAILS = (("time", "the time"), ("participants", "who took part"), ("duration_minutes", "how long it lasted"))
#: 202.20-f(b) relieves the movant where the other side unreasonably refused, and "absent exigent circumstances".
EXCUSING = ("opponent-refused", "exigent")

NY_COMPEL = 'court: {system: ny-supreme}\ncase: {number: "153412/2024"}\nmotion: {kind: compel-further-rfp}\n'


def _applies(ctx: Context) -> bool:
    return facts.is_disclosure_motion(ctx) and facts.under_202_20f(ctx)


def _excused(ctx: Context) -> bool:
    excuse = facts.excuse(ctx)
    return excuse is not None and excuse.get("reason") in EXCUSING


@rule(
    "NY103",
    "no-live-conference",
    "error",
    systems=NEW_YORK,
    summary="A New York discovery motion follows letters, emails or voicemails only: no in-person or telephonic "
    "conference between counsel before filing.",
    why="22 NYCRR 202.20-f(b): absent exigent circumstances, counsel must first consult in a good faith effort to "
    "resolve all disclosure disputes, and 'such consultation must take place by an in-person or telephonic "
    "conference'. Failing that, the motion may be denied without prejudice or held in abeyance "
    "(202.20-f(c)). A letter alone is not conferral (241 Fifth Ave. Hotel v. GSY Corp., 1st Dept 2013).",
    authority=[R202_20FB, R202_20FC, AO_270_20, FIFTH_AVE],
    fix="Hold an in-person or telephone conference with opposing counsel on every dispute before filing and record "
    "it under meet_and_confer (channel: phone or in-person); if the other side unreasonably refused, set out "
    "the efforts and the responses (motion.conferral_excuse with reason: opponent-refused).",
    fail_example=NY_COMPEL + "meet_and_confer:\n  - {id: m1, date: 2024-05-01, from: moving, channel: letter}\n"
    "  - {id: m2, date: 2024-05-08, from: moving, channel: email}",
    pass_example=NY_COMPEL + "meet_and_confer:\n  - {id: m1, date: 2024-05-01, from: moving, channel: letter}\n"
    "  - {id: m2, date: 2024-05-06, from: moving, channel: phone}",
    reads=(
        "court.system",
        "motion.kind",
        "motion.filed",
        "meet_and_confer[].channel",
        "meet_and_confer[].date",
        "motion.conferral_excuse",
    ),
    notes="Applies to motions filed on or after Feb. 1, 2021, when 202.20-f took effect (AO/270/20); for earlier "
    "motions NY102 asks for a consultation under 202.7(c). A record whose only live conferences were by video "
    "gets NY104 (a warning) instead. The Commercial "
    "Division's letter-and-conference procedure (22 NYCRR 202.70(g) Rule 14) and judges' part rules are not "
    "encoded.",
)
def no_live_conference(ctx: Context) -> Iterator[Problem]:
    if not _applies(ctx) or facts.live_before_filing(ctx) or _excused(ctx):
        return
    written = [facts.brief(c) for c in ctx.case.before_filing()]
    record = f"only {', '.join(written)}" if written else "no meet-and-confer communication at all"
    at: tuple[str | int, ...] = ("meet_and_confer",) if ctx.case.communications else ("motion", "kind")
    yield Problem(
        f"{facts.motion_label(ctx)}: the manifest records {record} before filing; 22 NYCRR 202.20-f(b) "
        "requires an in-person or telephonic conference, not letters or emails alone",
        at=at,
        key="live-conference",
    )


@rule(
    "NY104",
    "video-conference-only",
    "warning",
    systems=NEW_YORK,
    summary="The only conference before the New York discovery motion was held by video; 22 NYCRR 202.20-f(b) "
    "names in-person and telephonic conferences.",
    why="22 NYCRR 202.20-f(b) says the consultation 'must take place by an in-person or telephonic conference'. "
    "A video conference is live dialogue and is probably enough, but no source seen says so; hence a warning.",
    authority=[R202_20FB, VIDEO],
    fix="Say in the affirmation that the video conference was live with audio (and, if the part rules speak to "
    "it, cite them), or hold a telephone conference as well.",
    fail_example=NY_COMPEL + "meet_and_confer:\n  - {id: m1, date: 2024-05-06, from: moving, channel: video}",
    pass_example=NY_COMPEL + "meet_and_confer:\n  - {id: m1, date: 2024-05-06, from: moving, channel: phone}",
    reads=("meet_and_confer[].channel", "meet_and_confer[].date", "motion.filed"),
    notes="Warning only: the point rests on an unconfirmed reading [U]. Motions filed on or after Feb. 1, 2021.",
)
def video_conference_only(ctx: Context) -> Iterator[Problem]:
    if not _applies(ctx):
        return
    live = facts.live_before_filing(ctx)
    if not live or any(c.channel in facts.NAMED_LIVE for c in live):
        return
    ids = ", ".join(f"{c.id} {c.date}" for c in live)
    yield Problem(
        f"the only conferences before filing were by video ({ids}); 22 NYCRR 202.20-f(b) names in-person "
        "and telephonic conferences",
        at=live[0].at,
        key="video",
    )


@rule(
    "NY105",
    "conference-details-missing",
    "error",
    systems=NEW_YORK,
    summary="The affirmation does not set out the conference's date and time, who took part and how long it lasted.",
    why="22 NYCRR 202.20-f(b): each discovery motion 'shall be supported by an affidavit or affirmation from "
    "counsel attesting to counsel having conducted an in-person or telephonic conference, setting forth the "
    "date and time of such conference, persons participating, and the length of time of the conference'.",
    authority=[R202_20FB, R202_20FC, AO_270_20],
    fix="Set out in the affirmation when the conference began, each person who took part and how long it "
    "lasted, and record them on the meet_and_confer entry (time, participants, duration_minutes).",
    fail_example=NY_COMPEL + "meet_and_confer:\n  - {id: m1, date: 2024-05-06, from: moving, channel: phone}",
    pass_example=NY_COMPEL + "meet_and_confer:\n  - {id: m1, date: 2024-05-06, from: moving, channel: phone, "
    'time: "14:30",\n     participants: [Ana Ruiz (plaintiff), Tom Hale (defendant)], '
    "duration_minutes: 25}",
    reads=(
        "meet_and_confer[].channel",
        "meet_and_confer[].time",
        "meet_and_confer[].participants",
        "meet_and_confer[].duration_minutes",
    ),
    notes="Checks every phone, video or in-person conference dated on or before filing, for motions filed on or "
    "after Feb. 1, 2021 (AO/270/20). The date is the entry's own date.",
)
def conference_details_missing(ctx: Context) -> Iterator[Problem]:
    if not _applies(ctx):
        return
    for comm in facts.live_before_filing(ctx):
        gaps = [label for name, label in DETAILS if not facts.extra(comm, name)]
        if gaps:
            yield Problem(
                f"conference {facts.conference_label(comm)}: the affirmation does not set out "
                f"{', '.join(gaps[:-1]) + ' or ' + gaps[-1] if len(gaps) > 1 else gaps[0]} "
                "(22 NYCRR 202.20-f(b)); add them to the affirmation and to this meet_and_confer entry",
                at=comm.at,
                key=f"details:{comm.id}",
            )
