"""NY001: the facts a New York rule needs and the manifest does not state (never a silent pass)."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Context, Problem, rule

from filelint_newyork import facts, notice
from filelint_newyork.authorities import CPLR_2214B, R202_7A, R202_20FB
from filelint_newyork.facts import NEW_YORK


def _scope(ctx: Context) -> Iterator[Problem]:
    if facts.disclosure_stated(ctx) is None:
        yield Problem(
            "NY101-NY105 (22 NYCRR 202.7, 202.20-f) cannot tell whether this kind other motion relates to "
            "disclosure: add motion.relates_to_disclosure (true or false)",
            at=("motion", "kind"),
            key="scope",
        )


def _affirmation(ctx: Context) -> Iterator[Problem]:
    if facts.is_disclosure_motion(ctx) and facts.affirmation_stated(ctx) is None:
        yield Problem(
            "NY101 (22 NYCRR 202.7(a)(2)) cannot tell whether the motion includes an affirmation of good "
            "faith: the manifest lists no papers",
            at=("motion", "kind"),
            key="NY101:papers",
        )


@rule(
    "NY001",
    "newyork-needs-input",
    "info",
    systems=NEW_YORK,
    summary="A New York rule could not be checked because the manifest leaves out a fact it needs.",
    why="A check that cannot run must say so rather than pass silently: this finding names the missing fact and "
    "the rule waiting for it.",
    authority=[R202_7A, R202_20FB, CPLR_2214B],
    fix="Add the named fact to the manifest (see the message).",
    fail_example='court: {system: ny-supreme}\ncase: {number: "153412/2024"}\nmotion: {kind: compel-further-rfp}',
    pass_example='court: {system: ny-supreme}\ncase: {number: "153412/2024"}\n'
    "motion: {kind: compel-further-rfp, hearing: 2024-06-14, served: {date: 2024-05-31, method: mail}}\n"
    "papers:\n  - {role: certification, path: good-faith-affirmation.pdf}",
    reads=("court.system", "motion.kind", "motion.relates_to_disclosure", "papers", "motion.hearing", "motion.served"),
    notes="Info level: it never fails a run on its own. Each message names the rule (NY101, NY201, ...) that is "
    "waiting for the fact.",
)
def needs_input(ctx: Context) -> Iterator[Problem]:
    if not facts.is_new_york(ctx):
        return
    yield from _scope(ctx)
    yield from _affirmation(ctx)
    yield from notice.missing(ctx)
