"""22 NYCRR 202.7(a)(2) and (c): the affirmation of good faith and what it must say."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Context, Problem, rule

from filelint_newyork import facts
from filelint_newyork.authorities import ANUCHINA, ENCALADA, FIFTH_AVE, NATOLI, R202_7A, R202_7C
from filelint_newyork.facts import NEW_YORK

#: 202.7(c): what the affirmation indicates about each consultation (the nature is the channel).
CONTENT = (
    ("time", "the time"),
    ("place", "the place"),
    ("issues_discussed", "the issues discussed"),
    ("resolution", 'any resolution (or "none")'),
)

NY_COMPEL = 'court: {system: ny-supreme}\ncase: {number: "153412/2024"}\nmotion: {kind: compel-further-rfp}\n'


@rule(
    "NY101",
    "good-faith-affirmation-missing",
    "error",
    systems=NEW_YORK,
    summary="A New York motion relating to disclosure is filed without an affirmation that counsel conferred "
    "with opposing counsel in a good faith effort to resolve the issues it raises.",
    why="22 NYCRR 202.7(a)(2): no motion relating to disclosure or to a bill of particulars shall be filed unless "
    "an affirmation that counsel has conferred with counsel for the opposing party in a good faith effort to "
    "resolve the issues raised by the motion is served and filed with the motion papers. Failure to provide "
    "it warrants denial (Anuchina v. Marine Transp. Logistics, 2d Dept 2023).",
    authority=[R202_7A, ANUCHINA, ENCALADA],
    fix="Serve and file an affirmation of good faith with the motion papers (list it under papers with role: "
    "certification), or mark the affirmation in support that contains it with good_faith_affirmation: true.",
    fail_example=NY_COMPEL + "papers:\n  - {role: notice, path: notice.pdf}\n"
    "  - {role: declaration, path: affirmation-in-support.pdf}",
    pass_example=NY_COMPEL + "papers:\n  - {role: notice, path: notice.pdf}\n"
    "  - {role: certification, path: good-faith-affirmation.pdf}",
    reads=(
        "court.system",
        "motion.kind",
        "motion.relates_to_disclosure",
        "papers[].role",
        "papers[].good_faith_affirmation",
    ),
    notes="Applies to motion kinds compel-* and protective-order, and to kind other with "
    "motion.relates_to_disclosure: true. The affirmation may be a paper of its own (role: certification) or a "
    "part of counsel's affirmation in support (good_faith_affirmation: true on that paper; Encalada v. "
    "Riverside Retail, 2d Dept 2019, calls a separate affirmation the better practice). A manifest that "
    "lists no papers gets NY001 instead. 22 NYCRR 202.7(d) (orders to show cause) is not modelled.",
)
def affirmation_missing(ctx: Context) -> Iterator[Problem]:
    if not facts.is_disclosure_motion(ctx) or facts.affirmation_stated(ctx) is not False:
        return
    conferred = [facts.brief(c) for c in ctx.case.before_filing() if c.side == "moving"]
    record = (
        f"; the manifest records conferral ({', '.join(conferred)}) but no affirmation of it"
        if conferred
        else "; the manifest records no conferral by the moving side either"
    )
    yield Problem(
        f"{facts.motion_label(ctx)} relates to disclosure, but no paper is an affirmation of good faith "
        f"(22 NYCRR 202.7(a)(2)){record}",
        at=("papers",),
        key="affirmation",
    )


def _gaps(comm: object) -> list[str]:
    return [label for name, label in CONTENT if not facts.extra(comm, name)]


@rule(
    "NY102",
    "good-faith-affirmation-incomplete",
    "error",
    systems=NEW_YORK,
    summary="The affirmation of good faith does not state the time, place and nature of the consultation, the "
    "issues discussed and any resolution, or good cause why no consultation was held.",
    why="22 NYCRR 202.7(c): the affirmation 'shall indicate the time, place and nature of the consultation and the "
    "issues discussed and any resolutions, or shall indicate good cause why no such conferral with counsel "
    "for opposing parties was held'. An affirmation that refers to no communication evincing a diligent "
    "effort is insufficient (Natoli v. Milazzo, 2d Dept 2009); a letter faxed before a deposition is not "
    "conferral (241 Fifth Ave. Hotel v. GSY Corp., 1st Dept 2013).",
    authority=[R202_7C, NATOLI, FIFTH_AVE],
    fix="State in the affirmation, for each conference, when it began, where (or by what means) it was held, "
    "the issues discussed and what was resolved, and record them on the meet_and_confer entry (time, place, "
    "issues_discussed, resolution); or state good cause why no conferral was held (motion.conferral_excuse).",
    fail_example=NY_COMPEL + "papers:\n  - {role: certification, path: good-faith-affirmation.pdf}\n"
    "meet_and_confer:\n  - {id: m1, date: 2024-05-06, from: moving, channel: phone}",
    pass_example=NY_COMPEL + "papers:\n  - {role: certification, path: good-faith-affirmation.pdf}\n"
    "meet_and_confer:\n  - {id: m1, date: 2024-05-06, from: moving, channel: phone, "
    'time: "14:30", place: by telephone,\n     issues_discussed: "RFP Nos. 4-9", '
    'resolution: "none; defendant stands on its objections"}',
    reads=(
        "meet_and_confer[].channel",
        "meet_and_confer[].time",
        "meet_and_confer[].place",
        "meet_and_confer[].issues_discussed",
        "meet_and_confer[].resolution",
        "motion.conferral_excuse",
    ),
    notes="Checks each phone, video or in-person conference dated on or before filing; the nature is its channel. "
    "When the manifest records no communication at all before filing, the affirmation must give good cause "
    "(motion.conferral_excuse). For a motion filed before Feb. 1, 2021, written messages alone are reported "
    "here; from that date 22 NYCRR 202.20-f applies and NY103 reports them. Whether the conferral was in good "
    "faith is a judgment this rule does not make.",
)
def affirmation_incomplete(ctx: Context) -> Iterator[Problem]:
    if not facts.is_disclosure_motion(ctx) or facts.affirmation_stated(ctx) is not True:
        return
    live = facts.live_before_filing(ctx)
    for comm in live:
        gaps = _gaps(comm)
        if gaps:
            yield Problem(
                f"the affirmation of good faith does not state {_join(gaps)} of conference "
                f"{facts.conference_label(comm)} (22 NYCRR 202.7(c)); add them to the affirmation and to "
                "this meet_and_confer entry",
                at=comm.at,
                key=f"content:{comm.id}",
            )
    if live or facts.excuse(ctx) is not None:
        return
    earlier = [c for c in ctx.case.before_filing() if c.side == "moving"]
    if not ctx.case.before_filing():
        yield Problem(
            f"{facts.motion_label(ctx)}: the affirmation of good faith can indicate no consultation (the "
            "manifest records none before filing) and states no good cause why none was held "
            "(22 NYCRR 202.7(c))",
            at=("motion", "kind"),
            key="content:none",
        )
    elif not facts.under_202_20f(ctx):  # from Feb. 1, 2021 NY103 (202.20-f) says this
        sent = ", ".join(facts.brief(c) for c in earlier) or "none from the moving side"
        yield Problem(
            f"{facts.motion_label(ctx)}: the affirmation can point only to written messages ({sent}), no "
            "consultation with opposing counsel and no good cause for its absence (22 NYCRR 202.7(c)); a "
            "letter is not conferral (241 Fifth Ave. Hotel v. GSY Corp.)",
            at=("meet_and_confer",),
            key="content:written",
        )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
